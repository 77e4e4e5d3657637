//! The catalogue: every licence the checker knows, with its text, metadata and curated terms.
//!
//! The data lives in `licences/<id>/` (see `licences/README.md`) and is embedded at build time,
//! so the checker needs no files beside it. Loading turns every quoted clause into byte offsets
//! and fails on any quote that is not in its text: a curated term without its clause is a bug.

pub(crate) mod generic;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::{Error, Origin, Result};
use crate::terms::{BackedTerms, Evidence, LICENCE_DOCUMENT, TermEvidence, TermName, Terms};
use crate::text::{Limits, read_text_file};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The texts of one catalogue folder as embedded at build time, and the parts `build.rs` split
/// off its `terms.json` that are read when first asked for: the terms and the model list (the
/// bulk of the file). Its metadata is the entry at the same place in `EMBEDDED_META`.
pub(crate) struct EmbeddedEntry {
    /// `terms.json`'s `terms`.
    terms: &'static str,
    /// Its `extraction_differs`, if it has one.
    differs: Option<&'static str>,
    /// Its `models`.
    models: &'static str,
    /// `LICENSE.txt`.
    licence_text: &'static str,
    /// The words fingerprint of the licence text (see `Words::fingerprint`).
    licence_words: u64,
    /// `POLICY.txt`, if there is one.
    policy_text: Option<&'static str>,
    /// The words fingerprint of the policy text.
    policy_words: Option<u64>,
}

/// A catalogue licence's metadata as `build.rs` wrote it out from `terms.json` (and checked it
/// there, as `load_entry` checks an organisation's): every process reads every licence's
/// metadata, so it is data in the binary rather than JSON to parse at each start. It is kept in
/// a table of its own (`EMBEDDED_META`, in the order of `EMBEDDED`), so that the metadata's
/// small strings lie together rather than each beside its licence's text.
pub(crate) struct EmbeddedMeta {
    id: &'static str,
    name: &'static str,
    version: Option<&'static str>,
    family: &'static str,
    released: Option<&'static str>,
    spdx: &'static str,
    hf_ids: &'static [&'static str],
    aliases: &'static [&'static str],
    kind: LicenceKind,
    source: EmbeddedSource,
    policy: Option<EmbeddedPolicy>,
    nicknames: &'static [&'static str],
}

/// A [`Source`] written out by `build.rs`.
struct EmbeddedSource {
    repo: &'static str,
    path: &'static str,
    commit: Option<&'static str>,
}

/// A [`PolicyInfo`] written out by `build.rs`.
struct EmbeddedPolicy {
    id: &'static str,
    name: &'static str,
    source: EmbeddedSource,
}

impl EmbeddedSource {
    fn source(&self) -> Source {
        Source {
            repo: self.repo.to_string(),
            path: self.path.to_string(),
            commit: self.commit.map(str::to_string),
        }
    }
}

impl EmbeddedEntry {
    /// The catalogue licence, its terms and model list left to read on first use.
    fn licence(&self, meta: &EmbeddedMeta) -> Licence {
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        Licence {
            id: meta.id.to_string(),
            name: meta.name.to_string(),
            version: meta.version.map(str::to_string),
            family: meta.family.to_string(),
            released: meta.released.map(str::to_string),
            spdx: meta.spdx.to_string(),
            hf_ids: strings(meta.hf_ids),
            aliases: strings(meta.aliases),
            kind: meta.kind,
            source: meta.source.source(),
            policy: meta.policy.as_ref().map(|policy| PolicyInfo {
                id: policy.id.to_string(),
                name: policy.name.to_string(),
                source: policy.source.source(),
            }),
            models: LazyModels {
                json: self.models,
                read: OnceLock::new(),
            },
            nicknames: strings(meta.nicknames),
            text: self.licence_text,
            policy_text: self.policy_text,
            curated: Curated {
                json: Some((self.terms, self.differs)),
                read: OnceLock::new(),
            },
        }
    }
}

/// The words fingerprint the build computed for an embedded catalogue text, found by where the
/// text lies in memory (a catalogue licence's text is the embedded one itself); `None` for any
/// other text.
pub(crate) fn embedded_fingerprint(text: &str) -> Option<u64> {
    EMBEDDED.iter().find_map(|entry| {
        if std::ptr::eq(entry.licence_text, text) {
            return Some(entry.licence_words);
        }
        match (entry.policy_text, entry.policy_words) {
            (Some(policy), Some(words)) if std::ptr::eq(policy, text) => Some(words),
            _ => None,
        }
    })
}

/// Where a text was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `owner/name` of the repository.
    pub repo: String,
    /// The file's path in it.
    pub path: String,
    /// The commit it was read at, where known.
    pub commit: Option<String>,
}

/// A model repository published under a catalogue licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelRepo {
    /// `owner/name` on the Hugging Face Hub.
    pub repo: String,
    /// Where its licence can be checked (its Hub page).
    pub source: String,
    /// What it takes in and gives out, as its Hub page shows (`text`, `vision`, `image`, ...):
    /// some licences treat multimodal models apart.
    pub modalities: Vec<crate::context::Modality>,
}

