//! Every CSS selector the Freelancer.com adapter uses, as fallback chains (first match wins).
//!
//! When Freelancer.com changes its markup, this is the file to update. Sources: research notes
//! `page-structure.md` §4 (Angular SSR, `app-user-profile-summary-*` components, `fl-*` custom elements, the
//! 2024 "redesign" with `app-user-profile-stats-reputation-item`), and the public scrapers it cites (2021–2024).
//! Component tag names (`app-…`, `fl-…`) and the readable classes (`ReviewCount`, `ValueBlock`, `NativeElement`)
//! come first; `nth-child` paths and Angular's `_ngcontent-*` hashes are never used. Entries the research marks
//! UNCERTAIN, or that are inferred from the layout rather than seen in a source, say so.

/// Elements only a Freelancer.com user profile has; used to recognise a saved page without its address.
pub const PROFILE_MARKERS: &[&str] = &[
    "app-user-profile-summary",
    "app-user-profile-summary-redesign",
    "app-user-profile-summary-name",
    "app-user-profile",
];

/// Angular's TransferState: the server's HTTP responses embedded for the browser app. Modern Angular writes
/// `<script id="ng-state" type="application/json">`; older Angular Universal wrote `<script id="<appId>-state">`
/// (`serverApp-state` with the default app id) and escaped the JSON (`&q;` for `"`). Which one Freelancer.com
/// ships is UNCERTAIN (no saved page in the research), so all forms are read, most specific first.
pub const STATE_SCRIPTS: &[&str] = &[
    "script#ng-state",
    "script#serverApp-state",
    "script[type=\"application/json\"][id$=\"-state\"]",
    "script[type=\"application/json\"]",
];
/// Cap on embedded JSON scripts looked at, and on the bytes of one script.
pub const MAX_STATE_SCRIPTS: usize = 20;
pub const MAX_STATE_BYTES: usize = 8_000_000;

/// The profile header's display name ("Karin B."); the `@username` line beside it is not a name.
pub const NAME: &[&str] = &[
    "app-user-profile-summary-name fl-username h3",
    "app-user-profile-summary-name h3",
    "app-user-profile-summary-name h1",
    "app-user-profile-summary-name h2",
    "fl-username h3",
];

/// The headline ("Professional Writer & Editor").
pub const TAGLINE: &[&str] = &[
    "app-user-profile-summary-tagline h2",
    "app-user-profile-summary-tagline fl-heading",
    "app-user-profile-summary-tagline",
];

/// Where the "$25 USD / hour" text sits: the information block first, then wider scopes. The rate is the
/// first amount with a currency code followed by "/ hour" in the first scope that has one.
pub const RATE_SCOPES: &[&str] = &[
    "app-user-profile-summary-information",
    "app-user-profile-summary-redesign",
    "app-user-profile-summary",
    "app-user-profile",
    "main",
    "body",
];
/// Elements whose text is looked at inside a rate scope, smallest first.
pub const RATE_TEXT: &[&str] = &[".NativeElement", "fl-text", "span", "div", "p"];

/// The location link's text ("Sydney, Australia") in the information block; the older `SupplementaryInfo` column.
pub const LOCATION_TEXT: &[&str] = &[
    "app-user-profile-summary-information fl-link a",
    "app-user-profile-summary-information a",
    "fl-col.SupplementaryInfo",
    ".SupplementaryInfo",
];
/// The country flag next to it; its `title` (or `alt`) is the country name.
pub const LOCATION_FLAG: &[&str] = &[
    "app-user-profile-summary-information fl-flag img",
    "app-user-profile-summary fl-flag img",
];

/// The extra-information rows under the location: the local time ("It's currently 3:42 PM here", the first
/// row — inferred from the scrapers, which read the join date from the SECOND row) and "Joined on <date>".
pub const EXTRA_INFO_ROWS: &[&str] = &[
    "app-user-profile-summary-extra-info fl-text",
    "app-user-profile-summary-extra-info fl-grid",
    "app-user-profile-summary-extra-info div",
];
/// Where to look for a short "It's currently … here" / "Joined on …" text when the block above is gone.
pub const CAPTION_SCAN: &[&str] = &["fl-text", "span", "p", "li", "div"];

