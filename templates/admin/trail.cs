<?cs set:Page.Title = L.Trail.AdminTitle ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?><?cs include:"staff/_trail.cs" ?>
<?cs def:trail_qs() ?>nguoi=<?cs var:Page.F.actor ?>&amp;thao-tac=<?cs var:url_escape(Page.F.key) ?>&amp;tu=<?cs var:url_escape(Page.F.from) ?>&amp;den=<?cs var:url_escape(Page.F.to) ?><?cs /def ?>
<h1><?cs var:L.Trail.AdminTitle ?></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<p class="help"><?cs var:L.Trail.Help ?></p>
<form method="get" action="/quan-tri/nhat-ky" class="filters">
<?cs call:trail_person() ?>  <div class="f"><label for="t-action"><?cs var:L.Trail.Action ?></label>
  <select id="t-action" name="thao-tac"><option value=""><?cs var:L.Trail.All ?></option><?cs each:x = Page.Actions ?><option value="<?cs var:x ?>"<?cs if:x == Page.F.key ?> selected<?cs /if ?>><?cs var:L.Trail.Act[x] ?></option><?cs /each ?></select></div>
<?cs call:trail_period() ?></form>
<p><a href="/quan-tri/nhat-ky?<?cs call:trail_qs() ?>&amp;csv=1"><?cs var:L.Trail.Csv ?></a></p>
<?cs if:subcount(Page.Trail) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Trail.AdminTitle ?>"><table class="trail">
<thead><tr><th scope="col"><?cs var:L.Trail.When ?></th><th scope="col"><?cs var:L.Trail.What ?></th><th scope="col"><?cs var:L.Trail.Detail ?></th><th scope="col"><?cs var:L.Trail.From_ip ?></th></tr></thead>
<tbody><?cs each:a = Page.Trail ?><tr><td class="nowrap"><?cs var:a.at ?></td>
<td class="sentence"><?cs alt:a.actor ?><?cs var:L.Trail.System ?><?cs /alt ?> <?cs alt:L.Trail.Act[a.key] ?><?cs var:a.key ?><?cs /alt ?><?cs if:a.object ?> <strong><?cs var:a.object ?></strong><?cs /if ?></td>
<td><?cs var:a.detail ?></td><td><?cs var:a.ip ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p><?cs var:L.Trail.AdminEmpty ?></p><?cs /if ?>
<?cs if:Page.Next ?><p><a href="/quan-tri/nhat-ky?<?cs call:trail_qs() ?>&amp;trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
