<?cs include:"_csv_purpose.cs" ?><?cs include:"leader/_figs.cs" ?><?cs set:Page.Title = L.Lead.List[Page.Kind] ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<?cs def:lqs() ?>loai=<?cs var:Page.Kind ?>&amp;don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?><?cs /def ?>
<h1><?cs var:L.Lead.List[Page.Kind] ?></h1>
<p><?cs var:Page.ScopeName ?> · <?cs call:period_label(Page.Period) ?> · <?cs var:L.Lead.Rows ?>: <strong id="row-count"><?cs var:Page.Count ?></strong></p>
<form method="get" action="/lanh-dao/danh-sach" class="inline-form">
  <input type="hidden" name="loai" value="<?cs var:Page.Kind ?>"><input type="hidden" name="don-vi" value="<?cs var:Page.ScopeCode ?>">
  <input type="hidden" name="tu" value="<?cs var:Page.From ?>"><input type="hidden" name="den" value="<?cs var:Page.To ?>">
  <?cs call:csv_purpose_fields() ?>
</form>
<p><a href="/lanh-dao/?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?>"><?cs var:L.Lead.Back ?></a></p>
<?cs if:Page.Count > #0 ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Lead.List[Page.Kind] ?>"><table>
<thead><tr><?cs each:h = L.Lead.Cols[Page.Kind] ?><th scope="col"><?cs var:h ?></th><?cs /each ?></tr></thead>
<tbody><?cs each:x = Page.Rows ?><tr>
<td class="c-code"><?cs if:x.link ?><a href="<?cs var:x.link ?>"><?cs var:x.code ?></a><?cs else ?><?cs var:x.code ?><?cs /if ?></td>
<td><?cs var:x.unit ?></td><td><?cs var:x.c2 ?></td><td><?cs var:x.c3 ?></td><td><?cs var:x.c4 ?></td><td><?cs var:x.status ?></td><td><?cs var:x.c6 ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs if:Page.Prev || Page.Next ?><nav class="pager" aria-label="<?cs var:L.Inbox.Pages ?>"><?cs if:Page.Prev ?><a href="/lanh-dao/danh-sach?<?cs call:lqs() ?>&amp;trang=<?cs var:Page.Prev ?>" rel="prev"><?cs var:L.Inbox.Prev ?></a><?cs /if ?>
<?cs if:Page.Next ?><a href="/lanh-dao/danh-sach?<?cs call:lqs() ?>&amp;trang=<?cs var:Page.Next ?>" rel="next"><?cs var:L.Inbox.Next ?></a><?cs /if ?></nav><?cs /if ?>
<?cs else ?><p class="muted"><?cs var:L.Lead.NoRows ?></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