/// Whether an entry is a model licence or a general open licence from the SPDX list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenceKind {
    /// A licence written for model weights (Llama, Gemma, RAIL, ...).
    Model,
    /// A general licence from the SPDX list (Apache-2.0, MIT, CC-BY-4.0, ...).
    Spdx,
    /// A licence of the SPDX list the catalogue does not hold: its terms are its category's
    /// (see `catalogue/generic.rs`), not read from its text.
    Generic,
}

/// A companion text that the licence incorporates by reference (an acceptable-use policy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyInfo {
    /// Its id, e.g. `llama-3.3-aup`: the name evidence from it carries in `document`.
    pub id: String,
    /// Its title.
    pub name: String,
    /// Where it was published.
    pub source: Source,
}

/// A term that clause extraction reads differently from the curated value, recorded in
/// `terms.json` (`extraction_differs`): the curated terms stay the authority, and the record
/// says what extraction reads and why the curator reads otherwise, so that a new licence never
/// needs the extractor to agree with every hand reading.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractionDifference {
    /// The term.
    pub term: TermName,
    /// What extraction reads, as the term's JSON value.
    pub reads: serde_json::Value,
    /// Why the curated value is different.
    pub why: String,
}

/// The raw `terms.json` of an entry. The terms and their quotes, the bulk of the file, are kept
/// as JSON and read when the licence's terms are first asked for: a process that checks one
/// licence reads one licence's terms, not the catalogue's.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry<'a> {
    id: String,
    name: String,
    version: Option<String>,
    family: String,
    released: Option<String>,
    spdx: String,
    hf_ids: Vec<String>,
    aliases: Vec<String>,
    kind: LicenceKind,
    source: Source,
    #[serde(default)]
    policy: Option<PolicyInfo>,
    /// Absent in the metadata `build.rs` split off; required in a folder's `terms.json`.
    #[serde(borrow, default)]
    models: Option<&'a RawValue>,
    #[serde(default)]
    nicknames: Vec<String>,
    /// Absent in the metadata `build.rs` split off.
    #[serde(borrow, default)]
    terms: Option<&'a RawValue>,
    #[serde(borrow, default)]
    extraction_differs: Option<&'a RawValue>,
}

/// One curated term: its value and the clauses it comes from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm<T> {
    value: T,
    evidence: Vec<RawQuote>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuote {
    #[serde(default = "licence_doc")]
    doc: String,
    quote: String,
}

fn licence_doc() -> String {
    LICENCE_DOCUMENT.to_string()
}

/// `terms.json`'s `terms`: each term's value with the quotes behind it, from the table of terms.
macro_rules! raw_terms {
    ($( $(#[$doc:meta])* $name:ident $field:ident : $ty:ty, )*) => {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawTerms {
            $( $field: RawTerm<$ty>, )*
        }

        impl RawTerms {
            /// The values, and each term's quotes.
            fn split(self) -> (Terms, Vec<(TermName, Vec<RawQuote>)>) {
                let terms = Terms {
                    $( $field: self.$field.value, )*
                };
                let quotes = vec![$( (TermName::$name, self.$field.evidence), )*];
                (terms, quotes)
            }
        }
    };
}

crate::terms::with_terms!(raw_terms);

/// A licence in the catalogue.
///
/// ```
/// use model_licence::{Catalogue, terms::TermName};
///
/// let qwen = Catalogue::embedded()?.get("qwen").expect("in the catalogue");
/// assert_eq!(qwen.spdx, "LicenseRef-qwen");
/// // Each curated term quotes the clause it comes from, with offsets into the text.
/// let clause = &qwen.terms().evidence_for(TermName::UserThreshold)[0];
/// assert_eq!(&qwen.text[clause.start..clause.end], clause.text);
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Licence {
    /// The catalogue id, equal to its folder name (`llama-3.3`, `apache-2.0`).
    pub id: String,
    /// The licence's own title.
    pub name: String,
    /// Its version, where it has one.
    pub version: Option<String>,
    /// The family it belongs to (`llama`, `gemma`, `cc`, ...): an alias for its newest member.
    pub family: String,
    /// Its release, effective or last-modified date (`YYYY-MM-DD`), where the text gives one.
    pub released: Option<String>,
    /// The SPDX id, or `LicenseRef-<id>`.
    pub spdx: String,
    /// The Hugging Face licence ids (or `license_name` values) that name it.
    pub hf_ids: Vec<String>,
    /// Other names users may type.
    pub aliases: Vec<String>,
    /// Model licence or general SPDX licence.
    pub kind: LicenceKind,
    /// Where the text was published.
    pub source: Source,
    /// The acceptable-use policy it incorporates, where that is a separate text.
    pub policy: Option<PolicyInfo>,
    /// Model repositories published under it, read on first use ([`Licence::models`]).
    models: LazyModels,
    /// Short names people give its models in their own models' names (`sdxl`, `sd3`), beside
    /// the family's name and its models' first words: a model so named may derive from them.
    pub nicknames: Vec<String>,
    /// The verbatim licence text.
    #[serde(skip)]
    pub text: &'static str,
    /// The verbatim policy text, where there is one.
    #[serde(skip)]
    pub policy_text: Option<&'static str>,
    /// The curated terms, read from `terms.json` on first use.
    #[serde(skip)]
    curated: Curated,
}

/// A licence's model list: the JSON it is read from, and what it reads as once asked for. Most
/// checks never ask (a check of Llama 3.3's text reads no model list), and the lists are more
/// than half of the catalogue's metadata.
#[derive(Debug, Clone)]
struct LazyModels {
    json: &'static str,
    read: OnceLock<Vec<ModelRepo>>,
}

impl LazyModels {
    /// No models (a generic SPDX licence's).
    fn none() -> LazyModels {
        LazyModels {
            json: "[]",
            read: OnceLock::from(Vec::new()),
        }
    }

    /// Reads and keeps the list; an error for a list that is not one.
    fn read_now(&self) -> std::result::Result<&[ModelRepo], String> {
        if let Some(models) = self.read.get() {
            return Ok(models);
        }
        let models: Vec<ModelRepo> = parse_json(self.json, "models")?;
        Ok(self.read.get_or_init(|| models))
    }

    /// The list, read on first use. The embedded lists are all read by the crate's tests and an
    /// organisation's when its folder loads, so reading cannot fail here; were it to, the list
    /// would be empty: the models' modality unknown, which no rule reads as permission.
    fn get(&self) -> &[ModelRepo] {
        self.read_now().unwrap_or_default()
    }
}

impl PartialEq for LazyModels {
    fn eq(&self, other: &LazyModels) -> bool {
        self.get() == other.get()
    }
}

impl Serialize for LazyModels {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

impl Eq for LazyModels {}

/// A licence's curated terms: the JSON they are read from, and what it reads as once asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Curated {
    /// `terms.json`'s `terms` and `extraction_differs`, where they are still to be read.
    json: Option<(&'static str, Option<&'static str>)>,
    /// Boxed: most licences' terms are never read in a process, and a catalogue entry without
    /// them inline is half the size (fewer heap pages touched at start-up).
    read: OnceLock<Box<CuratedTerms>>,
}

/// What a licence's `terms.json` curates.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CuratedTerms {
    terms: BackedTerms,
    extraction_differs: Vec<ExtractionDifference>,
}

