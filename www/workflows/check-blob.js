// Check a blob: the worker finds every blob in the pasted text (alone, in
// whole commands, wrapped over lines by a mail client), opens each with the
// secret and says what it carries. A secret in a populate blob (or in a plain
// seed command) stays masked until revealed. A file dropped on the box is read
// into it as text.

const checkBlobWorkflow = (() => {
  const out = $('check-out');
  bindOutput('check-out', ['check-blob', 'check-secret']);
  const ENC = { A128GCM: 'A128GCM (AES with a 128-bit key, GCM mode)', A256GCM: 'A256GCM (AES with a 256-bit key, GCM mode)' };

  function maskedSecret(value, n) {
    const id = `check-payload-${n}`;
    const field = el('input', { type: 'password', readonly: '', id, 'aria-label': 'New secret in the blob', class: 'check-payload' });
    field.value = value;
    const toggle = el('button', { type: 'button', class: 'reveal quiet', 'aria-pressed': 'false', 'aria-controls': id }, 'Show');
    wireReveal(toggle);
    return el('div', { class: 'field' }, el('p', {}, 'New secret:'), el('div', { class: 'with-button' }, field, toggle));
  }

  function carried(r, n) {
    if (r.action === 'add') return renderReport(r.report, { context: 'blob' });
    if (r.action !== 'populate') return el('p', {}, 'Fingerprint: ', el('code', {}, r.payload));
    if (!r.payload) return el('p', {}, 'Empty payload: this blob resets the secret.');
    return maskedSecret(r.payload, n);
  }

  function describe(r, n, total) {
    const title = total > 1 ? el('h3', {}, `Blob ${n + 1} of ${total}: ${r.action}`) : null;
    if (r.plain) {
      return el('article', { class: 'opened', 'data-action': r.action },
        title, el('p', { class: 'verdict warn', 'data-verdict': 'plain' },
          'This is the first seed command: it is not encrypted, and sets the secret below.'), carried(r, n));
    }
    const dl = el('dl', {}, el('dt', {}, 'Action'), el('dd', {}, r.action),
      el('dt', {}, 'Encryption'), el('dd', {}, ENC[r.enc] || r.enc), el('dt', {}, 'Salt'), el('dd', {}, r.salt));
    return el('article', { class: 'opened', 'data-action': r.action }, title,
      el('p', { class: 'verdict good', 'data-verdict': 'opened' }, 'Opens with this secret.'), dl, carried(r, n));
  }

  $('check-open').addEventListener('click', () => produce(out,
    () => run('checkBlobs', { text: $('check-blob').value, secret: $('check-secret').value }, 'Opening (scrypt)…'),
    (r) => out.replaceChildren(...r.blobs.map((blob, n) => describe(blob, n, r.blobs.length)))));

  acceptDroppedText($('check-blob'));

  return { clear() { clearPanel('panel-check'); } };
})();
