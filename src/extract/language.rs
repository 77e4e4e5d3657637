//! Languages: the language of each clause, told from its script, and a review for a text in a
//! language the rules cannot read.

use super::phrases::{K_OTHER_LANGUAGE, languages};
use super::{Extraction, Sentence};
use crate::terms::TermName;

impl Extraction<'_> {
    /// A text mostly in a script the rules do not read (they read English and Chinese) that
    /// grants nothing the rules read can only be reviewed: say so.
    pub(super) fn language(&mut self, granted: bool) {
        if granted {
            // A text that grants rights was read: its letters need no counting.
            return;
        }
        let (mut letters, mut latin, mut han) = (0, 0, 0);
        for c in self.plain.text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            if c.is_ascii_alphabetic() {
                latin += 1;
            } else if script_language(c) == Some("zh") {
                han += 1;
            }
        }
        if letters > 200 && (latin + han) * 2 < letters {
            let first = self
                .all
                .first()
                .copied()
                .unwrap_or(Sentence { start: 0, end: 0 });
            self.unclear(
                TermName::CommercialUse,
                "the text is mostly in a language the clause rules cannot read (they read English and Chinese)",
                first,
            );
        }
    }

    /// A passage in a language the rules cannot read, that no rule read, may limit what the
    /// rest of the text grants: each is quoted for review and no permissive value stands. Where
    /// no grant was read (`granted` false), it may also state duties: see
    /// [`Extraction::duties_unread`].
    pub(super) fn unread_languages(&mut self, granted: bool) {
        let unread = self.unread_passages();
        if unread.is_empty() {
            return;
        }
        if !granted {
            self.duties_unread(&unread);
        }
        if !self.reads_permissive() {
            return;
        }
        for s in unread {
            self.unclear(
                TermName::CommercialUse,
                "a passage in a language the clause rules cannot read (they read English and Chinese): it may limit what the rest of the text grants",
                s,
            );
        }
        self.no_permissive_value();
    }

    /// A duty the text does not state reads as none only where the text was read: where no grant
    /// was read and passages are in a language the rules cannot read ("Repassar estes mesmos
    /// termos a quem receber os artefatos", round 18), a use policy, restrictions passed on and
    /// the licence passed on are taken to bind, each quoting those passages for review. (A
    /// grant read, such as a Creative Commons licence adopted, says which duties bind.)
    fn duties_unread(&mut self, unread: &[Sentence]) {
        let duties = [
            (TermName::UsePolicy, self.terms.use_policy),
            (TermName::FlowDown, self.terms.flow_down),
            (TermName::LicenceCopy, self.terms.licence_copy),
        ];
        for (term, stated) in duties {
            if stated {
                continue;
            }
            for s in unread {
                self.cite(term, *s);
                self.unclear(
                    term,
                    "a passage in a language the clause rules cannot read (they read English and Chinese) may state this duty: it is taken to bind until a person reads it",
                    *s,
                );
            }
        }
        self.terms.use_policy = true;
        self.terms.flow_down = true;
        self.terms.licence_copy = true;
    }

    /// The sentences in a language the rules cannot read: Latin letters in the words of another
    /// language (`languages.toml`), Japanese or Korean script, or mostly letters of another
    /// script (Cyrillic, Arabic, ...).
    fn unread_passages(&self) -> Vec<Sentence> {
        let bit = K_OTHER_LANGUAGE.bit();
        self.all
            .iter()
            .zip(&self.masks)
            .filter(|(s, mask)| {
                let text = self.sentence_text(**s);
                ((*mask & bit != 0 && in_other_latin_language(text))
                    || (!text.is_ascii() && in_other_script(text)))
                    && !self.accounted_for(**s)
            })
            .map(|(s, _)| *s)
            .collect()
    }
}

/// Whether a sentence in Latin letters holds at least three words of a language the rules do
/// not read, and more of them than English words.
fn in_other_latin_language(sentence: &str) -> bool {
    let words = languages();
    let (mut other, mut english) = (0, 0);
    for word in sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if words.other.contains(&word) {
            other += 1;
        } else if words.english.contains(&word) {
            english += 1;
        }
    }
    other >= 3 && other > english
}

/// Whether a sentence is in Japanese or Korean, or mostly in letters of a script other than
/// Latin and Han.
fn in_other_script(sentence: &str) -> bool {
    if matches!(clause_language(sentence), Some("ja" | "ko")) {
        return true;
    }
    let (mut letters, mut read) = (0, 0);
    for c in sentence.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        // Latin letters, accented ones included, and Han.
        if c.is_ascii_alphabetic()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || script_language(c) == Some("zh")
        {
            read += 1;
        }
    }
    letters >= 12 && read * 2 < letters
}

/// The language of a clause, told from its script: the language of most of its letters that have
/// one (`zh`, `ja`, `ko`), or `None` when most of its letters are Latin (English).
pub fn clause_language(clause: &str) -> Option<&'static str> {
    if clause.is_ascii() {
        return None;
    }
    let latin = clause.bytes().filter(u8::is_ascii_alphabetic).count();
    let (mut han, mut kana, mut hangul) = (0, 0, 0);
    for c in clause.chars().filter(|c| !c.is_ascii()) {
        match script_language(c) {
            Some("zh") => han += 1,
            Some("ja") => kana += 1,
            Some(_) => hangul += 1,
            None => {}
        }
    }
    let scripted = han + kana + hangul;
    if scripted == 0 || scripted * 2 < latin {
        None
    } else if kana > 0 {
        // Kana mark Japanese even among many Han characters.
        Some("ja")
    } else if hangul >= han {
        Some("ko")
    } else {
        Some("zh")
    }
}

/// The language a letter is written in, where its script tells: `zh` for Han, `ja` for kana,
/// `ko` for Hangul; `None` for Latin and other letters.
pub(super) fn script_language(c: char) -> Option<&'static str> {
    match c {
        '\u{3040}'..='\u{30FF}' => Some("ja"),
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => Some("ko"),
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => Some("zh"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_languages_are_told_from_the_script() {
        assert_eq!(clause_language("You must not use the outputs."), None);
        assert_eq!(
            clause_language("您不得使用本模型作品的任何输出。"),
            Some("zh")
        );
        assert_eq!(
            clause_language("(B) 在相关网站上突出显示 “Built with glm-4”。"),
            Some("zh")
        );
    }
}
