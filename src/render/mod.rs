//! Every output format of a report, and of a batch of them: text for a terminal, JSON and
//! JSON Lines, a Markdown review document, SARIF 2.1.0 for code-scanning pages, a
//! self-contained HTML review page, and a CycloneDX 1.6 bill of materials. All are
//! deterministic (the same reports give the same bytes), and all read what they show from the
//! reports: nothing is read again from the disk.

mod cyclonedx;
mod diff;
mod explain;
mod html;
mod human;
mod json;
mod markdown;
mod notice;
mod sarif;

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
