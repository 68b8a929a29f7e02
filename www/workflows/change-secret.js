// Change the secret (current secret, new one typed twice) or reset it (an
// empty new secret, after a confirmation): both are populate blobs.

const changeSecretWorkflow = (() => {
  const clearStrength = wireStrength('change-new', 'change-new2', 'change-strength');
  bindOutput('change-out', ['change-current', 'change-new', 'change-new2', 'change-label']);
  bindOutput('reset-out', ['reset-current', 'reset-confirm', 'change-label']);
  const SENSITIVE = 'This file holds the new secret, encrypted only under the current one: '
    + 'anyone who knows the current secret can read it.';

  $('change-build').addEventListener('click', async () => {
    const out = $('change-out');
    const current = currentSecret('change-current', out);
    if (current === null) return;
    const next = confirmedSecret('change-new', 'change-new2', out);
    if (next === null) return;
    await produce(out, () => run('populate', { secret: current, payload: next }, 'Encrypting (scrypt)…'), (command) => {
      out.replaceChildren(
        commandBox('Change the secret', command, fileName($('change-label').value, '', 'change-secret'), { sensitive: SENSITIVE }),
        runGuide([
          WHERE_TO_RUN,
          'Paste the command as one line and press Enter.',
          'Check the new secret on the device: run the activate command of the certificate that is already active, '
            + 'built with the new secret (Install tab). The device accepts it only if the new secret is right.',
          'Only then forget the old secret.',
        ]),
      );
      reveal(out);
    });
  });

  $('reset-build').addEventListener('click', async () => {
    const out = $('reset-out');
    if (!$('reset-confirm').checked) { showProblem(out, 'reset_not_confirmed', 'Tick the box to confirm the reset first.'); return; }
    const current = currentSecret('reset-current', out);
    if (current === null) return;
    await produce(out, () => run('populate', { secret: current, payload: '' }, 'Encrypting (scrypt)…'), (command) => {
      out.replaceChildren(
        commandBox('Reset the secret', command, fileName($('change-label').value, '', 'reset-secret')),
        runGuide([WHERE_TO_RUN, 'Paste the command as one line and press Enter.',
          'Then seed the device again (tab 1): until then it accepts no encrypted command.']),
      );
      reveal(out);
    });
  });

  return { clear() { clearPanel('panel-secret'); clearStrength(); } };
})();
