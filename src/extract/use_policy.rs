//! An acceptable-use or prohibited-use policy that binds the licensee: a named policy, a list of
//! banned uses, or a ban on harmful uses (fraud, harassment, weapons, unlawful use) anywhere in
//! the text.

use super::phrases::{
    HARM_USE, HARM_USE_ZH, K_USE_POLICY, K_ZH, NOT_A_TERM, OTHER_AGREEMENT_TERMS, Phrase, USE_BAN,
    USE_BAN_INTRO, USE_BAN_INTRO_ZH, USE_POLICY,
};
use super::{Extraction, Sentence};
use crate::terms::TermName;

/// How many sentences back an item of a list of banned uses may stand from the list's intro
/// (ten: round 25's Kinase Foundation Model licence puts its fourth item's second sentence nine
/// sentences after "you may NOT:").
const LIST_REACH: usize = 10;

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
        // The same in Chinese: "- ❌ 用于开发自主武器系统或军事应用" under "你**不得**使用萤火虫大模型：".
        found.extend(
            self.sentences(&HARM_USE_ZH, K_ZH)
                .into_iter()
                .filter(|s| self.introduced_by(*s, &USE_BAN_INTRO_ZH)),
        );
        // "The weights are subject to the DeepSeek Model License": that licence's policy binds.
        found.extend(self.named_model_licence(false));
        // "社区使用CodeShell模型需要遵循《CodeShell模型许可协议》": a model licence named in Chinese and not
        // quoted may restrict use; its restrictions bind unread (round 31, CodeShell's README).
        found.extend(self.named_licence_zh());
        // "Please do not use them to impersonate a real person ... (This is a request, not an
        // additional license term.)": a ban the text itself says binds nothing.
        found.retain(|s| !self.disclaimed_as_request(*s));
        // "A separate commercial agreement may include ... field-of-use restrictions": what
        // another agreement may hold binds nothing here.
        found.retain(|s| !self.holds(&OTHER_AGREEMENT_TERMS, *s));
        found.sort_by_key(|s| s.start);
        for s in found {
            self.terms.use_policy = true;
            self.cite(TermName::UsePolicy, s);
        }
    }

    /// Whether `s` is an item of a list that `intro` introduces: it, or one of the few
    /// sentences before it, matches `intro` and holds a colon ("You agree not to use the Model
    /// in any of the following ways:", "Commercial Purpose includes: (a) ...") or is a heading
    /// ("### Usage interdit sans licence commerciale"). Items may stand on lines of their own or
    /// run on in one paragraph; a sentence that is only a list marker ("4.", cut off its item
    /// by its full stop) is not counted in the reach.
    pub(super) fn introduced_by(&self, s: Sentence, intro: &Phrase) -> bool {
        let at = self.place_of(s);
        // A sentence that ends in a colon introduces a list of its own ("If You distribute the
        // Model ..., You must:"): it is no item of an earlier one.
        let own = self.ends_on_colon(s);
        let mut first = at;
        let mut reached = 0;
        while !own && first > 0 && reached < LIST_REACH {
            first -= 1;
            // A Markdown heading starts a section: no list above it reaches past it ("## 6. No
            // Corresponding Source Obligation" after the items of "You may not:", round 25, the
            // Ti Security Engine Asset License). The heading may introduce a list itself.
            if self.is_heading(self.all[first]) {
                break;
            }
            if !is_list_number(self.sentence_text(self.all[first])) {
                reached += 1;
            }
        }
        let end = (at + 1).min(self.all.len());
        self.all[first..end].iter().zip(first..).any(|(other, i)| {
            let text = self.sentence_text(*other);
            let pass = self.passes.of(i);
            intro.may_match_at(&self.passes, i)
                && (text.contains(':') || text.contains('：') || self.is_heading(*other))
                && intro.is_match_in(text, pass)
        })
    }

    /// Whether sentence `s`, or the sentence after it, says it is a request and no term of the
    /// licence ([`NOT_A_TERM`]).
    fn disclaimed_as_request(&self, s: Sentence) -> bool {
        let at = self.place_of(s);
        self.all
            .get(at..(at + 2).min(self.all.len()))
            .unwrap_or_default()
            .iter()
            .any(|other| other.start >= s.start && self.holds(&NOT_A_TERM, *other))
    }

    /// Whether sentence `s` starts a Markdown heading line of the original text ("### ...").
    pub(super) fn is_heading(&self, s: Sentence) -> bool {
        let lines = self.heading_lines.get_or_init(|| heading_lines(self.text));
        // Most texts have no heading: then the sentence's place in the original is not needed
        // (a rule asks this of every sentence a list may reach back over).
        if lines.is_empty() {
            return false;
        }
        let Some((from, _)) = self.plain.original(s.start, s.end) else {
            return false;
        };
        let at = lines.partition_point(|(start, _)| *start <= from);
        at.checked_sub(1)
            .and_then(|i| lines.get(i))
            .is_some_and(|(_, end)| from <= *end)
    }
}

/// The lines of `text` that are Markdown headings (their first character other than white space
/// is `#`), as byte ranges from the line's start to its end, in order.
fn heading_lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    if memchr::memchr(b'#', bytes).is_none() {
        return lines;
    }
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let line = text.get(start..end).unwrap_or_default();
        if line.trim_start().starts_with('#') {
            lines.push((start, end));
        }
        start = end + 1;
    }
    lines
}

/// Whether a sentence is only the number of a list item ("4.", "12)"), cut off its item by the
/// full stop after it.
pub(super) fn is_list_number(sentence: &str) -> bool {
    let t = sentence.trim();
    t.len() >= 2
        && t.len() <= 4
        && t.ends_with(['.', ')'])
        && t[..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
}
