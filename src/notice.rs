//! What a product that ships or serves models must carry for them: per licence, the notice lines
//! to keep, the attribution to display, the naming rule for derived models, the use policy and
//! the clause that makes it flow down, and the licence texts to include, each subject checked
//! in the deployment context and everything deduplicated across subjects.
//!
//! Every string a [`Notice`] holds is quoted from a licence: a value of its terms (curated, or
//! read from the text) with the clauses behind it, or a licence text verbatim.
//!
//! ```
//! use model_licence::notice::notice;
//! use model_licence::{Checker, Context, Exit, Subject};
//!
//! let subjects = [Subject::parse("llama-3.3"), Subject::parse("meta-llama/Llama-3.3-70B-Instruct")];
//! let notice = notice(&Checker::new(), &subjects, &Context::default_assumed())?;
//! // Two models under one licence: one entry, one copy of its texts.
//! assert_eq!(notice.licences.len(), 1);
//! let llama = &notice.licences[0];
//! assert_eq!(llama.attribution.as_ref().and_then(|d| d.value.as_deref()), Some("Built with Llama"));
//! assert_eq!(llama.texts, ["licences/llama-3.3/LICENSE.txt", "licences/llama-3.3/POLICY.txt"]);
//! assert_eq!(notice.exit, Exit::Permitted);
//! # Ok::<(), model_licence::Error>(())
//! ```

use std::path::Path;

use serde::Serialize;

use crate::catalogue::Licence;
use crate::checker::Checker;
use crate::context::Context;
use crate::error::Result;
use crate::evaluate::{Exit, Severity, Verdict};
use crate::identify::identify_text;
use crate::licence_files::{FileRole, read_licence_files};
use crate::metadata::has_front_matter;
use crate::report::{Report, Source as ReportSource, sha256_hex};
use crate::subject::Subject;
use crate::terms::{BackedTerms, Evidence, TermName, Terms};
use crate::text::Words;

/// What a set of models requires to accompany them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// Each subject, with its verdict in the context given.
    pub subjects: Vec<NoticeSubject>,
    /// What each licence requires, once per licence (and per distinct copy of one).
    pub licences: Vec<LicenceNotice>,
    /// The texts to include, each once, in the order first needed.
    pub texts: Vec<IncludedText>,
    /// The exit code: 1 if a subject is blocked, else 3 if one needs review, else 0 (an
    /// organisation's policy gate applies, as for a check).
    #[serde(skip)]
    pub exit: Exit,
}

/// One subject of a notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoticeSubject {
    /// The subject as given.
    pub subject: String,
    /// Its verdict in the context given.
    pub verdict: Verdict,
    /// The licences that bind it (catalogue ids; empty when unidentified).
    pub licences: Vec<String>,
    /// For a subject blocked or needing review: the findings that say why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// What one licence requires.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicenceNotice {
    /// Its catalogue id (`null` for a text that matches no catalogue licence).
    pub licence: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// The subjects it binds.
    pub subjects: Vec<String>,
    /// The notice to keep in a "Notice" file with distributed copies.
    pub notice: Option<Duty>,
    /// The attribution to display.
    pub attribution: Option<Duty>,
    /// The prefix a derived model's name must begin with.
    pub naming: Option<Duty>,
    /// A copy of the licence must go with distributed copies.
    pub licence_copy: Option<Duty>,
    /// A use policy binds the licensee.
    pub use_policy: Option<Duty>,
    /// Use restrictions must be passed on to recipients as an enforceable provision.
    pub flow_down: Option<Duty>,
    /// The texts to include for it, by [`IncludedText::name`].
    pub texts: Vec<String>,
    /// The terms the duties come from (entries of one licence with the same terms are one).
    pub terms: Terms,
    /// Where the documents its clauses quote were read (see [`Report::sources`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ReportSource>,
}

/// One duty: the string the licence fixes, if any, when it is due, and the clauses that say so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duty {
    /// The string to use, as the licence gives it (`Built with Llama`).
    pub value: Option<String>,
    /// When the duty is due, where the licence limits it (`above 1,000,000 monthly active
    /// users`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The clauses behind it.
    pub clauses: Vec<Evidence>,
}

/// What an included text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextKind {
    /// A licence.
    Licence,
    /// A use policy.
    UsePolicy,
    /// A NOTICE file.
    Notice,
}

/// A text to include, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncludedText {
    /// Where it was read: `licences/ID/LICENSE.txt` (or `POLICY.txt`), or a model folder's file.
    pub name: String,
    /// What it is.
    pub kind: TextKind,
    /// Its SHA-256.
    pub sha256: String,
    /// The text.
    pub text: String,
}

