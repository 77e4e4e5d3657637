//! Every output format of a report, and of a batch of them: text for a terminal, JSON and
//! JSON Lines, a Markdown review document, SARIF 2.1.0 for code-scanning pages, a
//! self-contained HTML review page, and a CycloneDX 1.6 bill of materials. All are
//! deterministic (the same reports give the same bytes), and all read what they show from the
//! reports: nothing is read again from the disk. The outputs for people (text, Markdown, the
//! notice, the diff) show every control character from the input escaped ([`escape_controls`])
//! and name files by [`path_name`]; the JSON formats carry strings as they are.

mod cyclonedx;
mod diff;
mod explain;
mod html;
mod human;
mod json;
mod markdown;
mod notice;
mod sarif;

pub use crate::shown::{escape_controls, escape_controls_in_lines, path_name};
pub use cyclonedx::cyclonedx_bom;
pub use diff::{diff_human, diff_markdown};
pub use explain::explain_report;
pub use html::html_review;
pub use human::{catalogue_table, human_report, licence_sheet, scan_line};
pub use json::{json_item, json_line, json_report};
pub use markdown::{markdown_review, markdown_review_on};
pub use notice::{notice_markdown, notice_text};
pub use sarif::{FINGERPRINT, SarifOptions, sarif_log, sarif_log_with};

impl crate::report::Report {
    /// The report as pretty-printed JSON (`CONTRACT.md`); see [`json_report`].
    pub fn to_json(&self) -> String {
        json_report(self)
    }

    /// The report as text for a terminal, with ANSI colour when `colour` is set; see
    /// [`human_report`].
    pub fn to_human(&self, colour: bool) -> String {
        human_report(self, colour)
    }
}

/// A whole document for people with every control character but its line breaks and tabs
/// escaped, so that no text from the input can drive the terminal it is printed on.
pub(crate) fn document(text: &str) -> String {
    escape_controls_in_lines(text).into_owned()
}
