// A local HTTPS server for the demo pages in www/, addressed by the same URL paths as the real site.
//
// Chromium is started with `--host-resolver-rules=MAP * 127.0.0.1:<port>`, so EVERY host name the
// browser (or the extension) asks for lands here. The server logs every request and every connection
// that did not speak TLS, which is how the tests prove that the extension makes no request of its own.
//
// www/routes.json maps an address to a page. A key is a bare path (on www.upwork.com, the first site) or
// a full https:// URL (any host); the server answers by the request's Host header and path:
//   { "/freelancers/~01abc": "upwork/clean.html",
//     "/freelancers/~01def": { "file": "upwork/risky.html", "utc_offset_minutes": 540, "csp": "strict" },
//     "https://www.freelancer.com/u/jdoe": { "file": "freelancer/clean.html", "utc_offset_minutes": 60 } }
// The key is also how tests/e2e/expectations.json names the page.
// - utc_offset_minutes: the text "3:42 pm local time" in the page is replaced by the current wall-clock
//   time at that UTC offset, as the real site renders it on the server.
// - csp: "strict" sends a strict Content-Security-Policy header (also with ?csp=strict on any route).
// - delay_ms: the answer is held back this long (a slow page: the old document lives on meanwhile).
//
// Run on its own (for a person): node tests/e2e/server.mjs [--port 8443] [--www DIR]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
export const SITE_HOST = 'www.upwork.com';

/**
 * Where a routes.json key points: { host, path, url }. "/p" is https://www.upwork.com/p; a full
 * "https://host/p" URL names its host. Throws on anything else (other schemes, queries, fragments).
 */
