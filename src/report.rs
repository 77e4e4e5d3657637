//! The report: what was checked, the terms, the findings and the verdict, as JSON (the
//! contract pipelines parse) or as text for a terminal.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Licence};
use crate::context::Context;
use crate::evaluate::{Finding, Rule, Severity, Verdict, group};
use crate::identify::MatchMethod;
use crate::lineage::LineageStep;
use crate::metadata::ModelCard;
use crate::terms::{
    BackedTerms, CommercialUse, Evidence, Hosting, OutputTraining, Redistribution, TermEvidence,
    TermName, Terms, UserThreshold,
};
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
        Report::new(
            self.subject.to_string(),
            licence,
            self.context.clone(),
            self.context_source,
            notes,
            findings,
        )
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

    /// The report as pretty-printed JSON (`CONTRACT.md`).
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail; fall back to a minimal object
        // rather than panic if it ever did.
        serde_json::to_string_pretty(self).unwrap_or_else(|err| {
            format!(
                "{{\"schema_version\":{SCHEMA_VERSION},\"error\":{:?}}}",
                err.to_string()
            )
        })
    }

    /// The report as text for a terminal, with ANSI colour when `color` is set.
    pub fn to_human(&self, color: bool) -> String {
        let style = Style { color };
        let mut out = String::new();
        self.human_context(&mut out, &style);
        self.human_licence(&mut out, &style);
        human_terms(&mut out, &self.licence.terms);
        if self.licence.match_info.method == MatchMethod::None {
            human_clauses(&mut out, &self.licence.clauses);
        }
        self.human_findings(&mut out, &style);
        let verdict = self.verdict.as_str().replace('_', " ").to_uppercase();
        let _ = writeln!(out, "\nVerdict: {}", style.verdict(self.verdict, &verdict));
        out
    }

    fn human_context(&self, out: &mut String, style: &Style) {
        let source = match self.context_source {
            ContextSource::Default => {
                "no --context given: the default context is assumed (a commercial product of a US organisation below every known threshold, inference only, text only)"
            }
            ContextSource::DefaultWithOverrides => {
                "the default context, with the facts given as flags"
            }
            ContextSource::Given => "as given",
            ContextSource::GivenWithOverrides => "as given, with the facts given as flags",
        };
        let _ = writeln!(out, "{} {source}", style.bold("Context:"));
        let o = &self.context.organisation;
        let d = &self.context.deployment;
        let num = |n: Option<u64>| n.map_or("unknown".to_string(), group);
        let flag = |b: Option<bool>| b.map_or("unknown", |b| if b { "yes" } else { "no" });
        let list =
            |items: Option<Vec<String>>| items.map_or("unknown".to_string(), |v| v.join(", "));
        let _ = writeln!(
            out,
            "  users {} monthly / {} daily, revenue USD {}, domicile {}",
            num(o.monthly_active_users),
            num(o.daily_active_users),
            num(o.annual_revenue_usd),
            o.domicile.as_ref().map_or("unknown", |r| r.as_str()),
        );
        let _ = writeln!(
            out,
            "  commercial {}, markets {}, modalities {}",
            flag(d.commercial),
            list(
                d.markets
                    .as_ref()
                    .map(|m| m.iter().map(|r| r.to_string()).collect())
            ),
            list(
                d.modalities
                    .as_ref()
                    .map(|m| m.iter().map(|x| x.as_str().to_string()).collect())
            ),
        );
        let _ = writeln!(
            out,
            "  hosting as a service {}, fine-tune {}, share weights {}, share derivatives {}, train on outputs {}",
            flag(d.hosting_as_service),
            flag(d.fine_tune),
            flag(d.distribute_weights),
            flag(d.distribute_derivatives),
            flag(d.train_on_outputs),
        );
    }

    fn human_licence(&self, out: &mut String, style: &Style) {
        let l = &self.licence;
        let name = match (&l.name, &l.id) {
            (Some(name), Some(id)) => format!("{name} ({id}, {})", l.spdx.as_deref().unwrap_or("")),
            _ => "not identified".to_string(),
        };
        let _ = writeln!(out, "\n{} {name}", style.bold("Licence:"));
        let how = match l.match_info.method {
            MatchMethod::CatalogueId => "by catalogue id".to_string(),
            MatchMethod::Text => format!(
                "from its text, confidence {:.3}{}",
                l.match_info.confidence,
                l.match_info
                    .dice
                    .map_or(String::new(), |d| format!(" (Dice {d:.3})"))
            ),
            MatchMethod::Metadata => "from model metadata".to_string(),
            MatchMethod::None => match &l.match_info.nearest {
                Some(n) => format!(
                    "no catalogue licence matched; the nearest, {}, matched {:.3}",
                    n.id, n.confidence
                ),
                None => "no catalogue licence matched".to_string(),
            },
        };
        let _ = writeln!(out, "  identified {how}");
        for note in &self.notes {
            let _ = writeln!(out, "  note: {note}");
        }
        if let Some(card) = &self.declared {
            let declared = match (&card.license, &card.license_name) {
                (Some(license), Some(name)) => format!("{license} ({name})"),
                (Some(license), None) => license.clone(),
                (None, Some(name)) => name.clone(),
                (None, None) => "nothing".to_string(),
            };
            let _ = writeln!(out, "  the model's metadata declares: {declared}");
        }
        for step in self.lineage.iter().flatten() {
            let _ = writeln!(
                out,
                "  {} of {} ({})",
                step.relation.map_or("derived", |r| r.as_str()),
                step.model,
                step.licence.as_deref().unwrap_or("licence unknown")
            );
        }
    }

    fn human_findings(&self, out: &mut String, style: &Style) {
        let groups = [
            (Severity::Blocked, "BLOCKED"),
            (Severity::Review, "NEEDS REVIEW"),
            (Severity::Obligation, "OBLIGATIONS"),
            (Severity::Info, "INFO"),
        ];
        for (severity, title) in groups {
            let findings = self.findings_of(severity);
            if findings.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{}", style.severity(severity, title));
            for finding in findings {
                let _ = writeln!(out, "  [{}] {}", finding.rule, finding.message);
                for evidence in &finding.evidence {
                    human_evidence(out, evidence, finding.rule);
                }
            }
        }
    }
}

