//! Models read from the Hugging Face Hub over HTTPS (cargo feature `hub`).
//!
//! A model id is resolved the way `huggingface_hub` does it: the model API
//! (`/api/models/{id}` or `/api/models/{id}/revision/{rev}`) gives the commit sha and the file
//! list; `README.md` and every licence-bearing file are fetched from
//! `/{id}/resolve/{sha}/{file}` into a cache keyed by commit sha, laid out like the Hugging Face
//! cache (see [`crate::hf_cache`]), so a revision once fetched is read from disk. Base models
//! along `base_model` are fetched the same way (bounded depth) unless the catalogue lists them.
//!
//! The Hub's own settings apply: `HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_OFFLINE=1`. Every failure is
//! an error that names the URL and the cause: a check never passes on a fetch that failed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::catalogue::Catalogue;
use crate::error::{Error, Origin, Result};
use crate::hf_cache;
use crate::licence_files::licence_file_role;
use crate::lineage::read_model_card;
use crate::subject::ModelId;
use crate::text::Limits;

/// Where and how to reach the Hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubConfig {
    /// The Hub's address (`HF_ENDPOINT`, default `https://huggingface.co`).
    pub endpoint: String,
    /// A token for gated or private repositories (`HF_TOKEN`).
    pub token: Option<String>,
    /// Read only what the cache holds (`HF_HUB_OFFLINE=1`).
    pub offline: bool,
    /// The cache folder (see [`HubConfig::from_env`]).
    pub cache: PathBuf,
    /// The longest a request may take, connection to last byte.
    pub timeout: Duration,
    /// The largest body read from any response, in bytes.
    pub max_body_bytes: u64,
    /// How many base models deep a lineage is fetched.
    pub max_depth: usize,
    /// The most files fetched for one model.
    pub max_files: usize,
}

impl HubConfig {
    /// The settings from the environment: `HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_OFFLINE`; the
    /// cache is `MODEL_LICENCE_CACHE`, else `$HF_HOME/model-licence`, else
    /// `$XDG_CACHE_HOME/model-licence`, else `~/.cache/model-licence`. `MODEL_LICENCE_HUB_TIMEOUT`
    /// sets the timeout in seconds (default 30).
    pub fn from_env() -> HubConfig {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let timeout = var("MODEL_LICENCE_HUB_TIMEOUT")
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(Duration::from_secs_f64)
            .unwrap_or(Duration::from_secs(30));
        HubConfig {
            endpoint: var("HF_ENDPOINT")
                .unwrap_or_else(|| "https://huggingface.co".to_string())
                .trim_end_matches('/')
                .to_string(),
            token: var("HF_TOKEN"),
            offline: var("HF_HUB_OFFLINE").is_some_and(|v| truthy(&v)),
            cache: default_cache(),
            timeout,
            max_body_bytes: Limits::DEFAULT.max_input_bytes,
            max_depth: 4,
            max_files: 32,
        }
    }
}

/// `1`, `true`, `yes`, `on`, as `huggingface_hub` reads its boolean variables.
fn truthy(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

fn default_cache() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("MODEL_LICENCE_CACHE") {
        return PathBuf::from(dir);
    }
    if let Some(home) = var("HF_HOME") {
        return PathBuf::from(home).join("model-licence");
    }
    var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("model-licence")
}

/// A model fetched (or found in the cache): the snapshot folder to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// `owner/name`.
    pub repo: String,
    /// The commit sha checked.
    pub revision: String,
    /// The snapshot folder: `README.md` and the licence files.
    pub snapshot: PathBuf,
    /// The cache folder that holds it and its base models.
    pub cache: PathBuf,
    /// What was done, for the report: where it came from, bases that could not be fetched.
    pub notes: Vec<String>,
}

/// The part of the model API's answer that is read.
#[derive(Debug, Deserialize)]
struct ApiModel {
    sha: Option<String>,
    #[serde(default)]
    siblings: Vec<Sibling>,
}

#[derive(Debug, Deserialize)]
struct Sibling {
    rfilename: String,
}

/// Fetches a model and its base models (those the catalogue does not list) into the cache.
pub fn fetch_model(id: &ModelId, config: &HubConfig, catalogue: &Catalogue) -> Result<Fetched> {
    let client = Client::new(config);
    let (revision, snapshot) = fetch_one(&client, &id.repo, id.revision.as_deref())?;
    let source = if config.offline {
        "the local Hub cache (HF_HUB_OFFLINE=1)".to_string()
    } else {
        config.endpoint.clone()
    };
    let mut notes = vec![format!(
        "`{}` was read from {source} at revision {revision} (README.md and licence files, cached in {})",
        id.repo,
        config.cache.display()
    )];
    fetch_bases(&client, &snapshot, catalogue, &mut notes);
    Ok(Fetched {
        repo: id.repo.clone(),
        revision,
        snapshot,
        cache: config.cache.clone(),
        notes,
    })
}

