#!/usr/bin/env python3
"""Writes the seed corpus in fuzz/corpus/<target>/ from the demo pages (www/), the adapter fixtures
(tests/fixtures/) and a few labelled profiles (tests/corpus/). Run from the repository root; the
output is committed, so rerun it only when the seed pages change (it replaces the seeds it wrote)."""
import json, os, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"

# The address each fixture folder mirrors (it picks the adapter and page kind).
FIXTURE_URL = {
    "upwork": "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6",
    "upwork-diary": "https://www.upwork.com/nx/wm/workroom/38123456/timesheet",
    "upwork-messages": "https://www.upwork.com/nx/wm/workroom/38123456/messages",
    "fiverr": "https://www.fiverr.com/camilar_studio",
    "freelancer": "https://www.freelancer.com/u/anjalik_design",
    "guru": "https://www.guru.com/freelancers/amara-okoye",
    "peopleperhour": "https://www.peopleperhour.com/freelancer/design/eleanor-price-zqvxmyn",
    "toptal": "https://www.toptal.com/resume/mateo-silva",
}
SPECIAL_URL = {"project-bids-state.html": "https://www.freelancer.com/projects/php/build-a-dashboard-12345"}

# A few labelled profiles from tests/corpus (the rest look alike to the fuzzer).
CORPUS_PICK = 8

SETTINGS = [
    {},
    {"lang": "de-DE", "now_ms": 1795704120000},
    {"policy": {"rate_band_usd": [1, 1e9], "volume_min_hours": 0, "min_weeks_for_average": 0.5,
                "weights": {"local-time-mismatch": 100}, "disabled_rules": ["rate-volume"],
                "blocked_strings": ["acme"], "blocked_domains": ["example.com"], "min_coverage": 0},
     "answers": {"refuses-video": "observed", "asks-payment-elsewhere": "not_observed"},
     "memory": {"seen": [{"key": "upwork:~01other", "name": "Someone Else",
                          "photo_hash": "0123456789abcdef", "bio": "fedcba9876543210",
                          "links": ["github.com/someone"], "seen_at": "2026-11-01T00:00:00Z"}],
                "photo_url": "https://example.com/p.jpg", "photo_hash": "0123456789abcdef"}},
    {"now_ms": -8.64e15},
]

POLICIES = {
    "empty.json": {},
    "german.json": {"lang": "de"},
    "defaults.json": {
        "lang": "en", "disabled_rules": [], "weights": {}, "rate_band_usd": [20.0, 80.0],
        "volume_min_hours": 2000.0, "volume_min_job_success": 90, "max_average_weekly_hours": 50.0,
        "min_weeks_for_average": 26.0, "max_young_account_weekly_hours": 80.0,
        "max_concurrent_weekly_hours": 60.0, "min_overlap_days": 14, "burst_min_jobs": 5,
        "burst_window_days": 30, "burst_max_job_usd": 100.0, "local_time_tolerance_minutes": 20,
        "diary_long_day_span_hours": 16.0, "diary_long_day_min_tracked_hours": 12.0,
        "diary_long_days_min": 3, "diary_streak_min_daily_hours": 6.0, "diary_streak_min_weeks": 2,
        "diary_night_min_share": 0.5, "diary_night_min_tracked_hours": 10.0, "blocked_domains": [],
        "blocked_emails": [], "blocked_strings": [], "allowed_domains": [], "min_free_host_links": 2,
        "elevated_from": 25, "high_from": 60, "min_coverage": 0.6},
    "extremes.json": {
        "rate_band_usd": [0, 1e300], "volume_min_hours": 1e300, "min_overlap_days": -9223372036854775808,
        "burst_window_days": 9223372036854775807, "burst_min_jobs": 4294967295,
        "local_time_tolerance_minutes": 2147483647, "weights": {"rate-volume": 4294967295},
        "elevated_from": 0, "high_from": 100, "min_coverage": 1},
    "lists.json": {
        "blocked_domains": ["example.com", "ß.例え.jp"], "blocked_emails": ["a@b.c"],
        "blocked_strings": ["Ünïcödé"], "allowed_domains": ["github.io"],
        "disabled_rules": ["local-time-mismatch", "no-such-rule"]},
    "bad-type.json": {"rate_band_usd": "cheap"},
}