impl Curated {
    /// Terms known already (a generic SPDX licence's category terms).
    fn known(terms: BackedTerms) -> Curated {
        Curated {
            json: None,
            read: OnceLock::from(Box::new(CuratedTerms {
                terms,
                extraction_differs: Vec::new(),
            })),
        }
    }
}

impl Licence {
    /// The curated terms, each with the clauses it comes from (offsets into `text`, or into
    /// `policy_text` for evidence whose `document` is the policy's id).
    ///
    /// Read from `terms.json` on first use. Every embedded licence's terms are read and checked
    /// by the crate's tests, and an organisation's own licences when
    /// [`Catalogue::embedded_with`] loads them, so reading cannot fail here; were it to, every
    /// term would be unknown (which no rule reads as permission).
    pub fn terms(&self) -> &BackedTerms {
        &self.curated().terms
    }

    /// The terms clause extraction reads differently from the curated ones, and why.
    pub fn extraction_differs(&self) -> &[ExtractionDifference] {
        &self.curated().extraction_differs
    }

    fn curated(&self) -> &CuratedTerms {
        self.curated.read.get_or_init(|| {
            Box::new(self.read_curated().unwrap_or_else(|_| CuratedTerms {
                terms: BackedTerms {
                    terms: Terms::unknown(),
                    evidence: TermEvidence::new(),
                },
                extraction_differs: Vec::new(),
            }))
        })
    }

    /// Reads and checks the curated terms: every quote found in its text, every value that
    /// grants something or sets a threshold backed by a clause, every recorded extraction
    /// difference a real difference.
    fn read_curated(&self) -> Result<CuratedTerms> {
        let fail = |message: String| Error::Catalogue {
            id: self.id.clone(),
            message,
        };
        // Terms known already (a generic licence's) are never read: `curated()` has them.
        let Some((terms_json, differs_json)) = self.curated.json else {
            return Err(fail("terms.json: missing field `terms`".to_string()));
        };
        let raw: RawTerms =
            parse_json(terms_json, "terms.").map_err(|err| fail(format!("terms.json: {err}")))?;
        let extraction_differs: Vec<ExtractionDifference> = match differs_json {
            Some(json) => parse_json(json, "extraction_differs")
                .map_err(|err| fail(format!("terms.json: {err}")))?,
            None => Vec::new(),
        };
        let policy_id = self.policy.as_ref().map(|p| p.id.as_str());
        let (terms, quotes) = raw.split();
        let mut evidence = TermEvidence::new();
        for (term, quotes) in quotes {
            let found = quotes
                .iter()
                .map(|quote| {
                    locate_quote(quote, self.text, self.policy_text, policy_id)
                        .map_err(|message| fail(format!("{}: {message}", term.as_str())))
                })
                .collect::<Result<Vec<_>>>()?;
            if !found.is_empty() {
                evidence.insert(term, found);
            }
        }
        let backed = BackedTerms { terms, evidence };
        check_backed(&backed).map_err(fail)?;
        check_differences(&backed.terms, &extraction_differs).map_err(fail)?;
        Ok(CuratedTerms {
            terms: backed,
            extraction_differs,
        })
    }

