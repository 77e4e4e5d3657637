//! Defined terms (`"Threshold" shall mean ...`, `“商业用途”是指...`): read once, then resolved where
//! they are used: a revenue level through a defined term, a licensee limited by its definition, a
//! grant scoped by a narrowly defined purpose.

use super::phrases::{
    DEFINITION, DEFINITION_ZH, GATE_WORD, GRANT, K_DEFINITION, K_GRANT, LICENSEE_LIMIT,
    LICENSEE_NAME, NARROW_PURPOSE, SEPARATE_GRANT,
};
use std::collections::{BTreeMap, BTreeSet};

use memchr::memmem::Finder;

use super::{Extraction, MAX_EVIDENCE, Sentence, contains_word};

/// The most sentences kept per defined term for a use of it: they are cited (at most
/// [`MAX_EVIDENCE`] per term, the first ones not cited yet) or only counted, so a text that uses
/// a term thousands of times costs no more than one that uses it a dozen times.
const MAX_USES: usize = 2 * MAX_EVIDENCE + 4;

/// The most pairs of a grant and a narrow definition kept: the first 64 pairs hold at least 16
/// sentences, more than are cited.
const MAX_PAIRS: usize = 64;

/// Defined terms found as whole words in sentences, in one pass for all the terms.
struct DefinedWords<'n> {
    /// The terms, sorted, each once (an empty one first).
    names: Vec<&'n str>,
    /// A substring searcher for each non-empty term (`names` from `first`).
    finders: Vec<Finder<'n>>,
    first: usize,
}

impl<'n> DefinedWords<'n> {
    fn new(names: impl IntoIterator<Item = &'n str>) -> DefinedWords<'n> {
        let mut names: Vec<&str> = names.into_iter().collect();
        names.sort_unstable();
        names.dedup();
        let first = usize::from(names.first().is_some_and(|n| n.is_empty()));
        // A searcher per name, not one automaton for them all: a few dozen names, looked for
        // in a few sentences, where building the automaton cost more than the searches.
        let finders = names[first..]
            .iter()
            .map(|&name| Finder::new(name))
            .collect();
        DefinedWords {
            names,
            finders,
            first,
        }
    }

    /// The terms `text` holds as whole words (by their place in `names`), each once, in order:
    /// what [`contains_word`] tells of each.
    fn held(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut held: Vec<usize> = Vec::new();
        if self.first == 1 && contains_word(text, "") {
            held.push(0);
        }
        for (i, finder) in self.finders.iter().enumerate() {
            // Every place the name stands, overlapping ones too (a match of a name starts and
            // ends at character boundaries).
            let mut from = 0;
            while let Some(at) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
                let (start, end) = (from + at, from + at + finder.needle().len());
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                if !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    held.push(self.first + i);
                    break;
                }
                from = start + 1;
            }
        }
        held
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.names.binary_search(&name).ok()
    }
}

