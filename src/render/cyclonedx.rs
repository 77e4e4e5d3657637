//! A CycloneDX 1.6 bill of materials for procurement pipelines: each subject a
//! `machine-learning-model` component with its licence, its base models (pedigree and
//! dependency graph) and the checker's verdict, terms and findings as properties under the
//! `model-licence:` namespace (the README lists every name).
//!
//! The output is reproducible: no timestamp, and a serial number derived from the content
//! (a version 5 UUID), so the same reports give the same bytes and any change gives a new
//! serial number.

use serde_json::{Map, Value, json};

use crate::batch::BatchItem;
use crate::catalogue::Catalogue;
use crate::lineage::LineageStep;
use crate::report::{ContextSource, Report};
use crate::subject::ModelId;
use crate::terms::{LICENCE_DOCUMENT, TermName};

/// The prefix of every property name this tool writes.
pub const PROPERTY_NAMESPACE: &str = "model-licence";

/// The schema the document declares.
const SCHEMA: &str = "http://cyclonedx.org/schema/bom-1.6.schema.json";

/// The CycloneDX 1.6 BOM of a batch: one `machine-learning-model` component per subject, in
/// order (a subject that could not be checked is still listed, with the verdict `error`), the
/// context evaluated as metadata properties, and the lineage as a dependency graph.
pub fn cyclonedx_bom(items: &[BatchItem]) -> Value {
    let catalogue = Catalogue::embedded().ok();
    let mut components = Vec::new();
    let mut dependencies = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let bom_ref = format!("model-{}", index + 1);
        let component = match &item.result {
            Ok(report) => {
                dependencies.extend(lineage_graph(&bom_ref, report));
                model_component(&bom_ref, &item.subject, report, catalogue)
            }
            Err(err) => error_component(&bom_ref, &item.subject, &err.to_string()),
        };
        components.push(component);
    }
    let mut bom = json!({
        "$schema": SCHEMA,
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": {
            "tools": { "components": [{
                "type": "application",
                "name": "model-licence",
                "version": env!("CARGO_PKG_VERSION"),
            }]},
            "properties": context_properties(items),
        },
        "components": components,
        "dependencies": dependencies,
    });
    let content = serde_json::to_vec(&bom).unwrap_or_default();
    let serial = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, &content);
    if let Some(fields) = bom.as_object_mut() {
        fields.insert(
            "serialNumber".to_string(),
            Value::String(serial.urn().to_string()),
        );
    }
    bom
}

/// A property under the tool's namespace.
fn property(name: &str, value: impl Into<String>) -> Value {
    json!({ "name": format!("{PROPERTY_NAMESPACE}:{name}"), "value": value.into() })
}

/// The model's Hub id, with its revision where known: the subject itself when it is one, else
/// what the card names.
fn model_id(subject: &str, report: &Report) -> Option<ModelId> {
    if let Some(id) = ModelId::parse(subject) {
        return Some(id);
    }
    let repo = report.declared.as_ref()?.repo.as_deref()?;
    let mut id = ModelId::parse(repo)?;
    id.revision.clone_from(&report.revision);
    Some(id)
}

/// `pkg:huggingface/owner/name[@revision]`.
fn purl(id: &ModelId) -> String {
    match &id.revision {
        Some(revision) => format!("pkg:huggingface/{}@{revision}", id.repo),
        None => format!("pkg:huggingface/{}", id.repo),
    }
}

fn model_component(
    bom_ref: &str,
    subject: &str,
    report: &Report,
    catalogue: Option<&Catalogue>,
) -> Value {
    let id = model_id(subject, report);
    let mut component = Map::new();
    component.insert("type".into(), json!("machine-learning-model"));
    component.insert("bom-ref".into(), json!(bom_ref));
    let name = id.as_ref().map_or(subject, |id| id.repo.as_str());
    component.insert("name".into(), json!(name));
    if let Some(revision) = id.as_ref().and_then(|id| id.revision.as_ref()) {
        component.insert("version".into(), json!(revision));
    }
    if let Some(id) = &id {
        component.insert("purl".into(), json!(purl(id)));
    }
    let licences = licences(report, catalogue);
    if !licences.is_empty() {
        component.insert("licenses".into(), Value::Array(licences));
    }
    let ancestors: Vec<Value> = report
        .lineage
        .iter()
        .flatten()
        .enumerate()
        .map(|(k, step)| base_component(&base_ref(bom_ref, k), step, catalogue))
        .collect();
    if !ancestors.is_empty() {
        component.insert("pedigree".into(), json!({ "ancestors": ancestors }));
    }
    component.insert("properties".into(), Value::Array(report_properties(report)));
    Value::Object(component)
}

