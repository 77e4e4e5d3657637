//! Table-driven scenarios: a catalogue licence, a deployment, the verdict, and the findings that
//! must be there, each checked against the clause of the real text it quotes.
//!
//! Each expectation is `(rule, severity, phrase)`: a finding of that rule and severity whose
//! evidence quotes `phrase` from the licence or its policy (for `missing-fact`, `phrase` is the
//! missing field).

mod common;

use common::check;
use model_licence::{Catalogue, Context, Modality, Region, Rule, Severity, Verdict};

struct Case {
    name: &'static str,
    licence: &'static str,
    set: fn(&mut Context),
    verdict: Verdict,
    expect: &'static [(Rule, Severity, &'static str)],
}

use Rule as R;
use Severity as S;
use Verdict as V;

fn region(code: &str) -> Region {
    Region::parse(code).expect("valid region")
}

fn nothing(_: &mut Context) {}

const CASES: &[Case] = &[
    // ---- Llama: the 700M gate, version by version ----
    Case {
        name: "llama-3.3 default context: attribution and use policy",
        licence: "llama-3.3",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[
            (R::Attribution, S::Obligation, "Built with Llama"),
            (R::UsePolicy, S::Obligation, "Acceptable Use Policy"),
            (R::UserThreshold, S::Info, "700 million"),
        ],
    },
    Case {
        name: "llama-3.3 above 700M monthly users is blocked",
        licence: "llama-3.3",
        set: |c| c.organisation.monthly_active_users = Some(800_000_000),
        verdict: V::Blocked,
        expect: &[(
            R::UserThreshold,
            S::Blocked,
            "greater than 700 million monthly active users",
        )],
    },
    Case {
        name: "llama-3.3 at exactly 700M is not above it",
        licence: "llama-3.3",
        set: |c| c.organisation.monthly_active_users = Some(700_000_000),
        verdict: V::PermittedWithObligations,
        expect: &[(R::UserThreshold, S::Info, "700 million")],
    },
    Case {
        name: "llama-2 above 700M is blocked",
        licence: "llama-2",
        set: |c| c.organisation.monthly_active_users = Some(701_000_000),
        verdict: V::Blocked,
        expect: &[(R::UserThreshold, S::Blocked, "700 million monthly active")],
    },
    Case {
        name: "llama-3 above 700M is blocked",
        licence: "llama-3",
        set: |c| c.organisation.monthly_active_users = Some(1_000_000_000),
        verdict: V::Blocked,
        expect: &[(R::UserThreshold, S::Blocked, "700 million")],
    },
    Case {
        name: "llama-4 above 700M is blocked",
        licence: "llama-4",
        set: |c| c.organisation.monthly_active_users = Some(750_000_000),
        verdict: V::Blocked,
        expect: &[(R::UserThreshold, S::Blocked, "700 million")],
    },
    Case {
        name: "llama-3.3 with unknown users needs review",
        licence: "llama-3.3",
        set: |c| c.organisation.monthly_active_users = None,
        verdict: V::NeedsReview,
        expect: &[(
            R::MissingFact,
            S::Review,
            "organisation.monthly_active_users",
        )],
    },
    // ---- Llama: the EU clause for multimodal models (3.2 and later, in the use policy) ----
    Case {
        name: "llama-3.2 EU company with a vision model is blocked",
        licence: "llama-3.2",
        set: |c| {
            c.organisation.domicile = Some(region("DE"));
            c.deployment.modalities = Some(vec![Modality::Vision]);
        },
        verdict: V::Blocked,
        expect: &[(
            R::Territory,
            S::Blocked,
            "principal place of business in, the European Union",
        )],
    },
    Case {
        // The exclusion follows the model, not the deployment: a text-only use of a vision
        // model is still excluded, and the licence alone does not say which model is used.
        name: "llama-3.2 EU company, text-only deployment, model unknown, is reviewed",
        licence: "llama-3.2",
        set: |c| {
            c.organisation.domicile = Some(region("DE"));
            c.deployment.modalities = Some(vec![Modality::Text]);
        },
        verdict: V::NeedsReview,
        expect: &[(
            R::Territory,
            S::Review,
            "multimodal models included in Llama 3.2",
        )],
    },
    Case {
        name: "llama-3.2 US company serving EU users with vision is not blocked",
        licence: "llama-3.2",
        set: |c| {
            c.deployment.markets = Some(vec![region("DE"), region("US")]);
            c.deployment.modalities = Some(vec![Modality::Vision]);
        },
        verdict: V::PermittedWithObligations,
        expect: &[(R::Territory, S::Info, "domiciled in")],
    },
    Case {
        name: "llama-3.1 has no EU clause",
        licence: "llama-3.1",
        set: |c| {
            c.organisation.domicile = Some(region("FR"));
            c.deployment.modalities = Some(vec![Modality::Vision]);
        },
        verdict: V::PermittedWithObligations,
        expect: &[(R::Attribution, S::Obligation, "Built with Llama")],
    },
    Case {
        name: "llama-4 French company generating images is blocked",
        licence: "llama-4",
        set: |c| {
            c.organisation.domicile = Some(region("FR"));
            c.deployment.modalities = Some(vec![Modality::Image, Modality::Text]);
        },
        verdict: V::Blocked,
        expect: &[(R::Territory, S::Blocked, "European Union")],
    },
    Case {
        name: "llama-3.3 domicile given as EU with vision is blocked",
        licence: "llama-3.3",
        set: |c| {
            c.organisation.domicile = Some(region("EU"));
            c.deployment.modalities = Some(vec![Modality::Vision]);
        },
        verdict: V::Blocked,
        expect: &[(R::Territory, S::Blocked, "European Union")],
    },
    Case {
        // The model's modality, not the deployment's, decides; the licence alone does not
        // name the model, so the exclusion is reviewed.
        name: "llama-3.3 EU company, model unknown, needs review",
        licence: "llama-3.3",
        set: |c| {
            c.organisation.domicile = Some(region("IT"));
            c.deployment.modalities = None;
        },
        verdict: V::NeedsReview,
        expect: &[(
            R::Territory,
            S::Review,
            "multimodal models included in Llama 3.3",
        )],
    },
    Case {
        name: "llama-3.2 vision with unknown domicile needs review",
        licence: "llama-3.2",
        set: |c| {
            c.organisation.domicile = None;
            c.deployment.modalities = Some(vec![Modality::Vision]);
        },
        verdict: V::NeedsReview,
        expect: &[(R::MissingFact, S::Review, "organisation.domicile")],
    },
    // ---- Llama: outputs and derivatives ----
    Case {
        name: "llama-3 forbids training other models on outputs",
        licence: "llama-3",
        set: |c| c.deployment.train_on_outputs = Some(true),
        verdict: V::Blocked,
        expect: &[(
            R::OutputTraining,
            S::Blocked,
            "to improve any other large language model",
        )],
    },
    Case {
        name: "llama-2 forbids training other models on outputs",
        licence: "llama-2",
        set: |c| c.deployment.train_on_outputs = Some(true),
        verdict: V::Blocked,
        expect: &[(
            R::OutputTraining,
            S::Blocked,
            "improve any other large language model",
        )],
    },
    Case {
        name: "llama-3.1 allows training on outputs with a naming duty",
        licence: "llama-3.1",
        set: |c| c.deployment.train_on_outputs = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::OutputTraining,
            S::Obligation,
            "at the beginning of any such AI model name",
        )],
    },
    Case {
        name: "llama-3.3 allows training on outputs with a naming duty",
        licence: "llama-3.3",
        set: |c| c.deployment.train_on_outputs = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::OutputTraining,
            S::Obligation,
            "include “Llama” at the beginning",
        )],
    },
    Case {
        name: "llama-3.3 distributed fine-tune must start its name with Llama",
        licence: "llama-3.3",
        set: |c| {
            c.deployment.fine_tune = Some(true);
            c.deployment.distribute_derivatives = Some(true);
        },
        verdict: V::PermittedWithObligations,
        expect: &[
            (
                R::DerivativeNaming,
                S::Obligation,
                "include “Llama” at the beginning of any such AI model name",
            ),
            (
                R::LicenceCopy,
                S::Obligation,
                "provide a copy of this Agreement",
            ),
            (
                R::Derivatives,
                S::Obligation,
                "or any derivative works thereof",
            ),
        ],
    },
    Case {
        name: "llama-3 distributed fine-tune must start its name with Llama 3",
        licence: "llama-3",
        set: |c| {
            c.deployment.fine_tune = Some(true);
            c.deployment.distribute_derivatives = Some(true);
        },
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::DerivativeNaming,
            S::Obligation,
            "“Llama 3” at the beginning",
        )],
    },
    Case {
        name: "llama-3.3 redistributed weights carry the licence and the Notice file",
        licence: "llama-3.3",
        set: |c| c.deployment.distribute_weights = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::LicenceCopy,
            S::Obligation,
            "Llama 3.3 is licensed under the Llama 3.3 Community License",
        )],
    },
    Case {
        name: "llama-3.3 with a fine-tune whose sharing is unknown needs review",
        licence: "llama-3.3",
        set: |c| {
            c.deployment.fine_tune = None;
            c.deployment.distribute_derivatives = None;
        },
        verdict: V::NeedsReview,
        expect: &[(
            R::MissingFact,
            S::Review,
            "deployment.distribute_derivatives",
        )],
    },
    Case {
        name: "llama-3.3 with an empty context needs review",
        licence: "llama-3.3",
        set: |c| *c = Context::default(),
        verdict: V::NeedsReview,
        expect: &[
            (
                R::MissingFact,
                S::Review,
                "organisation.monthly_active_users",
            ),
            (R::MissingFact, S::Review, "deployment.commercial"),
        ],
    },
    // ---- Gemma ----
    Case {
        name: "gemma default: use policy binds",
        licence: "gemma",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[(R::UsePolicy, S::Obligation, "Prohibited Use Policy")],
    },
    Case {
        name: "gemma hosted for others: restrictions flow down",
        licence: "gemma",
        set: |c| c.deployment.hosting_as_service = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(R::FlowDown, S::Obligation, "use restrictions")],
    },
    Case {
        name: "gemma shared fine-tune: flow-down and Notice file",
        licence: "gemma",
        set: |c| {
            c.deployment.fine_tune = Some(true);
            c.deployment.distribute_derivatives = Some(true);
        },
        verdict: V::PermittedWithObligations,
        expect: &[
            (R::FlowDown, S::Obligation, "use restrictions"),
            (
                R::LicenceCopy,
                S::Obligation,
                "Gemma is provided under and subject to the Gemma Terms of Use",
            ),
        ],
    },
    // ---- Qwen ----
    Case {
        name: "qwen above 100M users is blocked",
        licence: "qwen",
        set: |c| c.organisation.monthly_active_users = Some(150_000_000),
        verdict: V::Blocked,
        expect: &[(
            R::UserThreshold,
            S::Blocked,
            "100 million monthly active users",
        )],
    },
    Case {
        name: "qwen below 100M users is permitted",
        licence: "qwen",
        set: |c| c.organisation.monthly_active_users = Some(50_000_000),
        verdict: V::Permitted,
        expect: &[(R::UserThreshold, S::Info, "100 million")],
    },
    Case {
        name: "qwen forbids improving other LLMs with outputs",
        licence: "qwen",
        set: |c| c.deployment.train_on_outputs = Some(true),
        verdict: V::Blocked,
        expect: &[(R::OutputTraining, S::Blocked, "large language model")],
    },
    Case {
        name: "qwen-research blocks commercial use",
        licence: "qwen-research",
        set: nothing,
        verdict: V::Blocked,
        expect: &[(R::CommercialUse, S::Blocked, "NON-COMMERCIAL")],
    },
    Case {
        name: "qwen-research for research shows Built with Qwen",
        licence: "qwen-research",
        set: |c| c.deployment.commercial = Some(false),
        verdict: V::PermittedWithObligations,
        expect: &[(R::Attribution, S::Obligation, "Built with Qwen")],
    },
    Case {
        name: "qwen-research with commercial use unknown needs review",
        licence: "qwen-research",
        set: |c| c.deployment.commercial = None,
        verdict: V::NeedsReview,
        expect: &[(R::MissingFact, S::Review, "deployment.commercial")],
    },
    // ---- Mistral ----
    Case {
        name: "mistral-mrl blocks commercial use",
        licence: "mistral-mrl",
        set: nothing,
        verdict: V::Blocked,
        expect: &[(R::CommercialUse, S::Blocked, "Research Purposes")],
    },
    Case {
        name: "mistral-mnpl blocks commercial use",
        licence: "mistral-mnpl",
        set: nothing,
        verdict: V::Blocked,
        expect: &[(R::CommercialUse, S::Blocked, "Non-Production")],
    },
    Case {
        name: "mistral-mrl research hosted for others is blocked",
        licence: "mistral-mrl",
        set: |c| {
            c.deployment.commercial = Some(false);
            c.deployment.hosting_as_service = Some(true);
        },
        verdict: V::Blocked,
        expect: &[(R::Hosting, S::Blocked, "")],
    },
    Case {
        name: "mistral-mnpl internal non-production use is permitted",
        licence: "mistral-mnpl",
        set: |c| c.deployment.commercial = Some(false),
        verdict: V::Permitted,
        expect: &[(R::CommercialUse, S::Info, "")],
    },
    // ---- DeepSeek and the RAIL family: use restrictions that flow down ----
    Case {
        name: "deepseek default: use restrictions bind",
        licence: "deepseek",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[(R::UsePolicy, S::Obligation, "")],
    },
    Case {
        name: "deepseek shared derivative passes restrictions on",
        licence: "deepseek",
        set: |c| c.deployment.distribute_derivatives = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(R::FlowDown, S::Obligation, "enforceable provision")],
    },
    Case {
        name: "creativeml-openrail-m redistribution passes restrictions on",
        licence: "creativeml-openrail-m",
        set: |c| c.deployment.distribute_weights = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(R::FlowDown, S::Obligation, "enforceable provision")],
    },
    Case {
        name: "bigscience-bloom-rail default: use restrictions bind",
        licence: "bigscience-bloom-rail-1.0",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[(R::UsePolicy, S::Obligation, "")],
    },
    Case {
        name: "openrail-pp-m hosted as a service passes restrictions on",
        licence: "openrail-pp-m",
        set: |c| c.deployment.hosting_as_service = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(R::FlowDown, S::Obligation, "")],
    },
    // ---- FLUX.1 [dev] ----
    Case {
        name: "flux-1-dev blocks commercial use",
        licence: "flux-1-dev-non-commercial",
        set: nothing,
        verdict: V::Blocked,
        expect: &[(R::CommercialUse, S::Blocked, "Non-Commercial Purpose")],
    },
    Case {
        name: "flux-1-dev forbids training competing models on outputs",
        licence: "flux-1-dev-non-commercial",
        set: |c| {
            c.deployment.commercial = Some(false);
            c.deployment.train_on_outputs = Some(true);
        },
        verdict: V::Blocked,
        expect: &[(R::OutputTraining, S::Blocked, "")],
    },
    Case {
        name: "flux-1-dev research hosted for others is blocked",
        licence: "flux-1-dev-non-commercial",
        set: |c| {
            c.deployment.commercial = Some(false);
            c.deployment.hosting_as_service = Some(true);
        },
        verdict: V::Blocked,
        expect: &[(R::Hosting, S::Blocked, "")],
    },
    // ---- Stability AI Community: the $1M revenue gate ----
    Case {
        name: "stability above USD 1M revenue is blocked",
        licence: "stability-community",
        set: |c| c.organisation.annual_revenue_usd = Some(2_000_000),
        verdict: V::Blocked,
        expect: &[(
            R::RevenueThreshold,
            S::Blocked,
            "USD $1,000,000 in annual revenue",
        )],
    },
    Case {
        name: "stability below USD 1M: register and display",
        licence: "stability-community",
        set: |c| c.organisation.annual_revenue_usd = Some(500_000),
        verdict: V::PermittedWithObligations,
        expect: &[
            (
                R::CommercialUse,
                S::Obligation,
                "You must register with Stability AI",
            ),
            (R::Attribution, S::Obligation, "Powered by Stability AI"),
        ],
    },
    Case {
        name: "stability with unknown revenue needs review",
        licence: "stability-community",
        set: |c| c.organisation.annual_revenue_usd = None,
        verdict: V::NeedsReview,
        expect: &[(R::MissingFact, S::Review, "organisation.annual_revenue_usd")],
    },
    Case {
        name: "stability forbids improving foundation models with outputs",
        licence: "stability-community",
        set: |c| c.deployment.train_on_outputs = Some(true),
        verdict: V::Blocked,
        expect: &[(R::OutputTraining, S::Blocked, "")],
    },
    // ---- Tencent Hunyuan: territory by domicile and market ----
    Case {
        name: "hunyuan UK company is blocked",
        licence: "tencent-hunyuan",
        set: |c| {
            c.organisation.domicile = Some(region("GB"));
            c.deployment.markets = Some(vec![region("GB")]);
        },
        verdict: V::Blocked,
        expect: &[(R::Territory, S::Blocked, "UNITED KINGDOM")],
    },
    Case {
        name: "hunyuan US company offering in South Korea is blocked",
        licence: "tencent-hunyuan",
        set: |c| c.deployment.markets = Some(vec![region("US"), region("KR")]),
        verdict: V::Blocked,
        expect: &[(R::Territory, S::Blocked, "SOUTH KOREA")],
    },
    Case {
        name: "hunyuan offered in France (an EU member) is blocked",
        licence: "tencent-hunyuan",
        set: |c| c.deployment.markets = Some(vec![region("FR")]),
        verdict: V::Blocked,
        expect: &[(R::Territory, S::Blocked, "EUROPEAN UNION")],
    },
    Case {
        name: "hunyuan offered in the US only is permitted with obligations",
        licence: "tencent-hunyuan",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[(R::UsePolicy, S::Obligation, "")],
    },
    Case {
        name: "hunyuan with unknown markets needs review",
        licence: "tencent-hunyuan",
        set: |c| c.deployment.markets = None,
        verdict: V::NeedsReview,
        expect: &[(R::MissingFact, S::Review, "deployment.markets")],
    },
    Case {
        name: "hunyuan above 100M users is blocked",
        licence: "tencent-hunyuan",
        set: |c| c.organisation.monthly_active_users = Some(200_000_000),
        verdict: V::Blocked,
        expect: &[(R::UserThreshold, S::Blocked, "100 million")],
    },
    // ---- Kimi K2 modified MIT: a display duty above a size ----
    Case {
        name: "kimi above 100M users must display Kimi K2",
        licence: "kimi-modified-mit",
        set: |c| c.organisation.monthly_active_users = Some(150_000_000),
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::Attribution,
            S::Obligation,
            "100 million monthly active users",
        )],
    },
    Case {
        name: "kimi for a small organisation is permitted",
        licence: "kimi-modified-mit",
        set: nothing,
        verdict: V::Permitted,
        expect: &[(R::Attribution, S::Info, "Kimi K2")],
    },
    Case {
        name: "kimi with USD 600M a year surely exceeds USD 20M a month",
        licence: "kimi-modified-mit",
        set: |c| c.organisation.annual_revenue_usd = Some(600_000_000),
        verdict: V::PermittedWithObligations,
        expect: &[(R::Attribution, S::Obligation, "20 million US dollars")],
    },
    Case {
        name: "kimi with USD 100M a year may exceed USD 20M in a month",
        licence: "kimi-modified-mit",
        set: |c| c.organisation.annual_revenue_usd = Some(100_000_000),
        verdict: V::NeedsReview,
        expect: &[(R::Attribution, S::Review, "monthly revenue")],
    },
    // ---- Registration and separate commercial licences ----
    Case {
        name: "glm-4 commercial use: register and display",
        licence: "glm-4",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[
            (R::CommercialUse, S::Obligation, "Complete registration"),
            (R::Attribution, S::Obligation, "Built with glm-4"),
        ],
    },
    Case {
        name: "yi commercial use needs a separate licence: review",
        licence: "yi",
        set: nothing,
        verdict: V::NeedsReview,
        expect: &[(R::CommercialUse, S::Review, "")],
    },
    // ---- NVIDIA ----
    Case {
        name: "nvidia open model default: use policy and Cosmos notice",
        licence: "nvidia-open-model",
        set: nothing,
        verdict: V::PermittedWithObligations,
        expect: &[(R::Attribution, S::Obligation, "Built on NVIDIA Cosmos")],
    },
    // ---- General open licences ----
    Case {
        name: "apache-2.0 default is permitted",
        licence: "apache-2.0",
        set: nothing,
        verdict: V::Permitted,
        expect: &[(R::CommercialUse, S::Info, "offer to sell, sell")],
    },
    Case {
        name: "mit redistributed keeps the notice",
        licence: "mit",
        set: |c| c.deployment.distribute_weights = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::LicenceCopy,
            S::Obligation,
            "permission notice shall be included",
        )],
    },
    Case {
        name: "cc-by-nc-4.0 blocks commercial use",
        licence: "cc-by-nc-4.0",
        set: nothing,
        verdict: V::Blocked,
        expect: &[(R::CommercialUse, S::Blocked, "NonCommercial purposes only")],
    },
    Case {
        name: "cc-by-nc-4.0 training on outputs is unclear: review",
        licence: "cc-by-nc-4.0",
        set: |c| {
            c.deployment.commercial = Some(false);
            c.deployment.train_on_outputs = Some(true);
        },
        verdict: V::NeedsReview,
        expect: &[(R::OutputTraining, S::Review, "")],
    },
    Case {
        name: "cc-by-sa-4.0 shared adaptations are share-alike",
        licence: "cc-by-sa-4.0",
        set: |c| c.deployment.distribute_derivatives = Some(true),
        verdict: V::PermittedWithObligations,
        expect: &[(
            R::Derivatives,
            S::Obligation,
            "with the same License Elements",
        )],
    },
    Case {
        name: "openmdw-1.0 default is permitted",
        licence: "openmdw-1.0",
        set: nothing,
        verdict: V::Permitted,
        expect: &[],
    },
];

