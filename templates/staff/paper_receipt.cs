<?cs # Giấy tiếp nhận hồ sơ và hẹn trả kết quả: Circular 01/2018 and Circular
     03/2025 (Annex I) both have it, A5, in two copies (one kept, one given to
     the applicant).  The fields follow docs/papers.md; the annex text itself
     was not read (unconfirmed: the "/TNHS" suffix and the wording of the copy
     line).  Item 5 is the statutory appointment of the last processing cycle. ?>
<?cs include:"staff/_print.cs" ?><?cs set:Page.Title = L.Receipt.Title ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<p class="noprint"><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>">← <?cs var:Page.D.Code ?></a> · <?cs var:L.Form.PrintHint ?></p>
<?cs each:copy = L.Receipt.Copies ?>
<article class="sheet a5" aria-label="<?cs var:L.Receipt.Title ?> (<?cs var:copy ?>)">
  <?cs call:paper_head(Page.D.Parent, Page.D.Unit, Page.D.BookSeq + "/TNHS", Page.D.Place, Page.D.RecvD, Page.D.RecvM, Page.D.RecvY) ?>
  <h1 class="sheet-title"><?cs var:L.Receipt.Heading ?></h1>
  <p class="center"><?cs var:L.Receipt.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p class="center muted copy">(<?cs var:copy ?>)</p>
  <p><?cs var:Page.D.Unit ?> <?cs var:L.Receipt.ReceivedFrom ?>: <strong><?cs var:Page.D.Name ?></strong></p>
  <p><?cs var:L.Fb.Address ?>: <?cs var:Page.D.Address ?></p>
  <p><?cs var:L.Fb.Phone ?>: <?cs var:Page.D.Phone ?> · <?cs var:L.Fb.Email ?>: <?cs var:Page.D.Email ?></p>
  <p><?cs var:L.Receipt.Request ?>: <?cs var:Page.D.Procedure ?></p>
  <p>1. <?cs var:L.Receipt.Documents ?>:</p>
  <table class="slip docs"><caption class="sr-only"><?cs var:L.Receipt.Documents ?></caption>
    <thead><tr><?cs each:h = L.Receipt.DocCols ?><th scope="col"><?cs var:h ?></th><?cs /each ?></tr></thead>
    <tbody><?cs each:doc = Page.D.Docs ?><tr><td><?cs var:name(doc) + 1 ?></td><td><?cs var:doc.name ?></td><td class="center"><?cs if:doc.form == "original" ?>x<?cs /if ?></td><td class="center"><?cs if:doc.form == "certified_copy" ?>x<?cs /if ?></td><td class="center"><?cs if:doc.form == "copy" ?>x<?cs /if ?></td><td class="center"><?cs var:doc.count ?></td></tr><?cs /each ?></tbody>
  </table>
  <p>2. <?cs var:L.Receipt.Sets ?>: <?cs var:Page.D.Sets ?> <?cs var:L.Receipt.SetsUnit ?></p>
  <p>3. <?cs var:L.Receipt.Time ?>: <?cs var:Page.D.TimeValue ?> <?cs var:L.Dossier.Unit[Page.D.TimeUnit] ?></p>
  <p>4. <?cs var:L.Receipt.ReceivedAt ?>: <?cs var:Page.D.Received ?></p>
  <p>5. <?cs var:L.Receipt.ReturnAt ?>: <strong><?cs var:Page.D.Statutory ?></strong></p>
  <p>6. <?cs var:L.Receipt.CollectAt ?>: <?cs var:L.Receipt.Collects[Page.D.Collect] ?></p>
  <p><?cs var:L.Receipt.Fee ?>: <?cs var:Page.D.Fee ?></p>
  <p><?cs var:L.Receipt.Book ?>: <?cs var:Page.D.BookVolume ?>/<?cs var:Page.D.RecvY ?>, <?cs var:L.Receipt.BookSeq ?>: <?cs var:Page.D.BookSeq ?></p>
  <div class="qr-row"><?cs call:qr_block() ?><p><?cs var:L.Receipt.QrText ?><br><span class="url"><?cs var:Page.QrUrl ?></span><br><?cs var:L.Site.Hotline ?>: <?cs var:Page.D.UnitHotline ?></p></div>
  <div class="signs"><div><p><strong><?cs var:L.Receipt.Submitter ?></strong></p><p class="muted"><?cs var:L.Form.SignName ?></p></div>
  <div><p><strong><?cs var:L.Receipt.Receiver ?></strong></p><p class="muted"><?cs var:L.Form.SignName ?></p><p class="signer"><?cs var:Page.D.Officer ?></p></div></div>
</article>
<?cs /each ?>
<?cs include:"_foot.cs" ?>
