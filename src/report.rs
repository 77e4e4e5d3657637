//! The report: what was checked, the terms, the findings and the verdict, as JSON (the
//! contract pipelines parse) or as text for a terminal.

use serde::Serialize;

use crate::context::Context;
use crate::evaluate::{Finding, Severity, Verdict};
use crate::identify::MatchMethod;
use crate::lineage::LineageStep;
use crate::metadata::ModelCard;
use crate::source::Source;
use crate::terms::{TermEvidence, Terms};

/// The JSON report's schema version; bumped only for a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// Where the evaluated context came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// How the licence was identified.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// The catalogue licence a differently named licence is based on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasedOn {
    /// Its catalogue id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The share of its text found in the subject.
    pub confidence: f64,
}

/// The closest catalogue licence to an unidentified text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nearest {
    /// Its catalogue id.
    pub id: String,
    /// The share of its text found in the subject.
    pub confidence: f64,
}

/// The licence whose terms were evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub binding: Vec<String>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Where each document the evidence points into was read (the subject's files, or the
    /// catalogue's own copies), so that a quote's `line` and `column` lead to its file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
            sources: Vec::new(),
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

    /// The report as pretty-printed JSON (`CONTRACT.md`); see [`crate::render::json_report`].
    pub fn to_json(&self) -> String {
        crate::render::json_report(self)
    }

    /// The report as text for a terminal, with ANSI colour when `colour` is set; see
    /// [`crate::render::human_report`].
    pub fn to_human(&self, colour: bool) -> String {
        crate::render::human_report(self, colour)
    }
}
