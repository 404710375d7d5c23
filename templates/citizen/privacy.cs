<?cs set:Page.Title = L.Privacy.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Privacy.Title ?></h1>
<p><?cs var:L.Privacy.Intro ?></p>
<h2><?cs var:L.Privacy.What.Title ?></h2>
<ul>
  <li><?cs var:L.Privacy.What.Feedback ?></li>
  <li><?cs var:L.Privacy.What.Rating ?></li>
  <li><?cs var:L.Privacy.What.Dossier ?></li>
  <li><?cs var:L.Privacy.What.Kiosk ?></li>
  <li><?cs var:L.Privacy.What.Technical ?></li>
</ul>
<h2><?cs var:L.Privacy.Why.Title ?></h2>
<p><?cs var:L.Privacy.Why.Service ?></p>
<p><?cs var:L.Privacy.Why.Notify ?></p>
<p><?cs var:L.Privacy.Why.Figures ?></p>
<h2><?cs var:L.Privacy.Who.Title ?></h2>
<ul>
  <li><?cs var:L.Privacy.Who.Unit ?></li>
  <li><?cs var:L.Privacy.Who.Confidential ?></li>
  <li><?cs var:L.Privacy.Who.Anonymous ?></li>
  <li><?cs var:L.Privacy.Who.Nobody ?></li>
</ul>
<h2 id="luu-tru"><?cs var:L.Privacy.Keep.Title ?></h2>
<p><?cs var:L.Privacy.Keep.Intro ?></p>
<?cs if:subcount(Page.Keep) ?><dl class="facts" id="keep">
<?cs each:k = Page.Keep ?><dt><?cs var:k.what ?></dt><dd><?cs var:k.period ?></dd>
<?cs /each ?></dl><?cs /if ?>
<h2 id="quyen"><?cs var:L.Privacy.Rights.Title ?></h2>
<p><?cs var:L.Privacy.Rights.List ?></p>
<p><?cs var:L.Privacy.Rights.How ?></p>
<h2><?cs var:L.Privacy.Contact.Title ?></h2>
<?cs if:Page.Contact.name ?><address class="card">
<strong><?cs var:Page.Contact.name ?></strong>
<?cs if:Page.Contact.phone ?><br><?cs var:L.Privacy.Contact.Phone ?>: <a href="tel:<?cs var:Page.Contact.tel ?>"><?cs var:Page.Contact.phone ?></a><?cs /if ?>
<?cs if:Page.Contact.email ?><br><?cs var:L.Privacy.Contact.Email ?>: <a href="mailto:<?cs var:Page.Contact.email ?>"><?cs var:Page.Contact.email ?></a><?cs /if ?>
<?cs if:Page.Contact.address ?><br><?cs var:L.Privacy.Contact.Address ?>: <?cs var:Page.Contact.address ?><?cs /if ?>
</address><?cs /if ?>
<?cs include:"_foot.cs" ?>
