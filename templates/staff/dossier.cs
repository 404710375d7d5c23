<?cs include:"_macros.cs" ?><?cs set:Page.Title = Page.D.Code ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Dossier.Title ?> <span class="code"><?cs var:Page.D.Code ?></span></h1>
<?cs if:Page.Restricted == "1" ?><p class="banner bad" role="status" id="restricted"><strong><?cs var:L.DataReq.Banner ?></strong></p><?cs /if ?>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<p><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/giay-hen"><?cs var:L.Dossier.Receipt ?></a> ·
   <a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/phieu-kiem-soat"><?cs var:L.Dossier.Slip ?></a></p>
<dl class="facts">
  <dt><?cs var:L.Dossier.Procedure ?></dt><dd><?cs var:Page.D.Procedure ?> (<?cs var:Page.D.NationalCode ?>)</dd>
  <dt><?cs var:L.Dossier.Applicant ?></dt><dd><?cs var:Page.D.Name ?><?cs if:Page.D.Phone ?> · <?cs var:Page.D.Phone ?><?cs /if ?><?cs if:Page.D.Email ?> · <?cs var:Page.D.Email ?><?cs /if ?></dd>
  <dt><?cs var:L.Dossier.Status ?></dt><dd><strong><?cs var:L.Dossier.St[Page.D.Status] ?></strong> · <span class="<?cs if:Page.D.Lateness == "overdue" || Page.D.Lateness == "late" ?>bad<?cs /if ?>"><?cs var:L.Dossier.Late[Page.D.Lateness] ?></span></dd>
  <dt><?cs var:L.Dossier.Received ?></dt><dd><?cs var:Page.D.Received ?></dd>
<?cs include:"_dossier_due.cs" ?>
  <dt><?cs var:L.Dossier.ProcUnit ?></dt><dd><?cs var:Page.D.ProcUnit ?></dd>
</dl>
<?cs if:Page.D.WaitClock ?><p class="note" id="wait-clock"><?cs var:L.Dossier.Wait[Page.D.WaitClock] ?></p><?cs /if ?>
<h2 id="chu-ky"><?cs var:L.Dossier.Cycles.Title ?></h2>
<table class="list"><caption class="sr-only"><?cs var:L.Dossier.Cycles.Title ?></caption>
<thead><tr><th scope="col"><?cs var:L.Dossier.Cycles.N ?></th><th scope="col"><?cs var:L.Dossier.Cycles.Started ?></th><th scope="col"><?cs var:L.Dossier.Cycles.Statutory ?></th><th scope="col"><?cs var:L.Dossier.Cycles.Paused ?></th><th scope="col"><?cs var:L.Dossier.Cycles.Ended ?></th></tr></thead>
<tbody><?cs each:c = Page.Cycles ?><tr><td><?cs var:c.n ?></td><td><?cs var:c.started ?></td><td><?cs var:c.statutory ?></td><td><?cs var:c.paused_days ?></td><td><?cs if:c.ended ?><?cs var:c.ended ?> · <?cs var:L.Dossier.Cycles.End[c.end_reason] ?><?cs /if ?></td></tr><?cs /each ?></tbody>
</table>
<?cs if:Page.D.Rule.Title ?><p class="help"><?cs var:L.Dossier.RuleOf ?> <?cs var:Page.D.Rule.Title ?>. <?cs var:L.Dossier.WithinRule ?> <?cs var:Page.D.Rule.WithinDays ?> <?cs var:L.Dossier.WithinDays ?> <?cs var:Page.D.Rule.MaxRestarts ?> <?cs var:L.Dossier.WithinRestarts ?></p><?cs /if ?>
<h2><?cs var:L.Dossier.Actions ?></h2>
<?cs # one small form per move, with only the fields that move needs;
  note_label names its reason field (none when empty) ?>
