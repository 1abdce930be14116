//! The typed profile that adapters fill and rules read.
//!
//! Every field is optional: `None` means "could not be read", never "zero" or "fine".
//! For lists, `None` means the section was not found and `Some(vec![])` means it was read and is empty.

use crate::json::{json_enum, json_object, JsonKey, ToJson};
use std::fmt;

/// An amount of money in a currency, as the page showed it (no conversion).
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub amount: f64,
    /// ISO 4217 code, upper case ("USD").
    pub currency: String,
}

json_object!(Money { amount, currency });

/// Where the freelancer says they are.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Location {
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2, upper case; `None` when the name was not recognised.
    pub country: Option<String>,
    /// The country exactly as the page wrote it.
    pub country_name: Option<String>,
}

json_object!(Location {
    city,
    country,
    country_name
});

/// A wall-clock time shown on the page ("3:42 pm local time").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockTime {
    pub hour: u8,
    pub minute: u8,
}

json_object!(ClockTime { hour, minute });

impl ClockTime {
    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(ClockTime {
            hour: hour as u8,
            minute: minute as u8,
        })
    }
    pub fn minutes_of_day(self) -> i32 {
        i32::from(self.hour) * 60 + i32::from(self.minute)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// A calendar month, serialised as "YYYY-MM".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1970..=2200).contains(&year)).then_some(YearMonth {
            year,
            month: month as u8,
        })
    }
    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl ToJson for YearMonth {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, &self.to_string());
    }
}

/// A calendar date, serialised as "YYYY-MM-DD".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1970..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let d = Date {
            year,
            month: month as u8,
            day: day as u8,
        };
        (day >= 1 && day <= crate::time::days_in_month(year, month)).then_some(d)
    }
    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        crate::time::days_from_civil(self.year, u32::from(self.month), u32::from(self.day))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl ToJson for Date {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, &self.to_string());
    }
}

/// How many hours a week the freelancer says they are available.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    MoreThan30,
    LessThan30,
    AsNeeded,
}

json_enum!(Availability {
    MoreThan30 => "more_than30",
    LessThan30 => "less_than30",
    AsNeeded => "as_needed",
});

/// A spoken language and the level the freelancer claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    pub name: String,
    pub level: Option<String>,
}

json_object!(Language { name, level });

/// Hourly or fixed-price contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContractKind {
    Hourly,
    FixedPrice,
}

json_enum!(ContractKind {
    Hourly => "hourly",
    FixedPrice => "fixed_price",
});

/// One contract in the work history.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct WorkEntry {
    pub title: Option<String>,
    pub start: Option<Date>,
    /// `None` with `ongoing == true` means "Present".
    pub end: Option<Date>,
    pub ongoing: bool,
    pub kind: Option<ContractKind>,
    pub hours: Option<f64>,
    pub rate: Option<Money>,
    pub earnings: Option<Money>,
    /// Client rating, 0–5.
    pub rating: Option<f64>,
    pub feedback: Option<String>,
}

json_object!(WorkEntry {
    title,
    start,
    end,
    ongoing,
    kind,
    hours,
    rate,
    earnings,
    rating,
    feedback
});

/// Everything HireCheck could read about one freelancer.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Profile {
    pub name: Option<String>,
    pub title: Option<String>,
    pub hourly_rate: Option<Money>,
    pub location: Option<Location>,
    /// The local time the page displayed for the freelancer.
    pub local_time: Option<ClockTime>,
    /// Job Success Score, 0–100.
    pub job_success: Option<u8>,
    pub badges: Option<Vec<String>>,
    pub total_earnings: Option<Money>,
    pub total_jobs: Option<u32>,
    pub total_hours: Option<f64>,
    pub hours_per_week: Option<Availability>,
    pub member_since: Option<YearMonth>,
    pub languages: Option<Vec<Language>>,
    pub id_verified: Option<bool>,
    pub work_history: Option<Vec<WorkEntry>>,
    /// The freelancer's own description ("overview", "about").
    pub overview: Option<String>,
    /// Addresses the profile links to or names: portfolio, websites, employers, e-mail addresses.
    pub links: Option<Vec<String>>,
    /// The profile photo's address, as the page shows it.
    pub photo_url: Option<String>,
    /// The work diary of the client's own hourly contract with this freelancer (work-diary pages).
    pub diary: Option<Vec<DiaryDay>>,
    /// Messages exchanged with this freelancer (message pages).
    pub messages: Option<Vec<Message>>,
}

json_object!(Profile {
    name,
    title,
    hourly_rate,
    location,
    local_time,
    job_success,
    badges,
    total_earnings,
    total_jobs,
    total_hours,
    hours_per_week,
    member_since,
    languages,
    id_verified,
    work_history,
    overview,
    links,
    photo_url,
    diary,
    messages,
});

/// One day of a work diary, in the time zone the diary page shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DiaryDay {
    pub date: Option<Date>,
    /// Start minute (0–1439) of every tracked 10-minute slot, ascending.
    pub slots: Vec<u16>,
    /// UTC offset (minutes east) of the times shown, when the page says which zone it uses.
    pub utc_offset_minutes: Option<i32>,
}

