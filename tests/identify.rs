//! Identification of the real catalogue texts, in every dress, and of texts that are not in the
//! catalogue.

mod common;

use model_licence::{Catalogue, identify_text};

fn catalogue() -> &'static Catalogue {
    Catalogue::embedded().expect("the embedded catalogue loads")
}

fn identified(text: &str) -> Option<String> {
    identify_text(catalogue(), text)
        .licence
        .map(|l| l.id.clone())
}

type Variant = fn(&str) -> String;

const FORMAT_VARIANTS: [(&str, Variant); 4] = [
    ("crlf", common::crlf),
    ("rewrap-72", common::rewrap_72),
    ("markdown-to-plain", common::markdown_to_plain),
    ("html", common::html),
];

#[test]
fn every_licence_text_is_identified_as_itself_exactly() {
    for licence in catalogue().licences() {
        let found = identify_text(catalogue(), licence.text);
        assert_eq!(
            found.licence.map(|l| l.id.as_str()),
            Some(licence.id.as_str())
        );
        assert!(found.exact, "{} should take the exact path", licence.id);
        assert_eq!(found.confidence, 1.0);
    }
}

#[test]
fn format_only_changes_keep_the_identity_and_full_confidence() {
    for licence in catalogue().licences() {
        for (name, variant) in FORMAT_VARIANTS {
            let text = variant(licence.text);
            let found = identify_text(catalogue(), &text);
            assert_eq!(
                found.licence.map(|l| l.id.as_str()),
                Some(licence.id.as_str()),
                "{} as {name}",
                licence.id
            );
            assert!(
                found.confidence >= 0.97,
                "{} as {name}: confidence {}",
                licence.id,
                found.confidence
            );
            // A plain-text `<https://…>` is read as markup and dropped; the same URL escaped in
            // HTML is read as words. The words are the original's own, so they are no extra text.
            let extra: Vec<&(usize, usize)> = found
                .extra_spans
                .iter()
                .filter(|&&(s, e)| !licence.text.contains(&format!("<{}", &text[s..e])))
                .collect();
            assert!(
                extra.is_empty(),
                "{} as {name}: extra text {:?}",
                licence.id,
                found
                    .extra_spans
                    .iter()
                    .map(|&(s, e)| &text[s..e])
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn licence_followed_by_its_use_policy_is_the_licence() {
    for licence in catalogue().licences() {
        let Some(policy) = licence.policy_text else {
            continue;
        };
        let combined = format!("{}\n\n{}", licence.text, policy);
        let found = identify_text(catalogue(), &combined);
        assert_eq!(
            found.licence.map(|l| l.id.as_str()),
            Some(licence.id.as_str())
        );
        assert!(!found.policy_only, "{}", licence.id);
        assert!(
            found.extra_spans.is_empty(),
            "{}: the policy is not extra text",
            licence.id
        );
    }
}

#[test]
fn a_use_policy_alone_is_recognised_as_its_licence_companion() {
    for licence in catalogue().licences() {
        let Some(policy) = licence.policy_text else {
            continue;
        };
        let found = identify_text(catalogue(), policy);
        assert_eq!(
            found.licence.map(|l| l.id.as_str()),
            Some(licence.id.as_str())
        );
        assert!(found.policy_only, "{}", licence.id);
    }
}

/// Near-identical versions: each pair is told apart in both directions, and the text's own
/// version wins by a clear margin over its sibling.
#[test]
fn near_identical_versions_are_told_apart() {
    let families: [&[&str]; 4] = [
        &[
            "llama-2",
            "llama-3",
            "llama-3.1",
            "llama-3.2",
            "llama-3.3",
            "llama-4",
        ],
        &["qwen", "qwen-research"],
        &["mistral-mrl", "mistral-mnpl"],
        &[
            "creativeml-openrail-m",
            "openrail-pp-m",
            "bigscience-bloom-rail-1.0",
        ],
    ];
    for family in families {
        for a in family {
            let text = catalogue().get(a).expect(a).text;
            // Lightly edited and re-wrapped, so the exact path cannot decide: only the words can.
            let edited = common::rewrap_72(&common::edit_lightly(text));
            let found = identify_text(catalogue(), &edited);
            assert!(!found.exact, "{a}: the edit must defeat the exact path");
            assert_eq!(found.licence.map(|l| l.id.as_str()), Some(*a), "{a} edited");
            for b in family.iter().filter(|b| *b != a) {
                let other = identify_text(catalogue(), catalogue().get(b).expect(b).text);
                assert_ne!(
                    other.licence.map(|l| l.id.as_str()),
                    Some(*a),
                    "{b} taken for {a}"
                );
            }
        }
    }
}

/// Llama 3.1 and 3.3 differ mostly in their version names; a copy of 3.3 whose version
/// strings were all edited to 3.1 is, word for word, 3.1's text with 3.3's formatting.
#[test]
fn llama_versions_differ_in_their_terms_not_only_their_names() {
    let c = catalogue();
    let t31 = &c.get("llama-3.1").unwrap().terms().terms;
    let t32 = &c.get("llama-3.2").unwrap().terms().terms;
    let t3 = &c.get("llama-3").unwrap().terms().terms;
    assert!(t31.territory_exclusions.is_empty());
    assert_eq!(t32.territory_exclusions.len(), 1);
    assert_ne!(t3.output_training, t31.output_training);
}

#[test]
fn unrelated_licences_are_not_forced_onto_the_catalogue() {
    for file in ["texts/mpl-2.0.txt", "texts/unlicense.txt"] {
        let text = common::read(&common::fixture(file));
        let found = identify_text(catalogue(), &text);
        assert_eq!(found.licence.map(|l| l.id.as_str()), None, "{file}");
        assert!(found.confidence < 0.5, "{file}: {}", found.confidence);
    }
}

#[test]
fn prose_is_no_licence() {
    let text = common::read(&common::fixture("texts/readme-prose.md"));
    assert_eq!(identified(&text), None);
}

#[test]
fn a_licence_with_an_added_paragraph_keeps_its_identity_and_shows_the_addition() {
    let text = catalogue().get("apache-2.0").unwrap().text;
    let added = "You may not use the Work in any product offered in France or Spain.";
    let edited = format!("{text}\n\n{added}\n");
    let found = identify_text(catalogue(), &edited);
    assert_eq!(found.licence.map(|l| l.id.as_str()), Some("apache-2.0"));
    let extra: Vec<&str> = found
        .extra_spans
        .iter()
        .map(|&(s, e)| &edited[s..e])
        .collect();
    // "You may not use" also stands in Apache-2.0 itself, so the span may start later.
    assert_eq!(extra.len(), 1, "{extra:?}");
    assert!(
        extra[0].ends_with("any product offered in France or Spain"),
        "{extra:?}"
    );
}

#[test]
fn a_halved_licence_is_not_identified() {
    let text = catalogue().get("llama-3.3").unwrap().text;
    let half = &text[..text.len() / 2];
    let cut = half.char_indices().last().map_or(0, |(i, _)| i);
    assert_eq!(identified(&half[..cut]), None);
}
