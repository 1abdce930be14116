#!/usr/bin/env python3
"""Writes the hostile-page corpus (issue 7): www/hostile/*.html, www/hostile/routes.json and
www/hostile/expectations.json.

Every page is one of the demo pages of www/ (the structure of a real site: Upwork, Freelancer.com,
Fiverr, Guru, PeoplePerHour, Toptal) turned against HireCheck by one attack: script and markup in every
field, Unicode tricks in names, absurd numbers, fake HireCheck badges, a page that removes, covers or
hides our badge, page-world overrides of DOM and language prototypes, history storms, deep nesting.
The header comment of each page says what it mirrors, what it attacks and what must happen.

The expectations are the contract checked in Chromium (tests/e2e/hostile.test.mjs) and natively
(tests/hostile.rs): the level (exact, or a set only where the attack makes either honest), the rules
that must and must not fire, and, for pages that tamper with the badge, what the toolbar must say.
The 10 MB page and the 50,000-deep page are made at test time by the tests themselves (not committed).

Run from the repository root:  python3 tools/gen-hostile.py   (deterministic; rewrites www/hostile/)
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WWW = os.path.join(ROOT, "www")
OUT = os.path.join(WWW, "hostile")

# The demo pages the hostile ones start from: file, served address, live-clock offset (as in
# www/routes.json), the level and rules the unmodified page gets, and names that its reviews use.
BASES = {
    "upwork-clean": dict(file="upwork/clean.html", url="https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean", offset=-180,
                         site="Upwork", level="low", rules=[], name="Valentina"),
    "upwork-risky": dict(file="upwork/risky.html", url="https://www.upwork.com/freelancers/~01a1b2c3d4e5f6risky", offset=540,
                         site="Upwork", level="high", other="Wei", name="Lukas",
                         rules=["low-rate-high-volume", "local-time-mismatch", "feedback-name-mismatch", "known-bad-domain", "throwaway-portfolio-hosts"]),
    "freelancer-clean": dict(file="freelancer/clean.html", url="https://www.freelancer.com/u/anjalik_design", offset=330,
                             site="Freelancer.com", level="low", rules=[]),
    "freelancer-risky": dict(file="freelancer/risky.html", url="https://www.freelancer.com/u/oliverh_dev", offset=480,
                             site="Freelancer.com", level="high", other="Ryan", name="Oliver",
                             rules=["local-time-mismatch", "feedback-name-mismatch", "review-burst"]),
    "fiverr-clean": dict(file="fiverr/clean.html", url="https://www.fiverr.com/camilar_studio", offset=-300,
                         site="Fiverr", level="low", rules=[], name="Camila"),
    "fiverr-risky": dict(file="fiverr/risky.html", url="https://www.fiverr.com/ethanb_dev", offset=540,
                         site="Fiverr", level="high", other="Minho", name="Ethan",
                         rules=["local-time-mismatch", "feedback-name-mismatch", "review-burst"]),
    "guru-clean": dict(file="guru/clean.html", url="https://www.guru.com/freelancers/amara-okoye", offset=None,
                       site="Guru", level="low", rules=[], name="Amara"),
    "pph-clean": dict(file="peopleperhour/clean.html",
                      url="https://www.peopleperhour.com/freelancer/design/eleanor-price-brand-and-packaging-designer-zqvxmyn", offset=None,
                      site="PeoplePerHour", level="low", rules=[], name="Eleanor"),
    "pph-risky": dict(file="peopleperhour/risky.html",
                      url="https://www.peopleperhour.com/freelancer/technology-programming/oliver-bennett-full-stack-developer-react-node-js-zxwqvjy",
                      offset=None, site="PeoplePerHour", level="high", other="Kim", name="Oliver",
                      rules=["feedback-name-mismatch", "known-bad-domain", "throwaway-portfolio-hosts"]),
    "toptal-clean": dict(file="toptal/clean.html", url="https://www.toptal.com/resume/mateo-silva", offset=None,
                         site="Toptal", level="low", rules=[], name="Mateo"),
}

# Every rule a profile page can fire; a clean page's expectation excludes all of them.
PROFILE_RULES = [
    "low-rate-high-volume", "implausible-average-hours", "overlapping-contracts", "local-time-mismatch",
    "feedback-name-mismatch", "history-before-membership", "review-burst", "known-bad-domain",
    "throwaway-portfolio-hosts",
]

# ---- payloads --------------------------------------------------------------------------------------

# Markup that runs if it ever becomes elements anywhere (the page's own world or ours): it marks the
# document, and it imitates our badge's hooks.
PAYLOAD = ('<img src=x onerror="document.documentElement.dataset.pwned=1"><script>document.documentElement.dataset.pwned=1</script>'
           '<svg onload="document.documentElement.dataset.pwned=1"></svg><a href="javascript:document.documentElement.dataset.pwned=1">x</a>'
           '<b data-hc="badge" data-level="low" onclick="x()">"\'&amp;')

# The same as real elements in the page (the page's own markup: it runs in the page's world, which is
# the page's business; none of it may reach our badge as markup).
RAW = ('<img src="x" alt="" onerror="window.__hcPage=(window.__hcPage||0)+1" data-hc="finding" data-rule="fake-rule">'
       '<svg width="0" height="0" onload="window.__hcPage=(window.__hcPage||0)+1"></svg>'
       '<a href="javascript:window.__hcPage=1" onclick="window.__hcPage=1" style="display:none">javascript:</a>'
       '<iframe hidden srcdoc="&lt;script&gt;parent.__hcPage=1&lt;/script&gt;"></iframe>'
       '<style>.hc-nothing{}</style><template><b data-hc="badge">tpl</b></template>'
       '<script>window.__hcPage=(window.__hcPage||0)+1</script>')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def split_body(html):
    at = re.search(r"<body[\s>]", html, re.I).start()
    return html[:at], html[at:]


def text_runs(html, fn):
    """Applies fn to every text run of the body that has a letter, outside <script>, <style> and tags."""
    head, body = split_body(html)
    parts = re.split(r"(<script[\s\S]*?</script>|<style[\s\S]*?</style>|<!--[\s\S]*?-->)", body, flags=re.I)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r">([^<>]*[A-Za-z][^<>]*)<", lambda m: ">" + fn(m.group(1)) + "<", parts[i])
    return head + "".join(parts)


def words_only(fn):
    """fn only on runs without digits (names, titles, reviews, locations): numbers stay readable."""
    return lambda t: t if re.search(r"\d", t) or not t.strip() else fn(t)


def add_script(html, js, where="head"):
    tag = f"<script>\n{js.strip()}\n</script>\n"
    if where == "head":
        return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n" + tag, html, count=1, flags=re.I)
    return html.replace("</body>", tag + "</body>", 1)


def add_html(html, fragment):
    return html.replace("</body>", fragment + "\n</body>", 1)


def after_name(html, fragment):
    """Inserts `fragment` right after the first name heading (where our badge is anchored)."""
    m = re.search(r"</h[1-3]>", split_body(html)[1])
    at = len(split_body(html)[0]) + m.end()
    return html[:at] + fragment + html[at:]


def replace_text(html, old, new, count=0, body_only=True):
    head, body = split_body(html) if body_only else ("", html)
    parts = re.split(r"(<[^>]*>)", body)
    n = 0
    for i in range(0, len(parts), 2):
        if old in parts[i] and (count == 0 or n < count):
            parts[i] = parts[i].replace(old, new)
            n += 1
    return head + "".join(parts)


def in_state(html, fn):
    """fn on the page's embedded JSON state (Freelancer.com TransferState, Fiverr's payload), if any."""
    return re.sub(r"(<script[^>]*type=\"application/json\"[^>]*>)([\s\S]*?)(</script>)",
                  lambda m: m.group(1) + fn(m.group(2)) + m.group(3), html)


# ---- attacks on the page's own text ----------------------------------------------------------------

def markup_text(html):
    return text_runs(html, words_only(lambda t: f"{t} {esc(PAYLOAD)}"))


def markup_raw(html):
    html = text_runs(html, words_only(lambda t: f"{t}{RAW}"))
    # Every link also becomes a javascript: link with an inline handler, and the head's metadata says
    # markup too (og:title is read for names on some sites).
    html = re.sub(r'<a href="#"', '<a href="javascript:window.__hcPage=1" onmouseover="window.__hcPage=1"', html)
    return html


def state_markup(html):
    """Markup and script inside the strings of the embedded JSON state."""
    payload = json.dumps(PAYLOAD)[1:-1].replace("</", "<\\/")
    return in_state(html, lambda s: re.sub(r'("(?:public_name|display_name|tagline|description|title|comment|text|city)":"(?:[^"\\]|\\.)*)(")',
                                            lambda m: m.group(1) + " " + payload + m.group(2), s))


# ---- absurd numbers -----------------------------------------------------------------------------------

BIG = "9" * 320  # beyond f64: parses to infinity, if at all


def absurd_money(html):
    html = text_runs(html, lambda t: re.sub(r"([$£€])\s?[\d,]+(?:\.\d+)?", lambda m: m.group(1) + BIG + ".00", t))
    html = re.sub(r'(property="product:price:amount" content=")[^"]*', lambda m: m.group(1) + "1e300", html)
    return in_state(html, lambda s: re.sub(r'("(?:hourly_rate|paid_amount|amount|price|earnings)":)-?[\d.e+]+', lambda m: m.group(1) + "1e300", s))


def negative_counts(html):
    def neg(t):
        t = re.sub(r"\b([\d,]+)(\s*(?:hours|hrs|total hours|jobs|reviews|orders|projects))", r"-\1\2", t, flags=re.I)
        return t
    html = text_runs(html, neg)
    html = re.sub(r"<h4>([\d,]+)</h4>", r"<h4>-\1</h4>", html)
    return in_state(html, lambda s: re.sub(r'("(?:reviews|complete|all|hours|total_jobs|jobs|count)":)(\d+)', r"\1-\2", s))


def nan_counts(html):
    html = re.sub(r"<h4>[\d,$K+]+</h4>", "<h4>NaN</h4>", html)
    html = text_runs(html, lambda t: re.sub(r"\b\d[\d,]*(?:\.\d+)?\b(?=\s*(?:hours|hrs|jobs|reviews|orders|%|/hr|/hour))", "NaN", t))
    html = text_runs(html, lambda t: re.sub(r"[$£€][\d,]+(?:\.\d+)?", "$Infinity", t))
    return in_state(html, lambda s: re.sub(r'("(?:reviews|overall|hourly_rate|paid_amount|rating)":)-?[\d.]+', r'\1"NaN"', s))


def huge_counts(html):
    html = re.sub(r"<h4>([\d,]+)</h4>", "<h4>9,999,999</h4>", html, count=2)
    html = text_runs(html, lambda t: re.sub(r"\b[\d,]+(\s*(?:jobs|reviews|orders|projects))", r"9999999\1", t, flags=re.I))
    return in_state(html, lambda s: re.sub(r'("(?:reviews|complete|all|total_jobs)":)\d+', r"\g<1>9999999", s))


def far_years(html):
    html = text_runs(html, lambda t: re.sub(r"\b(19|20)\d\d\b", "99999", t))
    return in_state(html, lambda s: re.sub(r'("(?:registration_date|member_since|time_submitted|submitdate|date)":)\d+', r"\g<1>99999999999999", s))


# ---- Unicode ---------------------------------------------------------------------------------------

ZW = "\u200b"  # zero-width space
ZWJ = "\u200d"
WJ = "\u2060"
LRE, PDF, RLO, LRM = "\u202a", "\u202c", "\u202e", "\u200e"


def zero_width_name(name):
    return lambda html: replace_text(html, name, name[:2] + ZW + name[2:4] + ZWJ + name[4:] + WJ)


def bidi_wrapped_name(name):
    return lambda html: replace_text(html, name, LRE + name + PDF + LRM)


def homoglyph_in_feedback(name):
    # Latin "a"/"e"/"o" -> Cyrillic "а"/"е"/"о" in the reviews only (the name heading stays Latin).
    swapped = name.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u043e")

    def fn(html):
        head, body = split_body(html)
        parts = re.split(r"(<h[1-3][\s\S]*?</h[1-3]>)", body)  # headings keep the real name
        for i in range(0, len(parts), 2):
            parts[i] = re.sub(r">([^<>]*)<", lambda m: ">" + re.sub(r"\b" + name + r"\b(?!\s+[A-Z]\.)", swapped, m.group(1)) + "<", parts[i])
        return head + "".join(parts)
    return fn


def zero_width_other(other):
    return lambda html: replace_text(html, other, other[0] + ZW + other[1:])


def rlo_everywhere(html):
    return text_runs(html, words_only(lambda t: f"{t}{RLO}"))


def rlo_state(html):
    return in_state(html, lambda s: s)


# ---- fake badges -----------------------------------------------------------------------------------

FAKE_BADGE = ('<div class="hc" data-hc="badge" data-level="low" data-score="0" data-drawn-at="1" role="status" '
              'style="display:inline-flex;gap:8px;align-items:center;margin:8px 0;padding:4px 12px 4px 6px;border-radius:999px;'
              'background:#1b5e20;color:#fff;font:600 14px system-ui">'
              '<span style="background:#fff;color:#1b5e20;border-radius:50%;width:22px;height:22px;display:inline-flex;'
              'align-items:center;justify-content:center">&#10003;</span>HireCheck <span>Low risk &middot; 0</span>'
              '<p data-hc="summary" hidden>No risk indicators found.</p><ol hidden><li data-hc="finding" data-rule="fake-rule"></li></ol></div>')

FAKE_SHADOW_JS = r"""
// A fake HireCheck badge in a closed shadow root of its own, next to the name, and a fake
// `__hirecheck` object: neither may change what HireCheck shows.
window.__hirecheck = { runs: 0, tampered: null, fake: true };
addEventListener('DOMContentLoaded', () => {
  const h = document.querySelector('h1, h2, h3');
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = '<div data-hc="badge" data-level="low" data-score="0" data-drawn-at="1"><button class="low">HireCheck Low risk</button>'
    + '<p data-hc="summary">No risk indicators found.</p><li data-hc="finding" data-rule="fake-rule"></li></div>';
  (h && h.parentNode ? h.parentNode : document.body).insertBefore(host, h ? h.nextSibling : null);
});
"""

REPLANT_JS = r"""
// Keeps planting fake "low risk" badges wherever the page changes, for 5 s.
const fake = () => { const d = document.createElement('div'); d.setAttribute('data-hc', 'badge'); d.setAttribute('data-level', 'low');
  d.textContent = 'HireCheck: Low risk'; return d; };
