//! Checks the licences of open-weight AI models (Llama, Gemma, Qwen, Mistral, FLUX, and the
//! open licences models use): identifies a licence, reads its terms, each backed by the clause
//! it comes from, evaluates them against how you deploy the model, and gives a verdict —
//! `permitted`, `permitted_with_obligations`, `needs_review` or `blocked` — with the findings
//! behind it. The command line (`model-licence check ...`) is documented in the README; this
//! page is about the library.
//!
//! # Checking a licence or a model
//!
//! A [`Checker`] holds the catalogue of licences; [`Checker::check`] takes a [`Subject`] (what
//! to check) and a [`Context`] (how the model is deployed) and returns a [`Report`].
//!
//! ```
//! use model_licence::{Checker, Context, Region, Rule, Severity, Subject, Verdict};
//!
//! let checker = Checker::new();
//!
//! // A French company with 50,000 monthly users, shipping a commercial vision product.
//! let mut context = Context::default_assumed();
//! context.organisation.monthly_active_users = Some(50_000);
//! context.organisation.domicile = Some(Region::parse("FR")?);
//! context.deployment.modalities = Some(vec![model_licence::Modality::Vision]);
//!
//! let report = checker.check(&Subject::parse("llama-3.2"), &context)?;
//! assert_eq!(report.verdict, Verdict::Blocked);
//!
//! // Every finding names its rule and quotes the clauses behind it, with byte offsets.
//! let territory = report.findings.iter().find(|f| f.rule == Rule::Territory).unwrap();
//! assert_eq!(territory.severity, Severity::Blocked);
//! assert!(territory.evidence[0].text.contains("European Union"));
//!
//! // A model card held in memory is checked the same way: its licence, its base models.
//! let card = "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B\n---\n# A fine-tune\n";
//! let report = checker.check(&Subject::CardText(card.into()), &Context::default_assumed())?;
//! assert_eq!(report.licence.id.as_deref(), Some("llama-3.1")); // the base's licence binds it
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A report is plain data: it serialises to the JSON of the command line
//! ([`Report::to_json`]), reads back ([`Report::from_json`]), and renders for a terminal
//! ([`Report::to_human`]). [`Report::exit_code`] gives the command line's [`Exit`] code.
//!
//! # With an organisation's policy
//!
//! A [`Policy`] allows and denies licences, accepts obligations, sets the review gate and grants
//! exceptions; a checker with a policy applies it to every report.
//!
//! ```
//! use model_licence::{Checker, Context, Exit, Origin, Policy, Subject, Verdict};
//!
//! let policy = Policy::from_toml(
//!     "[licences]\ndeny = [\"cc-by-nc-4.0\"]\n[gate]\nneeds_review = \"pass\"\n",
//!     Origin::Memory("policy.toml".into()),
//! )?;
//! let checker = Checker::new().with_policy(policy);
//! let report = checker.check(&Subject::parse("cc-by-nc-4.0"), &Context::default_assumed())?;
//! assert_eq!(report.verdict, Verdict::Blocked);
//! assert_eq!(checker.exit_code(&report), Exit::Blocked);
//! # Ok::<(), model_licence::Error>(())
//! ```
//!
//! # Entering at a stage
//!
//! Each stage is a function of its own: [`identify_text`] matches a text against the
//! [`Catalogue`], [`extract_terms`] reads the [`terms`] of any licence text from its clauses,
//! and [`evaluate`] judges terms (the catalogue's, or your own) against a context.
//!
//! ```
//! use model_licence::terms::{CommercialUse, TermName};
//! use model_licence::{Catalogue, Context, Severity, evaluate, extract_terms, identify_text};
//!
//! let catalogue = Catalogue::embedded()?;
//! let gemma = catalogue.get("gemma").expect("in the catalogue");
//! let found = identify_text(catalogue, gemma.text);
//! assert_eq!(found.licence.map(|l| l.id.as_str()), Some("gemma"));
//!
//! // A licence of your own, read from its clauses and evaluated.
//! let text = "You may use the Model for non-commercial research purposes only.";
//! let extracted = extract_terms(text);
//! assert_eq!(extracted.backed.terms.commercial_use, CommercialUse::NonCommercial);
//! assert!(!extracted.backed.evidence_for(TermName::CommercialUse).is_empty());
//! let findings = evaluate(&extracted.backed, &Context::default_assumed());
//! assert!(findings.iter().any(|f| f.severity == Severity::Blocked));
//! # Ok::<(), model_licence::Error>(())
//! ```
//!
//! # Comparing licences, and what shipped models must carry
//!
//! [`diff::diff`] compares two licences (catalogue ids, licence files, model folders): the terms
//! whose values differ, each with its clauses on both sides, then the clauses added, removed,
//! reworded or moved. [`notice::notice`] checks a set of models in a context and gathers what
//! their licences require to accompany them: notice lines, attributions, naming rules, use
//! policies, licence texts, once per licence.
//!
//! # Errors and limits
//!
//! A subject that cannot be checked (a missing file, an unknown id, malformed metadata, input over
//! the [`Limits`]) is an [`Error`] naming what and where; a check that fails is a report whose
//! verdict says so. The library never prints, exits or panics on input, and fails closed: what
//! it cannot read is `needs_review`, never `permitted`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// Every type a public item uses can be named by its users (the root, `terms` or `parts`).
#![warn(unnameable_types)]

pub mod batch;
mod catalogue;
mod changes;
mod check;
mod checker;
mod consistency;
mod context;
pub mod diff;
mod error;
mod evaluate;
mod expression;
mod extract;
mod family;
mod folder;
mod hf_cache;
#[cfg(feature = "hub")]
mod hub;
mod identify;
mod licence_files;
mod lineage;
mod metadata;
mod modality;
mod model;
pub mod notice;
mod policy;
pub mod render;
mod report;
mod shown;
mod subject;
pub mod terms;
mod text;

pub use catalogue::{Catalogue, Licence};
pub use checker::Checker;
pub use context::{Context, Deployment, Modality, Organisation, Region};
pub use error::{Error, Origin, ParseError, Result};
pub use evaluate::{Exit, Finding, Rule, Severity, Verdict, evaluate};
pub use extract::{ExtractedTerms, extract_terms};
pub use identify::{TextMatch, identify_text};
pub use policy::Policy;
pub use report::{ContextSource, Report};
pub use subject::{ModelId, Subject};
pub use text::Limits;

/// The README's examples run as tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The types of the root types' fields, for naming them: the parts of a [`Report`], of a
/// catalogue [`Licence`], of a [`Policy`], of the stages' results ([`TextMatch`],
/// [`ExtractedTerms`]), and evaluation with what is known of a model.
pub mod parts {
    pub use crate::catalogue::{
        ExtractionDifference, LicenceKind, ModelRepo, PolicyInfo, Resolved, Source,
    };
    pub use crate::changes::TextChange;
    pub use crate::evaluate::{Known, ModelFacts, evaluate_model};
    pub use crate::extract::Unclear;
    pub use crate::identify::MatchMethod;
    pub use crate::lineage::LineageStep;
    pub use crate::metadata::{CardBody, Disagreement, ModelCard, Relation};
    pub use crate::policy::{Exception, ReviewGate};
    /// Where a report's evidence was read (see [`crate::Report::sources`]).
    pub use crate::report::Source as ReportSource;
    pub use crate::report::{
        BasedOn, LicenceReport, MatchInfo, Nearest, PolicySource, SCHEMA_VERSION,
    };
}
