// Node's side of scripts/bench: the committed pkg/ loaded from bytes (as
// tests/js/load.mjs does), one populate blob (A256GCM) per run, timed with
// performance.now() around api.buildJwe. Prints one JSON object.
//
// usage: node bench/node.mjs WARMUPS RUNS
import { performance } from 'node:perf_hooks';
import api from '../tests/js/load.mjs';

const [warmups, runs] = process.argv.slice(2).map(Number);
const ms = [];
const warmupMs = []; // the first is the cold call right after initSync
for (let i = 0; i < warmups + runs; i++) {
  const start = performance.now();
  const jwe = api.buildJwe({ action: 'populate', secret: 'bench secret', payload: 'the next secret' });
  const elapsed = performance.now() - start;
  if (jwe.split('.').length !== 5) throw new Error(`not a compact JWE: ${jwe}`);
  (i >= warmups ? ms : warmupMs).push(Math.round(elapsed * 1000) / 1000);
}
console.log(JSON.stringify({ node: process.version, v8: process.versions.v8, warmupMs, ms }));
