//! The whole check: resolve a subject, identify its licence, take its terms, evaluate them
//! against a context and build the report.

use std::path::Path;

use crate::catalogue::{Catalogue, Licence};
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Finding, Rule, Severity, evaluate};
use crate::extract::{ExtractedTerms, extract_terms, reads_as_terms};
use crate::identify::{MatchMethod, TextMatch, identify_words};
use crate::metadata::{has_front_matter, looks_like_api_json, parse_api_json, parse_card};
use crate::report::{ContextSource, LicenceReport, MatchInfo, Nearest, Report, sha256_hex};
use crate::terms::{BackedTerms, Evidence, LICENCE_DOCUMENT, TermEvidence};
use crate::text::{Limits, Words, read_text_file};

/// How to run a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// Input size limits.
    pub limits: Limits,
    /// Where the context came from, for the report.
    pub context_source: ContextSource,
}

impl CheckOptions {
    /// Options for a context the caller gives, with the default limits.
    pub const GIVEN_CONTEXT: CheckOptions = CheckOptions {
        limits: Limits::DEFAULT,
        context_source: ContextSource::Given,
    };

    /// Options for the documented default context, with the default limits.
    pub const DEFAULT_CONTEXT: CheckOptions = CheckOptions {
        limits: Limits::DEFAULT,
        context_source: ContextSource::Default,
    };
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions::GIVEN_CONTEXT
    }
}

/// Checks a subject: a catalogue id or alias, or a path to a licence text.
///
/// A name without a path separator that the catalogue knows is taken as an id (write `./llama`
/// for a file of that name). Anything else must be an existing file.
///
/// ```
/// use model_licence::{check, CheckOptions, Context, Verdict};
///
/// let mut context = Context::default_assumed();
/// context.organisation.monthly_active_users = Some(800_000_000);
/// let report = check("llama-3.3", &context, &CheckOptions::GIVEN_CONTEXT)?;
/// assert_eq!(report.verdict, Verdict::Blocked);
/// # Ok::<(), model_licence::Error>(())
/// ```
pub fn check(subject: &str, context: &Context, options: &CheckOptions) -> Result<Report> {
    let catalogue = Catalogue::embedded()?;
    let looks_like_path = subject.contains(['/', '\\']);
    if !looks_like_path && let Ok(resolved) = catalogue.resolve(subject) {
        let notes = resolved.note.into_iter().collect();
        return Ok(check_licence(
            subject,
            resolved.licence,
            context,
            options,
            notes,
        ));
    }
    let path = Path::new(subject);
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && std::fs::metadata(path).is_err() {
        return Err(Error::Unsupported {
            origin: Origin::Path(path.to_path_buf()),
            message: "is a symbolic link that leads nowhere (a loop, or a missing target)"
                .to_string(),
        });
    }
    if path.is_dir() {
        return crate::model::check_model_folder(subject, path, context, options);
    }
    if path.exists() {
        let text = read_text_file(path, options.limits)?;
        return check_file(subject, path, &text, context, options);
    }
    if looks_like_path {
        return Err(Error::NotFound {
            origin: Origin::Path(path.to_path_buf()),
        });
    }
    // Neither a known name nor a file: the id error, with suggestions.
    Err(match catalogue.resolve(subject) {
        Err(err) => err,
        Ok(_) => Error::NotFound {
            origin: Origin::Path(path.to_path_buf()),
        },
    })
}

/// [`check`], then the organisation's policy (allow and deny lists, accepted obligations,
/// exceptions) applied to the report. The exit code for a gate is [`crate::policy::Policy::exit_code`].
///
/// ```
/// use model_licence::{check_with_policy, CheckOptions, Context, Origin, Policy, Verdict};
///
/// let policy = Policy::from_toml("[licences]\ndeny = [\"cc-by-nc-4.0\"]\n", Origin::Memory("policy".into()))?;
/// let report = check_with_policy("cc-by-nc-4.0", &Context::default_assumed(), &policy, &CheckOptions::DEFAULT_CONTEXT)?;
/// assert_eq!(report.verdict, Verdict::Blocked);
/// assert!(report.findings.iter().any(|f| f.rule.code() == "policy-deny"));
/// assert_eq!(policy.exit_code(&report), 1);
/// # Ok::<(), model_licence::Error>(())
/// ```
pub fn check_with_policy(
    subject: &str,
    context: &Context,
    policy: &crate::policy::Policy,
    options: &CheckOptions,
) -> Result<Report> {
    let mut report = check(subject, context, options)?;
    policy.apply(&mut report);
    Ok(report)
}

