//! An organisation's policy: which licences it allows or denies, which obligations it accepts,
//! whether `needs_review` fails its gate, its deployment context, and exceptions per model
//! (with a reason, an expiry date, and optionally the hash of the licence text approved).
//!
//! The file is TOML, in the spirit of cargo-deny's `deny.toml`:
//!
//! ```toml
//! [licences]
//! allow = ["apache-2.0", "mit", "llama-3.1", "llama-3.3"]
//! deny = ["cc-by-nc-4.0"]
//!
//! [obligations]
//! accept = ["attribution", "licence-copy", "naming", "use-policy"]
//!
//! [gate]
//! needs_review = "fail"
//!
//! [context.organisation]
//! monthly_active_users = 1200000
//! domicile = "DE"
//!
//! [[exceptions]]
//! model = "meta-llama/Llama-3.2-11B-Vision-Instruct"
//! licence = "llama-3.2"
//! reason = "Separate agreement with Meta, ticket LEGAL-142"
//! expires = 2027-06-30
//! ```
//!
//! Parsing is strict and collects every problem, each with its line: an unknown key, an unknown
//! licence id, a malformed date would otherwise weaken the gate without anyone noticing.

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::catalogue::{Catalogue, Licence};
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Finding, Rule, Severity, Verdict};
use crate::report::{PolicySource, Report, sha256_hex};
use crate::text::{Limits, read_text_file};

/// Obligations an organisation can accept, by the names a policy uses.
pub const OBLIGATIONS: &[(&str, Rule)] = &[
    ("attribution", Rule::Attribution),
    ("licence-copy", Rule::LicenceCopy),
    ("naming", Rule::DerivativeNaming),
    ("flow-down", Rule::FlowDown),
    ("use-policy", Rule::UsePolicy),
    ("registration", Rule::CommercialUse),
    ("output-training", Rule::OutputTraining),
    ("derivatives", Rule::Derivatives),
];

/// What `needs_review` does to the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewGate {
    /// `needs_review` fails the gate (exit 3), the default.
    #[default]
    Fail,
    /// `needs_review` passes the gate (exit 0); the report still says `needs_review`.
    Pass,
}

/// An exception for one model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The model's repository id (`owner/name`) or the subject as given.
    pub model: String,
    /// The licences the exception is for (every member when it names a family); empty when it
    /// is not pinned to a licence. It waives only findings that rest on these licences.
    pub licences: Vec<String>,
    /// Why it was granted.
    pub reason: String,
    /// The last day it applies.
    pub expires: Date,
    /// The SHA-256 of the licence text approved: the exception lapses when the text changes.
    pub text_sha256: Option<String>,
}

