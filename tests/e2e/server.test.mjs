// The demo server's own logic: the live "local time" rewrite, reading routes.json, and serving each
// page by the Host it was asked for.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { ROOT, STRICT_CSP, clockAt, loadRoutes, parseRouteKey, renderPage, startServer } from './server.mjs';

/** GET https://127.0.0.1:<port><urlPath> with the Host header `host`: { status, csp, body }. */
function get(port, host, urlPath) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: urlPath, method: 'GET', headers: { Host: host }, servername: host, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, csp: res.headers['content-security-policy'] ?? null, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A throw-away www directory with `files` ({ relative path: text }) and `routes`. */
function tempWww(files, routes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-routes-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  fs.writeFileSync(path.join(dir, 'routes.json'), JSON.stringify(routes));
  return dir;
}

const AT = new Date('2026-11-26T14:42:00Z');

describe('demo server', () => {
  it('formats the wall-clock time at a UTC offset as Upwork does', () => {
    assert.equal(clockAt(AT, 60), '3:42 pm');
    assert.equal(clockAt(AT, 540), '11:42 pm');
    assert.equal(clockAt(AT, 330), '8:12 pm');
    assert.equal(clockAt(AT, -300), '9:42 am');
    assert.equal(clockAt(new Date('2026-11-26T00:05:00Z'), 0), '12:05 am');
    assert.equal(clockAt(new Date('2026-11-26T12:05:00Z'), 0), '12:05 pm');
    assert.equal(clockAt(AT, 60, true), '3:42 PM');
  });

  it('replaces "<time> local time" with the time now at the route\'s offset, markup and case kept', () => {
    const route = { utcOffsetMinutes: 540 };
    assert.equal(renderPage('<span>3:42 pm</span> local time', route, AT), '<span>11:42 pm</span> local time');
    assert.equal(renderPage('at 3:42 PM local time.', route, AT), 'at 11:42 PM local time.');
    assert.equal(renderPage('<p>10:00 am</p>\n<span class="x">local time</span>', { utcOffsetMinutes: 0 }, AT), '<p>2:42 pm</p>\n<span class="x">local time</span>');
    // Times that are not the local-time line stay as they are.
    assert.equal(renderPage('2:42 PM</div><p>Joined', route, AT), '2:42 PM</div><p>Joined');
    assert.equal(renderPage('3:42 pm local time', { utcOffsetMinutes: null }, AT), '3:42 pm local time');
  });

  it('reads both forms of routes.json entries and rejects bad ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-routes-'));
    try {
      fs.mkdirSync(path.join(dir, 'upwork'));
      fs.writeFileSync(path.join(dir, 'upwork', 'a.html'), '<p>a</p>');
      const write = (o) => fs.writeFileSync(path.join(dir, 'routes.json'), JSON.stringify(o));
      write({ '/a': 'upwork/a.html', '/b': { file: 'upwork/a.html', utc_offset_minutes: -180, csp: 'strict' } });
      const [a, b] = loadRoutes(dir);
      assert.deepEqual([a.path, a.utcOffsetMinutes, a.csp], ['/a', null, null]);
      assert.deepEqual([b.path, b.utcOffsetMinutes, b.csp], ['/b', -180, 'strict']);
      assert.equal(b.file, path.join(dir, 'upwork', 'a.html'));
      write({ '/c': 'upwork/missing.html' });
      assert.throws(() => loadRoutes(dir), /missing file/);
      write({ '/d': '../outside.html' });
      assert.throws(() => loadRoutes(dir), /outside/);
      write({ e: 'upwork/a.html' });
      assert.throws(() => loadRoutes(dir), /must be a path \("\/…"\) or an https:\/\/ URL/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads full-URL keys (host + path) beside bare paths (www.upwork.com)', () => {
    assert.deepEqual(parseRouteKey('/freelancers/~01a'), { host: 'www.upwork.com', path: '/freelancers/~01a', url: 'https://www.upwork.com/freelancers/~01a' });
    assert.deepEqual(parseRouteKey('https://www.freelancer.com/u/jdoe'), { host: 'www.freelancer.com', path: '/u/jdoe', url: 'https://www.freelancer.com/u/jdoe' });
    assert.deepEqual(parseRouteKey('https://WWW.Fiverr.com/jdoe'), { host: 'www.fiverr.com', path: '/jdoe', url: 'https://www.fiverr.com/jdoe' });
    for (const bad of ['e', 'http://www.freelancer.com/u/x', 'https://www.freelancer.com', 'https://www.freelancer.com/u/x?y=1',
      'https://www.freelancer.com/u/x#y', 'https://www.freelancer.com:8443/u/x', 'https://me@www.freelancer.com/u/x', '//www.freelancer.com/u/x', '/a?b']) {
      assert.throws(() => parseRouteKey(bad), /must be a (plain )?path/, bad);
    }
    const dir = tempWww({ 'a.html': '<p>a</p>' }, {
      '/a': 'a.html',
      'https://www.freelancer.com/u/jdoe': { file: 'a.html', utc_offset_minutes: 60 },
    });
    try {
      const [a, f] = loadRoutes(dir);
      assert.deepEqual([a.key, a.host, a.path, a.url], ['/a', 'www.upwork.com', '/a', 'https://www.upwork.com/a']);
      assert.deepEqual([f.key, f.host, f.path, f.url, f.utcOffsetMinutes], ['https://www.freelancer.com/u/jdoe', 'www.freelancer.com', '/u/jdoe', 'https://www.freelancer.com/u/jdoe', 60]);
      fs.writeFileSync(path.join(dir, 'routes.json'), JSON.stringify({ '/a': 'a.html', 'https://www.upwork.com/a': 'a.html' }));
      assert.throws(() => loadRoutes(dir), /name the same address/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves each page by Host and path, with the live clock and the strict CSP', async () => {
    const page = (who) => `<p>${who}</p><span>3:42 pm</span> local time`;
    const dir = tempWww({ 'upwork/a.html': page('upwork a'), 'freelancer/u.html': page('freelancer u'), 'fiverr/f.html': page('fiverr f') }, {
      '/a': { file: 'upwork/a.html', utc_offset_minutes: 0 },
      'https://www.freelancer.com/u/jdoe': { file: 'freelancer/u.html', utc_offset_minutes: 330, csp: 'strict' },
      'https://www.fiverr.com/jdoe': 'fiverr/f.html',
    });
    const srv = await startServer({ wwwDir: dir });
    try {
      const now = new Date();
      const at = (offset) => clockAt(now, offset);
      let r = await get(srv.port, 'www.upwork.com', '/a');
      assert.equal(r.status, 200);
      assert.match(r.body, /upwork a/);
      // The clock at the route's offset (a minute may turn between the two readings).
      assert.ok([at(0), clockAt(new Date(now.getTime() + 60_000), 0)].some((c) => r.body.includes(`<span>${c}</span>`)), r.body);
      assert.equal(r.csp, null);
      r = await get(srv.port, 'www.freelancer.com', '/u/jdoe');
      assert.equal(r.status, 200);
      assert.match(r.body, /freelancer u/);
      assert.ok([at(330), clockAt(new Date(now.getTime() + 60_000), 330)].some((c) => r.body.includes(`<span>${c}</span>`)), r.body);
      assert.equal(r.csp, STRICT_CSP);
      r = await get(srv.port, 'www.fiverr.com', '/jdoe?csp=strict');
      assert.equal(r.status, 200);
      assert.match(r.body, /fiverr f/);
      assert.match(r.body, /3:42 pm/, 'a route without an offset keeps its fixed clock');
      assert.equal(r.csp, STRICT_CSP);
      r = await get(srv.port, 'www.upwork.com:443', '/a');
      assert.equal(r.status, 200, 'a port in the Host header names the same host');
      // A path on another host than its route's is not found.
      for (const [host, p] of [['www.freelancer.com', '/a'], ['www.upwork.com', '/u/jdoe'], ['freelancer.com', '/u/jdoe'], ['www.fiverr.com', '/a']]) {
        assert.equal((await get(srv.port, host, p)).status, 404, `${host}${p}`);
      }
      assert.deepEqual(srv.log.map((e) => `${e.host} ${e.path} ${e.status}`).slice(0, 3),
        ['www.upwork.com /a 200', 'www.freelancer.com /u/jdoe 200', 'www.fiverr.com /jdoe 200']);
      assert.equal(srv.urlFor('/a'), 'https://www.upwork.com/a');
      assert.equal(srv.urlFor('https://www.fiverr.com/jdoe'), 'https://www.fiverr.com/jdoe');
    } finally {
      await srv.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // www/README.md: the fixed local times on the demo pages are those of 2026-11-26T14:42:00Z.
  it("www/routes.json is valid and its offsets agree with the pages' fixed local times", () => {
    const routes = loadRoutes(path.resolve(process.env.HIRECHECK_WWW ?? path.join(ROOT, 'www')));
    assert.ok(routes.length > 0);
    for (const r of routes) {
      if (r.utcOffsetMinutes === null) continue;
      const html = fs.readFileSync(r.file, 'utf8');
      assert.notEqual(renderPage(html, r, new Date(AT.getTime() + 3600_000)), html, `${r.key}: no "<time> local time" text to keep live`);
      assert.equal(renderPage(html, r, AT), html, `${r.key}: utc_offset_minutes ${r.utcOffsetMinutes} disagrees with the page's time at ${AT.toISOString()}`);
    }
  });
});
