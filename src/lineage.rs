//! Lineage: following a model back through its base models to the licences that bind it.
//!
//! A fine-tune, an adapter, a quantisation or a merge of a model whose licence binds derivatives
//! is bound by that licence, whatever its own card declares. Bases are resolved through the
//! catalogue's list of published repositories, then through the cards of intermediate models the
//! caller supplies ([`ModelIndex`]); an unknown base is reported, never assumed harmless.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Licence, LicenceKind};
use crate::error::{Origin, Result};
use crate::hf_cache::repo_from_name;
use crate::metadata::{
    Declared, ModelCard, Relation, declared_licence, parse_api_json, parse_card,
};
use crate::terms::Redistribution;
use crate::text::{Limits, read_text_file};

/// How deep a chain of base models is followed.
const MAX_DEPTH: usize = 8;

/// One step of a model's ancestry, nearest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineageStep {
    /// The base model's repository id.
    pub model: String,
    /// How the model below derives from it.
    pub relation: Option<Relation>,
    /// The catalogue licence it was published under, when known.
    pub licence: Option<String>,
}

/// Where intermediate model cards can be found by repository id: files and folders named
/// `owner__name` (`owner__name.json`, `owner__name.md`, `owner__name/README.md`) or, as in the
/// Hugging Face cache, `models--owner--name`, in the folders given. Lookups probe those names
/// directly, so an index costs nothing until a lineage needs it, however large the folder.
#[derive(Debug, Clone, Default)]
pub struct ModelIndex {
    dirs: Vec<PathBuf>,
    limits: Limits,
}

impl ModelIndex {
    /// An empty index: only the catalogue's repositories resolve.
    pub fn new() -> ModelIndex {
        ModelIndex::default()
    }

    /// An index of the cards in a folder, found by the names that encode repository ids.
    pub fn from_dir(dir: &Path, limits: Limits) -> ModelIndex {
        ModelIndex::from_dirs(vec![dir.to_path_buf()], limits)
    }

    /// An index of the cards in several folders, searched in order.
    pub fn from_dirs(dirs: Vec<PathBuf>, limits: Limits) -> ModelIndex {
        ModelIndex { dirs, limits }
    }

    /// The card of a repository, if this index has one that reads.
    pub fn card(&self, repo: &str) -> Option<ModelCard> {
        let path = self.probe(repo)?;
        // A Hugging Face cache entry holds the card in the snapshot `refs/main` names.
        let path = if crate::hf_cache::is_entry(&path) {
            crate::hf_cache::snapshot(&path, None)?.1
        } else {
            path
        };
        read_model_card(&path, self.limits).ok().flatten()
    }

    /// The first file or folder named after the repository in the indexed folders.
    fn probe(&self, repo: &str) -> Option<PathBuf> {
        let (owner, name) = repo.split_once('/')?;
        if [owner, name]
            .iter()
            .any(|part| part.is_empty() || part.contains(['/', '\\']) || *part == "..")
        {
            return None;
        }
        let names = [
            format!("{owner}__{name}"),
            format!("{owner}__{name}.json"),
            format!("{owner}__{name}.md"),
            format!("models--{owner}--{name}"),
        ];
        self.dirs
            .iter()
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| std::fs::symlink_metadata(p).is_ok_and(|m| !m.file_type().is_symlink()))
    }
}

/// Reads a card from a model folder (its `README.md`), a Markdown card, or a Hub JSON.
pub fn read_model_card(path: &Path, limits: Limits) -> Result<Option<ModelCard>> {
    let file = if path.is_dir() {
        path.join("README.md")
    } else {
        path.to_path_buf()
    };
    if !file.is_file() {
        return Ok(None);
    }
    let text = read_text_file(&file, limits)?;
    let origin = Origin::Path(file.clone());
    let mut card = if crate::metadata::looks_like_api_json(&text) {
        Some(parse_api_json(&text, &origin)?)
    } else {
        parse_card(&text, &origin)?
    };
    if let Some(card) = card.as_mut()
        && card.repo.is_none()
    {
        let named = if path.is_dir() {
            Some(path)
        } else {
            path.parent().filter(|_| file.ends_with("README.md"))
        };
        let stem = named
            .and_then(|p| p.file_name())
            .or_else(|| path.file_stem())
            .and_then(|n| n.to_str());
        card.repo = stem.and_then(repo_from_name);
    }
    Ok(card)
}

