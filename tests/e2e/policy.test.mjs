// Managed policy in real Chromium: Debian's Chromium reads /etc/chromium/policies/managed/*.json, where
// {"3rdparty": {"extensions": {"<id>": {...}}}} becomes that extension's chrome.storage.managed. The
// test copies the built extension to its own folder (so its id differs from the one other tests use at
// the same time), writes a policy for that id only, and proves: a disabled rule disappears and a weight
// changes the score (against the default run), the report contact shows in the badge, a locked setting
// is disabled in the options page, an invalid value is listed there while its default is kept, and a
// policy changed while the browser runs is applied without reloading the extension or the page.
// Then the policy's `lang` on the options page and in the popup: "de" in an English browser and "en"
// in a German one (LANGUAGE=de; needs Debian's chromium-l10n, which scripts/ensure-tools.sh installs; skipped without it) are obeyed, "auto"
// follows the browser, and an open options page switches when the policy does.
// Needs root (to write the policy file); skips with a message otherwise. The file is removed at the end.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST, readBadge, readMessages, readTexts, startBrowser, waitForBadge } from './harness.mjs';

const POLICY_DIR = process.env.HIRECHECK_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, `hirecheck-e2e-${process.pid}.json`);
const RISKY = '/freelancers/~01a1b2c3d4e5f6risky';
const RISKY_KEY = 'upwork:~01a1b2c3d4e5f6risky';
// The same page served with a CSP that blocks the wasm in content scripts (www/routes.json).
const RISKY_STRICT_CSP = '/freelancers/~01a1b2c3d4e5f6riskycsp';
const DISABLED = 'known-bad-domain';
const ALSO_DISABLED = 'feedback-name-mismatch'; // with it, the default score (100) is no longer capped
const WEIGHTED = 'local-time-mismatch';
const CONTACT = 'security@example.com';
const LIVE_CONTACT = 'Security desk: call 1234';

// The id Chromium gives an unpacked extension: sha256 of its absolute path, the first 32 hex digits
// mapped 0-9a-f -> a-p.
function unpackedId(dir) {
  const hex = crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function writePolicy(id, settings, file = POLICY_FILE) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ '3rdparty': { extensions: { [id]: settings } } }, null, 2));
  fs.renameSync(tmp, file); // one complete file for the watcher
}

function whyNotRoot() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root: cannot write a managed policy';
  try {
    fs.mkdirSync(POLICY_DIR, { recursive: true });
    fs.accessSync(POLICY_DIR, fs.constants.W_OK);
  } catch (e) {
    return `cannot write ${POLICY_DIR}: ${e.message}`;
  }
  return null;
}

const SKIP = whyNotRoot();
if (SKIP) console.log(`# policy.test.mjs skipped: ${SKIP}`);

const POLICY = {
  disabled_rules: [DISABLED, ALSO_DISABLED],
  weights: { [WEIGHTED]: 5 },
  report_contact: CONTACT,
  allowed_freelancers: [RISKY_KEY],
  locked_settings: ['high_from', 'report_contact'],
  high_from: 70,
  // Passes Chrome's schema but not HireCheck's own checks: "elevated" must come before "high".
  elevated_from: 90,
  // An invalid list entry next to a valid one: the valid one applies, the other is named.
  blocked_domains: ['front-company.example', 'https://bad.example/path'],
};

