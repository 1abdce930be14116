// HireCheck's badge, drawn from a report (content/main.js imports it before content.js, in the same
// isolated world). The one renderer: the wasm returns the report and content.js draws it here, and in
// safe mode (the page's CSP keeps the wasm out; fallback/relay.js checks a copy of the page inside the
// extension) it draws that report the same way, with one line that says so. Keeping the drawing out of
// the wasm keeps the module small (docs/performance.md) and the two modes alike.
//
// The page's badge: a disclosure button with the verdict and a panel that explains it, placed after the
// freelancer's name heading, or floating at the top right when there is none (or it is not rendered).
// On a proposals page, also one small badge per bidder row, after the bidder's name.
// Security: CLOSED shadow roots whose handles stay in this closure; the host element is a bare div that
// tells the page nothing; page text (in the report) only ever becomes text (textContent), never markup;
// attribute names are constants. The badge only shows; it changes nothing (the checklist is answered in
// the toolbar popup, where the page cannot overlay or click it). No network requests.
// Accessibility: native buttons with aria-expanded/aria-controls (Enter/Space toggle, Esc closes), a
// labelled region, the level in words and an icon (never colour alone), >= 4.5:1 contrast, a visible
// focus ring, no motion under prefers-reduced-motion, no focus theft.
'use strict';

