//! Identification: which catalogue licence is this text?
//!
//! Three signals, cheapest first:
//! 1. **Exact**: the text's words (see [`crate::text::Words`]) equal a catalogue text's words. This
//!    catches unmodified files in any dress (CRLF, re-wrapping, Markdown or HTML).
//! 2. **Containment**: the share of a catalogue text's five-word shingles found in the input. It
//!    tells near-identical versions apart (Llama 3.1, 3.2 and 3.3 differ in their version names,
//!    which fill many shingles), and still finds a licence inside a longer file (a licence followed
//!    by its use policy, a licence pasted into a README). It is the reported confidence.
//! 3. **Dice** (`spdx::detection`, askalono's bigram score) over the whole text, reported beside it
//!    so a reviewer sees how similar the file is as a whole.
//!
//! Words of the input that no shingle of the chosen licence (or its policy) explains are kept as
//! spans: text that the catalogue does not know may change the terms, so the evaluation asks for
//! review rather than assume it changes nothing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use serde::{Deserialize, Serialize};
use spdx::detection::TextData;

use crate::catalogue::{Catalogue, Licence};
use crate::changes::{Names, Reference, TextChange};
use crate::text::Words;

/// Words per shingle.
const SHINGLE: usize = 5;
/// The share of a licence's shingles a text must contain to be identified as that licence.
pub const MIN_CONFIDENCE: f64 = 0.80;

/// How a licence was identified (`licence.match.method` in the JSON report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchMethod {
    /// The subject named a catalogue id or alias.
    CatalogueId,
    /// The licence text was matched against the catalogue texts.
    Text,
    /// Model metadata named the licence.
    Metadata,
    /// Nothing was identified.
    None,
}

/// The outcome of matching a text against the catalogue.
///
/// ```
/// use model_licence::{Catalogue, identify_text};
///
/// let catalogue = Catalogue::embedded()?;
/// let mit = catalogue.get("mit").expect("in the catalogue");
/// let found = identify_text(catalogue, &mit.text.replace("Permission is hereby", "Permission is hereby, gladly,"));
/// assert_eq!(found.licence.map(|l| l.id.as_str()), Some("mit"));
/// assert!(!found.exact && !found.changes.is_empty()); // a changed copy: its changes are listed
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct TextMatch<'c> {
    /// The licence identified, if any.
    pub licence: Option<&'c Licence>,
    /// The share (0..1) of the licence's text found in the input: 1.0 for an exact match.
    pub confidence: f64,
    /// askalono's Dice score of the whole input against the licence (absent on the exact path).
    pub dice: Option<f64>,
    /// Whether the input's words equal the catalogue text's words.
    pub exact: bool,
    /// Set when the input is the licence's companion policy rather than the licence.
    pub policy_only: bool,
    /// The closest catalogue licence and its containment, when nothing reached the threshold.
    pub nearest: Option<(&'c Licence, f64)>,
    /// Byte ranges of the input's words that neither the licence nor its policy explain (the
    /// added side of [`TextMatch::changes`]).
    pub extra_spans: Vec<(usize, usize)>,
    /// Every difference from the licence (and its policy) beyond format and the allow-list of
    /// harmless material: additions, removals and replacements, in the input's order.
    pub changes: Vec<TextChange>,
}

/// One catalogue text prepared for matching.
struct Prepared {
    /// Index of the licence in the catalogue.
    licence: usize,
    /// Whether this is the licence's policy rather than the licence itself.
    is_policy: bool,
    /// How many distinct shingles it has.
    shingles: usize,
}

