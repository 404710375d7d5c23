// The feedback form, when scripts run (it works without them):
//  - files are checked by count, size and type as soon as they are chosen,
//    before anything is uploaded, with the message beside the picker;
//  - photos are made smaller in the browser (long side 1600 px, JPEG), so
//    three phone photos fit the limits and upload quickly on a slow network;
//  - what is typed is kept in this tab (sessionStorage) until the case is
//    filed, so a refused upload or a lost connection loses no text.
// Every message comes from the page (data-msg-*), i.e. from the language files.
(function () {
  'use strict';
  var store = window.sessionStorage;
  var done = document.querySelector('[data-draft-done]');
  if (done) {
    try { store.removeItem(done.getAttribute('data-draft-done')); } catch (e) { /* storage off */ }
    return;
  }
  var form = document.querySelector('form[data-draft]');
  if (!form) return;
  var key = form.getAttribute('data-draft');
  var input = form.querySelector('input[type=file]');
  var note = document.getElementById('files-check');
  var say = function (name, arg) {
    note.textContent = (input.getAttribute('data-msg-' + name) || '').replace('%s', arg || '');
  };
  var boxes = function () { return form.querySelectorAll('textarea, select, input[name]'); };

  // ---- the draft ----------------------------------------------------------
  var save = function () {
    var d = {};
    Array.prototype.forEach.call(boxes(), function (b) {
      if (b.type === 'hidden' || b.type === 'file' || b.name === 'website') return;
      if (b.type === 'radio') { if (b.checked) d[b.name] = b.value; } else d[b.name] = b.value;
    });
    try { store.setItem(key, JSON.stringify(d)); } catch (e) { /* full or off */ }
  };
  var typed = Array.prototype.some.call(boxes(), function (b) {
    return (b.tagName === 'TEXTAREA' || b.type === 'text' || b.type === 'tel' || b.type === 'email') && b.value;
  });
  var saved = null;
  try { saved = JSON.parse(store.getItem(key) || 'null'); } catch (e) { saved = null; }
  if (saved && !typed && saved.content) {
    // the page came back empty (an upload refused by the server, a reload):
    // put back what was typed in this tab, and say so
    Array.prototype.forEach.call(boxes(), function (b) {
      if (!(b.name in saved) || b.type === 'hidden' || b.type === 'file') return;
      if (b.type === 'radio') b.checked = b.value === saved[b.name]; else b.value = saved[b.name];
    });
    var back = document.getElementById('draft-note');
    if (back) back.hidden = false;
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);

  // ---- the files ------------------------------------------------------------
  var maxBytes = +input.getAttribute('data-max-bytes');
  var maxFiles = +input.getAttribute('data-max-files');
  var okType = /^(image\/jpeg|image\/png|application\/pdf)$/;
  var shrink = function (file) {
    return new Promise(function (resolve) {
      if (!/^image\/(jpeg|png)$/.test(file.type) || !window.createImageBitmap || file.size < 300 * 1024) {
        resolve(file);
        return;
      }
      createImageBitmap(file).then(function (img) {
        var k = Math.min(1, 1600 / Math.max(img.width, img.height));
        var c = document.createElement('canvas');
        c.width = Math.round(img.width * k);
        c.height = Math.round(img.height * k);
        c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
        c.toBlob(function (blob) {
          resolve(blob && blob.size < file.size
            ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
        }, 'image/jpeg', 0.8);
      }, function () { resolve(file); });
    });
  };
  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files);
    note.textContent = '';
    if (files.length > maxFiles) { say('many'); input.value = ''; return; }
    var bad = files.filter(function (f) { return !okType.test(f.type); })[0];
    if (bad) { say('type', bad.name); input.value = ''; return; }
    if (!window.DataTransfer) {
      bad = files.filter(function (f) { return f.size > maxBytes; })[0];
      if (bad) { say('big', bad.name); input.value = ''; }
      return;
    }
    say('busy');
    Promise.all(files.map(shrink)).then(function (out) {
      var big = out.filter(function (f) { return f.size > maxBytes; })[0];
      if (big) { say('big', big.name); input.value = ''; return; }
      var dt = new DataTransfer();
      out.forEach(function (f) { dt.items.add(f); });
      input.files = dt.files;
      var kb = out.reduce(function (a, f) { return a + f.size; }, 0) / 1024;
      say('ready', kb < 1024 ? Math.ceil(kb) + ' KB' : (kb / 1024).toFixed(1) + ' MB');
      input.setAttribute('data-checked', String(out.length));
    });
  });
})();
