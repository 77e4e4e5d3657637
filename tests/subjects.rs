//! Subjects that are not files: Hub model ids resolved offline from the catalogue's repository
//! list, and standard input (`-`), through the binary as users run it.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// The report of a run that must exit 0.
fn passing_json(out: &Output) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    json(out)
}

/// Asserts that one of the report's notes says `words`.
fn assert_noted(report: &serde_json::Value, words: &str) {
    let notes = report["notes"].to_string();
    assert!(notes.contains(words), "{notes}");
}

/// Runs the binary in the repository with `input` on standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(args)
        .current_dir(common::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // The binary may stop reading early (over the size limit): a broken pipe is not a failure.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("the binary ends")
}

#[test]
fn a_model_id_the_catalogue_lists_is_checked_offline() {
    let out = common::run(&[
        "check",
        "meta-llama/Llama-3.3-70B-Instruct",
        "--format",
        "json",
    ]);
    let report = passing_json(&out);
    assert_eq!(report["licence"]["id"], "llama-3.3");
    assert_noted(&report, "offline from the catalogue's repository list");
}

/// The listed model's modalities count: a multimodal Llama 3.2 model is out of reach of an
/// EU-domiciled licensee, a text one is not.
#[test]
fn a_model_id_is_evaluated_as_that_model() {
    let for_german_licensee =
        |repo: &str| common::run(&["check", repo, "--domicile", "DE", "--format", "json"]);
    let vision = for_german_licensee("meta-llama/Llama-3.2-11B-Vision-Instruct");
    assert_eq!(vision.status.code(), Some(1));
    assert_eq!(json(&vision)["verdict"], "blocked");
    let text = for_german_licensee("meta-llama/Llama-3.2-3B-Instruct");
    assert_eq!(json(&text)["licence"]["id"], "llama-3.2");
    assert_ne!(json(&text)["verdict"], "blocked");
}

#[test]
fn a_revision_is_named_as_unchecked() {
    let out = common::run(&[
        "check",
        "meta-llama/Llama-3.3-70B-Instruct@main",
        "--format",
        "json",
    ]);
    let report = json(&out);
    assert_eq!(report["licence"]["id"], "llama-3.3");
    assert_noted(&report, "revision `main` was not checked");
}

#[test]
fn a_model_id_the_catalogue_does_not_list_is_an_error_saying_so() {
    let out = common::run(&["check", "someone/unknown-model"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("offline catalogue"), "{stderr}");
    assert!(out.stdout.is_empty());
}

/// A file spelled like a model id is the file.
#[test]
fn a_path_that_exists_wins_over_a_model_id() {
    let dir = std::env::temp_dir().join(format!("model-licence-subjects-{}", std::process::id()));
    let owner = dir.join("meta-llama");
    std::fs::create_dir_all(&owner).expect("temp folder");
    std::fs::copy(
        common::root().join("licences/mit/LICENSE.txt"),
        owner.join("Llama-3.3-70B-Instruct"),
    )
    .expect("copy");
    let out = Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args([
            "check",
            "meta-llama/Llama-3.3-70B-Instruct",
            "--format",
            "json",
        ])
        .current_dir(&dir)
        .output()
        .expect("the binary runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(json(&out)["licence"]["id"], "mit");
    assert_eq!(json(&out)["licence"]["match"]["method"], "text");
}

#[test]
fn standard_input_takes_a_licence_text() {
    let text = common::read(&common::root().join("licences/llama-3.1/LICENSE.txt"));
    let out = run_with_stdin(&["check", "-", "--format", "json"], text.as_bytes());
    let report = passing_json(&out);
    assert_eq!(report["subject"], "-");
    assert_eq!(report["licence"]["id"], "llama-3.1");
    assert_eq!(report["licence"]["match"]["method"], "text");
}

#[test]
fn standard_input_takes_a_model_card_and_a_hub_json() {
    let card = common::read(&common::fixture(
        "models/meta-llama__Llama-4-Scout-17B-16E-Instruct/README.md",
    ));
    let out = run_with_stdin(&["check", "-", "--format", "json"], card.as_bytes());
    assert_eq!(json(&out)["licence"]["id"], "llama-4");
    assert_eq!(json(&out)["declared"]["license_name"], "llama4");

    let hub = common::read(&common::fixture(
        "models/bartowski__Meta-Llama-3.1-8B-Instruct-GGUF.json",
    ));
    let out = run_with_stdin(&["check", "-", "--format", "json"], hub.as_bytes());
    assert_eq!(json(&out)["licence"]["id"], "llama-3.1");
    assert_eq!(json(&out)["lineage"][0]["relation"], "quantized");
}

#[test]
fn standard_input_has_the_size_limit_of_a_file() {
    let text = common::read(&common::root().join("licences/mit/LICENSE.txt"));
    let out = run_with_stdin(&["check", "-", "--max-input-bytes", "100"], text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stdin"), "{stderr}");
}

#[test]
fn standard_input_refuses_damaged_text_and_nothing() {
    let out = run_with_stdin(&["check", "-"], b"MIT License\n\xff\xfe broken");
    assert_eq!(out.status.code(), Some(2));
    let empty = run_with_stdin(&["check", "-", "--format", "json"], b"");
    assert_ne!(empty.status.code(), Some(0), "an empty input never passes");
}

#[test]
fn standard_input_cannot_carry_both_the_subject_and_the_context() {
    let out = run_with_stdin(&["check", "-", "--context", "-"], b"{}");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("standard input"), "{stderr}");
}
