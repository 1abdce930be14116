//! Upwork message pages (`/nx/wm/workroom/<id>/messages`, `/ab/messages/…`) → `Profile::messages`
//! and `Profile::name` (the other party, as the room header names them).
//!
//! The real message-list DOM is **not documented** (research notes `page-structure.md` has no verified
//! markup for it). The selectors below model plausible Upwork "air3" messenger markup — one "story" per
//! message (Upwork's messaging API calls messages *stories* in *rooms*) with `data-test` attributes — and
//! fall back on generic structure: list items that hold an author, a timestamp and a body. Which side
//! sent a message is read from explicit markers (own/outgoing classes or data attributes, "You") or by
//! matching the sender to the room header's name; otherwise it stays unknown, and the message rules do
//! not treat it as the freelancer's.

use super::Extraction;
use crate::case::lowercase;
use crate::model::{Field, Message};
use crate::page::{Node, Page, PageExt};

/// At most this many messages are read (a long conversation; the rules need far fewer).
pub const MAX_MESSAGES: usize = 2_000;
/// Characters kept of one message's text.
pub const MAX_TEXT: usize = 4_000;
const MAX_NAME: usize = 100;
const MAX_SENT: usize = 60;

/// Message containers, most specific first. The generic ones at the end are accepted only for items
/// that show an author, a timestamp and a body.
const ITEMS: &[&str] = &[
    "[data-test=story-container]",
    "[data-test=message-list-item]",
    ".up-d-story-item",
    "[data-qa=message]",
];
const GENERIC_ITEMS: &[&str] = &[
    "[role=log] li",
    "[role=list] li",
    "ol li",
    "ul li",
    "article",
];

const SENDER: &[&str] = &[
    "[data-test=story-user-name]",
    "[data-test=message-sender]",
    "[data-test=sender-name]",
    ".user-name",
    "[itemprop=author]",
    "[class*=author]",
    "[class*=sender]",
];
const SENT: &[&str] = &[
    "[data-test=story-time]",
    "[data-test=message-time]",
    "time",
    "[class*=timestamp]",
    "[class*=time]",
    "[class*=date]",
];
const BODY: &[&str] = &[
    "[data-test=story-message]",
    "[data-test=message-text]",
    ".story-message",
    "[class*=message-body]",
    "[class*=message-text]",
    "[class*=body]",
    "[class*=text]",
    "p",
];
/// The other party's name in the room header.
const OTHER_PARTY: &[&str] = &[
    "[data-test=room-header-name]",
    "[data-test=room-name]",
    ".room-header [class*=name]",
    "header [class*=name]",
];

/// Reads the conversation.
pub fn read(page: &dyn Page, ex: &mut Extraction) {
    let other = page
        .first_text(None, OTHER_PARTY)
        .and_then(|s| crate::text::clean(&s, MAX_NAME));
    let (items, generic, source) = find_items(page);
    let mut messages = Vec::new();
    for item in items {
        if messages.len() >= MAX_MESSAGES {
            break;
        }
        if let Some(m) = read_item(page, item, generic, other.as_deref()) {
            messages.push(m);
        }
    }
    let name = other.clone().map(|n| (n, "room header")).or_else(|| {
        messages
            .iter()
            .find(|m| m.from_client == Some(false))
            .and_then(|m| m.sender.clone())
            .map(|n| (n, "message sender"))
    });
    if let Some((n, from)) = name {
        ex.profile.name = Some(n);
        ex.note(Field::Name, from);
    }
    if !messages.is_empty() {
        ex.profile.messages = Some(messages);
        ex.note(Field::Messages, source);
    }
}

fn find_items(page: &dyn Page) -> (Vec<Node>, bool, &'static str) {
    if let Some((css, found)) = super::first_matching(page, ITEMS) {
        return (found, false, css);
    }
    match super::first_matching(page, GENERIC_ITEMS) {
        Some((css, found)) => (found, true, css),
        None => (Vec::new(), false, ""),
    }
}