json_object!(DiaryDay {
    date,
    slots,
    utc_offset_minutes
});

/// One message in a conversation.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Message {
    /// Display name of the sender as shown.
    pub sender: Option<String>,
    /// `Some(true)` when the viewer (the client) sent it, `Some(false)` when the freelancer did.
    pub from_client: Option<bool>,
    /// When it was sent, as shown.
    pub sent: Option<String>,
    pub text: String,
}

json_object!(Message {
    sender,
    from_client,
    sent,
    text
});

/// One proposal (bid) on the client's own job, as the proposals page lists it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Bid {
    pub name: Option<String>,
    /// The bidder's profile address.
    pub profile_url: Option<String>,
    /// Hourly rate offered.
    pub rate: Option<Money>,
    /// Fixed amount offered.
    pub amount: Option<Money>,
    /// When the bid was sent, as shown.
    pub submitted: Option<String>,
    pub location: Option<Location>,
    pub job_success: Option<u8>,
    /// Star rating 0–5, where the site shows one instead of a Job Success Score.
    pub rating: Option<f64>,
    pub total_earnings: Option<Money>,
    /// The cover letter / proposal text.
    pub text: Option<String>,
    pub photo_url: Option<String>,
    /// Portfolio and other links in the proposal.
    pub links: Vec<String>,
}

json_object!(Bid {
    name,
    profile_url,
    rate,
    amount,
    submitted,
    location,
    job_success,
    rating,
    total_earnings,
    text,
    photo_url,
    links,
});

/// The profile fields an adapter tries to read; their names are the JSON keys of [`Profile`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Title,
    HourlyRate,
    Location,
    LocalTime,
    JobSuccess,
    Badges,
    TotalEarnings,
    TotalJobs,
    TotalHours,
    HoursPerWeek,
    MemberSince,
    Languages,
    IdVerified,
    WorkHistory,
    Overview,
    Links,
    PhotoUrl,
    Diary,
    Messages,
    Bids,
}

/// Written as its key ("hourly_rate"), also as a map key (`read_from`).
impl ToJson for Field {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, self.key());
    }
}

impl JsonKey for Field {
    fn json_key(&self) -> &str {
        self.key()
    }
}

impl Field {
    pub const ALL: [Field; 21] = [
        Field::Name,
        Field::Title,
        Field::HourlyRate,
        Field::Location,
        Field::LocalTime,
        Field::JobSuccess,
        Field::Badges,
        Field::TotalEarnings,
        Field::TotalJobs,
        Field::TotalHours,
        Field::HoursPerWeek,
        Field::MemberSince,
        Field::Languages,
        Field::IdVerified,
        Field::WorkHistory,
        Field::Overview,
        Field::Links,
        Field::PhotoUrl,
        Field::Diary,
        Field::Messages,
        Field::Bids,
    ];

    /// The JSON key, e.g. "hourly_rate".
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Title => "title",
            Field::HourlyRate => "hourly_rate",
            Field::Location => "location",
            Field::LocalTime => "local_time",
            Field::JobSuccess => "job_success",
            Field::Badges => "badges",
            Field::TotalEarnings => "total_earnings",
            Field::TotalJobs => "total_jobs",
            Field::TotalHours => "total_hours",
            Field::HoursPerWeek => "hours_per_week",
            Field::MemberSince => "member_since",
            Field::Languages => "languages",
            Field::IdVerified => "id_verified",
            Field::WorkHistory => "work_history",
            Field::Overview => "overview",
            Field::Links => "links",
            Field::PhotoUrl => "photo_url",
            Field::Diary => "diary",
            Field::Messages => "messages",
            Field::Bids => "bids",
        }
    }
}

impl Profile {
    /// Whether `field` holds a value.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Name => self.name.is_some(),
            Field::Title => self.title.is_some(),
            Field::HourlyRate => self.hourly_rate.is_some(),
            Field::Location => self.location.is_some(),
            Field::LocalTime => self.local_time.is_some(),
            Field::JobSuccess => self.job_success.is_some(),
            Field::Badges => self.badges.is_some(),
            Field::TotalEarnings => self.total_earnings.is_some(),
            Field::TotalJobs => self.total_jobs.is_some(),
            Field::TotalHours => self.total_hours.is_some(),
            Field::HoursPerWeek => self.hours_per_week.is_some(),
            Field::MemberSince => self.member_since.is_some(),
            Field::Languages => self.languages.is_some(),
            Field::IdVerified => self.id_verified.is_some(),
            Field::WorkHistory => self.work_history.is_some(),
            Field::Overview => self.overview.is_some(),
            Field::Links => self.links.is_some(),
            Field::PhotoUrl => self.photo_url.is_some(),
            Field::Diary => self.diary.is_some(),
            Field::Messages => self.messages.is_some(),
            // Bids are not about one freelancer: they live in `Extraction::bids`.
            Field::Bids => false,
        }
    }
}
