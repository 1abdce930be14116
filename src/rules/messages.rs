//! B3, M2, $1, S1: what the freelancer writes in messages — moving the conversation or the payment off the
//! platform, shipping equipment elsewhere, and a changing identity.
//!
//! Only the freelancer's messages count (`from_client == Some(false)`): the client's own words ("we never
//! pay outside Upwork") are never evidence. A match preceded in its clause by a negation ("I don't use
//! Telegram", "ich zahle nie außerhalb") is skipped. Matching is plain lower-case phrase search, English
//! and a few German phrases; evidence is a bounded excerpt around the match with sender and time.

use super::{Context, Family, Hit, Outcome, RuleSpec};
use crate::case::{lower_char, lowercase};
use crate::model::{Field, Message};
use crate::policy::Lang;
use crate::texts::{s, say};

/// Characters of message text shown around a match.
const EXCERPT: usize = 160;
/// Findings list at most this many excerpts.
const MAX_EVIDENCE: usize = 3;

pub static OFF_PLATFORM_REQUEST: RuleSpec = RuleSpec {
    id: "off-platform-request",
    family: Family::Interview,
    default_points: 25,
    thresholds: &[],
    evaluate: off_platform_request,
};

pub static OFF_PLATFORM_PAYMENT: RuleSpec = RuleSpec {
    id: "off-platform-payment-request",
    family: Family::Payment,
    default_points: 45,
    thresholds: &[],
    evaluate: off_platform_payment,
};

pub static SHIP_ELSEWHERE: RuleSpec = RuleSpec {
    id: "ship-elsewhere-request",
    family: Family::Payment,
    default_points: 45,
    thresholds: &[],
    evaluate: ship_elsewhere,
};

pub static IDENTITY_CHANGE: RuleSpec = RuleSpec {
    id: "identity-change",
    family: Family::Identity,
    default_points: 40,
    thresholds: &[],
    evaluate: identity_change,
};

/// The freelancer's messages, or the outcome when they cannot be told apart from the client's.
fn freelancer_messages<'a>(cx: &'a Context) -> Result<Vec<&'a Message>, Outcome> {
    let Some(all) = &cx.profile.messages else {
        return Err(super::unknown(&[Field::Messages]));
    };
    let mut mine = Vec::new();
    for m in all {
        if m.from_client == Some(false) {
            mine.push(m);
        }
    }
    Ok(mine)
}

/// Clear when every message's side was known; otherwise the unmarked ones might hold what was looked for.
fn nothing_found(cx: &Context) -> Outcome {
    let unmarked = cx
        .profile
        .messages
        .as_ref()
        .is_some_and(|all| all.iter().any(|m| m.from_client.is_none()));
    if unmarked {
        super::unknown(&[Field::Messages])
    } else {
        Outcome::Clear
    }
}

/// Runs `find` over each freelancer message; fires with excerpts where it matches.
fn scan(cx: &Context, find: fn(&str) -> Option<(usize, usize)>) -> Outcome {
    scan_after(cx, None, find)
}

/// Makes a sentence about all of the freelancer's messages, when there is one to say.
type Lead = fn(&[&Message], Lang) -> Option<String>;

/// Like [`scan`], with the sentence `lead` makes of all the messages (if any) before the excerpts.
fn scan_after(
    cx: &Context,
    lead: Option<Lead>,
    find: fn(&str) -> Option<(usize, usize)>,
) -> Outcome {
    let msgs = match freelancer_messages(cx) {
        Ok(m) => m,
        Err(o) => return o,
    };
    let lang = cx.lang();
    let mut evidence = Vec::new();
    if let Some(sentence) = lead.and_then(|lead| lead(&msgs, lang)) {
        evidence.push(sentence);
    }
    let mut quoted = 0;
    for m in &msgs {
        if quoted == MAX_EVIDENCE {
            break;
        }
        if let Some((start, end)) = find(&lower(&m.text)) {
            evidence.push(quote(m, start, end, lang));
            quoted += 1;
        }
    }
    if evidence.is_empty() {
        nothing_found(cx)
    } else {
        Outcome::Fired(Hit { evidence })
    }
}

fn off_platform_request(cx: &Context) -> Outcome {
    scan(cx, find_off_platform)
}

fn off_platform_payment(cx: &Context) -> Outcome {
    scan(cx, find_payment)
}

fn ship_elsewhere(cx: &Context) -> Outcome {
    scan(cx, find_shipping)
}

