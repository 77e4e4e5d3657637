//! The command line as a pipeline sees it: exit codes, JSON on stdout, errors on stderr.

mod common;

use common::{json, stderr, stdout};

use std::process::{Command, Output};

/// `model-licence check ARGS...`, from the repository's root.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .arg("check")
        .args(args)
        .current_dir(common::root())
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

#[test]
fn llama_with_the_default_context_says_so_first() {
    let out = run(&["llama"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Context: no --context given"), "{text}");
    assert!(text.contains("`llama` names a family of licences; resolved to the newest, `llama-4`"));
    assert!(text.contains("[attribution] Display \"Built with Llama\""));
    assert!(
        text.trim_end()
            .ends_with("Verdict: PERMITTED WITH OBLIGATIONS")
    );
    assert!(
        !text.contains("\x1b["),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn json_report_follows_the_contract() {
    let out = run(&["llama-3.3", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["subject"], "llama-3.3");
    assert_eq!(report["verdict"], "permitted_with_obligations");
    assert_eq!(report["context_source"], "default");
    let licence = &report["licence"];
    assert_eq!(licence["id"], "llama-3.3");
    assert_eq!(licence["spdx"], "LicenseRef-llama-3.3");
    assert_eq!(licence["match"]["method"], "catalogue-id");
    assert_eq!(licence["match"]["confidence"], 1.0);
    let terms = &licence["terms"];
    assert_eq!(terms["commercial_use"], "conditional");
    assert_eq!(terms["user_threshold"]["monthly_active_users"], 700_000_000);
    assert_eq!(terms["revenue_threshold"], serde_json::Value::Null);
    assert_eq!(terms["territory_exclusions"][0]["region"], "EU");
    assert_eq!(terms["territory_exclusions"][0]["scope"], "multimodal");
    assert_eq!(terms["derivatives"]["redistribution"], "conditional");
    assert_eq!(terms["derivatives"]["naming_prefix"], "Llama");
    assert_eq!(terms["attribution"], "Built with Llama");
    assert_eq!(terms["output_training"], "conditional");
    assert_eq!(terms["use_policy"], true);
    assert_eq!(terms["flow_down"], false);
    assert_eq!(terms["hosting"], "allowed");
    let text =
        std::fs::read_to_string(common::root().join("licences/llama-3.3/LICENSE.txt")).unwrap();
    let attribution = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "attribution")
        .expect("an attribution finding");
    assert_eq!(attribution["severity"], "obligation");
    let ev = &attribution["evidence"][0];
    let (start, end) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(ev["text"].as_str().unwrap(), &text[start..end]);
}

#[test]
fn exit_codes_follow_the_verdict() {
    assert_eq!(
        run(&["llama-3.3", "--users", "800000000"]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["llama-3.2", "--domicile", "DE", "--modality", "vision"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(run(&["apache-2.0"]).status.code(), Some(0));
    assert_eq!(run(&["yi"]).status.code(), Some(3));
}

#[test]
fn context_files_and_flags() {
    let eu = run(&[
        "llama-3.2",
        "--context",
        "fixtures/contexts/eu-vision-startup.json",
        "--format",
        "json",
    ]);
    assert_eq!(eu.status.code(), Some(1));
    assert_eq!(json(&eu)["context_source"], "given");

    let partial = run(&[
        "llama-3.3",
        "--context",
        "fixtures/contexts/partial.json",
        "--format",
        "json",
    ]);
    assert_eq!(partial.status.code(), Some(3), "missing facts need review");
    let facts: Vec<String> = json(&partial)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["fact"].as_str().map(String::from))
        .collect();
    assert!(
        facts.contains(&"organisation.monthly_active_users".to_string()),
        "{facts:?}"
    );

    let overridden = run(&[
        "llama-3.3",
        "--context",
        "fixtures/contexts/partial.json",
        "--users",
        "10",
        "--format",
        "json",
    ]);
    assert_eq!(json(&overridden)["context_source"], "given_with_overrides");
    assert_eq!(
        json(&overridden)["context"]["organisation"]["monthly_active_users"],
        10
    );

    let flags = run(&[
        "stability-community",
        "--revenue",
        "2000000",
        "--format",
        "json",
    ]);
    assert_eq!(flags.status.code(), Some(1));
    assert_eq!(json(&flags)["context_source"], "default_with_overrides");
}

#[test]
fn bad_contexts_are_errors_that_name_the_field() {
    let cases = [
        ("fixtures/contexts/typo-field.json", "montly_active_users"),
        (
            "fixtures/contexts/negative-revenue.json",
            "organisation.annual_revenue_usd",
        ),
        ("fixtures/contexts/uk-domicile.json", "GB"),
        ("fixtures/contexts/wrong-type.json", "deployment.commercial"),
    ];
    for (file, named) in cases {
        let out = run(&["llama", "--context", file]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(out.stdout.is_empty(), "{file}: nothing on stdout");
        let err = stderr(&out);
        assert!(err.contains(file) && err.contains(named), "{file}: {err}");
    }
}

#[test]
fn bad_inputs_are_errors_never_verdicts() {
    let cases = [
        ("fixtures/bad/empty.txt", "empty"),
        ("fixtures/bad/whitespace.txt", "empty"),
        ("fixtures/bad/binary.bin", "binary"),
        ("fixtures/bad/invalid-utf8.txt", "line 2"),
        ("fixtures/bad/utf16.txt", "UTF-16"),
        ("fixtures/does-not-exist.txt", "no such file"),
    ];
    for (file, says) in cases {
        for format in ["human", "json"] {
            let out = run(&[file, "--format", format]);
            assert_eq!(out.status.code(), Some(2), "{file}");
            assert!(out.stdout.is_empty(), "{file}: nothing on stdout");
            let err = stderr(&out);
            assert!(err.contains(file) && err.contains(says), "{file}: {err}");
        }
    }
    let big = run(&[
        "licences/llama-3.3/LICENSE.txt",
        "--max-input-bytes",
        "1000",
    ]);
    assert_eq!(big.status.code(), Some(2));
    assert!(
        stderr(&big).contains("over the input limit of 1000 bytes"),
        "{}",
        stderr(&big)
    );
}

#[test]
fn usage_errors_exit_2() {
    let unknown = run(&["lama-3.1"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("did you mean llama-3.1"),
        "{}",
        stderr(&unknown)
    );
    assert_eq!(run(&["llama", "--domicile", "UK"]).status.code(), Some(2));
    assert_eq!(run(&["llama", "--users=-5"]).status.code(), Some(2));
    assert_eq!(run(&["llama", "--users", "-5"]).status.code(), Some(2));
    assert_eq!(
        run(&["llama", "--modality", "smell"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["llama", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn licence_files_are_identified_from_their_text() {
    let out = run(&["licences/llama-3.1/LICENSE.txt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["licence"]["id"], "llama-3.1");
    assert_eq!(report["licence"]["match"]["method"], "text");

    let mpl = run(&["fixtures/texts/mpl-2.0.txt", "--format", "json"]);
    assert_eq!(
        mpl.status.code(),
        Some(3),
        "an unknown licence needs review"
    );
    let report = json(&mpl);
    assert_eq!(report["licence"]["id"], serde_json::Value::Null);
    assert_eq!(report["licence"]["match"]["method"], "none");
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "unknown-licence")
    );
}

#[test]
fn list_prints_the_catalogue() {
    let out = run(&["--list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for id in ["llama-3.3", "gemma", "apache-2.0", "tencent-hunyuan"] {
        assert!(text.contains(id), "{id}");
    }
}

#[test]
fn an_unknown_licence_lists_its_terms_and_clauses_for_the_reviewer() {
    let out = run(&["fixtures/unseen/dbrx/LICENSE.txt"]);
    assert_eq!(out.status.code(), Some(3));
    let text = stdout(&out);
    assert!(text.contains("Licence: not identified"), "{text}");
    assert!(text.contains("700,000,000 monthly active users"), "{text}");
    assert!(
        text.contains("Clauses the terms were read from (check each):"),
        "{text}"
    );
    assert!(
        text.contains("is greater than 700 million monthly active users"),
        "{text}"
    );
    assert!(text.contains("[unknown-licence]"), "{text}");
}

#[test]
fn a_negative_count_is_refused_in_plain_words() {
    for flag in ["--users", "--daily-users", "--revenue"] {
        let out = run(&["llama", flag, "-5"]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = stderr(&out);
        assert!(
            err.contains("must be a non-negative number"),
            "{flag}: {err}"
        );
        assert!(!err.contains("-- -5"), "{flag}: {err}");
    }
    let grouped = run(&["llama", "--users", "800,000,000", "--format", "json"]);
    assert_eq!(
        json(&grouped)["context"]["organisation"]["monthly_active_users"],
        800_000_000
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef model-licence"),
        ("fish", "complete -c model-licence"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = common::run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}");
        assert!(
            script.contains("domicile"),
            "{shell}: the check flags are completed"
        );
    }
}

/// The `check` example, which `cargo test` builds beside the test binaries.
fn example() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let target = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let example = target
        .join("examples")
        .join(format!("check{}", std::env::consts::EXE_SUFFIX));
    assert!(
        example.exists(),
        "{} not built: run `cargo test`, which builds examples",
        example.display()
    );
    example
}

#[test]
fn the_example_prints_what_check_prints_and_exits_the_same() {
    let cases: [&[&str]; 4] = [
        &["llama"],
        &[
            "llama-3.3",
            "--context",
            "fixtures/contexts/big-platform.json",
        ],
        &[
            "fixtures/modified/llama-3.3-70-million.md",
            "--format",
            "json",
        ],
        &["lama-3.1"],
    ];
    for args in cases {
        let from_example = Command::new(example())
            .args(args)
            .current_dir(common::root())
            .output()
            .expect("the example runs");
        let from_binary = run(args);
        assert_eq!(from_example.stdout, from_binary.stdout, "{args:?}");
        assert_eq!(
            from_example.status.code(),
            from_binary.status.code(),
            "{args:?}"
        );
    }
}
