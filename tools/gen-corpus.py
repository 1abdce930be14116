#!/usr/bin/env python3
"""Generates the labelled accuracy corpus in tests/corpus/ (issue 3): synthetic Upwork freelancer profile pages
plus tests/corpus/labels.json. Python 3.11, standard library only, deterministic (fixed seed, fixed instant).

    python3 tools/gen-corpus.py            # (re)writes tests/corpus/
    python3 tools/gen-corpus.py --check    # exits 1 if tests/corpus/ differs from what would be written

Every page is FICTIONAL: no real person, profile id or contract. The markup copies the rendered Upwork DOM the
adapter reads (research notes /work/shared/research/page-structure.md §1, as in www/upwork/clean.html and
tests/fixtures/upwork/*.html): `itemprop` microdata, `#location-time-vertical`, `.cfe-ui-profile-*`, `air3-*`
cards, `#hor-anc-id-*` sections, head meta and the `window.__NUXT__` store. Pages are written in several
"layouts" so that some carry a value in only some of those places (see LAYOUTS).

All pages are meant to be analysed at NOW (2026-11-26T14:42:00Z). The "local time" on each page is computed
for NOW with zoneinfo from the zone the page's clock runs on: for benign pages a zone of the claimed country
(often not its first zone), for risky pages the zone the published pattern names (e.g. UTC+8/+9 while claiming
the US or Europe) or, when the pattern has no clock indicator, a zone of the claimed country.

Labels follow the patterns of the public reports catalogued in /work/shared/research/indicators.md (§3 table:
P1 low rate + volume + top JSS, P2 implausible hours / overlapping contracts, P3 claimed country vs local time,
P4/M2 feedback naming someone else, P5 Korean language vs claimed country). Benign pages are built to be hard
(see §5 fairness): honest low-rate high-volume freelancers, long-tenured full-timers, nicknames, colleagues named
in feedback, UTC+8/+9/+10 clocks that are right for the claimed country, many-zone countries, southern DST.

The generator checks each page against its own label with the catalogue's definitions (lifetime average over
50 h/week, overlapping hourly contracts over 60 h/week, clock that fits no zone of the claimed country) so that
a label cannot silently contradict its page; it never consults HireCheck's rules or scores.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

SEED = 20261126
NOW = datetime(2026, 11, 26, 14, 42, tzinfo=timezone.utc)
TODAY = NOW.date()
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus"

# The catalogue's thresholds (indicators.md §3 P2), used only to keep labels and pages consistent.
P2_MAX_AVERAGE = 50.0
P2_MAX_CONCURRENT = 60.0
P2_MIN_OVERLAP_DAYS = 14
P2_MIN_WEEKS = 26

# Where each layout carries data (all mirror page-structure.md §1):
#   full     head meta + __NUXT__ store (no work history in it) + current rendered DOM (demo-page style)
#   dom      rendered DOM only (no meta, no store), canonical link; like tests/fixtures/upwork/profile-dom-only.html
#   meta     head meta + DOM where the rate card, the location microdata and the total-jobs card are gone:
#            rate only in product:price:*, jobs only in the meta description, location only as line text
#   store    head meta + __NUXT__ store carrying stats and the work history (`assignments[]`); the DOM has the
#            identity header (name, location line, local time) only, as before hydration
#   dom2023  the 2023 logged-out layout (h2.mb-0.h4, h3.my-6x.h5, .cfe-ui-profile-summary-stats, dates in
#            <small>, terms as one text line); no "Member since", no ID popover; like profile-dom-2023.html
#   sparse   a page saved before most of it rendered: identity header and title only
LAYOUTS = ("full", "dom", "meta", "store", "dom2023", "sparse")

COUNTRY_NAMES = {
    "US": "United States", "CA": "Canada", "MX": "Mexico", "CO": "Colombia", "BR": "Brazil", "AR": "Argentina",
    "CL": "Chile", "GB": "United Kingdom", "IE": "Ireland", "DE": "Germany", "FR": "France", "ES": "Spain",
    "PT": "Portugal", "IT": "Italy", "NL": "Netherlands", "RO": "Romania", "PL": "Poland", "UA": "Ukraine",
    "HU": "Hungary", "TR": "Turkey", "IL": "Israel", "EG": "Egypt", "NG": "Nigeria", "KE": "Kenya",
    "ZA": "South Africa", "IN": "India", "PK": "Pakistan", "BD": "Bangladesh", "PH": "Philippines",
    "VN": "Vietnam", "ID": "Indonesia", "CN": "China", "JP": "Japan", "KR": "South Korea", "AU": "Australia",
    "NZ": "New Zealand", "RU": "Russia", "SG": "Singapore", "MY": "Malaysia", "SE": "Sweden",
}

# Every zone of a claimed country (tzdata zone1970.tab / zone.tab), to check clock consistency independently.
def country_zones(iso2: str) -> list[str]:
    zones: set[str] = set()
    for tab in ("/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab"):
        try:
            lines = Path(tab).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t")
            if iso2 in cols[0].split(","):
                zones.add(cols[2])
    return sorted(z for z in zones if z in available_timezones())


def offset_minutes(zone: str, at: datetime = NOW) -> int:
    off = at.astimezone(ZoneInfo(zone)).utcoffset()
    assert off is not None
    return int(off.total_seconds() // 60)


def clock_fits_country(clock_offset: int, iso2: str, tolerance: int = 20) -> bool:
    for z in country_zones(iso2):
        d = (clock_offset - offset_minutes(z)) % 1440
        if min(d, 1440 - d) <= tolerance:
            return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# The model of one page


@dataclass
class Contract:
    title: str
    start: date
    end: date | None  # None = in progress
    kind: str  # "hourly" | "fixed"
    hours: float | None = None
    rate: float | None = None
    amount: float | None = None  # fixed price earnings
    rating: float | None = None
    feedback: str | None = None

    def earnings(self) -> float:
        if self.kind == "fixed":
            return float(self.amount or 0)
        return round((self.hours or 0) * (self.rate or 0), 2)


@dataclass
class Page:
    slug: str
    label: str  # benign | risky
    pattern: str
    country: str  # claimed ISO code
    city: str
    zone: str  # zone the displayed clock runs on
    name: str
    title: str
    rate: float
    jss: int | None
    total_hours: float
    member_since: date
    contracts: list[Contract]
    languages: list[tuple[str, str]]
    availability: str = "full"  # full | part | asneeded
    earnings: float | None = 0.0  # 0.0 = computed; None = hidden by the freelancer
    total_jobs: int | None = None
    badges: list[str] | None = None  # None = derive from JSS and earnings
    id_verified: bool = True
    layout: str = "full"
    overview: str = ""
    skills: list[str] = field(default_factory=list)
    clock_lag_minutes: int = 0  # page rendered this many minutes before it was saved at NOW
    # What the generator must find true of the page (checked in validate()).
    expect: set[str] = field(default_factory=set)

    @property
    def file(self) -> str:
        return f"{self.slug}.html"

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


# ---------------------------------------------------------------------------------------------------------------
# Text pools

TITLES = {
    "web": [
        "React dashboard for a logistics startup", "Node.js API for a booking platform", "Bug fixes on a Next.js shop",
        "Migrate a PHP site to Laravel 11", "Admin panel in Vue 3", "Stripe subscriptions integration",
        "Performance audit of a React SPA", "GraphQL gateway for microservices", "Shopify theme customisation",
        "Django REST backend for a clinic app", "TypeScript refactor of a legacy codebase", "Realtime chat with WebSockets",
    ],
    "mobile": [
        "Flutter app for a gym booking startup", "iOS app maintenance (Swift)", "React Native offline sync",
        "Kotlin Android banking app fixes", "Push notifications and deep links", "App Store release and crash fixes",
    ],
    "design": [
        "Design system for a B2B analytics product", "UX audit of an onboarding flow", "Mobile banking app redesign (Figma)",
        "Landing page wireframes", "Brand refresh and icon set", "Usability study with 8 participants",
    ],
    "data": [
        "ETL pipeline in Airflow", "Power BI sales dashboard", "Data cleaning of CRM exports", "Python scraping for price data",
        "Forecasting model for retail demand", "SQL reporting for a SaaS", "dbt models for a Snowflake warehouse",
    ],
    "va": [
        "Executive assistant (email, calendar)", "Customer support for a Shopify store", "Data entry and lead research",
        "Bookkeeping in QuickBooks", "Amazon seller account support", "Social media scheduling",
    ],
    "devops": [
        "Kubernetes cluster hardening", "Terraform for AWS landing zone", "CI/CD pipelines in GitHub Actions",
        "Cost optimisation on GCP", "On-call support for a fintech", "Migrate Jenkins to GitLab CI",
    ],
    "writing": [
        "Technical blog posts on cloud security", "Website copy for a dental clinic", "SEO articles for a travel site",
        "Translation of product pages", "Grant proposal editing", "Newsletter series for a SaaS",
    ],
    "web3": [
        "Solana smart contracts and web3 frontend", "EVM token and staking contracts", "NFT marketplace frontend",
        "DeFi dashboard in Next.js", "Wallet integration (WalletConnect)", "Smart contract test suite in Foundry",
    ],
}

FEEDBACK_NAMED = [
    "Great work, {n}! Fast and precise.",
    "Thanks {n}, will hire again.",
    "{n} delivered everything ahead of schedule.",
    "{n} was a pleasure to work with: clear questions, clean results.",
    "Thank you {n} for the quick turnaround.",
    "Working with {n} was easy. Recommended.",
    "Highly recommend {n}.",
    "{n} is very professional and communicates well.",
]
FEEDBACK_PLAIN = [
    "Excellent communication and solid work.",
    "Delivered on time, would hire again.",
    "Very professional. The result is clean and well documented.",
    "Second contract together and as good as the first.",
    "Quick, careful and easy to reach.",
    "Did exactly what we asked and suggested improvements.",
    "Reliable and proactive. Five stars.",
    "Good work overall, a few delays but great quality.",
]
# The client's own colleague, in non-address position.
FEEDBACK_COLLEAGUE = [
    "Our CTO, {c}, reviewed the work and was impressed.",
    "Coordinated smoothly with our designer {c} and met every deadline.",
    "{c} from our marketing team loved the new landing page.",
    "Our product owner {c} said it was the smoothest hand-over we ever had.",
]

# Risky: the client thanks a different person than the profile name (indicators.md P4/M2; [S1] accounts bought,
# rented or shared, [S10] work done under identities other than the worker's).
FEEDBACK_OTHER = [
    "Great work, {o}! Fast turnaround and always online, even late at night.",
    "Thanks {o}, quick and accurate as always.",
    "{o} did a great job on the API.",
    "Working with {o} was great, very responsive.",
    "Kudos to {o} for the fast delivery.",
    "{o} delivered the contracts in two weeks.",
    "Many thanks to {o} for the quick turnaround.",
]


# ---------------------------------------------------------------------------------------------------------------
# History builders


def d(y: int, m: int, dd: int) -> date:
    return date(y, m, dd)


def weeks_between(start: date, end: date | None) -> float:
    e = end or TODAY
    return max(1.0, ((e - start).days + 1) / 7.0)


def hourly(title: str, start: date, end: date | None, weekly: float, rate: float, rating=None, feedback=None) -> Contract:
    hours = round(weekly * weeks_between(start, end))
    return Contract(title, start, end, "hourly", hours=float(hours), rate=rate, rating=rating, feedback=feedback)


def fixed(title: str, start: date, end: date | None, amount: float, rating=None, feedback=None) -> Contract:
    return Contract(title, start, end, "fixed", amount=float(amount), rating=rating, feedback=feedback)


def sequential(
    rng: random.Random,
    *,
    field_: str,
    rate: float,
    n: int,
    weekly: tuple[float, float],
    since: date,
    name: str,
    ongoing: bool = True,
    fixed_share: float = 0.25,
    named_share: float = 0.5,
    colleague: str | None = None,
    end_anchor: date | None = None,
) -> list[Contract]:
    """Contracts one after another (an honest single worker), newest first, never before `since`."""
    out: list[Contract] = []
    cur_end: date = end_anchor or TODAY
    titles = list(TITLES[field_])
    rng.shuffle(titles)
    colleague_at = rng.randrange(1, max(2, n)) if colleague else -1
    # Each client writes their own words: no template twice on one page.
    named_pool = rng.sample(FEEDBACK_NAMED, len(FEEDBACK_NAMED))
    plain_pool = rng.sample(FEEDBACK_PLAIN, len(FEEDBACK_PLAIN))
    for i in range(n):
        title = titles[i % len(titles)] + ("" if i < len(titles) else f" (phase {i // len(titles) + 1})")
        is_fixed = i > 0 and rng.random() < fixed_share
        weeks = rng.randint(2, 6) if is_fixed else rng.randint(4, 18)
        if i == 0 and ongoing:
            end = None
            start = TODAY - timedelta(days=weeks * 7)
        else:
            end = cur_end
            start = end - timedelta(days=weeks * 7 - 1)
        if start < since + timedelta(days=10):
            break
        rating = feedback = None
        if end is not None:
            rating = rng.choice([5.0, 5.0, 5.0, 4.9, 4.8, 4.7, 5.0, 4.5])
            r = rng.random()
            if i == colleague_at:
                feedback = rng.choice(FEEDBACK_COLLEAGUE).format(c=colleague)
            elif r < named_share:
                feedback = named_pool.pop().format(n=name)
            elif r < 0.9:
                feedback = plain_pool.pop()
        if is_fixed:
            amount = round(rate * rng.randint(10, 60), -1)
            out.append(fixed(title, start, end, amount, rating, feedback))
        else:
            w = round(rng.uniform(*weekly), 1)
            out.append(hourly(title, start, end, w, rate, rating, feedback))
        cur_end = start - timedelta(days=rng.randint(1, 20))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Formatting as Upwork shows it

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def fmt_date(x: date) -> str:
    return f"{MONTHS[x.month - 1]} {x.day}, {x.year}"


def fmt_range(c: Contract) -> str:
    return f"{fmt_date(c.start)} - {fmt_date(c.end) if c.end else 'Present'}"


def fmt_money(v: float) -> str:
    return f"${v:,.2f}"


def fmt_int(v: float) -> str:
    return f"{int(round(v)):,}"


def fmt_earn_stat(v: float) -> str:
    """$81,240 → "$80K+", $1.2M → "$1M+" (Upwork rounds down to a bucket)."""
    if v < 1000:
        return f"${int(v)}"
    if v >= 1_000_000:
        return f"${int(v // 1_000_000)}M+"
    k = int(v // 1000)
    digits = len(str(k))
    bucket = (k // 10 ** (digits - 1)) * 10 ** (digits - 1)
    return f"${bucket}K+"


def local_clock(p: Page) -> tuple[int, int]:
    t = (NOW - timedelta(minutes=p.clock_lag_minutes)).astimezone(ZoneInfo(p.zone))
    return t.hour, t.minute


def fmt_clock(hm: tuple[int, int]) -> str:
    h, m = hm
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}"


def zone_label(zone: str) -> str:
    off = offset_minutes(zone)
    sign = "+" if off >= 0 else "-"
    off = abs(off)
    return f"{zone} (UTC{sign}{off // 60:02d}:{off % 60:02d})"


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def js_json(v) -> str:
    """JSON is a JavaScript literal; escape "/" as Nuxt's devalue does so "</script>" can never appear."""
    return json.dumps(v, ensure_ascii=True, separators=(",", ":")).replace("/", "\\u002F")


