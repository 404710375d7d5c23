<?cs include:"_macros.cs" ?><?cs set:Page.Title = Page.Case.Code ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Fb.CaseTitle ?> <span class="code"><?cs var:Page.Case.Code ?></span></h1>
<?cs if:Page.Restricted == "1" ?><p class="banner bad" role="status" id="restricted"><strong><?cs var:L.DataReq.Banner ?></strong></p><?cs /if ?>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<dl class="facts">
  <dt><?cs var:L.Fb.Status ?></dt><dd><strong><?cs var:L.Fb.Statuses[Page.Case.Status] ?></strong><?cs if:Page.Case.Escalated == "1" ?> · <span class="bad"><?cs var:L.Inbox.EscalatedTag ?></span><?cs /if ?></dd>
  <dt><?cs var:L.Fb.Kind ?></dt><dd><?cs var:L.Fb.Kinds[Page.Case.Kind].Name ?><?cs if:Page.Case.Formal == "1" ?> · <?cs var:L.Case.Formal ?><?cs /if ?></dd>
  <dt><?cs var:L.Fb.Received ?></dt><dd><?cs var:Page.Case.Created ?></dd>
  <?cs if:Page.Case.due ?><dt><?cs var:L.Fb.Due ?></dt><dd><?cs var:Page.Case.due ?> — <?cs if:Page.Case.paused ?><?cs var:L.Inbox.Paused ?><?cs elif:Page.Case.overdue ?><span class="bad"><?cs var:L.Inbox.LateBy ?> <?cs var:Page.Case.late ?> <?cs var:L.Inbox.Days ?></span><?cs else ?><?cs var:L.Inbox.Left ?> <?cs var:Page.Case.left ?> <?cs var:L.Inbox.Days ?><?cs /if ?></dd><?cs /if ?>
  <?cs if:Page.Case.ForwardDue ?><dt><?cs var:L.Case.ForwardBy ?></dt><dd><?cs var:Page.Case.ForwardDue ?><?cs if:Page.Case.ForwardLate == "1" ?> — <span class="bad"><?cs var:L.Inbox.ForwardLateTag ?></span><?cs /if ?></dd><?cs /if ?>
  <dt><?cs var:L.Fb.Unit ?></dt><dd><?cs var:Page.Case.UnitName ?><?cs if:Page.Case.CounterName ?> · <?cs var:Page.Case.CounterName ?><?cs /if ?></dd>
  <?cs if:Page.Case.OfficerName ?><dt><?cs var:L.Case.About ?></dt><dd><?cs var:Page.Case.OfficerName ?></dd><?cs /if ?>
  <?cs if:Page.Case.AssigneeName ?><dt><?cs var:L.Case.Assignee ?></dt><dd><?cs var:Page.Case.AssigneeName ?></dd><?cs /if ?>
  <?cs if:Page.Case.RatingLevel ?><dt><?cs var:L.Case.FromRating ?></dt><dd><?cs var:L.Level[Page.Case.RatingLevel] ?></dd><?cs /if ?>
  <dt><?cs var:L.Case.Sender ?></dt><dd><?cs var:L.Fb.Ident[Page.Case.Identity].Name ?>
  <?cs if:Page.ContactLine ?><br><span class="contact"><?cs var:Page.ContactLine ?></span><?cs /if ?>
  <?cs if:Page.Case.ContactErased ?><br><span class="help"><?cs var:L.Case.ContactErased ?> <?cs var:Page.Case.ContactErased ?></span><?cs /if ?></dd>
  <dt><?cs var:L.Case.PublicCode ?></dt><dd class="code"><?cs var:Page.Case.PublicCode ?></dd>
</dl>
<h2><?cs var:L.Fb.Content ?></h2>
<div class="card"><p class="pre"><?cs var:Page.Case.Content ?></p></div>
<?cs if:subcount(Page.Files) ?><h2><?cs var:L.Case.Files ?></h2><ul>
<?cs each:f = Page.Files ?><li><a href="/can-bo/tep/<?cs var:f.stored ?>"><?cs var:f.name ?></a> (<?cs var:f.mime ?>, <?cs var:f.size ?> B)</li><?cs /each ?></ul><?cs /if ?>
<?cs if:Page.Case.FilesErased ?><p class="help"><?cs var:L.Case.FilesErased ?> <?cs var:Page.Case.FilesErased ?></p><?cs /if ?>

<?cs if:Page.Case.Identity == "confidential" && Page.Leader == "1" && Page.Revealed != "1" ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/xem-danh-tinh" class="form card">
  <?cs call:hidden_common() ?>
  <h2><?cs var:L.Case.Reveal ?></h2>
  <p class="help"><?cs var:L.Case.RevealHelp ?></p>
  <label for="reveal-reason"><?cs var:L.Case.Reason ?></label>
  <input id="reveal-reason" name="reason" maxlength="500" required>
  <button type="submit" class="secondary"><?cs var:L.Case.RevealButton ?></button>
</form>
<?cs /if ?>

