// HireCheck popup: shows the verdict the service worker stored for the current tab, and the
// verification checklist for the profile in it.
// Text only (textContent); all strings from _locales, in the settings' lang, or the browser's when it is
// "auto", as the badge (messages.js).
//
// The checklist is answered here and only here (never in the page, where controls could be overlaid
// or clicked for the client). Answers go to chrome.storage.local under "checklist:<profile key>" as
// { itemId: "observed" | "not_observed" }; the key is removed when nothing is answered. The content
// script reads them and checks the page again, and its new summary updates the verdict above.
'use strict';

const ICONS = { high: '!!', elevated: '!', low: '\u2713', unknown: '?', error: '?' };
const LABELS = {
  high: 'levelHigh', elevated: 'levelElevated', low: 'levelLow', unknown: 'levelUnknown', error: 'levelError',
};

const M = globalThis.HireCheckMessages;
let say = M.translator(M.effectiveLang(undefined)); // until the settings are read (main)

function msg(name, subs) {
  return say(name, subs);
}

// The popup's language from the settings (managed policy and the user's), before anything is written.
async function chooseLang() {
  let lang = M.effectiveLang(undefined);
  try {
    lang = M.effectiveLang((await globalThis.HireCheckSettings.readLive()).effective.lang);
  } catch (e) {
    console.warn('HireCheck: the settings could not be read; the browser\'s language is used.', e);
  }
  say = M.translator(lang);
  return lang;
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

// ---- the checklist ----

const ANSWERS = ['observed', 'not_observed'];
const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const checklist = {
  signature: null, // what is drawn: storage key and items; redrawn only when it changes, so focus stays
  storageKey: null, // "checklist:<profile key>", or null when this page's answers cannot be saved
  items: [], // [{ id, fieldset, radios: { '': input, observed: input, not_observed: input } }]
  writes: Promise.resolve(), // writes one after another, so quick clicks do not undo each other
};

function isPlainObject(v) {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}

function checklistItems(record) {
  const items = record && Array.isArray(record.checklist) ? record.checklist : [];
  return items.filter((e) => e && typeof e.id === 'string' && ITEM_ID.test(e.id) && typeof e.title === 'string' && e.title);
}

function choice(name, value, text, index) {
  const label = document.createElement('label');
  label.className = 'choice';
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = name;
  input.value = value;
  input.id = `${name}-${index}`;
  label.append(input, document.createTextNode(` ${text}`));
  return { label, input };
}

function buildChecklist(items, storageKey) {
  const box = $('checklist-items');
  box.replaceChildren();
  checklist.items = [];
  const labels = [
    ['', msg('popupAnswerUnset')],
    ['observed', msg('popupAnswerObserved')],
    ['not_observed', msg('popupAnswerNotObserved')],
  ];
  items.forEach((item, i) => {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'item';
    fieldset.dataset.item = item.id;
    fieldset.disabled = !storageKey;
    const legend = document.createElement('legend');
    legend.textContent = item.title;
    fieldset.append(legend);
    if (item.how) {
      const how = document.createElement('p');
      how.className = 'how';
      how.id = `how-${i}`;
      const lead = document.createElement('span');
      lead.className = 'how-label';
      lead.textContent = msg('popupChecklistHow');
      how.append(lead, document.createTextNode(` ${item.how}`));
      fieldset.append(how);
      fieldset.setAttribute('aria-describedby', how.id);
    }
    const choices = document.createElement('div');
    choices.className = 'choices';
    const radios = {};
    labels.forEach(([value, text], j) => {
      const { label, input } = choice(`item-${i}`, value, text, j);
      input.addEventListener('change', () => {
        if (input.checked) answer(item.id, value);
      });
      radios[value] = input;
      choices.append(label);
    });
    fieldset.append(choices);
    box.append(fieldset);
    checklist.items.push({ id: item.id, fieldset, radios });
  });
}

// Ticks what `stored` says (the stored answers, or the summary's when nothing can be stored).
function showAnswers(stored) {
  const answers = isPlainObject(stored) ? stored : {};
  let answered = 0;
  for (const it of checklist.items) {
    const a = ANSWERS.includes(answers[it.id]) ? answers[it.id] : '';
    if (a) answered += 1;
    if (!it.radios[a].checked) it.radios[a].checked = true;
  }
  $('checklist-count').textContent = msg('popupChecklistCount', [String(answered), String(checklist.items.length)]);
}

async function loadAnswers() {
  if (!checklist.storageKey) return;
  const key = checklist.storageKey;
  const got = await chrome.storage.local.get(key);
  if (key === checklist.storageKey) showAnswers(got[key]);
}

function note(status, error) {
  $('checklist-status').textContent = status || '';
  $('checklist-error').textContent = error || '';
}

function write(change) {
  const key = checklist.storageKey;
  if (!key) return Promise.resolve();
  checklist.writes = checklist.writes.then(async () => {
    const got = await chrome.storage.local.get(key);
    // Answers to items this version does not list (from another version) are kept.
    const answers = isPlainObject(got[key]) ? { ...got[key] } : {};
    change(answers);
    if (Object.keys(answers).length) await chrome.storage.local.set({ [key]: answers });
    else await chrome.storage.local.remove(key);
  });
  return checklist.writes;
}

function answer(id, value) {
  note('', '');
  write((answers) => {
    if (value) answers[id] = value;
    else delete answers[id];
  }).then(() => note(msg('popupChecklistSaved'), ''), (e) => {
    console.warn('HireCheck:', e);
    note('', msg('popupChecklistSaveFailed'));
    loadAnswers().catch(() => {});
  });
}

function clearAnswers() {
  note('', '');
  const key = checklist.storageKey;
  if (!key) return;
  checklist.writes = checklist.writes.then(() => chrome.storage.local.remove(key));
  checklist.writes.then(() => {
    showAnswers({});
    note(msg('popupChecklistCleared'), '');
  }, (e) => {
    console.warn('HireCheck:', e);
    note('', msg('popupChecklistSaveFailed'));
  });
}

function renderChecklist(record) {
  const section = $('checklist');
  const items = record && LABELS[record.level] ? checklistItems(record) : [];
  if (items.length === 0) {
    show(section, false);
    checklist.signature = null;
    checklist.storageKey = null;
    checklist.items = [];
    return;
  }
  const profileKey = typeof record.profile_key === 'string' && record.profile_key ? record.profile_key : null;
  const storageKey = profileKey ? `checklist:${profileKey}` : null;
  const signature = JSON.stringify([storageKey, items.map((e) => [e.id, e.title, e.how])]);
  show(section, true);
  if (signature === checklist.signature) return; // keep the controls, and the focus in them
  checklist.signature = signature;
  checklist.storageKey = storageKey;
  note('', '');
  buildChecklist(items, storageKey);
  $('checklist-nokey').textContent = msg('popupChecklistNoKey');
  show($('checklist-nokey'), !storageKey);
  show($('checklist-clear').parentElement, Boolean(storageKey));
  show($('checklist-count'), Boolean(storageKey));
  if (storageKey) {
    showAnswers({});
    loadAnswers().catch((e) => {
      console.warn('HireCheck:', e);
      note('', msg('popupChecklistLoadFailed'));
    });
  } else {
    const fromSummary = {};
    for (const e of items) if (ANSWERS.includes(e.answer)) fromSummary[e.id] = e.answer;
    showAnswers(fromSummary);
  }
}

// A missing field's name for people, as the core's Field::label says it (tests/manifest.rs checks the
// _locales agree); a key this version has no name for reads as words ("hourly_rate" -> "hourly rate").
function fieldLabel(key) {
  return (/^[a-z_]+$/.test(key) && msg(`field_${key}`)) || String(key).replace(/_/g, ' ');
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
  // The page removes or covers the in-page badge (extension/content.js): the verdict is here.
  $('tampered').textContent = record.tampered ? msg('tamperedNote') : '';
  show($('tampered'), Boolean(record.tampered));

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

// ---- saved report: a file generated here from the stored summary; nothing is sent ----

let currentRecord = null;

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function stamp(date) {
  return date.toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

function fileSafe(s) {
  return String(s || 'page').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60);
}

function reportData(record, now) {
  return {
    generator: `HireCheck ${chrome.runtime.getManifest().version}`,
    generated_at: now.toISOString(),
    note: msg('reportNote'),
    page: record.source || null,
    site: record.site || null,
    profile_key: record.profile_key || null,
    level: record.level,
    score: record.score,
    summary: record.summary || '',
    findings: (record.findings || []).map((f) => ({
      rule: f.rule, title: f.title, points: f.points, evidence: f.evidence || [], why: f.why || '', source: f.source || '', verify: f.verify || '',
    })),
    missing: record.missing || [],
    checklist: (record.checklist || []).map((e) => ({ id: e.id, title: e.title, how: e.how, answer: e.answer || null })),
  };
}

// Plain text: page text stays text, whatever it contains.
function reportText(d) {
  const lines = [
    d.generator, msg('reportNote'), '',
    `${msg('reportDate')}: ${d.generated_at}`,
    `${msg('reportPage')}: ${d.page || '-'}`,
    `${msg('reportProfile')}: ${d.profile_key || '-'}`,
    `${msg('reportLevel')}: ${msg(LABELS[d.level] || 'levelUnknown')} (${d.score})`,
    d.summary, '',
    `${msg('popupFindings')}:`,
  ];
  if (!d.findings.length) lines.push('  -');
  for (const f of d.findings) {
    lines.push(`* ${f.title} [${f.rule}, ${f.points}]`);
    for (const e of f.evidence) lines.push(`    - ${e}`);
    if (f.why) lines.push(`    ${msg('reportWhy')}: ${f.why}`);
    if (f.verify) lines.push(`    ${msg('reportVerify')}: ${f.verify}`);
    if (f.source) lines.push(`    ${msg('reportSource')}: ${f.source}`);
  }
  if (d.missing.length) lines.push('', `${msg('popupMissing')}: ${d.missing.map(fieldLabel).join(', ')}`);
  lines.push('', `${msg('popupChecklistHeading')}:`);
  if (!d.checklist.length) lines.push('  -');
  const answers = { observed: msg('popupAnswerObserved'), not_observed: msg('popupAnswerNotObserved') };
  for (const e of d.checklist) lines.push(`[${answers[e.answer] || msg('popupAnswerUnset')}] ${e.title}`);
  return `${lines.join('\n')}\n`;
}

function saveReport(kind) {
  const record = currentRecord;
  if (!record || !LABELS[record.level]) return;
  const now = new Date();
  const d = reportData(record, now);
  const base = `hirecheck-report-${fileSafe(d.profile_key || d.site)}-${stamp(now)}`;
  if (kind === 'json') download(`${base}.json`, 'application/json', `${JSON.stringify(d, null, 2)}\n`);
  else download(`${base}.txt`, 'text/plain;charset=utf-8', reportText(d));
}

// ---- memory across profiles ("memory:v1"; written by the service worker only) ----

const MEMORY_KEY = 'memory:v1';
const MEMORY_OFF_KEY = 'memory:off'; // true: remember nothing and compare with nothing

function memoryProfiles(v) {
  return v && Array.isArray(v.profiles) ? v.profiles : [];
}

function memoryNote(status, error) {
  $('memory-status').textContent = status || '';
  $('memory-error').textContent = error || '';
}

function showMemoryCount(v) {
  $('memory-count').textContent = msg('popupMemoryCount', [String(memoryProfiles(v).length)]);
}

async function exportMemory() {
  memoryNote('', '');
  const got = await chrome.storage.local.get(MEMORY_KEY);
  const profiles = memoryProfiles(got[MEMORY_KEY]);
  const data = { format: 'hirecheck-memory', version: 1, exported_at: new Date().toISOString(), profiles };
  download(`hirecheck-memory-${stamp(new Date())}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
  memoryNote(msg('popupMemoryExported', [String(profiles.length)]), '');
}

async function importMemory(file) {
  memoryNote('', '');
  if (!file) return;
  try {
    if (file.size > 5000000) throw new Error('too large');
    const data = JSON.parse(await file.text());
    const profiles = Array.isArray(data) ? data : (data && data.format === 'hirecheck-memory' && Array.isArray(data.profiles) ? data.profiles : null);
    if (!profiles) throw new Error('not a HireCheck memory file');
    const r = await chrome.runtime.sendMessage({ type: 'hirecheck:memory-import', profiles });
    if (!r || !r.ok) throw new Error(r && r.error);
    memoryNote(msg('popupMemoryImported', [String(r.imported), String(r.rejected)]), '');
  } catch (e) {
    console.warn('HireCheck:', e);
    memoryNote('', msg('popupMemoryImportFailed'));
  }
}

async function clearMemory() {
  memoryNote('', '');
  const r = await chrome.runtime.sendMessage({ type: 'hirecheck:memory-clear' });
  if (r && r.ok) memoryNote(msg('popupMemoryCleared'), '');
  else memoryNote('', msg('popupMemoryImportFailed'));
}

function setupMemory() {
  $('memory-heading').textContent = msg('popupMemoryHeading');
  $('memory-intro').textContent = msg('popupMemoryIntro');
  $('memory-export').textContent = msg('popupMemoryExport');
  $('memory-import').textContent = msg('popupMemoryImport');
  $('memory-clear').textContent = msg('popupMemoryClear');
  $('memory-export').addEventListener('click', () => exportMemory().catch((e) => memoryNote('', String(e))));
  $('memory-import').addEventListener('click', () => $('memory-file').click());
  $('memory-file').addEventListener('change', () => {
    const f = $('memory-file').files[0];
    importMemory(f).finally(() => { $('memory-file').value = ''; });
  });
  $('memory-clear').addEventListener('click', () => clearMemory().catch((e) => memoryNote('', String(e))));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[MEMORY_KEY]) showMemoryCount(changes[MEMORY_KEY].newValue);
  });
  $('memory-enabled-label').textContent = msg('popupMemoryEnabled');
  $('memory-enabled').addEventListener('change', () => {
    memoryNote('', '');
    const on = $('memory-enabled').checked;
    (on ? chrome.storage.local.remove(MEMORY_OFF_KEY) : chrome.storage.local.set({ [MEMORY_OFF_KEY]: true }))
      .catch((e) => memoryNote('', String(e)));
  });
  chrome.storage.local.get([MEMORY_KEY, MEMORY_OFF_KEY]).then((got) => {
    showMemoryCount(got[MEMORY_KEY]);
    $('memory-enabled').checked = got[MEMORY_OFF_KEY] !== true;
  }, () => {});
  $('report-heading').textContent = msg('popupReportHeading');
  $('report-intro').textContent = msg('reportNote');
  $('report-save-text').textContent = msg('popupReportSaveText');
  $('report-save-json').textContent = msg('popupReportSaveJson');
  $('report-save-text').addEventListener('click', () => saveReport('text'));
  $('report-save-json').addEventListener('click', () => saveReport('json'));
}

function renderAll(record) {
  currentRecord = record || null;
  show($('report'), Boolean(record && LABELS[record.level]));
  render(record);
  renderChecklist(record);
}

async function main() {
  const lang = await chooseLang();
  document.documentElement.lang = msg('langTag') || lang;
  document.title = msg('popupTitle');
  $('heading').textContent = msg('extName');
  $('privacy').textContent = msg('popupPrivacy');
  // Settings, and which of them the organisation has set: the options page (our own page, in a tab).
  $('open-options').textContent = msg('popupOpenOptions');
  $('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  $('checklist-heading').textContent = msg('popupChecklistHeading');
  $('checklist-intro').textContent = msg('popupChecklistIntro');
  $('checklist-clear').textContent = msg('popupChecklistClear');
  $('checklist-clear').addEventListener('click', clearAnswers);
  setupMemory();

  let tabId = null;
  try {
    tabId = await currentTabId();
  } catch (e) {
    console.warn('HireCheck:', e);
  }
  if (tabId === null) {
    renderAll(null);
    return;
  }
  const key = `tab:${tabId}`;
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && changes[key]) renderAll(changes[key].newValue);
    if (area === 'local' && checklist.storageKey && changes[checklist.storageKey]) {
      showAnswers(changes[checklist.storageKey].newValue);
    }
  });
  const stored = await chrome.storage.session.get(key);
  renderAll(stored[key]);
}

main().catch((e) => {
  console.error('HireCheck:', e);
  renderAll(null);
});