    /// Reads the curated terms and the model list now, so that an error in them is reported
    /// when the catalogue loads rather than hidden behind unknown terms later.
    fn read_lazy_now(self) -> Result<Licence> {
        let curated = self.read_curated()?;
        let _ = self.curated.read.set(Box::new(curated));
        self.models.read_now().map_err(|err| Error::Catalogue {
            id: self.id.clone(),
            message: format!("terms.json: {err}"),
        })?;
        Ok(self)
    }

    /// Model repositories published under it, with where that can be checked: read from
    /// `terms.json` on first use.
    pub fn models(&self) -> &[ModelRepo] {
        self.models.get()
    }

    /// The text a document name in [`Evidence::document`] refers to, for this licence.
    pub fn document_text(&self, document: &str) -> Option<&'static str> {
        if document == LICENCE_DOCUMENT {
            return Some(self.text);
        }
        match (&self.policy, self.policy_text) {
            (Some(policy), Some(text)) if policy.id == document => Some(text),
            _ => None,
        }
    }
}

impl Licence {
    /// A clause of this licence as evidence that names where it comes from: a clause of the
    /// licence text (`licence`) is named by the licence's id, a clause of its policy keeps the
    /// policy's id. For reports whose `licence` document is some other text.
    pub fn catalogue_evidence(&self, clause: &Evidence) -> Evidence {
        let document = if clause.document == LICENCE_DOCUMENT {
            self.id.clone()
        } else {
            clause.document.clone()
        };
        Evidence {
            document,
            ..clause.clone()
        }
    }
}

/// How an id or alias was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// The licence.
    pub licence: &'a Licence,
    /// A note for the user when the name was not the exact id (an alias, a family name that
    /// picked the newest version).
    pub note: Option<String>,
}

/// Every licence the checker knows.
///
/// ```
/// use model_licence::Catalogue;
///
/// let catalogue = Catalogue::embedded()?;
/// let resolved = catalogue.resolve("llama3.3")?; // a Hugging Face id, an alias or an id
/// assert_eq!(resolved.licence.id, "llama-3.3");
/// assert!(catalogue.resolve("no-such-licence").is_err());
/// # Ok::<(), model_licence::Error>(())
/// ```
pub struct Catalogue {
    licences: Vec<Licence>,
    /// Each licence's names as word lists, for reading licence names in prose; built on first
    /// use.
    pub(crate) name_keys: OnceLock<Vec<Vec<Vec<String>>>>,
    /// The words that point at families whose licences bind derivatives; built on first use.
    pub(crate) family_words: OnceLock<Vec<FamilyWord>>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("licences", &self.licences.len())
            .finish_non_exhaustive()
    }
}

static EMBEDDED_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

