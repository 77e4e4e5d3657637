//! Commercial use that needs registering with the licensor.

use super::Extraction;
use super::phrases::{
    COMMERCIAL_WORD, K_REGISTRATION, K_ZH, REGISTRATION, REGISTRATION_ZH, REGISTRY_NOISE,
    REGISTRY_NOISE_ZH, SEPARATE_LICENCE,
};
use crate::terms::TermName;

impl Extraction<'_> {
    pub(super) fn registration(&mut self) {
        for s in self.sentences(&REGISTRATION, K_REGISTRATION) {
            if self.holds(&COMMERCIAL_WORD, s)
                && !self.holds(&SEPARATE_LICENCE, s)
                && !self.holds(&REGISTRY_NOISE, s)
            {
                self.terms.registration = true;
                self.cite(TermName::Registration, s);
            }
        }
        for s in self.sentences(&REGISTRATION_ZH, K_ZH) {
            if !self.holds(&REGISTRY_NOISE_ZH, s) {
                self.terms.registration = true;
                self.cite(TermName::Registration, s);
            }
        }
    }
}
