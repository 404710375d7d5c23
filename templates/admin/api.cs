<?cs set:Page.Title = L.Admin.ApiPage.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.ApiPage.Title ?></h1>
<p class="help"><?cs var:L.Admin.ApiPage.Help ?></p>
<?cs if:Page.NewKey ?>
<div class="card ok" role="status">
  <p><?cs var:L.Admin.ApiPage.NewKey ?> <strong><?cs var:Page.NewName ?></strong>:</p>
  <p class="code pre" id="new-key"><?cs var:Page.NewKey ?></p>
  <p class="help"><?cs var:L.Admin.ApiPage.NewKeyHelp ?></p>
</div>
<?cs /if ?>
<?cs call:done() ?>
<?cs if:subcount(Page.Clients) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Admin.ApiPage.Title ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.Admin.ApiPage.Name ?></th><th scope="col"><?cs var:L.Admin.ApiPage.Unit ?></th><th scope="col"><?cs var:L.Admin.Created ?></th><th scope="col"><?cs var:L.Admin.Status ?></th></tr></thead>
  <tbody>
  <?cs each:a = Page.Clients ?>
  <tr>
    <td><?cs var:a.name ?></td>
    <td><?cs var:a.unit_name ?> <span class="muted code"><?cs var:a.unit ?></span></td>
    <td><?cs var:a.created ?></td>
    <td><?cs if:a.active == "1" ?><?cs var:L.Admin.ApiPage.Active ?>
      <a class="btn destructive" href="/quan-tri/khoa-api/<?cs var:a.id ?>/ngung"><?cs var:L.Admin.ApiPage.Deactivate ?> <?cs var:a.name ?>…</a>
      <?cs else ?><span class="muted"><?cs var:L.Admin.ApiPage.Inactive ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Admin.ApiPage.Empty ?></p><?cs /if ?>
<?cs call:error() ?>
<form method="post" action="/quan-tri/khoa-api" class="form card">
  <?cs call:hidden_common() ?>
  <?cs call:field("name", L.Admin.ApiPage.Name, Page.F.name, "text", 120, 1) ?>
  <?cs call:unit_select("unit", L.Admin.ApiPage.Unit, Page.F.unit, "") ?>
  <button type="submit"><?cs var:L.Admin.ApiPage.Create ?></button>
</form>
<?cs include:"_foot.cs" ?>
