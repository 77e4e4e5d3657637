//! Outputs people can act on (issue 13): the Markdown review says what was evaluated, the scan
//! table gives a reason a line, SARIF suits code-scanning pages and validates against the full
//! SARIF 2.1.0 schema, `check --explain` walks through a verdict, and a policy's problems and a
//! missing file are reported plainly.

mod common;

use common::{json, stderr, stdout};

use std::process::{Command, Output};

/// A date the Markdown review is pinned to: 2026-03-01, 12:00 UTC.
const PINNED_EPOCH: &str = "1772366400";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(args)
        .current_dir(common::root())
        .env("SOURCE_DATE_EPOCH", PINNED_EPOCH)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// The full OASIS SARIF 2.1.0 schema, vendored in `tests/`.
fn sarif_errors(sarif: &serde_json::Value) -> Vec<String> {
    let schema: serde_json::Value = serde_json::from_str(&common::read(
        &common::root().join("tests/sarif-schema-2.1.0.json"),
    ))
    .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    validator
        .iter_errors(sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn results(sarif: &serde_json::Value) -> &Vec<serde_json::Value> {
    sarif["runs"][0]["results"].as_array().expect("results")
}

fn sarif_of(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "sarif"]);
    json(&run(&all))
}

#[test]
fn the_vendored_schema_is_the_full_one_and_rejects_a_broken_log() {
    let broken = serde_json::json!({ "version": "2.1.0", "runs": [{ "tool": {} }] });
    assert!(!sarif_errors(&broken).is_empty(), "a run needs its driver");
    let stray = serde_json::json!({ "version": "2.1.0", "runs": [], "extra": 1 });
    assert!(
        !sarif_errors(&stray).is_empty(),
        "no unknown top-level property"
    );
}

#[test]
fn sarif_validates_against_the_full_schema_with_and_without_obligations() {
    for extra in [&[][..], &["--sarif-obligations"][..]] {
        let mut args = vec!["scan", "--inventory", "fixtures/inventory/models.txt"];
        args.extend(extra);
        let sarif = sarif_of(&args);
        let errors = sarif_errors(&sarif);
        assert!(errors.is_empty(), "{extra:?}: {errors:#?}");
        assert!(!results(&sarif).is_empty(), "{extra:?}");
    }
}

#[test]
fn sarif_obligations_are_results_only_when_asked() {
    let folder = "fixtures/models/folders/meta-llama__Llama-3.1-8B-Instruct";
    let plain = sarif_of(&["check", folder]);
    assert!(
        results(&plain).iter().all(|r| r["level"] != "note"),
        "{plain:#}"
    );
    let asked = sarif_of(&["check", folder, "--sarif-obligations"]);
    let attribution = results(&asked)
        .iter()
        .find(|r| r["ruleId"] == "attribution")
        .expect("the attribution obligation, when asked");
    assert_eq!(attribution["level"], "note");
}

