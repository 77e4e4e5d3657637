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

/// The terms `extract_terms` reads from a text of `fixtures/`.
fn fixture_terms(rel: &str) -> model_licence::terms::Terms {
    extract_terms(&common::read(&common::fixture(rel)))
        .backed
        .terms
}

/// Round 28's misses (session 24), read by general rules and checked on the real texts (the
/// round's own bar test stays ignored below 95%): a licence named after a colon in a code
/// block, a citation in a fenced block, a duty list in the Creative Commons mould that names no
/// credit, a quoted notice beside a named credit, and personal data as a harmful use.
#[test]
fn round_28s_misses_are_read_by_general_rules() {
    use model_licence::terms::{CommercialUse, Hosting, Redistribution};
    // "... are released under:" over "```text Creative Commons Attribution-NonCommercial 4.0
    // International ...": the licence adopted, with its NonCommercial element and its link owed.
    let sr = fixture_terms("unseen28/sr-diffusion-checkpoints-cc-by-nc/LICENSE.txt");
    assert_eq!(sr.commercial_use, CommercialUse::NonCommercial);
    assert_eq!(sr.derivatives.redistribution, Redistribution::Conditional);
    assert!(sr.licence_copy);
    // "... or if not available by citing:" over a fenced citation: the citation is the credit.
    let onera = fixture_terms("unseen28/deepnetsforeo-onera-weights-cc-by-nc-sa/LICENSE.txt");
    assert_eq!(
        onera.attribution.as_deref(),
        Some(
            "Nicolas Audebert, Bertrand Le Saux and Sébastien Lefèvre \"Semantic Segmentation of \
             Earth Observation Data Using Multimodal and ,Multi-scale Deep Networks\", Asian \
             Conference on Computer Vision, 2016."
        )
    );
    // "A. retain the following if it is supplied by the Licensor ...:" introduces notices and
    // is no credit; "include the text of, or the URI or hyperlink to, this License" owes a copy.
    let owkin = fixture_terms("unseen28/owkin-phikon-non-profit-licence/LICENSE.txt");
    assert_eq!(owkin.attribution, None);
    assert!(owkin.licence_copy);
    // The notice to include word for word, not the name credited in the sentence before it.
    let raml = fixture_terms("unseen28/reactive-ai-raml-nc-sa/LICENSE.txt");
    assert_eq!(
        raml.attribution.as_deref(),
        Some(
            "This model is based on the Reactive Transformer Architecture (Patent #P.453260) by \
             Reactive AI."
        )
    );
    // "Do not use AMD AI to collect, process, or disclose personal data ... without the
    // necessary rights or consents" is a use policy's harm, not a limit on serving.
    let instella = fixture_terms("unseen28/instella-amd-research-only-rail-ms/LICENSE.txt");
    assert_eq!(instella.hosting, Hosting::Allowed);
    assert!(instella.use_policy);
}

/// Round 29's fields read more permissively than the text when measured blind (session 25),
/// read by general rules and checked on the real texts (the round's own bar test stays ignored
/// below 95%): a Creative Commons note narrowed by "may only be used for ... research", a
/// restriction inherited by recipients, a commercial use applied for by e-mail (in Chinese) or
/// after information given to the licensor (in Korean), a community licence named in Chinese and
/// not quoted, the Apache License 2.0 named for the model in Chinese, a credit listed under a
/// Japanese introduction, and a ban on commercial purposes after a list of acts.
#[test]
fn round_29s_misses_are_read_by_general_rules() {
    use model_licence::terms::{CommercialUse, Hosting, OutputTraining};
    // "... may only be used for non-commercial, academic research purposes": no service.
    let sem = fixture_terms("unseen29/sem-vlm-weights-cc-by-nc-nd/LICENSE.txt");
    assert_eq!(sem.hosting, Hosting::RequiresLicence);
    // "Licensee shall include effective provisions to mandatorily inherit all restrictions ...
    // to the recipient"; "shall not use, copy, ... or display the Model for commercial purpose".
    let sarashina = fixture_terms("unseen29/sarashina-sb-intuitions-noncommercial/LICENSE.txt");
    assert!(sarashina.flow_down);
    assert_eq!(sarashina.commercial_use, CommercialUse::NonCommercial);
    // "开发者只需通过电子邮件申请并获得官方商业许可即可免费商业使用": registration; "需要遵守 [Apache
    // 2.0](...) 和 [TransNormerLLM 模型社区许可证](...)": its copy owed, outputs left to the
    // community licence, which is not quoted.
    let tnl = fixture_terms("unseen29/transnormerllm-readme-zh/LICENSE.txt");
    assert!(tnl.registration);
    assert!(tnl.licence_copy);
    assert_eq!(tnl.output_training, OutputTraining::Unknown);
    // "아래 활용 정보를 ETRI 언어지능연구실에 제공한 협약자만이 상업적 사용권을 가진다".
    let et5 = fixture_terms("unseen29/et5-etri-korean-model-licence/LICENSE.txt");
    assert!(et5.registration);
    // "以下のクレジットを記載してください：" over the two lines of the credit.
    let tsukuyomi = fixture_terms("unseen29/tsukuyomichan-llm-ja-model-terms/LICENSE.txt");
    let credit = tsukuyomi.attribution.expect("the credit listed");
    assert!(credit.contains("yukiharada1228/tsukuyomichan-llm-jp-3.1-1.8b-instruct4-GGUF"));
    assert!(credit.contains("キャラクター: つくよみちゃん"));
}

