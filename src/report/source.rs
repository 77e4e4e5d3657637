//! Where the report's evidence was read: each document's file, each quote's line and column in
//! it, and the text itself. Filled in once, where the texts are at hand, so that renderers
//! (SARIF, human output, the HTML page that shows whole texts) never go back to the disk or
//! guess.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::identify::MatchMethod;
use crate::report::Report;
use crate::terms::{Evidence, LICENCE_DOCUMENT};

/// A text the report's evidence points into.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    /// The name evidence gives it in [`Evidence::document`]: `licence`, `card`, a file of the
    /// model folder (`LICENSE-MODEL`), or a catalogue id (`llama-3.3-aup`).
    pub document: String,
    /// Where it was read: a path as the subject names it (`models/x/LICENSE`), `-` for standard
    /// input, or `licences/ID/LICENSE.txt` (or `POLICY.txt`) for the catalogue's own copy.
    pub path: String,
    /// Whether it is the catalogue's own copy of a licence, not a file of the subject.
    pub catalogue: bool,
    /// The text as it was read (the catalogue's copy is borrowed, a file's is kept), for
    /// renderers that show a quote in its whole document. Not part of the JSON: a report read
    /// back from JSON has none.
    #[serde(skip)]
    text: Option<Cow<'static, str>>,
}

impl Source {
    /// The text the evidence offsets point into, when this report read it (a report read back
    /// from JSON has none).
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }
}

/// Two sources are the same place whatever text is kept with them, so that a report equals
/// itself read back from its JSON.
impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        (&self.document, &self.path, self.catalogue)
            == (&other.document, &other.path, other.catalogue)
    }
}

impl Eq for Source {}

/// The 1-based line and column (in characters) of a byte offset in a text.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |at| at + 1);
    let line = 1 + memchr::memchr_iter(b'\n', before.as_bytes()).count();
    (line, 1 + before[line_start..].chars().count())
}

impl Report {
    /// Every piece of evidence in the report: the findings' and the clauses behind the terms.
    fn evidence_mut(&mut self) -> impl Iterator<Item = &mut Evidence> {
        let findings = self.findings.iter_mut().flat_map(|f| f.evidence.iter_mut());
        let clauses = self.licence.clauses.values_mut().flatten();
        findings.chain(clauses)
    }

    /// Records that `document` was read from `path` as `text`, and gives each quote from it,
    /// not yet located, its line and column. A quote is only located where the text holds it
    /// at its offsets, so a document name that means another text here locates nothing.
    pub(crate) fn locate(&mut self, document: &str, path: &str, text: &str) {
        let source = Source {
            document: document.to_string(),
            path: path.to_string(),
            catalogue: false,
            text: None,
        };
        self.locate_source(source, text, || Cow::Owned(text.to_string()));
    }

    /// Locates the quotes of `source` in `text`; the source is recorded, with the text `keep`
    /// gives, when it holds any.
    fn locate_source(
        &mut self,
        mut source: Source,
        text: &str,
        keep: impl FnOnce() -> Cow<'static, str>,
    ) {
        let mut found = false;
        for evidence in self.evidence_mut() {
            let unlocated = evidence.document == source.document && evidence.line.is_none();
            if unlocated && text.get(evidence.start..evidence.end) == Some(evidence.text.as_str()) {
                let (line, column) = line_and_column(text, evidence.start);
                evidence.line = Some(line);
                evidence.column = Some(column);
                found = true;
            }
        }
        let known = self.sources.iter().any(|s| s.document == source.document);
        if found && !known {
            source.text = Some(keep());
            self.sources.push(source);
        }
    }

    /// Locates what is left in the catalogue's own texts: clauses named by a licence or policy
    /// id, and the `licence` document when the licence was identified by id or metadata (its
    /// clauses are the catalogue's, not a file's).
    pub(crate) fn locate_in_catalogue(&mut self, catalogue: &Catalogue) {
        let mut documents: Vec<String> = self
            .evidence_mut()
            .filter(|e| e.line.is_none())
            .map(|e| e.document.clone())
            .collect();
        documents.sort();
        documents.dedup();
        let by_id = matches!(
            self.licence.match_info.method,
            MatchMethod::CatalogueId | MatchMethod::Metadata
        );
        for document in documents {
            let name = match (document.as_str(), &self.licence.id) {
                (LICENCE_DOCUMENT, Some(id)) if by_id => id.clone(),
                _ => document.clone(),
            };
            let Some((licence, text)) = catalogue.document(&name) else {
                continue;
            };
            let file = if licence.id == name {
                "LICENSE.txt"
            } else {
                "POLICY.txt"
            };
            let source = Source {
                document,
                path: format!("licences/{}/{file}", licence.id),
                catalogue: true,
                text: None,
            };
            self.locate_source(source, text, || Cow::Borrowed(text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let text = "first\nsecond — line\nthird";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 6), (2, 1));
        let after_dash = text.find("line").unwrap();
        assert_eq!(line_and_column(text, after_dash), (2, 10));
        assert_eq!(line_and_column(text, text.len() + 5), (3, 6));
        // Inside a multi-byte character: its own position.
        assert_eq!(line_and_column(text, after_dash - 2), (2, 8));
    }
}
