//! The [`Checker`]: one entry point that owns the catalogue and the options, and checks any
//! [`Subject`] against a [`Context`].

use std::path::Path;
use std::sync::Arc;

use crate::catalogue::{Catalogue, Licence};
use crate::check as licence_check;
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Exit, Finding, ModelFacts, Rule, Severity};
use crate::hf_cache::repo_from_name;
use crate::licence_files::{FolderFiles, has_licence_file};
use crate::lineage::ModelIndex;
use crate::metadata::{
    CARD_DOCUMENT, ModelCard, has_front_matter, looks_like_api_json, parse_api_json, parse_card,
};
use crate::model::{check_card, check_model_folder};
use crate::policy::Policy;
use crate::report::{ContextSource, Report, Run};
use crate::subject::{ModelId, Subject, read_stdin};
use crate::terms::LICENCE_DOCUMENT;
use crate::text::{Limits, read_text_file};

/// Checks subjects against deployment contexts: identifies each subject's licence in its
/// catalogue, evaluates the terms and, when it has one, applies the organisation's policy.
///
/// A checker is cheap to clone and can be shared between threads.
///
/// ```
/// use model_licence::{Checker, Context, Subject, Verdict};
///
/// let checker = Checker::new();
/// let mut context = Context::default_assumed();
/// context.organisation.monthly_active_users = Some(800_000_000);
/// let report = checker.check(&Subject::parse("llama-3.3"), &context)?;
/// assert_eq!(report.verdict, Verdict::Blocked);
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Checker {
    /// The catalogue given, or `None` for the embedded one.
    catalogue: Option<Arc<Catalogue>>,
    policy: Option<Policy>,
    limits: Limits,
    context_source: ContextSource,
    hub: bool,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

impl Checker {
    /// A checker over the catalogue built into the library, with the default limits, no policy,
    /// and contexts reported as given by the caller.
    ///
    /// The embedded catalogue is loaded on first use. Its data is checked by the test suite, so
    /// loading it does not fail; if it ever did, every [`Checker::check`] would return the
    /// [`Error::Catalogue`] that says why, and nothing would be reported as permitted.
    pub fn new() -> Checker {
        Checker {
            catalogue: None,
            policy: None,
            limits: Limits::DEFAULT,
            context_source: ContextSource::Given,
            hub: false,
        }
    }

    /// A checker over a catalogue of the caller's (an organisation's own licences).
    ///
    /// ```no_run
    /// use model_licence::{Catalogue, Checker, Context, Subject};
    ///
    /// // One folder per licence, laid out as the embedded ones: terms.json, LICENSE.txt.
    /// let checker = Checker::with_catalogue(Catalogue::embedded_with("our-licences".as_ref())?);
    /// let report = checker.check(&Subject::parse("acme-model-licence-1.0"), &Context::default_assumed())?;
    /// println!("{}", report.verdict);
    /// # Ok::<(), model_licence::Error>(())
    /// ```
    pub fn with_catalogue(catalogue: Catalogue) -> Checker {
        Checker {
            catalogue: Some(Arc::new(catalogue)),
            ..Checker::new()
        }
    }

    /// This checker with an organisation's policy, applied to every report: allow and deny
    /// lists, accepted obligations, the review gate, exceptions.
    ///
    /// ```
    /// use model_licence::{Checker, Context, Exit, Origin, Policy, Subject, Verdict};
    ///
    /// let policy = Policy::from_toml("[licences]\ndeny = [\"cc-by-nc-4.0\"]\n", Origin::Memory("policy".into()))?;
    /// let checker = Checker::new().with_policy(policy);
    /// let report = checker.check(&Subject::parse("cc-by-nc-4.0"), &Context::default_assumed())?;
    /// assert_eq!(report.verdict, Verdict::Blocked);
    /// assert!(report.findings.iter().any(|f| f.rule.code() == "policy-deny"));
    /// assert_eq!(checker.exit_code(&report), Exit::Blocked);
    /// # Ok::<(), model_licence::Error>(())
    /// ```
    pub fn with_policy(self, policy: Policy) -> Checker {
        Checker {
            policy: Some(policy),
            ..self
        }
    }

    /// This checker with other input size limits.
    pub fn with_limits(self, limits: Limits) -> Checker {
        Checker { limits, ..self }
    }

    /// This checker, reading model ids ([`Subject::ModelId`]) from the Hugging Face Hub rather
    /// than the catalogue's repository list (cargo feature `hub`; `HF_ENDPOINT`, `HF_TOKEN` and
    /// `HF_HUB_OFFLINE` apply). Without the feature such a check is an error.
    pub fn with_hub(self, hub: bool) -> Checker {
        Checker { hub, ..self }
    }

    /// This checker, recording in each report where the context came from (the command line
    /// says [`ContextSource::Default`] when it assumed the documented default context).
    pub fn with_context_source(self, context_source: ContextSource) -> Checker {
        Checker {
            context_source,
            ..self
        }
    }

    /// The catalogue licences are identified against.
    pub fn catalogue(&self) -> Result<&Catalogue> {
        match &self.catalogue {
            Some(own) => Ok(own),
            None => Catalogue::embedded(),
        }
    }

    /// The policy applied to every report, if any.
    pub fn policy(&self) -> Option<&Policy> {
        self.policy.as_ref()
    }

    /// The input size limits.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Checks a subject against a context. An error means the subject could not be checked (a
    /// file that cannot be read, an unknown id, malformed metadata); a check that fails is a
    /// report whose verdict says so.
    pub fn check(&self, subject: &Subject, context: &Context) -> Result<Report> {
        let name = subject.name();
        let run = Run {
            catalogue: self.catalogue()?,
            subject: &name,
            context,
            context_source: self.context_source,
            limits: self.limits,
        };
        let mut report = match subject {
            Subject::ModelId(id) if self.hub => check_hub_model(&run, id)?,
            _ => check_subject(&run, subject)?,
        };
        // What the subject's own files did not locate is in the catalogue's copies.
        report.locate_in_catalogue(run.catalogue);
        if let Some(policy) = &self.policy {
            policy.apply(&mut report);
        }
        Ok(report)
    }

    /// The exit code for a report of this checker: its policy's gate, or else the verdict's.
    pub fn exit_code(&self, report: &Report) -> Exit {
        match &self.policy {
            Some(policy) => policy.exit_code(report),
            None => report.exit_code(),
        }
    }
}

/// Checks a subject of any kind.
fn check_subject(run: &Run, subject: &Subject) -> Result<Report> {
    match subject {
        Subject::LicenceId(name) => check_name(run, name),
        Subject::Path(path) => check_path(run, path),
        Subject::LicenceText(text) => Ok(licence_check::check_text(run, text, None)),
        Subject::CardText(text) => {
            let origin = Origin::Memory("model card".to_string());
            let card = parse_card(text, &origin)?.ok_or_else(|| Error::Metadata {
                origin,
                line: Some(1),
                message: "a model card starts with YAML front matter (`---`)".to_string(),
            })?;
            Ok(check_card_alone(run, &card))
        }
        Subject::HubJson(text) => {
            let card = parse_api_json(text, &Origin::Memory("hub json".to_string()))?;
            Ok(check_card_alone(run, &card))
        }
        Subject::Spdx(expression) => check_expression(run, expression),
        Subject::ModelId(id) => check_model_id(run, id),
        Subject::Stdin => {
            let text = read_stdin(run.limits)?;
            check_file(run, Path::new("<stdin>"), &text)
        }
    }
}

/// A model known only by its metadata: no licence files, no cards of its bases beside it.
fn check_card_alone(run: &Run, card: &ModelCard) -> Report {
    check_card(run, card, &FolderFiles::default(), &ModelIndex::new())
}

/// A catalogue id or alias; failing that, a file or folder of that name.
fn check_name(run: &Run, name: &str) -> Result<Report> {
    match run.catalogue.resolve(name) {
        Ok(resolved) => {
            let notes = resolved.note.into_iter().collect();
            let model = crate::modality::of_licence(resolved.licence);
            Ok(licence_check::check_licence(
                run,
                resolved.licence,
                &model,
                notes,
            ))
        }
        // Any entry of that name, a broken link included: checking it says what is wrong.
        Err(_) if !name.is_empty() && std::fs::symlink_metadata(name).is_ok() => {
            check_path(run, Path::new(name))
        }
        Err(Error::UnknownLicenceId { suggestions, .. }) if looks_like_path(name) => {
            Err(Error::NoSuchSubject {
                path: name.to_string(),
                suggestions,
            })
        }
        Err(unknown) => Err(unknown),
    }
}

/// Whether a name that is neither a file nor an id was meant as a path: it holds a separator,
/// starts with a dot, or ends in a file extension of letters (`.txt`; not `-3.3` or `.1-dev`).
fn looks_like_path(name: &str) -> bool {
    let extension = name
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .is_some_and(|(_, ext)| {
            (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphabetic())
        });
    name.contains(['/', '\\']) || name.starts_with('.') || extension
}

/// A file or a model folder.
fn check_path(run: &Run, path: &Path) -> Result<Report> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && std::fs::metadata(path).is_err() {
        return Err(Error::Unsupported {
            origin: Origin::Path(path.to_path_buf()),
            message: "is a symbolic link that leads nowhere (a loop, or a missing target)"
                .to_string(),
        });
    }
    if path.is_dir() {
        return check_model_folder(run, path);
    }
    if !path.exists() {
        return Err(Error::NotFound {
            origin: Origin::Path(path.to_path_buf()),
        });
    }
    let text = read_text_file(path, run.limits)?;
    check_file(run, path, &text)
}

