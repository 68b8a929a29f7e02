// What a workflow shows in its output area: errors (with their code, kept in
// data-code too), and commands with Copy and "Download as .txt".

function errorBox(message, code) {
  return el('div', { class: 'callout error', role: 'alert', 'data-code': code || '' }, el('p', {}, message));
}

/** An error from the worker: its message, its findings, and its stable code. */
function showError(out, error) {
  const box = errorBox(error.message, error.code);
  if (error.findings && error.findings.length) box.append(renderFindings(error.findings));
  if (error.code && error.code !== 'cancelled') box.append(el('p', { class: 'code' }, `Error code: ${error.code}`));
  out.replaceChildren(box);
}

/** Something the page itself asks for before calling the worker; the code is only in data-code. */
function showProblem(out, code, message) {
  out.replaceChildren(errorBox(message, code));
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
