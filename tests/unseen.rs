//! Generalisation: clause extraction on real model licences that are NOT in the catalogue
//! (`fixtures/unseen/<id>/LICENSE.txt`, each with its hand-read `expected.json`). The extractor
//! was written without these texts; this measures how it reads licences it has never seen.
//!
//! Two bars: at least 95% of the core fields right, and no field more permissive than the text.

mod common;

use model_licence::extract_terms;

use common::CORE;

#[test]
fn unseen_licences_are_read_accurately_and_never_more_permissively() {
    measure("unseen");
}

/// The second holdout, gathered after the rules were tuned on the first.
#[test]
fn second_holdout_is_read_accurately_and_never_more_permissively() {
    measure("unseen2");
}

fn measure(folder: &str) {
    let root = common::fixture(folder);
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/unseen")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 6, "only {} licences in {folder}", dirs.len());
    let (mut right, mut total) = (0, 0);
    let mut wrong = Vec::new();
    let mut looser = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let expected = common::recorded_terms(&dir.join("expected.json"));
        let read = extract_terms(&common::read(&dir.join("LICENSE.txt")))
            .backed
            .terms;
        let differing = expected.differing_fields(&read);
        for term in CORE {
            total += 1;
            if differing.contains(&term) {
                wrong.push(format!(
                    "{name} {}: expected {}, read {}",
                    term.as_str(),
                    expected.field_json(term),
                    read.field_json(term)
                ));
            } else {
                right += 1;
            }
        }
        for term in read.more_permissive_than(&expected) {
            looser.push(format!(
                "{name} {}: expected {}, read {}",
                term.as_str(),
                expected.field_json(term),
                read.field_json(term)
            ));
        }
    }
    let accuracy = right as f64 / total as f64;
    println!(
        "unseen licences: {} ({right}/{total} core fields, {:.1}%)",
        dirs.len(),
        accuracy * 100.0
    );
    println!("wrong:\n{}", wrong.join("\n"));
    assert!(
        looser.is_empty(),
        "more permissive than the text:\n{}",
        looser.join("\n")
    );
    assert!(
        accuracy >= 0.95,
        "{:.1}% of core fields right:\n{}",
        accuracy * 100.0,
        wrong.join("\n")
    );
}
