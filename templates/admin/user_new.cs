<?cs set:Page.Title = L.Admin.User.NewTitle ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.User.NewTitle ?></h1>
<?cs call:error() ?>
<form method="post" action="/quan-tri/can-bo/moi" class="form card" autocomplete="off">
  <?cs call:hidden_common() ?>
  <?cs call:field("username", L.Admin.User.Username, Page.F.username, "text", 64, 1) ?>
  <p class="help"><?cs var:L.Admin.User.UsernameHelp ?></p>
  <?cs include:"admin/_user_fields.cs" ?>
  <?cs call:field("password", L.Admin.User.Password, "", "password", 256, 1) ?>
  <p class="help"><?cs var:L.Admin.User.PasswordHelp ?></p>
  <button type="submit"><?cs var:L.Admin.User.Create ?></button>
</form>
<?cs include:"_foot.cs" ?>
