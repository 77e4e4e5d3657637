//! Checking a licence: a catalogue licence by its curated terms, or a licence text, identified
//! against the catalogue, its terms taken from the catalogue or read from its clauses.

use std::sync::OnceLock;

use regex::Regex;

use crate::catalogue::Licence;
use crate::changes::{Names, foreign_title};
use crate::evaluate::{Finding, ModelFacts, Rule, Severity, evaluate_model};
use crate::extract::{ExtractedTerms, MAX_READ_BYTES, extract_terms, reads_as_terms};
use crate::identify::{MatchMethod, TextMatch, identify_words};
use crate::report::{BasedOn, LicenceReport, MatchInfo, Nearest, Report, Run, sha256_hex};
use crate::terms::{BackedTerms, Evidence, LICENCE_DOCUMENT, TermEvidence};
use crate::text::Words;

/// Checks a catalogue licence by its curated terms; evidence points into the catalogue's text.
/// `model` is what is known of the model (of a bare licence, what the catalogue knows of the
/// models published under it: see [`crate::modality::of_licence`]).
pub(crate) fn check_licence(
    run: &Run,
    licence: &Licence,
    model: &ModelFacts,
    notes: Vec<String>,
) -> Report {
    let mut findings = evaluate_model(licence.terms(), run.context, model);
    findings.extend(crate::catalogue::generic::review(licence));
    let report = LicenceReport::of_licence(
        licence,
        MatchInfo::new(MatchMethod::CatalogueId, 1.0),
        licence.terms().clone(),
        Some(sha256_hex(licence.text)),
    );
    run.report(report, notes, findings)
}

