//! stub, being written
use super::*;
pub struct FeedbackNameMismatch;
impl Rule for FeedbackNameMismatch {
    fn id(&self) -> &'static str { "stub-FeedbackNameMismatch" }
    fn default_points(&self) -> u32 { 10 }
    fn title(&self, _l: Lang) -> &'static str { "stub" }
    fn source(&self) -> &'static str { "" }
    fn verify(&self, _l: Lang) -> &'static str { "" }
    fn evaluate(&self, _cx: &Context) -> Outcome { Outcome::Unknown(vec![]) }
}
