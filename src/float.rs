//! Decimal text ↔ `f64` without the standard library's parser and formatter.
//!
//! `str::parse::<f64>` is exact for every input, and pays for that with a 20 KB table of powers of
//! five in the wasm (more than this crate's whole tz table). [`parse_f64`] is exact too (the same
//! double for every input), with less code: the numbers HireCheck reads (rates, earnings, hours,
//! ratings, epoch milliseconds) have at most 15 significant digits and small exponents, and for those
//! it takes the exact fast path (the mantissa and the power of ten are both exact doubles, so one
//! correctly rounded multiplication or division gives the same double as the standard parser). Any
//! other input (17 digits, as the shortest form of many doubles has; long fractions; extreme
//! exponents) starts from an approximation within a few units in the last place, which is then
//! corrected against the exact decimal value by comparing it with the half-way points to the
//! neighbouring doubles in big-integer arithmetic (the [`Big`] the formatter uses).

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
    // Up to 19 significant digits fit a u64; further digits only shift the exponent (the
    // approximation), and are read again by `exact`.
    let mut mantissa: u64 = 0;
    let mut significant = 0u32;
    let mut exp: i64 = 0;
    let mut digits = 0usize;
    let mut dropped = false;
    let mut digit = |d: u8, fraction: bool, mantissa: &mut u64, exp: &mut i64| {
        if significant < 19 {
            *mantissa = *mantissa * 10 + u64::from(d - b'0');
            if *mantissa != 0 {
                significant += 1;
            }
            if fraction {
                *exp -= 1;
            }
        } else {
            dropped = true;
            if !fraction {
                *exp += 1;
            }
        }
    };
    while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
        digit(d, false, &mut mantissa, &mut exp);
        digits += 1;
        i += 1;
    }
    let whole_end = i;
    let mut fraction: &[u8] = &[];
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            digit(d, true, &mut mantissa, &mut exp);
            digits += 1;
            i += 1;
        }
        fraction = b.get(start..i).unwrap_or_default();
    }
    if digits == 0 {
        return None;
    }
    let mut e: i64 = 0;
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
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            e = (e * 10 + i64::from(d - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        if neg {
            e = -e;
        }
    }
    if i != b.len() {
        return None;
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    let approx = scale(mantissa, exp + e);
    if !dropped && mantissa < 1 << 53 && (exp + e).abs() <= 22 {
        return Some(approx);
    }
    Some(exact(
        b.get(..whole_end).unwrap_or_default(),
        fraction,
        e,
        approx,
    ))
}

/// Significant digits kept for the exact comparison. Every half-way point between two doubles has at
/// most 767 of them, so a digit beyond this can only tell whether the value is a little above the
/// kept digits (the "sticky" digit below), never decide which side of a half-way point it lies on.
const MAX_EXACT_DIGITS: usize = 800;

/// The double nearest to `whole.fraction × 10^e` (ties to the even mantissa), starting from `approx`,
/// a few units in the last place away at most.
fn exact(whole: &[u8], fraction: &[u8], e: i64, approx: f64) -> f64 {
    // The significant digits D and exponent E with value = D × 10^E; D without leading and trailing zeros.
    let total = whole.len() + fraction.len();
    let at = |k: usize| match k.checked_sub(whole.len()) {
        None => whole.get(k).copied().unwrap_or(b'0'),
        Some(f) => fraction.get(f).copied().unwrap_or(b'0'),
    };
    let mut lead = 0;
    while lead < total && at(lead) == b'0' {
        lead += 1;
    }
    let mut end = total;
    while end > lead && at(end - 1) == b'0' {
        end -= 1;
    }
    let n = end - lead;
    let mut e10 = e - fraction.len() as i64 + (total - end) as i64;
    // Above 10^310 every value is past the largest double's half-way point to 2^1024; below
    // 10^-325 every value is under half the least subnormal.
    if n as i64 - 1 + e10 > 310 {
        return f64::INFINITY;
    }
    if n as i64 + e10 < -325 {
        return 0.0;
    }
    let mut d = Big::from_u64(0);
    let mut kept = 0;
    let mut sticky = false;
    for k in lead..end {
        let c = at(k);
        if kept < MAX_EXACT_DIGITS {
            d.mul_small(10);
            d.add_small(u32::from(c - b'0'));
            kept += 1;
        } else {
            sticky |= c != b'0';
        }
    }
    e10 += (n - kept) as i64;
    if sticky {
        d.mul_small(10);
        d.add_small(1);
        e10 -= 1;
    }
    // D × 10^E against n × 2^p, both made integers.
    let versus = |n: u64, p: i32| {
        let (mut l, mut r) = (d.clone(), Big::from_u64(n));
        if e10 >= 0 {
            l.mul_pow10(e10.unsigned_abs() as u32);
        } else {
            r.mul_pow10(e10.unsigned_abs() as u32);
        }
        if p >= 0 {
            r.mul_pow2(p.unsigned_abs());
        } else {
            l.mul_pow2(p.unsigned_abs());
        }
        l.cmp(&r)
    };
    use std::cmp::Ordering::{Equal, Greater, Less};
    let mut x = if approx.is_finite() { approx } else { f64::MAX };
    if x == 0.0 {
        x = f64::from_bits(1);
    }
    loop {
        let bits = x.to_bits();
        let biased = (bits >> 52) as i32;
        let frac = bits & ((1 << 52) - 1);
        let (m, p) = if biased == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, biased - 1075)
        };
        let even = m % 2 == 0;
        // Half-way up, (2m + 1) × 2^(p - 1): above it (or on it, from an odd mantissa), the next double.
        match versus(2 * m + 1, p - 1) {
            Greater => {}
            Equal if !even => {}
            _ => {
                // Half-way down: a quarter step below a power of two (the gap below is half as wide).
                let (low, lp) = if m == 1 << 52 && biased > 1 {
                    (4 * m - 1, p - 2)
                } else {
                    (2 * m - 1, p - 1)
                };
                match versus(low, lp) {
                    Less => {}
                    Equal if !even => {}
                    _ => return x,
                }
                x = f64::from_bits(bits - 1);
                if x == 0.0 {
                    return 0.0;
                }
                continue;
            }
        }
        if bits + 1 == f64::INFINITY.to_bits() {
            return f64::INFINITY;
        }
        x = f64::from_bits(bits + 1);
    }
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

