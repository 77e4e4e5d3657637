//! Limits no rule accounted for: a term read permissive must have no statement beside it that
//! limits or withholds what it allows, in whatever words, that no reader read. Silence is not
//! permission, and neither are words the rules do not know.

use super::phrases::{
    COMMERCIAL_ROUTE, DATASET_ITEM_LABEL, DATASET_LICENCE_ITEM, FREE_TIER, HARM_USE, K_LIMIT,
    LIMIT_AUDIENCE, LIMIT_BENIGN, LIMIT_COMMERCIAL, LIMIT_CONDITION, LIMIT_DURATION,
    LIMIT_ELSEWHERE, LIMIT_EVERYWHERE, LIMIT_HOSTING, LIMIT_LABEL, LIMIT_ON_COMMERCIAL,
    LIMIT_PURPOSE, LIMIT_SHARING, LIMIT_STATEMENT, LIMIT_TRAINING, MODEL_ITEM_LABEL,
    NAMED_COMMERCIAL, NAMED_HOSTING, NAMED_SHARING, NAMED_TRAINING, NEXT_ACT, NO_FURTHER_TERMS,
    PURPOSE_LICENCE, Phrase,
};
use super::use_policy::is_list_number;
use super::{Extraction, Sentence};
use crate::terms::{CommercialUse, Evidence, Hosting, OutputTraining, Redistribution, TermName};

/// The terms that can read permissive: commercial use and sharing `allowed`, outputs
/// `unrestricted`, hosting `allowed`.
pub(super) const PERMISSIVE_TERMS: [TermName; 4] = [
    TermName::CommercialUse,
    TermName::Hosting,
    TermName::Derivatives,
    TermName::OutputTraining,
];

/// How many lines above a "License:" item the list's dataset label may stand.
const DATASET_ITEM_REACH: usize = 6;

/// The most sentences read as items of one barring list.
const MAX_LIST_ITEMS: usize = 12;

