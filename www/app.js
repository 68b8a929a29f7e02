// DOM wiring for the page. No crypto and no parsing here: every call goes to
// the worker (www/worker.js), which runs the wasm core. Everything from a user
// or a certificate is shown with textContent, never as HTML. Nothing is
// written to any storage.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);

  // ---- The worker: started from a blob: URL (works from file:// too), restarted
  // after a crash or a cancel. Inputs live in the DOM, so a restart loses nothing.
  // The wasm is inlined gzipped, as base64 (scripts/assemble-page.mjs). The
  // worker's thread starts first; meanwhile this thread decodes and inflates
  // the wasm and compiles it (off-thread, asynchronously), and the worker gets
  // the compiled module: start-up is the longest of the three, not their sum.
  const workerSource = $('worker-src').textContent;
  const pending = new Map();
  let worker;
  let ready;
  let wasmModule;
  let nextId = 1;
  let generation = 0; // bumped by every restart: a run started before it is cancelled
  startWorker();

  function decodeBase64(text) {
    const binary = atob(text.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function inflate(gzipped) {
    const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function startWorker() {
    const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.ok) call.resolve(data.value);
      else call.reject(Object.assign(new Error(data.error.message), data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      restartWorker('The engine stopped unexpectedly and was restarted. Your inputs are kept: try again.');
    };
    wasmModule ||= inflate(decodeBase64($('wasm-b64').textContent))
      .then((bytes) => WebAssembly.compile(bytes))
      .catch((e) => {
        throw Object.assign(new Error(`The engine did not start: ${e.message}`), { code: 'wasm_failed' });
      });
    ready = wasmModule.then((module) => post('init', { wasm: module })).finally(() => URL.revokeObjectURL(url));
  }

  function post(op, args) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  }

  function restartWorker(message) {
    generation++;
    worker.terminate();
    for (const call of pending.values()) call.reject(Object.assign(new Error(message), { code: 'cancelled' }));
    pending.clear();
    busyCount = 0;
    $('busy').hidden = true;
    startWorker();
    notify(message);
  }

  /** Runs one operation in the worker, showing progress while it works. */
  async function run(op, args, label) {
    const started = generation;
    showBusy(label);
    try {
      await ready;
      if (generation !== started) throw Object.assign(new Error('Cancelled.'), { code: 'cancelled' });
      return await post(op, args);
    } finally {
      hideBusy();
    }
  }

  let busyCount = 0;
  function showBusy(label) {
    busyCount++;
    $('busy-text').textContent = label || 'Working…';
    $('busy').hidden = false;
  }
  function hideBusy() {
    busyCount = Math.max(0, busyCount - 1);
    if (busyCount === 0) $('busy').hidden = true;
  }
  $('cancel').addEventListener('click', () => restartWorker('Cancelled. Your inputs are kept.'));

  function notify(message) {
    const notice = $('notice');
    notice.textContent = message;
    notice.hidden = !message;
  }

  // ---- Small DOM helpers (text only).
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'class') node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child == null) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function showError(out, error) {
    const box = el('div', { class: 'callout error', role: 'alert' }, el('p', {}, error.message));
    if (error.findings && error.findings.length) box.append(renderFindings(error.findings));
    if (error.code && error.code !== 'cancelled') box.append(el('p', { class: 'code' }, `Error code: ${error.code}`));
    out.replaceChildren(box);
  }

  function fileName(commonName, what) {
    const base = (commonName || 'device').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 60) || 'device';
    return `${base}-${what}.txt`;
  }

  /** A command in a monospace box with Copy and Download buttons. */
  function commandBox(title, text, downloadName) {
    const pre = el('pre', { class: 'command', tabindex: '0', 'aria-label': title }, text);
    const copy = el('button', { type: 'button', class: 'quiet' }, 'Copy');
    copy.addEventListener('click', () => copyText(text, copy));
    const download = el('button', { type: 'button', class: 'quiet' }, 'Download as .txt');
    download.addEventListener('click', () => downloadText(text, downloadName));
    return el('div', { class: 'command-box' }, el('h3', {}, title), pre, el('div', { class: 'row' }, copy, download));
  }

  async function copyText(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // file:// pages may not have the async clipboard: select and copy instead.
      const area = el('textarea', { class: 'visually-hidden' });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = 'Copy'; }, 1500);
  }

  function downloadText(text, name) {
    const url = URL.createObjectURL(new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: 'text/plain' }));
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- Tabs (ARIA tabs: arrow keys, Home, End).
  const tabs = [...document.querySelectorAll('[role=tab]')];
  function selectTab(tab) {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !selected;
    }
  }
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = tabs[(next + tabs.length) % tabs.length];
      selectTab(target);
      target.focus();
    });
  }

  // ---- Secret fields: reveal toggles, generation, strength, confirmation.
  /** A Show/Hide button for the password field it controls (found when clicked). */
  function wireReveal(button) {
    button.addEventListener('click', () => {
      const input = $(button.getAttribute('aria-controls'));
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      button.setAttribute('aria-pressed', String(show));
      button.textContent = show ? 'Hide' : 'Show';
    });
  }
  document.querySelectorAll('.reveal').forEach(wireReveal);

  for (const button of document.querySelectorAll('[data-generate]')) {
    button.addEventListener('click', async () => {
      const [first, second] = button.dataset.into.split(' ').map($);
      try {
        const secret = await run('generateSecret', { kind: button.dataset.generate }, 'Generating…');
        first.value = secret;
        second.value = secret;
        first.type = 'text'; // shown, so it can be written down
        const reveal = document.querySelector(`.reveal[aria-controls="${first.id}"]`);
        if (reveal) { reveal.setAttribute('aria-pressed', 'true'); reveal.textContent = 'Hide'; }
        first.dispatchEvent(new Event('input'));
      } catch (e) {
        notify(e.message);
      }
    });
  }

  function strengthHint(inputId, repeatId, hintId) {
    const update = async () => {
      const secret = $(inputId).value;
      const repeat = $(repeatId).value;
      const hint = $(hintId);
      if (!secret) { hint.textContent = ''; return; }
      try {
        await ready; // typed before the engine started: wait for it, do not drop the hint
        const s = await post('strength', { secret });
        const match = repeat && repeat !== secret ? ' The two entries differ.' : '';
        hint.textContent = `Strength: ${s.label} (about ${s.bits} bits). ${s.advice}${match}`;
        hint.dataset.level = s.label;
      } catch { /* the hint is optional */ }
    };
    $(inputId).addEventListener('input', update);
    $(repeatId).addEventListener('input', update);
  }
  strengthHint('seed-secret', 'seed-secret2', 'seed-strength');
  strengthHint('change-new', 'change-new2', 'change-strength');

  /** The device's current secret from field `id`, or null after saying it is missing. */
  function currentSecret(id, out) {
    const secret = $(id).value;
    if (!secret) { showError(out, { message: "Type the device's current secret." }); return null; }
    return secret;
  }

  function confirmedSecret(first, second, out) {
    const a = $(first).value;
    if (!a) { showError(out, { message: 'Type the new secret, or generate one.' }); return null; }
    if (a !== $(second).value) { showError(out, { message: 'The two entries of the new secret differ. Type it again.' }); return null; }
    return a;
  }

  // ---- 1. Seed
  $('seed-build').addEventListener('click', async () => {
    const out = $('seed-out');
    const secret = confirmedSecret('seed-secret', 'seed-secret2', out);
    if (secret === null) return;
    try {
      const command = await run('seedCommand', { secret });
      out.replaceChildren(
        commandBox('Type at the device console (carries the secret in clear)', command, 'initial-populate.txt'),
      );
    } catch (e) { showError(out, e); }
  });

  // ---- 2. Install
  let installFiles = [];
  let bundleId = null;
  let bundleName = null;

  function invalidateBundle() {
    bundleId = null;
    $('install-build').disabled = true;
    $('install-build-hint').hidden = false;
    $('install-out').replaceChildren();
  }

  function setFiles(files) {
    installFiles = [...files];
    $('install-file-list').replaceChildren(...installFiles.map((f) => el('li', {}, `${f.name} (${f.size} bytes)`)));
    invalidateBundle();
    if (installFiles.length) checkInstall();
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

  async function readItems(files, text) {
    const items = [];
    for (const file of files) items.push(new Uint8Array(await file.arrayBuffer()));
    if (text && text.trim()) items.push(text);
    return items;
  }

  async function checkInstall() {
    const out = $('install-report');
    invalidateBundle();
    const items = await readItems(installFiles, $('install-pem').value);
    if (!items.length) { showError(out, { message: 'Choose or drop the certificate files, or paste PEM text.' }); return; }
    try {
      const result = await run('inspect', { items, passphrase: $('install-pass').value }, 'Reading the certificate…');
      out.replaceChildren(renderReport(result.report));
      if (result.bundleId) {
        bundleId = result.bundleId;
        const leaf = result.report.certificates[result.report.leafIndex];
        bundleName = leaf && leaf.commonName;
        $('install-build').disabled = false;
        $('install-build-hint').hidden = true;
      }
    } catch (e) { showError(out, e); }
  }
  $('install-check').addEventListener('click', checkInstall);

  $('install-build').addEventListener('click', async () => {
    const out = $('install-out');
    const secret = currentSecret('install-secret', out);
    if (secret === null) return;
    try {
      const r = await run('install', { bundleId, secret }, 'Encrypting the two commands (scrypt, twice)…');
      const both = `${r.add}\n\n${r.activate}\n`;
      const all = el('button', { type: 'button', class: 'quiet' }, 'Download both as .txt');
      all.addEventListener('click', () => downloadText(both, fileName(r.commonName, 'commands')));
      out.replaceChildren(
        el('p', {}, 'Run these on the device, in this order.'),
        commandBox('Step 1: add the certificate', r.add, fileName(r.commonName, 'add')),
        commandBox('Step 2: activate it as the Webex identity', r.activate, fileName(r.commonName, 'activate')),
        el('div', { class: 'row' }, all),
      );
    } catch (e) { showError(out, e); }
  });

  // ---- The report card. CN and SANs large: that is what participants see.
  function renderFindings(findings) {
    return el('ul', { class: 'findings' }, ...findings.map((f) => el('li', { class: `finding ${f.severity}` },
      el('span', { class: 'severity' }, f.severity), ' ', f.message, ' ', el('code', {}, f.code))));
  }

  function renderReport(report) {
    const card = el('div', { class: 'report' });
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    card.append(el('p', { class: errors ? 'verdict bad' : 'verdict good' },
      errors ? `Not ready: ${errors} problem${errors > 1 ? 's' : ''} to fix.` : 'Ready to install.'));
    if (report.findings.length) card.append(renderFindings(report.findings));
    report.certificates.forEach((cert, i) => {
      const isLeaf = i === report.leafIndex;
      const sans = cert.subjectAltNames.map((s) => `${s.type}: ${s.value}`);
      const rows = [
        ['Subject', cert.subject], ['Issuer', cert.issuer], ['Serial', cert.serialNumber],
        ['Valid', `${cert.notBefore} to ${cert.notAfter} (${cert.daysLeft} days left)`],
        ['Key', [cert.publicKey.algorithm, cert.publicKey.curve || (cert.publicKey.bits && `${cert.publicKey.bits} bits`)].filter(Boolean).join(' ')],
        ['Signature', cert.signatureAlgorithm],
        ['Key usage', cert.keyUsage.join(', ') || 'none stated'],
        ['Extended key usage', cert.extendedKeyUsage.join(', ') || 'none stated'],
        ['SHA-1', cert.sha1], ['SHA-256', cert.sha256],
      ];
      if (cert.caIssuersUrl) rows.push(['CA issuers (not fetched)', cert.caIssuersUrl]);
      const dl = el('dl');
      for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
      card.append(el('article', { class: isLeaf ? 'cert leaf' : 'cert' },
        el('p', { class: 'role' }, isLeaf ? 'Device certificate' : (cert.isCa ? 'CA certificate' : 'Certificate')),
        el('p', { class: 'cn' }, cert.commonName || '(no common name)'),
        sans.length ? el('p', { class: 'sans' }, sans.join('  ·  ')) : null,
        dl));
    });
    if (report.privateKey) {
      const k = report.privateKey;
      card.append(el('p', { class: 'key' }, `Private key: ${[k.algorithm, k.curve].filter(Boolean).join(' ')}, ${k.format}${k.wasEncrypted ? ', was encrypted' : ''}.`));
    }
    return card;
  }

  // ---- Change and reset the secret
  $('change-build').addEventListener('click', async () => {
    const out = $('change-out');
    const current = currentSecret('change-current', out);
    if (current === null) return;
    const next = confirmedSecret('change-new', 'change-new2', out);
    if (next === null) return;
    try {
      const command = await run('populate', { secret: current, payload: next }, 'Encrypting (scrypt)…');
      out.replaceChildren(commandBox('Change the secret', command, 'change-secret.txt'),
        el('p', { class: 'hint' }, 'After running it, check that the new secret works before you forget the old one.'));
    } catch (e) { showError(out, e); }
  });

  $('reset-build').addEventListener('click', async () => {
    const out = $('reset-out');
    if (!$('reset-confirm').checked) { showError(out, { message: 'Tick the box to confirm the reset first.' }); return; }
    const current = currentSecret('reset-current', out);
    if (current === null) return;
    try {
      const command = await run('populate', { secret: current, payload: '' }, 'Encrypting (scrypt)…');
      out.replaceChildren(commandBox('Reset the secret', command, 'reset-secret.txt'));
    } catch (e) { showError(out, e); }
  });

  // ---- Deactivate
  $('deact-build').addEventListener('click', async () => {
    const out = $('deact-out');
    const secret = currentSecret('deact-secret', out);
    if (secret === null) return;
    const items = await readItems($('deact-files').files, '');
    const fingerprint = $('deact-fp').value;
    if (!items.length && !fingerprint.trim()) { showError(out, { message: 'Give the fingerprint, or choose the certificate file.' }); return; }
    try {
      const r = await run('deactivate', { secret, fingerprint, items }, 'Encrypting (scrypt)…');
      out.replaceChildren(el('p', {}, `Fingerprint: ${r.fingerprint}`),
        commandBox('Deactivate the certificate', r.command, `deactivate-${r.fingerprint.slice(0, 8)}.txt`));
    } catch (e) { showError(out, e); }
  });

  // ---- Check a blob
  $('check-open').addEventListener('click', async () => {
    const out = $('check-out');
    try {
      const r = await run('open', { text: $('check-blob').value, secret: $('check-secret').value }, 'Opening (scrypt)…');
      const dl = el('dl', {}, el('dt', {}, 'Action'), el('dd', {}, r.action), el('dt', {}, 'Encryption'), el('dd', {}, r.enc),
        el('dt', {}, 'Salt'), el('dd', {}, r.salt));
      const parts = [el('p', { class: 'verdict good' }, 'The blob opens with this secret.'), dl];
      if (r.action === 'populate') {
        const secret = el('input', { type: 'password', readonly: '', id: 'check-payload', 'aria-label': 'New secret in the blob' });
        secret.value = r.payload;
        const reveal = el('button', { type: 'button', class: 'reveal quiet', 'aria-pressed': 'false', 'aria-controls': 'check-payload' }, 'Show');
        wireReveal(reveal);
        parts.push(r.payload
          ? el('div', { class: 'field' }, el('p', {}, 'New secret:'), el('div', { class: 'with-button' }, secret, reveal))
          : el('p', {}, 'Empty payload: this blob resets the secret.'));
      } else if (r.action === 'add') {
        parts.push(renderReport(r.report));
      } else {
        parts.push(el('p', {}, 'Fingerprint: ', el('code', {}, r.payload)));
      }
      out.replaceChildren(...parts);
    } catch (e) { showError(out, e); }
  });

  // ---- Self-test
  $('selftest-run').addEventListener('click', async () => {
    const out = $('selftest-out');
    try {
      const results = await run('selfTest', {}, 'Running the self-test…');
      const passed = results.every((r) => r.pass);
      out.replaceChildren(
        el('p', { class: passed ? 'verdict good' : 'verdict bad', id: 'selftest-verdict' }, passed ? 'Pass' : 'Fail'),
        el('ul', { class: 'findings' }, ...results.map((r) => el('li', { class: r.pass ? 'finding info' : 'finding error' },
          `${r.pass ? '✓' : '✗'} ${r.name}: ${r.detail} (${r.ms} ms)`))),
      );
    } catch (e) { showError(out, e); }
  });

  // ---- Clear everything: inputs, outputs, files, and the worker's bundle.
  $('clear-all').addEventListener('click', () => {
    for (const input of document.querySelectorAll('input, textarea')) {
      if (input.type === 'checkbox') input.checked = false;
      else input.value = '';
      if (input.hasAttribute('data-secret')) input.type = 'password';
    }
    for (const reveal of document.querySelectorAll('.reveal')) { reveal.setAttribute('aria-pressed', 'false'); reveal.textContent = 'Show'; }
    for (const out of document.querySelectorAll('.out, #install-report, .hint[aria-live]')) out.replaceChildren();
    setFiles([]);
    bundleName = null;
    notify('');
    post('clear').catch(() => {});
  });

  document.documentElement.dataset.ready = 'true';
})();
