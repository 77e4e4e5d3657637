//! The grant: whether the text grants rights at all. The first grant backs every permissive
//! default and is cited under commercial use.

use super::Extraction;
use super::phrases::{GRANT, GRANT_WITHHELD, GRANT_ZH, INBOUND_GRANT, K_GRANT, K_ZH, SCOPED_GRANT};
use crate::terms::TermName;

impl Extraction<'_> {
    pub(super) fn grant(&mut self) -> bool {
        // A grant from the licensee or a submitter to the licensor grants the reader nothing, nor
        // does a permission denied ("no permission is granted to use, ...").
        let mut found: Vec<_> = self
            .sentences(&GRANT, K_GRANT)
            .into_iter()
            .filter(|s| !self.holds(&INBOUND_GRANT, *s) && !self.holds(&GRANT_WITHHELD, *s))
            .collect();
        found.extend(self.sentences(&GRANT_ZH, K_ZH));
        // "Free use is permitted for: ..." grants, to whom or for what follows (a limit the
        // commercial-use reader weighs).
        found.extend(self.sentences(&SCOPED_GRANT, K_GRANT));
        // A note adopting a Creative Commons, Apache 2.0 or MIT licence grants what it grants.
        found.extend(self.adopted_licences());
        found.sort_by_key(|s| s.start);
        let granted = !found.is_empty();
        if let Some(first) = found.first() {
            // The grant backs every permissive default; it is cited under commercial use.
            self.cite(TermName::CommercialUse, *first);
            self.found.remove(&TermName::CommercialUse);
        }
        granted
    }
}
