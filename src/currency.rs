//! Approximate US-dollar values of the currencies marketplaces show, for placing an amount in a
//! USD band (the `low-rate-high-volume` rate band, the `review-burst` "tiny job" ceiling).
//!
//! **Where the figures come from, honestly.** They are approximate mid-market rates (units of the
//! currency per US dollar) as of [`RATES_DATE`], compiled by hand from memory of published reference
//! rates, *without network access* and without checking them against a live source when they were
//! written. They are good to about ±10% around that date, which is enough for banding ("is this rate
//! roughly USD 20–80?") and for nothing else: never show them as a price, never use them for money.
//! HireCheck makes no network request, so it cannot fetch rates; the table is compiled into the
//! extension and the CLI.
//!
//! Currencies marked `volatile` moved by well over 10% within months in 2023–2025 (devaluations,
//! high inflation). [`to_usd_at`] refuses to convert them once the table is more than
//! [`VOLATILE_MAX_AGE_DAYS`] old, so an outdated figure turns into "could not check", never into a
//! verdict. Pegged currencies (AED, HKD, BGN, DKK) are checked against their pegs in the tests.
//!
//! **How to update:** take the mid-market rate of each currency against USD for one day from a
//! public reference (e.g. the ECB euro reference rates, converted through EUR/USD, or a central
//! bank's published rate), round to three significant figures, set [`RATES_DATE`] to that day, and
//! run `cargo test currency`. Adding a currency to the money parser (`text.rs`) without a rate here
//! fails a test. Every rule that converts shows the original amount, the approximate USD value and
//! this table's date in its evidence, so a reader can judge the conversion.

use crate::model::Money;
use crate::policy::Lang;
use crate::rules::fmt_num;
use crate::texts::{s, say};
use crate::time::Instant;

/// The day the figures in [`RATES`] describe (approximately), as "YYYY-MM-DD".
pub const RATES_DATE: &str = "2025-07-01";

/// [`RATES_DATE`] as days since 1970-01-01 (a test checks the two agree).
const RATES_DAY: i64 = 20_270;

/// How long after [`RATES_DATE`] a volatile currency is still converted.
pub const VOLATILE_MAX_AGE_DAYS: i64 = 120;

/// One currency: ISO 4217 code, approximate units per US dollar on [`RATES_DATE`], and whether it
/// moves too fast for a table to stay within ±10% for long.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub code: &'static str,
    pub per_usd: f64,
    pub volatile: bool,
}

const fn r(code: &'static str, per_usd: f64) -> Rate {
    Rate {
        code,
        per_usd,
        volatile: false,
    }
}

const fn v(code: &'static str, per_usd: f64) -> Rate {
    Rate {
        code,
        per_usd,
        volatile: true,
    }
}

/// Units of each currency per US dollar, approximately, on [`RATES_DATE`] (see the module comment).
pub static RATES: &[Rate] = &[
    r("USD", 1.0),
    // Europe
    r("EUR", 0.85),
    r("GBP", 0.73),
    r("CHF", 0.79),
    r("SEK", 9.5),
    r("NOK", 10.1),
    r("DKK", 6.34),
    r("PLN", 3.61),
    r("CZK", 21.0),
    r("HUF", 340.0),
    r("RON", 4.31),
    r("BGN", 1.66),
    r("UAH", 41.7),
    v("RUB", 78.5),
    v("TRY", 39.8),
    // South and South-East Asia
    r("INR", 85.7),
    r("PKR", 284.0),
    r("BDT", 122.0),
    r("PHP", 56.5),
    r("VND", 26_100.0),
    r("IDR", 16_200.0),
    r("MYR", 4.21),
    r("SGD", 1.27),
    // East Asia
    r("JPY", 144.0),
    r("CNY", 7.16),
    r("KRW", 1_360.0),
    r("HKD", 7.85),
    // Africa and the Middle East
    v("NGN", 1_530.0),
    r("KES", 129.0),
    v("EGP", 49.6),
    r("ZAR", 17.7),
    r("ILS", 3.37),
    r("AED", 3.6725),
    // The Americas
    r("CAD", 1.36),
    r("MXN", 18.8),
    r("BRL", 5.45),
    v("ARS", 1_190.0),
    r("COP", 4_080.0),
    // Oceania
    r("AUD", 1.52),
    r("NZD", 1.64),
];

