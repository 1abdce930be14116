#!/usr/bin/env python3
"""Generates HireCheck's static time-zone and country tables.

    python3 tools/gen-tz-table.py            # rewrite src/tz/table.rs and the data block of src/countries.rs
    python3 tools/gen-tz-table.py --check    # only report what would be generated

Runs on a developer machine only; the generated Rust is committed and CI never runs this.

Inputs:
  * the system tzdata: /usr/share/zoneinfo/zone.tab (countries -> zones; zone.tab rather than
    zone1970.tab so that every country gets its own zones, e.g. Europe/Oslo for NO), iso3166.tab,
    and Python's standard `zoneinfo` reading the same files for the actual UTC offsets;
  * `pycountry` (pip install pycountry) for ISO 3166-1 alpha-3 codes and English names.

Time zones: every zone is classified by its actual transitions in the covered window
2025-01-01T00:00Z .. 2036-01-01T00:00Z:
  * no transition in the window                      -> fixed offset;
  * transitions equal to one of the RULES below       -> standard offset + rule kind (the rule
    kinds are evaluated in Rust by src/tz/rules.rs; RULES here must mirror it exactly);
  * anything else (Morocco's Ramadan shifts, Palestine) -> an explicit list of
    (utc_seconds, offset_minutes) transitions inside the window.
The generator refuses to write a table that does not reproduce zoneinfo's offsets exactly.
"""

import argparse
import datetime as dt
import pathlib
import re
import sys
import unicodedata
import zoneinfo

ROOT = pathlib.Path(__file__).resolve().parent.parent
ZONEINFO = pathlib.Path("/usr/share/zoneinfo")
TABLE_RS = ROOT / "src" / "tz" / "table.rs"
COUNTRIES_RS = ROOT / "src" / "countries.rs"

UTC = dt.timezone.utc
WINDOW_START = int(dt.datetime(2025, 1, 1, tzinfo=UTC).timestamp())
WINDOW_END = int(dt.datetime(2036, 1, 1, tzinfo=UTC).timestamp())
FIRST_YEAR, LAST_YEAR = 2025, 2035

# ---------------------------------------------------------------------------------------------
# DST rule kinds. Must mirror `Rule::spec` in src/tz/rules.rs.
#   day:  ("last", weekday) | ("ge", day_of_month, weekday); weekday 0 = Sunday … 6 = Saturday
#   time: minutes after local midnight of that day (may be negative or >= 1440)
#   ref:  "u" = UTC, "s" = the zone's standard time, "w" = wall clock before the change
SUN, MON, TUE, WED, THU, FRI, SAT = range(7)
RULES = [
    # name,        (month, day, minutes, ref) start,    (month, day, minutes, ref) end,     save
    ("Us",        (3, ("ge", 8, SUN), 120, "w"),      (11, ("ge", 1, SUN), 120, "w"),      60),
    ("Eu",        (3, ("last", SUN), 60, "u"),        (10, ("last", SUN), 60, "u"),        60),
    ("Troll",     (3, ("last", SUN), 60, "u"),        (10, ("last", SUN), 60, "u"),        120),
    ("Moldova",   (3, ("last", SUN), 120, "w"),       (10, ("last", SUN), 180, "w"),       60),
    ("Lebanon",   (3, ("last", SUN), 0, "w"),         (10, ("last", SUN), 0, "w"),         60),
    ("Israel",    (3, ("ge", 23, FRI), 120, "w"),     (10, ("last", SUN), 120, "w"),       60),
    ("Egypt",     (4, ("last", FRI), 0, "w"),         (10, ("last", THU), 1440, "w"),      60),
    ("Cuba",      (3, ("ge", 8, SUN), 0, "s"),        (11, ("ge", 1, SUN), 0, "s"),        60),
    ("Chile",     (9, ("ge", 2, SUN), 240, "u"),      (4, ("ge", 2, SUN), 180, "u"),       60),
    ("Australia", (10, ("ge", 1, SUN), 120, "s"),     (4, ("ge", 1, SUN), 120, "s"),       60),
    ("LordHowe",  (10, ("ge", 1, SUN), 120, "w"),     (4, ("ge", 1, SUN), 120, "w"),       30),
    ("NewZealand", (9, ("last", SUN), -600, "u"),     (4, ("ge", 1, SUN), -600, "u"),      60),
]

