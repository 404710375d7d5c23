<?cs set:Page.Title = L.Staff.LoginTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Staff.LoginTitle ?></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="post" action="/can-bo/dang-nhap" class="form narrow">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <?cs if:Page.Next ?><input type="hidden" name="next" value="<?cs var:Page.Next ?>"><?cs /if ?>
  <label for="username"><?cs var:L.Staff.Username ?></label>
  <input id="username" name="username" autocomplete="username" required maxlength="64" value="<?cs var:Page.Username ?>">
  <label for="password"><?cs var:L.Staff.Password ?></label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
  <button type="submit"><?cs var:L.Staff.Login ?></button>
</form>
<?cs include:"_foot.cs" ?>
