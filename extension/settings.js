// HireCheck settings (a classic script; content/main.js imports it as a module): one definition of
// where settings come from and how they merge, shared by the content script (imported first), the
// options page and the service worker's cache. Only reads storage; the options page writes the
// user's settings, the service worker the managed cache.
//
// Sources, weakest first: the core's defaults < the organisation's managed policy
// (chrome.storage.managed: Chrome/Edge policy, Firefox's "3rdparty" policy) < the user's own settings
// ("settings:user") for every key the policy does not lock. A locked key ("locked_settings", "*" for
// all) always takes the managed value, or the default when the policy does not set it.
// Values are not checked here: the wasm core checks every one and keeps defaults for invalid ones.
'use strict';

(() => {
  if (globalThis.HireCheckSettings) return;

  const USER_KEY = 'settings:user';
  const CACHE_KEY = 'settings:managed-cache';

  const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

  // The managed policy now; {} without one (Firefox rejects the read when no policy is set).
  async function readManaged() {
    try {
      const area = chrome.storage && chrome.storage.managed;
      if (!area) return {};
      const got = await area.get(null);
      return isObject(got) ? got : {};
    } catch (_) {
      return {};
    }
  }

  function lockedKeys(managed) {
    const l = isObject(managed) ? managed.locked_settings : null;
    return Array.isArray(l) ? l.filter((k) => typeof k === 'string') : [];
  }

  function isLocked(managed, key) {
    const l = lockedKeys(managed);
    return l.includes('*') || l.includes(key);
  }

  // The settings object the core reads: managed values, then the user's for unlocked keys.
  function merge(managed, user) {
    const m = isObject(managed) ? managed : {};
    const out = { ...m };
    for (const [k, v] of Object.entries(isObject(user) ? user : {})) {
      if (k === 'locked_settings' || isLocked(m, k)) continue; // only an organisation locks
      out[k] = v;
    }
    return out;
  }

  // The settings in storage.local items read elsewhere (the content scripts' loader reads them all):
  // the cached managed value and the user's settings.
  function fromItems(got) {
    const managed = isObject(got) && isObject(got[CACHE_KEY]) ? got[CACHE_KEY] : {};
    const user = isObject(got) && isObject(got[USER_KEY]) ? got[USER_KEY] : {};
    return { managed, user, effective: merge(managed, user) };
  }

  // Fast start: the cached managed value and the user's settings, in one storage.local read.
  async function readCached() {
    return fromItems(await chrome.storage.local.get([USER_KEY, CACHE_KEY]));
  }

  // The live managed value (the options page; the content script after a policy change).
  async function readLive() {
    const [managed, got] = await Promise.all([readManaged(), chrome.storage.local.get(USER_KEY)]);
    const user = isObject(got[USER_KEY]) ? got[USER_KEY] : {};
    return { managed, user, effective: merge(managed, user) };
  }

  // Whether a storage.onChanged event changes the settings.
  function changesSettings(changes, area) {
    if (area === 'managed') return true;
    return area === 'local' && isObject(changes) && (USER_KEY in changes || CACHE_KEY in changes);
  }

  globalThis.HireCheckSettings = Object.freeze({
    USER_KEY, CACHE_KEY, readManaged, readCached, readLive, fromItems, merge, isLocked, lockedKeys, changesSettings,
  });
})();
