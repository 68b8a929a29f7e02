// The fleet's build: every device of the checked plan that is not in error,
// built by a pool of workers (worker-pool.js) with progress, cancel and
// resume; finished devices are kept across a cancel and a crash. The zip is
// packed by the page's worker, from the same plan, when it is downloaded.
// Any change to the fleet's inputs, or a new check, throws the build away.

const fleetBuildWorkflow = (() => {
  const out = $('fleet-out');
  // The devices built: index -> { index, commands: [{ action, jwe }] }.
  let built = new Map();
  // The devices that failed: index -> why.
  let failed = new Map();
  let job = null;
  // Bumped by every reset: a late answer of an old build is dropped.
  let token = 0;
  let started = 0;
  let builtThisRun = 0;

  function reset() {
    token++;
    if (job) job.cancel();
    job = null;
    built = new Map();
    failed = new Map();
    out.replaceChildren();
  }
  bindOutput('fleet-out', fleetWorkflow.INPUTS, reset);
  $('fleet-check').addEventListener('click', reset);

  const todo = () => fleetWorkflow.plan.report.devices.map((d, i) => (d.status === 'error' || built.has(i) ? -1 : i)).filter((i) => i >= 0);
  const seconds = (ms) => (ms < 90000 ? `${Math.ceil(ms / 1000)} s` : `${Math.round(ms / 60000)} min`);

  // The progress line and bar, the buttons, what was skipped or failed, and the download.
  function show() {
    const devices = fleetWorkflow.plan.report.devices;
    const total = devices.filter((d) => d.status !== 'error').length;
    const skipped = devices.length - total;
    const left = total - built.size;
    let line = `${built.size} of ${total} devices built`;
    if (job && builtThisRun) line += `, about ${seconds(((Date.now() - started) / builtThisRun) * (left - failed.size))} left`;
    const bar = el('progress', { id: 'fleet-progress', max: String(total), value: String(built.size), 'aria-label': 'Devices built' });
    const parts = [el('p', { id: 'fleet-progress-text', role: 'status' }, job ? line : `${line}.`), bar];
    if (job) parts.push(el('div', { class: 'row' }, button('Cancel', cancel, { id: 'fleet-cancel' })));
    else if (left) {
      parts.push(el('div', { class: 'row' }, button(failed.size && failed.size === left ? 'Try the failed devices again' : 'Resume', build,
        { id: 'fleet-resume' })));
    }
    if (skipped) parts.push(el('p', { class: 'hint' }, `${skipped} device${skipped > 1 ? 's are' : ' is'} in error and skipped: fix them and check the fleet again.`));
    if (failed.size) parts.push(el('p', { class: 'hint warn', 'data-code': 'build_failed' }, `${failed.size} device${failed.size > 1 ? 's' : ''} failed to build: see the table.`));
    if (!job && built.size) parts.push(el('div', { class: 'row', id: 'fleet-save' }));
    const focused = document.activeElement && out.contains(document.activeElement) ? document.activeElement.id : '';
    out.replaceChildren(...parts);
    showSave();
    if (focused && $(focused)) $(focused).focus();
    else if (!job && focused) (out.querySelector('button') || $('fleet-build')).focus();
  }

  // The one download; with initial-populate.txt in it, it warns first.
  function showSave() {
    const row = $('fleet-save');
    if (!row) return;
    const name = `fleet-${localDate()}.zip`;
    const seeds = $('fleet-seeds').checked;
    row.replaceChildren(downloadButton(`Download ${name}`, pack, name,
      seeds ? 'This zip holds every device\'s current secret in plain text (initial-populate.txt).' : '', 'fleet-download'));
  }
  $('fleet-seeds').addEventListener('input', showSave);

  async function pack() {
    const mine = token;
    const plan = fleetWorkflow.plan;
    try {
      // The page's worker holds this plan unless it was restarted since: then plan it again, from the same inputs.
      if (plan.generation !== generation) {
        await run('fleetPlan', plan.args, 'Checking the fleet again…');
        plan.generation = generation;
      }
      const zip = await run('fleetPack', { built: [...built.values()], initialPopulate: $('fleet-seeds').checked }, 'Packing the zip…');
      return mine === token ? zip : null;
    } catch (e) {
      if (mine === token) showError($('fleet-save'), e);
      return null;
    }
  }

  function cancel() {
    job.cancel();
    job = null;
    // The cancelled pool's last answers are dropped.
    token++;
    show();
  }

  function build() {
    const plan = fleetWorkflow.plan;
    if (!plan || job) return;
    const mine = ++token;
    const indexes = todo();
    for (const i of indexes) failed.delete(i);
    started = Date.now();
    builtThisRun = 0;
    job = buildWithPool({ ...plan.args, buildFiles: plan.report.buildFiles }, indexes, {
      onBuilt(index, r) {
        if (mine !== token) return;
        built.set(index, { index, commands: r.commands.map(({ action, jwe }) => ({ action, jwe })) });
        builtThisRun++;
        fleetWorkflow.mark(index, 'built');
        show();
      },
      onFailed(index, e) {
        if (mine !== token) return;
        const why = e.fatal ? 'The build failed twice: the engine stopped each time. Try it again.' : e.message;
        failed.set(index, why);
        fleetWorkflow.mark(index, 'failed', why);
        show();
      },
    });
    job.done.then(() => {
      if (mine !== token) return;
      job = null;
      show();
    }, (e) => {
      if (mine !== token) return;
      job = null;
      show();
      out.append(el('div', {}));
      showError(out.lastChild, e);
    });
    show();
  }
  $('fleet-build').addEventListener('click', build);

  return { clear: reset };
})();