/// Checks a licence text: identifies it, then evaluates the catalogue's terms with evidence
/// relocated into this text and any term the text changes taken from the text; or, when
/// unidentified, evaluates the terms its clauses give and asks for review. `model` is what is
/// known of the model; `None` when only the licence is, so that what the catalogue knows of the
/// identified licence's models is used.
pub(crate) fn check_text(run: &Run, text: &str, model: Option<&ModelFacts>) -> Report {
    let unknown = ModelFacts::default();
    if text.len() > MAX_READ_BYTES {
        // Far longer than any licence: comparing it word by word with the catalogue would take
        // seconds, and whatever it holds past the read budget is unread anyway.
        return unidentified(run, text, None, None, model.unwrap_or(&unknown));
    }
    let words = Words::new(text);
    let found = identify_words(run.catalogue, text, &words);
    let Some(licence) = found.licence else {
        return unidentified(run, text, Some(&found), None, model.unwrap_or(&unknown));
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
        return unidentified(run, text, Some(&found), Some(own_name), model);
    }
    let (mut backed, mut missing) = if text == licence.text {
        // The catalogue's own file: its evidence already points into these bytes.
        (licence.terms().clone(), Vec::new())
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
    let mut findings = evaluate_model(&backed, run.context, model);
    findings.extend(text_notes);
    findings.extend(text_findings(licence, &found, text, missing));
    let match_info = MatchInfo {
        dice: found.dice,
        ..MatchInfo::new(MatchMethod::Text, found.confidence)
    };
    let report = LicenceReport::of_licence(licence, match_info, backed, Some(sha256_hex(text)));
    run.report(report, Vec::new(), findings)
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
    let curated = &licence.terms();
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
        let was = curated.terms.field_words(term);
        backed.terms.copy_field(term, &extracted.backed.terms);
        let now = backed.terms.field_words(term);
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
                "This copy of {} changes the {} (`{}`): it reads \"{now}\" here, where the published licence reads \"{was}\". This text's value is the one evaluated.",
                licence.id,
                term.as_str().replace('_', " "),
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
    run: &Run,
    text: &str,
    found: Option<&TextMatch>,
    own_name: Option<OwnName>,
    model: &ModelFacts,
) -> Report {
    let extracted = extract_terms(text);
    let nearest = found
        .and_then(|m| m.nearest)
        .map(|(licence, confidence)| Nearest {
            id: licence.id.clone(),
            confidence,
        });
    let title = own_name.and_then(|own| {
        let (start, end) = own.title;
        Evidence::span(text, start, end, LICENCE_DOCUMENT)
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
        _ if text.len() > MAX_READ_BYTES => format!(
            "The text is {} bytes, over the {MAX_READ_BYTES} bytes a licence text is compared with the catalogue for (the longest licence known is 35 KB): it was not identified, the terms below were read from its clauses and a person must check them.",
            text.len()
        ),
        _ => "The text matches no licence in the catalogue: the terms below were read from its clauses and a person must check them.".to_string(),
    };
    let mut findings = evaluate_model(&extracted.backed, run.context, model);
    findings.push(Finding::new(
        Rule::UnknownLicence,
        Severity::Review,
        message,
        title.iter().cloned().collect(),
    ));
    findings.extend(unclear_findings(&extracted));
    let match_info = MatchInfo {
        nearest,
        based_on: own_name.map(|own| BasedOn {
            id: own.licence.id.clone(),
            name: own.licence.name.clone(),
            confidence: own.confidence,
        }),
        ..MatchInfo::new(MatchMethod::None, found.map_or(0.0, |m| m.confidence))
    };
    let report = LicenceReport {
        name: title.map(|t| t.text),
        ..LicenceReport::unnamed(match_info, extracted.backed, Some(sha256_hex(text)))
    };
    run.report(report, Vec::new(), findings)
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
    for (term, clauses) in &licence.terms().evidence {
        let moved = clauses
            .iter()
            .map(|clause| {
                let found = find_clause(words, &clause.text)
                    .and_then(|(start, end)| Evidence::span(text, start, end, LICENCE_DOCUMENT));
                found.unwrap_or_else(|| {
                    let catalogue_copy = licence.catalogue_evidence(clause);
                    if clause.document == LICENCE_DOCUMENT && !missing.contains(&catalogue_copy) {
                        missing.push(catalogue_copy.clone());
                    }
                    catalogue_copy
                })
            })
            .collect();
        evidence.insert(*term, moved);
    }
    let backed = BackedTerms {
        terms: licence.terms().terms.clone(),
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
                .filter_map(|&(start, end)| Evidence::span(text, start, end, LICENCE_DOCUMENT))
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

/// How many added passages read like licence terms, and whether all were read: they are read
/// in order until [`MAX_READ_BYTES`] of them have been (each reading costs an extraction, and
/// the count only explains a review that stands anyway).
fn added_terms_like(changes: &[crate::changes::TextChange], text: &str) -> (usize, bool) {
    let mut read = 0;
    let mut terms_like = 0;
    for change in changes.iter().filter(|c| c.added > 0) {
        if read >= MAX_READ_BYTES {
            return (terms_like, false);
        }
        let passage = &text[change.start..change.end];
        read += passage.len();
        terms_like += usize::from(reads_as_terms(passage));
    }
    (terms_like, true)
}

/// One review for everything the file changes beyond format: the file's own passages, with
/// their offsets. Whether an added passage reads like a licence term explains the finding; it
/// never dismisses one, since a term can be stated in words no rule knows.
fn changes_finding(licence: &Licence, found: &TextMatch, text: &str) -> Finding {
    let changes = &found.changes;
    let added: usize = changes.iter().map(|c| c.added).sum();
    let removed: usize = changes.iter().map(|c| c.removed_words).sum();
    let (terms_like, read_all) = added_terms_like(changes, text);
    let evidence: Vec<Evidence> = changes
        .iter()
        .take(QUOTED_CHANGES)
        .filter_map(|c| Evidence::span(text, c.start, c.end, LICENCE_DOCUMENT))
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
    let reading = if !read_all {
        format!(
            " {terms_like} of the added passages in the first {MAX_READ_BYTES} bytes read like licence terms; those past them were not read."
        )
    } else if terms_like > 0 {
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
