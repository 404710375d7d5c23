<?cs def:period_label(P) ?><?cs if:P.Kind == "month" ?><?cs var:L.Lead.MonthOf ?> <?cs var:P.Month ?>/<?cs var:P.Year ?><?cs elif:P.Kind == "quarter" ?><?cs var:L.Lead.QuarterOf ?> <?cs var:P.Quarter ?>/<?cs var:P.Year ?><?cs elif:P.Kind == "year" ?><?cs var:L.Lead.YearOf ?> <?cs var:P.Year ?><?cs else ?><?cs var:P.From ?> – <?cs var:P.To ?><?cs /if ?><?cs /def ?>
<?cs def:qs() ?>don-vi=<?cs var:url_escape(Page.ScopeCode) ?>&amp;tu=<?cs var:Page.From ?>&amp;den=<?cs var:Page.To ?><?cs /def ?>
<?cs def:fig(key, value, prev, link) ?>
<div class="fig">
  <p class="fig-label"><?cs var:L.Lead.Fig[key] ?></p>
  <p class="fig-value"><?cs if:link ?><a href="/lanh-dao/danh-sach?loai=<?cs var:link ?>&amp;<?cs call:qs() ?>"><?cs alt:value ?>0<?cs /alt ?></a><?cs else ?><?cs alt:value ?>0<?cs /alt ?><?cs /if ?></p>
  <p class="fig-prev muted"><?cs var:L.Lead.PrevPeriod ?>: <?cs alt:prev ?>0<?cs /alt ?></p>
  <details><summary><?cs var:L.Lead.Definition ?></summary><p><?cs var:L.Lead.Def[key] ?></p></details>
</div>
<?cs /def ?>
<?cs def:figf(key, value, prev, link, base) ?>
<div class="fig">
  <p class="fig-label"><?cs var:L.Lead.Fig[key] ?></p>
  <p class="fig-value"><?cs if:link ?><a href="/lanh-dao/danh-sach?loai=<?cs var:link ?>&amp;<?cs call:qs() ?>"><?cs alt:value ?>—<?cs /alt ?></a><?cs else ?><?cs alt:value ?>—<?cs /alt ?><?cs /if ?></p>
  <p class="fig-prev muted"><?cs var:L.Lead.PrevPeriod ?>: <?cs alt:prev ?>—<?cs /alt ?></p>
  <p class="fig-def"><?cs var:L.Lead.Definition ?>: <?cs var:L.Lead.Def[key] ?></p>
  <?cs if:base ?><p class="fig-def"><?cs var:base ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:figures() ?>
