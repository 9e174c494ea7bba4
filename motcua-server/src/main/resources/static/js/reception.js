// Reception form: drag-and-drop onto each component, and an upload with a progress bar. Without this script the form
// still works as a plain multipart form.
(function () {
  const form = document.getElementById('reception-form');
  if (!form) {
    return;
  }
  document.querySelectorAll('.drop').forEach(function (zone) {
    const input = zone.querySelector('input[type=file]');
    const tick = zone.querySelector('input[type=checkbox]');
    zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      const all = new DataTransfer();
      Array.from(input.files).concat(Array.from(e.dataTransfer.files)).forEach(function (f) { all.items.add(f); });
      input.files = all.files;
      tick.checked = true;
    });
    input.addEventListener('change', function () { if (input.files.length > 0) { tick.checked = true; } });
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const bar = document.getElementById('upload-progress');
    const button = document.getElementById('reception-submit');
    bar.hidden = false;
    button.disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    // The token in the header lets the server read the files as they arrive instead of parsing the whole body first.
    const token = document.cookie.split('; ').find(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; });
    if (token) {
      xhr.setRequestHeader('X-XSRF-TOKEN', decodeURIComponent(token.substring('XSRF-TOKEN='.length)));
    }
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) { bar.value = Math.round(100 * p.loaded / p.total); }
    });
    xhr.addEventListener('load', function () {
      button.disabled = false;
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL.indexOf('/dossiers/') >= 0) {
        window.location.assign(xhr.responseURL);
      } else {
        bar.hidden = true;
        document.getElementById('errors').innerHTML = xhr.responseText;
      }
    });
    xhr.addEventListener('error', function () { button.disabled = false; bar.hidden = true; });
    xhr.send(new FormData(form));
  });
})();
