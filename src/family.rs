//! Names and tags that point at a family whose licence binds derivatives.
//!
//! A model named `my-llama-7b` or tagged `gemma2` whose metadata names no base of that family may
//! be a derivative relabelled: an `unknown-base` review. The words come from the catalogue, for
//! every family whose licence binds derivatives: the family's name (`llama`, `gemma`, `qwen`, `yi`)
//! and the first word of each of its models' names (`codestral`, `ministral`, `stable`, `bloom`).

use crate::catalogue::{Catalogue, FamilyWord, Licence};
use crate::evaluate::{Finding, Rule, Severity};
use crate::lineage::Binding;
use crate::metadata::{Declared, ModelCard};
use crate::text::{capitalised, name_words};

impl FamilyWord {
    /// Whether a model's name (lower case) holds the word.
    fn in_name(&self, name: &str) -> bool {
        if self.inside_words {
            name.contains(&self.word)
        } else {
            name_words(name).contains(&self.word)
        }
    }
}

/// The words of every family whose licence binds derivatives (see the module docs).
fn family_words(catalogue: &Catalogue) -> &[FamilyWord] {
    catalogue
        .family_words
        .get_or_init(|| build_family_words(catalogue))
}

/// The words of every family whose licence binds derivatives, computed once per catalogue.
fn build_family_words(catalogue: &Catalogue) -> Vec<FamilyWord> {
    let binding: Vec<&Licence> = catalogue
        .licences()
        .iter()
        .filter(|l| l.binds_derivatives())
        .collect();
    let mut words: Vec<FamilyWord> = Vec::new();
    let mut push = |word: String, family: &str, inside_words: bool| {
        if !words.iter().any(|w| w.word == word && w.family == family) {
            words.push(FamilyWord {
                word,
                family: family.to_string(),
                inside_words,
            });
        }
    };
    for licence in &binding {
        let family = licence.family.as_str();
        let in_names = binding
            .iter()
            .filter(|l| l.family == family)
            .flat_map(|l| l.models())
            .any(|m| m.repo.to_ascii_lowercase().contains(family));
        // A family name of several words (`apple-amlr`) only ever stands in a name whole.
        let several_words = family.contains('-');
        push(
            family.to_string(),
            family,
            (in_names && family.len() >= 4) || several_words,
        );
        for nickname in &licence.nicknames {
            push(nickname.to_ascii_lowercase(), family, true);
        }
        for model in licence.models() {
            let first: String = model_name(&model.repo)
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            // Short first words (`sv` of `sv4d`) would match too much, and so would the
            // licensor's own name (`meta` of `meta-llama/Meta-Llama-3-8B`).
            let owner = model
                .repo
                .split('/')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if first.len() >= 4 && !owner.contains(&first) {
                push(first, family, true);
            }
        }
    }
    words
}

/// The name part of a repository id, lower-cased.
fn model_name(repo: &str) -> String {
    repo.rsplit('/').next().unwrap_or(repo).to_ascii_lowercase()
}

/// Whether a tag names a family word: the word itself, or the word and a version (`llama3`,
/// `gemma-2`), not a tool named after it (`llama-factory`, `llama-cpp`).
fn tag_names(tag: &str, word: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    tag.strip_prefix(word).is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    })
}

/// The family a tag names by being the beginning of its models' names, and of no other
/// family's (`stable-diffusion-xl` of `stable-diffusion-xl-base-1.0`; not `stable-diffusion`,
/// a tag diffusion models of every family carry).
fn tag_family(catalogue: &Catalogue, tag: &str) -> Option<String> {
    let tag = tag.to_ascii_lowercase();
    if tag.len() < 5 {
        return None;
    }
    let mut families: Vec<&str> = catalogue
        .licences()
        .iter()
        .filter(|l| {
            l.models()
                .iter()
                .any(|m| model_name(&m.repo).starts_with(&tag))
        })
        .map(|l| l.family.as_str())
        .collect();
    families.sort_unstable();
    families.dedup();
    let binding = catalogue
        .licences()
        .iter()
        .any(|l| families == [l.family.as_str()] && l.binds_derivatives());
    binding.then(|| families[0].to_string())
}

/// What a model's metadata and the check already show: a family found here is no hint.
struct Shown<'a> {
    /// Families of the licences declared, binding, evaluated or met in the lineage.
    families: Vec<&'a str>,
    /// The lineage's models, lower-cased.
    bases: Vec<String>,
    /// The repository's owner, lower-cased.
    owner: Option<String>,
}

