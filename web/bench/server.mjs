// Tiny static server for the browser bench: serves the repository root on 127.0.0.1 so the page
// can reach /models/bench/... and /web/... . No caching (every page load measures a real fetch).
//
// Cross-origin isolation (SharedArrayBuffer → multithreaded wasm) only where asked for: a
// request whose URL or Referer carries `coi=1` gets COOP/COEP headers, so
// /web/bench/bench.html?engine=wllama-mt&coi=1 is isolated (and so are the workers it starts),
// while the same page without coi=1 is not.
//
//   node web/bench/server.mjs [--port 8123]      (also used by run.mjs via startServer())
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

function wantsIsolation(req) {
  const has = (u) => { try { return new URL(u, 'http://x').searchParams.get('coi') === '1'; } catch { return false; } };
  return has(req.url) || (req.headers.referer ? has(req.headers.referer) : false);
}

export function startServer({ port = 0, root = REPO_ROOT, log = false } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end(); return; }
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    let st;
    try { st = statSync(file); } catch { st = null; }
    if (!st || !st.isFile()) {
      if (log) console.error(`404 ${req.url}`);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
      'accept-ranges': 'bytes',
    };
    if (wantsIsolation(req)) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    let start = 0, end = st.size - 1, status = 200;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
    if (range && (range[1] || range[2])) {
      if (range[1]) { start = +range[1]; if (range[2]) end = Math.min(+range[2], end); }
      else { start = Math.max(0, st.size - +range[2]); }
      if (start > end) { res.writeHead(416, { 'content-range': `bytes */${st.size}` }).end(); return; }
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${st.size}`;
    }
    headers['content-length'] = end - start + 1;
    res.writeHead(status, headers);
    if (log) console.error(`${status} ${req.url} ${headers['content-length']}`);
    if (req.method === 'HEAD' || st.size === 0) { res.end(); return; }
    createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8123;
  const { origin } = await startServer({ port, log: process.argv.includes('--log') });
  console.log(`serving ${REPO_ROOT} at ${origin}/  (bench page: ${origin}/web/bench/bench.html)`);
}
