// Workflow 1, seed a new device: a new secret typed twice (or generated) into
// the plain-text first populate command, to be typed at the device console.

const seedWorkflow = (() => {
  const out = $('seed-out');
  const clearStrength = wireStrength('seed-secret', 'seed-secret2', 'seed-strength');
  bindOutput('seed-out', ['seed-secret', 'seed-secret2', 'seed-label']);

  $('seed-build').addEventListener('click', async () => {
    const secret = confirmedSecret('seed-secret', 'seed-secret2', out);
    if (secret === null) return;
    await produce(out, () => run('seedCommand', { secret }), (command) => {
      out.replaceChildren(
        commandBox('Type at the device console (carries the secret in clear)', command,
          fileName($('seed-label').value, '', 'seed'),
          { sensitive: 'This file holds the secret in a form anyone can decode (base64url is not encryption).' }),
        runGuide([
          WHERE_TO_RUN,
          'Type or paste the command as one line and press Enter. The device answers OK when it has the secret.',
          'From now on every command for this device must be built with this secret: keep it where your team keeps passwords.',
        ]),
      );
      reveal(out);
    });
  });

  return { clear() { clearPanel('panel-seed'); clearStrength(); } };
})();