/// `v` as `format!("{v}")` writes it, without core's float formatting (Grisu with a Dragon fallback
/// and their tables, ≈ 14 KB of wasm): the shortest digits that read back as `v`, the closest of them
/// when several do, written without an exponent ("0.0000001", "1000000000000000000000"). "NaN",
/// "inf", "-inf" and "-0" as the standard library writes them. Exact for every `f64`: the digits come
/// from exact integer arithmetic (Steele & White's algorithm, as core's Dragon fallback does it).
pub fn fmt_shortest(v: f64) -> String {
    let Some((mut out, mant, exp)) = start(v) else {
        return special_text(v);
    };
    if mant == 0 {
        out.push('0');
        return out;
    }
    let (digits, k) = shortest_digits(mant, exp);
    place_point(&mut out, &digits, k);
    out
}

/// `v` as `format!("{v:.decimals$}")` writes it: the exact value rounded to `decimals` places, a tie to
/// the even digit ("0.2" for 0.25, "5.0" for 4.95, whose double is a little above 4.95).
pub fn fmt_fixed(v: f64, decimals: u8) -> String {
    let Some((mut out, mant, exp)) = start(v) else {
        return special_text(v);
    };
    // v × 10^decimals = r / s exactly.
    let (mut r, mut s) = (Big::from_u64(mant), Big::from_u64(1));
    if exp >= 0 {
        r.mul_pow2(exp.unsigned_abs());
    } else {
        s.mul_pow2(exp.unsigned_abs());
    }
    r.mul_pow10(u32::from(decimals));
    // The integer part has n digits: the least n with r < s × 10^n.
    let mut n = 0;
    while s <= r {
        s.mul_small(10);
        n += 1;
    }
    let mut digits = Vec::new();
    for _ in 0..n {
        r.mul_small(10);
        digits.push(b'0' + r.div_small_quotient(&s));
    }
    // What is left, r / s, is the fraction below the last place: round half to even.
    let mut twice = r;
    twice.mul_small(2);
    let odd = digits.last().is_some_and(|d| d % 2 == 1);
    if twice > s || (twice == s && odd) {
        round_up(&mut digits);
    }
    let places = usize::from(decimals);
    while digits.len() <= places {
        digits.insert(0, b'0');
    }
    let point = digits.len() - places;
    let (whole, frac) = digits.split_at(point);
    out.extend(whole.iter().map(|&d| char::from(d)));
    if !frac.is_empty() {
        out.push('.');
        out.extend(frac.iter().map(|&d| char::from(d)));
    }
    out
}