impl Catalogue {
    /// The catalogue built into the library, loaded once. Its metadata was checked when the
    /// crate was built, so loading it does not fail today; the `Result` leaves that room.
    pub fn embedded() -> Result<&'static Catalogue> {
        Ok(EMBEDDED_CATALOGUE.get_or_init(|| Catalogue::load(EMBEDDED, EMBEDDED_META)))
    }

    /// The embedded catalogue plus an organisation's own licences: each folder of `dir` holds
    /// one, laid out as the embedded ones are (`terms.json`, `LICENSE.txt`, and `POLICY.txt`
    /// where the licence has a separate use policy; see the repository's `licences/README.md`).
    /// Every quote of `terms.json` must be found in its text, as for the embedded licences.
    ///
    /// The texts are kept for the rest of the process (licences are referred to by `'static`
    /// text): load such a catalogue once and share it, for example in a [`crate::Checker`].
    ///
    /// ```
    /// use model_licence::Catalogue;
    ///
    /// let own = std::env::temp_dir().join(format!("own-licences-{}", std::process::id()));
    /// std::fs::create_dir_all(&own)?;
    /// let catalogue = Catalogue::embedded_with(&own)?; // no folders yet: the embedded licences
    /// assert_eq!(catalogue.licences().len(), Catalogue::embedded()?.licences().len());
    /// # std::fs::remove_dir_all(&own)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn embedded_with(dir: &Path) -> Result<Catalogue> {
        let mut catalogue = Catalogue::load(EMBEDDED, EMBEDDED_META);
        for folder in licence_folders(dir)? {
            let licence = load_folder(&folder)?;
            if catalogue.get(&licence.id).is_some() {
                return Err(Error::Catalogue {
                    id: licence.id,
                    message: format!(
                        "{}: the embedded catalogue already has a licence with this id",
                        folder.display()
                    ),
                });
            }
            catalogue.licences.push(licence);
        }
        catalogue.licences.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(catalogue)
    }

    /// The catalogue of the build's tables: `metas[i]` is the metadata of `entries[i]`.
    fn load(entries: &[EmbeddedEntry], metas: &[EmbeddedMeta]) -> Catalogue {
        let licences = entries
            .iter()
            .zip(metas)
            .map(|(entry, meta)| entry.licence(meta))
            .collect();
        Catalogue {
            licences,
            name_keys: OnceLock::new(),
            family_words: OnceLock::new(),
        }
    }

    /// Every licence, sorted by id.
    pub fn licences(&self) -> &[Licence] {
        &self.licences
    }

    /// A catalogue text by the name evidence gives it: a licence id (`llama-3.3`) names its
    /// licence text, a policy id (`llama-3.3-aup`) its policy. Returns the licence that holds the
    /// text, and the text.
    pub fn document(&self, name: &str) -> Option<(&Licence, &'static str)> {
        if let Some(licence) = self.get(name) {
            return Some((licence, licence.text));
        }
        self.licences.iter().find_map(|licence| {
            let policy = licence.policy.as_ref().filter(|p| p.id == name)?;
            licence
                .document_text(&policy.id)
                .map(|text| (licence, text))
        })
    }

    /// The licence a model repository was published under, by its Hub id (case-insensitive).
    pub fn licence_of_model(&self, repo: &str) -> Option<&Licence> {
        self.model(repo).map(|(licence, _)| licence)
    }

    /// A model repository the catalogue lists, with its licence, by its Hub id
    /// (case-insensitive).
    pub fn model(&self, repo: &str) -> Option<(&Licence, &ModelRepo)> {
        let repo = repo.trim().trim_start_matches("https://huggingface.co/");
        self.licences.iter().find_map(|licence| {
            licence
                .models()
                .iter()
                .find(|m| m.repo.eq_ignore_ascii_case(repo))
                .map(|m| (licence, m))
        })
    }

    /// Every licence a policy name stands for: the licence an id, SPDX id, Hub id or alias
    /// names, or every member of a family (`llama`, `qwen`, `mistral`), never only its newest.
    /// An organisation that writes `deny = ["llama"]` means every Llama licence.
    pub fn resolve_all(&self, name: &str) -> Result<Vec<&Licence>> {
        let wanted = name.trim().to_ascii_lowercase();
        let family: Vec<&Licence> = self
            .licences
            .iter()
            .filter(|licence| licence.family == wanted)
            .collect();
        match self.resolve(name) {
            // A family name: all its members (`resolve` would pick the newest).
            Ok(resolved) if resolved.licence.id != wanted && family.len() > 1 => {
                let by_other_name = resolved
                    .note
                    .as_deref()
                    .is_some_and(|note| note.contains("another name"));
                Ok(if by_other_name {
                    vec![resolved.licence]
                } else {
                    family
                })
            }
            Ok(resolved) => Ok(vec![resolved.licence]),
            Err(_) if !family.is_empty() => Ok(family),
            Err(err) => Err(err),
        }
    }

    /// The licence with exactly this catalogue id.
    pub fn get(&self, id: &str) -> Option<&Licence> {
        self.licences.iter().find(|licence| licence.id == id)
    }

    /// Resolves a catalogue id, SPDX id, `LicenseRef-…`, Hugging Face id, alias or family name
    /// (case-insensitive). A family name (`llama`) resolves to the family's newest licence, and
    /// the note says so.
    pub fn resolve(&self, name: &str) -> Result<Resolved<'_>> {
        let wanted = name.trim().to_ascii_lowercase();
        if let Some(licence) = self.get(&wanted) {
            return Ok(Resolved {
                licence,
                note: None,
            });
        }
        let by_name = self.licences.iter().find(|licence| {
            licence.spdx.to_ascii_lowercase() == wanted
                || licence
                    .hf_ids
                    .iter()
                    .any(|id| id.to_ascii_lowercase() == wanted)
                || licence
                    .aliases
                    .iter()
                    .any(|a| a.to_ascii_lowercase() == wanted)
        });
        if let Some(licence) = by_name {
            return Ok(Resolved {
                licence,
                note: Some(format!("`{name}` is another name of `{}`", licence.id)),
            });
        }
        if let Some(licence) = self.newest_of_family(&wanted) {
            return Ok(Resolved {
                licence,
                note: Some(format!(
                    "`{name}` names a family of licences; resolved to the newest, `{}` ({}); name a version (e.g. `{}`) to pin it",
                    licence.id,
                    licence.released.as_deref().unwrap_or("undated"),
                    licence.id
                )),
            });
        }
        if let Some(licence) = generic::licence(name) {
            return Ok(Resolved {
                licence,
                note: Some(format!(
                    "`{}` is on the SPDX licence list but not in the catalogue: its terms are its category's",
                    licence.spdx
                )),
            });
        }
        Err(Error::UnknownLicenceId {
            id: name.to_string(),
            suggestions: self.suggest(&wanted),
        })
    }

    /// Resolves a licence id as model metadata states it: a Hugging Face licence id or
    /// `license_name` (`llama3.1`, `gemma`, `mrl`), or an SPDX id or `LicenseRef-…`. Catalogue
    /// ids and aliases are not used here: on the Hub, `license_name: qwen` names the 2024 Qwen
    /// licence, not the catalogue's `qwen` (the 2023 Tongyi Qianwen text).
    pub fn resolve_hub_id(&self, name: &str) -> Option<&Licence> {
        let wanted = name.trim().to_ascii_lowercase();
        self.licences
            .iter()
            .find(|licence| {
                licence.spdx.to_ascii_lowercase() == wanted
                    || licence
                        .hf_ids
                        .iter()
                        .any(|id| id.to_ascii_lowercase() == wanted)
            })
            .or_else(|| generic::licence(name))
    }

    /// The newest licence of a family, by release date. A family with an undated member
    /// (`cc`, `mistral`) has no "newest": its name is ambiguous and resolves to nothing.
    fn newest_of_family(&self, family: &str) -> Option<&Licence> {
        let members: Vec<&Licence> = self
            .licences
            .iter()
            .filter(|licence| licence.family == family)
            .collect();
        if members.iter().any(|licence| licence.released.is_none()) {
            return None;
        }
        members
            .into_iter()
            .max_by(|a, b| a.released.cmp(&b.released).then_with(|| a.id.cmp(&b.id)))
    }

    /// Up to three known names close to `wanted`, closest first.
    fn suggest(&self, wanted: &str) -> Vec<String> {
        let mut scored: Vec<(f64, &str)> = self
            .licences
            .iter()
            .map(|licence| {
                let score = std::iter::once(licence.id.as_str())
                    .chain(licence.hf_ids.iter().map(String::as_str))
                    .chain(licence.aliases.iter().map(String::as_str))
                    .chain(std::iter::once(licence.family.as_str()))
                    .map(|name| strsim::jaro_winkler(wanted, &name.to_ascii_lowercase()))
                    .fold(0.0, f64::max);
                (score, licence.id.as_str())
            })
            .filter(|(score, _)| *score >= 0.7)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

/// The licence folders of a folder of extra licences, sorted by name, hidden entries left out.
fn licence_folders(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |source| Error::Io {
        origin: Origin::Path(dir.to_path_buf()),
        source,
    };
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.file_type().map_err(io)?.is_dir() {
            folders.push(entry.path());
        }
    }
    folders.sort();
    Ok(folders)
}

