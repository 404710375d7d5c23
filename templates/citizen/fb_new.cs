<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Fb.NewTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Fb.NewTitle ?></h1>
<p><?cs var:L.Fb.Intro ?></p>
<?cs if:subcount(Page.Err) ?><div class="error-box" role="alert"><p><?cs var:L.Fb.ErrSummary ?></p>
<ul><?cs each:e = Page.Err ?><li><a href="#err-<?cs name:e ?>"><?cs var:e ?></a></li><?cs /each ?></ul>
<?cs if:Page.HadFiles ?><p><?cs var:L.Fb.ReattachFiles ?></p><?cs /if ?></div><?cs /if ?>
<?cs if:Page.Ctx.Token ?><?cs call:ctx_card(Page.Ctx, L.Qr.SendTo) ?><?cs /if ?>
<p id="draft-note" class="note" hidden><?cs var:L.Fb.DraftBack ?></p>
<form method="post" action="/phan-anh/moi" enctype="multipart/form-data" class="form" novalidate data-draft="motcua-fb">
  <?cs call:hidden_common() ?>
  <input type="hidden" name="idem" value="<?cs var:Page.Idem ?>">
  <?cs if:Page.Ctx.Token ?><input type="hidden" name="t" value="<?cs var:Page.Ctx.Token ?>"><?cs /if ?>
  <?cs call:honeypot() ?>
  <fieldset<?cs if:Page.Err.kind ?> aria-describedby="err-kind"<?cs /if ?>>
    <legend><?cs var:L.Fb.Kind ?></legend>
    <?cs call:field_error("kind") ?>
    <?cs each:k = Page.Kinds ?>
    <label class="opt"><input type="radio" name="kind" value="<?cs var:k.code ?>"<?cs if:Page.F.kind == k.code ?> checked<?cs /if ?>>
      <strong><?cs var:L.Fb.Kinds[k.code].Name ?></strong> <span class="muted"><?cs var:L.Fb.Kinds[k.code].Help ?></span></label>
    <?cs /each ?>
  </fieldset>
  <p class="note"><?cs var:L.Fb.NotHere ?></p>
  <?cs if:!Page.Ctx.Token ?>
  <label for="unit"><?cs var:L.Fb.Unit ?></label>
  <?cs call:field_error("unit") ?>
  <select id="unit" name="unit"<?cs if:Page.Err.unit ?> aria-invalid="true" aria-describedby="err-unit"<?cs /if ?>>
    <option value=""><?cs var:L.Fb.ChooseUnit ?></option>
    <?cs each:u = Page.Units ?><option value="<?cs var:u.code ?>"<?cs if:Page.F.unit == u.code ?> selected<?cs /if ?>><?cs var:u.name ?></option><?cs /each ?>
  </select>
  <?cs /if ?>
  <label for="content"><?cs var:L.Fb.Content ?></label>
  <?cs call:field_error("content") ?>
  <textarea id="content" name="content" rows="7" maxlength="4000" aria-describedby="content-help<?cs if:Page.Err.content ?> err-content<?cs /if ?>"<?cs if:Page.Err.content ?> aria-invalid="true"<?cs /if ?>><?cs var:Page.F.content ?></textarea>
  <p class="help" id="content-help"><?cs var:L.Fb.ContentHelp ?></p>
  <label for="files"><?cs var:L.Fb.Files ?></label>
  <p class="help" id="files-help"><?cs var:L.Fb.FilesHelp ?></p>
  <?cs call:field_error("files") ?>
  <input id="files" name="files[]" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-describedby="files-help files-check"
    data-max-bytes="<?cs var:Page.MaxFileBytes ?>" data-max-files="<?cs var:Page.MaxFiles ?>" data-msg-many="<?cs var:L.Fb.Err.TooManyFiles ?>"
    data-msg-type="<?cs var:L.Fb.Check.Type ?>" data-msg-big="<?cs var:L.Fb.Check.Big ?>" data-msg-busy="<?cs var:L.Fb.Check.Busy ?>" data-msg-ready="<?cs var:L.Fb.Check.Ready ?>">
  <p class="help" id="files-check" role="status" aria-live="polite"></p>
  <fieldset>
    <legend><?cs var:L.Fb.Identity ?></legend>
    <?cs call:field_error("identity") ?>
    <?cs each:i = Page.Identities ?>
    <label class="opt"><input type="radio" name="identity" value="<?cs var:i.code ?>"<?cs if:Page.F.identity == i.code ?> checked<?cs /if ?>>
      <strong><?cs var:L.Fb.Ident[i.code].Name ?></strong> <span class="muted"><?cs var:L.Fb.Ident[i.code].Help ?></span></label>
    <?cs /each ?>
    <p class="note"><?cs var:L.Fb.FormalNote ?></p>
    <div class="contact">
    <p class="help"><?cs var:L.Fb.ContactHelp ?></p>
    <label for="name"><?cs var:L.Fb.Name ?></label><?cs call:field_error("name") ?>
    <input id="name" name="name" maxlength="120" autocomplete="name" value="<?cs var:Page.F.name ?>">
    <label for="phone"><?cs var:L.Fb.Phone ?></label><?cs call:field_error("phone") ?>
    <input id="phone" name="phone" type="tel" maxlength="20" autocomplete="tel" value="<?cs var:Page.F.phone ?>">
    <label for="email"><?cs var:L.Fb.Email ?></label><?cs call:field_error("email") ?>
    <input id="email" name="email" type="email" maxlength="254" autocomplete="email" value="<?cs var:Page.F.email ?>">
    <label for="address"><?cs var:L.Fb.Address ?></label><?cs call:field_error("address") ?>
    <input id="address" name="address" maxlength="255" autocomplete="street-address" value="<?cs var:Page.F.address ?>">
    <label class="opt"><input type="checkbox" name="notify" value="1"<?cs if:Page.F.notify == "1" ?> checked<?cs /if ?>> <?cs var:L.Consent.Notify ?></label>
    </div>
  </fieldset>
  <p class="help"><?cs var:L.Privacy.FormNote ?> <a href="/du-lieu-ca-nhan"><?cs var:L.Privacy.Link ?></a></p>
  <button type="submit"><?cs var:L.Fb.Send ?></button>
</form>
<script src="/static/upload.js" defer></script>
<?cs include:"_foot.cs" ?>
