//! Limits no rule accounted for: a term read permissive must have no statement beside it that
//! limits or withholds what it allows, in whatever words, that no reader read. Silence is not
//! permission, and neither are words the rules do not know.

use super::phrases::{
    CLAUSE_OF_ITS_OWN, COMMERCIAL_ROUTE, DATASET_ITEM_LABEL, DATASET_LICENCE_ITEM, FREE_TIER,
    HARM_USE, K_LIMIT, LIMIT_AUDIENCE, LIMIT_BENIGN, LIMIT_BENIGN_SENTENCE, LIMIT_COMMERCIAL,
    LIMIT_CONDITION, LIMIT_DURATION, LIMIT_ELSEWHERE, LIMIT_EVERYWHERE, LIMIT_HOSTING, LIMIT_LABEL,
    LIMIT_ON_COMMERCIAL, LIMIT_PURPOSE, LIMIT_SHARING, LIMIT_STATEMENT, LIMIT_TRAINING,
    MODEL_ITEM_LABEL, NAMED_COMMERCIAL, NAMED_HOSTING, NAMED_SHARING, NAMED_TRAINING,
    NAMES_THE_MODEL, NEXT_ACT, NO_FURTHER_TERMS, OPEN_BAR, PURPOSE_LICENCE, Phrase, RUN_IN_HEADING,
    VERDICT_OPENING,
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
        limits.retain(|s| !self.dataset_licence_item(*s));
        // A bare verdict under a run-in heading is the verdict on what the heading names
        // ("Commercial Use. Not permitted under this licence; contact the Licensor for
        // commercial terms.", session 22's probe 8): weighed with the heading, after the others.
        let headed: Vec<(Sentence, String)> = limits
            .iter()
            .filter_map(|s| Some((*s, self.verdict_under_heading(*s)?)))
            .collect();
        // A sentence a benign word, a harmful use or a duty read excuses is excused only for
        // the clauses that hold it: the rest of it, where it still limits, is weighed
        // ("Subject to this Agreement, use in production is forbidden", "No commercial use, as
        // with the Licensor's trademarks", "You must include a copy of this Agreement, and only
        // individuals may use the Model"). Weighed after the others, as before.
        let mut beside: Vec<(Sentence, String)> = Vec::new();
        for s in &limits {
            if let Some(rest) = self.limit_beside_excuse(*s) {
                beside.push((*s, rest));
            }
        }
        // A limit read for one term, or left as a ban on harmful uses, is still read for
        // each other term it names by its act ("You may not offer the Model as a hosted service
        // or use it commercially", read for hosting only; "You may not use the Model for
        // military purposes or redistribute it").
        let (read, unread): (Vec<Sentence>, Vec<Sentence>) = limits
            .into_iter()
            .filter(|s| self.may_limit_some_use(*s))
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
                let text = self.sentence_text(part).to_string();
                self.weigh_unread_limit(s, &text);
            }
        }
        for (s, rest) in beside {
            self.weigh_unread_limit(s, &rest);
        }
        for (s, with_heading) in headed {
            self.weigh_unread_limit(s, &with_heading);
        }
    }

    /// The text of limit `s` with the run-in heading before it ("Commercial Use."), where `s`
    /// opens on a bare verdict that names no act ("Not permitted under this licence"): the
    /// heading names what the verdict bears on.
    fn verdict_under_heading(&self, s: Sentence) -> Option<String> {
        if !self.holds(&VERDICT_OPENING, s) {
            return None;
        }
        let heading = self.sentence_before(s)?;
        let title = self.sentence_text(heading).trim();
        RUN_IN_HEADING.is_match(title).then(|| {
            let title = title.trim_end_matches(['.', ':', '：', '*', '_']);
            format!("{title}: {}", self.sentence_text(s))
        })
    }

    /// The clauses of limit `s` that a benign word, a harmful use or (in a sentence read only
    /// for a duty: a credit, a notice, a licence copy) the duty does not excuse, where they
    /// still limit, joined: what is left to weigh of a sentence its excuse would otherwise keep
    /// from the backstop. A benign word excuses the clause it stands in, whose bar is about its
    /// subject (a trademark, the warranty, termination, the law of a country: "You may not use
    /// the Licensor's trademarks"), not a bar in a clause beside it ("Notwithstanding the
    /// warranty disclaimer, use in production is forbidden"), nor one it only stands beside in
    /// parentheses ("禁止商用（“模型”是指本仓库发布的权重）"). Each clause is weighed alone: a clause
    /// that limits nothing named ("If you institute litigation ... alleging that ... constitutes
    /// infringement ..., then any licenses granted to you ... shall terminate") takes no term
    /// from another ("... or any entity ..."). A sentence whose frame excuses every clause of it
    /// (`limit_benign_sentence`: "If you do not agree with these terms, you must not download
    /// the Model") is left as it is.
    fn limit_beside_excuse(&self, s: Sentence) -> Option<String> {
        let benign = !self.may_limit_some_use(s);
        let harm = self.holds(&HARM_USE, s);
        if !benign && !harm && !self.read_only_for_a_duty(s) {
            return None;
        }
        if self.holds(&LIMIT_BENIGN_SENTENCE, s) {
            return None;
        }
        let text = without_asides(self.sentence_text(s));
        let spans = clauses(&text);
        let clause = |at: usize| &text[spans[at].0..spans[at].1];
        // Each clause is tried for a harmful use once (a sentence of a use policy may hold
        // dozens of clauses, and each asks whether a harmful use follows it).
        let harm_at: Vec<bool> = (0..spans.len())
            .map(|at| HARM_USE.is_match(clause(at)))
            .collect();
        let excused_at: Vec<bool> = (0..spans.len())
            .map(|at| {
                let c = clause(at);
                harm_at[at]
                    || (LIMIT_BENIGN.is_match(c)
                        && !LIMIT_CONDITION.is_match(c)
                        && !LIMIT_DURATION.is_match(c)
                        && !LIMIT_EVERYWHERE.is_match(c))
            })
            .collect();
        // A bar that a harmful use goes on to name is a bar on that use ("... are not
        // deployed, directly or indirectly, in high-risk scenarios such as medical diagnosis",
        // round 14): a clause is weighed beside a harmful use only where the use stands in a
        // clause of its own ("Use in production is forbidden, and so is any illegal use").
        let harm_goes_on = |at: usize| {
            (at + 1..spans.len())
                .find(|later| harm_at[*later])
                .is_some_and(|later| !CLAUSE_OF_ITS_OWN.is_match(clause(later)))
        };
        // Each clause no excuse holds, alone, or with the next where the limit holds the comma
        // between them ("For commercial use, please contact sales@example.com", "如需商用，请联系
        // 我们"), unless the bar goes on into an excused clause that bars its own subject: then
        // it is about what that clause names ("或者是为了在描述和再分发材料时进行合理和惯常的使用，否则未经
        // 许可方书面同意，您不得使用许可方任何商标", round 2's Yuan2).
        let excuse_goes_on = |at: usize| {
            excused_at.get(at + 1) == Some(&true)
                && limits_in_words(clause(at + 1))
                && !CLAUSE_OF_ITS_OWN.is_match(clause(at + 1))
        };
        let alone = |at: usize| after_coordinator(clause(at));
        let mut limiting = Vec::new();
        for from in (0..spans.len()).filter(|at| !excused_at[*at]) {
            let part = alone(from);
            if limits_in_words(part) {
                if !limited_terms(part).is_empty() && !harm_goes_on(from) {
                    limiting.push(part.to_string());
                }
                continue;
            }
            let to = from + 1;
            if to >= spans.len() || excused_at[to] || excuse_goes_on(to) {
                continue;
            }
            let pair = after_coordinator(&text[spans[from].0..spans[to].1]);
            if limits_in_words(pair) && !limited_terms(pair).is_empty() && !harm_goes_on(to) {
                limiting.push(pair.to_string());
            }
        }
        limiting.extend(bridged_limits(&text, &spans, &excused_at, &harm_at));
        (!limiting.is_empty()).then(|| limiting.join(", "))
    }

    /// Whether the only rules that cited sentence `s` read a duty in it (a credit, a notice, a
    /// licence copy), none a term it could limit.
    fn read_only_for_a_duty(&self, s: Sentence) -> bool {
        const DUTIES: [TermName; 4] = [
            TermName::Attribution,
            TermName::AttributionCondition,
            TermName::Notice,
            TermName::LicenceCopy,
        ];
        self.accounted_for(s)
            && TermName::ALL
                .into_iter()
                .filter(|term| !DUTIES.contains(term))
                .all(|term| !self.accounted_for_term(term, s))
    }

    /// Whether `s` is a "License:" item of a list that describes a dataset ("- **Dataset**:
    /// CIFAR-10" on a line above it, in the same list): the dataset's terms. Not where the list
    /// names a model too ("- **Model**: AcmeNet" above or below it): whose licence the item
    /// gives is then unclear, and it is weighed as a limit.
    fn dataset_licence_item(&self, s: Sentence) -> bool {
        // One that names the model limits it, whatever list it stands in.
        if !self.holds(&DATASET_LICENCE_ITEM, s) || self.holds(&NAMES_THE_MODEL, s) {
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

    /// Weighs `part` (the text of sentence `s`, of one item of its barring list, or of the
    /// clauses of it no excuse holds), a limit no rule read, against the values read: each it
    /// leaves unread becomes `unknown`, quoting `s`.
    fn weigh_unread_limit(&mut self, s: Sentence, part: &str) {
        // A limit on commercial use where commercial use is read limited already is that limit,
        // read, unless it bans what a gate or an approval was read to allow ("Commercial use is
        // prohibited." beside a revenue gate). A licence named for a purpose ("Research
        // License") limits commercial use.
        let conditional = self.terms.commercial_use == CommercialUse::Conditional;
        let on_commercial = LIMIT_ON_COMMERCIAL.is_match(part) || PURPOSE_LICENCE.is_match(part);
        if self.terms.commercial_use != CommercialUse::Allowed && on_commercial {
            if !conditional || COMMERCIAL_ROUTE.is_match(part) {
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
        // What the clauses beside the free tier limit is weighed as any limit ("Free of charge,
        // but only individuals may use the Model").
        if conditional && FREE_TIER.is_match(part) {
            let rest: Vec<&str> = clauses(part)
                .into_iter()
                .map(|(from, to)| after_coordinator(&part[from..to]))
                .filter(|c| !FREE_TIER.is_match(c))
                .collect();
            let rest = rest.join(", ");
            if limits_in_words(&rest) {
                self.weigh_unread_limit(s, &rest);
            } else {
                self.acts_unread(s, part);
            }
            return;
        }
        if conditional && LIMIT_PURPOSE.is_match(part) {
            self.gate_overruled(s);
        }
        for term in limited_terms(part) {
            self.unread_limit(term, s);
        }
    }

    /// Makes each term `part` names by its act ([`acts_named`]) `unknown` if it reads
    /// permissive, quoting `s`.
    fn acts_unread(&mut self, s: Sentence, part: &str) {
        for term in acts_named(part) {
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
            // A pointer in a sentence read only for a duty still points ("You must include a
            // copy of this Agreement with the Model, and additional restrictions apply").
            .filter(|s| !self.accounted_for(*s) || self.read_only_for_a_duty(*s))
            // "no further terms" excuses only the clause it stands in ("See RESTRICTIONS.md for
            // further restrictions on use, with no further notice" still points).
            .filter(|s| {
                !self.holds(&NO_FURTHER_TERMS, *s) || {
                    let text = self.sentence_text(*s);
                    clauses(text).into_iter().any(|(from, to)| {
                        let c = &text[from..to];
                        !NO_FURTHER_TERMS.is_match(c) && LIMIT_ELSEWHERE.is_match(c)
                    })
                }
            })
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
        !(self.holds(&LIMIT_BENIGN, s) || self.holds(&LIMIT_BENIGN_SENTENCE, s))
            || self.holds(&LIMIT_CONDITION, s)
            || self.holds(&LIMIT_DURATION, s)
            || self.holds(&LIMIT_EVERYWHERE, s)
    }

    /// Whether a limit bears on serving the model to others ([`names_serving`]).
    fn names_serving(&self, s: Sentence) -> bool {
        names_serving(self.sentence_text(s))
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
        let mut terms: Vec<TermName> = named(&NAMED_COMMERCIAL)
            .then_some(TermName::CommercialUse)
            .into_iter()
            .collect();
        terms.extend(terms_of_acts(
            self.holds(&LIMIT_AUDIENCE, s),
            self.names_serving(s),
            named(&NAMED_SHARING),
            purpose || self.holds(&NAMED_TRAINING, s),
        ));
        terms
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
                if super::ends_on_colon(text) {
                    break;
                }
            }
        }
        items
    }

    /// Whether sentence `s` stands on a line of the original text that starts with a list
    /// marker ("-", "*", "•", "1.", "a)", "(iv)").
    pub(super) fn in_list_item(&self, s: Sentence) -> bool {
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

/// The terms a limit bears on, by its words: a limit on who may use the model or for what
/// narrows the whole grant; one on serving, sharing or training bears on that term.
fn limited_terms(part: &str) -> Vec<TermName> {
    // A licence that ends on a date or at the licensor's will limits every use in time.
    let scope = LIMIT_COMMERCIAL.is_match(part)
        || LIMIT_DURATION.is_match(part)
        || LIMIT_PURPOSE.is_match(part)
        || PURPOSE_LICENCE.is_match(part);
    [
        (TermName::CommercialUse, scope),
        (TermName::Hosting, scope || LIMIT_HOSTING.is_match(part)),
        (TermName::Derivatives, scope || LIMIT_SHARING.is_match(part)),
        (
            TermName::OutputTraining,
            scope || LIMIT_TRAINING.is_match(part),
        ),
    ]
    .into_iter()
    .filter_map(|(term, bears)| bears.then_some(term))
    .collect()
}

/// The terms other than commercial use that a limit on commercial use also names by their acts
/// (hosting, sharing, training other models): "Offering the model as a hosted API requires a
/// commercial agreement". One that names the only ones the model is kept for ("intended solely
/// for academic and non-profit institutions") bears on every use by anyone else: serving them,
/// sharing with them, and training with the outputs of a model they may not run (beside
/// outputs freed in so many words, round 17's ai2pixelart: session 23).
fn acts_named(part: &str) -> Vec<TermName> {
    terms_of_acts(
        LIMIT_AUDIENCE.is_match(part),
        names_serving(part),
        NAMED_SHARING.is_match(part),
        NAMED_TRAINING.is_match(part),
    )
}

/// The terms a limit bears on by the acts it names (serving others, sharing, training other
/// models). A limit to the only ones the model is kept for (`audience`: "intended solely for
/// academic and non-profit institutions") bears on sharing it and training with its outputs too:
/// no one else may be given it or run it for outputs (serving is told by [`names_serving`],
/// which reads such a limit).
fn terms_of_acts(audience: bool, serving: bool, sharing: bool, training: bool) -> Vec<TermName> {
    [
        (TermName::Hosting, serving),
        (TermName::Derivatives, audience || sharing),
        (TermName::OutputTraining, audience || training),
    ]
    .into_iter()
    .filter_map(|(term, named)| named.then_some(term))
    .collect()
}

/// Whether a limit bears on serving the model to others: it names serving, or it names the only
/// ones the model is kept for, who are not the public it would be served to ("intended solely
/// for academic and non-profit institutions", "仅限个人用户非商业使用，企业用户须另行申请授权", session
/// 20's probes).
fn names_serving(part: &str) -> bool {
    NAMED_HOSTING.is_match(part) || LIMIT_AUDIENCE.is_match(part)
}

/// Whether `text` limits in the words of a limit: a statement, a condition, a term, a purpose.
fn limits_in_words(text: &str) -> bool {
    [
        &LIMIT_STATEMENT,
        &LIMIT_CONDITION,
        &LIMIT_DURATION,
        &LIMIT_PURPOSE,
        &PURPOSE_LICENCE,
    ]
    .into_iter()
    .any(|phrase| phrase.is_match(text))
}

/// The clauses of a sentence, as byte ranges of its text: cut after a comma or semicolon
/// followed by a space, and at a table's bars and a dash, in English and Chinese ("，", "；");
/// each trimmed, empty ones left out. Not at a colon, which ends a label the limit may need
/// ("Commercial use: not granted").
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let cut = match c {
            ',' | ';' => next.is_none_or(char::is_whitespace),
            '|' | '，' | '；' | '—' => true,
            _ => false,
        };
        if cut {
            cuts.push((start, i));
            start = i + c.len_utf8();
        }
    }
    cuts.push((start, text.len()));
    cuts.into_iter()
        .filter_map(|(from, to)| {
            let clause = &text[from..to];
            let lead = clause.len() - clause.trim_start().len();
            let trimmed = clause.trim();
            (!trimmed.is_empty()).then(|| (from + lead, from + lead + trimmed.len()))
        })
        .collect()
}

/// A clause without the coordinator it starts with ("and only individuals may use the Model",
/// "but use in production is forbidden"), so that a limit put at the head of a sentence is read
/// at the head of the clause.
fn after_coordinator(clause: &str) -> &str {
    let lower = clause.to_ascii_lowercase();
    ["and ", "but ", "or ", "yet "]
        .iter()
        .find(|c| lower.starts_with(*c))
        .map_or(clause, |c| clause[c.len()..].trim_start())
}

/// `text` without what it holds in parentheses, English or Chinese ("(remotely or otherwise)",
/// "（“模型”是指……）"): an aside, read with neither the clause it stands in nor apart.
fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A limit whose words stand on either side of clauses a benign word excuses ("You shall not,
/// subject to Section 4, distribute the Model"; "您不得，根据适用法律，将本模型用于商业用途"): the
/// clause before, whose bar stands open ([`OPEN_BAR`]), and the clause after, read together
/// without the excused ones. Not across a harmful use (a bar on that use), nor where the clause
/// after holds a limiting word of its own: clauses of a list that only a bar's words would join
/// ("does not relicense third-party training sources, grant trademark rights, or represent that
/// a license is required", round 13) are not one limit.
fn bridged_limits(
    text: &str,
    spans: &[(usize, usize)],
    excused_at: &[bool],
    harm_at: &[bool],
) -> Vec<String> {
    let mut bridged = Vec::new();
    for from in (0..spans.len()).filter(|at| !excused_at[*at]) {
        let Some(to) = (from + 1..spans.len()).find(|at| !excused_at[*at]) else {
            break;
        };
        let between = from + 1..to;
        if between.is_empty() || between.clone().any(|at| harm_at[at]) {
            continue;
        }
        let before = after_coordinator(&text[spans[from].0..spans[from].1]);
        let after = &text[spans[to].0..spans[to].1];
        if !OPEN_BAR.is_match(before) || limits_in_words(after) {
            continue;
        }
        let joined = format!("{} {}", before.trim_end(), after.trim_start());
        if limits_in_words(&joined) && !limited_terms(&joined).is_empty() {
            bridged.push(joined);
        }
    }
    bridged
}
