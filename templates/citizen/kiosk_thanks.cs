<?cs set:Page.Title = L.Kiosk.Title ?><?cs set:Page.Refresh = "5;url=/kiosk/" + Page.Kiosk ?><?cs include:"_head.cs" ?>
<div class="kiosk-ctx"><p><?cs var:Page.Ctx.UnitName ?></p><p class="kiosk-counter"><?cs var:Page.Ctx.CounterName ?></p></div>
<h1 role="status"><?cs if:Page.Wait ?><?cs var:L.Kiosk.Wait ?><?cs else ?><?cs var:L.Kiosk.Thanks ?><?cs /if ?></h1>
<p><a href="/kiosk/<?cs var:Page.Kiosk ?>" class="kbig-link"><?cs var:L.Kiosk.Again ?></a></p>
<?cs include:"_foot.cs" ?>
