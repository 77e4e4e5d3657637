//! The files of a model folder that can carry a licence: every one is read, not the first found.
//!
//! Model repositories name them in many ways (`LICENSE.md`, `license`, `COPYING`,
//! `LICENSE-MODEL`, `LICENSE_<NAME>`, `USE_POLICY.md`, `NOTICE`, ...). A file name is matched,
//! case-insensitively, against the table [`FILE_NAMES`] after normalising it (see
//! [`normalise_name`]). Reading is bounded ([`MAX_FILES`], [`MAX_TOTAL_BYTES`]): what is left
//! unread is reported, never ignored.
//!
//! Symbolic links are followed only when they stay inside the folder, or inside the Hugging Face
//! cache entry the folder belongs to (`.../models--owner--name/snapshots/<revision>/`, whose
//! files are links into `../../blobs/`). A link that leaves them is refused with an error.

use std::path::{Path, PathBuf};

use crate::error::{Error, Origin, Result};
use crate::text::{Limits, read_text_file};

/// What a licence-bearing file is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileRole {
    /// A licence that may cover the whole repository (`LICENSE`, `COPYING`, `LICENSE_<NAME>`).
    Licence,
    /// A licence for the weights (`LICENSE-MODEL`, `MODEL_LICENSE`, `LICENSE-WEIGHTS`).
    ModelLicence,
    /// A licence for the code only (`LICENSE-CODE`): it does not bind the weights.
    CodeLicence,
    /// An acceptable-use or prohibited-use policy (`USE_POLICY.md`).
    UsePolicy,
    /// A notice file (`NOTICE`): attributions, or restrictions.
    Notice,
}

/// Licence-bearing file names, normalised (see [`normalise_name`]), with their role: a pattern
/// ending in `*` matches any name that begins with the rest. The first match wins, so specific
/// names come before the catch-all `license-*`.
pub const FILE_NAMES: &[(&str, FileRole)] = &[
    ("license", FileRole::Licence),
    ("licence", FileRole::Licence),
    ("licenses", FileRole::Licence),
    ("licences", FileRole::Licence),
    ("copying", FileRole::Licence),
    ("copying-*", FileRole::Licence),
    ("copyright", FileRole::Licence),
    ("terms-of-use", FileRole::Licence),
    ("license-model*", FileRole::ModelLicence),
    ("licence-model*", FileRole::ModelLicence),
    ("license-weights*", FileRole::ModelLicence),
    ("licence-weights*", FileRole::ModelLicence),
    ("model-license*", FileRole::ModelLicence),
    ("model-licence*", FileRole::ModelLicence),
    ("models-license*", FileRole::ModelLicence),
    ("weights-license*", FileRole::ModelLicence),
    ("weights-licence*", FileRole::ModelLicence),
    ("model-weights-license*", FileRole::ModelLicence),
    ("license-code*", FileRole::CodeLicence),
    ("licence-code*", FileRole::CodeLicence),
    ("code-license*", FileRole::CodeLicence),
    ("code-licence*", FileRole::CodeLicence),
    ("license-*", FileRole::Licence),
    ("licence-*", FileRole::Licence),
    ("use-policy*", FileRole::UsePolicy),
    ("acceptable-use-policy*", FileRole::UsePolicy),
    ("usage-policy*", FileRole::UsePolicy),
    ("responsible-use-policy*", FileRole::UsePolicy),
    ("prohibited-use-policy*", FileRole::UsePolicy),
    ("aup", FileRole::UsePolicy),
    ("policy", FileRole::UsePolicy),
    ("notice", FileRole::Notice),
    ("notice-*", FileRole::Notice),
    ("notices", FileRole::Notice),
];

/// Extensions of text formats, dropped before a name is matched (`LICENSE.md` is `license`).
/// Any other extension stays part of the name, so `LICENSE.pdf` is `license-pdf`: a licence file
/// that does not read as text, which asks for review.
const TEXT_EXTENSIONS: &[&str] = &["md", "txt", "rst", "markdown", "html", "htm", "text"];

/// Words of a `LICENSE_<NAME>` name that say what the file covers, not which licence it is.
const ROLE_WORDS: &[&str] = &[
    "model",
    "models",
    "weights",
    "code",
    "software",
    "source",
    "agreement",
    "file",
    "pdf",
];

/// At most this many licence-bearing files of a folder are read.
pub const MAX_FILES: usize = 32;
/// At most this many bytes of licence-bearing files are read per folder, in all.
pub const MAX_TOTAL_BYTES: u64 = 16 * 1024 * 1024;

