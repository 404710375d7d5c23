<?cs set:Page.Title = L.Kiosk.Title ?><?cs set:Page.Refresh = "30;url=/kiosk/" + Page.Kiosk ?><?cs include:"_head.cs" ?>
<div class="kiosk-ctx"><p><?cs var:Page.Ctx.UnitName ?></p><p class="kiosk-counter"><?cs var:Page.Ctx.CounterName ?></p></div>
<h1><?cs var:L.Kiosk.Saved ?></h1>
<form method="post" action="/kiosk/<?cs var:Page.Kiosk ?>" class="form">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <input type="hidden" name="ref" value="<?cs var:Page.Ref ?>">
  <input type="hidden" name="level" value="<?cs var:Page.Level ?>">
  <h2><?cs var:L.Qr.Criteria ?></h2>
  <?cs each:c = Page.Criteria ?>
  <fieldset class="crit"><legend><?cs var:L.Qr.Crit[c.name] ?></legend>
    <?cs loop:v = 3, 1, -1 ?><label class="opt kopt"><input type="radio" name="c_<?cs var:c.name ?>" value="<?cs var:v ?>"> <?cs var:L.Level[v] ?></label><?cs /loop ?>
  </fieldset>
  <?cs /each ?>
  <button type="submit" class="kbig"><?cs var:L.Kiosk.Send ?></button>
</form>
<p><a href="/kiosk/<?cs var:Page.Kiosk ?>" class="kbig-link"><?cs var:L.Kiosk.Skip ?></a></p>
<?cs include:"_foot.cs" ?>