/// The table entry for an ISO 4217 code (upper case, as [`Money::currency`] holds it).
pub fn rate(code: &str) -> Option<&'static Rate> {
    RATES.iter().find(|r| r.code == code)
}

/// The approximate value of `m` in US dollars by the table, or `None` for a currency it does not
/// list (or an amount that is not a finite, non-negative number). Ignores the table's age; rules use
/// [`to_usd_at`].
pub fn to_usd(m: &Money) -> Option<f64> {
    let rate = rate(&m.currency)?;
    (m.amount.is_finite() && m.amount >= 0.0).then(|| m.amount / rate.per_usd)
}

/// [`to_usd`], except that a volatile currency is not converted once the table is more than
/// [`VOLATILE_MAX_AGE_DAYS`] older than `now`: its figure no longer holds to ±10%.
pub fn to_usd_at(m: &Money, now: Instant) -> Option<f64> {
    let rate = rate(&m.currency)?;
    let age_days = now.0.div_euclid(86_400) - RATES_DAY;
    if rate.volatile && age_days > VOLATILE_MAX_AGE_DAYS {
        return None;
    }
    to_usd(m)
}

/// "30 EUR (≈ $35 at approximate rates of 2025-07-01)", or "$35" for US dollars: the amount as the
/// page showed it, then the converted value the rule used. `unit` follows both amounts ("/hr").
pub fn describe(m: &Money, usd: f64, unit: &str, lang: Lang) -> String {
    let amount = fmt_num(m.amount, lang);
    if m.currency == "USD" {
        return say(lang, s::MONEY_USD, [&amount, unit]);
    }
    say(
        lang,
        s::MONEY_CONVERTED,
        [&amount, &m.currency, unit, &fmt_num(usd, lang), RATES_DATE],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn money(amount: f64, currency: &str) -> Money {
        Money {
            amount,
            currency: currency.into(),
        }
    }

    fn at(date: &str) -> Instant {
        Instant::parse_rfc3339(&format!("{date}T12:00:00Z")).unwrap()
    }

    #[test]
    fn the_table_is_well_formed_and_covers_what_marketplaces_show() {
        let mut codes: Vec<_> = RATES.iter().map(|r| r.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RATES.len(), "duplicate currency codes");
        for r in RATES {
            assert!(
                r.code.len() == 3 && r.code.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                r.code
            );
            assert!(r.per_usd.is_finite() && r.per_usd > 0.0, "{}", r.code);
        }
        for code in [
            "USD", "EUR", "GBP", "INR", "PKR", "BDT", "PHP", "NGN", "KES", "EGP", "UAH", "PLN",
            "RON", "TRY", "RUB", "BRL", "ARS", "MXN", "COP", "CAD", "AUD", "NZD", "JPY", "CNY",
            "KRW", "VND", "IDR", "MYR", "SGD", "ZAR", "ILS", "CHF", "SEK", "NOK", "DKK", "HUF",
            "CZK", "AED", "HKD",
        ] {
            assert!(rate(code).is_some(), "no rate for {code}");
        }
        let parts: Vec<u32> = RATES_DATE.split('-').map(|p| p.parse().unwrap()).collect();
        let d = Date::new(parts[0] as i32, parts[1], parts[2]).expect("RATES_DATE is YYYY-MM-DD");
        assert_eq!(
            d.days_since_epoch(),
            RATES_DAY,
            "RATES_DAY must match RATES_DATE"
        );
    }

    #[test]
    fn every_currency_the_money_parser_reads_has_a_rate() {
        // All three-letter codes: whatever `text::parse_money` accepts must be convertible.
        let mut unpriced = Vec::new();
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let code = String::from_utf8(vec![a, b, c]).unwrap();
                    if let Some(m) = crate::text::parse_money(&format!("10 {code}")) {
                        if to_usd(&m).is_none() {
                            unpriced.push(m.currency);
                        }
                    }
                }
            }
        }
        for sym in [
            "$", "€", "£", "¥", "₹", "₴", "zł", "US$", "CA$", "AU$", "NZ$", "A$", "C$",
        ] {
            if let Some(m) = crate::text::parse_money(&format!("{sym}10")) {
                if to_usd(&m).is_none() {
                    unpriced.push(m.currency);
                }
            }
        }
        unpriced.dedup();
        assert!(
            unpriced.is_empty(),
            "text::parse_money reads these currencies, but src/currency.rs has no rate for them: {unpriced:?}"
        );
    }

    #[test]
    fn pegged_currencies_agree_with_their_pegs() {
        let per = |c| rate(c).unwrap().per_usd;
        // AED is pegged at 3.6725 per USD; HKD trades in a band of 7.75–7.85.
        assert!((per("AED") - 3.6725).abs() < 0.01);
        assert!((7.75..=7.85).contains(&per("HKD")));
        // BGN is fixed at 1.95583 per EUR; DKK is held near 7.46038 per EUR (ERM II).
        assert!((per("BGN") / per("EUR") - 1.95583).abs() / 1.95583 < 0.01);
        assert!((per("DKK") / per("EUR") - 7.46038).abs() / 7.46038 < 0.01);
    }

    #[test]
    fn converts_to_approximate_dollars() {
        assert_eq!(to_usd(&money(35.0, "USD")), Some(35.0));
        let eur = to_usd(&money(30.0, "EUR")).unwrap();
        assert!((34.0..37.0).contains(&eur), "{eur}");
        let inr = to_usd(&money(2_000.0, "INR")).unwrap();
        assert!((20.0..26.0).contains(&inr), "{inr}");
        assert_eq!(to_usd(&money(10.0, "XYZ")), None);
        assert_eq!(to_usd(&money(10.0, "usd")), None, "codes are upper case");
        assert_eq!(to_usd(&money(f64::NAN, "EUR")), None);
        assert_eq!(to_usd(&money(-5.0, "EUR")), None);
        assert_eq!(to_usd(&money(f64::INFINITY, "GBP")), None);
    }

    #[test]
    fn volatile_currencies_are_not_converted_from_an_old_table() {
        let ars = money(30_000.0, "ARS");
        assert!(to_usd_at(&ars, at("2025-08-01")).is_some());
        assert_eq!(to_usd_at(&ars, at("2026-11-26")), None);
        // A stable currency keeps converting; so does any currency before the table's date.
        assert!(to_usd_at(&money(30.0, "EUR"), at("2026-11-26")).is_some());
        assert!(to_usd_at(&ars, Instant(0)).is_some());
        assert_eq!(to_usd_at(&money(1.0, "XYZ"), at("2025-07-01")), None);
    }

    #[test]
    fn descriptions_show_the_original_amount_the_dollars_and_the_table_date() {
        let m = money(30.0, "EUR");
        let usd = to_usd(&m).unwrap();
        let en = describe(&m, usd, "/hr", Lang::En);
        assert!(en.starts_with("30 EUR/hr (\u{2248} $35.3/hr"), "{en}");
        assert!(en.contains(RATES_DATE), "{en}");
        let de = describe(&m, usd, "/Std.", Lang::De);
        assert!(de.contains("Näherungskursen vom 2025-07-01"), "{de}");
        assert_eq!(
            describe(&money(35.0, "USD"), 35.0, "/hr", Lang::En),
            "$35/hr"
        );
    }
}
