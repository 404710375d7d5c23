<?cs set:Page.Title = L.AdminProc.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.AdminProc.Title ?></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<?cs if:Page.Imported || Page.Refused ?>
<div class="card<?cs if:Page.Refused > #0 ?> warn<?cs else ?> ok<?cs /if ?>" role="status">
  <p><?cs var:L.AdminProc.Stored ?>: <strong id="imported"><?cs var:Page.Imported ?></strong> · <?cs var:L.AdminProc.Refused ?>: <strong id="refused"><?cs var:Page.Refused ?></strong></p>
  <?cs if:Page.Report ?><pre class="pre"><?cs var:Page.Report ?></pre><?cs /if ?>
</div>
<?cs /if ?>
<form method="post" action="/quan-tri/thu-tuc" enctype="multipart/form-data" class="form card">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <label for="csv"><?cs var:L.AdminProc.File ?></label>
  <input id="csv" name="csv" type="file" accept=".csv,text/csv" aria-describedby="csv-help">
  <p class="help" id="csv-help"><?cs var:L.AdminProc.Help ?></p>
  <button type="submit"><?cs var:L.AdminProc.Import ?></button>
</form>
<p class="muted"><?cs var:L.AdminProc.Count ?>: <?cs var:Page.Count ?></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.AdminProc.Title ?>"><table>
<thead><tr><th scope="col"><?cs var:L.Proc.Code ?></th><th scope="col">v</th><th scope="col"><?cs var:L.Dossier.Procedure ?></th><th scope="col"><?cs var:L.Proc.Field ?></th><th scope="col"><?cs var:L.Proc.Time ?></th><th scope="col"><?cs var:L.Proc.Where ?></th><th scope="col"><?cs var:L.Proc.Effective ?></th></tr></thead>
<tbody><?cs each:p = Page.Procs ?><tr><td><?cs var:p.code ?></td><td><?cs var:p.version ?></td><td><?cs var:p.name ?></td><td><?cs var:p.field ?></td><td><?cs var:p.time ?></td><td><?cs var:p.unit ?></td><td><?cs var:p.from ?><?cs if:p.to ?> – <?cs var:p.to ?><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs include:"_foot.cs" ?>