impl Extraction<'_> {
    /// Makes a permissive value `unknown` where a limiting statement on what it allows stands
    /// that no rule cited ("Use in production is forbidden", "Commercial use requires a
    /// separate license"), and quotes each such statement for review.
    pub(super) fn unaccounted_limits(&mut self) {
        // A limit only ever makes a permissive value `unknown` or overrules a gate: with
        // neither, there is nothing to weigh (and the limit phrasings are the costliest pass).
        if !self.reads_permissive() && self.terms.commercial_use != CommercialUse::Conditional {
            return;
        }
        let items = self.barred_items();
        let mut limits = self.sentences(&LIMIT_STATEMENT, K_LIMIT);
        limits.extend(self.sentences(&LIMIT_CONDITION, K_LIMIT));
        limits.extend(self.sentences(&LIMIT_DURATION, K_LIMIT));
        limits.extend(self.sentences(&LIMIT_PURPOSE, K_LIMIT));
        limits.extend(self.sentences(&PURPOSE_LICENCE, K_LIMIT));
        limits.extend(items.iter().copied());
        limits.sort_by_key(|s| s.start);
        limits.dedup_by_key(|s| s.start);
        // A limit read for one term, or left as a ban on harmful uses, is still read for
        // each other term it names by its act ("You may not offer the Model as a hosted service
        // or use it commercially", read for hosting only; "You may not use the Model for
        // military purposes or redistribute it").
        let (read, unread): (Vec<Sentence>, Vec<Sentence>) = limits
            .into_iter()
            .filter(|s| self.may_limit_some_use(*s) && !self.dataset_licence_item(*s))
            .partition(|s| self.accounted_for(*s) || self.holds(&HARM_USE, *s));
        for s in read {
            for term in self.named_terms(s) {
                if !self.accounted_for_term(term, s) {
                    self.unread_limit(term, s);
                }
            }
        }
        self.limits_elsewhere();
        for s in unread {
            // An item of a barring list may bar several things on its lines ("Restrictions:
            // * no commercial use * no redistribution"): each of its items is weighed alone.
            let parts = if items.iter().any(|i| i.start == s.start) {
                self.sub_items(s)
            } else {
                vec![s]
            };
            for part in parts {
                self.weigh_unread_limit(s, part);
            }
        }
    }

    /// Whether `s` is a "License:" item of a list that describes a dataset ("- **Dataset**:
    /// CIFAR-10" on a line above it, in the same list): the dataset's terms. Not where the list
    /// names a model too ("- **Model**: AcmeNet" above or below it): whose licence the item
    /// gives is then unclear, and it is weighed as a limit.
    fn dataset_licence_item(&self, s: Sentence) -> bool {
        if !self.holds(&DATASET_LICENCE_ITEM, s) {
            return false;
        }
        let Some((from, to)) = self.plain.original(s.start, s.end) else {
            return false;
        };
        let in_list = |line: &&str| !line.trim().is_empty();
        let above: Vec<&str> = self.text[..from]
            .lines()
            .rev()
            .skip(1)
            .take(DATASET_ITEM_REACH)
            .take_while(in_list)
            .collect();
        let below = self
            .text
            .get(to..)
            .unwrap_or_default()
            .lines()
            .skip(1)
            .take(DATASET_ITEM_REACH)
            .take_while(in_list);
        above.iter().any(|line| DATASET_ITEM_LABEL.is_match(line))
            && !above
                .iter()
                .copied()
                .chain(below)
                .any(|line| MODEL_ITEM_LABEL.is_match(line))
    }

    /// Weighs `part` (sentence `s`, or one item of its barring list), a limit no rule read,
    /// against the values read: each it leaves unread becomes `unknown`, quoting `s`.
    fn weigh_unread_limit(&mut self, s: Sentence, part: Sentence) {
        // A limit on commercial use where commercial use is read limited already is that limit,
        // read, unless it bans what a gate or an approval was read to allow ("Commercial use is
        // prohibited." beside a revenue gate). A licence named for a purpose ("Research
        // License") limits commercial use.
        let conditional = self.terms.commercial_use == CommercialUse::Conditional;
        let on_commercial =
            self.holds(&LIMIT_ON_COMMERCIAL, part) || self.holds(&PURPOSE_LICENCE, part);
        if self.terms.commercial_use != CommercialUse::Allowed && on_commercial {
            if !conditional || self.holds(&COMMERCIAL_ROUTE, part) {
                // What it bars beside commercial use is still unread ("Offering the model as a
                // hosted API requires a commercial agreement").
                self.acts_unread(s, part);
                return;
            }
            self.gate_overruled(s);
        }
        // Beside a route to commercial use, a purpose offered free is the free tier ("free for
        // academic research"), which limits only what it names by its act ("free for research;
        // redistribution is not permitted"); one named for all use limits the route too
        // ("licensed for research purposes only", "shall be used for non-profit purposes").
        if conditional && self.holds(&FREE_TIER, part) {
            self.acts_unread(s, part);
            return;
        }
        if conditional && self.holds(&LIMIT_PURPOSE, part) {
            self.gate_overruled(s);
        }
        for term in self.limited_terms(part) {
            self.unread_limit(term, s);
        }
    }

    /// Makes each term `part` names by its act ([`Extraction::acts_named`]) `unknown` if it
    /// reads permissive, quoting `s`.
    fn acts_unread(&mut self, s: Sentence, part: Sentence) {
        for term in self.acts_named(part) {
            self.unread_limit(term, s);
        }
    }

    /// Makes every permissive value `unknown` where the text points to restrictions or terms it
    /// does not quote ("Additional restrictions apply; see https://..."), unless a rule read the
    /// pointer: what they limit is unread.
    fn limits_elsewhere(&mut self) {
        let pointers: Vec<Sentence> = self
            .sentences(&LIMIT_ELSEWHERE, K_LIMIT)
            .into_iter()
            .filter(|s| !self.holds(&NO_FURTHER_TERMS, *s) && !self.accounted_for(*s))
            .collect();
        for s in pointers {
            for term in PERMISSIVE_TERMS {
                if self.unread_permission(term) {
                    self.unclear(
                        term,
                        "this clause points to restrictions or terms the text does not quote: what they limit is unread",
                        s,
                    );
                }
            }
        }
    }

    /// Whether a sentence can limit some use: it is none of the kinds that limit nothing of a
    /// grant's scope, unless it makes a use subject to what the licensor gives or is paid, or
    /// ends the licence on a date or at the licensor's will (a revocation "at any time" is no
    /// boilerplate of termination on breach), or says it holds in every country or region (a
    /// limit everywhere is no territory clause: "You may not use the Model commercially in any
    /// country", session 21).
    fn may_limit_some_use(&self, s: Sentence) -> bool {
        !self.holds(&LIMIT_BENIGN, s)
            || self.holds(&LIMIT_CONDITION, s)
            || self.holds(&LIMIT_DURATION, s)
            || self.holds(&LIMIT_EVERYWHERE, s)
    }

    /// The terms a limiting sentence bears on, by its words: a limit on who may use the model or
    /// for what narrows the whole grant; one on serving, sharing or training bears on that term.
    fn limited_terms(&self, s: Sentence) -> Vec<TermName> {
        // A licence that ends on a date or at the licensor's will limits every use in time.
        let scope = self.holds(&LIMIT_COMMERCIAL, s)
            || self.holds(&LIMIT_DURATION, s)
            || self.holds(&LIMIT_PURPOSE, s)
            || self.holds(&PURPOSE_LICENCE, s);
        [
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
        ]
        .into_iter()
        .filter_map(|(term, bears)| bears.then_some(term))
        .collect()
    }

    /// The terms other than commercial use that a limit on commercial use also names by their
    /// acts (hosting, sharing, training other models): "Offering the model as a hosted API
    /// requires a commercial agreement".
    fn acts_named(&self, s: Sentence) -> Vec<TermName> {
        [
            (TermName::Hosting, self.names_serving(s)),
            (TermName::Derivatives, self.holds(&NAMED_SHARING, s)),
            (TermName::OutputTraining, self.holds(&NAMED_TRAINING, s)),
        ]
        .into_iter()
        .filter_map(|(term, named)| named.then_some(term))
        .collect()
    }

    /// Whether a limit bears on serving the model to others: it names serving, or it names the
    /// only ones the model is kept for, who are not the public it would be served to ("intended
    /// solely for academic and non-profit institutions", "仅限个人用户非商业使用，企业用户须另行申请授权",
    /// session 20's probes).
    fn names_serving(&self, s: Sentence) -> bool {
        self.holds(&NAMED_HOSTING, s) || self.holds(&LIMIT_AUDIENCE, s)
    }

    /// The terms a limiting sentence names by their acts (using commercially, serving, sharing,
    /// training other models), not by the scope words that narrow a whole grant. In a sentence
    /// read for training, commercial use and sharing within the training act describe the models
    /// trained ("train ... models intended for commercial distribution"): only those outside it
    /// name a further term.
    fn named_terms(&self, s: Sentence) -> Vec<TermName> {
        // A purpose named for the whole use ("for academic use") leaves no use of outputs read,
        // whatever term read it, unless it is the purpose recipients are held to ("You must
        // restrict the usage of any copies ... to usage for research purposes"). Serving others
        // stays as the hosting rule reads it: an adopted non-commercial licence makes the model
        // available to the public.
        let purpose =
            self.holds(&LIMIT_PURPOSE, s) && !self.accounted_for_term(TermName::FlowDown, s);
        let outside = self.outside_training_act(s);
        let named = |phrase: &Phrase| match &outside {
            Some(parts) => parts.iter().any(|part| phrase.is_match(part)),
            None => self.holds(phrase, s),
        };
        [
            (TermName::CommercialUse, named(&NAMED_COMMERCIAL)),
            (TermName::Hosting, self.names_serving(s)),
            (TermName::Derivatives, named(&NAMED_SHARING)),
            (
                TermName::OutputTraining,
                purpose || self.holds(&NAMED_TRAINING, s),
            ),
        ]
        .into_iter()
        .filter_map(|(term, named)| named.then_some(term))
        .collect()
    }

    /// For a sentence read for output training, its text before the training act and from the
    /// next barred act on ("You may not use outputs to train other models for commercial use
    /// | or redistribute the Model"); `None` for any other sentence.
    fn outside_training_act(&self, s: Sentence) -> Option<[&str; 2]> {
        if !self.accounted_for_term(TermName::OutputTraining, s) {
            return None;
        }
        let text = self.sentence_text(s);
        let Some(act) = NAMED_TRAINING.find_iter(text).next() else {
            return Some([text, ""]);
        };
        let rest = &text[act.end()..];
        let next = NEXT_ACT
            .find_iter(rest)
            .next()
            .map_or(rest.len(), |m| m.start());
        Some([&text[..act.start()], &rest[next..]])
    }

    /// Makes a commercial use read as conditional (a gate, an approval) `unknown`, quoting the
    /// limit `s` that bans it outright for review.
    fn gate_overruled(&mut self, s: Sentence) {
        self.terms.commercial_use = CommercialUse::Unknown;
        self.unclear(
            TermName::CommercialUse,
            "commercial use reads as allowed on a condition, but this clause limits it with no way through that the rules read",
            s,
        );
    }

    /// Makes `term` `unknown` if it reads permissive, quoting the limit `s` for review.
    fn unread_limit(&mut self, term: TermName, s: Sentence) {
        if self.unread_permission(term) {
            self.unclear(
                term,
                "this clause limits or withholds what the term would allow, in words no rule read",
                s,
            );
        }
    }

    /// The sentences of each list a barring label introduces ("You may not:", "Prohibited
    /// uses:", "Restrictions:"): the label's own (items may follow it on its line) and the list
    /// items under it, which limit though they hold no limiting word ("- use the Model
    /// commercially").
    fn barred_items(&self) -> Vec<Sentence> {
        let mut items = Vec::new();
        for label in self.sentences(&LIMIT_LABEL, K_LIMIT) {
            items.push(label);
            let at = self.place_of(label);
            for &s in self.all.iter().skip(at + 1).take(MAX_LIST_ITEMS) {
                let text = self.sentence_text(s);
                if is_list_number(text) {
                    continue;
                }
                if !self.in_list_item(s) {
                    break;
                }
                items.push(s);
                if text.trim_end().ends_with([':', '：']) {
                    break;
                }
            }
        }
        items
    }

    /// Whether sentence `s` stands on a line of the original text that starts with a list
    /// marker ("-", "*", "•", "1.", "a)", "(iv)").
    fn in_list_item(&self, s: Sentence) -> bool {
        let Some((from, _)) = self.plain.original(s.start, s.end) else {
            return false;
        };
        let line_start = self.text[..from].rfind('\n').map_or(0, |n| n + 1);
        starts_list_item(&self.text[line_start..])
    }

    /// The list items sentence `s` holds, each starting on a line of its own in the original
    /// text (the tidied text joins lines into one sentence): `s` itself if it holds one.
    fn sub_items(&self, s: Sentence) -> Vec<Sentence> {
        let mut parts = Vec::new();
        let mut start = s.start;
        for (k, b) in self.plain.text[s.start..s.end].bytes().enumerate() {
            let k = s.start + k;
            if b != b' ' || k == s.start {
                continue;
            }
            // The white space this separator stands for, in the original.
            let before = self.plain.original(k - 1, k).map(|(_, to)| to);
            let after = self.plain.original(k + 1, k + 2).map(|(from, _)| from);
            let (Some(before), Some(after)) = (before, after) else {
                continue;
            };
            let gap = self.text.get(before..after).unwrap_or("");
            let new_item = gap
                .rfind('\n')
                .is_some_and(|nl| starts_list_item(&self.text[before + nl + 1..]));
            if new_item {
                parts.push(Sentence { start, end: k });
                start = k + 1;
            }
        }
        parts.push(Sentence { start, end: s.end });
        parts
    }

    /// Whether any term reads permissive.
    pub(super) fn reads_permissive(&self) -> bool {
        PERMISSIVE_TERMS
            .into_iter()
            .any(|term| self.is_permissive(term))
    }

    /// Whether `term` reads permissive.
    pub(super) fn is_permissive(&self, term: TermName) -> bool {
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

    /// Whether a rule cited sentence `s` as evidence of `term` or of an unclear clause on it.
    fn accounted_for_term(&self, term: TermName, s: Sentence) -> bool {
        let Some((start, end)) = self.plain.original(s.start, s.end) else {
            return false;
        };
        let overlaps = |e: &Evidence| e.start < end && start < e.end;
        self.evidence.get(&term).into_iter().flatten().any(overlaps)
            || self
                .unclear
                .iter()
                .filter(|u| u.term == term)
                .flat_map(|u| &u.evidence)
                .any(overlaps)
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

/// Whether a line starts with a list marker ("-", "*", "•", "1.", "a)", "(iv)").
fn starts_list_item(line: &str) -> bool {
    let marker = line.split_whitespace().next().unwrap_or("");
    if matches!(marker, "-" | "*" | "+" | "•" | "·" | "–" | "—") {
        return true;
    }
    let label = marker.trim_start_matches('(').trim_end_matches(['.', ')']);
    marker.len() > label.len()
        && (1..=4).contains(&label.len())
        && label.chars().all(|c| c.is_ascii_alphanumeric())
}