/// A validated policy.
///
/// ```
/// use model_licence::{Origin, Policy};
///
/// let policy = Policy::from_toml(
///     "[licences]\nallow = [\"apache-2.0\", \"mit\"]\n[obligations]\naccept = [\"attribution\"]\n",
///     Origin::Memory("policy.toml".into()),
/// )?;
/// assert_eq!(policy.allow, ["apache-2.0", "mit"]);
/// assert!(Policy::from_toml("[licences]\nallow = [\"no-such\"]\n", Origin::Memory("bad".into())).is_err());
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// Licence ids allowed; when not empty, any other licence is refused.
    pub allow: Vec<String>,
    /// Licence ids refused.
    pub deny: Vec<String>,
    /// Obligations accepted, when the policy lists them (`None`: every obligation is accepted).
    pub accept: Option<Vec<String>>,
    /// What `needs_review` does to the gate.
    pub review_gate: ReviewGate,
    /// The organisation's deployment context, written once here.
    pub context: Option<Context>,
    /// Exceptions per model.
    pub exceptions: Vec<Exception>,
    /// The file it was read from and its hash, recorded in each report it is applied to.
    pub source: Option<PolicySource>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    #[serde(default)]
    licences: RawLicences,
    #[serde(default)]
    obligations: Option<RawObligations>,
    #[serde(default)]
    gate: RawGate,
    #[serde(default)]
    context: Option<Context>,
    #[serde(default)]
    exceptions: Vec<RawException>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLicences {
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    deny: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObligations {
    #[serde(default)]
    accept: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGate {
    #[serde(default)]
    needs_review: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    model: Spanned<String>,
    #[serde(default)]
    licence: Option<Spanned<String>>,
    reason: Spanned<String>,
    /// A TOML date (`2027-06-30`) or a string holding one.
    expires: Spanned<toml::Value>,
    #[serde(default)]
    text_sha256: Option<Spanned<String>>,
}

impl Policy {
    /// Reads and validates a policy file.
    pub fn from_file(path: &Path, limits: Limits) -> Result<Policy> {
        let text = read_text_file(path, limits)?;
        let policy = Policy::from_toml(&text, Origin::Path(path.to_path_buf()))?;
        Ok(Policy {
            source: Some(PolicySource {
                path: crate::shown::path_name(path.as_os_str()),
                sha256: sha256_hex(&text),
            }),
            ..policy
        })
    }

    /// Parses and validates a policy, reporting every problem with its line. Licence ids are
    /// resolved in the embedded catalogue.
    pub fn from_toml(text: &str, origin: Origin) -> Result<Policy> {
        Policy::from_toml_in(text, origin, Catalogue::embedded()?)
    }

    /// [`Policy::from_toml`] for a checker with a catalogue of its own: the policy may name the
    /// organisation's licences.
    ///
    /// ```
    /// use model_licence::{Catalogue, Origin, Policy};
    ///
    /// let catalogue = Catalogue::embedded()?;
    /// let policy = Policy::from_toml_in("[licences]\nallow = [\"apache-2.0\"]\n", Origin::Memory("policy".into()), catalogue)?;
    /// assert_eq!(policy.allow, ["apache-2.0"]);
    /// # Ok::<(), model_licence::Error>(())
    /// ```
    pub fn from_toml_in(text: &str, origin: Origin, catalogue: &Catalogue) -> Result<Policy> {
        let shape = shape_problems(text);
        if !shape.is_empty() {
            return Err(Error::Policy {
                origin,
                problems: shape,
            });
        }
        let raw: RawPolicy = toml::from_str(text).map_err(|err| {
            let at = err.span().map(|span| span.start);
            let line = at.map(|at| crate::text::line_of(text, at));
            let message = match at.and_then(|at| field_at(text, at)) {
                Some(field) => format!("`{field}`: {}", err.message()),
                None => err.message().to_string(),
            };
            Error::Policy {
                origin: origin.clone(),
                problems: vec![located(line, &message)],
            }
        })?;
        let mut problems = Vec::new();
        let line = |span: std::ops::Range<usize>| Some(crate::text::line_of(text, span.start));
        let ids =
            |field: &str, list: &[Spanned<String>], problems: &mut Vec<String>| -> Vec<String> {
                list.iter()
                    .flat_map(|id| match listed_licences(id.get_ref(), catalogue) {
                        Ok(licences) => licences.into_iter().map(|l| l.id.clone()).collect(),
                        Err(err) => {
                            problems.push(located(line(id.span()), &format!("`{field}`: {err}")));
                            Vec::new()
                        }
                    })
                    .collect()
            };
        let allow = ids("licences.allow", &raw.licences.allow, &mut problems);
        let deny = ids("licences.deny", &raw.licences.deny, &mut problems);
        for id in allow.iter().filter(|id| deny.contains(id)) {
            problems.push(located(None, &format!("`{id}` is both allowed and denied")));
        }
        let accept = raw.obligations.map(|o| {
            o.accept
                .iter()
                .filter_map(|name| {
                    if OBLIGATIONS.iter().any(|(known, _)| known == name.get_ref()) {
                        Some(name.get_ref().clone())
                    } else {
                        let known: Vec<&str> = OBLIGATIONS.iter().map(|(n, _)| *n).collect();
                        problems.push(located(
                            line(name.span()),
                            &format!(
                                "`obligations.accept`: unknown obligation `{}`; use one of {}",
                                name.get_ref(),
                                known.join(", ")
                            ),
                        ));
                        None
                    }
                })
                .collect()
        });
        let review_gate = match raw.gate.needs_review {
            None => ReviewGate::Fail,
            Some(value) => match value.get_ref().as_str() {
                "fail" => ReviewGate::Fail,
                "pass" => ReviewGate::Pass,
                other => {
                    problems.push(located(
                        line(value.span()),
                        &format!("`gate.needs_review`: `{other}` is neither \"fail\" nor \"pass\""),
                    ));
                    ReviewGate::Fail
                }
            },
        };
        let exceptions = raw
            .exceptions
            .iter()
            .map(|e| {
                let expires = expiry_date(e.expires.get_ref()).unwrap_or_else(|message| {
                    problems.push(located(
                        line(e.expires.span()),
                        &format!("`exceptions.expires`: {message}"),
                    ));
                    Date::MIN
                });
                let licences = match e
                    .licence
                    .as_ref()
                    .map(|l| (l, catalogue.resolve_all(l.get_ref())))
                {
                    None => Vec::new(),
                    Some((_, Ok(list))) => list.into_iter().map(|l| l.id.clone()).collect(),
                    Some((l, Err(err))) => {
                        problems.push(located(
                            line(l.span()),
                            &format!("`exceptions.licence`: {err}"),
                        ));
                        Vec::new()
                    }
                };
                if let Some(hash) = &e.text_sha256
                    && (hash.get_ref().len() != 64
                        || !hash.get_ref().chars().all(|c| c.is_ascii_hexdigit()))
                {
                    problems.push(located(
                        line(hash.span()),
                        "`exceptions.text_sha256`: not a SHA-256 in hex (64 characters)",
                    ));
                }
                if e.reason.get_ref().trim().is_empty() {
                    problems.push(located(
                        line(e.reason.span()),
                        "`exceptions.reason`: an exception needs a reason",
                    ));
                }
                Exception {
                    model: e.model.get_ref().clone(),
                    licences,
                    reason: e.reason.get_ref().clone(),
                    expires,
                    text_sha256: e
                        .text_sha256
                        .as_ref()
                        .map(|h| h.get_ref().to_ascii_lowercase()),
                }
            })
            .collect();
        if !problems.is_empty() {
            return Err(Error::Policy { origin, problems });
        }
        Ok(Policy {
            allow,
            deny,
            accept,
            review_gate,
            context: raw.context,
            exceptions,
            source: None,
        })
    }

    /// Applies the policy to a report (today's date decides which exceptions still apply).
    pub fn apply(&self, report: &mut Report) {
        self.apply_on(report, today());
    }

    /// Applies the policy as of a given date.
    pub fn apply_on(&self, report: &mut Report, today: Date) {
        report.policy.clone_from(&self.source);
        let ids = report_licence_ids(report);
        let mut added = Vec::new();
        if let Some(exception) = self.exception_for(report, &ids) {
            if exception.expires < today {
                added.push(Finding::new(
                    Rule::ExceptionExpired,
                    Severity::Review,
                    format!(
                        "The exception for `{}` expired on {} ({}): it no longer applies.",
                        exception.model, exception.expires, exception.reason
                    ),
                    Vec::new(),
                ));
            } else if exception
                .text_sha256
                .as_ref()
                .is_some_and(|pinned| report.licence.sha256.as_deref() != Some(pinned.as_str()))
            {
                added.push(Finding::new(
                    Rule::ExceptionLapsed,
                    Severity::Review,
                    format!(
                        "The exception for `{}` was approved for a licence text whose SHA-256 is {}; this text's is {}: the approval lapsed when the text changed.",
                        exception.model,
                        exception.text_sha256.as_deref().unwrap_or(""),
                        report.licence.sha256.as_deref().unwrap_or("unknown")
                    ),
                    Vec::new(),
                ));
            } else {
                waive(report, exception, &ids);
                if exception.covers_all(&ids) {
                    return;
                }
            }
        }
        // Licences an applying exception covers are exempt from the lists; others are not.
        let waived = |id: &String| {
            self.exception_for(report, &ids).is_some_and(|e| {
                e.expires >= today && !e.licences.is_empty() && e.licences.contains(id)
            })
        };
        for id in ids.iter().filter(|id| !waived(id)) {
            if self.deny.contains(id) {
                added.push(Finding::new(
                    Rule::PolicyDeny,
                    Severity::Blocked,
                    format!("The organisation's policy denies `{id}`."),
                    Vec::new(),
                ));
            } else if !self.allow.is_empty() && !self.allow.contains(id) {
                added.push(Finding::new(
                    Rule::PolicyNotAllowed,
                    Severity::Blocked,
                    format!("`{id}` is not on the organisation's list of allowed licences."),
                    Vec::new(),
                ));
            }
        }
        if ids.is_empty() && !self.allow.is_empty() {
            added.push(Finding::new(
                Rule::PolicyNotAllowed,
                Severity::Blocked,
                "The licence is not identified, so it is not on the organisation's list of allowed licences.".to_string(),
                Vec::new(),
            ));
        }
        if let Some(accepted) = &self.accept {
            for finding in report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Obligation)
            {
                let name = OBLIGATIONS
                    .iter()
                    .find(|(_, rule)| *rule == finding.rule)
                    .map(|(n, _)| *n);
                if let Some(name) = name.filter(|n| !accepted.iter().any(|a| a == n)) {
                    let mut review = Finding::new(
                        Rule::PolicyObligation,
                        Severity::Review,
                        format!(
                            "The organisation has not accepted the obligation `{name}`: {}",
                            finding.message
                        ),
                        finding.evidence.clone(),
                    );
                    review.needed_by = Some(finding.rule);
                    added.push(review);
                }
            }
        }
        report.add_findings(added);
    }

    /// The exit code for a report under this policy: as the contract says, except that a policy
    /// may let `needs_review` pass.
    pub fn exit_code(&self, report: &Report) -> crate::evaluate::Exit {
        match (report.verdict, self.review_gate) {
            (Verdict::NeedsReview, ReviewGate::Pass) => crate::evaluate::Exit::Permitted,
            (verdict, _) => verdict.exit_code(),
        }
    }

    fn exception_for(&self, report: &Report, ids: &[String]) -> Option<&Exception> {
        let repo = report.declared.as_ref().and_then(|d| d.repo.as_deref());
        self.exceptions.iter().find(|e| {
            let model_matches =
                e.model == report.subject || repo.is_some_and(|r| r.eq_ignore_ascii_case(&e.model));
            let licence_matches =
                e.licences.is_empty() || e.licences.iter().any(|l| ids.contains(l));
            model_matches && licence_matches
        })
    }
}

/// The catalogue ids of the licences a report evaluated.
fn report_licence_ids(report: &Report) -> Vec<String> {
    match &report.licence.id {
        Some(id) => vec![id.clone()],
        None => report.licence.binding.clone(),
    }
}

impl Exception {
    /// Whether the exception covers every licence the report evaluated: it is not pinned to a
    /// licence, or it names all of them.
    fn covers_all(&self, ids: &[String]) -> bool {
        self.licences.is_empty() || ids.iter().all(|id| self.licences.contains(id))
    }

    /// Whether a finding rests only on clauses of the licences the exception names (a clause
    /// names its licence, or its licence's policy, in `document`).
    fn covers(&self, finding: &Finding) -> bool {
        let catalogue = Catalogue::embedded().ok();
        let documents: Vec<String> = self
            .licences
            .iter()
            .flat_map(|id| {
                let policy = catalogue
                    .and_then(|c| c.get(id))
                    .and_then(|l| l.policy.as_ref())
                    .map(|p| p.id.clone());
                std::iter::once(id.clone()).chain(policy)
            })
            .collect();
        !finding.evidence.is_empty()
            && finding
                .evidence
                .iter()
                .all(|e| documents.contains(&e.document))
    }
}

/// An exception applies: every blocking or review finding it covers is waived to `info`, saying
/// so. When the report evaluated several licences (a merge) and the exception names only some,
/// only findings resting wholly on those licences are waived: the others' blocks stand.
fn waive(report: &mut Report, exception: &Exception, ids: &[String]) {
    let all = exception.covers_all(ids);
    let mut kept = 0;
    for finding in report.findings.iter_mut() {
        if !matches!(finding.severity, Severity::Blocked | Severity::Review) {
            continue;
        }
        if all || exception.covers(finding) {
            finding.severity = Severity::Info;
            finding.message = format!(
                "[waived by exception until {}] {}",
                exception.expires, finding.message
            );
        } else {
            kept += 1;
        }
    }
    let scope = if all {
        String::new()
    } else {
        let others: Vec<&str> = ids
            .iter()
            .filter(|id| !exception.licences.contains(id))
            .map(String::as_str)
            .collect();
        format!(
            " (It is for {} only: {kept} finding(s) that rest on {} (or on several licences at once) stand.)",
            exception.licences.join(", "),
            others.join(", ")
        )
    };
    report.add_findings([Finding::new(
        Rule::PolicyException,
        Severity::Info,
        format!(
            "An exception for `{}` applies until {}: {}{scope}",
            exception.model, exception.expires, exception.reason
        ),
        Vec::new(),
    )]);
}

/// What a policy key holds.
enum Shape {
    /// A table with these keys.
    Table(Vec<String>),
    /// An array of tables, each with these keys.
    Tables(Vec<String>),
    /// A string.
    Text,
    /// A list of strings.
    TextList,
    /// Anything: the typed pass checks it (a context fact, a date).
    Any,
}

/// The shape of the value at a dotted path of the policy.
fn shape_at(path: &str) -> Shape {
    let keys = |names: &[&str]| Shape::Table(names.iter().map(|n| n.to_string()).collect());
    let facts_of = |table: &str| {
        let prefix = format!("{table}.");
        Shape::Table(
            Context::default()
                .facts()
                .iter()
                .filter_map(|(name, _)| name.strip_prefix(prefix.as_str()).map(str::to_string))
                .collect(),
        )
    };
    match path {
        "" => keys(&["licences", "obligations", "gate", "context", "exceptions"]),
        "licences" => keys(&["allow", "deny"]),
        "obligations" => keys(&["accept"]),
        "gate" => keys(&["needs_review"]),
        "context" => keys(&["organisation", "deployment"]),
        "context.organisation" => facts_of("organisation"),
        "context.deployment" => facts_of("deployment"),
        "exceptions" => Shape::Tables(
            ["model", "licence", "reason", "expires", "text_sha256"]
                .map(String::from)
                .to_vec(),
        ),
        "licences.allow" | "licences.deny" | "obligations.accept" => Shape::TextList,
        "gate.needs_review"
        | "exceptions.model"
        | "exceptions.licence"
        | "exceptions.reason"
        | "exceptions.text_sha256" => Shape::Text,
        _ => Shape::Any,
    }
}

/// Every unknown key and every value of the wrong kind in a policy, each with its line. The
/// typed reading stops at the first; a reader fixing a policy wants them all at once. A text
/// that is not TOML gives nothing here: the typed reading reports where it breaks.
fn shape_problems(text: &str) -> Vec<String> {
    let Ok(root) = toml::de::DeTable::parse(text) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if let Shape::Table(keys) = shape_at("") {
        check_keys(text, "", &keys, root.get_ref(), &mut problems);
    }
    // The keys come in name order: the reader wants them in the file's.
    problems.sort_by_key(|problem| {
        problem
            .strip_prefix("line ")
            .and_then(|rest| rest.split(':').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    });
    problems
}

fn check_shape(
    text: &str,
    path: &str,
    value: &toml::de::DeValue,
    span: std::ops::Range<usize>,
    problems: &mut Vec<String>,
) {
    use toml::de::DeValue;
    let line = Some(crate::text::line_of(text, span.start));
    let wrong = |expected: &str| located(line, &format!("`{path}`: expected {expected}"));
    match (shape_at(path), value) {
        (Shape::Table(keys), DeValue::Table(table)) => {
            check_keys(text, path, &keys, table, problems);
        }
        (Shape::Table(_), _) => problems.push(wrong("a table")),
        (Shape::Tables(keys), DeValue::Array(items)) => {
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::Table(table) => check_keys(text, path, &keys, table, problems),
                    _ => problems.push(located(
                        Some(crate::text::line_of(text, item.span().start)),
                        &format!("`{path}`: expected a table ([[{path}]])"),
                    )),
                }
            }
        }
        (Shape::Tables(_), _) => problems.push(wrong(&format!("a list of tables ([[{path}]])"))),
        (Shape::Text, DeValue::String(_)) | (Shape::Any, _) => {}
        (Shape::Text, _) => problems.push(wrong("a string")),
        (Shape::TextList, DeValue::Array(items)) => {
            if items
                .iter()
                .any(|i| !matches!(i.get_ref(), DeValue::String(_)))
            {
                problems.push(wrong("a list of strings"));
            }
        }
        (Shape::TextList, _) => problems.push(wrong("a list of strings")),
    }
}

