//! stub, being written
use super::*;
pub struct AverageWorkload;
impl Rule for AverageWorkload {
    fn id(&self) -> &'static str { "stub-AverageWorkload" }
    fn default_points(&self) -> u32 { 10 }
    fn title(&self, _l: Lang) -> &'static str { "stub" }
    fn source(&self) -> &'static str { "" }
    fn verify(&self, _l: Lang) -> &'static str { "" }
    fn evaluate(&self, _cx: &Context) -> Outcome { Outcome::Unknown(vec![]) }
}
pub struct OverlappingContracts;
impl Rule for OverlappingContracts {
    fn id(&self) -> &'static str { "stub-OverlappingContracts" }
    fn default_points(&self) -> u32 { 10 }
    fn title(&self, _l: Lang) -> &'static str { "stub" }
    fn source(&self) -> &'static str { "" }
    fn verify(&self, _l: Lang) -> &'static str { "" }
    fn evaluate(&self, _cx: &Context) -> Outcome { Outcome::Unknown(vec![]) }
}
