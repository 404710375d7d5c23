<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Qr.ThanksTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Qr.ThanksTitle ?></h1>
<p role="status"><?cs if:Page.Result == "already" ?><?cs var:L.Qr.Already ?><?cs elif:Page.Result == "replaced" ?><?cs var:L.Qr.Replaced ?><?cs else ?><?cs var:L.Qr.Thanks ?><?cs /if ?></p>
<?cs if:Page.Level ?><p class="card"><?cs var:L.Level[Page.Level] ?></p><?cs /if ?>
<?cs if:Page.Level == "1" ?>
<section class="card warn">
  <h2><?cs var:L.Qr.Sorry ?></h2>
  <p><?cs var:L.Qr.TurnIntoCase ?></p>
  <form method="post" action="/q/<?cs var:Page.Ctx.Token ?>/phan-anh-nhanh">
    <?cs call:hidden_common() ?>
    <input type="hidden" name="r" value="<?cs var:Page.Ref ?>">
    <button type="submit"><?cs var:L.Qr.TurnButton ?></button>
  </form>
</section>
<?cs /if ?>
<p><a href="/phan-anh/moi?t=<?cs var:Page.Ctx.Token ?>"><?cs var:L.Qr.FeedbackLink ?></a></p>
<?cs include:"_foot.cs" ?>
