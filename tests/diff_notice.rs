//! `diff` and `notice` on the catalogue's licences and the fixtures: the library functions and
//! the command line.

mod common;

use common::{fixture, json, read, run, stdout};
use model_licence::diff::{ClauseKind, LicenceDiff, TermsFrom, diff};
use model_licence::notice::{TextKind, notice};
use model_licence::terms::{TermName, TerritoryScope};
use model_licence::{Catalogue, Checker, Context, Exit, Region, Subject, Verdict};

fn diff_of(a: &str, b: &str) -> LicenceDiff {
    diff(&Checker::new(), &Subject::parse(a), &Subject::parse(b))
        .unwrap_or_else(|e| panic!("{a} vs {b}: {e}"))
}

fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

fn changed_terms(diff: &LicenceDiff) -> Vec<TermName> {
    diff.terms.iter().map(|t| t.term).collect()
}

/// Every clause of a diff is the text at its offsets, in its side's licence or policy text.
fn assert_offsets_hold(diff: &LicenceDiff) {
    let texts = |policy: bool| {
        if policy {
            (diff.a.policy_text.clone(), diff.b.policy_text.clone())
        } else {
            (Some(diff.a.text.clone()), Some(diff.b.text.clone()))
        }
    };
    for (changes, policy) in [(&diff.clauses, false), (&diff.policy_clauses, true)] {
        let (a_text, b_text) = texts(policy);
        for change in changes {
            for (clause, text) in [(&change.a, &a_text), (&change.b, &b_text)] {
                if let (Some(clause), Some(text)) = (clause, text) {
                    assert_eq!(&text[clause.start..clause.end], clause.text, "{change:?}");
                }
            }
        }
    }
}

#[test]
fn llama_3_to_3_1_allows_output_training_on_conditions() {
    let diff = diff_of("llama-3", "llama-3.1");
    assert_eq!(diff.a.terms_from, TermsFrom::Catalogue);
    // What the curated terms record: the ban on improving other models became a naming
    // condition, and the Llama 3 names became "Llama".
    assert_eq!(
        changed_terms(&diff),
        [
            TermName::Derivatives,
            TermName::Attribution,
            TermName::Notice,
            TermName::OutputTraining
        ]
    );
    let output = &diff.terms[3];
    assert_eq!(output.a.words, "prohibited");
    assert_eq!(output.b.words, "conditional");
    let catalogue = Catalogue::embedded().unwrap();
    let (old, new) = (
        catalogue.get("llama-3").unwrap(),
        catalogue.get("llama-3.1").unwrap(),
    );
    let before = &output.a.evidence[0];
    assert!(
        before
            .text
            .contains("to improve any other large language model")
    );
    assert_eq!(&old.text[before.start..before.end], before.text);
    let after = &output.b.evidence[0];
    assert!(
        after
            .text
            .contains("any outputs or results of the Llama Materials to create, train")
    );
    assert_eq!(&new.text[after.start..after.end], after.text);
    // The ban's clause is gone from the licence text; the policy llama-3 carries inline is
    // compared with the policies, not reported as removed licence clauses.
    let removed: Vec<&str> = diff
        .clauses
        .iter()
        .filter(|c| c.kind == ClauseKind::Removed)
        .filter_map(|c| c.a.as_ref().map(|a| a.text.as_str()))
        .collect();
    assert!(
        removed
            .iter()
            .any(|t| t.contains("to improve any other large language model"))
    );
    assert!(!removed.iter().any(|t| t.contains("Violence or terrorism")));
    assert!(diff.notes.iter().any(|n| n.contains("use policy")));
    assert_offsets_hold(&diff);
}

#[test]
fn llama_3_1_to_3_2_adds_the_eu_exclusion_for_multimodal_models_in_its_use_policy() {
    let diff = diff_of("llama-3.1", "llama-3.2");
    assert_eq!(
        changed_terms(&diff),
        [TermName::TerritoryExclusions, TermName::Notice]
    );
    let territory = &diff.terms[0];
    assert!(territory.a.evidence.is_empty());
    assert_eq!(territory.b.value[0]["region"], "EU");
    assert_eq!(territory.b.value[0]["scope"], "multimodal");
    let clause = &territory.b.evidence[0];
    assert_eq!(clause.document, "llama-3.2-aup");
    assert!(
        clause
            .text
            .contains("principal place of business in, the European Union")
    );
    // The clause-level view of the policies shows it added, with its offsets in POLICY.txt.
    let policy = diff.b.policy_text.as_deref().unwrap();
    let added = diff
        .policy_clauses
        .iter()
        .find(|c| {
            c.kind == ClauseKind::Added
                && c.b
                    .as_ref()
                    .is_some_and(|b| b.text.contains("With respect to any multimodal models"))
        })
        .expect("the EU clause is an added policy clause");
    let b = added.b.as_ref().unwrap();
    assert_eq!(&policy[b.start..b.end], b.text);
    // The licence texts differ only in names, dates and addresses: no clause is added or removed.
    assert!(
        diff.clauses.iter().all(|c| c.kind == ClauseKind::Reworded),
        "{:?}",
        diff.clauses
    );
    assert_offsets_hold(&diff);
    let _ = TerritoryScope::Multimodal;
}

