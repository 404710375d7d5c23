<?cs include:"staff/_print.cs" ?><?cs set:Page.Title = L.Letter.Title ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<p class="noprint"><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>">← <?cs var:Page.D.Code ?></a> · <?cs var:L.Form.PrintHint ?></p>
<?cs each:a = Page.Apologies ?><?cs if:a.id == Page.ApologyId ?>
<article class="sheet a5" aria-label="<?cs var:L.Letter.Title ?>">
  <?cs include:"staff/_letter_body.cs" ?>
  <div class="qr-row"><?cs call:qr_block() ?><p><?cs var:L.Letter.QrText ?><br><span class="url"><?cs var:Page.QrUrl ?></span></p></div>
</article>
<?cs /if ?><?cs /each ?>
<?cs include:"_foot.cs" ?>
