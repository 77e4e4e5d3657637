//! Helpers shared by the integration tests: format-only variants of real texts.
#![allow(dead_code)]

pub mod repeated;

use std::path::{Path, PathBuf};
use std::process::Output;

use model_licence::terms::{
    CommercialUse, Hosting, OutputTraining, Redistribution, TermName, Terms, UserThreshold,
};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file's path.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// Reads a fixture or catalogue file as text.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Windows line endings.
pub fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// Re-flows every paragraph to lines of at most 72 columns.
pub fn rewrap_72(text: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n") {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 72 {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

/// What a Markdown text looks like once rendered to plain text: no emphasis, no escapes,
/// links reduced to their text, ASCII quotes.
pub fn markdown_to_plain(text: &str) -> String {
    let link = regex::Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap();
    let text = link.replace_all(text, "$1");
    text.replace("**", "")
        .replace("\\.", ".")
        .replace("\\_", "_")
        .replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .lines()
        .map(|l| l.trim_start_matches('#').trim_start())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text as an HTML page: paragraphs in `<p>`, entities for the special characters.
pub fn html(text: &str) -> String {
    let body: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            let escaped = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('’', "&rsquo;")
                .replace('“', "&ldquo;")
                .replace('”', "&rdquo;")
                .replace('"', "&quot;");
            format!("<p>{escaped}</p>")
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><title>Licence</title></head><body>\n{}\n</body></html>\n",
        body.join("\n")
    )
}

/// A small edit that changes the words but not the licence: the first "the" becomes "this", and
/// the last paragraph is dropped.
pub fn edit_lightly(text: &str) -> String {
    let edited = text.replacen(" the ", " this ", 1);
    let trimmed = edited.trim_end();
    match trimmed.rfind("\n\n") {
        Some(cut) if cut > trimmed.len() / 2 => trimmed[..cut].to_string(),
        _ => edited,
    }
}

/// A command's standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A command's standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A command's standard output as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

/// Runs the binary in the repository's root.
pub fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

/// The (licence id, term) pairs of catalogue texts that the clause rules are known to read
/// differently from the curated terms: each licence's `extraction_differs` in `terms.json`.
#[allow(dead_code)]
pub fn known_extract_differences() -> Vec<(String, String)> {
    let catalogue = model_licence::Catalogue::embedded().expect("the embedded catalogue loads");
    catalogue
        .licences()
        .iter()
        .flat_map(|licence| {
            licence
                .extraction_differs()
                .iter()
                .map(|d| (licence.id.clone(), d.term.as_str().to_string()))
        })
        .collect()
}

/// The terms recorded for a licence in a JSON file whose `terms` hold each field as
/// `{"value": ...}` (a catalogue `terms.json`, a holdout's `expected.json`).
pub fn recorded_terms(path: &Path) -> model_licence::terms::Terms {
    let json: serde_json::Value =
        serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let values: serde_json::Map<String, serde_json::Value> = json["terms"]
        .as_object()
        .expect("terms")
        .iter()
        .map(|(k, v)| (k.clone(), v["value"].clone()))
        .collect();
    serde_json::from_value(serde_json::Value::Object(values)).expect("recorded terms parse")
}

/// The fixed core of the terms in CONTRACT.md.
pub const CORE: [model_licence::terms::TermName; 10] = [
    model_licence::terms::TermName::CommercialUse,
    model_licence::terms::TermName::UserThreshold,
    model_licence::terms::TermName::RevenueThreshold,
    model_licence::terms::TermName::TerritoryExclusions,
    model_licence::terms::TermName::Derivatives,
    model_licence::terms::TermName::Attribution,
    model_licence::terms::TermName::OutputTraining,
    model_licence::terms::TermName::UsePolicy,
    model_licence::terms::TermName::FlowDown,
    model_licence::terms::TermName::Hosting,
];

/// The models of a JSON report's lineage, nearest first.
pub fn lineage_models(report: &serde_json::Value) -> Vec<&str> {
    report["lineage"]
        .as_array()
        .expect("a lineage")
        .iter()
        .filter_map(|step| step["model"].as_str())
        .collect()
}

/// The lineage of `allenai/Llama-3.1-Tulu-3-8B` (fixtures `hub-server/` and `hf-cache/`).
pub const TULU_3_LINEAGE: [&str; 3] = [
    "allenai/Llama-3.1-Tulu-3-8B-DPO",
    "allenai/Llama-3.1-Tulu-3-8B-SFT",
    "meta-llama/Llama-3.1-8B",
];

/// The context source of a check run on the documented default context.
pub const DEFAULT_CONTEXT: model_licence::ContextSource = model_licence::ContextSource::Default;
/// The context source of a check run on a context the test gives.
pub const GIVEN_CONTEXT: model_licence::ContextSource = model_licence::ContextSource::Given;

/// Checks a subject named as on the command line, with a default [`model_licence::Checker`].
pub fn check(
    subject: &str,
    context: &model_licence::Context,
    source: &model_licence::ContextSource,
) -> model_licence::Result<model_licence::Report> {
    model_licence::Checker::new()
        .with_context_source(*source)
        .check(&model_licence::Subject::parse(subject), context)
}

/// Checks a licence text held in memory; the report names it `name`.
pub fn check_text(
    name: &str,
    text: &str,
    context: &model_licence::Context,
    source: &model_licence::ContextSource,
) -> model_licence::Report {
    let mut report = model_licence::Checker::new()
        .with_context_source(*source)
        .check(
            &model_licence::Subject::LicenceText(text.to_string()),
            context,
        )
        .expect("a licence text in memory is always checked");
    report.subject = name.to_string();
    report
}

/// The fields where `terms` grants more, or demands less, than `other`: a missing threshold or
/// a higher one, a missing duty, a laxer value. `unknown` is never more permissive than
/// anything: it asks for review.
pub fn more_permissive_than(terms: &Terms, other: &Terms) -> Vec<TermName> {
    let looser_threshold = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => a > b,
        _ => false,
    };
    let users = |t: &Terms| {
        t.user_threshold.map(|u| match u {
            UserThreshold::MonthlyActiveUsers(n) | UserThreshold::DailyActiveUsers(n) => n,
        })
    };
    let dropped = |a: &Option<String>, b: &Option<String>| a.is_none() && b.is_some();
    let lost = |a: bool, b: bool| !a && b;
    let looser_rank = |a: u8, b: u8| a != 0 && a > b;
    let condition_looser = match (terms.attribution_condition, other.attribution_condition) {
        (Some(_), None) => true,
        (Some(a), Some(b)) => {
            looser_threshold(a.monthly_active_users, b.monthly_active_users)
                || looser_threshold(a.monthly_revenue_usd, b.monthly_revenue_usd)
        }
        _ => false,
    };
    let regions_missing = other.territory_exclusions.iter().any(|e| {
        !terms
            .territory_exclusions
            .iter()
            .any(|s| s.region == e.region)
    });
    let checks = [
        (
            TermName::CommercialUse,
            looser_rank(
                commercial(terms.commercial_use),
                commercial(other.commercial_use),
            ),
        ),
        (
            TermName::Registration,
            lost(terms.registration, other.registration),
        ),
        (
            TermName::UserThreshold,
            looser_threshold(users(terms), users(other)),
        ),
        (
            TermName::RevenueThreshold,
            looser_threshold(
                terms.revenue_threshold.map(|r| r.annual_revenue_usd),
                other.revenue_threshold.map(|r| r.annual_revenue_usd),
            ),
        ),
        (TermName::TerritoryExclusions, regions_missing),
        (
            TermName::Derivatives,
            looser_rank(
                redistribution(terms.derivatives.redistribution),
                redistribution(other.derivatives.redistribution),
            ) || dropped(
                &terms.derivatives.naming_prefix,
                &other.derivatives.naming_prefix,
            ),
        ),
        (
            TermName::Attribution,
            dropped(&terms.attribution, &other.attribution),
        ),
        (TermName::AttributionCondition, condition_looser),
        (TermName::Notice, dropped(&terms.notice, &other.notice)),
        (
            TermName::OutputTraining,
            looser_rank(
                outputs(terms.output_training),
                outputs(other.output_training),
            ),
        ),
        (
            TermName::UsePolicy,
            lost(terms.use_policy, other.use_policy),
        ),
        (TermName::FlowDown, lost(terms.flow_down, other.flow_down)),
        (
            TermName::Hosting,
            looser_rank(hosting(terms.hosting), hosting(other.hosting)),
        ),
        (
            TermName::LicenceCopy,
            lost(terms.licence_copy, other.licence_copy),
        ),
    ];
    checks
        .into_iter()
        .filter(|(_, looser)| *looser)
        .map(|(term, _)| term)
        .collect()
}

