// pkg/ is an npm package: importing it from Node (by path and by package
// name) prints no warning, and its package.json describes exactly its files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pkgDir = new URL('../../pkg/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

function importQuietly(specifier, cwd) {
  const script = `const m = await import(${JSON.stringify(specifier)});
    const { readFileSync } = await import('node:fs');
    m.initSync({ module: readFileSync(new URL('webex_device_identity_bg.wasm', import.meta.resolve(${JSON.stringify(specifier)}))) });
    console.log(m.normalizeFingerprint('AA'.repeat(20)));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
}

test('importing pkg/ by path prints no warning', () => {
  const run = importQuietly(join(pkgDir, 'webex_device_identity.js'), pkgDir);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'aa'.repeat(20));
  assert.equal(run.stderr, '', 'no MODULE_TYPELESS_PACKAGE_JSON or other warning');
});

test('importing it by package name, as an installed dependency, prints no warning', () => {
  const project = mkdtempSync(join(tmpdir(), 'wdi-consumer-'));
  try {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(pkgDir, join(project, 'node_modules', manifest.name), 'dir');
    const run = importQuietly(manifest.name, project);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test('package.json is an ES module package whose entries and files exist', () => {
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'].default, `./${manifest.files[0]}`);
  for (const file of manifest.files) assert.ok(existsSync(join(pkgDir, file)), file);
  assert.ok(existsSync(join(pkgDir, manifest.types)));
  // Every built file is published, and nothing else is in pkg/.
  assert.deepEqual(readdirSync(pkgDir).filter((f) => f !== 'package.json').sort(), [...manifest.files].sort());
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(manifest.version, cargo.match(/^version = "(.+)"$/m)[1], 'the same version as Cargo.toml');
});
