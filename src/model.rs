//! Checking a model rather than a licence: a model card, a Hub API JSON, or a model folder (card
//! plus licence files). The licence that binds is the base model's when the base's licence binds
//! derivatives, else the licence text shipped with the model, else the one its metadata declares;
//! every disagreement between them is a `licence-conflict` citing both.

use std::path::Path;

use crate::catalogue::{Catalogue, Licence};
use crate::check::{CheckOptions, check_licence, check_text};
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Finding, Rule, Severity, evaluate};
use crate::identify::{MatchMethod, identify_text};
use crate::lineage::{Binding, ModelIndex, read_model_card, repo_from_name, resolve};
use crate::metadata::{Declared, ModelCard};
use crate::report::{LicenceReport, MatchInfo, Report};
use crate::terms::{BackedTerms, Evidence, TermEvidence, TermName, Terms};
use crate::text::read_text_file;

/// Licence files a model repository may hold, in the order they are looked for.
pub const LICENCE_FILES: &[&str] = &[
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "LICENCE",
    "LICENCE.md",
    "LICENCE.txt",
    "LICENSE-MODEL",
    "MODEL_LICENSE",
    "MODEL_LICENSE.md",
    "LICENSE_MODELS",
];

/// A licence text found beside a model card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceFile {
    /// Its file name in the folder.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Checks a model folder: its `README.md` card and the licence file beside it. Intermediate
/// cards of its lineage are looked for in the folder's parent (see [`ModelIndex`]).
pub fn check_model_folder(
    subject: &str,
    dir: &Path,
    context: &Context,
    options: &CheckOptions,
) -> Result<Report> {
    let origin = Origin::Path(dir.to_path_buf());
    let mut card = read_model_card(dir, options.limits)?.unwrap_or_default();
    if card.repo.is_none() {
        card.repo = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(repo_from_name);
    }
    let licence_file = find_licence_file(dir, card.license_link.as_deref(), options)?;
    if card == ModelCard::default() && licence_file.is_none() {
        return Err(Error::Unsupported {
            origin,
            message: "holds neither a model card (README.md with front matter) nor a licence file (LICENSE, LICENSE.md, LICENSE.txt, ...)".to_string(),
        });
    }
    let index = dir
        .parent()
        .map(|p| ModelIndex::from_dir(p, options.limits))
        .unwrap_or_default();
    Ok(check_card(
        subject,
        &card,
        licence_file.as_ref(),
        &index,
        context,
        options,
    ))
}

/// The first licence file of a folder: the one `license_link` names, else a usual name.
/// Symbolic links are not followed.
fn find_licence_file(
    dir: &Path,
    link: Option<&str>,
    options: &CheckOptions,
) -> Result<Option<LicenceFile>> {
    let linked = link.filter(|l| !l.contains("://") && !l.contains("..") && !l.starts_with('/'));
    for name in linked.into_iter().chain(LICENCE_FILES.iter().copied()) {
        let path = dir.join(name);
        let is_plain_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        if is_plain_file {
            let text = read_text_file(&path, options.limits)?;
            return Ok(Some(LicenceFile {
                name: name.to_string(),
                text,
            }));
        }
    }
    Ok(None)
}

/// Checks a model described by its card (from a README's front matter or a Hub JSON), with the
/// licence file shipped beside it if any.
pub fn check_card(
    subject: &str,
    card: &ModelCard,
    licence_file: Option<&LicenceFile>,
    index: &ModelIndex,
    context: &Context,
    options: &CheckOptions,
) -> Report {
    let Ok(catalogue) = Catalogue::embedded() else {
        return check_text(subject, "", context, options);
    };
    let binding = resolve(card, catalogue, index);
    let file_licence = licence_file.and_then(|f| {
        let found = identify_text(catalogue, &f.text);
        found.licence.filter(|_| !found.policy_only)
    });
    let mut report = if binding.from_bases {
        report_for(subject, &binding.licences, context, options)
    } else if let Some(file) = licence_file {
        // The text shipped with the model binds over the label on its card.
        let mut report = check_text(subject, &file.text, context, options);
        report.notes.push(format!(
            "`licence` evidence points into the model's {} file",
            file.name
        ));
        report
    } else if !binding.licences.is_empty() {
        report_for(subject, &binding.licences, context, options)
    } else if !binding.alternatives.is_empty() {
        best_alternative(subject, &binding.alternatives, context, options)
    } else {
        undeclared(subject, card, &binding, context, options)
    };
    if report.licence.match_info.method == MatchMethod::CatalogueId {
        report.licence.match_info.method = MatchMethod::Metadata;
    }
    let findings = conflicts(card, &binding, licence_file, file_licence);
    report.add_findings(findings);
    report.add_findings(binding.unknown_bases.iter().map(|base| {
        Finding::new(
            Rule::UnknownBase,
            Severity::Review,
            format!(
                "The base model `{base}` is not in the catalogue and no card for it was given: its licence may bind this model. Give its card (a file or folder named `{}` beside this one) or check it by hand.",
                base.replace('/', "__")
            ),
            card.license_evidence.iter().cloned().collect(),
        )
    }));
    let evaluated_family = report
        .licence
        .id
        .as_deref()
        .and_then(|id| catalogue.get(id))
        .map(|l| l.family.clone());
    report.add_findings(name_hint(card, &binding, evaluated_family.as_deref()));
    report.declared = Some(card.clone());
    report.lineage = Some(binding.lineage.clone());
    report
}