/// The keys of a table at `path`: each known one checked in turn, each unknown one reported.
fn check_keys(
    text: &str,
    path: &str,
    keys: &[String],
    table: &toml::de::DeTable,
    problems: &mut Vec<String>,
) {
    for (key, inner) in table.iter() {
        let name = key.get_ref().as_ref();
        let inner_path = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        if keys.iter().any(|k| k == name) {
            check_shape(text, &inner_path, inner.get_ref(), inner.span(), problems);
        } else {
            let known: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            problems.push(located(
                Some(crate::text::line_of(text, key.span().start)),
                &format!(
                    "`{inner_path}`: unknown field `{name}`, expected one of {}",
                    known.join(", ")
                ),
            ));
        }
    }
}

fn located(line: Option<usize>, message: &str) -> String {
    match line {
        Some(line) => format!("line {line}: {message}"),
        None => message.to_string(),
    }
}

/// The dotted name of the field whose `key = value` line holds `offset`, with the table it is
/// in (`exceptions.expires`), so that a value TOML itself refuses (a native date `2027-02-31`)
/// is reported by its field as the others are.
fn field_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let line = text[line_start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let bare = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    if !bare(key) {
        return None;
    }
    let table = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|header| header.trim_matches(['[', ']']).trim().to_string());
    Some(match table {
        Some(table) if bare(&table) => format!("{table}.{key}"),
        _ => key.to_string(),
    })
}

