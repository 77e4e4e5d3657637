//! Sentences: the text cut at sentence ends and paragraph breaks, each a byte range of the
//! tidied text.

use super::Sentence;

/// Splits the tidied text into sentences: at a paragraph break, and after a full stop or
/// semicolon followed by a space, and after an ideographic full stop or semicolon.
pub(super) fn split_sentences(text: &str) -> Vec<Sentence> {
    let t = text.as_bytes();
    // Only these bytes may end a sentence (the ideographic marks start with E3 or EF): found by
    // `memchr`, the two lists merged in order.
    let mut ascii = memchr::memchr3_iter(b'\n', b'.', b';', t).peekable();
    let mut wide = memchr::memchr2_iter(0xE3, 0xEF, t).peekable();
    let marks = std::iter::from_fn(move || match (ascii.peek(), wide.peek()) {
        (Some(a), Some(w)) if w < a => wide.next(),
        (Some(_), _) => ascii.next(),
        (None, _) => wide.next(),
    });
    cut_at(t, marks)
}

/// Cuts the text at those of `marks` (offsets of bytes that may end a sentence, in order) that
/// end one.
fn cut_at(t: &[u8], marks: impl Iterator<Item = usize>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in marks {
        // A full stop or semicolon before a space ends a sentence; so do the ideographic ones
        // (`。`, `；`: E3 80 82 and EF BC 9B in UTF-8), which need none.
        let ideographic =
            t[i..].starts_with("。".as_bytes()) || t[i..].starts_with("；".as_bytes());
        let ends = t[i] == b'\n'
            || ideographic
            || (matches!(t[i], b'.' | b';')
                && t.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\n')
                && !ends_abbreviation(&t[..i])
                && !company_before_lowercase(t, i)
                && !etc_before_lowercase(t, i)
                && !initialism_before_word(t, i)
                && (t[i] != b';' || !in_parentheses(&t[start..i])));
        if ends {
            let end = match t[i] {
                b'\n' => i,
                _ if ideographic => i + 3,
                _ => i + 1,
            };
            push_sentence(&mut out, t, start, end);
            start = end.max(i + 1);
        }
    }
    push_sentence(&mut out, t, start, t.len());
    out
}

/// Whether the sentence so far (`before`, from its start to a semicolon) leaves a parenthesis
/// open: a semicolon inside one ends no sentence ("VALDO 2021 Task 2 (72 public cases; Sudre et
/// al., Med Image Anal 2024) | CC BY-NC-SA 4.0 |", round 25), so what follows the parenthesis is
/// read with what precedes it.
fn in_parentheses(before: &[u8]) -> bool {
    let open = before.iter().filter(|b| **b == b'(').count();
    let close = before.iter().filter(|b| **b == b')').count();
    open > close
}

/// Latin abbreviations whose full stop ends no sentence ("for any purpose, e.g. research"; "the
/// paper by Peterson et al. (2022)"), without it.
const ABBREVIATIONS: [&[u8]; 3] = [b"e.g", b"i.e", b"et al"];

/// Whether `before` (the text up to a full stop) ends with one of [`ABBREVIATIONS`] standing as
/// a word of its own, in any ASCII case.
fn ends_abbreviation(before: &[u8]) -> bool {
    ABBREVIATIONS.iter().any(|abbreviation| {
        before.len() >= abbreviation.len()
            && before[before.len() - abbreviation.len()..].eq_ignore_ascii_case(abbreviation)
            && before
                .len()
                .checked_sub(abbreviation.len() + 1)
                .is_none_or(|at| !before[at].is_ascii_alphanumeric())
    })
}

/// Company abbreviations ("AiR Platform Inc."), whose full stop ends no sentence when the text
/// runs on in lower case ("rights owned by AiR Platform Inc. embodied in the AIMS Materials").
const COMPANIES: [&[u8]; 4] = [b"inc", b"ltd", b"corp", b"co"];

/// Whether the full stop at `i` follows one of [`COMPANIES`] (a word of its own, capitalised)
/// and the text goes on, after one space, with a lower-case letter.
fn company_before_lowercase(t: &[u8], i: usize) -> bool {
    let next = t.get(i + 2).is_some_and(u8::is_ascii_lowercase) && t.get(i + 1) == Some(&b' ');
    next && COMPANIES.iter().any(|company| {
        i >= company.len()
            && t[i - company.len()..i].eq_ignore_ascii_case(company)
            && t[i - company.len()].is_ascii_uppercase()
            && (i - company.len())
                .checked_sub(1)
                .is_none_or(|at| !t[at].is_ascii_alphanumeric())
    })
}

