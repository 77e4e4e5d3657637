//! The whole check: resolve a subject, identify its licence, take its terms, evaluate them
//! against a context and build the report.

use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use crate::catalogue::{Catalogue, Licence};
use crate::changes::{Names, foreign_title};
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Finding, ModelFacts, Rule, Severity, evaluate_model};
use crate::extract::{ExtractedTerms, extract_terms, reads_as_terms};
use crate::identify::{MatchMethod, TextMatch, identify_words};
use crate::metadata::{has_front_matter, looks_like_api_json, parse_api_json, parse_card};
use crate::report::{
    BasedOn, ContextSource, LicenceReport, MatchInfo, Nearest, Report, sha256_hex,
};
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

/// Checks a subject: a catalogue id or alias, a path to a licence text, model card, Hub JSON or
/// model folder, `-` for any of those texts on standard input, or a Hub model id
/// (`owner/name[@revision]`) that the catalogue's repository list holds (resolved offline).
///
/// A name without a path separator that the catalogue knows is taken as an id (write `./llama`
/// for a file of that name). A path that exists wins over a model id of the same spelling.
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
    let mut report = check_subject(subject, context, options)?;
    report.locate_in_catalogue(Catalogue::embedded()?);
    Ok(report)
}

/// [`check`] before what is left of the evidence is located in the catalogue's texts.
fn check_subject(subject: &str, context: &Context, options: &CheckOptions) -> Result<Report> {
    let catalogue = Catalogue::embedded()?;
    if subject == crate::subject::STDIN {
        let text = crate::subject::read_stdin(options.limits)?;
        return check_file(subject, Path::new("<stdin>"), &text, context, options);
    }
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
    if let Some(id) = crate::subject::ModelId::parse(subject) {
        return crate::subject::check_model_id(subject, &id, context, options);
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
    let shown_path = if subject == crate::subject::STDIN {
        subject.to_string()
    } else {
        path.to_string_lossy().into_owned()
    };
    let Some(mut card) = card else {
        let mut report = check_text(subject, text, context, options);
        report.locate(LICENCE_DOCUMENT, &shown_path, text);
        return Ok(report);
    };
    // A README.md card in a model folder is the folder: its licence file is part of the model.
    let folder = path
        .parent()
        .filter(|_| path.file_name().is_some_and(|n| n == "README.md"));
    if let Some(dir) = folder
        && crate::licence_files::has_licence_file(dir)
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
    let no_files = crate::licence_files::FolderFiles::default();
    let mut report = crate::model::check_card(subject, &card, &no_files, &index, context, options);
    report.locate(crate::metadata::CARD_DOCUMENT, &shown_path, text);
    Ok(report)
}

/// Checks a catalogue licence by its curated terms; evidence points into the catalogue's text.
/// Of the model nothing is known but its licence (see [`crate::modality::of_licence`]).
pub fn check_licence(
    subject: &str,
    licence: &Licence,
    context: &Context,
    options: &CheckOptions,
    notes: Vec<String>,
) -> Report {
    let model = crate::modality::of_licence(licence);
    check_licence_for(subject, licence, &model, context, options, notes)
}

/// [`check_licence`] for a model of which `model` is known.
pub(crate) fn check_licence_for(
    subject: &str,
    licence: &Licence,
    model: &ModelFacts,
    context: &Context,
    options: &CheckOptions,
    notes: Vec<String>,
) -> Report {
    let findings = evaluate_model(&licence.terms, context, model);
    let report = LicenceReport {
        id: Some(licence.id.clone()),
        name: Some(licence.name.clone()),
        spdx: Some(licence.spdx.clone()),
        match_info: MatchInfo {
            method: MatchMethod::CatalogueId,
            confidence: 1.0,
            dice: None,
            nearest: None,
            based_on: None,
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
    check_text_for(subject, text, None, context, options)
}

/// [`check_text`] for a model of which `model` is known; `None` when only the licence is, so
/// that what the catalogue knows of the identified licence's models is used.
pub(crate) fn check_text_for(
    subject: &str,
    text: &str,
    model: Option<&ModelFacts>,
    context: &Context,
    options: &CheckOptions,
) -> Report {
    let unknown = ModelFacts::default();
    let Ok(catalogue) = Catalogue::embedded() else {
        return unidentified(
            subject,
            text,
            None,
            None,
            model.unwrap_or(&unknown),
            context,
            options,
        );
    };
    let words = Words::new(text);
    let found = identify_words(catalogue, text, &words);
    let Some(licence) = found.licence else {
        return unidentified(
            subject,
            text,
            Some(&found),
            None,
            model.unwrap_or(&unknown),
            context,
            options,
        );
    };
    let of_licence;
    let model = match model {
        Some(model) => model,
        None => {
            of_licence = crate::modality::of_licence(licence);
            &of_licence
        }
    };
    if !found.exact
        && !found.policy_only
        && let Some(title) = foreign_title(text, &Names::of(licence))
    {
        // A licence with a name of its own is not the catalogue licence it borrows from.
        let own_name = OwnName {
            licence,
            confidence: found.confidence,
            title,
        };
        return unidentified(
            subject,
            text,
            Some(&found),
            Some(own_name),
            model,
            context,
            options,
        );
    }
    let (mut backed, mut missing) = if text == licence.text {
        // The catalogue's own file: its evidence already points into these bytes.
        (licence.terms.clone(), Vec::new())
    } else {
        relocate(licence, text, &words)
    };
    let mut text_notes = Vec::new();
    // Terms are read again only where the words changed: a copy that differs in format alone
    // has the catalogue's terms, whatever the extractor would make of its clauses.
    let words_changed = !found.changes.is_empty() || !missing.is_empty();
    if !found.exact && !found.policy_only && words_changed {
        let extracted = extract_terms(text);
        text_notes = take_changed_terms(licence, &extracted, &mut backed);
        // A clause whose term already shows as changed is reported there, not again.
        let changed: Vec<&Evidence> = text_notes.iter().flat_map(|f| &f.evidence).collect();
        missing.retain(|clause| !changed.contains(&clause));
    }
    let mut findings = evaluate_model(&backed, context, model);
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
            based_on: None,
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

/// A licence that names itself, and the catalogue licence its text is based on.
#[derive(Clone, Copy)]
struct OwnName<'c> {
    licence: &'c Licence,
    /// The share of the catalogue licence's text found in this one.
    confidence: f64,
    /// The byte range of its own title.
    title: (usize, usize),
}

/// A report for a text that is no catalogue licence: the terms its clauses give, and a review,
/// since no person has curated them. `own_name` is set for a licence with a name of its own
/// whose text is based on a catalogue licence.
fn unidentified(
    subject: &str,
    text: &str,
    found: Option<&TextMatch>,
    own_name: Option<OwnName>,
    model: &ModelFacts,
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
    let title = own_name.map(|own| {
        let (start, end) = own.title;
        Evidence {
            start,
            end,
            text: text[start..end].to_string(),
            document: LICENCE_DOCUMENT.to_string(),
            lang: None,
            line: None,
            column: None,
        }
    });
    let message = match (&own_name, &title, &nearest) {
        (Some(own), Some(title), _) => format!(
            "This licence names itself \"{}\": its text is based on {} ({}, {:.0}% of whose text it holds) but it is a licence of its own, not that one. The terms below were read from its whole text and a person must check them.",
            title.text,
            own.licence.name,
            own.licence.id,
            own.confidence * 100.0
        ),
        (_, _, Some(n)) if n.confidence >= 0.3 => format!(
            "The licence text matches no catalogue licence (the nearest, {}, matches {:.0}% of its text): the terms below were read from its clauses and a person must check them.",
            n.id,
            n.confidence * 100.0
        ),
        _ => "The text matches no licence in the catalogue: the terms below were read from its clauses and a person must check them.".to_string(),
    };
    let mut findings = evaluate_model(&extracted.backed, context, model);
    findings.push(Finding::new(
        Rule::UnknownLicence,
        Severity::Review,
        message,
        title.iter().cloned().collect(),
    ));
    findings.extend(unclear_findings(&extracted));
    let report = LicenceReport {
        id: None,
        name: title.map(|t| t.text),
        spdx: None,
        match_info: MatchInfo {
            method: MatchMethod::None,
            confidence: found.map_or(0.0, |m| m.confidence),
            dice: None,
            nearest,
            based_on: own_name.map(|own| BasedOn {
                id: own.licence.id.clone(),
                name: own.licence.name.clone(),
                confidence: own.confidence,
            }),
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
            .map(|clause| match find_clause(words, &clause.text) {
                Some((start, end)) => Evidence {
                    start,
                    end,
                    text: text[start..end].to_string(),
                    document: LICENCE_DOCUMENT.to_string(),
                    lang: None,
                    line: None,
                    column: None,
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

/// Finds a curated clause in a text: verbatim up to [`Words`]' normalisation, or with its list
/// marker renumbered or dropped, or with its Markdown links written as their URLs (format that
/// the words alone do not absorb).
fn find_clause(words: &Words, clause: &str) -> Option<(usize, usize)> {
    static FORMS: OnceLock<Option<(Regex, Regex)>> = OnceLock::new();
    if let Some(found) = words.find(&Words::new(clause)) {
        return Some(found);
    }
    let (marker, link) = FORMS
        .get_or_init(|| {
            let marker =
                Regex::new(r"^\s*\(?(?:[0-9]{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})\\?[.)]\s+").ok()?;
            let link = Regex::new(r"\[([^\[\]]*)\]\(([^)\s]*)\)").ok()?;
            Some((marker, link))
        })
        .as_ref()?;
    let unnumbered = marker.replace(clause, "");
    let linked = link.replace_all(&unnumbered, "$2");
    [unnumbered.as_ref(), linked.as_ref()]
        .into_iter()
        .find_map(|form| words.find(&Words::new(form)))
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
    let struck = crate::text::struck_spans(text);
    if !struck.is_empty() {
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Review,
            format!(
                "The file strikes through or hides {} passage(s): a reader does not see them as in force, so the text was read without them, and a person must judge what the publisher meant.",
                struck.len()
            ),
            struck
                .iter()
                .take(QUOTED_CHANGES)
                .map(|&(start, end)| Evidence {
                    start,
                    end,
                    text: text[start..end].to_string(),
                    document: LICENCE_DOCUMENT.to_string(),
                    lang: None,
                    line: None,
                    column: None,
                })
                .collect(),
        ));
    }
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
    if !found.changes.is_empty() {
        findings.push(changes_finding(licence, found, text));
    }
    if !found.exact && findings.is_empty() {
        findings.push(Finding::new(
            Rule::ModifiedLicence,
            Severity::Info,
            format!(
                "The text differs from the catalogue's copy of {} ({:.1}% of its shingles found) only in format and allow-listed material (a title, source, URL or copyright line).",
                licence.id,
                found.confidence * 100.0
            ),
            Vec::new(),
        ));
    }
    findings
}

/// The passages quoted in a `modified-licence` finding, at most; the message counts them all.
const QUOTED_CHANGES: usize = 5;

/// One review for everything the file changes beyond format: the file's own passages, with
/// their offsets. Whether an added passage reads like a licence term explains the finding; it
/// never dismisses one, since a term can be stated in words no rule knows.
fn changes_finding(licence: &Licence, found: &TextMatch, text: &str) -> Finding {
    let changes = &found.changes;
    let added: usize = changes.iter().map(|c| c.added).sum();
    let removed: usize = changes.iter().map(|c| c.removed_words).sum();
    let terms_like = changes
        .iter()
        .filter(|c| c.added > 0 && reads_as_terms(&text[c.start..c.end]))
        .count();
    let evidence: Vec<Evidence> = changes
        .iter()
        .take(QUOTED_CHANGES)
        .map(|c| Evidence {
            start: c.start,
            end: c.end,
            text: text[c.start..c.end].to_string(),
            document: LICENCE_DOCUMENT.to_string(),
            lang: None,
            line: None,
            column: None,
        })
        .collect();
    let left_out: Vec<String> = changes
        .iter()
        .take(QUOTED_CHANGES)
        .filter(|c| !c.removed.is_empty())
        .map(|c| format!("\"{}\"", c.removed))
        .collect();
    let left_out = if left_out.is_empty() {
        String::new()
    } else {
        format!(" Left out or replaced: {}.", left_out.join(", "))
    };
    let reading = if terms_like > 0 {
        format!(" {terms_like} added passage(s) read like licence terms.")
    } else if added > 0 {
        " No added passage reads like a licence term to the checker, which does not make it harmless.".to_string()
    } else {
        String::new()
    };
    let quoted = if changes.len() > QUOTED_CHANGES {
        format!("the first {QUOTED_CHANGES} are quoted")
    } else {
        "each is quoted".to_string()
    };
    Finding::new(
        Rule::ModifiedLicence,
        Severity::Review,
        format!(
            "This copy of {} differs from the catalogue's text beyond format in {} place(s): {added} word(s) added, {removed} of its words left out or replaced ({quoted} from this file). Any such change may add, remove or alter a term, so a person must read it.{reading}{left_out}",
            licence.id,
            changes.len(),
        ),
        evidence,
    )
}
