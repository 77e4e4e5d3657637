//! The report: what was checked, the terms, the findings and the verdict, as JSON (the
//! contract pipelines parse) or as text for a terminal.

mod source;

pub use source::Source;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Licence};
use crate::context::Context;
use crate::evaluate::{Finding, Severity, Verdict};
use crate::identify::MatchMethod;
use crate::lineage::LineageStep;
use crate::metadata::ModelCard;
use crate::terms::{BackedTerms, TermEvidence, Terms};
use crate::text::Limits;

/// The JSON report's schema version; bumped only for a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// Where the evaluated context came from.
///
/// ```
/// use model_licence::{Checker, Context, ContextSource, Subject};
///
/// let checker = Checker::new().with_context_source(ContextSource::Default);
/// let report = checker.check(&Subject::parse("mit"), &Context::default_assumed())?;
/// assert_eq!(report.context_source, ContextSource::Default);
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextSource {
    /// The documented default context ([`Context::default_assumed`]).
    Default,
    /// The default context with some facts overridden by flags.
    DefaultWithOverrides,
    /// A context the caller gave (a file, or a value built in code).
    Given,
    /// A given context with some facts overridden by flags.
    GivenWithOverrides,
}

impl ContextSource {
    /// Where a context came from: `given` by the caller (or else the default one), and with
    /// single facts `overridden` (the command line's fact flags, the Python package's keywords).
    ///
    /// ```
    /// use model_licence::ContextSource;
    ///
    /// assert_eq!(ContextSource::of(false, true), ContextSource::DefaultWithOverrides);
    /// assert_eq!(ContextSource::of(true, false), ContextSource::Given);
    /// ```
    pub fn of(given: bool, overridden: bool) -> ContextSource {
        match (given, overridden) {
            (false, false) => ContextSource::Default,
            (false, true) => ContextSource::DefaultWithOverrides,
            (true, false) => ContextSource::Given,
            (true, true) => ContextSource::GivenWithOverrides,
        }
    }
}

/// How the licence was identified.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchInfo {
    /// `catalogue-id`, `text`, `metadata` or `none`.
    pub method: MatchMethod,
    /// 0..1: for text, the share of the catalogue licence's text found in the subject.
    pub confidence: f64,
    /// askalono's Dice score of the whole text against the licence, where it was computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dice: Option<f64>,
    /// The closest catalogue licence when none was close enough, with its confidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<Nearest>,
    /// For a licence with its own name whose text is based on a catalogue licence: that licence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub based_on: Option<BasedOn>,
}

impl MatchInfo {
    /// How a licence was identified, with no score or neighbour beside the confidence.
    pub(crate) fn new(method: MatchMethod, confidence: f64) -> MatchInfo {
        MatchInfo {
            method,
            confidence,
            dice: None,
            nearest: None,
            based_on: None,
        }
    }
}

/// The catalogue licence a differently named licence is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BasedOn {
    /// Its catalogue id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The share of its text found in the subject.
    pub confidence: f64,
}

/// The closest catalogue licence to an unidentified text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nearest {
    /// Its catalogue id.
    pub id: String,
    /// The share of its text found in the subject.
    pub confidence: f64,
}

/// The licence whose terms were evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LicenceReport {
    /// The catalogue id, or `null` when unidentified.
    pub id: Option<String>,
    /// The licence's title.
    pub name: Option<String>,
    /// The SPDX id or `LicenseRef-…`.
    pub spdx: Option<String>,
    /// How it was identified.
    #[serde(rename = "match")]
    pub match_info: MatchInfo,
    /// The terms that were evaluated.
    pub terms: Terms,
    /// The clauses behind each term.
    pub clauses: TermEvidence,
    /// The SHA-256 of the licence text read, for pinning an approval to it (`null` when several
    /// licences bind at once).
    pub sha256: Option<String>,
    /// When several catalogue licences bind at once (a merge, `A AND B`): their ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub binding: Vec<String>,
}

impl LicenceReport {
    /// The terms of a catalogue licence (its curated terms, or those read from a copy of it).
    pub(crate) fn of_licence(
        licence: &Licence,
        match_info: MatchInfo,
        backed: BackedTerms,
        sha256: Option<String>,
    ) -> LicenceReport {
        LicenceReport {
            id: Some(licence.id.clone()),
            name: Some(licence.name.clone()),
            spdx: Some(licence.spdx.clone()),
            ..LicenceReport::unnamed(match_info, backed, sha256)
        }
    }

    /// Terms that are no one catalogue licence's: read from an unidentified text, combined
    /// from several licences, or unknown.
    pub(crate) fn unnamed(
        match_info: MatchInfo,
        backed: BackedTerms,
        sha256: Option<String>,
    ) -> LicenceReport {
        LicenceReport {
            id: None,
            name: None,
            spdx: None,
            match_info,
            terms: backed.terms,
            clauses: backed.evidence,
            sha256,
            binding: Vec::new(),
        }
    }
}

