// A list of chosen files that adds up: files chosen, dropped on the zone or
// on the paste box join the list, each shown with its name, size and a
// Remove button. The pasted text is one more item. The worker gets every
// item with its name, so each finding can say which file it is about.
// Every change to the list fires "change" on the list element, which is how
// outputs bound to it (bound-output.js) learn they are out of date.

const PASTED = 'the pasted text';

function fileList({ inputId, dropId, listId, pasteId = null }) {
  let files = [];
  const list = $(listId);
  const input = $(inputId);

  function render() {
    list.replaceChildren(...files.map((file, i) => el('li', {},
      el('span', { class: 'file-name' }, file.name), ` (${file.size.toLocaleString('en')} bytes) `,
      button('Remove', () => remove(i), { 'aria-label': `Remove ${file.name}`, class: 'quiet small' }))));
    list.dispatchEvent(new Event('change'));
  }

  function add(chosen) {
    const known = (f) => files.some((g) => g.name === f.name && g.size === f.size && g.lastModified === f.lastModified);
    const fresh = [...chosen].filter((f) => !known(f));
    if (!fresh.length) return;
    files = [...files, ...fresh];
    render();
  }

  function remove(i) {
    files = files.filter((_, j) => j !== i);
    render();
    (list.querySelector('button') || input).focus();
  }

  function acceptDrops(zone) {
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      add(event.dataTransfer.files);
    });
  }

  input.addEventListener('change', () => { add(input.files); input.value = ''; });
  acceptDrops($(dropId));
  if (pasteId) acceptDrops($(pasteId));

  return {
    get count() { return files.length + (pasteId && $(pasteId).value.trim() ? 1 : 0); },
    set(list2) { files = [...list2]; render(); },
    snapshot() { return [...files]; },
    clear() { if (files.length) { files = []; render(); } },
    /** Each file's bytes, then the pasted text, and their names in the same order. */
    async read() {
      const items = [];
      const names = [];
      for (const file of files) {
        items.push(new Uint8Array(await file.arrayBuffer()));
        names.push(file.name);
      }
      const text = pasteId ? $(pasteId).value : '';
      if (text.trim()) { items.push(text); names.push(PASTED); }
      return { items, names };
    },
  };
}
