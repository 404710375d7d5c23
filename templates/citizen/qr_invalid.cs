<?cs set:Page.Title = L.Qr.InvalidTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Qr.InvalidTitle ?></h1>
<p><?cs var:L.Qr[Page.Reason] ?></p>
<p><a href="/"><?cs var:L.Err.Back ?></a></p>
<?cs include:"_foot.cs" ?>
