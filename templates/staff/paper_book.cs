<?cs set:Page.Title = L.Book.Title ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<?cs # Sổ theo dõi hồ sơ (Circular 01/2018 and Circular 03/2025), A4: the
     heading names the unit and the period; columns per docs/papers.md (the
     annex text was not read: unconfirmed). ?>
<header class="book-head"><p class="org"><?cs var:Page.UnitName ?></p>
<h1><?cs var:L.Book.Heading ?></h1>
<p class="period"><?cs var:L.Book.Period ?> <?cs var:Page.FromVi ?> <?cs var:L.Book.PeriodTo ?> <?cs var:Page.ToVi ?></p></header>
<form method="get" action="/can-bo/so-theo-doi" class="filters noprint">
  <label for="tu"><?cs var:L.Lead.From ?></label><input id="tu" name="tu" type="date" value="<?cs var:Page.From ?>">
  <label for="den"><?cs var:L.Lead.To ?></label><input id="den" name="den" type="date" value="<?cs var:Page.To ?>">
  <button type="submit"><?cs var:L.Inbox.Filter ?></button>
</form>
<?cs include:"_csv_purpose.cs" ?><form method="get" action="/can-bo/so-theo-doi" class="inline-form noprint">
  <input type="hidden" name="tu" value="<?cs var:Page.From ?>"><input type="hidden" name="den" value="<?cs var:Page.To ?>">
  <?cs call:csv_purpose_fields() ?>
</form>
<p class="noprint"><?cs var:L.Book.PrintHint ?></p>
<div class="table-wrap book-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Book.Title ?>"><table class="slip book">
<thead><tr><?cs each:h = L.Book.Cols ?><th scope="col"><?cs var:h ?></th><?cs /each ?></tr></thead>
<tbody><?cs each:x = Page.Rows ?><tr><td><?cs var:x.seq ?></td><td><?cs var:x.code ?></td><td><?cs var:x.procedure ?></td><td><?cs var:x.sets ?></td><td><?cs var:x.name ?></td><td><?cs var:x.contact ?></td><td><?cs var:x.procunit ?></td><td><?cs var:x.received ?></td><td><?cs var:x.due ?></td><td><?cs var:x.forwarded ?></td><td><?cs var:x.finished ?></td><td><?cs var:x.returned ?></td><td><?cs var:L.Dossier.St[x.status] ?></td><td></td></tr><?cs /each ?></tbody>
</table></div>
<?cs include:"_foot.cs" ?>
