// The page's worker: a dispatch table over the wasm core's exports, so scrypt
// never freezes the page and a crash or a trap only costs a restart. It runs
// as a classic worker from a blob: URL, after wasm-bindgen's no-modules glue
// (the global `wasm_bindgen`) and self-test.js; the page sends the compiled
// wasm in the first message. The checked install bundle (with its private
// key) lives in wasm memory: the page only ever gets a bundle id.
// Answers: { id, progress } any number of times, then { id, ok, value | error }.

const api = wasm_bindgen; // eslint-disable-line no-undef
let bundle = null; // the current InstallBundle (wasm memory; free() it when replaced)
let bundleId = 0;
let broken = false; // after a trap the instance is unusable: every call says so

function dropBundle() {
  if (bundle) bundle.free();
  bundle = null;
}

let fleet = null; // the current FleetPlan (wasm memory, holds keys and secrets)

function dropFleet() {
  if (fleet) fleet.free();
  fleet = null;
}

// Looked up per call (never captured), so each op uses the glue as it is now.
// `progress(value)` posts a progress message for long operations.
const ops = {
  generateSecret: ({ kind }) => api.generateSecret(kind),
  strength: ({ secret }) => api.secretStrength(secret),
  seedCommand: ({ secret }) => api.initialPopulateCommand(secret),

  checkBundle({ items, names, passphrase }) {
    dropBundle();
    const checked = api.checkBundle(items, { passphrase: passphrase || undefined, names });
    bundle = checked.bundle;
    return { report: checked.report, bundleId: bundle ? ++bundleId : null };
  },

  install({ bundleId: id, secret }) {
    if (!bundle || id !== bundleId) {
      throw Object.assign(new Error('The certificate changed since it was checked. Check it again.'), { code: 'stale_bundle' });
    }
    return bundle.commands(secret);
  },

  populate: ({ secret, payload }) => api.deviceCommand('populate', api.buildJwe({ action: 'populate', secret, payload })),

  deactivate: ({ secret, fingerprint, items, passphrase }) => api.deactivateCommand({
    secret,
    fingerprint: fingerprint.trim() ? fingerprint : undefined,
    input: items && items.length ? items : undefined,
    passphrase: passphrase || undefined,
  }),

  checkBlobs: ({ text, secret }) => api.checkBlobs({ text, secret: secret || undefined }),
  inspectToken: ({ text, keys, now, passphrase }) => api.inspectToken(text, { keys, now, passphrase: passphrase || undefined }),
  inspectSaml: ({ text, metadata, now }) => api.inspectSaml(text, { metadata, now }),

  selfTest: () => selfTest(api),

  // Keys and requests: the plain key stays in wasm memory; only the request,
  // the encrypted key and the zip come back.
  keyAndCsr: (options) => api.generateKeyAndCsr(options),
  keyFleet(options, progress) {
    const plan = api.planKeyFleet(options);
    try {
      const devices = plan.devices();
      devices.forEach((device, index) => {
        device.publicKeySha256 = plan.generate(index);
        progress({ done: index + 1, total: devices.length });
      });
      return { devices, zip: plan.pack() };
    } finally {
      plan.free();
    }
  },
  // The fleet. Every worker of the page's pool plans the same inputs once
  // (the plan holds the keys and secrets, in wasm memory only), then builds
  // devices by index; the page's own worker plans for the table and packs.
  fleetTemplate: () => api.fleetTemplate(),
  fleetFill: ({ manifest, kind }) => api.fillFleetSecrets({ manifest, kind }),
  // A full plan answers its report and which files each device needs
  // (buildFiles: indexes and fingerprints); a pool worker's buildOnly plan
  // takes those and reads each device's files only when it builds it.
  fleetPlan({ manifest, files, passphrase, now, expiresBefore, buildOnly, buildFiles }) {
    dropFleet();
    const options = { manifest, files, passphrase: passphrase || undefined, now, expiresBefore };
    if (buildOnly) {
      fleet = api.planFleet({ ...options, buildOnly: true, buildFiles });
      return null;
    }
    fleet = api.planFleet(options);
    return Object.assign(fleet.report(), { buildFiles: fleet.buildFiles() });
  },
  fleetBuild({ index }) {
    if (!fleet) throw Object.assign(new Error('Plan the fleet first.'), { code: 'stale_plan' });
    return fleet.buildDevice(index);
  },
  fleetPack({ built, initialPopulate }) {
    if (!fleet) throw Object.assign(new Error('Plan the fleet first.'), { code: 'stale_plan' });
    return fleet.pack(built, { initialPopulate: !!initialPopulate });
  },

  clear() {
    dropBundle();
    dropFleet();
    return null;
  },
};

function init(id, wasm) {
  try {
    api.initSync({ module: wasm });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { code: 'wasm_failed', message: `The engine did not start: ${e.message}` } });
    return;
  }
  self.postMessage({ id, ok: true, value: null });
  // After answering, so the page is usable at once: makes the first blob
  // about as fast as the rest (bench/README.md). A call made meanwhile waits.
  try {
    api.warmUp();
  } catch (e) {
    // Only an optimisation; but a trap here leaves the engine unusable.
    if (e instanceof WebAssembly.RuntimeError) broken = true;
  }
}

const ENGINE_FAILED = {
  code: 'engine_failed', fatal: true,
  message: 'The engine failed and is being restarted. Your inputs are kept: try again.',
};

self.onmessage = (event) => {
  const { id, op, args } = event.data;
  if (op === 'init') { init(id, args.wasm); return; }
  if (broken) { self.postMessage({ id, ok: false, error: ENGINE_FAILED }); return; }
  try {
    const value = ops[op](args || {}, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, ok: true, value });
  } catch (e) {
    // A trap (a panic, say; the console shows its message) leaves the wasm
    // instance unusable: the page restarts this worker.
    if (e instanceof WebAssembly.RuntimeError) {
      broken = true;
      self.postMessage({ id, ok: false, error: ENGINE_FAILED });
      return;
    }
    self.postMessage({ id, ok: false, error: { code: e.code || 'internal', message: e.message, findings: e.findings } });
  }
};
