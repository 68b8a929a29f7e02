// The fleet's "Fill in secrets for devices not seeded yet": the worker fills
// the empty secret cells of the manifest (phrases or random strings), and the
// completed manifest is shown once, with a download that warns first and a
// button that makes it the manifest. Building never invents a secret.

const fleetSecretsWorkflow = (() => {
  const out = $('fleet-fill-out');
  bindOutput('fleet-fill-out', ['fleet-manifest-list', 'fleet-manifest']);

  for (const fill of document.querySelectorAll('[data-fill]')) {
    fill.addEventListener('click', () => produce(out, async (current) => {
      const manifest = await fleetWorkflow.manifest(out);
      if (manifest === null || !current()) return undefined;
      return run('fleetFill', { manifest, kind: fill.dataset.fill }, 'Generating secrets…');
    }, (r) => {
      if (!r.filled.length) {
        showProblem(out, 'nothing_to_fill', 'Every device in the manifest already has a secret: there is nothing to fill in.');
        return;
      }
      out.replaceChildren(
        el('div', { class: 'callout warn', 'data-warning': 'secrets-shown-once' },
          el('p', {}, el('strong', {}, `New secrets for ${r.filled.length} device${r.filled.length > 1 ? 's' : ''}: `),
            r.filled.join(', '), '.'),
          el('p', {}, 'Save this manifest now, where your team keeps passwords: it is shown only this once. '
            + 'A device whose secret is lost can only be recovered by a factory reset.')),
        el('pre', { class: 'command', tabindex: '0', 'aria-label': 'The manifest with the new secrets' }, r.manifest),
        el('div', { class: 'row' },
          downloadButton('Download the manifest', r.manifest, 'fleet-manifest-secrets.csv',
            'This file holds every device\'s secret in clear.', 'fleet-fill-download'),
          button('Use this manifest', () => fleetWorkflow.useManifest(r.manifest), { id: 'fleet-fill-use' })),
      );
      reveal(out);
    }));
  }

  // Its output is in the fleet's panel: the fleet's clear() empties it.
  return { clear() {} };
})();
