// The task panels: ARIA tabs that switch between them (arrow keys, Home, End),
// and clearing one panel's fields and outputs for "Clear everything".

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

/**
 * Empties every field of panel `id` (secrets hidden again) and every output in
 * it. Each emptied field fires "input", so the workflows' bound state follows.
 */
function clearPanel(id) {
  const panel = $(id);
  for (const input of panel.querySelectorAll('input, textarea')) {
    if (input.type === 'file' || input.readOnly) continue;
    const wasSet = input.type === 'checkbox' ? input.checked : input.value !== '';
    if (input.type === 'checkbox') input.checked = false;
    else input.value = '';
    if (input.hasAttribute('data-secret')) setRevealed(input, false);
    if (wasSet) input.dispatchEvent(new Event('input'));
  }
  for (const out of panel.querySelectorAll('.out, [aria-live]')) out.replaceChildren();
  for (const note of panel.querySelectorAll('.hint[data-code=edge_whitespace]')) note.hidden = true;
}

/** Every field's value (and every box's tick) in the page, to undo "Clear everything". */
function fieldValues() {
  return [...document.querySelectorAll('main input, main textarea')]
    .filter((input) => input.id && input.type !== 'file' && !input.readOnly)
    .map((input) => [input.id, input.type === 'checkbox' ? input.checked : input.value, input.type]);
}

function restoreFieldValues(values) {
  for (const [id, value, type] of values) {
    const input = $(id);
    if (!input) continue;
    if (input.type === 'checkbox') input.checked = value;
    else input.value = value;
    if (input.hasAttribute('data-secret')) setRevealed(input, type === 'text'); // a secret that was shown is shown again
    input.dispatchEvent(new Event('input'));
  }
}
