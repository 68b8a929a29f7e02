// Deactivate a certificate, named by its fingerprint or by its file (an
// encrypted .p12 with its passphrase); the worker reads the fingerprint.

const deactivateWorkflow = (() => {
  $('deact-build').addEventListener('click', async () => {
    const out = $('deact-out');
    const secret = currentSecret('deact-secret', out);
    if (secret === null) return;
    const items = await readItems($('deact-files').files, '');
    const fingerprint = $('deact-fp').value;
    if (!items.length && !fingerprint.trim()) { showProblem(out, 'no_input', 'Give the fingerprint, or choose the certificate file.'); return; }
    try {
      const r = await run('deactivate', { secret, fingerprint, items, passphrase: $('deact-pass').value }, 'Encrypting (scrypt)…');
      out.replaceChildren(el('p', { 'data-fingerprint': r.fingerprint }, `Fingerprint: ${r.fingerprint}`),
        commandBox('Deactivate the certificate', r.command, `deactivate-${r.fingerprint.slice(0, 8)}.txt`));
    } catch (e) { showError(out, e); }
  });

  return { clear() { clearPanel('panel-deactivate'); } };
})();
