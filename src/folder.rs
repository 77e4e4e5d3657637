//! What the licence-bearing files of a model folder say: which bind the weights, and which need a
//! person to read them.
//!
//! A model licence (`LICENSE-MODEL`) binds the weights over a code licence (`LICENSE-CODE`, or a
//! plain `LICENSE` beside a model licence). Several different model licences all bind, with a
//! review. A use policy or notice is fine when it is the companion of a licence that binds, or a
//! plain attribution notice. Anything else (a file that is not identified, not read, or left over
//! the limits) is a reason to review, never ignored.

use crate::catalogue::{Catalogue, Licence, LicenceKind};
use crate::consistency::{Settled, companion_review};
use crate::evaluate::{Finding, Rule, Severity};
use crate::identify::identify_text;
use crate::licence_files::{FileRole, FolderFiles, MAX_FILES, MAX_TOTAL_BYTES};
use crate::lineage::Binding;
use crate::terms::{CommercialUse, Evidence};

/// A licence-bearing file of the folder, read and identified.
pub(crate) struct Identified<'c> {
    /// The file.
    pub file: LicenceFile,
    role: FileRole,
    /// The catalogue licence its text is.
    pub licence: Option<&'c Licence>,
    /// The catalogue licence whose companion policy its text is.
    policy_of: Option<&'c Licence>,
}

impl Identified<'_> {
    /// Its first line, as evidence of what it is.
    fn title(&self) -> Vec<Evidence> {
        title_line(&self.file).into_iter().collect()
    }
}

/// The folder's files, sorted by what they are to the weights.
pub(crate) struct Files<'c> {
    /// The files whose licence binds the weights: the model licences (`LICENSE-MODEL`) if any,
    /// else the general ones (`LICENSE`).
    weights: Vec<Identified<'c>>,
    /// Licences of the code only, or general licences beside a model licence.
    code: Vec<Identified<'c>>,
    /// Use policies and notices (and any licence file whose text is a policy).
    companions: Vec<Identified<'c>>,
    /// Files that could not be read, and why.
    unreadable: Vec<(String, String)>,
    /// Files left unread over the limits.
    unread: Vec<String>,
}

impl<'c> Files<'c> {
    /// Identifies every file read and sorts them.
    pub fn new(catalogue: &'c Catalogue, folder: &FolderFiles) -> Files<'c> {
        let mut files = Files {
            weights: Vec::new(),
            code: Vec::new(),
            companions: Vec::new(),
            unreadable: Vec::new(),
            unread: folder.unread.clone(),
        };
        let has_model_licence = folder
            .files
            .iter()
            .any(|f| f.role == FileRole::ModelLicence);
        for file in &folder.files {
            let text = match &file.content {
                Ok(text) => text.clone(),
                Err(reason) => {
                    files.unreadable.push((file.name.clone(), reason.clone()));
                    continue;
                }
            };
            let found = identify_text(catalogue, &text);
            let (licence, policy_of) = if found.policy_only {
                (None, found.licence)
            } else {
                (found.licence, None)
            };
            let identified = Identified {
                file: LicenceFile {
                    name: file.name.clone(),
                    text,
                },
                role: file.role,
                licence,
                policy_of,
            };
            let list = match file.role {
                _ if policy_of.is_some() => &mut files.companions,
                FileRole::UsePolicy | FileRole::Notice => &mut files.companions,
                FileRole::CodeLicence => &mut files.code,
                FileRole::Licence if has_model_licence => &mut files.code,
                FileRole::Licence | FileRole::ModelLicence => &mut files.weights,
            };
            list.push(identified);
        }
        files
    }

    /// The distinct licences the weights files are.
    pub fn weights_licences(&self) -> Vec<&'c Licence> {
        let mut list: Vec<&'c Licence> = self.weights.iter().filter_map(|f| f.licence).collect();
        let mut seen = std::collections::BTreeSet::new();
        list.retain(|l| seen.insert(l.id.clone()));
        list
    }

    /// The weights file whose text is evaluated: the first identified, else the first read.
    pub fn primary(&self) -> Option<&Identified<'c>> {
        self.weights
            .iter()
            .find(|f| f.licence.is_some())
            .or(self.weights.first())
    }

    /// The names of every licence-bearing file.
    pub fn names(&self) -> Vec<String> {
        self.weights
            .iter()
            .chain(&self.code)
            .chain(&self.companions)
            .map(|f| f.file.name.clone())
            .chain(self.unreadable.iter().map(|(n, _)| n.clone()))
            .collect()
    }
}

fn review(rule: Rule, message: String, evidence: Vec<Evidence>) -> Finding {
    Finding::new(rule, Severity::Review, message, evidence)
}

