//! Every CSS selector and JSON key the Fiverr adapter uses, as fallback chains (first match wins).
//!
//! When Fiverr changes its pages, this is the file to update. Sources: research notes `page-structure.md` §5:
//! - the perseus payload: `<script id="perseus-initial-props" type="application/json">` with `userData.seller_card`,
//!   `userData.seller_profile`, `userData.user`, `gigs.gigs[]` (salmannotkhan/fiverr-api, 2022-12); gig pages of
//!   2021 assign the same kind of object to `window.perseusApp.initialData` (`overview.seller{username, achievement,
//!   isPro, countryCode, proficientLanguages[{name,level}]}`, `reviews.reviews[{comment, created_at, value}]`,
//!   `seo.description.sellerAchievement`; a saved gig page in Bishwas-py/fiverr-scraping-api);
//! - listing-card keys of a 2026 data model (`seller_level` "top_rated"|"level_two", `seller_country` "IN",
//!   `seller_languages[{code, level}]`, `is_pro`, `hourly_rate` in cents);
//! - the seller-page DOM of 2021–2023 (`.user-page-perseus`, `.oneliner-wrapper .oneliner`, `ul.user-stats li`,
//!   `.seller-profile .description p`, `.languages li`, `ul.review-list li.review-item`) and the gig page's seller
//!   card (`.seller-card .seller-link`, `p.one-liner`, `ul.user-stats li` "From<strong>Pakistan</strong>");
//! - the 2025 review DOM (`ul.review-list li.review-item-component`, `[aria-label*=Rating]`).
//!
//! Key names inside `seller_card` / `seller_profile` are not documented anywhere public (UNCERTAIN): they are read by
//! the alternatives below, snake_case and camelCase. Obfuscated classes (`_1AB8XqH`, `FKiIhUG`) are build hashes and
//! are never used.

// ---- The perseus payload ----

/// The JSON payload script (inert `type="application/json"`, readable under any CSP).
pub const PROPS_SCRIPTS: &[&str] = &[
    "script#perseus-initial-props",
    "script[id=\"perseus-initial-props\"]",
];
/// Older pages assign the payload in a script: `window.perseusApp.initialData = {…};`.
pub const PROPS_ASSIGNMENTS: &[&str] = &["perseusApp.initialData", "perseusInitialProps"];

/// Where the seller is described inside the payload, most specific first. Every object found is read; the first
/// that has a field wins for that field.
pub const SELLER_PATHS: &[&[&str]] = &[
    &["userData", "seller_card"],
    &["userData", "sellerCard"],
    &["userData", "seller_profile"],
    &["userData", "sellerProfile"],
    &["userData", "user"],
    &["sellerCard"],
    &["seller_card"],
    &["seller_profile"],
    &["sellerProfile"],
    // 2021 gig page.
    &["overview", "seller"],
    &["seller"],
];
/// Single values elsewhere in a gig page's payload.
pub const USERNAME_PATHS: &[&[&str]] = &[
    &["topNav", "sellerName"],
    &["reviews", "seller_username"],
    &["portfolio", "username"],
];
pub const LEVEL_PATHS: &[&[&str]] = &[&["seo", "description", "sellerAchievement"]];
/// The gig a gig page shows: its reviews are about this gig.
pub const GIG_TITLE_PATHS: &[&[&str]] = &[
    &["overview", "gig", "title"],
    &["general", "gigTitle"],
    &["topNav", "gigTitle"],
];

pub const USERNAME_KEYS: &[&str] = &["username", "user_name", "seller_name", "sellerName"];
pub const DISPLAY_NAME_KEYS: &[&str] = &[
    "display_name",
    "displayName",
    "seller_display_name",
    "sellerDisplayName",
    "full_name",
    "fullName",
];
pub const ONE_LINER_KEYS: &[&str] = &["one_liner", "oneLiner", "oneliner", "professional_title"];
/// The seller's own description ("About me").
pub const DESCRIPTION_KEYS: &[&str] = &["description", "about", "summary", "bio"];
/// A country name, or an ISO code as on listing cards ("IN").
pub const COUNTRY_KEYS: &[&str] = &["country", "country_name", "countryName", "seller_country"];
pub const COUNTRY_CODE_KEYS: &[&str] = &["country_code", "countryCode", "seller_country_code"];
/// UNCERTAIN: no public payload shows a city; read if present.
pub const CITY_KEYS: &[&str] = &["city", "city_name", "cityName"];
/// Epoch seconds or milliseconds, or a date text.
pub const MEMBER_SINCE_KEYS: &[&str] = &[
    "member_since",
    "memberSince",
    "joined_at",
    "joinedAt",
    "registration_date",
];
/// "level_two", "top_rated_seller", or a number (2 = level two on the saved 2021 page).
pub const LEVEL_KEYS: &[&str] = &[
    "seller_level",
    "sellerLevel",
    "achievement_level",
    "achievementLevel",
    "achievement",
    "level",
];
pub const PRO_KEYS: &[&str] = &["is_pro", "isPro"];
/// UNCERTAIN: "Vetted" sellers (2024+) have no documented key.
pub const VETTED_KEYS: &[&str] = &["is_vetted", "isVetted", "vetted"];
/// Cents (listing cards of the 2026 data model), or `{amount_in_cents|amount, currency}`. Only sellers who offer
/// hourly work have one; gig prices are never hourly rates.
pub const HOURLY_RATE_KEYS: &[&str] = &["hourly_rate", "hourlyRate"];
pub const LANGUAGE_KEYS: &[&str] = &[
    "languages",
    "proficient_languages",
    "proficientLanguages",
    "seller_languages",
];
/// Language item: name or ISO 639-1 code (the 2021 payload puts the code under `name`), and level.
pub const LANGUAGE_NAME_KEYS: &[&str] = &["name", "language", "code", "title"];
pub const LANGUAGE_LEVEL_KEYS: &[&str] = &["level", "proficiency", "proficiency_level"];

