//! Edited copies of real licences (`fixtures/modified/`) and format-only variants
//! (`fixtures/format/`): an edit that changes a term shows as that term, taken from the text,
//! with a review; a change of format changes nothing.

mod common;

use std::collections::BTreeSet;

use common::check;
use model_licence::{Catalogue, Context, Report, Rule, Severity, Verdict, terms::TermName};

fn report(path: &str) -> Report {
    check(path, &Context::default_assumed(), &common::DEFAULT_CONTEXT)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn changed_fields(report: &Report, id: &str) -> BTreeSet<&'static str> {
    let catalogue = Catalogue::embedded().expect("catalogue");
    let curated = &catalogue.get(id).expect("catalogue id").terms().terms;
    curated
        .differing_fields(&report.licence.terms)
        .into_iter()
        .map(TermName::as_str)
        .collect()
}

const MODIFIED: &[(&str, &str, &[&str])] = &[
    ("llama-3.3-70-million.md", "llama-3.3", &["user_threshold"]),
    (
        "stability-community-5m-revenue.txt",
        "stability-community",
        &["revenue_threshold"],
    ),
    (
        "llama-3.1-no-attribution.txt",
        "llama-3.1",
        &["attribution"],
    ),
    (
        "gemma-no-flow-down.txt",
        "gemma",
        &["flow_down", "derivatives"],
    ),
    ("qwen-10-million.txt", "qwen", &["user_threshold"]),
    ("llama-3-no-output-ban.txt", "llama-3", &["output_training"]),
    (
        "mit-non-commercial.txt",
        "mit",
        &[
            "commercial_use",
            "derivatives",
            "output_training",
            "hosting",
        ],
    ),
    (
        "apache-2.0-plus-eu-ban.txt",
        "apache-2.0",
        &["territory_exclusions"],
    ),
    (
        "tencent-hunyuan-plus-japan.txt",
        "tencent-hunyuan",
        &["territory_exclusions"],
    ),
];

#[test]
fn edits_that_change_terms_are_taken_from_the_text_and_reviewed() {
    for &(file, id, fields) in MODIFIED {
        let path = format!("fixtures/modified/{file}");
        let report = report(&path);
        assert_eq!(report.licence.id.as_deref(), Some(id), "{file}");
        let expected: BTreeSet<&str> = fields.iter().copied().collect();
        assert_eq!(changed_fields(&report, id), expected, "{file}");
        assert_ne!(report.verdict, Verdict::Permitted, "{file}");
        assert_ne!(report.verdict, Verdict::PermittedWithObligations, "{file}");
        for field in fields {
            let reported = report.findings.iter().any(|f| {
                f.rule == Rule::ModifiedLicence
                    && f.severity == Severity::Review
                    && f.message.contains(&format!("`{field}`"))
            });
            assert!(reported, "{file}: no modified-licence finding for {field}");
        }
    }
}

/// A changed term is said in words a reviewer reads, not as JSON.
#[test]
fn a_changed_term_is_said_in_words() {
    let llama = report("fixtures/modified/llama-3.3-70-million.md");
    let finding = llama
        .findings
        .iter()
        .find(|f| f.rule == Rule::ModifiedLicence && f.message.contains("`user_threshold`"))
        .expect("a modified-licence finding on the user threshold");
    assert!(
        finding.message.contains(
            "reads \"70,000,000 monthly active users\" here, where the published licence reads \"700,000,000 monthly active users\""
        ),
        "{}",
        finding.message
    );
    assert!(!finding.message.contains('{'), "{}", finding.message);
}

#[test]
fn the_changed_values_are_the_texts() {
    use model_licence::terms::{RevenueThreshold, TerritoryBasis, UserThreshold};
    let llama = report("fixtures/modified/llama-3.3-70-million.md");
    assert_eq!(
        llama.licence.terms.user_threshold,
        Some(UserThreshold::MonthlyActiveUsers(70_000_000))
    );
    let stability = report("fixtures/modified/stability-community-5m-revenue.txt");
    assert_eq!(
        stability.licence.terms.revenue_threshold,
        Some(RevenueThreshold {
            annual_revenue_usd: 5_000_000
        })
    );
    let hunyuan = report("fixtures/modified/tencent-hunyuan-plus-japan.txt");
    assert!(
        hunyuan
            .licence
            .terms
            .territory_exclusions
            .iter()
            .any(|e| e.region == "JP")
    );
    let apache = report("fixtures/modified/apache-2.0-plus-eu-ban.txt");
    let eu = &apache.licence.terms.territory_exclusions;
    assert!(
        eu.iter()
            .any(|e| e.region == "EU" && e.basis == TerritoryBasis::Market),
        "{eu:?}"
    );
    let llama31 = report("fixtures/modified/llama-3.1-no-attribution.txt");
    assert_eq!(llama31.licence.terms.attribution, None);
}

