<?cs # one unit as the directory and its own page show it (link: the name links to the unit's page) ?>
<?cs def:unit_card(u, link) ?>
<section class="card" aria-labelledby="u-<?cs var:u.id ?>">
  <?cs if:link ?><h2 id="u-<?cs var:u.id ?>"><a href="/don-vi/<?cs var:u.code ?>"><?cs var:u.name ?></a></h2><?cs else ?><h1 id="u-<?cs var:u.id ?>"><?cs var:u.name ?></h1><?cs /if ?>
  <p><?cs var:L.Home.Address ?>: <?cs var:u.address ?></p>
  <?cs if:u.hotline ?><p><?cs var:L.Home.Phone ?>: <a href="tel:<?cs var:u.hotline ?>"><?cs var:u.hotline ?></a></p><?cs /if ?>
  <?cs if:u.email ?><p><?cs var:L.Fb.Email ?>: <?cs var:u.email ?></p><?cs /if ?>
  <?cs if:u.hours ?><p><?cs var:L.Home.Hours ?>: <?cs var:u.hours ?></p><?cs /if ?>
  <?cs if:subcount(u.Counters) ?><h3><?cs var:L.Home.Counters ?></h3>
  <ul><?cs each:c = u.Counters ?><li><strong><?cs var:c.name ?></strong>
    <?cs if:subcount(c.Staff) ?><br><?cs var:L.Units.OnDuty ?>: <?cs each:s = c.Staff ?><?cs var:s.name ?><?cs if:s.title ?> (<?cs var:s.title ?>)<?cs /if ?><?cs if:!last(s) ?>, <?cs /if ?><?cs /each ?><?cs /if ?>
    <?cs if:c.token ?><br><a href="/q/<?cs var:c.token ?>"><?cs var:L.Home.RateCounter ?></a> · <a href="/q/<?cs var:c.token ?>/ap-phich"><?cs var:L.Qr.PosterTitle ?></a><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
</section>
<?cs /def ?>
