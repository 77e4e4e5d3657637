//! What changed between two licences: term by term, each value with the clauses behind it,
//! then clause by clause, the texts aligned and every clause added, removed, reworded or moved,
//! format aside.
//!
//! Each side is a catalogue licence (by id or alias: its curated terms, its `LICENSE.txt` and
//! `POLICY.txt`), a licence file, or a model folder (its licence file and use policy as read; a
//! folder with no licence file stands for the catalogue licence its card declares). A text's
//! terms are those a check reads from it: the catalogue's terms where it is a copy of a catalogue
//! licence, and the text's own wherever its words change them.
//!
//! ```
//! use model_licence::diff::{ClauseKind, diff};
//! use model_licence::terms::TermName;
//! use model_licence::{Checker, Subject};
//!
//! let checker = Checker::new();
//! let changes = diff(&checker, &Subject::parse("llama-3"), &Subject::parse("llama-3.1"))?;
//! let output = changes.terms.iter().find(|t| t.term == TermName::OutputTraining).unwrap();
//! assert_eq!((output.a.words.as_str(), output.b.words.as_str()), ("prohibited", "conditional"));
//! // Both clauses are quoted, with their byte offsets into each licence text.
//! assert!(output.a.evidence[0].text.contains("improve any other large language model"));
//! assert!(changes.clauses.iter().any(|c| c.kind == ClauseKind::Reworded));
//! # Ok::<(), model_licence::Error>(())
//! ```

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use regex::Regex;
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::catalogue::Licence;
use crate::changes::{Names, harmless_clause};
use crate::checker::Checker;
use crate::context::Context;
use crate::error::{Error, Origin, Result};
use crate::licence_files::{FileRole, read_licence_files};
use crate::metadata::has_front_matter;
use crate::report::sha256_hex;
use crate::subject::{Subject, read_stdin};
use crate::terms::{Evidence, TermEvidence, TermName, Terms};
use crate::text::{Plain, Words, read_text_file};

/// How long one alignment of clauses may take; past it the alignment is coarser, which shows
/// more changes, never fewer.
const DEADLINE: Duration = Duration::from_millis(500);
/// Two clauses that share at least this share of their words are one clause reworded.
const REWORDED_RATIO: f32 = 0.5;
/// A clause of a licence text this like a clause of a use policy is that clause, inline.
const POLICY_RATIO: f32 = 0.8;
/// A heading has at most this many words.
const HEADING_WORDS: usize = 10;

/// The differences between two licences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicenceDiff {
    /// The first licence (the "before").
    pub a: DiffSide,
    /// The second licence (the "after").
    pub b: DiffSide,
    /// The terms whose values differ, in report order.
    pub terms: Vec<TermChange>,
    /// The clauses of the licence texts that differ, in the order of the texts.
    pub clauses: Vec<ClauseChange>,
    /// The clauses of the use policies that differ, where both sides have one.
    pub policy_clauses: Vec<ClauseChange>,
    /// What the reader should know about how the sides were read.
    pub notes: Vec<String>,
}

impl LicenceDiff {
    /// Whether the two licences differ in no term and no clause.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.clauses.is_empty() && self.policy_clauses.is_empty()
    }
}

/// Where a side's terms come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermsFrom {
    /// The catalogue's curated terms.
    Catalogue,
    /// Read from the text, as a check reads it.
    Text,
}

/// One side of a diff: which licence, where its text was read, and its terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffSide {
    /// The side as the user named it.
    pub subject: String,
    /// The catalogue licence it is, or whose text it is a copy of (`null` when none).
    pub licence: Option<String>,
    /// That licence's name.
    pub name: Option<String>,
    /// Where its terms come from.
    pub terms_from: TermsFrom,
    /// Where the licence text was read: a file, or `licences/ID/LICENSE.txt` for the catalogue.
    pub path: String,
    /// Where its use policy was read, where it has one as a text of its own.
    pub policy_path: Option<String>,
    /// The SHA-256 of the licence text.
    pub sha256: String,
    /// The terms.
    pub terms: Terms,
    /// The licence text.
    #[serde(skip)]
    pub text: String,
    /// The use policy text, where there is one.
    #[serde(skip)]
    pub policy_text: Option<String>,
    /// The clauses behind each term.
    #[serde(skip)]
    pub clauses: TermEvidence,
}

