<?cs include:"staff/_nav.cs" ?><?cs include:"admin/_macros.cs" ?>
<nav class="staff-nav" aria-label="<?cs var:L.Admin.Nav ?>">
  <a href="/quan-tri/"><?cs var:L.Admin.Home ?></a>
  <a href="/quan-tri/don-vi"><?cs var:L.Admin.Units ?></a>
  <a href="/quan-tri/can-bo"><?cs var:L.Admin.Users ?></a>
  <a href="/quan-tri/ma-qr"><?cs var:L.Admin.Qr ?></a>
  <a href="/quan-tri/lich"><?cs var:L.Admin.Calendar ?></a>
  <a href="/quan-tri/loai-phan-anh"><?cs var:L.Admin.Kinds ?></a>
  <a href="/quan-tri/xin-loi"><?cs var:L.Admin.Apology ?></a>
  <a href="/quan-tri/thu-tuc"><?cs var:L.AdminProc.Nav ?></a>
  <a href="/quan-tri/may-tinh-bang"><?cs var:L.AdminKiosk.Nav ?></a>
  <a href="/quan-tri/khoa-api"><?cs var:L.Admin.Api ?></a>
  <a href="/quan-tri/nhat-ky"><?cs var:L.Trail.AdminTitle ?></a>
</nav>
