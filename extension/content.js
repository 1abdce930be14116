// HireCheck content script (classic script, isolated world, run_at document_idle).
//
// Loads the Rust/wasm checker that ships with the extension, runs it on this page and draws the
// badge (the wasm draws it into a closed shadow root). Sends a short summary to the service worker
// so the toolbar icon shows the verdict where the page cannot forge it.
// Reads (never writes) the client's checklist answers for the profile on the page from
// chrome.storage.local, which the page cannot reach; the toolbar popup writes them, and a change
// re-runs the check at once.
// No network requests, no remote code, page text never becomes markup.
'use strict';

(() => {
  // The page's SPA may keep this world alive across navigations; never start twice.
  if (globalThis.__hirecheckStarted) return;
  globalThis.__hirecheckStarted = true;

  const DEBOUNCE_MS = 400;
  const SETTLE_MS = 15000; // how long an "unknown" verdict keeps being re-checked after a navigation
  const URL_POLL_MS = 1000;
  // English fallbacks, should chrome.i18n be unavailable (the _locales files hold the real texts).
  const NO_START = 'HireCheck could not start on this page. Nothing was checked.';
  const CHECK_FAILED = 'HireCheck could not check this page.';

  let mod = null; // the wasm module's exports, once loaded
  let failed = false; // the wasm could not start: the fallback badge is shown
  let lastHref = location.href;
  let settleUntil = Date.now() + SETTLE_MS;
  let lastLevel = null;
  let timer = 0;
  let observer = null;
  let poll = 0;
  let stopped = false;
  let redraws = 0; // re-insertions after the page removed the badge, per address
  const MAX_REDRAWS = 10;
  let runs = 0; // numbers the runs: a run that waited for storage yields to a later one
  let answersKey = null; // storage key of the answers of the profile on the page, or null

  // ---- checklist answers (chrome.storage.local, written only by the extension's popup) ----

  const ANSWER_VALUES = new Set(['observed', 'not_observed']);
  const CACHE_MAX = 32;
  const answersCache = new Map(); // storage key -> answers object, or null for none

  function storageKeyFor(profileKey) {
    return typeof profileKey === 'string' && profileKey !== '' ? `checklist:${profileKey}` : null;
  }

  // Only well-formed answers reach the wasm (which rejects anything else); null when there are none.
  function validAnswers(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    const out = {};
    let n = 0;
    for (const [id, a] of Object.entries(v)) {
      if (ANSWER_VALUES.has(a)) {
        out[id] = a;
        n += 1;
      }
    }
    return n ? out : null;
  }

  function remember(key, answers) {
    answersCache.delete(key);
    answersCache.set(key, answers);
    while (answersCache.size > CACHE_MAX) answersCache.delete(answersCache.keys().next().value);
  }

  // The answers for a storage key: at once when known, else a promise (one storage read per profile;
  // onStorageChanged keeps what was read current).
  function answersFor(key) {
    if (!key) return null;
    if (answersCache.has(key)) return answersCache.get(key);
    return chrome.storage.local.get(key).then((got) => {
      // A change that arrived while we waited is newer than what we read.
      if (!answersCache.has(key)) remember(key, validAnswers(got[key]));
      return answersCache.get(key);
    });
  }

  function onStorageChanged(changes, area) {
    if (stopped || area !== 'local') return;
    let mine = false;
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith('checklist:')) continue;
      if (answersCache.has(key) || key === answersKey) remember(key, validAnswers(change.newValue));
      if (key === answersKey) mine = true;
    }
    if (mine) schedule(0); // the client answered in the popup: update the badge and the toolbar now
  }

  function contextAlive() {
    try {
      return Boolean(chrome.runtime && chrome.runtime.id);
    } catch (_) {
      return false;
    }
  }

  function msg(name, fallback) {
    try {
      return chrome.i18n.getMessage(name) || fallback;
    } catch (_) {
      return fallback;
    }
  }

  function uiLanguage() {
    try {
      return chrome.i18n.getUILanguage() || 'en';
    } catch (_) {
      return 'en';
    }
  }

  // Mirrors the manifest's content_scripts matches, for navigations inside the single-page app.
  function isProfileUrl(href) {
    try {
      const u = new URL(href);
      return u.protocol === 'https:' && u.hostname === 'www.upwork.com' &&
        (u.pathname.startsWith('/freelancers/') || u.pathname.startsWith('/fl/'));
    } catch (_) {
      return false;
    }
  }

  function send(message) {
    if (!contextAlive()) {
      stop();
      return;
    }
    try {
      const p = chrome.runtime.sendMessage(message);
      if (p && typeof p.catch === 'function') p.catch(onChromeError);
    } catch (e) {
      onChromeError(e);
    }
  }

  function onChromeError(e) {
    // After an update or reload of the extension this script is orphaned: stop quietly.
    if (!contextAlive() || /Extension context invalidated/i.test(String(e && e.message))) stop();
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    clearInterval(poll);
    if (observer) observer.disconnect();
  }

  // ---- fallback badge (the wasm could not start or failed): grey, text only, closed shadow root ----

  let fallbackHost = null;

  function removeFallback() {
    if (fallbackHost) fallbackHost.remove();
    fallbackHost = null;
  }

  function drawFallback(messageName, englishText) {
    removeFallback();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent =
      ':host{all:initial!important;display:block!important;position:fixed!important;top:12px!important;' +
      'right:12px!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;' +
      'max-width:min(28rem,calc(100vw - 24px))!important;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important}' +
      '.box{display:flex;gap:8px;align-items:center;padding:6px 12px 6px 6px;border-radius:999px;' +
      'background:#4a4a4a;color:#fff;box-shadow:0 1px 3px rgba(0,0,0,.3)}' +
      '.icon{display:inline-flex;align-items:center;justify-content:center;flex:none;width:22px;height:22px;' +
      'border-radius:50%;background:#fff;color:#4a4a4a;font-weight:700}' +
      '@media (forced-colors:active){.box{border:2px solid CanvasText}}';
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'status');
    box.setAttribute('data-hc', 'badge');
    box.setAttribute('data-level', 'error');
    // Inside the closed root, like the wasm badge's hooks: tests time and read it; the page cannot.
    box.setAttribute('data-drawn-at', String(performance.now()));
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '?';
    const text = document.createElement('span');
    text.setAttribute('data-hc', 'summary');
    text.textContent = msg(messageName, englishText);
    box.append(icon, text);
    root.append(style, box);
    (document.body || document.documentElement).append(host);
    fallbackHost = host;
  }

  // ---- the check ----

  function summarize(report) {
    const risk = (report && report.risk) || {};
    return {
      level: String(risk.level || 'unknown'),
      score: Number(risk.score) || 0,
      summary: String(risk.summary || ''),
      findings: (risk.findings || []).map((f) => ({ rule: f.rule, title: f.title, points: f.points })),
      missing: Array.isArray(report && report.missing) ? report.missing : [],
      profile_key: report && typeof report.profile_key === 'string' ? report.profile_key : null,
      checklist: (Array.isArray(report && report.checklist) ? report.checklist : [])
        .map((e) => ({ id: e.id, title: e.title, how: e.how, answer: e.answer || null })),
      site: report ? report.site : null,
      page_kind: report ? report.page_kind : null,
      source: report ? report.source : location.href,
    };
  }

  function errorSummary(text) {
    return {
      level: 'error', score: 0, summary: text, findings: [], missing: [],
      profile_key: null, checklist: [], site: null, page_kind: null, source: location.href,
    };
  }

  function fail(e) {
    console.error('HireCheck: the check failed on this page.', e);
    lastLevel = 'error';
    try { mod.remove_badge(); } catch (_) { /* the wasm may be unusable after a trap */ }
    drawFallback('fallbackCheckFailed', CHECK_FAILED);
    send({ type: 'hirecheck:report', report: errorSummary(msg('fallbackCheckFailed', CHECK_FAILED)) });
  }

  // Runs the check once: first which profile the page shows and the client's answers for it (from
  // storage, so possibly after a wait), then the check itself. Our own DOM changes must not wake
  // the observer, so it is paused around them.
  async function run() {
    if (stopped || failed || !mod) return;
    if (!contextAlive()) {
      stop();
      return;
    }
    const seq = ++runs;
    let answers = null;
    if (isProfileUrl(location.href)) {
      try {
        answersKey = storageKeyFor(mod.profile_key());
        answers = answersFor(answersKey);
        if (answers instanceof Promise) answers = await answers;
      } catch (e) {
        if (!contextAlive()) {
          stop();
          return;
        }
        // Storage could not be read: check the page without answers rather than not at all.
        console.warn('HireCheck: could not read the checklist answers.', e);
        answers = null;
      }
      if (stopped || seq !== runs) return; // a later run took over while we waited
    }
    if (observer) observer.disconnect();
    try {
      if (!isProfileUrl(location.href)) {
        answersKey = null;
        mod.remove_badge();
        removeFallback();
        lastLevel = null;
        send({ type: 'hirecheck:clear' });
        return;
      }
      const report = mod.check_page({}, uiLanguage(), Date.now(), answers || undefined);
      removeFallback();
      const summary = summarize(report);
      lastLevel = summary.level;
      send({ type: 'hirecheck:report', report: summary });
      // The page changed who it shows while we read storage: check again with the right answers.
      const key = storageKeyFor(summary.profile_key);
      if (key !== answersKey) {
        answersKey = key;
        schedule(0);
      }
    } catch (e) {
      fail(e);
    } finally {
      observe();
    }
  }

  function schedule(delay) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => { run().catch(fail); }, delay);
  }

  function onUrlMaybeChanged() {
    if (stopped || location.href === lastHref) return;
    lastHref = location.href;
    settleUntil = Date.now() + SETTLE_MS;
    redraws = 0;
    if (failed) {
      // No checker: keep saying so on profiles, and say nothing elsewhere.
      if (isProfileUrl(lastHref)) {
        if (!fallbackHost || !fallbackHost.isConnected) drawFallback('fallbackNoStart', NO_START);
        send({ type: 'hirecheck:report', report: errorSummary(msg('fallbackNoStart', NO_START)) });
      } else {
        removeFallback();
        send({ type: 'hirecheck:clear' });
      }
      return;
    }
    schedule(DEBOUNCE_MS);
  }

  function onMutations() {
    if (stopped) return;
    if (location.href !== lastHref) {
      onUrlMaybeChanged();
    } else if (lastLevel === 'unknown' && Date.now() < settleUntil) {
      schedule(DEBOUNCE_MS); // Upwork renders sections late: look again when the page settles
    } else if (lastLevel && lastLevel !== 'error' && mod && redraws < MAX_REDRAWS && !mod.badge_attached()) {
      redraws += 1;
      schedule(DEBOUNCE_MS); // the page re-rendered our badge away (bounded, in case it keeps doing so)
    }
  }

  function observe() {
    if (stopped || !document.body) return;
    if (!observer) observer = new MutationObserver(onMutations);
    observer.takeRecords(); // drop records of our own changes
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  async function start() {
    try {
      mod = await import(chrome.runtime.getURL('wasm/hirecheck.js'));
      await mod.default({ module_or_path: chrome.runtime.getURL('wasm/hirecheck_bg.wasm') });
    } catch (e) {
      mod = null;
      failed = true;
      if (!contextAlive()) return;
      console.error('HireCheck could not start on this page.', e);
      drawFallback('fallbackNoStart', NO_START);
      send({ type: 'hirecheck:report', report: errorSummary(msg('fallbackNoStart', NO_START)) });
    }
    if (!failed) {
      try {
        chrome.storage.onChanged.addListener(onStorageChanged);
      } catch (e) {
        console.warn('HireCheck: answers given in the popup will show after a reload.', e);
      }
      run().catch(fail);
    }
    // Same-document navigations: the Navigation API where present, popstate, and a cheap poll.
    try {
      if (globalThis.navigation && typeof navigation.addEventListener === 'function') {
        navigation.addEventListener('currententrychange', () => setTimeout(onUrlMaybeChanged, 0));
      }
    } catch (_) { /* not available in this world */ }
    addEventListener('popstate', onUrlMaybeChanged);
    poll = setInterval(onUrlMaybeChanged, URL_POLL_MS);
  }

  start();
})();