fn base_ref(model_ref: &str, k: usize) -> String {
    format!("{model_ref}-base-{}", k + 1)
}

/// A subject that could not be checked: listed all the same, so that nothing drops out of the
/// inventory silently.
fn error_component(bom_ref: &str, subject: &str, error: &str) -> Value {
    let mut component = json!({
        "type": "machine-learning-model",
        "bom-ref": bom_ref,
        "name": subject,
        "properties": [
            property("subject", subject),
            property("verdict", "error"),
            property("error", error),
        ],
    });
    if let (Some(id), Some(fields)) = (ModelId::parse(subject), component.as_object_mut()) {
        fields.insert("name".into(), json!(id.repo));
        fields.insert("purl".into(), json!(purl(&id)));
    }
    component
}

/// A base model of the lineage, with the licence it was published under where known.
fn base_component(bom_ref: &str, step: &LineageStep, catalogue: Option<&Catalogue>) -> Value {
    let mut component = Map::new();
    component.insert("type".into(), json!("machine-learning-model"));
    component.insert("bom-ref".into(), json!(bom_ref));
    component.insert("name".into(), json!(step.model));
    if let Some(id) = ModelId::parse(&step.model) {
        component.insert("purl".into(), json!(purl(&id)));
    }
    let licence = step
        .licence
        .as_deref()
        .and_then(|id| catalogue?.get(id))
        .map(|licence| licence_entry(&licence.spdx, Some(licence.text), "declared"));
    if let Some(licence) = licence {
        component.insert("licenses".into(), json!([licence]));
    }
    let mut properties = Vec::new();
    if let Some(relation) = step.relation {
        properties.push(property("relation", relation.as_str()));
    }
    if let Some(licence) = &step.licence {
        properties.push(property("licence:id", licence.as_str()));
    }
    if !properties.is_empty() {
        component.insert("properties".into(), Value::Array(properties));
    }
    Value::Object(component)
}

/// Each model depends on its nearest base, each base on the next. The last base's own
/// dependencies are not known, so it gets no entry (an empty one would claim it has none).
fn lineage_graph(model_ref: &str, report: &Report) -> Vec<Value> {
    let steps = report.lineage.as_deref().unwrap_or_default();
    (0..steps.len())
        .map(|k| {
            let from = if k == 0 {
                model_ref.to_string()
            } else {
                base_ref(model_ref, k - 1)
            };
            json!({ "ref": from, "dependsOn": [base_ref(model_ref, k)] })
        })
        .collect()
}

/// One licence of `licenses`: an SPDX licence by its id; any other by its `LicenseRef-…` name,
/// with its text where it is at hand.
fn licence_entry(spdx: &str, text: Option<&str>, acknowledgement: &str) -> Value {
    let mut licence = Map::new();
    if spdx::license_id(spdx).is_some() {
        licence.insert("id".into(), json!(spdx));
    } else {
        licence.insert("name".into(), json!(spdx));
        if let Some(text) = text {
            licence.insert(
                "text".into(),
                json!({ "contentType": "text/plain", "content": text }),
            );
        }
    }
    licence.insert("acknowledgement".into(), json!(acknowledgement));
    json!({ "license": licence })
}

/// The licences of a model: the one that binds, as the checker concluded (every one of them when
/// several bind at once), then what its metadata declares, where it says anything.
fn licences(report: &Report, catalogue: Option<&Catalogue>) -> Vec<Value> {
    let licence = &report.licence;
    let read_text = report
        .sources
        .iter()
        .find(|s| s.document == LICENCE_DOCUMENT)
        .and_then(|s| s.text());
    let catalogue_text = |id: &str| catalogue.and_then(|c| c.get(id)).map(|l| l.text);
    let mut entries = Vec::new();
    match (&licence.id, &licence.spdx) {
        (Some(id), Some(spdx)) => {
            let text = read_text.or_else(|| catalogue_text(id));
            entries.push(licence_entry(spdx, text, "concluded"));
        }
        _ if !licence.binding.is_empty() => {
            for id in &licence.binding {
                let spdx = catalogue.and_then(|c| c.get(id)).map(|l| l.spdx.as_str());
                entries.push(licence_entry(
                    spdx.unwrap_or(id),
                    catalogue_text(id),
                    "concluded",
                ));
            }
        }
        // An unidentified text: named as such, with the text, and not "concluded".
        _ => {
            if let Some(text) = read_text {
                entries.push(json!({ "license": {
                    "name": "unidentified licence",
                    "text": { "contentType": "text/plain", "content": text },
                }}));
            }
        }
    }
    if let Some(card) = &report.declared {
        let declared = card.license.as_deref().or(card.license_name.as_deref());
        if let Some(declared) = declared {
            entries.push(json!({ "license": {
                "name": declared,
                "acknowledgement": "declared",
            }}));
        }
    }
    entries
}

