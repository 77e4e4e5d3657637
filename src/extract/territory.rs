//! Territory exclusions: the regions named after a trigger ("excluding", "not granted to those
//! domiciled in", "不适用于"), by domicile, by market or both.

use std::collections::BTreeSet;

use super::phrases::{
    self, DOMICILE_WORD, GOVERNING_LAW_ZH, K_LIMIT, K_TERRITORY, K_ZH, MANNER_NOT_PLACE,
    MARKET_DENY, MULTIMODAL, REGION_TRIGGER_ANY, REGION_TRIGGER_DENY, TERRITORY_ONLY,
    TERRITORY_ONLY_AFTER, TERRITORY_ONLY_NOT, TERRITORY_ONLY_ZH, TERRITORY_ONLY_ZH_PLACE,
    TERRITORY_ZH,
};
use super::{Extraction, Sentence};
use crate::terms::{TermName, TerritoryBasis, TerritoryExclusion, TerritoryScope};

/// Why a use confined to named regions is quoted for review.
const CONFINED: &str = "this clause confines the use to the regions it names: every other region is excluded, which the list of exclusions cannot state";

/// How far after a confining word ("only in", "仅限") its region may stand, in bytes.
const REGION_WITHIN: usize = 40;

impl Extraction<'_> {
    pub(super) fn territory(&mut self) {
        let mut exclusions: Vec<TerritoryExclusion> = Vec::new();
        let triggers = [&*REGION_TRIGGER_ANY, &*REGION_TRIGGER_DENY, &*MARKET_DENY];
        let mut seen = BTreeSet::new();
        for re in triggers {
            for s in self.sentences(re, K_TERRITORY) {
                if !seen.insert(s.start) {
                    continue;
                }
                let text = self.sentence_text(s).to_string();
                let mut listed: Vec<(&'static str, TerritoryBasis)> = Vec::new();
                if self.holds(&REGION_TRIGGER_DENY, s) {
                    for m in self.matches_in(&DOMICILE_WORD, s) {
                        for region in regions_after(&text, m.end()) {
                            listed.push((region, TerritoryBasis::Domicile));
                        }
                    }
                }
                for m in self.matches_in(&REGION_TRIGGER_ANY, s) {
                    for region in regions_after(&text, m.end()) {
                        listed.push((region, TerritoryBasis::Any));
                    }
                }
                for m in self.matches_in(&MARKET_DENY, s) {
                    // "must not be used in any manner that compromises China's ...": a manner,
                    // not a place.
                    let manner = text
                        .get(m.end()..)
                        .is_some_and(|rest| MANNER_NOT_PLACE.is_match(rest));
                    if !manner && !m.as_str().to_ascii_lowercase().ends_with("outside") {
                        for region in regions_after(&text, m.end()) {
                            listed.push((region, TerritoryBasis::Market));
                        }
                    }
                }
                if listed.is_empty() {
                    continue;
                }
                let scope = if self.holds(&MULTIMODAL, s) {
                    TerritoryScope::Multimodal
                } else {
                    TerritoryScope::All
                };
                for (region, basis) in listed {
                    exclusions.push(TerritoryExclusion {
                        region: region.to_string(),
                        scope,
                        basis,
                    });
                }
                self.cite(TermName::TerritoryExclusions, s);
            }
        }
        for s in self.sentences(&TERRITORY_ZH, K_ZH) {
            let text = self.sentence_text(s);
            if self.holds(&GOVERNING_LAW_ZH, s) {
                continue;
            }
            let scope = if text.contains("多模态") {
                TerritoryScope::Multimodal
            } else {
                TerritoryScope::All
            };
            for region in regions_zh(text) {
                exclusions.push(TerritoryExclusion {
                    region: region.to_string(),
                    scope,
                    basis: TerritoryBasis::Any,
                });
            }
            self.cite(TermName::TerritoryExclusions, s);
        }
        self.terms.territory_exclusions = merge_exclusions(exclusions);
    }

    /// Quotes for review each sentence that confines a use to named regions: the exclusions
    /// read name what is excluded, not what is left. (Run after the limit pass, which weighs
    /// such a sentence as a limit on the grant as it would without this.)
    pub(super) fn confined_territory(&mut self) {
        for s in self.confined_to_regions() {
            self.unclear(TermName::TerritoryExclusions, CONFINED, s);
        }
    }

    /// The sentences that confine a use to named regions ("may be used only in the United
    /// States", "available in the EU only", "仅限中国境内使用"), in order.
    fn confined_to_regions(&self) -> Vec<Sentence> {
        let mut confined: Vec<Sentence> = Vec::new();
        for s in self.sentences(&TERRITORY_ONLY, K_LIMIT) {
            let text = self.sentence_text(s);
            let names = |end: usize| text.get(end..).is_some_and(names_region_first);
            if self
                .matches_in(&TERRITORY_ONLY, s)
                .iter()
                .any(|m| names(m.end()))
            {
                confined.push(s);
            }
        }
        for s in self.sentences(&TERRITORY_ONLY_AFTER, K_LIMIT) {
            let names = |m: &phrases::Match<'_>| {
                !regions_in(m.as_str()).is_empty() && !TERRITORY_ONLY_NOT.is_match(m.as_str())
            };
            if self.matches_in(&TERRITORY_ONLY_AFTER, s).iter().any(names) {
                confined.push(s);
            }
        }
        for s in self.sentences(&TERRITORY_ONLY_ZH, K_LIMIT) {
            let text = self.sentence_text(s);
            let names = |end: usize| {
                let after = text.get(end..).unwrap_or("");
                let window = after
                    .char_indices()
                    .nth(12)
                    .map_or(after, |(at, _)| &after[..at]);
                let names =
                    !regions_zh(window).is_empty() || TERRITORY_ONLY_ZH_PLACE.is_match(window);
                names && !TERRITORY_ONLY_NOT.is_match(window)
            };
            if self
                .matches_in(&TERRITORY_ONLY_ZH, s)
                .iter()
                .any(|m| names(m.end()))
            {
                confined.push(s);
            }
        }
        confined.sort_by_key(|s| s.start);
        confined.dedup_by_key(|s| s.start);
        confined
    }
}

