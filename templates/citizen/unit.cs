<?cs include:"citizen/_unit_card.cs" ?><?cs include:"citizen/_stat_table.cs" ?>
<?cs set:Page.Title = Page.Units.0.name ?><?cs include:"_head.cs" ?>
<p><a href="/don-vi/"><?cs var:L.Units.Title ?></a></p>
<?cs call:unit_card(Page.Units.0, #0) ?>
<section aria-labelledby="procs">
<h2 id="procs"><?cs var:L.Units.Procedures ?></h2>
<?cs if:subcount(Page.Procs) ?>
<ul class="results">
<?cs each:p = Page.Procs ?><li><a href="/thu-tuc/<?cs var:p.code ?>"><?cs var:p.name ?></a> <span class="muted">· <?cs var:p.time_value ?> <?cs var:L.Dossier.Unit[p.time_unit] ?></span></li><?cs /each ?>
</ul>
<?cs else ?><p class="muted"><?cs var:L.Units.NoProcedures ?></p><?cs /if ?>
<?cs if:Page.Prev || Page.Next ?><p><?cs if:Page.Prev ?><a href="/don-vi/<?cs var:Page.Units.0.code ?>?trang=<?cs var:Page.Prev ?>#procs"><?cs var:L.Units.Prev ?></a><?cs /if ?><?cs if:Page.Prev && Page.Next ?> · <?cs /if ?><?cs if:Page.Next ?><a href="/don-vi/<?cs var:Page.Units.0.code ?>?trang=<?cs var:Page.Next ?>#procs"><?cs var:L.Inbox.Next ?></a><?cs /if ?></p><?cs /if ?>
</section>
<section aria-labelledby="figs">
<h2 id="figs"><?cs var:L.Units.Figures ?></h2>
<p><?cs var:L.Stats.Period ?>: <?cs var:Page.FromText ?> → <?cs var:Page.ToText ?></p>
<?cs if:subcount(Page.Stats) ?><?cs call:stat_table(L.Stats.Units, Page.Stats) ?><?cs else ?><p class="muted"><?cs var:L.Units.NoFigures ?></p><?cs /if ?>
<?cs if:subcount(Page.CounterStats) ?><?cs call:stat_table(L.Stats.Counters, Page.CounterStats) ?><?cs /if ?>
<p><a href="/thong-ke/"><?cs var:L.Units.AllFigures ?></a></p>
</section>
<?cs include:"_foot.cs" ?>
