// What the whole page does for every workflow: Enter in a field runs its
// panel's main action, a file dropped outside a drop zone never navigates away
// (and loses every input), and links to the glossary open it.

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.isComposing || event.shiftKey) return;
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || field.type === 'checkbox' || field.type === 'file') return;
  const host = field.closest('[data-submit]');
  const action = host && $(host.dataset.submit);
  if (!action || action.disabled) return;
  event.preventDefault();
  action.click();
});

// Drop zones call preventDefault themselves; everywhere else a dropped file would open in this tab.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

for (const link of document.querySelectorAll('a[href="#glossary"]')) {
  link.addEventListener('click', () => { $('glossary').open = true; });
}