/// The report for one catalogue licence, or for the strictest combination of several.
fn report_for(
    subject: &str,
    licences: &[&Licence],
    context: &Context,
    options: &CheckOptions,
) -> Report {
    match licences {
        [one] => check_licence(subject, one, context, options, Vec::new()),
        _ => combined(subject, licences, context, options),
    }
}

/// Several licences bind at once (a merge, `A AND B`): each field takes its most restrictive
/// value, and each clause names the licence it comes from.
fn combined(
    subject: &str,
    licences: &[&Licence],
    context: &Context,
    options: &CheckOptions,
) -> Report {
    let mut terms: Option<Terms> = None;
    let mut evidence = TermEvidence::new();
    for licence in licences {
        terms = Some(match terms {
            None => licence.terms.terms.clone(),
            Some(t) => t.stricter(&licence.terms.terms),
        });
        for (term, clauses) in &licence.terms.evidence {
            let named = clauses.iter().map(|e| licence.catalogue_evidence(e));
            evidence.entry(*term).or_default().extend(named);
        }
    }
    let backed = BackedTerms {
        terms: terms.unwrap_or_else(Terms::unknown),
        evidence,
    };
    let ids: Vec<&str> = licences.iter().map(|l| l.id.as_str()).collect();
    let findings = evaluate(&backed, context);
    let licence = LicenceReport {
        id: None,
        name: None,
        spdx: None,
        match_info: MatchInfo {
            method: MatchMethod::Metadata,
            confidence: 1.0,
            dice: None,
            nearest: None,
        },
        terms: backed.terms,
        clauses: backed.evidence,
        sha256: None,
        binding: ids.iter().map(|id| id.to_string()).collect(),
    };
    Report::new(
        subject.to_string(),
        licence,
        context.clone(),
        options.context_source,
        vec![format!(
            "bound by several licences at once ({}): each term takes its most restrictive value; clauses name the licence they come from",
            ids.join(", ")
        )],
        findings,
    )
}

/// `A OR B`: the licensee may pick; the most favourable alternative is reported.
fn best_alternative(
    subject: &str,
    alternatives: &[&Licence],
    context: &Context,
    options: &CheckOptions,
) -> Report {
    let mut reports: Vec<Report> = alternatives
        .iter()
        .map(|l| check_licence(subject, l, context, options, Vec::new()))
        .collect();
    reports.sort_by_key(|r| r.verdict);
    let ids: Vec<&str> = alternatives.iter().map(|l| l.id.as_str()).collect();
    let mut best = reports.remove(0);
    best.notes.push(format!(
        "the licence is a choice ({}): the licensee may pick, and `{}` is the most favourable here",
        ids.join(" OR "),
        best.licence.id.as_deref().unwrap_or("")
    ));
    best
}

/// No licence could be resolved: the card declares nothing known and no text was given.
fn undeclared(
    subject: &str,
    card: &ModelCard,
    binding: &Binding,
    context: &Context,
    options: &CheckOptions,
) -> Report {
    let terms = BackedTerms {
        terms: Terms::unknown(),
        evidence: TermEvidence::new(),
    };
    let message = match &binding.declared {
        Declared::Unknown(name) => format!(
            "The model declares the licence `{name}`, which the catalogue does not know, and no licence text was given: a person must read the licence."
        ),
        _ => "The model declares no licence and none was found: without a licence there is no permission to use it.".to_string(),
    };
    let mut findings = evaluate(&terms, context);
    findings.push(Finding::new(
        Rule::UnknownLicence,
        Severity::Review,
        message,
        card.license_evidence.iter().cloned().collect(),
    ));
    let licence = LicenceReport {
        id: None,
        name: None,
        spdx: None,
        match_info: MatchInfo {
            method: MatchMethod::None,
            confidence: 0.0,
            dice: None,
            nearest: None,
        },
        terms: terms.terms,
        clauses: terms.evidence,
        sha256: None,
        binding: Vec::new(),
    };
    Report::new(
        subject.to_string(),
        licence,
        context.clone(),
        options.context_source,
        Vec::new(),
        findings,
    )
}

