//! A Hugging Face cache (`fixtures/hf-cache/`, laid out as `huggingface_hub` lays it out):
//! `scan --hf-cache DIR`, `scan DIR` and `check ENTRY` read each model at the snapshot
//! `refs/main` names and report it as `owner/name@sha`.

mod common;

use serde_json::Value;

/// `scan … --format jsonl`: one report per line, as (subject, licence id, verdict).
fn scanned(args: &[&str], env: &[(&str, &str)]) -> (i32, Vec<(String, String, String)>) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_model-licence"));
    command
        .args(args)
        .args(["--format", "jsonl"])
        .current_dir(common::root());
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("the binary runs");
    let rows = common::stdout(&out)
        .lines()
        .map(|line| {
            let report: Value = serde_json::from_str(line).expect("a JSON line");
            let text = |v: &Value| v.as_str().unwrap_or("-").to_string();
            (
                text(&report["subject"]),
                text(&report["licence"]["id"]),
                text(&report["verdict"]),
            )
        })
        .collect();
    (out.status.code().unwrap_or(-1), rows)
}

fn expected() -> Vec<(String, String, String)> {
    [
        (
            "Qwen/Qwen2.5-3B-Instruct@aa026aa44d12a8a3e2d5b8b43fb2d5e3ce7e6e3c",
            "qwen-research",
            "blocked",
        ),
        (
            "acme/relicensed@2222222222222222222222222222222222222222",
            "apache-2.0",
            "permitted",
        ),
        (
            "allenai/Llama-3.1-Tulu-3-8B@1a2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3",
            "llama-3.1",
            "permitted_with_obligations",
        ),
        (
            "allenai/Llama-3.1-Tulu-3-8B-DPO@2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3d4",
            "llama-3.1",
            "permitted_with_obligations",
        ),
        (
            "allenai/Llama-3.1-Tulu-3-8B-SFT@3c4d5e6f708192a3b4c5d6e7f80910a1b2c3d4e5",
            "llama-3.1",
            "permitted_with_obligations",
        ),
    ]
    .iter()
    .map(|(s, l, v)| (s.to_string(), l.to_string(), v.to_string()))
    .collect()
}

#[test]
fn a_cache_is_scanned_by_repository_and_revision() {
    let (code, rows) = scanned(&["scan", "--hf-cache", "fixtures/hf-cache"], &[]);
    assert_eq!(rows, expected());
    assert_eq!(code, 1, "the Qwen research licence blocks commercial use");
}

#[test]
fn a_plain_scan_of_a_cache_reads_it_as_a_cache() {
    let (_, rows) = scanned(&["scan", "fixtures/hf-cache"], &[]);
    assert_eq!(rows, expected());
}

#[test]
fn the_default_cache_is_found_as_huggingface_hub_finds_it() {
    let (_, rows) = scanned(
        &["scan", "--hf-cache"],
        &[("HF_HUB_CACHE", "fixtures/hf-cache")],
    );
    assert_eq!(rows, expected());
    let (code, rows) = scanned(
        &["scan", "--hf-cache"],
        &[("HF_HUB_CACHE", "fixtures/no-such-cache")],
    );
    assert_eq!((code, rows.len()), (2, 0));
}

#[test]
fn the_lineage_is_read_through_the_cache() {
    let out = common::run(&[
        "check",
        "fixtures/hf-cache/models--allenai--Llama-3.1-Tulu-3-8B",
        "--format",
        "json",
    ]);
    let report = common::json(&out);
    assert_eq!(
        report["revision"],
        "1a2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3"
    );
    assert_eq!(common::lineage_models(&report), common::TULU_3_LINEAGE);
}