# ---------------------------------------------------------------------------------------------------------------
# Derived profile values


def computed_earnings(p: Page) -> float:
    shown = sum(c.earnings() for c in p.contracts)
    hourly_shown = sum(c.hours or 0 for c in p.contracts if c.kind == "hourly")
    rest_hours = max(0.0, p.total_hours - hourly_shown)
    return round(shown + rest_hours * p.rate * 0.9, 2)


def earnings_of(p: Page) -> float | None:
    if p.earnings is None:
        return None
    return p.earnings or computed_earnings(p)


def jobs_of(p: Page) -> int:
    return p.total_jobs if p.total_jobs is not None else len(p.contracts)


def badges_of(p: Page) -> list[str]:
    if p.badges is not None:
        return p.badges
    e = earnings_of(p) or computed_earnings(p)
    if p.jss is None:
        return []
    if p.jss >= 90 and e >= 100_000:
        return ["Top Rated Plus"]
    if p.jss >= 90 and e >= 1_000:
        return ["Top Rated"]
    return []


def uid(p: Page) -> str:
    h = 0
    for ch in p.slug:
        h = (h * 131 + ord(ch)) % 10**18
    return str(10**18 + h)


def cipher(p: Page) -> str:
    h = 0
    for ch in p.slug:
        h = (h * 257 + ord(ch)) % (16**16)
    return f"~01{h:016x}"


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace(".", "").split()[:2]).upper()


def hue(p: Page) -> int:
    return sum(map(ord, p.slug)) % 360


# ---------------------------------------------------------------------------------------------------------------
# HTML

STYLE = """*{box-sizing:border-box}body{margin:0;font-family:Helvetica,Arial,sans-serif;color:#001e00;background:#f2f7f2;font-size:15px}
.wrap{max-width:1080px;margin:24px auto;padding:0 16px}.air3-card{background:#fff;border:1px solid #d5e0d5;border-radius:16px}
.air3-card-section{padding:20px 24px;border-bottom:1px solid #e4ebe4}.identity{display:flex;gap:20px;align-items:center}
.cfe-ui-profile-photo svg{width:90px;height:90px;border-radius:50%}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}
.air3-grid-container.main{display:grid;grid-template-columns:300px 1fr}.stats{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px}
.air3-card.bg-muted-light{background:#f7faf7;border:none}.text-base-sm,.text-light{font-size:13px;color:#5e6d55}
.assignments-item{padding:14px 0;border-bottom:1px solid #eef2ee}.feedback p{font-style:italic}.popover{display:none}
.air3-grid-container.text-light-on-inverse{display:flex;gap:24px;font-size:14px}"""


def photo(p: Page) -> str:
    hh = hue(p)
    return (
        f'<div class="cfe-ui-profile-photo"><svg role="img" aria-label="{esc(p.name)}" viewBox="0 0 100 100" '
        f'xmlns="http://www.w3.org/2000/svg"><rect width="100" height="100" fill="hsl({hh},45%,82%)"/>'
        f'<circle cx="50" cy="40" r="18" fill="hsl({hh},35%,55%)"/><path d="M16 96c4-22 18-32 34-32s30 10 34 32z" '
        f'fill="hsl({hh},35%,55%)"/><text x="50" y="58" font-size="0">{esc(initials(p.name))}</text></svg>'
        f'<span class="online" aria-label="Status: online"></span></div>'
    )


def country_name(p: Page) -> str:
    return COUNTRY_NAMES[p.country]


def location_line(p: Page, microdata: bool) -> str:
    clock = fmt_clock(local_clock(p))
    if microdata:
        place = (
            f'<span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress"><span itemprop="locality">'
            f'{esc(p.city)}</span>, <span itemprop="country-name">{esc(country_name(p))}</span></span>'
        )
    else:
        place = f'<span class="text-light-on-inverse">{esc(p.city)}, {esc(country_name(p))}</span>'
    return (
        f'<div id="location-time-vertical">{place}'
        f'<span class="flex-shrink-0"> – <span>{clock}</span> local time</span></div>'
    )


def jss_block(p: Page) -> str:
    if p.jss is None:
        return ""
    return (
        f'<div class="cfe-ui-profile-job-success"><div class="air3-progress-circle air3-progress-circle-{p.jss}">'
        f'<svg class="ring" viewBox="0 0 36 36" aria-hidden="true"><circle cx="18" cy="18" r="15.9" fill="none" '
        f'stroke="#1f57c3" stroke-width="4" stroke-dasharray="{p.jss} {100 - p.jss}"/></svg></div>'
        f'<span>{p.jss}% Job Success</span></div>'
    )


def badges_block(p: Page) -> str:
    b = badges_of(p)
    inner = "".join(
        f'<span class="air3-badge"><span class="dot"></span><span class="air3-badge-tagline">{esc(x)}</span></span>' for x in b
    )
    pop = ""
    if b:
        pop = f'<div class="popover" role="tooltip"><p>{esc(b[0])} talent is highly rated and has a proven track record of delivering results.</p></div>'
    return f'<div class="vetted-rated-badges">{inner}</div>{pop}'


def id_badge(p: Page) -> str:
    if not p.id_verified:
        return ""
    return (
        '<span id="id-badge-popover" class="verified"><span class="is-verified"><svg width="18" height="18" '
        'viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="11" fill="#1f57c3"/></svg>'
        '<span class="sr-only">ID verified</span></span></span>'
    )


AVAIL_TEXT = {"full": "More than 30 hrs/week", "part": "Less than 30 hrs/week", "asneeded": "As needed - open to offers"}
AVAIL_NID = {"full": "fullTime", "part": "partTime", "asneeded": "asNeeded"}


def stat_card(value: str, caption: str) -> str:
    return f'<div class="air3-card bg-muted-light"><div class="air3-card-section"><h4>{esc(value)}</h4><div class="text-base-sm">{esc(caption)}</div></div></div>'


def aside(p: Page, *, jobs_card: bool = True, stats: bool = True) -> str:
    cards = []
    e = earnings_of(p)
    if stats:
        if e is not None:
            cards.append(stat_card(fmt_earn_stat(e), "Total earnings"))
        if jobs_card:
            cards.append(stat_card(str(jobs_of(p)), "Total jobs"))
        cards.append(stat_card(fmt_int(p.total_hours), "Total hours"))
    langs = "".join(
        f'<div><strong>{esc(n)}:</strong> <span class="text-light">{esc(lv)}</span></div>' for n, lv in p.languages
    )
    stats_html = f'<section class="air3-card-section"><div class="air3-grid-container stats">{"".join(cards)}</div></section>' if cards else ""
    return (
        f"<aside>{stats_html}"
        f'<section class="air3-card-section"><h4>Hours per week</h4><span>{AVAIL_TEXT[p.availability]}</span>'
        f'<div class="text-light">Open to contract to hire</div></section>'
        f'<section class="air3-card-section languages"><h4>Languages</h4><div class="air3-grid-container">{langs}</div></section>'
        f'<section class="air3-card-section"><h4>Verifications</h4><div class="text-light">ID: {"Verified" if p.id_verified else "Not verified"}</div></section>'
        f'<section class="air3-card-section"><small class="text-light">Member since {fmt_date(p.member_since)}</small></section>'
        f"</aside>"
    )


def about(p: Page, *, rate_card: bool = True) -> str:
    rate = f'<div class="text-base-sm rate"><strong>{fmt_money(p.rate)}/hr</strong></div>' if rate_card else ""
    skills = "".join(f'<span class="air3-token">{esc(s)}</span>' for s in p.skills)
    return (
        f'<section id="hor-anc-id-about" class="air3-card-section"><div class="overview-card">'
        f'<div class="overview-head"><h2 class="title-vertical">{esc(p.title)}</h2>{rate}</div>'
        f'<div data-test="truncation-text-by-chars" class="overview"><span class="text-pre-line">{esc(p.overview)}</span></div>'
        f'<div class="skills">{skills}</div></div></section>'
    )


def work_item(c: Contract) -> str:
    rating = ""
    if c.rating is not None:
        rating = (
            f'<div class="air3-rating"><div class="air3-rating-background"><span class="stars" aria-hidden="true">★★★★★</span>'
            f'<span class="sr-only">Rating is {c.rating:g} out of 5.</span></div><span class="air3-rating-value-text">{c.rating:.1f}</span></div>'
        )
    fb = ""
    if c.end is not None:
        text = f'"{c.feedback}"' if c.feedback else "No feedback given"
        fb = f'<div class="feedback"><div class="highlighted-truncation"><p>{esc(text)}</p></div></div>'
    if c.kind == "fixed":
        terms = f'<div class="span-4"><strong>{fmt_money(c.earnings())}</strong></div><div class="span-4"><strong>Fixed-price</strong></div>'
    else:
        terms = (
            f'<div class="span-4"><strong>{fmt_money(c.earnings())}</strong></div>'
            f'<div class="span-4"><strong>{fmt_money(c.rate or 0)} /hr</strong></div>'
            f'<div class="span-4"><strong>{fmt_int(c.hours or 0)} hours</strong></div>'
        )
    return (
        f'<div class="assignments-item"><h5><a href="#">{esc(c.title)}</a></h5>'
        f'<div class="meta">{rating}<span class="assignments-item-dynamic-meta">{fmt_range(c)}</span></div>'
        f'{fb}<div class="air3-grid-container text-light-on-inverse">{terms}</div></div>'
    )


def work_section(p: Page) -> str:
    active = [c for c in p.contracts if c.end is None]
    done = [c for c in p.contracts if c.end is not None]
    done_total = max(len(done), jobs_of(p) - len(active))
    parts = [
        '<section id="hor-anc-id-work-history" class="air3-card-section"><h2 class="wh">Work history</h2>',
        f'<div class="tabs"><span class="on">In progress ({len(active)})</span><span>Completed jobs ({done_total})</span></div>',
    ]
    # As on the demo pages, both tabs' items are present (the page was saved after both tabs were opened).
    if active:
        parts.append('<h3 class="sub">In progress</h3>')
        parts.extend(work_item(c) for c in active)
    if done:
        parts.append('<h3 class="sub">Completed jobs</h3>')
        parts.extend(work_item(c) for c in done)
    parts.append("</section>")
    return "\n".join(parts)


def identity(p: Page, *, microdata: bool = True, stats_row: bool = True) -> str:
    row = f'<div class="row">{jss_block(p)}{badges_block(p)}</div>' if stats_row else ""
    return (
        f'<section class="air3-card-section onboarding-target-profile-identity"><div class="identity">{photo(p)}'
        f'<div class="cfe-ui-profile-identity"><div><h2 itemprop="name" class="h3 inline">{esc(p.name)}</h2>{id_badge(p)}</div>'
        f"{location_line(p, microdata)}{row}</div></div></section>"
    )


def head(p: Page, *, meta: bool, canonical: bool) -> str:
    url = f"https://www.upwork.com/freelancers/{cipher(p)}"
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(p.name)} - {esc(p.title)} - Upwork Freelancer from {esc(p.city)}, {esc(country_name(p))}</title>",
    ]
    if meta:
        lines += [
            f'<meta data-n-head="ssr" name="description" content="{esc(p.name)} has completed {jobs_of(p)} jobs on Upwork.">',
            f'<meta data-n-head="ssr" property="og:title" content="{esc(p.name)}">',
            f'<meta data-n-head="ssr" property="og:description" content="{esc(p.title)}">',
            f'<meta data-n-head="ssr" property="og:url" content="{url}">',
            f'<meta data-n-head="ssr" property="product:price:amount" content="{p.rate:.2f}">',
            '<meta data-n-head="ssr" property="product:price:currency" content="USD">',
        ]
    if canonical:
        lines.append(f'<link rel="canonical" href="{url}">')
    lines.append(f"<style>\n{STYLE}\n</style>")
    return "<head>\n" + "\n".join(lines) + "\n</head>"


