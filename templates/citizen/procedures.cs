<?cs set:Page.Title = L.Proc.Title ?><?cs include:"_head.cs" ?>
<h1><?cs var:L.Proc.Title ?></h1>
<form method="get" action="/thu-tuc/" class="form" role="search">
  <label for="q"><?cs var:L.Proc.Search ?></label>
  <input id="q" name="q" type="search" maxlength="100" value="<?cs var:Page.Q ?>" aria-describedby="q-help">
  <p class="help" id="q-help"><?cs var:L.Proc.SearchHelp ?></p>
  <label for="lv"><?cs var:L.Proc.Field ?></label>
  <select id="lv" name="linh-vuc"><option value="0"><?cs var:L.Inbox.All ?></option><?cs each:f = Page.Fields ?><option value="<?cs var:f.id ?>"<?cs if:Page.Field == f.id ?> selected<?cs /if ?>><?cs var:f.name ?></option><?cs /each ?></select>
  <label for="cap"><?cs var:L.Proc.Level ?></label>
  <select id="cap" name="cap"><option value=""><?cs var:L.Inbox.All ?></option><?cs each:l = L.Proc.Levels ?><option value="<?cs name:l ?>"<?cs if:Page.Level == name(l) ?> selected<?cs /if ?>><?cs var:l ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:L.Proc.Find ?></button>
</form>
<p class="muted" role="status"><?cs var:L.Proc.Found ?>: <?cs var:Page.Count ?><?cs if:Page.Next && !Page.Q ?>+<?cs /if ?></p>
<?cs if:Page.Q && Page.Count == #0 ?>
<section class="card" aria-labelledby="none-found">
  <h2 id="none-found"><?cs var:L.Proc.NoneFound ?> “<?cs var:Page.Q ?>”</h2>
  <p><?cs var:L.Proc.Browse ?></p>
  <ul class="fields"><?cs each:f = Page.Fields ?><li><a href="/thu-tuc/?linh-vuc=<?cs var:f.id ?>"><?cs var:f.name ?></a></li><?cs /each ?></ul>
  <?cs if:Page.Hotline.phone ?><p><?cs var:L.Proc.Hotline ?> <a href="tel:<?cs var:Page.Hotline.tel ?>"><?cs var:Page.Hotline.phone ?></a> (<?cs var:Page.Hotline.name ?>)</p><?cs /if ?>
</section>
<?cs /if ?>
<ul class="results">
<?cs each:p = Page.Procs ?><li class="card"><a href="/thu-tuc/<?cs var:p.code ?>"><?cs var:p.name ?></a>
<p class="muted"><?cs var:p.field ?> · <?cs var:L.Proc.Levels[p.level] ?> · <?cs var:p.time_value ?> <?cs var:L.Dossier.Unit[p.time_unit] ?> · <?cs var:p.unit ?></p></li><?cs /each ?>
</ul>
<?cs if:Page.Next ?><p><a href="/thu-tuc/?q=<?cs var:url_escape(Page.Q) ?>&amp;linh-vuc=<?cs var:Page.Field ?>&amp;cap=<?cs var:url_escape(Page.Level) ?>&amp;trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
