  <?cs call:unit_select("parent", L.Admin.Unit.Parent, Page.F.parent, L.Admin.Unit.NoParent) ?>
  <?cs call:field("name", L.Admin.Unit.Name, Page.F.name, "text", 255, 1) ?>
  <?cs call:field("short_name", L.Admin.Unit.ShortName, Page.F.short_name, "text", 120, 0) ?>
  <label for="f-level"><?cs var:L.Admin.Unit.Level ?></label>
  <select id="f-level" name="level"<?cs call:err_attrs("level") ?>>
    <?cs each:l = Page.Levels ?><option value="<?cs var:l ?>"<?cs if:Page.F.level == l ?> selected<?cs /if ?>><?cs var:L.Admin.Level[l] ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("level") ?>
  <?cs call:field("address", L.Admin.Unit.Address, Page.F.address, "text", 255, 0) ?>
  <?cs call:field("hotline", L.Admin.Unit.Hotline, Page.F.hotline, "tel", 40, 0) ?>
  <?cs call:field("email", L.Admin.Unit.Email, Page.F.email, "email", 120, 0) ?>
  <?cs call:field("opening_hours", L.Admin.Unit.Hours, Page.F.opening_hours, "text", 255, 0) ?>
  <?cs call:field("valid_from", L.Admin.Unit.ValidFrom, Page.F.valid_from, "date", 10, 1) ?>
  <?cs call:field("sort_order", L.Admin.Unit.Sort, Page.F.sort_order, "number", 0, 0) ?>
  <?cs call:field("place", L.Admin.Unit.Place, Page.F.place, "text", 120, 0) ?>
  <?cs call:field("head_title", L.Admin.Unit.HeadTitle, Page.F.head_title, "text", 120, 0) ?>
  <label for="f-parent_signs"><?cs var:L.Admin.Unit.ParentSigns ?></label>
  <select id="f-parent_signs" name="parent_signs"<?cs call:err_attrs("parent_signs") ?>>
    <?cs each:o = L.Admin.Unit.Signs ?><option value="<?cs name:o ?>"<?cs if:Page.F.parent_signs == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("parent_signs") ?>
  <label class="opt"><input type="checkbox" id="f-training" name="training" value="1"<?cs if:Page.F.training == "1" ?> checked<?cs /if ?><?cs call:err_attrs("training") ?>> <?cs var:L.Admin.Unit.Training ?></label>
  <p class="hint" id="hint-training"><?cs var:L.Admin.Unit.TrainingHint ?></p>
  <?cs call:field_error("training") ?>
