//! The Hugging Face cache layout, read without the network: a model is a cache entry
//! `models--{owner}--{name}/` holding `refs/{revision}` (a file with the commit sha) and
//! `snapshots/{sha}/` (the repository's files, in `huggingface_hub`'s cache links into
//! `blobs/`). The same layout serves this crate's own Hub cache (see `hub`).

use std::path::{Path, PathBuf};

/// The longest `refs/` file read: a commit sha and a newline, with room to spare.
const MAX_REF_BYTES: u64 = 256;

/// One model of a cache: its repository id, the revision (commit sha) and the snapshot folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedModel {
    /// `owner/name`.
    pub repo: String,
    /// The commit sha of the snapshot.
    pub revision: String,
    /// `models--owner--name/snapshots/{sha}`.
    pub snapshot: PathBuf,
}

/// The entry folder of a repository in a cache: `models--owner--name`.
#[cfg_attr(not(feature = "hub"), allow(dead_code))]
pub fn entry_dir(cache: &Path, repo: &str) -> Option<PathBuf> {
    let (owner, name) = repo.split_once('/')?;
    let safe = |s: &str| !s.is_empty() && s != ".." && !s.contains(['/', '\\']);
    (safe(owner) && safe(name)).then(|| cache.join(format!("models--{owner}--{name}")))
}

/// Whether a folder is a cache entry (`models--…` with `snapshots/` in it).
pub fn is_entry(dir: &Path) -> bool {
    dir.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("models--"))
        && dir.join("snapshots").is_dir()
}

/// Whether a folder is a cache: it holds at least one cache entry.
pub fn is_cache(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .is_ok_and(|entries| entries.filter_map(|e| e.ok()).any(|e| is_entry(&e.path())))
}

/// The commit sha a ref names (`refs/main` holds it), if the entry records that ref.
pub fn read_ref(entry: &Path, revision: &str) -> Option<String> {
    if revision
        .split('/')
        .any(|part| part.is_empty() || part == "..")
    {
        return None;
    }
    let path = entry.join("refs").join(revision);
    // A FIFO would block the open: only a regular file is read.
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let mut text = String::new();
    use std::io::Read;
    std::fs::File::open(&path)
        .ok()?
        .take(MAX_REF_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    // A commit sha in the real cache; any plain hexadecimal name of a snapshot folder will do.
    let sha = text.trim();
    (!sha.is_empty() && sha.len() <= 64 && sha.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| sha.to_string())
}

/// Whether a string is a full commit sha (40 hexadecimal digits).
pub fn is_commit_sha(text: &str) -> bool {
    text.len() == 40 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The snapshot of a cache entry at a revision (a ref such as `main`, or a commit sha); with no
/// revision, the one `refs/main` names, else the only snapshot there is. `None` when the entry
/// does not hold it or it cannot be told which snapshot is meant.
pub fn snapshot(entry: &Path, revision: Option<&str>) -> Option<(String, PathBuf)> {
    let snapshots = entry.join("snapshots");
    let sha = match revision {
        Some(rev) if is_commit_sha(rev) => Some(rev.to_ascii_lowercase()),
        Some(rev) => read_ref(entry, rev),
        None => read_ref(entry, "main").or_else(|| only_snapshot(&snapshots)),
    }?;
    let dir = snapshots.join(&sha);
    dir.is_dir().then_some((sha, dir))
}

/// The name of the single snapshot folder, if there is exactly one.
fn only_snapshot(snapshots: &Path) -> Option<String> {
    let mut names = std::fs::read_dir(snapshots)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string));
    let first = names.next()?;
    names.next().is_none().then_some(first)
}

/// `owner/name@revision` for a snapshot folder of a cache (`…/models--owner--name/snapshots/X`).
pub fn model_name(snapshot: &Path) -> Option<String> {
    let revision = snapshot.file_name()?.to_str()?;
    let snapshots = snapshot.parent()?;
    if snapshots.file_name()? != "snapshots" {
        return None;
    }
    let entry = snapshots.parent()?.file_name()?.to_str()?;
    if !entry.starts_with("models--") {
        return None;
    }
    let repo = repo_from_name(entry)?;
    Some(format!("{repo}@{revision}"))
}

/// `owner__name` or `models--owner--name` as `owner/name`.
pub fn repo_from_name(name: &str) -> Option<String> {
    if let Some(rest) = name.strip_prefix("models--") {
        let (owner, model) = rest.split_once("--")?;
        return Some(format!("{owner}/{model}"));
    }
    let (owner, model) = name.split_once("__")?;
    (!owner.is_empty() && !model.is_empty() && !model.contains("__"))
        .then(|| format!("{owner}/{model}"))
}

/// Every model of a cache folder, sorted by repository, with the snapshot `refs/main` names (or
/// the only one). Entries whose snapshot cannot be told are returned with `revision` empty and
/// the entry folder as `snapshot`, so that a scan reports them rather than skipping them.
pub fn models(cache: &Path) -> std::io::Result<Vec<CachedModel>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(cache)? {
        let path = entry?.path();
        if !is_entry(&path) {
            continue;
        }
        let Some(repo) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(repo_from_name)
        else {
            continue;
        };
        let (revision, snapshot) = snapshot(&path, None).unwrap_or_else(|| (String::new(), path));
        found.push(CachedModel {
            repo,
            revision,
            snapshot,
        });
    }
    found.sort_by(|a, b| a.repo.cmp(&b.repo));
    Ok(found)
}

/// The default Hugging Face cache: `HF_HUB_CACHE`, else `$HF_HOME/hub`, else
/// `$XDG_CACHE_HOME/huggingface/hub`, else `~/.cache/huggingface/hub`.
pub fn default_hf_cache() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("HF_HUB_CACHE") {
        return Some(PathBuf::from(dir));
    }
    if let Some(home) = var("HF_HOME") {
        return Some(PathBuf::from(home).join("hub"));
    }
    let cache = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(cache.join("huggingface").join("hub"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_must_name_a_commit() {
        assert!(is_commit_sha("0123456789abcdef0123456789abcdef01234567"));
        assert!(!is_commit_sha("main"));
        assert!(!is_commit_sha("0123456789abcdef0123456789abcdef0123456"));
    }

    #[test]
    fn entries_are_named_safely() {
        let cache = Path::new("/c");
        assert_eq!(
            entry_dir(cache, "google/gemma-2-9b"),
            Some(PathBuf::from("/c/models--google--gemma-2-9b"))
        );
        assert_eq!(entry_dir(cache, "../x"), None);
        assert_eq!(entry_dir(cache, "a/b/c"), None);
    }
}
