//! An acceptable-use or prohibited-use policy that binds the licensee: a named policy, a list of
//! banned uses, or a ban on harmful uses (fraud, harassment, weapons, unlawful use) anywhere in
//! the text.

use super::phrases::{HARM_USE, K_USE_POLICY, Phrase, USE_BAN, USE_BAN_INTRO, USE_POLICY};
use super::{Extraction, Sentence};
use crate::terms::TermName;

/// How many sentences back an item of a list of banned uses may stand from the list's intro.
const LIST_REACH: usize = 8;

impl Extraction<'_> {
    pub(super) fn use_policy(&mut self) {
        let mut found = self.sentences(&USE_POLICY, K_USE_POLICY);
        // "Do not use generated speech for fraud", "(e) use the Materials in any way that
        // defames ..." under "You may not:": a harmful use banned, in the sentence or its list.
        found.extend(
            self.sentences(&HARM_USE, K_USE_POLICY)
                .into_iter()
                .filter(|s| self.holds(&USE_BAN, *s) || self.introduced_by(*s, &USE_BAN_INTRO)),
        );
        // "The weights are subject to the DeepSeek Model License": that licence's policy binds.
        found.extend(self.named_model_licence(false));
        found.sort_by_key(|s| s.start);
        for s in found {
            self.terms.use_policy = true;
            self.cite(TermName::UsePolicy, s);
        }
    }

    /// Whether `s` is an item of a list that `intro` introduces: it, or one of the few
    /// sentences before it, matches `intro` and holds a colon ("You agree not to use the Model
    /// in any of the following ways:", "Commercial Purpose includes: (a) ..."). Items may stand
    /// on lines of their own or run on in one paragraph.
    pub(super) fn introduced_by(&self, s: Sentence, intro: &Phrase) -> bool {
        let at = self.place_of(s);
        let first = at.saturating_sub(LIST_REACH);
        let end = (at + 1).min(self.all.len());
        self.all[first..end].iter().zip(first..).any(|(other, i)| {
            let text = self.sentence_text(*other);
            let pass = self.passes.of(i);
            intro.may_match(pass)
                && (text.contains(':') || text.contains('：'))
                && intro.is_match_in(text, pass)
        })
    }
}