/// The sign ("-" for every negative value, -0 included) and `v = mant × 2^exp`; `None` for NaN and
/// the infinities.
fn start(v: f64) -> Option<(String, u64, i32)> {
    if !v.is_finite() {
        return None;
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let (mant, exp) = integer_decode(v);
    Some((sign.to_string(), mant, exp))
}

fn special_text(v: f64) -> String {
    match (v.is_nan(), v.is_sign_negative()) {
        (true, _) => "NaN",
        (false, true) => "-inf",
        (false, false) => "inf",
    }
    .to_string()
}

/// `v = mant × 2^exp`, as core decodes it (a subnormal's mantissa doubled, its exponent one lower).
fn integer_decode(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    if biased == 0 {
        (frac << 1, -1075)
    } else {
        (frac | (1 << 52), biased - 1075)
    }
}

/// The shortest digits of `mant × 2^exp` (mant > 0) that read back as it, and k with
/// value ≈ 0.d1d2… × 10^k.
fn shortest_digits(mant: u64, exp: i32) -> (Vec<u8>, i32) {
    // Half-way to the neighbours: the interval of reals that round to v is (low, high), closed when the
    // mantissa is even (a tie reads back to the even one). Below a power of two the gap is half.
    let inclusive = mant % 2 == 0;
    // (A subnormal's mantissa is already doubled, see `integer_decode`.)
    let (m, minus, plus, e) = if exp == -1075 {
        (mant, 1, 1, exp)
    } else if mant == 1 << 52 {
        (mant << 2, 1, 2, exp - 2)
    } else {
        (mant << 1, 1, 1, exp - 1)
    };
    // "a < b", or "a <= b" when the interval is closed.
    let below = |a: &Big, b: &Big| if inclusive { a <= b } else { a < b };
    let (mut r, mut lo, mut hi, mut s) = (
        Big::from_u64(m),
        Big::from_u64(minus),
        Big::from_u64(plus),
        Big::from_u64(1),
    );
    if e >= 0 {
        for b in [&mut r, &mut lo, &mut hi] {
            b.mul_pow2(e.unsigned_abs());
        }
    } else {
        s.mul_pow2(e.unsigned_abs());
    }
    // An estimate of k from the bit length (log10 2 ≈ 1233 / 4096), then corrected either way to the
    // least k with high below 10^k.
    let bits = 64 - i32::try_from((m + plus).leading_zeros()).unwrap_or(0);
    let mut k = ((bits + e) * 1233) >> 12;
    if k >= 0 {
        s.mul_pow10(k.unsigned_abs());
    } else {
        for b in [&mut r, &mut lo, &mut hi] {
            b.mul_pow10(k.unsigned_abs());
        }
    }
    while below(&s, &r.plus(&hi)) {
        s.mul_small(10);
        k += 1;
    }
    loop {
        let mut ten_high = r.plus(&hi);
        ten_high.mul_small(10);
        if below(&s, &ten_high) {
            break;
        }
        for b in [&mut r, &mut lo, &mut hi] {
            b.mul_small(10);
        }
        k -= 1;
    }
    let mut digits = Vec::new();
    let (down, up) = loop {
        for b in [&mut r, &mut lo, &mut hi] {
            b.mul_small(10);
        }
        digits.push(b'0' + r.div_small_quotient(&s));
        let down = below(&r, &lo);
        let up = below(&s, &r.plus(&hi));
        if down || up {
            break (down, up);
        }
    };
    let mut twice = r;
    twice.mul_small(2);
    if up && (!down || twice >= s) && round_up(&mut digits) {
        k += 1;
    }
    (digits, k)
}

/// Adds one in the last place; true when that made one digit more (9…9, or nothing, became 10…0).
fn round_up(digits: &mut Vec<u8>) -> bool {
    match digits.iter().rposition(|&d| d != b'9') {
        Some(i) => {
            for (j, d) in digits.iter_mut().enumerate().skip(i) {
                *d = if j == i { *d + 1 } else { b'0' };
            }
            false
        }
        None => {
            for d in digits.iter_mut() {
                *d = b'0';
            }
            digits.insert(0, b'1');
            true
        }
    }
}

/// Writes 0.d1d2… × 10^k without an exponent.
fn place_point(out: &mut String, digits: &[u8], k: i32) {
    let text = |d: &[u8]| d.iter().map(|&c| char::from(c)).collect::<String>();
    let len = digits.len();
    if k <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', k.unsigned_abs() as usize));
        out.push_str(&text(digits));
    } else if (k as usize) < len {
        let (whole, frac) = digits.split_at(k as usize);
        out.push_str(&text(whole));
        out.push('.');
        out.push_str(&text(frac));
    } else {
        out.push_str(&text(digits));
        out.extend(std::iter::repeat_n('0', k as usize - len));
    }
}

