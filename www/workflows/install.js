// Workflow 2, install a certificate: files (which add up) and pasted PEM are
// checked in the worker, which keeps the checked bundle (its private key never
// leaves wasm memory); this panel holds only the bundle's id, and builds
// add + activate. Any change to the items re-checks them.

const installWorkflow = (() => {
  let bundleId = null; // the worker's current bundle, while the inputs still match it
  let recheckTimer = 0;
  const report = $('install-report');
  const out = $('install-out');
  const files = fileList({ inputId: 'install-files', dropId: 'install-drop', listId: 'install-file-list', pasteId: 'install-pem' });
  const ITEMS = ['install-file-list', 'install-pem', 'install-pass'];

  function invalidateBundle() {
    bundleId = null;
    $('install-build').disabled = true;
    $('install-build-hint').hidden = false;
  }
  bindOutput('install-report', ITEMS, invalidateBundle);
  bindOutput('install-out', [...ITEMS, 'install-secret', 'install-label']);

  function check() {
    clearTimeout(recheckTimer);
    return produce(report, async (current) => {
      const { items, names } = await files.read();
      if (!current()) return undefined;
      if (!items.length) {
        showProblem(report, 'no_input', 'Choose or drop the certificate files, or paste PEM text.');
        return undefined;
      }
      return { names, r: await run('checkBundle', { items, names, passphrase: $('install-pass').value }, 'Reading the certificate…') };
    }, ({ names, r }) => {
      report.replaceChildren(renderReport(r.report, { names }));
      if (r.bundleId) {
        bundleId = r.bundleId;
        $('install-build').disabled = false;
        $('install-build-hint').hidden = true;
      }
    });
  }

  // A chosen file is checked at once; typing (PEM, passphrase) once it pauses.
  $('install-file-list').addEventListener('change', () => { if (files.count) check(); });
  for (const id of ['install-pem', 'install-pass']) {
    $(id).addEventListener('input', () => {
      clearTimeout(recheckTimer);
      if (files.count) recheckTimer = setTimeout(check, 600);
    });
  }
  $('install-check').addEventListener('click', check);

  $('install-build').addEventListener('click', async () => {
    const secret = currentSecret('install-secret', out);
    if (secret === null) return;
    await produce(out, () => run('install', { bundleId, secret }, 'Encrypting the two commands (scrypt, twice)…'), (r) => {
      const label = $('install-label').value;
      const both = `${r.add}\n\n${r.activate}\n`;
      const sensitive = 'This file holds the private key, encrypted under the device\'s secret.';
      out.replaceChildren(
        el('p', {}, 'Run these on the device, in this order.'),
        commandBox('Step 1: add the certificate', r.add, fileName(label, r.commonName, 'add'), { sensitive }),
        commandBox('Step 2: activate it as the Webex identity', r.activate, fileName(label, r.commonName, 'activate')),
        el('div', { class: 'row' },
          downloadButton('Download both as .txt', both, fileName(label, r.commonName, 'commands'), sensitive, 'install-download-both')),
        runGuide([
          WHERE_TO_RUN,
          ['Paste the whole add command: it spans three lines, and the last line holds only a full stop (.), ',
            'which ends the input. Press Enter after it.'],
          ['Check that the device has the certificate: run ', el('code', {}, 'xCommand Security Certificates Services Show'),
            '. It lists certificates by SHA-1 fingerprint; this one must be there as ',
            el('code', { 'data-fingerprint': r.fingerprint }, r.fingerprint), '.'],
          'Then paste the activate command (one line) and press Enter.',
          ['Finally, ', el('code', {}, 'xStatus Conference EndToEndEncryption ExternalIdentity'),
            ' shows the identity the device now presents in meetings.'],
        ]),
      );
      reveal(out);
    });
  });

  return {
    clear() { clearPanel('panel-install'); files.clear(); },
    snapshot: () => files.snapshot(),
    restore: (list) => files.set(list),
  };
})();
