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
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

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

/// Where a catalogue text sits: the index of its licence in the catalogue, and whether it is
/// the licence's policy rather than the licence itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    licence: usize,
    is_policy: bool,
}

/// One catalogue text prepared for fuzzy matching.
struct Prepared {
    slot: Slot,
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

/// A catalogue prepared for identification.
///
/// Built in two tiers, cheapest first. The exact tier (a fingerprint of each catalogue text's
/// words) is all that an unmodified catalogue text needs; for the embedded catalogue the build
/// computed it, so [`Index::new`] costs microseconds. The fuzzy tier (every text's shingles and
/// alignment data) is built the first time a text is not a catalogue text word for word, and
/// kept.
///
/// An index belongs to the catalogue it was built from: pass that catalogue to its methods.
pub(crate) struct Index {
    /// Words fingerprint -> the catalogue text with those words (the first, should two agree).
    exact: HashMap<u64, Slot>,
    /// The shingle store, built on first use.
    fuzzy: OnceLock<Fuzzy>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("texts", &self.exact.len())
            .field("fuzzy_built", &self.fuzzy.get().is_some())
            .finish()
    }
}

/// The fuzzy tier of an [`Index`].
struct Fuzzy {
    texts: Vec<Prepared>,
    /// Shingle hash -> the prepared texts holding it.
    postings: ShingleMap<Vec<u16>>,
    /// Each prepared text, ready for alignment (same order as `texts`).
    references: Vec<Reference>,
    /// Each licence's names (same order as the catalogue's licences).
    names: Vec<Names>,
}

/// Every text of a catalogue with its slot, in slot order: each licence, then its policy.
fn catalogue_texts(catalogue: &Catalogue) -> impl Iterator<Item = (Slot, &'static str)> + '_ {
    catalogue
        .licences()
        .iter()
        .enumerate()
        .flat_map(|(licence, l)| {
            let policy = l.policy_text.map(|text| {
                let slot = Slot {
                    licence,
                    is_policy: true,
                };
                (slot, text)
            });
            let own = Slot {
                licence,
                is_policy: false,
            };
            std::iter::once((own, l.text)).chain(policy)
        })
}

/// The words fingerprint of a catalogue text: the build's, when the text is one the build
/// embedded, else computed here.
fn fingerprint(text: &str) -> u64 {
    crate::catalogue::embedded_fingerprint(text).unwrap_or_else(|| Words::new(text).fingerprint())
}

impl Index {
    /// Prepares `catalogue` for identification. Cheap: the fuzzy tier is built when first
    /// needed.
    pub fn new(catalogue: &Catalogue) -> Index {
        let mut exact = HashMap::new();
        for (slot, text) in catalogue_texts(catalogue) {
            exact.entry(fingerprint(text)).or_insert(slot);
        }
        Index {
            exact,
            fuzzy: OnceLock::new(),
        }
    }

    fn fuzzy(&self, catalogue: &Catalogue) -> &Fuzzy {
        self.fuzzy.get_or_init(|| {
            let mut texts = Vec::new();
            let mut postings: ShingleMap<Vec<u16>> = ShingleMap::default();
            let mut references = Vec::new();
            let names: Vec<Names> = catalogue.licences().iter().map(Names::of).collect();
            for (slot, text) in catalogue_texts(catalogue) {
                let words = Words::new(text);
                let distinct: ShingleSet = shingles(&words).into_iter().collect();
                let at = texts.len();
                for shingle in &distinct {
                    postings.entry(*shingle).or_default().push(at as u16);
                }
                texts.push(Prepared {
                    slot,
                    shingles: distinct.len(),
                });
                references.push(Reference::new(text, words, &names[slot.licence]));
            }
            Fuzzy {
                texts,
                postings,
                references,
                names,
            }
        })
    }

    /// [`Index::identify_text`] for a text whose words the caller already has.
    pub fn identify_words<'c>(
        &self,
        catalogue: &'c Catalogue,
        text: &str,
        words: &Words,
    ) -> TextMatch<'c> {
        if let Some(found) = self.exact_match(catalogue, text, words) {
            return found;
        }
        self.fuzzy_match(catalogue, text, words)
    }

    /// The catalogue text whose words equal the input's, if any.
    fn exact_match<'c>(
        &self,
        catalogue: &'c Catalogue,
        text: &str,
        words: &Words,
    ) -> Option<TextMatch<'c>> {
        let slot = *self.exact.get(&words.fingerprint())?;
        let licence = catalogue.licences().get(slot.licence)?;
        let reference_text = if slot.is_policy {
            licence.policy_text?
        } else {
            licence.text
        };
        let own_bytes = reference_text == text;
        // The fingerprint found a candidate; equal words confirm it (a collision reads on).
        let reference_words = if own_bytes {
            None
        } else {
            let reference = Words::new(reference_text);
            if reference.joined != words.joined {
                return None;
            }
            Some(reference)
        };
        // The same words may still link elsewhere: link targets are markup to the words.
        let changes = match reference_words {
            Some(reference) if !slot.is_policy && crate::changes::may_link(text) => {
                let names = Names::of(licence);
                let reference = Reference::new(reference_text, reference, &names);
                crate::changes::retargeted_links(text, &reference, None)
            }
            _ => Vec::new(),
        };
        Some(TextMatch {
            licence: Some(licence),
            confidence: 1.0,
            dice: None,
            exact: true,
            policy_only: slot.is_policy,
            nearest: None,
            extra_spans: changes.iter().map(|c| (c.start, c.end)).collect(),
            changes,
        })
    }

    /// Identification by shingle containment, for a text that is no catalogue text word for
    /// word.
    fn fuzzy_match<'c>(
        &self,
        catalogue: &'c Catalogue,
        text: &str,
        words: &Words,
    ) -> TextMatch<'c> {
        let index = self.fuzzy(catalogue);
        let licences = catalogue.licences();
        let input_shingles = shingles(words);
        let distinct: ShingleSet = input_shingles.iter().copied().collect();
        let mut found = vec![0usize; index.texts.len()];
        for shingle in &distinct {
            for &at in index
                .postings
                .get(shingle)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                found[usize::from(at)] += 1;
            }
        }
        let containment = |at: usize| found[at] as f64 / index.texts[at].shingles.max(1) as f64;
        let best_of = |policy: bool| {
            (0..index.texts.len())
                .filter(|&at| index.texts[at].slot.is_policy == policy)
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
            best_licence.map(|at| (at, false))
        } else if policy_score >= MIN_CONFIDENCE {
            best_policy.map(|at| (at, true))
        } else {
            None
        };
        let Some((at, policy_only)) = chosen else {
            return TextMatch {
                licence: None,
                confidence: round(licence_score),
                dice: None,
                exact: false,
                policy_only: false,
                nearest: best_licence
                    .and_then(|at| licences.get(index.texts[at].slot.licence))
                    .map(|l| (l, round(licence_score))),
                extra_spans: Vec::new(),
                changes: Vec::new(),
            };
        };
        let licence_idx = index.texts[at].slot.licence;
        let changes = if policy_only {
            Vec::new()
        } else {
            let policy = (0..index.texts.len())
                .find(|&s| {
                    index.texts[s].slot
                        == Slot {
                            licence: licence_idx,
                            is_policy: true,
                        }
                })
                .map(|s| &index.references[s]);
            let names = &index.names[licence_idx];
            crate::changes::changes(text, words, &index.references[at], policy, names)
        };
        let extra_spans: Vec<(usize, usize)> = changes
            .iter()
            .filter(|c| c.added > 0)
            .map(|c| (c.start, c.end))
            .collect();
        TextMatch {
            licence: licences.get(licence_idx),
            confidence: round(containment(at)),
            dice: licences.get(licence_idx).map(|l| round(dice(l, text))),
            exact: false,
            policy_only,
            nearest: None,
            extra_spans,
            changes,
        }
    }
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

