//! `fixtures/hostile/`: inputs made to break a parser. Each has one exact outcome: a clean
//! error (exit 2, a message naming the file and what is wrong, nothing on stdout), or a report
//! that is never a pass when it cannot be sure.

mod common;

use common::{run, stderr};

/// (fixture, the words its error must contain)
const ERRORS: &[(&str, &[&str])] = &[
    ("empty.txt", &["empty.txt", "the file is empty"]),
    (
        "binary.png",
        &["binary.png", "binary data", "NUL byte at byte 8"],
    ),
    (
        "invalid-utf8.txt",
        &["invalid-utf8.txt", "line 2", "invalid UTF-8"],
    ),
    (
        "utf16.txt",
        &["utf16.txt", "UTF-16", "convert the file to UTF-8"],
    ),
    (
        "alias-bomb.md",
        &[
            "alias-bomb.md",
            "YAML front matter",
            "alias replay limit exceeded",
        ],
    ),
    (
        "deep-1000.json",
        &["deep-1000.json", "deeper than 128 levels"],
    ),
    (
        "deep-context.json",
        &[
            "deep-context.json",
            "not a Hugging Face model JSON",
            "--context",
        ],
    ),
    (
        "symlink-loop/a",
        &["symlink-loop/a", "symbolic link that leads nowhere"],
    ),
];

#[test]
fn hostile_files_are_clean_errors() {
    for (file, words) in ERRORS {
        let path = format!("fixtures/hostile/{file}");
        for format in ["human", "json", "sarif"] {
            let out = run(&["check", &path, "--format", format]);
            assert_eq!(out.status.code(), Some(2), "{file}");
            assert!(
                out.stdout.is_empty(),
                "{file}: nothing a pipeline could take for a report"
            );
            let err = stderr(&out);
            for word in *words {
                assert!(err.contains(word), "{file}: `{word}` not in {err}");
            }
        }
    }
}

#[test]
fn a_deep_context_is_refused_naming_the_field() {
    let out = run(&[
        "check",
        "llama",
        "--context",
        "fixtures/hostile/deep-context.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("context field `organisation.x`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_within_the_nesting_limit_is_read() {
    let out = run(&[
        "check",
        "fixtures/hostile/deep-100.json",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["licence"]["id"], "mit");
}

#[test]
fn a_huge_line_of_clause_fragments_is_reviewed_not_passed() {
    let out = run(&[
        "check",
        "fixtures/hostile/huge-line.txt",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["licence"]["id"], serde_json::Value::Null);
}

#[test]
fn a_symlink_out_of_a_model_folder_is_refused() {
    let out = run(&[
        "check",
        "fixtures/hostile/symlink-loop/model",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the LICENSE link to Llama 3.1 outside is neither read nor ignored"
    );
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("LICENSE") && err.contains("leaves the model folder"),
        "{err}"
    );
}

#[test]
fn a_scan_of_the_hostile_folder_reports_each_in_place() {
    let out = run(&["scan", "fixtures/hostile", "--format", "jsonl"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "errors are the worst outcome here"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(
        lines.len(),
        11,
        "every entry but the hidden ones, links skipped"
    );
    assert_eq!(lines.iter().filter(|l| l.get("error").is_some()).count(), 8);
    let controls = lines
        .iter()
        .find(|l| l["subject"] == "fixtures/hostile/controls")
        .expect("the model folder with control characters is checked");
    assert_eq!(controls["verdict"], "needs_review");
}

#[test]
fn an_input_over_the_limit_names_the_limit_and_how_to_raise_it() {
    let out = run(&[
        "check",
        "fixtures/hostile/huge-line.txt",
        "--max-input-bytes",
        "65536",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("over the input limit of 65536 bytes") && err.contains("--max-input-bytes"),
        "{err}"
    );
}