impl Extraction<'_> {
    /// The term a sentence defines (`"Threshold" shall mean ...`), if it is a definition.
    pub(super) fn definition_name(&self, s: Sentence) -> Option<&str> {
        let at = *self.defined_at.get(&s.start)?;
        self.definitions.get(at).map(|(name, _)| name.as_str())
    }

    /// Every definition in the text: the term defined and its sentence (one per sentence).
    pub(super) fn read_definitions(&self) -> Vec<(String, Sentence)> {
        let mut found: Vec<(String, Sentence)> = Vec::new();
        let mut read = BTreeSet::new();
        for re in [&*DEFINITION, &*DEFINITION_ZH] {
            for (s, caps) in self.captures(re, K_DEFINITION) {
                if let Some(name) = caps.get(1)
                    && read.insert(s.start)
                {
                    found.push((name.as_str().trim().to_string(), s));
                }
            }
        }
        found
    }

    /// Where each definition stands: the start of its sentence, and its place in `definitions`.
    pub(super) fn definition_places(&self) -> BTreeMap<usize, usize> {
        self.definitions
            .iter()
            .enumerate()
            .map(|(at, (_, s))| (s.start, at))
            .collect()
    }

    /// When `s` defines a term, the other sentences that tie rights to that term through a level
    /// ("rights are conditioned on not exceeding the Threshold"): a gate written through a
    /// defined term. The first few only (see [`MAX_USES`]).
    pub(super) fn defined_term_gates(&self, s: Sentence) -> Vec<Sentence> {
        let Some(name) = self.definition_name(s) else {
            return Vec::new();
        };
        self.term_gates
            .get_or_init(|| self.read_term_gates())
            .get(name)
            .map(|gates| {
                gates
                    .iter()
                    .filter(|other| other.start != s.start)
                    .copied()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// For each defined term, the first sentences that hold it and a gate word or a separate
    /// grant, in order: one pass over the text for all the terms.
    fn read_term_gates(&self) -> BTreeMap<String, Vec<Sentence>> {
        let words = DefinedWords::new(self.definitions.iter().map(|(name, _)| name.as_str()));
        let mut gates: BTreeMap<String, Vec<Sentence>> = BTreeMap::new();
        for (i, other) in self.all.iter().enumerate() {
            // The words of the two phrasings are looked for first: most sentences lack them.
            if !(GATE_WORD.may_match_at(&self.passes, i)
                || SEPARATE_GRANT.may_match_at(&self.passes, i))
            {
                continue;
            }
            let held = words.held(self.sentence_text(*other));
            if held.is_empty()
                || !(self.holds(&GATE_WORD, *other) || self.holds(&SEPARATE_GRANT, *other))
            {
                continue;
            }
            for name in held {
                let list = gates.entry(words.names[name].to_string()).or_default();
                if list.len() < MAX_USES {
                    list.push(*other);
                }
            }
        }
        gates
    }

    /// Definitions that limit who the licensee may be (`"Licensee" means a non-profit ...`).
    pub(super) fn licensee_limits(&self) -> Vec<Sentence> {
        self.definitions
            .iter()
            .filter(|(name, s)| LICENSEE_NAME.is_match(name) && self.holds(&LICENSEE_LIMIT, *s))
            .map(|(_, s)| *s)
            .collect()
    }

    /// Grants whose scope is a defined term with a narrow definition ("to use the Model for
    /// Permitted Purposes", where "Permitted Purposes" means non-commercial research): the
    /// grant and the definition, pair after pair, the first few pairs only (see [`MAX_PAIRS`]:
    /// they are cited, or only counted).
    pub(super) fn grants_through_narrow_definitions(&self) -> Vec<Sentence> {
        let narrow: Vec<(&str, Sentence)> = self
            .definitions
            .iter()
            .filter(|(name, s)| self.holds(&NARROW_PURPOSE, *s) && !LICENSEE_NAME.is_match(name))
            .map(|(name, s)| (name.as_str(), *s))
            .collect();
        if narrow.is_empty() {
            return Vec::new();
        }
        let words = DefinedWords::new(narrow.iter().map(|(name, _)| *name));
        // For each term, where it stands in `narrow` (the first few places).
        let mut places: Vec<Vec<usize>> = vec![Vec::new(); words.names.len()];
        for (at, (name, _)) in narrow.iter().enumerate() {
            if let Some(list) = words.index(name).and_then(|i| places.get_mut(i))
                && list.len() < MAX_USES
            {
                list.push(at);
            }
        }
        let mut cited = Vec::new();
        for grant in self.sentences(&GRANT, K_GRANT) {
            let mut found: Vec<usize> = words
                .held(self.sentence_text(grant))
                .into_iter()
                .flat_map(|name| places[name].iter().copied())
                .collect();
            found.sort_unstable();
            for at in found {
                if cited.len() >= 2 * MAX_PAIRS {
                    return cited;
                }
                cited.push(grant);
                cited.push(narrow[at].1);
            }
        }
        cited
    }
}