def iso_ts(x: date) -> str:
    return f"{x.isoformat()}T00:00:00.000Z"


def nuxt(p: Page, *, with_work: bool) -> str:
    """`window.__NUXT__` in devalue's IIFE form, with the keys of page-structure.md §1 B."""
    e = earnings_of(p)
    badges = badges_of(p)
    loc = {
        "country": country_name(p),
        "city": p.city,
        "state": None,
        "countryTimezone": zone_label(p.zone),
        "timezoneOffset": offset_minutes(p.zone) * 60000,
        "countryCodeIso2": p.country,
    }
    stats = {
        "totalHours": p.total_hours,
        "totalJobsWorked": jobs_of(p),
        "hourlyRate": {"currencyCode": "USD", "amount": p.rate},
        "memberSince": f"{p.member_since.isoformat()}T08:15:00.000Z",
        "topRatedStatus": "top_rated" if badges else "not_eligible",
        "topRatedPlusStatus": "top_rated_plus" if "Top Rated Plus" in badges else "not_eligible",
        "totalEarnings": e,
        "responsiveState": "within_a_day",
    }
    if p.jss is not None:
        stats["nSS100BwScore"] = p.jss
    prof = {
        "identity": {"uid": uid(p), "ciphertext": cipher(p), "idBadgeStatus": "PASSED" if p.id_verified else "NONE"},
        "profile": {"name": p.name, "title": p.title, "description": p.overview},
        "location": loc,
        "stats": stats,
        "availability": {"capacity": {"nid": AVAIL_NID[p.availability], "name": AVAIL_TEXT[p.availability]}},
        "languages": [
            {"language": {"englishName": n}, "proficiencyLevel": {"proficiencyTitle": lv}} for n, lv in p.languages
        ],
    }
    if with_work:
        items = []
        for i, c in enumerate(p.contracts):
            item = {
                "id": str(40000000 + i * 7919 + hue(p)),
                "title": c.title,
                "startedOn": iso_ts(c.start),
                "endedOn": iso_ts(c.end) if c.end else None,
                "totalHours": c.hours if c.kind == "hourly" else 0,
                "hourlyRate": {"currencyCode": "USD", "amount": c.rate if c.kind == "hourly" else 0},
                "totalCharges": {"currencyCode": "USD", "amount": c.earnings()},
                "type": 2 if c.kind == "hourly" else 1,
                "status": "active" if c.end is None else "closed",
                "feedback": {"score": c.rating, "comment": c.feedback} if (c.end and c.rating is not None) else None,
            }
            if item["feedback"] is not None and item["feedback"]["comment"] is None:
                del item["feedback"]["comment"]
            items.append(item)
        prof["assignments"] = items
    state = {"profileViewer": {"isLoading": "@b", "profile": prof}}
    body = js_json(state).replace('"@b"', "b")
    route = js_json(f"/freelancers/{cipher(p)}")
    return (
        f'<script>window.__NUXT__=(function(a,b,c){{return {{layout:"default",data:[{{}}],fetch:{{}},error:a,'
        f"state:{body},serverRendered:c,routePath:{route}}}}}(null,false,true));</script>"
    )


def body_current(p: Page, *, meta_layout: bool) -> str:
    ident = identity(p, microdata=not meta_layout)
    side = aside(p, jobs_card=not meta_layout)
    main = about(p, rate_card=not meta_layout) + "\n" + work_section(p)
    return (
        '<div id="__nuxt"><div id="__layout"><div id="main"><div class="wrap">'
        f'<div class="visitor-profile-redesign"><div class="profile-container" data-qa-profile-viewer-uid="{uid(p)}">'
        '<div class="air3-card" itemscope itemtype="http://schema.org/Person">\n'
        f"{ident}\n"
        f'<div class="air3-grid-container main">\n{side}\n<div>\n{main}\n</div>\n</div>\n'
        "</div></div></div></div></div></div></div>"
    )


def body_store(p: Page) -> str:
    # Before hydration: only the identity header is rendered; stats, about and history come from the store.
    return (
        '<div data-server-rendered="true" id="__nuxt"><div id="__layout"><div id="main"><div class="wrap">'
        '<div class="visitor-profile-redesign"><div class="profile-container">'
        '<section class="air3-card-section onboarding-target-profile-identity">'
        f"{location_line(p, microdata=False)}</section>"
        "</div></div></div></div></div></div>"
    )


def body_sparse(p: Page) -> str:
    return (
        '<div id="__nuxt"><div id="__layout"><div id="main"><div class="wrap">'
        '<div class="visitor-profile-redesign"><div class="profile-container">'
        '<div class="air3-card" itemscope itemtype="http://schema.org/Person">'
        f'<section class="air3-card-section onboarding-target-profile-identity"><div class="identity">{photo(p)}'
        f'<div class="cfe-ui-profile-identity"><div><h2 itemprop="name" class="h3 inline">{esc(p.name)}</h2></div>'
        f'<div id="location-time-vertical"><span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">'
        f'<span itemprop="locality">{esc(p.city)}</span>, <span itemprop="country-name">{esc(country_name(p))}</span></span></div>'
        "</div></div></section>"
        f'<section id="hor-anc-id-about" class="air3-card-section"><div class="overview-card"><h2 class="title-vertical">{esc(p.title)}</h2>'
        '<div class="air3-skeleton">Loading…</div></div></section>'
        "</div></div></div></div></div></div></div>"
    )


def body_2023(p: Page) -> str:
    clock = fmt_clock(local_clock(p))
    stats = []
    e = earnings_of(p)
    stats.append(f'<div class="col-compact"><div class="stat-amount h5">{fmt_int(p.total_hours)}</div><div class="text-muted">Total hours</div></div>')
    if e is not None:
        stats.append(f'<div class="col-compact"><div class="stat-amount h5"><span>{fmt_earn_stat(e)}</span></div><div class="text-muted">Total earnings</div></div>')
    stats.append(f'<div class="col-compact"><div class="stat-amount h5">{jobs_of(p)}</div><div class="text-muted">Total jobs</div></div>')
    jss = ""
    if p.jss is not None:
        jss = (
            f'<div class="cfe-ui-profile-job-success"><div class="air3-progress-circle air3-progress-circle-{p.jss}" '
            f'aria-label="{p.jss} percent"><svg viewBox="0 0 36 36"></svg></div><span class="ml-5">Job Success</span></div>'
        )
    badges = "".join(
        f'<div class="air3-badge air3-badge-highlight"><span class="air3-badge-tagline">{esc(b)}</span></div>' for b in badges_of(p)
    )
    langs = "".join(f"<div>{esc(n)}: {esc(lv)}</div>" for n, lv in p.languages)
    items = []
    for c in p.contracts:
        rating = f'<div class="air3-rating"><span class="air3-rating-value-text">{c.rating:.1f}</span></div>' if c.rating is not None else ""
        fb = f'<div class="feedback"><p>{esc(c.feedback)}</p></div>' if (c.end and c.feedback) else ""
        if c.kind == "fixed":
            terms = f"Fixed-price · {fmt_money(c.earnings())} earned"
        else:
            terms = f"{fmt_money(c.earnings())} earned · {fmt_money(c.rate or 0)} /hr · {fmt_int(c.hours or 0)} hours"
        items.append(
            f'<div class="assignments-item"><h4 class="m-0"><a href="#">{esc(c.title)}</a></h4>'
            f'<div class="d-flex">{rating}<small class="text-muted ml-5">{fmt_range(c)}</small></div>'
            f'{fb}<div class="text-muted">{terms}</div></div>'
        )
    return (
        '<div id="__nuxt"><div id="__layout"><div id="main" class="container">'
        '<div class="up-card py-0" itemscope itemtype="http://schema.org/Person">'
        f'<section class="up-card-section d-flex"><div class="cfe-ui-profile-photo up-avatar-100"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="{esc(p.name)}"></div>'
        f'<div class="ml-10"><h1 itemprop="name" class="m-0 h3">{esc(p.name)}</h1>'
        f'<div class="d-flex text-muted"><span class="d-inline-block"><span itemprop="locality">{esc(p.city)}</span>, '
        f'<span itemprop="country-name">{esc(country_name(p))}</span></span><span class="d-inline-block ml-5">{clock} local time</span></div>'
        f'<div class="d-flex mt-10">{jss}<div class="identity-badges-container ml-10">{badges}</div></div></div></section>\n'
        f'<section class="up-card-section"><div class="d-flex justify-space-between"><h2 class="mb-0 h4">{esc(p.title)}</h2>'
        f'<h3 class="my-6x h5">{fmt_money(p.rate)}/hr</h3></div><div class="up-line-clamp-v2"><span class="text-pre-line break">{esc(p.overview)}</span></div></section>\n'
        f'<div class="cfe-ui-profile-summary-stats d-flex">{"".join(stats)}</div>\n'
        f'<section class="up-card-section"><h4>Hours per week</h4><div>{AVAIL_TEXT[p.availability]}</div></section>\n'
        f'<section class="up-card-section languages"><h4>Languages</h4><div class="air3-grid-container">{langs}</div></section>\n'
        f'<section class="work-history-section up-card-section"><h2 class="m-0">Work History</h2>\n' + "\n".join(items) + "\n</section>"
        "</div></div></div></div>"
    )


def header_comment(p: Page) -> str:
    tz_now = offset_minutes(p.zone)
    sign = "+" if tz_now >= 0 else "-"
    off = f"UTC{sign}{abs(tz_now) // 60}" + (f":{abs(tz_now) % 60:02d}" if tz_now % 60 else "")
    lag = f", rendered {p.clock_lag_minutes} min before it was saved" if p.clock_lag_minutes else ""
    text = (
        f"Synthetic page generated by tools/gen-corpus.py (HireCheck accuracy corpus, issue 3). FICTIONAL: no real\n"
        f"  person, profile or contract. Mirrors the rendered Upwork freelancer-profile markup described in\n"
        f"  /work/shared/research/page-structure.md section 1 (layout \"{p.layout}\"; see LAYOUTS in the generator).\n"
        f"  Label: {p.label}. Pattern: {p.pattern}\n"
        f"  Claimed location: {p.city}, {country_name(p)} ({p.country}). Local time shown: {fmt_clock(local_clock(p))},\n"
        f"  computed for 2026-11-26T14:42:00Z on the clock of zone {p.zone} ({off}){lag}.\n"
        f"  Analyse it at that instant (the CLI's now option, or NOW in tests/accuracy.rs)."
    )
    assert "--" not in text, p.slug
    return f"<!--\n  {text}\n-->"


