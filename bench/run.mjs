// scripts/bench's measurements, all in one run on this machine, every time
// relative to OpenSSL's scrypt measured in the same run. See bench/README.md.
// Prints a table and writes bench/results.json.
//
// One blob is measured in BLOCKS interleaved blocks: each block runs OpenSSL,
// native, Node, Chromium and Firefox one after the other (each with its own
// warm-ups, in a fresh process or worker), so a load change on a shared machine
// hits every contender alike instead of whichever ran at that moment.
//
// Environment (all optional):
//   BENCH_RUNS=21        timed blobs per contender, split over the blocks (warm-ups excluded)
//   BENCH_WARMUPS=3      untimed warm-up blobs per contender and block
//   BENCH_BLOCKS=3       interleaved blocks (at most BENCH_RUNS)
//   BENCH_BLOBS=24       blobs per throughput round
//   BENCH_ROUNDS=3       throughput rounds (1 worker and one per core, alternating); 1 when BENCH_RUNS < 10
//   BENCH_LOAD_RUNS=7    fresh Chromium contexts for the time to a usable page (+1 untimed); 3 when BENCH_RUNS < 10
//   BENCH_SKIP=a,b       skip: native, node, chromium, firefox, throughput, load
//   BENCH_OUT=path       where to write the JSON (default bench/results.json)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const PAGE_FILE = join(ROOT, 'dist', 'webex-device-identity.html');
const PAGE_URL = pathToFileURL(PAGE_FILE).href;
const PKG_WASM = join(ROOT, 'pkg', 'webex_device_identity_bg.wasm');
const NATIVE = join(resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target'), 'release', 'examples', 'bench_kdf');
const IN_PAGE = readFileSync(join(ROOT, 'bench', 'in-page.js'), 'utf8');
const OPENSSL_PY = join(ROOT, 'bench', 'openssl_ref.py');

const int = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${value}`);
  return Number(value);
};
const RUNS = int('BENCH_RUNS', 21);
const WARMUPS = int('BENCH_WARMUPS', 3);
const BLOCKS = Math.min(int('BENCH_BLOCKS', 3), RUNS);
const PER_BLOCK = Math.ceil(RUNS / BLOCKS);
const BLOBS = int('BENCH_BLOBS', 24);
const ROUNDS = int('BENCH_ROUNDS', RUNS < 10 ? 1 : 3);
const LOAD_RUNS = int('BENCH_LOAD_RUNS', RUNS < 10 ? 3 : 7);
const SKIP = new Set((process.env.BENCH_SKIP || '').split(',').map((s) => s.trim()).filter(Boolean));
const OUT = resolve(process.env.BENCH_OUT || join(ROOT, 'bench', 'results.json'));

const TARGETS = {
  chromiumBlobVsOpenssl: 0.55, // one blob in Chromium ≤ 0.55 × OpenSSL (page → worker → page, warm)
  throughputEfficiency: 0.9, // one worker per core ≥ 0.9 × cores × one-worker rate
  pageGzipBytes: 350_000, // page ≤ 350 KB gzipped with every workflow in it (the guide's budget; 1 KB = 1000 bytes)
  usableMs: 300, // usable within 300 ms (page.goto start → the page's worker answers init)
};

// ---------------------------------------------------------------- helpers

function stats(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return null;
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return s[lo] + (s[hi] - s[lo]) * (i - lo);
  };
  const median = q(0.5);
  return { n: s.length, median, min: s[0], max: s[s.length - 1], p10: q(0.1), p90: q(0.9), spread: (q(0.9) - q(0.1)) / median };
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function runJson(command, args) {
  const text = execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 << 20 });
  return JSON.parse(text.trim().split('\n').pop());
}

const results = {
  date: new Date().toISOString(),
  settings: { runs: RUNS, warmups: WARMUPS, blocks: BLOCKS, runsPerBlock: PER_BLOCK, blobs: BLOBS, rounds: ROUNDS, loadRuns: LOAD_RUNS, skip: [...SKIP] },
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadavgStart: loadavg(), node: process.version },
  targets: TARGETS,
  timings: {}, // per measurement: every timed sample, its block, and the statistics
  errors: {},
};

/** Adds one block's timed samples (and its first warm-up: the cold blob) to a measurement. */
function record(key, what, samples, block, cold) {
  const m = (results.timings[key] ||= { what, samples: [], block: [], cold: [] });
  m.samples.push(...samples);
  m.block.push(...samples.map(() => block));
  if (cold !== undefined) m.cold.push(cold);
}

async function attempt(name, fn) {
  if (results.errors[name]) return; // failed in an earlier block: not again
  try {
    await fn();
  } catch (error) {
    results.errors[name] = String((error && error.stack) || error);
    log(`${name} FAILED: ${(error && error.message) || error}`);
  }
}

// ---------------------------------------------------------------- contenders

function openssl(block, key = 'openssl', warmups = WARMUPS, runs = PER_BLOCK) {
  const r = runJson('python3', [OPENSSL_PY, String(warmups), String(runs)]);
  results.machine.openssl = r.openssl;
  results.machine.python = r.python;
  record(key, 'OpenSSL scrypt via Python hashlib.scrypt (N=32768, r=8, p=1, 32 bytes)', r.ms, block);
}

function native(block) {
  if (process.env.BENCH_NATIVE_BUILD_FAILED) throw new Error('cargo build --release --example bench_kdf failed (see above)');
  if (!existsSync(NATIVE)) throw new Error(`${NATIVE} is missing: cargo build --release --example bench_kdf`);
  const r = runJson(NATIVE, [String(WARMUPS), String(PER_BLOCK)]);
  record('nativeBuild', 'native Rust (release profile): build_jwe populate A256GCM', r.buildMs, block);
  record('nativeKdf', 'native Rust (release profile): kdf::derive_key only', r.kdfMs, block);
}

function node(block) {
  const r = runJson(process.execPath,
    ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(ROOT, 'bench', 'node.mjs'), String(WARMUPS), String(PER_BLOCK)]);
  results.machine.nodeV8 = r.v8;
  record('node', `Node ${r.node} (V8 ${r.v8}): committed pkg/ api.buildJwe, fresh process per block`, r.ms, block, r.warmupMs[0]);
}

function recordPage(browser, r, block) {
  const B = browser === 'chromium' ? 'Chromium' : 'Firefox';
  record(`${browser}WorkerBuild`, `${B}: api.buildJwe inside a worker made like the page's (performance.now() in the worker)`,
    r.buildMs, block, r.warmupBuildMs[0]);
  record(`${browser}EndToEnd`, `${B}: the populate op from the page: postMessage to answer`, r.e2eMs, block, r.warmupE2eMs[0]);
  const start = ((results.workerStart ||= {})[browser] ||= { gzippedWasm: r.gzipped, decodeMs: [], initMs: [] });
  start.decodeMs.push(r.decodeMs);
  start.initMs.push(r.initMs);
}

