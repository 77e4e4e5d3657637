//! SARIF 2.1.0, for code-scanning pages.
//!
//! Made for GitHub code scanning: each result carries a fingerprint of its rule, subject,
//! licence and clause, so that the findings of two models never merge into one alert; results
//! point only at files of the scanned tree (a model's card or licence file), never at the
//! checker's own catalogue or at a folder; obligations become results only when asked for, so
//! that duties already fulfilled do not stand as alerts that can never be closed.

use serde_json::{Map, Value, json};

use crate::batch::BatchItem;
use crate::evaluate::{Finding, Rule, Severity};
use crate::report::{Report, sha256_hex};
use crate::terms::Evidence;

/// The name of the fingerprint each result carries in `partialFingerprints`.
pub const FINGERPRINT: &str = "modelLicenceFinding/v1";

/// What a SARIF log holds beyond the findings that ask for a decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SarifOptions {
    /// Obligations as results too (`note` level), not only what blocks or needs review.
    pub obligations: bool,
}

/// A SARIF 2.1.0 log of the findings that ask for a decision (blocked, review), each located at
/// the file and line of the card or licence in the scanned tree it came from. A finding with no
/// file of the tree to point at (a subject given by catalogue id) and a subject that could not be
/// checked are notifications of the run (`invocations[0].toolExecutionNotifications`), since
/// code-scanning pages refuse results without a location. See [`sarif_log_with`] for
/// obligations.
pub fn sarif_log(items: &[BatchItem]) -> Value {
    sarif_log_with(items, SarifOptions::default())
}

/// [`sarif_log`] with options.
pub fn sarif_log_with(items: &[BatchItem], options: SarifOptions) -> Value {
    let input_error = json!({
        "id": "input-error",
        "name": "input-error",
        "shortDescription": { "text": "The subject could not be read or checked." },
        "fullDescription": { "text": "The subject could not be read or checked: a file that cannot be read, a model without a licence file or metadata, an input that is not text. Nothing was evaluated, so nothing is permitted." },
        "help": { "text": "Fix the input the message names and check again." },
        "defaultConfiguration": { "level": "error" },
    });
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|rule| rule_descriptor(*rule))
        .chain(std::iter::once(input_error))
        .collect();
    // GitHub refuses a whole log when one result has no location, and nothing of the tree
    // can be pointed at for a subject given by catalogue id or one that could not be read:
    // those findings and errors are the run's notifications instead, kept whole.
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for item in items {
        match &item.result {
            Ok(report) => {
                let wanted = |f: &&Finding| match f.severity {
                    Severity::Blocked | Severity::Review => true,
                    Severity::Obligation => options.obligations,
                    Severity::Info => false,
                };
                for finding in report.findings.iter().filter(wanted) {
                    let result = sarif_result(report, finding);
                    if result.get("locations").is_some() {
                        results.push(result);
                    } else {
                        notifications.push(notification(result));
                    }
                }
            }
            Err(err) => notifications.push(json!({
                "associatedRule": { "id": "input-error" },
                "level": "error",
                "message": { "text": format!("{}: {err}", item.subject) },
            })),
        }
    }
    let mut driver = Map::new();
    driver.insert("name".into(), json!("model-licence"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    // Only a page that exists: the package's repository, when its manifest names one.
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        driver.insert("informationUri".into(), json!(repository));
    }
    driver.insert("rules".into(), Value::Array(rules));
    let mut run = json!({
        "tool": { "driver": driver },
        "results": results,
    });
    if !notifications.is_empty() {
        let all_checked = items.iter().all(|item| item.result.is_ok());
        run["invocations"] = json!([{
            "executionSuccessful": all_checked,
            "toolExecutionNotifications": notifications,
        }]);
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    })
}

/// A result that points at no file of the tree, as a notification of the run: its rule, level
/// and message, with its fingerprint kept among its properties.
fn notification(result: Value) -> Value {
    json!({
        "associatedRule": { "id": result["ruleId"] },
        "level": result["level"],
        "message": result["message"],
        "properties": { "partialFingerprints": result["partialFingerprints"] },
    })
}

