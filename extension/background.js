// HireCheck service worker (MV3).
//
// Receives the verdict summary from the content script, keeps it per tab in storage.session (which
// content scripts cannot read or write) and mirrors it on the toolbar icon, where the page cannot
// forge or hide it. No network requests; no permissions beyond "storage".
'use strict';

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

// The page's address as the content script saw it (it follows in-page navigation, which sender.url
// does not), accepted only on the origin the browser says the message came from.
function sourceUrl(claimed, senderUrl) {
  try {
    const c = new URL(String(claimed));
    if (c.origin === new URL(String(senderUrl)).origin) return c.href;
  } catch (_) { /* fall through */ }
  return String(senderUrl || '');
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
    at: Date.now(),
  };
}

function msg(name, subs) {
  return chrome.i18n.getMessage(name, subs) || name;
}

async function show(tabId, record) {
  const info = LEVELS[record.level];
  const label = msg(info.label);
  const title = record.level === 'high' || record.level === 'elevated' || record.level === 'low'
    ? msg('actionTitleScored', [label, String(record.score)])
    : msg('actionTitleLevel', [label]);
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

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content script, in a tab's top frame.
  if (sender.id !== chrome.runtime.id || !sender.tab || typeof sender.tab.id !== 'number' || sender.frameId !== 0) {
    return false;
  }
  const tabId = sender.tab.id;
  if (message && message.type === 'hirecheck:report') {
    const record = clean(message.report, sender.url);
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
