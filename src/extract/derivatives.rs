//! Sharing derived models: bans, conditions (naming, same licence, use restrictions,
//! non-commercial sharing), and an allowed reading only where modification is granted and no
//! clause limits sharing.

use super::phrases::{
    ACCEPTANCE_CLAUSE, DERIVATIVE_ACTS, DERIVATIVE_BAN, DERIVATIVE_BAN_ZH, DERIVATIVE_BOUND_ZH,
    DERIVATIVE_LIMIT, DERIVATIVE_WORD, DISTRIBUTE_WORD, GRANT, GRANT_ZH, K_DERIVATIVE_BAN, K_GRANT,
    K_MODIFY, K_NAME, K_SHARE_ALIKE, K_ZH, Keys, MODIFY_GRANT, MODIFY_ZH, NAMING, NAMING_UNREAD,
    NAMING_UNREAD_ZH, NAMING_ZH, NEGATED, NEGATED_ZH, OFFER_OF_SUPPORT, PERMISSION, PERMISSION_ZH,
    PURPOSE_BAN_ZH, Phrase, SHARE_ALIKE, SHARE_ALIKE_DENIED, SHARING_LIMIT, SHARING_PERMITTED,
    UNLIMITED_ACTS, WITHHELD_COMMERCIAL, WITHHELD_INTRO, WITHHELD_SHARING,
};
use super::{Extraction, Sentence};
use crate::terms::{CommercialUse, Redistribution, TermName};

