// Workflow 1, seed a new device: a new secret typed twice (or generated) into
// the plain-text first populate command, to be typed at the device console.

const seedWorkflow = (() => {
  const out = $('seed-out');
  const clearStrength = wireStrength('seed-secret', 'seed-secret2', 'seed-strength');

  $('seed-build').addEventListener('click', async () => {
    const secret = confirmedSecret('seed-secret', 'seed-secret2', out);
    if (secret === null) return;
    try {
      const command = await run('seedCommand', { secret });
      out.replaceChildren(
        commandBox('Type at the device console (carries the secret in clear)', command, 'initial-populate.txt'),
      );
    } catch (e) { showError(out, e); }
  });

  return { clear() { clearPanel('panel-seed'); clearStrength(); } };
})();