# Countries that zone.tab does not list (uninhabited); they still need one zone.
EXTRA_ZONES = [
    # (iso2, zone, why)
    ("BV", "Etc/UTC", "Bouvet Island: uninhabited, not in zone.tab; no civil time, UTC used"),
    ("HM", "Indian/Kerguelen", "Heard & McDonald Islands: uninhabited, not in zone.tab; neighbouring Kerguelen (UTC+5)"),
    ("XK", "Europe/Belgrade", "Kosovo: user-assigned code XK used by marketplaces; tzdata uses Europe/Belgrade"),
]


def days_from_civil(y, m, d):
    return dt.date(y, m, d).toordinal() - dt.date(1970, 1, 1).toordinal()


def weekday(days):  # 0 = Sunday
    return (days + 4) % 7


def days_in_month(y, m):
    return ((dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.date(y, m, 1)).days


def resolve_day(year, month, day):
    if day[0] == "last":
        last = days_from_civil(year, month, days_in_month(year, month))
        return last - (weekday(last) - day[1]) % 7
    first = days_from_civil(year, month, day[1])
    return first + (day[2] - weekday(first)) % 7


def rule_transitions(rule, std, year):
    """[(utc_seconds, offset_after_minutes)] of `rule` in `year` for a zone with standard offset `std`."""
    _, start, end, save = rule
    out = []
    for (month, day, minutes, ref), is_start in ((start, True), (end, False)):
        local = resolve_day(year, month, day) * 86400 + minutes * 60
        off = {"u": 0, "s": std, "w": std if is_start else std + save}[ref]
        out.append((local - off * 60, std + save if is_start else std))
    return out


# ---------------------------------------------------------------------------------------------
# Actual offsets from zoneinfo.

def offset_minutes(zone, t):
    off = dt.datetime.fromtimestamp(t, tz=zone).utcoffset().total_seconds()
    if off % 60:
        raise SystemExit(f"{zone.key}: offset {off}s is not whole minutes")
    return int(off // 60)


def actual_transitions(zone):
    """(offset at WINDOW_START, [(utc_seconds, new_offset)]) inside the window, exact to the second."""
    step = 6 * 3600
    first = offset_minutes(zone, WINDOW_START)
    out, prev, t = [], first, WINDOW_START
    while t < WINDOW_END:
        nxt = min(t + step, WINDOW_END - 1)
        off = offset_minutes(zone, nxt)
        if off != prev:
            lo, hi = t, nxt  # offset(lo) == prev, offset(hi) != prev
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset_minutes(zone, mid) == prev:
                    lo = mid
                else:
                    hi = mid
            out.append((hi, off))
            prev = off
        t = nxt if nxt > t else WINDOW_END
    return first, out


def classify(name):
    zone = zoneinfo.ZoneInfo(name)
    first, trans = actual_transitions(zone)
    if not trans:
        return ("fixed", first, None)
    offsets = {first} | {o for _, o in trans}
    if len(offsets) == 2:
        std = min(offsets)
        for rule in RULES:
            if max(offsets) - std != rule[3]:
                continue
            expected = []
            for y in range(FIRST_YEAR - 1, LAST_YEAR + 2):
                expected += rule_transitions(rule, std, y)
            expected.sort()
            before = [o for t, o in expected if t <= WINDOW_START]
            inside = [(t, o) for t, o in expected if WINDOW_START < t < WINDOW_END]
            if before and before[-1] == first and inside == trans:
                return ("rule", std, rule[0])
    return ("list", first, tuple(trans))


def footer(name):
    """The POSIX TZ string at the end of the TZif file: a hint for adding a rule kind."""
    data = (ZONEINFO / name).read_bytes()
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode()


def read_tab(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def tzdata_version():
    head = (ZONEINFO / "tzdata.zi").read_text(encoding="utf-8").splitlines()[0]
    m = re.match(r"# version (\S+)", head)
    return m.group(1) if m else "unknown"


def fmt_off(minutes):
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02}" if m else "")


def split(name):
    """'America/Argentina/Salta' -> '"America", "Argentina/Salta"' (src/tz/mod.rs keeps the regions apart)."""
    region, city = name.split("/", 1)
    return f'"{region}", "{city}"'


def gen_tz(iso2_codes, check):
    zones = []  # (iso2, zone name, order)
    for i, row in enumerate(read_tab(ZONEINFO / "zone.tab")):
        zones.append((row[0], row[2], i))
    for j, (cc, name, _why) in enumerate(EXTRA_ZONES):
        zones.append((cc, name, 10_000 + j))
    zones.sort(key=lambda z: (z[0], z[2]))
    missing = sorted(set(iso2_codes) - {z[0] for z in zones})
    if missing:
        raise SystemExit(f"countries without a zone: {missing}")
    unknown = sorted({z[0] for z in zones} - set(iso2_codes))
    if unknown:
        raise SystemExit(f"zone.tab countries missing from the country table: {unknown}")

    lists = {}  # transitions tuple -> static name
    rows = []
    stats = {"fixed": 0, "rule": 0, "list": 0}
    used_rules = {}
    for cc, name, _ in zones:
        kind, base, extra = classify(name)
        stats[kind] += 1
        if kind == "fixed":
            rows.append(f'    z(*b"{cc}", {split(name)}, {base}, Dst::None),')
        elif kind == "rule":
            used_rules.setdefault(extra, []).append(name)
            rows.append(f'    z(*b"{cc}", {split(name)}, {base}, Dst::Rule(Rule::{extra})),')
        else:
            if extra not in lists:
                lists[extra] = ("L_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper(),
                                re.sub(r"[^A-Za-z0-9]", "", name.title()), [name])
            else:
                lists[extra][2].append(name)
            rows.append(f'    z(*b"{cc}", {split(name)}, {base}, Dst::List(TransitionList::{lists[extra][1]})),')
            print(f"  explicit list: {name} ({len(extra)} transitions; footer {footer(name)!r})", file=sys.stderr)

    out = [
        f"// @generated by tools/gen-tz-table.py from tzdata {tzdata_version()} (zone.tab). Do not edit by hand.",
        "//! Countries → time zones: standard offset (minutes east of UTC) and DST behaviour of each zone",
        f"//! as tzdata {tzdata_version()} has it for {FIRST_YEAR}–{LAST_YEAR}. Zones are sorted by country; within",
        "//! a country they keep zone.tab's order (geographic, most populous first where that fits).",
        "//!",
        "//! Each row is `z(country, region, rest of the IANA name, base offset in minutes, DST)`. For `Dst::Rule`",
        "//! zones the base is standard time; for `Dst::List` zones it applies before the first listed transition.",
        "",
        "use super::rules::Rule;",
        "use super::{cities, z, zones, Dst, Zone};",
        "use crate::packed::{as_str, lines, total_len};",
        "",
        f'/// The tzdata release this table was generated from.',
        f'pub const TZDATA_VERSION: &str = "{tzdata_version()}";',
        f"/// First instant (2025-01-01T00:00:00Z) of the years the generator checked the table against tzdata.",
        f"pub const COVERED_FROM: i64 = {WINDOW_START};",
        f"/// End (2036-01-01T00:00:00Z, exclusive) of the years the generator checked.",
        f"pub const COVERED_UNTIL: i64 = {WINDOW_END};",
        "",
    ]
    for trans, (ident, _variant, names) in lists.items():
        assert all(0 <= t < 2**32 for t, _ in trans), "transition times must fit a u32"
        out.append(f"/// {', '.join(names)}: offsets that no rule kind describes (seconds since the epoch, offset).")
        out.append(f"static {ident}: [(u32, i16); {len(trans)}] = [")
        for t, o in trans:
            when = dt.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M")
            out.append(f"    ({t}, {o}), // {when}Z -> {fmt_off(o)}")
        out.append("];")
        out.append("")
    out.append("/// The zones whose offsets no rule kind describes, each with its list of transitions.")
    out.append("#[derive(Clone, Copy, Debug)]")
    out.append("pub(super) enum TransitionList {")
    for _trans, (_ident, variant, names) in lists.items():
        out.append(f"    /// {', '.join(names)}.")
        out.append(f"    {variant},")
    out.append("}")
    out.append("")
    out.append("impl TransitionList {")
    out.append("    pub(super) fn entries(self) -> &'static [(u32, i16)] {")
    out.append("        match self {")
    for _trans, (ident, variant, _names) in lists.items():
        out.append(f"            TransitionList::{variant} => &{ident},")
    out.append("        }")
    out.append("    }")
    out.append("}")
    out.append("")
    for cc, name, why in EXTRA_ZONES:
        out.append(f"// {cc} -> {name}: {why}.")
    out.append(f"const ROWS: [(Zone, &str); {len(rows)}] = [")
    out += rows
    out.append("];")
    out.append("")
    out.append("/// The rows without their names; the lookups binary-search them by country.")
    out.append(f"pub(super) static ZONES: [Zone; {len(rows)}] = zones(&ROWS);")
    out.append("/// The IANA names of the rows without their region (\"New_York\"), in the same order, a line each")
    out.append("/// (read once, in order: no end offsets).")
    out.append("pub(super) static ZONE_CITIES: &str = as_str(&ZONE_CITY_LINES);")
    out.append(f"const ZONE_CITY_LINES: [u8; total_len(&cities(&ROWS)) + {len(rows)}] = lines(&cities(&ROWS));")
    text = "\n".join(out) + "\n"
    print(
        f"tz: {len({z[0] for z in zones})} countries, {len(rows)} zones: {stats['fixed']} fixed, "
        f"{stats['rule']} rule-based, {stats['list']} explicit lists ({len(lists)} distinct); "
        f"{len(text)} bytes",
        file=sys.stderr,
    )
    for r in RULES:
        print(f"  rule {r[0]}: {len(used_rules.get(r[0], []))} zones", file=sys.stderr)
    if not check:
        TABLE_RS.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Countries.

DISPLAY = {  # English short names where ISO's formal name reads badly in a sentence
    "BN": "Brunei", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "FK": "Falkland Islands", "FM": "Micronesia", "MF": "Saint Martin", "PS": "Palestine",
    "RU": "Russia", "SX": "Sint Maarten", "VA": "Vatican City", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "XK": "Kosovo",
}

ALIASES = {  # English aliases as marketplaces and people write them
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America", "United States (US)"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland",
           "United Kingdom (UK)", "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russia", "Russian Federation"],
    "KR": ["South Korea", "Korea, Republic of", "Republic of Korea", "Korea", "Korea, South", "S. Korea"],
    "KP": ["North Korea", "DPRK", "Korea, North", "Democratic People's Republic of Korea"],
    "VN": ["Vietnam", "Viet Nam"],
    "CZ": ["Czech Republic", "Czechia"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "HK": ["Hong Kong SAR", "Hong Kong SAR China", "Hong Kong, China", "Hongkong"],
    "MO": ["Macau", "Macao SAR", "Macao SAR China", "Macau SAR"],
    "TW": ["Taiwan", "Taiwan, Province of China", "Republic of China", "Chinese Taipei", "Taiwan ROC"],
    "MK": ["Macedonia", "North Macedonia", "Macedonia, the former Yugoslav Republic of", "Republic of North Macedonia",
           "The former Yugoslav Republic of Macedonia", "FYROM", "Republic of Macedonia"],
    "PS": ["Palestinian Territories", "Palestinian Territory", "Palestinian Territory, Occupied",
           "Occupied Palestinian Territories", "State of Palestine", "West Bank", "Gaza", "Gaza Strip"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "MM": ["Burma", "Myanmar (Burma)"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "LA": ["Lao PDR", "Laos"],
    "LY": ["Libyan Arab Jamahiriya"],
    "BN": ["Brunei Darussalam"],
    "MD": ["Republic of Moldova"],
    "VA": ["Holy See", "Vatican", "Vatican City State"],
    "VG": ["Virgin Islands, British", "BVI"],
    "VI": ["US Virgin Islands", "Virgin Islands, U.S.", "United States Virgin Islands"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo, Democratic Republic of the", "Democratic Republic of Congo",
           "Congo-Kinshasa", "Congo (Kinshasa)", "Congo, DR", "Congo DRC"],
    "CG": ["Congo, Republic of the", "Republic of the Congo", "Congo-Brazzaville", "Congo (Brazzaville)", "Republic of Congo"],
    "NL": ["Holland"],
    # Dissolved in 2010 (CW, SX, BQ); marketplaces still list it. Curaçao is the largest part; all are UTC-4.
    "CW": ["Netherlands Antilles"],
    "BL": ["St Barts", "Saint Barths"],
    "VC": ["Saint Vincent"],
    "SH": ["Saint Helena"],
    "FK": ["Falklands", "Falkland Islands (Malvinas)"],
    "GS": ["South Georgia"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "TT": ["Trinidad"],
    "AG": ["Antigua"],
    "ST": ["Sao Tome"],
    "PN": ["Pitcairn Islands"],
    "CC": ["Cocos Islands", "Keeling Islands"],
    "UM": ["U.S. Minor Outlying Islands"],
    "XK": ["Republic of Kosovo"],
    "IR": ["Persia", "Islamic Republic of Iran"],
    "SY": ["Syria"],
    "CN": ["PRC", "Mainland China", "China Mainland", "People's Republic of China"],
    "BQ": ["Caribbean Netherlands", "Bonaire"],
    "PM": ["Saint-Pierre and Miquelon"],
    "WF": ["Wallis and Futuna Islands"],
    "GG": ["Guernsey, Channel Islands"],
    "JE": ["Jersey, Channel Islands"],
}

GERMAN = {  # the most common countries as German-language pages name them
    "DE": ["Deutschland", "Bundesrepublik Deutschland"], "AT": ["Österreich"],
    "CH": ["Schweiz"], "US": ["Vereinigte Staaten", "Vereinigte Staaten von Amerika"],
    "GB": ["Vereinigtes Königreich", "Großbritannien"], "FR": ["Frankreich"], "IT": ["Italien"],
    "ES": ["Spanien"], "NL": ["Niederlande"], "BE": ["Belgien"], "LU": ["Luxemburg"],
    "DK": ["Dänemark"], "SE": ["Schweden"], "NO": ["Norwegen"], "FI": ["Finnland"], "IS": ["Island"],
    "IE": ["Irland"], "PL": ["Polen"], "CZ": ["Tschechien", "Tschechische Republik"], "SK": ["Slowakei"],
    "HU": ["Ungarn"], "RO": ["Rumänien"], "BG": ["Bulgarien"], "GR": ["Griechenland"], "TR": ["Türkei"],
    "HR": ["Kroatien"], "SI": ["Slowenien"], "RS": ["Serbien"], "BA": ["Bosnien und Herzegowina"],
    "MK": ["Nordmazedonien", "Mazedonien"], "AL": ["Albanien"], "RU": ["Russland"],
    "BY": ["Weißrussland", "Belarus"], "MD": ["Moldau", "Moldawien", "Republik Moldau"],
    "LT": ["Litauen"], "LV": ["Lettland"], "EE": ["Estland"], "GE": ["Georgien"], "AM": ["Armenien"],
    "AZ": ["Aserbaidschan"], "KZ": ["Kasachstan"], "UZ": ["Usbekistan"], "KG": ["Kirgisistan"],
    "TJ": ["Tadschikistan"], "CY": ["Zypern"], "JP": ["Japan"], "KR": ["Südkorea"], "KP": ["Nordkorea"],
    "IN": ["Indien"], "BD": ["Bangladesch"], "ID": ["Indonesien"], "PH": ["Philippinen"],
    "SG": ["Singapur"], "KH": ["Kambodscha"], "MN": ["Mongolei"], "AU": ["Australien"],
    "NZ": ["Neuseeland"], "CA": ["Kanada"], "MX": ["Mexiko"], "BR": ["Brasilien"],
    "AR": ["Argentinien"], "CO": ["Kolumbien"], "BO": ["Bolivien"], "CU": ["Kuba"], "JM": ["Jamaika"],
    "DO": ["Dominikanische Republik"], "EG": ["Ägypten"], "MA": ["Marokko"], "DZ": ["Algerien"],
    "TN": ["Tunesien"], "KE": ["Kenia"], "ZA": ["Südafrika"], "ET": ["Äthiopien"], "TZ": ["Tansania"],
    "CM": ["Kamerun"], "CI": ["Elfenbeinküste"], "SA": ["Saudi-Arabien"],
    "AE": ["Vereinigte Arabische Emirate"], "QA": ["Katar"], "IQ": ["Irak"], "JO": ["Jordanien"],
    "LB": ["Libanon"], "SY": ["Syrien"], "YE": ["Jemen"], "PS": ["Palästina", "Palästinensische Gebiete"],
    "HK": ["Hongkong"], "VA": ["Vatikanstadt"], "CN": ["Volksrepublik China"], "UA": ["Ukraine"],
}

# ASCII folding of Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F). Must be the only
# source of folding for both this generator and src/countries.rs (which embeds the table).
FOLD_FIRST, FOLD_LAST = 0xC0, 0x17F
FOLD_SPECIAL = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                "ı": "i", "ħ": "h", "ŧ": "t", "ĸ": "k", "ŋ": "n", "ŀ": "l", "ŉ": "n", "ſ": "s"}


def fold_char(c):
    """ASCII letters for a lower-case char in the fold range; "" means a separator."""
    if c in FOLD_SPECIAL:
        return FOLD_SPECIAL[c]
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if ch.isascii() and ch.isalnum())
    return base.lower()


def normalize(s):
    """Mirrors countries::normalize in Rust."""
    out = []
    for c in s:
        for lc in c.lower():
            o = ord(lc)
            if lc.isascii() and lc.isalnum():
                out.append(lc)
            elif FOLD_FIRST <= o <= FOLD_LAST and fold_char(lc):
                out.append(fold_char(lc))
            elif 0x300 <= o <= 0x36F or lc in "'.\u2019\u2018\u02bc`\u00b4":
                pass
            elif lc == "&":
                out.append(" and ")
            elif lc.isalnum() and not (FOLD_FIRST <= o <= FOLD_LAST):
                out.append(lc)
            else:
                out.append(" ")
    key = " ".join("".join(out).split())
    if key.startswith("the "):
        key = key[4:]
    return key


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gen_countries(check):
    import pycountry  # pip install pycountry (developer machine only)

    tab = {row[0]: row[1] for row in read_tab(ZONEINFO / "iso3166.tab")}
    countries = {}
    for c in pycountry.countries:
        countries[c.alpha_2] = c
    if set(countries) != set(tab):
        raise SystemExit(f"pycountry and iso3166.tab disagree: {sorted(set(countries) ^ set(tab))}")
    rows = []  # (iso2, iso3, display name)
    names = {}  # normalized key -> iso2

    def add(key_src, cc):
        key = normalize(key_src)
        if not key:
            return
        variants = {key}
        # "Cote d Ivoire" as well as "Cote d'Ivoire"; German umlauts also as ae/oe/ue ("Oesterreich").
        for alt in (re.sub("['\u2019]", " ", key_src),
                    key_src.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                    .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")):
            variants.add(normalize(alt))
        if key.startswith("saint "):
            variants.add("st " + key[6:])
        if key.startswith("st "):
            variants.add("saint " + key[3:])
        for k in variants:
            if names.get(k, cc) != cc:
                raise SystemExit(f"name {key_src!r} ({k!r}) maps to both {names[k]} and {cc}")
            names[k] = cc

    for cc in sorted(countries):
        c = countries[cc]
        display = DISPLAY.get(cc) or getattr(c, "common_name", None) or c.name
        rows.append((cc, c.alpha_3, display))
        # Formal names ("Federal Republic of Nigeria") are left out: marketplaces show short names, and the
        # few formal names people do write are in ALIASES.
        for n in (display, c.name, getattr(c, "common_name", None), tab[cc]):
            if n:
                add(n, cc)
    rows.append(("XK", "XKX", DISPLAY["XK"]))
    add("Kosovo", "XK")
    # Sorted by the English name with its ASCII letters in lower case: countries::iso2_from_name
    # binary-searches the names themselves for the keys that are just that ("albania"), which NAMES
    # therefore leaves out.
    rows.sort(key=lambda r: r[2].encode().lower())
    for table in (ALIASES, GERMAN):
        for cc, ns in table.items():
            if cc not in {r[0] for r in rows}:
                raise SystemExit(f"alias for unknown code {cc}")
            for n in ns:
                add(n, cc)
    codes = {r[0].lower() for r in rows} | {r[1].lower() for r in rows}
    for k, cc in names.items():
        if k in codes and k not in (next(r for r in rows if r[0] == cc)[0].lower(),
                                    next(r for r in rows if r[0] == cc)[1].lower()):
            raise SystemExit(f"name key {k!r} ({cc}) is another country's code")
    index = {r[0]: i for i, r in enumerate(rows)}
    lower_names = [r[2].encode().lower() for r in rows]
    assert len(set(lower_names)) == len(lower_names), "two English names differ only in case"
    # A key equal to its country's English name in ASCII lower case is found in COUNTRIES itself.
    keys = sorted((k for k in names if k.encode() != lower_names[index[names[k]]]), key=lambda k: k.encode())
    assert all(normalize(k) == k for k in keys)

    fold = []
    for o in range(FOLD_FIRST, FOLD_LAST + 1):
        fold.append(fold_char(chr(o).lower()) if len(chr(o).lower()) == 1 else "")

    out = [
        f"// ---- BEGIN GENERATED by tools/gen-tz-table.py (pycountry {getattr(pycountry, '__version__', '?')}, "
        f"tzdata {tzdata_version()} iso3166.tab); do not edit by hand ----",
        "",
        "// Only compile-time code reads these three tables: the lookups use the packed statics built from them.",
        "",
        "/// (alpha-2, alpha-3, English short name), sorted by the name's bytes with ASCII letters in lower case.",
        f"const COUNTRIES: [(&str, &str, &str); {len(rows)}] = [",
    ]
    for cc, a3, disp in rows:
        out.append(f"    ({rust_str(cc)}, {rust_str(a3)}, {rust_str(disp)}),")
    out.append("];")
    out.append("")
    out.append("/// Normalized name → index into COUNTRIES, sorted by the key's bytes; without the keys that are a")
    out.append("/// name of COUNTRIES in lower case (\"albania\"), which the lookup finds in COUNTRIES.")
    out.append(f"const NAMES: [(&str, u8); {len(keys)}] = [")
    line = "   "
    for k in keys:
        item = f" ({rust_str(k)}, {index[names[k]]}),"
        if len(line) + len(item) > 116:
            out.append(line)
            line = "   "
        line += item
    out.append(line)
    out.append("];")
    out.append("")
    out.append("/// The first code point that [`LATIN_FOLD`] covers.")
    out.append(f"const FOLD_FIRST: u32 = 0x{FOLD_FIRST:X};")
    out.append("")
    out.append(f"/// ASCII letters for the lower-case characters U+{FOLD_FIRST:04X}..=U+{FOLD_LAST:04X}; \"\" separates words.")
    out.append(f"const LATIN_FOLD: [&str; {len(fold)}] = [")
    line = "   "
    for f in fold:
        item = f" {rust_str(f)},"
        if len(line) + len(item) > 116:
            out.append(line)
            line = "   "
        line += item
    out.append(line)
    out.append("];")
    out.append("// ---- END GENERATED ----")
    block = "\n".join(out) + "\n"
    print(f"countries: {len(rows)} codes, {len(keys)} name keys; data block {len(block)} bytes", file=sys.stderr)
    if not check:
        src = COUNTRIES_RS.read_text(encoding="utf-8")
        begin = src.index("// ---- BEGIN GENERATED")
        end = src.index("// ---- END GENERATED ----\n") + len("// ---- END GENERATED ----\n")
        COUNTRIES_RS.write_text(src[:begin] + block + src[end:], encoding="utf-8")
    return [r[0] for r in rows]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="report only, write nothing")
    args = ap.parse_args()
    codes = gen_countries(args.check)
    gen_tz(codes, args.check)


if __name__ == "__main__":
    main()
