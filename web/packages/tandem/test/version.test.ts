// One version everywhere: package.json is the npm side's source (scripts/write-version.mjs
// writes src/version.ts from it), and it equals Cargo's workspace version (the wasm module's
// `version()`, which the package compares at start).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_VERSION } from '../src/version.js';

const pkgDir = join(__dirname, '..');
const root = join(pkgDir, '../../..');
const packageVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version as string;

/** `version` of Cargo.toml's `[workspace.package]` table. */
function cargoWorkspaceVersion(): string {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const table = toml.split(/^\[/m).find((t) => t.startsWith('workspace.package]'));
  const m = table?.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('no [workspace.package] version in Cargo.toml');
  return m[1]!;
}

describe('version', () => {
  it('src/version.ts is package.json\'s (run `node scripts/write-version.mjs` after a bump)', () => {
    expect(PACKAGE_VERSION).toBe(packageVersion);
  });
  it('package.json\'s equals the Cargo workspace version', () => {
    expect(packageVersion).toBe(cargoWorkspaceVersion());
  });
});
