// HireCheck's UI strings in the language the settings choose, for the options page and the popup.
// chrome.i18n.getMessage always answers in the browser's language; an organisation that sets `lang`
// ("en" or "de") by policy wants these pages in that language, as the badge is (the core's ui_lang,
// src/web/mod.rs). So scripts/build-extension.sh writes both locales' _locales/*/messages.json into
// this file's MESSAGES ({ en: { name: text }, de: {…} }, placeholders already turned into $1…$9):
// packaged data, nothing fetched. A classic script; sets one global and only ever returns text.
'use strict';

(() => {
  if (globalThis.HireCheckMessages) return;

  // Replaced by the build with both locales' messages; keep this line as it is.
  const MESSAGES = {};

  const own = (o, k) => (o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

  function browserTag() {
    try {
      return chrome.i18n.getUILanguage() || 'en';
    } catch (_) {
      return 'en';
    }
  }

  // "en" or "de": the settings' lang when it is one of them (trimmed, any case, as the core reads it),
  // otherwise ("auto", unset, or a value the core refuses and replaces by "auto") the browser's.
  function effectiveLang(settingsLang, tag = browserTag()) {
    const l = typeof settingsLang === 'string' ? settingsLang.trim().toLowerCase() : '';
    if (l === 'en' || l === 'de') return l;
    return String(tag || '').slice(0, 2).toLowerCase() === 'de' ? 'de' : 'en';
  }

  // A msg(name, subs) in `lang`, as chrome.i18n.getMessage: $1…$9 take subs (a string or a list).
  // Without the built table (an unbuilt copy), the browser's own lookup.
  function translator(lang) {
    const table = own(MESSAGES, lang);
    return (name, subs) => {
      const text = own(table, String(name));
      if (typeof text !== 'string') {
        try {
          return chrome.i18n.getMessage(name, subs);
        } catch (_) {
          return '';
        }
      }
      const list = subs === undefined || subs === null ? [] : [].concat(subs).map(String);
      return text.replace(/\$(\$|[1-9])/g, (_, d) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
    };
  }

  globalThis.HireCheckMessages = Object.freeze({ effectiveLang, translator, browserTag });
})();
