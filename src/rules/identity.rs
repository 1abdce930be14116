//! P4 / M2: client feedback that addresses the freelancer by another name than the profile's.
//!
//! Only a mismatch between two things the page shows counts; where a name comes from never does.

use super::{Context, Family, Hit, Outcome, RuleSpec};
use crate::case::lowercase;
use crate::model::Field;
use crate::text;
use crate::texts::{s, say};

/// Quotes longer than this are shortened around the name.
const MAX_QUOTE_CHARS: usize = 140;

/// Words after which a capitalised word is taken as the person addressed ("Thanks, Wei!").
const ADDRESS_CUES: &str = "\
thanks
thank you
thanks again
thank you so much
thanks so much
many thanks
many thanks to
thx
great work
great job
good job
nice work
well done
hi
hello
dear
kudos to
working with
worked with
work with
recommend
hire
cheers
bravo
danke
hallo
lieber
liebe
vielen dank";

/// Verbs after which a capitalised word that starts a sentence is taken as the subject ("Wei delivered …").
const SUBJECT_VERBS: &str = "\
is
was
did
does
has
had
delivered
completed
went
always
really
made
helped
understood
communicated
worked
fixed
built
exceeded
provided
responded
will
can
knows
got
ist
war
hat
hatte";

/// Capitalised words that are not names although they sit where a name would, one a line.
const NOT_NAMES: &str = "\
a
again
all
also
always
amazing
an
and
another
any
awesome
best
bro
buddy
client
communication
definitely
developer
everyone
everything
excellent
fast
fantastic
for
freelancer
god
good
great
guys
he
her
highly
him
his
i
it
job
man
mate
me
my
nice
our
outstanding
overall
perfect
pleasure
professional
project
quick
really
she
sir
mr
mrs
ms
dr
prof
herr
frau
so
super
team
that
the
their
them
they
this
to
top
upwork
us
very
we
will
work
would
you
your
maam
madam
everybody
friend
er
sie
wir
ich
das
der
die
sehr
gute
gut
tolle
toll
arbeit
alles
immer
wieder
gerne";

/// A name found in one feedback text, with the sentence it came from.
#[derive(Debug, PartialEq)]
struct Addressed {
    name: String,
    quote: String,
}

pub static FEEDBACK_NAME_MISMATCH: RuleSpec = RuleSpec {
    id: "feedback-name-mismatch",
    family: Family::Identity,
    default_points: 45,
    thresholds: &[],
    evaluate: feedback_name_mismatch,
};

fn feedback_name_mismatch(cx: &Context) -> Outcome {
    let p = cx.profile;
    let (Some(name), Some(history)) = (&p.name, &p.work_history) else {
        return Outcome::Unknown(super::unread(p, &[Field::Name, Field::WorkHistory]));
    };
    if name_parts(name).is_empty() {
        return super::unknown(&[Field::Name]);
    }
    let mut hits: Vec<(Option<&str>, Addressed)> = Vec::new();
    for entry in history {
        let Some(feedback) = entry.feedback.as_deref() else {
            continue;
        };
        for a in addressed_names(feedback) {
            if !names_match(name, &a.name) {
                hits.push((entry.title.as_deref(), a));
            }
        }
    }
    if hits.is_empty() {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let mut evidence = vec![say(lang, s::IDENTITY_PROFILE_NAME, [name])];
    let a_contract = say(lang, s::IDENTITY_A_CONTRACT, []);
    for (title, a) in hits.iter().take(5) {
        let title = title.unwrap_or(&a_contract);
        evidence.push(say(lang, s::IDENTITY_FEEDBACK, [title, &a.quote, &a.name]));
    }
    Outcome::Fired(Hit { evidence })
}

/// Lower-case, accent-free words of a display name ("Ji-hoon K." → ["ji", "hoon", "k"]); initials included.
fn name_parts(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for w in text::split_where(name, |c| {
        c.is_whitespace() || c == '-' || c == '.' || c == ','
    }) {
        for p in fold(w).split(' ') {
            if !p.is_empty() {
                parts.push(p.to_string());
            }
        }
    }
    parts
}

/// Case- and accent-insensitive key for comparing names. A word that mixes Latin letters with
/// Cyrillic or Greek look-alikes ("Vаlentina" with a Cyrillic "а") reads as the Latin word it imitates:
/// a spoofed spelling of the profile's own name is not another person. A word written wholly in one
/// script is left as it is (a Cyrillic or Greek name is a name, not a spoof).
fn fold(s: &str) -> String {
    // ASCII letters and digits fold to their lower case (most words of most feedback): no look-alike,
    // accent or separator to handle.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return s.to_ascii_lowercase();
    }
    let mut plain = String::with_capacity(s.len());
    for word in s.split_inclusive(char::is_whitespace) {
        let latin = word.chars().any(|c| c.is_ascii_alphabetic());
        if latin && word.chars().any(|c| latin_lookalike(c).is_some()) {
            for c in word.chars() {
                plain.push(latin_lookalike(c).unwrap_or(c));
            }
        } else {
            plain.push_str(word);
        }
    }
    crate::countries::fold_key(&plain)
}

