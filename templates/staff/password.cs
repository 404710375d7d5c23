<?cs set:Page.Title = L.Password.Title ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Password.Title ?></h1>
<?cs if:Page.Done ?><p class="card ok" role="status"><?cs var:L.Password.Done ?></p><?cs /if ?>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="post" action="/can-bo/doi-mat-khau" class="form narrow">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <label for="old"><?cs var:L.Password.Old ?></label>
  <input id="old" name="old" type="password" autocomplete="current-password" required>
  <label for="new"><?cs var:L.Password.New ?></label>
  <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required>
  <label for="again"><?cs var:L.Password.Again ?></label>
  <input id="again" name="again" type="password" autocomplete="new-password" minlength="10" required>
  <button type="submit"><?cs var:L.Password.Save ?></button>
</form>
<?cs include:"_foot.cs" ?>
