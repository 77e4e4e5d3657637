//! Checking a model rather than a licence: a model card, a Hub API JSON, or a model folder (card
//! plus licence files). The licence that binds is the base model's when the base's licence binds
//! derivatives, else the licence text shipped with the model (every licence-bearing file of its
//! folder is read), else the one its metadata declares; every disagreement between them is a
//! `licence-conflict` citing both (see also [`crate::consistency`]).

use std::path::Path;

use crate::catalogue::{Catalogue, Licence};
use crate::check::{check_licence, check_text};
use crate::consistency::{Settled, disagreements};
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Finding, ModelFacts, Rule, Severity, evaluate_model};
use crate::family::family_hints;
use crate::folder::{Files, LicenceFile, file_findings, title_line};
use crate::hf_cache::repo_from_name;
use crate::identify::MatchMethod;
use crate::licence_files::{FolderFiles, allowed_roots, contained_target, read_licence_files};
use crate::lineage::{Binding, ModelIndex, read_model_card, resolve};
use crate::metadata::{CARD_DOCUMENT, CardBody, Declared, ModelCard};
use crate::report::{LicenceReport, MatchInfo, Report, Run};
use crate::terms::{BackedTerms, Evidence, LICENCE_DOCUMENT, TermEvidence, TermName, Terms};
use crate::text::read_text_file;

/// Checks a model folder: its `README.md` card and every licence-bearing file beside it (see
/// [`crate::licence_files`]). Intermediate cards of its lineage are looked for in the folder's
/// parent (see [`ModelIndex`]).
pub(crate) fn check_model_folder(run: &Run, dir: &Path) -> Result<Report> {
    if crate::hf_cache::is_entry(dir) {
        // A Hugging Face cache entry: the model is the snapshot `refs/main` names.
        let Some((_, snapshot)) = crate::hf_cache::snapshot(dir, None) else {
            return Err(Error::Unsupported {
                origin: Origin::Path(dir.to_path_buf()),
                message: "is a Hugging Face cache entry, but neither `refs/main` nor a single snapshot tells which revision to check".to_string(),
            });
        };
        return check_model_folder(run, &snapshot);
    }
    let origin = Origin::Path(dir.to_path_buf());
    let roots = allowed_roots(dir)?;
    let readme = dir.join("README.md");
    if std::fs::symlink_metadata(&readme).is_ok() {
        contained_target(&readme, &roots)?;
    }
    let mut card = read_model_card(dir, run.limits)?.unwrap_or_default();
    if card.repo.is_none() {
        // A Hugging Face cache snapshot is named by its revision; its cache entry names the repo.
        card.repo = roots
            .iter()
            .rev()
            .chain(std::iter::once(&dir.to_path_buf()))
            .filter_map(|p| p.file_name().and_then(|n| n.to_str()))
            .find_map(repo_from_name);
    }
    let files = read_licence_files(dir, card.license_link.as_deref(), run.limits)?;
    if card == ModelCard::default() && files.is_empty() {
        return Err(Error::Unsupported {
            origin,
            message: "holds neither a model card (README.md with front matter) nor a licence file (LICENSE, LICENSE.md, LICENSE.txt, ...)".to_string(),
        });
    }
    if card.body.is_none() && readme.is_file() {
        // A README without front matter is still read for what it says about the licence.
        let text = read_text_file(&readme, run.limits)?;
        card.body = Some(CardBody { text, start: 0 });
    }
    // Base models' cards are looked for beside the folder and, for a snapshot of a Hub cache,
    // among the other entries of that cache.
    let mut index_dirs: Vec<_> = dir.parent().map(Path::to_path_buf).into_iter().collect();
    index_dirs.extend(
        roots
            .iter()
            .skip(1)
            .filter_map(|entry| entry.parent())
            .map(Path::to_path_buf),
    );
    let index = ModelIndex::from_dirs(index_dirs, run.limits);
    let mut report = check_card(run, &card, &files, &index);
    if let Some(body) = &card.body {
        // The body holds the whole README, so card evidence offsets are offsets into it.
        report.locate(
            CARD_DOCUMENT,
            &crate::shown::path_name(readme.as_os_str()),
            &body.text,
        );
    }
    if roots.len() > 1 {
        // A snapshot of a Hub cache is named by its revision.
        report.revision = dir.file_name().and_then(|n| n.to_str()).map(str::to_string);
    }
    Ok(report)
}