const singleTask = () => ({ kind: 'single', warmups: WARMUPS, runs: PER_BLOCK });

// Chromium through Playwright, launched as the page tests do.
async function openChromium() {
  const { launch } = await import(pathToFileURL(join(ROOT, 'tests', 'page', 'helpers.mjs')).href);
  const browser = await launch();
  results.machine.chromium = browser.version();
  const openPage = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`chromium page error: ${error.message}`));
    await page.goto(PAGE_URL);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
    return { context, page };
  };
  const single = await openPage();
  return {
    browser,
    openPage,
    run: (task) => single.page.evaluate(`(${IN_PAGE})(${JSON.stringify(task)})`),
    close: () => browser.close(),
  };
}

// Firefox through geckodriver, plain WebDriver as tests/page/firefox.test.mjs does.
async function openFirefox() {
  const geckodriver = process.env.GECKODRIVER
    || execFileSync('sh', ['-c', 'command -v geckodriver || echo $HOME/.cargo/bin/geckodriver']).toString().trim();
  const port = 40000 + Math.floor(Math.random() * 10000);
  const base = `http://127.0.0.1:${port}`;
  const driver = spawn(geckodriver, ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  let session;
  const wd = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value).slice(0, 500)}`);
    return json.value;
  };
  const close = async () => {
    if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
    driver.kill();
  };
  try {
    for (let i = 0; i < 100; i++) {
      try { await fetch(`${base}/status`); break; } catch { await sleep(100); }
    }
    const created = await wd('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
        args: ['-headless'],
        prefs: { 'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
      } } },
    });
    session = created.sessionId;
    results.machine.firefox = created.capabilities.browserVersion;
    await wd('POST', `/session/${session}/timeouts`, { script: 600000 });
    await wd('POST', `/session/${session}/url`, { url: PAGE_URL });
    const end = Date.now() + 30000;
    while (!(await wd('POST', `/session/${session}/execute/sync`, { script: 'return document.documentElement.dataset.ready === "true"', args: [] }))) {
      if (Date.now() > end) throw new Error('the page never set data-ready in Firefox');
      await sleep(50);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const script = `const done = arguments[arguments.length - 1];
    (${IN_PAGE})(arguments[0]).then(done, (e) => done({ error: e && e.message ? e.message + '\\n' + e.stack : String(e) }));`;
  return {
    run: async (task) => {
      const r = await wd('POST', `/session/${session}/execute/async`, { script, args: [task] });
      if (r && r.error) throw new Error(r.error);
      return r;
    },
    close,
  };
}

// ---------------------------------------------------------------- throughput and load (Chromium)

async function throughput(chromium) {
  const { context, page } = await chromium.openPage();
  const r = await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ kind: 'throughput', warmups: 2, blobs: BLOBS, rounds: ROUNDS })})`);
  await context.close();
  const perCount = {};
  for (const k of r.counts) {
    const rounds = r.rounds.filter((x) => x.workers === k);
    perCount[k] = {
      workers: k,
      blobsPerSec: stats(rounds.map((x) => x.blobsPerSec)).median,
      rounds: rounds.map(({ wallMs, blobsPerSec }) => ({ wallMs, blobsPerSec })),
      buildMsInWorker: stats(rounds.flatMap((x) => x.buildMs)),
    };
  }
  const n = Math.max(...r.counts);
  const efficiency = n === 1 ? 1 : perCount[n].blobsPerSec / (n * perCount[1].blobsPerSec);
  // A control for what the machine allows right now: the same count of OpenSSL
  // derivations through 1 process and through n processes.
  const c = runJson('python3', [OPENSSL_PY, 'parallel', String(n), String(BLOBS), String(ROUNDS)]);
  const one = stats(c.rates['1']).median;
  const many = stats(c.rates[String(n)]).median;
  results.throughput = {
    cores: r.cores, blobs: BLOBS, one: perCount[1], perCore: perCount[n], efficiency,
    opensslControl: { one, perCore: many, efficiency: n === 1 ? 1 : many / (n * one), rates: c.rates },
  };
}