<h2><?cs var:L.Case.Actions ?></h2>
<?cs # the actions the case's state machine allows this user now (Page.Can, set from the table) ?>
<?cs if:Page.Can.accept || Page.Can.conduct ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/phan-loai" class="form card">
  <?cs call:hidden_common() ?>
  <fieldset><legend><?cs var:L.Case.Classify ?></legend>
    <label class="opt"><input type="radio" name="class" value="accepted" required> <?cs var:L.Case.Cls.accepted ?></label>
    <label class="opt"><input type="radio" name="class" value="conduct"> <?cs var:L.Case.Cls.conduct ?></label>
  </fieldset>
  <button type="submit" class="primary"><?cs var:L.Case.Save ?></button>
</form>
<?cs /if ?>
<?cs if:Page.Can.forward ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/phan-loai" class="form card forward">
  <?cs call:hidden_common() ?>
  <input type="hidden" name="class" value="forwarded">
  <h3><?cs var:L.Case.ForwardTitle ?></h3>
  <label for="cls-unit"><?cs var:L.Case.ForwardTo ?></label>
  <select id="cls-unit" name="unit" required><option value=""><?cs var:L.Case.ChooseUnit ?></option>
    <?cs each:u = Page.Units ?><option value="<?cs var:u.id ?>"><?cs var:u.name ?></option><?cs /each ?></select>
  <label for="cls-reason"><?cs var:L.Case.ForwardReason ?></label>
  <input id="cls-reason" name="reason" maxlength="500">
  <button type="submit" class="secondary"><?cs var:L.Case.ForwardButton ?></button>
</form>
<?cs /if ?>
<?cs if:Page.Can.reject ?>
<p><a class="btn destructive" href="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/tu-choi"><?cs var:L.Case.RejectLink ?></a></p>
<?cs /if ?>
<?cs if:Page.Can.assign ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/giao" class="form card">
  <?cs call:hidden_common() ?>
  <label for="assign"><?cs var:L.Case.AssignTo ?></label>
  <select id="assign" name="officer" required><option value=""><?cs var:L.Case.ChooseStaff ?></option><?cs each:s = Page.Staff ?><option value="<?cs var:s.id ?>"><?cs var:s.name ?></option><?cs /each ?></select>
  <button type="submit" class="secondary"><?cs var:L.Case.Assign ?></button>
</form>
<?cs /if ?>
<?cs if:Page.Can.answer ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/tra-loi" class="form card">
  <?cs call:hidden_common() ?>
  <h3><?cs var:L.Case.Answer ?></h3>
  <?cs if:subcount(Page.Canned) ?><p class="help"><?cs var:L.Case.UseCanned ?>:
  <?cs each:k = Page.Canned ?><a href="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>?mau=<?cs var:k.id ?>#answer"><?cs var:k.title ?></a> <?cs /each ?></p><?cs /if ?>
  <label for="answer"><?cs var:L.Case.AnswerText ?></label>
  <textarea id="answer" name="text" rows="6" maxlength="4000"><?cs var:Page.AnswerDraft ?></textarea>
  <p class="help"><?cs var:L.Case.AnswerHelp ?></p>
  <button type="submit" class="primary"><?cs var:L.Case.Publish ?></button>
</form>
<?cs /if ?>
<?cs if:Page.Can.request_info ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/yeu-cau-bo-sung" class="form card">
  <?cs call:hidden_common() ?>
  <label for="info"><?cs var:L.Case.AskInfo ?></label>
  <textarea id="info" name="text" rows="3" maxlength="4000"></textarea>
  <p class="help"><?cs var:L.Case.AskInfoHelp ?></p>
  <button type="submit" class="secondary"><?cs var:L.Case.AskInfoButton ?></button>
</form>
<?cs /if ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/ghi-chu" class="form card">
  <?cs call:hidden_common() ?>
  <label for="note"><?cs var:L.Case.Note ?></label>
  <textarea id="note" name="text" rows="2" maxlength="4000"></textarea>
  <button type="submit" class="secondary"><?cs var:L.Case.AddNote ?></button>
</form>
<?cs if:Page.Can.close ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/dong" class="card">
  <?cs call:hidden_common() ?>
  <button type="submit" class="secondary"><?cs var:L.Case.Close ?></button>
</form>
<?cs /if ?>
<?cs if:Page.Can.reopen ?>
<form method="post" action="/can-bo/phan-anh/<?cs var:Page.Case.Code ?>/mo-lai" class="form card">
  <?cs call:hidden_common() ?>
  <label for="reopen"><?cs var:L.Case.Reopen ?></label>
  <textarea id="reopen" name="text" rows="2" maxlength="4000"></textarea>
  <button type="submit" class="secondary"><?cs var:L.Case.ReopenButton ?></button>
</form>
<?cs /if ?>
<h2><?cs var:L.Fb.Timeline ?></h2>
<ol class="timeline">
<?cs each:e = Page.Events ?>
  <li><span class="muted"><?cs var:e.at ?></span> — <?cs alt:L.Case.Ev[e.event] ?><?cs var:e.event ?><?cs /alt ?><?cs if:e.actor ?> · <?cs var:e.actor ?><?cs /if ?><?cs if:e.public == "0" ?> <span class="tag"><?cs var:L.Case.Internal ?></span><?cs /if ?>
  <?cs if:e.body ?><p class="pre"><?cs var:e.body ?></p><?cs /if ?></li>
<?cs /each ?>
</ol>
<?cs include:"staff/_sent.cs" ?>
<?cs include:"_foot.cs" ?>
