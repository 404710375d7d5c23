<?cs include:"citizen/_poster.cs" ?><?cs set:Page.Title = L.Qr.PosterTitle ?><?cs set:Page.BodyClass = "print-a4" ?><?cs include:"_head.cs" ?>
<h1 class="noprint"><?cs var:Page.Title ?></h1>
<?cs each:p = Page.Posters ?><?cs call:poster(p) ?><?cs /each ?>
<?cs include:"_foot.cs" ?>
