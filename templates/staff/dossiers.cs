<?cs set:Page.Title = L.Dossier.ListTitle ?><?cs include:"_head.cs" ?><?cs include:"staff/_nav.cs" ?>
<h1><?cs var:L.Dossier.ListTitle ?></h1>
<p><a href="/can-bo/ho-so/moi"><?cs var:L.Dossier.New ?></a></p>
<nav class="counts" aria-label="<?cs var:L.Dossier.Filter ?>">
<?cs each:f = Page.Filters ?><a href="/can-bo/ho-so/?loc=<?cs var:f ?>"<?cs if:Page.Filter == f ?> aria-current="page" class="current"<?cs /if ?>><?cs var:L.Dossier.F[f] ?></a> <?cs /each ?>
</nav>
<?cs if:subcount(Page.Dossiers) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Dossier.ListTitle ?>"><table>
  <thead><tr><th scope="col"><?cs var:L.Dossier.Code ?></th><th scope="col"><?cs var:L.Dossier.Procedure ?></th><th scope="col"><?cs var:L.Dossier.Applicant ?></th><th scope="col"><?cs var:L.Dossier.Status ?></th><th scope="col"><?cs var:L.Dossier.Due ?></th><th scope="col"><?cs var:L.Dossier.Timeliness ?></th></tr></thead>
  <tbody>
  <?cs each:d = Page.Dossiers ?>
  <tr<?cs if:d.lateness == "overdue" || d.lateness == "late" ?> class="late"<?cs /if ?>>
    <td class="c-code"><a href="/can-bo/ho-so/<?cs var:d.code ?>"><?cs var:d.code ?></a><br><span class="muted"><?cs var:d.received ?></span></td>
    <td><?cs var:d.procedure ?><?cs if:d.procunit ?><br><span class="muted"><?cs var:d.procunit ?></span><?cs /if ?></td>
    <td><?cs var:d.applicant ?></td>
    <td><?cs var:L.Dossier.St[d.status] ?></td>
    <td><?cs var:d.statutory ?><?cs if:d.due != d.statutory ?><br><span class="muted"><?cs var:L.Dossier.Reappointed ?>: <?cs var:d.due ?></span><?cs /if ?></td>
    <td><span class="<?cs if:d.lateness == "overdue" || d.lateness == "late" ?>bad<?cs /if ?>"><?cs var:L.Dossier.Late[d.lateness] ?></span><?cs if:d.apologies > #0 ?><br><?cs var:L.Dossier.HasApology ?><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><p><?cs var:L.Dossier.Empty ?></p><?cs /if ?>
<?cs if:Page.Next ?><p><a href="/can-bo/ho-so/?loc=<?cs var:Page.Filter ?>&amp;trang=<?cs var:Page.Next ?>"><?cs var:L.Inbox.Next ?></a></p><?cs /if ?>
<?cs include:"_foot.cs" ?>
