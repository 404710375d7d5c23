<?cs include:"leader/_figs.cs" ?><?cs set:Page.Title = L.Lead.Title ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Lead.Title ?>: <?cs var:Page.ScopeName ?></h1>
<p><?cs var:L.Lead.Period ?>: <strong><?cs call:period_label(Page.Period) ?></strong> · <?cs var:L.Lead.PrevPeriod ?>: <?cs call:period_label(Page.PrevPeriod) ?></p>
<nav class="counts" aria-label="<?cs var:L.Lead.Period ?>">
  <a href="/lanh-dao/?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;ky=thang"><?cs var:L.Lead.Month ?></a>
  <a href="/lanh-dao/?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;ky=quy"><?cs var:L.Lead.Quarter ?></a>
  <a href="/lanh-dao/?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;ky=nam"><?cs var:L.Lead.Year ?></a>
  <a href="/lanh-dao/?<?cs call:qs() ?>&amp;in=1"><?cs var:L.Lead.Print ?></a>
  <a href="/lanh-dao/nhat-ky?don-vi=<?cs var:url_escape(Page.ScopeCode) ?>"><?cs var:L.Lead.Audit ?></a>
</nav>
<form method="get" action="/lanh-dao/" class="filters">
  <input type="hidden" name="don-vi" value="<?cs var:Page.ScopeCode ?>">
  <label for="tu"><?cs var:L.Lead.From ?></label><input id="tu" name="tu" type="date" value="<?cs var:Page.From ?>">
  <label for="den"><?cs var:L.Lead.To ?></label><input id="den" name="den" type="date" value="<?cs var:Page.To ?>">
  <button type="submit"><?cs var:L.Inbox.Filter ?></button>
