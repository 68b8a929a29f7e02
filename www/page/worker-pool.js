// A pool of engines for the fleet's build, one per core (at most 8), each
// started like the page's own worker (engine.js). Each first makes a
// build-only plan of the same inputs (with the full plan's buildFiles: which
// files each device needs; the keys and secrets it reads live in that
// worker's wasm memory, and the page only forwards the admin's own file
// bytes), then takes devices by index, one at a time, until none are left. A crashed engine (its
// error event, or a fatal answer) is replaced by a fresh one and its device
// tried once more; a device that fails twice is reported and the rest go on.
// The page stays responsive: all the work is in the pool.

const POOL_SIZE = Math.min(navigator.hardwareConcurrency || 2, 8);
const CRASHED = 'The engine building this device stopped unexpectedly.';

// Builds the devices `indexes` of the plan made from `planArgs`. Each device
// built goes to `onBuilt(index, built)`, each that failed to `onFailed(index,
// error)`. Returns `{ done, cancel() }`: `done` resolves when no device is
// left (or after a cancel), and rejects when the pool cannot plan at all.
function buildWithPool(planArgs, indexes, { onBuilt, onFailed }) {
  const queue = [...indexes];
  const engines = new Set();
  const retried = new Set();
  let stopped = false;

  const stopEngine = (engine, error) => {
    engines.delete(engine);
    engine.stop(error);
  };

  async function freshEngine() {
    const crashed = Object.assign(new Error(CRASHED), { code: 'engine_failed', fatal: true });
    const engine = startEngine(() => stopEngine(engine, crashed));
    engines.add(engine);
    await engine.started;
    await engine.send('fleetPlan', { ...planArgs, buildOnly: true });
    return engine;
  }

  // One lane per engine: take a device, build it, repeat. A plan refused in
  // a pool engine (not a crash) is refused in all: the whole build stops.
  async function lane() {
    let engine = null;
    while (!stopped && queue.length) {
      const index = queue.shift();
      try {
        engine ||= await freshEngine().catch((e) => { throw e.fatal ? e : Object.assign(e, { planFailed: true }); });
        const built = await engine.send('fleetBuild', { index });
        if (!stopped) onBuilt(index, built);
      } catch (e) {
        if (stopped) break;
        if (e.planFailed) throw e;
        // This device refused: the engine is fine.
        if (!e.fatal) { onFailed(index, e); continue; }
        // Stopped by its crash: a fresh one takes over.
        engine = null;
        if (retried.has(index)) onFailed(index, e);
        else { retried.add(index); queue.unshift(index); }
      }
    }
    if (engine) stopEngine(engine, new Error('done'));
  }

  const cancel = () => {
    stopped = true;
    for (const engine of [...engines]) stopEngine(engine, Object.assign(new Error('Cancelled.'), { code: 'cancelled' }));
  };
  const lanes = Array.from({ length: Math.min(POOL_SIZE, queue.length) }, lane);
  const done = Promise.all(lanes).catch((e) => { cancel(); throw e; });
  return { done, cancel };
}
