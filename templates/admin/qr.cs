<?cs set:Page.Title = L.Admin.QrPage.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.QrPage.Title ?></h1>
<p class="help"><?cs var:L.Admin.QrPage.Help ?></p>
<form method="get" action="/quan-tri/ma-qr" class="form">
  <label for="f-don-vi"><?cs var:L.Admin.QrPage.ChooseUnit ?></label>
  <select id="f-don-vi" name="don-vi">
    <?cs each:u = Page.Units ?><option value="<?cs var:u.code ?>"<?cs if:u.code == Page.Unit.code ?> selected<?cs /if ?>><?cs var:u.label ?></option><?cs /each ?>
  </select>
  <button type="submit"><?cs var:L.Admin.QrPage.Show ?></button>
</form>
<?cs call:done() ?>
<?cs call:error() ?>
<?cs if:Page.Unit.code ?>
<?cs if:subcount(Page.Links) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Admin.QrPage.Title ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.Admin.QrPage.Kind ?></th><th scope="col"><?cs var:L.Admin.QrPage.Context ?></th><th scope="col"><?cs var:L.Admin.QrPage.Created ?></th><th scope="col"><?cs var:L.Admin.Status ?></th><th scope="col"><?cs var:L.Admin.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:q = Page.Links ?>
  <tr>
    <td><?cs var:L.Admin.QrPage.Kinds[q.kind] ?> <span class="muted">#<?cs var:q.id ?></span></td>
    <td><?cs var:q.counter ?><?cs if:q.officer ?><?cs if:q.counter ?><br><?cs /if ?><?cs var:q.officer ?><?cs /if ?></td>
    <td><?cs var:q.created ?></td>
    <td><?cs if:q.revoked ?><span class="bad"><?cs var:L.Admin.QrPage.Revoked ?> <?cs var:q.revoked ?></span><?cs else ?><?cs var:L.Admin.QrPage.Valid ?><br><a href="/q/<?cs var:q.token ?>/ap-phich"><?cs var:L.Admin.QrPage.Poster ?> #<?cs var:q.id ?></a><?cs /if ?></td>
    <td><?cs if:!q.revoked ?>
      <a class="btn destructive" href="/quan-tri/ma-qr/thu-hoi?id=<?cs var:q.id ?>"><?cs var:L.Admin.QrPage.Revoke ?> #<?cs var:q.id ?>…</a>
      <form method="post" action="/quan-tri/ma-qr/cap-lai"><?cs call:hidden_common() ?><input type="hidden" name="id" value="<?cs var:q.id ?>"><button type="submit" class="secondary"><?cs var:L.Admin.QrPage.Replace ?> #<?cs var:q.id ?></button></form>
    <?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Admin.QrPage.Empty ?></p><?cs /if ?>
<form method="post" action="/quan-tri/ma-qr/moi" class="form card">
  <?cs call:hidden_common() ?><input type="hidden" name="unit" value="<?cs var:Page.Unit.code ?>">
  <h2><?cs var:L.Admin.QrPage.New ?></h2>
  <fieldset><legend><?cs var:L.Admin.QrPage.Kind ?></legend>
    <?cs each:k = Page.QrKinds ?><label class="opt"><input type="radio" name="kind" value="<?cs var:k ?>"<?cs if:Page.F.kind == k || (!Page.F.kind && k == "counter") ?> checked<?cs /if ?>> <?cs var:L.Admin.QrPage.Kinds[k] ?></label><?cs /each ?>
  </fieldset>
  <label for="f-counter"><?cs var:L.Admin.QrPage.Counter ?></label>
  <select id="f-counter" name="counter"<?cs call:err_attrs("counter") ?>><option value="0"><?cs var:L.Admin.None ?></option>
    <?cs each:c = Page.UnitCounters ?><option value="<?cs var:c.id ?>"<?cs if:Page.F.counter == c.id ?> selected<?cs /if ?>><?cs var:c.code ?> – <?cs var:c.name ?></option><?cs /each ?></select>
  <?cs call:field_error("counter") ?>
  <label for="f-officer"><?cs var:L.Admin.QrPage.Officer ?></label>
  <select id="f-officer" name="officer"<?cs call:err_attrs("officer") ?>><option value="0"><?cs var:L.Admin.None ?></option>
    <?cs each:o = Page.Officers ?><option value="<?cs var:o.id ?>"<?cs if:Page.F.officer == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?></select>
  <?cs call:field_error("officer") ?>
  <button type="submit"><?cs var:L.Admin.QrPage.Create ?></button>
</form>
<?cs /if ?>
<?cs include:"_foot.cs" ?>
