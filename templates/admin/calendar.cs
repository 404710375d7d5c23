<?cs set:Page.Title = L.Admin.Cal.Title + " " + Page.Year ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.Cal.Title ?> <?cs var:Page.Year ?></h1>
<nav class="pager" aria-label="<?cs var:L.Admin.Calendar ?>">
  <a href="/quan-tri/lich?nam=<?cs var:Page.PrevYear ?>"><?cs var:L.Admin.Cal.PrevYear ?> (<?cs var:Page.PrevYear ?>)</a>
  <a href="/quan-tri/lich?nam=<?cs var:Page.NextYear ?>"><?cs var:L.Admin.Cal.NextYear ?> (<?cs var:Page.NextYear ?>)</a>
</nav>
<p class="help"><?cs var:L.Admin.Cal.Help ?></p>
<?cs if:Page.Check.NoDaysOff.From || Page.Check.Unconfirmed.N || subcount(Page.Check.Gaps) ?>
<section class="error-box" id="calendar-check" aria-labelledby="check-title">
  <h2 id="check-title"><?cs var:L.Admin.Cal.Check.Title ?></h2>
  <ul>
  <?cs if:Page.Check.NoDaysOff.From ?><li><?cs var:L.Admin.Cal.Check.NoDaysOff ?> <?cs var:Page.Check.NoDaysOff.From ?> – <?cs var:Page.Check.NoDaysOff.To ?>. <?cs var:L.Admin.Cal.Check.NoDaysOffDo ?></li><?cs /if ?>
  <?cs if:Page.Check.Unconfirmed.N ?><li><?cs var:Page.Check.Unconfirmed.N ?> <?cs var:L.Admin.Cal.Check.Unconfirmed ?> <span class="code"><?cs var:Page.Check.Unconfirmed.Days ?></span><?cs if:Page.Check.Unconfirmed.N > #10 ?>, …<?cs /if ?>. <?cs var:L.Admin.Cal.Check.UnconfirmedDo ?></li><?cs /if ?>
  <?cs each:g = Page.Check.Gaps ?><li><?cs var:g.dossiers ?> <?cs var:L.Admin.Cal.Check.Gap ?> <?cs var:g.year ?>, <?cs var:L.Admin.Cal.Check.GapWhy ?> <a href="/quan-tri/lich?nam=<?cs var:g.year ?>"><?cs var:L.Admin.Cal.Check.GapDo ?> <?cs var:g.year ?></a></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs call:done() ?>
<?cs if:subcount(Page.Days) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Admin.Cal.Title ?> <?cs var:Page.Year ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.Admin.Cal.Day ?></th><th scope="col"><?cs var:L.Admin.Cal.Working ?></th><th scope="col"><?cs var:L.Admin.Cal.Kind ?></th><th scope="col"><?cs var:L.Admin.Cal.Name ?></th><th scope="col"><?cs var:L.Admin.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:d = Page.Days ?>
  <tr>
    <td><span class="code"><?cs var:d.day ?></span><br><span class="muted"><?cs var:L.Admin.Wd[d.wd] ?></span></td>
    <td><?cs if:d.is_working == "1" ?><?cs var:L.Admin.Cal.WorkingYes ?><?cs else ?><?cs var:L.Admin.Cal.WorkingNo ?><?cs /if ?></td>
    <td><?cs alt:L.Admin.Cal.Kinds[d.kind] ?><?cs var:d.kind ?><?cs /alt ?><?cs if:d.confirmed != "1" ?><br><span class="tag"><?cs var:L.Admin.Cal.Unconfirmed ?></span><?cs /if ?></td>
    <td><?cs if:Req.Lang == "en" ?><?cs var:d.name_en ?><?cs else ?><?cs var:d.name_vi ?><?cs /if ?></td>
    <td><a href="/quan-tri/lich?ngay=<?cs var:d.day ?>#form"><?cs var:L.Admin.Cal.Edit ?> <?cs var:d.day ?></a>
      <form method="post" action="/quan-tri/lich/xoa"><?cs call:hidden_common() ?><input type="hidden" name="day" value="<?cs var:d.day ?>">
        <button type="submit" class="secondary"><?cs var:L.Admin.Cal.Delete ?> <?cs var:d.day ?></button></form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Admin.Cal.Empty ?></p><?cs /if ?>
<h2 id="form"><?cs if:Page.Editing == "1" ?><?cs var:L.Admin.Cal.FormEdit ?><?cs else ?><?cs var:L.Admin.Cal.FormAdd ?><?cs /if ?></h2>
<?cs call:error() ?>
<form method="post" action="/quan-tri/lich" class="form card">
  <?cs call:hidden_common() ?>
  <?cs call:field("day", L.Admin.Cal.Day, Page.F.day, "date", 10, 1) ?>
  <fieldset<?cs if:Page.Err.is_working ?> aria-describedby="err-is_working"<?cs /if ?>><legend><?cs var:L.Admin.Cal.Working ?></legend>
    <label class="opt"><input type="radio" name="is_working" value="0"<?cs if:Page.F.is_working == "0" ?> checked<?cs /if ?>> <?cs var:L.Admin.Cal.WorkingNo ?></label>
    <label class="opt"><input type="radio" name="is_working" value="1"<?cs if:Page.F.is_working == "1" ?> checked<?cs /if ?>> <?cs var:L.Admin.Cal.WorkingYes ?></label>
  </fieldset>
  <?cs call:field_error("is_working") ?>
  <label for="f-kind"><?cs var:L.Admin.Cal.Kind ?></label>
  <select id="f-kind" name="kind"<?cs call:err_attrs("kind") ?>>
    <?cs each:k = Page.DayKinds ?><option value="<?cs var:k ?>"<?cs if:Page.F.kind == k ?> selected<?cs /if ?>><?cs var:L.Admin.Cal.Kinds[k] ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("kind") ?>
  <?cs call:field("name_vi", L.Admin.Cal.NameVi, Page.F.name_vi, "text", 255, 1) ?>
  <?cs call:field("name_en", L.Admin.Cal.NameEn, Page.F.name_en, "text", 255, 0) ?>
  <?cs call:field("source", L.Admin.Cal.Source, Page.F.source, "text", 500, 0) ?>
  <label class="opt"><input type="checkbox" name="confirmed" value="1"<?cs if:Page.F.confirmed == "1" ?> checked<?cs /if ?>> <?cs var:L.Admin.Cal.Confirmed ?></label>
  <button type="submit"><?cs var:L.Admin.Cal.SaveButton ?></button>
</form>
<?cs include:"_foot.cs" ?>