/// Checks a file: a model card (front matter), a Hub model JSON, or a licence text.
fn check_file(run: &Run, path: &Path, text: &str) -> Result<Report> {
    let origin = Origin::Path(path.to_path_buf());
    let card = if looks_like_api_json(text) {
        Some(parse_api_json(text, &origin)?)
    } else if has_front_matter(text) {
        parse_card(text, &origin)?
    } else if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return Err(Error::Unsupported {
            origin,
            message: "is JSON but not a Hugging Face model JSON (no `id` with `cardData`, `tags` or `siblings`); a deployment context goes after `--context`".to_string(),
        });
    } else {
        None
    };
    let shown_path = if path == Path::new("<stdin>") {
        crate::subject::STDIN.to_string()
    } else {
        crate::shown::path_name(path.as_os_str())
    };
    let Some(mut card) = card else {
        let mut report = licence_check::check_text(run, text, None);
        report.locate(LICENCE_DOCUMENT, &shown_path, text);
        return Ok(report);
    };
    // A README.md card in a model folder is the folder: its licence file is part of the model.
    let folder = path
        .parent()
        .filter(|_| path.file_name().is_some_and(|n| n == "README.md"));
    if let Some(dir) = folder
        && has_licence_file(dir)
    {
        return check_model_folder(run, dir);
    }
    if card.repo.is_none() {
        let named = folder.unwrap_or(path);
        let stem = if folder.is_some() {
            named.file_name()
        } else {
            named.file_stem()
        };
        card.repo = stem.and_then(|n| n.to_str()).and_then(repo_from_name);
    }
    let siblings = folder
        .and_then(Path::parent)
        .or(path.parent())
        .unwrap_or(Path::new("."));
    let index = ModelIndex::from_dir(siblings, run.limits);
    let mut report = check_card(run, &card, &FolderFiles::default(), &index);
    report.locate(CARD_DOCUMENT, &shown_path, text);
    Ok(report)
}