<?cs def:move(action, label, note_label, needs_unit, kind) ?>
<form method="post" action="/can-bo/ho-so/<?cs var:Page.D.Code ?>/<?cs var:action ?>" class="form card">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <?cs if:needs_unit ?><label for="u-<?cs var:action ?>"><?cs var:L.Dossier.ToUnit ?></label>
  <select id="u-<?cs var:action ?>" name="unit" required><option value=""><?cs var:L.Case.ChooseUnit ?></option><?cs each:u = Page.Units ?><option value="<?cs var:u.id ?>"><?cs var:u.name ?></option><?cs /each ?></select>
  <label for="r-<?cs var:action ?>"><?cs var:L.Dossier.Receiver ?></label>
  <input id="r-<?cs var:action ?>" name="receiver" maxlength="120">
  <label for="due-<?cs var:action ?>"><?cs var:L.Dossier.StepDue ?></label>
  <input id="due-<?cs var:action ?>" name="step_due" type="date"><?cs /if ?>
  <?cs if:note_label ?><label for="n-<?cs var:action ?>"><?cs var:note_label ?></label>
  <input id="n-<?cs var:action ?>" name="note" maxlength="1000" required><?cs /if ?>
  <button type="submit" class="<?cs var:kind ?>"><?cs var:label ?></button>
</form>
<?cs /def ?>
<?cs # the moves the dossier's state machine allows now (Page.Can, set from the table) ?>
<?cs if:Page.Can.forward ?><?cs call:move("chuyen", L.Dossier.Mv.forward, "", 1, "primary") ?><?cs /if ?>
<?cs if:Page.Can.ready ?><?cs call:move("co-ket-qua", L.Dossier.Mv.ready, "", 0, "primary") ?><?cs /if ?>
<?cs if:Page.Can.supplement ?>
<?cs if:Page.D.SupplementNow ?><p class="help" id="supplement-now"><?cs var:L.Dossier.SupplementNow ?> <?cs var:L.Dossier.Wait[Page.D.SupplementNow] ?></p><?cs /if ?>
<?cs call:move("yeu-cau-bo-sung", L.Dossier.Mv.supplement, L.Dossier.NoteSupplement, 0, "secondary") ?>
<?cs /if ?>
<?cs if:Page.Can.supplied ?><?cs call:move("da-bo-sung", L.Dossier.Mv.supplied, "", 0, "primary") ?><?cs /if ?>
<?cs if:Page.Can.return ?><?cs call:move("tra-ket-qua", L.Dossier.Mv.return, "", 0, "primary") ?><?cs /if ?>
<?cs if:Page.Can.refuse || Page.Can.stop ?>
<p class="actions-row"><?cs if:Page.Can.refuse ?><a class="btn destructive" href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/tu-choi"><?cs var:L.Dossier.Mv.refuse ?>…</a><?cs /if ?>
<?cs if:Page.Can.stop ?><a class="btn destructive" href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/dung"><?cs var:L.Dossier.Mv.stop ?>…</a><?cs /if ?></p>
<?cs /if ?>

<h2 id="xin-loi"><?cs var:L.Apology.Title ?></h2>
<?cs each:a = Page.Apologies ?>
<div class="card">
  <p><strong><?cs if:a.number ?><?cs var:a.number ?><?cs else ?><?cs var:L.Apology.Draft ?><?cs /if ?></strong> · <?cs var:L.Apology.St[a.status] ?> · <?cs var:a.unit ?></p>
  <p><?cs var:L.Apology.Reason ?>: <?cs var:a.reason_text ?></p>
  <p><?cs var:L.Apology.NewDate ?>: <?cs var:a.new_due ?> (<?cs var:L.Apology.OldDate ?>: <?cs var:a.old_due ?>)<?cs if:a.kept ?> · <span class="<?cs if:a.kept == "missed" ?>bad<?cs /if ?> apology-kept"><?cs var:L.Apology.Kept[a.kept] ?></span><?cs /if ?></p>
  <?cs if:a.signed ?><p><?cs var:L.Apology.Signed ?>: <?cs var:a.signed ?>, <?cs if:a.sign_mode != "head" ?><?cs var:a.sign_mode ?>. <?cs /if ?><?cs var:a.signer_title ?><?cs if:a.signer_position ?> / <?cs var:a.signer_position ?><?cs /if ?> <?cs var:a.signer_name ?><?cs if:a.on_time == "0" ?> · <span class="bad"><?cs var:L.Apology.LateSigned ?></span><?cs /if ?></p><?cs /if ?>
  <?cs if:a.delivered ?><p><?cs var:L.Apology.Delivered ?>: <?cs var:L.Apology.Ch[a.delivery] ?>, <?cs var:a.delivered ?></p><?cs /if ?>
  <p><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/xin-loi/<?cs var:a.id ?>"><?cs var:L.Apology.Print ?></a></p>
  <?cs if:a.may_sign == "1" ?>
  <form method="post" action="/can-bo/ho-so/<?cs var:Page.D.Code ?>/xin-loi/<?cs var:a.id ?>/ky" class="form">
    <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
    <label for="title-<?cs var:a.id ?>"><?cs var:L.Apology.SignerTitle ?></label>
    <input id="title-<?cs var:a.id ?>" name="title" maxlength="120" value="<?cs var:a.head_title ?>">
    <label class="opt"><input type="checkbox" name="deputy" value="1"> <?cs var:L.Apology.Deputy ?></label>
    <label for="position-<?cs var:a.id ?>"><?cs var:L.Apology.Position ?></label>
    <input id="position-<?cs var:a.id ?>" name="position" maxlength="120">
    <button type="submit" class="primary"><?cs var:L.Apology.Sign ?></button>
  </form>
  <?cs /if ?>
  <?cs if:a.status == "signed" ?>
  <form method="post" action="/can-bo/ho-so/<?cs var:Page.D.Code ?>/xin-loi/<?cs var:a.id ?>/gui" class="form">
    <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
    <label for="ch-<?cs var:a.id ?>"><?cs var:L.Apology.Channel ?></label>
    <select id="ch-<?cs var:a.id ?>" name="channel"><?cs each:c = L.Apology.Ch ?><option value="<?cs name:c ?>"><?cs var:c ?></option><?cs /each ?></select>
    <button type="submit" class="primary"><?cs var:L.Apology.Deliver ?></button>
  </form>
  <?cs /if ?>
