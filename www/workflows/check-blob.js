// Check a blob: the worker finds the blob in the pasted text (alone or in a
// whole command), opens it with the secret and says what it carries. A new
// secret in a populate blob stays masked until revealed.

const checkBlobWorkflow = (() => {
  function carried(r) {
    if (r.action === 'add') return renderReport(r.report);
    if (r.action !== 'populate') return el('p', {}, 'Fingerprint: ', el('code', {}, r.payload));
    if (!r.payload) return el('p', {}, 'Empty payload: this blob resets the secret.');
    const secret = el('input', { type: 'password', readonly: '', id: 'check-payload', 'aria-label': 'New secret in the blob' });
    secret.value = r.payload;
    const reveal = el('button', { type: 'button', class: 'reveal quiet', 'aria-pressed': 'false', 'aria-controls': 'check-payload' }, 'Show');
    wireReveal(reveal);
    return el('div', { class: 'field' }, el('p', {}, 'New secret:'), el('div', { class: 'with-button' }, secret, reveal));
  }

  $('check-open').addEventListener('click', async () => {
    const out = $('check-out');
    try {
      const r = await run('checkBlob', { text: $('check-blob').value, secret: $('check-secret').value }, 'Opening (scrypt)…');
      const dl = el('dl', {}, el('dt', {}, 'Action'), el('dd', {}, r.action), el('dt', {}, 'Encryption'), el('dd', {}, r.enc),
        el('dt', {}, 'Salt'), el('dd', {}, r.salt));
      out.replaceChildren(el('p', { class: 'verdict good', 'data-verdict': 'opened' }, 'The blob opens with this secret.'), dl, carried(r));
    } catch (e) { showError(out, e); }
  });

  return { clear() { clearPanel('panel-check'); } };
})();
