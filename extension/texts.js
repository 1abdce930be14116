// HireCheck's static texts: each rule's, check's and checklist item's title, why it matters and how to
// verify it, in English and German, and its public sources, by id. The one source is src/texts/texts.json: the CLI embeds it
// (build.rs), and scripts/build-extension.sh puts it into this file's TABLE. The wasm leaves these
// texts out (they were 38 KB of the module every page downloads; docs/architecture.md, "Texts"): its
// report carries the ids with empty texts, and join() fills them here, before anything shows the report.
// A content script (content/main.js joins it in before badge.js and content.js) and a classic script of
// the options page; sets one global, fetches nothing, and only ever returns text (never markup).
'use strict';

(() => {
  if (globalThis.__hirecheckTexts) return;

  // Replaced by the build with src/texts/texts.json; keep this line as it is.
  const TABLE = {};
  // The entry with the "why" of every finding from a checklist answer (src/texts/mod.rs, CHECKLIST).
  const CHECKLIST = 'checklist';

  const own = (o, k) => (o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
  const list = (v) => (Array.isArray(v) ? v : []);

  // "en" or "de" from the report's lang or a browser language tag such as "de-DE" (as the core's Lang::from_tag).
  function langOf(tag) {
    return String(tag || '').slice(0, 2).toLowerCase() === 'de' ? 'de' : 'en';
  }

  // The text, or '' when the table has none. part: 'title', 'why', 'verify' or 'how'.
  function text(id, part, lang) {
    const t = own(own(own(TABLE, String(id)), part), langOf(lang));
    return typeof t === 'string' ? t : '';
  }

  // The public sources as a finding shows them (English only), or ''.
  function source(id) {
    const s = own(own(TABLE, String(id)), 'sources');
    return Array.isArray(s) ? s.filter((x) => typeof x === 'string').join('; ') : '';
  }

  // Fills o[key] when it is empty (the wasm's report); a text the core did write stays.
  function fill(o, key, value) {
    if (o && typeof o === 'object' && (typeof o[key] !== 'string' || o[key] === '')) o[key] = value;
  }

  function joinRisk(risk, lang) {
    if (!risk || typeof risk !== 'object') return;
    for (const f of list(risk.findings)) {
      if (!f || typeof f !== 'object') continue;
      // A finding from a checklist answer: the item's "how" is how to verify, the why is shared.
      const item = own(own(TABLE, String(f.rule)), 'how') !== undefined;
      fill(f, 'title', text(f.rule, 'title', lang));
      fill(f, 'why', item ? text(CHECKLIST, 'why', lang) : text(f.rule, 'why', lang));
      fill(f, 'verify', text(f.rule, item ? 'how' : 'verify', lang));
      fill(f, 'source', source(f.rule)); // the organisation's block list writes its own
    }
    for (const u of list(risk.unevaluated)) fill(u, 'title', text(u && u.rule, 'title', lang));
  }

  // The report with its texts, in the report's language: findings and unevaluated rules (the page's and
  // every bid's) and the checklist. Changes the report in place and returns it.
  function join(report) {
    if (!report || typeof report !== 'object') return report;
    const lang = langOf(report.lang);
    joinRisk(report.risk, lang);
    for (const b of list(report.bids)) joinRisk(b && b.risk, lang);
    for (const e of list(report.checklist)) {
      fill(e, 'title', text(e && e.id, 'title', lang));
      fill(e, 'how', text(e && e.id, 'how', lang));
    }
    return report;
  }

  Object.defineProperty(globalThis, '__hirecheckTexts', { value: Object.freeze({ join, text, source, langOf }) });
})();