/// A raised threshold is taken from the text: a company between the two levels is blocked by
/// the edited text, not waved through by the catalogue's.
#[test]
fn a_lowered_threshold_blocks_between_the_two_levels() {
    let mut ctx = Context::default_assumed();
    ctx.organisation.monthly_active_users = Some(80_000_000);
    let report = check(
        "fixtures/modified/llama-3.3-70-million.md",
        &ctx,
        &common::GIVEN_CONTEXT,
    )
    .unwrap();
    assert_eq!(report.verdict, Verdict::Blocked);
}

#[test]
fn a_term_from_the_use_policy_is_not_dropped_when_the_policy_is_absent() {
    let report = report("fixtures/modified/llama-3.2-licence-only-edited.txt");
    assert_eq!(report.licence.id.as_deref(), Some("llama-3.2"));
    assert!(changed_fields(&report, "llama-3.2").is_empty());
    assert_eq!(
        report.licence.terms.territory_exclusions.len(),
        1,
        "the EU clause stays"
    );
    let territory = report
        .licence
        .clauses
        .get(&TermName::TerritoryExclusions)
        .expect("clauses");
    assert!(territory.iter().any(|e| e.document == "llama-3.2-aup"));
    // The absent policy is no change; the one edited word in the disclaimer is, and it is the
    // only one: quoted from this file, with its offsets.
    let text = std::fs::read_to_string("fixtures/modified/llama-3.2-licence-only-edited.txt")
        .expect("fixture");
    let reviews: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::ModifiedLicence && f.severity == Severity::Review)
        .collect();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    let quoted: Vec<&str> = reviews[0]
        .evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(quoted, ["OR"]);
    let evidence = &reviews[0].evidence[0];
    assert_eq!(&text[evidence.start..evidence.end], "OR");
    assert!(
        reviews[0].message.contains("\"and\""),
        "{}",
        reviews[0].message
    );
}

/// A licence pasted into a README is the licence, but the README's own prose around it is text
/// the catalogue cannot account for: it is reviewed, quoted from the file, and changes no term.
#[test]
fn prose_around_a_licence_in_a_readme_is_reviewed() {
    let by_text = report("fixtures/format/qwen-in-readme.md");
    assert_eq!(by_text.licence.id.as_deref(), Some("qwen"));
    assert!(changed_fields(&by_text, "qwen").is_empty());
    assert_eq!(by_text.verdict, Verdict::NeedsReview);
    let review = by_text
        .findings
        .iter()
        .find(|f| f.rule == Rule::ModifiedLicence && f.severity == Severity::Review)
        .expect("a modified-licence review");
    assert!(
        review
            .evidence
            .iter()
            .any(|e| e.text.contains("A mirror of the Qwen-7B-Chat weights")),
        "{review:?}"
    );
}

const FORMAT: &[(&str, &str)] = &[
    ("llama-3.1-wrapped-72.txt", "llama-3.1"),
    ("llama-3.3-plain.txt", "llama-3.3"),
    ("llama-3.3.html", "llama-3.3"),
    ("gemma-crlf.txt", "gemma"),
    ("llama-3.1-with-policy.md", "llama-3.1"),
];

#[test]
fn format_changes_change_nothing() {
    for &(file, id) in FORMAT {
        let path = format!("fixtures/format/{file}");
        let by_text = report(&path);
        let by_id = report(id);
        assert_eq!(by_text.licence.id.as_deref(), Some(id), "{file}");
        assert!(
            changed_fields(&by_text, id).is_empty(),
            "{file}: {:?}",
            changed_fields(&by_text, id)
        );
        assert_eq!(by_text.verdict, by_id.verdict, "{file}");
        let reviews: Vec<&str> = by_text
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Review)
            .map(|f| f.message.as_str())
            .collect();
        assert!(reviews.is_empty(), "{file}: {reviews:?}");
        for finding in &by_text.findings {
            for ev in &finding.evidence {
                if ev.document == "licence" {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert_eq!(&text[ev.start..ev.end], ev.text, "{file}");
                }
            }
        }
    }
}