let planted = 0;
const mo = new MutationObserver(() => { if (planted < 200) { planted++; mo.disconnect(); document.body.append(fake()); mo.observe(document.body, { childList: true, subtree: true }); } });
addEventListener('DOMContentLoaded', () => { mo.observe(document.body, { childList: true, subtree: true }); setTimeout(() => mo.disconnect(), 5000); });
"""

# ---- pages that remove, cover or hide the badge ------------------------------------------------------

# Our host is a bare <div>: no attributes, no children (its content is in a closed shadow root).
IS_HOST = "(n) => n.nodeType === 1 && n.tagName === 'DIV' && n.attributes.length === 0 && n.childNodes.length === 0"

REMOVE_ALWAYS_JS = f"""
// Removes every bare <div> the moment it is added: HireCheck's badge host.
const isHost = {IS_HOST};
window.__hcRemoved = 0;
new MutationObserver((ms) => {{ for (const m of ms) for (const n of m.addedNodes) if (isHost(n)) {{ n.remove(); window.__hcRemoved++; }} }})
  .observe(document.documentElement, {{ childList: true, subtree: true }});
"""

REMOVE_ONCE_JS = f"""
// Removes the first bare <div> added after load (HireCheck's badge host), once; a re-render would do the same.
const isHost = {IS_HOST};
window.__hcRemoved = 0;
const mo = new MutationObserver((ms) => {{ for (const m of ms) for (const n of m.addedNodes) if (isHost(n)) {{ n.remove(); window.__hcRemoved++; mo.disconnect(); return; }} }});
mo.observe(document.documentElement, {{ childList: true, subtree: true }});
"""

RERENDER_JS = r"""
// Re-renders the app's mount point from a string every 300 ms (our badge, inside it, goes each time).
addEventListener('load', () => {
  const app = document.getElementById('__nuxt');
  const html = app.innerHTML;
  let n = 0;
  const t = setInterval(() => { app.innerHTML = html; if (++n >= 25) clearInterval(t); }, 300);
});
"""

OVERLAY_FULL = ('<div id="hc-cover" style="position:fixed;inset:0;z-index:2147483647;background:rgba(255,255,255,.96)">'
                '<p style="margin:40vh auto;text-align:center;font:20px sans-serif">Sign in to see this profile</p></div>')

OVERLAY_KEEP_LAST_JS = r"""
// Keeps the full-window cover the last child of <body>, so that it stays above anything added later.
addEventListener('DOMContentLoaded', () => {
  const cover = document.getElementById('hc-cover');
  new MutationObserver(() => { if (document.body.lastElementChild !== cover) document.body.append(cover); })
    .observe(document.body, { childList: true });
});
"""

OVERLAY_EXACT_JS = f"""
// Lays a look-alike "low risk" badge exactly over HireCheck's badge host, and keeps it there.
const isHost = {IS_HOST};
const fake = document.createElement('div');
fake.style.cssText = 'position:absolute;z-index:2147483647;background:#1b5e20;color:#fff;font:600 14px system-ui;border-radius:999px;padding:6px 12px';
fake.textContent = '\\u2713 HireCheck  Low risk';
setInterval(() => {{
  const host = [...document.querySelectorAll('div')].find((d) => isHost(d) && d.getBoundingClientRect().height > 0);
  if (!host) return;
  const r = host.getBoundingClientRect();
  Object.assign(fake.style, {{ left: (r.left + scrollX) + 'px', top: (r.top + scrollY) + 'px', width: Math.max(r.width, 10) + 'px', height: Math.max(r.height, 10) + 'px' }});
  if (!fake.isConnected) document.body.append(fake);
}}, 100);
"""

HIDE_DIVS_CSS = "<style>div{display:none!important}</style>"

HIDE_LATER_JS = f"""
// Hides the element HireCheck's badge host was placed in, 300 ms after it appears (a style change: no
// node is added or removed).
const isHost = {IS_HOST};
const mo = new MutationObserver((ms) => {{ for (const m of ms) for (const n of m.addedNodes) if (isHost(n)) {{
  mo.disconnect(); setTimeout(() => n.parentElement.style.setProperty('display', 'none', 'important'), 300); return; }} }});