#[test]
fn sarif_fingerprints_keep_two_models_apart() {
    let args = ["scan", "fixtures/models/folders", "--sarif-obligations"];
    let sarif = sarif_of(&args);
    let fingerprint_of = |model: &str| -> Vec<String> {
        results(&sarif)
            .iter()
            .filter(|r| r["ruleId"] == "attribution")
            .filter(|r| {
                r["message"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with(&format!("fixtures/models/folders/{model}:"))
            })
            .map(|r| {
                r["partialFingerprints"]["modelLicenceFinding/v1"]
                    .as_str()
                    .expect("every result has a fingerprint")
                    .to_string()
            })
            .collect()
    };
    let first = fingerprint_of("meta-llama__Llama-3.1-8B-Instruct");
    let second = fingerprint_of("meta-llama__Llama-3.2-1B-Instruct");
    assert_eq!((first.len(), second.len()), (1, 1), "{sarif:#}");
    assert_ne!(first, second);
    assert_eq!(first[0].len(), 64);
    assert!(
        results(&sarif)
            .iter()
            .all(|r| r["partialFingerprints"]["modelLicenceFinding/v1"].is_string())
    );
    // The same check gives the same fingerprints.
    assert_eq!(sarif, sarif_of(&args));
}

#[test]
fn sarif_locations_are_files_of_the_scanned_tree_only() {
    let sarif = sarif_of(&[
        "scan",
        "--inventory",
        "fixtures/inventory/models.txt",
        "--sarif-obligations",
    ]);
    let mut located = 0;
    for result in results(&sarif) {
        for location in result["locations"].as_array().into_iter().flatten() {
            let uri = location["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("a uri");
            assert!(!uri.starts_with("licences/"), "the catalogue: {uri}");
            assert!(
                common::root().join(uri).is_file(),
                "not a file of the tree: {uri}"
            );
            located += 1;
        }
    }
    assert!(located > 0);
    // GitHub refuses a log with a result that has no location.
    assert!(
        results(&sarif)
            .iter()
            .all(|r| r["locations"][0].is_object())
    );
    // A catalogue id has no file in the tree: its findings are the run's notifications, and a
    // subject that could not be checked too.
    let id_only = sarif_of(&["check", "llama-3.3", "--users", "800000000"]);
    assert!(results(&id_only).is_empty(), "{id_only:#}");
    let invocation = &id_only["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{id_only:#}");
    assert_eq!(notes[0]["associatedRule"]["id"], "user-threshold");
    assert_eq!(notes[0]["level"], "error");
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("llama-3.3: 800,000,000 monthly active users is more than")
    );
    assert!(sarif_errors(&id_only).is_empty());
    let inventory = &sarif["runs"][0]["invocations"][0];
    assert_eq!(
        inventory["executionSuccessful"], false,
        "a subject could not be read"
    );
    // A licence file outside the catalogue is pointed at, with line and column.
    let text = sarif_of(&["check", "fixtures/unseen/dbrx/LICENSE.txt"]);
    let region = &results(&text)[0]["locations"][0]["physicalLocation"];
    assert_eq!(
        region["artifactLocation"]["uri"],
        "fixtures/unseen/dbrx/LICENSE.txt"
    );
}

#[test]
fn sarif_rules_carry_descriptions_help_and_no_invented_page() {
    let sarif = sarif_of(&["check", "llama-3.3"]);
    let driver = &sarif["runs"][0]["tool"]["driver"];
    for rule in driver["rules"].as_array().expect("rules") {
        assert!(
            rule["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{rule}"
        );
        assert!(
            rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{rule}"
        );
    }
    let user_threshold = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "user-threshold")
        .unwrap();
    assert!(
        user_threshold["help"]["text"]
            .as_str()
            .unwrap()
            .contains("model-licence explain user-threshold")
    );
    match env!("CARGO_PKG_REPOSITORY") {
        "" => assert!(driver.get("informationUri").is_none()),
        repository => assert_eq!(driver["informationUri"], repository),
    }
}

/// The catalogue digest changes with every catalogue edit, the tool version with each release.
fn pinned_markdown(doc: &str) -> String {
    let digest = regex::Regex::new(r"SHA-256 `[0-9a-f]{16}`").unwrap();
    let doc = digest.replace_all(doc, "SHA-256 `[catalogue digest]`");
    doc.replace(
        &format!("model-licence {}", env!("CARGO_PKG_VERSION")),
        "model-licence [version]",
    )
}

#[test]
fn markdown_review_states_what_was_evaluated() {
    let out = run(&[
        "check",
        "llama-3.3",
        "--users",
        "800000000",
        "--format",
        "markdown",
    ]);
    let doc = stdout(&out);
    insta::assert_snapshot!("markdown_llama_800m", pinned_markdown(&doc));
    assert!(doc.contains("- **Date:** 2026-03-01\n"), "{doc}");
    assert!(doc.contains("| `organisation.monthly_active_users` | 800,000,000 | given |"));
    assert!(doc.contains("| `organisation.domicile` | US | **assumed** |"));
    assert!(doc.contains("- **Policy:** none\n"));
}

#[test]
fn markdown_review_names_the_policy_by_path_and_hash() {
    let policy = "fixtures/policies/with-context.toml";
    let out = run(&[
        "check",
        "llama-3.3",
        "--policy",
        policy,
        "--format",
        "markdown",
    ]);
    let doc = stdout(&out);
    let hash: String = {
        use sha2::Digest;
        sha2::Sha256::digest(common::read(&common::root().join(policy)).as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert!(
        doc.contains(&format!("- **Policy:** `{policy}`, SHA-256 `{hash}`\n")),
        "{doc}"
    );
    // The policy's context is given: nothing is assumed.
    assert!(!doc.contains("**assumed**"), "{doc}");
}

#[test]
fn markdown_shows_the_name_behind_license_other() {
    let out = run(&[
        "check",
        "fixtures/models/moonshotai__Kimi-K2-Instruct",
        "--format",
        "markdown",
    ]);
    let doc = stdout(&out);
    assert!(
        doc.contains("- **Declared by the model:** other (`modified-mit`)\n"),
        "{doc}"
    );
}

#[test]
fn explain_walks_through_a_blocked_verdict() {
    let out = run(&["check", "llama-3.3", "--users", "800000000", "--explain"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("explain_llama_800m", stdout(&out));
}

#[test]
fn explain_walks_through_a_needs_review_verdict() {
    let out = run(&[
        "check",
        "llama-3.3",
        "--context",
        "fixtures/contexts/partial.json",
        "--explain",
    ]);
    let walk = stdout(&out);
    assert_eq!(out.status.code(), Some(3), "{walk}");
    insta::assert_snapshot!("explain_needs_review", walk);
}

#[test]
fn explain_and_another_format_do_not_mix() {
    let out = run(&["check", "llama", "--explain", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_scan_table_gives_a_reason_a_line_and_keeps_its_columns() {
    let out = run(&[
        "scan",
        "fixtures/scan",
        "flux-1-dev-non-commercial",
        "mit",
        "llama-3.3",
        "this-is-not-a-licence-id-of-any-kind-and-it-goes-on-and-on",
    ]);
    let table = stdout(&out);
    insta::assert_snapshot!("scan_table_long_ids", table);
    let rows: Vec<&str> = table.lines().take(5).collect();
    // Every subject starts in the same column, and so does every reason.
    use unicode_width::UnicodeWidthStr;
    for row in &rows {
        let (before_subject, _) = row.split_at(
            row.char_indices()
                .nth(27 + 1 + 24 + 1)
                .map_or(row.len(), |(at, _)| at),
        );
        assert_eq!(before_subject.width(), 53, "{row}");
        assert!(row.width() <= 27 + 1 + 24 + 1 + 44 + 1 + 80, "{row}");
    }
    assert!(
        rows.iter().any(|r| r.contains("flux-1-dev-non-commerci…")),
        "{table}"
    );
    assert!(rows.iter().any(|r| r.contains("…")), "{table}");
    assert!(
        rows.iter()
            .any(|r| r.contains("[user-threshold]") || r.contains("[attribution]")),
        "{table}"
    );
}

#[test]
fn a_policy_is_reported_with_every_problem_at_once() {
    let out = run(&[
        "check",
        "llama",
        "--policy",
        "fixtures/policies/misshapen.toml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        [
            "error: fixtures/policies/misshapen.toml: invalid policy:",
            "  line 3: `licences.allow`: expected a list of strings",
            "  line 4: `licences.deni`: unknown field `deni`, expected one of `allow`, `deny`",
            "  line 6: `obligation`: unknown field `obligation`, expected one of `licences`, `obligations`, `gate`, `context`, `exceptions`",
            "  line 10: `gate.needs_review`: expected a string",
            "  line 14: `exceptions.reasn`: unknown field `reasn`, expected one of `model`, `licence`, `reason`, `expires`, `text_sha256`\n",
        ]
        .join("\n")
    );
}

#[test]
fn a_missing_file_is_said_first_and_the_ids_second() {
    let out = run(&["check", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: missing.txt: no such file or folder, nor a catalogue licence id; run with `--list` to see the catalogue\n"
    );
    let out = run(&["check", "./missing-licence.md"]);
    let err = stderr(&out);
    assert_eq!(err, "error: ./missing-licence.md: no such file or folder\n");
    // A name that is no path stays an unknown id, with its suggestion.
    let out = run(&["check", "lama-3.1"]);
    assert!(stderr(&out).contains("unknown licence id `lama-3.1`"));
}

#[test]
fn each_rule_reads_the_facts_its_findings_name() {
    // What `--explain` says a rule compares must be what the rule asks for when a fact is
    // missing: every finding of the evaluation comes from a listed rule, and every missing
    // fact is one its rule reads.
    let catalogue = model_licence::Catalogue::embedded().expect("the catalogue loads");
    let unknown = model_licence::Context::default();
    let mut missing = 0;
    for licence in catalogue.licences() {
        for finding in model_licence::evaluate(licence.terms(), &unknown) {
            let rule = finding.needed_by.unwrap_or(finding.rule);
            assert!(
                model_licence::Rule::EVALUATED.contains(&rule),
                "{}: {rule}",
                licence.id
            );
            if let Some(fact) = &finding.fact {
                let (_, facts) = rule.reads();
                assert!(
                    facts.contains(&fact.as_str()),
                    "{}: {rule} needs {fact}",
                    licence.id
                );
                missing += 1;
            }
        }
    }
    assert!(missing > 100, "{missing}");
}