/// Fetches the base models of a snapshot's card, breadth first, to the configured depth. A base
/// that cannot be fetched is a note: the lineage then finds no card for it, which is reviewed.
fn fetch_bases(client: &Client, snapshot: &Path, catalogue: &Catalogue, notes: &mut Vec<String>) {
    let mut frontier = vec![snapshot.to_path_buf()];
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..client.config.max_depth {
        let mut next = Vec::new();
        for dir in &frontier {
            let Ok(Some(card)) = read_model_card(dir, Limits::DEFAULT) else {
                continue;
            };
            for base in card.base_model {
                let Some(base_id) = ModelId::parse(&base) else {
                    continue;
                };
                if catalogue.model(&base_id.repo).is_some() || !seen.insert(base_id.repo.clone()) {
                    continue;
                }
                match fetch_one(client, &base_id.repo, base_id.revision.as_deref()) {
                    Ok((_, dir)) => next.push(dir),
                    Err(err) => notes.push(format!(
                        "base model `{}` could not be read from the Hub ({err}); its licence is unknown",
                        base_id.repo
                    )),
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
}

/// One repository at one revision: from the cache if its snapshot is complete there, else from
/// the Hub. Returns the commit sha and the snapshot folder.
fn fetch_one(client: &Client, repo: &str, revision: Option<&str>) -> Result<(String, PathBuf)> {
    let config = client.config;
    let entry = hf_cache::entry_dir(&config.cache, repo).ok_or_else(|| Error::Unsupported {
        origin: Origin::Memory(repo.to_string()),
        message: "is not a model id (`owner/name`)".to_string(),
    })?;
    if config.offline {
        return cached(&entry, revision).ok_or_else(|| Error::Hub {
            url: format!("{}/{repo}", config.endpoint),
            message: format!(
                "HF_HUB_OFFLINE=1 and the cache ({}) does not hold this revision",
                config.cache.display()
            ),
        });
    }
    if let Some(found) = revision
        .filter(|rev| hf_cache::is_commit_sha(rev))
        .and_then(|rev| cached(&entry, Some(rev)))
    {
        // A commit never changes: once cached, it needs no network.
        return Ok(found);
    }
    let api_url = match revision {
        // A ref may hold `/` (`refs/pr/1`): the API takes it as one path segment.
        Some(rev) => format!(
            "{}/api/models/{repo}/revision/{}",
            config.endpoint,
            rev.replace('/', "%2F")
        ),
        None => format!("{}/api/models/{repo}", config.endpoint),
    };
    let body = client.get(&api_url)?;
    let api: ApiModel = serde_json::from_slice(&body).map_err(|e| Error::Hub {
        url: api_url.clone(),
        message: format!("the model API answered with JSON this tool cannot read: {e}"),
    })?;
    let sha = api
        .sha
        .filter(|s| hf_cache::is_commit_sha(s))
        .ok_or_else(|| Error::Hub {
            url: api_url.clone(),
            message: "the model API gave no commit sha".to_string(),
        })?
        .to_ascii_lowercase();
    let snapshot = entry.join("snapshots").join(&sha);
    if !snapshot.is_dir() {
        download_snapshot(client, repo, &sha, &api.siblings, &snapshot)?;
    }
    write_ref(&entry, revision.unwrap_or("main"), &sha)?;
    Ok((sha, snapshot))
}

/// A cached snapshot for a revision (a ref the cache recorded, or a commit sha). Snapshots are
/// moved into place whole (see [`download_snapshot`]), so one that exists is complete.
fn cached(entry: &Path, revision: Option<&str>) -> Option<(String, PathBuf)> {
    hf_cache::snapshot(entry, Some(revision.unwrap_or("main")))
}

/// The files of a repository that are read: its card and its licence-bearing files, top level.
fn wanted(siblings: &[Sibling]) -> Vec<&str> {
    siblings
        .iter()
        .map(|s| s.rfilename.as_str())
        .filter(|name| !name.contains('/') && !name.starts_with('.'))
        .filter(|name| *name == "README.md" || licence_file_role(name).is_some())
        .collect()
}

/// Downloads the wanted files into a fresh folder, then moves it into place, so that a snapshot
/// is either whole or absent.
fn download_snapshot(
    client: &Client,
    repo: &str,
    sha: &str,
    siblings: &[Sibling],
    snapshot: &Path,
) -> Result<()> {
    let files = wanted(siblings);
    let config = client.config;
    if files.len() > config.max_files {
        return Err(Error::Hub {
            url: format!("{}/api/models/{repo}", config.endpoint),
            message: format!(
                "lists {} licence-bearing files, over the limit of {}",
                files.len(),
                config.max_files
            ),
        });
    }
    // Staged beside `snapshots/`, in the cache entry, so a half-written folder is never taken
    // for a snapshot.
    let entry = snapshot.parent().and_then(Path::parent).unwrap_or(snapshot);
    let staging = entry.join(format!(".partial-{sha}-{}", std::process::id()));
    let io = |path: &Path, source| Error::Io {
        origin: Origin::Path(path.to_path_buf()),
        source,
    };
    std::fs::create_dir_all(&staging).map_err(|e| io(&staging, e))?;
    let result = (|| {
        for file in files {
            let url = format!("{}/{repo}/resolve/{sha}/{file}", config.endpoint);
            let body = client.get(&url)?;
            let path = staging.join(file);
            std::fs::write(&path, body).map_err(|e| io(&path, e))?;
        }
        if let Some(snapshots) = snapshot.parent() {
            std::fs::create_dir_all(snapshots).map_err(|e| io(snapshots, e))?;
        }
        match std::fs::rename(&staging, snapshot) {
            // Another run put the same commit in place first: its copy is as good.
            Err(_) if snapshot.is_dir() => Ok(()),
            other => other.map_err(|e| io(snapshot, e)),
        }
    })();
    if staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Records which commit a ref named (`refs/main`), as the Hugging Face cache does.
fn write_ref(entry: &Path, revision: &str, sha: &str) -> Result<()> {
    if revision == sha || revision.split('/').any(|p| p.is_empty() || p == "..") {
        return Ok(());
    }
    let path = entry.join("refs").join(revision);
    let io = |source| Error::Io {
        origin: Origin::Path(path.clone()),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(&path, sha).map_err(io)
}

/// An HTTP client with the configured timeout, redirect bound and body limit.
struct Client<'a> {
    config: &'a HubConfig,
    agent: ureq::Agent,
}

impl<'a> Client<'a> {
    fn new(config: &'a HubConfig) -> Client<'a> {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .max_redirects(5)
            .http_status_as_error(false)
            .user_agent(concat!("model-licence/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { config, agent }
    }

    /// The body of a GET, or an error that says what the Hub answered.
    fn get(&self, url: &str) -> Result<Vec<u8>> {
        let mut request = self.agent.get(url);
        if let Some(token) = &self.config.token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let failed = |message: String| Error::Hub {
            url: url.to_string(),
            message,
        };
        let mut response = request.call().map_err(|e| failed(transport_failure(&e)))?;
        let status = response.status().as_u16();
        match status {
            200..=299 => {}
            401 | 403 => {
                return Err(failed(format!(
                    "HTTP {status}: the repository is gated or private: set HF_TOKEN to a token that has access"
                )));
            }
            404 => {
                return Err(failed(
                    "HTTP 404: no such model or file on the Hub".to_string(),
                ));
            }
            _ => return Err(failed(format!("HTTP {status} from the Hub"))),
        }
        response
            .body_mut()
            .with_config()
            .limit(self.config.max_body_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(limit) => failed(format!(
                    "the answer is larger than the limit of {limit} bytes"
                )),
                other => failed(transport_failure(&other)),
            })
    }
}

/// Words for a failure below HTTP: no connection, a timeout, TLS.
fn transport_failure(error: &ureq::Error) -> String {
    match error {
        ureq::Error::Timeout(_) => "no answer within the timeout".to_string(),
        ureq::Error::Io(e) => format!("network error: {e}"),
        ureq::Error::HostNotFound => "host not found (no network?)".to_string(),
        ureq::Error::ConnectionFailed => "could not connect".to_string(),
        ureq::Error::TooManyRedirects => "too many redirects".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_card_and_licence_files_are_fetched() {
        let siblings: Vec<Sibling> = [
            "README.md",
            "LICENSE",
            "USE_POLICY.md",
            "model.safetensors",
            "config.json",
            "original/LICENSE",
            ".gitattributes",
        ]
        .iter()
        .map(|n| Sibling {
            rfilename: n.to_string(),
        })
        .collect();
        assert_eq!(wanted(&siblings), ["README.md", "LICENSE", "USE_POLICY.md"]);
    }

    #[test]
    fn booleans_read_as_the_hub_reads_them() {
        assert!(truthy("1") && truthy("TRUE") && truthy(" yes "));
        assert!(!truthy("0") && !truthy("false") && !truthy(""));
    }
}
