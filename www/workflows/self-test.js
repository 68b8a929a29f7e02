// Self-test: the worker rebuilds the spec's worked example and round-trips a
// blob with the engine this page carries; this shows each check's outcome.

const selfTestWorkflow = (() => {
  $('selftest-run').addEventListener('click', async () => {
    const out = $('selftest-out');
    try {
      const results = await run('selfTest', {}, 'Running the self-test…');
      const passed = results.every((r) => r.pass);
      out.replaceChildren(
        el('p', { class: passed ? 'verdict good' : 'verdict bad', id: 'selftest-verdict', 'data-verdict': passed ? 'pass' : 'fail' },
          passed ? 'Pass' : 'Fail'),
        el('ul', { class: 'findings' }, ...results.map((r) => el('li', { class: r.pass ? 'finding info' : 'finding error' },
          `${r.pass ? '✓' : '✗'} ${r.name}: ${r.detail} (${r.ms} ms)`))),
      );
    } catch (e) { showError(out, e); }
  });

  return { clear() { clearPanel('panel-selftest'); } };
})();
