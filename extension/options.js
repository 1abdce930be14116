// HireCheck options page: every setting, grouped, with its default; settings the organisation locked
// are disabled; values HireCheck cannot use (in the managed policy or the user's settings) are listed
// as clear sentences, from the core's own checks (wasm validate_settings). Writes only the user's
// settings ("settings:user") and asks the service worker to clear the memory. Page text never becomes
// markup: every text goes through textContent. Its language is the settings' lang, or the browser's for
// "auto", as the badge's (messages.js); the core's error messages are sentences it leaves to texts.js
// (src/texts/sentences.json, "setting-…"), written here in that language (`sayError`).
'use strict';

const S = globalThis.HireCheckSettings;
// texts.js: the rule titles and the sentences of the error messages (the wasm carries only ids and keys)
const T = globalThis.__hirecheckTexts;
const M = globalThis.HireCheckMessages; // messages.js: the UI strings in either language
const MEMORY_KEY = 'memory:v1';

const $ = (id) => document.getElementById(id);

// The page's language: the settings' lang, or the browser's when it is "auto" (as the badge's).
let lang = M.effectiveLang(undefined);
let say = M.translator(lang);

function msg(name, subs) {
  return say(name, subs) || name;
}

// A settings error as the page shows it: its setting, then its message written in the page's language
// (the wasm gives the message as a marked sentence; without the core, there are no errors).
function sayError(e) {
  return `${e.key}: ${T.say(e.message, lang)}`;
}

function el(tag, attrs = {}, text = null) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== null) e.textContent = text;
  return e;
}

const LIST_KEYS = ['blocked_domains', 'blocked_emails', 'blocked_strings', 'allowed_domains', 'allowed_emails',
  'blocked_freelancers', 'allowed_freelancers'];
const GROUPS = [
  ['optGroupGeneral', ['lang', 'report_contact']],
  ['optGroupLevels', ['elevated_from', 'high_from', 'min_coverage']],
  ['optGroupRules', ['rules']],
  ['optGroupLists', [...LIST_KEYS, 'min_free_host_links']],
  ['optGroupThresholds', null], // every other setting
];

let core = null; // the wasm module, when it started
let managed = {};
let user = {};
let defaults = {};
let rules = [];
let keys = [];
const controls = new Map(); // setting key -> { row, inputs: [...], note, error }

