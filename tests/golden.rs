//! Golden reports: the full JSON and human output for representative subjects, kept as insta
//! snapshots in `tests/snapshots/`. A change to any report shows up as a reviewed diff.

mod common;

use common::check;
use model_licence::{Context, ContextSource, Limits, Origin};

fn context(file: Option<&str>) -> (Context, ContextSource) {
    match file {
        None => (Context::default_assumed(), common::DEFAULT_CONTEXT),
        Some(file) => {
            let ctx = Context::from_file(std::path::Path::new(file), Limits::DEFAULT).expect(file);
            (ctx, common::GIVEN_CONTEXT)
        }
    }
}

fn report(subject: &str, context_file: Option<&str>) -> model_licence::Report {
    let (ctx, options) = context(context_file);
    check(subject, &ctx, &options).unwrap_or_else(|e| panic!("{subject}: {e}"))
}

#[test]
fn llama_default_json() {
    insta::assert_snapshot!(report("llama", None).to_json());
}

#[test]
fn llama_default_human() {
    insta::assert_snapshot!(report("llama", None).to_human(false));
}

#[test]
fn llama_3_2_eu_vision_startup_json() {
    insta::assert_snapshot!(
        report(
            "llama-3.2",
            Some("fixtures/contexts/eu-vision-startup.json")
        )
        .to_json()
    );
}

#[test]
fn big_platform_on_llama_3_3_human() {
    insta::assert_snapshot!(
        report("llama-3.3", Some("fixtures/contexts/big-platform.json")).to_human(false)
    );
}

#[test]
fn research_lab_on_mistral_mrl_json() {
    insta::assert_snapshot!(
        report("mistral-mrl", Some("fixtures/contexts/research-lab.json")).to_json()
    );
}

#[test]
fn unknown_licence_text_json() {
    insta::assert_snapshot!(report("fixtures/texts/mpl-2.0.txt", None).to_json());
}

#[test]
fn modified_llama_threshold_json() {
    insta::assert_snapshot!(report("fixtures/modified/llama-3.3-70-million.md", None).to_json());
}

#[test]
fn apache_with_an_added_clause_human() {
    insta::assert_snapshot!(
        report("fixtures/modified/apache-2.0-plus-eu-ban.txt", None).to_human(false)
    );
}

#[test]
fn rewrapped_llama_3_1_is_unchanged_json() {
    insta::assert_snapshot!(report("fixtures/format/llama-3.1-wrapped-72.txt", None).to_json());
}

#[test]
fn coloured_human_output_only_when_asked() {
    let report = report("llama-3.3", Some("fixtures/contexts/big-platform.json"));
    assert!(
        report
            .to_human(true)
            .contains("\x1b[1m\x1b[31mBLOCKED\x1b[0m")
    );
    assert!(!report.to_human(false).contains('\x1b'));
}

#[test]
fn context_from_memory_names_its_origin_in_errors() {
    let err = Context::from_json(
        "{\"deployment\":{\"markets\":[\"ZZ\"]}}",
        Origin::Memory("inline".into()),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("<inline>: context field `deployment.markets[0]`"),
        "{err}"
    );
}
