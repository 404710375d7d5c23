  <?cs call:field("full_name", L.Admin.User.FullName, Page.F.full_name, "text", 255, 1) ?>
  <?cs call:field("title", L.Admin.User.Title, Page.F.title, "text", 255, 0) ?>
  <label for="f-role"><?cs var:L.Admin.User.Role ?></label>
  <select id="f-role" name="role"<?cs call:err_attrs("role") ?>>
    <?cs each:x = Page.Roles ?><option value="<?cs var:x ?>"<?cs if:Page.F.role == x ?> selected<?cs /if ?>><?cs var:L.Staff.Role[x] ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("role") ?>
  <?cs call:unit_select("unit", L.Admin.User.Unit, Page.F.unit, "") ?>
  <label for="f-counter"><?cs var:L.Admin.User.Counter ?></label>
  <select id="f-counter" name="counter" aria-describedby="counter-help"<?cs if:Page.Err.counter ?> aria-invalid="true"<?cs /if ?>>
    <option value="0"><?cs var:L.Admin.User.NoCounter ?></option>
    <?cs each:c = Page.Counters ?><option value="<?cs var:c.id ?>"<?cs if:Page.F.counter == c.id ?> selected<?cs /if ?>><?cs var:c.unit ?> · <?cs var:c.code ?> – <?cs var:c.name ?></option><?cs /each ?>
  </select>
  <p class="help" id="counter-help"><?cs var:L.Admin.User.CounterHelp ?></p>
  <?cs call:field_error("counter") ?>