async function badgeWhere(cdp, pred, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < until) {
    last = await readBadge(cdp).catch(() => null);
    if (last && last.level && pred(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

describe('managed policy in Chromium', { skip: SKIP ?? false }, () => {
  let env;
  let copy;
  let id;
  let page;
  let cdp;

  before(async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-policy-dist-'));
    fs.cpSync(DIST, copy, { recursive: true });
    id = unpackedId(copy);
    writePolicy(id, POLICY);
    env = await startBrowser({ dist: copy });
    assert.equal(env.extensionId, id, 'the unpacked extension id is not the one the policy names');
    page = await env.context.newPage();
    cdp = await env.context.newCDPSession(page);
  });

  after(async () => {
    fs.rmSync(POLICY_FILE, { force: true });
    fs.rmSync(`${POLICY_FILE}.tmp`, { force: true });
    if (env) await env.close();
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  it('chrome.storage.managed holds the policy', async () => {
    const got = await env.sw.evaluate(() => chrome.storage.managed.get(null));
    assert.deepEqual(got.disabled_rules, [DISABLED, ALSO_DISABLED]);
    assert.equal(got.report_contact, CONTACT);
  });

  let withPolicy;
  it('the badge applies the policy: rule off, weight, report contact, vetted note', async () => {
    await env.navigate(page, RISKY);
    withPolicy = await waitForBadge(cdp);
    assert.ok(withPolicy, 'no badge');
    assert.ok(!withPolicy.rules.includes(DISABLED), `${DISABLED} still reported: ${withPolicy.rules}`);
    assert.ok(withPolicy.rules.includes(WEIGHTED), `${WEIGHTED} not reported: ${withPolicy.rules}`);
    assert.match(withPolicy.text, /\+5 points/, 'the weight 5 is not shown on its finding');
    const contact = withPolicy.elements.find((e) => e.attrs['data-hc'] === 'report-contact');
    assert.ok(contact, 'no report contact in the badge');
    assert.ok(withPolicy.text.includes(`Report to security: ${CONTACT}`), withPolicy.text);
    const link = withPolicy.elements.find((e) => e.name === 'a' && e.attrs.href === `mailto:${CONTACT}`);
    assert.ok(link, 'the contact is not a mailto: link');
    assert.ok(withPolicy.text.includes(`Your organisation has vetted this freelancer: ${RISKY_KEY}`), 'no vetted note');
  });

  it('safe mode (a page whose CSP blocks the wasm) applies the same policy', async () => {
    await env.navigate(page, RISKY_STRICT_CSP);
    const isSafe = (b) => b.elements.some((e) => e.attrs['data-hc'] === 'badge' && e.attrs['data-mode'] === 'safe');
    const safe = await badgeWhere(cdp, isSafe, 20_000);
    assert.ok(safe && isSafe(safe), 'no safe-mode badge on the strict-CSP page');
    assert.ok(!safe.rules.includes(DISABLED), `${DISABLED} still reported in safe mode: ${safe.rules}`);
    assert.equal(safe.score, withPolicy.score, 'safe mode scored the same page differently');
    const link = safe.elements.find((e) => e.name === 'a' && e.attrs.href === `mailto:${CONTACT}`);
    assert.ok(link && safe.text.includes(`Report to security: ${CONTACT}`), 'no report contact in the safe-mode badge');
  });

  it("the popup's Settings button opens the options page", async () => {
    const popup = await env.context.newPage();
    try {
      await popup.goto(`chrome-extension://${id}/popup.html`);
      const opened = env.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html'), timeout: 10_000 });
      await popup.click('#open-options');
      const opt = await opened;
      await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      await opt.close();
    } finally {
      await popup.close();
    }
  });

  it('the options page: locked settings disabled, invalid values listed, defaults kept', async () => {
    const opt = await env.context.newPage();
    try {
      await opt.goto(`chrome-extension://${id}/options.html`);
      await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      const state = await opt.evaluate(() => {
        const input = (k) => document.getElementById(`s-${k}`);
        const note = (k) => document.querySelector(`[data-locked-note="${k}"]`);
        return {
          highDisabled: input('high_from').disabled,
          highValue: input('high_from').value,
          highNote: !note('high_from').hidden && note('high_from').textContent,
          contactDisabled: input('report_contact').disabled,
          elevatedDisabled: input('elevated_from').disabled,
          elevatedValue: input('elevated_from').value,
          domains: input('blocked_domains').value,
          errorsShown: !document.getElementById('managed-errors').hidden,
          errors: [...document.querySelectorAll('#managed-errors-list li')].map((li) => ({ key: li.dataset.key, text: li.textContent })),
        };
      });
      assert.equal(state.highDisabled, true, 'high_from is locked but editable');
      assert.equal(state.contactDisabled, true, 'report_contact is locked but editable');
      assert.equal(state.highNote, 'Set by your organisation');
      assert.equal(state.elevatedDisabled, false, 'elevated_from is not locked');
      assert.equal(state.errorsShown, true, 'the policy errors are not shown');
      const band = state.errors.find((e) => e.key === 'high_from');
      assert.ok(band && /elevated_from 90 is above high_from 70/.test(band.text) && /keep their defaults \(25 and 60\)/.test(band.text),
        JSON.stringify(state.errors));
      const entry = state.errors.find((e) => e.key === 'blocked_domains[1]');
      assert.ok(entry && entry.text.includes('https://bad.example/path') && /is not a host name/.test(entry.text), JSON.stringify(state.errors));
      assert.equal(state.elevatedValue, '25', 'the default of the invalid elevated_from is not kept');
      assert.equal(state.highValue, '60', 'the band keeps its defaults together');
      assert.equal(state.domains, 'front-company.example', 'the valid entry of the list is not kept');
    } finally {
      await opt.close();
    }
  });

  it('the options page saves a valid user setting, refuses an invalid one, resets, and clears the memory', async () => {
    const opt = await env.context.newPage();
    const userSettings = () => env.sw.evaluate(() => chrome.storage.local.get('settings:user').then((g) => g['settings:user'] ?? null));
    try {
      await opt.goto(`chrome-extension://${id}/options.html`);
      await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      // Locked: the page cannot change it (disabled), and the policy's value is shown.
      assert.equal(await opt.inputValue('#s-report_contact'), CONTACT);
      // Invalid: named beside the field, not saved.
      await opt.fill('#s-min_coverage', '5');
      await opt.dispatchEvent('#s-min_coverage', 'change');
      await opt.waitForFunction(() => document.querySelector('[data-error-for="min_coverage"]').textContent !== '');
      assert.equal(await opt.textContent('[data-error-for="min_coverage"]'),
        'min_coverage: 5 is above the maximum of 1; the default 0.6 is used');
      assert.equal(await userSettings(), null, 'an invalid value was saved');
      // Valid: saved as the user's own setting.
      await opt.fill('#s-min_coverage', '0.8');
      await opt.dispatchEvent('#s-min_coverage', 'change');
      await opt.waitForFunction(() => document.getElementById('status').textContent === 'Saved and applied.');
      assert.deepEqual(await userSettings(), { min_coverage: 0.8 });
      assert.equal(await opt.textContent('[data-error-for="min_coverage"]'), '');
      // Reset: the user's settings are gone, the default shows again.
      await opt.click('#reset');
      await opt.waitForFunction(() => document.getElementById('s-min_coverage').value === '0.6');
      assert.equal(await userSettings(), null);
      // The memory: its size, and the button that empties it (the risky profile was remembered).
      const bytes = Number(await opt.getAttribute('#memory-size', 'data-bytes'));
      assert.ok(bytes > 0, 'the memory of the profile seen is not counted');
      await opt.click('#memory-clear');
      await opt.waitForFunction(() => document.getElementById('memory-size').dataset.bytes === '0');
      const left = await env.sw.evaluate(() => chrome.storage.local.get('memory:v1'));
      assert.equal(left['memory:v1'], undefined);
    } finally {
      await opt.close();
    }
  });

  it('a policy changed while the browser runs applies live, and the default run differs', async () => {
    writePolicy(id, { report_contact: LIVE_CONTACT });
    // Chromium watches the policy folder and reloads after a few seconds; chrome://policy can ask now.
    let live = await badgeWhere(cdp, (b) => b.text.includes(LIVE_CONTACT), 12_000);
    if (!live || !live.text.includes(LIVE_CONTACT)) {
      const pol = await env.context.newPage();
      try {
        await pol.goto('chrome://policy');
        await pol.click('#reload-policies').catch(() => {});
      } finally {
        await pol.close();
      }
      live = await badgeWhere(cdp, (b) => b.text.includes(LIVE_CONTACT), 15_000);
    }
    assert.ok(live && live.text.includes(`Report to security: ${LIVE_CONTACT}`), 'the new contact did not reach the badge');
    assert.ok(!live.elements.some((e) => e.name === 'a'), 'a line of plain text became a link');
    // Now with default weights and every rule on: the rule is back, and the score is the default one.
    assert.ok(live.rules.includes(DISABLED), `${DISABLED} did not come back with the defaults: ${live.rules}`);
    assert.ok(!live.text.includes('vetted this freelancer'), 'the vetted note outlived the policy');
    assert.ok(Number(withPolicy.score) < Number(live.score),
      `disabling rules and lowering a weight did not lower the score: ${withPolicy.score} with the policy, ${live.score} by default`);
    // The same page loaded afresh (cache path) agrees with the live update.
    await env.navigate(page, RISKY);
    const fresh = await waitForBadge(cdp);
    assert.equal(fresh.score, live.score);
    assert.deepEqual(fresh.rules, live.rules);
  });
});

describe('settings.js (static)', () => {
  it('only reads storage: it runs in the content script, which a page could drive', () => {
    const text = fs.readFileSync(path.join(DIST, 'settings.js'), 'utf8');
    assert.doesNotMatch(text, /\bstorage\s*\.\s*(local|sync|session|managed)\s*\.\s*(set|remove|clear)\b/);
    assert.match(text, /storage\s*\.\s*managed/);
  });
});

describe("the policy's lang on the options page and in the popup", { skip: SKIP ?? false }, () => {
  const FILE = path.join(POLICY_DIR, `hirecheck-e2e-${process.pid}-lang.json`);
  const MESSAGES = readMessages();
  const TEXTS = readTexts();
  const text = (lang, name) => MESSAGES[lang][name].message;
  const other = (lang) => (lang === 'de' ? 'en' : 'de');
  let copy;
  let id;

  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-lang-dist-'));
    fs.cpSync(DIST, copy, { recursive: true });
    id = unpackedId(copy);
  });

  after(() => {
    fs.rmSync(FILE, { force: true });
    fs.rmSync(`${FILE}.tmp`, { force: true });
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  // Chromium in the language `browser` (its UI language follows LANGUAGE on Linux).
  async function browserIn(browser) {
    const before = process.env.LANGUAGE;
    process.env.LANGUAGE = browser;
    try {
      return await startBrowser({ dist: copy });
    } finally {
      if (before === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = before;
    }
  }

  // Writes the policy and waits until the extension sees it (chrome://policy reloads it at once).
  async function applyPolicy(env, settings) {
    writePolicy(id, settings, FILE);
    const pol = await env.context.newPage();
    try {
      await pol.goto('chrome://policy');
      await pol.click('#reload-policies').catch(() => {});
    } finally {
      await pol.close();
    }
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const got = await env.sw.evaluate(() => chrome.storage.managed.get(null)).catch(() => null);
      if (got && got.lang === settings.lang) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.fail(`the policy ${JSON.stringify(settings)} did not reach chrome.storage.managed`);
  }

  async function optionsState(opt) {
    return opt.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      intro: document.getElementById('intro').textContent,
      reset: document.getElementById('reset').textContent,
      auto: document.querySelector('#s-lang option[value="auto"]').textContent,
      rules: [...document.querySelectorAll('tr[data-rule]')].map((tr) => [tr.dataset.rule, tr.querySelector('td span').textContent]),
    }));
  }

  function assertOptionsIn(state, lang, why) {
    assert.equal(state.lang, lang, `options page (${why}): html lang`);
    assert.equal(state.title, text(lang, 'optTitle'), `options page (${why}): title`);
    assert.equal(state.intro, text(lang, 'optIntro'), `options page (${why}): intro`);
    assert.equal(state.reset, text(lang, 'optReset'), `options page (${why}): reset button`);
    assert.equal(state.auto, text(lang, 'optLangAuto'), `options page (${why}): the lang choices`);
    assert.ok(state.rules.length >= 30, `options page (${why}): ${state.rules.length} rules listed`);
    for (const [rule, title] of state.rules) assert.equal(title, TEXTS[rule].title[lang], `options page (${why}): the title of ${rule}`);
  }

  // A renderer crash (Chromium's, not a failed check) is named as such instead of as a timeout.
  const crashed = new WeakSet();

  async function openOptions(env) {
    const opt = await env.context.newPage();
    opt.on('crash', () => crashed.add(opt));
    await opt.goto(`chrome-extension://${id}/options.html`);
    await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    return opt;
  }

  async function assertPopupIn(env, lang, why) {
    const popup = await env.context.newPage();
    try {
      await popup.goto(`chrome-extension://${id}/popup.html?tab=0`);
      await popup.waitForFunction(() => document.getElementById('privacy').textContent !== '', null, { timeout: 10_000 });
      const state = await popup.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        privacy: document.getElementById('privacy').textContent,
        options: document.getElementById('open-options').textContent,
        memory: document.getElementById('memory-count').textContent,
      }));
      assert.equal(state.lang, lang, `popup (${why}): html lang`);
      assert.equal(state.title, text(lang, 'popupTitle'), `popup (${why}): title`);
      assert.equal(state.privacy, text(lang, 'popupPrivacy'), `popup (${why}): privacy note`);
      assert.equal(state.options, text(lang, 'popupOpenOptions'), `popup (${why}): settings button`);
      // A message with a placeholder: "… $COUNT$", filled in the policy's language.
      await popup.waitForFunction(() => document.getElementById('memory-count').textContent !== '', null, { timeout: 10_000 });
      const count = await popup.textContent('#memory-count');
      assert.equal(count, text(lang, 'popupMemoryCount').replace('$COUNT$', '0'), `popup (${why}): memory count`);
    } finally {
      await popup.close();
    }
  }

  for (const browser of ['en', 'de']) {
    it(`a browser in ${browser === 'en' ? 'English' : 'German'}: lang "${other(browser)}" by policy is obeyed, "auto" follows the browser, live`, async (t) => {
      writePolicy(id, { lang: other(browser) }, FILE);
      const env = await browserIn(browser);
      try {
        assert.equal(env.extensionId, id, 'the unpacked extension id is not the one the policy names');
        const ui = await env.sw.evaluate(() => chrome.i18n.getUILanguage());
        if (ui.slice(0, 2).toLowerCase() !== browser) {
          t.skip(`Chromium runs in ${ui}, not ${browser} (LANGUAGE=${browser}; Debian's chromium-l10n has the other languages)`);
          return;
        }
        await applyPolicy(env, { lang: other(browser) });
        const opt = await openOptions(env);
        try {
          assertOptionsIn(await optionsState(opt), other(browser), `policy lang "${other(browser)}"`);
          await assertPopupIn(env, other(browser), `policy lang "${other(browser)}"`);
          // "auto": the browser's language; the open options page builds itself again in it, in place
          // (a reload would instantiate the wasm again and lose the page's state).
          await opt.evaluate(() => { window.hirecheckSamePage = true; });
          await applyPolicy(env, { lang: 'auto', locked_settings: ['lang'] });
          const until = Date.now() + 15_000;
          let state = null;
          while (Date.now() < until) {
            state = await opt.evaluate(() => document.body.dataset.ready === 'true' && document.documentElement.lang).catch(() => null);
            if (state === browser || crashed.has(opt)) break;
            await new Promise((r) => setTimeout(r, 250));
          }
          assert.ok(!crashed.has(opt), "Chromium's renderer of the options page crashed while the page changed its language");
          assertOptionsIn(await optionsState(opt), browser, 'the open page after the policy changed to "auto"');
          assert.equal(await opt.evaluate(() => window.hirecheckSamePage), true, 'the options page reloaded instead of building itself again');
        } finally {
          await opt.close();
        }
        // A user's own lang does not count where the policy locks "auto".
        await env.sw.evaluate((l) => chrome.storage.local.set({ 'settings:user': { lang: l } }), other(browser));
        const opt2 = await openOptions(env);
        try {
          assertOptionsIn(await optionsState(opt2), browser, 'policy lang "auto", locked');
        } finally {
          await opt2.close();
        }
        await assertPopupIn(env, browser, 'policy lang "auto", locked');
      } finally {
        await env.close();
      }
    });
  }
});
