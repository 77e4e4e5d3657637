//! SARIF 2.1.0, for code-scanning pages.

use serde_json::{Value, json};

use crate::batch::BatchItem;
use crate::evaluate::{Finding, Rule, Severity};
use crate::report::Report;
use crate::terms::Evidence;

/// A SARIF 2.1.0 log of the findings that ask something of the reader (blocked, review,
/// obligation), each located at the file and line of the licence or card it came from.
pub fn sarif_log(items: &[BatchItem]) -> Value {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code(),
                "name": rule.code(),
                "shortDescription": { "text": rule.about() },
            })
        })
        .chain(std::iter::once(json!({
            "id": "input-error",
            "name": "input-error",
            "shortDescription": { "text": "The subject could not be read or checked." },
        })))
        .collect();
    let mut results = Vec::new();
    for item in items {
        match &item.result {
            Ok(report) => {
                for finding in report
                    .findings
                    .iter()
                    .filter(|f| f.severity != Severity::Info)
                {
                    results.push(sarif_result(&item.subject, report, finding));
                }
            }
            Err(err) => results.push(json!({
                "ruleId": "input-error",
                "level": "error",
                "message": { "text": format!("{}: {err}", item.subject) },
                "locations": [location(&item.subject, 1)],
            })),
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "model-licence",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/model-licence/model-licence",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

fn sarif_result(subject: &str, report: &Report, finding: &Finding) -> Value {
    let level = match finding.severity {
        Severity::Blocked => "error",
        Severity::Review => "warning",
        Severity::Obligation | Severity::Info => "note",
    };
    let (uri, line) = finding
        .evidence
        .first()
        .and_then(|ev| evidence_location(report, ev))
        .unwrap_or_else(|| (subject.to_string(), 1));
    json!({
        "ruleId": finding.rule.code(),
        "level": level,
        "message": { "text": format!("{}: {}", subject, finding.message) },
        "locations": [location(&uri, line)],
    })
}

fn location(uri: &str, line: usize) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": { "startLine": line.max(1) },
        }
    })
}

/// The file and line an evidence span points into, as the check located it.
fn evidence_location(report: &Report, ev: &Evidence) -> Option<(String, usize)> {
    let source = report.sources.iter().find(|s| s.document == ev.document)?;
    Some((source.path.clone(), ev.line.unwrap_or(1)))
}
