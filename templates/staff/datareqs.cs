<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.DataReq.Staff.Title ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.DataReq.Staff.Title ?></h1>
<?cs if:subcount(Page.Requests) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.DataReq.Staff.Title ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.DataReq.Staff.Code ?></th><th scope="col"><?cs var:L.DataReq.Staff.Object ?></th><th scope="col"><?cs var:L.DataReq.Staff.Kind ?></th><th scope="col"><?cs var:L.DataReq.Status ?></th><th scope="col"><?cs var:L.DataReq.Due ?></th></tr></thead>
  <tbody>
  <?cs each:q = Page.Requests ?>
  <tr id="dr-<?cs var:q.code ?>"<?cs if:q.overdue ?> class="late"<?cs /if ?>>
    <td class="c-code"><a href="/can-bo/yeu-cau-du-lieu/<?cs var:q.id ?>"><?cs var:q.code ?></a><br><span class="muted"><?cs var:q.created ?></span></td>
    <td><?cs var:q.object ?></td>
    <td><?cs var:L.DataReq.Kinds[q.kind] ?></td>
    <td><?cs var:L.DataReq.Statuses[q.status] ?></td>
    <td><?cs if:q.status == "open" ?><?cs var:q.due ?><?cs if:q.overdue ?> · <span class="bad"><?cs var:L.DataReq.Staff.Overdue ?></span><?cs /if ?><?cs else ?><span class="muted"><?cs var:q.answered ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.DataReq.Staff.Empty ?></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
