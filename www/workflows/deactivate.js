// Deactivate a certificate, named by its fingerprint or by its file (an
// encrypted .p12 with its passphrase); the worker reads the fingerprint, and
// refuses a typed fingerprint that names another certificate than the file.

const deactivateWorkflow = (() => {
  const out = $('deact-out');
  const files = fileList({ inputId: 'deact-files', dropId: 'deact-drop', listId: 'deact-file-list' });
  bindOutput('deact-out', ['deact-fp', 'deact-file-list', 'deact-pass', 'deact-secret', 'deact-label']);

  $('deact-build').addEventListener('click', async () => {
    const secret = currentSecret('deact-secret', out);
    if (secret === null) return;
    await produce(out, async (current) => {
      const { items } = await files.read();
      if (!current()) return undefined;
      const fingerprint = $('deact-fp').value;
      if (!items.length && !fingerprint.trim()) {
        showProblem(out, 'no_input', 'Give the fingerprint, or choose the certificate file.');
        return undefined;
      }
      return run('deactivate', { secret, fingerprint, items, passphrase: $('deact-pass').value }, 'Encrypting (scrypt)…');
    }, (r) => {
      out.replaceChildren(
        el('dl', { class: 'target' },
          el('dt', {}, 'Certificate'), el('dd', { class: 'cn' }, r.commonName || '(named by its fingerprint only)'),
          el('dt', {}, 'SHA-1 fingerprint'), el('dd', { 'data-fingerprint': r.fingerprint }, r.fingerprint)),
        r.warnings.length ? renderFindings(r.warnings) : null,
        commandBox('Deactivate the certificate', r.command, fileName($('deact-label').value, r.commonName || r.fingerprint.slice(0, 8), 'deactivate')),
        runGuide([WHERE_TO_RUN, 'Paste the command as one line and press Enter.',
          ['Check with ', el('code', {}, 'xStatus Conference EndToEndEncryption ExternalIdentity'), ': the certificate is no longer the identity.']]),
      );
      reveal(out);
    });
  });

  return { clear() { clearPanel('panel-deactivate'); files.clear(); }, snapshot: () => files.snapshot(), restore: (l) => files.set(l) };
})();
