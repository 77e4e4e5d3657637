//! # model-licence
//!
//! A licence compliance checker for open-weight AI models. It identifies a model licence (from
//! its catalogue id or its text), takes its terms (each backed by the clause it comes from),
//! evaluates them against a deployment context and reports findings with a verdict.
//!
//! The pipeline is a chain of plain functions, one module per stage, so a caller can enter at any
//! stage:
//!
//! ```text
//! subject ──▶ catalogue / text ──▶ identify ──▶ terms ──▶ evaluate(context) ──▶ report
//! ```
//!
//! ```
//! use model_licence::{check, CheckOptions, Context, Rule, Severity, Verdict};
//!
//! // A German company shipping a vision product on Llama 3.2.
//! let context = Context::from_json(
//!     r#"{ "organisation": { "monthly_active_users": 50000, "domicile": "DE" },
//!          "deployment": { "commercial": true, "markets": ["DE"], "modalities": ["vision"] } }"#,
//!     model_licence::Origin::Memory("example".into()),
//! )?;
//! let report = check("llama-3.2", &context, &CheckOptions::GIVEN_CONTEXT)?;
//! assert_eq!(report.verdict, Verdict::Blocked);
//!
//! // The finding quotes the clause, with byte offsets into the text it came from.
//! let territory = report.findings.iter().find(|f| f.rule == Rule::Territory).unwrap();
//! assert_eq!(territory.severity, Severity::Blocked);
//! assert!(territory.evidence[0].text.contains("European Union"));
//! assert_eq!(territory.evidence[0].document, "llama-3.2-aup");
//!
//! // Reports render as the JSON of CONTRACT.md, or as text for a terminal.
//! assert!(report.to_json().contains("\"verdict\": \"blocked\""));
//! assert_eq!(report.exit_code(), 1);
//! # Ok::<(), model_licence::Error>(())
//! ```
//!
//! Not legal advice: the checker reads the licence and the facts it is given, nothing else.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod catalogue;
pub mod check;
pub mod context;
pub mod error;
pub mod evaluate;
pub mod identify;
pub mod report;
pub mod terms;
pub mod text;

pub use catalogue::{Catalogue, Licence, LicenceKind};
pub use check::{CheckOptions, check, check_licence, check_text};
pub use context::{Context, Deployment, Modality, Organisation, Region};
pub use error::{Error, Origin, Result};
pub use evaluate::{Finding, Rule, Severity, Verdict, evaluate};
pub use identify::{MatchMethod, TextMatch, identify_text};
pub use report::{ContextSource, Report};
pub use terms::{BackedTerms, Evidence, TermName, Terms};
pub use text::Limits;
