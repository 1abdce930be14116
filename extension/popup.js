// HireCheck popup: shows the verdict the service worker stored for the current tab.
// Text only (textContent); all strings from _locales via chrome.i18n.
'use strict';

const ICONS = { high: '!!', elevated: '!', low: '\u2713', unknown: '?', error: '?' };
const LABELS = {
  high: 'levelHigh', elevated: 'levelElevated', low: 'levelLow', unknown: 'levelUnknown', error: 'levelError',
};

function msg(name, subs) {
  return chrome.i18n.getMessage(name, subs);
}

function $(id) {
  return document.getElementById(id);
}

function show(el, visible) {
  el.hidden = !visible;
}

async function currentTabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  // The id of the active tab needs no "tabs" permission (only its address and title would).
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab && typeof tab.id === 'number' ? tab.id : null;
}

function fieldLabel(key) {
  return (/^[a-z_]+$/.test(key) && msg(`field_${key}`)) || key;
}

function render(record) {
  const empty = $('empty');
  const result = $('result');
  if (!record || !LABELS[record.level]) {
    empty.textContent = msg('popupNoResult');
    show(empty, true);
    show(result, false);
    return;
  }
  show(empty, false);
  show(result, true);

  const level = record.level;
  const scored = level === 'high' || level === 'elevated' || level === 'low' || (level === 'unknown' && record.score > 0);
  $('verdict').className = `verdict ${level}`;
  $('verdict').dataset.level = level;
  $('icon').textContent = ICONS[level];
  $('level').textContent = scored
    ? msg('popupLevelScore', [msg(LABELS[level]), String(record.score)])
    : msg(LABELS[level]);
  $('summary').textContent = record.summary || '';

  const findings = Array.isArray(record.findings) ? record.findings : [];
  const list = $('findings');
  list.replaceChildren();
  for (const f of findings) {
    const li = document.createElement('li');
    li.append(document.createTextNode(String(f.title || f.rule || '')));
    const pts = document.createElement('span');
    pts.className = 'pts';
    pts.textContent = ` \u00b7 ${msg('popupPoints', [String(f.points)])}`;
    li.append(pts);
    list.append(li);
  }
  $('findings-heading').textContent = msg('popupFindings');
  show($('findings-heading'), findings.length > 0);
  show(list, findings.length > 0);

  const missing = Array.isArray(record.missing) ? record.missing : [];
  $('missing-heading').textContent = msg('popupMissing');
  $('missing').textContent = missing.map(fieldLabel).join(', ');
  show($('missing-heading'), missing.length > 0);
  show($('missing'), missing.length > 0);

  $('page').textContent = record.source ? msg('popupPage', [record.source]) : '';
}

async function main() {
  document.documentElement.lang = msg('langTag') || 'en';
  document.title = msg('popupTitle');
  $('heading').textContent = msg('extName');
  $('privacy').textContent = msg('popupPrivacy');

  let tabId = null;
  try {
    tabId = await currentTabId();
  } catch (e) {
    console.warn('HireCheck:', e);
  }
  if (tabId === null) {
    render(null);
    return;
  }
  const key = `tab:${tabId}`;
  const stored = await chrome.storage.session.get(key);
  render(stored[key]);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && changes[key]) render(changes[key].newValue);
  });
}

main().catch((e) => {
  console.error('HireCheck:', e);
  render(null);
});
