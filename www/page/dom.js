// DOM helpers every other file uses: find by id, build elements from text,
// read chosen files, and the page-wide notice. Text only: strings become text nodes, never HTML.

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

/** What the worker takes as certificate input: each file's bytes, then the pasted text. */
async function readItems(files, text) {
  const items = [];
  for (const file of files) items.push(new Uint8Array(await file.arrayBuffer()));
  if (text && text.trim()) items.push(text);
  return items;
}

/** The page-wide notice (restarts, cancels); `code` says which, for tests and tools. */
function notify(message, code = '') {
  const notice = $('notice');
  notice.textContent = message;
  notice.dataset.code = message ? code : '';
  notice.hidden = !message;
}
