<?cs set:Page.Title = Page.P.name ?><?cs set:Page.BodyClass = "print-a4" ?><?cs include:"_head.cs" ?>
<h1><?cs var:Page.P.name ?></h1>
<p class="muted"><?cs var:L.Proc.Code ?>: <?cs var:Page.P.code ?> · <?cs var:Page.P.field ?> · <?cs var:L.Proc.Levels[Page.P.level] ?></p>
<dl class="facts">
  <dt><?cs var:L.Proc.Time ?></dt><dd><strong><?cs var:Page.P.time_value ?> <?cs var:L.Dossier.Unit[Page.P.time_unit] ?></strong></dd>
  <dt><?cs var:L.Proc.Actual ?></dt><dd><?cs if:Page.P.median_days ?><?cs var:Page.P.median_days ?> <?cs var:L.Proc.Days ?> (<?cs var:L.Proc.Median ?>, <?cs var:Page.P.done ?> <?cs var:L.Proc.Dossiers ?>) · <?cs var:L.Proc.OnTime ?>: <?cs var:Page.P.on_time ?><?cs else ?><span class="muted"><?cs var:L.Proc.TooFew ?></span><?cs /if ?></dd>
  <dt><?cs var:L.Proc.Fee ?></dt><dd><?cs var:Page.P.fee ?></dd>
  <dt><?cs var:L.Proc.Result ?></dt><dd><?cs var:Page.P.result ?></dd>
  <dt><?cs var:L.Proc.Where ?></dt><dd><?cs var:Page.P.unit ?><br><?cs var:Page.P.address ?><?cs if:Page.P.hotline ?><br><?cs var:L.Home.Phone ?>: <?cs var:Page.P.hotline ?><?cs /if ?><?cs if:Page.P.hours ?><br><?cs var:Page.P.hours ?><?cs /if ?></dd>
</dl>
<h2><?cs var:L.Proc.Documents ?></h2>
<p class="pre card"><?cs var:Page.P.documents ?></p>
<h2><?cs var:L.Proc.Legal ?></h2>
<p class="pre"><?cs var:Page.P.legal ?></p>
<p class="muted"><?cs var:L.Proc.Effective ?>: <?cs var:Page.P.effective ?></p>
<p class="noprint"><a href="/thu-tuc/"><?cs var:L.Proc.Back ?></a></p>
<?cs include:"_foot.cs" ?>