#[test]
fn format_only_copies_differ_in_nothing() {
    for (file, id) in [
        ("format/gemma-crlf.txt", "gemma"),
        ("format/llama-3.1-with-policy.md", "llama-3.1"),
        ("format/llama-3.1-wrapped-72.txt", "llama-3.1"),
        ("format/llama-3.3-plain.txt", "llama-3.3"),
        ("format/llama-3.3.html", "llama-3.3"),
    ] {
        let diff = diff_of(&path(file), id);
        assert!(
            diff.is_empty(),
            "{file}: {:?} {:?}",
            diff.terms,
            diff.clauses
        );
        assert_eq!(diff.a.terms_from, TermsFrom::Text);
        assert_eq!(diff.a.licence.as_deref(), Some(id), "{file}");
    }
}

#[test]
fn a_licence_inside_a_readme_shows_the_readme_prose_as_added() {
    let diff = diff_of("qwen", &path("format/qwen-in-readme.md"));
    assert!(diff.terms.is_empty());
    assert!(!diff.clauses.is_empty());
    assert!(diff.clauses.iter().all(|c| c.kind == ClauseKind::Added));
    assert_offsets_hold(&diff);
}

/// Each edited copy changes exactly the terms `fixtures/modified/README.md` lists.
#[test]
fn edited_copies_show_exactly_the_terms_they_change() {
    use TermName::*;
    let cases: [(&str, &str, &[TermName], ClauseKind); 10] = [
        (
            "llama-3.3-70-million.md",
            "llama-3.3",
            &[UserThreshold],
            ClauseKind::Reworded,
        ),
        (
            "stability-community-5m-revenue.txt",
            "stability-community",
            &[RevenueThreshold],
            ClauseKind::Reworded,
        ),
        (
            "llama-3.1-no-attribution.txt",
            "llama-3.1",
            &[Attribution],
            ClauseKind::Removed,
        ),
        (
            "gemma-no-flow-down.txt",
            "gemma",
            &[Derivatives, FlowDown],
            ClauseKind::Removed,
        ),
        (
            "qwen-10-million.txt",
            "qwen",
            &[UserThreshold],
            ClauseKind::Reworded,
        ),
        (
            "llama-3-no-output-ban.txt",
            "llama-3",
            &[OutputTraining],
            ClauseKind::Removed,
        ),
        (
            "mit-non-commercial.txt",
            "mit",
            &[CommercialUse, Derivatives, OutputTraining, Hosting],
            ClauseKind::Added,
        ),
        (
            "apache-2.0-plus-eu-ban.txt",
            "apache-2.0",
            &[TerritoryExclusions],
            ClauseKind::Added,
        ),
        (
            "tencent-hunyuan-plus-japan.txt",
            "tencent-hunyuan",
            &[TerritoryExclusions],
            ClauseKind::Reworded,
        ),
        (
            "llama-3.2-licence-only-edited.txt",
            "llama-3.2",
            &[],
            ClauseKind::Reworded,
        ),
    ];
    for (file, id, terms, kind) in cases {
        let diff = diff_of(id, &path(&format!("modified/{file}")));
        assert_eq!(changed_terms(&diff), terms, "{file}");
        assert!(!diff.clauses.is_empty(), "{file}");
        assert!(
            diff.clauses.iter().all(|c| c.kind == kind),
            "{file}: {:?}",
            diff.clauses
        );
        assert_eq!(diff.b.licence.as_deref(), Some(id), "{file}");
        assert_offsets_hold(&diff);
    }
    // The one edited word, quoted from both texts.
    let edited = diff_of(
        "llama-3.2",
        &path("modified/llama-3.2-licence-only-edited.txt"),
    );
    let change = &edited.clauses[0];
    assert!(
        change
            .a
            .as_ref()
            .unwrap()
            .text
            .contains("EXPRESS AND IMPLIED")
    );
    assert!(
        change
            .b
            .as_ref()
            .unwrap()
            .text
            .contains("EXPRESS OR IMPLIED")
    );
}

