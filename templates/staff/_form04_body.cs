  <header class="sheet-head">
    <div><p class="org"><?cs var:a.unit ?></p><p><?cs var:L.Form04.Number ?>: <?cs alt:a.number ?>…/PXL<?cs /alt ?></p></div>
    <div class="nation"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p><strong>Độc lập - Tự do - Hạnh phúc</strong></p></div>
  </header>
  <h1 class="sheet-title"><?cs var:L.Form04.Heading ?></h1>
  <?cs if:a.status == "draft" ?><p class="center bad"><?cs var:L.Apology.DraftStamp ?></p><?cs /if ?>
  <p><?cs var:L.Form04.To ?>: <strong><?cs alt:Page.D.Name ?><?cs var:L.Form04.Applicant ?><?cs /alt ?></strong></p>
  <p><?cs var:L.Form04.Intro1 ?> <?cs var:Page.D.Received ?>, <?cs var:Page.D.Unit ?> <?cs var:L.Form04.Intro2 ?>: <?cs var:Page.D.Procedure ?>.</p>
  <p><?cs var:L.Form01.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p><?cs var:L.Form04.OldDate ?>: <?cs var:a.old_due ?></p>
  <p><?cs var:L.Form04.Missed ?></p>
  <p><?cs var:L.Apology.Reason ?>: <?cs var:a.reason_text ?></p>
  <p><?cs var:L.Form04.Sorry ?></p>
  <p><?cs var:L.Form04.NewDate ?>: <strong><?cs var:a.new_due ?></strong></p>
  <div class="signs"><div class="small"><p><strong><?cs var:L.Form04.Recipients ?>:</strong></p><p>- <?cs var:L.Form04.AsAbove ?>;</p><p>- <?cs var:L.Form04.OneStop ?>;</p><p>- <?cs var:L.Form04.Archive ?>.</p></div>
  <div><?cs if:a.deputy_head == "1" ?><p><strong><?cs var:a.signer_title ?></strong></p><?cs else ?><p><strong><?cs alt:a.signer_title ?><?cs var:L.Form04.Head ?><?cs /alt ?></strong></p><?cs /if ?><p class="muted"><?cs var:L.Form04.SignSeal ?></p><p class="signer"><?cs var:a.signer_name ?></p></div></div>
