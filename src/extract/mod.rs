//! Clause extraction: the terms of any licence text, read from its clauses.
//!
//! Each term has a small, named rule over the tidied text ([`Plain`]); every match is mapped back
//! to a byte span of the original, and the whole sentence it stands in becomes the evidence. The
//! rules are written from the phrasings of real model licences (the catalogue's texts and others)
//! and fail closed: a clause that is there but cannot be read with certainty makes its term
//! `unknown`, or is listed in [`ExtractedTerms::unclear`], which the evaluation turns into a
//! review. Absence of a restriction reads as its absence only where the text grants rights at
//! all.
//!
//! Silence is not permission. Where the text says nothing of a term, the conventions are (also in
//! `phrases/README.md` and the development rounds' READMEs):
//!
//! - a permissive value needs positive words: a grant read and found unlimited (no limiting
//!   statement or definition anywhere), or a licence adopted by reference (a note putting the
//!   model under a Creative Commons licence, or its weights under the Apache License 2.0 or the
//!   MIT License, grants what that licence grants);
//! - hosting is `allowed` only on such a grant with nothing restricting services, or under a
//!   non-commercial grant that says the model may be made available to the public or as a
//!   service; `requires_licence` where a research-, evaluation- or non-production-only grant is
//!   silent on services (serving others is outside it); otherwise `unknown`;
//! - outputs are `unrestricted` on an unlimited grant silent on them; `conditional` where models
//!   trained on outputs are derivatives, or where a limit binds "anything derived from" the model
//!   or names outputs; `unknown` under a non-commercial grant silent on them;
//! - derivatives are `unknown` where the grant names no act beyond use;
//! - a text that denies the grant itself anywhere ("does not grant to You a ... license", "You
//!   are not free to use, copy, modify ...") grants nothing sure: no permissive default is read
//!   from its other grant sentences, and the denial is quoted for review.

//!
//! One reader per term lives in a file of its own; the phrasings they look for are data
//! (`phrases/*.toml`, see `phrases/README.md`), which a contributor extends without writing Rust.

mod adopted;
mod attribution;
mod commercial_use;
mod definitions;
mod derivatives;
mod disguise;
mod flow_down;
mod grant;
mod hosting;
mod language;
mod licence_copy;
mod limits;
mod notice;
mod numbers;
mod output_training;
mod phrases;
mod registration;
mod required;
mod revenue_threshold;
mod sentences;
mod territory;
mod use_policy;
mod user_threshold;

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::terms::{BackedTerms, Evidence, LICENCE_DOCUMENT, TermEvidence, TermName, Terms};
use crate::text::Plain;

pub use language::clause_language;
use phrases::{Caps, Keys, Match, NORMATIVE, Pass, Passes, Phrase};

/// A clause that bears on a term but could not be read with certainty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclear {
    /// The term it bears on.
    pub term: TermName,
    /// Why it could not be read.
    pub reason: String,
    /// The clause.
    pub evidence: Vec<Evidence>,
}

/// Terms read from a text, with the clauses they came from.
///
/// ```
/// use model_licence::{extract_terms, terms::TermName};
///
/// let extracted = extract_terms("You may not use the Model or its outputs to improve any other large language model.");
/// assert!(extracted.found.contains(&TermName::OutputTraining));
/// let clause = &extracted.backed.evidence_for(TermName::OutputTraining)[0];
/// assert!(clause.text.contains("improve any other"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedTerms {
    /// The terms and their evidence (offsets into the text given, document `licence`).
    pub backed: BackedTerms,
    /// The terms that some clause set (the others are defaults: what the absence of a clause
    /// means, or `unknown` where the text grants nothing).
    pub found: BTreeSet<TermName>,
    /// Clauses that bear on a term but could not be read.
    pub unclear: Vec<Unclear>,
}