/// How much a commercial-use value grants: `unknown` least, so it is never the looser.
fn commercial(c: CommercialUse) -> u8 {
    match c {
        CommercialUse::Unknown => 0,
        CommercialUse::NonCommercial => 1,
        CommercialUse::Conditional => 2,
        CommercialUse::Allowed => 3,
    }
}

/// How much a redistribution value grants.
fn redistribution(r: Redistribution) -> u8 {
    match r {
        Redistribution::Unknown => 0,
        Redistribution::Prohibited => 1,
        Redistribution::Conditional => 2,
        Redistribution::Allowed => 3,
    }
}

/// How much an output-training value grants.
fn outputs(o: OutputTraining) -> u8 {
    match o {
        OutputTraining::Unknown => 0,
        OutputTraining::Prohibited => 1,
        OutputTraining::Conditional => 2,
        OutputTraining::Unrestricted => 3,
    }
}

/// How much a hosting value grants.
fn hosting(h: Hosting) -> u8 {
    match h {
        Hosting::Unknown => 0,
        Hosting::RequiresLicence => 1,
        Hosting::Allowed => 2,
    }
}

/// Checks every subject with the default context, as `scan` does, in order.
pub fn check_subjects<S: AsRef<std::ffi::OsStr> + Sync>(
    subjects: &[S],
) -> Vec<model_licence::batch::BatchItem> {
    let options = model_licence::batch::CheckOptions {
        context_source: model_licence::ContextSource::Default,
        ..model_licence::batch::CheckOptions::default()
    };
    let mut items = Vec::new();
    model_licence::batch::check_all(
        subjects,
        &model_licence::Context::default_assumed(),
        None,
        &options,
        |item| items.push(item),
    );
    items
}
