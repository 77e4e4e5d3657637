//! SARIF 2.1.0, for code-scanning pages.

use std::path::Path;

use serde_json::{Value, json};

use crate::batch::BatchItem;
use crate::catalogue::Catalogue;
use crate::evaluate::{Finding, Rule, Severity};
use crate::licence_files::licence_file_role;
use crate::report::Report;
use crate::terms::{Evidence, LICENCE_DOCUMENT};
use crate::text::line_of;

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
        .map(|ev| evidence_location(subject, report, ev))
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

/// The file and line an evidence span points into.
fn evidence_location(subject: &str, report: &Report, ev: &Evidence) -> (String, usize) {
    let catalogue = Catalogue::embedded().ok();
    let path = Path::new(subject);
    let from_file = |file: &Path| {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        (
            file.to_string_lossy().into_owned(),
            line_of(&text, ev.start),
        )
    };
    match ev.document.as_str() {
        "card" if path.is_dir() => from_file(&path.join("README.md")),
        "card" => from_file(path),
        LICENCE_DOCUMENT if path.is_dir() => match licence_files_of(path).into_iter().find(|f| {
            std::fs::read_to_string(f)
                .is_ok_and(|text| text.get(ev.start..ev.end) == Some(ev.text.as_str()))
        }) {
            Some(file)
                if report.licence.match_info.method == crate::identify::MatchMethod::Text =>
            {
                from_file(&file)
            }
            _ => catalogue_location(catalogue, report.licence.id.as_deref(), ev),
        },
        LICENCE_DOCUMENT
            if path.is_file()
                && report.licence.match_info.method != crate::identify::MatchMethod::Metadata =>
        {
            from_file(path)
        }
        LICENCE_DOCUMENT => catalogue_location(catalogue, report.licence.id.as_deref(), ev),
        other if path.is_dir() && path.join(other).is_file() => from_file(&path.join(other)),
        other => catalogue_location(catalogue, Some(other), ev),
    }
}

/// The licence-bearing files of a folder (see [`crate::licence_files`]), by name.
fn licence_files_of(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_str().and_then(licence_file_role).is_some())
                .map(|e| e.path())
                // Only regular files: a pipe named `LICENSE` would never end.
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A catalogue text's location, by the path it has in this project's `licences/` folder.
fn catalogue_location(
    catalogue: Option<&Catalogue>,
    document: Option<&str>,
    ev: &Evidence,
) -> (String, usize) {
    let Some(catalogue) = catalogue else {
        return ("licences".to_string(), 1);
    };
    let document = document.unwrap_or("");
    if let Some((licence, text)) = catalogue.document(document) {
        let file = if licence.id == document {
            "LICENSE.txt"
        } else {
            "POLICY.txt"
        };
        return (
            format!("licences/{}/{file}", licence.id),
            line_of(text, ev.start),
        );
    }
    (document.to_string(), 1)
}