mo.observe(document.documentElement, {{ childList: true, subtree: true }});
"""

REPARENT_HIDDEN_JS = f"""
// Moves HireCheck's badge host into a hidden container (it stays in the document).
const isHost = {IS_HOST};
addEventListener('DOMContentLoaded', () => {{
  const jail = document.createElement('section');
  jail.style.display = 'none';
  document.body.append(jail);
  new MutationObserver((ms) => {{ for (const m of ms) for (const n of m.addedNodes) if (isHost(n) && n.parentNode !== jail) jail.append(n); }})
    .observe(document.body, {{ childList: true, subtree: true }});
}});
"""

HOST_STYLE_JS = f"""
// Styles HireCheck's badge host away (inline !important, a stylesheet on div:empty): the badge's own
// :host rules must win, and the badge stays visible, so nothing is flagged.
const isHost = {IS_HOST};
new MutationObserver((ms) => {{ for (const m of ms) for (const n of m.addedNodes) if (isHost(n))
  n.style.cssText = 'display:none!important;opacity:0!important;visibility:hidden!important;transform:scale(0)!important;clip-path:inset(50%)!important;filter:opacity(0)!important;width:0!important;height:0!important;overflow:hidden!important'; }})
  .observe(document.documentElement, {{ childList: true, subtree: true }});
