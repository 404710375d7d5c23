<?cs set:Page.Title = L.Trail.AdminTitle ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Trail.AdminTitle ?></h1>
<?cs if:subcount(Page.Trail) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Trail.AdminTitle ?>"><table class="trail">
<thead><tr><th scope="col"><?cs var:L.Trail.When ?></th><th scope="col"><?cs var:L.Trail.What ?></th><th scope="col"><?cs var:L.Trail.Detail ?></th><th scope="col"><?cs var:L.Trail.From_ip ?></th></tr></thead>
<tbody><?cs each:a = Page.Trail ?><tr><td class="nowrap"><?cs var:a.at ?></td>
<td class="sentence"><?cs alt:a.actor ?><?cs var:L.Trail.System ?><?cs /alt ?> <?cs alt:L.Trail.Act[a.key] ?><?cs var:a.key ?><?cs /alt ?><?cs if:a.object ?> <strong><?cs var:a.object ?></strong><?cs /if ?></td>
<td><?cs var:a.detail ?></td><td><?cs var:a.ip ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p><?cs var:L.Trail.AdminEmpty ?></p><?cs /if ?>
<?cs if:Page.Next ?><p><a href="/quan-tri/nhat-ky?trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
