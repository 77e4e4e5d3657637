//! A notice to keep in a "Notice" file with distributed copies.

use super::phrases::{K_NOTICE, Keys, NOTICE_BLOCK_REF, NOTICE_INTRO, NOTICE_LABEL, Phrase};
use super::{Caps, Extraction, Sentence};
use crate::terms::TermName;

impl Extraction<'_> {
    /// Sentences that end in an introduction ("... the following notice:") followed, after
    /// white space or a paragraph break, by an opening quote, which may stand in a Markdown
    /// quotation ("> "..."): the sentence and where the quotation's text begins.
    pub(super) fn intro_then_quote(&self, re: &Phrase, keys: Keys) -> Vec<(Sentence, usize)> {
        self.quotes_after(&self.captures(re, keys))
    }

    /// [`Extraction::intro_then_quote`] on introductions already captured (a reader that reads
    /// them several ways captures them once).
    pub(super) fn quotes_after(&self, intros: &[(Sentence, Caps<'_>)]) -> Vec<(Sentence, usize)> {
        intros
            .iter()
            .filter_map(|(s, caps)| {
                let s = *s;
                let colon = s.start + caps.get(0)?.end();
                let after = &self.plain.text[colon..];
                let trimmed = after.trim_start();
                // A quotation after a fence tidying kept ("notice: ```text "..."", a fence
                // within a line): a fence that opens a line is a paragraph break already.
                let trimmed = trimmed.strip_prefix("```").map_or(trimmed, |rest| {
                    rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric())
                        .trim_start()
                });
                let quoted = trimmed.strip_prefix('>').map_or(trimmed, str::trim_start);
                let skipped = after.len() - quoted.len();
                quoted.starts_with('"').then_some((s, colon + skipped + 1))
            })
            .collect()
    }

    /// The quotation opened at `open` after sentence `s` introduces it: the sentence run on to
    /// the closing quote, and the quotation's span (see [`Extraction::closing_quote`]).
    pub(super) fn quotation_after(
        &self,
        s: Sentence,
        open: usize,
    ) -> Option<(Sentence, (usize, usize))> {
        let close = self.closing_quote(open)?;
        let cited = Sentence {
            start: s.start,
            end: close + 1,
        };
        Some((cited, (open, close)))
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
                || rest.starts_with(['.', ',', ';', ')', '\n', '（', '，', '。', '；'])
                || rest.starts_with(" and ")
                || rest.starts_with(" (")
                // The end of a fenced code block the quotation stands in.
                || rest.starts_with(" ```")
        })
    }

    /// "Reproduce block (A) of §3.1 verbatim in your NOTICE": the notice is the fenced block
    /// under the heading that holds "(A)".
    fn notice_block(&mut self) {
        let refs: Vec<(Sentence, String)> = self
            .captures(&NOTICE_BLOCK_REF, K_NOTICE)
            .into_iter()
            .filter_map(|(s, caps)| Some((s, caps.get(1)?.as_str().to_string())))
            .collect();
        for (s, label) in refs {
            match labelled_block(self.text, &label) {
                Some(block) => {
                    self.terms.notice = Some(block);
                    self.cite(TermName::Notice, s);
                    return;
                }
                None => self.unclear(
                    TermName::Notice,
                    "a block to reproduce verbatim that could not be found",
                    s,
                ),
            }
        }
    }

    /// "Required Notice: Copyright 2026 Jane Roe. ...": the notice is the rest of the labelled
    /// line, which may hold several sentences.
    fn notice_label(&mut self) {
        let found = self
            .captures(&NOTICE_LABEL, K_NOTICE)
            .into_iter()
            .find_map(|(s, caps)| {
                let start = s.start + caps.get(1)?.start();
                let rest = self.plain.text.get(start..)?;
                Some((s, start, start + rest.find('\n').unwrap_or(rest.len())))
            });
        let Some((s, start, end)) = found else {
            return;
        };
        if let Some(notice) = self.quoted(start, end) {
            self.terms.notice = Some(notice);
            self.cite(
                TermName::Notice,
                Sentence {
                    start: s.start,
                    end,
                },
            );
        }
    }

    /// The original of a translated string: a parenthesised text in Latin script right after
    /// the closing quote at `close` of its rendering ("“本 Stability AI 模型…”（This Stability AI
    /// Model is licensed under …）"), as the span of its text.
    pub(super) fn original_after(&self, close: usize) -> Option<(usize, usize)> {
        let rest = self.plain.text.get(close + 1..)?;
        let paren = ['（', '('].into_iter().find(|p| rest.starts_with(*p))?;
        let start = close + 1 + paren.len_utf8();
        let inner = self.plain.text.get(start..)?;
        let inner = &inner[..inner.find(['）', ')', '\n'])?];
        let letters = inner.chars().filter(char::is_ascii_alphabetic).count();
        let latin = inner.chars().all(|c| c.is_ascii() || !c.is_alphabetic());
        (letters >= 4 && latin).then_some((start, start + inner.len()))
    }

    pub(super) fn notice(&mut self) {
        let Some((s, open)) = self
            .intro_then_quote(&NOTICE_INTRO, K_NOTICE)
            .into_iter()
            .next()
        else {
            self.notice_block();
            if self.terms.notice.is_none() {
                self.notice_label();
            }
            return;
        };
        let close = self.closing_quote(open);
        // A translated licence gives the original notice after its rendering: that is the text
        // the licence asks for.
        let (open, close) = match close.and_then(|c| self.original_after(c)) {
            Some((start, end)) => (start, Some(end)),
            None => (open, close),
        };
        match close
            .and_then(|c| self.quoted(open, c))
            .map(without_quote_marks)
        {
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

/// A notice given as a Markdown quotation over several lines, without the "> " that opens each
/// of its lines (the words joined by single spaces already).
fn without_quote_marks(notice: String) -> String {
    if !notice.contains(" > ") {
        return notice;
    }
    notice
        .split(' ')
        .filter(|word| *word != ">")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The most lines between a labelled heading and the fenced block it labels.
const MAX_LINES_TO_BLOCK: usize = 3;

/// The text of the fenced block ("```" ... "```") right under the Markdown heading that holds
/// `(label)`, trimmed.
fn labelled_block(text: &str, label: &str) -> Option<String> {
    let mark = format!("({label})");
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += line.len();
        let heading = line.trim_start();
        if heading.starts_with('#') && heading.contains(&mark) {
            return fenced_block(&text[at..]);
        }
    }
    None
}

/// The first fenced block of `rest`, if it opens within a few lines.
fn fenced_block(rest: &str) -> Option<String> {
    let open = rest.find("```")?;
    if rest[..open].matches('\n').count() > MAX_LINES_TO_BLOCK {
        return None;
    }
    let body = open + rest[open..].find('\n')? + 1;
    let close = body + rest[body..].find("\n```")?;
    let block = rest[body..close].trim();
    (!block.is_empty()).then(|| block.to_string())
}
