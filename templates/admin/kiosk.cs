<?cs set:Page.Title = L.AdminKiosk.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.AdminKiosk.Title ?></h1>
<p class="help"><?cs var:L.AdminKiosk.Help ?></p>
<?cs if:Page.NewUrl ?>
<div class="card ok" role="status">
  <p><?cs var:L.AdminKiosk.NewUrl ?></p>
  <p class="code pre" id="new-url"><?cs var:Page.NewUrl ?></p>
</div>
<?cs /if ?>
<?cs if:subcount(Page.Kiosks) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.AdminKiosk.Title ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.AdminKiosk.Name ?></th><th scope="col"><?cs var:L.Qr.Counter ?></th><th scope="col"><?cs var:L.Admin.Created ?></th><th scope="col"><?cs var:L.AdminKiosk.Last ?></th><th scope="col"><?cs var:L.Admin.Status ?></th></tr></thead>
  <tbody><?cs each:k = Page.Kiosks ?><tr><td><?cs var:k.name ?></td><td><?cs var:k.counter ?> · <?cs var:k.unit ?></td><td><?cs var:k.created ?></td><td><?cs var:k.last ?></td>
  <td><?cs if:k.revoked == "1" ?><span class="muted"><?cs var:L.AdminKiosk.Revoked ?></span><?cs else ?>
  <a class="btn destructive" href="/quan-tri/may-tinh-bang/thu-hoi?id=<?cs var:k.id ?>"><?cs var:L.AdminKiosk.Revoke ?> <?cs var:k.name ?>…</a><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="post" action="/quan-tri/may-tinh-bang" class="form card">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <label for="k-name"><?cs var:L.AdminKiosk.Name ?></label>
  <input id="k-name" name="name" maxlength="120" value="<?cs var:Page.F.name ?>">
  <label for="k-counter"><?cs var:L.Qr.Counter ?></label>
  <select id="k-counter" name="counter"><?cs each:c = Page.Counters ?><option value="<?cs var:c.id ?>"><?cs var:c.name ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:L.AdminKiosk.Create ?></button>
</form>
<?cs include:"_foot.cs" ?>