fn identity_change(cx: &Context) -> Outcome {
    scan_after(cx, Some(signed_names), find_identity)
}

/// "The other party's messages are signed with 2 different names: …" when the freelancer's side wrote
/// under more than one name.
fn signed_names(msgs: &[&Message], lang: Lang) -> Option<String> {
    // Names the freelancer's side wrote under, in order of first use.
    let mut names: Vec<(String, &Message)> = Vec::new();
    for m in msgs {
        if let Some(s) = m.sender.as_deref() {
            let key = name_key(s);
            if !key.is_empty() && !names.iter().any(|(k, _)| *k == key) {
                names.push((key, m));
            }
        }
    }
    if names.len() < 2 {
        return None;
    }
    // The first four names, quoted, separated by commas.
    let mut shown = String::new();
    for (_, m) in names.iter().take(4) {
        if let Some(s) = m.sender.as_deref() {
            if !shown.is_empty() {
                shown.push_str(", ");
            }
            shown.push('"');
            shown.push_str(s);
            shown.push('"');
        }
    }
    let n = names.len().to_string();
    Some(say(lang, s::MESSAGES_SIGNED_NAMES, [&n, &shown]))
}

// ---------------------------------------------------------------------------------------------------------
// Matching. All finders take text from [`lower`] and return the byte range of the match.

/// Lower case without changing byte offsets: characters whose lower case has another length stay as they are.
fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut l = lower_char(c);
        out.push(match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
            _ => c,
        });
    }
    out
}

/// The last run of word characters in `head` ("" when it has none).
fn last_word(head: &str) -> &str {
    let mut end = None;
    let mut start = 0;
    for (i, c) in head.char_indices().rev() {
        if is_word_char(c) {
            end.get_or_insert(i + c.len_utf8());
        } else if end.is_some() {
            start = i + c.len_utf8();
            break;
        }
    }
    end.and_then(|end| head.get(start..end)).unwrap_or_default()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every whole-word occurrence of `needle` in `hay`.
fn word_hits<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    hay.match_indices(needle).filter_map(move |(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        let first_is_word = needle.chars().next().is_some_and(is_word_char);
        let last_is_word = needle.chars().next_back().is_some_and(is_word_char);
        let glued = (first_is_word && before.is_some_and(is_word_char))
            || (last_is_word && after.is_some_and(is_word_char));
        (!glued).then_some((i, i + m.len()))
    })
}

/// The clause before byte `at` (back to the last sentence or clause break).
fn clause_before(hay: &str, at: usize) -> &str {
    let head = &hay[..at];
    // Just after the last sentence or clause break (all ASCII, so a byte scan finds them), else 0.
    let mut start = head.len();
    while start > 0
        && !head
            .as_bytes()
            .get(start - 1)
            .is_some_and(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b',' | b'\n' | b':'))
    {
        start -= 1;
    }
    // At most ~80 bytes back, on a character boundary.
    let mut from = start.max(at.saturating_sub(80));
    while !hay.is_char_boundary(from) {
        from += 1;
    }
    &hay[from..at]
}

const NEGATIONS: &str = "\
not
never
don't
dont
don’t
won't
won’t
cannot
can't
can’t
shouldn't
no
nor
nicht
nie
niemals
kein
keine
keinen";

fn negated(hay: &str, at: usize) -> bool {
    let clause = clause_before(hay, at);
    any_in(clause, NEGATIONS)
}

/// A window of up to `radius` bytes either side of a match, on character boundaries.
fn window(hay: &str, start: usize, end: usize, radius: usize) -> &str {
    let mut a = start.saturating_sub(radius);
    while !hay.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + radius).min(hay.len());
    while !hay.is_char_boundary(b) {
        b += 1;
    }
    &hay[a..b]
}

/// Whether a line of `words` occurs in `hay` as whole words. (The word and phrase lists in this file
/// are one entry a line: as one text they cost their letters, not an 8-byte pointer and length per entry.)
fn any_in(hay: &str, words: &str) -> bool {
    words.lines().any(|w| word_hits(hay, w).next().is_some())
}

/// The first non-negated whole-word occurrence of any phrase.
fn first_phrase(hay: &str, phrases: &str) -> Option<(usize, usize)> {
    let mut first: Option<(usize, usize)> = None;
    for p in phrases.lines() {
        for (s, e) in word_hits(hay, p) {
            if !negated(hay, s) && first.is_none_or(|(f, _)| s < f) {
                first = Some((s, e));
            }
        }
    }
    first
}