/// Checks a file: a model card (front matter), a Hub model JSON, or a licence text.
fn check_file(
    subject: &str,
    path: &Path,
    text: &str,
    context: &Context,
    options: &CheckOptions,
) -> Result<Report> {
    let origin = Origin::Path(path.to_path_buf());
    let card = if looks_like_api_json(text) {
        Some(parse_api_json(text, &origin)?)
    } else if has_front_matter(text) {
        parse_card(text, &origin)?
    } else if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return Err(Error::Unsupported {
            origin,
            message: "is JSON but not a Hugging Face model JSON (no `id` with `cardData`, `tags` or `siblings`); a deployment context goes after `--context`".to_string(),
        });
    } else {
        None
    };
    let Some(mut card) = card else {
        return Ok(check_text(subject, text, context, options));
    };
    // A README.md card in a model folder is the folder: its licence file is part of the model.
    let folder = path
        .parent()
        .filter(|_| path.file_name().is_some_and(|n| n == "README.md"));
    if let Some(dir) = folder
        && crate::model::LICENCE_FILES
            .iter()
            .any(|f| dir.join(f).is_file())
    {
        return crate::model::check_model_folder(subject, dir, context, options);
    }
    if card.repo.is_none() {
        let named = folder.unwrap_or(path);
        let stem = if folder.is_some() {
            named.file_name()
        } else {
            named.file_stem()
        };
        card.repo = stem
            .and_then(|n| n.to_str())
            .and_then(crate::lineage::repo_from_name);
    }
    let siblings = folder
        .and_then(Path::parent)
        .or(path.parent())
        .unwrap_or(Path::new("."));
    let index = crate::lineage::ModelIndex::from_dir(siblings, options.limits);
    Ok(crate::model::check_card(
        subject, &card, None, &index, context, options,
    ))
}

/// Checks a catalogue licence by its curated terms; evidence points into the catalogue's text.
pub fn check_licence(
    subject: &str,
    licence: &Licence,
    context: &Context,
    options: &CheckOptions,
    notes: Vec<String>,
) -> Report {
    let findings = evaluate(&licence.terms, context);
    let report = LicenceReport {
        id: Some(licence.id.clone()),
        name: Some(licence.name.clone()),
        spdx: Some(licence.spdx.clone()),
        match_info: MatchInfo {
            method: MatchMethod::CatalogueId,
            confidence: 1.0,
            dice: None,
            nearest: None,
        },
        terms: licence.terms.terms.clone(),
        clauses: licence.terms.evidence.clone(),
        sha256: Some(sha256_hex(licence.text)),
        binding: Vec::new(),
    };
    Report::new(
        subject.to_string(),
        report,
        context.clone(),
        options.context_source,
        notes,
        findings,
    )
}

