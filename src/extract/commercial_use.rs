//! Commercial use: allowed only on a grant whose scope is read and found unlimited, with no
//! limiting statement or definition anywhere in the text.

use super::phrases::{
    APPROVAL_ZH, BOTH_COMMERCIAL, COMMERCIAL_APPROVAL, COMMERCIAL_NOT_PERMITTED,
    COMMERCIAL_PURPOSE_ITEM, COMMERCIAL_WORD, GRANT, K_COMMERCIAL, K_GRANT, K_NON_COMMERCIAL, K_ZH,
    MATERIAL_REFUSED, NON_COMMERCIAL_MENTION, NON_COMMERCIAL_MENTION_ZH, NON_COMMERCIAL_ONLY,
    NON_COMMERCIAL_POINTER, NON_COMMERCIAL_ZH, PURPOSES_ONLY_INTRO, Phrase, RESEARCH_PURPOSE_ITEM,
    REVENUE_WORD, SCOPED_GRANT, TERMS_FOLLOW_DATA, USE_BAN_INTRO, USERS_ANY,
};
use super::{Extraction, Sentence};
use crate::terms::{CommercialUse, TermName};

impl Extraction<'_> {
    pub(super) fn commercial_use(&mut self, granted: bool) {
        let mut non_commercial = self.sentences(&NON_COMMERCIAL_ONLY, K_NON_COMMERCIAL);
        non_commercial.extend(self.grants_through_narrow_definitions());
        non_commercial.extend(self.sentences(&NON_COMMERCIAL_ZH, K_ZH));
        non_commercial.extend(self.adopted_non_commercial());
        non_commercial.extend(
            self.sentences(&NON_COMMERCIAL_POINTER, K_NON_COMMERCIAL)
                .into_iter()
                .filter(|s| !self.governs_other_materials(*s)),
        );
        non_commercial.extend(self.commercial_purposes_banned());
        // "... license to download, install, run and modify the Weights for the following
        // purposes ONLY: (a) ACADEMIC AND NON-PROFIT RESEARCH. ... (b) INTERNAL EVALUATION. ..."
        // (round 25, the Kinase Foundation Model weights licence): a grant for research or
        // evaluation purposes only.
        non_commercial.extend(
            self.sentences(&RESEARCH_PURPOSE_ITEM, K_NON_COMMERCIAL)
                .into_iter()
                .filter(|s| self.introduced_by(*s, &PURPOSES_ONLY_INTRO)),
        );
        // "Commercial use is not permitted" limits; "... without prior written permission"
        // offers approval.
        let (on_approval, not_permitted): (Vec<Sentence>, Vec<Sentence>) = self
            .sentences(&COMMERCIAL_NOT_PERMITTED, K_COMMERCIAL)
            .into_iter()
            .partition(|s| self.holds(&COMMERCIAL_APPROVAL, *s));
        non_commercial.extend(not_permitted);
        let approval: Vec<Sentence> = self
            .sentences(&COMMERCIAL_APPROVAL, K_COMMERCIAL)
            .into_iter()
            .filter(|s| {
                self.holds(&COMMERCIAL_WORD, *s)
                    && !self.holds(&USERS_ANY, *s)
                    && !self.holds(&REVENUE_WORD, *s)
            })
            .chain(self.sentences(&APPROVAL_ZH, K_ZH))
            .chain(on_approval)
            .collect();
        let unreadable_gate = self
            .unclear
            .iter()
            .any(|u| matches!(u.term, TermName::UserThreshold | TermName::RevenueThreshold));
        let gated = self.terms.user_threshold.is_some()
            || self.terms.revenue_threshold.is_some()
            || unreadable_gate;
        let mut value = if gated || (self.terms.registration && non_commercial.is_empty()) {
            CommercialUse::Conditional
        } else if !non_commercial.is_empty() {
            CommercialUse::NonCommercial
        } else if !approval.is_empty() && granted {
            CommercialUse::Conditional
        } else if granted {
            CommercialUse::Allowed
        } else {
            CommercialUse::Unknown
        };
        // "A trained model carries the terms of the data it was trained on": the terms named
        // for one dataset are not the model's.
        let follows_data = self.sentences(&TERMS_FOLLOW_DATA, K_GRANT);
        if !follows_data.is_empty() && !gated {
            value = CommercialUse::Unknown;
            for s in follows_data {
                self.unclear(
                    TermName::CommercialUse,
                    "the model's terms are those of its training data, which the text does not settle",
                    s,
                );
            }
        }
        if value == CommercialUse::Unknown {
            // Commercial use on approval where the text grants nothing ("Commercial use ...
            // requires any authorization demanded by the governing agreement"): what is allowed
            // is decided elsewhere.
            for s in &approval {
                self.unclear(
                    TermName::CommercialUse,
                    "commercial use needs an approval, but the text grants nothing it could extend",
                    *s,
                );
            }
        }
        if value == CommercialUse::Allowed {
            // Silence is not permission: an unlimited grant must have no limiting statement
            // or definition anywhere in the text.
            let mut limits: Vec<Sentence> = self
                .sentences(&NON_COMMERCIAL_MENTION, K_NON_COMMERCIAL)
                .into_iter()
                .filter(|s| !self.names_both_uses_only(*s, &NON_COMMERCIAL_MENTION))
                // "Images under any non-commercial ... licence were refused": the training
                // material's licence, kept out, not the model's.
                .filter(|s| !self.holds(&MATERIAL_REFUSED, *s))
                .filter(|s| !self.governs_other_materials(*s))
                .collect();
            limits.extend(
                self.sentences(&NON_COMMERCIAL_MENTION_ZH, K_ZH)
                    .into_iter()
                    .filter(|s| !self.names_both_uses_only(*s, &NON_COMMERCIAL_MENTION_ZH)),
            );
            limits.extend(self.licensee_limits());
            // "Free use is permitted for: ..." grants to whom or for what it lists.
            limits.extend(self.sentences(&SCOPED_GRANT, K_GRANT));
            if !limits.is_empty() {
                value = CommercialUse::Unknown;
                for s in limits {
                    self.unclear(
                        TermName::CommercialUse,
                        "the grant reads as unlimited, but this clause limits the use or the licensee in words the rules cannot weigh",
                        s,
                    );
                }
            }
        }
        self.terms.commercial_use = value;
        let cited: Vec<Sentence> = match value {
            CommercialUse::NonCommercial => non_commercial,
            CommercialUse::Conditional if !gated && !self.terms.registration => approval,
            _ => Vec::new(),
        };
        for s in cited {
            self.cite(TermName::CommercialUse, s);
        }
        if value != CommercialUse::Unknown {
            self.found.insert(TermName::CommercialUse);
        }
    }

    /// Whether a sentence that puts materials under another licence ("... is subject to the
    /// EvolutionaryScale’s Cambrian Non-Commercial License Agreement") names, as what it governs,
    /// only materials that no grant of the text licenses: "Your access to and use of the ESM-3
    /// Model Weights, the ESM-3 Model, the ESMC 600M Model Weights and the ESMC 600M Model is
    /// subject to ...", where the grant licenses "the Licensed Code, the Licensed Model" (round
    /// 25, the Cambrian Open License Agreement). The materials are the capitalised names before
    /// the verb, each a term the text defines ("“ESM-3 Model Weights” means ..."); a sentence
    /// naming none ("The base-model materials are governed by ..."), a name the text does not
    /// define, or one a grant names, is read as before.
    fn governs_other_materials(&self, s: Sentence) -> bool {
        let text = self.sentence_text(s);
        let Some(at) = [
            " is subject to ",
            " are subject to ",
            " is governed by ",
            " are governed by ",
        ]
        .iter()
        .filter_map(|verb| text.find(verb))
        .min() else {
            return false;
        };
        let names: Vec<&str> = text[..at]
            .split(", ")
            .flat_map(|part| part.split(" and "))
            .filter_map(|part| part.rsplit_once("the ").map(|(_, name)| name.trim()))
            .filter(|name| name.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let grants = self.sentences(&GRANT, K_GRANT);
        !names.is_empty()
            && !grants.is_empty()
            && names.iter().all(|name| {
                self.plain.text.contains(&format!("\"{name}\" means"))
                    && grants
                        .iter()
                        .all(|g| !self.sentence_text(*g).contains(name))
            })
    }

    /// Whether the text says the model's terms are those of the data it was trained on ("A
    /// trained model carries the terms of the data it was trained on").
    pub(super) fn terms_follow_data(&self) -> bool {
        !self.sentences(&TERMS_FOLLOW_DATA, K_GRANT).is_empty()
    }

    /// Items of a list of banned uses that name commercial purposes ("You will not ...: a. use
    /// ... the Software ... for (i) any commercial or production purposes;"), unless the item
    /// offers a licence for them (a gate, read as approval).
    fn commercial_purposes_banned(&self) -> Vec<Sentence> {
        self.sentences(&COMMERCIAL_PURPOSE_ITEM, K_COMMERCIAL)
            .into_iter()
            .filter(|s| {
                self.introduced_by(*s, &USE_BAN_INTRO) && !self.holds(&COMMERCIAL_APPROVAL, *s)
            })
            .collect()
    }

    /// Whether every non-commercial mention of `s` stands in a pair with commercial use ("for
    /// commercial or non-commercial purposes"): the grant allows both, it limits nothing.
    fn names_both_uses_only(&self, s: Sentence, mention: &Phrase) -> bool {
        let pairs = self.captures_of(&BOTH_COMMERCIAL, s).len();
        pairs > 0 && self.captures_of(mention, s).len() <= pairs
    }
}