// Fresh context per trial. An init script (injected by the driver before any
// page script, so the page's CSP does not apply) records on the page's own
// clock (0 = navigation start): DOMContentLoaded; when app.js sets
// html[data-ready=true]; when app.js posts `init` (the wasm decoded and
// inflated) to its worker; and when that worker answers `init` (wasm compiled
// and instantiated: from then on every op works). It sees the worker's messages
// by wrapping the Worker constructor; nothing else changes.
function loadObserver() {
  window.__bench = {};
  const mark = (name) => { if (!(name in window.__bench)) window.__bench[name] = performance.now(); };
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      const initIds = new Set();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message && message.op === 'init') { initIds.add(message.id); mark('initPosted'); }
        return post(message, ...rest);
      };
      this.addEventListener('message', ({ data }) => {
        if (data && initIds.has(data.id)) mark(data.ok ? 'worker' : 'workerFailed');
      });
    }
  };
  new MutationObserver(() => {
    if (document.documentElement?.dataset.ready === 'true') mark('ready');
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
  document.addEventListener('DOMContentLoaded', () => mark('domContentLoaded'));
}

async function load(chromium) {
  const trials = [];
  for (let i = 0; i < LOAD_RUNS + 1; i++) {
    const context = await chromium.browser.newContext();
    await context.addInitScript(loadObserver);
    const page = await context.newPage();
    const t0 = performance.timeOrigin + performance.now();
    await page.goto(PAGE_URL, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && ('worker' in window.__bench || 'workerFailed' in window.__bench),
      null, { timeout: 60000, polling: 10 });
    const m = await page.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      ...window.__bench,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
    await context.close();
    if ('workerFailed' in m) throw new Error("the page's worker answered init with an error");
    const sinceGoto = (t) => m.timeOrigin + t - t0;
    const trial = {
      gotoToReady: sinceGoto(m.ready), gotoToWorker: sinceGoto(m.worker), gotoToNav: m.timeOrigin - t0,
      navToDomContentLoaded: m.domContentLoaded, navToFcp: m.fcp, navToReady: m.ready, navToInitPosted: m.initPosted, navToWorker: m.worker,
    };
    if (i > 0) trials.push(trial); // the first context pays one-time browser start-up costs
  }
  const pick = (key) => stats(trials.map((t) => t[key]));
  results.load = { trials };
  for (const key of Object.keys(trials[0])) results.load[key] = pick(key);
}

// ---------------------------------------------------------------- sizes

function sizes() {
  const gz = (bytes) => {
    try {
      return execFileSync('gzip', ['-9', '-c', '-n'], { input: bytes, maxBuffer: 64 << 20 }).length;
    } catch {
      return gzipSync(bytes, { level: 9 }).length;
    }
  };
  const page = readFileSync(PAGE_FILE);
  const wasm = readFileSync(PKG_WASM);
  const html = page.toString('utf8');
  const inner = (id) => {
    const m = new RegExp(`<script[^>]*id="${id}"[^>]*>([\\s\\S]*?)</script>`).exec(html);
    return m ? Buffer.from(m[1], 'utf8') : Buffer.alloc(0);
  };
  const b64 = inner('wasm-b64');
  const workerSrc = inner('worker-src');
  results.sizes = {
    pkgWasm: { raw: wasm.length, gzip9: gz(wasm) },
    page: { raw: page.length, gzip9: gz(page) },
    pageParts: {
      wasmBase64: { raw: b64.length, gzip9: gz(b64) },
      workerSource: { raw: workerSrc.length, gzip9: gz(workerSrc) },
      rest: { raw: page.length - b64.length - workerSrc.length },
    },
  };
}

// ---------------------------------------------------------------- run

const started = performance.now();
const timed = async (label, fn) => {
  const t = performance.now();
  await fn();
  log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
};

let chromium = null;
let firefox = null;
await timed('browsers started', async () => {
  if (['chromium', 'throughput', 'load'].some((s) => !SKIP.has(s))) {
    await attempt('chromium', async () => { chromium = await openChromium(); });
  }
  if (!SKIP.has('firefox')) await attempt('firefox', async () => { firefox = await openFirefox(); });
});

try {
  for (let block = 0; block < BLOCKS; block++) {
    await timed(`block ${block + 1}/${BLOCKS} (${WARMUPS} warm-ups + ${PER_BLOCK} runs each)`, async () => {
      await attempt('openssl', () => openssl(block));
      if (!SKIP.has('native')) await attempt('native', () => native(block));
      if (!SKIP.has('node')) await attempt('node', () => node(block));
      if (chromium && !SKIP.has('chromium')) {
        await attempt('chromium', async () => {
          const r = await chromium.run(singleTask());
          results.machine.hardwareConcurrency = r.cores;
          recordPage('chromium', r, block);
        });
      }
      if (firefox) await attempt('firefox', async () => recordPage('firefox', await firefox.run(singleTask()), block));
    });
  }
  if (chromium && !SKIP.has('throughput')) await timed('throughput', () => attempt('throughput', () => throughput(chromium)));
  if (chromium && !SKIP.has('load')) await timed('load', () => attempt('load', () => load(chromium)));
} finally {
  await chromium?.close().catch(() => {});
  await firefox?.close().catch(() => {});
}
// The noise statement: OpenSSL again at the very end, against its first block.
await timed('openssl at the end', () => attempt('openssl (end)', () => openssl(0, 'opensslEnd', WARMUPS, RUNS)));
await attempt('sizes', sizes);
results.machine.loadavgEnd = loadavg();
results.seconds = (performance.now() - started) / 1000;

// Statistics. The reference: every OpenSSL sample of the interleaved blocks.
const t = results.timings;
for (const m of Object.values(t)) {
  Object.assign(m, stats(m.samples));
  m.blockMedians = [...new Set(m.block)].map((b) => stats(m.samples.filter((_, i) => m.block[i] === b)).median);
  m.coldMedian = m.cold.length ? stats(m.cold).median : undefined;
}
const ref = t.openssl?.median ? t.openssl : null;
const start = ref && ref.blockMedians[0];
results.reference = ref && {
  what: 'median of the OpenSSL samples of all blocks',
  median: ref.median,
  blockMedians: ref.blockMedians,
  startMedian: start,
  endMedian: t.opensslEnd?.median,
  drift: t.opensslEnd ? (t.opensslEnd.median - start) / start : null,
};
for (const [key, m] of Object.entries(t)) {
  if (!ref || key === 'opensslEnd' || key === 'openssl') continue;
  m.vsOpenssl = m.median / ref.median;
  // The same ratio inside each block: how much of the ratio is noise.
  m.vsOpensslPerBlock = m.blockMedians.map((x, i) => x / ref.blockMedians[i]);
}

// Targets: marked, never failed on.
const met = (ok) => (ok === undefined || ok === null || Number.isNaN(ok) ? 'n/a' : ok ? 'met' : 'NOT met');
results.verdicts = {
  chromiumBlob: t.chromiumEndToEnd && ref ? t.chromiumEndToEnd.vsOpenssl <= TARGETS.chromiumBlobVsOpenssl : null,
  throughput: results.throughput ? results.throughput.efficiency >= TARGETS.throughputEfficiency : null,
  pageSize: results.sizes ? results.sizes.page.gzip9 <= TARGETS.pageGzipBytes : null,
  usable: results.load ? results.load.gotoToWorker.median <= TARGETS.usableMs : null,
};

writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

// ---------------------------------------------------------------- table

const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const rows = [];
const line = (cells) => rows.push(cells);
const print = (title, header, body) => {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i] ?? '').length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of body) console.log(fmt(r));
  rows.length = 0;
};
const row = (label, m, target = '', verdict = '') => {
  if (!m || !m.n) { line([label, '–', '', '', '', '', '', '', '', target, verdict || 'missing']); return; }
  const perBlock = m.vsOpensslPerBlock?.length > 1
    ? `${f(Math.min(...m.vsOpensslPerBlock), 2)}–${f(Math.max(...m.vsOpensslPerBlock), 2)}` : '';
  line([label, f(m.median), f(m.min), f(m.max), `${f(m.spread * 100, 0)}%`, String(m.n),
    m.vsOpenssl === undefined ? '' : `${f(m.vsOpenssl, 2)}×`, perBlock, f(m.coldMedian), target, verdict]);
};