/// Checks a model described by its card (from a README's front matter or a Hub JSON), with the
/// licence-bearing files of its folder, if any.
pub(crate) fn check_card(
    run: &Run,
    card: &ModelCard,
    folder: &FolderFiles,
    index: &ModelIndex,
) -> Report {
    let catalogue = run.catalogue;
    let binding = resolve(card, catalogue, index);
    let files = Files::new(catalogue, folder);
    let weights_licences = files.weights_licences();
    let primary = files.primary();
    let file_licence = primary.and_then(|f| f.licence);
    let model = model_facts(card, &binding, file_licence, catalogue);
    let mut report = if binding.from_bases {
        report_for(run, &binding.licences, &model)
    } else if weights_licences.len() > 1 {
        combined(run, &weights_licences, &model)
    } else if let Some(file) = primary {
        // The text shipped with the model binds over the label on its card.
        let mut report = check_text(run, &file.file.text, Some(&model));
        report.notes.push(format!(
            "`licence` evidence points into the model's {} file",
            file.file.name
        ));
        let path = folder.path_of(&file.file.name);
        report.locate(LICENCE_DOCUMENT, &path, &file.file.text);
        report
    } else if !binding.licences.is_empty() {
        report_for(run, &binding.licences, &model)
    } else if !binding.alternatives.is_empty() {
        best_alternative(run, &binding.alternatives, &model)
    } else {
        undeclared(run, card, &binding, &model)
    };
    if report.licence.match_info.method == MatchMethod::CatalogueId {
        report.licence.match_info.method = MatchMethod::Metadata;
    }
    let text = primary.and_then(|f| f.licence.map(|l| (&f.file, l)));
    report.add_findings(conflicts(card, &binding, text));
    let settled = settled(card, &binding, &weights_licences, &report, catalogue);
    report.add_findings(file_findings(&files, &binding, &settled, catalogue));
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
    report.add_findings(family_hints(
        card,
        catalogue,
        &binding,
        evaluated_family.as_deref(),
    ));
    report.add_findings(disagreements(
        card,
        catalogue,
        index,
        &binding,
        &settled,
        &files.names(),
    ));
    if card
        .license_evidence
        .as_ref()
        .is_some_and(|line| line.text.starts_with("licence:"))
    {
        report.notes.push("the card writes `licence:` (British spelling), which the Hub does not read; it was read as `license:`".to_string());
    }
    for file in &folder.files {
        if let Ok(text) = &file.content {
            report.locate(&file.name, &folder.path_of(&file.name), text);
        }
    }
    report.declared = Some(card.clone());
    report.lineage = Some(binding.lineage.clone());
    report
}

/// What is known of the model itself: its card's tags, its catalogue listing and its bases;
/// failing those, what the catalogue knows of the models published under the licence that
/// binds it (every Llama 4 model is multimodal).
fn model_facts(
    card: &ModelCard,
    binding: &Binding,
    file_licence: Option<&Licence>,
    catalogue: &Catalogue,
) -> ModelFacts {
    let bases = binding.lineage.iter().map(|step| step.model.as_str());
    let mut facts = crate::modality::of_model(card, bases, catalogue);
    if facts.multimodal.is_none() {
        facts.multimodal = binding
            .licences
            .iter()
            .copied()
            .chain(file_licence)
            .find_map(|licence| crate::modality::of_licence(licence).multimodal);
    }
    facts
}

/// What the rest of the metadata is compared with: the licences that bind, the ones the
/// metadata declares and the files are, and the commercial-use term evaluated.
fn settled<'c>(
    card: &ModelCard,
    binding: &Binding<'c>,
    weights_licences: &[&'c Licence],
    report: &Report,
    catalogue: &'c Catalogue,
) -> Settled<'c> {
    let mut licences: Vec<&'c Licence> = binding
        .licences
        .iter()
        .chain(&binding.alternatives)
        .chain(weights_licences)
        .copied()
        .collect();
    match &binding.declared {
        Declared::One(l) => licences.push(l),
        Declared::AnyOf(list) | Declared::AllOf(list) => licences.extend(list),
        Declared::Nothing | Declared::Unknown(_) => {}
    }
    licences.extend(
        report
            .licence
            .id
            .as_deref()
            .and_then(|id| catalogue.get(id)),
    );
    Settled {
        licences,
        commercial_use: report.licence.terms.commercial_use,
        declared_names: card
            .license
            .iter()
            .chain(&card.license_name)
            .map(|n| n.to_ascii_lowercase())
            .collect(),
    }
}

