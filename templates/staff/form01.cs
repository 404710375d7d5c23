<?cs include:"staff/_print.cs" ?><?cs set:Page.Title = L.Form01.Title ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<p class="noprint"><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>">← <?cs var:Page.D.Code ?></a> · <?cs var:L.Form.PrintHint ?></p>
<article class="sheet a5" aria-label="<?cs var:L.Form01.Title ?>">
  <header class="sheet-head">
    <div><p class="org"><?cs var:Page.D.Unit ?></p><p><?cs var:L.Form01.Number ?>: <?cs var:Page.D.BookSeq ?>/TNHS</p></div>
    <div class="nation"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p><strong>Độc lập - Tự do - Hạnh phúc</strong></p></div>
  </header>
  <h1 class="sheet-title"><?cs var:L.Form01.Heading ?></h1>
  <p class="center"><?cs var:L.Form01.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p class="center muted"><?cs var:L.Form01.Copy ?></p>
  <p><?cs var:Page.D.Unit ?> <?cs var:L.Form01.ReceivedFrom ?>: <strong><?cs var:Page.D.Name ?></strong></p>
  <p><?cs var:L.Fb.Address ?>: <?cs var:Page.D.Address ?></p>
  <p><?cs var:L.Fb.Phone ?>: <?cs var:Page.D.Phone ?> · <?cs var:L.Fb.Email ?>: <?cs var:Page.D.Email ?></p>
  <p><?cs var:L.Form01.Request ?>: <?cs var:Page.D.Procedure ?></p>
  <p>1. <?cs var:L.Form01.Documents ?>:</p>
  <p class="pre docs"><?cs var:Page.D.Documents ?></p>
  <p>2. <?cs var:L.Form01.Sets ?>: <?cs var:Page.D.Sets ?> <?cs var:L.Form01.SetsUnit ?></p>
  <p>3. <?cs var:L.Form01.Time ?>: <?cs var:Page.D.TimeValue ?> <?cs var:L.Dossier.Unit[Page.D.TimeUnit] ?></p>
  <p>4. <?cs var:L.Form01.ReceivedAt ?>: <?cs var:Page.D.Received ?></p>
  <p>5. <?cs var:L.Form01.ReturnAt ?>: <strong><?cs var:Page.D.Statutory ?></strong></p>
  <p>6. <?cs var:L.Form01.CollectAt ?>: <?cs var:L.Dossier.Collects[Page.D.Collect] ?></p>
  <p><?cs var:L.Form01.Fee ?>: <?cs var:Page.D.Fee ?></p>
  <p><?cs var:L.Form01.Book ?>: 1, <?cs var:L.Form01.BookSeq ?> <?cs var:Page.D.BookSeq ?></p>
  <div class="qr-row"><?cs call:qr_block() ?><p><?cs var:L.Form01.QrText ?><br><span class="url"><?cs var:Page.QrUrl ?></span><br><?cs var:L.Site.Hotline ?>: <?cs var:Page.D.UnitHotline ?></p></div>
  <div class="signs"><div><p><strong><?cs var:L.Form01.Submitter ?></strong></p><p class="muted"><?cs var:L.Form.SignName ?></p></div>
  <div><p><strong><?cs var:L.Form01.Receiver ?></strong></p><p class="muted"><?cs var:L.Form.SignName ?></p><p class="signer"><?cs var:Page.D.Officer ?></p></div></div>
</article>
<?cs include:"_foot.cs" ?>