#[test]
fn a_model_folder_is_its_licence_file_and_use_policy() {
    let folder = path("models/folders/meta-llama__Llama-3.2-1B-Instruct");
    let diff = diff_of(&folder, "llama-3.2");
    assert!(
        diff.is_empty(),
        "{:?} {:?}",
        diff.terms,
        diff.policy_clauses
    );
    assert!(diff.a.path.ends_with("LICENSE.txt"));
    assert!(
        diff.a
            .policy_path
            .as_deref()
            .is_some_and(|p| p.ends_with("USE_POLICY.md"))
    );
    // Against another version, the folder's own files are what is compared.
    let older = diff_of(&folder, "llama-3.1");
    assert_eq!(
        changed_terms(&older),
        [TermName::TerritoryExclusions, TermName::Notice]
    );
    assert_offsets_hold(&older);
}

#[test]
fn a_folder_without_a_licence_file_stands_for_its_card_s_licence() {
    let diff = diff_of(&path("models/meta-llama__Llama-3.1-8B"), "llama-3.1");
    assert!(diff.is_empty());
    assert_eq!(diff.a.terms_from, TermsFrom::Catalogue);
    assert!(diff.notes.iter().any(|n| n.contains("has no licence file")));
}

#[test]
fn what_is_not_a_licence_is_an_error() {
    let checker = Checker::new();
    let unknown = diff(
        &checker,
        &Subject::parse("llama-33"),
        &Subject::parse("llama"),
    );
    assert!(unknown.is_err());
    let card = Subject::CardText("---\nlicense: mit\n---\n".into());
    let err = diff(&checker, &card, &Subject::parse("mit")).unwrap_err();
    assert!(
        err.to_string().contains("a diff compares licences"),
        "{err}"
    );
}

#[test]
fn two_models_under_one_licence_share_one_entry_and_one_copy_of_its_texts() {
    let subjects = [
        Subject::parse("llama-3.3"),
        Subject::parse("meta-llama/Llama-3.3-70B-Instruct"),
    ];
    let notice = notice(&Checker::new(), &subjects, &Context::default_assumed()).unwrap();
    assert_eq!(notice.exit, Exit::Permitted);
    assert_eq!(notice.licences.len(), 1);
    let llama = &notice.licences[0];
    assert_eq!(llama.subjects.len(), 2);
    let value = |d: &Option<model_licence::notice::Duty>| d.as_ref().and_then(|d| d.value.clone());
    assert_eq!(
        value(&llama.attribution).as_deref(),
        Some("Built with Llama")
    );
    assert_eq!(value(&llama.naming).as_deref(), Some("Llama"));
    assert_eq!(
        value(&llama.notice).as_deref(),
        Some(
            "Llama 3.3 is licensed under the Llama 3.3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."
        )
    );
    assert!(llama.use_policy.is_some() && llama.licence_copy.is_some());
    assert!(llama.flow_down.is_none());
    let catalogue = Catalogue::embedded().unwrap();
    let licence = catalogue.get("llama-3.3").unwrap();
    assert_eq!(notice.texts.len(), 2);
    assert_eq!(notice.texts[0].text, licence.text);
    assert_eq!(Some(notice.texts[1].text.as_str()), licence.policy_text);
    assert_eq!(notice.texts[1].kind, TextKind::UsePolicy);
}

#[test]
fn gemma_s_use_restrictions_flow_down_as_an_enforceable_provision() {
    let notice = notice(
        &Checker::new(),
        &[Subject::parse("gemma")],
        &Context::default_assumed(),
    )
    .unwrap();
    let gemma = &notice.licences[0];
    let flow_down = gemma.flow_down.as_ref().expect("a flow-down duty");
    assert!(
        flow_down.clauses[0]
            .text
            .contains("as an enforceable provision")
    );
    let notice_line = gemma.notice.as_ref().and_then(|d| d.value.as_deref());
    assert_eq!(
        notice_line,
        Some(
            "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms"
        )
    );
}

/// A text's words, lower-case, for comparing a value with the clause that quotes it.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Quote, don't invent: every string a notice fixes is in the clauses it cites, for every
/// catalogue licence.
#[test]
fn every_string_of_a_notice_is_quoted_from_its_licence() {
    let catalogue = Catalogue::embedded().unwrap();
    let checker = Checker::new();
    for licence in catalogue.licences() {
        let notice = notice(
            &checker,
            &[Subject::parse(&licence.id)],
            &Context::default_assumed(),
        )
        .unwrap();
        for entry in &notice.licences {
            for duty in [&entry.notice, &entry.attribution, &entry.naming]
                .into_iter()
                .flatten()
            {
                let value = duty.value.as_deref().unwrap();
                assert!(
                    duty.clauses
                        .iter()
                        .any(|c| words(&c.text).contains(&words(value))),
                    "{}: `{value}` is in none of {:?}",
                    licence.id,
                    duty.clauses
                );
            }
        }
        assert_eq!(notice.texts[0].text, licence.text, "{}", licence.id);
    }
}

