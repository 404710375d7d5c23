<?cs def:qr_block() ?><?cs # raw on purpose: the SVG is built by qr_svg() from an ASCII URL, its label escaped there ?><?cs escape:"none" ?><div class="form-qr"><?cs var:Page.QrSvg ?></div><?cs /escape ?><?cs /def ?>
<?cs # The header every paper has (the law's layout): the parent agency above
     the issuing one and the paper's number on the left; the national motto
     and the place-and-date line on the right.  Empty date parts print as dots
     for a paper dated by hand. ?>
<?cs def:paper_head(parent, unit, number, place, d, m, y) ?>
  <header class="sheet-head">
    <div><?cs if:parent ?><p class="parent"><?cs var:parent ?></p><?cs /if ?><p class="org"><?cs var:unit ?></p><p><?cs var:L.Form.Number ?>: <?cs var:number ?></p></div>
    <div class="nation"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p><strong>Độc lập - Tự do - Hạnh phúc</strong></p>
      <p class="place-date"><em><?cs alt:place ?>……<?cs /alt ?>, <?cs var:L.Form.Day ?> <?cs alt:d ?>…<?cs /alt ?> <?cs var:L.Form.Month ?> <?cs alt:m ?>…<?cs /alt ?> <?cs var:L.Form.Year ?> <?cs alt:y ?>……<?cs /alt ?></em></p></div>
  </header><?cs /def ?>
