<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Qr.RateTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Qr.RateTitle ?></h1>
<?cs call:ctx_card(Page.Ctx, L.Qr.YouRate) ?>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="post" action="/q/<?cs var:Page.Ctx.Token ?>/danh-gia" class="form rate">
  <?cs call:hidden_common() ?>
  <input type="hidden" name="idem" value="<?cs var:Page.Idem ?>">
  <?cs call:honeypot() ?>
  <fieldset class="levels">
    <legend><?cs var:L.Qr.Overall ?></legend>
    <p class="muted"><?cs var:L.Qr.OneTap ?></p>
    <button type="submit" name="level" value="3" class="lv lv3"><?cs var:L.Level.3 ?></button>
    <button type="submit" name="level" value="2" class="lv lv2"><?cs var:L.Level.2 ?></button>
    <button type="submit" name="level" value="1" class="lv lv1"><?cs var:L.Level.1 ?></button>
  </fieldset>
  <details<?cs if:Page.Open ?> open<?cs /if ?>>
    <summary><?cs var:L.Qr.Criteria ?></summary>
    <?cs each:c = Page.Criteria ?>
    <fieldset class="crit">
      <legend><?cs var:L.Qr.Crit[c.name] ?></legend>
      <?cs loop:v = 3, 1, -1 ?>
      <label class="opt"><input type="radio" name="c_<?cs var:c.name ?>" value="<?cs var:v ?>"<?cs if:c.value == v ?> checked<?cs /if ?>> <?cs var:L.Level[v] ?></label>
      <?cs /loop ?>
    </fieldset>
    <?cs /each ?>
    <label for="comment"><?cs var:L.Qr.Comment ?></label>
    <textarea id="comment" name="comment" rows="3" maxlength="1000" aria-describedby="comment-help"><?cs var:Page.Comment ?></textarea>
    <p class="help" id="comment-help"><?cs var:L.Qr.CommentHelp ?> <a href="/du-lieu-ca-nhan"><?cs var:L.Privacy.Link ?></a></p>
    <fieldset class="levels">
      <legend><?cs var:L.Qr.OverallAgain ?></legend>
      <?cs loop:v = 3, 1, -1 ?>
      <label class="opt"><input type="radio" name="level2" value="<?cs var:v ?>"> <?cs var:L.Level[v] ?></label>
      <?cs /loop ?>
    </fieldset>
    <button type="submit"><?cs var:L.Qr.Send ?></button>
  </details>
</form>
<p><?cs var:L.Qr.OrFeedback ?> <a href="/phan-anh/moi?t=<?cs var:Page.Ctx.Token ?>"><?cs var:L.Qr.FeedbackLink ?></a></p>
<?cs include:"_foot.cs" ?>