/// Loads a licence from its folder; its texts are leaked to live as long as the embedded ones.
fn load_folder(folder: &Path) -> Result<Licence> {
    let read = |name: &str| read_text_file(&folder.join(name), Limits::DEFAULT);
    let id = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let terms_json = read("terms.json")?;
    let text: &'static str = read("LICENSE.txt")?.leak();
    let policy_path = folder.join("POLICY.txt");
    let policy_text: Option<&'static str> = if policy_path.is_file() {
        Some(read("POLICY.txt")?.leak())
    } else {
        None
    };
    load_entry(&id, terms_json.leak(), text, policy_text)?.read_lazy_now()
}

/// Parses an organisation's catalogue entry and checks its metadata against its folder and
/// texts; its terms and model list are read on first use (by `read_lazy_now`, for a folder).
/// `build.rs` checks the embedded entries the same way.
fn load_entry(
    folder: &str,
    terms_json: &'static str,
    text: &'static str,
    policy_text: Option<&'static str>,
) -> Result<Licence> {
    let fail = |message: String| Error::Catalogue {
        id: folder.to_string(),
        message,
    };
    let raw: RawEntry<'static> =
        parse_json(terms_json, "").map_err(|err| fail(format!("terms.json: {err}")))?;
    if raw.id != folder {
        return Err(fail(format!(
            "id `{}` differs from its folder name",
            raw.id
        )));
    }
    if raw.policy.is_some() != policy_text.is_some() {
        return Err(fail(
            "`policy` must be given exactly when POLICY.txt exists".to_string(),
        ));
    }
    let Some(models) = raw.models.map(RawValue::get) else {
        return Err(fail("terms.json: missing field `models`".to_string()));
    };
    Ok(Licence {
        id: raw.id,
        name: raw.name,
        version: raw.version,
        family: raw.family,
        released: raw.released,
        spdx: raw.spdx,
        hf_ids: raw.hf_ids,
        aliases: raw.aliases,
        kind: raw.kind,
        source: raw.source,
        policy: raw.policy,
        models: LazyModels {
            json: models,
            read: OnceLock::new(),
        },
        nicknames: raw.nicknames,
        text,
        policy_text,
        curated: Curated {
            json: raw.terms.map(|terms| {
                let differs = raw.extraction_differs.map(RawValue::get);
                (terms.get(), differs)
            }),
            read: OnceLock::new(),
        },
    })
}

/// Parses `terms.json` or the part of it at `within` (`terms.`); on an error, parses it again
/// tracking the path, so that the message says where (`missing field ... (terms.hosting)`)
/// without the tracking's cost on every load.
fn parse_json<'a, T: Deserialize<'a>>(
    json: &'a str,
    within: &str,
) -> std::result::Result<T, String> {
    serde_json::from_str(json).map_err(|plain| {
        let mut de = serde_json::Deserializer::from_str(json);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Err(tracked) => format!("{} ({within}{})", tracked.inner(), tracked.path()),
            Ok(_) => plain.to_string(),
        }
    })
}

/// Each recorded difference names a term once, with a value of that term's type that differs
/// from the curated one (a record that agrees is stale).
fn check_differences(
    curated: &Terms,
    differences: &[ExtractionDifference],
) -> std::result::Result<(), String> {
    let mut seen = Vec::new();
    for difference in differences {
        let name = difference.term.as_str();
        if seen.contains(&difference.term) {
            return Err(format!("extraction_differs names `{name}` twice"));
        }
        seen.push(difference.term);
        let read = difference.applied_to(curated).map_err(|err| {
            format!("extraction_differs: `{name}` is not a value of the term: {err}")
        })?;
        if curated.differing_fields(&read).is_empty() {
            return Err(format!(
                "extraction_differs: `{name}` reads as curated; the record is stale"
            ));
        }
    }
    Ok(())
}

