<?cs # a CSV of a list that names people: asks why, as the audit row keeps it (action: the list's path; the hidden fields come before) ?>
<?cs def:csv_purpose_fields() ?>
  <input type="hidden" name="csv" value="1">
  <label for="muc-dich"><?cs var:L.Lead.Csv.Purpose ?></label>
  <select id="muc-dich" name="muc-dich" required<?cs if:Page.Err.purpose ?> aria-invalid="true" aria-describedby="err-purpose"<?cs /if ?>><option value=""></option><?cs each:o = L.Lead.Csv.Purposes ?><option value="<?cs name:o ?>"><?cs var:o ?></option><?cs /each ?></select>
  <button type="submit" class="secondary"><?cs var:L.Lead.Csv.Link ?></button>
  <?cs if:Page.Err.purpose ?><p class="field-error" id="err-purpose"><?cs var:Page.Err.purpose ?></p><?cs /if ?>
<?cs /def ?>
