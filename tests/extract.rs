//! Clause extraction against the curated catalogue: on every catalogue text, the terms read from
//! the clauses must equal the terms curated by hand, field by field, except where the catalogue
//! records that extraction reads a term differently (`extraction_differs`), where they must equal
//! that record.

mod common;

use model_licence::{Catalogue, extract_terms, terms::TermName};

fn catalogue() -> &'static Catalogue {
    Catalogue::embedded().expect("the embedded catalogue loads")
}

/// The text a licensee holds: the licence, followed by its use policy where that is separate.
fn full_text(licence: &model_licence::Licence) -> String {
    match licence.policy_text {
        Some(policy) => format!("{}\n\n{}", licence.text, policy),
        None => licence.text.to_string(),
    }
}

fn field(terms: &model_licence::terms::Terms, name: TermName) -> serde_json::Value {
    let all = serde_json::to_value(terms).expect("terms serialise");
    all[name.as_str()].clone()
}

#[test]
fn extraction_agrees_with_the_curated_terms_on_every_catalogue_text() {
    let mut mismatches = Vec::new();
    let mut fields = 0;
    for licence in catalogue().licences() {
        let extracted = extract_terms(&full_text(licence));
        fields += TermName::ALL.len();
        // Where the catalogue records that extraction reads a term differently, extraction must
        // read exactly what is recorded.
        let mut expected = licence.terms().terms.clone();
        for difference in licence.extraction_differs() {
            expected = difference
                .applied_to(&expected)
                .unwrap_or_else(|e| panic!("{}: {e}", licence.id));
        }
        for name in expected.differing_fields(&extracted.backed.terms) {
            let curated = field(&expected, name);
            let read = field(&extracted.backed.terms, name);
            mismatches.push(format!(
                "{} {}: curated {curated}, extracted {read}",
                licence.id,
                name.as_str()
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {fields} fields disagree:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

type Variant = fn(&str) -> String;

fn in_a_readme(text: &str) -> String {
    format!(
        "# Example-7B\n\nA 7B chat model fine-tuned for support tickets.\n\n## Usage\n\nLoad it with your favourite runtime.\n\n## License\n\n{text}\n\n## Citation\n\nPlease cite the model card.\n"
    )
}

const FORMAT_VARIANTS: [(&str, Variant); 5] = [
    ("crlf", common::crlf),
    ("rewrap-72", common::rewrap_72),
    ("markdown-to-plain", common::markdown_to_plain),
    ("html", common::html),
    ("readme-section", in_a_readme),
];

/// Format-only changes never change the terms read.
#[test]
fn extraction_ignores_format() {
    let mut differences = Vec::new();
    for licence in catalogue().licences() {
        let original = extract_terms(&full_text(licence)).backed.terms;
        for (name, variant) in FORMAT_VARIANTS {
            let terms = extract_terms(&variant(&full_text(licence))).backed.terms;
            for term in original.differing_fields(&terms) {
                let (a, b) = (field(&original, term), field(&terms, term));
                differences.push(format!(
                    "{} as {name}: {}: {a} became {b}",
                    licence.id,
                    term.as_str()
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Every clause cited is the text's own bytes, and every term a clause set cites one.
#[test]
fn extracted_evidence_is_the_texts_own_bytes() {
    for licence in catalogue().licences() {
        let text = full_text(licence);
        let extracted = extract_terms(&text);
        for (term, clauses) in &extracted.backed.evidence {
            for ev in clauses {
                assert_eq!(&text[ev.start..ev.end], ev.text, "{} {term:?}", licence.id);
                assert!(
                    !ev.text.trim().is_empty(),
                    "{} {term:?}: empty clause",
                    licence.id
                );
            }
        }
        let t = &extracted.backed.terms;
        let must_cite = [
            (TermName::UserThreshold, t.user_threshold.is_some()),
            (TermName::RevenueThreshold, t.revenue_threshold.is_some()),
            (
                TermName::TerritoryExclusions,
                !t.territory_exclusions.is_empty(),
            ),
            (TermName::Attribution, t.attribution.is_some()),
            (TermName::Notice, t.notice.is_some()),
            (TermName::UsePolicy, t.use_policy),
            (TermName::FlowDown, t.flow_down),
            (TermName::LicenceCopy, t.licence_copy),
        ];
        for (term, set) in must_cite {
            if set {
                assert!(
                    !extracted.backed.evidence_for(term).is_empty(),
                    "{} {term:?} has no clause",
                    licence.id
                );
            }
        }
    }
}
