<?cs set:Page.Title = L.Lead.List[Page.Kind] ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Lead.List[Page.Kind] ?></h1>
<p><?cs var:Page.ScopeName ?> · <?cs var:Page.From ?> → <?cs var:Page.To ?> · <?cs var:L.Lead.Rows ?>: <strong id="row-count"><?cs var:Page.Count ?></strong></p>
<p><a href="/lanh-dao/danh-sach?loai=<?cs var:Page.Kind ?>&amp;don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?>&amp;csv=1"><?cs var:L.Lead.Csv.Link ?></a> ·
<a href="/lanh-dao/?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?>"><?cs var:L.Lead.Back ?></a></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Lead.List[Page.Kind] ?>"><table>
<thead><tr><?cs each:h = L.Lead.Cols[Page.Kind] ?><th scope="col"><?cs var:h ?></th><?cs /each ?></tr></thead>
<tbody><?cs each:x = Page.Rows ?><tr>
<td><?cs if:Page.Kind == "feedback_overdue" ?><a href="/can-bo/phan-anh/<?cs var:x.code ?>"><?cs var:x.code ?></a><?cs else ?><a href="/can-bo/ho-so/<?cs var:x.code ?>"><?cs var:x.code ?></a><?cs /if ?></td>
<td><?cs var:x.unit ?></td><td><?cs var:x.c2 ?></td><td><?cs var:x.c3 ?></td><td><?cs var:x.c4 ?></td><td><?cs var:x.status ?></td><td><?cs var:x.c6 ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs include:"_foot.cs" ?>
