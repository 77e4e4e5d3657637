//! Model metadata: Hugging Face model cards (YAML front matter), Hub API model JSON, and the
//! licences they declare (Hub ids, `other` with `license_name`, SPDX expressions).
//!
//! Cards come from strangers, so parsing is bounded: the YAML budget refuses alias bombs, deep
//! nesting and huge documents with an error rather than a hang.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalogue::{Catalogue, Licence};
use crate::error::{Error, Origin, Result};
use crate::terms::Evidence;

/// How a model derives from its base (`base_model_relation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Weights trained further from the base.
    Finetune,
    /// A LoRA or other adapter on the base.
    Adapter,
    /// The base's weights, quantised.
    Quantized,
    /// Weights merged from several parents.
    Merge,
}

impl Relation {
    /// Parses a Hub relation name.
    pub fn parse(name: &str) -> Option<Relation> {
        match name.trim().to_ascii_lowercase().as_str() {
            "finetune" | "fine-tune" | "fine_tune" | "finetuned" => Some(Relation::Finetune),
            "adapter" | "lora" => Some(Relation::Adapter),
            "quantized" | "quantised" | "quantization" => Some(Relation::Quantized),
            "merge" | "merged" => Some(Relation::Merge),
            _ => None,
        }
    }

    /// The Hub's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Finetune => "finetune",
            Relation::Adapter => "adapter",
            Relation::Quantized => "quantized",
            Relation::Merge => "merge",
        }
    }
}

/// What a model's metadata says, as read from its card or its Hub JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelCard {
    /// The repository id (`owner/name`), where the metadata or the file name gives it.
    pub repo: Option<String>,
    /// `license`: a Hub licence id, `other`, or an SPDX expression.
    pub license: Option<String>,
    /// `license_name`, with `license: other`.
    pub license_name: Option<String>,
    /// `license_link`: a file name in the repository or a URL.
    pub license_link: Option<String>,
    /// `base_model`: one repository, or several for a merge.
    pub base_model: Vec<String>,
    /// `base_model_relation`, as stated or as the Hub's tags give it.
    pub base_model_relation: Option<Relation>,
    /// `tags`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// `pipeline_tag`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pipeline_tag: Option<String>,
    /// `extra_gated_prompt`: the access form's text, on gated repositories.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_gated_prompt: Option<String>,
    /// `extra_gated_eu_disallowed`: the Hub refuses access from the EU.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extra_gated_eu_disallowed: bool,
    /// Files of the repository (Hub JSON `siblings`).
    #[serde(skip)]
    pub files: Vec<String>,
    /// The `license:` line of the card, as evidence (document `card`).
    #[serde(skip)]
    pub license_evidence: Option<Evidence>,
    /// Places where the metadata contradicts itself about the licence (two licence tags, a
    /// duplicate key): each is a reason to review.
    #[serde(skip)]
    pub disagreements: Vec<Disagreement>,
    /// The card's Markdown body, read for licence statements.
    #[serde(skip)]
    pub body: Option<CardBody>,
}

/// A place where a model's metadata contradicts itself about its licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// What disagrees, in a sentence.
    pub message: String,
    /// Where (document `card`).
    pub evidence: Vec<Evidence>,
}

/// The Markdown body of a model card: the text after its front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardBody {
    /// The whole card, so that evidence offsets are offsets into the file.
    pub text: String,
    /// Where the body starts in it.
    pub start: usize,
}

/// The document name of a model card in evidence.
pub const CARD_DOCUMENT: &str = "card";

/// Limits for a card's YAML front matter.
const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;

/// Whether a text starts with YAML front matter (`---` on the first line, then a key). A
/// Markdown text that opens with a horizontal rule ("---", then "# Ti Security Engine Asset
/// License" and "**Version 1.0**", a real licence text of round 25) has none: the first line
/// after the fence that is neither blank nor a comment must be a key ("license: mit") or the
/// closing fence.
pub fn has_front_matter(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return false;
    };
    rest.lines()
        .map(str::trim_end)
        .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .is_none_or(|line| line == "---" || is_key_line(line))
}

