//! The grant: whether the text grants rights at all. The first grant backs every permissive
//! default and is cited under commercial use.

use super::limits::PERMISSIVE_TERMS;
use super::phrases::{
    GRANT, GRANT_DENIAL_SCOPED, GRANT_DENIED, GRANT_DENIED_ZH, GRANT_INCLUSION, GRANT_WITHHELD,
    GRANT_ZH, INBOUND_GRANT, K_GRANT, K_ZH, SCOPED_GRANT,
};
use super::{Extraction, Sentence, without_matches};
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
        // A text that denies the grant itself ("each Contributor does not grant to You a ...
        // copyright license") grants nothing sure, whatever other sentence reads as a grant (a
        // patent grant, a heading): every permissive default would stand on a denied grant.
        let denied = self.grant_denials();
        if !denied.is_empty() {
            self.grant_in_doubt = true;
            for s in denied {
                self.unclear(
                    TermName::CommercialUse,
                    "the text denies the grant of rights it would need to give (the acts of use, copying, modification or distribution, or a licence to the licensee); no permissive term is read from its other grant sentences",
                    s,
                );
            }
            return false;
        }
        // The grant backs every permissive default; it is cited under commercial use.
        let Some(first) = found.first() else {
            return false;
        };
        self.cite(TermName::CommercialUse, *first);
        self.found.remove(&TermName::CommercialUse);
        self.grant_clause = Some(*first);
        true
    }

    /// Cites the grant under each permissive value that no clause of its own backs (hosting
    /// `allowed`, derivatives `allowed`, outputs `unrestricted` where the text is silent on
    /// them): the grant, read unlimited, is that value's evidence.
    pub(super) fn cite_grant_for_defaults(&mut self) {
        let Some(grant) = self.grant_clause else {
            return;
        };
        for term in PERMISSIVE_TERMS {
            let bare = self.evidence.get(&term).is_none_or(Vec::is_empty);
            if bare && self.is_permissive(term) {
                let found = self.found.contains(&term);
                self.cite(term, grant);
                if !found {
                    self.found.remove(&term);
                }
            }
        }
    }

    /// The sentences that deny the grant itself, not some things only (trademarks, third-party
    /// material, commercial use) and not with an exception.
    fn grant_denials(&self) -> Vec<Sentence> {
        let mut denied: Vec<Sentence> = self
            .sentences(&GRANT_DENIED, K_GRANT)
            .into_iter()
            .chain(self.sentences(&GRANT_DENIED_ZH, K_ZH))
            .filter(|s| {
                let text = self
                    .below_heading(*s)
                    .unwrap_or_else(|| self.sentence_text(*s));
                !denial_scoped(text)
            })
            .collect();
        denied.sort_by_key(|s| s.start);
        denied
    }

    /// The original text of sentence `s` below its first line, where that line is a heading run
    /// on into the sentence (no lower-case letter, no punctuation that ends a clause: "（RESEARCH
    /// & NON-COMMERCIAL USE LICENSE）" over the grant): a heading's words do not scope what the
    /// sentence under it denies.
    fn below_heading(&self, s: Sentence) -> Option<&str> {
        let (start, end) = self.plain.original(s.start, s.end)?;
        let text = self.text.get(start..end)?;
        let (first, rest) = text.split_once('\n')?;
        let heading = !first.trim().is_empty()
            && !first.bytes().any(|b| b.is_ascii_lowercase())
            && !first.contains(['.', ';', ':', ',', '。', '；', '：', '，']);
        (heading && !rest.trim().is_empty()).then_some(rest)
    }
}

/// Whether a denial is scoped to some things only (`GRANT_DENIAL_SCOPED`), read without the
/// commercial use a grant names as included ("for any purpose, including commercially"): a
/// denial of such a grant denies it all.
fn denial_scoped(text: &str) -> bool {
    GRANT_DENIAL_SCOPED.is_match(&without_matches(&GRANT_INCLUSION, text, " "))
}