/// One term whose value differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermChange {
    /// The term.
    pub term: TermName,
    /// Its value in the first licence.
    pub a: TermValue,
    /// Its value in the second.
    pub b: TermValue,
}

/// A term's value on one side, and the clauses behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermValue {
    /// The value as the JSON report gives it.
    pub value: serde_json::Value,
    /// The value in words.
    pub words: String,
    /// The clauses behind it (offsets into that side's licence text, or its policy where the
    /// evidence names the policy).
    pub evidence: Vec<Evidence>,
}

/// How a clause changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// Only in the second text.
    Added,
    /// Only in the first text.
    Removed,
    /// In both, in other words.
    Reworded,
    /// In both, word for word, at another place.
    Moved,
}

/// A clause of one text: its byte range and its words as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Byte offset of its first byte in its text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The clause as written.
    pub text: String,
}

/// A clause that differs between the texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseChange {
    /// How it changed.
    pub kind: ClauseKind,
    /// The heading of the section it is in (of the second text, or of the first for a clause
    /// removed), where the text has headings.
    pub section: Option<String>,
    /// The clause in the first text (absent when added).
    pub a: Option<Clause>,
    /// The clause in the second text (absent when removed).
    pub b: Option<Clause>,
}

/// Compares two licences (see the [module](self)'s docs). An error means a side could not be
/// read or names no licence.
pub fn diff(checker: &Checker, a: &Subject, b: &Subject) -> Result<LicenceDiff> {
    let (a, mut notes) = side(checker, a)?;
    let (b, b_notes) = side(checker, b)?;
    notes.extend(b_notes);
    let terms = a
        .terms
        .differing_fields(&b.terms)
        .into_iter()
        .map(|term| TermChange {
            term,
            a: value(&a, term),
            b: value(&b, term),
        })
        .collect();
    let names = names(checker, &a, &b);
    let policy_keys: Vec<String> = [&a.policy_text, &b.policy_text]
        .into_iter()
        .flatten()
        .flat_map(|policy| pieces(policy).into_iter().map(|p| p.key))
        .collect();
    let mut clauses = clause_changes(&a.text, &b.text, &names);
    let before = clauses.len();
    clauses.retain(|c| !policy_clause(c, &policy_keys));
    if clauses.len() < before {
        notes.push(format!(
            "{} clauses added or removed in the licence texts are clauses of a use policy (a licence text that carries its policy inline): they are left out here, and the policies are compared on their own where both sides have one",
            before - clauses.len()
        ));
    }
    let policy_clauses = match (&a.policy_text, &b.policy_text) {
        (Some(pa), Some(pb)) => clause_changes(pa, pb, &names),
        (Some(_), None) | (None, Some(_)) => {
            let (with, without) = if a.policy_text.is_some() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            notes.push(format!(
                "{} has a use policy as a text of its own and {} has none: the policies were not compared",
                with.subject, without.subject
            ));
            Vec::new()
        }
        (None, None) => Vec::new(),
    };
    Ok(LicenceDiff {
        a,
        b,
        terms,
        clauses,
        policy_clauses,
        notes,
    })
}

/// One term's value on one side.
fn value(side: &DiffSide, term: TermName) -> TermValue {
    let value = serde_json::to_value(&side.terms)
        .ok()
        .and_then(|all| all.get(term.as_str()).cloned())
        .unwrap_or(serde_json::Value::Null);
    TermValue {
        value,
        words: side.terms.field_words(term),
        evidence: side.clauses.get(&term).cloned().unwrap_or_default(),
    }
}

/// The names both sides' licences go by: a title line made of them is no change.
fn names(checker: &Checker, a: &DiffSide, b: &DiffSide) -> Names {
    let mut names = Names::default();
    if let Ok(catalogue) = checker.catalogue() {
        for id in [&a.licence, &b.licence].into_iter().flatten() {
            if let Some(licence) = catalogue.get(id) {
                names.extend(Names::of(licence));
            }
        }
    }
    names
}