/// The Latin letter a Cyrillic or Greek letter is drawn like, for the letters that look the same.
fn latin_lookalike(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let mut pairs = LOOKALIKES.chars();
    while let (Some(from), Some(to)) = (pairs.next(), pairs.next()) {
        if from == c {
            return Some(to);
        }
    }
    None
}

/// Pairs of a Cyrillic or Greek letter and the Latin letter it is drawn like ("аa": Cyrillic а, Latin a):
/// a table read by one loop, smaller in the wasm than a `match` with an arm per letter.
const LOOKALIKES: &str = "аaαaеeоoοoрpρpсcуyхxχxіiιiјjѕsԁdһhԛqԝwνvАAΑAВBΒBЕEΕEΖZКKΚKМMΜMНHΗHІIΙIЈJОOΟOРPΡPСCЅSТTΤTΥYХXΧXΝN";

/// Words that follow or stand for a name as a form of address, in many languages ("Tanaka-san", "Rahul-ji").
const HONORIFICS: &str = "\
san
sama
kun
chan
sensei
ssi
nim
ji
jee
bhai
bhaiya
didi
hyung
oppa
noona
unnie
sir
madam
bey
hanim
aga
efendi";

/// Given names and their usual short, familiar and cross-language forms, all folded. Two words in one
/// group can name the same person. Broad on purpose: a missing entry makes an honest nickname look like
/// another person. One group a line, its names separated by spaces.
const NICKNAMES: &str = "\
alexander aleksandr oleksandr alejandro alessandro alexandre aleksander alex sasha sascha sanya xander olek lex
alexandra oleksandra aleksandra alejandra alessandra alex sasha sandra sandy ola
michael mikhail mykhailo miguel michal michele mikael mike mick mickey misha miki
christopher christian krzysztof christoph kristof chris kris topher
robert roberto bob rob robbie bobby beto
william wilhelm guillermo bill will willy billy liam memo
james jim jimmy jamie jaime
nicholas nikolai mykola nicolas nikola nick nicky kolya niko
katherine catherine kateryna ekaterina katarzyna kate katie katya kasia cathy
elizabeth elisabeth elzbieta liz lizzy beth betty eliza
joseph jose jozef josef giuseppe yosef joe joey pepe beppe
andrew andrii andriy andrey andrei andrzej andres andreas andre andy drew
anthony antonio anton antoni tony toni
dmitry dmitri dmytro dmitrii dima mitya
vladimir volodymyr vova volodya vlad
konstantin kostiantyn constantine kostya kostia
maxim maksym maksim maximilian maximiliano max
yevgeny evgeny evgenii yevhen eugene zhenya gene
mohammed muhammad mohamed mohammad muhammed mohamad mo moe
richard ricardo rick rich ricky
edward eduardo ed eddie ted lalo
jonathan jon jonny
daniel daniela danielle danylo dan danny dani
matthew mateusz matteo mathieu matias matt matty
stephen steven stefan stepan esteban steve
david dawid dave davy
peter piotr petro pedro pierre pete petya
paul pavel pavlo pablo pawel paolo pasha
francisco francesco francis frank paco pancho fran
enrique henry harry hank quique
gregory grzegorz greg grisha
anastasia anastasiia nastya stacy asya
natalia natalya nataliia natasha
tatiana tetiana tatyana tanya
svetlana sveta
olga olha olya
iryna irina ira
yulia yuliia julia julie yulya
maria mariia mariya masha marie mary
elena olena helen helena lena alyona
anna anya ania hanna ann annie
victoria viktoria viktoriia vika vicky tori
jennifer jen jenny
margaret margarita maggie meg peggy rita
rebecca becky becca
patricia patty tricia pat
susan suzanne sue suzy
benjamin ben benji
samuel samantha sam sammy
frederick fred freddie";

