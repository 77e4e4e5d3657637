//! Limits no rule accounted for: a term read permissive must have no statement beside it that
//! limits or withholds what it allows, in whatever words, that no reader read. Silence is not
//! permission, and neither are words the rules do not know.

use super::phrases::{
    COMMERCIAL_WORD, HARM_USE, K_LIMIT, LIMIT_BENIGN, LIMIT_COMMERCIAL, LIMIT_HOSTING,
    LIMIT_SHARING, LIMIT_STATEMENT, LIMIT_TRAINING,
};
use super::{Extraction, Sentence};
use crate::terms::{CommercialUse, Evidence, Hosting, OutputTraining, Redistribution, TermName};

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
            let mut limited = Vec::new();
            // A limit on who may use the model or for what narrows the whole grant.
            let scope = self.holds(&LIMIT_COMMERCIAL, s);
            if self.terms.commercial_use == CommercialUse::Allowed && scope {
                self.terms.commercial_use = CommercialUse::Unknown;
                limited.push(TermName::CommercialUse);
            }
            if self.terms.hosting == Hosting::Allowed && (scope || self.holds(&LIMIT_HOSTING, s)) {
                self.terms.hosting = Hosting::Unknown;
                limited.push(TermName::Hosting);
            }
            if self.terms.derivatives.redistribution == Redistribution::Allowed
                && (scope || self.holds(&LIMIT_SHARING, s))
            {
                self.terms.derivatives.redistribution = Redistribution::Unknown;
                limited.push(TermName::Derivatives);
            }
            if self.terms.output_training == OutputTraining::Unrestricted
                && (scope || self.holds(&LIMIT_TRAINING, s))
            {
                self.terms.output_training = OutputTraining::Unknown;
                limited.push(TermName::OutputTraining);
            }
            for term in limited {
                self.unclear(
                    term,
                    "this clause limits or withholds what the term would allow, in words no rule read",
                    s,
                );
            }
        }
    }

    /// Whether any term reads permissive.
    pub(super) fn reads_permissive(&self) -> bool {
        let terms = &self.terms;
        terms.commercial_use == CommercialUse::Allowed
            || terms.derivatives.redistribution == Redistribution::Allowed
            || terms.output_training == OutputTraining::Unrestricted
            || terms.hosting == Hosting::Allowed
    }

    /// Makes every permissive value `unknown`.
    pub(super) fn no_permissive_value(&mut self) {
        let terms = &mut self.terms;
        if terms.commercial_use == CommercialUse::Allowed {
            terms.commercial_use = CommercialUse::Unknown;
        }
        if terms.derivatives.redistribution == Redistribution::Allowed {
            terms.derivatives.redistribution = Redistribution::Unknown;
        }
        if terms.output_training == OutputTraining::Unrestricted {
            terms.output_training = OutputTraining::Unknown;
        }
        if terms.hosting == Hosting::Allowed {
            terms.hosting = Hosting::Unknown;
        }
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
