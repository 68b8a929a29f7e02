// The one path to the page's own worker, which runs every wasm call but the
// fleet's builds: started by engine.js, restarted after a crash, a trap or a
// cancel. Inputs live in the DOM, so a restart loses nothing.

let engine;
let ready;
let generation = 0; // bumped by every restart: a run started before it is cancelled
let busyCount = 0;
const RESTARTED = 'The engine stopped unexpectedly and was restarted. Your inputs are kept: try again.';

function startWorker() {
  engine = startEngine(() => restartWorker(RESTARTED, 'engine_restarted'));
  ready = engine.started;
}

const post = (op, args, onProgress) => engine.send(op, args, onProgress);

function restartWorker(message, code) {
  generation++;
  engine.stop(Object.assign(new Error(message), { code: 'cancelled' }));
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