/// Reads one side, with notes on how.
fn side(checker: &Checker, subject: &Subject) -> Result<(DiffSide, Vec<String>)> {
    let catalogue = checker.catalogue()?;
    let name = subject.name();
    match subject {
        Subject::LicenceId(id) => match catalogue.resolve(id) {
            Ok(resolved) => Ok((
                catalogue_side(&name, resolved.licence),
                resolved.note.into_iter().collect(),
            )),
            Err(_) if !id.is_empty() && std::fs::symlink_metadata(id).is_ok() => {
                path_side(checker, &name, Path::new(id))
            }
            Err(unknown) => Err(unknown),
        },
        Subject::ModelId(model) => match catalogue.model(&model.repo) {
            Some((licence, _)) => Ok((
                catalogue_side(&name, licence),
                vec![format!(
                    "{name}: the catalogue lists it under {} ({}); its files were not read",
                    licence.name, licence.id
                )],
            )),
            None => Err(unsupported(
                &name,
                "is no file or folder, nor a model the catalogue lists",
            )),
        },
        Subject::Path(path) => path_side(checker, &name, path),
        Subject::LicenceText(text) => text_side(checker, &name, text, None, &name),
        Subject::Stdin => {
            let text = read_stdin(checker.limits())?;
            text_side(checker, &name, &text, None, &name)
        }
        _ => Err(unsupported(
            &name,
            "a diff compares licences: give a catalogue id, a licence file or a model folder",
        )),
    }
}

fn unsupported(name: &str, message: &str) -> Error {
    Error::Unsupported {
        origin: Origin::Memory(name.to_string()),
        message: message.to_string(),
    }
}

/// A catalogue licence: its curated terms and its own texts.
fn catalogue_side(subject: &str, licence: &Licence) -> DiffSide {
    DiffSide {
        subject: subject.to_string(),
        licence: Some(licence.id.clone()),
        name: Some(licence.name.clone()),
        terms_from: TermsFrom::Catalogue,
        path: format!("licences/{}/LICENSE.txt", licence.id),
        policy_path: licence
            .policy_text
            .map(|_| format!("licences/{}/POLICY.txt", licence.id)),
        sha256: sha256_hex(licence.text),
        terms: licence.terms().terms.clone(),
        text: licence.text.to_string(),
        policy_text: licence.policy_text.map(str::to_string),
        clauses: licence.terms().evidence.clone(),
    }
}

/// A file or a model folder.
fn path_side(checker: &Checker, subject: &str, path: &Path) -> Result<(DiffSide, Vec<String>)> {
    if path.is_dir() {
        return folder_side(checker, subject, path);
    }
    if !path.exists() {
        return Err(Error::NotFound {
            origin: Origin::Path(path.to_path_buf()),
        });
    }
    let text = read_text_file(path, checker.limits())?;
    if has_front_matter(&text) {
        // A model card stands for its folder: its licence files, or what it declares.
        let dir = path.parent().unwrap_or(Path::new("."));
        return folder_side(checker, subject, dir);
    }
    let shown = crate::shown::path_name(path.as_os_str());
    text_side(checker, subject, &text, None, &shown)
}

/// A model folder: its licence file and use policy, as read; without a licence file, the
/// catalogue licence a check of the folder finds.
fn folder_side(checker: &Checker, subject: &str, dir: &Path) -> Result<(DiffSide, Vec<String>)> {
    let files = read_licence_files(dir, None, checker.limits())?;
    let readable = |roles: &[FileRole]| {
        files.files.iter().find_map(|f| match &f.content {
            Ok(text) if roles.contains(&f.role) => Some((files.path_of(&f.name), text.clone())),
            _ => None,
        })
    };
    let policy = readable(&[FileRole::UsePolicy]);
    if let Some((path, text)) = readable(&[FileRole::ModelLicence, FileRole::Licence]) {
        return text_side(checker, subject, &text, policy, &path);
    }
    let report = checker.check(
        &Subject::Path(dir.to_path_buf()),
        &Context::default_assumed(),
    )?;
    let catalogue = checker.catalogue()?;
    let Some(licence) = report
        .licence
        .id
        .as_deref()
        .and_then(|id| catalogue.get(id))
    else {
        return Err(unsupported(
            subject,
            "has no readable licence file, and its card names no catalogue licence",
        ));
    };
    let note = format!(
        "{subject} has no licence file: it stands for {} ({}), the licence a check of it finds, and the catalogue's text and terms are compared",
        licence.name, licence.id
    );
    Ok((catalogue_side(subject, licence), vec![note]))
}

