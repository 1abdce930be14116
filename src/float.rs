//! Decimal text → `f64` without the standard library's parser.
//!
//! `str::parse::<f64>` is exact for every input, and pays for that with a 20 KB table of powers of
//! five in the wasm (more than this crate's whole tz table). The numbers HireCheck reads (rates,
//! earnings, hours, ratings, epoch milliseconds) have at most 15 significant digits and small
//! exponents; for those [`parse_f64`] takes the exact fast path (the mantissa and the power of ten
//! are both exact doubles, so one correctly rounded multiplication or division gives the same
//! double as the standard parser). Longer or more extreme inputs get an approximation within a few
//! units in the last place, which no check here can tell apart.

/// Powers of ten that are exact doubles (10^22 is the last).
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads `s` with the grammar of `str::parse::<f64>`: an optional sign, then `inf`, `infinity` or
/// `nan` (any case), or digits with an optional `.` and fraction (at least one digit in all) and an
/// optional exponent `e`/`E` with optional sign. No spaces, no thousands separators.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, rest) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, b),
    };
    let v = special(rest).or_else(|| decimal(rest))?;
    Some(if neg { -v } else { v })
}

fn special(b: &[u8]) -> Option<f64> {
    if b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if b.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

fn decimal(b: &[u8]) -> Option<f64> {
    let mut i = 0;
    // Up to 19 significant digits fit a u64; further digits only shift the exponent.
    let mut mantissa: u64 = 0;
    let mut significant = 0u32;
    let mut exp: i64 = 0;
    let mut digits = 0usize;
    let mut digit = |d: u8, fraction: bool, mantissa: &mut u64, exp: &mut i64| {
        if significant < 19 {
            *mantissa = *mantissa * 10 + u64::from(d - b'0');
            if *mantissa != 0 {
                significant += 1;
            }
            if fraction {
                *exp -= 1;
            }
        } else if !fraction {
            *exp += 1;
        }
    };
    while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
        digit(d, false, &mut mantissa, &mut exp);
        digits += 1;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            digit(d, true, &mut mantissa, &mut exp);
            digits += 1;
            i += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            e = (e * 10 + i64::from(d - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if neg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    Some(scale(mantissa, exp))
}

/// `mantissa × 10^exp`, exact when both factors are exact doubles (mantissa below 2^53, |exp| ≤ 22):
/// then it is one correctly rounded multiplication or division.
fn scale(mantissa: u64, exp: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let mut v = mantissa as f64;
    // Beyond 10^22, step in exact powers so that no intermediate overflows early.
    let mut e = exp.clamp(-800, 800);
    while e > 22 {
        v *= 1e22;
        e -= 22;
    }
    while e < -22 {
        v /= 1e22;
        e += 22;
    }
    // |e| ≤ 22 here, so the table always has the power (the fallback 10^0 is never taken).
    let p = EXACT_POW10
        .get(e.unsigned_abs() as usize)
        .copied()
        .unwrap_or(1.0);
    if e < 0 {
        v / p
    } else {
        v * p
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    #[test]
    fn agrees_with_the_standard_parser_on_everyday_numbers() {
        let cases = [
            "0",
            "-0",
            "+1",
            "1.",
            ".5",
            "35.50",
            "1234.5",
            "0.1",
            "0.3",
            "4.95",
            "99.99",
            "1e3",
            "1E-2",
            "2.5e+1",
            "1700000000000",
            "1795132800000",
            "0000.0001",
            "9007199254740993",
            "123456789012345678901234",
            "0.000000000000000000000000001",
            "5.5",
            "-300",
            "1e300",
            "1e-300",
            "inf",
            "-Infinity",
            "1e400",
            "1e-400",
        ];
        for s in cases {
            let ours = parse_f64(s).unwrap_or_else(|| panic!("{s} not read"));
            let std: f64 = s.parse().unwrap();
            let close = ours == std || ((ours - std) / std).abs() < 1e-15;
            assert!(close, "{s}: {ours} vs {std}");
        }
        // Exact (bit for bit) on the fast path, which is every number a page shows.
        for s in [
            "35.50",
            "0.1",
            "4.95",
            "1234.5",
            "99.99",
            "1795132800000",
            "0.3",
        ] {
            assert_eq!(
                parse_f64(s).unwrap().to_bits(),
                s.parse::<f64>().unwrap().to_bits()
            );
        }
        assert!(parse_f64("NaN").unwrap().is_nan());
    }

    #[test]
    fn rejects_what_the_standard_parser_rejects() {
        for s in [
            "", ".", "-", "+", "e5", "1e", "1e+", "1,5", " 1", "1 ", "1.2.3", "0x10", "--1", "in",
        ] {
            assert_eq!(parse_f64(s), None, "{s:?}");
            assert!(s.parse::<f64>().is_err(), "{s:?}");
        }
    }
}
