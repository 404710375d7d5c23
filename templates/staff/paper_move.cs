<?cs # The paper a move issues, A5, named by its title (the circulars number
     them differently):
       - Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Circular 01/2018 and 03/2025);
       - Phiếu từ chối tiếp nhận giải quyết hồ sơ (both);
       - Thông báo dừng giải quyết hồ sơ (Circular 03/2025 only).
     Neither annex was read: the fields follow docs/papers.md (unconfirmed: the
     wording of every sentence, the number suffixes PBSHS and TCHS, and TBDG,
     which is this system's own for the notice of stopping). ?>
<?cs include:"staff/_print.cs" ?>
<?cs each:e = Page.Events ?><?cs if:e.id == Page.EventId ?>
<?cs if:e.event == "supplement_requested" ?><?cs set:Page.Title = L.Supplement.Title ?><?cs elif:e.event == "refused" ?><?cs set:Page.Title = L.Refusal.Title ?><?cs else ?><?cs set:Page.Title = L.Stop.Title ?><?cs /if ?>
<?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<p class="noprint"><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>">← <?cs var:Page.D.Code ?></a> · <?cs var:L.Form.PrintHint ?></p>
<article class="sheet a5" aria-label="<?cs var:Page.Title ?>">
  <?cs call:paper_head(e.parent, e.unit, e.paper_no, e.place, e.at_d, e.at_m, e.at_y) ?>
  <?cs if:e.event == "supplement_requested" ?>
  <h1 class="sheet-title"><?cs var:L.Supplement.Heading ?></h1>
  <p><?cs var:L.Receipt.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p><?cs var:e.unit ?> <?cs var:L.Supplement.Intro ?>: <strong><?cs var:L.Form.Sir ?> <?cs var:Page.D.Name ?></strong></p>
  <p><?cs var:L.Fb.Address ?>: <?cs var:Page.D.Address ?> · <?cs var:L.Fb.Phone ?>: <?cs var:Page.D.Phone ?></p>
  <p><?cs var:L.Receipt.Request ?>: <?cs var:Page.D.Procedure ?></p>
  <p><?cs var:L.Supplement.Items ?>:</p>
  <p class="pre items"><?cs var:e.body ?></p>
  <p><?cs var:L.Supplement.Help ?>: <?cs var:e.unit ?><?cs if:Page.D.UnitHotline ?>, <?cs var:L.Site.Hotline ?>: <?cs var:Page.D.UnitHotline ?><?cs /if ?>.</p>
  <div class="signs"><div></div><div><p><strong><?cs var:L.Supplement.Signer ?></strong></p><p class="muted"><?cs var:L.Form.SignName ?></p></div></div>
  <?cs elif:e.event == "refused" ?>
  <h1 class="sheet-title"><?cs var:L.Refusal.Heading ?></h1>
  <p><?cs var:L.Receipt.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p><?cs var:e.unit ?> <?cs var:L.Refusal.Intro ?>: <strong><?cs var:L.Form.Sir ?> <?cs var:Page.D.Name ?></strong></p>
  <p><?cs var:L.Fb.Address ?>: <?cs var:Page.D.Address ?> · <?cs var:L.Fb.Phone ?>: <?cs var:Page.D.Phone ?></p>
  <p><?cs var:L.Receipt.Request ?>: <?cs var:Page.D.Procedure ?></p>
  <p><?cs var:L.Refusal.Basis ?> <?cs var:Page.D.LegalBasis ?>, <?cs var:e.unit ?> <?cs var:L.Refusal.Refuse ?>:</p>
  <p class="pre items"><?cs var:e.body ?></p>
  <p><?cs var:L.Refusal.Sorry ?></p>
  <div class="signs"><div></div><div><p><strong><?cs var:L.Refusal.Signer ?></strong></p><p class="muted"><?cs var:L.Form.SignName ?></p></div></div>
  <?cs else ?>
  <h1 class="sheet-title"><?cs var:L.Stop.Heading ?></h1>
  <p class="center"><?cs var:L.Form.To ?>: <strong><?cs var:L.Form.Sir ?> <?cs var:Page.D.Name ?></strong></p>
  <p><?cs var:L.Letter.Intro1 ?> <?cs var:Page.D.Received ?>, <?cs var:Page.D.Unit ?> <?cs var:L.Stop.Intro ?> <?cs var:L.Form.Sir ?> <?cs var:Page.D.Name ?>: <?cs var:Page.D.Procedure ?>.</p>
  <p><?cs var:L.Receipt.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p><?cs var:e.unit ?> <?cs var:L.Stop.Stopped ?> <?cs var:e.at_p ?>.</p>
  <p><?cs var:L.Stop.Reason ?>: <?cs var:e.body ?></p>
  <p><?cs var:L.Stop.Sorry ?></p>
  <div class="signs"><div class="small"><p><strong><?cs var:L.Form.Recipients ?>:</strong></p><p>- <?cs var:L.Form.AsAbove ?>;</p><p>- <?cs var:L.Form.OneStop ?>;</p><p>- <?cs var:L.Form.Archive ?>.</p></div>
  <div><p><strong><?cs var:L.Stop.Signer ?></strong></p><p class="muted"><?cs var:L.Form.SignSeal ?></p></div></div>
  <?cs /if ?>
</article>
<?cs include:"_foot.cs" ?>
<?cs /if ?><?cs /each ?>
