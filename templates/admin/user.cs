<?cs set:Page.Title = Page.User.username ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.User.Details ?> <span class="code"><?cs var:Page.User.username ?></span></h1>
<?cs if:Page.New ?><p class="card ok" role="status"><?cs var:L.Admin.User.Created ?></p><?cs /if ?>
<?cs call:done() ?>
<?cs call:error() ?>
<dl class="facts">
  <dt><?cs var:L.Admin.Status ?></dt><dd><?cs if:Page.User.disabled == "1" ?><span class="bad"><?cs var:L.Admin.User.Disabled ?></span><?cs else ?><?cs var:L.Admin.User.Enabled ?><?cs /if ?><?cs if:Page.User.must_change == "1" ?> · <?cs var:L.Admin.User.MustChange ?><?cs /if ?></dd>
  <dt><?cs var:L.Admin.User.Sessions ?></dt><dd><?cs var:Page.User.sessions ?></dd>
  <dt><?cs var:L.Admin.User.Since ?></dt><dd><?cs var:Page.User.created ?></dd>
</dl>
<?cs if:Page.Self == "1" ?><p class="help"><?cs var:L.Admin.User.Self ?></p><?cs /if ?>
<form method="post" action="/quan-tri/can-bo/<?cs var:url_escape(Page.User.username) ?>" class="form card">
  <?cs call:hidden_common() ?>
  <?cs include:"admin/_user_fields.cs" ?>
  <button type="submit"><?cs var:L.Admin.Save ?></button>
</form>
<form method="post" action="/quan-tri/can-bo/<?cs var:url_escape(Page.User.username) ?>/mat-khau" class="form card" autocomplete="off">
  <?cs call:hidden_common() ?>
  <h2><?cs var:L.Admin.User.Reset ?></h2>
  <p class="help"><?cs var:L.Admin.User.ResetHelp ?></p>
  <?cs call:field("password", L.Admin.User.NewPassword, "", "password", 256, 1) ?>
  <button type="submit"><?cs var:L.Admin.User.ResetButton ?></button>
</form>
<?cs if:Page.User.disabled == "1" ?>
<form method="post" action="/quan-tri/can-bo/<?cs var:url_escape(Page.User.username) ?>/mo-khoa" class="card">
  <?cs call:hidden_common() ?>
  <button type="submit"><?cs var:L.Admin.User.Enable ?></button>
</form>
<?cs elif:Page.Self != "1" ?>
<form method="post" action="/quan-tri/can-bo/<?cs var:url_escape(Page.User.username) ?>/khoa" class="card">
  <?cs call:hidden_common() ?>
  <p class="help"><?cs var:L.Admin.User.DisableHelp ?></p>
  <button type="submit" class="secondary"><?cs var:L.Admin.User.Disable ?></button>
</form>
<?cs /if ?>
<?cs include:"_foot.cs" ?>
