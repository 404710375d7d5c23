<?cs include:"_macros.cs" ?><?cs include:"staff/_print.cs" ?><?cs set:Page.Title = L.Dossier.PublicTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Dossier.PublicTitle ?></h1>
<p class="code"><?cs var:Page.D.Code ?></p>
<?cs if:Page.Error && !Page.Can.rate ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<dl class="facts">
  <dt><?cs var:L.Dossier.Procedure ?></dt><dd><?cs var:Page.D.Procedure ?></dd>
  <dt><?cs var:L.Dossier.PublicUnit ?></dt><dd><?cs var:Page.D.Unit ?><?cs if:Page.D.CounterName ?> · <?cs var:Page.D.CounterName ?><?cs /if ?></dd>
  <dt><?cs var:L.Dossier.Status ?></dt><dd><strong><?cs var:L.Dossier.St[Page.D.Status] ?></strong><?cs if:Page.D.Lateness == "overdue" || Page.D.Lateness == "late" ?> · <span class="bad"><?cs var:L.Dossier.Late[Page.D.Lateness] ?></span><?cs /if ?></dd>
  <dt><?cs var:L.Dossier.Received ?></dt><dd><?cs var:Page.D.Received ?></dd>
<?cs include:"_dossier_due.cs" ?>
  <?cs if:Page.D.Returned ?><dt><?cs var:L.Dossier.St.returned ?></dt><dd><?cs var:Page.D.Returned ?></dd><?cs /if ?>
</dl>
<?cs if:Page.D.WaitClock ?><p class="note" id="wait-clock"><?cs var:L.Dossier.Wait[Page.D.WaitClock] ?></p><?cs /if ?>
<?cs if:Page.RateLater ?><p class="note" id="rate-later"><?cs var:L.Dossier.RateLater ?></p><?cs /if ?>
<p class="data-link"><a href="/ho-so/<?cs var:Page.Ctx.Token ?>/du-lieu"><?cs var:L.DataReq.Link ?></a></p>
<?cs each:a = Page.Apologies ?>
<?cs # the letter is a paper: Vietnamese whatever the page's language ?><?cs with:L = VI ?>
<section class="card letter" lang="vi" aria-labelledby="apology-<?cs var:a.id ?>">
  <h2 id="apology-<?cs var:a.id ?>"><?cs if:Page.D.Papers == "TT03" ?><?cs var:L.Letter.TT03.Title ?><?cs else ?><?cs var:L.Letter.Title ?><?cs /if ?></h2>
  <?cs include:"staff/_letter_body.cs" ?>
</section><?cs /with ?>
<?cs /each ?>
<?cs if:Page.Can.rate ?>
<section class="card" id="rate">
  <h2><?cs var:L.Dossier.RateTitle ?></h2>
  <?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
  <p><?cs var:L.Dossier.RateIntro ?></p>
  <form method="post" action="/q/<?cs var:Page.Ctx.Token ?>/danh-gia" class="form rate">
    <?cs call:hidden_common() ?>
    <input type="hidden" name="idem" value="<?cs var:Page.Idem ?>">
    <?cs call:honeypot() ?>
    <fieldset class="levels"><legend><?cs var:L.Qr.Overall ?></legend>
      <button type="submit" name="level" value="3" class="lv lv3"><?cs var:L.Level.3 ?></button>
      <button type="submit" name="level" value="2" class="lv lv2"><?cs var:L.Level.2 ?></button>
      <button type="submit" name="level" value="1" class="lv lv1"><?cs var:L.Level.1 ?></button>
    </fieldset>
  </form>
</section>
<?cs /if ?>
<?cs include:"citizen/_consent.cs" ?><?cs call:consent_box("/ho-so/" + Page.Ctx.Token + "/ngung-thong-bao") ?>
<h2><?cs var:L.Dossier.Timeline ?></h2>
<ol class="timeline"><?cs each:e = Page.Events ?><li><span class="muted"><?cs var:e.at ?></span> — <?cs var:L.Dossier.Ev[e.event] ?><?cs if:e.unit ?> · <?cs var:e.unit ?><?cs /if ?><?cs if:e.event == "apology" ?> <?cs var:e.body ?><?cs /if ?></li><?cs /each ?></ol>
<p><a href="/phan-anh/moi?t=<?cs var:Page.Ctx.Token ?>"><?cs var:L.Dossier.FeedbackLink ?></a></p>
<?cs include:"_foot.cs" ?>