const MESSENGERS: &str = "\
telegram
whatsapp
whats app
skype
discord
wechat
viber
t.me/
wa.me/
signal app
signal messenger";
/// Words right before a messenger that make it a contact channel ("on Telegram", "my WhatsApp").
const CHANNEL_CUES: &str = "\
on
via
over
through
my
by
in
me
auf
über
per
mein
meine";
/// Projects that merely name a messenger ("a Discord bot").
const PROJECT_WORDS: &str = "\
bot
bots
api
integration
clone
webhook
sdk
app development";
const OFF_PLATFORM_PHRASES: &str = "\
outside upwork
outside of upwork
off upwork
outside the platform
outside this platform
off the platform
off-platform
contact me directly
email me directly
e-mail me directly
my personal email
my personal e-mail
on signal
via signal
außerhalb von upwork
außerhalb upwork
außerhalb der plattform
kontaktieren sie mich direkt
schreiben sie mir direkt";
const PHONE_CUES: &str = "\
phone
number
call
tel
mobile
cell
whatsapp
text
telefon
handy
nummer
anrufen";

fn find_off_platform(hay: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = first_phrase(hay, OFF_PLATFORM_PHRASES);
    let mut consider = |m: (usize, usize)| {
        if best.is_none_or(|b| m.0 < b.0) {
            best = Some(m);
        }
    };
    for name in MESSENGERS.lines() {
        for (s, e) in word_hits(hay, name) {
            if negated(hay, s) {
                continue;
            }
            let after = hay[e..].trim_start();
            let handle_follows =
                after.starts_with(':') || after.starts_with('@') || name.ends_with('/');
            let before = last_word(hay.get(..s).unwrap_or_default());
            let cue_before = CHANNEL_CUES.lines().any(|c| c == before);
            let project = PROJECT_WORDS.lines().any(|p| after.starts_with(p));
            if (handle_follows || cue_before) && !project {
                consider((s, e));
                break;
            }
        }
    }
    // Personal e-mail addresses (any but Upwork's own).
    for email in crate::text::find_emails(hay) {
        if email.ends_with("upwork.com") {
            continue;
        }
        if let Some(s) = hay.find(&email) {
            if !negated(hay, s) {
                consider((s, s + email.len()));
            }
        }
    }
    if let Some(m) = find_phone(hay) {
        consider(m);
    }
    best
}

