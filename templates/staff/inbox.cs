<?cs set:Page.Title = L.Inbox.Title ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Inbox.Title ?></h1>
<p><?cs var:Req.User.UnitName ?><?cs if:Page.Leader == "1" ?> · <?cs var:L.Inbox.Subtree ?><?cs /if ?></p>
<ul class="counts">
  <li><a href="/can-bo/?trang-thai=open"><?cs var:L.Inbox.Open ?>: <strong><?cs var:Page.Counts.open ?></strong></a></li>
  <li><a href="/can-bo/?trang-thai=new"><?cs var:L.Inbox.New ?>: <strong><?cs alt:Page.Counts.new ?>0<?cs /alt ?></strong></a></li>
  <li><a href="/can-bo/?trang-thai=overdue" class="<?cs if:Page.Counts.overdue > #0 ?>bad<?cs /if ?>"><?cs var:L.Inbox.Overdue ?>: <strong><?cs var:Page.Counts.overdue ?></strong></a></li>
  <?cs if:Page.Leader == "1" ?><li><?cs var:L.Inbox.Escalated ?>: <strong><?cs var:Page.Counts.escalated ?></strong></li>
  <li><a href="/can-bo/?trang-thai=review"><?cs var:L.Inbox.Review ?>: <strong><?cs alt:Page.Counts.review ?>0<?cs /alt ?></strong></a></li><?cs /if ?>
</ul>
<form method="get" action="/can-bo/" class="filters">
  <div class="f">
  <label for="f-status"><?cs var:L.Inbox.Status ?></label>
  <select id="f-status" name="trang-thai">
    <?cs each:s = Page.Statuses ?><option value="<?cs var:s ?>"<?cs if:Page.F.status == s ?> selected<?cs /if ?>><?cs var:L.Inbox.St[s] ?></option><?cs /each ?>
  </select>
  </div>
  <div class="f">
  <label for="f-kind"><?cs var:L.Inbox.Kind ?></label>
  <select id="f-kind" name="loai"><option value=""><?cs var:L.Inbox.All ?></option>
    <?cs each:k = Page.Kinds ?><option value="<?cs var:k ?>"<?cs if:Page.F.kind == k ?> selected<?cs /if ?>><?cs var:L.Fb.Kinds[k].Name ?></option><?cs /each ?>
  </select>
  </div>
  <div class="f">
  <label for="f-counter"><?cs var:L.Inbox.Counter ?></label>
  <select id="f-counter" name="quay"><option value="0"><?cs var:L.Inbox.All ?></option>
    <?cs each:c = Page.Counters ?><option value="<?cs var:c.id ?>"<?cs if:Page.F.counter == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?>
  </select>
  </div>
  <div class="f">
  <label for="f-q"><?cs var:L.Inbox.Search ?></label>
  <input id="f-q" name="q" value="<?cs var:Page.F.q ?>" maxlength="100">
  </div>
  <button type="submit"><?cs var:L.Inbox.Filter ?></button>
</form>
<p class="muted"><?cs var:L.Inbox.Total ?>: <?cs if:Page.TotalMore ?><?cs var:L.Inbox.MoreThan ?> <?cs /if ?><?cs var:Page.Total ?></p>
<?cs if:subcount(Page.Cases) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Inbox.Title ?>"><table class="cases">
  <thead><tr><th scope="col"><?cs var:L.Inbox.Code ?></th><th scope="col"><?cs var:L.Inbox.Kind ?></th><th scope="col"><?cs var:L.Inbox.Status ?></th><th scope="col"><?cs var:L.Inbox.Due ?></th><th scope="col"><?cs var:L.Inbox.Where ?></th><th scope="col"><?cs var:L.Inbox.Excerpt ?></th></tr></thead>
  <tbody>
  <?cs each:c = Page.Cases ?>
  <tr<?cs if:c.overdue ?> class="late"<?cs /if ?>>
    <td class="c-code"><a href="/can-bo/phan-anh/<?cs var:c.code ?>"><?cs var:c.code ?></a><br><span class="muted"><?cs var:c.created ?></span></td>
    <td><?cs var:L.Fb.Kinds[c.kind].Name ?></td>
    <td><?cs var:L.Fb.Statuses[c.status] ?><?cs if:c.escalated == "1" && c.overdue ?><br><span class="bad"><?cs var:L.Inbox.EscalatedTag ?></span><?cs /if ?><?cs if:c.forward_late == "1" ?><br><span class="bad"><?cs var:L.Inbox.ForwardLateTag ?></span><?cs /if ?></td>
    <td><?cs if:c.due ?><?cs var:c.due ?><br><?cs if:c.paused ?><span class="muted"><?cs var:L.Inbox.Paused ?></span><?cs elif:c.overdue ?><span class="bad"><?cs var:L.Inbox.LateBy ?> <?cs var:c.late ?> <?cs var:L.Inbox.Days ?></span><?cs else ?><?cs var:L.Inbox.Left ?> <?cs var:c.left ?> <?cs var:L.Inbox.Days ?><?cs /if ?><?cs /if ?></td>
    <td><?cs var:c.unit ?><?cs if:c.counter ?> · <?cs var:c.counter ?><?cs /if ?><?cs if:c.assignee ?><br><span class="muted"><?cs var:c.assignee ?></span><?cs /if ?></td>
    <td class="c-excerpt"><?cs var:c.excerpt ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Inbox.Empty ?></p><?cs /if ?>
<nav class="pager" aria-label="<?cs var:L.Inbox.Pages ?>">
<?cs if:Page.Prev ?><a href="/can-bo/?trang-thai=<?cs var:url_escape(Page.F.status) ?>&amp;loai=<?cs var:url_escape(Page.F.kind) ?>&amp;quay=<?cs var:Page.F.counter ?>&amp;q=<?cs var:url_escape(Page.F.q) ?>&amp;trang=<?cs var:Page.Prev ?>"><?cs var:L.Inbox.Prev ?></a><?cs /if ?>
<?cs if:Page.Next ?><a href="/can-bo/?trang-thai=<?cs var:url_escape(Page.F.status) ?>&amp;loai=<?cs var:url_escape(Page.F.kind) ?>&amp;quay=<?cs var:Page.F.counter ?>&amp;q=<?cs var:url_escape(Page.F.q) ?>&amp;trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a><?cs /if ?>
</nav>
<?cs include:"_foot.cs" ?>
