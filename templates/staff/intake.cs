<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Dossier.IntakeTitle ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Dossier.IntakeTitle ?></h1>
<?cs if:subcount(Page.Err) ?><div class="error-box" role="alert"><p><?cs var:L.Fb.ErrSummary ?></p></div><?cs /if ?>
<?cs if:Page.Filled ?><p class="note" role="status"><?cs var:L.Dossier.PickFilled ?></p><?cs /if ?>
<form method="post" action="/can-bo/ho-so/moi" class="form">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <?cs # one picker: the browser narrows the list as the officer types (no script needed) ?>
  <label for="thu_tuc"><?cs var:L.Dossier.Procedure ?></label><?cs call:field_error("procedure") ?><?cs call:field_error("thu_tuc") ?>
  <p class="help" id="thu_tuc-help"><?cs var:L.Dossier.PickHelp ?></p>
  <input id="thu_tuc" name="thu_tuc" list="procedures" autocomplete="off" maxlength="400" value="<?cs var:Page.F.thu_tuc ?>" aria-describedby="thu_tuc-help<?cs if:Page.Chosen.time_value ?> thu_tuc-time<?cs /if ?>"<?cs if:Page.Err.procedure ?> aria-invalid="true"<?cs /if ?>>
  <datalist id="procedures"><?cs each:p = Page.Procedures ?><option value="<?cs var:p.name ?> (<?cs var:p.national_code ?>)"><?cs /each ?></datalist>
  <?cs if:Page.Chosen.time_value ?><p class="help" id="thu_tuc-time"><?cs var:L.Dossier.PickTime ?>: <?cs var:Page.Chosen.time_value ?> <?cs var:L.Dossier.Unit[Page.Chosen.time_unit] ?></p><?cs /if ?>
  <label for="name"><?cs var:L.Dossier.Applicant ?></label><?cs call:field_error("name") ?>
  <input id="name" name="name" maxlength="120" value="<?cs var:Page.F.name ?>">
  <label for="address"><?cs var:L.Fb.Address ?></label>
  <input id="address" name="address" maxlength="255" value="<?cs var:Page.F.address ?>">
  <label for="phone"><?cs var:L.Fb.Phone ?></label><?cs call:field_error("phone") ?>
  <input id="phone" name="phone" type="tel" maxlength="20" value="<?cs var:Page.F.phone ?>">
  <label for="email"><?cs var:L.Fb.Email ?></label><?cs call:field_error("email") ?>
  <input id="email" name="email" type="email" maxlength="254" value="<?cs var:Page.F.email ?>">
  <label class="opt"><input type="checkbox" name="notify" value="1"<?cs if:Page.F.notify == "1" ?> checked<?cs /if ?>> <?cs var:L.Consent.NotifyDossier ?></label>
  <p class="help"><?cs var:L.Privacy.FormNote ?> <a href="/du-lieu-ca-nhan"><?cs var:L.Privacy.Link ?></a></p>
  <label for="documents"><?cs var:L.Dossier.Documents ?></label><?cs call:field_error("documents") ?>
  <p class="help" id="documents-help"><?cs var:L.Dossier.DocumentsHelp ?></p>
  <textarea id="documents" name="documents" rows="5" maxlength="4000" aria-describedby="documents-help"><?cs var:Page.F.documents ?></textarea>
  <label for="sets"><?cs var:L.Dossier.Sets ?></label><?cs call:field_error("sets") ?>
  <input id="sets" name="sets" type="number" min="1" max="99" value="<?cs alt:Page.F.sets ?>1<?cs /alt ?>">
  <label for="channel"><?cs var:L.Dossier.Channel ?></label><?cs call:field_error("channel") ?>
  <select id="channel" name="channel"><?cs each:c = L.Dossier.Channels ?><option value="<?cs name:c ?>"<?cs if:Page.F.channel == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select>
  <label for="collect"><?cs var:L.Dossier.Collect ?></label><?cs call:field_error("collect") ?>
  <select id="collect" name="collect"><?cs each:c = L.Dossier.Collects ?><option value="<?cs name:c ?>"<?cs if:Page.F.collect == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select>
  <label for="counter"><?cs var:L.Qr.Counter ?></label><?cs call:field_error("counter") ?>
  <select id="counter" name="counter"><option value="0">—</option><?cs each:c = Page.Counters ?><option value="<?cs var:c.id ?>"<?cs if:Page.F.counter == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select>
  <input type="hidden" name="idem" value="<?cs var:Page.F.idem ?>">
  <button type="submit"><?cs var:L.Dossier.Receive ?></button>
</form>
<?cs include:"_foot.cs" ?>
