//! Limits no rule accounted for: a term read permissive must have no statement beside it that
//! limits or withholds what it allows, in whatever words, that no reader read. Silence is not
//! permission, and neither are words the rules do not know.

use super::phrases::{
    COMMERCIAL_WORD, HARM_USE, K_LIMIT, LIMIT_BENIGN, LIMIT_COMMERCIAL, LIMIT_HOSTING,
    LIMIT_SHARING, LIMIT_STATEMENT, LIMIT_TRAINING,
};
use super::{Extraction, Sentence};
use crate::terms::{CommercialUse, Evidence, Hosting, OutputTraining, Redistribution, TermName};

/// The terms that can read permissive: commercial use and sharing `allowed`, outputs
/// `unrestricted`, hosting `allowed`.
const PERMISSIVE_TERMS: [TermName; 4] = [
    TermName::CommercialUse,
    TermName::Hosting,
    TermName::Derivatives,
    TermName::OutputTraining,
];

impl Extraction<'_> {
    /// Makes a permissive value `unknown` where a limiting statement on what it allows stands
    /// that no rule cited ("Use in production is forbidden", "Commercial use requires a
    /// separate license"), and quotes each such statement for review.
    pub(super) fn unaccounted_limits(&mut self) {
        let unread: Vec<Sentence> = self
            .sentences(&LIMIT_STATEMENT, K_LIMIT)
            .into_iter()
            .filter(|s| {
                !self.holds(&LIMIT_BENIGN, *s)
                    && !self.holds(&HARM_USE, *s)
                    && !self.accounted_for(*s)
            })
            .collect();
        for s in unread {
            // A limit on commercial use where commercial use is read limited already is that
            // limit, read.
            if self.terms.commercial_use != CommercialUse::Allowed
                && self.holds(&COMMERCIAL_WORD, s)
            {
                continue;
            }
            // A limit on who may use the model or for what narrows the whole grant.
            let scope = self.holds(&LIMIT_COMMERCIAL, s);
            let bears_on = [
                (TermName::CommercialUse, scope),
                (TermName::Hosting, scope || self.holds(&LIMIT_HOSTING, s)),
                (
                    TermName::Derivatives,
                    scope || self.holds(&LIMIT_SHARING, s),
                ),
                (
                    TermName::OutputTraining,
                    scope || self.holds(&LIMIT_TRAINING, s),
                ),
            ];
            for (term, bears) in bears_on {
                if bears && self.unread_permission(term) {
                    self.unclear(
                        term,
                        "this clause limits or withholds what the term would allow, in words no rule read",
                        s,
                    );
                }
            }
        }
    }

    /// Whether any term reads permissive.
    pub(super) fn reads_permissive(&self) -> bool {
        PERMISSIVE_TERMS
            .into_iter()
            .any(|term| self.is_permissive(term))
    }

    /// Whether `term` reads permissive.
    fn is_permissive(&self, term: TermName) -> bool {
        let terms = &self.terms;
        match term {
            TermName::CommercialUse => terms.commercial_use == CommercialUse::Allowed,
            TermName::Hosting => terms.hosting == Hosting::Allowed,
            TermName::Derivatives => terms.derivatives.redistribution == Redistribution::Allowed,
            TermName::OutputTraining => terms.output_training == OutputTraining::Unrestricted,
            _ => false,
        }
    }

    /// Makes every permissive value `unknown`.
    pub(super) fn no_permissive_value(&mut self) {
        for term in PERMISSIVE_TERMS {
            self.unread_permission(term);
        }
    }

    /// Makes `term` `unknown` if it reads permissive; whether it did.
    fn unread_permission(&mut self, term: TermName) -> bool {
        if !self.is_permissive(term) {
            return false;
        }
        let terms = &mut self.terms;
        match term {
            TermName::CommercialUse => terms.commercial_use = CommercialUse::Unknown,
            TermName::Hosting => terms.hosting = Hosting::Unknown,
            TermName::Derivatives => terms.derivatives.redistribution = Redistribution::Unknown,
            _ => terms.output_training = OutputTraining::Unknown,
        }
        true
    }

    /// Whether a rule cited sentence `s` as evidence of a term or of an unclear clause.
    pub(super) fn accounted_for(&self, s: Sentence) -> bool {
        let Some((start, end)) = self.plain.original(s.start, s.end) else {
            return false;
        };
        let overlaps = |e: &Evidence| e.start < end && start < e.end;
        self.evidence.values().flatten().any(overlaps)
            || self.unclear.iter().flat_map(|u| &u.evidence).any(overlaps)
    }
}
