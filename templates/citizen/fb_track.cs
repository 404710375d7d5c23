<?cs set:Page.Title = L.Fb.TrackTitle ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Fb.TrackTitle ?></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="get" action="/phan-anh/" class="form narrow">
  <p><?cs var:L.Fb.TrackIntro ?></p>
  <label for="ma"><?cs var:L.Fb.TrackCode ?></label>
  <input id="ma" name="ma" maxlength="40" autocomplete="off" autocapitalize="characters" value="<?cs var:Page.Code ?>">
  <button type="submit"><?cs var:L.Fb.TrackSend ?></button>
</form>
<?cs include:"_foot.cs" ?>
