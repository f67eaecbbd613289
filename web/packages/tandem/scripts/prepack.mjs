#!/usr/bin/env node
// npm's `prepack` (npm pack, npm publish): copies the repository's LICENSE (its one copy; the
// package's is git-ignored) into the package, and refuses to pack a package that was not built
// (`npm run build`: dist/ and wasm/) or whose dist/ is of another version than package.json.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
copyFileSync(join(pkg, '../../../LICENSE'), join(pkg, 'LICENSE'));

const need = ['dist/index.js', 'dist/index.d.ts', 'dist/worker.js', 'dist/worker.d.ts', 'dist/version.js',
  'wasm/tandem_wasm.js', 'wasm/tandem_wasm.d.ts', 'wasm/tandem_wasm_bg.wasm'];
const missing = need.filter((f) => !existsSync(join(pkg, f)));
if (missing.length) {
  console.error(`prepack: ${missing.join(', ')} missing: run \`npm run build\` in ${pkg} first`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
if (!readFileSync(join(pkg, 'dist/version.js'), 'utf8').includes(`'${version}'`)) {
  console.error(`prepack: dist/ was built for another version than ${version}: run \`npm run build:ts\``);
  process.exit(1);
}