/// An exception's expiry: a TOML date (`2027-06-30`), or a string holding one. A day the
/// calendar does not have (`2027-02-31`) is refused, never rolled over into the next month.
fn expiry_date(value: &toml::Value) -> std::result::Result<Date, String> {
    let not_a_date = |shown: &dyn std::fmt::Display, why: &dyn std::fmt::Display| {
        format!("`{shown}` is not a date (YYYY-MM-DD): {why}")
    };
    match value {
        toml::Value::String(text) if text.len() == 10 => {
            text.parse::<Date>().map_err(|err| not_a_date(text, &err))
        }
        toml::Value::String(text) => Err(not_a_date(text, &"write it as YYYY-MM-DD")),
        toml::Value::Datetime(stamp) => match (stamp.date, stamp.time, stamp.offset) {
            (Some(day), None, None) => Date::new(
                i16::try_from(day.year).unwrap_or(i16::MAX),
                i8::try_from(day.month).unwrap_or(i8::MAX),
                i8::try_from(day.day).unwrap_or(i8::MAX),
            )
            .map_err(|err| not_a_date(stamp, &err)),
            _ => Err(not_a_date(stamp, &"a date without a time")),
        },
        other => Err(format!("`{other}` is not a date: write it as YYYY-MM-DD")),
    }
}

