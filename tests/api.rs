//! The library's entry point: a `Checker` over the embedded or an organisation's catalogue, and
//! every kind of `Subject`.

mod common;

use model_licence::{
    Catalogue, Checker, Context, Error, Exit, Origin, Policy, Report, Subject, Verdict,
};

fn check(subject: Subject) -> Report {
    Checker::new()
        .check(&subject, &Context::default_assumed())
        .unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn every_kind_of_subject_is_checked() {
    let llama = "meta-llama__Llama-3.3-70B-Instruct";
    let card = common::read(&common::fixture("models/google__gemma-2-9b-it/README.md"));
    let json = common::read(&common::fixture(
        "models/bartowski__gemma-2-9b-it-GGUF.json",
    ));
    let text = common::read(&common::root().join("licences/mit/LICENSE.txt"));
    let cases = [
        (Subject::LicenceId("llama-3.3".into()), Some("llama-3.3")),
        (Subject::LicenceText(text), Some("mit")),
        (Subject::CardText(card), Some("gemma")),
        (Subject::HubJson(json), Some("gemma")),
        (Subject::Spdx("apache-2.0".into()), Some("apache-2.0")),
        (
            Subject::parse("meta-llama/Llama-3.3-70B-Instruct"),
            Some("llama-3.3"),
        ),
        (
            Subject::Path(common::fixture(&format!("models/{llama}"))),
            Some("llama-3.3"),
        ),
    ];
    for (subject, licence) in cases {
        let name = subject.name();
        let report = check(subject);
        assert_eq!(report.subject, name);
        assert_eq!(report.licence.id.as_deref(), licence, "{name}");
    }
}

#[test]
fn an_expression_of_alternatives_reports_the_most_favourable() {
    let report = check(Subject::Spdx("cc-by-nc-4.0 OR apache-2.0".into()));
    assert_eq!(report.licence.id.as_deref(), Some("apache-2.0"));
    assert_ne!(report.verdict, Verdict::Blocked);
}

#[test]
fn a_card_without_front_matter_is_an_error_not_a_verdict() {
    let err = Checker::new()
        .check(
            &Subject::CardText("# A model\n".into()),
            &Context::default_assumed(),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Metadata { .. }), "{err}");
}

#[test]
fn parse_reads_arguments_as_the_command_line_does() {
    assert_eq!(Subject::parse("-"), Subject::Stdin);
    assert_eq!(Subject::parse("llama"), Subject::LicenceId("llama".into()));
    let existing = common::fixture("models/Qwen__Qwen2.5-72B-Instruct.json");
    let existing = existing.to_string_lossy();
    assert_eq!(
        Subject::parse(&existing),
        Subject::Path(existing.as_ref().into())
    );
    assert!(
        matches!(Subject::parse("Qwen/Qwen2.5-7B@main"), Subject::ModelId(id) if id.revision.as_deref() == Some("main"))
    );
    assert_eq!(
        Subject::parse("no/such/file"),
        Subject::Path("no/such/file".into())
    );
}

#[test]
fn a_policy_is_applied_to_every_report_and_gives_the_exit_code() {
    let policy = Policy::from_toml(
        "[licences]\ndeny = [\"apache-2.0\"]\n",
        Origin::Memory("policy".into()),
    )
    .unwrap();
    let checker = Checker::new().with_policy(policy);
    let report = checker
        .check(&Subject::parse("apache-2.0"), &Context::default_assumed())
        .unwrap();
    assert_eq!(report.verdict, Verdict::Blocked);
    assert_eq!(checker.exit_code(&report), Exit::Blocked);
}

