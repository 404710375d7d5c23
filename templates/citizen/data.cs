<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.DataReq.Title ?><?cs include:"_head.cs" ?>
<?cs def:dr_back() ?><?cs var:Page.Obj.Path ?><?cs if:Page.Obj.Key ?>?k=<?cs var:Page.Obj.Key ?><?cs /if ?><?cs /def ?>
<h1><?cs var:L.DataReq.Title ?></h1>
<p><a href="<?cs call:dr_back() ?>"><?cs var:L.DataReq.Back[Page.Obj.Type] ?></a></p>
<?cs if:Page.NewCode ?>
<div class="card ok" role="status"><p><?cs var:L.DataReq.Sent ?> <strong class="code"><?cs var:Page.NewCode ?></strong></p></div>
<?cs /if ?>
<?cs if:Page.Restricted == "1" ?><p class="note" id="restricted"><?cs var:L.DataReq.RestrictedNote ?></p><?cs /if ?>
<h2><?cs var:L.DataReq.Held ?></h2>
<p class="help"><?cs var:L.DataReq.HeldHelp[Page.Obj.Type] ?></p>
<?cs if:Page.Held.Masked ?><p class="note" id="held-masked"><?cs var:L.DataReq.Masked ?></p><?cs /if ?>
<dl class="facts" id="held">
  <?cs each:f = L.DataReq.Fields ?>
  <dt><?cs var:f ?></dt><dd><?cs alt:Page.Held[name(f)] ?><span class="muted"><?cs var:L.DataReq.None ?></span><?cs /alt ?></dd>
  <?cs /each ?>
  <?cs if:Page.Obj.Type == "feedback" ?><dt><?cs var:L.DataReq.Files ?></dt><dd><?cs var:Page.Held.Files ?></dd><?cs /if ?>
</dl>
<?cs if:subcount(Page.Requests) > 0 ?>
<h2><?cs var:L.DataReq.Yours ?></h2>
<?cs each:q = Page.Requests ?>
<section class="card" id="yc-<?cs var:q.code ?>">
  <h3><span class="code"><?cs var:q.code ?></span> · <?cs var:L.DataReq.Kinds[q.kind] ?></h3>
  <dl class="facts">
    <?cs if:q.field ?><dt><?cs var:L.DataReq.Fields[q.field] ?></dt><dd><?cs var:q.value ?></dd><?cs /if ?>
    <?cs if:q.detail ?><dt><?cs var:L.DataReq.Reason ?></dt><dd class="pre"><?cs var:q.detail ?></dd><?cs /if ?>
    <dt><?cs var:L.DataReq.Asked ?></dt><dd><?cs var:q.created ?></dd>
    <dt><?cs var:L.DataReq.Status ?></dt><dd><strong><?cs var:L.DataReq.Statuses[q.status] ?></strong></dd>
    <?cs if:q.status == "open" ?><dt><?cs var:L.DataReq.Due ?></dt><dd><?cs var:q.due ?></dd>
    <?cs else ?><dt><?cs var:L.DataReq.Answered ?></dt><dd><?cs var:q.answered ?></dd><?cs /if ?>
  </dl>
  <?cs if:q.answer ?><div class="answer"><p class="pre"><?cs var:q.answer ?></p></div><?cs /if ?>
  <?cs if:q.status == "done" && q.kind == "erase" ?><p class="note"><?cs var:L.DataReq.Erased[Page.Obj.Type] ?></p><?cs /if ?>
</section>
<?cs /each ?>
<?cs /if ?>
<h2><?cs var:L.DataReq.Ask ?></h2>
<form method="post" action="<?cs var:Page.Obj.Path ?>/du-lieu" class="form card" novalidate>
  <?cs call:hidden_common() ?>
  <?cs if:Page.Obj.Key ?><input type="hidden" name="k" value="<?cs var:Page.Obj.Key ?>"><?cs /if ?>
  <?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
  <fieldset><legend><?cs var:L.DataReq.Which ?></legend>
  <?cs each:k = L.DataReq.Kinds ?>
    <label><input type="radio" name="kind" value="<?cs name:k ?>"<?cs if:Page.F.kind == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label>
    <p class="help"><?cs var:L.DataReq.KindHelp[name(k)] ?></p>
  <?cs /each ?>
  <?cs if:Page.Err.kind ?><p class="error"><?cs var:Page.Err.kind ?></p><?cs /if ?>
  </fieldset>
  <label for="dr-field"><?cs var:L.DataReq.FieldLabel ?></label>
  <select id="dr-field" name="field">
    <option value=""><?cs var:L.DataReq.FieldNone ?></option>
    <?cs each:f = L.DataReq.Fields ?><option value="<?cs name:f ?>"<?cs if:Page.F.field == name(f) ?> selected<?cs /if ?>><?cs var:f ?></option><?cs /each ?>
  </select>
  <?cs if:Page.Err.field ?><p class="error"><?cs var:Page.Err.field ?></p><?cs /if ?>
  <label for="dr-value"><?cs var:L.DataReq.ValueLabel ?></label>
  <input id="dr-value" name="value" maxlength="255" value="<?cs var:Page.F.value ?>">
  <?cs if:Page.Err.value ?><p class="error"><?cs var:Page.Err.value ?></p><?cs /if ?>
  <label for="dr-detail"><?cs var:L.DataReq.Reason ?></label>
  <textarea id="dr-detail" name="detail" rows="4" maxlength="2000"><?cs var:Page.F.detail ?></textarea>
  <?cs if:Page.Err.detail ?><p class="error"><?cs var:Page.Err.detail ?></p><?cs /if ?>
  <p class="help"><?cs var:L.DataReq.Deadlines ?></p>
  <button type="submit"><?cs var:L.DataReq.Send ?></button>
</form>
<?cs include:"_foot.cs" ?>