(() => {
  if (globalThis.__hirecheckBadge) return;

  // Inside the shadow root. `!important` on :host wins over the page's rules, even its !important ones
  // and inline styles (CSS Scoping: for important declarations the inner context wins).
  const CSS = `:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;filter:none!important;transform:none!important;clip-path:none!important;pointer-events:auto!important;position:relative!important;margin:8px 0!important;padding:0!important;width:auto!important;height:auto!important;max-width:100%!important;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important;color:#1a1a1a!important;text-align:left!important;direction:ltr!important;z-index:auto}
*{box-sizing:border-box}
[hidden]{display:none!important}
.hc{font:inherit;color:#1a1a1a}
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
.panel{margin-top:8px;max-width:40rem;padding:12px 16px;background:#fff;color:#1a1a1a;border:1px solid #767676;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.2);text-align:left}
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
  // Added when there is no name heading to follow: the badge floats at the top right of the viewport.
  const CSS_FIXED = `:host{position:fixed!important;top:12px!important;right:12px!important;left:auto!important;bottom:auto!important;z-index:2147483647!important;margin:0!important;max-width:min(40rem,calc(100vw - 24px))!important}
.hc{text-align:right}.panel{text-align:left;max-height:calc(100vh - 80px);overflow:auto}
`;
  // A bidder row's badge: small, inline after the name; its panel opens over the list.
  const CSS_ROW = `:host{display:inline-block!important;position:relative!important;margin:0 0 0 8px!important;vertical-align:middle!important;max-width:100%!important;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important}
.btn{min-height:26px;padding:2px 10px 2px 4px;font-size:13px}.icon{width:18px;height:18px;font-size:11px}
.panel{position:absolute;z-index:2147483646;min-width:min(28rem,80vw)}
`;

  // The badge's own words (the core writes everything else in the report's language).
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
      notEnough: 'Not enough read', thisBid: 'HireCheck: this proposal',
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
      notEnough: 'Zu wenig gelesen', thisBid: 'HireCheck: dieses Angebot',
      evidence: 'Was gelesen wurde', why: 'Warum das zählt', source: 'Quelle', verify: 'So prüfen Sie es',
    },
  };
  const ICONS = { high: '!!', elevated: '!', low: '\u2713', unknown: '?' };
  const LEVELS = new Set(['high', 'elevated', 'low', 'unknown']);

  let drawn = null; // the page's badge: { host, root, key, anchor, panel }
  let rows = null; // the bidder rows' badges: { key, hosts }

  const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const arr = (v) => (Array.isArray(v) ? v : []);

  // The report says which language it is written in; a tag ("de-DE") stands in for older callers.
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

  // "Report to security: …": the core checked the address when it read the settings; only a mailto:
  // address becomes a link, anything else stays text.
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

  // "High risk · 85"; unknown says so in words, with a score only if something was found.
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

  // What was read, why it matters, the source and how to verify: the explanation every finding carries.
  function addExplanation(item, f, t) {
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

  function addFinding(list, f, t) {
    const item = add(list, 'li', undefined, { class: 'finding', 'data-hc': 'finding', 'data-rule': str(f.rule) });
    const head = add(item, 'h4', f.title);
    add(head, 'span', ` \u00b7 +${Number(f.points) || 0}${t.points}`, { class: 'pts' });
    addExplanation(item, f, t);
  }

  function setOpen(button, panel, open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) panel.removeAttribute('hidden');
    else panel.setAttribute('hidden', '');
  }

  // The button toggles (click, Enter, Space); Esc closes and returns the focus.
  function wire(wrap, button, panel) {
    button.addEventListener('click', () => setOpen(button, panel, panel.hasAttribute('hidden')));
    wrap.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !panel.hasAttribute('hidden')) {
        setOpen(button, panel, false);
        button.focus();
        e.stopPropagation();
      }
    });
  }

  function levelOf(risk) {
    return LEVELS.has(risk && risk.level) ? risk.level : 'unknown';
  }

  // The freelancer's name heading, which the badge follows: the first visible `itemprop=name` with text
  // (or the heading around it), else the first h1; null when the page has neither.
  function findAnchor() {
    const body = document.body;
    if (!body) return null;
    for (const el of document.querySelectorAll('[itemprop=name]')) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'meta' || tag === 'link' || !body.contains(el)) continue;
      if (!str(el.textContent).trim()) continue;
      return el.closest('h1,h2,h3,h4,h5,h6') || el;
    }
    const h1 = document.querySelector('h1');
    return h1 && body.contains(h1) ? h1 : null;
  }

  /**
   * Draws the page's badge for `report` (check_page's or, with `{ safe: true }`, check_html's),
   * replacing any previous one; an unchanged verdict in the same place that is still attached is left
   * as it is (late renders trigger many re-checks). Keeps the panel open and the focus on the button
   * if they were so before, so a re-check does not yank the reader away. Then the bidder rows' badges.
   */
  function draw(report, langTag, options) {
    const safe = Boolean(options && options.safe);
    const lang = langOf(report && report.lang ? report.lang : langTag);
    const t = TEXT[lang];
    const risk = (report && report.risk) || {};
    const level = levelOf(risk);
    const checklist = arr(report && report.checklist);
    const answered = checklist.filter((e) => e && e.answer).length;
    const anchor = findAnchor();
    const key = JSON.stringify([lang, safe, report && report.source, risk, report && report.missing, answered, checklist.length, report && report.org_note, report && report.report_contact]);
    if (!(drawn && drawn.key === key && drawn.anchor === anchor && drawn.host.isConnected)) {
      const wasOpen = Boolean(drawn && !drawn.panel.hasAttribute('hidden'));
      const hadFocus = Boolean(drawn && drawn.host.isConnected && drawn.root.activeElement);
      removePage();
      drawPage(report, { t, lang, risk, level, checklist, answered, anchor, key, safe, wasOpen, hadFocus });
    }
    drawBids(report, t, lang);
  }

  function drawPage(report, s) {
    const { t, lang, risk, level, checklist, answered } = s;
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const style = add(root, 'style');
    const score = String(Number(risk.score) || 0);
    const label = levelText(risk, level, t);
    const attrs = { class: 'hc', lang, 'data-hc': 'badge', 'data-level': level, 'data-score': score };
    if (s.safe) attrs['data-mode'] = 'safe';
    const wrap = add(root, 'div', undefined, attrs);

    const button = add(wrap, 'button', undefined, {
      type: 'button', class: `btn ${level}`, 'aria-expanded': s.wasOpen ? 'true' : 'false', 'aria-controls': 'hc-panel',
    });
    add(button, 'span', ICONS[level], { class: 'icon', 'aria-hidden': 'true' });
    add(button, 'span', 'HireCheck', { class: 'brand' });
    add(button, 'span', label, { class: 'label' });
    add(button, 'span', undefined, { class: 'chev', 'aria-hidden': 'true' });

    const panel = add(wrap, 'div', undefined, { id: 'hc-panel', class: 'panel', role: 'region', 'aria-labelledby': 'hc-title' });
    if (!s.wasOpen) panel.setAttribute('hidden', '');
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
    if (s.safe) add(panel, 'p', t.safeMode, { class: 'note', 'data-hc': 'safe-mode' });
    wire(wrap, button, panel);

    // Inside the closed root: tests time and read it; the page cannot.
    wrap.setAttribute('data-drawn-at', String(performance.now()));

    // After the name heading, where it is rendered (has a layout box); else floating.
    let css = CSS;
    let placed = false;
    const anchor = s.anchor;
    if (anchor && anchor.parentNode) {
      anchor.parentNode.insertBefore(host, anchor.nextSibling);
      placed = host.offsetParent !== null;
      if (!placed) host.remove();
    }
    if (!placed) {
      css += CSS_FIXED;
      // Floating, the panel may scroll: a scroll area must be reachable by keyboard.
      panel.setAttribute('tabindex', '0');
      (document.body || document.documentElement).append(host);
    }
    style.textContent = css;
    if (s.hadFocus) button.focus();
    drawn = { host, root, key: s.key, anchor, panel };
  }

  // One small badge per bidder row, after the bidder's name; only where the core read the bids from the
  // page's own rows (report.bid_rows) and the page still shows as many rows as it read.
  function drawBids(report, t, lang) {
    const bids = arr(report && report.bids);
    const where = report && report.bid_rows;
    const key = JSON.stringify([lang, report && report.source, bids.map((b) => b && b.risk)]);
    if (rows && rows.key === key && rows.hosts.length && rows.hosts.every((h) => h.isConnected)) return;
    removeRows();
    if (!bids.length || !where || typeof where.rows !== 'string') return;
    let list;
    try {
      list = document.querySelectorAll(where.rows);
    } catch (_) {
      return; // not a selector this browser reads
    }
    if (list.length !== bids.length) return; // the page changed since it was read: no badge in a wrong row
    const hosts = [];
    bids.forEach((bid, i) => {
      const row = list[i];
      let name = null;
      for (const css of arr(where.names)) {
        try { name = row.querySelector(str(css)); } catch (_) { name = null; }
        if (name) break;
      }
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'closed' });
      add(root, 'style', CSS + CSS_ROW);
      rowBadge(root, i, (bid && bid.risk) || {}, t, lang);
      if (name && name.parentNode) name.parentNode.insertBefore(host, name.nextSibling);
      else row.insertBefore(host, row.firstChild);
      hosts.push(host);
    });
    rows = { key, hosts };
  }

  function rowBadge(root, index, risk, t, lang) {
    const level = levelOf(risk);
    const score = String(Number(risk.score) || 0);
    const label = level === 'unknown' ? t.notEnough : `${t.level[level]} \u00b7 ${score}`;
    const wrap = add(root, 'div', undefined, {
      class: 'hc', lang, 'data-hc': 'bid-badge', 'data-index': String(index), 'data-level': level, 'data-score': score,
    });
    const button = add(wrap, 'button', undefined, {
      type: 'button', class: `btn ${level}`, 'aria-expanded': 'false', 'aria-controls': 'hc-bid-panel',
    });
    add(button, 'span', ICONS[level], { class: 'icon', 'aria-hidden': 'true' });
    add(button, 'span', label, { class: 'label' });
    const panel = add(wrap, 'div', undefined, { id: 'hc-bid-panel', class: 'panel', role: 'region', 'aria-label': t.thisBid, hidden: '' });
    add(panel, 'p', risk.summary, { 'data-hc': 'bid-summary' });
    const findings = arr(risk.findings).filter((f) => f && typeof f === 'object');
    if (findings.length) {
      const list = add(panel, 'ol');
      for (const f of findings) {
        const item = add(list, 'li', undefined, { class: 'finding', 'data-hc': 'bid-finding', 'data-rule': str(f.rule) });
        add(item, 'h4', f.title);
        addExplanation(item, f, t);
      }
    }
    wire(wrap, button, panel);
  }

  function removePage() {
    if (drawn) drawn.host.remove();
    drawn = null;
  }

  function removeRows() {
    if (rows) for (const h of rows.hosts) h.remove();
    rows = null;
  }

  function remove() {
    removePage();
    removeRows();
  }

  // Whether everything drawn is still in the document (a page that re-renders may drop it).
  function attached() {
    return Boolean(drawn && drawn.host.isConnected) && (!rows || rows.hosts.every((h) => h.isConnected));
  }

  // The element the page's badge hangs on (for the content script's check that the page does not cover it).
  function host() {
    return drawn ? drawn.host : null;
  }

  Object.defineProperty(globalThis, '__hirecheckBadge', { value: Object.freeze({ draw, remove, attached, host }) });
})();
