//! SPDX, fully: expressions as subjects (the most favourable alternative for the context, named
//! in a note), every id of the SPDX licence list resolving (the catalogue's curated terms, or
//! the generic terms of its category with a review), and SPDX ids and expressions in policies.
//! The categories themselves are tested in `src/generic.rs`.

mod common;

use model_licence::parts::LicenceKind;
use model_licence::{Catalogue, Checker, Context, Origin, Policy, Report, Subject, Verdict};

fn check(subject: &str) -> model_licence::Result<Report> {
    Checker::new().check(&Subject::parse(subject), &Context::default_assumed())
}

fn verdict_and_licence(subject: &str) -> (Verdict, Option<String>) {
    let report = check(subject).unwrap_or_else(|e| panic!("{subject}: {e}"));
    (report.verdict, report.licence.id)
}

#[test]
fn expressions_are_evaluated_and_the_choice_is_named() {
    let cases = [
        ("MIT OR Apache-2.0", Verdict::Permitted, Some("mit")),
        ("apache-2.0 or mit", Verdict::Permitted, Some("apache-2.0")),
        (
            "(Apache-2.0 AND CC-BY-NC-4.0) OR MIT",
            Verdict::Permitted,
            Some("mit"),
        ),
        ("Apache-2.0 AND CC-BY-NC-4.0", Verdict::Blocked, None),
        (
            "CC-BY-NC-4.0 OR llama3.1",
            Verdict::PermittedWithObligations,
            Some("llama-3.1"),
        ),
        (
            "CC-BY-NC-4.0 OR LicenseRef-acme-private",
            Verdict::NeedsReview,
            None,
        ),
        (
            "CC-BY-NC-4.0 AND LicenseRef-acme-private",
            Verdict::Blocked,
            None,
        ),
    ];
    for (subject, verdict, licence) in cases {
        assert_eq!(
            verdict_and_licence(subject),
            (verdict, licence.map(str::to_string)),
            "{subject}"
        );
    }
    let report = check("(Apache-2.0 AND CC-BY-NC-4.0) OR MIT").expect("checks");
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("`MIT` is the most favourable")
                && n.contains("`Apache-2.0 AND CC-BY-NC-4.0` (blocked)")),
        "{:?}",
        report.notes
    );
}

#[test]
fn malformed_expressions_are_errors() {
    for subject in ["MIT AND", "(MIT OR Apache-2.0", "MIT OR OR ISC"] {
        assert!(check(subject).is_err(), "{subject}");
    }
    let out = common::run(&["check", "MIT AND"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Every id of the SPDX list resolves, and none the catalogue does not curate ever passes: a
/// generic licence is reviewed, or blocked where its category forbids what the context does.
#[test]
fn every_spdx_id_resolves_and_no_generic_licence_passes() {
    let catalogue = Catalogue::embedded().expect("catalogue");
    let mut generic = 0;
    for license in spdx::identifiers::LICENSES {
        let resolved = catalogue
            .resolve(license.name)
            .unwrap_or_else(|e| panic!("{}: {e}", license.name));
        if resolved.licence.kind != LicenceKind::Generic {
            continue;
        }
        generic += 1;
        let (verdict, _) = verdict_and_licence(license.name);
        assert!(
            matches!(verdict, Verdict::NeedsReview | Verdict::Blocked),
            "{}: {verdict:?}",
            license.name
        );
    }
    assert!(generic > 500, "{generic} generic licences");
}

#[test]
fn policies_take_spdx_ids_and_expressions() {
    let policy = Policy::from_toml(
        "[licences]\nallow = [\"MIT OR Apache-2.0\", \"X11\"]\ndeny = [\"CC-BY-NC-SA-3.0\"]\n",
        Origin::Memory("policy".into()),
    )
    .expect("a valid policy");
    assert!(policy.allow.iter().any(|id| id == "mit"));
    assert!(policy.allow.iter().any(|id| id == "apache-2.0"));
    assert!(policy.allow.iter().any(|id| id == "x11"));
    assert!(policy.deny.iter().any(|id| id == "cc-by-nc-sa-3.0"));
    let wrong = Policy::from_toml(
        "[licences]\nallow = [\"MIT OR LicenseRef-nobody\"]\n",
        Origin::Memory("policy".into()),
    );
    assert!(wrong.is_err());
}