impl Extraction<'_> {
    /// Quotes for review a duty on the names of derived models that is not a prefix ("must
    /// include "AcmeLM" in their name"): the checker models only a prefix, and a duty it cannot
    /// check must not pass unseen.
    fn naming_unread(&mut self) {
        let duties: Vec<Sentence> = self
            .sentences(&NAMING_UNREAD, K_NAME)
            .into_iter()
            .chain(self.sentences(&NAMING_UNREAD_ZH, K_ZH))
            .collect();
        for s in duties {
            self.unclear(
                TermName::Derivatives,
                "a duty on the names of derived models that this checker does not model (only a required prefix is)",
                s,
            );
        }
    }

    /// Whether the grant (with the list it introduces) or a permission names modification, or
    /// grants everything "without restriction".
    pub(super) fn permits_modification(&self) -> bool {
        // A grant under another heading than a research-only limit is of other weights (round
        // 24, Urban OpenGen's CC BY inpainter beside its research-only generator): the stricter
        // part is read (round 19's GeoSET).
        let here = |s: &Sentence| !self.of_other_weights(*s);
        if self.adopted_permits_adapting() && self.adopted_licences().iter().any(here) {
            return true;
        }
        let mut grants = self.sentences(&GRANT, K_GRANT);
        grants.extend(self.sentences(&GRANT_ZH, K_ZH));
        let in_scope = |s: &Sentence| {
            here(s)
                && (self.holds(&MODIFY_GRANT, *s)
                    || self.holds(&MODIFY_ZH, *s)
                    || self.holds(&UNLIMITED_ACTS, *s))
                && !self.holds(&NEGATED, *s)
                && !self.holds(&NEGATED_ZH, *s)
        };
        for grant in &grants {
            let at = self.place_of(*grant);
            // The grant, or the sentence after it ("You must adhere to the following:"),
            // introduces a list of what the licence covers.
            let introduces_list = self.all[at..]
                .iter()
                .take(2)
                .any(|s| self.ends_on_colon(*s));
            let scope = if introduces_list { 8 } else { 1 };
            if self.all[at..].iter().take(scope).any(in_scope) {
                return true;
            }
        }
        let permitted_zh = self.sentences(&PERMISSION_ZH, K_ZH).iter().any(&in_scope);
        permitted_zh
            || self.sentences(&MODIFY_GRANT, K_MODIFY).iter().any(|s| {
                // "You may choose to offer ... support" names derivative works, grants nothing.
                self.holds(&PERMISSION, *s) && !self.holds(&OFFER_OF_SUPPORT, *s) && in_scope(s)
            })
    }

    /// The items matching `item` of a list of acts barred or needing permission first
    /// ("You may not:", "... before you:").
    pub(super) fn withheld_items(&self, item: &Phrase, keys: Keys) -> Vec<Sentence> {
        self.sentences(item, keys)
            .into_iter()
            .filter(|s| self.introduced_by(*s, &WITHHELD_INTRO))
            .collect()
    }

    /// Whether a sentence permits sharing derivatives ("You may share fine-tuned weights ...").
    fn permits_sharing_derivatives(&self) -> bool {
        self.sentences(&SHARING_PERMITTED, K_DERIVATIVE_BAN)
            .into_iter()
            .any(|s| self.holds(&DERIVATIVE_WORD, s) && !self.holds(&NEGATED, s))
    }

    /// Sharing derivatives reads as allowed only if no clause on sharing them limits it in words
    /// the rules do not read ("only", "may not"): such a clause leaves it unknown, for review.
    pub(super) fn unlimited_sharing(&mut self) -> Redistribution {
        let limits: Vec<Sentence> = self
            .sentences(&DERIVATIVE_WORD, K_MODIFY)
            .into_iter()
            .filter(|s| self.holds(&SHARING_LIMIT, *s))
            .collect();
        // "make, have made, use, reproduce Derivative Materials": the grant's acts on
        // derivatives leave sharing them out.
        let unshared = self
            .sentences(&DERIVATIVE_ACTS, K_MODIFY)
            .into_iter()
            .filter(|s| !self.holds(&DISTRIBUTE_WORD, *s));
        let limits: Vec<Sentence> = limits.into_iter().chain(unshared).collect();
        for s in &limits {
            self.unclear(
                TermName::Derivatives,
                "a clause limits how derivatives are shared in words the rules cannot weigh",
                *s,
            );
        }
        if limits.is_empty() {
            Redistribution::Allowed
        } else {
            Redistribution::Unknown
        }
    }

    pub(super) fn derivatives(&mut self, granted: bool) {
        let names: Vec<(Sentence, usize, usize)> = self
            .captures(&NAMING, K_NAME)
            .into_iter()
            .chain(self.captures(&NAMING_ZH, K_ZH))
            .filter_map(|(s, caps)| {
                // The phrasing's one quoted name, whichever of its patterns matched.
                let inner = caps.iter().skip(1).flatten().next()?;
                Some((s, s.start + inner.start(), s.start + inner.end()))
            })
            .collect();
        for (s, start, end) in names {
            if self.terms.derivatives.naming_prefix.is_none() {
                self.terms.derivatives.naming_prefix = self.quoted(start, end);
            }
            self.cite(TermName::Derivatives, s);
        }
        if self.terms.derivatives.naming_prefix.is_none() {
            self.naming_unread();
        }
        // "If you do not agree ..., you may not distribute the Model or a Derivative" states
        // acceptance, not a ban.
        let mut banned: Vec<Sentence> = self
            .sentences(&DERIVATIVE_BAN, K_DERIVATIVE_BAN)
            .into_iter()
            .filter(|s| !self.holds(&ACCEPTANCE_CLAUSE, *s))
            .collect();
        // A ban on sharing derivatives for some purposes only (military, unlawful) is a use
        // restriction, not a ban on sharing.
        banned.extend(
            self.sentences(&DERIVATIVE_BAN_ZH, K_ZH)
                .into_iter()
                .filter(|s| !self.holds(&PURPOSE_BAN_ZH, *s)),
        );
        banned.extend(self.adopted_no_derivatives());
        // "You may not: ... 2. create, train, distribute or use a Derivative Model", "You must
        // obtain written permission ... before you: (B) Redistribute ... the Model weights":
        // sharing the model or what is derived from it is withheld, unless the text permits
        // sharing derivatives in so many words ("The User may share weights that are fine-tuned
        // ... only for non-commercial research purposes"): then only that sharing is allowed.
        // An item barring sharing only "for commercial advantage" withholds no other sharing.
        let withheld: Vec<Sentence> = self
            .withheld_items(&WITHHELD_SHARING, K_DERIVATIVE_BAN)
            .into_iter()
            .filter(|s| !self.holds(&WITHHELD_COMMERCIAL, *s))
            .collect();
        let mut limited_sharing = Vec::new();
        if self.permits_sharing_derivatives() {
            limited_sharing = withheld;
        } else {
            banned.extend(withheld);
        }
        // "... and therefore carries no share-alike obligation" binds nothing.
        let mut share_alike: Vec<Sentence> = self
            .sentences(&SHARE_ALIKE, K_SHARE_ALIKE)
            .into_iter()
            .filter(|s| !self.holds(&SHARE_ALIKE_DENIED, *s))
            .collect();
        share_alike.extend(self.adopted_share_alike());
        // "Derivatives may be distributed only under the terms of this Agreement", "with the use
        // restrictions included", "for non-commercial purposes".
        share_alike.extend(
            self.sentences(&DERIVATIVE_LIMIT, K_MODIFY)
                .into_iter()
                .filter(|s| self.holds(&DERIVATIVE_WORD, *s) && self.holds(&DISTRIBUTE_WORD, *s)),
        );
        share_alike.extend(self.sentences(&DERIVATIVE_BOUND_ZH, K_ZH));
        share_alike.extend(limited_sharing);
        // Modification must be among the acts the text permits, not merely mentioned.
        let may_modify = granted && self.permits_modification();
        let t = &self.terms;
        // Limits on what may be shared (a non-commercial grant, an attribution) make sharing
        // conditional only where making derivatives is granted at all: a grant "to use" only
        // leaves it unknown. Under an adopted Creative Commons licence the credit named is the
        // licence's own attribution condition, which the catalogue's `cc-by-*` terms read as
        // sharing allowed; the Apache License or MIT asks no credit, so one named beside them
        // is a condition of its own (round 18, BudgieScribe's "must continue to identify it by
        // its original name").
        let limited_grant = may_modify
            && (t.commercial_use == CommercialUse::NonCommercial
                || (t.attribution.is_some()
                    && t.attribution_condition.is_none()
                    && !self.adopts_creative_commons()));
        // Where the model's terms are those of its training data, a share-alike named for one
        // dataset conditions nothing the text grants.
        let data_terms = !granted && self.terms_follow_data();
        // Restrictions passed on make sharing conditional, but not those of a RAIL named by a
        // note whose grant is not read (round 20, Kensho's AI Pubs Open RAIL-M pointer).
        let flow_down = t.flow_down && !self.flow_down_only_from_unread_rail();
        let conditional = t.derivatives.naming_prefix.is_some()
            || flow_down
            || (!share_alike.is_empty() && !data_terms)
            || limited_grant;
        let commercial_unread = t.commercial_use == CommercialUse::Unknown;
        self.terms.derivatives.redistribution = if !banned.is_empty() {
            Redistribution::Prohibited
        } else if conditional {
            Redistribution::Conditional
        } else if may_modify && !commercial_unread {
            self.unlimited_sharing()
        } else {
            Redistribution::Unknown
        };
        for s in banned.into_iter().chain(share_alike) {
            self.cite(TermName::Derivatives, s);
        }
        if self.terms.derivatives.redistribution != Redistribution::Unknown {
            self.found.insert(TermName::Derivatives);
        }
    }
}