/// Badges beside the name (Preferred Freelancer, Verified, membership). The containers, and the badges in
/// them; a badge's name is its `title`, `aria-label` or `data-badge`, else its text. UNCERTAIN: no source shows
/// the badge markup; `fl-badge` follows the `fl-*` component naming.
pub const BADGE_CONTAINERS: &[&str] = &[
    "app-user-profile-badges",
    "app-user-profile-summary-badges",
    "app-user-profile-summary-name",
];
pub const BADGE_ITEMS: &[&str] = &["fl-badge", "fl-user-badge", "[data-badge]"];
pub const BADGE_NAME_ATTRS: &[&str] = &["title", "aria-label", "data-badge"];

/// The verifications card ("Identity verified", "Payment verified", …). UNCERTAIN: the component name follows
/// the `app-user-profile-*` pattern of the other cards; the items are matched by their text.
pub const VERIFICATIONS: &[&str] = &[
    "app-user-profile-verifications",
    "app-user-profile-verification",
    "fl-bit.Verifications",
];
pub const VERIFICATION_ITEMS: &[&str] = &["fl-list-item", "li", "fl-bit.VerificationItem"];
/// Marks of a verified / an unverified item (icon names or state attributes; UNCERTAIN).
pub const VERIFIED_MARKS: &[&str] = &[
    "[data-verified=\"true\"]",
    "fl-icon[name*=\"check\"]",
    "fl-icon[data-name*=\"check\"]",
    ".IsVerified",
];
pub const UNVERIFIED_MARKS: &[&str] = &[
    "[data-verified=\"false\"]",
    "fl-icon[name*=\"close\"]",
    "fl-icon[name*=\"cross\"]",
    "fl-icon[data-name*=\"close\"]",
    ".IsUnverified",
];

/// The freelancer's own description. The inner text element first, so that a "Read more" button is not read.
pub const OVERVIEW: &[&str] = &[
    "app-user-profile-summary-description fl-text .NativeElement",
    "app-user-profile-summary-description fl-text",
    "app-user-profile-summary-description",
    "app-user-profile-about fl-text",
];

/// Reviews: the section (present but empty means "no reviews"), then one card per review. The "Show all
/// reviews" dialog (`.ModalContainer`) repeats the cards; duplicates are dropped.
pub const REVIEW_SECTIONS: &[&str] = &[
    "app-user-profile-reviews",
    "app-user-profile-reviews-section",
    "app-user-profile-review-list",
];
pub const REVIEW_ITEMS: &[&str] = &["fl-review-card", ".ReviewItem"];
/// The project's title link.
pub const REVIEW_TITLE: &[&str] = &[
    "fl-link a.LinkElement",
    "a.LinkElement",
    "fl-link a",
    "h3",
    "h4",
];
/// The paid amount ("$100 USD", "$1,000 AUD", "Price Undisclosed"): the last span of a text element.
pub const REVIEW_PRICE: &[&str] = &[
    ".ReviewPrice",
    "fl-text .NativeElement span:last-child",
    "fl-text span",
];
/// The star rating: its number, or an attribute that holds it.
pub const REVIEW_RATING: &[&str] = &[
    "fl-rating .ValueBlock",
    "fl-rating .ValueText",
    ".ValueBlock",
    ".ValueText",
];
pub const REVIEW_RATING_ATTRS: &[(&str, &str)] = &[
    ("fl-rating[data-rating]", "data-rating"),
    ("[data-star_rating]", "data-star_rating"),
    ("fl-rating[rating]", "rating"),
];
/// The client's words.
pub const REVIEW_TEXT: &[&str] = &[
    ".ReviewText",
    ".Body fl-text:nth-child(3) .NativeElement",
    ".Body p",
    "p",
];
/// The date. Relative ("3 days ago") unless the element carries an absolute date in an attribute (UNCERTAIN).
pub const REVIEW_DATE: &[&str] = &["fl-relative-time", "time"];
pub const REVIEW_DATE_ATTRS: &[&str] = &["datetime", "data-date", "title"];

/// Sections whose `a[href]` links and written addresses are the freelancer's own (portfolio cards).
pub const LINK_SECTIONS: &[&str] = &[
    "app-user-profile-portfolio",
    "fl-bit.PortfolioCardContent",
    "app-user-profile-experiences",
];

/// Cap on elements looked at per selector in scans, so hostile pages stay cheap.
pub const SCAN_LIMIT: usize = 3_000;
/// Cap on reviews kept.
pub const MAX_REVIEWS: usize = 500;