/// Whether a line opens a YAML mapping entry: a plain or quoted key, a colon, then a space or
/// the line's end ("license: mit", "model-index:", "\"tags\": [x]").
fn is_key_line(line: &str) -> bool {
    let line = line.trim_start();
    line.find(':').is_some_and(|colon| {
        let key = &line[..colon];
        let after = &line[colon + 1..];
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || "_-. \"'".contains(c))
            && (after.is_empty() || after.starts_with([' ', '\t']))
    })
}

/// Whether a text is a Hub API model JSON (an object with `id` or `modelId`, and `cardData`,
/// `tags` or `siblings`).
pub fn looks_like_api_json(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('{')
        && (head.contains("\"modelId\"") || head.contains("\"id\""))
        && (head.contains("\"cardData\"")
            || head.contains("\"tags\"")
            || head.contains("\"siblings\""))
}

/// Parses the YAML front matter of a model card. `None` when the text has none.
pub fn parse_card(text: &str, origin: &Origin) -> Result<Option<ModelCard>> {
    if !has_front_matter(text) {
        return Ok(None);
    }
    let bom = text.len() - text.trim_start_matches('\u{feff}').len();
    let body_start = bom + text[bom..].find('\n').map_or(text.len(), |n| n + 1);
    let rest = &text[body_start..];
    let end = closing_fence(rest).ok_or_else(|| {
        metadata_error(
            origin,
            Some(1),
            "front matter opened with `---` is never closed",
        )
    })?;
    let yaml = &rest[..end];
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(metadata_error(
            origin,
            Some(1),
            &format!(
                "front matter of {} bytes is over the limit of {MAX_FRONT_MATTER_BYTES}",
                yaml.len()
            ),
        ));
    }
    let parse = |policy| {
        parse_yaml(yaml, policy)
            .map_err(|(line, message)| metadata_error(origin, line.map(|l| l + 1), &message))
    };
    let value = parse(serde_saphyr::DuplicateKeyPolicy::LastWins)?;
    let first = parse(serde_saphyr::DuplicateKeyPolicy::FirstWins)?;
    let mut card = card_from_value(&value);
    // A key given twice: the two readings differ in a field the checker reads.
    let duplicated = card != card_from_value(&first);
    card.license_evidence = license_line(text, body_start, yaml);
    for d in &mut card.disagreements {
        d.evidence.extend(card.license_evidence.iter().cloned());
    }
    if duplicated {
        card.disagreements.push(Disagreement {
            message: "The front matter states a key the checker reads (licence, base model, access form, tags) twice, with different values: which one the Hub or a reader takes is not defined.".to_string(),
            evidence: card.license_evidence.iter().cloned().collect(),
        });
    }
    let tags = card.tags.clone();
    card.disagreements
        .extend(tag_disagreements(text, &card, &tags));
    card.body = Some(CardBody {
        text: text.to_string(),
        start: body_start + end,
    });
    Ok(Some(card))
}

/// Keys spelt like `license` in another case (`License:`), whose value differs from the one read:
/// the Hub reads only the lower-case key, a person may read the other.
fn odd_case_keys(value: &Value, card: &ModelCard) -> Vec<Disagreement> {
    let Some(object) = value.as_object() else {
        return Vec::new();
    };
    let read = |key: &str| match key {
        "license" => card.license.clone(),
        "license_name" => card.license_name.clone(),
        _ => Some(card.base_model.join(" AND ")).filter(|b| !b.is_empty()),
    };
    object
        .iter()
        .filter_map(|(key, v)| {
            let lower = key.to_ascii_lowercase();
            let relevant = matches!(lower.as_str(), "license" | "license_name" | "base_model");
            let other = strings(Some(v)).join(" AND ");
            let differs = Some(other.clone()).filter(|o| !o.is_empty()) != read(&lower);
            (relevant && key != &lower && differs).then(|| {
                Disagreement {
                    message: format!(
                        "The front matter has a key `{key}: {other}` beside `{lower}`: the Hub reads only `{lower}`, so the two disagree."
                    ),
                    evidence: card.license_evidence.iter().cloned().collect(),
                }
            })
        })
        .collect()
}