/// Reviews: arrays under this key are tried first; else any array of review-shaped objects.
pub const REVIEWS_KEY: &str = "reviews";
/// Arrays under these keys repeat reviews already listed.
pub const REVIEW_DUPLICATE_KEYS: &[&str] = &["reviews_snippet", "reviewsSnippet"];
/// The buyer's words.
pub const REVIEW_COMMENT_KEYS: &[&str] = &["comment", "review_text", "reviewText"];
/// Stars 1–5. Never `score`: there it is a relevance weight (0.67).
pub const REVIEW_RATING_KEYS: &[&str] = &["value", "rating", "star_rating", "stars"];
pub const REVIEW_DATE_KEYS: &[&str] = &["created_at", "createdAt", "date", "published_at"];
pub const REVIEW_GIG_TITLE_KEYS: &[&str] = &["gig_title", "gigTitle"];

/// JSON-LD (gig pages: `Product` with `aggregateRating`, `offers`, sometimes `review[]`).
pub const LD_JSON: &str = "script[type=\"application/ld+json\"]";

// ---- The rendered page ----

/// Elements only a Fiverr seller or gig page has; used to recognise a saved page without its address.
pub const PAGE_MARKERS: &[&str] = &[
    "script#perseus-initial-props",
    ".user-page-perseus",
    "meta[name=\"fiverrmeta:facility\"]",
];
/// The seller's own blocks: the seller page and the gig page's "About the seller" card. Scans stay inside them,
/// so that reviews, other sellers' gig cards and the page chrome are never read as the seller's data.
pub const SELLER_SCOPES: &[&str] = &[
    ".user-page-perseus .seller-card",
    ".seller-card",
    ".user-page-perseus",
    ".seller-overview",
];

/// The username, as the link to the seller page or as text.
pub const USERNAME: &[&str] = &[
    ".seller-card .seller-link",
    ".seller-card .username a",
    ".seller-card .username",
    ".user-page-perseus .username",
];
/// The profile photo's alt text is the username too (only inside the seller card: reviewers have photos).
pub const USERNAME_FROM_PHOTO_ALT: &[&str] = &[
    ".seller-card img.profile-pict-img[alt]",
    ".user-page-perseus .seller-card img[alt]",
];

/// The one-liner under the name ("Certified YouTube Expert and Digital Marketer").
pub const ONE_LINER: &[&str] = &[
    ".seller-card p.one-liner",
    ".oneliner-wrapper .oneliner",
    ".seller-card .one-liner",
    ".seller-card .oneliner",
];

/// "From <strong>Pakistan</strong>", "Member since <strong>Nov 2018</strong>", "Avg. response time", "Last
/// delivery", sometimes "Local time" and "Languages": matched by caption, never by order.
pub const STAT_ITEMS: &[&str] = &[
    ".seller-card ul.user-stats li",
    ".user-page-perseus ul.user-stats li",
    "ul.user-stats li",
];
/// The value inside a stat item; the caption is the rest of its text.
pub const STAT_VALUE: &[&str] = &["strong", "b"];
pub const CAPTION_FROM: &[&str] = &["from", "country", "location"];
pub const CAPTION_MEMBER_SINCE: &[&str] = &["member since", "joined"];
pub const CAPTION_LOCAL_TIME: &[&str] = &["local time"];
pub const CAPTION_LANGUAGES: &[&str] = &["languages", "language", "i speak"];

/// A "3:42 pm local time" or "Local time 3:42 PM" label (2024+ profile header, the contact box). Searched in the
/// seller's blocks first, then in the whole page; only short texts count.
pub const LOCAL_TIME_SCAN: &[&str] = &["span", "li", "p", "div", "time"];
/// Longest text taken for a local-time label.
pub const LOCAL_TIME_MAX_LEN: usize = 60;

/// One element per language: "English - Fluent", "English (Native/Bilingual)".
pub const LANGUAGES: &[&str] = &[
    ".seller-card .languages li",
    ".user-page-perseus .languages li",
    ".languages li",
];

/// The seller's own description. The gig page's card keeps it in `article.seller-desc .inner`.
pub const DESCRIPTION: &[&str] = &[
    ".seller-profile .description p",
    ".seller-card .seller-desc .inner",
    "article.seller-desc .inner",
    ".seller-profile .description",
    ".seller-card .seller-desc",
];
/// The gig description, read for the addresses it names (it is not the seller's overview).
pub const GIG_DESCRIPTION: &[&str] = &[".gig-description .description-content"];

