// Starting an engine: a worker from a blob: URL of #worker-src (works from
// file:// too), given the compiled wasm in its first message. The wasm is
// inlined as a .lzma file in base64 (scripts/assemble-page.mjs), decoded by
// lzma.js and compiled once per page: the page's own worker (rpc.js) and the
// fleet's pool (worker-pool.js) all start from the same module. The worker's
// thread starts first and meanwhile this thread decodes and compiles the
// wasm, so start-up costs the longest of the three, not their sum.
// Messages: the page posts { id, op, args }; the worker answers
// { id, progress } any number of times, then { id, ok, value | error }.

const workerSource = $('worker-src').textContent;
let wasmModule;

function decodeBase64(text) {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Decoding holds this thread (58 ms in Chromium, 81 in Firefox: README.md,
// Performance): in a task of its own after the page script, so the page is
// drawn and marked ready first (decoding at once made the first paint ~60 ms
// later, the engine ~25 ms sooner), and an error is the start-up's
// rejection, not a page error.
const nextTask = () => new Promise((resolve) => { setTimeout(resolve); });

// A new engine: `{ started, send(op, args, onProgress), stop(error) }`.
// `onFatal()` runs when the worker crashes (its error event) or answers with
// a fatal error (a trap leaves the wasm instance unusable): only a new engine
// helps then. `stop(error)` ends the worker and rejects every call still
// waiting with `error`.
function startEngine(onFatal) {
  // The calls waiting: id -> { resolve, reject, onProgress }.
  const pending = new Map();
  let nextId = 1;
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    if ('progress' in data) { call.onProgress(data.progress); return; }
    pending.delete(data.id);
    if (data.ok) { call.resolve(data.value); return; }
    call.reject(Object.assign(new Error(data.error.message), data.error));
    if (data.error.fatal) onFatal();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    onFatal();
  };
  const send = (op, args, onProgress = () => {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, op, args });
  });
  wasmModule ||= nextTask()
    .then(() => WebAssembly.compile(decodeLzma(decodeBase64($('wasm-b64').textContent))))
    .catch((e) => {
      throw Object.assign(new Error(`The engine did not start: ${e.message}`), { code: 'wasm_failed' });
    });
  const started = wasmModule.then((module) => send('init', { wasm: module })).finally(() => URL.revokeObjectURL(url));
  // Awaited by each call; a stop before start-up is no page error.
  started.catch(() => {});
  return {
    started,
    send,
    stop(error) {
      worker.terminate();
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    },
  };
}
