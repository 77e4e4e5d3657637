//! The installable binary in a pipeline: subcommands, policies, batch scans, every output format,
//! determinism. Runs `target/.../model-licence` as a user would.

mod common;

use common::{json, stderr, stdout};

use std::process::{Command, Output};

fn run_with(args: &[&str], threads: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_model-licence"));
    cmd.args(args)
        .current_dir(common::root())
        .env_remove("NO_COLOR");
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    cmd.output().expect("the binary runs")
}

fn run(args: &[&str]) -> Output {
    run_with(args, None)
}

fn rules(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|x| x["rule"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn check_behaves_as_the_example() {
    let out = run(&[
        "check",
        "llama-3.2",
        "--domicile",
        "DE",
        "--modality",
        "vision",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["verdict"], "blocked");
    assert_eq!(run(&["check", "llama"]).status.code(), Some(0));
    assert_eq!(run(&["check", "lama-3.1"]).status.code(), Some(2));
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in ["check", "scan", "licences", "explain"] {
        let out = run(&[sub, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{sub}");
        assert!(
            stdout(&out).contains("Examples:"),
            "{sub}: {}",
            stdout(&out)
        );
    }
    assert_eq!(run(&["--help"]).status.code(), Some(0));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn licences_lists_and_shows_the_catalogue() {
    let list = stdout(&run(&["licences"]));
    assert!(
        list.contains("llama-3.3") && list.contains("700,000,000 MAU"),
        "{list}"
    );
    let show = run(&["licences", "show", "llama-3.3"]);
    assert_eq!(show.status.code(), Some(0));
    let text = stdout(&show);
    assert!(
        text.contains("user_threshold: {\"monthly_active_users\":700000000}"),
        "{text}"
    );
    assert!(text.contains("greater than 700 million monthly active users"));
    assert!(text.contains("---- licence text ----"));
    assert!(text.contains("Llama 3.3 Acceptable Use Policy"));
    assert_eq!(run(&["licences", "show", "nope"]).status.code(), Some(2));
}

#[test]
fn explain_says_what_a_rule_checks() {
    let out = run(&["explain", "user-threshold"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("monthly or daily active users"));
    let all = stdout(&run(&["explain", "--list"]));
    assert!(all.contains("policy-deny") && all.contains("licence-conflict"));
    assert_eq!(run(&["explain", "no-such-rule"]).status.code(), Some(2));
}

#[test]
fn a_policy_allows_denies_and_lists_accepted_obligations() {
    let allowed = run(&[
        "check",
        "llama-3.3",
        "--policy",
        "fixtures/policies/strict.toml",
        "--format",
        "json",
    ]);
    assert_eq!(allowed.status.code(), Some(0), "{}", stdout(&allowed));

    let denied = run(&[
        "check",
        "cc-by-nc-4.0",
        "--policy",
        "fixtures/policies/strict.toml",
        "--format",
        "json",
    ]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(rules(&json(&denied)).contains(&"policy-deny".to_string()));

    let unlisted = run(&[
        "check",
        "qwen",
        "--policy",
        "fixtures/policies/strict.toml",
        "--format",
        "json",
    ]);
    assert_eq!(unlisted.status.code(), Some(1));
    assert!(rules(&json(&unlisted)).contains(&"policy-not-allowed".to_string()));

    let narrow = run(&[
        "check",
        "llama-3.3",
        "--policy",
        "fixtures/policies/attribution-only.toml",
        "--format",
        "json",
    ]);
    assert_eq!(narrow.status.code(), Some(3), "use-policy is not accepted");
    let report = json(&narrow);
    let unaccepted: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "policy-obligation")
        .collect();
    assert!(
        unaccepted.iter().any(|f| f["needed_by"] == "use-policy"),
        "{unaccepted:?}"
    );
    assert!(!unaccepted.iter().any(|f| f["needed_by"] == "attribution"));
}

#[test]
fn a_policy_may_let_review_pass_and_carries_the_context() {
    let out = run(&[
        "check",
        "yi",
        "--policy",
        "fixtures/policies/review-passes.toml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json(&out)["verdict"],
        "needs_review",
        "the report still says so"
    );

    let ctx = run(&[
        "check",
        "llama-3.3",
        "--policy",
        "fixtures/policies/with-context.toml",
        "--format",
        "json",
    ]);
    assert_eq!(
        ctx.status.code(),
        Some(1),
        "900M users is above Llama's gate"
    );
    assert_eq!(json(&ctx)["context_source"], "given");
}

#[test]
fn exceptions_waive_expire_and_lapse() {
    let policy = "fixtures/policies/exceptions.toml";
    let waived = run(&[
        "check",
        "fixtures/models/example-org__llama-3.1-8b-support-mit/README.md",
        "--policy",
        policy,
        "--format",
        "json",
    ]);
    assert_eq!(waived.status.code(), Some(0), "{}", stdout(&waived));
    assert!(rules(&json(&waived)).contains(&"policy-exception".to_string()));

    let expired = run(&[
        "check",
        "fixtures/models/NousResearch__Hermes-3-Llama-3.1-8B/README.md",
        "--policy",
        policy,
        "--format",
        "json",
    ]);
    assert_eq!(expired.status.code(), Some(3));
    assert!(rules(&json(&expired)).contains(&"exception-expired".to_string()));

    let lapsed = run(&[
        "check",
        "fixtures/modified/llama-3.3-70-million.md",
        "--policy",
        policy,
        "--format",
        "json",
    ]);
    assert_eq!(lapsed.status.code(), Some(3));
    assert!(rules(&json(&lapsed)).contains(&"exception-lapsed".to_string()));
}

#[test]
fn a_broken_policy_names_every_problem_with_its_line() {
    let out = run(&[
        "check",
        "llama",
        "--policy",
        "fixtures/policies/broken.toml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = stderr(&out);
    for expected in [
        "line 2",
        "lama-3.1",
        "line 5",
        "atribution",
        "line 10",
        "next year",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
}

#[test]
fn scan_checks_an_inventory_and_keeps_going_past_bad_subjects() {
    let out = run(&[
        "scan",
        "--inventory",
        "fixtures/inventory/models.txt",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the worst over the batch: a subject that could not be checked"
    );
    let items = json(&out);
    let items = items.as_array().expect("an array");
    assert_eq!(items.len(), 6);
    assert!(
        items[5]["error"]
            .as_str()
            .unwrap_or("")
            .contains("does-not-exist"),
        "{:?}",
        items[5]
    );
    assert_eq!(items[4]["licence"]["id"], "llama-3.3");
    assert_eq!(
        items[2]["licence"]["id"], "llama-3.1",
        "the mislabelled folder binds by its text"
    );
}

#[test]
fn scan_exits_with_the_worst_outcome() {
    assert_eq!(run(&["scan", "apache-2.0", "yi"]).status.code(), Some(3));
    assert_eq!(
        run(&["scan", "apache-2.0", "yi", "mistral-mrl"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(run(&["scan", "apache-2.0", "mit"]).status.code(), Some(0));
    assert_eq!(run(&["scan"]).status.code(), Some(2));
}

#[test]
fn every_format_is_deterministic_for_any_thread_count() {
    for format in ["json", "jsonl", "markdown", "sarif", "human"] {
        let args = [
            "scan",
            "fixtures/models/folders",
            "--inventory",
            "fixtures/inventory/models.txt",
            "--format",
            format,
        ];
        let one = run_with(&args, Some("1"));
        let four = run_with(&args, Some("4"));
        let again = run_with(&args, Some("4"));
        assert_eq!(one.stdout, four.stdout, "{format}: 1 vs 4 threads");
        assert_eq!(four.stdout, again.stdout, "{format}: two runs");
        assert!(!one.stdout.is_empty(), "{format}");
    }
}

#[test]
fn jsonl_is_one_report_per_line() {
    let out = run(&["scan", "fixtures/models/folders", "--format", "jsonl"]);
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 5);
    for line in lines {
        let report: serde_json::Value = serde_json::from_str(line).expect("a JSON object a line");
        assert_eq!(report["schema_version"], 1);
    }
}

#[test]
fn markdown_is_a_review_document() {
    let out = run(&["scan", "fixtures/models/folders", "--format", "markdown"]);
    let doc = stdout(&out);
    assert!(doc.starts_with("# Model licence review"));
    let table = doc
        .find("| Model | Licence | Verdict |")
        .expect("a summary table");
    let first_section = doc.find("\n## `").expect("a section per model");
    assert!(table < first_section, "the summary comes first");
    assert!(doc.contains("### Obligations to fulfil"));
    assert!(
        doc.contains("> prominently display “Built with Llama”"),
        "quoted clauses"
    );
    assert_eq!(doc.matches("\n## `").count(), 5);
}

#[test]
fn sarif_validates_against_the_schema_and_points_at_lines() {
    let out = run(&[
        "scan",
        "--inventory",
        "fixtures/inventory/models.txt",
        "--format",
        "sarif",
    ]);
    let sarif = json(&out);
    let schema: serde_json::Value = serde_json::from_str(&common::read(
        &common::root().join("tests/sarif-schema-2.1.0.json"),
    ))
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let conflict = results
        .iter()
        .find(|r| {
            r["ruleId"] == "licence-conflict"
                && r["message"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .contains("mislabelled")
        })
        .expect("the mislabelled folder's conflict");
    let location = &conflict["locations"][0]["physicalLocation"];
    assert!(
        location["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("example-org__llama-mislabelled/README.md"),
        "{location}"
    );
    assert_eq!(
        location["region"]["startLine"], 2,
        "the card's license: line"
    );
    let notifications = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("what points at no file of the tree");
    assert!(
        notifications
            .iter()
            .any(|n| n["associatedRule"]["id"] == "input-error")
    );
}
