<?cs set:Page.Title = L.Admin.Unit.TreeTitle ?><?cs include:"_head.cs" ?><?cs include:"admin/_nav.cs" ?>
<h1><?cs var:L.Admin.Unit.TreeTitle ?></h1>
<p><a href="/quan-tri/don-vi/moi"><?cs var:L.Admin.Unit.Add ?></a></p>
<p class="help"><?cs var:L.Admin.Unit.TreeHelp ?></p>
<ul class="tree">
<?cs each:u = Page.Tree ?><li><a href="/quan-tri/don-vi/<?cs var:url_escape(u.code) ?>"><?cs var:u.name ?></a> <span class="muted"><span class="code"><?cs var:u.code ?></span> · <?cs var:L.Admin.Level[u.level] ?><?cs if:u.counters > #0 ?> · <?cs var:u.counters ?> <?cs var:L.Admin.Unit.Counters ?><?cs /if ?></span><?cs if:u.training == "1" ?> <span class="tag"><?cs var:L.Admin.Unit.Training ?></span><?cs /if ?><?cs if:u.closed == "1" ?> <span class="tag"><?cs var:L.Admin.Unit.ClosedSince ?> <?cs var:u.valid_to ?></span><?cs /if ?>
<?cs if:u.down == "1" ?><ul><?cs else ?></li><?cs loop:k = 1, u.up, 1 ?></ul></li><?cs /loop ?><?cs /if ?>
<?cs /each ?></ul>
<?cs include:"_foot.cs" ?>
