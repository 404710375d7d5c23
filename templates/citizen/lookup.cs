<?cs set:Page.Title = L.Lookup.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Lookup.Title ?></h1>
<p><?cs var:L.Lookup.Intro ?></p>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="get" action="/ho-so/" class="form narrow">
  <label for="ma"><?cs var:L.Lookup.Code ?></label>
  <input id="ma" name="ma" maxlength="48" autocomplete="off" value="<?cs var:Page.Code ?>" aria-describedby="ma-help">
  <p class="help" id="ma-help"><?cs var:L.Lookup.CodeHelp ?></p>
  <label for="so"><?cs var:L.Lookup.Phone ?></label>
  <input id="so" name="so" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off">
  <button type="submit"><?cs var:L.Lookup.Send ?></button>
</form>
<?cs include:"_foot.cs" ?>
