//! Evidence integrity on every fixture: each quoted clause is exactly the bytes of the document it
//! names, at the offsets it gives.

mod common;

use std::path::{Path, PathBuf};

use common::check;
use model_licence::{Catalogue, Context};

/// Every licence-text fixture: the folders of texts, edits, formats and holdouts.
fn text_fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["texts", "modified", "format"] {
        files.extend(
            std::fs::read_dir(common::fixture(dir))
                .expect(dir)
                .flatten()
                .map(|e| e.path()),
        );
    }
    // Every holdout round (`unseen`, `unseen2`, ...), whatever its number.
    let rounds = std::fs::read_dir(common::fixture(""))
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("unseen"))
        });
    for round in rounds {
        for entry in std::fs::read_dir(&round).expect("holdout round").flatten() {
            let licence = entry.path().join("LICENSE.txt");
            if licence.is_file() {
                files.push(licence);
            }
        }
    }
    // The folders' own READMEs describe the fixtures; they are no licence texts.
    files.retain(|p| !p.ends_with("README.md"));
    files.sort();
    files
}

#[test]
fn every_clause_quoted_from_a_fixture_is_its_bytes() {
    let catalogue = Catalogue::embedded().expect("catalogue");
    let files = text_fixtures();
    assert!(files.len() >= 30, "{} fixtures", files.len());
    for path in files {
        let text = common::read(&path);
        let report = check(
            &path.to_string_lossy(),
            &Context::default_assumed(),
            &common::DEFAULT_CONTEXT,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let all = report
            .findings
            .iter()
            .flat_map(|f| &f.evidence)
            .chain(report.licence.clauses.values().flatten());
        for ev in all {
            let document: &str = match ev.document.as_str() {
                "licence" => &text,
                other => catalogue
                    .document(other)
                    .map(|(_, text)| text)
                    .unwrap_or_else(|| panic!("{}: unknown document {other}", path.display())),
            };
            assert_eq!(
                document.get(ev.start..ev.end),
                Some(ev.text.as_str()),
                "{} ({})",
                display(&path),
                ev.document
            );
        }
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