</div>
<?cs /each ?>
<?cs if:Page.Can.apology ?>
<form method="post" action="/can-bo/ho-so/<?cs var:Page.D.Code ?>/xin-loi" class="form card">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <h3><?cs var:L.Apology.DraftTitle ?></h3>
  <p class="help"><?cs var:L.Apology.RuleOf ?> <?cs var:Page.D.LegalTitle ?>. <?cs var:L.Apology.RuleLead ?> <?cs var:Page.D.LeadDays ?> <?cs var:L.Dossier.Unit[Page.D.LeadUnit] ?> <?cs var:L.Apology.RuleBefore ?> <?cs var:Page.D.MaxReappoint ?> <?cs var:L.Apology.RuleTimes ?></p>
  <label for="reason"><?cs var:L.Apology.Reason ?></label>
  <select id="reason" name="reason"><?cs each:x = Page.Reasons ?><option value="<?cs var:x ?>"><?cs var:L.Apology.Reasons[x] ?></option><?cs /each ?></select>
  <label for="reason_text"><?cs var:L.Apology.ReasonText ?></label>
  <textarea id="reason_text" name="reason_text" rows="3" maxlength="2000"><?cs var:Page.ReasonText ?></textarea>
  <label for="new_date"><?cs var:L.Apology.NewDate ?></label>
  <input id="new_date" name="new_date" type="date" value="<?cs var:Page.NewDate ?>">
  <button type="submit" class="secondary"><?cs var:L.Apology.Save ?></button>
</form>
<?cs /if ?>
<h2><?cs var:L.Dossier.Steps ?></h2>
<ol class="timeline"><?cs each:s = Page.Steps ?><li><?cs var:s.handed ?>: <?cs var:s.from ?> → <?cs var:s.to ?> (<?cs var:s.giver ?>)<?cs if:s.done ?> · <?cs var:s.done ?> · <?cs var:L.Dossier.Late[s.result] ?><?cs /if ?><?cs if:s.note ?> — <?cs var:s.note ?><?cs /if ?></li><?cs /each ?></ol>
<h2><?cs var:L.Fb.Timeline ?></h2>
<ol class="timeline"><?cs each:e = Page.Events ?><li><span class="muted"><?cs var:e.at ?></span> — <?cs var:L.Dossier.Ev[e.event] ?><?cs if:e.unit ?> · <?cs var:e.unit ?><?cs /if ?><?cs if:e.body ?> — <?cs var:e.body ?><?cs /if ?><?cs if:e.paper_no ?> · <a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/phieu/<?cs var:e.id ?>"><?cs var:L.Dossier.PrintPaper ?> <?cs var:e.paper_no ?></a><?cs elif:e.event == "stopped" ?> · <span class="muted"><?cs var:L.Dossier.NoStopNotice ?></span><?cs /if ?></li><?cs /each ?></ol>
<?cs include:"staff/_sent.cs" ?>
<?cs include:"_foot.cs" ?>