/// Today's date in UTC.
fn today() -> Date {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// The licences an entry of `allow` or `deny` names: a catalogue id, alias or family (every
/// member), an SPDX id, or an SPDX expression, which stands for every licence it names.
fn listed_licences<'c>(entry: &str, catalogue: &'c Catalogue) -> Result<Vec<&'c Licence>> {
    use crate::expression::{Term, alternatives, looks_like_expression};
    if !looks_like_expression(entry) {
        return catalogue.resolve_all(entry);
    }
    let (groups, _) = alternatives(entry, catalogue)?;
    let mut licences = Vec::new();
    for term in groups.into_iter().flatten() {
        match term {
            Term::Known(licence) if !licences.contains(&licence) => licences.push(licence),
            Term::Known(_) => {}
            Term::Unknown(name) => {
                return Err(Error::UnknownLicenceId {
                    id: name,
                    suggestions: Vec::new(),
                });
            }
        }
    }
    Ok(licences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_dates_are_toml_dates_or_strings_of_real_days() {
        let date = |toml: &str| {
            let table: toml::Table = toml.parse().expect("TOML");
            expiry_date(&table["expires"])
        };
        let day = Date::new(2027, 6, 30).unwrap();
        assert_eq!(date("expires = 2027-06-30"), Ok(day));
        assert_eq!(date("expires = \"2027-06-30\""), Ok(day));
        for wrong in [
            "expires = \"2027-6-30\"",
            "expires = \"2027-13-01\"",
            "expires = \"2027-02-31\"",
            "expires = \"soon\"",
            "expires = 2027-06-30T12:00:00",
            "expires = 20270630",
        ] {
            assert!(date(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let err = Policy::from_toml(
            "[licences]\nallow = [\"apache-2.0\", \"lama-3.1\"]\ndeny = [\"mit\"]\n\n[obligations]\naccept = [\"atribution\"]\n\n[[exceptions]]\nmodel = \"x/y\"\nreason = \"ok\"\nexpires = \"soon\"\n",
            Origin::Memory("policy".into()),
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("line 2") && text.contains("lama-3.1"),
            "{text}"
        );
        assert!(
            text.contains("line 6") && text.contains("atribution"),
            "{text}"
        );
        assert!(text.contains("line 11") && text.contains("soon"), "{text}");
    }

    #[test]
    fn a_day_the_calendar_lacks_is_refused_naming_the_field() {
        for expires in ["2027-02-31", "\"2027-02-31\""] {
            let policy =
                format!("[[exceptions]]\nmodel = \"x/y\"\nreason = \"r\"\nexpires = {expires}\n");
            let err = Policy::from_toml(&policy, Origin::Memory("policy.toml".into())).unwrap_err();
            let text = err.to_string();
            assert!(
                text.contains("<policy.toml>")
                    && text.contains("line 4")
                    && text.contains("`exceptions.expires`"),
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let err = Policy::from_toml("[licences]\nalow = [\"mit\"]\n", Origin::Memory("p".into()))
            .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
