#!/usr/bin/env node
// A static file server for the repository (example pages, the package, models) on 127.0.0.1.
// `node web/scripts/serve.mjs [--port 8080] [--root DIR] [--isolated]` (--root: another folder,
// e.g. the demo's build, web/demo/dist); --isolated adds COOP/COEP headers
// (cross-origin isolation, which multi-threaded wasm engines need). Tests import startServer().
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// `blocked`: path prefixes whose requests get their connection reset, as if the network were
// down (tests switch it at run time; `hits` counts the requests that were refused).
export function startServer({ root = ROOT, port = 0, isolated = false, log = false } = {}) {
  const blocked = new Set();
  const hits = { blocked: 0, served: [] };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if ([...blocked].some((p) => url.pathname.startsWith(p))) {
      hits.blocked++;
      req.socket.destroy();
      return;
    }
    hits.served.push(url.pathname);
    let decoded;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path'); // e.g. a lone %
      return;
    }
    let path = normalize(join(root, decoded));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let st;
    try {
      st = statSync(path);
      if (st.isDirectory()) {
        path = join(path, 'index.html');
        st = statSync(path);
      }
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (log) console.log(404, url.pathname);
      return;
    }
    const headers = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': String(st.size),
      'cache-control': 'no-cache',
    };
    if (isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
    if (log) console.log(200, url.pathname);
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({
        server,
        url: `http://127.0.0.1:${p}`,
        blocked,
        hits,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--port');
  const port = i >= 0 ? Number(args[i + 1]) : 8080;
  const r = args.indexOf('--root');
  const root = r >= 0 ? resolve(args[r + 1]) : ROOT;
  const { url } = await startServer({ root, port, isolated: args.includes('--isolated'), log: args.includes('--log') });
  console.log(root === ROOT ? `serving ${ROOT} at ${url}/  (example: ${url}/web/examples/chat/)` : `serving ${root} at ${url}/`);
}