/// Whether `word` is a line of `list` (the word lists below are one entry per line: as one text they
/// cost their letters, not an 8-byte pointer and length per entry in the wasm). A substring search,
/// then a check that the match is a whole line: walking every line for every word of a long page's
/// feedback cost over a millisecond on the 2 MB benchmark page.
fn listed(list: &str, word: &str) -> bool {
    // `rest` always starts at the start of a line.
    let mut rest = list;
    while let Some(at) = rest.find(word) {
        let starts_line = at == 0 || rest.as_bytes().get(at - 1) == Some(&b'\n');
        let tail = rest.get(at + word.len()..).unwrap_or_default();
        if starts_line && (tail.is_empty() || tail.starts_with('\n')) {
            return true;
        }
        // Not a whole line: go on from the next line.
        match rest.get(at..).and_then(|r| r.find('\n')) {
            Some(nl) => rest = rest.get(at + nl + 1..).unwrap_or_default(),
            None => return false,
        }
    }
    false
}

/// Whether `word` is one of the space-separated names of a [`NICKNAMES`] group.
fn in_group(group: &str, word: &str) -> bool {
    group.split(' ').any(|name| name == word)
}

/// Whether one word of the profile name and one word seen in feedback can name the same person.
fn word_matches(own: &str, seen: &str) -> bool {
    let (o, s) = (own.chars().count(), seen.chars().count());
    own == seen
        // An initial ("Jan K.") cannot rule out any name that starts with it.
        || (o == 1 && seen.starts_with(own))
        // Short forms from the front ("Chris" / "Christopher") or the back ("Seun" / "Oluwaseun").
        || (o >= 3 && s >= 3 && (own.starts_with(seen) || seen.starts_with(own)))
        || (s >= 4 && own.ends_with(seen))
        // Substring searches first, as in `listed`: most names are in no group.
        || (NICKNAMES.contains(own)
            && NICKNAMES.contains(seen)
            && NICKNAMES
                .lines()
                .any(|g| in_group(g, own) && in_group(g, seen)))
}

/// Whether a name seen in feedback can denote the person named `profile_name`: every word of it ("Ji-hoon" is
/// two), honorifics aside, matches a word of the profile name exactly, as a short form, or as a usual nickname.
pub fn names_match(profile_name: &str, seen: &str) -> bool {
    let own = name_parts(profile_name);
    let mut seen = name_parts(seen);
    seen.retain(|w| !listed(HONORIFICS, w));
    // A name that is only an honorific ("Thanks, San") says nothing.
    seen.is_empty() || seen.iter().all(|w| own.iter().any(|o| word_matches(o, w)))
}

/// Names a feedback text addresses: after an address cue, or as the subject of a sentence.
fn addressed_names(text: &str) -> Vec<Addressed> {
    let words: Vec<(usize, &str)> = word_spans(text);
    let mut out: Vec<Addressed> = Vec::new();
    for (i, &(pos, word)) in words.iter().enumerate() {
        let bare = text::trim_where(word, |c| !c.is_alphanumeric() && c != '\'');
        if !looks_like_name(bare) {
            continue;
        }
        // The last one, two, three and four words before this one, lower case, joined by spaces:
        // is one of them an address cue?
        let mut before = String::new();
        let mut after_cue = false;
        for k in (i.saturating_sub(4)..i).rev() {
            let Some((_, w)) = words.get(k) else {
                break;
            };
            if !before.is_empty() {
                before.insert(0, ' ');
            }
            before.insert_str(0, &lowercase(w));
            if listed(ADDRESS_CUES, trim_non_alphanumeric(&before)) {
                after_cue = true;
                break;
            }
        }
        let sentence_start = i == 0
            || words
                .get(i - 1)
                .is_some_and(|(_, w)| w.ends_with(['.', '!', '?']));
        let as_subject = sentence_start
            && words
                .get(i + 1)
                .is_some_and(|(_, w)| listed(SUBJECT_VERBS, &lowercase(trim_non_alphanumeric(w))));
        if (after_cue || as_subject) && !out.iter().any(|a| a.name == bare) {
            out.push(Addressed {
                name: bare.to_string(),
                quote: quote_around(text, pos),
            });
        }
    }
    out
}

