<?cs set:Page.Title = L.Admin.User.ListTitle ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.User.ListTitle ?></h1>
<p><a href="/quan-tri/can-bo/moi<?cs if:Page.F.unit ?>?don-vi=<?cs var:url_escape(Page.F.unit) ?><?cs /if ?>"><?cs var:L.Admin.User.Add ?></a></p>
<form method="get" action="/quan-tri/can-bo" class="form">
  <label for="f-don-vi"><?cs var:L.Admin.User.Filter ?></label>
  <select id="f-don-vi" name="don-vi"><option value=""><?cs var:L.Admin.User.AllUnits ?></option>
    <?cs each:u = Page.Units ?><option value="<?cs var:u.code ?>"<?cs if:u.code == Page.F.unit ?> selected<?cs /if ?>><?cs var:u.label ?></option><?cs /each ?>
  </select>
  <button type="submit"><?cs var:L.Admin.User.Show ?></button>
</form>
<?cs if:Page.More ?><p class="help"><?cs var:L.Admin.User.More ?></p><?cs /if ?>
<?cs if:subcount(Page.Users) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Admin.User.ListTitle ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.Admin.User.Username ?></th><th scope="col"><?cs var:L.Admin.User.FullName ?></th><th scope="col"><?cs var:L.Admin.User.Role ?></th><th scope="col"><?cs var:L.Admin.User.Unit ?></th><th scope="col"><?cs var:L.Admin.Status ?></th></tr></thead>
  <tbody>
  <?cs each:s = Page.Users ?>
  <tr>
    <td><a class="code" href="/quan-tri/can-bo/<?cs var:url_escape(s.username) ?>"><?cs var:s.username ?></a></td>
    <td><?cs var:s.full_name ?><?cs if:s.title ?><br><span class="muted"><?cs var:s.title ?></span><?cs /if ?></td>
    <td><?cs var:L.Staff.Role[s.role] ?></td>
    <td><?cs var:s.unit_name ?><?cs if:s.counter ?> · <?cs var:s.counter ?><?cs /if ?></td>
    <td><?cs if:s.disabled == "1" ?><span class="bad"><?cs var:L.Admin.User.Disabled ?></span><?cs else ?><?cs var:L.Admin.User.Enabled ?><?cs /if ?><?cs if:s.must_change == "1" ?><br><span class="muted"><?cs var:L.Admin.User.MustChange ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Admin.User.Empty ?></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