def render(p: Page) -> str:
    if p.layout == "full":
        h, b, s = head(p, meta=True, canonical=False), body_current(p, meta_layout=False), nuxt(p, with_work=False)
    elif p.layout == "dom":
        h, b, s = head(p, meta=False, canonical=True), body_current(p, meta_layout=False), ""
    elif p.layout == "meta":
        h, b, s = head(p, meta=True, canonical=True), body_current(p, meta_layout=True), ""
    elif p.layout == "store":
        h, b, s = head(p, meta=True, canonical=True), body_store(p), nuxt(p, with_work=True)
    elif p.layout == "dom2023":
        h, b, s = head(p, meta=False, canonical=False), body_2023(p), ""
    elif p.layout == "sparse":
        h, b, s = head(p, meta=False, canonical=True), body_sparse(p), ""
    else:
        raise ValueError(p.layout)
    attrs = 'data-n-head-ssr lang="en-us" theme="air-3-0"' if s else 'lang="en-us" theme="air-3-0"'
    return (
        f"{header_comment(p)}\n<!DOCTYPE html>\n<html {attrs}>\n{h}\n<body>\n{b}\n{s}\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Consistency of each page with its label (catalogue definitions, not HireCheck's code)


def lifetime_average(p: Page) -> float:
    first = p.member_since.replace(day=1)
    weeks = (TODAY - first).days / 7.0
    return p.total_hours / weeks if weeks >= P2_MIN_WEEKS else 0.0


def peak_concurrent(p: Page) -> float:
    spans = []
    for c in p.contracts:
        if c.kind != "hourly" or not c.hours:
            continue
        s = c.start.toordinal()
        e = (c.end or TODAY).toordinal()
        spans.append((s, e, c.hours / max(1.0, (e - s + 1) / 7.0)))
    best = 0.0
    for s, _, _ in spans:
        lo, hi = s, s + P2_MIN_OVERLAP_DAYS - 1
        best = max(best, sum(w for a, b, w in spans if a <= lo and b >= hi))
    return best


def clock_mismatch(p: Page) -> bool:
    h, m = local_clock(p)
    shown = (h * 60 + m - (NOW.hour * 60 + NOW.minute)) % 1440
    return not clock_fits_country(shown, p.country)


def validate(p: Page) -> None:
    assert p.label in ("benign", "risky"), p.slug
    assert p.layout in LAYOUTS, p.slug
    assert p.country in COUNTRY_NAMES, p.slug
    assert p.member_since < TODAY
    for c in p.contracts:
        assert c.start >= p.member_since, f"{p.slug}: contract before member since: {c.title}"
        assert c.end is None or (c.start <= c.end <= TODAY), f"{p.slug}: {c.title}"
    hourly_shown = sum(c.hours or 0 for c in p.contracts if c.kind == "hourly")
    assert hourly_shown <= p.total_hours + 0.5, f"{p.slug}: contracts show {hourly_shown} h > total {p.total_hours}"
    assert jobs_of(p) >= len(p.contracts), p.slug
    facts = {
        "average": lifetime_average(p) > P2_MAX_AVERAGE,
        "overlap": peak_concurrent(p) > P2_MAX_CONCURRENT,
        "clock": clock_mismatch(p),
        "volume": 20 <= p.rate <= 80 and p.total_hours >= 2000 and (p.jss or 0) >= 90,
    }
    if p.label == "benign":
        # An honest single freelancer: none of the strong indicators may be true of the page itself.
        for k in ("average", "overlap", "clock"):
            assert not facts[k], f"{p.slug}: benign page carries the {k} indicator"
    for k in ("average", "overlap", "clock", "volume"):
        if k in p.expect:
            assert facts[k], f"{p.slug}: pattern says {k} but the page does not show it"
        elif p.label == "risky":
            assert not facts[k], f"{p.slug}: page shows {k} but the pattern does not say so"


# ---------------------------------------------------------------------------------------------------------------
# The corpus


def lang(*pairs: str) -> list[tuple[str, str]]:
    out = []
    for x in pairs:
        n, lv = x.split(":")
        out.append((n, {"N": "Native or Bilingual", "F": "Fluent", "C": "Conversational", "B": "Basic"}[lv]))
    return out


def build() -> list[Page]:
    rng = random.Random(SEED)
    pages: list[Page] = []

    def add(p: Page) -> None:
        pages.append(p)

    def seq(name: str, field_: str, rate: float, n: int, weekly=(10.0, 30.0), since=d(2015, 1, 1), **kw) -> list[Contract]:
        return sequential(rng, field_=field_, rate=rate, n=n, weekly=weekly, since=since, name=name, **kw)

    # ============================================ BENIGN ============================================
    # --- Americas ---
    since = d(2017, 4, 3)
    add(Page("benign-us-denver-nickname-mike", "benign",
             "honest senior DevOps engineer on a non-first US zone (America/Denver); clients call Michael 'Mike' (a nickname that is not a prefix of the name)",
             "US", "Denver", "America/Denver", "Michael S.", "Senior DevOps Engineer | Kubernetes, Terraform, AWS", 125.0, 96,
             3450, since,
             [hourly("Kubernetes cluster hardening", d(2026, 8, 3), None, 18, 125),
              hourly("Terraform for AWS landing zone", d(2026, 2, 2), d(2026, 7, 17), 15, 125, 5.0, "Thanks Mike, the new setup is rock solid."),
              fixed("Cost optimisation on GCP", d(2025, 11, 3), d(2025, 12, 12), 4200, 5.0, "Michael found savings we did not know existed."),
              hourly("CI/CD pipelines in GitHub Actions", d(2025, 5, 5), d(2025, 10, 24), 12, 115, 4.9, "Great work, Mike! Very responsive.")],
             lang("English:N"), availability="part", total_jobs=41, layout="full",
             overview="Platform engineer for SaaS teams. Kubernetes, Terraform, observability and on-call hygiene.",
             skills=["Kubernetes", "Terraform", "AWS", "Prometheus"]))

    since = d(2011, 3, 14)
    add(Page("benign-us-chicago-longtenure", "benign",
             "long-tenured full-timer since 2011 (15 years, 21,400 h, about 27 h/week on average) on America/Chicago",
             "US", "Chicago", "America/Chicago", "Rebecca T.", "Full-Stack Developer | Ruby on Rails, React", 95.0, 100,
             21400, since,
             seq("Rebecca", "web", 95, 6, weekly=(20, 34), since=since),
             lang("English:N", "Spanish:C"), total_jobs=133, layout="dom",
             overview="Rails and React since 2009. I join product teams for the long run.", skills=["Ruby on Rails", "React", "PostgreSQL"]))

    since = d(2019, 9, 9)
    add(Page("benign-us-losangeles-korean-american", "benign",
             "Korean-American in Los Angeles (America/Los_Angeles) listing Korean as a native language (diaspora; P5 must not fire on this)",
             "US", "Los Angeles", "America/Los_Angeles", "Hyun-woo P.", "iOS Developer | Swift, SwiftUI", 85.0, 97,
             1940, since,
             seq("Hyun-woo", "mobile", 85, 5, weekly=(8, 25), since=since),
             lang("English:N", "Korean:N"), availability="part", total_jobs=22, layout="full",
             overview="Swift developer, shipped 14 apps. Based in LA.", skills=["Swift", "SwiftUI", "iOS"]))

    since = d(2020, 1, 20)
    add(Page("benign-ca-vancouver-parttime", "benign",
             "part-time designer with sequential contracts, America/Vancouver",
             "CA", "Vancouver", "America/Vancouver", "Chloé M.", "Product Designer | Figma, Design Systems", 70.0, 94,
             1210, since,
             seq("Chloé", "design", 70, 6, weekly=(6, 18), since=since, fixed_share=0.4),
             lang("English:N", "French:N"), availability="part", total_jobs=29, layout="meta",
             overview="Product designer. Calm process, clear files.", skills=["Figma", "UX Research", "Prototyping"]))

    add(Page("benign-ca-halifax-newaccount", "benign",
             "new account (member since Aug 2026) with little history, no Job Success Score yet, Atlantic zone America/Halifax",
             "CA", "Halifax", "America/Halifax", "Liam O.", "Junior Data Analyst | SQL, Power BI", 30.0, None,
             46, d(2026, 8, 11),
             [hourly("Power BI sales dashboard", d(2026, 10, 5), None, 6, 30),
              fixed("Data cleaning of CRM exports", d(2026, 9, 1), d(2026, 9, 19), 250, 5.0, "Thanks Liam, exactly what we needed.")],
             lang("English:N"), availability="asneeded", total_jobs=2, badges=[], layout="full",
             overview="Recent graduate, careful with data.", skills=["SQL", "Power BI", "Excel"]))

    since = d(2016, 2, 1)
    add(Page("benign-mx-cancun-lowrate-volume", "benign",
             "honest high-volume low-rate developer with top JSS ($25/h, 7,200 h, 100%), America/Cancun (non-first MX zone); clients call Alejandro 'Alex' (a nickname that is not a prefix of the name)",
             "MX", "Cancún", "America/Cancun", "Alejandro R.", "WordPress & PHP Developer", 25.0, 100,
             7200, since,
             seq("Alex", "web", 25, 6, weekly=(15, 30), since=since),
             lang("English:F", "Spanish:N"), total_jobs=212, layout="full",
             overview="WordPress, WooCommerce and PHP since 2012. Over 200 projects.", skills=["WordPress", "PHP", "WooCommerce"]))

    since = d(2018, 6, 4)
    add(Page("benign-mx-mexicocity-fixedprice", "benign",
             "fixed-price heavy history (overlapping fixed-price jobs carry no hours), America/Mexico_City",
             "MX", "Mexico City", "America/Mexico_City", "Daniela V.", "Shopify Developer | Themes & Apps", 35.0, 98,
             640, since,
             [fixed("Shopify theme customisation", d(2026, 10, 1), d(2026, 11, 14), 1800, 5.0, "Daniela nailed the design."),
              fixed("Migrate a store to Shopify 2.0", d(2026, 9, 14), d(2026, 11, 6), 3400, 5.0, "Excellent communication and solid work."),
              fixed("Product filters app setup", d(2026, 9, 20), d(2026, 10, 18), 900, 4.8, "Thank you Dani!"),
              hourly("Shopify maintenance retainer", d(2025, 3, 3), d(2026, 8, 28), 4, 35, 5.0, "Reliable and proactive. Five stars."),
              fixed("Landing page wireframes", d(2025, 1, 6), d(2025, 2, 7), 700, 5.0, None)],
             lang("English:F", "Spanish:N"), availability="part", total_jobs=96, layout="dom",
             overview="Shopify themes and apps, fixed-price projects.", skills=["Shopify", "Liquid", "JavaScript"]))

    since = d(2018, 10, 1)
    add(Page("benign-co-bogota-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($40/h, 3,100 h, 97%), America/Bogota, feedback naming a colleague of the client",
             "CO", "Bogotá", "America/Bogota", "Santiago G.", "Python Developer | Django, FastAPI", 40.0, 97,
             3100, since,
             seq("Santiago", "web", 40, 6, weekly=(12, 28), since=since, colleague="Laura"),
             lang("English:F", "Spanish:N"), total_jobs=58, layout="meta",
             overview="Backend developer, Django and FastAPI.", skills=["Python", "Django", "FastAPI"]))

    since = d(2019, 2, 11)
    add(Page("benign-br-manaus-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($45/h, 2,500 h, 94%), America/Manaus (non-first BR zone, UTC-4)",
             "BR", "Manaus", "America/Manaus", "Thiago A.", "Mobile Developer | Flutter", 45.0, 94,
             2500, since,
             seq("Thiago", "mobile", 45, 5, weekly=(12, 30), since=since),
             lang("English:F", "Portuguese:N"), total_jobs=37, layout="full",
             overview="Flutter apps end to end.", skills=["Flutter", "Dart", "Firebase"]))

    since = d(2020, 5, 18)
    add(Page("benign-br-saopaulo-hidden-earnings", "benign",
             "earnings hidden by the freelancer, America/Sao_Paulo",
             "BR", "São Paulo", "America/Sao_Paulo", "Mariana C.", "Brand & UI Designer", 50.0, 92,
             980, since,
             seq("Mariana", "design", 50, 5, weekly=(6, 16), since=since, fixed_share=0.4),
             lang("English:F", "Portuguese:N", "Spanish:C"), earnings=None, badges=["Top Rated"], availability="part",
             total_jobs=31, layout="full", overview="Brand identities and UI kits.", skills=["Branding", "Figma", "Illustrator"]))

    since = d(2015, 7, 6)
    add(Page("benign-ar-buenosaires-fulltimer", "benign",
             "full-timer since 2015 with high total hours (9,800 h, about 17 h/week on average), America/Argentina/Buenos_Aires",
             "AR", "Buenos Aires", "America/Argentina/Buenos_Aires", "Facundo L.", "Senior Java Engineer | Spring Boot", 60.0, 99,
             9800, since,
             seq("Facundo", "web", 60, 6, weekly=(25, 38), since=since, fixed_share=0.1),
             lang("English:F", "Spanish:N"), total_jobs=47, layout="dom",
             overview="Java and Spring Boot backends for US fintechs.", skills=["Java", "Spring Boot", "Kafka"]))

    since = d(2019, 11, 4)
    add(Page("benign-cl-santiago-southern-dst", "benign",
             "southern-hemisphere DST: Chile on summer time in November (America/Santiago, UTC-3)",
             "CL", "Santiago", "America/Santiago", "Catalina P.", "Data Engineer | dbt, Snowflake", 65.0, 95,
             1750, since,
             seq("Catalina", "data", 65, 5, weekly=(10, 25), since=since),
             lang("English:F", "Spanish:N"), total_jobs=24, layout="full",
             overview="Modern data stack, dbt and Snowflake.", skills=["dbt", "Snowflake", "SQL"]))

    # --- Europe ---
    since = d(2014, 9, 1)
    add(Page("benign-gb-london-fixedprice-consultant", "benign",
             "senior consultant with a fixed-price heavy history, Europe/London",
             "GB", "London", "Europe/London", "Priya S.", "Fractional CTO | Architecture Reviews", 180.0, 100,
             1450, since,
             [fixed("Architecture review of a fintech platform", d(2026, 9, 7), d(2026, 10, 30), 9500, 5.0, "Priya gave us a roadmap we could act on."),
              fixed("Due diligence for an acquisition", d(2026, 6, 1), d(2026, 7, 10), 12000, 5.0, "Outstanding judgement and clear writing."),
              hourly("Advisory retainer", d(2025, 9, 1), d(2026, 5, 29), 5, 180, 5.0, "Thank you Priya for steering the team."),
              fixed("Security posture assessment", d(2025, 4, 7), d(2025, 5, 16), 7000, 4.9, None)],
             lang("English:N", "Hindi:C"), availability="asneeded", total_jobs=38, layout="full",
             overview="Former CTO. I review architectures and help teams scale.", skills=["Architecture", "Due Diligence", "Security"]))

    since = d(2016, 1, 11)
    add(Page("benign-de-munich-nickname-prefix", "benign",
             "nickname that is a prefix of the name ('Thanks Chris' for Christoph), Europe/Berlin",
             "DE", "Munich", "Europe/Berlin", "Christoph B.", "Embedded C++ Engineer", 110.0, 98,
             4200, since,
             [hourly("Firmware update pipeline for IoT sensors", d(2026, 6, 1), None, 20, 110),
              hourly("RTOS driver porting", d(2025, 10, 6), d(2026, 5, 22), 18, 105, 5.0, "Thanks Chris! Excellent debugging skills."),
              fixed("Code review of a motor controller", d(2025, 8, 4), d(2025, 8, 29), 3000, 5.0, "Chris found issues nobody else saw."),
              hourly("Bluetooth LE stack integration", d(2025, 1, 13), d(2025, 7, 25), 15, 100, 4.9, "Christoph was a pleasure to work with.")],
             lang("English:F", "German:N"), availability="part", total_jobs=36, layout="dom",
             overview="Embedded C++ for IoT and automotive.", skills=["C++", "RTOS", "Embedded"]))

    since = d(2017, 5, 22)
    add(Page("benign-fr-lyon-colleague-named", "benign",
             "feedback naming the client's own colleagues in non-address positions, Europe/Paris",
             "FR", "Lyon", "Europe/Paris", "Camille D.", "Vue.js Frontend Developer", 75.0, 96,
             2650, since,
             [hourly("Admin panel in Vue 3", d(2026, 7, 6), None, 22, 75),
              hourly("Design system components", d(2026, 1, 12), d(2026, 6, 26), 20, 70, 5.0, "Our CTO, Julien, reviewed the work and was impressed."),
              hourly("Nuxt migration", d(2025, 6, 2), d(2025, 12, 19), 18, 70, 5.0, "Coordinated smoothly with our designer Sophie and met every deadline."),
              fixed("Accessibility fixes", d(2025, 3, 3), d(2025, 4, 11), 2200, 4.8, "Merci Camille, great job.")],
             lang("English:F", "French:N"), total_jobs=33, layout="meta",
             overview="Vue and Nuxt frontends, accessible by default.", skills=["Vue.js", "Nuxt", "TypeScript"]))

    since = d(2018, 3, 5)
    add(Page("benign-es-laspalmas-canary-zone", "benign",
             "Canary Islands zone (Atlantic/Canary, UTC+0) for Spain, not Madrid's",
             "ES", "Las Palmas de Gran Canaria", "Atlantic/Canary", "Javier M.", "Laravel Developer", 55.0, 93,
             1900, since,
             seq("Javier", "web", 55, 5, weekly=(10, 25), since=since),
             lang("English:F", "Spanish:N"), total_jobs=28, layout="full",
             overview="Laravel and Vue for SMEs.", skills=["Laravel", "PHP", "Vue.js"]))

    since = d(2019, 4, 8)
    add(Page("benign-pt-azores-zone", "benign",
             "Azores zone (Atlantic/Azores, UTC-1) for Portugal, 2023 layout with dates in <small> and terms as text",
             "PT", "Ponta Delgada", "Atlantic/Azores", "Inês F.", "Technical Writer | API Documentation", 45.0, 100,
             1500, since,
             seq("Inês", "writing", 45, 5, weekly=(8, 20), since=since, fixed_share=0.4),
             lang("English:F", "Portuguese:N"), availability="part", total_jobs=44, layout="dom2023",
             overview="API references and developer guides.", skills=["Technical Writing", "OpenAPI", "Markdown"]))

    since = d(2016, 10, 3)
    add(Page("benign-it-milan-regular", "benign",
             "ordinary Italian backend developer, Europe/Rome",
             "IT", "Milan", "Europe/Rome", "Francesca B.", "Go Backend Developer", 70.0, 95,
             3900, since,
             seq("Francesca", "web", 70, 6, weekly=(15, 30), since=since),
             lang("English:F", "Italian:N"), total_jobs=39, layout="store",
             overview="Go services and PostgreSQL.", skills=["Go", "PostgreSQL", "gRPC"]))

    since = d(2015, 2, 2)
    add(Page("benign-nl-amsterdam-highrate", "benign",
             "high-rate data scientist, Europe/Amsterdam",
             "NL", "Amsterdam", "Europe/Amsterdam", "Daan V.", "Machine Learning Engineer", 150.0, 100,
             5200, since,
             seq("Daan", "data", 150, 5, weekly=(10, 25), since=since),
             lang("English:F", "Dutch:N", "German:C"), total_jobs=52, layout="full",
             overview="Forecasting and recommender systems in production.", skills=["Python", "PyTorch", "MLOps"]))

    since = d(2017, 8, 14)
    add(Page("benign-ro-cluj-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($35/h, 4,800 h, 98%), Europe/Bucharest",
             "RO", "Cluj-Napoca", "Europe/Bucharest", "Andrei P.", "QA Automation Engineer | Playwright, Cypress", 35.0, 98,
             4800, since,
             seq("Andrei", "web", 35, 6, weekly=(20, 35), since=since),
             lang("English:F", "Romanian:N"), total_jobs=64, layout="dom",
             overview="Test automation for web products.", skills=["Playwright", "Cypress", "TypeScript"]))

    since = d(2016, 4, 4)
    add(Page("benign-pl-wroclaw-lowrate-volume-concurrent", "benign",
             "low rate + volume + top JSS ($40/h, 5,600 h, 100%) with two concurrent long-term contracts summing to about 45 h/week",
             "PL", "Wrocław", "Europe/Warsaw", "Jakub W.", "Senior React Developer", 40.0, 100,
             5600, since,
             [hourly("React dashboard for a logistics startup", d(2026, 3, 2), None, 25, 40),
              hourly("Maintenance of a Next.js shop", d(2025, 11, 3), None, 20, 40),
              hourly("TypeScript refactor of a legacy codebase", d(2025, 2, 3), d(2025, 10, 24), 30, 38, 5.0, "Thank you Jakub for the quick turnaround."),
              fixed("Performance audit of a React SPA", d(2024, 11, 4), d(2024, 12, 13), 2400, 5.0, "Excellent communication and solid work.")],
             lang("English:F", "Polish:N"), total_jobs=71, layout="full",
             overview="React and TypeScript, long-term engagements.", skills=["React", "TypeScript", "Next.js"]))

    since = d(2017, 1, 16)
    add(Page("benign-ua-kyiv-nickname-alex", "benign",
             "Ukrainian developer Oleksandr whom clients call 'Alex' (common, but not a prefix of the name) plus low rate + volume + top JSS ($45/h, 6,200 h, 100%)",
             "UA", "Kyiv", "Europe/Kyiv", "Oleksandr K.", "Full-Stack Developer | Node.js, React", 45.0, 100,
             6200, since,
             [hourly("Node.js API for a booking platform", d(2026, 5, 4), None, 30, 45),
              hourly("React dashboard for a logistics startup", d(2025, 9, 1), d(2026, 4, 24), 28, 45, 5.0, "Thanks Alex, will hire again."),
              hourly("GraphQL gateway for microservices", d(2025, 1, 6), d(2025, 8, 15), 25, 42, 5.0, "Great work, Alex! Fast and precise."),
              fixed("Stripe subscriptions integration", d(2024, 10, 7), d(2024, 11, 15), 2800, 5.0, "Oleksandr knows Stripe inside out.")],
             lang("English:F", "Ukrainian:N", "Russian:N"), total_jobs=88, layout="full",
             overview="Full-stack JavaScript since 2014.", skills=["Node.js", "React", "PostgreSQL"]))

    since = d(2021, 3, 1)
    add(Page("benign-ua-lviv-parttime-designer", "benign",
             "part-time designer with sequential contracts, Europe/Kyiv",
             "UA", "Lviv", "Europe/Kyiv", "Olena H.", "Illustrator & UI Designer", 30.0, 96,
             900, since,
             seq("Olena", "design", 30, 5, weekly=(5, 15), since=since, fixed_share=0.5),
             lang("English:F", "Ukrainian:N"), availability="part", total_jobs=35, layout="dom2023",
             overview="Illustrations and UI for apps.", skills=["Illustration", "Figma", "Procreate"]))

    since = d(2018, 7, 2)
    add(Page("benign-hu-budapest-regular", "benign",
             "ordinary Hungarian data analyst, Europe/Budapest, clients thank 'Zsofi' for Zsófia (prefix with accents folded)",
             "HU", "Budapest", "Europe/Budapest", "Zsófia N.", "Data Analyst | SQL, Tableau", 50.0, 97,
             2100, since,
             [hourly("SQL reporting for a SaaS", d(2026, 4, 6), None, 15, 50),
              hourly("Tableau dashboards for retail", d(2025, 9, 1), d(2026, 3, 27), 18, 48, 5.0, "Thanks Zsofi, great dashboards."),
              fixed("Data cleaning of CRM exports", d(2025, 6, 2), d(2025, 6, 27), 900, 5.0, "Zsófia was very thorough.")],
             lang("English:F", "Hungarian:N"), availability="part", total_jobs=26, layout="full",
             overview="Analytics for e-commerce teams.", skills=["SQL", "Tableau", "Python"]))

    # --- Middle East / Africa ---
    since = d(2018, 1, 8)
    add(Page("benign-tr-istanbul-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($35/h, 3,300 h, 95%), Europe/Istanbul",
             "TR", "Istanbul", "Europe/Istanbul", "Emre Y.", "Unity Game Developer", 35.0, 95,
             3300, since,
             seq("Emre", "mobile", 35, 5, weekly=(15, 30), since=since),
             lang("English:F", "Turkish:N"), total_jobs=49, layout="meta",
             overview="Unity and C# games for mobile.", skills=["Unity", "C#", "Mobile Games"]))

    since = d(2016, 6, 6)
    add(Page("benign-il-telaviv-highrate", "benign",
             "high-rate security engineer, Asia/Jerusalem",
             "IL", "Tel Aviv", "Asia/Jerusalem", "Noa L.", "Application Security Engineer", 140.0, 100,
             2300, since,
             seq("Noa", "devops", 140, 5, weekly=(6, 18), since=since, fixed_share=0.4),
             lang("English:F", "Hebrew:N"), availability="part", total_jobs=40, layout="full",
             overview="Pentests and secure SDLC for startups.", skills=["Security", "Pentesting", "AWS"]))

    since = d(2017, 9, 4)
    add(Page("benign-eg-cairo-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($20/h at the band's edge, 4,100 h, 99%), Africa/Cairo after its DST ended",
             "EG", "Cairo", "Africa/Cairo", "Youssef H.", "Laravel & Vue Developer", 20.0, 99,
             4100, since,
             seq("Youssef", "web", 20, 6, weekly=(15, 32), since=since),
             lang("English:F", "Arabic:N"), total_jobs=97, layout="dom",
             overview="Laravel and Vue web apps.", skills=["Laravel", "Vue.js", "MySQL"]))

    since = d(2019, 3, 11)
    add(Page("benign-ng-lagos-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($25/h, 2,600 h, 100%), Africa/Lagos",
             "NG", "Lagos", "Africa/Lagos", "Chidinma O.", "Flutter Developer", 25.0, 100,
             2600, since,
             seq("Chidinma", "mobile", 25, 5, weekly=(15, 30), since=since),
             lang("English:N", "Igbo:N"), total_jobs=43, layout="full",
             overview="Flutter apps for fintech and health.", skills=["Flutter", "Dart", "Firebase"]))

    since = d(2014, 5, 5)
    add(Page("benign-ke-nairobi-va-volume", "benign",
             "virtual assistant at $9/h with 9,000 h since 2014 (below the rate band; about 14 h/week on average), Africa/Nairobi",
             "KE", "Nairobi", "Africa/Nairobi", "Wanjiru K.", "Virtual Assistant | Customer Support", 9.0, 100,
             9000, since,
             seq("Wanjiru", "va", 9, 6, weekly=(20, 38), since=since, fixed_share=0.1),
             lang("English:N", "Swahili:N"), total_jobs=58, layout="meta",
             overview="Reliable VA for e-commerce founders.", skills=["Customer Support", "Zendesk", "Data Entry"]))

    since = d(2018, 8, 6)
    add(Page("benign-za-capetown-fixedprice", "benign",
             "fixed-price heavy copywriter, Africa/Johannesburg",
             "ZA", "Cape Town", "Africa/Johannesburg", "Thandiwe M.", "Copywriter | SaaS & Fintech", 55.0, 96,
             420, since,
             seq("Thandi", "writing", 55, 6, weekly=(3, 8), since=since, fixed_share=0.7),
             lang("English:N", "Xhosa:N", "Afrikaans:C"), availability="part", total_jobs=77, layout="dom2023",
             overview="Copy that converts for SaaS.", skills=["Copywriting", "SEO", "Content Strategy"]))

    # --- Asia ---
    since = d(2012, 2, 6)
    add(Page("benign-in-bengaluru-longtenure", "benign",
             "long-tenured since 2012 (12,000 h, about 16 h/week on average) at $18/h, below the band, Asia/Kolkata (UTC+5:30)",
             "IN", "Bengaluru", "Asia/Kolkata", "Venkatesh R.", "PHP & MySQL Developer", 18.0, 98,
             12000, since,
             seq("Venkatesh", "web", 18, 6, weekly=(20, 35), since=since),
             lang("English:F", "Kannada:N", "Hindi:F"), total_jobs=301, layout="full",
             overview="PHP, MySQL and WordPress since 2010.", skills=["PHP", "MySQL", "WordPress"]))

    since = d(2015, 6, 1)
    add(Page("benign-in-pune-lowrate-volume-concurrent", "benign",
             "low rate + volume + top JSS ($30/h, 6,800 h, 100%) with two concurrent contracts (about 25 + 20 h/week), Asia/Kolkata",
             "IN", "Pune", "Asia/Kolkata", "Siddharth J.", "Data Engineer | Airflow, Spark", 30.0, 100,
             6800, since,
             [hourly("ETL pipeline in Airflow", d(2026, 6, 1), None, 25, 30),
              hourly("dbt models for a Snowflake warehouse", d(2026, 2, 2), None, 20, 30),
              hourly("Python scraping for price data", d(2025, 7, 7), d(2026, 1, 23), 30, 28, 5.0, "Thanks Sid, outstanding work."),
              fixed("Forecasting model for retail demand", d(2025, 4, 7), d(2025, 5, 30), 2000, 5.0, "Siddharth is very professional and communicates well.")],
             lang("English:F", "Marathi:N", "Hindi:F"), total_jobs=84, layout="dom",
             overview="Data pipelines on AWS and GCP.", skills=["Airflow", "Spark", "Python"]))

    since = d(2016, 11, 7)
    add(Page("benign-pk-lahore-lowrate-below-band", "benign",
             "high volume at $15/h (below the band), 5,000 h, Asia/Karachi",
             "PK", "Lahore", "Asia/Karachi", "Ahmed R.", "MERN Stack Developer", 15.0, 97,
             5000, since,
             seq("Ahmed", "web", 15, 6, weekly=(15, 30), since=since),
             lang("English:F", "Urdu:N", "Punjabi:N"), total_jobs=120, layout="full",
             overview="MERN stack apps.", skills=["MongoDB", "Express", "React", "Node.js"]))

    since = d(2018, 2, 5)
    add(Page("benign-pk-karachi-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($35/h, 3,900 h, 96%), Asia/Karachi",
             "PK", "Karachi", "Asia/Karachi", "Fatima Z.", "Android Developer | Kotlin", 35.0, 96,
             3900, since,
             seq("Fatima", "mobile", 35, 5, weekly=(15, 30), since=since),
             lang("English:F", "Urdu:N"), total_jobs=51, layout="store",
             overview="Kotlin and Jetpack Compose.", skills=["Kotlin", "Android", "Jetpack Compose"]))

    since = d(2017, 3, 6)
    add(Page("benign-bd-dhaka-dataentry", "benign",
             "data entry at $12/h, 3,000 h, Asia/Dhaka (UTC+6)",
             "BD", "Dhaka", "Asia/Dhaka", "Nusrat J.", "Data Entry & Lead Generation", 12.0, 99,
             3000, since,
             seq("Nusrat", "va", 12, 6, weekly=(10, 25), since=since),
             lang("English:F", "Bengali:N"), total_jobs=190, layout="dom",
             overview="Accurate data entry and research.", skills=["Data Entry", "Lead Generation", "Excel"]))

    since = d(2019, 6, 3)
    add(Page("benign-bd-dhaka-lowrate-volume-colleague", "benign",
             "low rate + volume + top JSS ($25/h, 2,200 h, 93%) and feedback naming the client's colleague, Asia/Dhaka",
             "BD", "Dhaka", "Asia/Dhaka", "Tanvir A.", "Laravel Developer", 25.0, 93,
             2200, since,
             seq("Tanvir", "web", 25, 6, weekly=(12, 28), since=since, colleague="Mark"),
             lang("English:F", "Bengali:N"), total_jobs=55, layout="meta",
             overview="Laravel backends and admin panels.", skills=["Laravel", "PHP", "MySQL"]))

    since = d(2013, 9, 2)
    add(Page("benign-ph-manila-va-longtenure", "benign",
             "virtual assistant at $9/h since 2013 (7,500 h), Asia/Manila: a UTC+8 clock that is right for the claimed country",
             "PH", "Manila", "Asia/Manila", "Maria Cristina D.", "Executive Virtual Assistant", 9.0, 100,
             7500, since,
             seq("Tina", "va", 9, 6, weekly=(15, 35), since=since, named_share=0.0),
             lang("English:F", "Filipino:N"), total_jobs=46, layout="full",
             overview="Calendar, inbox and travel for busy founders.", skills=["Administrative Support", "Calendar Management"]))

    since = d(2017, 10, 2)
    add(Page("benign-ph-cebu-lowrate-volume-utc8", "benign",
             "low rate + volume + top JSS ($28/h, 4,500 h, 100%) on a UTC+8 clock that fits the Philippines",
             "PH", "Cebu City", "Asia/Manila", "Joshua R.", "Full-Stack Developer | Laravel, React", 28.0, 100,
             4500, since,
             seq("Joshua", "web", 28, 6, weekly=(15, 30), since=since),
             lang("English:F", "Cebuano:N", "Filipino:F"), total_jobs=73, layout="dom",
             overview="Laravel and React for agencies.", skills=["Laravel", "React", "MySQL"]))

    since = d(2016, 8, 1)
    add(Page("benign-vn-hcmc-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($30/h, 5,100 h, 97%), Asia/Ho_Chi_Minh (UTC+7)",
             "VN", "Ho Chi Minh City", "Asia/Ho_Chi_Minh", "Minh N.", "Java & Spring Developer", 30.0, 97,
             5100, since,
             seq("Minh", "web", 30, 6, weekly=(15, 32), since=since),
             lang("English:F", "Vietnamese:N"), total_jobs=62, layout="full",
             overview="Java backends for Japanese and US clients.", skills=["Java", "Spring", "MySQL"]))

    since = d(2019, 1, 7)
    add(Page("benign-id-bali-wita-zone", "benign",
             "low rate + volume + top JSS ($22/h, 2,100 h, 92%) in Bali on Asia/Makassar (WITA, UTC+8), a non-first Indonesian zone",
             "ID", "Denpasar", "Asia/Makassar", "Made W.", "WordPress Developer", 22.0, 92,
             2100, since,
             seq("Made", "web", 22, 5, weekly=(12, 25), since=since),
             lang("English:F", "Indonesian:N", "Balinese:N"), total_jobs=66, layout="meta",
             overview="WordPress sites for hotels and villas.", skills=["WordPress", "Elementor", "SEO"]))

    since = d(2020, 2, 3)
    add(Page("benign-id-jakarta-regular", "benign",
             "ordinary Indonesian UI designer, Asia/Jakarta (UTC+7)",
             "ID", "Jakarta", "Asia/Jakarta", "Putri A.", "UI/UX Designer | Mobile Apps", 35.0, 91,
             1300, since,
             seq("Putri", "design", 35, 5, weekly=(8, 20), since=since, fixed_share=0.4),
             lang("English:F", "Indonesian:N"), availability="part", total_jobs=38, layout="full",
             overview="Mobile UI for startups.", skills=["UI Design", "Figma", "Mobile"]))

    since = d(2018, 4, 2)
    add(Page("benign-cn-shenzhen-lowrate-volume-utc8", "benign",
             "Chinese hardware/firmware developer on China's UTC+8 clock, low rate + volume + top JSS ($40/h, 3,800 h, 98%)",
             "CN", "Shenzhen", "Asia/Shanghai", "Wei L.", "Embedded Firmware Engineer | STM32, ESP32", 40.0, 98,
             3800, since,
             seq("Wei", "devops", 40, 5, weekly=(15, 30), since=since),
             lang("English:F", "Chinese:N"), total_jobs=45, layout="full",
             overview="Firmware for consumer electronics.", skills=["STM32", "ESP32", "C"]))

    since = d(2020, 9, 7)
    add(Page("benign-cn-chengdu-regular", "benign",
             "Chinese translator, Asia/Shanghai; feedback addresses her by her own name",
             "CN", "Chengdu", "Asia/Shanghai", "Xiaoyu C.", "English–Chinese Translator", 28.0, 89,
             1100, since,
             seq("Xiaoyu", "writing", 28, 5, weekly=(5, 15), since=since, fixed_share=0.5),
             lang("English:F", "Chinese:N"), availability="part", total_jobs=70, layout="dom",
             overview="Marketing and technical translation.", skills=["Translation", "Localization"]))

    since = d(2017, 12, 4)
    add(Page("benign-jp-osaka-regular", "benign",
             "Japanese developer on Asia/Tokyo (UTC+9), consistent",
             "JP", "Osaka", "Asia/Tokyo", "Haruto S.", "Ruby on Rails Developer", 70.0, 96,
             2400, since,
             seq("Haruto", "web", 70, 5, weekly=(10, 25), since=since),
             lang("English:C", "Japanese:N"), availability="part", total_jobs=30, layout="meta",
             overview="Rails for Japanese and global startups.", skills=["Ruby on Rails", "PostgreSQL"]))

    since = d(2019, 5, 6)
    add(Page("benign-kr-seoul-lowrate-volume", "benign",
             "South Korean developer on Asia/Seoul (UTC+9), low rate + volume + top JSS ($55/h, 2,300 h, 96%), Korean native",
             "KR", "Seoul", "Asia/Seoul", "Ji-hoon K.", "Backend Developer | Spring, Kotlin", 55.0, 96,
             2300, since,
             seq("Ji-hoon", "web", 55, 5, weekly=(12, 28), since=since),
             lang("English:F", "Korean:N"), total_jobs=27, layout="full",
             overview="Kotlin and Spring backends.", skills=["Kotlin", "Spring Boot", "AWS"]))

    # --- Oceania / Russia ---
    since = d(2016, 3, 7)
    add(Page("benign-au-perth-utc8", "benign",
             "Australian in Perth (Australia/Perth, UTC+8, no DST): a UTC+8 clock that fits the claimed country",
             "AU", "Perth", "Australia/Perth", "Jack H.", "Salesforce Consultant", 90.0, 97,
             2900, since,
             seq("Jack", "data", 90, 5, weekly=(10, 25), since=since),
             lang("English:N"), total_jobs=35, layout="full",
             overview="Salesforce admin and development.", skills=["Salesforce", "Apex", "CRM"]))

    since = d(2015, 10, 5)
    add(Page("benign-au-sydney-southern-dst", "benign",
             "southern-hemisphere DST: Sydney on AEDT (UTC+11) in November",
             "AU", "Sydney", "Australia/Sydney", "Olivia W.", "Growth Marketer", 110.0, 95,
             3100, since,
             seq("Olivia", "writing", 110, 5, weekly=(8, 20), since=since),
             lang("English:N"), availability="part", total_jobs=42, layout="dom",
             overview="Paid acquisition and lifecycle marketing.", skills=["Google Ads", "HubSpot", "Analytics"]))

    since = d(2018, 9, 3)
    add(Page("benign-au-adelaide-halfhour-dst", "benign",
             "half-hour zone with DST: Adelaide on ACDT (UTC+10:30) in November",
             "AU", "Adelaide", "Australia/Adelaide", "Lachlan B.", "Power BI Consultant", 85.0, 93,
             1600, since,
             seq("Lachlan", "data", 85, 4, weekly=(8, 18), since=since),
             lang("English:N"), availability="part", total_jobs=21, layout="store",
             overview="Dashboards for finance teams.", skills=["Power BI", "DAX", "SQL"]))

    since = d(2017, 2, 6)
    add(Page("benign-nz-auckland-southern-dst", "benign",
             "southern-hemisphere DST: Auckland on NZDT (UTC+13) in November, clock already on the next day",
             "NZ", "Auckland", "Pacific/Auckland", "Aroha T.", "Mobile Developer | React Native", 95.0, 98,
             2700, since,
             seq("Aroha", "mobile", 95, 5, weekly=(10, 25), since=since),
             lang("English:N", "Maori:C"), total_jobs=31, layout="full",
             overview="React Native apps for NZ and AU businesses.", skills=["React Native", "TypeScript"]))

    since = d(2017, 6, 5)
    add(Page("benign-ru-novosibirsk-lowrate-volume", "benign",
             "low rate + volume + top JSS alone ($40/h, 4,000 h, 97%) on Asia/Novosibirsk (UTC+7), a non-first Russian zone",
             "RU", "Novosibirsk", "Asia/Novosibirsk", "Dmitry S.", "C# / .NET Developer", 40.0, 97,
             4000, since,
             seq("Dmitry", "web", 40, 5, weekly=(15, 30), since=since),
             lang("English:F", "Russian:N"), total_jobs=48, layout="dom",
             overview=".NET backends and desktop apps.", skills=["C#", ".NET", "SQL Server"]))

    since = d(2019, 10, 7)
    add(Page("benign-ru-vladivostok-utc10", "benign",
             "Russian in Vladivostok (Asia/Vladivostok, UTC+10): a far-east clock that fits the claimed country",
             "RU", "Vladivostok", "Asia/Vladivostok", "Anastasia I.", "3D Artist | Blender", 35.0, 94,
             1700, since,
             seq("Nastya", "design", 35, 5, weekly=(8, 20), since=since, named_share=0.0),
             lang("English:C", "Russian:N"), availability="part", total_jobs=39, layout="full",
             overview="3D product renders and game assets.", skills=["Blender", "3D Modeling", "Substance"]))

    # --- Hard cases on top ---
    since = d(2016, 5, 2)
    add(Page("benign-us-phoenix-no-dst-render-lag", "benign",
             "Arizona (America/Phoenix, no DST) and a clock rendered 3 minutes before the page was saved",
             "US", "Phoenix", "America/Phoenix", "Jose R.", "Salesforce Developer", 80.0, 99,
             5400, since,
             seq("José", "data", 80, 6, weekly=(15, 30), since=since),
             lang("English:N", "Spanish:N"), total_jobs=60, layout="dom", clock_lag_minutes=3,
             overview="Salesforce and integrations.", skills=["Salesforce", "Apex", "MuleSoft"]))

    since = d(2015, 4, 6)
    add(Page("benign-gb-manchester-fulltimer-volume", "benign",
             "long-tenured full-timer ($60/h, 12,500 h since 2015, about 21 h/week; low rate + volume + top JSS fires alone)",
             "GB", "Manchester", "Europe/London", "Sam K.", "Senior PHP Developer | Symfony", 60.0, 100,
             12500, since,
             seq("Sam", "web", 60, 6, weekly=(25, 38), since=since, fixed_share=0.1),
             lang("English:N"), total_jobs=95, layout="full",
             overview="Symfony and API platform since 2010.", skills=["Symfony", "PHP", "API Platform"]))

    add(Page("benign-se-stockholm-sparse", "benign",
             "page saved before it finished rendering: only name, title and location could be read (expected unknown)",
             "SE", "Stockholm", "Europe/Stockholm", "Elin J.", "Frontend Developer | Svelte", 90.0, 98,
             1200, d(2019, 1, 1), [], lang("English:F", "Swedish:N"), total_jobs=18, layout="sparse",
             overview="", skills=[]))

    since = d(2020, 7, 6)
    add(Page("benign-ie-dublin-store-only", "benign",
             "stats and work history only in the embedded store (DOM not hydrated yet), Europe/Dublin",
             "IE", "Dublin", "Europe/Dublin", "Aoife M.", "Customer Success Consultant", 45.0, 94,
             1400, since,
             seq("Aoife", "va", 45, 5, weekly=(8, 20), since=since),
             lang("English:N", "Irish:C"), availability="part", total_jobs=23, layout="store",
             overview="Customer success playbooks for SaaS.", skills=["Customer Success", "HubSpot"]))

    since = d(2018, 11, 5)
    add(Page("benign-ke-mombasa-not-verified", "benign",
             "ID not verified and no badges, ordinary writer, Africa/Nairobi",
             "KE", "Mombasa", "Africa/Nairobi", "Brian O.", "SEO Content Writer", 15.0, 85,
             1800, since,
             seq("Brian", "writing", 15, 5, weekly=(8, 20), since=since, fixed_share=0.5),
             lang("English:N", "Swahili:N"), availability="part", id_verified=False, total_jobs=110, layout="dom2023",
             overview="SEO articles for travel and tech.", skills=["SEO Writing", "Blogging"]))

    # ============================================ RISKY ============================================
    # Patterns (indicators.md §3): P1 [S8][S20]; P2 [S1][S20][S19]; P3 [S1][S20][S8]; P4/M2 [S1][S10]; P5 [S3].
    def risky_hist(rate: float, *, start: date, other: str | None, own: str, n: int = 4, weekly=(12, 28),
                   mismatch_text: int | None = None) -> list[Contract]:
        out = seq(own, "web", rate, n, weekly=weekly, since=start, named_share=0.3, ongoing=False,
                  end_anchor=d(2026, 11, 13))
        if other:
            # The most recent completed contract's client thanks someone else.
            for c in out:
                if c.end is not None:
                    text = FEEDBACK_OTHER[mismatch_text if mismatch_text is not None else rng.randrange(6)]
                    c.feedback = text.format(o=other)
                    c.rating = 5.0
                    break
        return out

    # 1. The full published mix (like www/upwork/risky.html), claimed US.
    since = d(2024, 5, 6)
    add(Page("risky-us-austin-full-pattern", "risky",
             "claimed US, clock on UTC+9 (P3 [S1][S20]); low rate + volume + top JSS (P1 [S8]); overlapping hourly contracts over 60 h/week (P2 [S1][S19]); feedback thanks 'Jin' (P4/M2 [S1][S10])",
             "US", "Austin", "Asia/Seoul", "Ryan M.", "Senior Full-Stack Developer | React, Node.js, Web3", 40.0, 100,
             5900, since,
             [hourly("Senior React/Node developer for a fintech dashboard", d(2026, 3, 2), None, 30, 40),
              hourly("Full-stack engineer for a logistics SaaS (long-term)", d(2026, 4, 13), None, 30, 40),
              hourly("Solana smart contracts and web3 frontend", d(2026, 6, 1), d(2026, 10, 30), 28, 40, 5.0,
                     "Great work, Jin! Fast turnaround and always online, even late at night."),
              hourly("Node.js microservices refactor", d(2025, 10, 6), d(2026, 2, 27), 30, 38, 5.0, "Ryan delivered everything ahead of schedule."),
              fixed("Landing page in Next.js", d(2025, 9, 1), d(2025, 9, 12), 1200, 5.0, "Excellent communication.")],
             lang("English:N"), total_jobs=52, layout="full", expect={"clock", "volume", "overlap"},
             overview="Senior full-stack engineer, 10+ years. React, Node, Solana. Available full time.",
             skills=["React", "Node.js", "Solana", "Smart Contracts"]))

    # 2. Claimed Japan, clock on China's UTC+8 ([S8] claimed Japan; [S20] actual location Chinese border areas).
    since = d(2024, 1, 8)
    add(Page("risky-jp-tokyo-clock-utc8-volume", "risky",
             "claimed Japan, clock on UTC+8 (P3: [S8] claimed origin Japan, [S20] actual location Chinese border areas); low rate + volume + top JSS (P1 [S8] 'despite high ratings, pay is low')",
             "JP", "Tokyo", "Asia/Shanghai", "Kenji T.", "Blockchain Developer | Solidity, Rust", 35.0, 100,
             3600, since,
             risky_hist(35, start=since, other=None, own="Kenji", weekly=(20, 30)),
             lang("English:F", "Japanese:N"), total_jobs=40, layout="full", expect={"clock", "volume"},
             overview="Smart contracts and DeFi.", skills=["Solidity", "Rust", "Web3"]))

    # 3. Only the clock (one strong indicator).
    since = d(2023, 9, 4)
    add(Page("risky-de-berlin-clock-only", "risky",
             "ONLY the clock: claimed Germany with a UTC+9 clock (P3 [S1] 'inconsistent location… assessed location and hours', [S16] activity in Germany)",
             "DE", "Berlin", "Asia/Pyongyang", "Lukas M.", "React Native Developer", 85.0, 93,
             1500, since,
             risky_hist(85, start=since, other=None, own="Lukas", weekly=(8, 18)),
             lang("English:F", "German:N"), availability="part", total_jobs=19, layout="dom", expect={"clock"},
             overview="Cross-platform apps.", skills=["React Native", "TypeScript"]))

    # 4. Only the name mismatch.
    since = d(2022, 6, 6)
    add(Page("risky-us-newyork-name-only", "risky",
             "ONLY the name: profile 'Daniel W.', a client thanks 'James' (P4/M2 [S1] rented/bought accounts, [S20] facilitator names such as 'James')",
             "US", "New York", "America/New_York", "Daniel W.", "Python Developer | Django, AWS", 90.0, 95,
             1800, since,
             risky_hist(90, start=since, other="James", own="Daniel", weekly=(8, 20), mismatch_text=1),
             lang("English:N"), availability="part", total_jobs=21, layout="full", expect=set(),
             overview="Python backends on AWS.", skills=["Python", "Django", "AWS"]))

    # 5. Only overlapping contracts (three ongoing jobs at once, [S19] '3–4 jobs at once').
    since = d(2023, 2, 6)
    add(Page("risky-pl-krakow-overlap-only", "risky",
             "ONLY overlapping hourly contracts: three ongoing jobs at about 35 + 30 + 25 h/week (P2 [S1] shared accounts, [S19] 3–4 jobs at once)",
             "PL", "Kraków", "Europe/Warsaw", "Piotr Z.", "Senior Backend Engineer | Go", 90.0, 96,
             3400, since,
             [hourly("Go microservices for a payments company", d(2026, 6, 1), None, 35, 90),
              hourly("Kubernetes operator development", d(2026, 7, 6), None, 30, 90),
              hourly("Backend for a trading dashboard", d(2026, 8, 3), None, 25, 90),
              hourly("gRPC gateway", d(2025, 9, 1), d(2026, 4, 24), 18, 85, 5.0, "Piotr is very professional and communicates well.")],
             lang("English:F", "Polish:N"), total_jobs=18, layout="dom", expect={"overlap"},
             overview="Go and Kubernetes.", skills=["Go", "Kubernetes", "gRPC"]))

    # 6. Lifetime average over 50 h/week plus P1.
    since = d(2024, 3, 4)
    add(Page("risky-ua-kharkiv-average-volume", "risky",
             "lifetime average about 55 h/week since March 2024 (P2 [S1] 'logged in continuously', [S20] several people on one account); low rate + volume + top JSS (P1 [S8])",
             "UA", "Kharkiv", "Europe/Kyiv", "Oleh B.", "Full-Stack Developer | React, Laravel", 30.0, 100,
             7850, since,
             risky_hist(30, start=since, other=None, own="Oleh", weekly=(25, 35)),
             lang("English:F", "Ukrainian:N"), total_jobs=61, layout="full", expect={"average", "volume"},
             overview="Full-stack developer, fast delivery.", skills=["React", "Laravel", "MySQL"]))

    # 7. Shared-account team with a correct clock: average + overlap + P1.
    since = d(2024, 9, 2)
    add(Page("risky-us-dallas-team-account", "risky",
             "clock correctly on US time but a team behind the account: lifetime average over 50 h/week and overlapping contracts (P2 [S1][S20]) with low rate + volume + top JSS (P1 [S8])",
             "US", "Dallas", "America/Chicago", "Brandon K.", "Full-Stack Developer | Next.js, Python", 45.0, 100,
             6000, since,
             [hourly("Next.js SaaS rebuild", d(2026, 5, 4), None, 32, 45),
              hourly("Python data API", d(2026, 6, 1), None, 30, 45),
              hourly("Chrome extension for sales teams", d(2025, 12, 1), d(2026, 5, 29), 28, 45, 5.0, "Brandon delivered everything ahead of schedule."),
              hourly("AI chatbot integration", d(2025, 6, 2), d(2025, 11, 28), 35, 42, 5.0, "Excellent communication and solid work.")],
             lang("English:N"), total_jobs=44, layout="meta", expect={"average", "overlap", "volume"},
             overview="Full-stack, AI apps, fast delivery.", skills=["Next.js", "Python", "OpenAI"]))

    # 8. Claimed Italy ([S16] claimed nationalities include Italy), UTC+8 clock, other name.
    since = d(2023, 11, 6)
    add(Page("risky-it-rome-clock-name", "risky",
             "claimed Italy ([S16] claimed nationalities) with a UTC+8 clock (P3) and feedback thanking 'Ming' (P4/M2 [S1][S10])",
             "IT", "Rome", "Asia/Shanghai", "Marco R.", "Golang Developer", 60.0, 94,
             1700, since,
             risky_hist(60, start=since, other="Ming", own="Marco", weekly=(10, 20), mismatch_text=0),
             lang("English:F", "Italian:N"), total_jobs=23, layout="dom", expect={"clock"},
             overview="Go developer.", skills=["Go", "PostgreSQL"]))

    # 9. Claimed UK, UTC+9 clock, overlapping contracts.
    since = d(2024, 2, 5)
    add(Page("risky-gb-london-clock-overlap", "risky",
             "claimed UK ([S16] activity in the UK, [S21] rented UK identities) with a UTC+9 clock (P3) and overlapping hourly contracts over 60 h/week (P2)",
             "GB", "London", "Asia/Seoul", "Oliver H.", "Senior React Developer", 85.0, 97,
             1900, since,
             [hourly("React dashboard for an insurer", d(2026, 7, 6), None, 35, 85),
              hourly("Design system in React", d(2026, 8, 10), None, 30, 85),
              hourly("Next.js migration", d(2026, 1, 5), d(2026, 6, 26), 20, 80, 5.0, "Oliver was a pleasure to work with: clear questions, clean results.")],
             lang("English:N"), total_jobs=16, layout="full", expect={"clock", "overlap"},
             overview="React specialist.", skills=["React", "TypeScript"]))

    # 10. Claimed Canada, UTC+8 clock, P1.
    since = d(2023, 4, 3)
    add(Page("risky-ca-toronto-clock-volume", "risky",
             "claimed Canada with a UTC+8 clock (P3 [S1]) and low rate + volume + top JSS (P1 [S8][S20] pay 25–50% below market)",
             "CA", "Toronto", "Asia/Shanghai", "Ethan L.", "Mobile Developer | Flutter, React Native", 30.0, 100,
             4200, since,
             risky_hist(30, start=since, other=None, own="Ethan", weekly=(20, 30)),
             lang("English:N"), total_jobs=57, layout="meta", expect={"clock", "volume"},
             overview="Mobile apps, fast and affordable.", skills=["Flutter", "React Native"]))

    # 11. Claimed Singapore ([S16]), UTC+9 clock (one hour off), P1, overlap.
    since = d(2024, 4, 1)
    add(Page("risky-sg-clock-1h-volume-overlap", "risky",
             "claimed Singapore ([S16]) with a clock one hour ahead, UTC+9 (P3); low rate + volume + top JSS (P1); overlapping contracts over 60 h/week (P2)",
             "SG", "Singapore", "Asia/Seoul", "Ethan T.", "Web3 Developer", 40.0, 99,
             4100, since,
             [hourly("EVM token and staking contracts", d(2026, 6, 1), None, 32, 40),
              hourly("DeFi dashboard in Next.js", d(2026, 7, 6), None, 32, 40),
              hourly("NFT marketplace frontend", d(2025, 11, 3), d(2026, 5, 22), 30, 40, 5.0, "Ethan did a great job on the API.")],
             lang("English:F", "Chinese:C"), total_jobs=38, layout="full", expect={"clock", "volume", "overlap"},
             overview="Solidity and DeFi.", skills=["Solidity", "Next.js", "Web3"]))

    # 12. Claimed Malaysia ([S16]), UTC+9 clock: only the clock, one hour off.
    since = d(2023, 7, 3)
    add(Page("risky-my-kualalumpur-clock-1h-only", "risky",
             "ONLY the clock, one hour off: claimed Malaysia ([S16] claimed nationalities) with a UTC+9 clock (P3)",
             "MY", "Kuala Lumpur", "Asia/Pyongyang", "Aiman R.", "Shopify Developer", 45.0, 88,
             1400, since,
             risky_hist(45, start=since, other=None, own="Aiman", weekly=(10, 20)),
             lang("English:F", "Malay:N"), availability="part", total_jobs=20, layout="dom2023", expect={"clock"},
             overview="Shopify stores.", skills=["Shopify", "Liquid"]))

    # 13. Claimed Vietnam ([S16]), UTC+9, other name.
    since = d(2024, 6, 3)
    add(Page("risky-vn-hanoi-clock-name", "risky",
             "claimed Vietnam ([S16]) with a UTC+9 clock (P3) and feedback addressing 'Hyun' (P4/M2)",
             "VN", "Hanoi", "Asia/Seoul", "Tuan P.", "Unity Developer", 35.0, 92,
             1600, since,
             risky_hist(35, start=since, other="Hyun", own="Tuan", weekly=(10, 22), mismatch_text=2),
             lang("English:F", "Vietnamese:N"), total_jobs=25, layout="full", expect={"clock"},
             overview="Unity games.", skills=["Unity", "C#"]))

    # 14. Only the lifetime average (no P1: rate above the band).
    since = d(2023, 6, 5)
    add(Page("risky-us-seattle-average-only", "risky",
             "ONLY the lifetime average: 10,000 h since mid-2023, about 55 h/week every week (P2 [S1][S20]); rate above the P1 band",
             "US", "Seattle", "America/Los_Angeles", "Tyler J.", "Senior Data Engineer", 95.0, 98,
             10000, since,
             risky_hist(95, start=since, other=None, own="Tyler", weekly=(25, 35)),
             lang("English:N"), total_jobs=33, layout="dom", expect={"average"},
             overview="Data platforms on AWS.", skills=["Spark", "AWS", "Airflow"]))

    # 15. Claimed Japan, only the name mismatch (clock right).
    since = d(2022, 10, 3)
    add(Page("risky-jp-osaka-name-only", "risky",
             "ONLY the name: claimed Japan (clock consistent), a client writes 'Working with Kevin' for 'Kenta' (P4/M2 [S1][S20] names that change)",
             "JP", "Osaka", "Asia/Tokyo", "Kenta Y.", "Frontend Developer | Vue, Nuxt", 65.0, 91,
             1300, since,
             risky_hist(65, start=since, other="Kevin", own="Kenta", weekly=(8, 18), mismatch_text=3),
             lang("English:F", "Japanese:N"), availability="part", total_jobs=17, layout="meta", expect=set(),
             overview="Vue and Nuxt frontends.", skills=["Vue.js", "Nuxt"]))

    # 16. Claimed US, name as sentence subject + P1.
    since = d(2022, 3, 7)
    add(Page("risky-us-atlanta-name-volume", "risky",
             "feedback names someone else as the one who did the work, 'Chen delivered' for 'Austin B.' (P4/M2 [S10] work done under other identities); low rate + volume + top JSS (P1)",
             "US", "Atlanta", "America/New_York", "Austin B.", "Full-Stack Developer | MERN", 35.0, 100,
             4300, since,
             risky_hist(35, start=since, other="Chen", own="Austin", weekly=(20, 30), mismatch_text=5),
             lang("English:N"), total_jobs=66, layout="store", expect={"volume"},
             overview="MERN stack, fast delivery.", skills=["MongoDB", "React", "Node.js"]))

    # 17. Claimed Ukraine ([S16]), UTC+8 clock, average.
    since = d(2024, 8, 5)
    add(Page("risky-ua-odesa-clock-average", "risky",
             "claimed Ukraine ([S16] posing as Ukrainians) with a UTC+8 clock (P3) and a lifetime average over 50 h/week (P2); JSS below the P1 threshold",
             "UA", "Odesa", "Asia/Shanghai", "Artem V.", "Python & AI Developer", 38.0, 86,
             6300, since,
             risky_hist(38, start=since, other=None, own="Artem", weekly=(20, 35)),
             lang("English:F", "Ukrainian:N"), total_jobs=29, layout="dom", expect={"clock", "average"},
             overview="AI apps and Python backends.", skills=["Python", "LangChain", "FastAPI"]))

    # 18. Claimed Hungary ([S21] rented Hungarian identities), UTC+8 clock, other name.
    since = d(2023, 3, 6)
    add(Page("risky-hu-budapest-clock-name", "risky",
             "rented identity ([S21] identities rented from Hungary): claimed Hungary with a UTC+8 clock (P3) and feedback thanking 'Tom' on a profile named 'Bence' (P4/M2)",
             "HU", "Budapest", "Asia/Shanghai", "Bence K.", "Angular Developer", 50.0, 95,
             1900, since,
             risky_hist(50, start=since, other="Tom", own="Bence", weekly=(10, 22), mismatch_text=4),
             lang("English:F", "Hungarian:N"), total_jobs=24, layout="full", expect={"clock"},
             overview="Angular apps.", skills=["Angular", "RxJS"]))

    # 19. Claimed Turkey ([S21] rented Turkish identities), UTC+9 clock, P1 + overlap.
    since = d(2023, 10, 2)
    add(Page("risky-tr-ankara-clock-volume-overlap", "risky",
             "rented identity ([S21] Turkey): UTC+9 clock (P3), low rate + volume + top JSS (P1), overlapping contracts over 60 h/week (P2)",
             "TR", "Ankara", "Asia/Seoul", "Mert A.", "Mobile Developer | Swift, Kotlin", 30.0, 98,
             4600, since,
             [hourly("iOS app maintenance (Swift)", d(2026, 5, 4), None, 30, 30),
              hourly("Kotlin Android banking app fixes", d(2026, 6, 8), None, 34, 30),
              hourly("React Native offline sync", d(2025, 10, 6), d(2026, 4, 24), 30, 30, 5.0, "Mert is very professional and communicates well.")],
             lang("English:F", "Turkish:N"), total_jobs=49, layout="dom", expect={"clock", "volume", "overlap"},
             overview="Native mobile apps.", skills=["Swift", "Kotlin"]))

    # 20. Claimed UK, Korean as native language (P5 [S3]) and UTC+9 clock.
    since = d(2024, 1, 1)
    add(Page("risky-gb-leeds-clock-korean-language", "risky",
             "claimed UK with Korean listed as native language (P5 [S3] 'language preference Korean while claiming another country') and a UTC+9 clock (P3)",
             "GB", "Leeds", "Asia/Pyongyang", "George W.", "Node.js Developer", 55.0, 93,
             1600, since,
             risky_hist(55, start=since, other=None, own="George", weekly=(10, 20)),
             lang("English:F", "Korean:N"), total_jobs=20, layout="full", expect={"clock"},
             overview="Node.js APIs.", skills=["Node.js", "Express", "MongoDB"]))

    # 21. Claimed US Pacific, UTC+8 clock, overlap.
    since = d(2024, 7, 1)
    add(Page("risky-us-sanjose-clock-overlap", "risky",
             "claimed US (Pacific) with a UTC+8 clock (P3 [S1][S20] work hours near KST/CST) and overlapping hourly contracts over 60 h/week (P2)",
             "US", "San Jose", "Asia/Shanghai", "Kevin N.", "AI Engineer | Python, LLMs", 75.0, 96,
             1950, since,
             [hourly("AI chatbot for customer support", d(2026, 8, 3), None, 35, 75),
              hourly("RAG pipeline for legal documents", d(2026, 8, 17), None, 32, 75),
              hourly("Python scraping for price data", d(2026, 2, 2), d(2026, 7, 24), 18, 70, 4.9, "Good work overall, a few delays but great quality.")],
             lang("English:N", "Vietnamese:C"), total_jobs=14, layout="full", expect={"clock", "overlap"},
             overview="LLM apps.", skills=["Python", "LangChain", "OpenAI"]))

    # 22. Bought account ([S6] upworksell.com): young account with a huge volume, average + overlap.
    since = d(2025, 8, 4)
    add(Page("risky-us-miami-bought-account", "risky",
             "bought or rented account ([S6] upworksell.com sold accounts): member since Aug 2025 with 4,300 h (about 62 h/week, P2) and overlapping contracts (P2); JSS below the P1 threshold",
             "US", "Miami", "America/New_York", "Carlos D.", "Full-Stack Developer | Laravel, Vue", 40.0, 89,
             4300, since,
             [hourly("Laravel SaaS backend", d(2026, 5, 4), None, 32, 40),
              hourly("Vue admin panel", d(2026, 6, 1), None, 32, 40),
              hourly("Booking platform API", d(2025, 9, 1), d(2026, 4, 24), 30, 38, 4.8, "Carlos was a pleasure to work with: clear questions, clean results.")],
             lang("English:N", "Spanish:N"), total_jobs=21, layout="full", expect={"average", "overlap"},
             overview="Full-stack developer.", skills=["Laravel", "Vue.js"]))

    # 23. Claimed Netherlands, only the name mismatch in a natural phrasing.
    since = d(2022, 9, 5)
    add(Page("risky-nl-utrecht-name-only-phrasing", "risky",
             "ONLY the name: profile 'Sven D.', a client writes 'Many thanks to Wei' (P4/M2 [S1][S10]); phrasing without a direct address",
             "NL", "Utrecht", "Europe/Amsterdam", "Sven D.", "Data Scientist | Python", 95.0, 94,
             1500, since,
             risky_hist(95, start=since, other="Wei", own="Sven", weekly=(8, 18), mismatch_text=6),
             lang("English:F", "Dutch:N"), availability="part", total_jobs=15, layout="dom", expect=set(),
             overview="ML models.", skills=["Python", "scikit-learn"]))

    # 24. Claimed Germany, only overlapping contracts (two heavy ones).
    since = d(2022, 4, 4)
    add(Page("risky-de-hamburg-overlap-only", "risky",
             "ONLY overlapping contracts: two full-time hourly contracts at once, about 40 + 28 h/week (P2 [S15] workers hold multiple jobs, [S19])",
             "DE", "Hamburg", "Europe/Berlin", "Felix N.", "DevOps Engineer | AWS, Terraform", 95.0, 97,
             2600, since,
             [hourly("Terraform for AWS landing zone", d(2026, 5, 4), d(2026, 10, 30), 40, 95, 5.0, "Felix delivered everything ahead of schedule."),
              hourly("CI/CD pipelines in GitHub Actions", d(2026, 6, 1), d(2026, 10, 23), 28, 95, 5.0, "Reliable and proactive. Five stars."),
              hourly("Cost optimisation on GCP", d(2025, 9, 1), d(2026, 3, 27), 15, 90, 4.9, "Quick, careful and easy to reach.")],
             lang("English:F", "German:N"), total_jobs=17, layout="store", expect={"overlap"},
             overview="AWS and Terraform.", skills=["AWS", "Terraform", "Kubernetes"]))

    # 25. Claimed US, only the clock (UTC+9) on a store-only page.
    since = d(2023, 1, 9)
    add(Page("risky-us-boston-clock-only-store", "risky",
             "ONLY the clock: claimed US with a UTC+9 clock (P3 [S1][S20]), data in the embedded store",
             "US", "Boston", "Asia/Seoul", "Nathan C.", "Machine Learning Engineer", 110.0, 95,
             1700, since,
             risky_hist(110, start=since, other=None, own="Nathan", weekly=(8, 18)),
             lang("English:N"), availability="part", total_jobs=19, layout="store", expect={"clock"},
             overview="ML engineering.", skills=["PyTorch", "MLOps"]))

    # 26. Claimed China ([S1] workers claim to be Chinese) with a UTC+9 clock, plus a name mismatch.
    since = d(2023, 8, 7)
    add(Page("risky-cn-shenyang-clock-name", "risky",
             "claimed China ([S1] claim to be Chinese; [S9] Shenyang front addresses) with a UTC+9 clock (P3) and feedback thanking 'Jason' on a profile named 'Hao' (P4/M2)",
             "CN", "Shenyang", "Asia/Pyongyang", "Hao Z.", "Full-Stack Developer | React, Go", 45.0, 96,
             1800, since,
             risky_hist(45, start=since, other="Jason", own="Hao", weekly=(10, 22), mismatch_text=1),
             lang("English:F", "Chinese:N"), total_jobs=26, layout="meta", expect={"clock"},
             overview="React and Go.", skills=["React", "Go"]))

    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if tests/corpus/ is not what this script writes")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--stats", action="store_true", help="print each page's clock offset, lifetime average and peak load")
    args = ap.parse_args()

    pages = build()
    slugs = [p.slug for p in pages]
    assert len(slugs) == len(set(slugs)), "duplicate slugs"
    problems = []
    for p in pages:
        try:
            validate(p)
        except AssertionError as e:
            problems.append(str(e))
    if problems:
        print("inconsistent pages:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    if args.stats:
        for p in pages:
            h, m = local_clock(p)
            print(
                f"{p.slug:52} {p.label:6} {p.country} clock {fmt_clock((h, m)):>8} ({offset_minutes(p.zone) / 60:+g}h) "
                f"avg {lifetime_average(p):5.1f} h/wk  peak {peak_concurrent(p):5.1f} h/wk  contracts {len(p.contracts)}"
            )
    files = {p.file: render(p) for p in pages}
    labels = {p.file: {"label": p.label, "pattern": p.pattern, "country": p.country} for p in pages}
    files["labels.json"] = json.dumps(labels, indent=2, ensure_ascii=False, sort_keys=True) + "\n"

    out: Path = args.out
    if args.check:
        bad = [n for n, t in files.items() if not (out / n).is_file() or (out / n).read_text(encoding="utf-8") != t]
        extra = [x.name for x in out.glob("*") if x.name not in files] if out.is_dir() else []
        for n in bad:
            print(f"differs: {n}", file=sys.stderr)
        for n in extra:
            print(f"not generated: {n}", file=sys.stderr)
        return 1 if bad or extra else 0
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.html"):
        if old.name not in files:
            old.unlink()
    for n, t in files.items():
        (out / n).write_text(t, encoding="utf-8")
    benign = [p for p in pages if p.label == "benign"]
    risky = [p for p in pages if p.label == "risky"]
    print(
        f"wrote {len(pages)} pages to {out} ({len(benign)} benign in {len({p.country for p in benign})} countries, "
        f"{len(risky)} risky in {len({p.country for p in risky})} countries) + labels.json"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
