//! The report: what the CLI prints as JSON and the badge renders.

use crate::model::{Field, Profile};
use crate::score::Risk;
use crate::sites::PageKind;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The file or address analysed.
    pub source: String,
    /// Adapter id, or `None` when the page is not from a supported site.
    pub site: Option<&'static str>,
    pub page_kind: PageKind,
    /// When the analysis ran (RFC 3339); the local-time check depends on it.
    pub analyzed_at: String,
    pub profile: Profile,
    /// Fields the page kind normally shows that could not be read.
    pub missing: Vec<Field>,
    /// Where each field was read from.
    pub read_from: BTreeMap<Field, String>,
    pub risk: Risk,
}
