<?cs include:"leader/_figs.cs" ?><?cs set:Page.Title = L.Lead.ReportTitle ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<article class="report">
<h1><?cs var:L.Lead.ReportTitle ?></h1>
<p><strong><?cs var:Page.ScopeName ?></strong> · <?cs var:L.Lead.Period ?>: <?cs call:period_label(Page.Period) ?></p>
<?cs if:subcount(Page.Corrections) ?><section class="card note" id="corrections" aria-labelledby="corr-h">
<h2 id="corr-h"><?cs var:L.Lead.Corr.Title ?></h2>
<p><?cs var:L.Lead.Corr.Help ?></p>
<ul><?cs each:c = Page.Corrections ?><li><?cs var:L.Lead.Corr.Month ?> <?cs var:c.month ?> (<?cs var:L.Lead.Corr.At ?> <?cs var:c.at ?>): <?cs var:L.Lead.Fig.late ?> <?cs var:c.late_before ?> → <?cs var:c.late_after ?>; <?cs var:L.Lead.Corr.OnTime ?> <?cs var:c.ontime_before ?> → <?cs var:c.ontime_after ?></li><?cs /each ?></ul>
</section><?cs /if ?>
<?cs call:figures() ?>
</article>
<?cs include:"_foot.cs" ?>
