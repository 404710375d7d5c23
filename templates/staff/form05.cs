<?cs set:Page.Title = L.Form05.Title ?><?cs set:Page.BodyClass = "print-form" ?><?cs include:"_head.cs" ?>
<p class="noprint"><a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>">← <?cs var:Page.D.Code ?></a> · <?cs var:L.Form.PrintHint ?> · <a href="/can-bo/ho-so/<?cs var:Page.D.Code ?>/phieu-kiem-soat?csv=1"><?cs var:L.Form05.Csv ?></a></p>
<article class="sheet a5" aria-label="<?cs var:L.Form05.Title ?>">
  <header class="sheet-head"><div><p class="org"><?cs var:Page.D.Unit ?></p></div>
    <div class="nation"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p><strong>Độc lập - Tự do - Hạnh phúc</strong></p></div></header>
  <h1 class="sheet-title"><?cs var:L.Form05.Heading ?></h1>
  <p><?cs var:L.Form01.Code ?>: <strong class="code"><?cs var:Page.D.Code ?></strong> (<?cs var:L.Form05.With ?> <?cs var:Page.D.BookSeq ?>/TNHS)</p>
  <p><?cs var:L.Form05.Agency ?>: <?cs var:Page.D.ProcUnit ?></p>
  <table class="slip"><caption class="sr-only"><?cs var:L.Form05.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Form05.Unit ?></th><th scope="col"><?cs var:L.Form05.Handover ?></th><th scope="col"><?cs var:L.Form05.Result ?></th><th scope="col"><?cs var:L.Form05.Note ?></th></tr></thead>
    <tbody><?cs each:s = Page.Steps ?><tr><td><?cs var:s.seq ?>. <?cs var:L.Form05.Give ?>: <?cs var:s.from ?><br><?cs var:L.Form05.Take ?>: <?cs var:s.to ?></td>
      <td><?cs var:s.handed ?><br><?cs var:L.Form05.Giver ?>: <?cs var:s.giver ?><br><?cs var:L.Form05.Taker ?>: <?cs var:s.receiver ?></td>
      <td><?cs if:s.result ?><?cs var:L.Dossier.Late[s.result] ?><?cs /if ?></td><td><?cs var:s.note ?></td></tr><?cs /each ?></tbody>
  </table>
</article>
<?cs include:"_foot.cs" ?>