/// Round 30's fields read more permissively than the text when measured blind (session 26),
/// read by general rules on the real texts: a speech model's use bound to telling listeners the
/// speech is synthesized or to consenting voices, publishing research made with the work bound
/// to the licensor's licence (in Chinese), a GNU licence the text is an addendum to (in Chinese),
/// a Japanese credit introduction ending on a full stop over its list; and a Korean README's
/// Creative Commons licence, narrowed to education and research, with a ban on unlawful purposes.
#[test]
fn round_30s_misses_are_read_by_general_rules() {
    use model_licence::terms::{CommercialUse, Hosting, Redistribution};
    // "you agree to inform the listeners that the speech samples are synthesized ...".
    let styletts = fixture_terms("unseen30/styletts2-pretrained-models-readme/LICENSE.txt");
    assert!(styletts.use_policy);
    // "在封闭获取或作者付费场所发表需要 _事先_ 获得我们的单独书面许可协议"; "本 FAQ 作为 [GNU Affero
    // 通用公共许可证（AGPL）](license.zh.md)（“许可证”）的附录".
    let multimolecule = fixture_terms("unseen30/multimolecule-licence-faq-zh/LICENSE.txt");
    assert!(multimolecule.use_policy);
    assert!(multimolecule.licence_copy);
    // "生成音声を公開する際は、必ず以下のクレジット表記を明確にしてください。" over two lines.
    let vits = fixture_terms("unseen30/style-bert-vits2-notice-ja/LICENSE.txt");
    let credit = vits.attribution.expect("the credit listed");
    assert!(
        credit.contains("小春音アミ、あみたろの声素材工房"),
        "{credit}"
    );
    assert!(
        credit.contains("Style-BertVITS2モデル: あみたろ"),
        "{credit}"
    );
    // "모델은 `CC BY-NC 4.0` 라이선스로 공개되었습니다. 이 모델은 교육 및 연구 목적으로만 사용되며,
    // 상업적 또는 불법적 목적으로 사용되어서는 안 됩니다."
    let chattts = fixture_terms("unseen30/chattts-readme-ko/LICENSE.txt");
    assert_eq!(chattts.commercial_use, CommercialUse::NonCommercial);
    assert_eq!(
        chattts.derivatives.redistribution,
        Redistribution::Conditional
    );
    assert_eq!(chattts.hosting, Hosting::RequiresLicence);
    assert!(chattts.use_policy);
}

/// Round 31's one text so far (CodeShell's Chinese README, a near sibling of round 29's
/// TransNormerLLM whose rules missed it blind): a commercial licence granted after review is a
/// registration, the Apache License 2.0 named after the model's own licence owes its copy, and
/// the model licence named and not quoted binds use.
#[test]
fn round_31s_misses_are_read_by_general_rules() {
    let codeshell = fixture_terms("unseen31/codeshell-readme-zh/LICENSE.txt");
    assert!(codeshell.registration);
    assert!(codeshell.licence_copy);
    assert!(codeshell.use_policy);
}

/// The new phrasings are no catch-all: a credit introduction that names nothing to follow, and
/// a speech disclosure that is a statement of the authors, read nothing (each beside the real
/// text that reads the duty).
#[test]
fn round_30s_rules_read_only_what_they_name() {
    let vits = common::read(&common::fixture(
        "unseen30/style-bert-vits2-notice-ja/LICENSE.txt",
    ));
    // The introduction without "以下の" (the following): the list after it is no credit.
    let bare = vits.replace(
        "必ず以下のクレジット表記を明確にしてください。",
        "必ずクレジット表記を明確にしてください。",
    );
    assert_ne!(bare, vits);
    assert_eq!(extract_terms(&bare).backed.terms.attribution, None);
    let styletts = common::read(&common::fixture(
        "unseen30/styletts2-pretrained-models-readme/LICENSE.txt",
    ));
    // The authors telling what their demo page holds binds no user.
    let said = styletts
        .replace(
            "you agree to inform the listeners that the speech samples are synthesized by the pre-trained models, unless you have the permission to use the voice you synthesize",
            "we have put the samples on our demo page",
        )
        .replace(
            "you agree to only use voices whose speakers grant the permission to have their voice cloned, either directly or by license before making synthesized voices public, or you have to publicly announce that these voices are synthesized if you do not have the permission to use these voices",
            "the demo page lists every voice",
        );
    assert_ne!(said, styletts);
    assert!(!extract_terms(&said).backed.terms.use_policy);
}

/// A list under an introduction that names no credit ("must include:") may list duties, not
/// words to display: it is no credit, where the same list under "the following credit:" is.
#[test]
fn a_list_is_the_credit_only_under_an_introduction_that_names_one() {
    let text = common::read(&common::fixture(
        "unseen29/deepcgm-weights-cc-by-nc/LICENSE.txt",
    ));
    assert_eq!(extract_terms(&text).backed.terms.attribution, None);
    let list = "\n- a copy of this licence\n- the NOTICE file of the repository\n";
    let duties = format!("{text}\nAny redistribution of the weights must include:\n{list}");
    assert_eq!(extract_terms(&duties).backed.terms.attribution, None);
    let credit = format!(
        "{text}\nAny redistribution of the weights must include the following credit:\n{list}"
    );
    assert_eq!(
        extract_terms(&credit).backed.terms.attribution.as_deref(),
        Some("- a copy of this licence - the NOTICE file of the repository")
    );
}
