<?cs include:"leader/_figs.cs" ?><?cs set:Page.Title = L.Lead.ReportTitle ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<article class="report">
<h1><?cs var:L.Lead.ReportTitle ?></h1>
<p><strong><?cs var:Page.ScopeName ?></strong> · <?cs var:L.Lead.Period ?>: <?cs var:Page.From ?> → <?cs var:Page.To ?></p>
<?cs call:figures() ?>
</article>
<?cs include:"_foot.cs" ?>