/// One check under way: what every report of it shares (the subject, the context and where it
/// came from), and the catalogue and limits it runs with. Every report is assembled here.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run<'a> {
    /// The catalogue licences are identified against.
    pub catalogue: &'a Catalogue,
    /// What was checked, as the user named it.
    pub subject: &'a str,
    /// The context evaluated.
    pub context: &'a Context,
    /// Where the context came from.
    pub context_source: ContextSource,
    /// Input size limits.
    pub limits: Limits,
}

impl Run<'_> {
    /// The report of this check for the licence evaluated and what the rules found.
    pub(crate) fn report(
        &self,
        licence: LicenceReport,
        notes: Vec<String>,
        findings: Vec<Finding>,
    ) -> Report {
        let mut report = Report::new(
            self.subject.to_string(),
            licence,
            self.context.clone(),
            self.context_source,
            notes,
            findings,
        );
        // Every fact of the default context, unchanged, was assumed; which facts flags replaced
        // only the caller knows (it sets `assumed_facts` itself).
        if self.context_source == ContextSource::Default {
            report.assumed_facts = self.context.known_facts();
        }
        report
    }
}

/// The SHA-256 of a text, in lower-case hex.
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The outcome of checking one subject.
///
/// ```
/// use model_licence::{Checker, Context, Exit, Severity, Subject, Verdict};
///
/// let report = Checker::new().check(&Subject::parse("gemma"), &Context::default_assumed())?;
/// assert_eq!(report.licence.id.as_deref(), Some("gemma"));
/// assert_eq!(report.verdict, Verdict::PermittedWithObligations);
/// assert!(!report.findings_of(Severity::Obligation).is_empty());
/// assert_eq!(report.exit_code(), Exit::Permitted);
/// assert!(report.to_human(false).contains("Verdict: PERMITTED WITH OBLIGATIONS"));
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// What was checked, as the user named it.
    pub subject: String,
    /// The verdict, derived from the findings.
    pub verdict: Verdict,
    /// The licence whose terms were evaluated.
    pub licence: LicenceReport,
    /// The context that was evaluated, defaults filled in.
    pub context: Context,
    /// Where that context came from.
    pub context_source: ContextSource,
    /// Notes on how the subject was resolved (an alias, a family name).
    pub notes: Vec<String>,
    /// What the rules found, most severe first.
    pub findings: Vec<Finding>,
    /// For a model: what its metadata declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<ModelCard>,
    /// For a model: its ancestry, nearest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Vec<LineageStep>>,
    /// For a model read from the Hub or a Hub cache: the commit sha checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// Where each document the evidence points into was read (the subject's files, or the
    /// catalogue's own copies), so that a quote's `line` and `column` lead to its file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The context facts that were assumed from the default context rather than given, by
    /// their dotted names (`organisation.monthly_active_users`); empty when every fact was given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumed_facts: Vec<String>,
    /// The organisation policy applied to this report, when one was read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicySource>,
}

/// The file an organisation policy was read from, and the SHA-256 of its text, so that a
/// review states exactly which policy it applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySource {
    /// The path as it was given.
    pub path: String,
    /// The SHA-256 of the policy's text, in lower-case hex.
    pub sha256: String,
}

impl Report {
    /// Builds a report, deriving the verdict and ordering the findings by severity.
    pub fn new(
        subject: String,
        licence: LicenceReport,
        context: Context,
        context_source: ContextSource,
        notes: Vec<String>,
        mut findings: Vec<Finding>,
    ) -> Report {
        findings.sort_by_key(|f| f.severity);
        Report {
            schema_version: SCHEMA_VERSION,
            subject,
            verdict: Verdict::from_findings(&findings),
            licence,
            context,
            context_source,
            notes,
            findings,
            declared: None,
            lineage: None,
            revision: None,
            sources: Vec::new(),
            assumed_facts: Vec::new(),
            policy: None,
        }
    }

    /// Adds a finding and derives the verdict again.
    pub fn add_findings(&mut self, findings: impl IntoIterator<Item = Finding>) {
        self.findings.extend(findings);
        self.findings.sort_by_key(|f| f.severity);
        self.verdict = Verdict::from_findings(&self.findings);
    }

    /// The findings of one severity, in report order.
    pub fn findings_of(&self, severity: Severity) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect()
    }

    /// The process exit code for this report's verdict.
    pub fn exit_code(&self) -> crate::evaluate::Exit {
        self.verdict.exit_code()
    }

    /// Reads a report back from its JSON (what [`Report::to_json`] and the command line's
    /// `--format json` write).
    ///
    /// ```
    /// use model_licence::{Checker, Context, Report, Subject};
    ///
    /// let report = Checker::new().check(&Subject::parse("gemma"), &Context::default_assumed())?;
    /// let read = Report::from_json(&report.to_json()).expect("a report reads back");
    /// assert_eq!(read, report);
    /// # Ok::<(), model_licence::Error>(())
    /// ```
    pub fn from_json(json: &str) -> std::result::Result<Report, serde_json::Error> {
        serde_json::from_str(json)
    }
}
