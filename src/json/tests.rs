//! The parser's and the writer's edge cases; tests/json_parity.rs compares both with serde_json.

use super::*;

fn parse(s: &str) -> Value {
    from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn kind(s: &str) -> ErrorKind {
    from_str(s).expect_err(s).kind
}

#[test]
fn escapes_like_serde_json() {
    assert_eq!(
        to_string("a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é/"),
        "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u{7f}é/\""
    );
    assert_eq!(to_string(""), "\"\"");
}

#[test]
fn reads_escapes_and_unicode() {
    assert_eq!(
        parse(r#""\"\\\/\b\f\n\r\t\u00e9\u20AC""#),
        Value::from("\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{20ac}")
    );
    assert_eq!(parse("\"héllo 😀\""), Value::from("héllo 😀"));
    // A surrogate pair is one character.
    assert_eq!(parse(r#""\ud83d\ude00""#), Value::from("😀"));
}

#[test]
fn lone_surrogates_are_rejected() {
    for s in [
        r#""\ud83d""#,
        r#""\ud83dx""#,
        r#""\ude00""#,
        r#""\ud83d\u0041""#,
        r#""\ud83d\n""#,
    ] {
        assert_eq!(kind(s), ErrorKind::LoneSurrogate, "{s}");
    }
}

#[test]
fn control_characters_and_bad_escapes_are_rejected() {
    assert_eq!(kind("\"a\nb\""), ErrorKind::ControlCharacter);
    assert_eq!(kind(r#""\x41""#), ErrorKind::InvalidEscape);
    assert_eq!(kind(r#""\u12G4""#), ErrorKind::InvalidEscape);
    assert_eq!(kind("\"abc"), ErrorKind::Eof);
}

#[test]
fn nesting_is_limited_to_128() {
    let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(from_str(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert_eq!(kind(&deep), ErrorKind::TooDeep);
    // Far deeper than any stack allows: still an error, not a crash.
    assert_eq!(kind(&"[{\"a\":".repeat(100_000)), ErrorKind::TooDeep);
}

#[test]
fn numbers_keep_serde_json_semantics() {
    assert_eq!(parse("3").as_u64(), Some(3));
    assert_eq!(parse("3.0").as_u64(), None);
    assert_eq!(parse("3.0").as_f64(), Some(3.0));
    assert_eq!(parse("3").as_f64(), Some(3.0));
    assert_eq!(parse("-3").as_i64(), Some(-3));
    assert_eq!(parse("-3").as_u64(), None);
    assert!(parse("-0").is_f64());
    assert!(parse("-0")
        .as_f64()
        .is_some_and(|z| z == 0.0 && z.is_sign_negative()));
    assert_eq!(parse("18446744073709551615").as_u64(), Some(u64::MAX));
    assert_eq!(parse("-9223372036854775808").as_i64(), Some(i64::MIN));
    assert!(parse("18446744073709551616").is_f64());
    assert!(parse("-9223372036854775809").is_f64());
}

#[test]
fn numbers_out_of_range_or_malformed_are_errors() {
    assert_eq!(kind("1e400"), ErrorKind::NumberOutOfRange);
    assert_eq!(kind("-1e400"), ErrorKind::NumberOutOfRange);
    assert_eq!(parse("1e-400").as_f64(), Some(0.0));
    for bad in [
        "01", "1.", ".5", "+1", "1e", "1e+", "-", "--1", "0x10", "1.e3",
    ] {
        assert!(from_str(bad).is_err(), "{bad}");
    }
    assert_eq!(parse("1.5e3").as_f64(), Some(1500.0));
    assert_eq!(parse("1E-2").as_f64(), Some(0.01));
}

#[test]
fn rejects_what_rfc_8259_does_not_allow() {
    for bad in [
        "",
        " ",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "{'a':1}",
        "[1 2]",
        "tru",
        "nul",
        "True",
        "NaN",
        "Infinity",
        "// c\n1",
        "1 2",
        "{\"a\" 1}",
        "\u{feff}1",
    ] {
        assert!(from_str(bad).is_err(), "{bad:?}");
    }
    assert_eq!(kind("[1] x"), ErrorKind::TrailingCharacters);
    assert_eq!(kind("{1:2}"), ErrorKind::KeyMustBeString);
    assert_eq!(kind("[1"), ErrorKind::Eof);
    assert_eq!(kind("tr"), ErrorKind::Eof);
    assert_eq!(
        parse(" \t\r\n[ 1 , {\"a\" : null} ]\n "),
        parse("[1,{\"a\":null}]")
    );
}

#[test]
fn errors_say_where() {
    let e = from_str("{\n  \"a\": tru,\n}").expect_err("bad");
    assert_eq!((e.line, e.column), (2, 8));
    assert_eq!(
        e.to_string(),
        "expected a value (an object, array, string, number, true, false or null) at line 2 column 8"
    );
}

#[test]
fn prefix_reads_one_value_and_says_where_it_ends() {
    let (v, end) = from_str_prefix("{\"a\":[1]};window.x=1").expect("prefix");
    assert_eq!(v["a"][0].as_u64(), Some(1));
    assert_eq!(end, 9);
}

#[test]
fn objects_are_sorted_and_the_last_duplicate_wins() {
    let v = parse(r#"{"b":1,"a":2,"b":3}"#);
    assert_eq!(to_string(&v), r#"{"a":2,"b":3}"#);
}

#[test]
fn indexing_absent_members_gives_null() {
    let v = parse(r#"{"a":{"b":[true]}}"#);
    assert_eq!(v["a"]["b"][0], Value::Bool(true));
    assert!(v["x"]["y"][3].is_null());
    assert!(v.get("a").and_then(|a| a.get("b")).is_some());
    assert!(Value::from("s")["a"].is_null());
}

#[test]
fn writes_numbers_as_serde_json_does() {
    assert_eq!(
        to_string(&parse("[1,-2,3.5,45.0,-0,0.1]")),
        "[1,-2,3.5,45.0,-0.0,0.1]"
    );
    assert_eq!(to_string(&Value::from(f64::NAN)), "null");
    assert_eq!(to_string(&f64::INFINITY), "null");
    assert_eq!(to_string(&2000.0f64), "2000.0");
    assert_eq!(to_string(&(20.0f64, 80.5f64)), "[20.0,80.5]");
    assert_eq!(to_string(&u64::MAX), "18446744073709551615");
}

#[test]
fn round_trips_text_and_numbers() {
    // Up to 15 significant digits, and small exponents, where crate::float::parse_f64 is exact (beyond, it is within a few
    // units in the last place, like serde_json's default parser).
    for x in [
        0.1,
        0.25,
        123456.789,
        5e-10,
        1.5e20,
        -2.5e-7,
        1e21,
        900719925474099.0,
    ] {
        assert_eq!(parse(&to_string(&x)).as_f64(), Some(x), "{x}");
    }
    let s = "ünïcödé \u{0} \u{1f} \" \\ 😀 \u{2028}";
    assert_eq!(parse(&to_string(s)), Value::from(s));
}

#[test]
fn pretty_layout_matches_serde_json() {
    let v = parse(r#"{"a":[],"b":{},"c":[1,{"d":"x,y:[z]"}]}"#);
    assert_eq!(
        to_string_pretty(&v),
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"x,y:[z]\"\n    }\n  ]\n}"
    );
}

#[test]
fn display_is_compact_json() {
    assert_eq!(
        parse(r#"{"k": ["v", 1, null]}"#).to_string(),
        r#"{"k":["v",1,null]}"#
    );
}

#[test]
fn float_layout_is_serde_jsons() {
    let cases: [(f64, &str); 15] = [
        (45.0, "45.0"),
        (0.5, "0.5"),
        (-0.0, "-0.0"),
        (1e15, "1000000000000000.0"),
        (1e16, "1e+16"),
        (1.5e17, "1.5e+17"),
        (1234567.125, "1234567.125"),
        (0.0001, "0.0001"),
        (0.00001, "0.00001"),
        (0.000001, "1e-6"),
        (-1.25e-7, "-1.25e-7"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (5e-324, "5e-324"),
        (123.456, "123.456"),
        (0.30000000000000004, "0.30000000000000004"),
    ];
    for (x, text) in cases {
        assert_eq!(to_string(&x), text, "{x:e}");
    }
}