fn looks_like_name(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    if !first_upper {
        return false; // most words of a text: the rest is not looked at
    }
    let rest_ok = word
        .chars()
        .all(|c| c.is_alphabetic() || c == '\'' || c == '-');
    let len = word.chars().count();
    first_upper && rest_ok && (2..=20).contains(&len)
        // An all-capitals word is shouting or an acronym ("API", "GREAT"), not a name.
        && !(len > 1 && word.chars().all(|c| !c.is_lowercase()))
        && !listed(NOT_NAMES, &fold(word))
}

/// `s` without the characters other than letters and digits at its ends.
fn trim_non_alphanumeric(s: &str) -> &str {
    text::trim_where(s, |c| !c.is_alphanumeric())
}

/// (byte offset, word) pairs, split on whitespace (as `char::is_whitespace` splits).
#[cfg(not(target_arch = "wasm32"))]
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut i = 0;
    let marks = std::iter::from_fn(|| {
        let (space, len) = space_at(text, i)?;
        let at = i;
        i += len;
        Some((at, space))
    });
    spans_between(text, marks)
}

/// [`word_spans`] in the wasm: char by char (smaller code).
#[cfg(target_arch = "wasm32")]
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    word_spans_by_chars(text)
}

/// The words of `text` char by char: the wasm's [`word_spans`], and what the tests hold the native
/// one to.
#[cfg(any(target_arch = "wasm32", test))]
fn word_spans_by_chars(text: &str) -> Vec<(usize, &str)> {
    spans_between(
        text,
        text.char_indices().map(|(i, c)| (i, c.is_whitespace())),
    )
}