export function parseRouteKey(key) {
  if (typeof key !== 'string') throw new Error(`route ${JSON.stringify(key)} is not a string`);
  if (key.startsWith('/')) {
    if (key.startsWith('//') || /[?#\s]/.test(key)) throw new Error(`route "${key}" must be a plain path ("/…") or an https:// URL`);
    return { host: SITE_HOST, path: key, url: `https://${SITE_HOST}${key}` };
  }
  let u;
  try {
    u = new URL(key);
  } catch {
    throw new Error(`route "${key}" must be a path ("/…") or an https:// URL`);
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port || u.search || u.hash || !/^https:\/\/[^/]+\//.test(key)) {
    throw new Error(`route "${key}" must be a path ("/…") or an https:// URL with a host and a path, and nothing else`);
  }
  return { host: u.hostname, path: u.pathname, url: u.href };
}

/** The table key of an address: host + path (no scheme, port, query or fragment). */
export function hostPath(host, urlPath) {
  return `${String(host).toLowerCase().replace(/:\d+$/, '')}${urlPath}`;
}

/**
 * Reads routes.json into [{ key, host, path, url, file, utcOffsetMinutes, csp }], in file order, then
 * the tables named in `moreTables` (paths under wwwDir, e.g. "hostile/routes.json": a corpus served
 * only when a test asks for it), whose files are relative to the table's own folder.
 */
export function loadRoutes(wwwDir, moreTables = []) {
  const seen = new Map();
  return ['routes.json', ...moreTables].flatMap((table) => readTable(wwwDir, table, seen));
}

function readTable(wwwDir, table, seen) {
  const file = path.join(wwwDir, table);
  if (!fs.existsSync(file)) throw new Error(`no ${file}: the demo site's routes (address -> page) are missing`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.entries(raw).map(([key, v]) => {
    const entry = typeof v === 'string' ? { file: v } : v;
    let where;
    try {
      where = parseRouteKey(key);
    } catch (e) {
      throw new Error(`${file}: ${e.message}`);
    }
    const at = hostPath(where.host, where.path);
    if (seen.has(at)) throw new Error(`${file}: routes "${seen.get(at)}" and "${key}" name the same address`);
    seen.set(at, key);
    if (!entry || typeof entry.file !== 'string') throw new Error(`${file}: route "${key}" has no "file"`);
    const abs = path.resolve(path.dirname(file), entry.file);
    if (!abs.startsWith(path.resolve(wwwDir) + path.sep)) throw new Error(`${file}: "${entry.file}" is outside ${wwwDir}`);
    if (!fs.existsSync(abs)) throw new Error(`${file}: route "${key}" names a missing file ${entry.file}`);
    return {
      key,
      ...where,
      file: abs,
      utcOffsetMinutes: Number.isFinite(entry.utc_offset_minutes) ? entry.utc_offset_minutes : null,
      csp: entry.csp ?? null,
      delayMs: Number.isFinite(entry.delay_ms) ? entry.delay_ms : 0,
      extra: entry,
    };
  });
}

/** "3:42 pm" for the wall-clock time at `offsetMinutes` from UTC, at `now`. */
export function clockAt(now, offsetMinutes, upper = false) {
  const t = new Date(now.getTime() + offsetMinutes * 60_000);
  const h24 = t.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const ampm = h24 < 12 ? 'am' : 'pm';
  return `${h12}:${String(t.getUTCMinutes()).padStart(2, '0')} ${upper ? ampm.toUpperCase() : ampm}`;
}

// "3:42 pm local time", also with markup in between as on the real site: "<span>3:42 pm</span> local time".
const LOCAL_TIME = /\b\d{1,2}:\d{2}(\s*)(am|pm)((?:\s|<\/?[a-z][^<>]*>)*local\s+time)/gi;

/** The page as the real site would send it right now. */
export function renderPage(html, route, now = new Date()) {
  if (route.utcOffsetMinutes === null) return html;
  return html.replace(LOCAL_TIME, (_m, sp, ampm, rest) => {
    const [clock, mer] = clockAt(now, route.utcOffsetMinutes, ampm === ampm.toUpperCase()).split(' ');
    return `${clock}${sp}${mer}${rest}`;
  });
}

/** What the server sends for `route` at `now`: the file, its clock made live, and a test's transform. */
export function routeHtml(route, now = new Date()) {
  const html = renderPage(fs.readFileSync(route.file, 'utf8'), route, now);
  return route.transform ? route.transform(html) : html;
}

function makeCert(hosts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', key, '-out', cert, '-subj', `/CN=${SITE_HOST}`,
    '-addext', `subjectAltName=${[...new Set([SITE_HOST, ...hosts, 'localhost'])].map((h) => `DNS:${h}`).join(',')},IP:127.0.0.1`,
  ], { stdio: 'ignore' });
  const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

/**
 * Starts the server on 127.0.0.1. Returns { port, routes, log, other, origin, urlFor, close }.
 * `log` gets one { scheme, method, host, path, url, status, at, body } per HTTP(S) request; `other`
 * one entry per connection that spoke neither (or broke off a TLS handshake with an error).
 */
export async function startServer({ wwwDir = path.join(ROOT, 'www'), port = 0, quiet = true, extraRoutes = [], moreTables = [] } = {}) {
  // extraRoutes: test-made variants of routes, { key, from: <route key>, transform(html) -> html, delayMs }.
  // moreTables: further routes.json files under wwwDir (loadRoutes).
  const base = loadRoutes(wwwDir, moreTables);
  const routes = [...base, ...extraRoutes.map((x) => {
    const key = x.key ?? x.path;
    const from = base.find((r) => r.key === x.from);
    if (!from) throw new Error(`extra route ${key}: no route ${x.from}`);
    return { ...from, key, ...parseRouteKey(key), transform: x.transform, csp: x.csp ?? from.csp, delayMs: x.delayMs ?? from.delayMs, derivedFrom: from.key };
  })];
  const byAddress = new Map();
  for (const r of routes) {
    const at = hostPath(r.host, r.path);
    if (byAddress.has(at)) throw new Error(`routes "${byAddress.get(at).key}" and "${r.key}" name the same address`);
    byAddress.set(at, r);
  }
  const log = [];
  const other = [];

  function handle(scheme) {
    return (req, res) => {
      const url = new URL(req.url, `${scheme}://${req.headers.host ?? 'no-host'}`);
      const route = scheme === 'https' ? byAddress.get(hostPath(req.headers.host ?? '', url.pathname)) : undefined;
      const entry = { scheme, method: req.method, host: (req.headers.host ?? '').toLowerCase(), path: url.pathname, url: req.url, at: Date.now(), headers: req.headers, body: '' };
      log.push(entry);
      req.on('data', (c) => { if (entry.body.length < 65536) entry.body += c; });
      const headers = { 'Cache-Control': 'no-store' };
      if (!route || req.method !== 'GET') {
        entry.status = 404;
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('not found\n');
      } else {
        entry.status = 200;
        headers['Content-Type'] = 'text/html; charset=utf-8';
        if (route.csp === 'strict' || url.searchParams.get('csp') === 'strict') headers['Content-Security-Policy'] = STRICT_CSP;
        const answer = () => {
          res.writeHead(200, headers);
          res.end(routeHtml(route));
        };
        if (route.delayMs > 0) setTimeout(answer, route.delayMs);
        else answer();
      }
      if (!quiet) console.log(`server: ${entry.method} ${scheme}://${entry.host}${entry.url} -> ${entry.status}`);
    };
  }
  // One port for both: TLS handshakes go to the HTTPS server, anything else to a plain HTTP server
  // that only logs and answers 404 (a plain http:// request must be seen too), and what is not HTTP
  // at all is recorded in `other`.
  const tls = https.createServer(makeCert(routes.map((r) => r.host)), handle('https'));
  const plain = http.createServer(handle('http'));
  for (const s of [tls, plain]) {
    s.on('clientError', (err, socket) => {
      // Chromium resets idle keep-alive and preconnected sockets; with no request on them that is no
      // request. (Every request that arrives is parsed and logged before any reset; Playwright's own
      // request log is checked as well.)
      if (err.code !== 'ECONNRESET') other.push({ code: err.code, message: err.message });
      socket.destroy();
    });
  }
  tls.on('tlsClientError', (err) => {
    // A connection given up before its handshake finished (e.g. a speculative preconnect) is fine.
    if (err.code === 'ECONNRESET' || /socket hang up|before secure TLS connection/i.test(err.message)) return;
    other.push({ code: err.code, message: err.message });
  });
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (chunk) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;

  return {
    port: actualPort,
    routes,
    log,
    other,
    origin: `https://${SITE_HOST}`,
    // A route key, a bare path (on www.upwork.com) or a full URL -> the address to open.
    urlFor: (keyOrPath) => new URL(keyOrPath, `https://${SITE_HOST}`).href,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

// Stand-alone: serve until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  // --routes hostile/routes.json also serves the hostile-page corpus.
  const srv = await startServer({ wwwDir: path.resolve(arg('--www', path.join(ROOT, 'www'))), port: Number(arg('--port', 8443)), quiet: false, moreTables: process.argv.includes('--routes') ? [arg('--routes')] : [] });
  console.log(`HireCheck demo server on 127.0.0.1:${srv.port}. Start Chromium with`);
  console.log(`  --host-resolver-rules="MAP * 127.0.0.1:${srv.port}" --ignore-certificate-errors`);
  for (const r of srv.routes) console.log(`  ${r.url}  (${path.relative(ROOT, r.file)})`);
}
