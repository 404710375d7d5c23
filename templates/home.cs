<?cs set:Page.Title = L.Home.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Home.Title ?></h1>
<p class="lead"><?cs var:L.Home.Intro ?></p>
<ul class="actions">
  <li><a href="/phan-anh/moi"><?cs var:L.Home.Feedback ?></a></li>
  <li><a href="/phan-anh/"><?cs var:L.Home.Track ?></a></li>
  <li><a href="/thu-tuc/"><?cs var:L.Home.Procedures ?></a></li>
  <li><a href="/ho-so/"><?cs var:L.Home.Lookup ?></a></li>
  <li><a href="/don-vi/"><?cs var:L.Home.Directory ?></a></li>
  <li><a href="/thong-ke/"><?cs var:L.Home.Stats ?></a></li>
</ul>
<h2><?cs var:L.Home.Units ?></h2>
<?cs each:u = Page.Units ?>
<section class="card unit" aria-labelledby="unit-<?cs name:u ?>">
  <h3 id="unit-<?cs name:u ?>"><?cs var:u.name ?></h3>
  <?cs if:u.address ?><p><span class="label"><?cs var:L.Home.Address ?>:</span> <?cs var:u.address ?></p><?cs /if ?>
  <?cs if:u.hotline ?><p><span class="label"><?cs var:L.Home.Phone ?>:</span> <a href="tel:<?cs var:u.hotline ?>"><?cs var:u.hotline ?></a></p><?cs /if ?>
  <?cs if:u.hours ?><p><span class="label"><?cs var:L.Home.Hours ?>:</span> <?cs var:u.hours ?></p><?cs /if ?>
  <?cs if:subcount(u.Counters) ?>
  <h4><?cs var:L.Home.Counters ?></h4>
  <ul class="counters">
    <?cs each:c = u.Counters ?><li><?cs if:c.token ?><a href="/q/<?cs var:c.token ?>"><?cs var:c.name ?></a><?cs else ?><?cs var:c.name ?><?cs /if ?></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs /each ?>
<p class="muted"><a href="/can-bo/dang-nhap"><?cs var:L.Home.StaffLink ?></a></p>
<?cs include:"_foot.cs" ?>