"""
HOST_STYLE_CSS = "<style>div:empty{display:none!important;opacity:0!important;visibility:hidden!important;transform:translateX(-9999px)!important}</style>"

# ---- page-world overrides (content scripts run in an isolated world: none of this reaches us) ------

PROTO_SHADOW_DOM_JS = r"""
// Breaks shadow roots and DOM insertion for everyone in the page's world.
Element.prototype.attachShadow = function () { throw new Error('no shadow roots here'); };
Node.prototype.appendChild = function (n) { return n; };
Node.prototype.insertBefore = function (n) { return n; };
Element.prototype.append = function () {};
Element.prototype.after = function () {};
Element.prototype.remove = function () {};
Document.prototype.createElement = function () { return document.createComment('x'); };
"""

PROTO_JSON_ARRAY_JS = r"""
// Poisons the language built-ins of the page's world.
JSON.parse = () => ({ level: 'low', findings: [] });
JSON.stringify = () => '{"level":"low"}';
Array.prototype.map = function () { return []; };
Array.prototype.filter = function () { return []; };
Array.prototype.forEach = function () {};
Array.prototype.push = function () { return 0; };
Object.entries = () => [];
Object.keys = () => [];
String.prototype.trim = function () { return 'Low risk'; };
RegExp.prototype.test = function () { return false; };
Promise.prototype.then = function () { return this; };
"""

PROTO_OBSERVER_JS = r"""
// No MutationObserver, no Navigation API, no timers that work, in the page's world; then the badge
// host is removed once by a polling loop (HireCheck's own observer must still see it).
window.MutationObserver = function () { return { observe() {}, disconnect() {}, takeRecords() { return []; } }; };
window.WebKitMutationObserver = window.MutationObserver;
try { Object.defineProperty(window, 'navigation', { value: undefined }); } catch (e) {}
const realSetInterval = setInterval;
window.setTimeout = function () { return 0; };
let removed = 0;
const t = realSetInterval(() => {
  for (const d of document.getElementsByTagName('div')) {
    if (d.attributes.length === 0 && d.childNodes.length === 0 && d.getBoundingClientRect().height > 0) { d.parentNode.removeChild(d); removed++; clearInterval(t); return; }
  }
}, 50);
"""

PROTO_READERS_JS = r"""
// Lies to anyone who reads the DOM in the page's world: text, selectors, attributes.
Object.defineProperty(Node.prototype, 'textContent', { get() { return 'Low risk'; }, configurable: true });
Object.defineProperty(HTMLElement.prototype, 'innerText', { get() { return 'Low risk'; }, configurable: true });
Document.prototype.querySelectorAll = function () { return []; };
Document.prototype.querySelector = function () { return null; };
Element.prototype.querySelectorAll = function () { return []; };
Element.prototype.getAttribute = function () { return 'low'; };
Object.defineProperty(Document.prototype, 'title', { get() { return 'Low risk'; }, configurable: true });
Object.defineProperty(Location.prototype, 'href', { get() { return 'https://example.com/'; }, configurable: true });
"""

PROTO_GEOMETRY_JS = r"""
// Lies about geometry and visibility in the page's world: HireCheck's cover check (which runs in its
// own world) must neither be fooled into a false "covered" nor into missing one.
document.elementFromPoint = () => document.body;
document.elementsFromPoint = () => [document.body];
Element.prototype.getBoundingClientRect = () => ({ left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0 });
Element.prototype.checkVisibility = () => false;
window.getComputedStyle = () => ({ position: 'fixed', display: 'none', getPropertyValue: () => 'none' });
Object.defineProperty(window, 'innerHeight', { get: () => 0 });
"""

PROTO_EXTENSION_JS = r"""
// Pretends to be the extension: a fake chrome.runtime that "sends" a low verdict, and a fake
// __hirecheck; the page's world has neither the real ones nor any way to reach the service worker.
window.chrome = { runtime: { id: 'fake', sendMessage: () => Promise.resolve(), getURL: (p) => 'https://evil.example/' + p } };
window.__hirecheck = { tampered: null, runs: 999 };
try { chrome.runtime.sendMessage({ type: 'hirecheck:report', report: { level: 'low', score: 0 } }); } catch (e) {}
"""

# ---- history -----------------------------------------------------------------------------------------

def push_storm_js(prefix, n=400):
    return f"""