fn read_item(page: &dyn Page, item: Node, generic: bool, other: Option<&str>) -> Option<Message> {
    let sender = page
        .first_text(Some(item), SENDER)
        .and_then(|s| crate::text::clean(&s, MAX_NAME));
    // The first element (of the first selector that has one) whose text, or else `datetime`, is not blank.
    let mut sent = None;
    'sent: for css in SENT {
        for n in page.select(Some(item), css) {
            let t = page.text(n);
            let t = if t.is_empty() {
                page.attr(n, "datetime").unwrap_or_default()
            } else {
                t
            };
            sent = crate::text::clean(&t, MAX_SENT);
            if sent.is_some() {
                break 'sent;
            }
        }
    }
    let mut body = None;
    'body: for css in BODY {
        for n in page.select(Some(item), css) {
            let t = page.raw_text(n);
            if !t.trim().is_empty() {
                body = Some(t);
                break 'body;
            }
        }
    }
    let text = body.and_then(|t| crate::text::clean(&t, MAX_TEXT));
    let text = match text {
        Some(t) => t,
        // A known message container without a marked body: its whole text, minus nothing (rare).
        None if !generic => crate::text::clean(&page.raw_text(item), MAX_TEXT)?,
        None => return None,
    };
    if generic && (sender.is_none() || sent.is_none()) {
        return None;
    }
    let from_client = side(page, item, sender.as_deref(), other);
    Some(Message {
        sender,
        from_client,
        sent,
        text,
    })
}

/// Attributes that say whose a message is: (attribute names, values meaning the viewer's own message, values
/// meaning the other party's), compared trimmed and in lower case.
const SIDE_ATTRIBUTES: [(&[&str], &[&str], &[&str]); 2] = [
    (
        &["data-own", "data-is-own", "data-mine", "data-outgoing"],
        &["true", "1", "yes"],
        &["false", "0", "no"],
    ),
    (
        &[
            "data-sender-role",
            "data-role",
            "data-author-role",
            "data-direction",
        ],
        &["client", "me", "self", "own", "outgoing", "sent", "viewer"],
        &["freelancer", "contractor", "other", "incoming", "received"],
    ),
];
/// Class names of the viewer's own messages, and of the other party's.
const OWN_CLASSES: &[&str] = &[
    "is-own", "own", "mine", "is-mine", "outgoing", "from-me", "is-self",
];
const OTHER_CLASSES: &[&str] = &["incoming", "is-other", "from-them", "is-incoming"];
/// Sender names that mean the viewer.
const VIEWER_NAMES: &[&str] = &["you", "me", "sie", "ich", "du"];

/// `Some(true)` for the viewer's (the client's) own message, `Some(false)` for the other party's.
fn side(page: &dyn Page, item: Node, sender: Option<&str>, other: Option<&str>) -> Option<bool> {
    for (names, own, others) in SIDE_ATTRIBUTES {
        for a in names {
            let Some(v) = page.attr(item, a) else {
                continue;
            };
            let v = v.trim().to_ascii_lowercase();
            if own.contains(&v.as_str()) {
                return Some(true);
            }
            if others.contains(&v.as_str()) {
                return Some(false);
            }
        }
    }
    let class = page
        .attr(item, "class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    for token in class.split_whitespace() {
        if OWN_CLASSES.contains(&token) {
            return Some(true);
        }
        if OTHER_CLASSES.contains(&token) {
            return Some(false);
        }
    }
    let sender = sender?;
    if VIEWER_NAMES.contains(&lowercase(sender).as_str()) {
        return Some(true);
    }
    let other = other?;
    (name_key(sender) == name_key(other)).then_some(false)
}

/// "jane|d" for "Jane Doe" and "Jane D.": first word and the last word's initial, lower case.
pub fn name_key(name: &str) -> String {
    let (mut first, mut last) = (None, None);
    for word in name.split(|c: char| c.is_whitespace() || c == '.' || c == ',') {
        if word.is_empty() {
            continue;
        }
        if first.is_none() {
            first = Some(word);
        } else {
            last = Some(word);
        }
    }
    let Some(first) = first else {
        return String::new();
    };
    let mut key = lowercase(first);
    if let Some(last) = last {
        key.push('|');
        key.push(lowercase(last).chars().next().unwrap_or(' '));
    }
    key
}
