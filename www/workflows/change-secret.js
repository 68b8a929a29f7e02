// Change the secret (current secret, new one typed twice) or reset it (an
// empty new secret, after a confirmation): both are populate blobs.

const changeSecretWorkflow = (() => {
  const clearStrength = wireStrength('change-new', 'change-new2', 'change-strength');

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
    if (!$('reset-confirm').checked) { showProblem(out, 'reset_not_confirmed', 'Tick the box to confirm the reset first.'); return; }
    const current = currentSecret('reset-current', out);
    if (current === null) return;
    try {
      const command = await run('populate', { secret: current, payload: '' }, 'Encrypting (scrypt)…');
      out.replaceChildren(commandBox('Reset the secret', command, 'reset-secret.txt'));
    } catch (e) { showError(out, e); }
  });

  return { clear() { clearPanel('panel-secret'); clearStrength(); } };
})();