/// Where the closing `---` line of front matter starts, relative to `rest`.
fn closing_fence(rest: &str) -> Option<usize> {
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Parses bounded YAML into a JSON value, or (line, message).
fn parse_yaml(
    yaml: &str,
    duplicates: serde_saphyr::DuplicateKeyPolicy,
) -> std::result::Result<Value, (Option<usize>, String)> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 64;
    budget.max_anchors = 64;
    budget.max_depth = 32;
    budget.max_documents = 1;
    budget.max_events = 100_000;
    budget.max_nodes = 50_000;
    budget.max_total_scalar_bytes = MAX_FRONT_MATTER_BYTES;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = duplicates;
    options.alias_limits.max_total_replayed_events = 10_000;
    options.alias_limits.max_alias_expansions_per_anchor = 64;
    let value: std::result::Result<Value, _> = serde_saphyr::from_str_with_options(yaml, options);
    value.map_err(|err| {
        let message = err.to_string();
        let line = message
            .split("line ")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok());
        (line, format!("YAML front matter: {}", first_line(&message)))
    })
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

/// The `license:` line of the front matter as evidence into the card's text.
fn license_line(text: &str, yaml_start: usize, yaml: &str) -> Option<Evidence> {
    let mut at = yaml_start;
    for line in yaml.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if ["license:", "licence:", "license_name:"]
            .iter()
            .any(|key| bare.starts_with(key))
        {
            return Evidence::span(text, at, at + bare.len(), CARD_DOCUMENT);
        }
        at += line.len();
    }
    None
}

/// Parses a Hub API model JSON (`GET /api/models/<repo>`).
pub fn parse_api_json(text: &str, origin: &Origin) -> Result<ModelCard> {
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|err| {
            let reason = if err.to_string().contains("recursion limit") {
                format!(
                    "Hub model JSON nests deeper than 128 levels, the limit for JSON inputs ({err})"
                )
            } else {
                format!("Hub model JSON: {err}")
            };
            metadata_error(origin, Some(err.line()), &reason)
        })?;
    let object = value
        .as_object()
        .ok_or_else(|| metadata_error(origin, Some(1), "Hub model JSON must be an object"))?;
    let mut card = object
        .get("cardData")
        .map(card_from_value)
        .unwrap_or_default();
    card.repo = string(object.get("id")).or_else(|| string(object.get("modelId")));
    let tags = strings(object.get("tags"));
    card.disagreements
        .extend(tag_disagreements(text, &card, &tags));
    apply_tags(&mut card, &tags);
    for tag in tags {
        if !card.tags.contains(&tag) {
            card.tags.push(tag);
        }
    }
    card.files = object
        .get("siblings")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| string(s.get("rfilename")))
                .collect()
        })
        .unwrap_or_default();
    if card.pipeline_tag.is_none() {
        card.pipeline_tag = string(object.get("pipeline_tag"));
    }
    card.license_evidence = json_license_evidence(text, &card);
    Ok(card)
}

/// Where the JSON states the licence: its `"license": "..."` (in `cardData`), else its
/// `"license:..."` tag, as evidence (document `card`).
fn json_license_evidence(text: &str, card: &ModelCard) -> Option<Evidence> {
    let license = card.license.as_deref()?;
    let needles = [
        format!("\"license\": \"{license}\""),
        format!("\"license\":\"{license}\""),
        format!("\"license:{license}\""),
    ];
    needles.iter().find_map(|needle| quoted(text, needle))
}

