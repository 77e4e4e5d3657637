//! SPDX, fully: expressions as subjects (the most favourable alternative for the context, named
//! in a note), every id of the SPDX licence list resolving (the catalogue's curated terms, or
//! the generic terms of its category with a review), and SPDX ids and expressions in policies.

mod common;

use model_licence::generic::{Category, category, terms};
use model_licence::{
    Catalogue, CheckOptions, Context, LicenceKind, Origin, Policy, Verdict, check,
};

fn verdict_and_licence(subject: &str) -> (Verdict, Option<String>) {
    let report = check(
        subject,
        &Context::default_assumed(),
        &CheckOptions::DEFAULT_CONTEXT,
    )
    .unwrap_or_else(|e| panic!("{subject}: {e}"));
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
    let report = check(
        "(Apache-2.0 AND CC-BY-NC-4.0) OR MIT",
        &Context::default_assumed(),
        &CheckOptions::DEFAULT_CONTEXT,
    )
    .expect("checks");
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
        assert!(
            check(
                subject,
                &Context::default_assumed(),
                &CheckOptions::DEFAULT_CONTEXT
            )
            .is_err(),
            "{subject}"
        );
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

/// The categories agree with the terms curated by hand for the SPDX licences the catalogue
/// holds: on commercial use, sharing derivatives and keeping the licence, a category's generic
/// terms are what the curated ones say, and never more permissive.
#[test]
fn categories_agree_with_the_curated_spdx_licences() {
    let catalogue = Catalogue::embedded().expect("catalogue");
    let mut compared = 0;
    for licence in catalogue.licences() {
        let Some(id) = spdx::license_id(&licence.spdx) else {
            continue;
        };
        let category = category(id);
        if category == Category::Unknown {
            // Unknown generic terms are never more permissive: nothing to compare.
            continue;
        }
        let generic = terms(category);
        let curated = &licence.terms.terms;
        assert_eq!(
            generic.commercial_use, curated.commercial_use,
            "{}",
            licence.spdx
        );
        assert_eq!(
            generic.derivatives.redistribution, curated.derivatives.redistribution,
            "{}",
            licence.spdx
        );
        assert_eq!(
            generic.licence_copy, curated.licence_copy,
            "{}",
            licence.spdx
        );
        compared += 1;
    }
    assert!(compared >= 20, "{compared} curated SPDX licences compared");
}

#[test]
fn categories_follow_the_id() {
    let of = |name: &str| category(spdx::license_id(name).expect(name));
    assert_eq!(
        of("CC-BY-NC-SA-3.0"),
        Category::NonCommercial {
            no_derivatives: false
        }
    );
    assert_eq!(
        of("CC-BY-NC-ND-3.0"),
        Category::NonCommercial {
            no_derivatives: true
        }
    );
    assert_eq!(of("CC-BY-ND-2.0"), Category::NoDerivatives);
    assert_eq!(of("LGPL-3.0-or-later"), Category::WeakCopyleft);
    assert_eq!(of("AGPL-3.0-or-later"), Category::StrongCopyleft);
    assert_eq!(of("Unlicense"), Category::PublicDomain);
    assert_eq!(of("X11"), Category::Permissive);
    assert_eq!(of("PolyForm-Small-Business-1.0.0"), Category::Unknown);
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
