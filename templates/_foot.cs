</main>
<footer class="foot">
  <p><?cs var:L.Site.Hotline ?>: <a href="tel:<?cs var:Site.Hotline ?>"><?cs var:Site.Hotline ?></a></p>
  <p><?cs var:L.Site.Footer ?></p>
  <p><a href="/du-lieu-ca-nhan"><?cs var:L.Privacy.Link ?></a></p>
</footer>
</body>
</html>
