// Counter kiosk: progressive enhancement of the rating form.  Each tap is put
// in a queue in localStorage with its own idempotency key and sent when the
// network allows, one every few seconds (the server's minimum interval), so a
// short network cut loses nothing and a replay is counted exactly once.
(function () {
  'use strict';
  var form = document.getElementById('kiosk-form');
  if (!form || !window.fetch || !window.localStorage || !window.URLSearchParams) return;
  var KEY = 'motcua-kiosk:' + form.getAttribute('action');
  var s1 = document.getElementById('k-step1'), s2 = document.getElementById('k-step2');
  var s3 = document.getElementById('k-thanks'), statusEl = document.getElementById('k-status');
  var level = null, busy = false, resetTimer = null;

  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
  function key() {
    var a = new Uint8Array(16), s = '';
    window.crypto.getRandomValues(a);
    for (var i = 0; i < a.length; i++) s += ('0' + a[i].toString(16)).slice(-2);
    return s;
  }
  function show(step) { s1.hidden = step !== 1; s2.hidden = step !== 2; s3.hidden = step !== 3; }
  function status() {
    var n = load().length;
    statusEl.textContent = n ? form.getAttribute('data-queued').replace('%d', n) : '';
  }
  function reset() {
    level = null;
    form.querySelectorAll('input[type=radio]').forEach(function (i) { i.checked = false; });
    show(1);
  }
  function send(item) {
    return fetch(form.getAttribute('action'), {
      method: 'POST', credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: item.body
    }).then(function (r) {
      if (r.status === 429 || r.status >= 500 || r.status === 0 && r.type !== 'opaqueredirect') return false;
      return true;   // stored, or refused for good (then retrying would not help)
    });
  }
  function flush() {
    if (busy) return;
    var q = load();
    if (!q.length) return;
    busy = true;
    send(q[0]).then(function (ok) {
      busy = false;
      if (ok) { var q2 = load(); q2.shift(); save(q2); status(); if (q2.length) setTimeout(flush, 6000); }
      else setTimeout(flush, 10000);
    }, function () { busy = false; setTimeout(flush, 10000); });
  }
  function enqueue() {
    var data = new URLSearchParams();
    data.set('csrf', form.elements.csrf.value);
    data.set('level', level);
    data.set('idem', key());
    ['attitude', 'time', 'trips', 'guidance'].forEach(function (c) {
      var el = form.querySelector('input[name=c_' + c + ']:checked');
      if (el) data.set('c_' + c, el.value);
    });
    var q = load();
    q.push({ body: data.toString() });
    save(q);
    status();
    document.getElementById('k-thanks-text').textContent = form.getAttribute('data-thanks');
    show(3);
    clearTimeout(resetTimer);
    resetTimer = setTimeout(reset, 5000);
    flush();
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var b = ev.submitter;
    if (!b || b.name !== 'level') return;
    level = b.value;
    show(2);
    clearTimeout(resetTimer);
    resetTimer = setTimeout(enqueue, 20000);   // walked away: the level alone counts
  });
  document.getElementById('k-send').addEventListener('click', function () { clearTimeout(resetTimer); enqueue(); });
  window.addEventListener('online', flush);
  setInterval(flush, 15000);
  status();
  flush();
})();