/// Whether the full stop at `i` closes "etc" (a word of its own) and the text goes on, after
/// one space, in lower case: "to train methods/algorithms/neural networks/etc. for commercial,
/// pornographic, military, surveillance, or defamatory use" (round 25, the Max Planck
/// licences) is one sentence. "etc." before a capital still ends one.
fn etc_before_lowercase(t: &[u8], i: usize) -> bool {
    t.get(i + 1) == Some(&b' ')
        && t.get(i + 2).is_some_and(u8::is_ascii_lowercase)
        && i >= 3
        && t[i - 3..i].eq_ignore_ascii_case(b"etc")
        && (i - 3)
            .checked_sub(1)
            .is_none_or(|at| !t[at].is_ascii_alphanumeric())
}

/// Whether the full stop at `i` closes an initialism of capitals ("U.S", "U.K", the end of
/// "U.S.A") and the text goes on, after one space, in lower case or with "Dollar": "annual gross
/// revenues of less than ten million U.S. dollars (USD 10,000,000)" and "U.S. Dollars" are one
/// sentence (session 21's probe 7). "the U.S. The Licensee ..." still ends one.
fn initialism_before_word(t: &[u8], i: usize) -> bool {
    let next = &t[(i + 1).min(t.len())..];
    let goes_on = next.first() == Some(&b' ')
        && (next.get(1).is_some_and(u8::is_ascii_lowercase) || next[1..].starts_with(b"Dollar"));
    goes_on
        && i >= 3
        && t[i - 1].is_ascii_uppercase()
        && t[i - 2] == b'.'
        && t[i - 3].is_ascii_uppercase()
        && (i - 3)
            .checked_sub(1)
            .is_none_or(|at| !t[at].is_ascii_alphanumeric())
}

/// The longest sentence the rules read at once. Real licence sentences stay under 3 KB; a text
/// with no full stops (hostile, or a dump) is cut into pieces so that the work stays linear.
const MAX_SENTENCE: usize = 4096;

fn push_sentence(out: &mut Vec<Sentence>, t: &[u8], mut start: usize, end: usize) {
    while start < end && t[start] == b' ' {
        start += 1;
    }
    while end - start > MAX_SENTENCE {
        // Cut at the last space before the limit, else at a character boundary.
        let limit = start + MAX_SENTENCE;
        let mut cut = t[start..limit]
            .iter()
            .rposition(|b| *b == b' ')
            .map_or(limit, |p| start + p);
        if cut <= start {
            cut = limit;
        }
        while cut < end && (t[cut] & 0xC0) == 0x80 {
            cut += 1;
        }
        out.push(Sentence { start, end: cut });
        start = cut;
        while start < end && t[start] == b' ' {
            start += 1;
        }
    }
    if start < end {
        out.push(Sentence { start, end });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In every text of the catalogue, "e.g.", "i.e." and "et al." stand inside a sentence
    /// ("for any purpose, e.g. research"), never at the end of one.
    #[test]
    fn no_sentence_of_the_catalogue_ends_at_a_latin_abbreviation() {
        let catalogue = crate::Catalogue::embedded().expect("the catalogue loads");
        let mut inside = 0;
        for licence in catalogue.licences() {
            for text in [Some(licence.text), licence.policy_text]
                .into_iter()
                .flatten()
            {
                let plain = crate::text::Plain::new(text);
                for s in split_sentences(&plain.text) {
                    let sentence = &plain.text.as_bytes()[s.start..s.end];
                    let cut = sentence.strip_suffix(b".").unwrap_or(sentence);
                    assert!(
                        !ends_abbreviation(cut) || sentence.len() == cut.len(),
                        "{}: {}",
                        licence.id,
                        String::from_utf8_lossy(sentence)
                    );
                    inside += ABBREVIATIONS
                        .iter()
                        .filter(|a| {
                            sentence.windows(a.len() + 2).any(|w| {
                                w[..a.len()].eq_ignore_ascii_case(a) && &w[a.len()..] == b". "
                            })
                        })
                        .count();
                }
            }
        }
        assert!(inside > 10, "{inside} sentences hold an abbreviation");
    }

    /// "U.S. dollars" stands inside a sentence; "the U.S. The Licensee" ends one.
    #[test]
    fn an_initialism_before_a_lower_case_word_ends_no_sentence() {
        let cut = |text: &str| split_sentences(text).len();
        assert_eq!(
            cut("revenues of less than ten million U.S. dollars (USD 10,000,000)."),
            1
        );
        assert_eq!(
            cut("revenue above five million U.S. Dollars requires a licence."),
            1
        );
        assert_eq!(cut("Residents of the U.K. are excluded."), 1);
        assert_eq!(cut("It is made in the U.S. The Licensee may use it."), 2);
        assert_eq!(cut("See section A. the rest."), 2);
    }
}
