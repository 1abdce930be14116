// The static checks of a built extension directory, as functions that return the problems they find
// (static.test.mjs runs them on dist/chromium, dist/firefox when built, and on planted bad copies).
// Each problem is one sentence naming the file and line.
import fs from 'node:fs';
import path from 'node:path';

// What the extension may ask for: its own storage, and an offscreen document (a page of its own).
export const ALLOWED_PERMISSIONS = new Set(['storage', 'offscreen']);
// Named so that the message says why: each can see, change or send traffic.
const NETWORK_PERMISSIONS = /^(webRequest\w*|declarativeNetRequest\w*|declarativeWebRequest|proxy|dns|webNavigation|debugger|downloads\w*|nativeMessaging|identity|gcm|pushMessaging|vpnProvider|webAuthenticationProxy|tabCapture|desktopCapture|cookies|background|<all_urls>|\w+:\/\/.*)$/;

/** Files below `dir` whose names end with one of `exts`. */
export function filesIn(dir, exts) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesIn(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** { line, index, text, match } of every match of `re` (global) in `text`. */
export function hits(text, re) {
  const out = [];
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ line, index: m.index, text: text.split('\n')[line - 1].trim().slice(0, 160), match: m[0] });
  }
  return out;
}

// ---- the manifest ----------------------------------------------------------------------------------