/// The licences that bind a model, and how they were found.
#[derive(Debug, Clone)]
pub struct Binding<'c> {
    /// What the model's own metadata declares.
    pub declared: Declared<'c>,
    /// The licences whose terms bind (one, or several for a merge or an `AND`).
    pub licences: Vec<&'c Licence>,
    /// Alternatives the licensee may pick from (`MIT OR Apache-2.0`), when no base binds.
    pub alternatives: Vec<&'c Licence>,
    /// Whether the binding licences come from the base models rather than the declaration.
    pub from_bases: bool,
    /// The ancestry, nearest first.
    pub lineage: Vec<LineageStep>,
    /// Base models that neither the catalogue nor the index knows.
    pub unknown_bases: Vec<String>,
    /// Whether the model itself is one the catalogue lists under its licence.
    pub own_listing: bool,
}

impl Licence {
    /// Whether the licence's terms follow the models derived from it: every model licence does
    /// (use restrictions, naming, notices), and so does an open licence with conditions on
    /// derivatives (share-alike, non-commercial). A derivative of an Apache-2.0 model may be
    /// relicensed.
    ///
    /// ```
    /// use model_licence::Catalogue;
    ///
    /// let catalogue = Catalogue::embedded()?;
    /// assert!(catalogue.get("llama-3.3").unwrap().binds_derivatives());
    /// assert!(!catalogue.get("apache-2.0").unwrap().binds_derivatives());
    /// # Ok::<(), model_licence::Error>(())
    /// ```
    pub fn binds_derivatives(&self) -> bool {
        self.kind == LicenceKind::Model
            || self.terms().terms.derivatives.redistribution != Redistribution::Allowed
    }
}

/// Resolves the licences that bind the model a card describes.
pub fn resolve<'c>(card: &ModelCard, catalogue: &'c Catalogue, index: &ModelIndex) -> Binding<'c> {
    let mut visited = BTreeSet::new();
    if let Some(repo) = &card.repo {
        visited.insert(repo.to_ascii_lowercase());
    }
    resolve_at(card, catalogue, index, 0, &mut visited)
}

fn resolve_at<'c>(
    card: &ModelCard,
    catalogue: &'c Catalogue,
    index: &ModelIndex,
    depth: usize,
    visited: &mut BTreeSet<String>,
) -> Binding<'c> {
    let declared = declared_licence(card, catalogue);
    let (declared_binding, alternatives) = match &declared {
        Declared::One(l) => (vec![*l], Vec::new()),
        Declared::AllOf(list) => (list.clone(), Vec::new()),
        Declared::AnyOf(list) => (Vec::new(), list.clone()),
        Declared::Nothing | Declared::Unknown(_) => (Vec::new(), Vec::new()),
    };
    let mut binding = Binding {
        declared: declared.clone(),
        licences: declared_binding.clone(),
        alternatives,
        from_bases: false,
        lineage: Vec::new(),
        unknown_bases: Vec::new(),
        own_listing: false,
    };
    // A repository the licensor published is bound by the licence it published it under, whatever
    // it was trained from (Llama 3.3 70B is a Llama 3.1 fine-tune that Meta licensed anew).
    if let Some(own) = card
        .repo
        .as_deref()
        .and_then(|repo| catalogue.licence_of_model(repo))
    {
        binding.licences = vec![own];
        binding.alternatives.clear();
        binding.from_bases = binding.declared != Declared::One(own);
        binding.own_listing = true;
        return binding;
    }
    if card.base_model.is_empty() {
        return binding;
    }
    let relation = card.base_model_relation.or_else(|| infer_relation(card));
    let mut inherited: Vec<&'c Licence> = Vec::new();
    for base in &card.base_model {
        if let Some(licence) = catalogue.licence_of_model(base) {
            binding.lineage.push(LineageStep {
                model: base.clone(),
                relation,
                licence: Some(licence.id.clone()),
            });
            inherited.push(licence);
            continue;
        }
        let parent = (depth < MAX_DEPTH && visited.insert(base.to_ascii_lowercase()))
            .then(|| index.card(base))
            .flatten();
        match parent {
            Some(parent) => {
                let above = resolve_at(&parent, catalogue, index, depth + 1, visited);
                let single = (above.licences.len() == 1).then(|| above.licences[0].id.clone());
                binding.lineage.push(LineageStep {
                    model: base.clone(),
                    relation,
                    licence: single,
                });
                binding.lineage.extend(above.lineage);
                binding.unknown_bases.extend(above.unknown_bases);
                inherited.extend(above.licences);
                inherited.extend(above.alternatives);
            }
            None => {
                binding.lineage.push(LineageStep {
                    model: base.clone(),
                    relation,
                    licence: None,
                });
                binding.unknown_bases.push(base.clone());
            }
        }
    }
    // Quantisations and adapters are the base's weights (or useless without them): the base's
    // licence binds whatever it is. A fine-tune or merge is bound by bases whose licences follow
    // derivatives.
    let same_weights = matches!(relation, Some(Relation::Quantized | Relation::Adapter));
    let mut binding_parents: Vec<&'c Licence> = inherited
        .into_iter()
        .filter(|l| same_weights || l.binds_derivatives())
        .collect();
    dedup(&mut binding_parents);
    if !binding_parents.is_empty() {
        binding.licences = binding_parents;
        binding.alternatives.clear();
        binding.from_bases = true;
    }
    binding
}

