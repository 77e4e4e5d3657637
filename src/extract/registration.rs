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
            let text = self.sentence_text(s);
            if COMMERCIAL_WORD.is_match(text)
                && !SEPARATE_LICENCE.is_match(text)
                && !REGISTRY_NOISE.is_match(text)
            {
                self.terms.registration = true;
                self.cite(TermName::Registration, s);
            }
        }
        for s in self.sentences(&REGISTRATION_ZH, K_ZH) {
            if !REGISTRY_NOISE_ZH.is_match(self.sentence_text(s)) {
                self.terms.registration = true;
                self.cite(TermName::Registration, s);
            }
        }
    }
}
