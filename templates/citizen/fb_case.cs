<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Fb.CaseTitle + " " + Page.Case.Code ?><?cs include:"_head.cs" ?>
<?cs if:Page.New ?>
<div class="card ok" role="status" data-draft-done="motcua-fb"><script src="/static/upload.js" defer></script>
  <h1><?cs var:L.Fb.SentTitle ?></h1>
  <p><?cs var:L.Fb.SentText ?></p>
  <p><?cs var:L.Fb.YourCode ?>: <strong class="code"><?cs var:Page.Case.Code ?></strong></p>
  <?cs if:Page.LinkKey ?><p><?cs var:L.Fb.YourLink ?><br><a href="/phan-anh/<?cs var:Page.Case.Code ?>?k=<?cs var:Page.LinkKey ?>"><?cs var:Site.BaseURL ?>/phan-anh/<?cs var:Page.Case.Code ?>?k=<?cs var:Page.LinkKey ?></a></p><?cs /if ?>
</div>
<?cs else ?>
<h1><?cs var:L.Fb.CaseTitle ?> <span class="code"><?cs var:Page.Case.Code ?></span></h1>
<?cs /if ?>
<dl class="facts">
  <dt><?cs var:L.Fb.Status ?></dt><dd><strong><?cs var:L.Fb.Statuses[Page.Case.Status] ?></strong><?cs if:Page.Case.Overdue == "1" ?> · <span class="error"><?cs var:L.Fb.Overdue ?></span><?cs /if ?></dd>
  <dt><?cs var:L.Fb.Kind ?></dt><dd><?cs var:L.Fb.Kinds[Page.Case.Kind].Name ?></dd>
  <dt><?cs var:L.Fb.Unit ?></dt><dd><?cs var:Page.Case.UnitName ?><?cs if:Page.Case.CounterName ?> · <?cs var:Page.Case.CounterName ?><?cs /if ?></dd>
  <dt><?cs var:L.Fb.Received ?></dt><dd><?cs var:Page.Case.Created ?></dd>
  <?cs if:Page.Case.Answered ?><dt><?cs var:L.Fb.Answered ?></dt><dd><?cs var:Page.Case.Answered ?></dd>
  <?cs else ?><dt><?cs var:L.Fb.Due ?></dt><dd><?cs var:Page.Case.Due ?></dd><?cs /if ?>
</dl>
<h2><?cs var:L.Fb.Answer ?></h2>
<?cs if:Page.Case.Answer ?><div class="card answer"><p class="pre"><?cs var:Page.Case.Answer ?></p></div>
<?cs else ?><p class="muted"><?cs var:L.Fb.NoAnswerYet ?></p><?cs /if ?>
<?cs # what the case's state machine lets the citizen do now (Page.Can); an answer is judged once ?>
<?cs if:Page.Can.satisfied && !Page.Case.AnswerSatisfied ?>
<form method="post" action="/phan-anh/<?cs var:Page.Case.Code ?>/danh-gia" class="card">
  <?cs call:hidden_common() ?>
  <?cs if:Page.LinkKey ?><input type="hidden" name="k" value="<?cs var:Page.LinkKey ?>"><?cs /if ?>
  <p><strong><?cs var:L.Fb.RateAnswer ?></strong></p>
  <button type="submit" name="satisfied" value="1" class="lv3"><?cs var:L.Fb.Satisfied ?></button>
  <button type="submit" name="satisfied" value="0" class="lv1"><?cs var:L.Fb.NotSatisfied ?></button>
</form>
<?cs /if ?>
<?cs if:Page.Can.reply ?>
<form method="post" action="/phan-anh/<?cs var:Page.Case.Code ?>/bo-sung" class="form card">
  <?cs call:hidden_common() ?>
  <?cs if:Page.LinkKey ?><input type="hidden" name="k" value="<?cs var:Page.LinkKey ?>"><?cs /if ?>
  <h2><?cs var:L.Fb.ReplyTitle ?></h2>
  <p class="help"><?cs var:L.Fb.ReplyHelp ?></p>
  <?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
  <label for="reply"><?cs var:L.Fb.ReplyTitle ?></label>
  <textarea id="reply" name="reply" rows="4" maxlength="4000"><?cs var:Page.Reply ?></textarea>
  <button type="submit"><?cs var:L.Fb.ReplySend ?></button>
</form>
<?cs /if ?>
<?cs # an anonymous sender left no contact: no messages to give or stop ?><?cs if:Page.Case.Identity != "anonymous" ?><?cs include:"citizen/_consent.cs" ?><?cs call:consent_box("/phan-anh/" + Page.Case.Code + "/ngung-thong-bao") ?><?cs /if ?>
<p class="data-link"><a href="/phan-anh/<?cs var:Page.Case.Code ?>/du-lieu<?cs if:Page.LinkKey ?>?k=<?cs var:Page.LinkKey ?><?cs /if ?>"><?cs var:L.DataReq.Link ?></a></p>
<h2><?cs var:L.Fb.Timeline ?></h2>
<ol class="timeline">
<?cs each:e = Page.Case.Events ?>
  <li><span class="muted"><?cs var:e.at ?></span> — <?cs alt:L.Fb.Events[e.event] ?><?cs var:e.event ?><?cs /alt ?>
  <?cs if:e.body && e.event != "answer" ?><p class="pre"><?cs var:e.body ?></p><?cs /if ?></li>
<?cs /each ?>
</ol>
<?cs include:"_foot.cs" ?>