/// Checks a model by its Hub id, offline: the catalogue's repository list gives the licence the
/// licensor published it under and what the model takes in and gives out. A model the list
/// does not hold is an error that says so: nothing is fetched.
fn check_model_id(run: &Run, id: &ModelId) -> Result<Report> {
    let Some((licence, listed)) = run.catalogue.model(&id.repo) else {
        // Spelled like a model id, but it may as well be a mistyped path: say both.
        return Err(Error::Unsupported {
            origin: Origin::Path(id.to_string().into()),
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
    let model = crate::modality::of_model(&card, [], run.catalogue);
    let mut notes = vec![format!(
        "`{}` was resolved offline from the catalogue's repository list: {} publishes it under {} ({}); its card and files were not read",
        listed.repo, listed.source, licence.name, licence.id
    )];
    if let Some(revision) = &id.revision {
        notes.push(format!(
            "revision `{revision}` was not checked: the catalogue records the repository's licence, not each revision's"
        ));
    }
    Ok(licence_check::check_licence(run, licence, &model, notes))
}

/// Checks a model read from the Hugging Face Hub (or the Hub cache, offline): its card and
/// licence files at the revision asked (default `main`), with base models fetched for the
/// lineage. The report records the commit checked.
#[cfg(feature = "hub")]
fn check_hub_model(run: &Run, id: &ModelId) -> Result<Report> {
    let mut config = crate::hub::HubConfig::from_env();
    config.max_body_bytes = run.limits.max_input_bytes;
    let fetched = crate::hub::fetch_model(id, &config, run.catalogue)?;
    let mut report = check_model_folder(run, &fetched.snapshot)?;
    report.revision = Some(fetched.revision);
    let mut notes = fetched.notes;
    notes.append(&mut report.notes);
    report.notes = notes;
    Ok(report)
}

/// Without the `hub` feature, a model id cannot be fetched: say how to get it.
#[cfg(not(feature = "hub"))]
fn check_hub_model(_run: &Run, id: &ModelId) -> Result<Report> {
    Err(Error::Unsupported {
        origin: Origin::Memory(id.to_string()),
        message: "this build cannot read the Hugging Face Hub: build with the `hub` feature"
            .to_string(),
    })
}

/// Checks an SPDX expression: every alternative evaluated for the context, the most favourable
/// reported (ties go to the one written first), with a note on the choice.
fn check_expression(run: &Run, text: &str) -> Result<Report> {
    let (alternatives, mut notes) = crate::expression::alternatives(text, run.catalogue)?;
    let mut reports: Vec<(String, Report)> = alternatives
        .iter()
        .map(|group| (crate::expression::label(group), check_group(run, group)))
        .collect();
    let best = (0..reports.len())
        .min_by_key(|&i| reports[i].1.verdict)
        .ok_or_else(|| Error::Unsupported {
            origin: Origin::Memory("expression".to_string()),
            message: format!("`{text}` names no licence"),
        })?;
    let (chosen, mut report) = reports.swap_remove(best);
    if !reports.is_empty() {
        let others: Vec<String> = reports
            .iter()
            .map(|(label, r)| format!("`{label}` ({})", r.verdict))
            .collect();
        notes.push(format!(
            "`{text}` leaves the licensee a choice: `{chosen}` is the most favourable here ({}); the others: {}",
            report.verdict,
            others.join(", ")
        ));
    }
    notes.append(&mut report.notes);
    report.notes = notes;
    Ok(report)
}

/// One alternative: its licences binding together, or, if one is unknown, a review.
fn check_group(run: &Run, group: &[crate::expression::Term]) -> Report {
    let known: Vec<&Licence> = group
        .iter()
        .filter_map(|t| match t {
            crate::expression::Term::Known(l) => Some(*l),
            crate::expression::Term::Unknown(_) => None,
        })
        .collect();
    let unknown: Vec<&str> = group
        .iter()
        .filter_map(|t| match t {
            crate::expression::Term::Unknown(name) => Some(name.as_str()),
            crate::expression::Term::Known(_) => None,
        })
        .collect();
    let unknown_finding = Finding::new(
        Rule::UnknownLicence,
        Severity::Review,
        format!(
            "`{}` is neither in the catalogue nor on the SPDX licence list: a person must read it.",
            unknown.join("`, `")
        ),
        Vec::new(),
    );
    if known.is_empty() {
        let model = ModelFacts::default();
        return crate::model::unknown_licence_report(run, unknown_finding, &model);
    }
    // The known licences bind whatever the unknown one says: what they forbid stays forbidden.
    let model = known
        .iter()
        .map(|l| crate::modality::of_licence(l))
        .find(|facts| facts.multimodal.is_some())
        .unwrap_or_default();
    let mut report = crate::model::report_for(run, &known, &model);
    if !unknown.is_empty() {
        // No one licence is the licence of this alternative: it is not identified.
        report.licence.id = None;
        report.licence.name = None;
        report.licence.spdx = None;
        report.add_findings([unknown_finding]);
    }
    report
}