row('OpenSSL scrypt (Python hashlib) = reference', t.openssl && { ...t.openssl, vsOpenssl: 1 });
row('native Rust release, build_jwe', t.nativeBuild);
row('native Rust release, derive_key only', t.nativeKdf);
row('Node, pkg/ buildJwe', t.node);
row('Chromium worker, buildJwe (in worker)', t.chromiumWorkerBuild);
row('Chromium, populate page→worker→page', t.chromiumEndToEnd, `≤ ${TARGETS.chromiumBlobVsOpenssl}×`, met(results.verdicts.chromiumBlob));
row('Firefox worker, buildJwe (in worker)', t.firefoxWorkerBuild);
row('Firefox, populate page→worker→page', t.firefoxEndToEnd);
print(`One blob (populate, A256GCM), ms: ${BLOCKS} interleaved block(s) × (${WARMUPS} warm-ups + ${PER_BLOCK} timed runs) per contender.
spread = (p90 − p10) / median; per block = the ratio within each block (min–max); cold = median of each block's
first warm-up (a fresh worker / process: the first blob after the wasm starts), not in the median`,
['measurement', 'median', 'min', 'max', 'spread', 'n', '× OpenSSL', 'per block', 'cold', 'target', ''], rows);
if (results.reference) {
  const r = results.reference;
  console.log(`machine noise: OpenSSL median ${f(r.startMedian)} ms in block 1, ${f(r.endMedian)} ms at the very end `
    + `(drift ${f(r.drift * 100, 1)}%); block medians ${r.blockMedians.map((x) => f(x)).join(', ')} ms; `
    + `load average ${results.machine.loadavgStart.map((x) => x.toFixed(2)).join(' ')} → `
    + `${results.machine.loadavgEnd.map((x) => x.toFixed(2)).join(' ')} on ${results.machine.cores} cores`);
}

