//! What kind of model it is. Some licences treat multimodal models apart (Llama 3.2 and 4 grant
//! EU licensees no rights for them), so the model's own modality is evaluated, never the
//! deployment's: a text-only use of a vision model is still a use of a multimodal model.
//!
//! The modality comes from what is known, and any source that says "multimodal" wins, since a
//! wrong "not multimodal" would open the gate:
//! - the card's `pipeline_tag` and tags (the Hub's task names, mapped in
//!   `data/pipeline-modalities.json`);
//! - the catalogue's list of published models, each with its modalities;
//! - the base models along the lineage;
//! - for a licence alone, the models published under it: multimodal when every one is.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::catalogue::{Catalogue, Licence};
use crate::context::Modality;
use crate::evaluate::{Known, ModelFacts};
use crate::metadata::ModelCard;

#[derive(Debug, Deserialize)]
struct PipelineTable {
    tags: BTreeMap<String, Vec<Modality>>,
}

/// The Hub's task names with the modalities each implies.
fn pipeline_table() -> &'static BTreeMap<String, Vec<Modality>> {
    static TABLE: OnceLock<BTreeMap<String, Vec<Modality>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Part of the crate and parsed by a test; an unreadable table only loses this source.
        serde_json::from_str::<PipelineTable>(include_str!("../data/pipeline-modalities.json"))
            .map(|t| t.tags)
            .unwrap_or_default()
    })
}

/// Whether a list of modalities makes a model multimodal: anything beside text and code.
fn is_multimodal(modalities: &[Modality]) -> bool {
    modalities.iter().any(|m| m.is_multimodal())
}

/// What a card's `pipeline_tag` and tags say, if they say anything.
fn of_tags(card: &ModelCard) -> Option<Known<bool>> {
    let table = pipeline_table();
    let mut said: Option<Known<bool>> = None;
    let named = card
        .pipeline_tag
        .iter()
        .map(|t| ("pipeline_tag", t))
        .chain(card.tags.iter().map(|t| ("tag", t)));
    for (field, tag) in named {
        let Some(modalities) = table.get(&tag.trim().to_ascii_lowercase()) else {
            continue;
        };
        let known = Known {
            value: is_multimodal(modalities),
            basis: format!("its card's {field} is `{tag}`"),
        };
        if known.value {
            return Some(known);
        }
        said.get_or_insert(known);
    }
    said
}

/// What the catalogue's list of published models says of one repository: the model itself, or
/// (`base`) a model it derives from.
fn of_listed(catalogue: &Catalogue, repo: &str, base: bool) -> Option<Known<bool>> {
    let (_, model) = catalogue.model(repo)?;
    let names: Vec<&str> = model.modalities.iter().map(|m| m.as_str()).collect();
    let basis = if base {
        format!(
            "it derives from {}, which the catalogue lists as {}",
            model.repo,
            names.join(" and ")
        )
    } else {
        format!(
            "the catalogue lists {} as {}",
            model.repo,
            names.join(" and ")
        )
    };
    Some(Known {
        value: is_multimodal(&model.modalities),
        basis,
    })
}

/// The facts about a model known only by its licence: multimodal when every model the
/// catalogue lists under that licence is (Llama 4); otherwise unknown.
pub fn of_licence(licence: &Licence) -> ModelFacts {
    let all_multimodal = !licence.models().is_empty()
        && licence
            .models()
            .iter()
            .all(|m| is_multimodal(&m.modalities));
    ModelFacts {
        multimodal: all_multimodal.then(|| Known {
            value: true,
            basis: format!(
                "every model the catalogue lists under {} is, {} of them, e.g. {}",
                licence.id,
                licence.models().len(),
                licence.models()[0].repo
            ),
        }),
        eu_gated: false,
    }
}

/// The facts about a model from its card, its own catalogue listing and its bases (nearest
/// first). Any source that says multimodal wins; "not multimodal" needs a source that says so
/// and none that disagrees.
pub fn of_model<'a>(
    card: &ModelCard,
    bases: impl IntoIterator<Item = &'a str>,
    catalogue: &Catalogue,
) -> ModelFacts {
    let own = card
        .repo
        .as_deref()
        .and_then(|repo| of_listed(catalogue, repo, false));
    let from_bases = bases
        .into_iter()
        .filter_map(|base| of_listed(catalogue, base, true));
    let sources: Vec<Known<bool>> = of_tags(card)
        .into_iter()
        .chain(own)
        .chain(from_bases)
        .collect();
    let multimodal = match sources.iter().position(|k| k.value) {
        Some(i) => sources.into_iter().nth(i),
        None => sources.into_iter().next(),
    };
    ModelFacts {
        multimodal,
        eu_gated: card.extra_gated_eu_disallowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_table_parses_and_names_known_modalities() {
        let table: PipelineTable =
            serde_json::from_str(include_str!("../data/pipeline-modalities.json"))
                .expect("data/pipeline-modalities.json parses");
        assert!(table.tags.len() > 40);
        assert!(is_multimodal(&table.tags["image-text-to-text"]));
        assert!(!is_multimodal(&table.tags["text-generation"]));
    }

    #[test]
    fn llama_4_models_are_all_multimodal_and_llama_3_2_only_some() {
        let catalogue = Catalogue::embedded().expect("loads");
        let llama4 = of_licence(catalogue.get("llama-4").expect("llama-4"));
        assert_eq!(llama4.multimodal.map(|k| k.value), Some(true));
        let llama32 = of_licence(catalogue.get("llama-3.2").expect("llama-3.2"));
        assert_eq!(llama32.multimodal, None);
    }

    #[test]
    fn a_vision_base_makes_a_text_tagged_fine_tune_multimodal() {
        let catalogue = Catalogue::embedded().expect("loads");
        let card = ModelCard {
            pipeline_tag: Some("text-generation".into()),
            ..ModelCard::default()
        };
        let facts = of_model(
            &card,
            ["meta-llama/Llama-3.2-11B-Vision-Instruct"],
            catalogue,
        );
        assert_eq!(facts.multimodal.map(|k| k.value), Some(true));
        let text = of_model(&card, ["meta-llama/Llama-3.2-1B-Instruct"], catalogue);
        assert_eq!(text.multimodal.map(|k| k.value), Some(false));
    }
}