/// Checks each subject in `context` and gathers what their licences require (see the
/// [module](self)'s docs). An error means a subject could not be checked.
pub fn notice(checker: &Checker, subjects: &[Subject], context: &Context) -> Result<Notice> {
    let catalogue = checker.catalogue()?;
    let mut out = Notice {
        subjects: Vec::new(),
        licences: Vec::new(),
        texts: Vec::new(),
        exit: Exit::Permitted,
    };
    let mut codes = Vec::new();
    for subject in subjects {
        let report = checker.check(subject, context)?;
        codes.push(checker.exit_code(&report));
        let name = subject.name();
        let binding: Vec<&Licence> = match report.licence.binding.as_slice() {
            [] => report
                .licence
                .id
                .iter()
                .filter_map(|id| catalogue.get(id))
                .collect(),
            ids => ids.iter().filter_map(|id| catalogue.get(id)).collect(),
        };
        let own_files = own_texts(checker, subject)?;
        let mut entries: Vec<(Option<&Licence>, BackedTerms)> = if binding.len() > 1 {
            binding
                .iter()
                .map(|l| (Some(*l), l.terms().clone()))
                .collect()
        } else {
            let backed = BackedTerms {
                terms: report.licence.terms.clone(),
                evidence: report.licence.clauses.clone(),
            };
            vec![(binding.first().copied(), backed)]
        };
        for (licence, backed) in entries.drain(..) {
            let mut texts = Vec::new();
            let published = catalogue_texts(licence, &backed.terms, &own_files, catalogue);
            for text in own_files.iter().cloned().chain(published) {
                texts.push(out.include(text));
            }
            texts.dedup();
            out.add(&name, licence, &report, &backed, texts);
        }
        out.subjects.push(NoticeSubject {
            subject: name,
            verdict: report.verdict,
            licences: binding.iter().map(|l| l.id.clone()).collect(),
            reasons: reasons(&report),
        });
    }
    out.exit = Exit::worst(codes);
    Ok(out)
}

impl Notice {
    /// Adds a text unless one with the same words is there; returns the name it goes by.
    fn include(&mut self, text: IncludedText) -> String {
        let words = Words::new(&text.text).joined;
        match self
            .texts
            .iter()
            .find(|t| t.kind == text.kind && Words::new(&t.text).joined == words)
        {
            Some(known) => known.name.clone(),
            None => {
                let name = text.name.clone();
                self.texts.push(text);
                name
            }
        }
    }

    /// Adds what one licence requires of one subject, merged with the entry of the same licence
    /// and terms.
    fn add(
        &mut self,
        subject: &str,
        licence: Option<&Licence>,
        report: &Report,
        backed: &BackedTerms,
        texts: Vec<String>,
    ) {
        let id = licence.map(|l| l.id.clone());
        let same = self
            .licences
            .iter_mut()
            .find(|entry| id.is_some() && entry.licence == id && entry.terms == backed.terms);
        if let Some(entry) = same {
            entry.subjects.push(subject.to_string());
            for text in texts {
                if !entry.texts.contains(&text) {
                    entry.texts.push(text);
                }
            }
            return;
        }
        let terms = &backed.terms;
        let when = |term: TermName, holds: bool| holds.then(|| duty(None, backed, term));
        self.licences.push(LicenceNotice {
            licence: id,
            name: licence
                .map(|l| l.name.clone())
                .or_else(|| report.licence.name.clone()),
            subjects: vec![subject.to_string()],
            notice: notice_duty(terms, backed),
            attribution: terms.attribution.as_ref().map(|value| Duty {
                condition: terms
                    .attribution_condition
                    .map(|_| terms.field_words(TermName::AttributionCondition)),
                ..duty(Some(value), backed, TermName::Attribution)
            }),
            naming: terms
                .derivatives
                .naming_prefix
                .as_ref()
                .map(|prefix| naming_duty(prefix, backed)),
            licence_copy: when(TermName::LicenceCopy, terms.licence_copy),
            use_policy: when(TermName::UsePolicy, terms.use_policy),
            flow_down: when(TermName::FlowDown, terms.flow_down),
            texts,
            sources: report.sources.clone(),
            terms: terms.clone(),
        });
    }
}

fn duty(value: Option<&String>, backed: &BackedTerms, term: TermName) -> Duty {
    Duty {
        value: value.cloned(),
        condition: None,
        clauses: backed.evidence_for(term).to_vec(),
    }
}

