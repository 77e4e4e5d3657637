//! An acceptable-use or prohibited-use policy that binds the licensee.

use super::Extraction;
use super::phrases::{K_USE_POLICY, USE_POLICY};
use crate::terms::TermName;

impl Extraction<'_> {
    pub(super) fn use_policy(&mut self) {
        for s in self.sentences(&USE_POLICY, K_USE_POLICY) {
            self.terms.use_policy = true;
            self.cite(TermName::UsePolicy, s);
        }
    }
}
