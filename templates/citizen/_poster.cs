<?cs def:poster(p) ?>
<section class="poster">
  <p class="poster-unit"><?cs var:p.UnitName ?></p>
  <h1 class="poster-counter"><?cs var:p.CounterName ?></h1>
  <?cs if:p.OfficerName ?><p class="poster-officer"><?cs var:L.Qr.PosterOfficer ?>: <strong><?cs var:p.OfficerName ?></strong><?cs if:p.OfficerTitle ?> – <?cs var:p.OfficerTitle ?><?cs /if ?></p><?cs /if ?>
  <p class="poster-scan"><?cs var:L.Qr.PosterScan ?></p>
  <?cs # raw on purpose: the SVG is built by qr_svg() from an ASCII URL, and its label is escaped there ?><?cs escape:"none" ?><div class="poster-qr"><?cs var:p.Svg ?></div><?cs /escape ?>
  <p class="poster-url"><?cs var:L.Qr.PosterOr ?>: <strong><?cs var:p.Url ?></strong></p>
  <p><?cs var:L.Qr.PosterNoApp ?></p>
  <p class="poster-hotline"><?cs var:L.Site.Hotline ?>: <?cs var:Site.Hotline ?></p>
</section>
<?cs /def ?>