/// Reads the terms of a licence text from its clauses, without the catalogue.
///
/// ```
/// use model_licence::extract_terms;
/// use model_licence::terms::{CommercialUse, UserThreshold};
///
/// let text = "Licensor grants you a worldwide licence to use, modify and distribute the Model. \
///             If the monthly active users of your products exceed 50 million monthly active users, \
///             you must request a license from Licensor.";
/// let extracted = extract_terms(text);
/// let terms = &extracted.backed.terms;
/// assert_eq!(terms.user_threshold, Some(UserThreshold::MonthlyActiveUsers(50_000_000)));
/// assert_eq!(terms.commercial_use, CommercialUse::Conditional);
/// ```
pub fn extract_terms(text: &str) -> ExtractedTerms {
    if let Some(fault) = phrases::fault().or_else(phrases::compile_fault) {
        return unread(fault);
    }
    let mut plain = Plain::reading(text);
    let mut all = sentences::split_sentences(&plain.text);
    let first_unread = keep_read_budget(&mut plain, &mut all);
    let (masks, passes) = phrases::sentence_masks(&plain.text, &all);
    let by_row = phrases::sentences_by_row(&masks);
    let mut x = Extraction {
        text,
        plain: &plain,
        all,
        masks,
        by_row,
        passes,
        definitions: Vec::new(),
        defined_at: BTreeMap::new(),
        term_gates: OnceCell::new(),
        heading_lines: OnceCell::new(),
        research_weights: OnceCell::new(),
        adopted: Vec::new(),
        grant_in_doubt: false,
        grant_clause: None,
        terms: Terms::unknown(),
        evidence: TermEvidence::new(),
        found: BTreeSet::new(),
        unclear: Vec::new(),
    };
    x.definitions = x.read_definitions();
    x.defined_at = x.definition_places();
    x.adopted = x.read_adopted();
    let granted = x.grant();
    x.language(granted);
    x.thresholds();
    x.registration();
    x.commercial_use(granted);
    x.territory();
    x.notice();
    x.attribution();
    x.use_policy();
    x.flow_down();
    x.licence_copy(granted);
    x.hosting(granted);
    x.derivatives(granted);
    x.output_training(granted);
    x.unaccounted_limits();
    x.confined_territory();
    x.unread_languages(granted);
    if let Some((start, end)) = first_unread {
        x.not_read(start, end);
    }
    x.disguised_words();
    x.cite_grant_for_defaults();
    // Phrasings compile when first tried: one that failed matched nothing, so what was read may
    // miss a restriction.
    if let Some(fault) = phrases::compile_fault() {
        return unread(fault);
    }
    ExtractedTerms {
        backed: BackedTerms {
            terms: x.terms,
            evidence: x.evidence,
        },
        found: x.found,
        unclear: x.unclear,
    }
}

/// The most bytes of tidied text the clause rules read: 512 KiB, over ten times the longest
/// licence known (GPL-3.0, 35 KB). Reading is linear, but a 10 MiB text of dense clause words
/// would take seconds; past this budget the rest is not read and the reading says so (a review).
pub(crate) const MAX_READ_BYTES: usize = 512 * 1024;

/// Keeps the sentences that end within [`MAX_READ_BYTES`] (and the tidied text up to the last
/// of them); gives the original byte range of the first sentence left unread, if any (an empty
/// range where it cannot be mapped).
fn keep_read_budget(plain: &mut Plain, all: &mut Vec<Sentence>) -> Option<(usize, usize)> {
    let kept = all.partition_point(|s| s.end <= MAX_READ_BYTES);
    let first_unread = all.get(kept)?;
    let span = plain
        .original(first_unread.start, first_unread.end)
        .unwrap_or((0, 0));
    all.truncate(kept);
    plain.truncate(all.last().map_or(0, |s| s.end));
    Some(span)
}

/// What extraction gives when its phrasing data failed to load: nothing read, every term
/// unknown, and the reason as a clause to review.
fn unread(fault: &str) -> ExtractedTerms {
    ExtractedTerms {
        backed: BackedTerms {
            terms: Terms::unknown(),
            evidence: TermEvidence::new(),
        },
        found: BTreeSet::new(),
        unclear: vec![Unclear {
            term: TermName::CommercialUse,
            reason: format!("the clause rules could not be loaded ({fault}): nothing was read"),
            evidence: Vec::new(),
        }],
    }
}

/// Whether a passage reads as licence terms: a clause rule fires on it, or it uses the
/// vocabulary of obligations and permissions. Text outside a known licence that does not is
/// description (a README around the licence); text that does may add terms.
pub fn reads_as_terms(passage: &str) -> bool {
    if NORMATIVE.is_match(passage) {
        return true;
    }
    let extracted = extract_terms(passage);
    !extracted.found.is_empty() || !extracted.unclear.is_empty()
}

/// The most clauses kept as evidence for one term.
const MAX_EVIDENCE: usize = 12;