/// Checks a licence text: identifies it, then evaluates the catalogue's terms with evidence
/// relocated into this text and any term the text changes taken from the text; or, when
/// unidentified, evaluates the terms its clauses give and asks for review.
pub fn check_text(subject: &str, text: &str, context: &Context, options: &CheckOptions) -> Report {
    let Ok(catalogue) = Catalogue::embedded() else {
        return unidentified(subject, text, None, context, options);
    };
    let words = Words::new(text);
    let found = identify_words(catalogue, text, &words);
    let Some(licence) = found.licence else {
        return unidentified(subject, text, Some(&found), context, options);
    };
    let (mut backed, mut missing) = if text == licence.text {
        // The catalogue's own file: its evidence already points into these bytes.
        (licence.terms.clone(), Vec::new())
    } else {
        relocate(licence, text, &words)
    };
    let mut text_notes = Vec::new();
    if !found.exact && !found.policy_only {
        let extracted = extract_terms(text);
        text_notes = take_changed_terms(licence, &extracted, &mut backed);
        // A clause whose term already shows as changed is reported there, not again.
        let changed: Vec<&Evidence> = text_notes.iter().flat_map(|f| &f.evidence).collect();
        missing.retain(|clause| !changed.contains(&clause));
    }
    let mut findings = evaluate(&backed, context);
    findings.extend(text_notes);
    findings.extend(text_findings(licence, &found, text, missing));
    let report = LicenceReport {
        id: Some(licence.id.clone()),
        name: Some(licence.name.clone()),
        spdx: Some(licence.spdx.clone()),
        match_info: MatchInfo {
            method: MatchMethod::Text,
            confidence: found.confidence,
            dice: found.dice,
            nearest: None,
        },
        terms: backed.terms.clone(),
        clauses: backed.evidence,
        sha256: Some(sha256_hex(text)),
        binding: Vec::new(),
    };
    Report::new(
        subject.to_string(),
        report,
        context.clone(),
        options.context_source,
        Vec::new(),
        findings,
    )
}

/// Compares the terms read from a copy of a catalogue licence with the curated ones. A term the
/// text states differently is taken from the text, with a `modified-licence` review quoting both.
/// A term the catalogue takes only from the companion policy is kept when the text lacks the
/// policy: absence of a companion text is not evidence of a change.
fn take_changed_terms(
    licence: &Licence,
    extracted: &ExtractedTerms,
    backed: &mut BackedTerms,
) -> Vec<Finding> {
    let curated = &licence.terms;
    let mut findings = Vec::new();
    for term in curated.terms.differing_fields(&extracted.backed.terms) {
        // The curated value rests on a clause of the companion policy that this text lacks.
        let rests_on_absent_policy = backed
            .evidence_for(term)
            .iter()
            .any(|e| e.document != LICENCE_DOCUMENT && e.document != licence.id);
        if rests_on_absent_policy {
            continue;
        }
        let was = curated.terms.field_json(term);
        backed.terms.copy_field(term, &extracted.backed.terms);
        let now = backed.terms.field_json(term);
        let text_clauses = extracted.backed.evidence_for(term).to_vec();
        let mut evidence = text_clauses.clone();
        evidence.extend(
            curated
                .evidence_for(term)
                .iter()
                .map(|e| licence.catalogue_evidence(e)),
        );
        backed.evidence.insert(term, text_clauses);
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Review,
            format!(
                "This copy of {} changes `{}`: the text reads {now}, the catalogue's licence {was}. The text's value is the one evaluated.",
                licence.id,
                term.as_str()
            ),
            evidence,
        ));
    }
    findings
}

/// A report for a text that matches no catalogue licence: the terms its clauses give, and a
/// review, since no person has curated them.
fn unidentified(
    subject: &str,
    text: &str,
    found: Option<&TextMatch>,
    context: &Context,
    options: &CheckOptions,
) -> Report {
    let extracted = extract_terms(text);
    let nearest = found
        .and_then(|m| m.nearest)
        .map(|(licence, confidence)| Nearest {
            id: licence.id.clone(),
            confidence,
        });
    let message = match &nearest {
        Some(n) if n.confidence >= 0.3 => format!(
            "The licence text matches no catalogue licence (the nearest, {}, matches {:.0}% of its text): the terms below were read from its clauses and a person must check them.",
            n.id,
            n.confidence * 100.0
        ),
        _ => "The text matches no licence in the catalogue: the terms below were read from its clauses and a person must check them.".to_string(),
    };
    let mut findings = evaluate(&extracted.backed, context);
    findings.push(Finding::new(
        Rule::UnknownLicence,
        Severity::Review,
        message,
        Vec::new(),
    ));
    findings.extend(unclear_findings(&extracted));
    let report = LicenceReport {
        id: None,
        name: None,
        spdx: None,
        match_info: MatchInfo {
            method: MatchMethod::None,
            confidence: found.map_or(0.0, |m| m.confidence),
            dice: None,
            nearest,
        },
        terms: extracted.backed.terms,
        clauses: extracted.backed.evidence,
        sha256: Some(sha256_hex(text)),
        binding: Vec::new(),
    };
    Report::new(
        subject.to_string(),
        report,
        context.clone(),
        options.context_source,
        Vec::new(),
        findings,
    )
}

