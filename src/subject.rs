//! Subjects that are not files: standard input (`-`) and Hugging Face model ids
//! (`owner/name[@revision]`), which are resolved offline from the catalogue's repository list.

use std::io::Read;

use crate::catalogue::Catalogue;
use crate::check::{CheckOptions, check_licence_for};
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::metadata::ModelCard;
use crate::report::Report;
use crate::text::{Limits, decode_text};

/// The subject that stands for standard input.
pub const STDIN: &str = "-";

/// Reads standard input as a text, with the same size limit and encoding checks as a file.
pub fn read_stdin(limits: Limits) -> Result<String> {
    read_limited(std::io::stdin().lock(), limits)
}

/// Reads at most one byte past the limit, so that an endless stream ends in a size error and
/// not in exhausted memory.
fn read_limited(input: impl Read, limits: Limits) -> Result<String> {
    let origin = Origin::Memory("stdin".to_string());
    let limit = limits.max_input_bytes.min(Limits::HARD_MAX_INPUT_BYTES);
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            origin: origin.clone(),
            source,
        })?;
    decode_text(bytes, origin, limits)
}

/// A Hugging Face model id: `owner/name`, optionally pinned to a revision (`@main`, `@a1b2c3d`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelId {
    /// `owner/name`.
    pub repo: String,
    /// The revision after `@`, if any.
    pub revision: Option<String>,
}

impl ModelId {
    /// Parses `owner/name[@revision]`; `None` for anything else (a path with more parts, a name
    /// starting with `.`, spaces).
    pub fn parse(subject: &str) -> Option<ModelId> {
        let (repo, revision) = match subject.split_once('@') {
            Some((repo, revision)) => (repo, Some(revision)),
            None => (subject, None),
        };
        let (owner, name) = repo.split_once('/')?;
        let part = |s: &str| {
            !s.is_empty()
                && !s.starts_with(['.', '-'])
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        };
        let revision_ok = revision.is_none_or(|r| {
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
        });
        (part(owner) && part(name) && revision_ok).then(|| ModelId {
            repo: repo.to_string(),
            revision: revision.map(str::to_string),
        })
    }
}

/// Checks a model by its Hub id, offline: the catalogue's repository list gives the licence the
/// licensor published it under and what the model takes in and gives out. A model the list
/// does not hold is an error that says so: nothing is fetched.
pub fn check_model_id(
    subject: &str,
    id: &ModelId,
    context: &Context,
    options: &CheckOptions,
) -> Result<Report> {
    let catalogue = Catalogue::embedded()?;
    let Some((licence, listed)) = catalogue.model(&id.repo) else {
        // Spelled like a model id, but it may as well be a mistyped path: say both.
        return Err(Error::Unsupported {
            origin: Origin::Path(subject.into()),
            message: format!(
                "no such file or folder, nor a model the offline catalogue lists (`{}` is not in its repository list, and nothing is fetched from the Hub): for a model, give its card, Hub JSON or folder",
                id.repo
            ),
        });
    };
    let card = ModelCard {
        repo: Some(listed.repo.clone()),
        ..ModelCard::default()
    };
    let model = crate::modality::of_model(&card, [], catalogue);
    let mut notes = vec![format!(
        "`{}` was resolved offline from the catalogue's repository list: {} publishes it under {} ({}); its card and files were not read",
        listed.repo, listed.source, licence.name, licence.id
    )];
    if let Some(revision) = &id.revision {
        notes.push(format!(
            "revision `{revision}` was not checked: the catalogue records the repository's licence, not each revision's"
        ));
    }
    Ok(check_licence_for(
        subject, licence, &model, context, options, notes,
    ))
}

/// Checks a model read from the Hugging Face Hub (or the Hub cache, offline): its card and
/// licence files at the revision asked (default `main`), with base models fetched for the
/// lineage. The report records the commit checked.
#[cfg(feature = "hub")]
pub fn check_hub_model(
    subject: &str,
    id: &ModelId,
    context: &Context,
    options: &CheckOptions,
) -> Result<Report> {
    let catalogue = Catalogue::embedded()?;
    let mut config = crate::hub::HubConfig::from_env();
    config.max_body_bytes = options.limits.max_input_bytes;
    let fetched = crate::hub::fetch_model(id, &config, catalogue)?;
    let mut report =
        crate::model::check_model_folder(subject, &fetched.snapshot, context, options)?;
    report.revision = Some(fetched.revision);
    let mut notes = fetched.notes;
    notes.append(&mut report.notes);
    report.notes = notes;
    Ok(report)
}

/// Without the `hub` feature, a model id cannot be fetched: say how to get it.
#[cfg(not(feature = "hub"))]
pub fn check_hub_model(
    subject: &str,
    _id: &ModelId,
    _context: &Context,
    _options: &CheckOptions,
) -> Result<Report> {
    Err(Error::Unsupported {
        origin: Origin::Memory(subject.to_string()),
        message: "this build cannot read the Hugging Face Hub: build with the `hub` feature"
            .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_ids_parse() {
        let id = ModelId::parse("meta-llama/Llama-3.3-70B-Instruct@main").unwrap();
        assert_eq!(id.repo, "meta-llama/Llama-3.3-70B-Instruct");
        assert_eq!(id.revision.as_deref(), Some("main"));
        assert_eq!(ModelId::parse("Qwen/Qwen2.5-7B").unwrap().revision, None);
        for not_an_id in [
            "llama", "./llama", "a/b/c", "/abs", "a/", "../x", "a b/c", "a/b@",
        ] {
            assert_eq!(ModelId::parse(not_an_id), None, "{not_an_id}");
        }
    }

    #[test]
    fn input_over_the_limit_is_a_size_error() {
        let limits = Limits { max_input_bytes: 4 };
        assert!(matches!(
            read_limited(&b"12345678"[..], limits),
            Err(Error::TooLarge { .. })
        ));
        assert_eq!(read_limited(&b"1234"[..], limits).unwrap(), "1234");
    }
}