/// Disagreements between the card's label, the licence file and the base model's licence.
fn conflicts(
    card: &ModelCard,
    binding: &Binding,
    file: Option<&LicenceFile>,
    file_licence: Option<&Licence>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let card_line: Vec<Evidence> = card.license_evidence.iter().cloned().collect();
    let declared = declared_name(&binding.declared);
    let binding_ids: Vec<&str> = binding.licences.iter().map(|l| l.id.as_str()).collect();
    if binding.from_bases && binding.declared == Declared::Nothing {
        out.push(Finding::new(
            Rule::UndeclaredLicence,
            Severity::Info,
            format!(
                "The model's metadata declares no licence; it derives from a model under {}, which binds it.",
                binding_ids.join(" and ")
            ),
            Vec::new(),
        ));
        return out;
    }
    if binding.from_bases {
        let mut evidence = card_line.clone();
        evidence.extend(binding.licences.iter().flat_map(|l| derivative_clause(l)));
        let mut bases: Vec<&str> = binding
            .lineage
            .iter()
            .filter(|s| s.licence.is_some())
            .map(|s| s.model.as_str())
            .collect();
        if binding.own_listing {
            bases = card.repo.iter().map(String::as_str).collect();
        }
        let agrees =
            matches!(&binding.declared, Declared::One(d) if binding_ids == [d.id.as_str()]);
        if !agrees {
            let said = declared
                .clone()
                .map_or("no licence".to_string(), |d| format!("`{d}`"));
            out.push(Finding::new(
                Rule::LicenceConflict,
                Severity::Review,
                format!(
                    "The model's metadata declares {said}, but it derives from {} under {}, whose terms bind derivatives: {} binds this model, and its terms were evaluated.",
                    bases.join(", "),
                    binding_ids.join(" and "),
                    binding_ids.join(" and ")
                ),
                evidence,
            ));
        }
        if let Some(text) = file_licence.filter(|t| !binding_ids.contains(&t.id.as_str())) {
            out.push(Finding::new(
                Rule::LicenceConflict,
                Severity::Review,
                format!(
                    "The licence file is {}, but the base model's licence ({}) binds this model.",
                    text.id,
                    binding_ids.join(" and ")
                ),
                file.map(title_line).into_iter().flatten().collect(),
            ));
        }
        return out;
    }
    if let (Some(text), Some(file)) = (file_licence, file) {
        let agrees =
            matches!(&binding.declared, Declared::One(d) if d.id == text.id) || declared.is_none();
        if !agrees {
            let mut evidence = card_line.clone();
            evidence.extend(title_line(file));
            out.push(Finding::new(
                Rule::LicenceConflict,
                Severity::Review,
                format!(
                    "The card declares `{}`, but the model's {} file is {} ({}): the text binds, and its terms were evaluated.",
                    declared.unwrap_or_default(),
                    file.name,
                    text.name,
                    text.id
                ),
                evidence,
            ));
        }
    }
    out
}

/// Families whose every published model binds its derivatives: a model named after one of them
/// whose metadata names no such base may be a derivative relabelled.
const BINDING_FAMILIES: &[(&str, &str)] =
    &[("llama", "Llama"), ("gemma", "Gemma"), ("flux", "FLUX")];

/// A review when a model's name suggests a family its lineage does not show.
fn name_hint(card: &ModelCard, binding: &Binding, evaluated_family: Option<&str>) -> Vec<Finding> {
    let Some(repo) = card.repo.as_deref() else {
        return Vec::new();
    };
    let name = repo.rsplit('/').next().unwrap_or(repo).to_ascii_lowercase();
    BINDING_FAMILIES
        .iter()
        .filter(|(family, _)| name.contains(family))
        .filter(|(family, _)| evaluated_family != Some(*family))
        .filter(|(family, _)| !binding.licences.iter().any(|l| l.family == *family))
        .filter(|(family, _)| {
            !binding
                .lineage
                .iter()
                .any(|s| s.model.to_ascii_lowercase().contains(family))
        })
        .map(|(_, shown)| {
            Finding::new(
                Rule::UnknownBase,
                Severity::Review,
                format!(
                    "The model's name, `{repo}`, suggests it derives from {shown}, but its metadata names no {shown} base: if it does, the {shown} licence binds it. Check its lineage."
                ),
                card.license_evidence.iter().cloned().collect(),
            )
        })
        .collect()
}

fn declared_name(declared: &Declared) -> Option<String> {
    match declared {
        Declared::Nothing => None,
        Declared::One(l) => Some(l.id.clone()),
        Declared::AnyOf(list) => Some(
            list.iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(" OR "),
        ),
        Declared::AllOf(list) => Some(
            list.iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(" AND "),
        ),
        Declared::Unknown(name) => Some(name.clone()),
    }
}

/// The clause of a licence that says what binds derivatives, named by the licence's id.
fn derivative_clause(licence: &Licence) -> Vec<Evidence> {
    licence
        .terms
        .evidence_for(TermName::Derivatives)
        .iter()
        .take(1)
        .map(|e| licence.catalogue_evidence(e))
        .collect()
}

/// The first non-empty line of a licence file, as evidence of what the file is.
fn title_line(file: &LicenceFile) -> Option<Evidence> {
    let mut at = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() && trimmed != "\u{feff}" {
            let start = at + (line.len() - line.trim_start().len());
            let end = start + trimmed.len();
            return Some(Evidence {
                start,
                end,
                text: file.text.get(start..end)?.to_string(),
                document: file.name.clone(),
                lang: None,
            });
        }
        at += line.len();
    }
    None
}
