<?cs set:Page.Title = L.Notify.StopPage.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Notify.StopPage.Title ?></h1>
<?cs if:Page.Invalid ?>
<p class="error" role="alert"><?cs var:L.Notify.StopPage.Invalid ?></p>
<?cs elif:Page.Done ?>
<p role="status"><?cs var:L.Notify.StopPage.Done ?></p>
<p><?cs var:L.Notify.StopPage.Still ?></p>
<?cs else ?>
<form method="post" action="/ngung-nhan-tin/<?cs var:Page.Token ?>" class="form narrow">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <p><?cs var:L.Notify.StopPage.Ask ?> <strong><?cs var:Page.To ?></strong>.</p>
  <p><?cs var:L.Notify.StopPage.Still ?></p>
  <button type="submit"><?cs var:L.Notify.StopPage.Button ?></button>
</form>
<?cs /if ?>
<?cs include:"_foot.cs" ?>
