//! A notice to keep in a "Notice" file with distributed copies.

use super::phrases::{K_NOTICE, Keys, NOTICE_INTRO, Phrase};
use super::{Extraction, Sentence};
use crate::terms::TermName;

impl Extraction<'_> {
    /// Sentences that end in an introduction ("... the following notice:") followed, after
    /// white space or a paragraph break, by an opening quote: the sentence and where the
    /// quotation's text begins.
    pub(super) fn intro_then_quote(&self, re: &Phrase, keys: Keys) -> Vec<(Sentence, usize)> {
        self.captures(re, keys)
            .into_iter()
            .filter_map(|(s, caps)| {
                let colon = s.start + caps.get(0)?.end();
                let after = &self.plain.text[colon..];
                let skipped = after.len() - after.trim_start().len();
                after
                    .trim_start()
                    .starts_with('"')
                    .then_some((s, colon + skipped + 1))
            })
            .collect()
    }

    /// Where a quotation opened at `open` ends: at the first quote that closes a sentence or a
    /// clause (followed by punctuation, a line end, "and" or a parenthesis, or preceded by a full
    /// stop). Quotes inside the quotation ("the trademark rights of "Tencent Hunyuan" are ...")
    /// are followed by a word and do not end it.
    pub(super) fn closing_quote(&self, open: usize) -> Option<usize> {
        let t = self.plain.text.as_bytes();
        (open..t.len().min(open + 1200)).find(|&i| {
            if t[i] != b'"' {
                return false;
            }
            let rest = &self.plain.text[i + 1..];
            rest.is_empty()
                || (i > 0 && t[i - 1] == b'.')
                || rest.starts_with(['.', ',', ';', ')', '\n'])
                || rest.starts_with(" and ")
                || rest.starts_with(" (")
        })
    }

    pub(super) fn notice(&mut self) {
        let Some((s, open)) = self
            .intro_then_quote(&NOTICE_INTRO, K_NOTICE)
            .into_iter()
            .next()
        else {
            return;
        };
        let close = self.closing_quote(open);
        match close.and_then(|c| self.quoted(open, c)) {
            Some(notice) if !notice.is_empty() => {
                self.terms.notice = Some(notice);
                self.cite(
                    TermName::Notice,
                    Sentence {
                        start: s.start,
                        end: close.map_or(s.end, |c| c + 1),
                    },
                );
            }
            _ => self.unclear(
                TermName::Notice,
                "a required notice whose text could not be delimited",
                s,
            ),
        }
    }
}
