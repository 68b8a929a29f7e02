// The key workflow's side of scripts/bench, in Node on the committed pkg/:
// a fleet's key and request each (planKeyFleet, then generate per device:
// the passphrase derived once for all), and one device's generateKeyAndCsr
// whole, with each key encryption (the derivation is most of it).
// Prints one JSON object of timed runs in ms.
//
// usage: node bench/keys.mjs DEVICES SINGLES
import { performance } from 'node:perf_hooks';
import api from '../tests/js/load.mjs';

const [devices, singles] = process.argv.slice(2).map(Number);
const request = { commonName: '{device}.example.com', subjectAltNames: ['DNS:{device}.example.com'], passphrase: 'bench pass' };
const time = (fn) => {
  const start = performance.now();
  fn();
  return Math.round((performance.now() - start) * 1000) / 1000;
};

const names = Array.from({ length: devices }, (_, i) => `room-${i}`).join('\n');
let plan;
const planMs = time(() => { plan = api.planKeyFleet({ ...request, devices: names }); });
const perKeyMs = [];
for (let i = 0; i < devices; i++) perKeyMs.push(time(() => plan.generate(i)));
const packMs = time(() => plan.pack());
plan.free();
const single = { commonName: 'room-1.example.com', subjectAltNames: ['DNS:room-1.example.com'], passphrase: 'bench pass' };
const scryptMs = [];
const pbkdf2Ms = [];
for (let i = 0; i < singles; i++) {
  scryptMs.push(time(() => api.generateKeyAndCsr({ ...single, keyEncryption: 'scrypt' })));
  pbkdf2Ms.push(time(() => api.generateKeyAndCsr({ ...single, keyEncryption: 'pbkdf2' })));
}
console.log(JSON.stringify({ planMs, perKeyMs, packMs, scryptMs, pbkdf2Ms }));