</form>
<?cs if:subcount(Page.Corrections) ?><section class="card note" id="corrections" aria-labelledby="corr-h">
<h2 id="corr-h"><?cs var:L.Lead.Corr.Title ?></h2>
<p><?cs var:L.Lead.Corr.Help ?></p>
<ul><?cs each:c = Page.Corrections ?><li><?cs var:L.Lead.Corr.Month ?> <?cs var:c.month ?> (<?cs var:L.Lead.Corr.At ?> <?cs var:c.at ?>): <?cs var:L.Lead.Fig.late ?> <?cs var:c.late_before ?> → <?cs var:c.late_after ?>; <?cs var:L.Lead.Corr.OnTime ?> <?cs var:c.ontime_before ?> → <?cs var:c.ontime_after ?></li><?cs /each ?></ul>
</section><?cs /if ?>
<?cs call:figures() ?>
<h2><?cs var:L.Lead.ByUnit ?></h2>
<?cs if:subcount(Page.Units) ?>
<p class="help"><?cs var:L.Lead.UnitRankHelp ?></p>
<p><a href="/lanh-dao/?<?cs call:qs() ?>&amp;csv=don-vi"><?cs var:L.Lead.Csv.Link ?></a></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Lead.ByUnit ?>"><table>
<thead><tr><th scope="col"><?cs var:L.Stats.Name ?></th><th scope="col"><?cs var:L.Lead.Fig.received ?></th><th scope="col"><?cs var:L.Lead.Fig.on_time_rate ?></th><th scope="col"><?cs var:L.Lead.CsvCol.rank_on_time ?></th><th scope="col"><?cs var:L.Lead.Fig.late ?></th><th scope="col"><?cs var:L.Lead.Fig.late_no_apology ?></th><th scope="col"><?cs var:L.Lead.Fig.sat_dossier ?></th><th scope="col"><?cs var:L.Lead.Fig.pakn_on_time_rate ?></th><th scope="col"><?cs var:L.Lead.Fig.pakn_satisfaction ?></th><th scope="col"><?cs var:L.Lead.Fig.ratings_share ?></th><th scope="col"><?cs var:L.Lead.CsvCol.rank_ratings_share ?></th><th scope="col"><?cs var:L.Lead.Fig.answered_on_time ?></th></tr></thead>
<tbody><?cs each:u = Page.Units ?><tr><th scope="row"><a href="/lanh-dao/?don-vi=<?cs var:url_escape(u.code) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?>"><?cs var:u.name ?></a></th>
<td><?cs var:u.received ?></td><td><?cs var:u.on_time_rate ?></td><td><?cs alt:u.rank_on_time ?>—<?cs /alt ?></td>
<td><a href="/lanh-dao/danh-sach?loai=late&amp;don-vi=<?cs var:url_escape(u.code) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?>"><?cs var:u.late ?></a></td>
<td><a href="/lanh-dao/danh-sach?loai=late_no_apology&amp;don-vi=<?cs var:url_escape(u.code) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?>"><?cs var:u.late_no_apology ?></a></td>
<td><?cs alt:u.sat_dossier ?>—<?cs /alt ?></td><td><?cs alt:u.pakn_on_time_rate ?>—<?cs /alt ?></td><td><?cs alt:u.pakn_satisfaction ?>—<?cs /alt ?></td><td><?cs var:u.ratings_share ?></td><td><?cs alt:u.rank_ratings_share ?>—<?cs /alt ?></td><td><?cs var:u.answered_on_time ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p class="muted"><?cs var:L.Lead.NoSubunits ?></p><?cs /if ?>
<h2><?cs var:L.Lead.Ranking ?></h2>
<p class="help"><?cs var:L.Lead.RankingHelp ?></p>
<?cs def:people(caption, rows) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:caption ?>"><table><caption><?cs var:caption ?></caption>
<thead><tr><th scope="col">#</th><th scope="col"><?cs var:L.Stats.Name ?></th><th scope="col"><?cs var:L.Stats.Ratings ?></th><th scope="col"><?cs var:L.Lead.Fig.ratings_share ?></th><th scope="col"><?cs var:L.Lead.Fig.p3 ?></th></tr></thead>
<tbody><?cs each:x = rows ?><tr><td><?cs alt:x.rank ?>—<?cs /alt ?></td><th scope="row"><?cs var:x.name ?></th><td><?cs var:x.ratings ?></td><td><?cs alt:x.ratings_share ?><?cs var:L.Stats.TooFew ?><?cs /alt ?></td><td><?cs alt:x.p3 ?><?cs var:L.Stats.TooFew ?><?cs /alt ?></td></tr><?cs /each ?></tbody></table></div>
<?cs /def ?>
<?cs call:people(L.Lead.Counters, Page.Counters) ?>
<p><a href="/lanh-dao/?<?cs call:qs() ?>&amp;csv=quay"><?cs var:L.Lead.Csv.Link ?></a></p>
<?cs call:people(L.Lead.Officers, Page.Officers) ?>
<p><a href="/lanh-dao/?<?cs call:qs() ?>&amp;csv=can-bo"><?cs var:L.Lead.Csv.Link ?></a></p>
<h2><?cs var:L.Lead.Trend ?></h2>
<figure class="chart">
<svg viewBox="0 0 640 200" role="img" aria-labelledby="trend-title"><title id="trend-title"><?cs var:L.Lead.Trend ?></title>
<line x1="30" y1="170" x2="630" y2="170" stroke="#767676"/>
<?cs each:t = Page.Trend ?><rect x="<?cs var:t.x ?>" y="<?cs var:t.y ?>" width="20" height="<?cs var:t.h ?>" fill="#2f5d9e"/><rect x="<?cs var:t.x + #20 ?>" y="<?cs var:t.ly ?>" width="12" height="<?cs var:t.lh ?>" fill="#a3161a"/><text x="<?cs var:t.x ?>" y="188" font-size="10"><?cs var:t.month ?></text><?cs /each ?>
</svg>
<figcaption><span class="key k1"></span> <?cs var:L.Lead.Fig.received ?> · <span class="key k2"></span> <?cs var:L.Lead.Fig.late_finished ?></figcaption>
</figure>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Lead.Trend ?>"><table><thead><tr><th scope="col"><?cs var:L.Lead.MonthCol ?></th><th scope="col"><?cs var:L.Lead.Fig.received ?></th><th scope="col"><?cs var:L.Lead.Fig.late_finished ?></th></tr></thead>
<tbody><?cs each:t = Page.Trend ?><tr><th scope="row"><?cs var:t.month ?></th><td><?cs var:t.received ?></td><td><?cs var:t.late ?></td></tr><?cs /each ?></tbody></table></div>
<p><a href="/lanh-dao/?<?cs call:qs() ?>&amp;csv=thang"><?cs var:L.Lead.Csv.Link ?></a></p>
<?cs include:"_foot.cs" ?>
