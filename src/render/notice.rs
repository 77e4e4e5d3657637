//! A notice as a plain NOTICE file and as Markdown. Every string of a licence's is quoted as the
//! licence gives it; the headings and labels are ours.

use std::fmt::Write as _;

use super::diff::cell;
use super::human::one_line;

use crate::evaluate::Verdict;
use crate::notice::{Duty, LicenceNotice, Notice, NoticeSubject};
use crate::shown::escape_controls;
use crate::terms::Evidence;

const RULE: &str =
    "================================================================================";
const THIN: &str =
    "--------------------------------------------------------------------------------";

/// The labels of the duties, in the order shown.
fn duties(licence: &LicenceNotice) -> [(&'static str, &Option<Duty>); 6] {
    [
        (
            "Notice to keep in a \"Notice\" text file distributed with every copy",
            &licence.notice,
        ),
        ("Attribution to display", &licence.attribution),
        ("A derived model's name must begin with", &licence.naming),
        (
            "A copy of the licence goes with every copy",
            &licence.licence_copy,
        ),
        ("A use policy binds the licensee", &licence.use_policy),
        (
            "Use restrictions flow down to recipients as an enforceable provision",
            &licence.flow_down,
        ),
    ]
}

/// The notice as a plain-text NOTICE file: the models and their licences, what each licence
/// requires with the clauses that say so, then each licence text verbatim.
pub fn notice_text(notice: &Notice) -> String {
    super::document(&notice_file(notice))
}

fn notice_file(notice: &Notice) -> String {
    let mut out = String::from("THIRD-PARTY MODEL NOTICES\n\n");
    uncleared(&mut out, &notice.subjects, "");
    out.push_str("Models and the licences they are used under:\n\n");
    for subject in &notice.subjects {
        let name = escape_controls(&subject.subject);
        let _ = writeln!(out, "  {name}: {}", licences_of(subject));
    }
    for licence in &notice.licences {
        let _ = writeln!(out, "\n{RULE}\n{}", title(licence));
        let _ = writeln!(out, "Models: {}", licence.subjects.join(", "));
        for (label, duty) in duties(licence) {
            let Some(duty) = duty else { continue };
            let _ = writeln!(out, "\n{label}:");
            if let Some(value) = &duty.value {
                let _ = writeln!(out, "    {value}");
            }
            if let Some(condition) = &duty.condition {
                let _ = writeln!(out, "  (due {condition})");
            }
            for clause in &duty.clauses {
                let _ = writeln!(
                    out,
                    "  From {}: \"{}\"",
                    place(clause, licence),
                    one_line(&clause.text)
                );
            }
        }
        if !licence.texts.is_empty() {
            let _ = writeln!(out, "\nTexts included below: {}", licence.texts.join(", "));
        }
    }
    for text in &notice.texts {
        let _ = writeln!(out, "\n{RULE}\n{}\n{THIN}", text.name);
        out.push_str(text.text.trim_end());
        out.push('\n');
    }
    out
}

/// The notice as Markdown: the same content, with each licence text in a fenced block.
pub fn notice_markdown(notice: &Notice) -> String {
    super::document(&notice_document(notice))
}

fn notice_document(notice: &Notice) -> String {
    let mut out = String::from("# Third-party model notices\n\n");
    uncleared(&mut out, &notice.subjects, "> ");
    out.push_str("| model | licences | verdict |\n|---|---|---|\n");
    for subject in &notice.subjects {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&subject.subject),
            cell(&licences_of(subject)),
            subject.verdict
        );
    }
    for licence in &notice.licences {
        let _ = writeln!(out, "\n## {}\n", title(licence));
        let _ = writeln!(out, "Models: {}\n", licence.subjects.join(", "));
        for (label, duty) in duties(licence) {
            let Some(duty) = duty else { continue };
            let _ = writeln!(out, "**{label}**\n");
            if let Some(value) = &duty.value {
                let _ = writeln!(out, "```text\n{value}\n```\n");
            }
            if let Some(condition) = &duty.condition {
                let _ = writeln!(out, "Due {condition}.\n");
            }
            for clause in &duty.clauses {
                let _ = writeln!(
                    out,
                    "> {}\n>\n> — {}\n",
                    one_line(&clause.text),
                    clause.place()
                );
            }
        }
        if !licence.texts.is_empty() {
            let names: Vec<String> = licence.texts.iter().map(|t| format!("`{t}`")).collect();
            let _ = writeln!(out, "Texts included: {}", names.join(", "));
        }
    }
    if !notice.texts.is_empty() {
        out.push_str("\n## Licence texts\n");
    }
    for text in &notice.texts {
        let fence = fence_for(&text.text);
        let _ = writeln!(
            out,
            "\n### `{}`\n\n{fence}text\n{}\n{fence}",
            text.name,
            text.text.trim_end()
        );
    }
    out
}

/// The subjects that are not cleared, first, so that no one ships the notice unaware.
fn uncleared(out: &mut String, subjects: &[NoticeSubject], prefix: &str) {
    let not_cleared: Vec<&NoticeSubject> = subjects
        .iter()
        .filter(|s| matches!(s.verdict, Verdict::Blocked | Verdict::NeedsReview))
        .collect();
    for subject in &not_cleared {
        let state = match subject.verdict {
            Verdict::Blocked => "BLOCKED",
            _ => "NEEDS REVIEW",
        };
        let name = escape_controls(&subject.subject);
        let _ = writeln!(out, "{prefix}{state}: {name}");
        for reason in &subject.reasons {
            let _ = writeln!(out, "{prefix}  - {}", one_line(reason));
        }
    }
    if !not_cleared.is_empty() {
        out.push('\n');
    }
}

/// Where a clause is: its file and line where the report located it, else its document and
/// bytes.
fn place(clause: &Evidence, licence: &LicenceNotice) -> String {
    let file = licence
        .sources
        .iter()
        .find(|s| s.document == clause.document)
        .map(|s| s.path.as_str());
    match (file, clause.line, clause.column) {
        (Some(path), Some(line), Some(column)) => format!(
            "{path} line {line}:{column}, bytes {}..{}",
            clause.start, clause.end
        ),
        _ => clause.place(),
    }
}

fn licences_of(subject: &NoticeSubject) -> String {
    if subject.licences.is_empty() {
        "no catalogue licence".to_string()
    } else {
        subject.licences.join(" + ")
    }
}

fn title(licence: &LicenceNotice) -> String {
    match (&licence.name, &licence.licence) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        (Some(name), None) => name.clone(),
        _ => "A licence matching no catalogue licence".to_string(),
    }
}

/// A fence longer than any run of backticks in the text.
fn fence_for(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}
