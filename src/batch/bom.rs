//! A CycloneDX bill of materials as a scan inventory: its `machine-learning-model` components,
//! each checked by its Hugging Face model id.

use serde_json::Value;

use crate::batch::MAX_SUBJECTS;
use crate::error::{Error, Origin, Result};
use crate::subject::ModelId;

/// The model ids of a CycloneDX BOM's `machine-learning-model` components (nested ones
/// included), in document order: `owner/name@revision` from a `pkg:huggingface/…` purl, else the
/// component's name when it is an `owner/name` id. A model component that names no model id is
/// an error that names it (skipping it would leave it unchecked), and so is a BOM with none.
pub(crate) fn subjects_in_bom(bom: &Value, origin: &Origin) -> Result<Vec<String>> {
    let invalid = |message: String| Error::Metadata {
        origin: origin.clone(),
        line: None,
        message,
    };
    if bom.get("bomFormat").and_then(Value::as_str) != Some("CycloneDX") {
        return Err(invalid(
            "a JSON object inventory must be a CycloneDX BOM (`\"bomFormat\": \"CycloneDX\"`); a list of subjects is a JSON array".to_string(),
        ));
    }
    let mut models = Vec::new();
    collect_models(bom, &mut models);
    if models.is_empty() {
        return Err(invalid(
            "the CycloneDX BOM lists no `machine-learning-model` component".to_string(),
        ));
    }
    if models.len() > MAX_SUBJECTS {
        return Err(invalid(format!(
            "lists more than {MAX_SUBJECTS} models; split the inventory"
        )));
    }
    models
        .into_iter()
        .map(|component| model_subject(component).map_err(invalid))
        .collect()
}

/// Every `machine-learning-model` component under `node`'s `components`, depth first.
fn collect_models<'v>(node: &'v Value, out: &mut Vec<&'v Value>) {
    let components = node.get("components").and_then(Value::as_array);
    for component in components.into_iter().flatten() {
        if component.get("type").and_then(Value::as_str) == Some("machine-learning-model") {
            out.push(component);
        }
        collect_models(component, out);
    }
}

/// The model id a component names, or why it names none.
fn model_subject(component: &Value) -> std::result::Result<String, String> {
    let field = |name: &str| component.get(name).and_then(Value::as_str);
    let shown = || {
        format!(
            "the model component `{}`{}",
            field("name").unwrap_or("(no name)"),
            field("bom-ref")
                .map(|r| format!(" (bom-ref `{r}`)"))
                .unwrap_or_default()
        )
    };
    if let Some(purl) = field("purl").filter(|p| p.starts_with("pkg:huggingface/")) {
        return huggingface_purl(purl)
            .map(|id| id.to_string())
            .ok_or_else(|| {
                format!(
                    "{}: its purl `{purl}` is not `pkg:huggingface/OWNER/NAME[@REVISION]`",
                    shown()
                )
            });
    }
    match field("name").and_then(ModelId::parse) {
        Some(id) => Ok(id.to_string()),
        None => Err(format!(
            "{} has neither a `pkg:huggingface/OWNER/NAME` purl nor an `OWNER/NAME` name, so it cannot be checked as a model: give it one",
            shown()
        )),
    }
}

/// `pkg:huggingface/OWNER/NAME[@REVISION][?qualifiers][#subpath]` as a model id.
fn huggingface_purl(purl: &str) -> Option<ModelId> {
    let rest = purl.strip_prefix("pkg:huggingface/")?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    ModelId::parse(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn huggingface_purls_give_model_ids() {
        let id = |purl| huggingface_purl(purl).map(|id| id.to_string());
        assert_eq!(
            id("pkg:huggingface/meta-llama/Llama-3.1-8B@0e9e39f249a16976918f6564b8830bc894c89659"),
            Some("meta-llama/Llama-3.1-8B@0e9e39f249a16976918f6564b8830bc894c89659".into())
        );
        assert_eq!(
            id("pkg:huggingface/google/gemma-2-9b?download_url=x#weights"),
            Some("google/gemma-2-9b".into())
        );
        for not_a_model in [
            "pkg:huggingface/gpt2",
            "pkg:huggingface/a/b/c",
            "pkg:huggingface/a%2Fb/c",
            "pkg:pypi/torch@2.0",
        ] {
            assert_eq!(id(not_a_model), None, "{not_a_model}");
        }
    }

    #[test]
    fn a_model_component_without_a_model_id_is_an_error_that_names_it() {
        let origin = Origin::Memory("bom".into());
        let bom = json!({
            "bomFormat": "CycloneDX",
            "components": [
                { "type": "library", "name": "torch" },
                { "type": "machine-learning-model", "name": "in-house-classifier", "bom-ref": "m1" },
            ],
        });
        let err = subjects_in_bom(&bom, &origin).unwrap_err().to_string();
        assert!(
            err.contains("`in-house-classifier` (bom-ref `m1`)"),
            "{err}"
        );
        let no_models = json!({ "bomFormat": "CycloneDX", "components": [] });
        let err = subjects_in_bom(&no_models, &origin)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no `machine-learning-model`"), "{err}");
        let not_a_bom = json!({ "models": [] });
        assert!(subjects_in_bom(&not_a_bom, &origin).is_err());
    }
}
