// The fleet, its inputs and plan: the manifest (a CSV file, or pasted), the
// certificate and key files (several, or whole folders), one passphrase and
// an optional expiry date are planned in the page's worker (which keeps the
// plan, keys and secrets in wasm memory); the table shows each device's
// status and why, filtered by status. fleet-secrets.js fills in secrets,
// fleet-build.js builds from the plan held here.

const fleetWorkflow = (() => {
  const report = $('fleet-report');
  const manifestFile = fileList({ inputId: 'fleet-manifest-file', dropId: 'fleet-manifest-drop', listId: 'fleet-manifest-list', pasteId: 'fleet-manifest', single: true });
  const files = fileList({ inputId: 'fleet-files', folderInputId: 'fleet-folder', dropId: 'fleet-drop', listId: 'fleet-file-list' });
  const INPUTS = ['fleet-manifest-list', 'fleet-manifest', 'fleet-file-list', 'fleet-pass', 'fleet-expires'];
  const STATUSES = ['ready', 'warning', 'error'];
  // { args, report, generation }: the plan of the current inputs, held by the page's worker.
  let plan = null;
  let filter = 'all';

  function invalidatePlan() {
    plan = null;
    $('fleet-build').disabled = true;
    $('fleet-build-hint').hidden = false;
  }
  bindOutput('fleet-report', INPUTS, invalidatePlan);

  // The manifest's text (file or pasted), or null after saying what is wrong in `out`.
  async function manifest(out) {
    const { items } = await manifestFile.read();
    if (items.length !== 1) {
      showProblem(out, items.length ? 'two_manifests' : 'no_manifest', items.length
        ? 'Give the manifest once: remove the chosen file, or empty the pasted text.'
        : 'Choose the manifest (a .csv file), or paste it.');
      return null;
    }
    if (typeof items[0] === 'string') return items[0];
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(items[0]);
    } catch {
      // Decoding it anyway would silently change any secret with an accent in it.
      showProblem(out, 'manifest_not_utf8', 'The manifest is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8", then choose it again.');
      return null;
    }
  }

  const badge = (status) => el('span', { class: `badge ${status}` }, status);

  // The status cell: the plan's status and why, or what the build made of the device.
  function statusCell(d, state, message) {
    const failed = state === 'failed';
    const why = failed ? message : (d.findings.find((f) => f.severity === d.status) || {}).message;
    return el('td', {}, badge(failed ? 'error' : d.status), state === 'built' ? el('span', { class: 'built' }, ' built') : null,
      why ? el('span', { class: 'why', 'data-code': failed ? 'build_failed' : '' }, why) : null);
  }

  function row(d, index) {
    const expiry = d.notAfter ? `${d.notAfter.slice(0, 10)} (${d.daysLeft < 0 ? `ended ${-d.daysLeft} days ago` : `${d.daysLeft} days left`})` : '';
    return el('tr', { 'data-index': String(index), 'data-line': String(d.line), 'data-status': d.status, 'data-device': d.device },
      statusCell(d),
      el('td', {}, d.device || '(no name)', el('span', { class: 'line' }, ` line ${d.line}`)),
      el('td', { class: 'cn' }, d.commonName || ''), el('td', { class: 'sha1' }, d.sha1 || ''),
      el('td', {}, expiry), el('td', {}, d.actions.join(', ') || 'none'));
  }

  // Shows only the rows of the chosen status; the buttons carry the counts.
  function applyFilter() {
    const rows = [...report.querySelectorAll('tbody tr')];
    for (const b of report.querySelectorAll('#fleet-filter button')) {
      const status = b.dataset.status;
      const count = rows.filter((r) => status === 'all' || r.dataset.status === status).length;
      b.textContent = `${status[0].toUpperCase()}${status.slice(1)} (${count})`;
      b.setAttribute('aria-pressed', String(filter === status));
    }
    for (const r of rows) r.hidden = filter !== 'all' && r.dataset.status !== filter;
  }

  function render(r) {
    const count = (status) => r.devices.filter((d) => d.status === status).length;
    const findings = renderFindings(r.findings);
    r.findings.forEach((f, i) => { findings.children[i].dataset.items = JSON.stringify([...(f.devices || []), ...(f.files || [])]); });
    filter = 'all';
    report.replaceChildren(
      el('p', { class: `verdict ${count('error') ? 'bad' : 'good'}`, 'data-verdict': count('error') ? 'errors' : 'ready' },
        `${r.devices.length} devices: ${count('ready')} ready, ${count('warning')} with warnings, ${count('error')} in error.`),
      r.findings.length ? findings : null,
      el('div', { class: 'row', id: 'fleet-filter', role: 'group', 'aria-label': 'Show devices' },
        ...['all', ...STATUSES].map((status) => button(status, () => { filter = status; applyFilter(); },
          { 'data-status': status, class: 'quiet small' }))),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Devices' },
        el('table', { class: 'fleet' }, el('thead', {}, el('tr', {},
          ...['Status and why', 'Device', 'Common name', 'SHA-1', 'Expires', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...r.devices.map(row)))));
    applyFilter();
  }

  function check() {
    return produce(report, async (current) => {
      const text = await manifest(report);
      if (text === null) return undefined;
      const { items, names } = await files.read();
      if (!current()) return undefined;
      if (!items.length) {
        showProblem(report, 'no_files', 'Choose the certificate and key files, or the folder that holds them.');
        return undefined;
      }
      const expires = $('fleet-expires').value;
      const args = {
        manifest: text, files: names.map((name, i) => ({ name, bytes: items[i] })), passphrase: $('fleet-pass').value,
        now: new Date(), expiresBefore: expires ? new Date(`${expires}T00:00:00`) : undefined,
      };
      const planned = await run('fleetPlan', args, 'Checking the fleet…');
      return { args, report: planned, generation };
    }, (made) => {
      plan = made;
      render(made.report);
      const buildable = made.report.devices.some((d) => d.status !== 'error');
      $('fleet-build').disabled = !buildable;
      $('fleet-build-hint').hidden = buildable;
    });
  }
  $('fleet-check').addEventListener('click', check);

  $('fleet-template').addEventListener('click', async () => {
    try { downloadText(await run('fleetTemplate', {}), 'fleet-manifest.csv'); } catch (e) { notify(e.message, e.code); }
  });

  return {
    INPUTS,
    get plan() { return plan; },
    manifest,
    // Puts a manifest in the paste box, in place of a chosen file.
    useManifest(text) {
      manifestFile.clear();
      $('fleet-manifest').value = text;
      $('fleet-manifest').dispatchEvent(new Event('input'));
    },
    // What the build made of device `index`: 'built', or 'failed' with why.
    mark(index, state, message) {
      const tr = report.querySelector(`tr[data-index="${index}"]`);
      if (!tr || !plan) return;
      tr.firstChild.replaceWith(statusCell(plan.report.devices[index], state, message));
      tr.dataset.status = state === 'failed' ? 'error' : plan.report.devices[index].status;
      if (state === 'built') tr.dataset.built = 'true';
      else delete tr.dataset.built;
      applyFilter();
    },
    clear() { clearPanel('panel-fleet'); manifestFile.clear(); files.clear(); },
    snapshot() {
      const lists = [manifestFile.snapshot(), files.snapshot()];
      return lists.some((l) => l.length) ? lists : null;
    },
    restore([m, f]) { manifestFile.set(m); files.set(f); },
  };
})();
