// Generated from package.json by scripts/write-version.mjs (npm run build:ts); do not edit.
/** The package's version; the wasm module's `version()` must be the same. */
export const PACKAGE_VERSION = '0.1.0';
