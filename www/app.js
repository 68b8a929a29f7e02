// The page's workflows, in tab order, and what spans them: "Clear everything"
// (each workflow's clear(), then the worker's bundle; undoable for a while,
// since it may wipe a secret already typed on a device and not yet written
// down) and the ready mark that tests and the benchmark wait for. Runs last.

const workflows = [
  seedWorkflow, installWorkflow, fleetWorkflow, fleetSecretsWorkflow, fleetBuildWorkflow, keysWorkflow, changeSecretWorkflow, deactivateWorkflow, checkBlobWorkflow, tokensWorkflow, samlWorkflow, selfTestWorkflow,
];
const UNDO_SECONDS = 15;

$('clear-all').addEventListener('click', () => {
  const values = fieldValues();
  const lists = workflows.map((w) => (w.snapshot ? w.snapshot() : null));
  const hadInput = values.some(([, value]) => value) || lists.some((l) => l && l.length);
  for (const workflow of workflows) workflow.clear();
  ask('clear').catch(() => {});
  if (!hadInput) { notify(''); return; }
  notify('Everything is cleared.', 'cleared', {
    seconds: UNDO_SECONDS,
    action: {
      label: 'Undo',
      run() {
        restoreFieldValues(values);
        workflows.forEach((w, i) => { if (lists[i]) w.restore(lists[i]); });
      },
    },
  });
});

document.documentElement.dataset.ready = 'true';