/// A licence text: the terms a check reads from it.
fn text_side(
    checker: &Checker,
    subject: &str,
    text: &str,
    policy: Option<(String, String)>,
    path: &str,
) -> Result<(DiffSide, Vec<String>)> {
    let report = checker.check(
        &Subject::LicenceText(text.to_string()),
        &Context::default_assumed(),
    )?;
    let licence = report.licence;
    let read = match (&licence.id, &licence.name) {
        (Some(id), Some(name)) => format!(
            "{subject}: terms read from {path}, a copy of {name} ({id}, {:.0}% of its text): the catalogue's terms, and the text's own wherever its words change them",
            licence.match_info.confidence * 100.0
        ),
        _ => format!(
            "{subject}: terms read from the clauses of {path}, which matches no catalogue licence: a person must check them"
        ),
    };
    let (policy_path, policy_text) = policy.unzip();
    Ok((
        DiffSide {
            subject: subject.to_string(),
            licence: licence.id,
            name: licence.name,
            terms_from: TermsFrom::Text,
            path: path.to_string(),
            policy_path,
            sha256: sha256_hex(text),
            terms: licence.terms,
            text: text.to_string(),
            policy_text,
            clauses: licence.clauses,
        },
        vec![read],
    ))
}

/// A clause of a text, ready for alignment.
struct Piece {
    start: usize,
    end: usize,
    /// Its words, without list markers: what is compared.
    key: String,
    /// The heading of its section.
    section: Option<String>,
}

/// A text cut into clauses: its blocks (paragraphs, list items, headings) cut into sentences,
/// each with the heading of its section. A list marker alone is no clause.
fn pieces(text: &str) -> Vec<Piece> {
    let mut section = None;
    let mut out = Vec::new();
    for (block_start, block_end) in blocks(text) {
        let block = &text[block_start..block_end];
        let plain = Plain::new(block);
        // A numbered item's number, cut off its heading by the sentence split (`1.` `Definitions.`).
        let mut numbered = false;
        for (start, end) in crate::extract::clause_ranges(&plain) {
            let Some((from, to)) = plain.original(start, end) else {
                continue;
            };
            let tidy = &plain.text[start..end];
            if is_marker(tidy) {
                numbered = tidy.trim_start().starts_with(|c: char| c.is_ascii_digit());
                continue;
            }
            let original = block.get(from..to).unwrap_or_default();
            let key = clause_key(tidy, original);
            if key.is_empty() {
                continue;
            }
            if is_heading(tidy, original, &key, numbered) {
                let heading = strip_markers(tidy).trim().trim_end_matches('.');
                section = Some(heading.to_string());
            }
            numbered = false;
            out.push(Piece {
                start: block_start + from,
                end: block_start + to,
                key,
                section: section.clone(),
            });
        }
    }
    out
}

/// The blocks of a text: byte ranges cut at blank lines and before each line that opens a list
/// item or a Markdown heading.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    static OPENS: OnceLock<Option<Regex>> = OnceLock::new();
    let opens = OPENS.get_or_init(|| {
        Regex::new(r"^\s*(?:[-*+\u{2022}]\s|#{1,6}\s|\(?(?:\d{1,2}(?:\.\d{1,2})*|[A-Za-z]|[ivxIVX]{1,5})[.)]\s)").ok()
    });
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        let opening = opens.as_ref().is_some_and(|o| o.is_match(line));
        if (blank || opening) && at > start {
            out.push((start, at));
            start = at;
        }
        at += line.len();
        // A blank line is no block; a Markdown heading is one of its own.
        if blank {
            start = at;
        } else if line.trim_start().starts_with('#') {
            out.push((start, at));
            start = at;
        }
    }
    if at > start {
        out.push((start, at));
    }
    out
}

/// What is compared of a clause (`tidy`, written `original`): its words without the list
/// markers that open it or, on a line of their own or after its last stop, close it.
fn clause_key(tidy: &str, original: &str) -> String {
    let words = Words::new(strip_markers(tidy)).joined;
    let closing = marker_patterns()
        .as_ref()
        .and_then(|(_, closing, _)| closing.captures(original.trim_end()))
        .and_then(|caps| caps.get(1))
        .map_or(0, |marker| Words::new(marker.as_str()).len());
    let kept: Vec<&str> = words.split(' ').collect();
    match kept.len().checked_sub(closing) {
        Some(n) if n > 0 && closing > 0 => kept[..n].join(" "),
        _ => words,
    }
}

