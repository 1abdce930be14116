// HireCheck content script (ES module, isolated world; content/main.js imports it last, after load).
//
// Runs the Rust/wasm checker that ships with the extension (content/loader.js started loading it, and
// read storage, in the page's load event) on this page and draws the badge from its report
// (content/badge.js, into a closed shadow root). Sends a short summary to the service worker so the
// toolbar icon shows the verdict where the page cannot forge it.
// Reads (never writes) the client's checklist answers for the profile on the page from
// chrome.storage.local, which the page cannot reach; the toolbar popup writes them, and a change
// re-runs the check at once.
//
// The marketplaces are single-page apps: they change the profile shown without loading a page, and
// render sections late. This script therefore notices address changes (the Navigation API where the
// browser has it, popstate, and a cheap address check on every DOM change it observes; a slow poll only
// where there is no Navigation API), and re-checks after the page's content settles (one debounced
// MutationObserver on the app's mount point). A new address removes the old badge at once, the badge
// is drawn at most once, and nothing is kept per navigation: one observer, one timer, the
// listeners registered once.
// Safe mode: where the page's Content-Security-Policy keeps the wasm out (Chromium applies it to content
// scripts), this script has the extension check a copy of the page's HTML in an extension page
// (fallback/request.js, fallback/relay.js) and draws that verdict with the same badge; same scheduling.
// Helpers with one job each are modules content/main.js imports before this one, in the same world:
// content/badge.js (the badge), content/photo.js (the profile photo and its hash), content/patterns.js
// (the manifest's match patterns), content/grey-badge.js (the grey fallback badge), content/cover.js (is the badge covered).
// No network requests, no remote code, page text never becomes markup.
'use strict';

