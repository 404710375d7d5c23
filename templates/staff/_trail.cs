<?cs # what the leader's and the administrator's trails share: the person
  choice, the period and the button of the filter form, and the table ?>
<?cs def:trail_person() ?>  <div class="f"><label for="t-person"><?cs var:L.Trail.Person ?></label>
  <select id="t-person" name="nguoi"><option value="0"><?cs var:L.Trail.All ?></option><?cs each:p = Page.People ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Page.F.actor ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></div>
<?cs /def ?>
<?cs def:trail_period() ?>  <div class="f"><label for="t-from"><?cs var:L.Trail.From ?></label>
  <input id="t-from" name="tu" type="date" value="<?cs var:Page.F.from ?>"></div>
  <div class="f"><label for="t-to"><?cs var:L.Trail.To ?></label>
  <input id="t-to" name="den" type="date" value="<?cs var:Page.F.to ?>"></div>
  <button type="submit" class="primary"><?cs var:L.Trail.Filter ?></button>
<?cs /def ?>
