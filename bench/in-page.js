// Runs inside dist/webex-device-identity.html (Chromium through Playwright,
// Firefox through WebDriver's execute/async). This file is ONE async function
// expression; bench/run.mjs reads it as text and calls it with a task.
//
// app.js keeps the page's worker private, so this starts more workers exactly
// the way app.js does: a blob: URL made of the page's own #worker-src text, and
// the wasm decoded from #wasm-b64, sent in an `init` message. The only change to
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
async function pageBench(task) {
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
})();
`;
  const $ = (id) => document.getElementById(id);
  if (!$('worker-src') || !$('wasm-b64')) throw new Error('the page has no #worker-src or #wasm-b64');
  // As app.js does: base64, then (if the page inlines it gzipped) DecompressionStream.
  const decodeStart = performance.now();
  const binary = atob($('wasm-b64').textContent.trim());
  let wasm = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) wasm[i] = binary.charCodeAt(i);
  const gzipped = wasm[0] === 0x1f && wasm[1] === 0x8b;
  if (gzipped) {
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
    const populate = async () => {
      const start = performance.now();
      const answer = await post('populate', ARGS);
      const e2eMs = performance.now() - start;
      if (!answer || typeof answer.value !== 'string' || !answer.value.startsWith(PREFIX)) {
        throw new Error(`unexpected populate answer: ${JSON.stringify(answer).slice(0, 200)}`);
      }
      return { buildMs: answer.buildMs, opMs: answer.opMs, e2eMs };
    };
    return { populate, initMs, terminate: () => worker.terminate() };
  }

  const cores = navigator.hardwareConcurrency || 1;
  try {
    if (task.kind === 'single') {
      const w = await startWorker();
      const out = { cores, gzipped, decodeMs, initMs: w.initMs, warmupBuildMs: [], warmupE2eMs: [], buildMs: [], opMs: [], e2eMs: [] };
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
    throw new Error(`unknown task ${task.kind}`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