fn notice_duty(terms: &Terms, backed: &BackedTerms) -> Option<Duty> {
    terms
        .notice
        .as_ref()
        .map(|value| duty(Some(value), backed, TermName::Notice))
}

/// The naming rule: the prefix, and the clauses about derived models that quote it.
fn naming_duty(prefix: &str, backed: &BackedTerms) -> Duty {
    let all = backed.evidence_for(TermName::Derivatives);
    let quoting: Vec<Evidence> = all
        .iter()
        .filter(|e| e.text.contains(prefix))
        .cloned()
        .collect();
    Duty {
        value: Some(prefix.to_string()),
        condition: None,
        clauses: if quoting.is_empty() {
            all.to_vec()
        } else {
            quoting
        },
    }
}

/// Why a subject is not cleared: its blocked and review findings.
fn reasons(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Blocked | Severity::Review))
        .map(|f| format!("{} ({}): {}", f.rule.code(), f.severity.as_str(), f.message))
        .collect()
}

/// The catalogue's texts of a licence that the subject's own texts do not stand for: its licence
/// text, unless the subject carries a copy of that licence (edited or not: the copy is what
/// binds), and its use policy where one binds, unless the subject carries a policy beside it.
fn catalogue_texts(
    licence: Option<&Licence>,
    terms: &Terms,
    own: &[IncludedText],
    catalogue: &crate::catalogue::Catalogue,
) -> Vec<IncludedText> {
    let Some(licence) = licence else {
        return Vec::new();
    };
    let own_copy = own.iter().any(|t| {
        t.kind == TextKind::Licence
            && identify_text(catalogue, &t.text)
                .licence
                .is_some_and(|found| found.id == licence.id)
    });
    let own_policy = own_copy && own.iter().any(|t| t.kind == TextKind::UsePolicy);
    let mut texts = Vec::new();
    if !own_copy {
        texts.push(included(
            format!("licences/{}/LICENSE.txt", licence.id),
            TextKind::Licence,
            licence.text,
        ));
    }
    if let Some(policy) = licence
        .policy_text
        .filter(|_| terms.use_policy && !own_policy)
    {
        texts.push(included(
            format!("licences/{}/POLICY.txt", licence.id),
            TextKind::UsePolicy,
            policy,
        ));
    }
    texts
}

fn included(name: String, kind: TextKind, text: &str) -> IncludedText {
    IncludedText {
        name,
        kind,
        sha256: sha256_hex(text),
        text: text.to_string(),
    }
}

/// The texts a subject carries itself: a model folder's licence, policy and NOTICE files, or a
/// licence file. A catalogue id or a model known by its id carries none.
fn own_texts(checker: &Checker, subject: &Subject) -> Result<Vec<IncludedText>> {
    let path = match subject {
        Subject::Path(path) => path.clone(),
        Subject::LicenceId(name) if std::fs::symlink_metadata(name).is_ok() => {
            if checker.catalogue()?.resolve(name).is_ok() {
                return Ok(Vec::new());
            }
            name.into()
        }
        Subject::LicenceText(text) => {
            return Ok(vec![included(subject.name(), TextKind::Licence, text)]);
        }
        _ => return Ok(Vec::new()),
    };
    let dir = if path.is_dir() {
        path
    } else {
        let text = crate::text::read_text_file(&path, checker.limits())?;
        let card = has_front_matter(&text) || text.trim_start().starts_with('{');
        if !card {
            let name = crate::shown::path_name(path.as_os_str());
            return Ok(vec![included(name, TextKind::Licence, &text)]);
        }
        match path.parent() {
            Some(dir) if path.file_name().is_some_and(|n| n == "README.md") => dir.to_path_buf(),
            _ => return Ok(Vec::new()),
        }
    };
    folder_texts(checker, &dir)
}

/// A model folder's licence, policy and NOTICE files (its code's licence aside).
fn folder_texts(checker: &Checker, dir: &Path) -> Result<Vec<IncludedText>> {
    let files = read_licence_files(dir, None, checker.limits())?;
    Ok(files
        .files
        .iter()
        .filter_map(|file| {
            let kind = match file.role {
                FileRole::Licence | FileRole::ModelLicence => TextKind::Licence,
                FileRole::UsePolicy => TextKind::UsePolicy,
                FileRole::Notice => TextKind::Notice,
                FileRole::CodeLicence => return None,
            };
            let text = file.content.as_ref().ok()?;
            Some(included(files.path_of(&file.name), kind, text))
        })
        .collect())
}