/// The words of `text` from (byte offset, is whitespace) for each of its chars in order; at most 2000.
fn spans_between(text: &str, marks: impl Iterator<Item = (usize, bool)>) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, space) in marks {
        match (space, start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        if out.len() >= 2000 {
            return out;
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Whether the char at byte `i` of `text` (a char boundary) is whitespace, and its length; None at
/// the end. An ASCII byte (most of any feedback) is tested without decoding a char: the ASCII chars
/// `char::is_whitespace` takes are U+0009–U+000D and the space.
#[cfg(not(target_arch = "wasm32"))]
fn space_at(text: &str, i: usize) -> Option<(bool, usize)> {
    match text.as_bytes().get(i)? {
        b if b.is_ascii() => Some((matches!(b, b'\t'..=b'\r' | b' '), 1)),
        _ => {
            let c = text.get(i..)?.chars().next()?;
            Some((c.is_whitespace(), c.len_utf8()))
        }
    }
}

/// The text around byte offset `pos`, at most [`MAX_QUOTE_CHARS`] characters, marked with "…" where cut.
fn quote_around(text: &str, pos: usize) -> String {
    // In characters: where the one at `pos` is (the first at or after it; 0 when none) and the length.
    let (mut at, mut count): (Option<usize>, usize) = (None, 0);
    for (b, _) in text.char_indices() {
        if at.is_none() && b >= pos {
            at = Some(count);
        }
        count += 1;
    }
    let from = at.unwrap_or(0).saturating_sub(MAX_QUOTE_CHARS / 2);
    let to = (from + MAX_QUOTE_CHARS).min(count);
    let mut q = String::new();
    for c in text.chars().skip(from).take(to - from) {
        q.push(c);
    }
    q = crate::page::squash(&q);
    if from > 0 {
        q.insert(0, '…');
    }
    if to < count {
        q.push('…');
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Profile, WorkEntry};
    use crate::policy::Policy;
    use crate::time::Instant;

    #[test]
    fn lookalikes_pair_a_foreign_letter_with_a_latin_one() {
        let letters: Vec<char> = LOOKALIKES.chars().collect();
        assert_eq!(letters.len(), 96);
        for pair in letters.chunks(2) {
            assert!(
                !pair[0].is_ascii() && pair[1].is_ascii_alphabetic(),
                "{pair:?}"
            );
            assert_eq!(latin_lookalike(pair[0]), Some(pair[1]));
        }
        assert_eq!(latin_lookalike('а'), Some('a'));
        assert_eq!(latin_lookalike('Ν'), Some('N'));
        assert_eq!(latin_lookalike('a'), None);
        assert_eq!(latin_lookalike('ж'), None);
    }

    #[test]
    fn word_spans_split_where_char_is_whitespace_splits() {
        // The char-by-char reading (the wasm's word_spans).
        let by_chars = word_spans_by_chars;
        let many = "Thanks Wei! ".repeat(1500);
        for text in [
            "",
            " ",
            "Great work, Wei!",
            "  Thanks\tAna\n\rsee\x0b you\x0c soon ",
            "Danke\u{a0}Jürgen\u{2003}und\u{85}Zoë\u{3000}終わり\u{2028}x\u{1680}y",
            "Ünïcödé wörds ending in a multi-byte char: ß",
            "no\u{200b}break\u{feff}here",
            many.as_str(),
        ] {
            assert_eq!(word_spans(text), by_chars(text), "{text:?}");
        }
    }

    /// `listed` answers as walking the lines would, for every entry and for pieces of entries (prefixes,
    /// suffixes, the middle, two lines joined) that occur in the text without being a line.
    #[test]
    fn listed_is_a_whole_line_lookup() {
        for list in [ADDRESS_CUES, SUBJECT_VERBS, NOT_NAMES, HONORIFICS] {
            let mut probes: Vec<String> = vec![String::new(), "\n".into(), "zzz".into()];
            for line in list.lines() {
                let chars: Vec<char> = line.chars().collect();
                probes.push(line.to_string());
                for k in 1..chars.len() {
                    probes.push(chars[..k].iter().collect());
                    probes.push(chars[k..].iter().collect());
                }
                probes.push(format!("{line}\n"));
            }
            for probe in &probes {
                let expected = list.lines().any(|entry| entry == probe);
                assert_eq!(listed(list, probe), expected, "{probe:?}");
            }
        }
    }

    fn profile(name: Option<&str>, feedback: &[&str]) -> Profile {
        Profile {
            name: name.map(str::to_string),
            work_history: Some(
                feedback
                    .iter()
                    .map(|f| WorkEntry {
                        title: Some("Shop backend".into()),
                        feedback: Some((*f).into()),
                        ..WorkEntry::default()
                    })
                    .collect(),
            ),
            ..Profile::default()
        }
    }

    fn run(p: &Profile) -> Outcome {
        (FEEDBACK_NAME_MISMATCH.evaluate)(&Context {
            profile: p,
            policy: &Policy::default(),
            now: Instant(0),
        })
    }

    #[test]
    fn look_alike_letters_do_not_make_another_person_but_other_scripts_stay_names() {
        // Cyrillic "а" and "е" inside a Latin name: the profile's own name, not a finding.
        let spoof = profile(
            Some("Valentina R."),
            &["Great work, V\u{430}l\u{435}ntina!"],
        );
        assert!(matches!(run(&spoof), Outcome::Clear), "{:?}", run(&spoof));
        // Another name spelt with look-alikes is still another name.
        let other = profile(
            Some("Lukas M."),
            &[
                "Great work, W\u{435}i!",
                "Thanks W\u{435}i, fast as always.",
            ],
        );
        assert!(
            matches!(run(&other), Outcome::Fired(_)),
            "{:?}",
            run(&other)
        );
        // A name wholly in Cyrillic is left as it is (no transliteration either way).
        assert_eq!(
            fold("\u{41e}\u{43b}\u{435}\u{43d}\u{430}"),
            crate::countries::fold_key("\u{41e}\u{43b}\u{435}\u{43d}\u{430}")
        );
    }

    #[test]
    fn finds_names_in_address_positions_only() {
        let names = |t: &str| {
            addressed_names(t)
                .into_iter()
                .map(|a| a.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("Great work, Wei! Will hire again."), ["Wei"]);
        assert_eq!(names("Thank you Maria for the quick fix."), ["Maria"]);
        assert_eq!(names("Many thanks to Wei for the fixes."), ["Wei"]);
        assert_eq!(names("Thank you so much, Wei!"), ["Wei"]);
        assert_eq!(names("Thanks Mr. Kim."), Vec::<String>::new());
        assert_eq!(
            names("\u{201C}Great work, Wei!\u{201D} \"Thanks Ana\""),
            ["Wei", "Ana"]
        );
        assert_eq!(
            names("The API works. Tomasz delivered on time."),
            ["Tomasz"]
        );
        assert_eq!(
            names("Great job! Very professional. The React code is clean."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("We used React and Node in Berlin."),
            Vec::<String>::new()
        );
        assert_eq!(names("Thanks, API docs were great"), Vec::<String>::new());
    }

    #[test]
    fn fires_when_feedback_names_someone_else() {
        let p = profile(
            Some("Lukas M."),
            &["Lukas did great.", "Great work, Wei! Fast and precise."],
        );
        let Outcome::Fired(hit) = run(&p) else {
            panic!()
        };
        assert_eq!(hit.evidence.len(), 2);
        assert!(
            hit.evidence[1].contains("Wei") && hit.evidence[1].contains("Shop backend"),
            "{:?}",
            hit.evidence
        );
    }

    #[test]
    fn own_name_short_forms_and_accents_are_not_a_mismatch() {
        assert_eq!(
            run(&profile(Some("Alexander K."), &["Thanks Alex, superb."])),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some("José R."), &["Thank you Jose!"])),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some("Łukasz W."), &["Thanks Lukasz!"])),
            Outcome::Clear
        );
        // Hyphenated given names, nicknames across languages, names shortened from the back,
        // honorifics and surnames behind an initial are all the same person.
        for (name, feedback) in [
            ("Ji-hoon K.", "Thank you Ji-hoon, great work."),
            ("Oleksandr P.", "Thanks Alex! Will hire again."),
            ("Alejandro G.", "Great job, Alex."),
            ("Michael R.", "Mike delivered early."),
            ("Oluwaseun A.", "Thanks Seun!"),
            ("Hiroshi Tanaka", "Thank you Tanaka-san."),
            ("Jan K.", "Thanks Kowalski, solid work."),
            ("Rahul S.", "Thanks Rahul-ji for the patience."),
        ] {
            assert_eq!(
                run(&profile(Some(name), &[feedback])),
                Outcome::Clear,
                "{name}: {feedback}"
            );
        }
        assert_eq!(
            run(&profile(
                Some("Siobhán O'Neill"),
                &["Thanks Siobhan, Lukas was late."]
            )),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(
                Some("Anna-Lena B."),
                &["Danke Lena, tolle Arbeit."]
            )),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(
                Some("Lukas M."),
                &["Excellent. Highly recommended!"]
            )),
            Outcome::Clear
        );
    }

    #[test]
    fn unknown_without_name_or_history() {
        assert_eq!(
            run(&Profile::default()),
            Outcome::Unknown(vec![Field::Name, Field::WorkHistory])
        );
        assert_eq!(
            run(&profile(None, &["Thanks Wei"])),
            Outcome::Unknown(vec![Field::Name])
        );
    }

    #[test]
    fn quotes_are_bounded_and_safe_on_any_text() {
        let long = format!("{} Thanks Wei {}", "x ".repeat(500), "ß".repeat(3000));
        let found = addressed_names(&long);
        assert_eq!(found[0].name, "Wei");
        assert!(found[0].quote.chars().count() <= MAX_QUOTE_CHARS + 2);
        for t in [
            "",
            " ",
            "!!!",
            "Thanks",
            "Thanks ,",
            "Ünïcödé Wörds. Éé was",
        ] {
            let _ = addressed_names(t);
        }
    }
}