fn human_evidence(out: &mut String, evidence: &Evidence, rule: Rule) {
    let quote: String = evidence
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let quote = operative_window(&quote, rule, 240);
    let _ = writeln!(
        out,
        "      > \"{quote}\" ({} bytes {}..{})",
        evidence.document, evidence.start, evidence.end
    );
}

/// The words that carry a finding's term: the region of a territory clause, the amount of a
/// threshold, else a prohibition or condition. A long clause is shown around them, so the quote
/// a reviewer reads holds "European Union" or "700 million" rather than only a preamble.
fn operative_pattern(rule: Rule) -> &'static regex::Regex {
    static PATTERNS: std::sync::OnceLock<[regex::Regex; 3]> = std::sync::OnceLock::new();
    let [region, amount, condition] = PATTERNS.get_or_init(|| {
        [
            r"(?i)European Union|United States|China|\bEU\b|domiciled|territor|countr",
            r"(?i)\d[\d,.]*\s*(?:million|billion)|(?:\$|USD|US\$)\s?\d|\b\d{1,3}(?:,\d{3})+",
            r"(?i)\b(?:not|no|never|prohibit\w*|forbid\w*|restrict\w*|only|exclusively|non-?commercial|must|shall|Built with)\b",
        ]
        .map(|p| regex::Regex::new(p).unwrap_or_else(|_| regex::Regex::new("$^").expect("a valid regex")))
    });
    match rule {
        Rule::Territory => region,
        Rule::UserThreshold | Rule::RevenueThreshold => amount,
        _ => condition,
    }
}

/// At most `max` characters of `quote`, around its first operative words when it is longer.
fn operative_window(quote: &str, rule: Rule, max: usize) -> String {
    let chars: Vec<(usize, char)> = quote.char_indices().collect();
    if chars.len() <= max {
        return quote.to_string();
    }
    let anchor = operative_pattern(rule).find(quote).map_or(0, |m| m.start());
    let anchor_char = chars.iter().take_while(|(at, _)| *at < anchor).count();
    // A third of the window before the operative words, the rest after.
    let first = anchor_char
        .saturating_sub(max / 3)
        .min(chars.len().saturating_sub(max - 6));
    let last = (first + max - 6).min(chars.len());
    let byte = |i: usize| chars.get(i).map_or(quote.len(), |(at, _)| *at);
    let mut body = &quote[byte(first)..byte(last)];
    // Whole words only at a cut edge.
    if first > 0 {
        body = body.split_once(' ').map_or(body, |(_, rest)| rest);
    }
    if last < chars.len() {
        body = body.rsplit_once(' ').map_or(body, |(kept, _)| kept);
    }
    let before = if first > 0 { "..." } else { "" };
    let after = if last < chars.len() { "..." } else { "" };
    format!("{before}{}{after}", body.trim())
}

/// The clauses behind each term, for a reviewer checking terms no person has curated.
fn human_clauses(out: &mut String, clauses: &TermEvidence) {
    let _ = writeln!(out, "\nClauses the terms were read from (check each):");
    if clauses.is_empty() {
        let _ = writeln!(
            out,
            "  none: no clause of this text reads as a licence term"
        );
    }
    for (term, evidence) in clauses {
        let _ = writeln!(out, "  {}:", term.as_str());
        // The rule that reads this term, for where a long clause is cut.
        let rule = match term {
            TermName::TerritoryExclusions => Rule::Territory,
            TermName::UserThreshold => Rule::UserThreshold,
            TermName::RevenueThreshold => Rule::RevenueThreshold,
            _ => Rule::UsePolicy,
        };
        for ev in evidence {
            human_evidence(out, ev, rule);
        }
    }
}

