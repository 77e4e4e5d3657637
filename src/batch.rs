//! Batches: checking a whole inventory of models in parallel, in a fixed order, streaming the
//! results so that memory does not grow with the number of subjects.

mod bom;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use crate::hf_cache::default_hf_cache;
pub use crate::subject::STDIN;

use crate::checker::Checker;
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::evaluate::Exit;
use crate::policy::Policy;
use crate::report::ContextSource;
use crate::report::Report;
use crate::subject::Subject;
use crate::text::Limits;
use crate::text::read_text_file;

/// How many subjects are checked in parallel before their results are handed on, in order.
const CHUNK: usize = 64;
/// The most subjects a folder or an inventory may list.
pub const MAX_SUBJECTS: usize = 1_000_000;

/// The outcome for one subject of a batch: its report, or why it could not be checked.
#[derive(Debug)]
pub struct BatchItem {
    /// The subject as listed, as reports name it (a path's bytes that are not UTF-8 as `\xHH`,
    /// see [`crate::render::path_name`]).
    pub subject: String,
    /// Its report, or the error that stopped it.
    pub result: Result<Report>,
}

impl BatchItem {
    /// The exit code this subject alone would give (2 for an error).
    pub fn exit_code(&self, policy: Option<&Policy>) -> Exit {
        match (&self.result, policy) {
            (Ok(report), Some(policy)) => policy.exit_code(report),
            (Ok(report), None) => report.exit_code(),
            (Err(_), _) => Exit::BadInput,
        }
    }
}

/// The exit code of a whole batch: its worst subject. Blocked (1) is worst, then a subject that
/// could not be checked (2), then needs review (3), else 0.
pub fn worst_exit_code(codes: impl IntoIterator<Item = Exit>) -> Exit {
    Exit::worst(codes)
}

/// The subjects of a folder: each entry (a model folder, a card, a Hub JSON, a licence text),
/// sorted by name, hidden entries and symbolic links left out. A Hugging Face cache (see
/// [`subjects_in_hf_cache`]) gives its models' snapshots. Names need not be UTF-8.
pub fn subjects_in_dir(dir: &Path) -> Result<Vec<OsString>> {
    if crate::hf_cache::is_cache(dir) {
        return subjects_in_hf_cache(dir);
    }
    let origin = Origin::Path(dir.to_path_buf());
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        origin: origin.clone(),
        source,
    })?;
    let mut subjects: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_symlink()))
        .map(|e| e.path())
        .take(MAX_SUBJECTS + 1)
        .collect();
    if subjects.len() > MAX_SUBJECTS {
        return Err(Error::Unsupported {
            origin,
            message: format!("holds more than {MAX_SUBJECTS} entries; split the inventory"),
        });
    }
    subjects.sort();
    Ok(subjects.into_iter().map(PathBuf::into_os_string).collect())
}

/// The models of a Hugging Face cache (`models--owner--name/snapshots/{sha}`): for each, the
/// snapshot `refs/main` names, or the entry itself when that cannot be told (its check then says
/// why). Reported as `owner/name@sha` (see [`check_all`]).
pub fn subjects_in_hf_cache(dir: &Path) -> Result<Vec<OsString>> {
    let models = crate::hf_cache::models(dir).map_err(|source| Error::Io {
        origin: Origin::Path(dir.to_path_buf()),
        source,
    })?;
    Ok(models
        .into_iter()
        .take(MAX_SUBJECTS)
        .map(|m| m.snapshot.into_os_string())
        .collect())
}

