//! Offering the model to third parties as a hosted service.

use super::Extraction;
use super::phrases::{
    HOSTING_ALLOW, HOSTING_DENY, HOSTING_DENY_ZH, HOSTING_LIMIT, HOSTING_NOT_NC, HOSTING_WORD,
    K_AVAILABLE, K_COMMERCIAL, K_HOSTING, K_ZH,
};
use crate::terms::{CommercialUse, Hosting, TermName};

impl Extraction<'_> {
    pub(super) fn hosting(&mut self, granted: bool) {
        let mut denied = Vec::new();
        let mut limited = Vec::new();
        for s in self.sentences(&HOSTING_WORD, K_HOSTING) {
            let text = self.sentence_text(s);
            if HOSTING_DENY.is_match(text) {
                denied.push(s);
            } else if HOSTING_LIMIT.is_match(text) {
                limited.push(s);
            }
        }
        denied.extend(self.sentences(&HOSTING_NOT_NC, K_COMMERCIAL));
        denied.extend(self.sentences(&HOSTING_DENY_ZH, K_ZH));
        // Under a non-commercial grant, offering the model to others is allowed only where the
        // text says the model may be made available; silence is no permission.
        let silent_nc = self.terms.commercial_use == CommercialUse::NonCommercial
            && self.sentences(&HOSTING_ALLOW, K_AVAILABLE).is_empty();
        self.terms.hosting = if !denied.is_empty() {
            Hosting::RequiresLicence
        } else if !limited.is_empty() {
            // Hosting is allowed only without a limit the rules cannot weigh.
            for s in limited {
                self.unclear(
                    TermName::Hosting,
                    "a clause limits offering the model as a service in words the rules cannot weigh",
                    s,
                );
            }
            Hosting::Unknown
        } else if granted && !silent_nc && self.terms.commercial_use != CommercialUse::Unknown {
            Hosting::Allowed
        } else {
            Hosting::Unknown
        };
        for s in denied {
            self.cite(TermName::Hosting, s);
        }
        if self.terms.hosting != Hosting::Unknown {
            self.found.insert(TermName::Hosting);
        }
    }
}
