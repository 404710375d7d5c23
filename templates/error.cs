<?cs set:Page.Title = L.Err[Page.ErrKey].Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Err[Page.ErrKey].Title ?></h1>
<p><?cs var:L.Err[Page.ErrKey].Text ?></p>
<?cs if:Page.ErrDetail ?><p class="error"><?cs var:Page.ErrDetail ?></p><?cs /if ?>
<p><a href="/"><?cs var:L.Err.Back ?></a></p>
<p class="muted">HTTP <?cs var:Page.Status ?></p>
<?cs include:"_foot.cs" ?>
