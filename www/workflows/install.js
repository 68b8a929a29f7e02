// Workflow 2, install a certificate: files or pasted PEM are checked in the
// worker, which keeps the checked bundle (its private key never leaves wasm
// memory); this panel holds only the bundle's id, and builds add + activate.

const installWorkflow = (() => {
  let files = [];
  let bundleId = null; // the worker's current bundle, while the inputs still match it
  const report = $('install-report');
  const out = $('install-out');

  function invalidateBundle() {
    bundleId = null;
    $('install-build').disabled = true;
    $('install-build-hint').hidden = false;
    out.replaceChildren();
  }

  function setFiles(list) {
    files = [...list];
    $('install-file-list').replaceChildren(...files.map((f) => el('li', {}, `${f.name} (${f.size} bytes)`)));
    invalidateBundle();
    if (files.length) check();
  }

  async function check() {
    invalidateBundle();
    const items = await readItems(files, $('install-pem').value);
    if (!items.length) { showProblem(report, 'no_input', 'Choose or drop the certificate files, or paste PEM text.'); return; }
    try {
      const r = await run('checkBundle', { items, passphrase: $('install-pass').value }, 'Reading the certificate…');
      report.replaceChildren(renderReport(r.report));
      if (r.bundleId) {
        bundleId = r.bundleId;
        $('install-build').disabled = false;
        $('install-build-hint').hidden = true;
      }
    } catch (e) { showError(report, e); }
  }

  $('install-files').addEventListener('change', (event) => setFiles(event.target.files));
  const drop = $('install-drop');
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    setFiles(event.dataTransfer.files);
  });
  $('install-pem').addEventListener('input', invalidateBundle);
  $('install-pass').addEventListener('input', invalidateBundle);
  $('install-check').addEventListener('click', check);

  $('install-build').addEventListener('click', async () => {
    const secret = currentSecret('install-secret', out);
    if (secret === null) return;
    try {
      const r = await run('install', { bundleId, secret }, 'Encrypting the two commands (scrypt, twice)…');
      const both = `${r.add}\n\n${r.activate}\n`;
      const all = el('button', { type: 'button', class: 'quiet', id: 'install-download-both' }, 'Download both as .txt');
      all.addEventListener('click', () => downloadText(both, fileName(r.commonName, 'commands')));
      out.replaceChildren(
        el('p', {}, 'Run these on the device, in this order.'),
        commandBox('Step 1: add the certificate', r.add, fileName(r.commonName, 'add')),
        commandBox('Step 2: activate it as the Webex identity', r.activate, fileName(r.commonName, 'activate')),
        el('div', { class: 'row' }, all),
      );
    } catch (e) { showError(out, e); }
  });

  return { clear() { clearPanel('panel-install'); setFiles([]); } };
})();
