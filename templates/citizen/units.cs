<?cs set:Page.Title = L.Units.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Units.Title ?></h1>
<?cs include:"citizen/_unit_card.cs" ?>
<?cs each:u = Page.Units ?><?cs call:unit_card(u, #1) ?><?cs /each ?>
<?cs include:"_foot.cs" ?>
