//! `fixtures/hostile/`: inputs made to break a parser. Each has one exact outcome: a clean
//! error (exit 2, a message naming the file and what is wrong, nothing on stdout), or a report
//! that is never a pass when it cannot be sure.

mod common;

use common::repeated::{Outcome, Shape, shapes};
use common::{root, run, stderr};

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
        12,
        "every entry but the hidden ones, links skipped"
    );
    // The 8 files of `ERRORS` and `repeated/`, a folder of seeds that is no model folder.
    assert_eq!(lines.iter().filter(|l| l.get("error").is_some()).count(), 9);
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

/// The size the repeated shapes are checked at here: large enough to repeat every unit
/// thousands of times and to pass the 256 KiB front matter limit, small enough for a debug build
/// (the benchmark checks them at 10 MiB, with the same outcomes).
const REPEATED_SIZE: usize = 300 * 1024;

/// A shape of `fixtures/hostile/repeated/shapes.tsv`.
fn shape(name: &str) -> Shape {
    shapes(&root())
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} is not in the manifest"))
}

/// Builds a shape at `size` bytes and checks it as a file, for a JSON report.
fn check_shape(name: &str, size: usize) -> std::process::Output {
    let dir = std::env::temp_dir().join(format!(
        "model-licence-hostile-{}-{name}",
        std::process::id()
    ));
    let path = shape(name).write(&dir, size);
    let path_arg = path.to_string_lossy().into_owned();
    let out = run(&["check", &path_arg, "--format", "json"]);
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// Builds a shape of `fixtures/hostile/repeated/shapes.tsv` at [`REPEATED_SIZE`], checks it as a
/// file and asserts the manifest's outcome.
fn check_repeated(name: &str) {
    let out = check_shape(name, REPEATED_SIZE);
    let shape = shape(name);
    match &shape.outcome {
        Outcome::Report {
            exit,
            verdict,
            licence,
        } => {
            assert_eq!(out.status.code(), Some(*exit), "{name}: {}", stderr(&out));
            let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(report["verdict"], verdict.as_str(), "{name}");
            if let Some(licence) = licence {
                assert_eq!(report["licence"]["id"], licence.as_str(), "{name}");
            }
        }
        Outcome::Error(words) => {
            assert_eq!(out.status.code(), Some(2), "{name}");
            assert!(out.stdout.is_empty(), "{name}: an error, not a report");
            let err = stderr(&out);
            assert!(
                err.contains(words.as_str()),
                "{name}: `{words}` not in {err}"
            );
        }
    }
}

/// One test per shape of the manifest, named after it.
macro_rules! repeated_shapes {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check_repeated($file);
            }
        )*

        #[test]
        fn every_repeated_shape_has_its_test() {
            let tested = [$($file),*];
            for shape in shapes(&root()) {
                assert!(tested.contains(&shape.name.as_str()), "{} has no test", shape.name);
            }
        }
    };
}

repeated_shapes! {
    repeated_threshold_sentence => "threshold-sentence.txt",
    repeated_link_opens => "link-opens.md",
    repeated_emphasis_runs => "emphasis-runs.md",
    repeated_nested_list => "nested-list.md",
    repeated_unclosed_div => "unclosed-div.html",
    repeated_unclosed_attribute => "unclosed-attribute.html",
    repeated_unclosed_comment => "unclosed-comment.html",
    repeated_long_table => "long-table.md",
    repeated_one_line => "one-line.txt",
    repeated_separators => "separators.txt",
    repeated_many_headings => "many-headings.md",
    repeated_front_matter_list => "front-matter-list.md",
    repeated_front_matter_aliases => "front-matter-aliases.md",
    repeated_hub_array => "hub-array.json",
    repeated_definitions => "definitions.txt",
    repeated_revenue_phrases => "revenue-phrases.txt",
    repeated_non_commercial => "non-commercial.txt",
    repeated_built_with => "built-with.md",
    repeated_llama_3_3 => "llama-3.3-repeated.txt",
    repeated_llama_3_3_in_noise => "llama-3.3-in-noise.txt",
    repeated_cjk => "cjk.txt",
    repeated_entity_opens => "entity-opens.html",
    repeated_strike_opens => "strike-opens.md",
    repeated_quote_opens => "quote-opens.txt",
}

/// Past the 512 KiB the clause rules read, the rest of a text is not read: the report says so,
/// quoting the first clause left unread, and asks for review. Over 512 KiB of the user
/// threshold sentence, the threshold read in the first part still blocks.
#[test]
fn clauses_past_the_read_budget_are_reviewed_not_ignored() {
    let out = check_shape("threshold-sentence.txt", 600 * 1024);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let not_read: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("read at most 524288 bytes"))
        })
        .collect();
    assert_eq!(not_read.len(), 1, "{findings:#?}");
    assert_eq!(not_read[0]["severity"], "review");
    let evidence = &not_read[0]["evidence"][0];
    let start = evidence["start"].as_u64().unwrap() as usize;
    assert!(start > 500 * 1024, "the first clause unread, at {start}");
    assert!(
        evidence["text"]
            .as_str()
            .unwrap()
            .contains("700 million monthly active users")
    );
}
