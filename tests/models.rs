//! Model subjects (`fixtures/models/`): cards, Hub API JSON and model folders modelled on real
//! Hugging Face repositories. `EXPECTED.tsv` says which licence binds each and whether its
//! metadata conflicts with it; every full report is kept as a golden file in
//! `fixtures/models/expected/`.

mod common;

use std::path::Path;

use common::check;
use model_licence::{Catalogue, Context, Report, Rule};

struct Row {
    subject: String,
    binding: String,
    conflict: bool,
}

fn rows() -> Vec<Row> {
    let text = common::read(&common::fixture("models/EXPECTED.tsv"));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            Row {
                subject: cols[0].to_string(),
                binding: cols[4].to_string(),
                conflict: cols[5] == "yes",
            }
        })
        .collect()
}

fn report(subject: &str) -> Report {
    let path = format!("fixtures/models/{subject}");
    check(&path, &Context::default_assumed(), &common::DEFAULT_CONTEXT)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_model_is_bound_by_the_expected_licence() {
    let rows = rows();
    assert!(rows.len() >= 30, "{} fixtures", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let report = report(&row.subject);
        let rules: Vec<Rule> = report.findings.iter().map(|f| f.rule).collect();
        let id = report.licence.id.clone();
        let bound = if let Some(parents) = row.binding.strip_prefix("merge:") {
            let ids: Vec<&str> = parents.split('+').collect();
            let all_same = ids.iter().all(|i| *i == ids[0]);
            (id.is_none() && report.notes.iter().any(|n| n.contains("several licences")))
                || (all_same && id.as_deref() == Some(ids[0]))
        } else if row.binding == "unknown" {
            rules.contains(&Rule::UnknownBase) || rules.contains(&Rule::UnknownLicence)
        } else {
            id.as_deref() == Some(row.binding.as_str())
        };
        let conflict = rules.contains(&Rule::LicenceConflict);
        if !bound || conflict != row.conflict {
            failures.push(format!(
                "{}: expected {} (conflict {}), got {:?} (conflict {conflict}, verdict {:?})",
                row.subject, row.binding, row.conflict, id, report.verdict
            ));
        }
        assert!(report.declared.is_some(), "{}: no `declared`", row.subject);
        if row.binding == "unknown" || row.conflict {
            assert_ne!(
                report.exit_code(),
                0,
                "{}: a conflict or an unknown base is never a pass",
                row.subject
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every clause a model report quotes is the bytes of the document it names.
#[test]
fn model_evidence_points_into_the_documents_it_names() {
    let catalogue = Catalogue::embedded().expect("catalogue");
    for row in rows() {
        let path = common::fixture(&format!("models/{}", row.subject));
        let folder = if path.is_dir() {
            Some(path.clone())
        } else {
            None
        };
        let card_file = if path.is_dir() {
            path.join("README.md")
        } else {
            path.clone()
        };
        let report = report(&row.subject);
        let evidence = report
            .findings
            .iter()
            .flat_map(|f| &f.evidence)
            .chain(report.licence.clauses.values().flatten());
        for ev in evidence {
            let mut candidates: Vec<String> = Vec::new();
            match ev.document.as_str() {
                "card" => candidates.push(common::read(&card_file)),
                "licence" => {
                    if let Some(l) = report
                        .licence
                        .id
                        .as_deref()
                        .and_then(|id| catalogue.get(id))
                    {
                        candidates.push(l.text.to_string());
                    }
                    let dir = folder
                        .clone()
                        .or_else(|| card_file.parent().map(Path::to_path_buf));
                    for file in dir.iter().flat_map(|d| licence_files_in(d)) {
                        candidates.push(common::read(&file));
                    }
                }
                other => {
                    if let Some((_, text)) = catalogue.document(other) {
                        candidates.push(text.to_string());
                    } else if let Some(dir) = &folder {
                        candidates.push(common::read(&dir.join(other)));
                    }
                }
            }
            let ok = candidates
                .iter()
                .any(|t| t.get(ev.start..ev.end) == Some(ev.text.as_str()));
            assert!(
                ok,
                "{}: evidence in `{}` at {}..{} is not its text",
                row.subject, ev.document, ev.start, ev.end
            );
        }
    }
}

/// Every file of a folder: the licence-bearing ones among them.
fn licence_files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default()
}

/// The full JSON report of every model fixture, as a reviewed golden file.
#[test]
fn model_reports_match_their_golden_files() {
    for row in rows() {
        let name = row.subject.trim_end_matches('/').replace(['/', '.'], "_");
        let json = report(&row.subject).to_json();
        insta::with_settings!({
            snapshot_path => "../fixtures/models/expected",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, json);
        });
    }
}

fn check_card_text(name: &str, card: &str) -> Report {
    let dir =
        std::env::temp_dir().join(format!("model-licence-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.md"));
    std::fs::write(&file, card).unwrap();
    let report = check(
        &file.to_string_lossy(),
        &Context::default_assumed(),
        &common::DEFAULT_CONTEXT,
    );
    let _ = std::fs::remove_dir_all(&dir);
    report.unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn an_or_expression_lets_the_licensee_pick_the_most_favourable() {
    let report = check_card_text(
        "either",
        "---\nlicense: cc-by-nc-4.0 OR apache-2.0\n---\n# Either\n",
    );
    assert_eq!(report.licence.id.as_deref(), Some("apache-2.0"));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("cc-by-nc-4.0 OR apache-2.0")),
        "{:?}",
        report.notes
    );
}

#[test]
fn an_and_expression_binds_every_licence() {
    let report = check_card_text(
        "both",
        "---\nlicense: apache-2.0 AND cc-by-nc-4.0\n---\n# Both\n",
    );
    assert_eq!(report.licence.id, None);
    assert_eq!(
        report.licence.terms.commercial_use,
        model_licence::terms::CommercialUse::NonCommercial
    );
    assert_eq!(
        report.verdict,
        model_licence::Verdict::Blocked,
        "commercial use of a non-commercial licence"
    );
}

#[test]
fn an_unknown_declared_licence_needs_review() {
    let report = check_card_text(
        "odd",
        "---\nlicense: other\nlicense_name: acme-model-licence\n---\n# Odd\n",
    );
    assert_eq!(report.licence.id, None);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == Rule::UnknownLicence)
    );
    assert_eq!(report.exit_code(), 3);
}

#[test]
fn oversized_or_broken_front_matter_is_a_clean_error() {
    let huge = format!(
        "---\nlicense: mit\ndescription: \"{}\"\n---\n",
        "x".repeat(300 * 1024)
    );
    let dir = std::env::temp_dir().join(format!("model-licence-test-{}-huge", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in [
        ("huge.md", huge.as_str()),
        ("broken.md", "---\nlicense: [mit\n---\n"),
        ("unclosed.md", "---\nlicense: mit\n"),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let err = check(
            &file.to_string_lossy(),
            &Context::default_assumed(),
            &common::DEFAULT_CONTEXT,
        )
        .expect_err(name);
        assert!(
            matches!(err, model_licence::Error::Metadata { .. }),
            "{name}: {err}"
        );
        assert!(err.to_string().contains(name), "{name}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
