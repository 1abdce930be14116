// HireCheck safe mode: the in-page badge, drawn from a report (content/main.js
// imports it before content.js, in the same isolated world).
//
// Where the page's CSP keeps the wasm out of the content script, the extension checks the page from
// its HTML in an extension page (fallback/relay.js) and content.js draws the verdict with this. It
// looks and behaves like the wasm's badge (src/web/badge.rs: same colours, same disclosure button,
// same panel), floats at the top right, and says in one line that it ran in safe mode.
// Security: a CLOSED shadow root whose handle stays in this closure; page text (in the report) only
// ever becomes text (textContent), never markup; attribute names are constants. No network requests.
'use strict';

(() => {
  if (globalThis.__hirecheckSafeBadge) return;

  // The wasm badge's styles (src/web/badge.rs: CSS + CSS_FIXED), plus the safe-mode note.
  const CSS = `:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;filter:none!important;transform:none!important;clip-path:none!important;pointer-events:auto!important;position:fixed!important;top:12px!important;right:12px!important;left:auto!important;bottom:auto!important;z-index:2147483647!important;margin:0!important;padding:0!important;width:auto!important;height:auto!important;max-width:min(40rem,calc(100vw - 24px))!important;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important;color:#1a1a1a!important;text-align:left!important;direction:ltr!important}
*{box-sizing:border-box}
[hidden]{display:none!important}
.hc{font:inherit;color:#1a1a1a;text-align:right}
.btn{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:8px;min-height:32px;padding:4px 12px 4px 6px;border:2px solid transparent;border-radius:999px;cursor:pointer;font:600 14px/1.3 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.btn:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.brand{font-weight:400}
.icon{display:inline-flex;align-items:center;justify-content:center;width:22px;height:22px;border-radius:50%;background:#fff;font-weight:700;font-size:13px;line-height:1}
.chev{display:inline-block;width:7px;height:7px;margin:0 3px 3px 2px;border-right:2px solid currentColor;border-bottom:2px solid currentColor;transform:rotate(45deg);transition:transform .15s ease-out}
.btn[aria-expanded="true"] .chev{transform:rotate(-135deg);margin:3px 3px 0 2px}
.high{background:#b00020;color:#fff}.high .icon{color:#b00020}
.elevated{background:#ffd666;color:#3d2600;border-color:#7a4f00}.elevated .icon{background:#3d2600;color:#ffd666}
.low{background:#1b5e20;color:#fff}.low .icon{color:#1b5e20}
.unknown{background:#4a4a4a;color:#fff}.unknown .icon{color:#4a4a4a}
.panel{margin-top:8px;max-width:40rem;max-height:calc(100vh - 80px);overflow:auto;padding:12px 16px;background:#fff;color:#1a1a1a;border:1px solid #767676;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.2);text-align:left}
.panel:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
h2{font-size:16px;margin:0 0 6px}
h3{font-size:14px;margin:14px 0 4px}
h4{font-size:14px;margin:0 0 4px}
p{margin:4px 0}
ul,ol{margin:4px 0;padding-left:20px}
li{margin:2px 0}
.finding{margin:10px 0}
.pts{font-weight:400;color:#4d4d4d}
dl{margin:4px 0}
dt{font-weight:600;margin-top:6px}
dd{margin:0}
.muted{color:#4d4d4d}
.note{margin:8px 0 0;padding:6px 8px;border-left:3px solid #4a4a4a;background:#f2f2f2;color:#1a1a1a}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
@media (forced-colors:active){.btn{border-color:ButtonText}.icon{border:1px solid CanvasText}}
`;

  // The wasm badge's words (src/web/badge.rs, src/score.rs), in its two languages.
  const TEXT = {
    en: {
      level: { high: 'High risk', elevated: 'Elevated risk', low: 'Low risk', unknown: 'Unknown' },
      riskUnknown: 'Risk unknown',
      couldNotRead: (read, expected) => `Could not read this page well (${read} of ${expected} fields)`,
      points: ' points',
      reasons: 'Indicators are reasons to verify, not proof of fraud.',
      found: 'Indicators found',
      couldNotCheck: 'Could not check',
      notRead: ' \u2014 not read: ',
      notReadHere: 'Not read from this page',
      checklist: (answered, items) => `Checklist: ${answered} of ${items} answered \u2014 open the HireCheck toolbar button to fill it in.`,
      privacy: 'HireCheck reads only this page and sends nothing anywhere.',
      reportTo: 'Report to security: ',
      safeMode: 'Checked in the extension\u2019s safe mode: this page blocks WebAssembly, so HireCheck read a copy of it inside the extension.',
      evidence: 'What was read', why: 'Why it matters', source: 'Source', verify: 'How to verify',
    },
    de: {
      level: { high: 'Hohes Risiko', elevated: 'Erhöhtes Risiko', low: 'Geringes Risiko', unknown: 'Unbekannt' },
      riskUnknown: 'Risiko unbekannt',
      couldNotRead: (read, expected) => `Diese Seite ließ sich nicht gut lesen (${read} von ${expected} Feldern)`,
      points: ' Punkte',
      reasons: 'Merkmale sind Anlass zur Prüfung, kein Beweis für Betrug.',
      found: 'Gefundene Merkmale',
      couldNotCheck: 'Nicht prüfbar',
      notRead: ' \u2014 nicht gelesen: ',
      notReadHere: 'Auf dieser Seite nicht gelesen',
      checklist: (answered, items) => `Checkliste: ${answered} von ${items} beantwortet \u2014 füllen Sie sie über die HireCheck-Schaltfläche in der Symbolleiste aus.`,
      privacy: 'HireCheck liest nur diese Seite und sendet nichts irgendwohin.',
      reportTo: 'An die Sicherheit melden: ',
      safeMode: 'Im geschützten Modus der Erweiterung geprüft: Diese Seite blockiert WebAssembly, daher hat HireCheck eine Kopie der Seite in der Erweiterung gelesen.',
      evidence: 'Was gelesen wurde', why: 'Warum das zählt', source: 'Quelle', verify: 'So prüfen Sie es',
    },
  };
  const ICONS = { high: '!!', elevated: '!', low: '\u2713', unknown: '?' };
  const LEVELS = new Set(['high', 'elevated', 'low', 'unknown']);

  let drawn = null; // { host, key, panel, button }

  const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const arr = (v) => (Array.isArray(v) ? v : []);

  // Same rule as the core's Lang::from_tag.
  function langOf(tag) {
    return /^de/i.test(str(tag)) ? 'de' : 'en';
  }

  function add(parent, tag, text, attrs) {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = str(text);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    parent.append(el);
    return el;
  }

  // "Report to security: …" as the wasm badge draws it: the core checked the address when it read
  // the settings; only a mailto: address becomes a link, anything else stays text.
  function addContact(panel, contact, t) {
    if (!contact || typeof contact !== 'object') return;
    const p = add(panel, 'p', undefined, { 'data-hc': 'report-contact' });
    add(p, 'span', t.reportTo);
    const mail = contact.mail;
    if (mail && typeof mail.href === 'string' && /^mailto:/i.test(mail.href)) {
      add(p, 'a', mail.address, { href: mail.href, rel: 'noopener noreferrer' });
    } else {
      add(p, 'span', typeof contact.text === 'string' ? contact.text : '');
    }
  }

  function fieldLabel(key) {
    let label = '';
    try { label = chrome.i18n.getMessage(`field_${str(key).replace(/[^a-z_]/g, '')}`); } catch (_) { /* context gone */ }
    return label || str(key).replace(/_/g, ' ');
  }

  // "High risk · 85"; unknown says so in words, with a score only if something was found (as the wasm).
  function levelText(risk, level, t) {
    const coverage = risk.coverage || {};
    let s;
    if (level !== 'unknown') s = t.level[level];
    else if (Number(coverage.fields_expected) > 0) s = t.couldNotRead(Number(coverage.fields_read) || 0, Number(coverage.fields_expected));
    else s = t.riskUnknown;
    const score = Number(risk.score) || 0;
    if (level !== 'unknown' || score > 0) s += ` \u00b7 ${score}`;
    return s;
  }

  function addFinding(list, f, t) {
    const item = add(list, 'li', undefined, { class: 'finding', 'data-hc': 'finding', 'data-rule': str(f.rule) });
    const head = add(item, 'h4', f.title);
    add(head, 'span', ` \u00b7 +${Number(f.points) || 0}${t.points}`, { class: 'pts' });
    const dl = add(item, 'dl');
    const evidence = arr(f.evidence).map(str).filter(Boolean);
    if (evidence.length) {
      add(dl, 'dt', t.evidence);
      const ul = add(add(dl, 'dd'), 'ul');
      for (const e of evidence) add(ul, 'li', e);
    }
    for (const [term, text] of [[t.why, f.why], [t.source, f.source], [t.verify, f.verify]]) {
      if (str(text) !== '') {
        add(dl, 'dt', term);
        add(dl, 'dd', text);
      }
    }
  }

  function setOpen(button, panel, open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) panel.removeAttribute('hidden');
    else panel.setAttribute('hidden', '');
  }

  /**
   * Draws the badge for `report` (check_html's report) in the language `langTag`, replacing any
   * previous one; an unchanged verdict that is still attached is left as it is. Keeps the panel open
   * and the focus on the button if they were so before.
   */
  function draw(report, langTag) {
    const lang = langOf(langTag);
    const t = TEXT[lang];
    const risk = (report && report.risk) || {};
    const level = LEVELS.has(risk.level) ? risk.level : 'unknown';
    const checklist = arr(report && report.checklist);
    const answered = checklist.filter((e) => e && e.answer).length;
    const key = JSON.stringify([lang, report && report.source, risk, report && report.missing, answered, checklist.length, report && report.org_note, report && report.report_contact]);
    if (drawn && drawn.key === key && drawn.host.isConnected) return;
    const wasOpen = Boolean(drawn && !drawn.panel.hasAttribute('hidden'));
    const hadFocus = Boolean(drawn && drawn.host.isConnected && drawn.root.activeElement);
    remove();

    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    add(root, 'style', CSS);
    const score = String(Number(risk.score) || 0);
    const label = levelText(risk, level, t);
    const wrap = add(root, 'div', undefined, {
      class: 'hc', lang, 'data-hc': 'badge', 'data-mode': 'safe', 'data-level': level, 'data-score': score,
    });

    const button = add(wrap, 'button', undefined, {
      type: 'button', class: `btn ${level}`, 'aria-expanded': wasOpen ? 'true' : 'false', 'aria-controls': 'hc-panel',
    });
    add(button, 'span', ICONS[level], { class: 'icon', 'aria-hidden': 'true' });
    add(button, 'span', 'HireCheck', { class: 'brand' });
    add(button, 'span', label, { class: 'label' });
    add(button, 'span', undefined, { class: 'chev', 'aria-hidden': 'true' });

    // Floating, the panel may scroll: a scroll area must be reachable by keyboard (tabindex).
    const panel = add(wrap, 'div', undefined, {
      id: 'hc-panel', class: 'panel', role: 'region', 'aria-labelledby': 'hc-title', tabindex: '0',
    });
    if (!wasOpen) panel.setAttribute('hidden', '');
    add(panel, 'h2', `HireCheck: ${level === 'unknown' ? t.riskUnknown : label}`, { id: 'hc-title' });
    add(panel, 'p', risk.summary, { 'data-hc': 'summary' });
    add(panel, 'p', t.reasons, { class: 'muted' });

    const findings = arr(risk.findings).filter((f) => f && typeof f === 'object');
    if (findings.length) {
      add(panel, 'h3', t.found);
      const list = add(panel, 'ol');
      for (const f of findings) addFinding(list, f, t);
    }
    const unevaluated = arr(risk.unevaluated).filter((u) => u && typeof u === 'object');
    if (unevaluated.length) {
      add(panel, 'h3', t.couldNotCheck);
      const ul = add(panel, 'ul');
      for (const u of unevaluated) {
        const missing = arr(u.missing).map(fieldLabel);
        add(ul, 'li', str(u.title) + (missing.length ? t.notRead + missing.join(', ') : ''));
      }
    }
    const missing = arr(report && report.missing).map(fieldLabel);
    if (missing.length) {
      add(panel, 'h3', t.notReadHere);
      add(panel, 'p', missing.join(', '));
    }
    if (checklist.length) {
      add(panel, 'p', t.checklist(answered, checklist.length), {
        'data-hc': 'checklist', 'data-answered': String(answered), 'data-items': String(checklist.length),
      });
    }
    if (typeof (report && report.org_note) === 'string') add(panel, 'p', report.org_note, { 'data-hc': 'org-note' });
    addContact(panel, report && report.report_contact, t);
    add(panel, 'p', t.privacy, { class: 'muted' });
    add(panel, 'p', t.safeMode, { class: 'note', 'data-hc': 'safe-mode' });

    // The native button toggles (click, Enter, Space); Esc closes and returns the focus.
    button.addEventListener('click', () => setOpen(button, panel, panel.hasAttribute('hidden')));
    wrap.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !panel.hasAttribute('hidden')) {
        setOpen(button, panel, false);
        button.focus();
        e.stopPropagation();
      }
    });

    // Inside the closed root, like the wasm badge's hooks: tests time and read it; the page cannot.
    wrap.setAttribute('data-drawn-at', String(performance.now()));
    (document.body || document.documentElement).append(host);
    if (hadFocus) button.focus();
    drawn = { host, root, key, panel, button };
  }

  function remove() {
    if (drawn) drawn.host.remove();
    drawn = null;
  }

  function attached() {
    return Boolean(drawn && drawn.host.isConnected);
  }

  // The element the badge hangs on (for the content script's check that the page does not cover it).
  function host() {
    return drawn ? drawn.host : null;
  }

  Object.defineProperty(globalThis, '__hirecheckSafeBadge', { value: Object.freeze({ draw, remove, attached, host }) });
})();
