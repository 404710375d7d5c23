<?cs set:Page.Title = L.Admin.Unit.NewTitle ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.Unit.NewTitle ?></h1>
<?cs call:error() ?>
<form method="post" action="/quan-tri/don-vi/moi" class="form card">
  <?cs call:hidden_common() ?>
  <?cs call:field("code", L.Admin.Unit.Code, Page.F.code, "text", 40, 1) ?>
  <p class="help"><?cs var:L.Admin.Unit.CodeHelp ?></p>
  <?cs include:"admin/_unit_fields.cs" ?>
  <button type="submit"><?cs var:L.Admin.Unit.Create ?></button>
</form>
<?cs include:"_foot.cs" ?>
