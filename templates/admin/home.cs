<?cs set:Page.Title = L.Admin.Title ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.Title ?></h1>
<p><?cs var:L.Admin.Intro ?></p>
<ul class="counts">
  <?cs each:c = Page.Counts.0 ?><li><?cs var:L.Admin.Count[name(c)] ?>: <strong><?cs var:c ?></strong></li><?cs /each ?>
</ul>
<dl class="facts">
  <dt><a href="/quan-tri/don-vi"><?cs var:L.Admin.Units ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Units ?></dd>
  <dt><a href="/quan-tri/can-bo"><?cs var:L.Admin.Users ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Users ?></dd>
  <dt><a href="/quan-tri/ma-qr"><?cs var:L.Admin.Qr ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Qr ?></dd>
  <dt><a href="/quan-tri/lich"><?cs var:L.Admin.Calendar ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Calendar ?></dd>
  <dt><a href="/quan-tri/loai-phan-anh"><?cs var:L.Admin.Kinds ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Kinds ?></dd>
  <dt><a href="/quan-tri/xin-loi"><?cs var:L.Admin.Apology ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Apology ?></dd>
  <dt><a href="/quan-tri/khoa-api"><?cs var:L.Admin.Api ?></a></dt><dd><?cs var:L.Admin.HomeLinks.Api ?></dd>
</dl>
<?cs include:"_foot.cs" ?>
