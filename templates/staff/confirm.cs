<?cs # A destructive action asked first: what it does, then the form that does it (staff_confirm). ?>
<?cs set:Page.Title = L.Confirm[Page.Confirm.Kind].Title ?><?cs include:"_head.cs" ?><?cs if:Req.Program == "admin" ?><?cs include:"admin/_nav.cs" ?><?cs else ?><?cs include:"staff/_nav.cs" ?><?cs /if ?>
<h1><?cs var:L.Confirm[Page.Confirm.Kind].Title ?> <span class="code"><?cs var:Page.Confirm.What ?></span></h1>
<?cs if:Page.Error ?><p class="error" role="alert"><?cs var:Page.Error ?></p><?cs /if ?>
<form method="post" action="<?cs var:Page.Confirm.Action ?>" class="form card confirm">
  <input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>">
  <?cs each:h = Page.Confirm.Hidden ?><input type="hidden" name="<?cs var:h.name ?>" value="<?cs var:h.value ?>"><?cs /each ?>
  <p class="consequence"><?cs var:L.Confirm[Page.Confirm.Kind].Text ?></p>
  <?cs if:Page.Confirm.Field ?><label for="confirm-reason"><?cs var:L.Confirm[Page.Confirm.Kind].Field ?></label>
  <textarea id="confirm-reason" name="<?cs var:Page.Confirm.Field ?>" rows="3" maxlength="1000" required><?cs var:Page.Confirm.Reason ?></textarea><?cs /if ?>
  <div class="actions-row">
    <button type="submit" class="destructive"><?cs var:L.Confirm[Page.Confirm.Kind].Button ?></button>
    <a href="<?cs var:Page.Confirm.Back ?>"><?cs var:L.Confirm.Keep ?></a>
  </div>
</form>
<?cs include:"_foot.cs" ?>