/// The verdict, the licence, the terms and the findings, as properties.
fn report_properties(report: &Report) -> Vec<Value> {
    let licence = &report.licence;
    let mut properties = vec![
        property("subject", report.subject.as_str()),
        property("verdict", report.verdict.as_str()),
    ];
    if let Some(id) = &licence.id {
        properties.push(property("licence:id", id.as_str()));
    }
    if let Some(name) = &licence.name {
        properties.push(property("licence:name", name.as_str()));
    }
    for id in &licence.binding {
        properties.push(property("licence:binding", id.as_str()));
    }
    let method = serde_json::to_value(licence.match_info.method).unwrap_or(Value::Null);
    properties.push(property("licence:match", scalar(&method)));
    properties.push(property(
        "licence:confidence",
        licence.match_info.confidence.to_string(),
    ));
    if let Some(sha) = &licence.sha256 {
        properties.push(property("licence:sha256", sha.as_str()));
    }
    let terms = serde_json::to_value(&licence.terms).unwrap_or(Value::Null);
    for term in TermName::ALL {
        if let Some(value) = terms.get(term.as_str()) {
            flatten(&format!("terms:{}", term.as_str()), value, &mut properties);
        }
    }
    for finding in &report.findings {
        properties.push(property(
            &format!(
                "finding:{}:{}",
                finding.severity.as_str(),
                finding.rule.code()
            ),
            finding.message.as_str(),
        ));
    }
    properties
}

/// The context every subject was checked against (the same for the whole batch).
fn context_properties(items: &[BatchItem]) -> Vec<Value> {
    let Some(report) = items.iter().find_map(|item| item.result.as_ref().ok()) else {
        return Vec::new();
    };
    let source = match report.context_source {
        ContextSource::Default => "default",
        ContextSource::DefaultWithOverrides => "default_with_overrides",
        ContextSource::Given => "given",
        ContextSource::GivenWithOverrides => "given_with_overrides",
    };
    let mut properties = vec![property("context:source", source)];
    let context = serde_json::to_value(&report.context).unwrap_or(Value::Null);
    flatten("context", &context, &mut properties);
    properties
}

/// A JSON value as properties: an object's fields as `name:field`, a list as one property per
/// item (an empty list gives none), `null` as `null`.
fn flatten(name: &str, value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(fields) => {
            for (field, value) in fields {
                flatten(&format!("{name}:{field}"), value, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push(property(name, scalar(item)));
            }
        }
        scalar_value => out.push(property(name, scalar(scalar_value))),
    }
}

/// A value as one property's text: a string as itself, anything else as compact JSON.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_spdx_licence_is_named_by_id_and_any_other_carries_its_text() {
        let apache = licence_entry("Apache-2.0", Some("text"), "concluded");
        assert_eq!(
            apache,
            json!({ "license": { "id": "Apache-2.0", "acknowledgement": "concluded" } })
        );
        let llama = licence_entry("LicenseRef-llama-3.3", Some("LLAMA 3.3"), "concluded");
        assert_eq!(llama["license"]["name"], "LicenseRef-llama-3.3");
        assert_eq!(llama["license"]["text"]["content"], "LLAMA 3.3");
        assert!(llama["license"].get("id").is_none());
    }

    #[test]
    fn objects_flatten_to_names_and_lists_to_repeated_properties() {
        let mut out = Vec::new();
        flatten(
            "terms:x",
            &json!({ "a": null, "b": [ { "region": "EU" }, "US" ], "c": [] }),
            &mut out,
        );
        let pairs: Vec<(&str, &str)> = out
            .iter()
            .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("model-licence:terms:x:a", "null"),
                ("model-licence:terms:x:b", r#"{"region":"EU"}"#),
                ("model-licence:terms:x:b", "US"),
            ]
        );
    }
}
