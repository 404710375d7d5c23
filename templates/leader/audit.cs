<?cs set:Page.Title = L.Trail.Title ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?><?cs include:"staff/_trail.cs" ?>
<?cs def:trail_qs() ?>don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;nguoi=<?cs var:Page.F.actor ?>&amp;thao-tac=<?cs var:url_escape(Page.F.key) ?>&amp;ma=<?cs var:url_escape(Page.F.object) ?>&amp;tu=<?cs var:url_escape(Page.F.from) ?>&amp;den=<?cs var:url_escape(Page.F.to) ?><?cs /def ?>
<h1><?cs var:L.Trail.Title ?>: <?cs var:Page.ScopeName ?></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<p class="help"><?cs var:L.Trail.Help ?></p>
<form method="get" action="/lanh-dao/nhat-ky" class="filters">
  <div class="f"><label for="t-unit"><?cs var:L.Trail.Unit ?></label>
  <select id="t-unit" name="don-vi"><?cs each:u = Page.Units ?><option value="<?cs var:u.code ?>"<?cs if:u.code == Page.ScopeCode ?> selected<?cs /if ?>><?cs var:u.name ?></option><?cs /each ?></select></div>
<?cs call:trail_person() ?>  <div class="f"><label for="t-action"><?cs var:L.Trail.Action ?></label>
  <select id="t-action" name="thao-tac"><option value=""><?cs var:L.Trail.All ?></option><?cs each:x = L.Trail.Act ?><option value="<?cs name:x ?>"<?cs if:name(x) == Page.F.key ?> selected<?cs /if ?>><?cs var:x ?></option><?cs /each ?></select></div>
  <div class="f"><label for="t-object"><?cs var:L.Trail.Object ?></label>
  <input id="t-object" name="ma" value="<?cs var:Page.F.object ?>" maxlength="64"></div>
<?cs call:trail_period() ?></form>
<p><a href="/lanh-dao/nhat-ky?<?cs call:trail_qs() ?>&amp;csv=1"><?cs var:L.Trail.Csv ?></a></p>
<?cs if:subcount(Page.Audit) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Trail.Title ?>"><table class="trail">
<thead><tr><th scope="col"><?cs var:L.Trail.When ?></th><th scope="col"><?cs var:L.Trail.What ?></th><th scope="col"><?cs var:L.Trail.Detail ?></th><th scope="col"><?cs var:L.Trail.From_ip ?></th></tr></thead>
<tbody><?cs each:a = Page.Audit ?><tr><td class="nowrap"><?cs var:a.at ?></td>
<td class="sentence"><?cs var:a.actor ?> <?cs alt:L.Trail.Act[a.key] ?><?cs var:a.key ?><?cs /alt ?><?cs if:a.link ?> <a class="code" href="<?cs var:a.link ?>"><?cs var:a.code ?></a><?cs /if ?></td>
<td><?cs var:a.detail ?></td><td><?cs var:a.ip ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p><?cs var:L.Trail.Empty ?></p><?cs /if ?>
<?cs if:Page.Next ?><p><a href="/lanh-dao/nhat-ky?<?cs call:trail_qs() ?>&amp;trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
