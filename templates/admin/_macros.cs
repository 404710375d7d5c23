<?cs include:"_macros.cs" ?>
<?cs def:err_attrs(name) ?><?cs if:Page.Err[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?><?cs /def ?>
<?cs def:field(name, label, value, type, max, req) ?>
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="muted"><?cs var:L.Admin.Required ?></span><?cs /if ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>"<?cs if:type != "password" ?> value="<?cs var:value ?>"<?cs /if ?><?cs if:max ?> maxlength="<?cs var:max ?>"<?cs /if ?><?cs if:req ?> required<?cs /if ?><?cs call:err_attrs(name) ?>>
  <?cs call:field_error(name) ?>
<?cs /def ?>
<?cs def:unit_select(name, label, sel, empty) ?>
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs call:err_attrs(name) ?>>
    <?cs if:empty ?><option value=""><?cs var:empty ?></option><?cs /if ?>
    <?cs each:u = Page.Units ?><?cs if:(u.closed != "1" && u.sub != "1") || u.code == sel ?><option value="<?cs var:u.code ?>"<?cs if:u.code == sel ?> selected<?cs /if ?>><?cs var:u.label ?></option><?cs /if ?><?cs /each ?>
  </select>
  <?cs call:field_error(name) ?>
<?cs /def ?>
<?cs def:done() ?><?cs if:Page.Done ?><p class="card ok" role="status"><?cs var:L.Admin.Saved ?></p><?cs /if ?><?cs /def ?>
<?cs def:error() ?><?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?><?cs /def ?>
