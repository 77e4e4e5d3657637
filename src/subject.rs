//! What can be checked: a [`Subject`], and the command line's way of naming one.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Origin, Result};
use crate::text::{Limits, decode_text};

/// What to check: a licence (by id, by its text, by an SPDX expression) or a model (by its
/// card, its Hub API JSON, its folder, or its Hub id).
///
/// ```
/// use model_licence::Subject;
///
/// assert_eq!(Subject::parse("llama-3.3"), Subject::LicenceId("llama-3.3".into()));
/// assert!(matches!(Subject::parse("meta-llama/Llama-3.3-70B-Instruct@main"), Subject::ModelId(_)));
/// assert_eq!(Subject::parse("-"), Subject::Stdin);
/// let text = Subject::LicenceText("Permission is hereby granted, free of charge, ...".into());
/// assert_eq!(text.name(), "<licence text>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Subject {
    /// A catalogue licence id or alias (`llama-3.3`, `llama3.3`, `llama`). When the catalogue
    /// does not know the name but a file or folder of that name exists, that is checked: the
    /// command line's `model-licence check LICENSE` (write `./llama` for a file the catalogue
    /// would take as an id).
    LicenceId(String),
    /// A file (a licence text, a model card with front matter, a Hub API JSON) or a model
    /// folder (a card and its licence files).
    Path(PathBuf),
    /// A licence text held in memory.
    LicenceText(String),
    /// A model card held in memory: a `README.md` with YAML front matter.
    CardText(String),
    /// A model's Hub API JSON held in memory (`https://huggingface.co/api/models/OWNER/NAME`).
    HubJson(String),
    /// An SPDX expression of licences, as a card's `license:` gives it (`apache-2.0 OR mit`),
    /// checked as a model's declared licence.
    Spdx(String),
    /// A Hub model id, resolved offline from the catalogue's repository list.
    ModelId(ModelId),
    /// Whatever standard input holds: a licence text, a card or a Hub JSON.
    Stdin,
}

impl Subject {
    /// Reads a subject as the command line does: `-` is standard input; a name without a path
    /// separator is a licence id (or a file of that name, see [`Subject::LicenceId`]); a path
    /// that exists is that path; `owner/name[@revision]` that is no path is a model id; anything
    /// else is a path (which will not be found).
    pub fn parse(argument: &str) -> Subject {
        if argument == STDIN {
            return Subject::Stdin;
        }
        if crate::expression::looks_like_expression(argument)
            && std::fs::symlink_metadata(argument).is_err()
        {
            return Subject::Spdx(argument.to_string());
        }
        if !argument.contains(['/', '\\']) {
            return Subject::LicenceId(argument.to_string());
        }
        let path = Path::new(argument);
        // A symbolic link that leads nowhere is still a path: checking it says why it fails.
        if std::fs::symlink_metadata(path).is_ok() {
            return Subject::Path(path.to_path_buf());
        }
        match ModelId::parse(argument) {
            Some(id) => Subject::ModelId(id),
            None => Subject::Path(path.to_path_buf()),
        }
    }

    /// Reads a command-line argument as [`Subject::parse`] does. An argument that is not UTF-8
    /// can only be a path (ids, expressions and model ids are UTF-8), so it is one.
    ///
    /// ```
    /// use model_licence::Subject;
    ///
    /// assert_eq!(Subject::parse_os("llama".as_ref()), Subject::parse("llama"));
    /// # #[cfg(unix)] {
    /// use std::os::unix::ffi::OsStrExt;
    /// let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    /// assert_eq!(Subject::parse_os(name), Subject::Path(name.into()));
    /// assert_eq!(Subject::parse_os(name).name(), r"caf\xE9.txt");
    /// # }
    /// ```
    pub fn parse_os(argument: &OsStr) -> Subject {
        match argument.to_str() {
            Some(text) => Subject::parse(text),
            None => Subject::Path(PathBuf::from(argument)),
        }
    }

    /// The subject as a report names it: the id, path, expression or model id as given, `-`
    /// for standard input, `<licence text>`, `<model card>` or `<hub json>` for a text. A path's
    /// bytes that are not UTF-8 are shown as `\xHH` (see [`crate::render::path_name`]).
    pub fn name(&self) -> String {
        match self {
            Subject::LicenceId(name) | Subject::Spdx(name) => name.clone(),
            Subject::Path(path) => crate::shown::path_name(path.as_os_str()),
            Subject::LicenceText(_) => "<licence text>".to_string(),
            Subject::CardText(_) => "<model card>".to_string(),
            Subject::HubJson(_) => "<hub json>".to_string(),
            Subject::ModelId(id) => id.to_string(),
            Subject::Stdin => STDIN.to_string(),
        }
    }
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

/// The subject that stands for standard input.
pub const STDIN: &str = "-";

/// Reads standard input as a text, with the same size limit and encoding checks as a file.
pub(crate) fn read_stdin(limits: Limits) -> Result<String> {
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
///
/// ```
/// use model_licence::ModelId;
///
/// let id = ModelId::parse("Qwen/Qwen2.5-7B@main").expect("a model id");
/// assert_eq!((id.repo.as_str(), id.revision.as_deref()), ("Qwen/Qwen2.5-7B", Some("main")));
/// assert_eq!(ModelId::parse("./llama"), None);
/// ```
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

impl std::fmt::Display for ModelId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.revision {
            Some(revision) => write!(f, "{}@{revision}", self.repo),
            None => f.write_str(&self.repo),
        }
    }
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