/// Shingle keys are hashes already: hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used for shingle keys; fold anything else in for completeness.
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8)) ^ u64::from(byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

type ShingleMap<V> = HashMap<u64, V, BuildHasherDefault<PrehashedKey>>;
type ShingleSet = HashSet<u64, BuildHasherDefault<PrehashedKey>>;

/// The catalogue prepared for matching, built once on first use and kept in the catalogue.
pub(crate) struct Index {
    texts: Vec<Prepared>,
    /// Shingle hash -> the prepared texts holding it.
    postings: ShingleMap<Vec<u16>>,
    /// Words hash -> prepared text, for the exact path.
    exact: HashMap<u64, usize>,
    /// Each prepared text, ready for alignment (same order as `texts`).
    references: Vec<Reference>,
    /// Each licence's names (same order as the catalogue's licences).
    names: Vec<Names>,
}

fn hash_str(s: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut hasher);
    hasher.finish()
}

/// The distinct shingle hashes of a text, each with the index of its first word.
fn shingles(words: &Words) -> Vec<u64> {
    let word_hashes: Vec<u64> = words.iter().map(fnv1a).collect();
    if word_hashes.len() < SHINGLE {
        return if word_hashes.is_empty() {
            Vec::new()
        } else {
            vec![combine(&word_hashes)]
        };
    }
    word_hashes.windows(SHINGLE).map(combine).collect()
}

/// FNV-1a: a fast, stable hash of one word (identification needs speed, not DoS resistance:
/// a collision can only add a shingle, and the word-level checks follow).
fn fnv1a(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// An order-sensitive combination of word hashes.
fn combine(hashes: &[u64]) -> u64 {
    hashes.iter().fold(0x9e37_79b9_7f4a_7c15, |acc, &h| {
        (acc.rotate_left(13) ^ h).wrapping_mul(0xff51_afd7_ed55_8ccd)
    })
}

fn index(catalogue: &Catalogue) -> &Index {
    catalogue.match_index.get_or_init(|| {
        let mut texts = Vec::new();
        let mut postings: ShingleMap<Vec<u16>> = ShingleMap::default();
        let mut exact = HashMap::new();
        let mut references = Vec::new();
        let names: Vec<Names> = catalogue.licences().iter().map(Names::of).collect();
        let sources = catalogue.licences().iter().enumerate().flat_map(|(i, l)| {
            std::iter::once((i, false, l.text)).chain(l.policy_text.map(|p| (i, true, p)))
        });
        for (licence, is_policy, text) in sources {
            let words = Words::new(text);
            let distinct: ShingleSet = shingles(&words).into_iter().collect();
            let slot = texts.len();
            for shingle in &distinct {
                postings.entry(*shingle).or_default().push(slot as u16);
            }
            let words_hash = hash_str(&words.joined);
            exact.entry(words_hash).or_insert(slot);
            texts.push(Prepared {
                licence,
                is_policy,
                shingles: distinct.len(),
            });
            references.push(Reference::new(text, words, &names[licence]));
        }
        Index {
            texts,
            postings,
            exact,
            references,
            names,
        }
    })
}

/// Matches a licence text against the catalogue.
///
/// The catalogue prepares its matching index on the first call and keeps it.
///
/// ```
/// use model_licence::{Catalogue, identify_text};
///
/// let catalogue = Catalogue::embedded()?;
/// let found = identify_text(catalogue, catalogue.get("llama-3.1").unwrap().text);
/// assert_eq!((found.licence.map(|l| l.id.as_str()), found.exact), (Some("llama-3.1"), true));
/// assert!(identify_text(catalogue, "All rights reserved.").licence.is_none());
/// # Ok::<(), model_licence::Error>(())
/// ```
pub fn identify_text<'c>(catalogue: &'c Catalogue, text: &str) -> TextMatch<'c> {
    identify_words(catalogue, text, &Words::new(text))
}

