<?cs # Only what the role may open: the entries and their rules are the access
  table's (cgi-bin/core/access.c), the rules the worker checks on each route. ?>
<nav class="staff-nav" aria-label="<?cs var:L.Staff.Nav ?>">
  <?cs each:m = Req.Menu ?><a href="<?cs var:m.href ?>"><?cs var:m.label ?></a>
  <?cs /each ?>
</nav>
