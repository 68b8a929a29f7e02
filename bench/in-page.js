// Runs inside dist/webex-device-identity.html (Chromium through Playwright,
// Firefox through WebDriver's execute/async). This file is ONE async function
// expression; bench/run.mjs reads it as text and calls it with a task.
//
// app.js keeps the page's worker private, so this starts more workers exactly
// the way app.js does: a blob: URL made of the page's own #worker-src text, and
// the wasm decoded from #wasm-b64 (with the page's own LZMA decoder, which
// run.mjs hands in as `decodeLzma`: the page keeps its copy in its script's
// private scope), sent in an `init` message. The only change to
// the worker is a few lines appended after it that put performance.now() around
// api.buildJwe and the page's `populate` op, and return those times with the op's
// answer. Everything else (initSync, the op, deviceCommand) is the page's code.
//
// task.kind:
//   'single'      one worker; task.warmups + task.runs populate blobs one after the
//                 other: per blob the buildJwe time inside the worker, the whole op
//                 inside the worker, and the round trip from the page (postMessage
//                 to answer).
//   'throughput'  task.blobs blobs through 1 worker and through task.workers
//                 workers (each takes the next blob when it is free), task.rounds
//                 times alternating; every worker is started and warmed first.
//   'fleet'       one fleet build as the page's pool does it, in two calls:
//                 task.stage 'prepare' decodes the files and starts task.workers
//                 fresh workers plus the page's own one (init and warm-up over;
//                 kept on the window), which plans in full as "Check the fleet"
//                 does before Build (task.checkMs, not in the build's time),
//                 task.stage 'run' does the timed build with them (so the driver
//                 can read the renderer's CPU time around the build alone). Each
//                 pool worker runs a build-only `fleetPlan` (given the full
//                 plan's buildFiles, it reads each device's files only when it
//                 builds it) on the same inputs (task.manifest,
//                 task.files as {name, b64}, task.passphrase, now: new Date()),
//                 then takes the next device index from one shared queue
//                 (`fleetBuild`) until every device not in error is built; then
//                 the page's own worker runs `fleetPack` with all of them. Timed from the first
//                 postMessage to the zip. With task.probe, the main thread's
//                 responsiveness is recorded meanwhile: a setTimeout ping loop
//                 (lateness of each 10 ms timer) and the delay of every mousedown
//                 the driver sends (handler time − event.timeStamp), each tagged
//                 with the phase it fell in (idle: task.idleMs before the start).
async function pageBench(task, decodeLzma) {
  if (task.kind === 'fleet' && task.stage === 'run') return fleetRun(); // the pool is ready: nothing to decode
  const EXTRA = `
;(() => {
  if (typeof ops !== 'object' || typeof ops.populate !== 'function' || typeof api.buildJwe !== 'function') {
    throw new Error('bench: the page worker no longer has ops.populate and api.buildJwe');
  }
  let lastBuildMs = NaN;
  const buildJwe = api.buildJwe;
  api.buildJwe = (options) => {
    const t0 = performance.now();
    try { return buildJwe(options); } finally { lastBuildMs = performance.now() - t0; }
  };
  const populate = ops.populate;
  ops.populate = (args) => {
    const t0 = performance.now();
    const value = populate(args);
    return { value, opMs: performance.now() - t0, buildMs: lastBuildMs };
  };
  // The fleet ops: their time in the worker and the wasm memory's size after
  // each (it only grows, so the last figure is the instance's peak). initSync()
  // after init returns the instance's exports (wasm-bindgen's glue).
  const wasmBytes = () => { try { return api.initSync().memory.buffer.byteLength; } catch { return null; } };
  for (const name of ['fleetPlan', 'fleetBuild', 'fleetPack']) {
    const op = ops[name];
    if (typeof op !== 'function') continue;
    ops[name] = (args, progress) => {
      const t0 = performance.now();
      const value = op.call(ops, args, progress);
      return { value, opMs: performance.now() - t0, wasmBytes: wasmBytes() };
    };
  }
  ops.benchMemory = () => ({ wasmBytes: wasmBytes() });
})();
`;
  const $ = (id) => document.getElementById(id);
  if (!$('worker-src') || !$('wasm-b64')) throw new Error('the page has no #worker-src or #wasm-b64');
  // As engine.js does: base64, then LZMA. A page from before LZMA (its
  // script's type says which) inlined the wasm gzipped: DecompressionStream,
  // as its app.js did, so the same bench measures both.
  const decodeStart = performance.now();
  const binary = atob($('wasm-b64').textContent.trim());
  let wasm = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) wasm[i] = binary.charCodeAt(i);
  const inlinedAs = $('wasm-b64').type;
  if (inlinedAs === 'application/x-lzma') {
    wasm = decodeLzma(wasm);
  } else if (inlinedAs === 'application/gzip') {
    const stream = new Blob([wasm]).stream().pipeThrough(new DecompressionStream('gzip'));
    wasm = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const decodeMs = performance.now() - decodeStart;
  const url = URL.createObjectURL(new Blob([$('worker-src').textContent + EXTRA], { type: 'text/javascript' }));
  const ARGS = { secret: 'bench secret', payload: 'the next secret' };
  const PREFIX = 'xCommand Security ClientSecret Populate Secret: "';

  async function startWorker() {
    const worker = new Worker(url);
    const pending = new Map();
    let nextId = 1;
    worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.ok) call.resolve(data.value);
      else call.reject(new Error(`${data.error.code}: ${data.error.message}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`worker error: ${event.message || 'unknown'}`);
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    const post = (op, args) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
    const t0 = performance.now();
    await post('init', { wasm: wasm.slice() });
    const initMs = performance.now() - t0;
    const call = (op, args) => post(op, args);
    const populate = async () => {
      const start = performance.now();
      const answer = await post('populate', ARGS);
      const e2eMs = performance.now() - start;
      if (!answer || typeof answer.value !== 'string' || !answer.value.startsWith(PREFIX)) {
        throw new Error(`unexpected populate answer: ${JSON.stringify(answer).slice(0, 200)}`);
      }
      return { buildMs: answer.buildMs, opMs: answer.opMs, e2eMs };
    };
    return { populate, call, initMs, terminate: () => worker.terminate() };
  }

  const cores = navigator.hardwareConcurrency || 1;

  async function fleetPrepare() {
    const files = task.files.map(({ name, b64 }) => {
      const text = atob(b64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return { name, bytes };
    });
    const startAt = performance.now();
    const pool = await Promise.all(Array.from({ length: task.workers }, startWorker));
    // The page's own worker, which plans in full for the table ("Check the
    // fleet", before Build is pressed) and packs the zip at the end.
    const main = await startWorker();
    // init answers before the worker's warm-up; an op sent now waits for it.
    await Promise.all([...pool, main].map((w) => w.call('benchMemory')));
    const startMs = performance.now() - startAt;
    const initWasmBytes = (await pool[0].call('benchMemory')).wasmBytes;
    const checkAt = performance.now();
    const checked = await main.call('fleetPlan', { manifest: task.manifest, files, passphrase: task.passphrase, now: new Date() });
    const checkMs = performance.now() - checkAt;
    window.__benchFleet = {
      pool, main, files, startMs, initWasmBytes, checkMs, devices: checked.value.devices, buildFiles: checked.value.buildFiles,
    };
    return { cores, startMs, initMs: pool.map((w) => w.initMs) };
  }

  async function fleetRun() {
    const { pool, main, files, startMs, initWasmBytes, checkMs, devices: checkedDevices, buildFiles } = window.__benchFleet;
    delete window.__benchFleet;

    // Responsiveness probes (main thread), tagged by phase.
    const probe = { phase: 'idle', timers: [], inputs: [] };
    let at = 0; // the clock's start, once set
    let probing = !!task.probe;
    const onDown = (event) => {
      const now = performance.now();
      probe.inputs.push({ phase: probe.phase, t: now - at, delayMs: now - event.timeStamp });
      event.stopImmediatePropagation();
      event.preventDefault();
    };
    const swallow = (event) => { event.stopImmediatePropagation(); event.preventDefault(); };
    if (probing) {
      window.addEventListener('mousedown', onDown, true);
      window.addEventListener('mouseup', swallow, true);
      window.addEventListener('click', swallow, true);
      const tick = (due) => setTimeout(() => {
        const now = performance.now();
        probe.timers.push({ phase: probe.phase, latenessMs: now - due });
        if (probing) tick(performance.now() + 10);
      }, 10);
      tick(performance.now() + 10);
      await new Promise((r) => setTimeout(r, task.idleMs || 0));
    }

    const plans = [];
    const builds = [];
    let indexes = null;
    let next = 0;
    let firstPlanned = null;
    const now = new Date();
    at = performance.now();
    probe.phase = 'plan';
    try {
      await Promise.all(pool.map(async (w, k) => {
        // As the page's pool: a build-only plan (each device checked when built).
        const p = await w.call('fleetPlan', { manifest: task.manifest, files, passphrase: task.passphrase, now, buildOnly: true, buildFiles });
        const answeredMs = performance.now() - at;
        plans[k] = { worker: k, answeredMs, opMs: p.opMs, wasmBytes: p.wasmBytes, devices: checkedDevices.length };
        if (firstPlanned === null) { firstPlanned = answeredMs; probe.phase = 'build'; }
        if (!indexes) indexes = checkedDevices.flatMap((d, i) => (d.status === 'error' ? [] : [i]));
        while (next < indexes.length) {
          const index = indexes[next++];
          const b = await w.call('fleetBuild', { index });
          builds.push({ worker: k, index, opMs: b.opMs, wasmBytes: b.wasmBytes, value: b.value });
        }
      }));
      const allBuiltMs = performance.now() - at;
      probe.phase = 'pack';
      const built = builds.map((b) => b.value).sort((a, b) => a.index - b.index);
      const packStart = performance.now();
      const z = await main.call('fleetPack', { built });
      const zipMs = performance.now() - at;
      probe.phase = 'after';
      const zip = z.value;
      if (!(zip instanceof Uint8Array) || zip[0] !== 0x50 || zip[1] !== 0x4b) throw new Error('fleetPack did not return a zip');
      const memory = await Promise.all(pool.map((w) => w.call('benchMemory')));
      if (probing) await new Promise((r) => setTimeout(r, 30));
      return {
        cores: navigator.hardwareConcurrency || 1,
        workers: task.workers,
        crossOriginIsolated: self.crossOriginIsolated === true,
        startMs,
        initMs: pool.map((w) => w.initMs),
        totalMs: zipMs,
        checkMs,
        firstPlannedMs: firstPlanned,
        allPlannedMs: Math.max(...plans.map((p) => p.answeredMs)),
        allBuiltMs,
        packMs: zipMs - (packStart - at),
        packOpMs: z.opMs,
        plans,
        devices: indexes.length,
        plannedDevices: plans[0].devices,
        blobs: built.reduce((n, d) => n + d.commands.length, 0),
        actions: [...new Set(built.flatMap((d) => d.commands.map((c) => c.action)))],
        buildOpMs: builds.map((b) => b.opMs),
        perWorkerDevices: pool.map((_, k) => builds.filter((b) => b.worker === k).length),
        zipBytes: zip.length,
        wasm: { afterInit: initWasmBytes, afterPlan: plans.map((p) => p.wasmBytes), end: memory.map((m) => m.wasmBytes) },
        packWasmBytes: z.wasmBytes,
        probe: task.probe ? probe : null,
        // For a check outside the timing (tests/fleet/open_blobs.py opens every blob).
        zipBase64: task.returnZip ? btoa(Array.from(zip, (b) => String.fromCharCode(b)).join('')) : undefined,
      };
    } finally {
      probing = false;
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('mouseup', swallow, true);
      window.removeEventListener('click', swallow, true);
      pool.forEach((w) => w.terminate());
    }
  }
  try {
    if (task.kind === 'single') {
      const w = await startWorker();
      const out = { cores, inlinedAs, decodeMs, initMs: w.initMs, warmupBuildMs: [], warmupE2eMs: [], buildMs: [], opMs: [], e2eMs: [] };
      for (let i = 0; i < task.warmups + task.runs; i++) {
        const r = await w.populate();
        if (i < task.warmups) {
          // Kept apart: the first is the cold blob a user gets right after the page loads.
          out.warmupBuildMs.push(r.buildMs);
          out.warmupE2eMs.push(r.e2eMs);
          continue;
        }
        out.buildMs.push(r.buildMs);
        out.opMs.push(r.opMs);
        out.e2eMs.push(r.e2eMs);
      }
      w.terminate();
      return out;
    }
    if (task.kind === 'throughput') {
      const counts = [...new Set([1, task.workers || cores])];
      const pools = {};
      for (const k of counts) {
        pools[k] = await Promise.all(Array.from({ length: k }, startWorker));
        // Warm every worker (its wasm tiers up) before any timed round.
        await Promise.all(pools[k].map(async (w) => { for (let i = 0; i < task.warmups; i++) await w.populate(); }));
      }
      const rounds = [];
      for (let round = 0; round < task.rounds; round++) {
        for (const k of counts) {
          let next = 0;
          const buildMs = [];
          const start = performance.now();
          await Promise.all(pools[k].map(async (w) => {
            while (next < task.blobs) {
              next++;
              buildMs.push((await w.populate()).buildMs);
            }
          }));
          const wallMs = performance.now() - start;
          rounds.push({ round, workers: k, blobs: task.blobs, wallMs, blobsPerSec: task.blobs / (wallMs / 1000), buildMs });
        }
      }
      for (const k of counts) pools[k].forEach((w) => w.terminate());
      return { cores, counts, rounds };
    }
    if (task.kind === 'fleet' && task.stage === 'prepare') return await fleetPrepare();
    throw new Error(`unknown task ${task.kind}`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