if (results.throughput) {
  const tp = results.throughput;
  const oc = tp.opensslControl;
  line(['1 worker', f(tp.one.blobsPerSec, 2), f(tp.one.buildMsInWorker?.median), '', '', '']);
  line([`${tp.perCore.workers} workers (hardwareConcurrency ${tp.cores})`, f(tp.perCore.blobsPerSec, 2), f(tp.perCore.buildMsInWorker?.median),
    f(tp.efficiency, 2), `≥ ${TARGETS.throughputEfficiency}`, met(results.verdicts.throughput)]);
  line(['control: OpenSSL, 1 process', f(oc.one, 2), '', '', '', '']);
  line([`control: OpenSSL, ${tp.perCore.workers} processes`, f(oc.perCore, 2), '', f(oc.efficiency, 2), '', '(what the machine allows now)']);
  print(`Throughput in Chromium: ${tp.blobs} blobs per round, median of ${ROUNDS} round(s)`,
    ['', 'blobs/s', 'ms/blob in worker', 'rate ÷ (cores × 1-worker rate)', 'target', ''], rows);
}

if (results.sizes) {
  const s = results.sizes;
  line(['pkg/webex_device_identity_bg.wasm', kb(s.pkgWasm.raw), kb(s.pkgWasm.gzip9), '', '']);
  line(['dist/webex-device-identity.html', kb(s.page.raw), kb(s.page.gzip9), `≤ ${kb(TARGETS.pageGzipBytes)} gz`, met(results.verdicts.pageSize)]);
  line(['  of which #wasm-b64 (the inlined wasm)', kb(s.pageParts.wasmBase64.raw), kb(s.pageParts.wasmBase64.gzip9), '', '']);
  line(['  of which #worker-src (glue + worker.js)', kb(s.pageParts.workerSource.raw), kb(s.pageParts.workerSource.gzip9), '', '']);
  print('Sizes (1 KB = 1000 bytes; gzip -9)', ['file', 'raw', 'gzip -9', 'target', ''], rows);
}

