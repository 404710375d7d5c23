<?cs set:Page.Title = L.Staff.HomeTitle ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Staff.Welcome ?>, <?cs var:Req.User.Name ?></h1>
<p><?cs var:L.Staff.Role[Req.User.Role] ?> · <?cs var:L.Staff.Unit ?>: <?cs var:Req.User.UnitName ?></p>
<p><?cs var:L.Staff.HomeText ?></p>
<?cs include:"_foot.cs" ?>
