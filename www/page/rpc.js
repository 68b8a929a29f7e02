// The one path to the worker, which runs every wasm call: started from a blob:
// URL (works from file:// too), restarted after a crash, a trap or a cancel.
// Inputs live in the DOM, so a restart loses nothing. The wasm is inlined
// gzipped, as base64 (scripts/assemble-page.mjs); the worker's thread starts
// first and meanwhile this thread inflates and compiles the wasm, so start-up
// costs the longest of the three, not their sum.
// Messages: the page posts { id, op, args }; the worker answers
// { id, progress } any number of times, then { id, ok, value | error }.

const workerSource = $('worker-src').textContent;
const pending = new Map(); // id -> { resolve, reject, onProgress }
let worker;
let ready;
let wasmModule;
let nextId = 1;
let generation = 0; // bumped by every restart: a run started before it is cancelled
let busyCount = 0;
const RESTARTED = 'The engine stopped unexpectedly and was restarted. Your inputs are kept: try again.';

function decodeBase64(text) {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function inflate(gzipped) {
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function startWorker() {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  worker = new Worker(url);
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    if ('progress' in data) { call.onProgress(data.progress); return; }
    pending.delete(data.id);
    if (data.ok) { call.resolve(data.value); return; }
    call.reject(Object.assign(new Error(data.error.message), data.error));
    // A trap leaves the wasm instance unusable: only a new worker helps.
    if (data.error.fatal) restartWorker(RESTARTED, 'engine_restarted');
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restartWorker(RESTARTED, 'engine_restarted');
  };
  wasmModule ||= inflate(decodeBase64($('wasm-b64').textContent))
    .then((bytes) => WebAssembly.compile(bytes))
    .catch((e) => {
      throw Object.assign(new Error(`The engine did not start: ${e.message}`), { code: 'wasm_failed' });
    });
  ready = wasmModule.then((module) => post('init', { wasm: module })).finally(() => URL.revokeObjectURL(url));
}

function post(op, args, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, op, args });
  });
}

function restartWorker(message, code) {
  generation++;
  worker.terminate();
  for (const call of pending.values()) call.reject(Object.assign(new Error(message), { code: 'cancelled' }));
  pending.clear();
  busyCount = 0;
  hideBusy();
  startWorker();
  notify(message, code, { seconds: code === 'cancelled' ? 10 : 0 });
}

/** One operation in the worker once it has started, with no progress bar (a hint as the user types). */
async function ask(op, args) {
  await ready;
  return post(op, args);
}

/**
 * One operation in the worker, with the busy bar while it works. Progress
 * messages ({ done, total } fills the bar) also go to onProgress.
 */
async function run(op, args, label, onProgress) {
  const started = generation;
  // A new run makes an old notice (cancelled, restarted) stale; an offer to undo stays.
  if ($('notice').dataset.code !== 'cleared') notify('');
  showBusy(label);
  try {
    await ready;
    if (generation !== started) throw Object.assign(new Error('Cancelled.'), { code: 'cancelled' });
    return await post(op, args, (progress) => {
      if (generation !== started) return;
      showProgress(progress);
      if (onProgress) onProgress(progress);
    });
  } finally {
    if (generation === started) hideBusy();
  }
}

function showBusy(label) {
  busyCount++;
  $('busy-text').textContent = label || 'Working…';
  $('busy').hidden = false;
}

function showProgress({ done, total } = {}) {
  if (!(total > 0) || !(done >= 0)) return;
  const bar = $('busy-progress');
  bar.max = total;
  bar.value = Math.min(done, total);
}

function hideBusy() {
  busyCount = Math.max(0, busyCount - 1);
  if (busyCount > 0) return;
  $('busy').hidden = true;
  $('busy-progress').removeAttribute('value'); // the next run starts indeterminate
}

$('cancel').addEventListener('click', () => restartWorker('Cancelled. Your inputs are kept.', 'cancelled'));
startWorker();