impl ExtractionDifference {
    /// `terms` with this term set to what extraction reads; an error when that is no value of
    /// the term (the catalogue refuses such a record when it loads).
    pub fn applied_to(&self, terms: &Terms) -> std::result::Result<Terms, serde_json::Error> {
        let mut all = serde_json::to_value(terms)?;
        all[self.term.as_str()] = self.reads.clone();
        serde_json::from_value(all)
    }
}

/// Finds a quote in the text it names and returns it as evidence with byte offsets.
fn locate_quote(
    quote: &RawQuote,
    text: &str,
    policy_text: Option<&str>,
    policy_id: Option<&str>,
) -> std::result::Result<Evidence, String> {
    let (document, haystack) = match (quote.doc.as_str(), policy_text, policy_id) {
        (LICENCE_DOCUMENT, _, _) => (LICENCE_DOCUMENT.to_string(), text),
        ("policy", Some(policy), Some(id)) => (id.to_string(), policy),
        (other, _, _) => return Err(format!("evidence names unknown document `{other}`")),
    };
    let start = find_quote(haystack, &quote.quote)
        .ok_or_else(|| format!("quote not found in {document}: {:?}", quote.quote))?;
    Ok(Evidence {
        start,
        end: start + quote.quote.len(),
        text: quote.quote.clone(),
        document,
        lang: None,
        line: None,
        column: None,
    })
}

