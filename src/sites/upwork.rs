//! Upwork adapter. (Stub.)

use super::{Adapter, Extraction, PageKind};
use crate::model::Field;
use crate::page::Page;

pub struct Upwork;

impl Adapter for Upwork {
    fn id(&self) -> &'static str {
        "upwork"
    }
    fn hosts(&self) -> &'static [&'static str] {
        &["upwork.com"]
    }
    fn page_kind(&self, _path: &str) -> PageKind {
        PageKind::Unknown
    }
    fn expected_fields(&self, _kind: PageKind) -> &'static [Field] {
        &[]
    }
    fn extract(&self, _page: &dyn Page, _kind: PageKind) -> Extraction {
        Extraction::default()
    }
    fn sniff(&self, _page: &dyn Page) -> Option<PageKind> {
        None
    }
}