/// A rule's descriptor: what it checks, and how a reader finds out more.
fn rule_descriptor(rule: Rule) -> Value {
    let code = rule.code();
    let help = format!(
        "{}\n\n`model-licence explain {code}` says what the rule checks; `model-licence check SUBJECT --explain` walks through the facts and terms behind a verdict. A blocked finding stops the deployment; a review finding asks a person to look (a fact is missing or a clause unclear); an obligation is something to do.",
        rule.about()
    );
    json!({
        "id": code,
        "name": code,
        "shortDescription": { "text": rule.about() },
        "fullDescription": { "text": rule.about() },
        "help": { "text": help, "markdown": help },
    })
}

fn sarif_result(report: &Report, finding: &Finding) -> Value {
    let level = match finding.severity {
        Severity::Blocked => "error",
        Severity::Review => "warning",
        Severity::Obligation | Severity::Info => "note",
    };
    let clause = finding.evidence.first().map_or("", |ev| ev.text.as_str());
    let licence = report.licence.id.clone().unwrap_or_else(|| {
        // Several binding licences, or none identified.
        report.licence.binding.join("+")
    });
    let mut result = json!({
        "ruleId": finding.rule.code(),
        "level": level,
        "message": { "text": format!("{}: {}", report.subject, finding.message) },
        "partialFingerprints": {
            FINGERPRINT: fingerprint(&[
                finding.rule.code(),
                &report.subject,
                &licence,
                finding.fact.as_deref().unwrap_or(""),
                clause,
            ]),
        },
    });
    if let Some(location) = tree_location(report, finding) {
        result["locations"] = json!([location]);
    }
    result
}

/// The SHA-256 of the parts, each ended by a NUL so that no two lists give the same bytes.
fn fingerprint(parts: &[&str]) -> String {
    let joined: String = parts.iter().flat_map(|p| [*p, "\0"]).collect();
    sha256_hex(&joined)
}

/// Where in the scanned tree a finding points: the file and position of its first clause read
/// from the subject's files, else the first file of the subject the check read (its card or
/// licence, line 1). `None` when the check read no file of the tree (a catalogue id, standard
/// input): a location in the checker's own catalogue would mean nothing to the tree's owner.
fn tree_location(report: &Report, finding: &Finding) -> Option<Value> {
    let in_tree = finding
        .evidence
        .iter()
        .find_map(|ev| evidence_location(report, ev));
    let (uri, line, column) = match in_tree {
        Some(found) => found,
        None => {
            let file = report.sources.iter().find(|s| is_tree_file(s))?;
            (file_uri(&file.path), 1, None)
        }
    };
    let mut region = json!({ "startLine": line.max(1) });
    if let Some(column) = column {
        region["startColumn"] = json!(column.max(1));
    }
    Some(json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region,
        }
    }))
}

/// The file, line and column a clause was read at, when that file is in the scanned tree.
fn evidence_location(report: &Report, ev: &Evidence) -> Option<(String, usize, Option<usize>)> {
    let source = report.sources.iter().find(|s| s.document == ev.document)?;
    if !is_tree_file(source) {
        return None;
    }
    Some((file_uri(&source.path), ev.line.unwrap_or(1), ev.column))
}

/// Whether a source is a file of the subject's tree: not the catalogue's copy, not standard
/// input, not a folder (a path ending in a separator).
fn is_tree_file(source: &crate::report::Source) -> bool {
    !source.catalogue
        && source.path != crate::subject::STDIN
        && !source.path.is_empty()
        && !source.path.ends_with(['/', '\\'])
}

/// A path as a URI reference: relative paths stay relative to the tree (without a leading
/// `./`), absolute ones become `file://` URIs; separators are `/`, and characters a URI cannot
/// hold are percent-encoded.
fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let encoded: String = path
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            b'@' | b'+' | b'=' | b',' | b';' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(file_uri("./models/x/README.md"), "models/x/README.md");
        assert_eq!(file_uri("/srv/m y/LICENSE"), "file:///srv/m%20y/LICENSE");
        assert_eq!(file_uri("a\\b#c.txt"), "a/b%23c.txt");
    }

    #[test]
    fn fingerprints_differ_by_part_boundaries() {
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&["a"]), fingerprint(&["a"]));
    }
}
