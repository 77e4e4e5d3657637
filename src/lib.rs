#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod batch;
pub mod catalogue;
pub mod changes;
pub mod check;
pub mod consistency;
pub mod context;
pub mod error;
pub mod evaluate;
pub mod extract;
pub mod family;
pub mod folder;
pub mod identify;
pub mod licence_files;
pub mod lineage;
pub mod metadata;
pub mod modality;
pub mod model;
pub mod policy;
pub mod render;
pub mod report;
mod source;
pub mod subject;
pub mod terms;
pub mod text;

pub use batch::{BatchItem, check_all, subjects_in_dir, subjects_in_inventory};
pub use catalogue::{Catalogue, ExtractionDifference, Licence, LicenceKind};
pub use check::{CheckOptions, check, check_licence, check_text, check_with_policy};
pub use context::{Context, Deployment, Modality, Organisation, Region};
pub use error::{Error, Origin, Result};
pub use evaluate::{
    Exit, Finding, Known, ModelFacts, Rule, Severity, Verdict, evaluate, evaluate_model,
};
pub use extract::{ExtractedTerms, extract_terms};
pub use identify::{MatchMethod, TextMatch, identify_text};
pub use policy::Policy;
pub use render::{
    catalogue_table, human_report, json_item, json_line, json_report, licence_sheet,
    markdown_review, sarif_log, scan_line,
};
pub use report::{ContextSource, Report};
pub use source::Source;
pub use subject::STDIN;
pub use terms::{BackedTerms, Evidence, TermName, Terms};
pub use text::Limits;
