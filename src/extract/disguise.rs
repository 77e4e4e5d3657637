//! Disguised words: a sentence in which a word is written with an invisible character between
//! its letters, with a Cyrillic or Greek letter drawn like a Latin one, or with its letters
//! spaced apart ("p r o h i b i t e d"), was read as a person
//! reads it ([`crate::text::Plain::reading`]); the disguise itself is quoted for review, since
//! no honest licence needs one.

use super::Extraction;
use crate::terms::TermName;

impl Extraction<'_> {
    /// Quotes each sentence holding a disguised word. Runs last: the quote must not count as a
    /// reading of the sentence for the rules that look for passages nothing read.
    pub(super) fn disguised_words(&mut self) {
        let mut at = self.plain.disguised().peekable();
        let mut quoted = Vec::new();
        for s in &self.all {
            while at.next_if(|&k| k < s.start).is_some() {}
            if at.peek().is_some_and(|&k| k < s.end) {
                quoted.push(*s);
            }
        }
        for s in quoted {
            self.unclear(
                TermName::CommercialUse,
                "a word here is written with an invisible character between its letters, with a letter of another script drawn like a Latin one, or with its letters spaced apart: it was read as the word it shows, but a disguised word is there to escape a search, and a person must read the clause",
                s,
            );
        }
    }
}