/// Level and Pro badges in the seller's blocks: their text must be one of the known badge names, so that the
/// explainer texts and other sellers' cards never count.
pub const BADGE_ELEMENTS: &[&str] = &[
    "[class*=\"level\"]",
    "[class*=\"badge\"]",
    "[class*=\"vetted\"]",
    "[class*=\"pro-\"]",
];
/// The old round badge carries the level in its class only (`a.user-badge-round.level-two-seller`).
pub const BADGE_ROUND: &[&str] = &[".user-badge-round"];
/// Class name → badge.
pub const BADGE_CLASSES: &[(&str, &str)] = &[
    ("level-one-seller", "Level 1"),
    ("level-two-seller", "Level 2"),
    ("top-rated-seller", "Top Rated"),
];
/// The part of the seller card that holds the level badge (2021–2023 layout): when it is read and shows no level
/// badge, the seller has none ("New seller"). Other layouts leave the badges unknown.
pub const BADGE_HOME: &[&str] = &[".seller-card .user-profile-label"];

/// How sellers introduce themselves in their description ("Hi, I'm Aashir"), read only when the page shows no
/// display name: buyers thank sellers by that name, which a bare username may not contain.
pub const SELF_INTRODUCTIONS: &[&str] =
    &["i'm ", "i am ", "my name is ", "this is ", "i\u{2019}m "];
/// Words that follow those cues and are not names; one a line.
pub const NOT_A_NAME: &str = concat!(
    "\
a
an
the
here
your
not
from
based
available
professional
expert
experienced
specialist
freelancer
designer
developer
certified
graphic
web
full
senior
junior
passionate
highly
very
new
top
able
glad
happy
ready
excited
skilled
creative
dedicated
committed
qualified
fluent
native
always
also
currently
working
offering
providing
fiverr
level
rated
seller
pro
mr
mrs
ms
dr
miss
sir
my
our
we
one
in
on
at
with
",
    // Nationalities ("I am Pakistani") are never read as a name; language names are checked separately.
    "\
american
argentinian
australian
bangladeshi
brazilian
british
canadian
chilean
colombian
egyptian
emirati
ethiopian
ghanaian
indian
iranian
iraqi
israeli
jordanian
kenyan
lebanese
mexican
moroccan
nigerian
pakistani
palestinian
peruvian
saudi
syrian
tunisian
ugandan
venezuelan
algerian
afghan
sri
lankan
nepalese
cameroonian
tanzanian
zimbabwean
south
north
european
african
asian
latino
latina
arab
irish
scottish
welsh
english
swiss
belgian
austrian
cuban
dominican
jamaican
haitian
filipina
indonesian
malaysian
singaporean
thai
taiwanese
bosnian",
);

/// An hourly rate shown in the seller's blocks ("$45/hour"); must read as a rate, never a gig price.
pub const HOURLY_RATE_SCAN: &[&str] = &["span", "p", "li", "div", "strong"];

/// Reviews: newest layout first. Only the list (the gig page repeats some in a carousel).
pub const REVIEW_ITEMS: &[&str] = &[
    "ul.review-list li.review-item-component",
    "ul.review-list li.review-item",
    ".review-list .review-item",
];
/// The buyer's words. The last resort is the longest paragraph outside the seller's response.
pub const REVIEW_TEXT: &[&str] = &[
    ".review-description p",
    ".review-description",
    "p.review-item-comment",
];
pub const REVIEW_PARAGRAPHS: &str = "p";
/// The seller's answer to a review, and the buyer's country: never the buyer's feedback.
pub const REVIEW_NOT_TEXT: &str = "[class*=\"response\"] p, .country p, .country-name";
/// The buyer's name (`figure[title=<buyer>]` in the 2025 layout): a paragraph with only this text is not feedback.
pub const REVIEW_BUYER: &str = "figure[title]";
/// Stars: an aria-label ("Rating 5 out of 5"), or the number shown.
pub const REVIEW_RATING_LABEL: &[&str] = &["[aria-label*=\"Rating\"]", "[aria-label*=\"rating\"]"];
pub const REVIEW_RATING: &[&str] = &[
    ".total-rating-out-five",
    "b.rating-score",
    ".rating-score",
    "strong.rating-score",
];
/// The date: `time[datetime]` if present, else its text (absolute dates only; "2 months ago" is not a date).
pub const REVIEW_TIME: &[&str] = &["time[datetime]", "time", ".review-date"];
/// Price ranges shown with 2024+ reviews ("Up to $50", "$50-$100"), found by caption (UNCERTAIN).
pub const REVIEW_PRICE_SCAN: &[&str] = &["li", "div", "span", "p"];
pub const CAPTION_PRICE: &str = "price";

/// Cap on elements looked at per selector in scans, so hostile pages stay cheap.
pub const SCAN_LIMIT: usize = 3_000;
/// Cap on reviews kept.
pub const MAX_REVIEWS: usize = 500;