impl<'a> Shown<'a> {
    fn new(
        card: &ModelCard,
        catalogue: &'a Catalogue,
        binding: &'a Binding,
        evaluated_family: Option<&'a str>,
    ) -> Shown<'a> {
        let mut families: Vec<&str> = evaluated_family.into_iter().collect();
        match &binding.declared {
            Declared::One(l) => families.push(&l.family),
            Declared::AnyOf(list) | Declared::AllOf(list) => {
                families.extend(list.iter().map(|l| l.family.as_str()))
            }
            Declared::Nothing | Declared::Unknown(_) => {}
        }
        families.extend(
            binding
                .licences
                .iter()
                .chain(&binding.alternatives)
                .map(|l| l.family.as_str()),
        );
        families.extend(
            binding
                .lineage
                .iter()
                .filter_map(|s| s.licence.as_deref())
                .filter_map(|id| catalogue.get(id))
                .map(|l| l.family.as_str()),
        );
        Shown {
            families,
            bases: binding
                .lineage
                .iter()
                .map(|s| s.model.to_ascii_lowercase())
                .collect(),
            owner: card
                .repo
                .as_deref()
                .and_then(|r| r.split_once('/'))
                .map(|(o, _)| o.to_ascii_lowercase()),
        }
    }

    /// Whether a word (of these families) is accounted for: a family shown, a base whose name
    /// holds it, or a licensor naming its own model after its own family.
    fn accounts_for(&self, word: &str, families: &[&str], catalogue: &Catalogue) -> bool {
        let licensor = catalogue
            .licences()
            .iter()
            .filter(|l| families.contains(&l.family.as_str()))
            .flat_map(|l| l.models())
            .any(|m| {
                let owner = m.repo.split_once('/').map(|(o, _)| o.to_ascii_lowercase());
                owner.is_some() && owner == self.owner
            });
        licensor
            || self.families.iter().any(|f| families.contains(f))
            || self.bases.iter().any(|b| b.contains(word))
    }
}

/// The words that point at each family whose licence binds derivatives, as (word, family).
pub(crate) fn family_word_list(catalogue: &Catalogue) -> Vec<(String, String)> {
    family_words(catalogue)
        .iter()
        .map(|w| (w.word.clone(), w.family.clone()))
        .collect()
}

/// A review for each family whose licence binds derivatives that a model's name or tags point at
/// but that its lineage, its declared licence and the licence evaluated do not show.
pub(crate) fn family_hints(
    card: &ModelCard,
    catalogue: &Catalogue,
    binding: &Binding,
    evaluated_family: Option<&str>,
) -> Vec<Finding> {
    if binding.own_listing {
        return Vec::new();
    }
    let name = card.repo.as_deref().map(model_name).unwrap_or_default();
    let tags: Vec<&String> = card.tags.iter().filter(|t| !t.contains(':')).collect();
    let tag_words: Vec<FamilyWord> = tags
        .iter()
        .filter_map(|tag| {
            tag_family(catalogue, tag).map(|family| FamilyWord {
                word: tag.to_ascii_lowercase(),
                family,
                inside_words: false,
            })
        })
        .collect();
    // The catalogue's words are built once; only the card's tags are added here.
    let words: Vec<&FamilyWord> = family_words(catalogue).iter().chain(&tag_words).collect();
    let shown = Shown::new(card, catalogue, binding, evaluated_family);
    let mut hinted: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for entry in &words {
        let by_name = entry.in_name(&name);
        let tag = tags.iter().find(|t| tag_names(t, &entry.word));
        if !(by_name || tag.is_some()) || hinted.contains(&entry.family.as_str()) {
            continue;
        }
        let families: Vec<&str> = words
            .iter()
            .filter(|w| w.word == entry.word)
            .map(|w| w.family.as_str())
            .collect();
        if shown.accounts_for(&entry.word, &families, catalogue) {
            continue;
        }
        hinted.push(&entry.family);
        let source = match tag {
            Some(tag) if !by_name => format!("The model's tag `{tag}`"),
            _ => format!(
                "The model's name, `{}`,",
                card.repo.as_deref().unwrap_or("")
            ),
        };
        out.push(hint(card, &source, &entry.word, &entry.family));
    }
    out
}

fn hint(card: &ModelCard, source: &str, word: &str, family: &str) -> Finding {
    let family = capitalised(family);
    Finding::new(
        Rule::UnknownBase,
        Severity::Review,
        format!(
            "{source} suggests it derives from a {family} model (`{word}`), but its metadata names no such base: if it does, the {family} licence binds it. Check its lineage."
        ),
        card.license_evidence.iter().cloned().collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every family whose model licence binds derivatives has a word that points at it, and the
    /// names people write for the big families are among the words.
    #[test]
    fn every_binding_family_has_a_word() {
        let catalogue = Catalogue::embedded().expect("catalogue");
        let words = family_words(catalogue);
        for licence in catalogue.licences() {
            if licence.kind == crate::catalogue::LicenceKind::Model && licence.binds_derivatives() {
                assert!(
                    words.iter().any(|w| w.family == licence.family),
                    "no word names the {} family",
                    licence.family
                );
            }
        }
        let known = [
            "llama",
            "gemma",
            "qwen",
            "flux",
            "mistral",
            "codestral",
            "stable",
            "yi",
        ];
        for word in known {
            assert!(
                words.iter().any(|w| w.word == word),
                "`{word}` is not a family word"
            );
        }
    }
}
