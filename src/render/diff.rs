//! A licence diff as text for a terminal and as Markdown.

use std::fmt::Write as _;

use super::human::one_line;

use crate::diff::{ClauseChange, ClauseKind, DiffSide, LicenceDiff, TermValue, TermsFrom};
use crate::terms::{Evidence, LICENCE_DOCUMENT};

/// The diff as text for a terminal: the sides, the terms that changed with both clauses quoted,
/// then the clauses that changed.
pub fn diff_human(diff: &LicenceDiff) -> String {
    super::document(&diff_text(diff))
}

fn diff_text(diff: &LicenceDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "A: {}", side_line(&diff.a));
    let _ = writeln!(out, "B: {}", side_line(&diff.b));
    for note in &diff.notes {
        let _ = writeln!(out, "note: {note}");
    }
    if diff.is_empty() {
        out.push_str("\nNo difference in terms or clauses (format aside).\n");
        return out;
    }
    let _ = writeln!(out, "\nTerms that differ: {}", diff.terms.len());
    for change in &diff.terms {
        let _ = writeln!(
            out,
            "\n  {}: {} -> {}",
            change.term.as_str(),
            change.a.words,
            change.b.words
        );
        quote_lines(&mut out, "A", &change.a, &diff.a);
        quote_lines(&mut out, "B", &change.b, &diff.b);
    }
    clause_section(&mut out, "Licence clauses", &diff.clauses, false);
    clause_section(&mut out, "Use policy clauses", &diff.policy_clauses, false);
    out
}

/// The diff as a Markdown document.
pub fn diff_markdown(diff: &LicenceDiff) -> String {
    super::document(&diff_document(diff))
}

fn diff_document(diff: &LicenceDiff) -> String {
    let mut out = String::from("# Licence diff\n\n");
    let _ = writeln!(out, "- **A**: {}", side_line(&diff.a));
    let _ = writeln!(out, "- **B**: {}", side_line(&diff.b));
    for note in &diff.notes {
        let _ = writeln!(out, "- Note: {note}");
    }
    if diff.is_empty() {
        out.push_str("\nNo difference in terms or clauses (format aside).\n");
        return out;
    }
    let _ = writeln!(out, "\n## Terms that differ ({})\n", diff.terms.len());
    if !diff.terms.is_empty() {
        out.push_str("| term | A | B |\n|---|---|---|\n");
        for change in &diff.terms {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                change.term.as_str(),
                cell(&change.a.words),
                cell(&change.b.words)
            );
        }
        for change in &diff.terms {
            let _ = writeln!(out, "\n### `{}`\n", change.term.as_str());
            for (label, value) in [("A", &change.a), ("B", &change.b)] {
                let _ = writeln!(out, "**{label}**: {}\n", value.words);
                if value.evidence.is_empty() {
                    out.push_str("> (no clause)\n\n");
                }
                for e in &value.evidence {
                    let side = if label == "A" { &diff.a } else { &diff.b };
                    let _ = writeln!(out, "> {}\n>\n> — {}\n", one_line(&e.text), place(e, side));
                }
            }
        }
    }
    clause_section(&mut out, "Licence clauses", &diff.clauses, true);
    clause_section(&mut out, "Use policy clauses", &diff.policy_clauses, true);
    out
}

fn side_line(side: &DiffSide) -> String {
    let licence = match (&side.name, &side.licence) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        _ => "no catalogue licence".to_string(),
    };
    let from = match side.terms_from {
        TermsFrom::Catalogue => "curated terms",
        TermsFrom::Text => "terms read from the text",
    };
    format!("{} = {licence}, {}, {from}", side.subject, side.path)
}

fn quote_lines(out: &mut String, label: &str, value: &TermValue, side: &DiffSide) {
    if value.evidence.is_empty() {
        let _ = writeln!(out, "    {label}: (no clause)");
    }
    for e in &value.evidence {
        let _ = writeln!(
            out,
            "    {label} {}: \"{}\"",
            place(e, side),
            one_line(&e.text)
        );
    }
}

/// Where a clause is: the side's licence file for the `licence` document, else its document.
fn place(e: &Evidence, side: &DiffSide) -> String {
    if e.document == LICENCE_DOCUMENT {
        format!("{} bytes {}..{}", side.path, e.start, e.end)
    } else {
        e.place()
    }
}

fn clause_section(out: &mut String, title: &str, changes: &[ClauseChange], markdown: bool) {
    if changes.is_empty() {
        return;
    }
    let count = |kind: ClauseKind| changes.iter().filter(|c| c.kind == kind).count();
    let summary = format!(
        "{title}: {} added, {} removed, {} reworded, {} moved",
        count(ClauseKind::Added),
        count(ClauseKind::Removed),
        count(ClauseKind::Reworded),
        count(ClauseKind::Moved)
    );
    if markdown {
        let _ = writeln!(out, "\n## {summary}\n");
    } else {
        let _ = writeln!(out, "\n{summary}");
    }
    for change in changes {
        let kind = match change.kind {
            ClauseKind::Added => "added",
            ClauseKind::Removed => "removed",
            ClauseKind::Reworded => "reworded",
            ClauseKind::Moved => "moved",
        };
        let section = change
            .section
            .as_deref()
            .map(|s| format!(" in \"{}\"", one_line(s)))
            .unwrap_or_default();
        if markdown {
            let _ = writeln!(out, "- **{kind}**{section}");
        } else {
            let _ = writeln!(out, "\n  {kind}{section}");
        }
        for (sign, clause) in [("-", &change.a), ("+", &change.b)] {
            let Some(clause) = clause else { continue };
            let text = one_line(&clause.text);
            if markdown {
                let _ = writeln!(
                    out,
                    "  - `{sign}` bytes {}..{}: {}",
                    clause.start,
                    clause.end,
                    cell(&text)
                );
            } else {
                let _ = writeln!(out, "    {sign} [{}..{}] {text}", clause.start, clause.end);
            }
        }
    }
}

/// Text safe in a Markdown table cell or list item.
pub(super) fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}