/// The report for one catalogue licence, or for the strictest combination of several.
pub(crate) fn report_for(run: &Run, licences: &[&Licence], model: &ModelFacts) -> Report {
    match licences {
        [one] => check_licence(run, one, model, Vec::new()),
        _ => combined(run, licences, model),
    }
}

/// Several licences bind at once (a merge, `A AND B`): each field takes its most restrictive
/// value, and each clause names the licence it comes from.
fn combined(run: &Run, licences: &[&Licence], model: &ModelFacts) -> Report {
    let mut terms: Option<Terms> = None;
    let mut evidence = TermEvidence::new();
    for licence in licences {
        terms = Some(match terms {
            None => licence.terms().terms.clone(),
            Some(t) => t.stricter(&licence.terms().terms),
        });
        for (term, clauses) in &licence.terms().evidence {
            let named = clauses.iter().map(|e| licence.catalogue_evidence(e));
            evidence.entry(*term).or_default().extend(named);
        }
    }
    let backed = BackedTerms {
        terms: terms.unwrap_or_else(Terms::unknown),
        evidence,
    };
    let ids: Vec<&str> = licences.iter().map(|l| l.id.as_str()).collect();
    let mut findings = evaluate_model(&backed, run.context, model);
    findings.extend(
        licences
            .iter()
            .filter_map(|l| crate::catalogue::generic::review(l)),
    );
    let licence = LicenceReport {
        binding: ids.iter().map(|id| id.to_string()).collect(),
        ..LicenceReport::unnamed(MatchInfo::new(MatchMethod::Metadata, 1.0), backed, None)
    };
    let note = format!(
        "bound by several licences at once ({}): each term takes its most restrictive value; clauses name the licence they come from",
        ids.join(", ")
    );
    run.report(licence, vec![note], findings)
}

/// `A OR B`: the licensee may pick; the most favourable alternative is reported.
fn best_alternative(run: &Run, alternatives: &[&Licence], model: &ModelFacts) -> Report {
    let mut reports: Vec<Report> = alternatives
        .iter()
        .map(|l| check_licence(run, l, model, Vec::new()))
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
fn undeclared(run: &Run, card: &ModelCard, binding: &Binding, model: &ModelFacts) -> Report {
    let message = match &binding.declared {
        Declared::Unknown(name) => format!(
            "The model declares the licence `{name}`, which the catalogue does not know, and no licence text was given: a person must read the licence."
        ),
        _ => "The model declares no licence and none was found: without a licence there is no permission to use it.".to_string(),
    };
    let finding = Finding::new(
        Rule::UnknownLicence,
        Severity::Review,
        message,
        card.license_evidence.iter().cloned().collect(),
    );
    unknown_licence_report(run, finding, model)
}

/// A report on a licence nobody has read: unknown terms, evaluated, and the finding that says
/// why no licence is known.
pub(crate) fn unknown_licence_report(run: &Run, why: Finding, model: &ModelFacts) -> Report {
    let terms = BackedTerms {
        terms: Terms::unknown(),
        evidence: TermEvidence::new(),
    };
    let mut findings = evaluate_model(&terms, run.context, model);
    findings.push(why);
    let licence = LicenceReport::unnamed(MatchInfo::new(MatchMethod::None, 0.0), terms, None);
    run.report(licence, Vec::new(), findings)
}

/// Disagreements between the card's label, the licence file and the base model's licence.
fn conflicts(
    card: &ModelCard,
    binding: &Binding,
    text: Option<(&LicenceFile, &Licence)>,
) -> Vec<Finding> {
    let file = text.map(|(f, _)| f);
    let file_licence = text.map(|(_, l)| l);
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
        let agrees = binding.declared == Declared::Nothing
            || matches!(&binding.declared, Declared::One(d) if binding_ids == [d.id.as_str()]);
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
        .terms()
        .evidence_for(TermName::Derivatives)
        .iter()
        .take(1)
        .map(|e| licence.catalogue_evidence(e))
        .collect()
}