if (results.load) {
  const l = results.load;
  const lrow = (label, s, target = '', verdict = '') => line([label, f(s?.median), f(s?.min), f(s?.max), target, verdict]);
  lrow('page.goto start → html[data-ready=true]', l.gotoToReady);
  lrow("page.goto start → page's worker answers init (usable)", l.gotoToWorker, `≤ ${TARGETS.usableMs} ms`, met(results.verdicts.usable));
  lrow('navigation start → first contentful paint', l.navToFcp);
  lrow('navigation start → html[data-ready=true]', l.navToReady);
  lrow('navigation start → DOMContentLoaded', l.navToDomContentLoaded);
  lrow('navigation start → app.js posts init (wasm decoded)', l.navToInitPosted);
  lrow("navigation start → page's worker answers init", l.navToWorker);
  print(`Time to a usable page, file:// in Chromium, ms: ${l.trials.length} fresh contexts (after 1 untimed)`,
    ['', 'median', 'min', 'max', 'target', ''], rows);
}

for (const [name, error] of Object.entries(results.errors)) console.log(`\nERROR in ${name}:\n${error}`);
console.log(`\n${results.seconds.toFixed(0)} s of measuring; results in ${OUT}`);
process.exitCode = Object.keys(results.errors).length ? 1 : 0;