#[test]
fn scenarios() {
    assert!(CASES.len() >= 48, "{} scenarios", CASES.len());
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let mut failures = Vec::new();
    for case in CASES {
        let mut context = Context::default_assumed();
        (case.set)(&mut context);
        let report = check(case.licence, &context, &common::GIVEN_CONTEXT)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let licence = catalogue.get(case.licence).expect("a catalogue id");
        if report.verdict != case.verdict {
            failures.push(format!(
                "{}: verdict {:?}, expected {:?}",
                case.name, report.verdict, case.verdict
            ));
        }
        for &(rule, severity, phrase) in case.expect {
            let hit = report.findings.iter().any(|f| {
                f.rule == rule
                    && f.severity == severity
                    && if rule == Rule::MissingFact {
                        f.fact.as_deref() == Some(phrase)
                    } else {
                        phrase.is_empty() || f.evidence.iter().any(|e| e.text.contains(phrase))
                    }
            });
            if !hit {
                failures.push(format!(
                    "{}: no {rule} {severity:?} finding citing {phrase:?}; findings: {:#?}",
                    case.name,
                    report
                        .findings
                        .iter()
                        .map(|f| (f.rule, f.severity, &f.message))
                        .collect::<Vec<_>>()
                ));
            }
        }
        // Every quoted clause is really in the text it names.
        for finding in &report.findings {
            for ev in &finding.evidence {
                let text = licence.document_text(&ev.document).expect("known document");
                assert_eq!(&text[ev.start..ev.end], ev.text, "{}", case.name);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing scenarios:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