(() => {
  // Injected once per document; should it ever run twice in one world, the first one stays in charge.
  if (globalThis.__hirecheck) return;

  const DEBOUNCE_MS = 250; // quiet time after a DOM change or a new address before checking
  const MAX_WAIT_MS = 1500; // ... but a page that never goes quiet is checked at least this often
  const SETTLE_MS = 15000; // after a load or a new address the page is still rendering: react fast
  const IDLE_DEBOUNCE_MS = 2000; // later changes ("more" opened, the live clock): check, without hurry
  const IDLE_MAX_WAIT_MS = 10000;
  const URL_POLL_MS = 1000; // only without the Navigation API
  const MAX_REDRAWS = 10; // re-insertions after the page removed the badge, per address
  // While a profile's badge is drawn, how often we look whether the page covers or hides it (one hit
  // test: cheap), and how many looks in a row must agree before the toolbar says so.
  const COVER_CHECK_MS = 1000;
  const COVER_CONFIRM = 2;
  // Mount points of the SPA frameworks the marketplaces use (Nuxt, Next.js, Angular). The observer
  // watches the first one present, and the child lists of its ancestors (so that a replaced mount
  // point is noticed); without one it watches the whole body.
  const APP_ROOTS = ['#__nuxt', '#__next', 'app-root'];
  // English fallbacks, should chrome.i18n be unavailable (the _locales files hold the real texts).
  const NO_START = 'HireCheck could not start on this page. Nothing was checked.';
  const CHECK_FAILED = 'HireCheck could not check this page.';
  const TOO_LARGE = 'This page is too large for HireCheck\'s safe mode. Nothing was checked.';

  // Figures for the end-to-end tests (tests/e2e): this object lives in the extension's isolated world,
  // which the page cannot reach; it holds counters and the wasm's memory size, never a verdict.
  const stats = {
    runs: 0, // checks started
    urlChanges: { navigation: 0, popstate: 0, mutation: 0, poll: 0, check: 0 }, // which signal saw a new address first
    observing: '', // what the observer watches: "#__nuxt", "body", ...
    tampered: null, // 'removed' | 'covered' when the page keeps the badge from the reader
    coverChecks: 0, // hit tests made
    wasmModule: null, // which wasm module this page loaded ("upwork"; content/loader.js picks it)
    // The loader's read of storage: 'used', 'changed' (storage changed since: read again), 'unread'
    // (it failed), or null before; and how many reads this script made itself.
    earlyStorage: null,
    storageReads: 0,
    wasmMemoryBytes: () => (wasmExports && wasmExports.memory ? wasmExports.memory.buffer.byteLength : null),
    // Our badge's host element (a bare div; its closed root stays in content/badge.js), so that the tests tell
    // it from look-alikes a page plants.
    badgeHost: () => badgeHost(),
  };
  Object.defineProperty(globalThis, '__hirecheck', { value: stats });

  let mod = null; // the wasm module's exports, once loaded
  let wasmExports = null; // the instance's exports (for its memory size)
  let failed = false; // neither the wasm nor safe mode could start: the fallback badge is shown
  let safe = false; // the wasm could not start here: the extension checks a copy of the page (safe mode)
  const badge = globalThis.__hirecheckBadge; // content/badge.js
  const texts = globalThis.__hirecheckTexts; // texts.js
  const safeRequest = globalThis.__hirecheckSafeRequest || null; // fallback/request.js
  const photo = globalThis.__hirecheckPhoto; // content/photo.js
  const patterns = globalThis.__hirecheckPatterns; // content/patterns.js
  const greyBadge = globalThis.__hirecheckGreyBadge; // content/grey-badge.js
  const cover = globalThis.__hirecheckCover; // content/cover.js
  let lastHref = location.href;
  let onProfile = false; // whether HireCheck reads the page at lastHref
  let settleUntil = Date.now() + SETTLE_MS;
  let lastLevel = null; // the level drawn for the current address, or null
  let timer = 0;
  let pendingSince = 0; // when the pending check was first asked for (for MAX_WAIT_MS)
  let observer = null;
  let watched = null; // the element observed with its subtree
  let poll = 0;
  let navigationApi = false; // the Navigation API reports address changes in this world
  let stopped = false;
  let redraws = 0;
  let runs = 0; // numbers the runs: a run that waited for storage yields to a later one
  let answersKey = null; // storage key of the answers of the profile on the page, or null
  let lastSummary = null; // what was last sent for this address (resent when the page hides the badge)
  let tampered = null; // 'removed' | 'covered' while the page keeps our badge from the reader, else null
  let coverTimer = 0;
  let coveredLooks = 0;

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

  // Every profile's answers as content/loader.js read them in the load event (storage key -> stored
  // value), for the first check only; null once used, or once any answers change.
  let earlyAnswers = null;

  // The answers for a storage key: at once when known, else a promise (one storage read per profile;
  // onStorageChanged keeps what was read current).
  function answersFor(key) {
    if (!key) return null;
    if (answersCache.has(key)) return answersCache.get(key);
    if (earlyAnswers) {
      remember(key, validAnswers(earlyAnswers.get(key)));
      earlyAnswers = null;
      return answersCache.get(key);
    }
    stats.storageReads += 1;
    return chrome.storage.local.get(key).then((got) => {
      // A change that arrived while we waited is newer than what we read.
      if (!answersCache.has(key)) remember(key, validAnswers(got[key]));
      return answersCache.get(key);
    });
  }

  function onStorageChanged(changes, area) {
    if (!stopped && settingsChanged(changes, area)) schedule(0); // a policy or option changed: apply it now
    if (stopped || area !== 'local') return;
    let mine = false;
    for (const [key, change] of Object.entries(changes)) {
      if (key === MEMORY_KEY) memorySeen = memoryList(change.newValue);
      if (key === MEMORY_OFF_KEY) memoryOff = change.newValue === true;
      if (!key.startsWith('checklist:')) continue;
      earlyAnswers = null;
      if (answersCache.has(key) || key === answersKey) remember(key, validAnswers(change.newValue));
      if (key === answersKey) mine = true;
    }
    if (mine) schedule(0); // the client answered in the popup: update the badge and the toolbar now
  }

  // ---- settings: managed policy merged with the user's (extension/settings.js; read, never written) ----

  let settings = null; // the effective settings object, or null until read (again)
  let managedLive = false; // the policy changed while we ran: read it live, not from the worker's cache

  function settingsFor() {
    const S = globalThis.HireCheckSettings;
    if (!S) return {};
    if (settings) return settings;
    stats.storageReads += 1;
    return (managedLive ? S.readLive() : S.readCached()).then((got) => {
      settings = got.effective;
      return settings;
    });
  }

  function settingsChanged(changes, area) {
    const S = globalThis.HireCheckSettings;
    if (!S || !S.changesSettings(changes, area)) return false;
    if (area === 'managed') managedLive = true;
    settings = null;
    return true;
  }

  // ---- memory across profiles (read here; only the service worker writes "memory:v1") ----

  const MEMORY_KEY = 'memory:v1';
  let memorySeen = null; // the remembered fingerprints, or null before the first read

  function memoryList(v) {
    return v && Array.isArray(v.profiles) ? v.profiles.filter((p) => p && typeof p === 'object') : [];
  }

  const MEMORY_OFF_KEY = 'memory:off'; // true: the client turned the memory off in the popup
  let memoryOff = false;

  function memoryFor() {
    if (memorySeen) return memoryOff ? [] : memorySeen;
    stats.storageReads += 1;
    return chrome.storage.local.get([MEMORY_KEY, MEMORY_OFF_KEY]).then((got) => {
      if (!memorySeen) {
        memorySeen = memoryList(got[MEMORY_KEY]);
        memoryOff = got[MEMORY_OFF_KEY] === true;
      }
      return memoryOff ? [] : memorySeen;
    });
  }

  // What content/loader.js read from local storage in the load event, while the wasm compiled and this
  // module was imported: the settings, the memory and the answers, so that the first check reads
  // nothing more. Unless storage changed since that read: then run() reads as it always can. Called with
  // onStorageChanged already listening, so no change falls between the two.
  async function takeEarlyStorage(early) {
    let items = null;
    try {
      items = await early.storage.take();
    } catch (_) { /* read again in run() */ }
    const changed = early.storage.changed();
    early.storage.stop();
    stats.earlyStorage = !items || typeof items !== 'object' ? 'unread' : changed ? 'changed' : 'used';
    if (stats.earlyStorage !== 'used') return;
    const S = globalThis.HireCheckSettings;
    if (S && !settings && !managedLive) settings = S.fromItems(items).effective;
    if (!memorySeen) {
      memorySeen = memoryList(items[MEMORY_KEY]);
      memoryOff = items[MEMORY_OFF_KEY] === true;
    }
    earlyAnswers = new Map(Object.entries(items).filter(([k]) => k.startsWith('checklist:')));
  }

  function memoryInput(seen) {
    const img = photo.profilePhoto();
    let url = null;
    try { url = img ? new URL(img.currentSrc || img.src, location.href).href : null; } catch (_) { url = null; }
    return {
      seen: Array.isArray(seen) ? seen : [],
      photo_url: url && /^https?:/.test(url) ? url : undefined,
      photo_hash: img ? (photo.photoHash(img) || undefined) : undefined,
    };
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

  // ---- which addresses are checked ----

  // Whether HireCheck reads the page at this address: the core says so (it knows which addresses are
  // profiles); without the core, the manifest's matches stand in.
  function isProfileUrl(href) {
    if (mod && typeof mod.supported_url === 'function') {
      try {
        return mod.supported_url(href) === true;
      } catch (_) { /* fall through */ }
    }
    return patterns.manifestMatches(href);
  }

  // The page a URL names; another query or fragment on the same path is the same profile.
  function pageOf(href) {
    try {
      const u = new URL(href);
      return u.origin + u.pathname;
    } catch (_) {
      return href;
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
    timer = 0;
    clearInterval(coverTimer);
    coverTimer = 0;
    clearInterval(poll);
    if (observer) observer.disconnect();
    watched = null;
    try {
      if (globalThis.navigation) navigation.removeEventListener('currententrychange', onNavigation);
    } catch (_) { /* not available */ }
    removeEventListener('popstate', onPopstate);
    try {
      chrome.storage.onChanged.removeListener(onStorageChanged);
    } catch (_) { /* context gone */ }
  }

  // ---- fallback badge (the wasm could not start or failed): grey, text only (content/grey-badge.js) ----

  function removeFallback() {
    greyBadge.remove();
  }

  function drawFallback(messageName, englishText) {
    greyBadge.draw(msg(messageName, englishText));
  }

  // ---- a page that removes, covers or hides the badge ----
  // The badge is the page's guest: a hostile page can take it out of the document (we redraw it up to
  // MAX_REDRAWS times per address), lay an element over it, or hide an ancestor. We cannot win that
  // fight in the page, so we say it where the page cannot reach: the report to the service worker
  // carries `tampered`, and the toolbar and popup tell the reader the verdict is there.

  function setTampered(kind) {
    if (tampered === kind) return;
    tampered = kind;
    stats.tampered = kind;
    if (lastSummary) send({ type: 'hirecheck:report', report: { ...lastSummary, tampered: kind } });
  }

  function resetTamper() {
    tampered = null;
    stats.tampered = null;
    lastSummary = null;
    coveredLooks = 0;
  }

  function watchCover() {
    if (!coverTimer && !stopped) coverTimer = setInterval(checkCover, COVER_CHECK_MS);
  }

  function checkCover() {
    if (stopped || failed || (!mod && !safe) || !onProfile || !lastSummary || lastLevel === 'error') return;
    stats.coverChecks += 1;
    let host = null;
    try {
      host = badgeHost();
    } catch (_) {
      return;
    }
    if (!host || !host.isConnected) {
      if (redraws >= MAX_REDRAWS) setTampered('removed');
      return; // else the observer has a redraw on its way
    }
    let covered = null;
    try {
      covered = cover.coverState(host);
    } catch (_) {
      covered = null;
    }
    if (covered === null) return;
    coveredLooks = covered ? coveredLooks + 1 : 0;
    if (covered && coveredLooks >= COVER_CONFIRM) setTampered('covered');
    else if (!covered && tampered === 'covered') setTampered(null);
  }

  // ---- the check ----

  function summarize(report) {
    const risk = (report && report.risk) || {};
    return {
      level: String(risk.level || 'unknown'),
      score: Number(risk.score) || 0,
      summary: String(risk.summary || ''),
      findings: (risk.findings || []).map((f) => ({
        rule: f.rule, title: f.title, points: f.points, evidence: f.evidence, why: f.why, source: f.source, verify: f.verify,
      })),
      fingerprint: report && report.fingerprint ? report.fingerprint : null,
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
    removeBadge();
    // In safe mode the grey badge says what it said before safe mode existed, or that the page is too large.
    const [name, english] = safeRequest && e instanceof safeRequest.TooLarge ? ['fallbackTooLarge', TOO_LARGE]
      : safe ? ['fallbackNoStart', NO_START] : ['fallbackCheckFailed', CHECK_FAILED];
    drawFallback(name, english);
    send({ type: 'hirecheck:report', report: errorSummary(msg(name, english)) });
  }

  // ---- the verdict's badge (content/badge.js), the same in both modes ----

  function removeBadge() {
    badge.remove();
  }

  function badgeAttached() {
    return badge.attached();
  }

  // The badge's host element (a bare div in the page), or null when none is drawn.
  function badgeHost() {
    return badge.host();
  }

  // Runs the check once: first which profile the page shows and the client's answers for it (from
  // storage, so possibly after a wait), then the check itself. Our own DOM changes must not wake
  // the observer, so it is paused around them.
  async function run() {
    if (stopped || failed || (!mod && !safe)) return;
    if (!contextAlive()) {
      stop();
      return;
    }
    const seq = ++runs;
    stats.runs += 1;
    const href = location.href;
    if (href !== lastHref) {
      onUrlChanged('check'); // seen first here: treat it as the new address it is, then check
      return;
    }
    if (!onProfile) return; // onUrlChanged removed what was shown
    let answers = null;
    let seen = [];
    let effective = {};
    try {
      effective = settingsFor();
      if (effective instanceof Promise) effective = await effective;
    } catch (e) {
      effective = {}; // settings unreadable: the defaults
    }
    try {
      seen = memoryFor();
      if (seen instanceof Promise) seen = await seen;
    } catch (e) {
      seen = []; // no memory: check the page without it
    }
    // Who the page shows, and so whose answers apply, is known from the last check of this address
    // (answersKey; null after a new address). Else the check says so (its report's profile_key), and
    // runs once more, before anything is drawn, only if there are answers for that profile. Asking the
    // core first (profile_key()) would read the page twice on every check (~3 ms, half of it).
    // Safe mode learns it from the last report too (see below).
    let report = null; // the wasm's report, when it checked before the answers were known
    if (!safe && answersKey === null) {
      try {
        report = mod.check_page(effective, uiLanguage(), Date.now(), undefined, memoryInput(seen));
      } catch (e) {
        fail(e);
        return;
      }
      answersKey = storageKeyFor(report && report.profile_key);
    }
    try {
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
    // A later run took over while we waited, or the page moved on (its own check is scheduled).
    if (stopped || seq !== runs || location.href !== href) return;
    if (answers) report = null; // checked without them: check again
    let checked = null; // safe mode: the extension's answer, awaited before our own DOM changes
    if (safe) {
      checked = await safeRequest.check(href, { policy: effective, lang: uiLanguage(), answers: answers || undefined, recall: memoryInput(seen) });
      if (stopped || seq !== runs || location.href !== href) return;
      if (!checked.supported) {
        // Not a page HireCheck reads (the manifest's matches are broader): as if we had left the profiles.
        onProfile = false;
        removeBadge();
        removeFallback();
        lastLevel = null;
        send({ type: 'hirecheck:clear' });
        observe();
        return;
      }
    }
    if (observer) observer.disconnect();
    try {
      if (lastLevel !== null && lastLevel !== 'error' && !badgeAttached()) redraws += 1;
      if (safe) report = checked.report;
      else if (!report) report = mod.check_page(effective, uiLanguage(), Date.now(), answers || undefined, memoryInput(seen));
      report = texts.join(report); // the wasm's report has ids, not texts (texts.js)
      badge.draw(report, uiLanguage(), { safe });
      removeFallback();
      const summary = summarize(report);
      lastLevel = summary.level;
      // Drawn again: a removal is repaired (a cover is judged by the next hit tests).
      if (tampered === 'removed' && badgeAttached()) setTampered(null);
      lastSummary = summary;
      summary.tampered = tampered;
      stats.tampered = tampered;
      send({ type: 'hirecheck:report', report: summary });
      watchCover();
      // The page shows someone else than the answers were read for (it changed who it shows, or safe
      // mode learns who from this report): check again if another profile's answers were used, or the
      // client answered for this one.
      const key = storageKeyFor(summary.profile_key);
      if (key !== answersKey) {
        answersKey = key;
        if (answers) schedule(0);
        else Promise.resolve(answersFor(key)).then((a) => { if (a && key === answersKey) schedule(0); }, () => {});
      }
    } catch (e) {
      fail(e);
    } finally {
      observe();
    }
  }

  // A debounced check: `delay` ms after the last call, but never later than maxWait ms after the
  // first call that is still waiting.
  function schedule(delay, maxWait = MAX_WAIT_MS) {
    if (stopped) return;
    const now = Date.now();
    if (timer) clearTimeout(timer);
    else pendingSince = now;
    const wait = Math.max(0, Math.min(delay, pendingSince + maxWait - now));
    timer = setTimeout(onTimer, wait);
  }

  function onTimer() {
    timer = 0;
    run().catch(fail);
  }

  // The page's content changed: check again once it is quiet. Not when the page keeps removing the
  // badge (bounded, so that we do not fight a page that re-renders it away), and not after the check
  // failed on this address (the grey badge says so; the next address tries again).
  function contentChanged() {
    if (redraws >= MAX_REDRAWS && !stopped && !failed && (mod || safe) && onProfile && lastSummary && !badgeAttached()) {
      setTampered('removed'); // we stop redrawing, and say so where the page cannot reach
    }
    if (stopped || failed || (!mod && !safe) || !onProfile || lastLevel === 'error' || redraws >= MAX_REDRAWS) return;
    if (Date.now() < settleUntil) schedule(DEBOUNCE_MS);
    else schedule(IDLE_DEBOUNCE_MS, IDLE_MAX_WAIT_MS);
  }

  function onUrlChanged(signal) {
    const href = location.href;
    if (stopped || href === lastHref) return;
    const samePage = pageOf(href) === pageOf(lastHref);
    lastHref = href;
    stats.urlChanges[signal] += 1;
    const wasProfile = onProfile;
    onProfile = isProfileUrl(href);
    if (samePage && onProfile === wasProfile) {
      // Another query or fragment on the same profile: check again, keep the badge meanwhile.
      contentChanged();
      return;
    }
    settleUntil = Date.now() + SETTLE_MS;
    redraws = 0;
    resetTamper();
    if (failed) {
      // No checker: keep saying so on pages we would check, and say nothing elsewhere.
      if (onProfile) {
        if (!greyBadge.attached()) drawFallback('fallbackNoStart', NO_START);
        send({ type: 'hirecheck:report', report: errorSummary(msg('fallbackNoStart', NO_START)) });
      } else {
        removeFallback();
        send({ type: 'hirecheck:clear' });
      }
      return;
    }
    // The previous profile's verdict must not stand beside the next one, not even until the check.
    removeBadge();
    removeFallback();
    lastLevel = null;
    answersKey = null; // the next check says who this page shows
    if (onProfile) {
      schedule(DEBOUNCE_MS);
    } else {
      // Left the profiles (e.g. for the site's search): nothing to check until the next one.
      clearTimeout(timer);
      timer = 0;
      answersKey = null;
      clearInterval(coverTimer); // the cover check runs only while a profile is shown
      coverTimer = 0;
      send({ type: 'hirecheck:clear' });
      observe();
    }
  }

  // Navigation API (same-document navigations, replaceState and back/forward included). The event
  // comes in the middle of the page's own history call: look once that call is done.
  function onNavigation() {
    setTimeout(onUrlChanged, 0, 'navigation');
  }

  function onPopstate() {
    onUrlChanged('popstate');
  }

  function onPoll() {
    if (location.href !== lastHref) onUrlChanged('poll');
  }

  function onMutations(records) {
    if (stopped) return;
    if (location.href !== lastHref) {
      onUrlChanged('mutation');
      return;
    }
    if (!watched || !watched.isConnected) {
      // The mount point (or the body) was replaced: watch the new one, and look at what it shows.
      observe();
      contentChanged();
      return;
    }
    // Records from the ancestors' child lists (a toast or a script added beside the app) do not
    // change the profile; those from inside the mount point may.
    for (const r of records) {
      if (r.target === watched || watched.contains(r.target)) {
        contentChanged();
        return;
      }
    }
    // ... unless they removed the badge (it floats at the body's end when the page has no name heading).
    if (lastLevel !== null && (mod || safe) && !badgeAttached()) contentChanged();
  }

  function appRoot() {
    const body = document.body;
    if (!body) return null;
    for (const sel of APP_ROOTS) {
      const el = document.querySelector(sel);
      if (el && el !== body && body.contains(el)) return { el, name: sel };
    }
    return { el: body, name: 'body' };
  }

  // Watches the page while it shows a profile. Elsewhere only address changes matter, and the
  // Navigation API reports those: then nothing is watched (without it, the observer's address check
  // is one of the ways to notice them).
  function observe() {
    if (stopped) return;
    if (!observer) observer = new MutationObserver(onMutations);
    observer.disconnect(); // drops the records of our own changes, and the old targets
    watched = null;
    stats.observing = '';
    if (!onProfile && navigationApi) return;
    const root = appRoot();
    watched = root && root.el;
    if (!watched) return;
    stats.observing = root.name;
    observer.observe(watched, { childList: true, subtree: true, characterData: true });
    for (let el = watched.parentNode; el && el.nodeType === 1; el = el.parentNode) {
      observer.observe(el, { childList: true });
    }
  }

  async function start() {
    // content/loader.js started the wasm and a read of storage in the page's load event.
    const early = globalThis.__hirecheckEarly || null;
    try {
      if (!early) throw new Error('content/loader.js did not start the wasm');
      // This site's module only (docs/architecture.md, "One wasm module per site"). The host never
      // changes under a content script, so it never asks a module without this site's adapter.
      const wasm = await early.wasm;
      mod = wasm.glue;
      wasmExports = wasm.exports;
      stats.wasmModule = wasm.module;
    } catch (e) {
      mod = null;
      if (!contextAlive()) return;
      if (safeRequest) {
        // Typically the page's CSP lacks 'wasm-unsafe-eval': check a copy of the page in the extension.
        safe = true;
        console.warn('HireCheck: WebAssembly is blocked on this page; checking it in the extension (safe mode).', e);
      } else {
        failed = true;
        console.error('HireCheck could not start on this page.', e);
        drawFallback('fallbackNoStart', NO_START);
        send({ type: 'hirecheck:report', report: errorSummary(msg('fallbackNoStart', NO_START)) });
      }
    }
    if (!failed) {
      try {
        chrome.storage.onChanged.addListener(onStorageChanged);
      } catch (e) {
        console.warn('HireCheck: answers given in the popup will show after a reload.', e);
      }
      if (early) await takeEarlyStorage(early);
      lastHref = location.href; // the page may have moved on while the wasm loaded
    } else if (early) {
      early.storage.stop();
    }
    // Same-document navigations: every one that changes the address shows in the Navigation API;
    // back and forward also fire popstate. Without the Navigation API (older browsers), the observer's
    // address check sees navigations that change the page, and a slow poll the rest.
    try {
      if (globalThis.navigation && typeof navigation.addEventListener === 'function') {
        navigation.addEventListener('currententrychange', onNavigation);
        navigationApi = true;
      }
    } catch (_) { /* not available in this world */ }
    addEventListener('popstate', onPopstate);
    if (!navigationApi) poll = setInterval(onPoll, URL_POLL_MS);
    onProfile = isProfileUrl(lastHref);
    observe();
    if (!failed) run().catch(fail);
  }

  start();
})();
