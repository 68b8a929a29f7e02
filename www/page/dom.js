// DOM helpers every other file uses: find by id, build elements from text,
// and the page-wide notice. Text only: strings become text nodes, never HTML.

const $ = (id) => document.getElementById(id);

/** An element with attributes and children; string children are text nodes. */
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

/** A button that calls `onClick`. */
/** `file`'s text replaces `box`'s, as if typed (its output's binding sees the input). */
async function fillFromFile(box, file) {
  if (!file) return;
  box.value = await file.text();
  box.dispatchEvent(new Event('input'));
}

/** A text file dropped on `box` replaces its text. */
function acceptDroppedText(box) {
  box.addEventListener('dragover', (event) => event.preventDefault());
  box.addEventListener('drop', (event) => {
    event.preventDefault();
    fillFromFile(box, event.dataTransfer.files[0]);
  });
}

function button(label, onClick, attrs = {}) {
  const b = el('button', { type: 'button', class: 'quiet', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

let noticeTimer = 0;

/**
 * The page-wide notice (restarts, cancels, "Clear everything"); `code` says
 * which, for tests and tools. An `action` ({ label, run }) adds a button; a
 * notice goes away by itself after `seconds`, or at the next notice or run.
 */
function notify(message, code = '', { action = null, seconds = 0 } = {}) {
  const notice = $('notice');
  clearTimeout(noticeTimer);
  const parts = [el('span', { id: 'notice-text' }, message)];
  if (action) parts.push(button(action.label, () => { notify(''); action.run(); }, { id: 'notice-action' }));
  notice.replaceChildren(...parts);
  notice.dataset.code = message ? code : '';
  notice.hidden = !message;
  if (message && seconds) noticeTimer = setTimeout(() => notify(''), seconds * 1000);
}
