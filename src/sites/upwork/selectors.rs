//! Every CSS selector the Upwork adapter uses, as fallback chains (first match wins).
//!
//! When Upwork changes its markup, this is the file to update. Sources: research notes
//! `page-structure.md` §1 (a 2026 selector config, a 2024 extension, 2023 scrapers, the 2016 owner page);
//! entries marked UNCERTAIN there are marked so here. Prefer, in this order: JSON keys > meta tags >
//! `itemprop` / `#hor-anc-id-*` / `.cfe-ui-*` > `air3-*` layout classes; never Vue's `data-v-*` hashes.

/// Elements only a freelancer profile has; used to recognise a saved page without its address.
pub const PROFILE_MARKERS: &[&str] = &[
    // Logged-in view: the attribute holds the viewed person's uid.
    "[data-qa-profile-viewer-uid]",
    // Logged-out redesign container.
    ".visitor-profile-redesign .profile-container",
    // Profile building blocks of the component library (`cfe-ui-profile-photo`, `…-job-success`, …).
    "[class*=\"cfe-ui-profile-\"]",
];

/// Structured data, rarely present on profiles but cheap to read.
pub const LD_JSON: &str = "script[type=\"application/ld+json\"]";

/// The display name ("Sergii C.").
pub const NAME: &[&str] = &[
    // Inside the identity block first: other microdata `name`s may follow further down.
    ".onboarding-target-profile-identity [itemprop=name]",
    "[itemprop=name]",
];
/// The photo's alt text is the name too: last resort when the heading changed.
pub const NAME_FROM_PHOTO_ALT: &str = ".cfe-ui-profile-photo img[alt]";

/// The professional title ("Senior Go developer").
pub const TITLE: &[&str] = &[
    // Current layout.
    ".title-vertical",
    // Plain `.air3-card-section h2` returns the NAME (documented bug), hence the :not().
    ".air3-card-section h2:not([itemprop=name])",
    // 2023 layout.
    "h2.mb-0.h4",
];
/// Section headings that can sit in an `.air3-card-section h2` and are never a title.
pub const NOT_A_TITLE: &[&str] = &[
    "work history",
    "portfolio",
    "skills",
    "languages",
    "education",
    "certifications",
    "licenses",
    "employment history",
    "other experiences",
    "testimonials",
    "video introduction",
    "linked accounts",
    "hours per week",
    "verifications",
    "view profile",
    "completed jobs",
    "in progress",
    "about",
    "projects",
    "specialized profiles",
    "project catalog",
];

/// The hourly rate; each match must read as "$x/hr".
pub const RATE: &[&str] = &[
    // Current layout: rate sits in the about/overview card.
    "#hor-anc-id-about .overview-card .text-base-sm",
    // 2023 layout.
    "h3.my-6x.h5",
    // Owner view: the heading with the edit button.
    "h3:has(button[aria-label=\"Edit hourly rate\"])",
];
/// Last resort: the first "$x/hr" in the text of the first of these that has one. Scopes narrow
/// to wide; the work history (which lists per-contract rates) comes after the header in page order.
pub const RATE_TEXT_SCOPES: &[&str] = &[
    "#hor-anc-id-about",
    ".overview-card",
    "[data-qa-profile-viewer-uid]",
    "[itemtype=\"http://schema.org/Person\"]",
    "#main",
    "main",
    "body",
];

/// City and country microdata; the location block first (the photo card may repeat them).
pub const CITY: &[&str] = &[
    "#location-time-vertical [itemprop=locality]",
    "#location-time-horizontal [itemprop=locality]",
    "[itemprop=locality]",
    // schema.org spelling, in case Upwork aligns with it.
    "[itemprop=addressLocality]",
];
pub const COUNTRY: &[&str] = &[
    "#location-time-vertical [itemprop=country-name]",
    "#location-time-horizontal [itemprop=country-name]",
    "[itemprop=country-name]",
    "[itemprop=addressCountry]",
];
/// The "<City, Country> – 3:42 pm local time" line; read when the microdata is gone.
pub const LOCATION_LINE: &[&str] = &["#location-time-vertical", "#location-time-horizontal"];

/// The dedicated local-time span (UNCERTAIN in the research); then the location line.
pub const LOCAL_TIME: &[&str] = &[
    "#location-time-vertical .flex-shrink-0 span",
    "#location-time-horizontal .flex-shrink-0 span",
];
/// Where to look for a short "… 3:42 pm local time" text when the blocks above are gone.
pub const LOCAL_TIME_SCAN: &[&str] = &["span", "small", "p", "li", "div"];

/// "99% Job Success".
pub const JSS_TEXT: &[&str] = &[".cfe-ui-profile-job-success"];
/// The ring's class carries the number (`air3-progress-circle-99`), read from the class attribute.
pub const JSS_RING: &[&str] = &[".cfe-ui-profile-job-success [class*=\"air3-progress-circle-\"]"];

/// Badge names only from the badge block: an explainer popover ("Top Rated Plus talent is…") sits
/// on every profile, so body text must never be matched.
pub const BADGES: &[&str] = &[
    ".vetted-rated-badges .air3-badge-tagline",
    // Older layout.
    ".identity-badges-container .air3-badge-tagline",
];
/// The badge blocks themselves: present but empty means "no badges".
pub const BADGE_BLOCKS: &[&str] = &[".vetted-rated-badges", ".identity-badges-container"];

