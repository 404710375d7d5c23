<!DOCTYPE html>
<html lang="<?cs var:Req.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> – <?cs /if ?><?cs var:L.Site.Name ?></title>
<link rel="stylesheet" href="/static/motcua.css">
<?cs if:Page.Refresh ?><meta http-equiv="refresh" content="<?cs var:Page.Refresh ?>"><?cs /if ?>
</head>
<?cs # staff pages (every program but the citizen one) use the whole screen ?><body<?cs if:Page.BodyClass || Req.Program != "citizen" ?> class="<?cs if:Req.Program != "citizen" ?>staff <?cs /if ?><?cs var:Page.BodyClass ?>"<?cs /if ?>>
<a class="skip" href="#main"><?cs var:L.Site.SkipToContent ?></a>
<header class="top">
  <a class="brand" href="<?cs if:Req.Program == "citizen" ?>/<?cs else ?>/can-bo/<?cs /if ?>"><?cs var:L.Site.Name ?></a>
  <nav class="top-nav" aria-label="<?cs var:L.Site.Language ?>">
    <?cs if:Req.User.Name ?><span class="who"><?cs var:Req.User.Name ?></span>
    <form class="inline" method="post" action="/can-bo/dang-xuat"><input type="hidden" name="csrf" value="<?cs var:Req.CSRF ?>"><button class="link" type="submit"><?cs var:L.Staff.Logout ?></button></form>
    <?cs /if ?>
    <a href="<?cs var:Req.LangHref ?>" lang="<?cs var:Req.OtherLang ?>" hreflang="<?cs var:Req.OtherLang ?>"><?cs var:L.Site.OtherLangName ?></a>
  </nav>
</header>
<main id="main">
