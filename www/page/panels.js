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

/** Empties every field of panel `id` (secrets hidden again) and every output in it. */
function clearPanel(id) {
  const panel = $(id);
  for (const input of panel.querySelectorAll('input, textarea')) {
    if (input.type === 'checkbox') input.checked = false;
    else input.value = '';
    if (input.hasAttribute('data-secret')) setRevealed(input, false);
  }
  for (const out of panel.querySelectorAll('.out, [aria-live]')) out.replaceChildren();
}