/// A phone number: 9–15 digits with the usual separators, starting with "+" or next to a phone cue.
fn find_phone(hay: &str) -> Option<(usize, usize)> {
    let bytes = hay.as_bytes();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if c == b'+' || c.is_ascii_digit() || c == b'(' {
            let start = i;
            let mut digits = 0;
            let mut j = i + usize::from(c == b'+');
            while let Some(&cj) = bytes
                .get(j)
                .filter(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'.' | b'(' | b')'))
            {
                if cj.is_ascii_digit() {
                    digits += 1;
                }
                j += 1;
            }
            let mut end = j;
            while end > start && !bytes.get(end - 1).is_some_and(u8::is_ascii_digit) {
                end -= 1;
            }
            let glued = start > 0
                && bytes
                    .get(start - 1)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'$');
            if (9..=15).contains(&digits) && !glued {
                let cue = c == b'+' || any_in(window(hay, start, start, 40), PHONE_CUES);
                if cue && !negated(hay, start) {
                    return Some((start, end));
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

const PAY_CUES: &str = "\
pay
paid
payment
payments
send
transfer
invoice
wallet
deposit
bezahlen
zahlen
zahlung
überweisen
überweisung
senden
schicken";
const CRYPTO: &str = "\
usdt
usdc
btc
bitcoin
eth
ethereum
crypto
cryptocurrency
tether
trc20
erc20
binance pay
krypto";
const PAY_SERVICES: &str = "\
paypal
wise
payoneer
western union
moneygram
zelle
cash app
venmo
revolut
bank transfer
wire transfer
another account
different account
other account
my friend's account
my friend’s account
my brother's account
my cousin's account
anderes konto
ein anderes konto
konto meines";
const PAY_PHRASES: &str = "\
pay outside
pay me outside
payment outside
paid outside
pay me directly
pay directly
pay me off upwork
direkt bezahlen
außerhalb von upwork bezahlen
außerhalb von upwork zahlen
zahlung außerhalb";

fn find_payment(hay: &str) -> Option<(usize, usize)> {
    let mut best = first_phrase(hay, PAY_PHRASES);
    let mut consider = |m: (usize, usize)| {
        if best.is_none_or(|b| m.0 < b.0) {
            best = Some(m);
        }
    };
    for words in [CRYPTO, PAY_SERVICES] {
        for w in words.lines() {
            // The first hit not negated with a payment cue near it.
            for (s, e) in word_hits(hay, w) {
                if !negated(hay, s) && any_in(window(hay, s, e, 60), PAY_CUES) {
                    consider((s, e));
                    break;
                }
            }
        }
    }
    if let Some(m) = find_wallet(hay) {
        consider(m);
    }
    best
}

/// A cryptocurrency address: Ethereum "0x" + 40 hex, Bitcoin bech32 "bc1…", Tron "T…" (34 base58).
fn find_wallet(hay: &str) -> Option<(usize, usize)> {
    // Tokens are runs of ASCII letters and digits; a separator may be several bytes long (any other
    // character), so the token's offset is where the previous separator ended, not a running count.
    let mut next = 0;
    for (i, c) in hay.char_indices().chain([(hay.len(), ' ')]) {
        if c.is_ascii_alphanumeric() {
            continue;
        }
        let start = next;
        let token = hay.get(start..i).unwrap_or_default();
        next = i + c.len_utf8();
        let eth = token.len() == 42
            && token.starts_with("0x")
            && token[2..].bytes().all(|b| b.is_ascii_hexdigit());
        let btc = token.starts_with("bc1") && (28..=62).contains(&token.len());
        let tron = token.len() == 34
            && token.starts_with('t')
            && token.bytes().any(|b| b.is_ascii_digit())
            && token.bytes().all(|b| b.is_ascii_alphanumeric());
        if eth || (btc && token.bytes().any(|b| b.is_ascii_digit())) || tron {
            return Some((start, start + token.len()));
        }
    }
    None
}

const SHIP_VERBS: &str = "\
ship
send
mail
deliver
forward
post
schicken
senden
liefern
versenden
schick";
const SHIP_OBJECTS: &str = "\
laptop
computer
macbook
equipment
device
hardware
documents
yubikey
package
parcel
it
gerät
geräte
unterlagen
dokumente
paket";
const SHIP_ELSEWHERE_CUES: &str = "\
another address
different address
other address
friend's address
friend’s address
cousin's address
cousin’s address
relative's address
brother's address
uncle's address
my cousin
my friend
my relative
my brother
my uncle
forwarding
andere adresse
anderen adresse
meinen cousin
meinem cousin
meinen freund
meinem freund";
const SHIP_PHRASES: &str = "\
forwarding address
cousin's address
cousin’s address
can't receive it at home
cannot receive it at home
can't receive at my address
cannot receive at my address
reshipping
weiterleitungsadresse
nicht an meine adresse";

fn find_shipping(hay: &str) -> Option<(usize, usize)> {
    // Direct phrases: negation is part of some ("cannot receive"), so only the clause before counts.
    let mut best = first_phrase(hay, SHIP_PHRASES);
    for verb in SHIP_VERBS.lines() {
        for (s, e) in word_hits(hay, verb) {
            if negated(hay, s) {
                continue;
            }
            let around = window(hay, s, e, 80);
            if any_in(around, SHIP_OBJECTS) && any_in(around, SHIP_ELSEWHERE_CUES) {
                if best.is_none_or(|b| s < b.0) {
                    best = Some((s, e));
                }
                break;
            }
        }
    }
    best
}

/// Phrases of a changed or second identity. "call me\x20" is "call me" with its trailing space, kept
/// written as an escape so that no editor trims it.
const IDENTITY_PHRASES: &str = "\
my account was suspended
my account was closed
my account was banned
my account was blocked
my account got suspended
my account got banned
my account got closed
my account has been suspended
my account has been closed
my account has been banned
my account is suspended
my account is banned
my new account
my other account
hire me on my
hire me through my
hire me via
hire me on another
another upwork account
call me\x20
you can call me
my real name is
my name is actually
mein konto wurde gesperrt
mein konto wurde geschlossen
mein neues konto
nennen sie mich
nenn mich";

fn find_identity(hay: &str) -> Option<(usize, usize)> {
    let mut first: Option<(usize, usize)> = None;
    for p in IDENTITY_PHRASES.lines() {
        for (s, e) in word_hits(hay, p) {
            // "call me at +1…" is a phone number, not a new name.
            let time_not_name = p.contains("call me") && not_a_name(&hay[e..]);
            if !(negated(hay, s) || time_not_name) && first.is_none_or(|(f, _)| s < f) {
                first = Some((s, e));
            }
        }
    }
    first
}

/// Whether what follows "call me" is a time, a number or a channel rather than a name.
fn not_a_name(rest: &str) -> bool {
    let next = rest.trim_start();
    // The first word: up to the first character that is not a letter or digit.
    let mut word = next;
    for (i, c) in next.char_indices() {
        if !c.is_alphanumeric() {
            word = next.get(..i).unwrap_or_default();
            break;
        }
    }
    next.starts_with(|c: char| c == '+' || c.is_ascii_digit())
        || [
            "at", "on", "back", "when", "if", "anytime", "any", "tomorrow", "today", "now", "via",
            "over",
        ]
        .contains(&word)
}

/// "jane|d" for "Jane Doe" and "Jane D.": first word and the last word's initial, lower case.
fn name_key(name: &str) -> String {
    let (mut first, mut last, mut count) = (String::new(), String::new(), 0);
    for w in crate::text::split_where(name, |c| c.is_whitespace() || c == '.' || c == ',') {
        if w.is_empty() {
            continue;
        }
        if count == 0 {
            first = lowercase(w);
        } else {
            last = lowercase(w);
        }
        count += 1;
    }
    match count {
        0 => String::new(),
        1 => first,
        _ => format!("{first}|{}", last.chars().next().unwrap_or(' ')),
    }
}

/// `Message from Alex T., 2:05 PM: "…excerpt…"`, at most [`EXCERPT`] characters of the message.
fn quote(m: &Message, start: usize, end: usize, lang: Lang) -> String {
    let text = &m.text;
    // On character boundaries whatever a finder returned: a bad offset must not cut a character.
    let (mut start, mut end) = (start.min(text.len()), end.min(text.len()));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let end = end.max(start);
    let match_chars = text[start..end].chars().count();
    let room = EXCERPT.saturating_sub(match_chars) / 2;
    // Up to `room` characters on each side, by byte offsets: `from..start` and `end..to`.
    let (mut from, mut cut_before) = (start, false);
    for (n, (i, _)) in text[..start].char_indices().rev().enumerate() {
        if n == room {
            cut_before = true;
            break;
        }
        from = i;
    }
    let (mut to, mut cut_after) = (end, false);
    for (n, (i, c)) in text[end..].char_indices().enumerate() {
        if n == room {
            cut_after = true;
            break;
        }
        to = end + i + c.len_utf8();
    }
    let mut excerpt = String::new();
    if cut_before {
        excerpt.push('…');
    }
    excerpt.push_str(&text[from..start]);
    excerpt.push_str(crate::text::prefix(&text[start..end], EXCERPT));
    excerpt.push_str(&text[end..to]);
    if cut_after {
        excerpt.push('…');
    }
    let who = m
        .sender
        .clone()
        .unwrap_or_else(|| say(lang, s::MESSAGES_OTHER_PARTY, []));
    match m.sent.as_deref() {
        Some(sent) => say(lang, s::MESSAGES_QUOTE_SENT, [&who, sent, &excerpt]),
        None => say(lang, s::MESSAGES_QUOTE, [&who, &excerpt]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;
    use crate::policy::Policy;
    use crate::time::Instant;

    #[test]
    fn a_quote_without_a_sender_names_the_other_party_in_either_language() {
        let m = Message {
            sender: None,
            from_client: Some(false),
            sent: None,
            text: "pay me outside".into(),
        };
        let end = m.text.len();
        assert_eq!(
            quote(&m, 0, end, Lang::En),
            "Message from the other party: \"pay me outside\""
        );
        assert_eq!(
            quote(&m, 0, end, Lang::De),
            "Nachricht von der Gegenseite: „pay me outside“"
        );
    }

    fn msg(from_client: Option<bool>, sender: &str, text: &str) -> Message {
        Message {
            sender: Some(sender.into()),
            from_client,
            sent: Some("Nov 20, 2:05 PM".into()),
            text: text.into(),
        }
    }

    fn run(rule: &RuleSpec, messages: Option<Vec<Message>>) -> Outcome {
        let profile = Profile {
            messages,
            ..Profile::default()
        };
        let policy = Policy::default();
        let cx = Context {
            profile: &profile,
            policy: &policy,
            now: Instant::from_unix_millis(1_790_000_000_000.0).unwrap(),
        };
        (rule.evaluate)(&cx)
    }

    fn fl(text: &str) -> Option<Vec<Message>> {
        Some(vec![
            msg(
                Some(true),
                "You",
                "Hi, thanks for applying. We only work through Upwork.",
            ),
            msg(Some(false), "Alex T.", text),
        ])
    }

    fn fired(o: &Outcome) -> bool {
        matches!(o, Outcome::Fired(_))
    }

    #[test]
    fn off_platform_request_fires_clears_and_is_unknown() {
        for text in [
            "Let's talk on Telegram: @alex_dev_pro, it's faster.",
            "Add me on Skype: live:alex.t",
            "Please contact me outside Upwork, the fees are high.",
            "My email is alex.turner.dev@gmail.com",
            "WhatsApp +1 415 555 0132",
            "Schreiben Sie mir auf WhatsApp, das ist einfacher.",
            "Lassen Sie uns außerhalb von Upwork weitermachen.",
        ] {
            assert!(fired(&run(&OFF_PLATFORM_REQUEST, fl(text))), "{text}");
        }
        for text in [
            "I built a Discord bot and a Telegram bot integration last year.",
            "I will never ask you to move outside Upwork.",
            "I don't use Telegram, Upwork messages are fine.",
            "The invoice total is 1234567890 units",
            "Sure, I can start on Monday.",
        ] {
            assert_eq!(
                run(&OFF_PLATFORM_REQUEST, fl(text)),
                Outcome::Clear,
                "{text}"
            );
        }
        assert_eq!(
            run(&OFF_PLATFORM_REQUEST, None),
            Outcome::Unknown(vec![Field::Messages])
        );
    }

    #[test]
    fn the_clients_own_words_never_count() {
        let m = Some(vec![
            msg(
                Some(true),
                "You",
                "We never pay outside Upwork. Don't ask for Telegram.",
            ),
            msg(
                Some(true),
                "You",
                "Ship the laptop to your cousin's address? No. Pay in USDT? No.",
            ),
            msg(
                Some(true),
                "You",
                "Please add me on Telegram: @client and my account was suspended",
            ),
            msg(Some(false), "Alex T.", "Understood, Upwork only."),
        ]);
        for rule in [
            &OFF_PLATFORM_REQUEST,
            &OFF_PLATFORM_PAYMENT,
            &SHIP_ELSEWHERE,
            &IDENTITY_CHANGE,
        ] {
            assert_eq!(run(rule, m.clone()), Outcome::Clear, "{}", rule.id);
        }
    }

    #[test]
    fn unmarked_messages_leave_the_rules_unknown() {
        let m = Some(vec![msg(None, "Someone", "Add me on Telegram @x")]);
        assert_eq!(
            run(&OFF_PLATFORM_REQUEST, m),
            Outcome::Unknown(vec![Field::Messages])
        );
    }

    #[test]
    fn wallet_after_multibyte_separators_is_quoted_where_it_is() {
        // Separators of several bytes ("€", "—", "\u{fffd}") once shifted the wallet's offset into
        // the middle of a character, and the excerpt panicked (found by `make fuzz`, analyze target).
        let text =
            "Zahlung €€€ — \u{fffd}\u{fffd} 0x52908400098527886E0F7030069857D2E4169EE7 bitte";
        let hay = lower(text);
        let (s, e) = find_wallet(&hay).unwrap();
        assert_eq!(&text[s..e], "0x52908400098527886E0F7030069857D2E4169EE7");
        let Outcome::Fired(Hit { evidence }) = run(&OFF_PLATFORM_PAYMENT, fl(text)) else {
            panic!("a wallet address is a payment request");
        };
        assert!(evidence.iter().any(|e| e.contains("0x5290840009852788")));
    }

    #[test]
    fn payment_requests() {
        for text in [
            "Can you pay me in USDT (TRC20)? It's faster.",
            "Please send the payment to my wallet 0x52908400098527886E0F7030069857D2E4169EE7",
            "It's better to pay outside Upwork to save the fee.",
            "Please send the money via PayPal to my friend.",
            "My account has a problem, please transfer the payment to another account.",
            "Bitte direkt bezahlen, per Überweisung auf ein anderes Konto.",
        ] {
            assert!(fired(&run(&OFF_PLATFORM_PAYMENT, fl(text))), "{text}");
        }
        for text in [
            "I build crypto trading dashboards with React.",
            "I never accept payment outside Upwork.",
            "That's a wise choice for the architecture.",
            "Upwork payment through milestones is fine for me.",
        ] {
            assert_eq!(
                run(&OFF_PLATFORM_PAYMENT, fl(text)),
                Outcome::Clear,
                "{text}"
            );
        }
        assert!(matches!(
            run(&OFF_PLATFORM_PAYMENT, None),
            Outcome::Unknown(_)
        ));
    }

    #[test]
    fn shipping_requests() {
        for text in [
            "Please ship the laptop to my cousin's address in Texas, I am travelling.",
            "Can you send the equipment to a different address? I will give you a forwarding address.",
            "Bitte schicken Sie den Laptop an eine andere Adresse.",
        ] {
            assert!(fired(&run(&SHIP_ELSEWHERE, fl(text))), "{text}");
        }
        for text in [
            "Please send the documents when ready.",
            "I will ship the feature by Friday.",
            "Do not send the laptop to another address, use my home.",
        ] {
            assert_eq!(run(&SHIP_ELSEWHERE, fl(text)), Outcome::Clear, "{text}");
        }
        assert!(matches!(run(&SHIP_ELSEWHERE, None), Outcome::Unknown(_)));
    }

    #[test]
    fn identity_changes() {
        for text in [
            "My account was suspended, please hire me on my new account.",
            "Call me Kevin, it's easier.",
            "Mein Konto wurde gesperrt.",
        ] {
            assert!(fired(&run(&IDENTITY_CHANGE, fl(text))), "{text}");
        }
        for text in [
            "Call me at 3 pm if that works.",
            "Call me when you are free.",
            "You can call me on Monday.",
        ] {
            assert_eq!(run(&IDENTITY_CHANGE, fl(text)), Outcome::Clear, "{text}");
        }
        let renamed = Some(vec![
            msg(Some(false), "Alex T.", "Hello"),
            msg(Some(false), "Alex Turner", "Still me"),
            msg(Some(false), "Kevin L.", "Hi, I continue the work"),
        ]);
        let Outcome::Fired(hit) = run(&IDENTITY_CHANGE, renamed) else {
            panic!("a name change must fire");
        };
        assert!(
            hit.evidence[0].contains("2 different names"),
            "{:?}",
            hit.evidence
        );
        assert!(matches!(run(&IDENTITY_CHANGE, None), Outcome::Unknown(_)));
    }

    #[test]
    fn evidence_is_a_bounded_excerpt() {
        let long = format!(
            "{} add me on Telegram @x {}",
            "blah ".repeat(5_000),
            "tail ".repeat(5_000)
        );
        let Outcome::Fired(hit) = run(&OFF_PLATFORM_REQUEST, fl(&long)) else {
            panic!("must fire");
        };
        assert_eq!(hit.evidence.len(), 1);
        let e = &hit.evidence[0];
        assert!(e.chars().count() < EXCERPT + 80, "{e}");
        assert!(
            e.contains("Alex T.") && e.contains("Nov 20, 2:05 PM") && e.contains("Telegram"),
            "{e}"
        );
    }

    #[test]
    fn hostile_text_never_panics() {
        let big = "İ".repeat(3_000);
        let nasty = [
            "\u{0}\u{1b}[2J\u{202e}Telegram\u{200b}: @x İİİ ß ﬃ",
            big.as_str(),
            "+++++((((()))))-----..... 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9",
            "0x0x0x0x bc1 T T T",
            "",
            "ÄÖÜ außerhalb von upwork İstanbul",
        ];
        for t in nasty {
            for rule in [
                &OFF_PLATFORM_REQUEST,
                &OFF_PLATFORM_PAYMENT,
                &SHIP_ELSEWHERE,
                &IDENTITY_CHANGE,
            ] {
                let _ = run(rule, fl(t));
            }
        }
        let many: Vec<Message> = (0..2_000)
            .map(|i| msg(Some(i % 2 == 0), &format!("N{i}"), &"x".repeat(4_000)))
            .collect();
        let _ = run(&IDENTITY_CHANGE, Some(many));
    }
}