export function checkManifest(text) {
  const problems = [];
  let m;
  try {
    m = JSON.parse(text);
  } catch (e) {
    return [`manifest.json is not JSON: ${e.message}`];
  }
  if (m.manifest_version !== 3) problems.push(`manifest.json: manifest_version is ${m.manifest_version}, not 3`);
  if (text.includes('<all_urls>')) problems.push('manifest.json mentions <all_urls>');
  for (const k of ['host_permissions', 'optional_host_permissions']) {
    if ((m[k] ?? []).length) problems.push(`manifest.json: ${k} ${JSON.stringify(m[k])}: the extension needs no host access`);
  }
  for (const k of ['permissions', 'optional_permissions']) {
    for (const p of m[k] ?? []) {
      if (ALLOWED_PERMISSIONS.has(p)) continue;
      const why = NETWORK_PERMISSIONS.test(p) ? ' (it can see, change or send network traffic)' : '';
      problems.push(`manifest.json: ${k} has "${p}"${why}; allowed: ${[...ALLOWED_PERMISSIONS].join(', ')}`);
    }
  }
  if (m.externally_connectable !== undefined) problems.push('manifest.json: externally_connectable lets web pages message the extension');
  if (m.update_url !== undefined) problems.push(`manifest.json: update_url ${m.update_url} makes the browser ask a server for updates`);
  if (m.declarative_net_request !== undefined) problems.push('manifest.json: declarative_net_request rules act on network traffic');
  for (const cs of m.content_scripts ?? []) {
    for (const pat of cs.matches ?? []) {
      if (/^(\*|https?|file):\/\/\*\//.test(pat)) problems.push(`manifest.json: a content script on every site: ${pat}`);
    }
  }
  for (const w of m.web_accessible_resources ?? []) {
    for (const pat of w.matches ?? []) {
      if (/^(\*|https?):\/\/\*\//.test(pat)) problems.push(`manifest.json: web_accessible_resources for every site: ${pat}`);
    }
  }
  const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : Object.values(m.content_security_policy ?? {}).join(' ');
  if (/https?:|\s\*|'unsafe-eval'|'unsafe-inline'|data:|blob:/.test(csp)) problems.push(`manifest.json: content_security_policy allows remote or inline code: ${csp}`);
  return problems;
}

// ---- the extension's own scripts and pages ----------------------------------------------------------

// APIs that talk to the network (or to another process that could), by name. Our own files use none.
const NETWORK_APIS = /\b(fetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|WebTransport|RTCPeerConnection|connectNative|sendNativeMessage|chrome\.downloads|browser\.downloads)/g;
// Code from strings: eval, the Function constructor, string timers.
const CODE_FROM_STRINGS = /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(\s*["'`]|\bset(Timeout|Interval)\s*\(\s*["'`]/g;
// Setting a remote address where the browser would load it (markup and CSS too).
const REMOTE_ATTRS = /\b(src|href|action|data)\s*=\s*["'`]\s*(https?:)?\/\/|url\(\s*["']?\s*(https?:)?\/\//g;
// An argument that is one of the extension's own files: a relative literal or runtime.getURL('...').
const LOCAL_ARG = /^\s*(["'`])(?!\s*(https?:|\/\/|data:|blob:|javascript:))[^"'`]+\1\s*\)|^\s*(chrome|browser)\.runtime\.getURL\(\s*(["'`])[^"'`:]+\4\s*\)\s*\)/;
// Calls that load code from the argument's address.
const CODE_LOADS = /\b(importScripts|import|new\s+(?:Shared)?Worker|navigator\.serviceWorker\.register)\s*\(/g;
// A module's static imports and re-exports (`import '…'`, `import x from '…'`, `export … from '…'`):
// the keyword is group 1, the address group 3.
const STATIC_IMPORTS = /^\s*(import(?=\s*["'])|(?:import|export)(?=\b[^'"`;()]*?\bfrom\s*["']))[^'"`;()]*?(["'])([^"'\n]+)\2/gm;

/**
 * JavaScript with its comments blanked out (same length, same lines), so that a comment that names
 * an API is not taken for a call. Strings, template literals and regular expression literals are kept.
 */
export function withoutComments(src) {
  const out = src.split('');
  let i = 0;
  let prev = ''; // the last significant character, to tell a regex literal from a division
  const blank = (from, to) => { for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' '; };
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const to = end < 0 ? src.length : end;
      blank(i, to);
      i = to;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const to = end < 0 ? src.length : end + 2;
      blank(i, to);
      i = to;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      i = j + 1;
      prev = c;
    } else if (c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev))) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j += 1;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j += 1;
      }
      i = j + 1;
      prev = '/';
    } else {
      if (!/\s/.test(c)) prev = c;
      i += 1;
    }
  }
  return out.join('');
}

/** Problems in one of the extension's own scripts or pages (`name`: its path for messages). */
export function checkOwnFile(name, source) {
  const problems = [];
  const text = /\.[mc]?js$/.test(name) ? withoutComments(source) : source;
  for (const h of hits(text, NETWORK_APIS)) problems.push(`${name}:${h.line}: network API ${h.match.replace(/\s*\($/, '')}: ${h.text}`);
  for (const h of hits(text, CODE_FROM_STRINGS)) problems.push(`${name}:${h.line}: code from a string (${h.match.trim()}): ${h.text}`);
  for (const h of hits(text, REMOTE_ATTRS)) problems.push(`${name}:${h.line}: remote load: ${h.text}`);
  if (/\.m?js$/.test(name)) {
    for (const m of text.matchAll(STATIC_IMPORTS)) {
      if (/^\.{0,2}\//.test(m[3]) && !/^\/\//.test(m[3])) continue; // a packaged file, by a relative or absolute path
      const line = text.slice(0, m.index).split('\n').length + (m[0].match(/^\s*/)[0].split('\n').length - 1);
      problems.push(`${name}:${line}: ${m[1]} from something other than a packaged file: ${text.split('\n')[line - 1].trim().slice(0, 160)}`);
    }
  }
  for (const h of hits(text, CODE_LOADS)) {
    const rest = text.slice(h.index + h.match.length, h.index + h.match.length + 300);
    if (!LOCAL_ARG.test(rest)) problems.push(`${name}:${h.line}: ${h.match.replace(/\s*\($/, '')} of something other than a packaged file: ${h.text}`);
  }
  if (/\.html?$/.test(name)) {
    for (const h of hits(text, /<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/gi)) problems.push(`${name}:${h.line}: inline script (blocked by the MV3 CSP): ${h.text}`);
    for (const h of hits(text, /<script\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//gi)) problems.push(`${name}:${h.line}: remote script: ${h.text}`);
  }
  return problems;
}

// ---- what runs in the pages' content-script world ----------------------------------------------------

// A packaged file a script imports: `import '…'`/`from '…'` (relative), or `import(runtime.getURL('…'))`.
const IMPORTED = /^\s*(?:import(?=\s*["'])|(?:import|export)(?=\b[^'"`;()]*?\bfrom\s*["']))[^'"`;()]*?["'](\.{1,2}\/[^"'\n]+)["']|\bimport\s*\(\s*(?:chrome|browser)\.runtime\.getURL\(\s*["'`]([^"'`:]+)["'`]\s*\)\s*\)/gm;

/**
 * Every file of the extension in `dir` that runs in a page's content-script world: the manifest's
 * content scripts and, transitively, the modules they import (statically, or dynamically by
 * runtime.getURL). Paths inside `dir`, '/'-separated, in the order found.
 */
export function contentScriptFiles(dir) {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const out = [];
  const visit = (file) => {
    if (out.includes(file)) return;
    out.push(file);
    const p = path.join(dir, file);
    if (!fs.existsSync(p)) return;
    const text = withoutComments(fs.readFileSync(p, 'utf8'));
    for (const x of text.matchAll(IMPORTED)) {
      visit(x[1] ? path.posix.normalize(path.posix.join(path.posix.dirname(file), x[1])) : x[2].replace(/^\//, ''));
    }
  };
  for (const cs of m.content_scripts ?? []) for (const f of cs.js ?? []) visit(f);
  return out;
}

// ---- the wasm-bindgen glue and its callers ------------------------------------------------------------

/**
 * The glue (wasm-bindgen --target web, and the same as a classic script for the content scripts,
 * --target no-modules) may fetch one thing: `module_or_path` in `__wbg_init`, which is
 * whatever its caller passes. Any other fetch or network API would be an import shim for a Rust call
 * to one, which must not exist.
 */
export function checkGlue(name, text) {
  const problems = [];
  const fetches = hits(text, /\bfetch\s*\(/g);
  if (fetches.length !== 1 || fetches[0].text !== 'module_or_path = fetch(module_or_path);') {
    problems.push(`${name}: expected exactly one fetch, the loader's "module_or_path = fetch(module_or_path);"; found ${fetches.length}: ${fetches.map((h) => `${h.line}: ${h.text}`).join(' | ')}`);
  }
  for (const h of hits(text, /\b(XMLHttpRequest|WebSocket|sendBeacon|EventSource|WebTransport|RTCPeerConnection|importScripts)\b/g)) {
    problems.push(`${name}:${h.line}: network API ${h.match}: ${h.text}`);
  }
  for (const h of hits(text, CODE_FROM_STRINGS)) problems.push(`${name}:${h.line}: code from a string (${h.match.trim()}): ${h.text}`);
  return problems;
}

// What our code may hand the glue's init: the packaged .wasm by runtime.getURL, or its bytes.
const INIT_ARG = new RegExp([
  String.raw`^\s*\{\s*module_or_path\s*:\s*(chrome|browser)\.runtime\.getURL\(\s*(["'\x60])[^"'\x60:]+\.wasm\2\s*\)\s*,?\s*\}\s*\)`,
  String.raw`^\s*(chrome|browser)\.runtime\.getURL\(\s*(["'\x60])[^"'\x60:]+\.wasm\5\s*\)\s*\)`,
  String.raw`^\s*\{\s*module(_or_path)?\s*:\s*(bytes|wasmBytes|wasmModule|module)\s*,?\s*\}\s*\)`,
].join('|'));

// The global the content scripts' classic glue defines (wasm-bindgen --no-modules-global).
export const CLASSIC_GLUE_GLOBAL = '__hirecheckGlue';

/**
 * Every call of the glue's init in `name` (`<module>.default(...)`, `initSync(...)` or `__wbg_init(...)`
 * on a module imported from wasm/hirecheck.js, or the classic glue's `__hirecheckGlue(...)` and
 * `__hirecheckGlue.initSync(...)`) passes runtime.getURL('<packaged .wasm>') or bytes.
 * Returns { problems, calls }.
 */
export function checkGlueCalls(name, text) {
  const problems = [];
  let calls = 0;
  const modules = new Set();
  for (const m of text.matchAll(/\b(\w+)\s*=\s*await\s+import\s*\(\s*(chrome|browser)\.runtime\.getURL\(\s*(["'`])[^"'`]*hirecheck\.js\3\s*\)\s*\)/g)) modules.add(m[1]);
  const names = [...modules].map((mod) => `${mod}\\s*\\.\\s*(?:default|initSync)`);
  names.push(`${CLASSIC_GLUE_GLOBAL}(?:\\s*\\.\\s*initSync)?`);
  for (const h of hits(text, new RegExp(`\\b(?:${names.join('|')})\\s*\\(`, 'g'))) {
    calls += 1;
    const rest = text.slice(h.index + h.match.length, h.index + h.match.length + 300);
    if (!INIT_ARG.test(rest)) problems.push(`${name}:${h.line}: the wasm is loaded from something other than runtime.getURL('<packaged .wasm>') or bytes: ${h.text}`);
  }
  return { problems, calls };
}

// ---- the wasm module ------------------------------------------------------------------------------

// Import names (wasm-bindgen: "__wbg_<js name>_<hash>") of a network API, or of a call that opens or
// navigates somewhere.
const WASM_NETWORK = /fetch|xmlhttprequest|websocket|sendbeacon|eventsource|request|webtransport|rtcpeer|importscripts|(^|_)open|__wbg_set_?(src|href|action)_|__wbg_assign_|__wbg_replace_/i;

/** Problems among a wasm module's imports ([{ module, name }]). */
export function checkWasmImports(imports) {
  if (!imports.length) return ['the wasm module imports nothing: is it the real build?'];
  return imports.filter((i) => WASM_NETWORK.test(i.name)).map((i) => `the wasm imports ${i.module}.${i.name}, a network API or navigation`);
}

// ---- a whole directory ------------------------------------------------------------------------------

/**
 * Every check on a built extension in `dir`. Returns { problems, counts } (counts: files scanned,
 * glue init calls, wasm imports).
 */
export async function checkExtensionDir(dir) {
  const problems = [];
  const rel = (p) => path.relative(dir, p);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return { problems: [`no ${manifestFile}`], counts: {} };
  problems.push(...checkManifest(fs.readFileSync(manifestFile, 'utf8')));

  // The glue for the extension pages (an ES module) and for the content scripts (a classic script).
  const glues = [path.join(dir, 'wasm', 'hirecheck.js'), path.join(dir, 'wasm', 'hirecheck-content.js')];
  // One module per site or group of sites (scripts/build-extension.sh), all loaded by the same glue.
  const wasmDir = path.join(dir, 'wasm');
  const wasms = fs.existsSync(wasmDir) ? filesIn(wasmDir, ['.wasm']) : [];
  for (const glue of glues) {
    if (fs.existsSync(glue)) problems.push(...checkGlue(rel(glue), fs.readFileSync(glue, 'utf8')));
    else problems.push(`no ${rel(glue)}`);
  }

  let scanned = 0;
  let initCalls = 0;
  for (const f of filesIn(dir, ['.js', '.mjs', '.cjs', '.html', '.htm', '.css'])) {
    if (glues.includes(f)) continue;
    const text = fs.readFileSync(f, 'utf8');
    scanned += 1;
    problems.push(...checkOwnFile(rel(f), text));
    const c = checkGlueCalls(rel(f), text);
    problems.push(...c.problems);
    initCalls += c.calls;
  }
  if (initCalls === 0) problems.push('no call of the wasm glue\'s init was found: the check of what it loads found nothing to check');

  let imports = 0;
  for (const wasm of wasms) {
    const found = WebAssembly.Module.imports(await WebAssembly.compile(fs.readFileSync(wasm)));
    problems.push(...checkWasmImports(found).map((p) => `${rel(wasm)}: ${p}`));
    imports += found.length;
  }
  if (!wasms.length) problems.push(`no wasm module in ${rel(wasmDir)}`);
  return { problems, counts: { scanned, initCalls, imports, modules: wasms.length } };
}