/// An unsigned integer of any size, base 2^32, least significant word first, no leading zero words:
/// only what the digit loops need.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for w in &mut self.0 {
            let t = u64::from(*w) * u64::from(m) + carry;
            *w = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn add_small(&mut self, a: u32) {
        let mut carry = u64::from(a);
        for w in &mut self.0 {
            if carry == 0 {
                return;
            }
            let t = u64::from(*w) + carry;
            *w = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, n: u32) {
        for _ in 0..n / 9 {
            self.mul_small(1_000_000_000);
        }
        self.mul_small(10u32.pow(n % 9));
    }

    fn mul_pow2(&mut self, n: u32) {
        if self.0.is_empty() {
            return;
        }
        let bits = n % 32;
        let mut out = vec![0; (n / 32) as usize];
        let mut carry = 0u32;
        for &w in &self.0 {
            out.push((w << bits) | carry);
            // w >> 32 would overflow: a whole-word shift carries nothing.
            carry = if bits == 0 { 0 } else { w >> (32 - bits) };
        }
        if carry > 0 {
            out.push(carry);
        }
        self.0 = out;
    }

    fn plus(&self, o: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len().max(o.0.len()) + 1);
        let mut carry = 0u64;
        for i in 0..self.0.len().max(o.0.len()) {
            let t = u64::from(self.word(i)) + u64::from(o.word(i)) + carry;
            out.push(t as u32);
            carry = t >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        Big(out)
    }

    /// self −= o; o ≤ self.
    fn minus_assign(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, w) in self.0.iter_mut().enumerate() {
            let t = i64::from(*w) - i64::from(o.word(i)) - borrow;
            borrow = i64::from(t < 0);
            *w = (t + (borrow << 32)) as u32;
        }
        self.trim();
    }

    /// self / d when that is below 10 (the next digit); self becomes the remainder.
    fn div_small_quotient(&mut self, d: &Big) -> u8 {
        let mut q = 0;
        while *self >= *d && q < 9 {
            self.minus_assign(d);
            q += 1;
        }
        q
    }

    fn word(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, o: &Big) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Big {
    fn cmp(&self, o: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::{fmt_fixed, fmt_shortest, parse_f64};

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

    /// Bit for bit what `str::parse` reads, on the inputs the fast path does not take: the shortest
    /// and the 17-digit forms of doubles from every exponent, their neighbours one digit up and down,
    /// the half-way points between doubles (ties to even), long and zero-padded digit strings, and the
    /// edges of overflow and underflow.
    #[test]
    fn exact_for_every_input() {
        let mut inputs: Vec<String> = vec![
            "123.56789012345679".into(),
            "9007199254740993".into(),
            "9007199254740995".into(),
            "1.7976931348623157e308".into(),
            "1.7976931348623158e308".into(),
            "1.7976931348623159e308".into(),
            "2.4703282292062327e-324".into(),
            "2.4703282292062328e-324".into(),
            "4.9406564584124654e-324".into(),
            "2.2250738585072011e-308".into(),
            "2.2250738585072014e-308".into(),
            format!("0.{}1", "0".repeat(400)),
            format!("1{}e-500", "0".repeat(500)),
            format!("{}e-1000", "9".repeat(1200)),
            format!("4.{}1e-324", "9".repeat(900)),
            "0.30000000000000004".into(),
            "1e23".into(),
            "8.98846567431158e307".into(),
        ];
        // Exact half-way points between two doubles, (2m + 1) × 2^q, written out in full: ties, which
        // go to the even mantissa.
        for (m, q) in [
            (1u64 << 52, 0i32),
            ((1 << 53) - 1, 9),
            ((1 << 52) + 7, -1),
            ((1 << 53) - 3, -25),
        ] {
            let odd = u128::from(2 * m + 1);
            inputs.push(if q >= 0 {
                format!("{}", odd << q)
            } else {
                // × 2^-k = × 5^k / 10^k
                format!(
                    "{}e-{}",
                    odd * 5u128.pow(q.unsigned_abs()),
                    q.unsigned_abs()
                )
            });
        }
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..40_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x >> 1);
            if !v.is_finite() {
                continue;
            }
            let shortest = format!("{v:e}");
            inputs.push(shortest.clone());
            inputs.push(format!("{v:.16e}"));
            inputs.push(format!("{v:.25e}"));
            // One more digit than needed, off by one either way.
            let (mant, exp) = shortest.split_once('e').unwrap();
            inputs.push(format!("{mant}1e{exp}"));
            inputs.push(format!("{mant}9e{exp}"));
            inputs.push(format!("{}", v));
        }
        for s in &inputs {
            let want: f64 = s.parse().unwrap();
            let got = parse_f64(s).unwrap_or_else(|| panic!("{s} not read"));
            assert_eq!(got.to_bits(), want.to_bits(), "{s}: {got:e} vs {want:e}");
            let neg = format!("-{s}");
            assert_eq!(
                parse_f64(&neg).unwrap().to_bits(),
                (-want).to_bits(),
                "{neg}"
            );
        }
        // Every double written by the formatter reads back as itself.
        for v in samples() {
            if v.is_finite() {
                assert_eq!(
                    parse_f64(&fmt_shortest(v)).unwrap().to_bits(),
                    v.to_bits(),
                    "{v:e}"
                );
            }
        }
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

    /// Values the call sites see (rates, ratings, hours, thresholds) and the edges of the type.
    fn samples() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.2,
            0.3,
            0.1 + 0.2,
            0.5,
            1.5,
            2.5,
            0.05,
            0.15,
            0.25,
            0.35,
            1.05,
            2.675,
            4.8,
            4.85,
            4.95,
            4.99,
            5.0,
            35.5,
            62.5,
            -62.5,
            99.99,
            1234.5,
            0.6,
            1e6,
            1e15,
            1e15 + 0.5,
            1e16,
            123456789012345680.0,
            1e21,
            1e22,
            1e23,
            1e300,
            f64::MAX,
            -f64::MAX,
            1e-7,
            1e-300,
            f64::MIN_POSITIVE,
            f64::MIN_POSITIVE * 0.5,
            5e-324,
            2f64.powi(60),
            2f64.powi(-60),
            1.0 / 3.0,
            2.0 / 3.0,
            9007199254740993.0,
            0.999_999_999_999_999_9,
            9.5,
            99.95,
            999.95,
        ];
        for i in 0..=200 {
            v.push(f64::from(i) * 0.05);
            v.push(f64::from(i) * 0.01 + 4.0);
            v.push(-f64::from(i) / 7.0);
        }
        // Bit patterns from every exponent (a fixed xorshift sequence, so a failure repeats).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..6_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v.push(f64::from_bits(x));
        }
        v
    }

    #[test]
    fn shortest_matches_display() {
        for x in samples() {
            assert_eq!(fmt_shortest(x), format!("{x}"), "{:#x}", x.to_bits());
        }
        assert_eq!(fmt_shortest(f64::NAN), "NaN");
        assert_eq!(fmt_shortest(f64::INFINITY), "inf");
        assert_eq!(fmt_shortest(f64::NEG_INFINITY), "-inf");
        assert_eq!(fmt_shortest(-0.0), "-0");
        assert_eq!(fmt_shortest(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(fmt_shortest(1e21), "1000000000000000000000");
    }

    #[test]
    fn fixed_matches_precision_formatting() {
        for x in samples() {
            for d in 0..=3u8 {
                let want = format!("{x:.*}", usize::from(d));
                assert_eq!(fmt_fixed(x, d), want, "{:#x} .{d}", x.to_bits());
            }
        }
        for x in [0.1, 1e-300, 5e-324, 123.456] {
            assert_eq!(fmt_fixed(x, 20), format!("{x:.20}"));
        }
        assert_eq!(fmt_fixed(f64::NAN, 1), "NaN");
        assert_eq!(fmt_fixed(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(fmt_fixed(4.85, 1), "4.8");
        assert_eq!(fmt_fixed(4.95, 1), "5.0");
        assert_eq!(fmt_fixed(-0.04, 1), "-0.0");
    }
}
