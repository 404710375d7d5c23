<?cs # Phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 01/2018 and
     Circular 03/2025): one row per hand-over, each judged against the due
     date of the agency that received it (entered at the hand-over, else the
     dossier's appointment).  Columns per docs/papers.md; the annex text was not
     read (unconfirmed). ?>
<?cs include:"staff/_print.cs" ?><?cs set:Page.Title = L.Slip.Title ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<p class="noprint"><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>">← <?cs var:Page.D.Code ?></a> · <?cs var:L.Form.PrintHint ?> · <a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/phieu-kiem-soat?csv=1"><?cs var:L.Slip.Csv ?></a></p>
<article class="sheet a5" aria-label="<?cs var:L.Slip.Title ?>">
  <?cs call:paper_head(Page.D.Parent, Page.D.Unit, Page.D.BookSeq + "/TNHS", Page.D.Place, Page.D.RecvD, Page.D.RecvM, Page.D.RecvY) ?>
  <h1 class="sheet-title"><?cs var:L.Slip.Heading ?></h1>
  <p><?cs var:L.Receipt.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong> (<?cs var:L.Slip.With ?> <?cs var:Page.D.BookSeq ?>/TNHS)</p>
  <p><?cs var:L.Slip.Agency ?>: <?cs var:Page.D.Competent ?></p>
  <p><?cs var:L.Slip.CoAgencies ?>: <?cs each:c = Page.D.CoAgencies ?><?cs if:name(c) != "0" ?>; <?cs /if ?><?cs var:c.name ?><?cs /each ?></p>
  <table class="slip"><caption class="sr-only"><?cs var:L.Slip.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Slip.Unit ?></th><th scope="col"><?cs var:L.Slip.Handover ?></th><th scope="col"><?cs var:L.Slip.Result ?></th><th scope="col"><?cs var:L.Slip.Note ?></th></tr></thead>
    <tbody><?cs each:s = Page.Steps ?><tr><td><?cs var:s.seq ?>. <?cs var:L.Slip.Give ?>: <?cs var:s.from ?><br><?cs var:L.Slip.Take ?>: <?cs var:s.to ?></td>
      <td><?cs var:s.handed_p ?><br><?cs var:L.Slip.Giver ?>: <?cs var:s.giver ?><br><?cs var:L.Slip.Taker ?>: <?cs var:s.receiver ?><?cs if:s.due ?><br><?cs var:L.Slip.StepDue ?>: <?cs var:s.due ?><?cs /if ?></td>
      <td><?cs if:s.result ?><?cs var:L.Dossier.Late[s.result] ?><?cs /if ?></td><td><?cs var:s.note ?></td></tr><?cs /each ?></tbody>
  </table>
</article>
<?cs include:"_foot.cs" ?>
