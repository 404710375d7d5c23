</main>
<footer class="foot">
  <p><?cs var:L.Site.Hotline ?>: <a href="tel:<?cs var:Site.Hotline ?>"><?cs var:Site.Hotline ?></a></p>
  <p><?cs var:L.Site.Footer ?></p>
</footer>
</body>
</html>
