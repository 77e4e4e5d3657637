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
                // A text with front matter is read as a model card: its evidence is the file too.
                "licence" | "card" => &text,
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

/// The file a report's source names, read from the repository (catalogue copies live in
/// `licences/`, subject files at the path the subject gave).
fn source_text(path: &str) -> String {
    common::read(&common::root().join(path))
}

/// Every located quote starts at its line and column in the file its document was read from,
/// and every document a located quote names has a source: what SARIF and editors rely on.
#[test]
fn located_evidence_is_at_its_line_and_column_in_its_file() {
    let subjects = [
        "llama-3.3",
        "fixtures/modified/llama-3.3-70-million.md",
        "fixtures/texts/mpl-2.0.txt",
        "fixtures/models/folders/example-org__llama-mislabelled",
        "fixtures/models/bartowski__Hermes-3-Llama-3.1-8B-GGUF.json",
    ];
    for subject in subjects {
        let report = check(
            subject,
            &Context::default_assumed(),
            &common::DEFAULT_CONTEXT,
        )
        .expect(subject);
        let evidence = report
            .findings
            .iter()
            .flat_map(|f| &f.evidence)
            .chain(report.licence.clauses.values().flatten());
        let mut located = 0;
        for ev in evidence {
            let (Some(line), Some(column)) = (ev.line, ev.column) else {
                continue;
            };
            let source = report
                .sources
                .iter()
                .find(|s| s.document == ev.document)
                .unwrap_or_else(|| panic!("{subject}: no source for `{}`", ev.document));
            let text = source_text(&source.path);
            let at_line = text.split_inclusive('\n').nth(line - 1).expect("the line");
            let from_column: String = at_line.chars().skip(column - 1).collect();
            let quote_start: String = ev.text.chars().take_while(|c| *c != '\n').collect();
            assert!(
                from_column.starts_with(&quote_start),
                "{subject}: {}:{line}:{column} does not start with {quote_start:?}",
                source.path
            );
            located += 1;
        }
        assert!(located > 0, "{subject}: nothing located");
    }
}
