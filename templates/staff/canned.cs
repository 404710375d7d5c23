<?cs include:"_macros.cs" ?><?cs set:Page.Title = L.Canned.Title ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Canned.Title ?></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<?cs each:k = Page.Canned ?>
<form method="post" action="/can-bo/mau-tra-loi" class="form card">
  <?cs call:hidden_common() ?><input type="hidden" name="id" value="<?cs var:k.id ?>">
  <label for="t-<?cs var:k.id ?>"><?cs var:L.Canned.Name ?></label>
  <input id="t-<?cs var:k.id ?>" name="title" maxlength="120" value="<?cs var:k.title ?>">
  <label for="b-<?cs var:k.id ?>"><?cs var:L.Canned.Body ?></label>
  <textarea id="b-<?cs var:k.id ?>" name="body" rows="4" maxlength="4000"><?cs var:k.body ?></textarea>
  <button type="submit"><?cs var:L.Canned.Save ?></button>
</form>
<form method="post" action="/can-bo/mau-tra-loi/xoa" class="inline-form">
  <?cs call:hidden_common() ?><input type="hidden" name="id" value="<?cs var:k.id ?>">
  <button type="submit" class="secondary"><?cs var:L.Canned.Delete ?> “<?cs var:k.title ?>”</button>
</form>
<?cs /each ?>
<h2><?cs var:L.Canned.New ?></h2>
<form method="post" action="/can-bo/mau-tra-loi" class="form card">
  <?cs call:hidden_common() ?>
  <label for="t-new"><?cs var:L.Canned.Name ?></label>
  <input id="t-new" name="title" maxlength="120" value="<?cs var:Page.F.title ?>">
  <label for="b-new"><?cs var:L.Canned.Body ?></label>
  <textarea id="b-new" name="body" rows="4" maxlength="4000"><?cs var:Page.F.body ?></textarea>
  <button type="submit"><?cs var:L.Canned.Add ?></button>
</form>
<?cs include:"_foot.cs" ?>
