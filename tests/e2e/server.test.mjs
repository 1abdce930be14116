// The demo server's own logic: the live "local time" rewrite and reading routes.json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { ROOT, clockAt, loadRoutes, renderPage } from './server.mjs';

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
      assert.throws(() => loadRoutes(dir), /must start with \//);
    } finally {
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
      assert.notEqual(renderPage(html, r, new Date(AT.getTime() + 3600_000)), html, `${r.path}: no "<time> local time" text to keep live`);
      assert.equal(renderPage(html, r, AT), html, `${r.path}: utc_offset_minutes ${r.utcOffsetMinutes} disagrees with the page's time at ${AT.toISOString()}`);
    }
  });
});
