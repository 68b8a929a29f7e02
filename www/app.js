// The page's workflows, in tab order, and what spans them: "Clear everything"
// (each workflow's clear(), then the worker's bundle) and the ready mark that
// tests and the benchmark wait for. Runs last, after www/page/ and www/workflows/.

const workflows = [
  seedWorkflow, installWorkflow, changeSecretWorkflow, deactivateWorkflow, checkBlobWorkflow, selfTestWorkflow,
];

$('clear-all').addEventListener('click', () => {
  for (const workflow of workflows) workflow.clear();
  notify('');
  ask('clear').catch(() => {});
});

document.documentElement.dataset.ready = 'true';
