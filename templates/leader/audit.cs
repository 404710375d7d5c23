<?cs set:Page.Title = L.Lead.Audit ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Lead.Audit ?>: <?cs var:Page.ScopeName ?></h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Lead.Audit ?>"><table>
<thead><tr><th scope="col"><?cs var:L.Lead.AuditAt ?></th><th scope="col"><?cs var:L.Lead.AuditWho ?></th><th scope="col"><?cs var:L.Lead.AuditWhat ?></th><th scope="col"><?cs var:L.Lead.AuditObject ?></th><th scope="col"><?cs var:L.Lead.AuditFrom ?></th><th scope="col"><?cs var:L.Lead.AuditDetail ?></th></tr></thead>
<tbody><?cs each:a = Page.Audit ?><tr><td><?cs var:a.at ?></td><td><?cs var:a.actor ?></td><td><?cs var:a.action ?></td><td><?cs var:a.object_type ?> #<?cs var:a.object_id ?></td><td><?cs var:a.ip ?></td><td><?cs var:a.detail ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs if:Page.Next ?><p><a href="/lanh-dao/nhat-ky?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
