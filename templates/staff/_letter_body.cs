<?cs # The apology letter of one apology `a` of dossier Page.D, the same on the
     paper and on the citizen's page (always in Vietnamese: the caller renders
     it with the Vietnamese strings).  Circular 01/2018: "Phiếu xin lỗi và hẹn
     lại ngày trả kết quả"; Circular 03/2025: "Văn bản xin lỗi và đề nghị gia
     hạn thời gian giải quyết".  Both annexes were not read: the body follows
     the structure of docs/papers.md (unconfirmed wording: the apology sentence,
     the TT03 line of the proposed date).  Signature block: the head's title,
     or "KT."/"TL."/"TUQ." above it with the signer's own position. ?>
  <?cs if:a.number ?><?cs call:paper_head(a.parent, a.unit, a.number, a.place, a.signed_d, a.signed_m, a.signed_y) ?><?cs else ?><?cs call:paper_head(a.parent, a.unit, "…/PXL", a.place, "", "", "") ?><?cs /if ?>
  <h1 class="sheet-title"><?cs if:Page.D.Papers == "TT03" ?><?cs var:L.Letter.TT03.Heading ?><?cs else ?><?cs var:L.Letter.Heading ?><?cs /if ?></h1>
  <?cs if:a.status == "draft" ?><p class="center bad"><?cs var:L.Apology.DraftStamp ?></p><?cs /if ?>
  <p class="center"><?cs var:L.Form.To ?>: <strong><?cs var:L.Form.Sir ?> <?cs var:Page.D.Name ?></strong></p>
  <p><?cs var:L.Letter.Intro1 ?> <?cs var:Page.D.Received ?>, <?cs var:Page.D.Unit ?> <?cs var:L.Letter.Intro2 ?>: <?cs var:Page.D.Procedure ?>.</p>
  <p><?cs var:L.Receipt.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong></p>
  <p><?cs var:L.Letter.OldDate ?>: <?cs var:a.old_due ?></p>
  <p><?cs var:L.Letter.Missed ?></p>
  <p><?cs var:L.Apology.Reason ?>: <?cs var:a.reason_text ?></p>
  <p><?cs var:L.Letter.Sorry ?></p>
  <p><?cs if:Page.D.Papers == "TT03" ?><?cs var:L.Letter.TT03.NewDate ?><?cs else ?><?cs var:L.Letter.NewDate ?><?cs /if ?>: <strong><?cs var:a.new_due ?></strong></p>
  <div class="signs"><div class="small"><p><strong><?cs var:L.Form.Recipients ?>:</strong></p><p>- <?cs var:L.Form.AsAbove ?>;</p><p>- <?cs var:L.Form.OneStop ?>;</p><p>- <?cs var:L.Form.Archive ?>.</p></div>
  <div class="sign-block"><?cs if:a.sign_mode == "KT" || a.sign_mode == "TL" || a.sign_mode == "TUQ" ?><p class="sign-for"><strong><?cs var:a.sign_mode ?>. <?cs var:a.signer_title ?></strong></p><p class="sign-pos"><strong><?cs var:a.signer_position ?></strong></p><?cs else ?><p class="sign-for"><strong><?cs alt:a.signer_title ?><?cs var:L.Letter.Head ?><?cs /alt ?></strong></p><?cs /if ?><p class="muted"><?cs var:L.Form.SignSeal ?></p><p class="signer"><?cs var:a.signer_name ?></p></div></div>
