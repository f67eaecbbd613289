#!/usr/bin/env node
// Writes src/version.ts from package.json's version: the npm side's one source of its version
// (test/version.test.ts checks the file is current and equals Cargo's workspace version).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
if (!/^[0-9A-Za-z.+-]+$/.test(version)) throw new Error(`package.json version ${JSON.stringify(version)}`);
const out = join(pkg, 'src/version.ts');
const text = `// Generated from package.json by scripts/write-version.mjs (npm run build:ts); do not edit.
/** The package's version; the wasm module's \`version()\` must be the same. */
export const PACKAGE_VERSION = '${version}';
`;
let old = '';
try {
  old = readFileSync(out, 'utf8');
} catch {
  // First run.
}
if (old !== text) writeFileSync(out, text);
