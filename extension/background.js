// HireCheck service worker (MV3).
//
// Receives the verdict summary from the content script, keeps it per tab in storage.session (which
// content scripts cannot read or write) and mirrors it on the toolbar icon, where the page cannot
// forge or hide it. No network requests; no permissions beyond "storage" (and "offscreen" for the
// safe mode, fallback/relay.js: pages whose CSP blocks the wasm in the content script).
// A module: fallback/relay.js registers its own message listener.
import './fallback/relay.js';
import { sourceUrl } from './sender.js';

const LEVELS = {
  high: { badge: 'actionBadgeHigh', label: 'levelHigh', color: '#B00020' },
  elevated: { badge: 'actionBadgeElevated', label: 'levelElevated', color: '#8A4B00' },
  low: { badge: 'actionBadgeLow', label: 'levelLow', color: '#1B5E20' },
  unknown: { badge: 'actionBadgeUnknown', label: 'levelUnknown', color: '#4A4A4A' },
  error: { badge: 'actionBadgeError', label: 'levelError', color: '#4A4A4A' },
};

const key = (tabId) => `tab:${tabId}`;

const ANSWERS = new Set(['observed', 'not_observed']);
// "upwork:~01abc…": a site id, a colon, and the site's own id for the freelancer (no spaces or
// control characters). Checklist answers are stored under "checklist:" + this key, so it is never
// shortened: a cut key could name another freelancer.
const PROFILE_KEY = /^[a-z][a-z0-9-]{0,31}:[^\s\p{C}]{1,200}$/u;
const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function text(v, max) {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function int(v, lo, hi) {
  const n = Math.round(Number(v));
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

function list(v, max) {
  return Array.isArray(v) ? v.slice(0, max) : [];
}

// The content script runs in a page we do not trust: keep only known fields, bounded.
function clean(report, senderUrl) {
  const r = report && typeof report === 'object' ? report : {};
  const level = Object.prototype.hasOwnProperty.call(LEVELS, r.level) ? r.level : 'unknown';
  return {
    level,
    score: int(r.score, 0, 100),
    summary: text(r.summary, 1000),
    findings: list(r.findings, 40).map((f) => ({
      rule: text(f && f.rule, 64),
      title: text(f && f.title, 300),
      points: int(f && f.points, 0, 100),
      evidence: list(f && f.evidence, 12).map((e) => text(e, 600)).filter(Boolean),
      why: text(f && f.why, 1200),
      source: text(f && f.source, 1200),
      verify: text(f && f.verify, 800),
    })),
    missing: list(r.missing, 32).map((m) => text(m, 64)).filter(Boolean),
    profile_key: typeof r.profile_key === 'string' && PROFILE_KEY.test(r.profile_key) ? r.profile_key : null,
    checklist: list(r.checklist, 32).map((e) => ({
      id: text(e && e.id, 64),
      title: text(e && e.title, 300),
      how: text(e && e.how, 400),
      answer: e && ANSWERS.has(e.answer) ? e.answer : null,
    })).filter((e) => ITEM_ID.test(e.id) && e.title !== ''),
    site: text(r.site, 32) || null,
    page_kind: text(r.page_kind, 32) || null,
    source: text(sourceUrl(r.source, senderUrl), 2048),
    // The page removes or covers the in-page badge: the toolbar and the popup say so.
    tampered: r.tampered === 'removed' || r.tampered === 'covered' ? r.tampered : null,
    at: Date.now(),
  };
}

// ---- memory across profiles: "memory:v1" in chrome.storage.local, { profiles: [fingerprint, …] } ----
// Written only here (the content script reads it; the popup exports, imports and clears it).

const MEMORY_KEY = 'memory:v1';
const MEMORY_OFF_KEY = 'memory:off';
const MEMORY_MAX_PROFILES = 2000;
const MEMORY_MAX_BYTES = 1000000;
const MEMORY_MAX_AGE_MS = 180 * 24 * 3600 * 1000;
const HEX64 = /^[0-9a-f]{16}$/;

// One fingerprint, bounded and well-formed, or null.
function cleanFingerprint(f) {
  if (!f || typeof f !== 'object' || typeof f.key !== 'string' || !PROFILE_KEY.test(f.key)) return null;
  const seenAt = Date.parse(String(f.seen_at));
  if (!Number.isFinite(seenAt)) return null;
  const opt = (v, max) => (typeof v === 'string' && v !== '' ? v.slice(0, max) : null);
  return {
    key: f.key,
    name: opt(f.name, 200),
    photo_url: opt(f.photo_url, 1000),
    photo_hash: typeof f.photo_hash === 'string' && HEX64.test(f.photo_hash) ? f.photo_hash : null,
    bio: typeof f.bio === 'string' && HEX64.test(f.bio) ? f.bio : null,
    links: list(f.links, 64).map((l) => text(l, 500)).filter(Boolean),
    seen_at: new Date(seenAt).toISOString(),
  };
}

// Merges fingerprints into a list: one per key (the newest), expired ones out, oldest out first
// beyond the caps. Shared with the popup's import (same rules).
function mergeMemory(existing, incoming, now) {
  const byKey = new Map();
  for (const f of [...existing, ...incoming].map(cleanFingerprint).filter(Boolean)) {
    if (now - Date.parse(f.seen_at) > MEMORY_MAX_AGE_MS) continue;
    const old = byKey.get(f.key);
    if (!old || Date.parse(old.seen_at) <= Date.parse(f.seen_at)) byKey.set(f.key, f);
  }
  const out = [...byKey.values()].sort((a, b) => Date.parse(b.seen_at) - Date.parse(a.seen_at));
  out.length = Math.min(out.length, MEMORY_MAX_PROFILES);
  while (out.length && JSON.stringify(out).length > MEMORY_MAX_BYTES) out.length -= Math.max(1, Math.ceil(out.length / 20));
  return out;
}

let memoryWrites = Promise.resolve();

function remember(fingerprint) {
  memoryWrites = memoryWrites.then(async () => {
    const got = await chrome.storage.local.get([MEMORY_KEY, MEMORY_OFF_KEY]);
    if (got[MEMORY_OFF_KEY] === true) return; // the client turned the memory off in the popup
    const v = got[MEMORY_KEY];
    const profiles = mergeMemory(v && Array.isArray(v.profiles) ? v.profiles : [], [fingerprint], Date.now());
    await chrome.storage.local.set({ [MEMORY_KEY]: { version: 1, profiles } });
  }).catch(ignore);
}

function msg(name, subs) {
  return chrome.i18n.getMessage(name, subs) || name;
}

async function show(tabId, record) {
  const info = LEVELS[record.level];
  const label = msg(info.label);
  let title = record.level === 'high' || record.level === 'elevated' || record.level === 'low'
    ? msg('actionTitleScored', [label, String(record.score)])
    : msg('actionTitleLevel', [label]);
  if (record.tampered) title += ` \u2014 ${msg('tamperedNote')}`;
  await Promise.all([
    chrome.action.setBadgeText({ tabId, text: msg(info.badge) }),
    chrome.action.setBadgeBackgroundColor({ tabId, color: info.color }),
    chrome.action.setBadgeTextColor ? chrome.action.setBadgeTextColor({ tabId, color: '#FFFFFF' }) : null,
    chrome.action.setTitle({ tabId, title }),
  ]);
}

async function clear(tabId) {
  await chrome.storage.session.remove(key(tabId));
  await Promise.all([
    chrome.action.setBadgeText({ tabId, text: '' }),
    chrome.action.setTitle({ tabId, title: msg('extName') }),
  ]);
}

function ignore(e) {
  // A tab closed while we were writing to it, for instance; nothing to do.
  if (e && !/No tab with id/i.test(String(e.message))) console.warn('HireCheck:', e);
}

// Our own pages (the popup, in its toolbar bubble or a tab, and the options page) import and clear the memory.
function fromOwnPage(sender) {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string'
    && (sender.url.startsWith(chrome.runtime.getURL('popup.html')) || sender.url.startsWith(chrome.runtime.getURL('options.html')));
}

function onPopupMessage(message, sendResponse) {
  const done = (p) => {
    memoryWrites = memoryWrites.then(p).then((r) => sendResponse({ ok: true, ...r }), (e) => sendResponse({ ok: false, error: String(e && e.message) }));
  };
  if (message.type === 'hirecheck:memory-clear') {
    done(() => chrome.storage.local.remove(MEMORY_KEY).then(() => ({ count: 0 })));
    return true;
  }
  if (message.type === 'hirecheck:memory-import') {
    done(async () => {
      const incoming = Array.isArray(message.profiles) ? message.profiles.slice(0, 10 * MEMORY_MAX_PROFILES) : [];
      const valid = incoming.map(cleanFingerprint).filter(Boolean).length;
      const got = await chrome.storage.local.get(MEMORY_KEY);
      const v = got[MEMORY_KEY];
      const profiles = mergeMemory(v && Array.isArray(v.profiles) ? v.profiles : [], incoming, Date.now());
      await chrome.storage.local.set({ [MEMORY_KEY]: { version: 1, profiles } });
      return { imported: valid, rejected: incoming.length - valid, count: profiles.length };
    });
    return true;
  }
  return false;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message && typeof message === 'object' && fromOwnPage(sender)) return onPopupMessage(message, sendResponse);
  // Only our own content script, in a tab's top frame.
  if (sender.id !== chrome.runtime.id || !sender.tab || typeof sender.tab.id !== 'number' || sender.frameId !== 0) {
    return false;
  }
  const tabId = sender.tab.id;
  if (message && message.type === 'hirecheck:report') {
    const record = clean(message.report, sender.url);
    const fp = cleanFingerprint(message.report && message.report.fingerprint);
    if (fp && fp.key === record.profile_key) remember(fp);
    chrome.storage.session.set({ [key(tabId)]: record })
      .then(() => show(tabId, record))
      .catch(ignore);
    sendResponse({ ok: true });
  } else if (message && message.type === 'hirecheck:clear') {
    clear(tabId).catch(ignore);
    sendResponse({ ok: true });
  }
  return false;
});

// A new document is loading in the tab: the old verdict no longer applies. (No "tabs" permission is
// needed for this event; it just comes without the address.)
chrome.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') clear(tabId).catch(ignore);
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(key(tabId)).catch(ignore);
});

// ---- the organisation's managed settings, cached for a fast start ----
// Content scripts read "settings:managed-cache" from storage.local together with the user's settings
// (one read), and the cache changing re-runs their check. Written only here: when the worker starts
// and whenever the policy changes. Without a policy (Firefox rejects the read then) the cache is {}.
const MANAGED_CACHE_KEY = 'settings:managed-cache';

async function cacheManagedSettings() {
  let managed = {};
  try {
    const got = chrome.storage.managed ? await chrome.storage.managed.get(null) : {};
    if (got && typeof got === 'object' && !Array.isArray(got)) managed = got;
  } catch (_) { /* no policy for this extension */ }
  const got = await chrome.storage.local.get(MANAGED_CACHE_KEY);
  if (JSON.stringify(got[MANAGED_CACHE_KEY]) !== JSON.stringify(managed)) {
    await chrome.storage.local.set({ [MANAGED_CACHE_KEY]: managed });
  }
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') cacheManagedSettings().catch(ignore);
});
cacheManagedSettings().catch(ignore);
