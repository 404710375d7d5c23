<?cs # Only what the role may open: officers and leaders work on cases and
  dossiers, leaders also audit, the administrator administers. ?>
<nav class="staff-nav" aria-label="<?cs var:L.Staff.Nav ?>">
  <?cs if:Req.User.Role == "officer" || Req.User.Role == "leader" ?>
  <a href="/can-bo/"><?cs var:L.Staff.Inbox ?></a>
  <a href="/can-bo/ho-so/moi"><?cs var:L.Staff.Intake ?></a>
  <a href="/can-bo/ho-so/"><?cs var:L.Staff.Dossiers ?></a>
  <a href="/can-bo/so-theo-doi"><?cs var:L.Book.Title ?></a>
  <a href="/can-bo/mau-tra-loi"><?cs var:L.Staff.Canned ?></a>
  <?cs /if ?>
  <?cs if:Req.User.Role == "leader" ?><a href="/lanh-dao/"><?cs var:L.Staff.Audit ?></a><?cs /if ?>
  <?cs if:Req.User.Role == "admin" ?><a href="/quan-tri/"><?cs var:L.Staff.Admin ?></a><?cs /if ?>
  <a href="/can-bo/doi-mat-khau"><?cs var:L.Staff.ChangePassword ?></a>
</nav>