/// The list-marker patterns: a marker opening a clause (`1.`, `(a)`, `iv)`, `2.1`), one
/// closing it (the next item's number, on a line of its own or after the clause's last stop:
/// `... children.” iv.`), and one alone.
fn marker_patterns() -> &'static Option<(Regex, Regex, Regex)> {
    static PATTERNS: OnceLock<Option<(Regex, Regex, Regex)>> = OnceLock::new();
    // A dotted number first, so that `2.1` is one marker and not `2.` then `1`.
    const MARKER: &str = r"(?:\d{1,2}(?:\.\d{1,2})+\.?|\(?(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,5})[.)])";
    PATTERNS.get_or_init(|| {
        let opening = Regex::new(&format!(r"^\s*(?:{MARKER}\s*)+")).ok()?;
        let closing = Regex::new(&format!(
            r#"(?:\n|[.;:"')\u{{201d}}\u{{2019}}])\s*({MARKER})\s*$"#
        ))
        .ok()?;
        let alone = Regex::new(&format!(r"^\s*{MARKER}\s*$")).ok()?;
        Some((opening, closing, alone))
    })
}

/// A clause without the list markers that open it.
fn strip_markers(clause: &str) -> &str {
    match marker_patterns()
        .as_ref()
        .and_then(|(opening, _, _)| opening.find(clause))
    {
        Some(found) if found.end() < clause.len() => &clause[found.end()..],
        _ => clause,
    }
}

/// A list marker alone.
fn is_marker(clause: &str) -> bool {
    marker_patterns()
        .as_ref()
        .is_some_and(|(_, _, alone)| alone.is_match(clause))
}

/// A heading: a few words that are numbered (`1. Definitions.`; `numbered` when the number
/// was a clause of its own), in capitals, or a Markdown heading. `original` is the clause as
/// written.
fn is_heading(tidy: &str, original: &str, key: &str, numbered: bool) -> bool {
    let few = key.split(' ').count() <= HEADING_WORDS;
    let numbered = numbered
        || tidy.trim_start().starts_with(|c: char| c.is_ascii_digit())
            && strip_markers(tidy).len() < tidy.trim().len();
    let capitals = tidy.chars().any(char::is_alphabetic) && !tidy.chars().any(char::is_lowercase);
    // Title case: every longer word capitalised (`Grant of Rights`, not `Any other activity`).
    let titled = strip_markers(tidy)
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.starts_with(char::is_uppercase));
    let markdown = original.trim_start().starts_with('#');
    few && !tidy.contains(':') && (numbered && titled || capitals || markdown)
}

/// The clauses that differ between two texts, format aside.
fn clause_changes(a: &str, b: &str, names: &Names) -> Vec<ClauseChange> {
    let old = pieces(a);
    let new = pieces(b);
    let old_keys: Vec<&str> = old.iter().map(|p| p.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|p| p.key.as_str()).collect();
    let deadline = Instant::now() + DEADLINE;
    let mut changes = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, Some(deadline)) {
        let (tag, olds, news) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        changes.extend(pair_up(a, &old[olds], b, &new[news]));
    }
    mark_moved(&mut changes);
    changes.retain(|c| !harmless(c, names));
    changes
}

/// A clause added or removed that is a clause of a use policy, word for word or nearly (an
/// inline copy may name the model otherwise).
fn policy_clause(change: &ClauseChange, policy_keys: &[String]) -> bool {
    match (&change.a, &change.b) {
        (Some(only), None) | (None, Some(only)) => {
            let key = clause_key(&Plain::new(&only.text).text, &only.text);
            policy_keys
                .iter()
                .any(|p| *p == key || likeness(p, &key) >= POLICY_RATIO)
        }
        _ => false,
    }
}

/// A clause added or removed that the allow-list calls harmless.
fn harmless(change: &ClauseChange, names: &Names) -> bool {
    match (&change.a, &change.b) {
        (Some(only), None) | (None, Some(only)) => harmless_clause(&only.text, names),
        _ => false,
    }
}