def write(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def pages():
    """(name, url, html bytes) of every seed page."""
    routes = json.loads((ROOT / "www" / "routes.json").read_text())
    seen = set()
    for key, v in routes.items():
        f = v if isinstance(v, str) else v["file"]
        if f in seen or f == "index.html":
            continue
        seen.add(f)
        url = key if key.startswith("http") else "https://www.upwork.com" + key
        yield "www-" + f.replace("/", "-"), url, (ROOT / "www" / f).read_bytes()
    for site, url in FIXTURE_URL.items():
        for f in sorted((ROOT / "tests" / "fixtures" / site).glob("*.html")):
            yield f"fixture-{site}-{f.name}", SPECIAL_URL.get(f.name, url), f.read_bytes()
    for f in sorted((ROOT / "tests" / "corpus").glob("*.html"))[::10][:CORPUS_PICK]:
        yield "corpus-" + f.name, "", f.read_bytes()


# Hand-written literals beside the scripts of the seed pages: escapes, numbers at the edges, and the
# JavaScript the store reader understands beyond JSON (the Nuxt function form, void 0, !0, hex).
LITERALS = [
    (0, '{"a":[1,-0,1.5e300,12345678901234567890,-9223372036854775808],"b":"\\u00e9\\ud83d\\ude00\\n","c":{"":null}}'),
    (0, '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'),
    (0, '{"k":1,"k":2,"x":true,"y":false,"z":"\\"\\\\\\/\\b\\f\\r\\t"}'),
    (1, "{a:1,'b':\"x\",c:[void 0,!0,!1,0x1F,.5,-1e3],d:{e:null}}"),
    (1, "(function(a,b,c){return {x:a,y:[b,c],z:{a:a}}}(1,\"two\",null))"),
    (2, 'window.__NUXT__=(function(a,b){return {state:{profile:{name:a,rate:b}}}}("Ann",45.5));'),
    (2, 'if(window.__NUXT__==null){} window.__NUXT__ = {state:{x:[1,2,3]}};'),
]


def literal_seeds():
    """(name, parser byte, text) of each script on the seed pages that holds page data, and LITERALS."""
    seen = set()
    for name, _url, html in pages():
        text = html.decode("utf-8", "replace")
        for n, m in enumerate(re.finditer(r"<script([^>]*)>(.*?)</script>", text, re.S)):
            attrs, body = m.group(1), m.group(2)
            if "json" in attrs:
                picks = [(0, body.strip())]
            elif "__NUXT__" in body:
                literal = body.split("__NUXT__", 1)[1].lstrip().lstrip("=").strip().rstrip(";")
                picks = [(2, body), (1, literal)]
            else:
                continue
            for which, data in picks:
                if data and data not in seen:
                    seen.add(data)
                    yield f"{name}-{n}-{which}", which, data
    for n, (which, data) in enumerate(LITERALS):
        yield f"hand-{n}-{which}", which, data


def main():
    for target in ("adapters", "analyze", "policy", "literals"):
        for old in (OUT / target).glob("seed-*"):
            old.unlink()
    for i, (name, url, html) in enumerate(pages()):
        write("adapters", f"seed-{name}", url.encode() + b"\n" + html)
        # Analyze gets the demo pages and the labelled profiles (the fixtures are in adapters), each
        # with one of the settings lines.
        if name.startswith(("www-", "corpus-")):
            settings = json.dumps(SETTINGS[i % len(SETTINGS)]).encode()
            write("analyze", f"seed-{name}", url.encode() + b"\n" + settings + b"\n" + html)
    for name, which, data in literal_seeds():
        write("literals", f"seed-{name}", bytes([which]) + data.encode())
    for name, policy in POLICIES.items():
        write("policy", f"seed-{name}", json.dumps(policy, ensure_ascii=False).encode())


if __name__ == "__main__":
    main()