/// A file name lower-cased, a text extension dropped, and `_`, `.` and spaces made `-`:
/// `LICENSE_MODEL.md` and `License-Model` are both `license-model`.
pub fn normalise_name(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    let stem = match lower.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && TEXT_EXTENSIONS.contains(&ext) => stem,
        _ => lower.as_str(),
    };
    stem.chars()
        .map(|c| if matches!(c, '_' | '.' | ' ') { '-' } else { c })
        .collect()
}

/// The role of a file by its name, if it can carry a licence: by [`FILE_NAMES`], else by the
/// words of its name (`Llama-License.txt`, `THIRD_PARTY_NOTICES`, `Gemma_Terms_of_Use.md`).
pub fn licence_file_role(name: &str) -> Option<FileRole> {
    let normal = normalise_name(name);
    let by_table = FILE_NAMES.iter().find_map(|(pattern, role)| {
        let matches = match pattern.strip_suffix('*') {
            Some(prefix) => normal.starts_with(prefix),
            None => normal == *pattern,
        };
        matches.then_some(*role)
    });
    by_table.or_else(|| role_by_words(&normal))
}

/// The role a name's words give it: a licence word makes it a licence (of the model or the code
/// when those words are there too), a policy or notice word a companion.
fn role_by_words(normal: &str) -> Option<FileRole> {
    let words: Vec<&str> = normal.split('-').collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(&["license", "licence", "licenses", "licences", "eula"])
        || (has(&["terms"]) && has(&["use"]))
    {
        Some(if has(&["model", "models", "weights"]) {
            FileRole::ModelLicence
        } else if has(&["code", "software", "source"]) {
            FileRole::CodeLicence
        } else {
            FileRole::Licence
        })
    } else if has(&["notice", "notices"]) {
        Some(FileRole::Notice)
    } else if has(&["policy", "aup"]) && !has(&["privacy"]) {
        Some(FileRole::UsePolicy)
    } else {
        None
    }
}

/// The licence a file name names, if any: `LICENSE_LLAMA3.1` names `llama3-1`, `gemma-license`
/// names `gemma`. Words that say what the file covers (`model`, `code`) are not names.
pub fn licence_named_by_file(name: &str) -> Option<String> {
    let normal = normalise_name(name);
    let words: Vec<&str> = normal.split('-').filter(|w| !w.is_empty()).collect();
    let is_marker = |w: &str| {
        matches!(
            w,
            "license" | "licence" | "copying" | "terms" | "of" | "use"
        )
    };
    let named: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !is_marker(w) && !ROLE_WORDS.contains(w))
        .collect();
    let has_marker = words.iter().any(|w| {
        matches!(
            *w,
            "license" | "licence" | "licenses" | "licences" | "terms"
        )
    });
    (has_marker && !named.is_empty()).then(|| named.join("-"))
}

/// One licence-bearing file of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderFile {
    /// Its name in the folder.
    pub name: String,
    /// What its name says it is.
    pub role: FileRole,
    /// Its text, or why it could not be read (not text, too large, a folder).
    pub content: std::result::Result<String, String>,
}

/// The licence-bearing files of a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderFiles {
    /// The files read (or tried), sorted by name.
    pub files: Vec<FolderFile>,
    /// Licence-bearing files left unread because the folder holds more than the limits allow.
    pub unread: Vec<String>,
    /// The folder, as the subject names it (empty when there is none).
    pub dir: PathBuf,
}

impl FolderFiles {
    /// Whether the folder holds no licence-bearing file at all.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.unread.is_empty()
    }

    /// The path of one of its files, as the subject names the folder.
    pub fn path_of(&self, name: &str) -> String {
        crate::shown::path_name(self.dir.join(name).as_os_str())
    }
}

/// Whether a folder holds a licence-bearing file (by name only; nothing is read).
pub fn has_licence_file(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(|e| e.ok()).any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| licence_file_role(n).is_some())
        })
    })
}

