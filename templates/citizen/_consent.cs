<?cs # the consent to messages of a case or a dossier, and the way to take it back (action: the POST's path) ?>
<?cs def:consent_box(action) ?>
<section class="card" id="thong-bao" aria-labelledby="thong-bao-h">
  <h2 id="thong-bao-h"><?cs var:L.Consent.Title ?></h2>
  <?cs if:Page.ConsentDone ?><p role="status"><?cs var:L.Consent.WithdrawDone ?></p><?cs /if ?>
  <?cs if:Page.Consent.withdrawn_at ?><p><?cs var:L.Consent.Withdrawn ?> <?cs var:Page.Consent.withdrawn_at ?>.</p>
  <?cs elif:Page.Consent.given_at ?><p><?cs var:L.Consent.Given ?> <?cs var:Page.Consent.given_at ?>.</p>
  <form method="post" action="<?cs var:action ?>">
    <?cs call:hidden_common() ?>
    <?cs if:Page.LinkKey ?><input type="hidden" name="k" value="<?cs var:Page.LinkKey ?>"><?cs /if ?>
    <button type="submit" class="secondary"><?cs var:L.Consent.Withdraw ?></button>
  </form>
  <?cs else ?><p class="muted"><?cs var:L.Consent.None ?></p><?cs /if ?>
  <p><a href="/du-lieu-ca-nhan"><?cs var:L.Privacy.Link ?></a></p>
</section>
<?cs /def ?>
