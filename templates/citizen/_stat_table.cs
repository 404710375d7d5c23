<?cs def:stat_table(caption, rows) ?>
<p class="scroll-cue"><?cs var:L.Stats.ScrollCue ?></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:caption ?>"><table>
  <caption><?cs var:caption ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Stats.Name ?></th><th scope="col"><?cs var:L.Stats.Ratings ?></th><th scope="col"><?cs var:L.Stats.Rate ?></th><th scope="col"><?cs var:L.Stats.Share ?></th><th scope="col"><?cs var:L.Stats.Feedback ?></th><th scope="col"><?cs var:L.Stats.OnTime ?></th></tr></thead>
  <tbody>
  <?cs each:s = rows ?>
  <tr><th scope="row"><?cs var:s.name ?></th><td><?cs var:s.ratings ?></td>
  <?cs if:s.suppressed ?><td colspan="2" class="muted"><?cs var:L.Stats.TooFew ?></td>
  <?cs else ?><td><?cs var:s.rate ?></td><td><?cs var:s.p3 ?> / <?cs var:s.p2 ?> / <?cs var:s.p1 ?></td><?cs /if ?>
  <td><?cs var:s.feedback ?></td>
  <td><?cs if:s.ontime ?><?cs var:s.ontime ?><?cs else ?><span class="muted"><?cs var:L.Stats.TooFew ?></span><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs /def ?>