fn dedup(list: &mut Vec<&Licence>) {
    let mut seen = BTreeSet::new();
    list.retain(|l| seen.insert(l.id.clone()));
}

/// The relation the Hub would infer when the card does not state one.
fn infer_relation(card: &ModelCard) -> Option<Relation> {
    if card.base_model.len() > 1 {
        return Some(Relation::Merge);
    }
    let mut tags: Vec<String> = card.tags.iter().map(|t| t.to_ascii_lowercase()).collect();
    // Quantisers name their repositories after the format (`phi-2-GGUF`, `...-AWQ`).
    if let Some(repo) = &card.repo {
        tags.extend(
            repo.to_ascii_lowercase()
                .split(['/', '-', '_', '.'])
                .map(String::from),
        );
    }
    let has = |words: &[&str]| {
        tags.iter()
            .any(|t| words.iter().any(|w| t == w || t.contains(w)))
    };
    if has(&[
        "gguf",
        "awq",
        "gptq",
        "exl2",
        "quantized",
        "4-bit",
        "8-bit",
        "bitsandbytes",
        "mlx",
    ]) {
        Some(Relation::Quantized)
    } else if has(&["lora", "peft", "adapter"]) {
        Some(Relation::Adapter)
    } else if has(&["merge", "mergekit"]) {
        Some(Relation::Merge)
    } else {
        Some(Relation::Finetune)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(license: &str, bases: &[&str], relation: Option<Relation>) -> ModelCard {
        ModelCard {
            license: Some(license.to_string()),
            base_model: bases.iter().map(|s| s.to_string()).collect(),
            base_model_relation: relation,
            ..ModelCard::default()
        }
    }

    #[test]
    fn repo_names_from_files() {
        assert_eq!(
            repo_from_name("meta-llama__Llama-3.1-8B"),
            Some("meta-llama/Llama-3.1-8B".into())
        );
        assert_eq!(
            repo_from_name("models--google--gemma-2-9b"),
            Some("google/gemma-2-9b".into())
        );
        assert_eq!(repo_from_name("README"), None);
    }

    #[test]
    fn a_relabelled_llama_fine_tune_is_bound_by_llama() {
        let catalogue = Catalogue::embedded().unwrap();
        let b = resolve(
            &card("mit", &["meta-llama/Llama-3.1-8B-Instruct"], None),
            catalogue,
            &ModelIndex::new(),
        );
        assert_eq!(
            b.licences.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
            vec!["llama-3.1"]
        );
        assert!(b.from_bases);
        assert_eq!(b.lineage[0].relation, Some(Relation::Finetune));
    }

    #[test]
    fn a_fine_tune_of_an_apache_model_keeps_its_own_licence() {
        let catalogue = Catalogue::embedded().unwrap();
        let base = catalogue
            .licences()
            .iter()
            .find(|l| l.id == "apache-2.0")
            .and_then(|l| l.models().first())
            .map(|m| m.repo.clone());
        let Some(base) = base else { return };
        let b = resolve(
            &card("cc-by-nc-4.0", &[&base], Some(Relation::Finetune)),
            catalogue,
            &ModelIndex::new(),
        );
        assert_eq!(
            b.licences.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
            vec!["cc-by-nc-4.0"]
        );
        assert!(!b.from_bases);
    }

    #[test]
    fn a_merge_is_bound_by_every_parent() {
        let catalogue = Catalogue::embedded().unwrap();
        let b = resolve(
            &card(
                "apache-2.0",
                &["meta-llama/Llama-3.1-8B-Instruct", "google/gemma-2-9b-it"],
                None,
            ),
            catalogue,
            &ModelIndex::new(),
        );
        let ids: Vec<&str> = b.licences.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, vec!["llama-3.1", "gemma"]);
        assert_eq!(b.lineage[0].relation, Some(Relation::Merge));
    }

    #[test]
    fn an_unknown_base_is_reported() {
        let catalogue = Catalogue::embedded().unwrap();
        let b = resolve(
            &card("apache-2.0", &["someone/mystery-7b"], None),
            catalogue,
            &ModelIndex::new(),
        );
        assert_eq!(b.unknown_bases, vec!["someone/mystery-7b"]);
    }
}
