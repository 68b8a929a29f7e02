// Runs our committed pkg/'s buildFleet for tests/interop/test_fleet.py on a fleet
// written by tests/fleet/make_fleet.py: every file of FLEET_DIR/files and
// FLEET_DIR/ca, the manifest (FLEET_DIR/manifest.csv unless --manifest), the
// fleet's passphrase from its expected.json. Writes OUT_DIR/fleet.zip and
// OUT_DIR/devices.json ({ devices, findings }, what buildFleet returned but the zip).
//
// usage: node tests/interop/fleet.mjs FLEET_DIR OUT_DIR [--manifest FILE] [--initial-populate]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import api from '../js/load.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, name.startsWith('--initial') ? 1 : 2)[1] ?? true;
};
const initialPopulate = flag('--initial-populate') === true;
const manifestPath = flag('--manifest');
const [dir, out] = args;
if (!dir || !out) {
  console.error('usage: node tests/interop/fleet.mjs FLEET_DIR OUT_DIR [--manifest FILE] [--initial-populate]');
  process.exit(2);
}

const files = [];
for (const sub of ['files', 'ca']) {
  for (const name of readdirSync(join(dir, sub)).sort()) {
    files.push({ name, bytes: new Uint8Array(readFileSync(join(dir, sub, name))) });
  }
}
const { passphrase } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const manifest = readFileSync(manifestPath ?? join(dir, 'manifest.csv'), 'utf8');

try {
  const { devices, findings, zip } = api.buildFleet({ manifest, files, passphrase, initialPopulate });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'fleet.zip'), zip);
  writeFileSync(join(out, 'devices.json'), JSON.stringify({ devices, findings }));
} catch (e) {
  console.error(`buildFleet threw ${e.code ?? e}: ${e.message}`);
  process.exit(1);
}