/// The first occurrence of `quote` in `text`, as `str::find` gives it. Loading locates some 600
/// quotes of a few hundred bytes each, which with `str::find` (or a searcher built for the whole
/// quote) was a tenth of a check's start-up: a searcher for the quote's first bytes finds the
/// candidates, and each is compared whole.
fn find_quote(text: &str, quote: &str) -> Option<usize> {
    let (text, quote) = (text.as_bytes(), quote.as_bytes());
    let head = memchr::memmem::Finder::new(&quote[..quote.len().min(16)]);
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| head.find(rest)) {
        let at = from + found;
        if text[at..].starts_with(quote) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Checks that values which grant something or set a threshold are backed by a clause.
fn check_backed(backed: &BackedTerms) -> std::result::Result<(), String> {
    for term in TermName::ALL {
        if backed.terms.states(term) && backed.evidence_for(term).is_empty() {
            return Err(format!("{} has a value but no clause", term.as_str()));
        }
    }
    Ok(())
}

/// A word that points at a family whose licence binds derivatives.
#[derive(Debug)]
pub(crate) struct FamilyWord {
    pub(crate) word: String,
    pub(crate) family: String,
    /// Whether the word counts anywhere in a name (`llama` in `codellama`), or only as a whole
    /// word of it (`yi`, `glm`, `rail`: short words that other words hold).
    pub(crate) inside_words: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "You may use it. Above 700 million monthly active users ask us.";

    fn entry_json(quote: &str) -> String {
        format!(
            r#"{{"id":"x","name":"X","version":null,"family":"x","released":null,"spdx":"LicenseRef-x",
            "hf_ids":[],"aliases":[],"kind":"model","source":{{"repo":"a/b","path":"L","commit":null}},"models":[],
            "terms":{{
              "commercial_use":{{"value":"conditional","evidence":[{{"quote":{quote:?}}}]}},
              "registration":{{"value":false,"evidence":[]}},
              "user_threshold":{{"value":{{"monthly_active_users":700000000}},"evidence":[{{"quote":{quote:?}}}]}},
              "revenue_threshold":{{"value":null,"evidence":[]}},
              "territory_exclusions":{{"value":[],"evidence":[]}},
              "derivatives":{{"value":{{"redistribution":"unknown","naming_prefix":null}},"evidence":[]}},
              "attribution":{{"value":null,"evidence":[]}},
              "attribution_condition":{{"value":null,"evidence":[]}},
              "notice":{{"value":null,"evidence":[]}},
              "output_training":{{"value":"unknown","evidence":[]}},
              "use_policy":{{"value":false,"evidence":[]}},
              "flow_down":{{"value":false,"evidence":[]}},
              "hosting":{{"value":"unknown","evidence":[]}},
              "licence_copy":{{"value":false,"evidence":[]}}
            }}}}"#
        )
    }

    /// Loads an entry as an organisation's own folder is loaded: terms read and checked now.
    fn load(folder: &str, json: String, text: &'static str) -> Result<Licence> {
        load_entry(folder, json.leak(), text, None)?.read_lazy_now()
    }

    /// The embedded catalogue reads its terms on first use and falls back to unknown terms were
    /// that to fail: this is where a broken `terms.json` fails instead.
    #[test]
    fn every_embedded_licence_reads_its_terms() {
        for licence in Catalogue::embedded()
            .expect("embedded catalogue")
            .licences()
        {
            let curated = licence.read_curated().unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(&curated.terms, licence.terms(), "{}", licence.id);
            let models =
                LazyModels::read_now(&licence.models).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(models, licence.models(), "{}", licence.id);
        }
    }

    #[test]
    fn quote_becomes_byte_offsets() {
        let json = entry_json("Above 700 million monthly active users");
        let licence = load("x", json, TEXT).expect("valid entry");
        let ev = &licence.terms().evidence_for(TermName::UserThreshold)[0];
        assert_eq!(
            &TEXT[ev.start..ev.end],
            "Above 700 million monthly active users"
        );
    }

    #[test]
    fn a_quote_is_found_where_str_find_finds_it() {
        let text = "aaaab aaaaab, the Licensee: the Licensee shall";
        for quote in [
            "",
            "aaaab",
            "aaaaab",
            "the Licensee shall",
            "Licensee:",
            "shall",
            "nope",
        ] {
            assert_eq!(find_quote(text, quote), text.find(quote), "{quote:?}");
        }
        let long = "x".repeat(40) + "y";
        let text = "x".repeat(100) + "y";
        assert_eq!(find_quote(&text, &long), text.find(&long));
    }

    /// `build.rs` splits each `terms.json` with a generic JSON reader, which would let a
    /// duplicate key through: the folders, read whole as an organisation's are, must give the
    /// same licences.
    #[test]
    fn the_build_split_reads_as_the_folders_do() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("licences");
        for embedded in Catalogue::embedded()
            .expect("embedded catalogue")
            .licences()
        {
            let folder = load_folder(&root.join(&embedded.id)).expect("folder loads");
            let json = |l: &Licence| serde_json::to_value(l).expect("serialises");
            assert_eq!(json(&folder), json(embedded), "{}", embedded.id);
            assert_eq!(folder.terms(), embedded.terms(), "{}", embedded.id);
            assert_eq!(folder.extraction_differs(), embedded.extraction_differs());
        }
    }

    #[test]
    fn terms_that_cannot_be_read_lazily_are_unknown() {
        let json = entry_json("Above 70 million monthly active users");
        let licence = load_entry("x", json.leak(), TEXT, None).expect("metadata reads");
        assert_eq!(licence.terms().terms, Terms::unknown());
        assert!(licence.terms().evidence.is_empty());
    }

    /// An organisation's folder has its model list read when it loads: a list that is missing
    /// or not a list of models is an error then, not an empty list later.
    #[test]
    fn a_folder_without_a_model_list_is_an_error() {
        let json = entry_json("Above 700 million monthly active users");
        let err = load("x", json.replace(r#""models":[],"#, ""), TEXT).unwrap_err();
        assert!(err.to_string().contains("missing field `models`"), "{err}");
        let bad = json.replace(r#""models":[]"#, r#""models":[{"repo":"a/b"}]"#);
        let err = load("x", bad, TEXT).unwrap_err();
        assert!(err.to_string().contains("missing field `source`"), "{err}");
    }

    #[test]
    fn missing_quote_is_an_error() {
        let json = entry_json("Above 70 million monthly active users");
        let err = load("x", json, TEXT).unwrap_err();
        assert!(err.to_string().contains("quote not found"), "{err}");
    }

    #[test]
    fn id_must_equal_folder() {
        let json = entry_json("Above 700 million monthly active users");
        let err = load("y", json, TEXT).unwrap_err();
        assert!(err.to_string().contains("differs from its folder"), "{err}");
    }

    #[test]
    fn an_extraction_difference_is_recorded_and_a_stale_one_is_an_error() {
        let differs = |reads: &str| {
            entry_json("Above 700 million monthly active users").replace(
                r#""models":[],"#,
                &format!(
                    r#""models":[],"extraction_differs":[{{"term":"output_training","reads":{reads},"why":"w"}}],"#
                ),
            )
        };
        let licence = load("x", differs(r#""prohibited""#), TEXT).expect("loads");
        assert_eq!(licence.extraction_differs().len(), 1);
        let err = load("x", differs(r#""unknown""#), TEXT).unwrap_err();
        assert!(err.to_string().contains("stale"), "{err}");
        let err = load("x", differs(r#""sometimes""#), TEXT).unwrap_err();
        assert!(err.to_string().contains("not a value"), "{err}");
    }

    #[test]
    fn unknown_field_is_an_error() {
        let json = entry_json("Above 700 million monthly active users")
            .replace(r#""models":[]"#, r#""models":[],"colour":"red""#);
        let err = load("x", json, TEXT).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn threshold_without_clause_is_an_error() {
        let json = entry_json("Above 700 million monthly active users").replacen(
            r#""user_threshold":{"value":{"monthly_active_users":700000000},"evidence":[{"quote":"Above 700 million monthly active users"}]}"#,
            r#""user_threshold":{"value":{"monthly_active_users":700000000},"evidence":[]}"#,
            1,
        );
        let err = load("x", json, TEXT).unwrap_err();
        assert!(err.to_string().contains("no clause"), "{err}");
    }

    #[test]
    fn policy_quote_without_policy_is_an_error() {
        let json = entry_json("Above 700 million monthly active users").replacen(
            r#"{"quote":"Above 700 million monthly active users"}]}"#,
            r#"{"doc":"policy","quote":"Above 700 million monthly active users"}]}"#,
            1,
        );
        let err = load("x", json, TEXT).unwrap_err();
        assert!(err.to_string().contains("unknown document"), "{err}");
    }
}
