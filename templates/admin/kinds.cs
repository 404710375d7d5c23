<?cs set:Page.Title = L.Admin.Kind.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.Kind.Title ?></h1>
<p class="help"><?cs var:L.Admin.Kind.Help ?></p>
<?cs call:done() ?>
<?cs call:error() ?>
<?cs each:k = Page.Kinds ?>
<form method="post" action="/quan-tri/loai-phan-anh/<?cs var:url_escape(k.code) ?>" class="form card">
  <?cs call:hidden_common() ?>
  <h2><?cs alt:L.Fb.Kinds[k.code].Name ?><?cs var:k.code ?><?cs /alt ?></h2>
  <?cs if:k.error ?><p class="field-error" id="err-<?cs var:k.code ?>"><?cs var:k.error ?></p><?cs /if ?>
  <label for="ans-<?cs var:k.code ?>"><?cs var:L.Admin.Kind.AnswerDays ?></label>
  <input id="ans-<?cs var:k.code ?>" name="answer_days" type="number" min="1" max="60" required value="<?cs var:k.answer_days ?>"<?cs if:k.error ?> aria-describedby="err-<?cs var:k.code ?>"<?cs /if ?>>
  <label for="fwd-<?cs var:k.code ?>"><?cs var:L.Admin.Kind.ForwardDays ?></label>
  <input id="fwd-<?cs var:k.code ?>" name="forward_days" type="number" min="1" max="60" required value="<?cs var:k.forward_days ?>"<?cs if:k.error ?> aria-describedby="err-<?cs var:k.code ?>"<?cs /if ?>>
  <button type="submit"><?cs var:L.Admin.Kind.Save ?></button>
</form>
<?cs /each ?>
<?cs include:"_foot.cs" ?>
