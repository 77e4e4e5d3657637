//! Use restrictions to pass on, enforceably, to downstream recipients.

use super::Extraction;
use super::phrases::{FLOW_DOWN, FLOW_DOWN_ZH, K_FLOW_DOWN, K_ZH};
use crate::terms::TermName;

impl Extraction<'_> {
    pub(super) fn flow_down(&mut self) {
        let mut found = self.sentences(&FLOW_DOWN, K_FLOW_DOWN);
        found.extend(self.sentences(&FLOW_DOWN_ZH, K_ZH));
        // A note naming a RAIL-style licence (DeepSeek, Gemma, OpenRAIL): its restrictions pass on.
        found.extend(self.named_model_licence(true));
        for s in found {
            self.terms.flow_down = true;
            self.cite(TermName::FlowDown, s);
        }
    }

    /// Whether the only flow-down read is a RAIL's the catalogue does not know, named by a note
    /// that does not quote it: its restrictions pass on, but nothing says sharing is granted.
    pub(super) fn flow_down_only_from_unread_rail(&self) -> bool {
        let unread = self.named_unread_rail();
        !unread.is_empty()
            && self.sentences(&FLOW_DOWN, K_FLOW_DOWN).is_empty()
            && self.sentences(&FLOW_DOWN_ZH, K_ZH).is_empty()
            && self
                .named_model_licence(true)
                .iter()
                .all(|s| unread.iter().any(|u| u.start == s.start))
    }
}