/// Licence tags that disagree with each other or with `cardData.license`.
fn tag_disagreements(text: &str, card: &ModelCard, tags: &[String]) -> Vec<Disagreement> {
    let licence_tags = lowered_set(tags.iter().filter_map(|t| t.strip_prefix("license:")));
    let evidence: Vec<Evidence> = licence_tags
        .iter()
        .filter_map(|t| quoted(text, &format!("\"license:{t}\"")))
        .collect();
    let mut out = Vec::new();
    if licence_tags.len() > 1 {
        out.push(Disagreement {
            message: format!(
                "The Hub lists several licence tags ({}): the model's licence is not one thing.",
                licence_tags.join(", ")
            ),
            evidence: evidence.clone(),
        });
    }
    let stated = lowered_set(card.license.iter().flat_map(|l| l.split(" AND ")));
    if !stated.is_empty() && !licence_tags.is_empty() && stated != licence_tags {
        out.push(Disagreement {
            message: format!(
                "The Hub's licence tag ({}) differs from the card data's `license` ({}).",
                licence_tags.join(", "),
                stated.join(", ")
            ),
            evidence,
        });
    }
    out
}

/// Names trimmed, lower-cased, sorted and without repeats.
fn lowered_set<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut set: Vec<String> = names.map(|n| n.trim().to_ascii_lowercase()).collect();
    set.sort();
    set.dedup();
    set
}

/// The first place a needle occurs in a text, as evidence (document `card`).
fn quoted(text: &str, needle: &str) -> Option<Evidence> {
    let start = text.find(needle)?;
    Evidence::span(text, start, start + needle.len(), CARD_DOCUMENT)
}

/// Fills what the Hub's tags say (`license:llama3.1`, `base_model:finetune:meta-llama/...`) and
/// the card data does not.
fn apply_tags(card: &mut ModelCard, tags: &[String]) {
    if card.license.is_none() {
        // Several licence tags all bind (and are a disagreement, reported separately).
        let mut ids: Vec<&str> = tags
            .iter()
            .filter_map(|t| t.strip_prefix("license:"))
            .collect();
        ids.dedup();
        card.license = (!ids.is_empty()).then(|| ids.join(" AND "));
    }
    for tag in tags {
        if let Some(rest) = tag.strip_prefix("base_model:") {
            let (relation, repo) = match rest.split_once(':') {
                Some((relation, repo)) => (Relation::parse(relation), repo),
                None => (None, rest),
            };
            if card.base_model_relation.is_none() {
                card.base_model_relation = relation;
            }
            if !card.base_model.iter().any(|b| b.eq_ignore_ascii_case(repo)) {
                card.base_model.push(repo.to_string());
            }
        }
    }
}

/// Reads the fields the checker needs from front matter (or `cardData`), tolerating the shapes
/// cards use: a string or a list for `base_model` and `license`.
fn card_from_value(value: &Value) -> ModelCard {
    // `licence:` (British spelling) is read too: the Hub ignores it, but its writer meant it.
    // Both spellings at once count as several licences: all bind, with a disagreement.
    let mut licenses = strings(value.get("license"));
    licenses.extend(strings(value.get("licence")));
    let distinct = lowered_set(licenses.iter().map(String::as_str));
    let disagreements = (distinct.len() > 1)
        .then(|| Disagreement {
            message: format!(
                "`license` lists several licences ({}) without saying whether all bind or any may be chosen: all are taken to bind.",
                distinct.join(", ")
            ),
            evidence: Vec::new(),
        })
        .into_iter()
        .collect();
    let mut card = ModelCard {
        repo: None,
        license: (!licenses.is_empty()).then(|| licenses.join(" AND ")),
        license_name: string(value.get("license_name")),
        license_link: string(value.get("license_link")),
        base_model: strings(value.get("base_model")),
        base_model_relation: string(value.get("base_model_relation"))
            .and_then(|r| Relation::parse(&r)),
        tags: strings(value.get("tags")),
        pipeline_tag: string(value.get("pipeline_tag")),
        extra_gated_prompt: string(value.get("extra_gated_prompt")),
        extra_gated_eu_disallowed: value
            .get("extra_gated_eu_disallowed")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        files: Vec::new(),
        license_evidence: None,
        disagreements,
        body: None,
    };
    let odd = odd_case_keys(value, &card);
    card.disagreements.extend(odd);
    card
}

fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|v| string(Some(v))).collect(),
        other => string(other).into_iter().collect(),
    }
}

fn metadata_error(origin: &Origin, line: Option<usize>, message: &str) -> Error {
    Error::Metadata {
        origin: origin.clone(),
        line,
        message: message.to_string(),
    }
}

/// What a declared licence resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared<'c> {
    /// Nothing declared.
    Nothing,
    /// One catalogue licence.
    One(&'c Licence),
    /// Alternatives (`MIT OR Apache-2.0`): the licensee may pick.
    AnyOf(Vec<&'c Licence>),
    /// All bind (`Apache-2.0 AND CC-BY-4.0`).
    AllOf(Vec<&'c Licence>),
    /// A licence the catalogue does not know (the declared name).
    Unknown(String),
}

/// Resolves a card's declared licence against the catalogue: a Hub id (`llama3.1`), `other` with
/// `license_name` (`mrl`), an SPDX id or expression (`MIT OR Apache-2.0`, `LicenseRef-…`).
pub fn declared_licence<'c>(card: &ModelCard, catalogue: &'c Catalogue) -> Declared<'c> {
    let Some(license) = card.license.as_deref() else {
        return match card.license_name.as_deref() {
            Some(name) => resolve_name(name, catalogue),
            None => Declared::Nothing,
        };
    };
    match license.to_ascii_lowercase().as_str() {
        "other" => match card.license_name.as_deref() {
            Some(name) => resolve_name(name, catalogue),
            None => Declared::Unknown("other".to_string()),
        },
        "unknown" | "" => Declared::Unknown(license.to_string()),
        _ => resolve_name(license, catalogue),
    }
}

fn resolve_name<'c>(name: &str, catalogue: &'c Catalogue) -> Declared<'c> {
    if let Some(licence) = catalogue.resolve_hub_id(name) {
        return Declared::One(licence);
    }
    expression(name, catalogue).unwrap_or_else(|| Declared::Unknown(name.to_string()))
}