/// An organisation's own licence: a copy of CC BY-NC 4.0 under another id and name.
#[test]
fn an_organisations_own_licences_are_checked_beside_the_embedded_ones() {
    let dir = std::env::temp_dir().join(format!("model-licence-own-{}", std::process::id()));
    let folder = dir.join("acme-nc-1.0");
    std::fs::create_dir_all(&folder).unwrap();
    let source = common::root().join("licences/cc-by-nc-4.0");
    let mut terms: serde_json::Value =
        serde_json::from_str(&common::read(&source.join("terms.json"))).unwrap();
    terms["id"] = "acme-nc-1.0".into();
    terms["name"] = "ACME Non-Commercial Model Licence 1.0".into();
    terms["family"] = "acme".into();
    terms["spdx"] = "LicenseRef-acme-nc-1.0".into();
    for list in ["hf_ids", "aliases", "models"] {
        terms[list] = serde_json::json!([]);
    }
    std::fs::write(folder.join("terms.json"), terms.to_string()).unwrap();
    std::fs::copy(source.join("LICENSE.txt"), folder.join("LICENSE.txt")).unwrap();

    let catalogue = Catalogue::embedded_with(&dir);
    let twice = Catalogue::embedded_with(&dir.join("..").join(dir.file_name().unwrap()));
    std::fs::remove_dir_all(&dir).unwrap();
    let checker = Checker::with_catalogue(catalogue.unwrap());
    let report = checker
        .check(&Subject::parse("acme-nc-1.0"), &Context::default_assumed())
        .unwrap();
    assert_eq!(report.licence.id.as_deref(), Some("acme-nc-1.0"));
    assert_eq!(report.verdict, Verdict::Blocked);
    // The embedded licences are still there.
    let llama = checker.check(&Subject::parse("llama-3.3"), &Context::default_assumed());
    assert_eq!(llama.unwrap().licence.id.as_deref(), Some("llama-3.3"));
    assert!(twice.is_ok());
}

#[test]
fn an_own_licence_may_not_take_an_embedded_id() {
    let dir = std::env::temp_dir().join(format!("model-licence-clash-{}", std::process::id()));
    let folder = dir.join("mit");
    std::fs::create_dir_all(&folder).unwrap();
    let source = common::root().join("licences/mit");
    for file in ["terms.json", "LICENSE.txt"] {
        std::fs::copy(source.join(file), folder.join(file)).unwrap();
    }
    let loaded = Catalogue::embedded_with(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(loaded, Err(Error::Catalogue { .. })));
}

/// A Rust tool can read the command line's JSON back: every report reads into `Report` and is
/// written again byte for byte.
#[test]
fn the_command_lines_json_reads_back_into_a_report() {
    let cases: [&[&str]; 7] = [
        &["llama-3.3"],
        &[
            "llama-3.3",
            "--context",
            "fixtures/contexts/big-platform.json",
        ],
        &["fixtures/modified/llama-3.3-70-million.md"],
        &["fixtures/unseen/dbrx/LICENSE.txt"],
        &["fixtures/models/example-org__Llama-3.1-8B-Hermes-Instruct-SLERP"],
        &["fixtures/models/folders/meta-llama__Llama-3.2-1B-Instruct"],
        &[
            "cc-by-nc-4.0",
            "--policy",
            "fixtures/policies/exceptions.toml",
        ],
    ];
    for args in cases {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        let out = common::run(&all);
        let printed = common::stdout(&out);
        let report = Report::from_json(&printed).unwrap_or_else(|err| panic!("{args:?}: {err}"));
        assert_eq!(format!("{}\n", report.to_json()), printed, "{args:?}");
    }
}

/// One checker serves many threads: it is cheap to clone and shares its catalogue.
#[test]
fn a_checker_is_shared_between_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Checker>();
    let checker = Checker::new();
    let verdicts: Vec<Verdict> = std::thread::scope(|scope| {
        let handles: Vec<_> = ["mit", "llama-3.3", "cc-by-nc-4.0"]
            .into_iter()
            .map(|id| {
                let checker = &checker;
                scope.spawn(move || {
                    checker
                        .check(&Subject::parse(id), &Context::default_assumed())
                        .map(|report| report.verdict)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap().unwrap())
            .collect()
    });
    assert_eq!(verdicts.len(), 3);
    assert_eq!(verdicts[2], Verdict::Blocked);
}
