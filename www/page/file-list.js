// A list of chosen files that adds up: files chosen, dropped on the zone or
// on the paste box join the list, each shown with its name, size and a
// Remove button. The pasted text is one more item. The worker gets every
// item with its name, so each finding can say which file it is about.
// Every change to the list fires "change" on the list element, which is how
// outputs bound to it (bound-output.js) learn they are out of date.
// Whole folders join too: from a second input with webkitdirectory, or
// dropped (their files, walked through every sub-folder; hidden files such
// as .DS_Store stay out). `single`: one file at a time, a new one replaces it.

const PASTED = 'the pasted text';

const isHidden = (path) => path.split('/').some((part) => part.startsWith('.'));

// Every file under a dropped folder entry (FileSystemEntry), hidden ones left out.
async function filesIn(entry) {
  if (isHidden(entry.name)) return [];
  if (entry.isFile) return [await new Promise((ok, fail) => entry.file(ok, fail))];
  const reader = entry.createReader();
  const found = [];
  for (;;) {
    // A batch at a time, until none.
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return found;
    for (const child of batch) found.push(...await filesIn(child));
  }
}

function fileList({ inputId, dropId, listId, pasteId = null, folderInputId = null, single = false }) {
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
    files = single ? fresh.slice(-1) : [...files, ...fresh];
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
      // Files and folder entries must be taken before this handler returns; folders are walked after.
      const plain = [...event.dataTransfer.files];
      const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry());
      if (!entries.some((entry) => entry && entry.isDirectory)) { add(plain); return; }
      Promise.all(entries.filter(Boolean).map(filesIn)).then((found) => add(found.flat()), () => add(plain));
    });
  }

  input.addEventListener('change', () => { add(input.files); input.value = ''; });
  if (folderInputId) {
    const folder = $(folderInputId);
    folder.addEventListener('change', () => {
      add([...folder.files].filter((f) => !isHidden(f.webkitRelativePath || f.name)));
      folder.value = '';
    });
  }
  acceptDrops($(dropId));
  if (pasteId) acceptDrops($(pasteId));

  return {
    get count() { return files.length + (pasteId && $(pasteId).value.trim() ? 1 : 0); },
    set(list2) { files = [...list2]; render(); },
    snapshot() { return [...files]; },
    clear() { if (files.length) { files = []; render(); } },
    // Each file's bytes, then the pasted text, and their names in the same order.
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