/// The index of the embedded catalogue, built on first use and kept.
static EMBEDDED_INDEX: OnceLock<Index> = OnceLock::new();

/// Runs `f` with an index of `catalogue`: the kept one for the embedded catalogue, else one
/// built for this call (a caller with a catalogue of its own keeps an [`Index`] instead).
fn with_index<R>(catalogue: &Catalogue, f: impl FnOnce(&Index) -> R) -> R {
    let embedded = Catalogue::embedded().is_ok_and(|e| std::ptr::eq(e, catalogue));
    if embedded {
        f(EMBEDDED_INDEX.get_or_init(|| Index::new(catalogue)))
    } else {
        f(&Index::new(catalogue))
    }
}

/// Matches a licence text against the catalogue.
///
/// For the embedded catalogue, the index is built on first use and kept.
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
    with_index(catalogue, |index| {
        index.identify_words(catalogue, text, words)
    })
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
        let index = Index::new(catalogue);
        assert_eq!(
            index.exact.len(),
            catalogue_texts(catalogue).count(),
            "two catalogue texts share their words"
        );
    }

    #[test]
    fn the_builds_fingerprints_are_the_words_of_the_catalogue_texts() {
        let catalogue = Catalogue::embedded().expect("catalogue loads");
        for (slot, text) in catalogue_texts(catalogue) {
            let licence = &catalogue.licences()[slot.licence];
            let built = crate::catalogue::embedded_fingerprint(text);
            let kind = if slot.is_policy { "policy" } else { "licence" };
            assert!(built.is_some(), "{} {kind}: no fingerprint", licence.id);
            assert_eq!(
                built,
                Some(Words::new(text).fingerprint()),
                "{}",
                licence.id
            );
        }
    }

    #[test]
    fn a_text_in_another_dress_is_still_exact_and_a_fingerprint_alone_is_not_enough() {
        let catalogue = Catalogue::embedded().expect("catalogue loads");
        let llama = catalogue.get("llama-3.3").expect("llama-3.3");
        let crlf = llama.text.replace('\n', "\r\n");
        let found = identify_text(catalogue, &crlf);
        assert!(found.exact, "CRLF copy");
        assert_eq!(found.licence.map(|l| l.id.as_str()), Some("llama-3.3"));
        // A forged index entry (a fingerprint collision) is confirmed on the words, and fails.
        let mut index = Index::new(catalogue);
        let gemma = catalogue
            .licences()
            .iter()
            .position(|l| l.id == "gemma")
            .expect("gemma");
        let slot = Slot {
            licence: gemma,
            is_policy: false,
        };
        index.exact.insert(Words::new(&crlf).fingerprint(), slot);
        let found = index.identify_words(catalogue, &crlf, &Words::new(&crlf));
        assert!(!found.exact);
        assert_eq!(found.licence.map(|l| l.id.as_str()), Some("llama-3.3"));
    }
}