/// One card per statistic; matched by caption, never by order.
pub const STAT_CARDS: &[&str] = &[
    ".cfe-ui-profile-summary-stats .col-compact",
    // Newer layout.
    ".air3-grid-container .air3-card.bg-muted-light",
];
/// The value inside a stat card; the caption is the rest of the card's text.
pub const STAT_VALUE: &[&str] = &[".stat-amount", "h4", "h3", "strong"];

/// "Hours per week" value in the owner view (the section with the "Edit availability" button). The
/// documented `div:has(>div>button[aria-label="Edit availability"])>div:nth-child(2) span` is costly on deep
/// pages and the caption scan below finds the same section, so only the cheap form is kept.
pub const HOURS_PER_WEEK: &[&str] = &["section:has(button[aria-label=\"Edit availability\"])"];
/// Containers searched for a text starting with a caption such as "Hours per week".
pub const CAPTION_SCAN: &[&str] = &[".air3-card-section", "section", "li", "div"];
/// "Member since …" is not in the research's selector lists; found by its caption (UNCERTAIN).
pub const MEMBER_SINCE_SCAN: &[&str] = &["li", "small", "span", "p", "div"];

/// One element per language: "English: Native or Bilingual".
pub const LANGUAGES: &[&str] = &[".languages .air3-grid-container > div"];
/// The languages block itself.
pub const LANGUAGE_BLOCK: &[&str] = &[".languages"];

/// ID verification popover (UNCERTAIN in the research).
pub const ID_VERIFIED: &[&str] = &["#id-badge-popover .is-verified"];
pub const ID_POPOVER: &[&str] = &["#id-badge-popover"];

/// Work history. Only the active tab ("Completed jobs" or "In progress") is in the DOM.
pub const WORK_SECTIONS: &[&str] = &["#hor-anc-id-work-history", ".work-history-section"];
pub const WORK_ITEMS: &[&str] = &[".assignments-item"];
pub const WORK_TITLE: &[&str] = &["h5", "h4", "h3"];
pub const WORK_RATING: &[&str] = &[
    ".air3-rating-value-text",
    ".air3-rating-background .sr-only",
];
pub const WORK_DATES: &[&str] = &[".assignments-item-dynamic-meta"];
/// Where a date range may sit when the class above changed.
pub const WORK_DATES_SCAN: &[&str] = &["span", "small", "div", "p"];
/// Earnings, rate, hours and "Fixed-price", one `strong` each.
pub const WORK_TERMS: &[&str] = &[".air3-grid-container.text-light-on-inverse .span-4 > strong"];
/// The client's feedback to the freelancer.
pub const WORK_FEEDBACK: &[&str] = &[
    ".feedback .highlighted-truncation p",
    ".feedback p",
    "[data-test=\"feedback-comment\"]",
];

/// The freelancer's own description ("overview"). The inner text element first, so that the "more" toggle
/// beside it is not read; the whole truncation block after it (its buttons' text is removed).
pub const OVERVIEW: &[&str] = &[
    "#hor-anc-id-about [data-test=\"truncation-text-by-chars\"] [id^=\"air3-truncation-\"]",
    "#hor-anc-id-about [data-test=\"truncation-text-by-chars\"] > span:first-child",
    "#hor-anc-id-about [data-test=\"truncation-text-by-chars\"]",
    "#hor-anc-id-about .air3-line-clamp .text-pre-line",
    "[data-qa-profile-viewer-uid] .air3-line-clamp[id^=\"air3-line-clamp-\"] .text-pre-line",
    // 2023 layout (profile overview in `up-line-clamp-v2`, as in 2021–2023 scrapers).
    ".up-line-clamp-v2 .text-pre-line",
    ".up-line-clamp-v2",
    // The documented generic form last: employment descriptions further down use it too.
    ".air3-line-clamp .text-pre-line",
];

/// Profile sections that show the freelancer's own links and site names: portfolio (the project viewer lists a
/// project's external links in its left column), linked accounts, employment history, certifications. Their
/// `a[href]` links and the addresses written in their text are read. The employment and certification
/// containers are UNCERTAIN (a 2026 selector config; page-structure.md §1 names `.air3-card-section.px-0`).
pub const LINK_SECTIONS: &[&str] = &[
    "#hor-anc-id-portfolio",
    ".portfolio-v2-viewer .sticky-left-column",
    "[data-qa=\"linked-accounts\"]",
    "#hor-anc-id-employment",
    "[data-test=\"employment-item\"]",
    ".employment-item",
    "[data-qa-profile-viewer-uid] .air3-card-section.px-0",
    "#hor-anc-id-certifications",
    "[data-test=\"certificate-item\"]",
];
/// The profile's own content, whose `a[href]` links are read: the first of these containers that the page has.
/// Upwork's navigation and footer sit outside them; links to Upwork itself are dropped wherever they are.
pub const LINK_CONTAINERS: &[&str] = &[
    "[data-qa-profile-viewer-uid]",
    ".visitor-profile-redesign .profile-container",
    "[itemtype=\"http://schema.org/Person\"]",
];
/// Without a container: the profile's sections, each of which is read.
pub const LINK_SCOPES: &[&str] = &[
    "#hor-anc-id-about",
    "#hor-anc-id-work-history",
    ".work-history-section",
    "[data-qa=\"feedback-section\"]",
    "#hor-anc-id-client-feedback",
];

/// Cap on elements looked at per selector in scans, so hostile pages stay cheap.
pub const SCAN_LIMIT: usize = 3_000;
/// Cap on work-history entries kept.
pub const MAX_WORK_ENTRIES: usize = 500;