/// Whether `rest` names a region within [`REGION_WITHIN`] bytes of its start, with no law or
/// court between ("the United States", not "compliance with the laws of the United States").
fn names_region_first(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    let first = region_names(&lower).map(|(start, _, _)| start).min();
    first.is_some_and(|at| {
        at <= REGION_WITHIN
            && lower
                .get(..at)
                .is_some_and(|gap| !TERRITORY_ONLY_NOT.is_match(gap))
    })
}

/// The regions a sentence names, in order, without repeats.
pub(super) fn regions_in(sentence: &str) -> Vec<&'static str> {
    let lower = sentence.to_lowercase();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (start, end, code) in region_names(&lower) {
        if !taken.iter().any(|&(a, b)| start < b && a < end) {
            taken.push((start, end));
            found.push((start, code));
        }
    }
    in_order(found)
}

/// Every region name of `regions.toml` in `lower` (lower case) between word boundaries, name
/// after name as the file lists them: where it starts and ends, and its code.
fn region_names(lower: &str) -> impl Iterator<Item = (usize, usize, &'static str)> + '_ {
    phrases::regions()
        .english
        .iter()
        .flat_map(move |(name, code)| {
            lower
                .match_indices(name.as_str())
                .filter_map(move |(start, _)| {
                    let end = start + name.len();
                    let bytes = lower.as_bytes();
                    let boundary_before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
                    let boundary_after = end == lower.len() || !bytes[end].is_ascii_alphanumeric();
                    (boundary_before && boundary_after).then_some((start, end, code.as_str()))
                })
        })
}

/// The regions listed right after a trigger: the first within a few words of it, the list up to
/// the end of the clause. "excluding the European Union and the UK" lists two; "governed by the
/// laws of China, excluding conflict of laws" lists none.
pub(super) fn regions_after(sentence: &str, from: usize) -> Vec<&'static str> {
    let rest = sentence.get(from..).unwrap_or("");
    let end = rest
        .find(['.', ';', ')', ':'])
        .unwrap_or(rest.len())
        .min(200);
    let mut window_end = end;
    while !rest.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &rest[..window_end];
    let lower = window.to_lowercase();
    let first = phrases::regions()
        .english
        .iter()
        .filter_map(|(name, _)| lower.find(name.as_str()))
        .min();
    match first {
        Some(pos) if pos <= 40 => regions_in(window),
        _ => Vec::new(),
    }
}

/// The regions a Chinese sentence names, in order, without repeats.
pub(super) fn regions_zh(sentence: &str) -> Vec<&'static str> {
    let found: Vec<(usize, &'static str)> = phrases::regions()
        .chinese
        .iter()
        .flat_map(|(name, code)| {
            sentence
                .match_indices(name.as_str())
                .map(move |(at, _)| (at, code.as_str()))
        })
        .collect();
    in_order(found)
}

/// The codes of regions found at positions, in order of position, without repeats.
fn in_order(mut found: Vec<(usize, &'static str)>) -> Vec<&'static str> {
    found.sort();
    let mut codes = Vec::new();
    for (_, code) in found {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// One exclusion per region and scope; a region excluded by domicile and by market is excluded
/// by either.
pub(super) fn merge_exclusions(list: Vec<TerritoryExclusion>) -> Vec<TerritoryExclusion> {
    let mut out: Vec<TerritoryExclusion> = Vec::new();
    for e in list {
        match out
            .iter_mut()
            .find(|o| o.region == e.region && o.scope == e.scope)
        {
            Some(existing) if existing.basis != e.basis => existing.basis = TerritoryBasis::Any,
            Some(_) => {}
            None => out.push(e),
        }
    }
    // An exclusion of everything covers the multimodal-only one.
    let all: Vec<String> = out
        .iter()
        .filter(|e| e.scope == TerritoryScope::All)
        .map(|e| e.region.clone())
        .collect();
    out.retain(|e| e.scope == TerritoryScope::All || !all.contains(&e.region));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_found_with_word_boundaries() {
        assert_eq!(
            regions_in("excluding the European Union, United Kingdom and South Korea"),
            vec!["EU", "GB", "KR"]
        );
        assert!(regions_in("the Ukrainian translation").is_empty());
        assert_eq!(regions_in("North Korea and South Korea"), vec!["KP", "KR"]);
    }
}
