// HireCheck's texts: each rule's, check's and checklist item's title, why it matters and how to
// verify it, in English and German, and its public sources, by id; and the sentences of the evidence
// and the summary, by key, with numbered blanks. The sources are src/texts/texts.json and
// src/texts/sentences.json: the CLI embeds them (build.rs), and scripts/build-extension.sh puts them
// into this file's TABLE and SENTENCES. The wasm leaves these texts out (they were 38 KB and about
// 30 KB of the module every page downloads; docs/architecture.md, "Texts"): its report carries the ids
// with empty texts, and each sentence as its key and values (src/texts/say.rs), and join() writes them
// here, before anything shows the report.
// A content script (content/main.js joins it in before badge.js and content.js) and a classic script of
// the options page; sets one global, fetches nothing, and only ever returns text (never markup).
'use strict';

(() => {
  if (globalThis.__hirecheckTexts) return;

  // Replaced by the build with src/texts/texts.json; keep this line as it is.
  const TABLE = {};
  // Replaced by the build with src/texts/sentences.json; keep this line as it is.
  const SENTENCES = {};
  // How the wasm marks a sentence it leaves to us: this character, then ["key", "value", …]
  // (src/texts/say.rs, MARK). The core drops control characters from the text fields it reads; a page
  // string that still began with it would at worst show as one of our sentences, as text.
  const MARK = '\u0001';
  // A value may be a sentence itself; no sentence of ours nests deeper than this.
  const MAX_NESTING = 8;
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

  // The sentence a marked string stands for, in `lang`, its blanks filled with its values (each written
  // the same way first); any other string as it is. Only ever text: the badge sets it as textContent.
  function say(s, lang, depth = 0) {
    if (typeof s !== 'string' || s[0] !== MARK) return s;
    let parts;
    try {
      parts = JSON.parse(s.slice(1));
    } catch (_) {
      return s.slice(1);
    }
    if (!Array.isArray(parts) || typeof parts[0] !== 'string') return s.slice(1);
    const template = own(own(SENTENCES, parts[0]), lang);
    const values = parts.slice(1).map((v) => (depth < MAX_NESTING ? say(String(v), lang, depth + 1) : String(v)));
    // Without its sentence (a table from another build), its values are still shown, not nothing.
    if (typeof template !== 'string') return values.join(' ');
    return template.replace(/\{(\d)\}/g, (_, d) => values[Number(d)] ?? '');
  }

  // Every marked string anywhere in `v` (an object or list of the report) written as its sentence.
  function sayAll(v, lang) {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === 'string') v[i] = say(v[i], lang);
        else sayAll(v[i], lang);
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (typeof v[k] === 'string') v[k] = say(v[k], lang);
        else sayAll(v[k], lang);
      }
    }
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

  // The report with its texts, in the report's language: its sentences, findings and unevaluated rules
  // (the page's and every bid's) and the checklist. Changes the report in place and returns it.
  function join(report) {
    if (!report || typeof report !== 'object') return report;
    const lang = langOf(report.lang);
    sayAll(report, lang);
    joinRisk(report.risk, lang);
    for (const b of list(report.bids)) joinRisk(b && b.risk, lang);
    for (const e of list(report.checklist)) {
      fill(e, 'title', text(e && e.id, 'title', lang));
      fill(e, 'how', text(e && e.id, 'how', lang));
    }
    return report;
  }

  Object.defineProperty(globalThis, '__hirecheckTexts', { value: Object.freeze({ join, text, source, langOf, say }) });
})();