fn human_terms(out: &mut String, t: &Terms) {
    let _ = writeln!(out, "\nTerms:");
    let commercial = match t.commercial_use {
        CommercialUse::Allowed => "allowed",
        CommercialUse::Conditional => "conditional",
        CommercialUse::NonCommercial => "non-commercial only",
        CommercialUse::Unknown => "unknown",
    };
    let registration = if t.registration {
        " (registration required)"
    } else {
        ""
    };
    let users = match t.user_threshold {
        Some(UserThreshold::MonthlyActiveUsers(n)) => format!("{} monthly active users", group(n)),
        Some(UserThreshold::DailyActiveUsers(n)) => format!("{} daily active users", group(n)),
        None => "none".to_string(),
    };
    let revenue = t.revenue_threshold.map_or("none".to_string(), |r| {
        format!("USD {} a year", group(r.annual_revenue_usd))
    });
    let territories = if t.territory_exclusions.is_empty() {
        "none".to_string()
    } else {
        t.territory_exclusions
            .iter()
            .map(|e| format!("{} ({:?}, by {:?})", e.region, e.scope, e.basis).to_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let derivatives = match t.derivatives.redistribution {
        Redistribution::Allowed => "may be shared",
        Redistribution::Conditional => "may be shared on conditions",
        Redistribution::Prohibited => "may not be shared",
        Redistribution::Unknown => "unknown",
    };
    let naming = t
        .derivatives
        .naming_prefix
        .as_ref()
        .map_or(String::new(), |p| {
            format!("; names must begin with \"{p}\"")
        });
    let outputs = match t.output_training {
        OutputTraining::Unrestricted => "unrestricted",
        OutputTraining::Conditional => "conditional",
        OutputTraining::Prohibited => "prohibited",
        OutputTraining::Unknown => "unknown",
    };
    let hosting = match t.hosting {
        Hosting::Allowed => "allowed",
        Hosting::RequiresLicence => "needs a separate licence",
        Hosting::Unknown => "unknown",
    };
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let rows = [
        ("commercial use", format!("{commercial}{registration}")),
        ("user threshold", users),
        ("revenue threshold", revenue),
        ("territory exclusions", territories),
        ("derivatives", format!("{derivatives}{naming}")),
        (
            "attribution",
            t.attribution.clone().unwrap_or_else(|| "none".into()),
        ),
        ("output training", outputs.to_string()),
        ("use policy", yes_no(t.use_policy).to_string()),
        ("flow-down", yes_no(t.flow_down).to_string()),
        ("hosting", hosting.to_string()),
        ("licence copy", yes_no(t.licence_copy).to_string()),
    ];
    for (name, value) in rows {
        let _ = writeln!(out, "  {name:<22}{value}");
    }
}

/// ANSI styling, or none.
struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn severity(&self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Blocked => "1;31",
            Severity::Review => "1;33",
            Severity::Obligation => "1;36",
            Severity::Info => "1;2",
        };
        self.paint(code, text)
    }

    fn verdict(&self, verdict: Verdict, text: &str) -> String {
        let code = match verdict {
            Verdict::Blocked => "1;31",
            Verdict::NeedsReview => "1;33",
            Verdict::PermittedWithObligations => "1;36",
            Verdict::Permitted => "1;32",
        };
        self.paint(code, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    fn clause(id: &str, term: TermName, has: &str) -> String {
        let licence = Catalogue::embedded().expect("loads").get(id).expect(id);
        let evidence = licence.terms.evidence_for(term);
        let found = evidence.iter().find(|e| e.text.contains(has)).expect(has);
        found.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_long_clause_is_shown_around_its_operative_words() {
        let eu = clause("llama-3.2", TermName::TerritoryExclusions, "European Union");
        assert!(eu.chars().count() > 240);
        let shown = operative_window(&eu, Rule::Territory, 240);
        assert!(shown.contains("European Union"), "{shown}");
        assert!(shown.chars().count() <= 246, "{shown}");
        let gate = clause("llama-3.3", TermName::UserThreshold, "700 million");
        let shown = operative_window(&gate, Rule::UserThreshold, 240);
        assert!(shown.contains("700 million"), "{shown}");
        assert!(
            shown.starts_with("...") && shown.ends_with("..."),
            "{shown}"
        );
    }

    #[test]
    fn a_short_clause_is_shown_whole_and_any_text_is_cut_on_characters() {
        assert_eq!(
            operative_window("Built with Llama", Rule::Attribution, 240),
            "Built with Llama"
        );
        let chinese = "许可".repeat(400);
        for rule in [Rule::Territory, Rule::UserThreshold, Rule::Attribution] {
            assert!(operative_window(&chinese, rule, 240).chars().count() <= 246);
        }
    }
}