#[test]
fn a_blocked_subject_fails_the_notice() {
    let mut context = Context::default_assumed();
    context.organisation.domicile = Some(Region::parse("DE").unwrap());
    context.deployment.modalities = Some(vec![model_licence::Modality::Vision]);
    let subjects = [Subject::parse("mit"), Subject::parse("llama-3.2")];
    let notice = notice(&Checker::new(), &subjects, &context).unwrap();
    assert_eq!(notice.exit, Exit::Blocked);
    assert_eq!(notice.subjects[0].verdict, Verdict::Permitted);
    assert_eq!(notice.subjects[1].verdict, Verdict::Blocked);
    assert!(notice.subjects[1].reasons[0].starts_with("territory (blocked)"));
}

#[test]
fn an_edited_copy_needs_review_and_ships_its_own_text() {
    let subject = Subject::parse(&path("modified/llama-3.3-70-million.md"));
    let notice = notice(&Checker::new(), &[subject], &Context::default_assumed()).unwrap();
    assert_eq!(notice.exit, Exit::NeedsReview);
    let names: Vec<&str> = notice.texts.iter().map(|t| t.name.as_str()).collect();
    assert!(names[0].ends_with("llama-3.3-70-million.md"), "{names:?}");
    assert!(!names.contains(&"licences/llama-3.3/LICENSE.txt"));
    assert!(names.contains(&"licences/llama-3.3/POLICY.txt"));
}

#[test]
fn a_model_folder_ships_its_licence_and_notice_files() {
    let folder = path("adversarial-models/acme__notice-attribution");
    let notice = notice(
        &Checker::new(),
        &[Subject::parse(&folder)],
        &Context::default_assumed(),
    )
    .unwrap();
    assert_eq!(notice.exit, Exit::Permitted);
    let kinds: Vec<(TextKind, bool)> = notice
        .texts
        .iter()
        .map(|t| (t.kind, t.name.starts_with(&folder)))
        .collect();
    assert_eq!(kinds, [(TextKind::Licence, true), (TextKind::Notice, true)]);
    assert_eq!(
        notice.texts[1].text,
        read(&fixture(
            "adversarial-models/acme__notice-attribution/NOTICE"
        ))
    );
}

#[test]
fn the_command_line_diffs_in_three_formats() {
    let human = run(&["diff", "llama-3", "llama-3.1"]);
    assert_eq!(human.status.code(), Some(0));
    let text = stdout(&human);
    assert!(
        text.contains("output_training: prohibited -> conditional"),
        "{text}"
    );
    let out = run(&["diff", "llama-3.1", "llama-3.2", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let value = json(&out);
    assert_eq!(value["terms"][0]["term"], "territory_exclusions");
    assert_eq!(value["a"]["terms_from"], "catalogue");
    let markdown = stdout(&run(&[
        "diff",
        "llama-3.1",
        "llama-3.2",
        "--format",
        "markdown",
    ]));
    assert!(markdown.starts_with("# Licence diff\n"));
    assert!(markdown.contains("| `territory_exclusions` | none |"));
    let bad = run(&["diff", "llama-33", "llama-3.1"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_command_line_writes_notices_and_fails_on_a_blocked_model() {
    let out = run(&["notice", "llama-3.3", "gemma"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("THIRD-PARTY MODEL NOTICES\n"));
    assert!(text.contains("\n    Built with Llama\n"));
    assert!(text.contains("\nlicences/gemma/POLICY.txt\n"));
    let json_out = run(&["notice", "llama-3.3", "--format", "json"]);
    assert_eq!(
        json(&json_out)["licences"][0]["attribution"]["value"],
        "Built with Llama"
    );
    let markdown = stdout(&run(&["notice", "mit", "--format", "markdown"]));
    assert!(markdown.starts_with("# Third-party model notices\n"));
    let blocked = run(&[
        "notice",
        "llama-3.2",
        "--domicile",
        "DE",
        "--modality",
        "vision",
    ]);
    assert_eq!(blocked.status.code(), Some(1));
    assert!(stdout(&blocked).starts_with("THIRD-PARTY MODEL NOTICES\n\nBLOCKED: llama-3.2\n"));
    let review = run(&["notice", "fixtures/modified/llama-3.3-70-million.md"]);
    assert_eq!(review.status.code(), Some(3));
    assert_eq!(run(&["notice"]).status.code(), Some(2));
}

#[test]
fn goldens() {
    let diff = diff_of("llama-3.1", "llama-3.2");
    insta::assert_snapshot!(
        "diff_llama_3_1_to_3_2_human",
        model_licence::render::diff_human(&diff)
    );
    let notice = notice(
        &Checker::new(),
        &[Subject::parse("mit"), Subject::parse("apache-2.0")],
        &Context::default_assumed(),
    )
    .unwrap();
    insta::assert_snapshot!(
        "notice_mit_apache_text",
        model_licence::render::notice_text(&notice)
    );
}
