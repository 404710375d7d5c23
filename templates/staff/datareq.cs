<?cs include:"_macros.cs" ?><?cs set:Page.Title = Page.R.code ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.DataReq.Staff.Title ?> <span class="code"><?cs var:Page.R.code ?></span></h1>
<?cs if:Page.Restricted == "1" ?><p class="banner bad" role="status" id="restricted"><strong><?cs var:L.DataReq.Banner ?></strong></p><?cs /if ?>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<p><a href="/can-bo/yeu-cau-du-lieu"><?cs var:L.DataReq.Staff.Title ?></a></p>
<dl class="facts">
  <dt><?cs var:L.DataReq.Staff.Object ?></dt><dd><a href="/can-bo/<?cs if:Page.R.type == "dossier" ?>ho-so<?cs else ?>phan-anh<?cs /if ?>/<?cs var:Page.R.object ?>"><?cs var:Page.R.object ?></a></dd>
  <dt><?cs var:L.DataReq.Staff.Kind ?></dt><dd><strong><?cs var:L.DataReq.Kinds[Page.R.kind] ?></strong></dd>
  <?cs if:Page.R.field ?><dt><?cs var:L.DataReq.Fields[Page.R.field] ?></dt><dd><?cs if:Page.R.confidential ?><span class="muted"><?cs var:L.DataReq.Staff.Hidden ?></span><?cs else ?><?cs var:Page.R.value ?><?cs /if ?></dd><?cs /if ?>
  <?cs if:Page.R.detail ?><dt><?cs var:L.DataReq.Reason ?></dt><dd class="pre"><?cs var:Page.R.detail ?></dd><?cs /if ?>
  <dt><?cs var:L.DataReq.Asked ?></dt><dd><?cs var:Page.R.created ?></dd>
  <dt><?cs var:L.DataReq.Due ?></dt><dd id="due"><?cs var:Page.R.due ?><?cs if:Page.R.kind == "restrict" ?> (<?cs var:Page.R.hours ?> <?cs var:L.DataReq.Staff.DueHours ?>)<?cs /if ?><?cs if:Page.R.overdue ?> · <span class="bad"><?cs var:L.DataReq.Staff.Overdue ?></span><?cs /if ?></dd>
  <dt><?cs var:L.DataReq.Status ?></dt><dd><strong><?cs var:L.DataReq.Statuses[Page.R.status] ?></strong><?cs if:Page.R.answered ?> · <?cs var:Page.R.answered ?><?cs /if ?></dd>
</dl>
<?cs if:Page.R.answer ?><div class="card answer"><p class="pre"><?cs var:Page.R.answer ?></p></div><?cs /if ?>
<h2><?cs var:L.DataReq.Staff.Current ?></h2>
<dl class="facts">
  <?cs each:f = L.DataReq.Fields ?>
  <dt><?cs var:f ?></dt><dd><?cs if:Page.Held.Hidden ?><span class="muted"><?cs var:L.DataReq.Staff.Hidden ?></span><?cs else ?><?cs alt:Page.Held[name(f)] ?><span class="muted"><?cs var:L.DataReq.None ?></span><?cs /alt ?><?cs /if ?></dd>
  <?cs /each ?>
  <?cs if:Page.R.type == "feedback" ?><dt><?cs var:L.DataReq.Files ?></dt><dd><?cs var:Page.Held.Files ?></dd><?cs /if ?>
</dl>
<?cs if:Page.R.status == "open" ?>
<form method="post" action="/can-bo/yeu-cau-du-lieu/<?cs var:Page.R.id ?>/tra-loi" class="form card">
  <?cs call:hidden_common() ?>
  <h2><?cs var:L.DataReq.Staff.Decision ?></h2>
  <p class="help"><?cs if:Page.R.kind == "erase" ?><?cs var:L.DataReq.Staff.WhatDone["erase_" + Page.R.type] ?><?cs else ?><?cs var:L.DataReq.Staff.WhatDone[Page.R.kind] ?><?cs /if ?></p>
  <fieldset><legend><?cs var:L.DataReq.Staff.Decision ?></legend>
    <label><input type="radio" name="decision" value="done"<?cs if:Page.F.decision == "done" ?> checked<?cs /if ?>> <?cs var:L.DataReq.Staff.Done ?></label>
    <label><input type="radio" name="decision" value="refused"<?cs if:Page.F.decision == "refused" ?> checked<?cs /if ?>> <?cs var:L.DataReq.Staff.Refuse ?></label>
    <?cs if:Page.Err.decision ?><p class="error"><?cs var:Page.Err.decision ?></p><?cs /if ?>
  </fieldset>
  <label for="dr-answer"><?cs var:L.DataReq.Staff.AnswerLabel ?></label>
  <textarea id="dr-answer" name="answer" rows="4" maxlength="4000"><?cs var:Page.F.answer ?></textarea>
  <?cs if:Page.Err.answer ?><p class="error"><?cs var:Page.Err.answer ?></p><?cs /if ?>
  <button type="submit"><?cs var:L.DataReq.Staff.Send ?></button>
</form>
<?cs /if ?>
<?cs include:"_foot.cs" ?>
