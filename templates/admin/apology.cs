<?cs set:Page.Title = L.Admin.Rule.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.Rule.Title ?></h1>
<p class="help"><?cs var:L.Admin.Rule.Help ?></p>
<?cs call:done() ?>
<?cs each:x = Page.Rules ?><?cs if:x.error ?><p class="error" role="alert"><?cs var:x.error ?></p><?cs /if ?><?cs /each ?>
<?cs each:x = Page.Rules ?>
<form method="post" action="/quan-tri/xin-loi/sua" class="form card">
  <?cs call:hidden_common() ?><input type="hidden" name="legal_version" value="<?cs var:x.legal_version ?>">
  <h2><?cs var:x.legal_version ?> <span class="muted">· <?cs var:L.Admin.Rule.EffectiveFrom ?> <?cs var:x.effective_from ?></span></h2>
  <?cs if:x.title ?><p class="help"><?cs var:x.title ?></p><?cs /if ?>
  <label for="ld-<?cs name:x ?>"><?cs var:L.Admin.Rule.LeadDays ?></label>
  <input id="ld-<?cs name:x ?>" name="lead_days" type="number" min="0" max="30" required value="<?cs var:x.lead_days ?>">
  <label for="lu-<?cs name:x ?>"><?cs var:L.Admin.Rule.LeadUnit ?></label>
  <select id="lu-<?cs name:x ?>" name="lead_unit"><?cs each:lu = Page.LeadUnits ?><option value="<?cs var:lu ?>"<?cs if:x.lead_unit == lu ?> selected<?cs /if ?>><?cs var:L.Admin.Rule.LeadUnits[lu] ?></option><?cs /each ?></select>
  <label for="mr-<?cs name:x ?>"><?cs var:L.Admin.Rule.MaxReappoint ?></label>
  <input id="mr-<?cs name:x ?>" name="max_reappoint" type="number" min="0" max="5" required value="<?cs var:x.max_reappoint ?>">
  <label for="nd-<?cs name:x ?>"><?cs var:L.Admin.Rule.NearDue ?></label>
  <input id="nd-<?cs name:x ?>" name="near_due_days" type="number" min="0" max="30" required value="<?cs var:x.near_due_days ?>">
  <label for="sw-<?cs name:x ?>"><?cs var:L.Admin.Rule.SupplementWithin ?></label>
  <input id="sw-<?cs name:x ?>" name="supplement_within_days" type="number" min="0" max="60" required value="<?cs var:x.supplement_within_days ?>">
  <label for="sm-<?cs name:x ?>"><?cs var:L.Admin.Rule.SupplementMax ?></label>
  <input id="sm-<?cs name:x ?>" name="supplement_max_restarts" type="number" min="0" max="10" required value="<?cs var:x.supplement_max_restarts ?>">
  <label for="sr-<?cs name:x ?>"><?cs var:L.Admin.Rule.SupplementRule ?></label>
  <select id="sr-<?cs name:x ?>" name="supplement_rule"><?cs each:sr = Page.SupplementRules ?><option value="<?cs var:sr ?>"<?cs if:x.supplement_rule == sr ?> selected<?cs /if ?>><?cs var:L.Admin.Rule.SupplementRules[sr] ?></option><?cs /each ?></select>
  <label for="ob-<?cs name:x ?>"><?cs var:L.Admin.Rule.OntimeBase ?></label>
  <select id="ob-<?cs name:x ?>" name="ontime_base"><?cs each:ob = Page.OntimeBases ?><option value="<?cs var:ob ?>"<?cs if:x.ontime_base == ob ?> selected<?cs /if ?>><?cs var:L.Admin.Rule.OntimeBases[ob] ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:L.Admin.Rule.Save ?></button>
</form>
<?cs /each ?>
<h2><?cs var:L.Admin.Rule.Add ?></h2>
<?cs call:error() ?>
<form method="post" action="/quan-tri/xin-loi/moi" class="form card">
  <?cs call:hidden_common() ?>
  <?cs call:field("legal_version", L.Admin.Rule.Version, Page.F.legal_version, "text", 40, 1) ?>
  <?cs call:field("effective_from", L.Admin.Rule.EffectiveFrom, Page.F.effective_from, "date", 10, 1) ?>
  <?cs call:field("lead_days", L.Admin.Rule.LeadDays, Page.F.lead_days, "number", 0, 1) ?>
  <label for="f-lead_unit"><?cs var:L.Admin.Rule.LeadUnit ?></label>
  <select id="f-lead_unit" name="lead_unit"<?cs call:err_attrs("lead_unit") ?>><?cs each:lu = Page.LeadUnits ?><option value="<?cs var:lu ?>"<?cs if:Page.F.lead_unit == lu ?> selected<?cs /if ?>><?cs var:L.Admin.Rule.LeadUnits[lu] ?></option><?cs /each ?></select>
  <?cs call:field_error("lead_unit") ?>
  <?cs call:field("max_reappoint", L.Admin.Rule.MaxReappoint, Page.F.max_reappoint, "number", 0, 1) ?>
  <?cs call:field("near_due_days", L.Admin.Rule.NearDue, Page.F.near_due_days, "number", 0, 1) ?>
  <?cs call:field("supplement_within_days", L.Admin.Rule.SupplementWithin, Page.F.supplement_within_days, "number", 0, 1) ?>
  <?cs call:field("supplement_max_restarts", L.Admin.Rule.SupplementMax, Page.F.supplement_max_restarts, "number", 0, 1) ?>
  <label for="f-supplement_rule"><?cs var:L.Admin.Rule.SupplementRule ?></label>
  <select id="f-supplement_rule" name="supplement_rule"<?cs call:err_attrs("supplement_rule") ?>><?cs each:sr = Page.SupplementRules ?><option value="<?cs var:sr ?>"<?cs if:Page.F.supplement_rule == sr ?> selected<?cs /if ?>><?cs var:L.Admin.Rule.SupplementRules[sr] ?></option><?cs /each ?></select>
  <?cs call:field_error("supplement_rule") ?>
  <label for="f-ontime_base"><?cs var:L.Admin.Rule.OntimeBase ?></label>
  <select id="f-ontime_base" name="ontime_base"<?cs call:err_attrs("ontime_base") ?>><?cs each:ob = Page.OntimeBases ?><option value="<?cs var:ob ?>"<?cs if:Page.F.ontime_base == ob ?> selected<?cs /if ?>><?cs var:L.Admin.Rule.OntimeBases[ob] ?></option><?cs /each ?></select>
  <?cs call:field_error("ontime_base") ?>
  <button type="submit"><?cs var:L.Admin.Rule.AddButton ?></button>
</form>
<?cs include:"_foot.cs" ?>
