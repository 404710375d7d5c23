<?cs set:Page.Title = L.Kiosk.Title ?><?cs include:"_head.cs" ?>
<div class="kiosk-ctx"><p><?cs var:Page.Ctx.UnitName ?></p><p class="kiosk-counter"><?cs var:Page.Ctx.CounterName ?></p></div>
<form id="kiosk-form" method="post" action="/kiosk/<?cs var:Page.Kiosk ?>" data-thanks="<?cs var:L.Kiosk.Thanks ?>" data-queued="<?cs var:L.Kiosk.Queued ?>">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <input type="hidden" name="buoc" value="1">
  <section id="k-step1" class="kiosk-step">
    <h1><?cs var:L.Kiosk.Question ?></h1>
    <button type="submit" name="level" value="3" class="lv lv3 kbig"><?cs var:L.Level.3 ?></button>
    <button type="submit" name="level" value="2" class="lv lv2 kbig"><?cs var:L.Level.2 ?></button>
    <button type="submit" name="level" value="1" class="lv lv1 kbig"><?cs var:L.Level.1 ?></button>
  </section>
  <section id="k-step2" class="kiosk-step" hidden>
    <h2><?cs var:L.Qr.Criteria ?></h2>
    <?cs each:c = Page.Criteria ?>
    <fieldset class="crit"><legend><?cs var:L.Qr.Crit[c.name] ?></legend>
      <?cs loop:v = 3, 1, -1 ?><label class="opt kopt"><input type="radio" name="c_<?cs var:c.name ?>" value="<?cs var:v ?>"> <?cs var:L.Level[v] ?></label><?cs /loop ?>
    </fieldset>
    <?cs /each ?>
    <button type="button" id="k-send" class="kbig"><?cs var:L.Kiosk.Send ?></button>
  </section>
  <section id="k-thanks" class="kiosk-step" hidden><h2 id="k-thanks-text" role="status"></h2></section>
</form>
<p id="k-status" class="muted" role="status"></p>
<script src="/static/kiosk.js" defer></script>
<?cs include:"_foot.cs" ?>
