<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Qr.ThanksTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Qr.ThanksTitle ?></h1>
<p role="status"><?cs if:Page.Result == "already" ?><?cs var:L.Qr.Already ?><?cs elif:Page.Result == "replaced" ?><?cs var:L.Qr.Replaced ?><?cs else ?><?cs var:L.Qr.Thanks ?><?cs /if ?></p>
<?cs if:Page.Level ?><p class="card"><?cs var:L.Level[Page.Level] ?></p><?cs /if ?>
<?cs if:Page.Level == "1" ?>
<section class="card warn" aria-labelledby="what-wrong">
  <h2 id="what-wrong"><?cs if:Page.Kinds.0 ?><?cs var:L.Qr.TurnButton ?><?cs else ?><?cs var:L.Qr.WhatWrong ?><?cs /if ?></h2>
  <?cs if:Page.Error ?><p class="error-box" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
  <form method="post" action="/q/<?cs var:Page.Ctx.Token ?>/phan-anh-nhanh" class="form">
    <?cs call:hidden_common() ?>
    <input type="hidden" name="r" value="<?cs var:Page.Ref ?>">
    <label for="comment"><?cs var:L.Qr.CommentOpt ?></label>
    <textarea id="comment" name="comment" rows="2" maxlength="1000" aria-describedby="comment-help"><?cs var:Page.Comment ?></textarea>
    <p class="help" id="comment-help"><?cs var:L.Qr.CommentHelp ?></p>
    <?cs if:Page.Kinds.0 ?>
    <input type="hidden" name="reason" value="<?cs var:Page.Reason ?>">
    <fieldset class="reasons">
      <legend><?cs var:L.Qr.OtherKind ?></legend>
      <?cs each:k = Page.Kinds ?><button type="submit" name="kind" value="<?cs var:k ?>" class="secondary"><?cs var:L.Fb.Kinds[k].Name ?></button>
      <?cs /each ?>
    </fieldset>
    <?cs else ?>
    <fieldset class="reasons">
      <legend><?cs var:L.Qr.TapReason ?></legend>
      <?cs each:x = Page.Reasons ?><button type="submit" name="reason" value="<?cs var:x ?>" class="secondary"><?cs var:L.Qr.Reason[x] ?></button>
      <?cs /each ?>
    </fieldset>
    <?cs /if ?>
  </form>
  <p class="help"><?cs var:L.Qr.AnonymousInfo ?> <a href="/phan-anh/moi?t=<?cs var:Page.Ctx.Token ?>"><?cs var:L.Qr.FormalLink ?></a></p>
</section>
<?cs else ?>
<p><a href="/phan-anh/moi?t=<?cs var:Page.Ctx.Token ?>"><?cs var:L.Qr.FeedbackLink ?></a></p>
<?cs /if ?>
<?cs include:"_foot.cs" ?>
