//! Letters in disguise: what a text shows a reader but hides from a search for its words.
//!
//! A zero-width space inside "com\u{200b}mercial", a Cyrillic `о` in "nоt" or a fullwidth
//! "Ｃｏｍｍｅｒｃｉａｌ" reads as the plain word to a person and as no word at all to a rule
//! looking for it: a restriction written so would be skipped, and the licence read more
//! permissively than a person reads it. The clause reader reads the letters a person sees
//! (see [`super::Plain::reading`]); the ones that can only be meant to hide a word (invisible
//! characters inside a word, letters of another script among Latin ones) are noted for review.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Characters that show nothing: zero-width spaces and joiners, direction marks and
/// overrides, the word joiner and invisible operators, the soft hyphen, variation selectors,
/// tags. The byte-order mark is white space to the tidier.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E007F}')
}

/// Whether an invisible character can only hide a word: it stands between two letters and is
/// not a soft hyphen (a hyphenation hint typesetting leaves in words) or a joiner (which joins
/// the letters of scripts that need it).
pub(super) fn hides_word(c: char, before: Option<char>, after: Option<char>) -> bool {
    !matches!(c, '\u{00AD}' | '\u{200C}' | '\u{200D}')
        && before.is_some_and(char::is_alphanumeric)
        && after.is_some_and(char::is_alphanumeric)
}

/// The Latin letter a Cyrillic or Greek one is drawn as, for the letters that look the same in
/// common fonts.
pub(super) fn look_alike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic.
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        // Greek.
        'ο' => 'o',
        'ν' => 'v',
        'ι' => 'i',
        'ρ' => 'p',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

/// Whether the word of look-alike letters that goes on at `text[at..]` is a Latin word in
/// disguise, and where it ends: it holds a Latin letter (`before` is the letter just before it,
/// if the word began earlier), or all its letters have a Latin look-alike and the nearest word
/// on either side is Latin. A word of another script among words of its own is not one.
pub(super) fn disguised_word(text: &str, at: usize, before: Option<char>) -> (bool, usize) {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic() && !is_invisible(c))
        .map_or(text.len(), |(k, _)| at + k);
    let word = &text[at..end];
    let latin = |c: char| c.is_ascii_alphabetic();
    if before.is_some_and(latin) || word.chars().any(latin) {
        return (true, end);
    }
    let all_look_alike = word
        .chars()
        .all(|c| is_invisible(c) || look_alike(c).is_some());
    let fold = all_look_alike
        && (nearest_letter_is_latin(text[..at].chars().rev())
            || nearest_letter_is_latin(text[end..].chars()));
    (fold, end)
}

/// Whether the first letter among the next 40 characters is a Latin one.
fn nearest_letter_is_latin(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .by_ref()
        .take(40)
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// The ASCII letters and digits a compatibility form stands for (fullwidth `Ｃ`, mathematical
/// bold `𝐂`, the ligature `ﬁ`), if that is all it stands for.
pub(super) fn compatibility_ascii(c: char) -> Option<impl Iterator<Item = char>> {
    if c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return None;
    }
    let mut folded = std::iter::once(c).nfkc().peekable();
    folded.peek()?;
    std::iter::once(c)
        .nfkc()
        .all(|f| f.is_ascii_alphanumeric())
        .then_some(folded)
}

/// The ASCII punctuation a fullwidth one stands for (`－`, `．`, `，`), where it stands beside a
/// fullwidth letter or digit, or between two ASCII ones: Latin words written in fullwidth forms. Beside Chinese, the
/// fullwidth comma and full stop are that script's own punctuation and stay as they are.
pub(super) fn fullwidth_punctuation(
    c: char,
    before: Option<char>,
    after: Option<char>,
) -> Option<char> {
    let fullwidth_alphanumeric = |c: Option<char>| {
        c.is_some_and(|c| c.is_alphanumeric() && ('\u{FF10}'..='\u{FF5A}').contains(&c))
    };
    if !('\u{FF01}'..='\u{FF5E}').contains(&c) || c.is_alphanumeric() {
        return None;
    }
    let ascii_alphanumeric = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let latin_sentence = fullwidth_alphanumeric(before)
        || fullwidth_alphanumeric(after)
        || (ascii_alphanumeric(before) && ascii_alphanumeric(after));
    if !latin_sentence {
        return None;
    }
    char::from_u32(u32::from(c) - 0xFEE0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_with_a_latin_letter_is_a_disguise_and_a_cyrillic_word_is_not() {
        let text = "You may nоt сору it. Это сорок слов.";
        let not = text.find('о').unwrap_or(0);
        assert_eq!(disguised_word(text, not, Some('n')), (true, not + 3));
        // "сору": all look-alikes, Latin words on both sides.
        let copy = text.find('с').unwrap_or(0);
        assert!(disguised_word(text, copy, None).0);
        // "сорок": Cyrillic words around it.
        let forty = text.find("сорок").unwrap_or(0);
        assert!(!disguised_word(text, forty, None).0);
    }

    #[test]
    fn compatibility_forms_fold_to_ascii_letters_only() {
        let fold = |c| compatibility_ascii(c).map(|f| f.collect::<String>());
        assert_eq!(fold('Ｃ').as_deref(), Some("C"));
        assert_eq!(fold('ﬁ').as_deref(), Some("fi"));
        assert_eq!(fold('𝐂').as_deref(), Some("C"));
        // Fullwidth punctuation of Chinese texts and the ellipsis stay as they are.
        assert_eq!(fold('，'), None);
        assert_eq!(fold('…'), None);
        assert_eq!(fold('é'), None);
        assert_eq!(fold('a'), None);
    }

    #[test]
    fn fullwidth_punctuation_folds_beside_fullwidth_letters_only() {
        assert_eq!(
            fullwidth_punctuation('－', Some('ｎ'), Some('ｃ')),
            Some('-')
        );
        assert_eq!(fullwidth_punctuation('．', Some('ｌ'), None), Some('.'));
        assert_eq!(fullwidth_punctuation('，', Some('型'), Some('您')), None);
        assert_eq!(fullwidth_punctuation('－', Some('n'), Some('c')), Some('-'));
        assert_eq!(fullwidth_punctuation('，', Some('a'), Some('您')), None);
    }

    #[test]
    fn only_invisible_characters_between_letters_hide_words() {
        assert!(hides_word('\u{200b}', Some('m'), Some('e')));
        assert!(!hides_word('\u{200b}', Some(' '), Some('e')));
        assert!(!hides_word('\u{00ad}', Some('m'), Some('e')));
        assert!(!hides_word('\u{200d}', Some('m'), Some('e')));
    }
}