/// Reads every licence-bearing file of a model folder, and the file `license_link` names if it is
/// a plain name in the folder.
pub fn read_licence_files(dir: &Path, link: Option<&str>, limits: Limits) -> Result<FolderFiles> {
    let origin = Origin::Path(dir.to_path_buf());
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        origin: origin.clone(),
        source,
    })?;
    let mut named: Vec<(String, FileRole)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter_map(|name| licence_file_role(&name).map(|role| (name, role)))
        .collect();
    let linked = link
        .filter(|l| !l.contains("://") && !l.contains(['/', '\\']) && *l != ".." && !l.is_empty());
    if let Some(link) = linked
        && !named.iter().any(|(n, _)| n == link)
        && std::fs::symlink_metadata(dir.join(link)).is_ok()
    {
        named.push((link.to_string(), FileRole::Licence));
    }
    named.sort();
    let roots = allowed_roots(dir)?;
    let mut out = FolderFiles {
        dir: dir.to_path_buf(),
        ..FolderFiles::default()
    };
    let mut total = 0u64;
    for (name, role) in named {
        let path = dir.join(&name);
        let target = contained_target(&path, &roots)?;
        let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        if out.files.len() >= MAX_FILES || total.saturating_add(size) > MAX_TOTAL_BYTES {
            out.unread.push(name);
            continue;
        }
        total = total.saturating_add(size);
        let content = if target.is_dir() {
            Err("is a folder, whose files were not read".to_string())
        } else if !std::fs::metadata(&target).is_ok_and(|m| m.is_file()) {
            // A pipe or a device would block or never end: only regular files are read.
            Err("is not a regular file".to_string())
        } else {
            read_text_file(&target, limits).map_err(|e| e.to_string())
        };
        out.files.push(FolderFile {
            name,
            role,
            content,
        });
    }
    Ok(out)
}

/// The folders a link in `dir` may point into: the folder itself and, for a snapshot of the
/// Hugging Face cache, its cache entry (`models--owner--name`, holding `snapshots/` and `blobs/`).
pub fn allowed_roots(dir: &Path) -> Result<Vec<PathBuf>> {
    let canonical = dir.canonicalize().map_err(|source| Error::Io {
        origin: Origin::Path(dir.to_path_buf()),
        source,
    })?;
    let mut roots = vec![canonical.clone()];
    let cache_entry = canonical
        .parent()
        .filter(|p| p.file_name().is_some_and(|n| n == "snapshots"))
        .and_then(Path::parent)
        .filter(|entry| {
            entry
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("models--"))
        });
    roots.extend(cache_entry.map(Path::to_path_buf));
    Ok(roots)
}

/// Where a file of the folder leads: itself, or the target of a link that stays inside one of
/// `roots`. A link that leaves them, or leads nowhere, is an error naming it.
pub fn contained_target(path: &Path, roots: &[PathBuf]) -> Result<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    let origin = Origin::Path(path.to_path_buf());
    let target = path.canonicalize().map_err(|_| Error::Unsupported {
        origin: origin.clone(),
        message: "is a symbolic link that leads nowhere (a loop, or a missing target)".to_string(),
    })?;
    if roots.iter().any(|root| target.starts_with(root)) {
        Ok(target)
    } else {
        Err(Error::Unsupported {
            origin,
            message: format!(
                "is a symbolic link that leaves the model folder (to {}): it is not followed; copy the file into the folder",
                target.display()
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_issue_have_their_roles() {
        let cases = [
            ("LICENSE", FileRole::Licence),
            ("LICENSE.md", FileRole::Licence),
            ("LICENSE.MD", FileRole::Licence),
            ("license", FileRole::Licence),
            ("License.txt", FileRole::Licence),
            ("LICENSE.rst", FileRole::Licence),
            ("COPYING", FileRole::Licence),
            ("LICENSE-MODEL", FileRole::ModelLicence),
            ("LICENSE_MODEL", FileRole::ModelLicence),
            ("MODEL-LICENSE", FileRole::ModelLicence),
            ("MODEL_LICENSE.md", FileRole::ModelLicence),
            ("LICENSE-WEIGHTS", FileRole::ModelLicence),
            ("LICENSE-CODE", FileRole::CodeLicence),
            ("LICENSE_QWEN", FileRole::Licence),
            ("LICENSE.pdf", FileRole::Licence),
            ("USE_POLICY.md", FileRole::UsePolicy),
            ("NOTICE", FileRole::Notice),
            ("Notice.txt", FileRole::Notice),
        ];
        for (name, role) in cases {
            assert_eq!(licence_file_role(name), Some(role), "{name}");
        }
        for name in [
            "README.md",
            "config.json",
            "model.safetensors",
            "licensed.py",
        ] {
            assert_eq!(licence_file_role(name), None, "{name}");
        }
    }

    #[test]
    fn file_names_name_licences() {
        assert_eq!(
            licence_named_by_file("LICENSE_llama3.1").as_deref(),
            Some("llama3-1")
        );
        assert_eq!(
            licence_named_by_file("Gemma-License.md").as_deref(),
            Some("gemma")
        );
        assert_eq!(licence_named_by_file("LICENSE-MODEL"), None);
        assert_eq!(licence_named_by_file("LICENSE"), None);
    }
}
