<?cs set:Page.Title = Page.Unit.name ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:Page.Unit.name ?></h1>
<dl class="facts">
  <dt><?cs var:L.Admin.Unit.Code ?></dt><dd class="code"><?cs var:Page.Unit.code ?></dd>
  <dt><?cs var:L.Admin.Unit.Path ?></dt><dd class="code"><?cs var:Page.Unit.path ?></dd>
  <dt><?cs var:L.Admin.Status ?></dt><dd><?cs if:Page.Unit.valid_to ?><span class="bad"><?cs var:L.Admin.Unit.ClosedSince ?> <?cs var:Page.Unit.valid_to ?></span><?cs else ?><?cs var:L.Admin.Open ?><?cs /if ?></dd>
</dl>
<ul class="actions">
  <li><a href="/quan-tri/can-bo?don-vi=<?cs var:url_escape(Page.Unit.code) ?>"><?cs var:L.Admin.Unit.Staff ?> (<?cs var:Page.Unit.users ?>)</a></li>
  <li><a href="/quan-tri/ma-qr?don-vi=<?cs var:url_escape(Page.Unit.code) ?>"><?cs var:L.Admin.Unit.QrLinks ?></a></li>
  <li><a href="/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/ap-phich"><?cs var:L.Admin.Unit.Posters ?></a></li>
  <li><a href="/quan-tri/don-vi/moi?cha=<?cs var:url_escape(Page.Unit.code) ?>"><?cs var:L.Admin.Unit.AddChild ?></a></li>
</ul>
<?cs call:error() ?>
<h2><?cs var:L.Admin.Unit.Details ?></h2>
<form method="post" action="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>" class="form card">
  <?cs call:hidden_common() ?>
  <p class="help"><?cs var:L.Admin.Unit.MoveHelp ?></p>
  <?cs include:"admin/_unit_fields.cs" ?>
  <button type="submit"><?cs var:L.Admin.Save ?></button>
</form>

<h2 id="quay"><?cs var:L.Admin.Counter.Title ?></h2>
<?cs if:subcount(Page.Counters) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Admin.Counter.Title ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.Admin.Counter.Code ?></th><th scope="col"><?cs var:L.Admin.Counter.Name ?></th><th scope="col"><?cs var:L.Admin.Status ?></th><th scope="col"><?cs var:L.Admin.Counter.Poster ?></th></tr></thead>
  <tbody>
  <?cs each:c = Page.Counters ?>
  <tr>
    <td class="code"><?cs var:c.code ?></td>
    <td><form method="post" action="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/quay/<?cs var:url_escape(c.code) ?>/doi-ten" class="form">
      <?cs call:hidden_common() ?><input type="hidden" name="counter" value="<?cs var:c.id ?>">
      <label class="muted" for="rn-<?cs var:c.id ?>"><?cs var:L.Admin.Counter.RenameLabel ?> <?cs var:c.code ?></label>
      <input id="rn-<?cs var:c.id ?>" name="rename" maxlength="255" value="<?cs var:c.name ?>"<?cs if:c.error ?> aria-invalid="true" aria-describedby="rn-err-<?cs var:c.id ?>"<?cs /if ?>>
      <?cs if:c.error ?><p class="field-error" id="rn-err-<?cs var:c.id ?>"><?cs var:c.error ?></p><?cs /if ?>
      <button type="submit" class="secondary"><?cs var:L.Admin.Counter.Rename ?></button>
    </form></td>
    <td><?cs if:c.active == "1" ?><?cs var:L.Admin.Counter.Active ?><?cs else ?><span class="bad"><?cs var:L.Admin.Counter.Inactive ?></span><?cs /if ?>
      <?cs if:c.active == "1" ?><br><a class="btn destructive" href="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/quay/<?cs var:url_escape(c.code) ?>/trang-thai"><?cs var:L.Admin.Counter.Deactivate ?> <?cs var:c.code ?>…</a>
      <?cs else ?><form method="post" action="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/quay/<?cs var:url_escape(c.code) ?>/trang-thai">
        <?cs call:hidden_common() ?><input type="hidden" name="active" value="1">
        <button type="submit" class="secondary"><?cs var:L.Admin.Counter.Activate ?> <?cs var:c.code ?></button>
      </form><?cs /if ?></td>
    <td><?cs if:c.token ?><a href="/q/<?cs var:c.token ?>/ap-phich"><?cs var:L.Admin.Counter.PosterLink ?> <?cs var:c.code ?></a><?cs else ?><?cs var:L.Admin.Counter.NoPoster ?><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Admin.Counter.None ?></p><?cs /if ?>
<form method="post" action="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/quay" class="form card">
  <?cs call:hidden_common() ?>
  <h3><?cs var:L.Admin.Counter.Add ?></h3>
  <p class="help"><?cs var:L.Admin.Counter.AddHelp ?></p>
  <?cs call:field("counter_code", L.Admin.Counter.Code, Page.F.counter_code, "text", 20, 1) ?>
  <?cs call:field("counter_name", L.Admin.Counter.Name, Page.F.counter_name, "text", 255, 1) ?>
  <button type="submit"><?cs var:L.Admin.Counter.Add ?></button>
</form>

<?cs if:Page.Unit.valid_to ?>
<form method="post" action="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/mo-lai" class="card">
  <?cs call:hidden_common() ?>
  <button type="submit" class="secondary"><?cs var:L.Admin.Unit.Reopen ?></button>
</form>
<?cs else ?>
<form method="post" action="/quan-tri/don-vi/<?cs var:url_escape(Page.Unit.code) ?>/dong" class="form card">
  <?cs call:hidden_common() ?>
  <h3><?cs var:L.Admin.Unit.Close ?></h3>
  <p class="help"><?cs var:L.Admin.Unit.CloseHelp ?></p>
  <?cs call:field("valid_to", L.Admin.Unit.CloseDate, Page.F.valid_to, "date", 10, 1) ?>
  <button type="submit" class="secondary"><?cs var:L.Admin.Unit.CloseButton ?></button>
</form>
<?cs /if ?>
<?cs include:"_foot.cs" ?>