/// An SPDX expression of catalogue licences, all joined by `OR` or all by `AND`.
fn expression<'c>(text: &str, catalogue: &'c Catalogue) -> Option<Declared<'c>> {
    // Hub ids are lower case (`apache-2.0 OR mit`): spell each licence the SPDX way first.
    let canonical = crate::expression::canonical(text, catalogue);
    // Lax, but no guessing: the Hub's family ids (`bsd`, `gpl`, `lgpl`) name no one licence,
    // and the spdx crate's imprecise names would turn them into one (`bsd` into BSD-2-Clause).
    let mode = spdx::ParseMode {
        allow_imprecise_license_names: false,
        ..spdx::ParseMode::LAX
    };
    let parsed = spdx::Expression::parse_mode(&canonical, mode).ok()?;
    let mut licences = Vec::new();
    for req in parsed.requirements() {
        let name = match &req.req.license {
            spdx::LicenseItem::Spdx { id, .. } => id.name.to_string(),
            spdx::LicenseItem::Other(other) => format!("LicenseRef-{}", other.lic_ref),
        };
        licences.push(catalogue.resolve_hub_id(&name)?);
    }
    let operators: Vec<spdx::expression::Operator> = parsed
        .iter()
        .filter_map(|node| match node {
            spdx::expression::ExprNode::Op(op) => Some(*op),
            spdx::expression::ExprNode::Req(_) => None,
        })
        .collect();
    match (licences.len(), operators.first()) {
        (1, _) => Some(Declared::One(licences[0])),
        (_, Some(first)) if operators.iter().all(|op| op == first) => match first {
            spdx::expression::Operator::Or => Some(Declared::AnyOf(licences)),
            spdx::expression::Operator::And => Some(Declared::AllOf(licences)),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::Memory("test".into())
    }

    /// A card opens with a key after its fence; a licence text that opens with a Markdown rule
    /// (round 25's Ti Security Engine Asset License) is no card.
    #[test]
    fn front_matter_needs_a_key_after_the_fence() {
        assert!(has_front_matter("---\nlicense: mit\n---\n# Model\n"));
        assert!(has_front_matter(
            "---\n# a comment\n\"license\": mit\n---\n"
        ));
        assert!(has_front_matter("---\n---\n# Empty front matter\n"));
        assert!(!has_front_matter(
            "---\n\n# Ti Security Engine Asset License\n\n**Version 1.0**\n\n---\n"
        ));
        assert!(!has_front_matter("# Title\n---\nlicense: mit\n"));
    }

    #[test]
    fn front_matter_fields_are_read() {
        let card = parse_card(
            "---\nlicense: other\nlicense_name: mrl\nbase_model:\n  - a/b\n  - c/d\nbase_model_relation: merge\ntags: [x, y]\n---\n# Title\n",
            &origin(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(card.license.as_deref(), Some("other"));
        assert_eq!(card.license_name.as_deref(), Some("mrl"));
        assert_eq!(card.base_model, vec!["a/b", "c/d"]);
        assert_eq!(card.base_model_relation, Some(Relation::Merge));
        let ev = card.license_evidence.unwrap();
        assert_eq!(ev.text, "license: other");
    }

    #[test]
    fn no_front_matter_is_none() {
        assert_eq!(parse_card("# Just a README\n", &origin()).unwrap(), None);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(matches!(
            parse_card("---\nlicense: mit\n", &origin()),
            Err(Error::Metadata { .. })
        ));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut yaml = String::from("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            yaml.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        yaml.push_str("---\n");
        assert!(matches!(
            parse_card(&yaml, &origin()),
            Err(Error::Metadata { .. })
        ));
    }

    #[test]
    fn api_json_tags_give_licence_and_lineage() {
        let card = parse_api_json(
            r#"{"id":"x/y","tags":["license:llama3.1","base_model:meta-llama/Llama-3.1-8B","base_model:finetune:meta-llama/Llama-3.1-8B"],"siblings":[{"rfilename":"LICENSE"}]}"#,
            &origin(),
        )
        .unwrap();
        assert_eq!(card.repo.as_deref(), Some("x/y"));
        assert_eq!(card.license.as_deref(), Some("llama3.1"));
        assert_eq!(card.base_model, vec!["meta-llama/Llama-3.1-8B"]);
        assert_eq!(card.base_model_relation, Some(Relation::Finetune));
        assert_eq!(card.files, vec!["LICENSE"]);
        assert_eq!(
            card.license_evidence.map(|e| e.text).as_deref(),
            Some("\"license:llama3.1\"")
        );
    }

    #[test]
    fn declared_ids_and_expressions_resolve() {
        let catalogue = Catalogue::embedded().unwrap();
        let card = |license: &str| ModelCard {
            license: Some(license.to_string()),
            ..ModelCard::default()
        };
        assert!(
            matches!(declared_licence(&card("llama3.1"), catalogue), Declared::One(l) if l.id == "llama-3.1")
        );
        assert!(
            matches!(declared_licence(&card("MIT OR Apache-2.0"), catalogue), Declared::AnyOf(v) if v.len() == 2)
        );
        assert!(
            matches!(declared_licence(&card("Apache-2.0 AND CC-BY-4.0"), catalogue), Declared::AllOf(v) if v.len() == 2)
        );
        assert!(
            matches!(declared_licence(&card("LicenseRef-llama-3.3"), catalogue), Declared::One(l) if l.id == "llama-3.3")
        );
        assert!(matches!(
            declared_licence(&card("eupl-1.2"), catalogue),
            Declared::Unknown(_)
        ));
        assert!(matches!(
            declared_licence(&card("llama"), catalogue),
            Declared::Unknown(_)
        ));
        let other = ModelCard {
            license: Some("other".into()),
            license_name: Some("flux-1-dev-non-commercial-license".into()),
            ..ModelCard::default()
        };
        assert!(
            matches!(declared_licence(&other, catalogue), Declared::One(l) if l.id == "flux-1-dev-non-commercial")
        );
    }
}
