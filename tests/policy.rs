//! Organisation policies name licences the way people do: a family name stands for every
//! version, never silently for the newest, and an exception waives only what rests on the
//! licence it names.

mod common;

use common::{json, run};
use model_licence::{Origin, Policy};

fn blocking_rules(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "blocked")
        .map(|f| f["rule"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_family_name_in_deny_means_every_version() {
    let policy = Policy::from_file(
        &common::fixture("policies/family-deny.toml"),
        model_licence::Limits::DEFAULT,
    )
    .expect("the policy parses");
    for id in [
        "llama-2",
        "llama-3",
        "llama-3.1",
        "llama-3.2",
        "llama-3.3",
        "llama-4",
    ] {
        assert!(policy.deny.iter().any(|d| d == id), "{id} is denied");
        let out = run(&[
            "check",
            id,
            "--policy",
            "fixtures/policies/family-deny.toml",
            "--format",
            "json",
        ]);
        assert_eq!(out.status.code(), Some(1), "{id}");
        assert!(blocking_rules(&json(&out)).contains(&"policy-deny".to_string()));
    }
    let gemma = run(&[
        "check",
        "gemma",
        "--policy",
        "fixtures/policies/family-deny.toml",
    ]);
    assert_eq!(gemma.status.code(), Some(0), "gemma is not a Llama licence");
}

#[test]
fn a_family_without_versions_in_allow_means_each_member() {
    let policy = Policy::from_file(
        &common::fixture("policies/family-allow.toml"),
        model_licence::Limits::DEFAULT,
    )
    .expect("`mistral` names a family, not an unknown id");
    assert!(policy.allow.contains(&"mistral-mrl".to_string()));
    assert!(policy.allow.contains(&"mistral-mnpl".to_string()));
    let mit = run(&[
        "check",
        "mit",
        "--policy",
        "fixtures/policies/family-allow.toml",
        "--format",
        "json",
    ]);
    assert!(blocking_rules(&json(&mit)).contains(&"policy-not-allowed".to_string()));
    let mrl = run(&[
        "check",
        "mistral-mrl",
        "--policy",
        "fixtures/policies/family-allow.toml",
        "--format",
        "json",
    ]);
    assert!(!blocking_rules(&json(&mrl)).contains(&"policy-not-allowed".to_string()));
}

#[test]
fn an_exception_names_a_family_for_every_version() {
    let toml = "[[exceptions]]\nmodel = \"org/m\"\nlicence = \"llama\"\nreason = \"r\"\nexpires = \"2099-01-01\"\n";
    let policy = Policy::from_toml(toml, Origin::Memory("policy".into())).expect("parses");
    assert!(
        policy.exceptions[0].licences.len() >= 6,
        "{:?}",
        policy.exceptions[0].licences
    );
}

/// A merge of a Llama model and a non-commercial model: the exception for Llama 3.1 waives
/// nothing that rests on CC-BY-NC-4.0, so the commercial deployment stays blocked.
#[test]
fn an_exception_for_one_parent_of_a_merge_does_not_waive_the_other() {
    let out = run(&[
        "check",
        "fixtures/models-policy/example-org__Llama-3.1-Aya-8B-merge",
        "--policy",
        "fixtures/policies/merge-exception.toml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stdout(&out));
    let report = json(&out);
    assert!(blocking_rules(&report).contains(&"commercial-use".to_string()));
    let note = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "policy-exception")
        .expect("the exception is recorded");
    assert!(
        note["message"]
            .as_str()
            .expect("text")
            .contains("llama-3.1 only")
    );
    // Without the policy the same model is blocked for the same reason.
    let plain = run(&[
        "check",
        "fixtures/models-policy/example-org__Llama-3.1-Aya-8B-merge",
        "--format",
        "json",
    ]);
    assert!(blocking_rules(&json(&plain)).contains(&"commercial-use".to_string()));
}
