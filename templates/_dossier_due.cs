<?cs # The appointments of a dossier, shared by the officer's and the citizen's page:
  the statutory one of the last processing cycle (every verdict is judged against
  it) and, after a signed apology letter, the new date with its own verdict. ?>
  <dt><?cs var:L.Dossier.Statutory ?></dt><dd><strong><?cs var:Page.D.Statutory ?></strong><?cs if:Page.D.Cycle > #1 ?> (<?cs var:L.Dossier.CycleN ?> <?cs var:#Page.D.Cycle - #1 ?>)<?cs /if ?></dd>
  <?cs if:Page.D.Reappointments > #0 ?><dt><?cs var:L.Dossier.Reappointed ?></dt><dd><strong><?cs var:Page.D.Due ?></strong><?cs each:a = Page.Apologies ?><?cs if:a.kept ?> · <span class="<?cs if:a.kept == "missed" ?>bad<?cs /if ?>"><?cs var:L.Apology.Kept[a.kept] ?></span><?cs /if ?><?cs /each ?></dd><?cs /if ?>
