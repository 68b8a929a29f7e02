// What a workflow shows in its output area: errors (with their code, kept in
// data-code too), commands with Copy and Download, the warning before a file
// that carries a secret is saved, and how to run the commands on a device.

function errorBox(message, code) {
  return el('div', { class: 'callout error', role: 'alert', 'data-code': code || '' }, el('p', {}, message));
}

/** An error from the worker: its message, its findings, and its stable code. */
function showError(out, error) {
  const box = errorBox(error.message, error.code);
  if (error.findings && error.findings.length) box.append(renderFindings(error.findings));
  if (error.code && error.code !== 'cancelled') box.append(el('p', { class: 'code' }, `Code for support: ${error.code}`));
  out.replaceChildren(box);
}

/** Something the page itself asks for before calling the worker; the code is only in data-code. */
function showProblem(out, code, message) {
  out.replaceChildren(errorBox(message, code));
}

/** `text` (a label, a CN) as the stem of a file name: safe characters only, at most 60. */
const cleanName = (text) => (text || '').trim().replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 60);

/** A file name from the admin's device label, else `fallback` (a CN), else "device". */
function fileName(label, fallback, what) {
  return `${cleanName(label) || cleanName(fallback) || 'device'}-${what}.txt`;
}

/**
 * A command in a monospace box with Copy and Download buttons. `sensitive`
 * (a sentence: what the file holds) puts a warning and a second click between
 * Download and the file, since a saved file outlives this page.
 */
function commandBox(title, text, downloadName, { sensitive = '', id = '' } = {}) {
  const pre = el('pre', { class: 'command', tabindex: '0', 'aria-label': title }, text);
  const copy = button('Copy', () => copyText(text, copy));
  const row = el('div', { class: 'row' }, copy);
  row.append(downloadButton('Download as .txt', text, downloadName, sensitive, id));
  return el('div', { class: 'command-box' }, el('h3', {}, title), pre, row);
}

// A Download button; with `sensitive`, it first shows why the file needs care
// and asks again. `text`: the file's text, or a function that makes its
// content (text or bytes; null for none) when the file is saved.
function downloadButton(label, text, name, sensitive, id = '') {
  const saveFile = async () => downloadText(typeof text === 'function' ? await text() : text, name);
  const save = button(label, () => {
    if (!sensitive) { saveFile(); return; }
    const warning = el('div', { class: 'callout warn', 'data-warning': 'secret-in-file' },
      el('p', {}, `${sensitive} Store it as carefully as the secret itself, and delete it once the device is done.`));
    const confirm = button(`Save ${name}`, () => { saveFile(); warning.remove(); save.hidden = false; },
      { class: 'quiet', 'data-confirm': 'download' });
    const cancel = button('Cancel', () => { warning.remove(); save.hidden = false; save.focus(); });
    warning.append(el('div', { class: 'row' }, confirm, cancel));
    save.hidden = true;
    save.after(warning);
    confirm.focus();
  }, id ? { id } : {});
  return save;
}

async function copyText(text, target) {
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
  target.textContent = 'Copied';
  setTimeout(() => { target.textContent = 'Copy'; }, 1500);
}

/** Today's date on the admin's own calendar (not UTC), YYYY-MM-DD: the date in a download's name. */
function localDate(now = new Date()) {
  return new Date(now - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** Saves text (ending in a newline) or bytes (a zip) as file `name`. */
function downloadText(data, name) {
  if (data == null) return;
  const text = typeof data === 'string';
  const body = text && !data.endsWith('\n') ? `${data}\n` : data;
  const url = URL.createObjectURL(new Blob([body], { type: text ? 'text/plain' : 'application/zip' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Shows freshly built commands: scrolled into view, the heading focused for screen readers. */
function reveal(out) {
  const heading = out.querySelector('h3, p');
  if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  out.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** "How to run these": where to type the commands, and how to check what they did. */
function runGuide(steps) {
  return el('details', { class: 'how-to-run' }, el('summary', {}, 'How to run these'),
    el('ol', {}, ...steps.map((step) => el('li', {}, ...[].concat(step)))));
}

const WHERE_TO_RUN = ['Open the device\'s shell: an SSH session to the device as an admin user, or its own console. ',
  'The device must be online (registered to Webex).'];