/// Reviews for the folder's files beyond the one evaluated: several model licences, a licence
/// file that is not identified or not read, a code licence, policy or notice the checker cannot
/// account for.
pub(crate) fn file_findings(
    files: &Files,
    binding: &Binding,
    settled: &Settled,
    catalogue: &Catalogue,
) -> Vec<Finding> {
    let mut out = weights_findings(files, binding);
    out.extend(files.code.iter().filter_map(|f| code_finding(f, settled)));
    out.extend(
        files
            .companions
            .iter()
            .filter_map(|f| companion_finding(f, settled, catalogue)),
    );
    out.extend(files.unreadable.iter().map(|(name, reason)| {
        review(
            Rule::UnknownLicence,
            format!("The folder's {name} may carry a licence but could not be read ({reason}): a person must read it."),
            Vec::new(),
        )
    }));
    if !files.unread.is_empty() {
        out.push(review(
            Rule::UnknownLicence,
            format!(
                "The folder holds more licence files than the checker reads ({MAX_FILES} files, {MAX_TOTAL_BYTES} bytes); not read: {}.",
                files.unread.join(", ")
            ),
            Vec::new(),
        ));
    }
    out
}

/// Several licences for the weights, and weights files the catalogue does not know (besides the
/// one evaluated, whose report already asks for review).
fn weights_findings(files: &Files, binding: &Binding) -> Vec<Finding> {
    let mut out = Vec::new();
    let weights_licences = files.weights_licences();
    if weights_licences.len() > 1 && !binding.from_bases {
        let ids: Vec<&str> = weights_licences.iter().map(|l| l.id.as_str()).collect();
        out.push(review(
            Rule::LicenceConflict,
            format!(
                "The folder holds several licences for the model ({}): all of them bind, each term at its most restrictive, until a person settles which one applies.",
                ids.join(", ")
            ),
            files.weights.iter().flat_map(Identified::title).collect(),
        ));
    }
    let evaluated = files.primary().map(|f| f.file.name.as_str());
    for file in &files.weights {
        if file.licence.is_none() && Some(file.file.name.as_str()) != evaluated {
            out.push(review(
                Rule::UnknownLicence,
                format!(
                    "The folder's {} is a licence the catalogue does not know: it may bind the model; a person must read it.",
                    file.file.name
                ),
                file.title(),
            ));
        }
    }
    out
}

/// A code licence: fine when it is an open licence that allows commercial use, or one that was
/// accounted for; a review when it is a model licence, restricts commercial use, or is unknown.
fn code_finding(file: &Identified, settled: &Settled) -> Option<Finding> {
    let name = &file.file.name;
    let Some(licence) = file.licence else {
        return Some(review(
            Rule::UnknownLicence,
            format!(
                "The folder's {name} is a licence the catalogue does not know; it is named as the code's licence, but a person must read it."
            ),
            file.title(),
        ));
    };
    if settled.licences.iter().any(|s| s.id == licence.id) {
        return None;
    }
    let why = if licence.kind == LicenceKind::Model {
        "a model licence, beside the model licence evaluated: a person must settle which binds the weights"
    } else if licence.terms().terms.commercial_use != CommercialUse::Allowed {
        "which restricts commercial use; it is named as the code's licence, but running the model needs its code: a person must settle what binds"
    } else {
        return None;
    };
    Some(review(
        Rule::LicenceConflict,
        format!(
            "The folder's {name} is {} ({}), {why}.",
            licence.name, licence.id
        ),
        file.title(),
    ))
}

/// A use policy or notice: fine when it is the companion of a licence that binds, or a plain
/// attribution notice; a review otherwise.
fn companion_finding(
    file: &Identified,
    settled: &Settled,
    catalogue: &Catalogue,
) -> Option<Finding> {
    let name = &file.file.name;
    if let Some(licence) = file.policy_of.or(file.licence) {
        let agrees = settled.licences.iter().any(|s| s.id == licence.id);
        let what = if file.policy_of.is_some() {
            format!("the use policy of {}", licence.name)
        } else {
            licence.name.clone()
        };
        return (!agrees).then(|| {
            review(
                Rule::LicenceConflict,
                format!(
                    "The folder's {name} is the text of {what} ({}), which is not the licence evaluated: a person must settle which binds.",
                    licence.id
                ),
                file.title(),
            )
        });
    }
    let reason = match file.role {
        FileRole::Notice => companion_review(catalogue, &file.file.text, settled)?,
        _ => "it is a use policy the catalogue does not know, which may restrict use".to_string(),
    };
    Some(review(
        Rule::UsePolicy,
        format!("The folder's {name} needs a person to read it: {reason}."),
        file.title(),
    ))
}

/// A licence text found beside a model card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceFile {
    /// Its file name in the folder.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The first non-empty line of a licence file, as evidence of what the file is.
pub(crate) fn title_line(file: &LicenceFile) -> Option<Evidence> {
    let mut at = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() && trimmed != "\u{feff}" {
            let start = at + (line.len() - line.trim_start().len());
            let end = start + trimmed.len();
            return Evidence::span(&file.text, start, end, &file.name);
        }
        at += line.len();
    }
    None
}
