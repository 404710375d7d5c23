<?cs set:Page.Title = L.TooLarge.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.TooLarge.Title ?></h1>
<p><?cs var:L.TooLarge.Why ?></p>
<p><?cs var:L.Fb.FilesHelp ?></p>
<p><?cs var:L.TooLarge.Kept ?></p>
<p><a href="/phan-anh/moi"><?cs var:L.TooLarge.Back ?></a></p>
<?cs include:"_foot.cs" ?>