/// A review for every clause the extractor found but could not read.
fn unclear_findings(extracted: &ExtractedTerms) -> Vec<Finding> {
    extracted
        .unclear
        .iter()
        .map(|u| {
            Finding::new(
                Rule::UnclearClause,
                Severity::Review,
                format!("`{}`: {}.", u.term.as_str(), u.reason),
                u.evidence.clone(),
            )
        })
        .collect()
}

/// The curated terms with each clause found again in the subject's text. A clause that is not
/// there keeps pointing at the catalogue's copy (its `document` names the catalogue text) and is
/// returned as missing, unless it comes from the companion policy, which a licence file alone
/// does not contain: absence of the policy is not evidence of a change.
fn relocate(licence: &Licence, text: &str, words: &Words) -> (BackedTerms, Vec<Evidence>) {
    let mut missing = Vec::new();
    let mut evidence = TermEvidence::new();
    for (term, clauses) in &licence.terms.evidence {
        let moved = clauses
            .iter()
            .map(|clause| match words.find(&Words::new(&clause.text)) {
                Some((start, end)) => Evidence {
                    start,
                    end,
                    text: text[start..end].to_string(),
                    document: LICENCE_DOCUMENT.to_string(),
                    lang: None,
                },
                None => {
                    let catalogue_copy = licence.catalogue_evidence(clause);
                    if clause.document == LICENCE_DOCUMENT && !missing.contains(&catalogue_copy) {
                        missing.push(catalogue_copy.clone());
                    }
                    catalogue_copy
                }
            })
            .collect();
        evidence.insert(*term, moved);
    }
    let backed = BackedTerms {
        terms: licence.terms.terms.clone(),
        evidence,
    };
    (backed, missing)
}

/// Findings about the text itself: a companion policy given instead of the licence, clauses of
/// the catalogue's licence that this text lacks, and text the catalogue's licence does not have.
fn text_findings(
    licence: &Licence,
    found: &TextMatch,
    text: &str,
    missing: Vec<Evidence>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if found.policy_only {
        findings.push(Finding::new(
            Rule::CompanionText,
            Severity::Review,
            format!(
                "This is the acceptable-use policy of {} ({}), not the licence itself; the licence's terms were evaluated. Check that the licence text is present where the model ships.",
                licence.name, licence.id
            ),
            Vec::new(),
        ));
        return findings;
    }
    if !missing.is_empty() {
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Review,
            format!(
                "{} clause(s) that carry terms of {} are not in this text as the catalogue has them: the terms may have been changed or removed. The catalogue's clauses are quoted.",
                missing.len(),
                licence.id
            ),
            missing,
        ));
    }
    type Spans = Vec<(usize, usize)>;
    let (terms_like, descriptive): (Spans, Spans) = found
        .extra_spans
        .iter()
        .partition(|&&(start, end)| reads_as_terms(&text[start..end]));
    let quote = |spans: &[(usize, usize)]| -> Vec<Evidence> {
        spans
            .iter()
            .take(5)
            .map(|&(start, end)| Evidence {
                start,
                end,
                text: text[start..end].to_string(),
                document: LICENCE_DOCUMENT.to_string(),
                lang: None,
            })
            .collect()
    };
    if !terms_like.is_empty() {
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Review,
            format!(
                "The file has {} passage(s) that are not part of {} and read like licence terms: they may add or change terms.",
                terms_like.len(),
                licence.id
            ),
            quote(&terms_like),
        ));
    }
    if !descriptive.is_empty() {
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Info,
            format!(
                "The file has {} passage(s) around the text of {} (headings, descriptions) that read as no licence term.",
                descriptive.len(),
                licence.id
            ),
            quote(&descriptive),
        ));
    }
    if !found.exact && findings.is_empty() {
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Info,
            format!(
                "The text differs slightly from the catalogue's copy of {} ({:.1}% of it found), but every clause that carries a term is present.",
                licence.id,
                found.confidence * 100.0
            ),
            Vec::new(),
        ));
    }
    findings
}
