<?cs set:Page.Title = L.Stats.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Stats.Title ?></h1>
<p><?cs var:L.Stats.Intro ?></p>
<p class="help"><?cs var:L.Stats.Abbr ?></p>
<p><?cs var:L.Stats.Period ?>: <?cs var:Page.FromText ?> → <?cs var:Page.ToText ?></p>
<form method="get" action="/thong-ke/" class="filters">
  <label for="tu"><?cs var:L.Lead.From ?></label><input id="tu" name="tu" type="date" value="<?cs var:Page.From ?>">
  <label for="den"><?cs var:L.Lead.To ?></label><input id="den" name="den" type="date" value="<?cs var:Page.To ?>">
  <button type="submit"><?cs var:L.Stats.Show ?></button>
</form>
<?cs include:"citizen/_stat_table.cs" ?>
<?cs call:stat_table(L.Stats.Units, Page.Units) ?>
<?cs call:stat_table(L.Stats.Counters, Page.Counters) ?>
<h2><?cs var:L.Lead.Qd766 ?></h2>
<p class="scroll-cue"><?cs var:L.Stats.ScrollCue ?></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Lead.Qd766 ?>"><table id="qd766">
  <caption><?cs var:L.Lead.Qd766 ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Stats.Name ?></th><th scope="col"><?cs var:L.Lead.Fig.finished ?></th><th scope="col"><?cs var:L.Lead.Fig.sat_dossier ?></th><th scope="col"><?cs var:L.Lead.Fig.on_time_rate ?></th><th scope="col"><?cs var:L.Lead.Fig.pakn_answered ?></th><th scope="col"><?cs var:L.Lead.Fig.pakn_on_time_rate ?></th><th scope="col"><?cs var:L.Lead.Fig.pakn_satisfaction ?></th><th scope="col"><?cs var:L.Lead.Fig.anonymous ?></th><th scope="col"><?cs var:L.Lead.Fig.praise ?></th></tr></thead>
  <tbody>
  <?cs each:q = Page.Qd ?>
  <tr><th scope="row"><?cs var:q.name ?></th><td><?cs var:q.finished ?></td>
  <td><?cs alt:q.sat_dossier ?><span class="muted"><?cs var:L.Stats.TooFew ?></span><?cs /alt ?></td>
  <td><?cs alt:q.on_time_rate ?><span class="muted"><?cs var:L.Stats.TooFew ?></span><?cs /alt ?></td>
  <td><?cs var:q.pakn_answered ?></td>
  <td><?cs alt:q.pakn_on_time_rate ?><span class="muted"><?cs var:L.Stats.TooFew ?></span><?cs /alt ?></td>
  <td><?cs alt:q.pakn_satisfaction ?><span class="muted"><?cs var:L.Stats.TooFew ?></span><?cs /alt ?></td>
  <td><?cs var:q.anonymous ?></td><td><?cs var:q.praise ?></td></tr>
  <?cs /each ?>
  </tbody>
</table></div>
<h3><?cs var:L.Lead.Definition ?></h3>
<dl class="defs">
  <dt><?cs var:L.Lead.Fig.sat_dossier ?></dt><dd><?cs var:L.Lead.Def.sat_dossier ?></dd>
  <dt><?cs var:L.Lead.Fig.on_time_rate ?></dt><dd><?cs var:L.Lead.Def.on_time_rate ?> <?cs var:L.Lead.OnTimeBase[Page.OnTimeBase] ?></dd>
  <dt><?cs var:L.Lead.Fig.pakn_on_time_rate ?></dt><dd><?cs var:L.Lead.Def.pakn_on_time_rate ?></dd>
  <dt><?cs var:L.Lead.Fig.pakn_satisfaction ?></dt><dd><?cs var:L.Lead.Def.pakn_satisfaction ?></dd>
  <dt><?cs var:L.Lead.Fig.anonymous ?></dt><dd><?cs var:L.Lead.Def.anonymous ?></dd>
</dl>
<?cs include:"_foot.cs" ?>