/// The state of one extraction.
struct Extraction<'a> {
    text: &'a str,
    plain: &'a Plain,
    /// Every sentence of the tidied text, in order.
    all: Vec<Sentence>,
    /// For each sentence, the keyword rows it holds a word of.
    masks: Vec<u32>,
    /// For each keyword row, the sentences holding a word of it (their places in `all`, in
    /// order): a rule asks for the sentences of one row, a few of the text's hundreds.
    by_row: Vec<Vec<u32>>,
    /// For each sentence, the phrasings' alternatives whose required words it holds.
    passes: Passes,
    /// The defined terms of the text, with the sentence defining each.
    definitions: Vec<(String, Sentence)>,
    /// Where each definition stands: its sentence's start, and its place in `definitions`.
    defined_at: BTreeMap<usize, usize>,
    /// For each defined term, the first sentences that tie rights to it (read when first asked).
    term_gates: OnceCell<BTreeMap<String, Vec<Sentence>>>,
    /// The lines of the original text that are Markdown headings ("### ..."), as byte ranges
    /// in order, found once when first asked (see [`Extraction::is_heading`]).
    heading_lines: OnceCell<Vec<(usize, usize)>>,
    /// Where the research-only limits that name weights start in the original text, and where
    /// its headings start (see `of_other_weights`): worked out once, where a rule first asks.
    research_weights: OnceCell<(Vec<usize>, Vec<usize>)>,
    /// The sentences that adopt a Creative Commons, Apache 2.0 or MIT licence (read once, used by
    /// several terms).
    adopted: Vec<Sentence>,
    /// Whether the text denies the grant itself: no permissive value, not even outputs freed in
    /// so many words, is read from it.
    grant_in_doubt: bool,
    /// The grant read (its first sentence): the evidence of every permissive value no clause
    /// of its own backs.
    grant_clause: Option<Sentence>,
    terms: Terms,
    evidence: TermEvidence,
    found: BTreeSet<TermName>,
    unclear: Vec<Unclear>,
}

/// The clauses of a tidied text, as byte ranges of it: its sentences (cut at full stops,
/// semicolons and paragraph breaks), as the extractor reads them.
pub(crate) fn clause_ranges(plain: &Plain) -> Vec<(usize, usize)> {
    sentences::split_sentences(&plain.text)
        .into_iter()
        .map(|s| (s.start, s.end))
        .collect()
}

/// A sentence of the tidied text: its byte range there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sentence {
    start: usize,
    end: usize,
}

impl<'a> Extraction<'a> {
    fn sentence_text(&self, s: Sentence) -> &str {
        &self.plain.text[s.start..s.end]
    }

    /// Whether sentence `s` ends on a colon, ASCII or full-width: it introduces what follows
    /// (a list, a quoted credit).
    fn ends_on_colon(&self, s: Sentence) -> bool {
        ends_on_colon(self.sentence_text(s))
    }

    /// Evidence for a sentence, as a span of the original text.
    fn evidence(&self, s: Sentence) -> Option<Evidence> {
        let (start, end) = self.plain.original(s.start, s.end)?;
        let mut evidence = Evidence::span(self.text, start, end, LICENCE_DOCUMENT)?;
        evidence.lang = clause_language(&evidence.text).map(str::to_string);
        Some(evidence)
    }

    fn cite(&mut self, term: TermName, s: Sentence) {
        self.found.insert(term);
        let full = self
            .evidence
            .get(&term)
            .is_some_and(|list| list.len() >= MAX_EVIDENCE);
        if full {
            return;
        }
        if let Some(ev) = self.evidence(s) {
            let list = self.evidence.entry(term).or_default();
            if !list.contains(&ev) {
                list.push(ev);
            }
        }
    }

    /// Records that the text past the read budget was not read: every term is in doubt, and
    /// commercial use (the term every verdict turns on) carries the review, quoting the first
    /// sentence left unread (`start..end` of the original text).
    fn not_read(&mut self, start: usize, end: usize) {
        let evidence = Evidence::span(self.text, start, end, LICENCE_DOCUMENT);
        self.unclear.push(Unclear {
            term: TermName::CommercialUse,
            reason: format!(
                "the text is {} bytes and the clause rules read at most {MAX_READ_BYTES} bytes of it: nothing from the quoted clause on was read, and any term may stand there",
                self.text.len()
            ),
            evidence: evidence.into_iter().collect(),
        });
    }

    fn unclear(&mut self, term: TermName, reason: &str, s: Sentence) {
        if self.unclear.iter().filter(|u| u.term == term).count() >= MAX_EVIDENCE {
            return;
        }
        let evidence = self.evidence(s).into_iter().collect();
        self.unclear.push(Unclear {
            term,
            reason: reason.to_string(),
            evidence,
        });
    }

