//! A copy of the licence to give with distributed copies.

use super::Extraction;
use super::phrases::{K_COPY, K_ZH, LICENCE_CARRIED, LICENCE_COPY, LICENCE_COPY_ZH};
use crate::terms::TermName;

impl Extraction<'_> {
    pub(super) fn licence_copy(&mut self, granted: bool) {
        let mut found = self.sentences(&LICENCE_COPY, K_COPY);
        found.extend(self.sentences(&LICENCE_COPY_ZH, K_ZH));
        found.extend(self.sentences(&LICENCE_CARRIED, K_COPY));
        // Creative Commons licences require the licence, or its link, with shared copies.
        found.extend(self.adopted_licences());
        // A known model licence named by a note asks for itself with copies.
        found.extend(self.named_model_licence(false));
        for s in found {
            self.terms.licence_copy = true;
            self.cite(TermName::LicenceCopy, s);
        }
        if !granted && !self.terms.licence_copy {
            self.found.remove(&TermName::LicenceCopy);
        }
    }
}
