<?cs def:hidden_common() ?><input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>"><?cs /def ?>
<?cs def:honeypot() ?><div class="hp"><label for="website"><?cs var:L.Qr.Honeypot ?></label><input id="website" name="website" tabindex="-1" autocomplete="off"></div><?cs /def ?>
<?cs def:ctx_card(ctx, label) ?>
<div class="card ctx">
  <p class="muted"><?cs var:label ?></p>
  <p class="ctx-unit"><?cs var:ctx.UnitName ?></p>
  <?cs if:ctx.CounterName ?><p><span class="label"><?cs var:L.Qr.Counter ?>:</span> <?cs var:ctx.CounterName ?></p><?cs /if ?>
  <?cs if:ctx.OfficerName ?><p><span class="label"><?cs var:L.Qr.Officer ?>:</span> <?cs var:ctx.OfficerName ?><?cs if:ctx.OfficerTitle ?> – <?cs var:ctx.OfficerTitle ?><?cs /if ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:field_error(name) ?><?cs if:Page.Err[name] ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Page.Err[name] ?></p><?cs /if ?><?cs /def ?>