/// The subjects of an inventory file: one per line (`#` starts a comment), a JSON array of
/// strings, or a CycloneDX BOM (JSON) whose `machine-learning-model` components are checked by
/// their Hugging Face model ids. Relative paths are taken from the inventory's folder; ids stay
/// ids.
pub fn subjects_in_inventory(path: &Path, options: &CheckOptions) -> Result<Vec<OsString>> {
    let text = read_text_file(path, options.limits)?;
    let origin = Origin::Path(path.to_path_buf());
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        let bom = serde_json::from_str(&text).map_err(|err| Error::Metadata {
            origin: origin.clone(),
            line: Some(err.line()),
            message: format!("inventory is not valid JSON: {err}"),
        })?;
        let ids = bom::subjects_in_bom(&bom, &origin)?;
        return Ok(ids.into_iter().map(OsString::from).collect());
    }
    let listed: Vec<String> = if text.trim_start().starts_with('[') {
        serde_json::from_str(&text).map_err(|err| Error::Metadata {
            origin: origin.clone(),
            line: Some(err.line()),
            message: format!("inventory must be a JSON array of strings: {err}"),
        })?
    } else {
        text.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(listed
        .into_iter()
        .map(|subject| {
            let candidate = base.join(&subject);
            if Path::new(&subject).is_relative() && candidate.exists() {
                candidate.into_os_string()
            } else {
                OsString::from(subject)
            }
        })
        .collect())
}

/// Checks every subject, in parallel, handing each outcome to `each` in the order the subjects
/// were given. One subject's error never stops the batch. Subjects are read as
/// [`Subject::parse_os`] reads them: `String`s, or `OsString`s for names that are not UTF-8.
pub fn check_all<S: AsRef<OsStr> + Sync>(
    subjects: &[S],
    context: &Context,
    policy: Option<&Policy>,
    options: &CheckOptions,
    mut each: impl FnMut(BatchItem),
) {
    for chunk in subjects.chunks(CHUNK) {
        let items: Vec<BatchItem> = chunk
            .par_iter()
            .map(|subject| {
                let subject = subject.as_ref();
                // A snapshot of a Hub cache is named as the Hub names it: `owner/name@sha`.
                let shown = crate::hf_cache::model_name(Path::new(subject))
                    .unwrap_or_else(|| crate::shown::path_name(subject));
                let result = check(subject, context, options).map(|mut report| {
                    if let Some(policy) = policy {
                        policy.apply(&mut report);
                    }
                    report.subject.clone_from(&shown);
                    report
                });
                BatchItem {
                    subject: shown,
                    result,
                }
            })
            .collect();
        items.into_iter().for_each(&mut each);
    }
}

/// How the command line runs a check; a [`Checker`] holds the same options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// Input size limits.
    pub limits: Limits,
    /// Where the context came from, for the report.
    pub context_source: ContextSource,
    /// Read model ids from the Hugging Face Hub (see [`Checker::with_hub`]).
    pub hub: bool,
}

impl CheckOptions {
    /// Options for a context the caller gives, with the default limits.
    pub const GIVEN_CONTEXT: CheckOptions = CheckOptions {
        limits: Limits::DEFAULT,
        context_source: ContextSource::Given,
        hub: false,
    };

    /// A checker over the embedded catalogue with these options.
    pub fn checker(&self) -> Checker {
        Checker::new()
            .with_limits(self.limits)
            .with_context_source(self.context_source)
            .with_hub(self.hub)
    }
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions::GIVEN_CONTEXT
    }
}

/// Checks a subject named as on the command line ([`Subject::parse_os`]) with the embedded
/// catalogue.
pub fn check(
    subject: impl AsRef<OsStr>,
    context: &Context,
    options: &CheckOptions,
) -> Result<Report> {
    let subject = Subject::parse_os(subject.as_ref());
    options.checker().check(&subject, context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_outcome_wins() {
        use Exit::{BadInput, Blocked, NeedsReview, Permitted};
        assert_eq!(worst_exit_code([Permitted, NeedsReview, Permitted]), 3);
        assert_eq!(worst_exit_code([NeedsReview, BadInput, Permitted]), 2);
        assert_eq!(worst_exit_code([BadInput, Blocked, NeedsReview]), 1);
        assert_eq!(worst_exit_code([]), 0);
    }
}