/// [`identify_text`] for a text whose words the caller already has.
pub fn identify_words<'c>(catalogue: &'c Catalogue, text: &str, words: &Words) -> TextMatch<'c> {
    let index = index(catalogue);
    let licences = catalogue.licences();
    if let Some(&slot) = index.exact.get(&hash_str(&words.joined)) {
        let prepared = &index.texts[slot];
        // The same words may still link elsewhere: link targets are markup to the words.
        let own_bytes = licences
            .get(prepared.licence)
            .is_some_and(|l| l.text == text);
        let changes = if prepared.is_policy || own_bytes || !crate::changes::may_link(text) {
            Vec::new()
        } else {
            crate::changes::retargeted_links(text, &index.references[slot], None)
        };
        return TextMatch {
            licence: licences.get(prepared.licence),
            confidence: 1.0,
            dice: None,
            exact: true,
            policy_only: prepared.is_policy,
            nearest: None,
            extra_spans: changes.iter().map(|c| (c.start, c.end)).collect(),
            changes,
        };
    }

    let input_shingles = shingles(words);
    let distinct: ShingleSet = input_shingles.iter().copied().collect();
    let mut found = vec![0usize; index.texts.len()];
    for shingle in &distinct {
        for &slot in index
            .postings
            .get(shingle)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            found[usize::from(slot)] += 1;
        }
    }
    let containment = |slot: usize| found[slot] as f64 / index.texts[slot].shingles.max(1) as f64;
    let best_of = |policy: bool| {
        (0..index.texts.len())
            .filter(|&slot| index.texts[slot].is_policy == policy)
            .max_by(|&a, &b| {
                containment(a)
                    .total_cmp(&containment(b))
                    .then_with(|| found[a].cmp(&found[b]))
            })
    };
    let best_licence = best_of(false);
    let best_policy = best_of(true);
    let licence_score = best_licence.map_or(0.0, containment);
    let policy_score = best_policy.map_or(0.0, containment);

    let chosen = if licence_score >= MIN_CONFIDENCE {
        best_licence.map(|slot| (slot, false))
    } else if policy_score >= MIN_CONFIDENCE {
        best_policy.map(|slot| (slot, true))
    } else {
        None
    };
    let Some((slot, policy_only)) = chosen else {
        return TextMatch {
            licence: None,
            confidence: round(licence_score),
            dice: None,
            exact: false,
            policy_only: false,
            nearest: best_licence
                .and_then(|slot| licences.get(index.texts[slot].licence))
                .map(|l| (l, round(licence_score))),
            extra_spans: Vec::new(),
            changes: Vec::new(),
        };
    };
    let licence_idx = index.texts[slot].licence;
    let changes = if policy_only {
        Vec::new()
    } else {
        let policy = (0..index.texts.len())
            .find(|&s| index.texts[s].licence == licence_idx && index.texts[s].is_policy)
            .map(|s| &index.references[s]);
        let names = &index.names[licence_idx];
        crate::changes::changes(text, words, &index.references[slot], policy, names)
    };
    let extra_spans: Vec<(usize, usize)> = changes
        .iter()
        .filter(|c| c.added > 0)
        .map(|c| (c.start, c.end))
        .collect();
    TextMatch {
        licence: licences.get(licence_idx),
        confidence: round(containment(slot)),
        dice: licences.get(licence_idx).map(|l| round(dice(l, text))),
        exact: false,
        policy_only,
        nearest: None,
        extra_spans,
        changes,
    }
}

/// askalono's Dice score of the input against one catalogue licence text, computed only for
/// the licence chosen, so that the fuzzy path prepares two texts rather than the catalogue.
fn dice(licence: &Licence, text: &str) -> f64 {
    f64::from(TextData::new(licence.text).match_score(&TextData::new(text)))
}

fn round(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_text_is_identified_exactly_as_itself() {
        let catalogue = Catalogue::embedded().expect("catalogue loads");
        for licence in catalogue.licences() {
            let found = identify_text(catalogue, licence.text);
            assert_eq!(
                found.licence.map(|l| l.id.as_str()),
                Some(licence.id.as_str())
            );
            assert!(found.exact && !found.policy_only, "{}", licence.id);
        }
    }

    #[test]
    fn words_hash_is_unique_per_text() {
        let catalogue = Catalogue::embedded().expect("catalogue loads");
        let index = index(catalogue);
        assert_eq!(
            index.exact.len(),
            index.texts.len(),
            "two catalogue texts share their words"
        );
    }
}
