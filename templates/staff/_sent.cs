<?cs # What the outbox sent the citizen about this case or dossier (Page.Sent, notify_hdf). ?>
<h2 id="tin-da-gui"><?cs var:L.Notify.Sent.Title ?></h2>
<?cs if:subcount(Page.Sent) == 0 ?><p class="muted"><?cs var:L.Notify.Sent.None ?></p><?cs else ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:L.Notify.Sent.Title ?>"><table class="list sent">
<thead><tr><th scope="col"><?cs var:L.Notify.Sent.At ?></th><th scope="col"><?cs var:L.Notify.Sent.Channel ?></th><th scope="col"><?cs var:L.Notify.Sent.Step ?></th><th scope="col"><?cs var:L.Notify.Sent.To ?></th><th scope="col"><?cs var:L.Notify.Sent.Outcome ?></th></tr></thead>
<tbody><?cs each:m = Page.Sent ?><tr><td><?cs var:m.At ?></td><td><?cs alt:L.Notify.Channels[m.Channel] ?><?cs var:m.Channel ?><?cs /alt ?></td><td><?cs alt:L.Notify.Steps[m.Step] ?><?cs var:m.Step ?><?cs /alt ?></td><td><?cs var:m.To ?></td><td><?cs alt:L.Notify.States[m.State] ?><?cs var:m.State ?><?cs /alt ?> · <?cs var:m.Attempts ?> <?cs var:L.Notify.Sent.Attempts ?><?cs if:m.Segments ?> · <?cs var:m.Segments ?> <?cs var:L.Notify.Sent.Segments ?><?cs /if ?><?cs if:m.Answer ?><br><span class="muted"><?cs var:m.Answer ?></span><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