<h2><?cs var:L.Lead.Qd766 ?></h2>
<p class="help"><?cs var:L.Lead.Qd766Help ?></p>
<div class="figs">
<?cs call:figf("sat_dossier", Page.Fig.sat_dossier, Page.Prev.sat_dossier, "dossier_unhappy", "") ?>
<?cs if:Page.OnTimeBase == "received" ?>
<?cs call:figf("on_time_rate", Page.Fig.on_time_rate, Page.Prev.on_time_rate, "received_in_time", L.Lead.OnTimeBase.received) ?>
<?cs else ?>
<?cs call:figf("on_time_rate", Page.Fig.on_time_rate, Page.Prev.on_time_rate, "finished", L.Lead.OnTimeBase.finished) ?>
<?cs /if ?>
<?cs call:figf("pakn_on_time_rate", Page.Fig.pakn_on_time_rate, Page.Prev.pakn_on_time_rate, "pakn_answered", "") ?>
<?cs call:figf("pakn_satisfaction", Page.Fig.pakn_satisfaction, Page.Prev.pakn_satisfaction, "pakn_unhappy", "") ?>
</div>
<h2><?cs var:L.Lead.Dossiers ?></h2>
<div class="figs">
<?cs call:fig("received", Page.Fig.received, Page.Prev.received, "received") ?>
<?cs call:fig("finished", Page.Fig.finished, Page.Prev.finished, "finished") ?>
<?cs call:fig("early", Page.Fig.early, Page.Prev.early, "early") ?>
<?cs call:fig("on_time", Page.Fig.on_time, Page.Prev.on_time, "on_time") ?>
<?cs call:fig("late_finished", Page.Fig.late_finished, Page.Prev.late_finished, "late_finished") ?>
</div>
<h2><?cs var:L.Lead.Apologies ?></h2>
<div class="figs">
<?cs call:fig("late", Page.Fig.late, Page.Prev.late, "late") ?>
<?cs call:fig("late_no_apology", Page.Fig.late_no_apology, Page.Prev.late_no_apology, "late_no_apology") ?>
<?cs call:fig("apologies", Page.Fig.apologies, Page.Prev.apologies, "apologies") ?>
<?cs call:fig("apologies_late", Page.Fig.apologies_late, Page.Prev.apologies_late, "apology_late") ?>
<?cs call:fig("escalated", Page.Fig.escalated, Page.Prev.escalated, "escalated") ?>
<?cs call:fig("median_delay", Page.Fig.median_delay, Page.Prev.median_delay, "late_finished") ?>
</div>
<h2><?cs var:L.Lead.Satisfaction ?></h2>
<div class="figs">
<?cs call:fig("ratings", Page.Fig.ratings, Page.Prev.ratings, "ratings") ?>
<?cs call:fig("ratings_share", Page.Fig.ratings_share, Page.Prev.ratings_share, "ratings") ?>
<?cs call:fig("dossier_unhappy", Page.Fig.dossier_unhappy, Page.Prev.dossier_unhappy, "dossier_unhappy") ?>
<?cs call:fig("p3", Page.Fig.p3, Page.Prev.p3, "ratings_3") ?>
<?cs call:fig("p2", Page.Fig.p2, Page.Prev.p2, "ratings_2") ?>
<?cs call:fig("p1", Page.Fig.p1, Page.Prev.p1, "ratings_1") ?>
<?cs call:fig("crit_attitude", Page.Fig.crit_attitude, Page.Prev.crit_attitude, "ratings") ?>
<?cs call:fig("crit_time", Page.Fig.crit_time, Page.Prev.crit_time, "ratings") ?>
<?cs call:fig("crit_trips", Page.Fig.crit_trips, Page.Prev.crit_trips, "ratings") ?>
<?cs call:fig("crit_guidance", Page.Fig.crit_guidance, Page.Prev.crit_guidance, "ratings") ?>
</div>
<?cs if:Page.Fig.ratings > #0 ?>
<figure class="chart">
<svg viewBox="0 0 460 90" role="img" aria-labelledby="dist-title"><title id="dist-title"><?cs var:L.Lead.Distribution ?></title>
<text x="0" y="18" font-size="11"><?cs var:L.Level.3 ?></text><rect x="120" y="6" width="<?cs var:Page.Fig.w3 ?>" height="16" fill="#1e6b34"/><text x="<?cs var:#125 + Page.Fig.w3 ?>" y="18" font-size="11"><?cs var:Page.Fig.p3 ?></text>
<text x="0" y="48" font-size="11"><?cs var:L.Level.2 ?></text><rect x="120" y="36" width="<?cs var:Page.Fig.w2 ?>" height="16" fill="#2f5d9e"/><text x="<?cs var:#125 + Page.Fig.w2 ?>" y="48" font-size="11"><?cs var:Page.Fig.p2 ?></text>
<text x="0" y="78" font-size="11"><?cs var:L.Level.1 ?></text><rect x="120" y="66" width="<?cs var:Page.Fig.w1 ?>" height="16" fill="#a3161a"/><text x="<?cs var:#125 + Page.Fig.w1 ?>" y="78" font-size="11"><?cs var:Page.Fig.p1 ?></text>
</svg>
<figcaption><?cs var:L.Lead.Distribution ?>: <?cs var:L.Level.3 ?> <?cs var:Page.Fig.p3 ?>, <?cs var:L.Level.2 ?> <?cs var:Page.Fig.p2 ?>, <?cs var:L.Level.1 ?> <?cs var:Page.Fig.p1 ?></figcaption>
</figure>
<?cs /if ?>
<h2><?cs var:L.Lead.Feedback ?></h2>
<div class="figs">
<?cs call:fig("feedback", Page.Fig.feedback, Page.Prev.feedback, "feedback") ?>
<?cs call:fig("pakn", Page.Fig.pakn, Page.Prev.pakn, "pakn") ?>
<?cs call:fig("anonymous", Page.Fig.anonymous, Page.Prev.anonymous, "anonymous") ?>
<?cs call:fig("praise", Page.Fig.praise, Page.Prev.praise, "praise") ?>
<?cs call:fig("pakn_answered", Page.Fig.pakn_answered, Page.Prev.pakn_answered, "pakn_answered") ?>
<?cs call:fig("pakn_unhappy", Page.Fig.pakn_unhappy, Page.Prev.pakn_unhappy, "pakn_unhappy") ?>
<?cs call:fig("answered_on_time", Page.Fig.answered_on_time, Page.Prev.answered_on_time, "answered") ?>
<?cs call:fig("median_answer_hours", Page.Fig.median_answer_hours, Page.Prev.median_answer_hours, "answered") ?>
<?cs call:fig("feedback_overdue", Page.Fig.feedback_overdue, Page.Prev.feedback_overdue, "feedback_overdue") ?>
<?cs call:fig("answer_unsatisfied", Page.Fig.answer_unsatisfied, Page.Prev.answer_unsatisfied, "answer_unsatisfied") ?>
<?cs call:fig("forward_late", Page.Fig.forward_late, Page.Prev.forward_late, "forward_late") ?>
</div>
<?cs /def ?>