fn clause(text: &str, piece: &Piece) -> Clause {
    Clause {
        start: piece.start,
        end: piece.end,
        text: text
            .get(piece.start..piece.end)
            .unwrap_or_default()
            .to_string(),
    }
}

/// The clauses of one differing stretch: each clause of the first text paired, in order, with
/// the most alike clause of the second (reworded), the rest removed or added.
fn pair_up(a: &str, old: &[Piece], b: &str, new: &[Piece]) -> Vec<ClauseChange> {
    let mut out = Vec::new();
    let mut next_new = 0;
    for o in old {
        let best = (next_new..new.len())
            .map(|j| (j, likeness(&o.key, &new[j].key)))
            .filter(|(_, ratio)| *ratio >= REWORDED_RATIO)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let Some((j, _)) = best else {
            out.push(ClauseChange {
                kind: ClauseKind::Removed,
                section: o.section.clone(),
                a: Some(clause(a, o)),
                b: None,
            });
            continue;
        };
        out.extend(new[next_new..j].iter().map(|n| added(b, n)));
        out.push(ClauseChange {
            kind: ClauseKind::Reworded,
            section: new[j].section.clone(),
            a: Some(clause(a, o)),
            b: Some(clause(b, &new[j])),
        });
        next_new = j + 1;
    }
    out.extend(new[next_new..].iter().map(|n| added(b, n)));
    out
}

fn added(b: &str, piece: &Piece) -> ClauseChange {
    ClauseChange {
        kind: ClauseKind::Added,
        section: piece.section.clone(),
        a: None,
        b: Some(clause(b, piece)),
    }
}

/// The share of two clauses' words they have in common, in order (0..1).
fn likeness(a: &str, b: &str) -> f32 {
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    similar::TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_slices(&a, &b)
        .ratio()
}

/// A clause removed in one place and added word for word in another is one clause moved.
fn mark_moved(changes: &mut Vec<ClauseChange>) {
    let key = |c: &Clause| clause_key(&Plain::new(&c.text).text, &c.text);
    let mut i = 0;
    while i < changes.len() {
        let removed = match (&changes[i].kind, &changes[i].a) {
            (ClauseKind::Removed, Some(clause)) => key(clause),
            _ => {
                i += 1;
                continue;
            }
        };
        let twin = changes.iter().position(|c| {
            c.kind == ClauseKind::Added && c.b.as_ref().is_some_and(|b| key(b) == removed)
        });
        match twin {
            Some(j) => {
                let arrived = changes.remove(j);
                let at = if j < i { i - 1 } else { i };
                changes[at].kind = ClauseKind::Moved;
                changes[at].b = arrived.b;
                changes[at].section = arrived.section;
                i = at + 1;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_are_not_words_of_a_clause() {
        assert_eq!(strip_markers("1. Definitions"), "Definitions");
        assert_eq!(strip_markers("b. (i) You may"), "You may");
        assert_eq!(strip_markers("2.1 Scope"), "Scope");
        assert_eq!(strip_markers("A licence"), "A licence");
        assert_eq!(
            clause_key("Violence or terrorism ii.", "Violence or terrorism\nii."),
            "violence or terrorism"
        );
        assert_eq!(
            clause_key("Reserved.\" iv.", "Reserved.\u{201d} iv."),
            "reserved"
        );
        assert_eq!(
            clause_key("as in Exhibit A.", "as in Exhibit A."),
            "as in exhibit a"
        );
        assert!(is_marker(" iv. ") && !is_marker("iv. You"));
    }

    #[test]
    fn a_clause_moved_word_for_word_is_one_change() {
        let a = "First clause here.\n\nSecond clause there.\n\nThird clause now.";
        let b = "Second clause there.\n\nFirst clause here.\n\nThird clause now.";
        let changes = clause_changes(a, b, &Names::default());
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, ClauseKind::Moved);
    }

    #[test]
    fn rewording_and_format_are_told_apart() {
        let a = "1. You may use the Model for research.\n\nYou must keep this notice.";
        let b = "**1.** You may use the *Model* for research and evaluation.\n\nYou must keep this notice.";
        let changes = clause_changes(a, b, &Names::default());
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, ClauseKind::Reworded);
        let after = changes[0].b.as_ref().unwrap();
        assert_eq!(&b[after.start..after.end], after.text);
        assert!(after.text.contains("evaluation"));
    }
}