// A pushState storm over {n} other profile addresses, then back to this one (replaceState).
addEventListener('load', () => {{
  const home = location.href;
  let i = 0;
  const t = setInterval(() => {{
    for (let k = 0; k < 20 && i < {n}; k++, i++) {{ try {{ history.pushState({{ i }}, '', '{prefix}' + i); }} catch (e) {{}} }}
    if (i >= {n}) {{ clearInterval(t); try {{ history.replaceState(null, '', home); }} catch (e) {{}} window.__hcStormDone = true; }}
  }}, 10);
}});
"""


REPLACE_STORM_JS = r"""
// replaceState with a new query and fragment every 10 ms for 3 s: the same profile all along.
addEventListener('load', () => {
  const base = location.pathname;
  let i = 0;
  const t = setInterval(() => { try { history.replaceState(null, '', base + '?tab=' + (i % 7) + '#r' + i); } catch (e) {} if (++i >= 300) { clearInterval(t); window.__hcStormDone = true; } }, 10);
});
"""

AWAY_AND_BACK_JS = r"""
// Leaves for a search page (pushState), floods popstate events, then comes back with history.back().
addEventListener('load', () => {
  const home = location.href;
  setTimeout(() => {
    history.pushState(null, '', '/nx/search/talent/?q=designer');
    for (let i = 0; i < 200; i++) dispatchEvent(new PopStateEvent('popstate', { state: { fake: i } }));
    setTimeout(() => { history.back(); window.__hcStormDone = true; }, 400);
  }, 300);
});
"""

DEEP_DOM_JS = r"""
// Once loaded (the parser caps nesting at 512; a script does not): the whole profile moves 1,500
// elements deep, and a hidden branch 20,000 elements deep holds a copy of it. (Chromium's own layout
// crashes the tab somewhere below 4,000 rendered levels, with or without HireCheck: the deepest
// branch is therefore not rendered, but it is in the document the adapters query. At 50,000 the
// badge takes about 15 s: selector matching walks every ancestor.)
addEventListener('DOMContentLoaded', () => {
  const chain = (n) => { const outer = document.createElement('div'); let inner = outer;
    for (let i = 1; i < n; i++) { const e = document.createElement(i % 2 ? 'section' : 'div'); inner.appendChild(e); inner = e; }
    return [outer, inner]; };
  const [deepHidden, hiddenEnd] = chain(20000);
  deepHidden.hidden = true;
  hiddenEnd.append(document.body.cloneNode(true));
  const [outer, inner] = chain(1500);
  inner.append(...document.body.childNodes);
  document.body.append(outer, deepHidden);
});
"""

DEEP_STATIC = 3000  # nested <div>s written into the file (the native parser sees them all)


def deep_static(html):
    head, body = split_body(html)
    m = re.match(r"(<body[^>]*>)([\s\S]*)(</body>)", body)
    return head + m.group(1) + "<div>" * DEEP_STATIC + m.group(2) + "</div>" * DEEP_STATIC + m.group(3) + body[m.end():]


# ---- the corpus -----------------------------------------------------------------------------------------

PAGES = []


def page(name, base, category, attack, expect, fn, level=None, include=None, exclude=None, tamper=None,
         live_dom=False, quiet=False):
    """quiet: the page could fool the cover check into a false flag; the browser test watches it longer."""
    b = BASES[base]
    PAGES.append(dict(name=name, base=base, category=category, attack=attack, expect=expect, fn=fn,
                      level=level if level is not None else b["level"],
                      include=include if include is not None else list(b["rules"]),
                      exclude=exclude if exclude is not None else ([] if b["level"] != "low" else list(PROFILE_RULES)),
                      tamper=tamper, live_dom=live_dom, quiet=quiet))


SAME = "the same level and rules as the unmodified page; every page string shows as text only"

# 1. Script and markup in every field (as text, as real elements, in the embedded state).
# The site's own labels carry the payload too ("Price", "It's currently … here"): the fields they label
# then read as unknown, and the rules that need them are not evaluated (an honest unknown, never a
# clean bill); the level stays that of the unmodified page.
LABEL_BOUND = {("fiverr-risky", "text"): ["review-burst"], ("freelancer-risky", "text"): ["local-time-mismatch"],
               ("freelancer-risky", "raw"): ["local-time-mismatch"]}
for base in BASES:
    for kind, fn, attack in [
        ("text", markup_text, "every name, title, location, review and link text carries escaped script/markup "
         "(<img onerror>, <script>, <svg onload>, javascript: link, a fake data-hc badge tag)"),
        ("raw", markup_raw, "real <img onerror>, <svg onload>, <script>, <iframe srcdoc>, <template>, "
         "javascript: links and inline handlers inside every text field, and a fake data-hc=finding"),
    ]:
        unread = LABEL_BOUND.get((base, kind), [])
        expect = SAME + (f"; {', '.join(unread)} is not evaluated (its label is garbled too)" if unread else "")
        page(f"{base}-markup-{kind}", base, "markup", attack, expect, fn,
             include=[r for r in BASES[base]["rules"] if r not in unread])
for base in ["freelancer-clean", "freelancer-risky", "fiverr-clean", "fiverr-risky"]:
    page(f"{base}-state-markup", base, "markup", "markup and script inside the strings of the embedded JSON state the adapter reads",
         SAME, state_markup)

# 2. Unicode: zero-width, bidi controls and homoglyphs in names.
page("upwork-clean-zero-width-name", "upwork-clean", "unicode",
     "zero-width space/joiner/word-joiner inside the freelancer's name everywhere it appears",
     "low; feedback-name-mismatch must NOT fire (the reviews name the same person)", zero_width_name("Valentina"))
page("upwork-clean-bidi-name", "upwork-clean", "unicode", "the name wrapped in LRE…PDF and LRM bidi controls",
     "low; feedback-name-mismatch must NOT fire", bidi_wrapped_name("Valentina"))
page("upwork-clean-homoglyph-feedback", "upwork-clean", "unicode",
     "the reviews spell the freelancer's name with Cyrillic look-alikes (Vаlentina)",
     "low; feedback-name-mismatch must NOT fire: a look-alike of the profile's own name is not another person",
     homoglyph_in_feedback("Valentina"))
page("fiverr-clean-zero-width-name", "fiverr-clean", "unicode", "zero-width characters inside the seller's name",
     "low; feedback-name-mismatch must NOT fire", zero_width_name("Camila"))
page("guru-clean-bidi-name", "guru-clean", "unicode", "bidi controls around the name", "low; no finding", bidi_wrapped_name("Amara"))
page("toptal-clean-zero-width-name", "toptal-clean", "unicode", "zero-width characters inside the name", "low; no finding", zero_width_name("Mateo"))
page("upwork-risky-zero-width-other", "upwork-risky", "unicode",
     "a zero-width space inside the OTHER name a review uses (W\u200bei), to slip past the name check",
     "high; feedback-name-mismatch MUST still fire (no false clean)", zero_width_other("Wei"))
page("pph-risky-zero-width-other", "pph-risky", "unicode", "a zero-width space inside the other name the reviews use (K\u200bim)",
     "high; feedback-name-mismatch MUST still fire", zero_width_other("Kim"))
page("fiverr-risky-zero-width-other", "fiverr-risky", "unicode", "a zero-width space inside the other name the reviews use (M\u200binho)",
     "high; feedback-name-mismatch MUST still fire", zero_width_other("Minho"))
page("upwork-risky-rlo", "upwork-risky", "unicode",
     "a right-to-left override (U+202E) after every text run: the page tries to flip what follows it in our badge",
     "high with the same rules; the badge's own words are not reordered (page text is isolated)", rlo_everywhere)
page("freelancer-risky-rlo", "freelancer-risky", "unicode", "a right-to-left override after every text run",
     "high with the same rules", rlo_everywhere)

# 3. Absurd numbers.
for base in ["upwork-clean", "freelancer-clean", "guru-clean", "pph-clean"]:
    page(f"{base}-absurd-money", base, "numbers", f"every amount is {len(BIG)} nines (beyond f64) and the JSON state says 1e300",
         "no panic; low or unknown (an impossible amount is not a low rate); no rate rule fires",
         absurd_money, level=["low", "unknown"])
for base in ["upwork-clean", "freelancer-clean", "pph-clean"]:
    page(f"{base}-negative", base, "numbers", "negative hours, jobs and review counts", "no panic; low or unknown; no finding",
         negative_counts, level=["low", "unknown"])
for base in ["upwork-clean", "freelancer-clean"]:
    page(f"{base}-nan", base, "numbers", "NaN and Infinity for counts, rates and earnings", "no panic; low or unknown; no finding",
         nan_counts, level=["low", "unknown"])
page("upwork-clean-year-99999", "upwork-clean", "numbers", "member since, and every job's dates, in the year 99999",
     "no panic; low or unknown; history-before-membership must NOT fire on an impossible date", far_years, level=["low", "unknown"])
page("freelancer-clean-year-99999", "freelancer-clean", "numbers", "registration and review dates in the year 99999 (and epoch seconds to match)",
     "no panic; low or unknown; no finding", far_years, level=["low", "unknown"])
page("upwork-risky-absurd-money", "upwork-risky", "numbers", "absurd amounts on the risky profile",
     "high or unknown: the rules that do not need the amounts (names, domains, clock) still fire",
     absurd_money, level=["high", "unknown"], include=["local-time-mismatch", "feedback-name-mismatch", "known-bad-domain"])

# 4. Fake HireCheck badges planted by the page.
page("upwork-clean-fake-badge-high", "upwork-clean", "fake-badge", "a planted light-DOM badge imitating ours, saying HIGH risk, next to the name",
     "low: ours is drawn and unchanged; the fake is not read", lambda h: after_name(h, FAKE_BADGE.replace('data-level="low"', 'data-level="high"')))
page("upwork-risky-fake-badge-low", "upwork-risky", "fake-badge", "a planted look-alike of our badge saying LOW risk, with data-hc hooks, next to the name",
     "high: ours is drawn, separate, unchanged", lambda h: after_name(h, FAKE_BADGE), quiet=True)
page("freelancer-risky-fake-shadow", "freelancer-risky", "fake-badge", "a fake badge in a closed shadow root of the page's own, and a fake window.__hirecheck",
     "high", lambda h: add_script(h, FAKE_SHADOW_JS), quiet=True)
page("pph-risky-fake-replant", "pph-risky", "fake-badge", "fake low-risk badges planted again on every DOM change for 5 s",
     "high; our redraws stay bounded", lambda h: add_script(h, REPLANT_JS), live_dom=True)
page("toptal-clean-fake-badge", "toptal-clean", "fake-badge", "a fake light-DOM badge saying high risk", "low",
     lambda h: after_name(h, FAKE_BADGE.replace('data-level="low"', 'data-level="high"')))

# 5. Pages that remove, cover or hide the badge.
page("upwork-risky-remove-always", "upwork-risky", "tamper", "removes our badge host every time it is added",
     "high in the report; after 10 redraws the toolbar and popup say the page hides the badge (tampered: removed)",
     lambda h: add_script(h, REMOVE_ALWAYS_JS), tamper="removed", live_dom=True)
page("upwork-clean-remove-once", "upwork-clean", "tamper", "removes our badge host once",
     "low; the badge is drawn again and nothing is flagged", lambda h: add_script(h, REMOVE_ONCE_JS), live_dom=True, quiet=True)
page("upwork-risky-rerender", "upwork-risky", "tamper", "re-renders the app's mount point from a string 25 times (our badge goes each time)",
     "high; redrawn up to the limit, then flagged removed", lambda h: add_script(h, RERENDER_JS), tamper="removed", live_dom=True)
page("freelancer-risky-overlay", "freelancer-risky", "tamper", "a full-window max-z-index cover, kept the last child of <body>",
     "high; flagged covered", lambda h: add_script(add_html(h, OVERLAY_FULL), OVERLAY_KEEP_LAST_JS), tamper="covered", live_dom=True)
page("fiverr-risky-overlay-exact", "fiverr-risky", "tamper", "a look-alike low-risk badge laid exactly over ours",
     "high; flagged covered", lambda h: add_script(h, OVERLAY_EXACT_JS), tamper="covered", live_dom=True)
page("upwork-risky-hide-divs", "upwork-risky", "tamper", "a stylesheet sets display:none!important on every div",
     "high; the name heading is not rendered, so the badge floats at the top right outside any div and stays visible: nothing is flagged",
     lambda h: add_html(h, HIDE_DIVS_CSS), live_dom=True, quiet=True)
page("upwork-clean-hide-later", "upwork-clean", "tamper", "hides the element our badge was placed in (display:none !important), 300 ms after it appears",
     "low; flagged covered", lambda h: add_script(h, HIDE_LATER_JS), tamper="covered", live_dom=True)
page("pph-risky-hide-divs", "pph-risky", "tamper", "a stylesheet sets display:none!important on every div",
     "high; here our badge floats at the top right outside any div and stays visible: nothing is flagged",
     lambda h: add_html(h, HIDE_DIVS_CSS), live_dom=True, quiet=True)
page("guru-clean-reparent-hidden", "guru-clean", "tamper", "moves our badge host into a display:none container",
     "low; flagged covered", lambda h: add_script(h, REPARENT_HIDDEN_JS), tamper="covered", live_dom=True)
page("upwork-clean-host-style", "upwork-clean", "tamper", "styles our host away with inline !important and div:empty rules",
     "low; our :host !important rules win, the badge stays visible and nothing is flagged",
     lambda h: add_html(add_script(h, HOST_STYLE_JS), HOST_STYLE_CSS), live_dom=True, quiet=True)

# 6. Page-world overrides of DOM and language prototypes.
page("upwork-risky-proto-shadow-dom", "upwork-risky", "prototypes", "attachShadow throws; appendChild/insertBefore/append/after/remove/createElement are no-ops",
     "high: the content script's isolated world has its own prototypes", lambda h: add_script(h, PROTO_SHADOW_DOM_JS))
page("upwork-clean-proto-json-array", "upwork-clean", "prototypes", "JSON.parse/stringify, Array map/filter/forEach/push, Object.entries/keys, String.trim, RegExp.test, Promise.then poisoned",
     "low", lambda h: add_script(h, PROTO_JSON_ARRAY_JS))
page("freelancer-risky-proto-json-array", "freelancer-risky", "prototypes", "the same poisoned built-ins on a page whose adapter reads embedded JSON",
     "high", lambda h: add_script(h, PROTO_JSON_ARRAY_JS))
page("fiverr-risky-proto-observer", "fiverr-risky", "prototypes", "MutationObserver, the Navigation API and setTimeout disabled in the page's world; the host is removed once by polling",
     "high; our observer (isolated world) still sees the removal and redraws", lambda h: add_script(h, PROTO_OBSERVER_JS), live_dom=True, quiet=True)
page("pph-risky-proto-readers", "pph-risky", "prototypes", "textContent, innerText, querySelector(All), getAttribute, document.title and location.href lie in the page's world",
     "high", lambda h: add_script(h, PROTO_READERS_JS))
page("guru-clean-proto-geometry", "guru-clean", "prototypes", "elementFromPoint, getBoundingClientRect, checkVisibility, getComputedStyle and innerHeight lie in the page's world",
     "low; NOT flagged covered (our hit test runs in our own world)", lambda h: add_script(h, PROTO_GEOMETRY_JS), quiet=True)
page("toptal-clean-proto-extension", "toptal-clean", "prototypes", "a fake chrome.runtime and __hirecheck that 'send' a low verdict",
     "low from the real check; the page's message reaches nobody", lambda h: add_script(h, PROTO_EXTENSION_JS))

# 7. History spoofing.
page("upwork-risky-push-storm", "upwork-risky", "history", "400 pushState calls to other profile addresses in 200 ms, then replaceState home",
     "high once the storm is over; a bounded number of checks", lambda h: add_script(h, push_storm_js("/freelancers/~01spoof")), live_dom=True)
page("fiverr-clean-replace-storm", "fiverr-clean", "history", "replaceState with a new query and fragment every 10 ms for 3 s",
     "low; the badge stays; a bounded number of checks", lambda h: add_script(h, REPLACE_STORM_JS), live_dom=True)
page("upwork-clean-away-and-back", "upwork-clean", "history", "pushState to a search page, 200 forged popstate events, then history.back()",
     "low after coming back", lambda h: add_script(h, AWAY_AND_BACK_JS), live_dom=True)

# 8. Deep nesting (the 10 MB page and the 50,000-deep static page are made by the tests).
page("upwork-risky-deep-dom", "upwork-risky", "nesting", "the page moves the profile 1,500 elements deep and adds a hidden copy 20,000 deep after DOMContentLoaded",
     "high: the adapters' selectors still find the fields; no stack overflow", lambda h: add_script(h, DEEP_DOM_JS), live_dom=True)
page("freelancer-clean-deep-static", "freelancer-clean", "nesting", f"the body's content {DEEP_STATIC} <div>s deep in the file (Chromium's parser flattens past 512)",
     "low; no stack overflow in either parser", deep_static)


def header(p):
    b = BASES[p["base"]]
    level = p["level"] if isinstance(p["level"], str) else " or ".join(p["level"])
    lines = [
        f"HireCheck hostile page (generated by tools/gen-hostile.py; do not edit): hostile/{p['name']}.html",
        f"Mirrors: the {b['site']} profile structure of www/{b['file']} (see that page's own notes).",
        f"Attack ({p['category']}): {p['attack']}.",
        f"Expected: {p['expect']}. Level {level}"
        + (f"; toolbar flags the badge as {p['tamper']}" if p["tamper"] else "") + ".",
    ]
    text = "\n  ".join(lines).replace("--", "- -")
    return f"<!--\n  {text}\n-->\n"


def strip_first_comment(html):
    return re.sub(r"^(<!DOCTYPE html>\s*)<!--[\s\S]*?-->\s*", r"\1", html, count=1, flags=re.I)


def route_url(p):
    """The hostile page's own address: the base profile's, with the attack's name added to the profile id."""
    u = BASES[p["base"]]["url"]
    suffix = re.sub(r"[^a-z0-9]", "", p["name"].replace(p["base"], ""))[:24]
    if "upwork.com" in u:
        return u + "h" + suffix
    if "freelancer.com" in u or "fiverr.com" in u:
        return u + "_" + suffix
    if "peopleperhour.com" in u:
        stem, tail = u.rsplit("-", 1)
        return f"{stem}-{suffix}-{tail}"
    return u + "-" + suffix


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".html"):
            os.remove(os.path.join(OUT, f))
    names = set()
    routes, expectations = {}, {}
    for p in PAGES:
        assert p["name"] not in names, p["name"]
        names.add(p["name"])
        b = BASES[p["base"]]
        with open(os.path.join(WWW, b["file"]), encoding="utf-8") as fh:
            base_html = fh.read()
        html = p["fn"](base_html)
        assert html != base_html, f"{p['name']}: the attack changed nothing"
        html = strip_first_comment(html)
        html = re.sub(r"^(<!DOCTYPE html>\s*)", lambda m: m.group(1) + header(p), html, count=1, flags=re.I)
        file = f"{p['name']}.html"
        url = route_url(p)
        assert url not in routes, url
        # The page names the profile it shows (canonical address, embedded state): the new address's id.
        old_id, new_id = b["url"].rstrip("/").rsplit("/", 1)[1], url.rstrip("/").rsplit("/", 1)[1]
        html = html.replace(old_id, new_id)
        route = {"file": file}
        if b["offset"] is not None:
            route["utc_offset_minutes"] = b["offset"]
        routes[url] = route
        with open(os.path.join(OUT, file), "w", encoding="utf-8") as fh:
            fh.write(html)
        expectations[url] = {
            "file": file,
            "base": b["file"],
            "site": b["site"],
            "category": p["category"],
            "attack": p["attack"],
            "level": p["level"],
            "rules_include": p["include"],
            "rules_exclude": p["exclude"],
            "tamper": p["tamper"],
            "live_dom": p["live_dom"],
            "must_not_flag": p["quiet"],
        }
    with open(os.path.join(OUT, "routes.json"), "w", encoding="utf-8") as fh:
        json.dump(routes, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(OUT, "expectations.json"), "w", encoding="utf-8") as fh:
        json.dump(expectations, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    cats = {}
    for p in PAGES:
        cats[p["category"]] = cats.get(p["category"], 0) + 1
    print(f"{len(PAGES)} hostile pages in www/hostile/: " + ", ".join(f"{k} {v}" for k, v in cats.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