    /// The sentences that hold any of `keys` (lower case) and the words an alternative of `re`
    /// requires, with the alternatives they let through: cheap filters so that each pattern
    /// runs on a few sentences, not the whole text.
    fn candidates<'s>(
        &'s self,
        re: &'s Phrase,
        keys: Keys,
    ) -> impl Iterator<Item = (Sentence, Pass<'s>)> + 's {
        self.by_row
            .get(keys.row())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|i| re.may_match_at(&self.passes, **i as usize))
            .filter_map(|i| {
                let i = *i as usize;
                Some((*self.all.get(i)?, self.passes.of(i)))
            })
    }

    /// Every sentence holding a match of `re`, in order.
    fn sentences(&self, re: &Phrase, keys: Keys) -> Vec<Sentence> {
        self.candidates(re, keys)
            .filter(|(s, pass)| re.is_match_in(self.sentence_text(*s), *pass))
            .map(|(s, _)| s)
            .collect()
    }

    /// Whether sentence `s` holds a match of `re` (a sentence of the text is first checked for
    /// the words `re` requires).
    fn holds(&self, re: &Phrase, s: Sentence) -> bool {
        re.is_match_in(self.sentence_text(s), self.pass(s))
    }

    /// The place of sentence `s` among the text's sentences (where it would stand, if it is not
    /// one of them: the number of sentences that start before it).
    fn place_of(&self, s: Sentence) -> usize {
        self.all.partition_point(|other| other.start < s.start)
    }

    /// The sentence of the text right before `s` (a heading over a verdict, an adopting sentence
    /// over the block naming its licence).
    fn sentence_before(&self, s: Sentence) -> Option<Sentence> {
        self.all.get(self.place_of(s).checked_sub(1)?).copied()
    }

    /// The alternatives sentence `s` lets through: all, if it is not a sentence of the text.
    fn pass(&self, s: Sentence) -> Pass<'_> {
        let at = self.place_of(s);
        let listed = self
            .all
            .get(at)
            .is_some_and(|other| other.start == s.start && other.end == s.end);
        if listed { self.passes.of(at) } else { None }
    }

    /// Every match of `re` in sentence `s` (offsets relative to the sentence), trying only the
    /// alternatives the sentence's words let through: what `re.find_iter` finds there, since an
    /// alternative the words rule out holds no match in the sentence, without running it.
    fn matches_in(&self, re: &Phrase, s: Sentence) -> Vec<Match<'_>> {
        re.find_in(self.sentence_text(s), self.pass(s))
    }

    /// Every match of `re` in sentence `s` with its groups, as [`Extraction::matches_in`].
    fn captures_of(&self, re: &Phrase, s: Sentence) -> Vec<Caps<'_>> {
        re.captures_in(self.sentence_text(s), self.pass(s))
    }

    /// Every match of `re` with its sentence; capture offsets are relative to the sentence.
    fn captures(&self, re: &Phrase, keys: Keys) -> Vec<(Sentence, Caps<'_>)> {
        self.candidates(re, keys)
            .flat_map(|(s, pass)| {
                re.captures_in(&self.plain.text[s.start..s.end], pass)
                    .into_iter()
                    .map(move |caps| (s, caps))
            })
            .collect()
    }

    /// The sentence that introduces the list `s` stands in: the nearest of the few sentences
    /// before it that ends in a colon.
    fn list_intro(&self, s: Sentence) -> Option<Sentence> {
        let at = self.place_of(s);
        self.all[at.saturating_sub(4)..at]
            .iter()
            .rev()
            .find(|other| self.ends_on_colon(**other))
            .copied()
    }

    /// The text inside a pair of quotes, as tidied (entities decoded, quotes made ASCII,
    /// whitespace collapsed), so that the same notice in any format reads the same.
    fn quoted(&self, start: usize, end: usize) -> Option<String> {
        let inner = self.plain.text.get(start..end)?;
        let value = one_line(inner);
        (!value.is_empty()).then_some(value)
    }
}

/// Whether `text` ends on a colon, ASCII or full-width (trailing space aside).
fn ends_on_colon(text: &str) -> bool {
    text.trim_end().ends_with([':', '：'])
}

/// `text` with its white space collapsed to single spaces: a clause as phrasings read it,
/// whatever its line breaks.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with every match of `phrase` replaced by `gap`: what a sentence says beside a phrase
/// that would otherwise decide it ("the same license as the source code", "including
/// commercially").
fn without_matches(phrase: &Phrase, text: &str, gap: &str) -> String {
    let mut rest = String::with_capacity(text.len());
    let mut from = 0;
    for m in phrase.find_iter(text) {
        rest.push_str(&text[from..m.start()]);
        rest.push_str(gap);
        from = m.end();
    }
    rest.push_str(&text[from..]);
    rest
}

/// Whether `text` holds `word` (as written) between word boundaries.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_its_phrasings_extraction_reads_nothing_and_asks_for_review() {
        let extracted = unread("a file does not parse");
        assert_eq!(extracted.backed.terms, Terms::unknown());
        assert!(extracted.found.is_empty());
        assert_eq!(extracted.unclear.len(), 1);
    }
}