const baseKey = (k) => String(k).split(/[.[]/)[0];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The core's verdict on a settings object; without the core, nothing is checked.
function check(value) {
  if (!core) return { errors: [], effective: { ...defaults, ...value }, defaults, rules, keys };
  return core.validate_settings(value, lang);
}

function shownValue(v) {
  if (Array.isArray(v)) return v.length ? v.join(', ') : msg('optNone');
  if (v === '' || v === null || v === undefined) return msg('optNone');
  return String(v);
}

// ---- building the form (at the start, and again in a new language) ----

function row(key, labelText, control, inputs) {
  const r = el('div', { class: 'setting', 'data-setting': key });
  const id = `s-${key}`;
  if (inputs[0]) inputs[0].id = id;
  r.append(el('label', { for: id }, labelText), el('div', { class: 'control' }));
  r.lastChild.append(control);
  const def = el('p', { class: 'note muted', 'data-default': key });
  const note = el('p', { class: 'note locked-note', 'data-locked-note': key }, msg('optLocked'));
  note.hidden = true;
  const error = el('p', { class: 'note error', role: 'alert', 'data-error-for': key });
  r.append(def, note, error);
  controls.set(key, { row: r, inputs, note, error, def });
  for (const i of inputs) i.addEventListener('change', () => onChange(key));
  return r;
}

function numberInput() {
  return el('input', { type: 'number', step: 'any', inputmode: 'decimal' });
}

function buildSetting(key) {
  const label = msg(`opt_${key}`);
  if (key === 'lang') {
    const sel = el('select');
    for (const [v, m] of [['auto', 'optLangAuto'], ['en', 'optLangEn'], ['de', 'optLangDe']]) sel.append(el('option', { value: v }, msg(m)));
    return row(key, label, sel, [sel]);
  }
  if (key === 'report_contact') {
    const t = el('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
    return row(key, label, t, [t]);
  }
  if (key === 'rate_band_usd') {
    const lo = numberInput();
    const hi = numberInput();
    const pair = el('div', { class: 'pair' });
    pair.append(lo, hi);
    return row(key, label, pair, [lo, hi]);
  }
  if (Array.isArray(defaults[key])) {
    const t = el('textarea', { rows: '3', spellcheck: 'false' });
    return row(key, label, t, [t]);
  }
  const n = numberInput();
  return row(key, label, n, [n]);
}

// One table for `weights` and `disabled_rules`: a switch and a weight per rule.
function buildRules() {
  const wrap = el('div', { 'data-setting': 'weights' });
  const table = el('table', { class: 'rules' });
  const head = el('tr');
  for (const h of [msg('optRuleOn'), '', msg('opt_weights')]) head.append(el('th', {}, h));
  table.append(head);
  const boxes = [];
  const weights = [];
  for (const r of rules) {
    const tr = el('tr', { 'data-rule': r.id });
    const box = el('input', { type: 'checkbox', 'data-rule-on': r.id, 'aria-label': `${msg('optRuleOn')}: ${r.title}` });
    const w = el('input', { type: 'number', min: '0', max: '100', step: '1', placeholder: String(r.default_weight), 'data-rule-weight': r.id, 'aria-label': `${msg('opt_weights')}: ${r.title}` });
    const name = el('td');
    name.append(el('span', {}, r.title), document.createTextNode(' '), el('code', {}, r.id));
    const c1 = el('td');
    c1.append(box);
    const c3 = el('td');
    c3.append(w, document.createTextNode(` ${msg('optDefault', [String(r.default_weight)])}`));
    tr.append(c1, name, c3);
    table.append(tr);
    boxes.push(box);
    weights.push(w);
  }
  for (const [key, inputs] of [['disabled_rules', boxes], ['weights', weights]]) {
    const note = el('p', { class: 'note locked-note', 'data-locked-note': key }, `${msg(`opt_${key}`)}: ${msg('optLocked')}`);
    note.hidden = true;
    const error = el('p', { class: 'note error', role: 'alert', 'data-error-for': key });
    wrap.append(note, error);
    controls.set(key, { row: wrap, inputs, note, error, def: null });
    for (const i of inputs) i.addEventListener('change', () => onChange(key));
  }
  wrap.append(table);
  return wrap;
}

function build() {
  const form = $('settings');
  const placed = new Set(['locked_settings', 'disabled_rules', 'weights']);
  for (const [, list] of GROUPS) for (const k of list || []) placed.add(k);
  for (const [title, list] of GROUPS) {
    const section = el('section');
    section.append(el('h2', {}, msg(title)));
    const members = list || keys.filter((k) => !placed.has(k));
    for (const k of members) section.append(k === 'rules' ? buildRules() : buildSetting(k));
    form.append(section);
  }
}

// ---- reading a control ----

function numberOrRaw(s) {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t; // the core names what is wrong with a non-number
}

function readControl(key) {
  const c = controls.get(key);
  const [a, b] = c.inputs;
  if (key === 'lang' || key === 'report_contact') return a.value.trim();
  if (key === 'rate_band_usd') {
    const lo = numberOrRaw(a.value);
    const hi = numberOrRaw(b.value);
    return lo === undefined && hi === undefined ? undefined : [lo ?? null, hi ?? null];
  }
  if (key === 'disabled_rules') return c.inputs.filter((i) => !i.checked).map((i) => i.dataset.ruleOn);
  if (key === 'weights') {
    const out = {};
    for (const i of c.inputs) {
      const v = numberOrRaw(i.value);
      if (v !== undefined) out[i.dataset.ruleWeight] = v;
    }
    return out;
  }
  if (Array.isArray(defaults[key])) return a.value.split('\n').map((s) => s.trim()).filter(Boolean);
  return numberOrRaw(a.value);
}

// ---- showing the state ----

function writeControl(key, value) {
  const c = controls.get(key);
  const active = document.activeElement;
  const set = (input, v) => { if (input !== active) input.value = v; };
  if (key === 'disabled_rules') {
    for (const i of c.inputs) i.checked = !(value || []).includes(i.dataset.ruleOn);
  } else if (key === 'weights') {
    for (const i of c.inputs) {
      const w = value && value[i.dataset.ruleWeight];
      set(i, w === undefined ? '' : String(w));
    }
  } else if (key === 'rate_band_usd') {
    set(c.inputs[0], String(value[0]));
    set(c.inputs[1], String(value[1]));
  } else if (Array.isArray(value)) {
    set(c.inputs[0], value.join('\n'));
  } else {
    set(c.inputs[0], String(value ?? ''));
  }
}

function listErrors(section, list, intro, errors) {
  list.replaceChildren();
  for (const e of errors) list.append(el('li', { 'data-key': e.key }, sayError(e)));
  $(intro).textContent = msg(section === 'managed-errors' ? 'optManagedErrors' : 'optUserErrors');
  $(section).hidden = errors.length === 0;
}

function fill() {
  const merged = S.merge(managed, user);
  const info = check(merged);
  const managedErrors = check(managed).errors;
  const ownErrors = info.errors.filter((e) => !managedErrors.some((m) => m.key === e.key && m.message === e.message));
  listErrors('managed-errors', $('managed-errors-list'), 'managed-errors-intro', managedErrors);
  listErrors('user-errors', $('user-errors-list'), 'user-errors-intro', ownErrors);
  const set = Object.keys(managed).filter((k) => k !== 'locked_settings');
  $('managed-summary').textContent = set.length ? msg('optManagedSome', [set.join(', ')]) : msg('optManagedNone');
  for (const [key, c] of controls) {
    const locked = S.isLocked(managed, key);
    for (const i of c.inputs) i.disabled = locked;
    c.note.hidden = !locked;
    if (c.row.dataset.setting === key) c.row.classList.toggle('locked', locked);
    if (locked) c.row.setAttribute('data-locked', 'true');
    else if (c.row.dataset.setting === key) c.row.removeAttribute('data-locked');
    if (c.def) c.def.textContent = msg('optDefault', [key === 'lang' ? msg('optLangAuto') : shownValue(defaults[key])]);
    writeControl(key, info.effective[key]);
  }
}

// ---- changes ----

// The messages the status lines show (element id -> [name, values]), so that a new language writes
// them again. A value may be a sentence of the core (an error's message): it is written in the page's
// language each time. A plain text (an exception's own words) is shown as it is and not kept.
const spoken = new Map();

function show(id, name, subs) {
  $(id).textContent = msg(name, subs === undefined ? subs : [].concat(subs).map((v) => T.say(v, lang)));
  spoken.set(id, [name, subs]);
}

function showText(id, text) {
  $(id).textContent = text;
  spoken.delete(id);
}

const status = (text) => showText('status', text);

async function onChange(key) {
  const c = controls.get(key);
  if (S.isLocked(managed, key)) return; // disabled anyway; the policy wins
  const value = readControl(key);
  const next = { ...user };
  const base = managed[key] !== undefined ? managed[key] : defaults[key];
  if (value === undefined || same(value, base)) delete next[key];
  else next[key] = value;
  const managedErrors = check(managed).errors;
  const errors = check(S.merge(managed, next)).errors
    .filter((e) => baseKey(e.key) === key && !managedErrors.some((m) => m.key === e.key && m.message === e.message));
  c.error.textContent = errors.map(sayError).join(' ');
  if (errors.length) {
    show('status', 'optNotSaved', [errors[0].message]);
    return; // the control keeps what was typed, so it can be corrected
  }
  user = next;
  await chrome.storage.local.set({ [S.USER_KEY]: user });
  show('status', 'optSaved');
}

async function reset() {
  await chrome.storage.local.remove(S.USER_KEY);
  user = {};
  for (const c of controls.values()) c.error.textContent = '';
  fill();
  show('status', 'optResetDone');
}

// ---- memory ----

async function showMemory() {
  const got = await chrome.storage.local.get(MEMORY_KEY);
  const v = got[MEMORY_KEY];
  const bytes = v === undefined ? 0 : new TextEncoder().encode(JSON.stringify(v)).length;
  const count = v && Array.isArray(v.profiles) ? v.profiles.length : 0;
  $('memory-size').textContent = msg('optMemorySize', [String(count), String(bytes)]);
  $('memory-size').dataset.bytes = String(bytes);
}

async function clearMemory() {
  showText('memory-status', '');
  const r = await chrome.runtime.sendMessage({ type: 'hirecheck:memory-clear' }).catch(() => null);
  show('memory-status', r && r.ok ? 'optMemoryCleared' : 'optMemoryFailed');
  await showMemory();
}

// ---- start ----

async function load() {
  const got = await S.readLive();
  managed = got.managed;
  user = got.user;
}

// The language the settings now ask for; the page was built in `lang`.
const langNow = () => M.effectiveLang(S.merge(managed, user).lang);

// Every text of the page in `lang`, and the form built for it. Runs at the start and again, in place,
// when the language changes: no reload, so the wasm is instantiated once per page.
function render() {
  lang = langNow();
  say = M.translator(lang);
  document.documentElement.lang = msg('langTag') === 'langTag' ? lang : msg('langTag');
  document.title = msg('optTitle');
  $('title').textContent = msg('optTitle');
  $('intro').textContent = msg('optIntro');
  $('memory-heading').textContent = msg('optGroupMemory');
  $('memory-clear').textContent = msg('optMemoryClear');
  $('reset').textContent = msg('optReset');
  $('no-core').textContent = msg('optNoCore');
  for (const [id, [name, subs]] of spoken) show(id, name, subs);
  const base = core ? core.validate_settings({}, lang) : { defaults: {}, rules: [], keys: [] };
  defaults = base.defaults;
  // Titles in the page's language (for these empty settings, "auto", the core takes the tag given).
  rules = base.rules.map((r) => ({ ...r, title: r.title || T.text(r.id, 'title', lang) }));
  keys = base.keys;
  controls.clear();
  $('settings').replaceChildren();
  build();
  fill();
}

async function start() {
  await load();
  try {
    // validate_settings needs no site adapter: the smallest module has it too (wasm/sites.js).
    const { SMALLEST } = await import(chrome.runtime.getURL('wasm/sites.js'));
    core = await import(chrome.runtime.getURL('wasm/hirecheck.js'));
    await core.default({ module_or_path: chrome.runtime.getURL(`wasm/${SMALLEST}.wasm`) });
  } catch (e) {
    core = null;
    console.error('HireCheck: the settings checker could not start.', e);
    $('no-core').hidden = false;
  }
  render();
  await showMemory();
  $('reset').addEventListener('click', () => reset().catch((e) => status(String(e))));
  $('memory-clear').addEventListener('click', () => clearMemory().catch((e) => status(String(e))));
  // A policy pushed while the page is open, or the settings changed in another tab: show them.
  chrome.storage.onChanged.addListener((changes, area) => {
    // A new language: every text on the page is written again in it.
    if (S.changesSettings(changes, area)) {
      load().then(() => (langNow() === lang ? fill() : (render(), showMemory()))).catch((e) => status(String(e)));
    }
    if (area === 'local' && MEMORY_KEY in changes) showMemory().catch(() => {});
  });
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  console.error('HireCheck: the options page failed.', e);
  status(String(e));
});
