//! The words an alternative of a phrasing cannot match without: derived from its regular
//! expression, so that a sentence lacking them is never handed to the regex engine for it. Each
//! part of the pattern that must match adds a set of words (one of which a match holds), and a
//! sentence must hold a word of every set. Nothing here is written by hand: a pattern added to
//! the data files gets its words from itself, and one whose words cannot be told (a pattern that
//! may match anything) is simply always tried.
//!
//! The words are compared with the sentence lower-cased in ASCII (`to_ascii_lowercase`): a
//! pattern's literal is folded the same way, and a character class becomes the set of its folded
//! characters. Case-insensitive patterns also match two non-ASCII letters as ASCII ones (`ſ` as
//! `s`, the Kelvin sign `K` as `k`); the words treat them as `s` and `k`, and a text that holds
//! either is read without the words (see [`FOLDS_TO_ASCII`]).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Non-ASCII characters that case-insensitive matching takes for ASCII letters: the words
/// fold them to those letters, and a text holding any of them is read without the words.
pub(super) const FOLDS_TO_ASCII: [(char, u8); 2] = [('\u{212a}', b'k'), ('\u{17f}', b's')];

/// The most strings a set of exact strings may hold before it is given up.
const MAX_EXACT: usize = 64;

/// The shortest word worth looking for: shorter ones are in nearly every sentence.
const MIN_WORD: usize = 3;

/// Words (folded bytes) one of which a match holds.
pub(super) type WordSet = Vec<Vec<u8>>;

/// What an alternative of a phrasing requires, as sets of words of which a match holds one
/// word each: every set is required (a sentence lacking the words of any one set cannot hold a
/// match). No set at all means no words can be told: the alternative is tried on every sentence.
/// The second value is the number of capture groups the alternative has.
pub(super) fn required_sets(pattern: &str) -> Result<(Vec<WordSet>, usize), String> {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let mut sets = all_required(&hir);
    // A set with a short word holds a word nearly every sentence has: not worth a look.
    sets.retain(|set| set.iter().all(|w| w.len() >= MIN_WORD));
    sets.sort();
    sets.dedup();
    Ok((sets, hir.properties().explicit_captures_len()))
}

/// Every set of strings one of which each match of `hir` holds, as far as they can be told:
/// each part of a concatenation adds its own, where [`required`] keeps only the best.
fn all_required(hir: &Hir) -> Vec<WordSet> {
    if let Some(set) = exact(hir) {
        return if set.iter().any(Vec::is_empty) {
            Vec::new()
        } else {
            vec![set]
        };
    }
    match hir.kind() {
        HirKind::Capture(capture) => all_required(&capture.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => all_required(&rep.sub),
        HirKind::Alternation(_) => required(hir).into_iter().collect(),
        HirKind::Concat(subs) => {
            let mut sets = concat_candidates(subs, all_required);
            sets.retain(|set| !set.is_empty() && !set.iter().any(Vec::is_empty));
            sets
        }
        _ => Vec::new(),
    }
}

/// Every string `hir` matches, folded, when they are few; `None` otherwise.
fn exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(literal) => Some(vec![fold(&literal.0)]),
        HirKind::Class(class) => class_strings(class),
        HirKind::Capture(capture) => exact(&capture.sub),
        HirKind::Repetition(rep) => {
            let sub = exact(&rep.sub)?;
            match (rep.min, rep.max) {
                (0, Some(1)) => Some(union(vec![sub, vec![Vec::new()]])),
                (n, Some(max)) if n == max && n <= 4 => {
                    let mut product = vec![Vec::new()];
                    for _ in 0..n {
                        product = cross(&product, &sub)?;
                    }
                    Some(product)
                }
                _ => None,
            }
        }
        HirKind::Concat(subs) => {
            let mut product = vec![Vec::new()];
            for sub in subs {
                product = cross(&product, &exact(sub)?)?;
            }
            Some(product)
        }
        HirKind::Alternation(subs) => {
            let sets = subs.iter().map(exact).collect::<Option<Vec<_>>>()?;
            let all = union(sets);
            (all.len() <= MAX_EXACT).then_some(all)
        }
    }
}

/// Strings one of which every match of `hir` holds (never the empty string), if known.
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(set) = exact(hir) {
        return (!set.iter().any(Vec::is_empty)).then_some(set);
    }
    match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(subs) => {
            let sets = subs.iter().map(required).collect::<Option<Vec<_>>>()?;
            Some(union(sets))
        }
        HirKind::Concat(subs) => best(concat_candidates(subs, |sub| {
            required(sub).into_iter().collect()
        })),
        _ => None,
    }
}

/// The sets a concatenation's matches must hold: each run of parts with exact strings, joined
/// (as long as the run stays small), and the sets `part` gives for each other part (the best
/// one for [`required`], all of them for [`all_required`]). Sets may hold the empty string.
fn concat_candidates(subs: &[Hir], part: impl Fn(&Hir) -> Vec<WordSet>) -> Vec<WordSet> {
    let mut candidates = Vec::new();
    let mut run: Vec<Vec<u8>> = vec![Vec::new()];
    for sub in subs {
        match exact(sub) {
            Some(set) => match cross(&run, &set) {
                Some(longer) => run = longer,
                None => {
                    candidates.push(std::mem::replace(&mut run, set));
                }
            },
            None => {
                candidates.push(std::mem::replace(&mut run, vec![Vec::new()]));
                candidates.extend(part(sub));
            }
        }
    }
    candidates.push(run);
    candidates
}

/// The most selective of several sets: the one whose shortest string is longest (then the one
/// with fewest strings). Sets holding the empty string require nothing and are not chosen.
fn best(candidates: Vec<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    candidates
        .into_iter()
        .filter(|set| !set.is_empty() && !set.iter().any(Vec::is_empty))
        .max_by_key(|set| {
            let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        })
}

/// Every string of `a` followed by every string of `b`, unless there would be too many.
fn cross(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MAX_EXACT {
        return None;
    }
    let joined = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
        .collect();
    Some(union(vec![joined]))
}

/// The strings of several sets, each once.
fn union(sets: Vec<Vec<Vec<u8>>>) -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = sets.into_iter().flatten().collect();
    all.sort();
    all.dedup();
    all
}

/// A class's characters as folded strings, when there are few.
fn class_strings(class: &Class) -> Option<Vec<Vec<u8>>> {
    let mut strings = Vec::new();
    match class {
        Class::Unicode(class) => {
            for range in class.ranges() {
                let (start, end) = (u32::from(range.start()), u32::from(range.end()));
                if end - start >= MAX_EXACT as u32 {
                    return None;
                }
                for c in (start..=end).filter_map(char::from_u32) {
                    strings.push(fold(c.encode_utf8(&mut [0; 4]).as_bytes()));
                }
                if strings.len() > MAX_EXACT {
                    return None;
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.ranges() {
                if usize::from(range.end() - range.start()) >= MAX_EXACT {
                    return None;
                }
                for b in range.start()..=range.end() {
                    strings.push(fold(&[b]));
                }
                if strings.len() > MAX_EXACT {
                    return None;
                }
            }
        }
    }
    Some(union(vec![strings]))
}

/// Bytes as the prefilter compares them: ASCII lower case, with the non-ASCII letters that
/// case-insensitive matching takes for ASCII ones folded to those.
fn fold(bytes: &[u8]) -> Vec<u8> {
    if let Ok(text) = std::str::from_utf8(bytes)
        && text.contains(|c| FOLDS_TO_ASCII.iter().any(|(f, _)| *f == c))
    {
        let mut out = Vec::with_capacity(bytes.len());
        for c in text.chars() {
            match FOLDS_TO_ASCII.iter().find(|(f, _)| *f == c) {
                Some((_, ascii)) => out.push(*ascii),
                None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            }
        }
        return out;
    }
    bytes.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(pattern: &str) -> Vec<Vec<String>> {
        let (sets, _) = required_sets(pattern).expect("parses");
        sets.into_iter()
            .map(|set| {
                set.into_iter()
                    .map(|w| String::from_utf8(w).expect("utf-8"))
                    .collect()
            })
            .collect()
    }

    /// The one set of words a pattern requires, if any.
    fn words(pattern: &str) -> Option<Vec<String>> {
        let mut sets = sets(pattern);
        assert!(sets.len() <= 1, "{pattern}: {sets:?}");
        sets.pop()
    }

    #[test]
    fn each_part_of_a_pattern_adds_its_set_of_words() {
        assert_eq!(
            sets(r"(?i)\b(?:retain|keep)\b[^.\n]{0,30}\blicen[cs]e\b"),
            vec![
                vec!["keep".to_string(), "retain".to_string()],
                vec!["licence".to_string(), "license".to_string()]
            ]
        );
        assert_eq!(
            required_sets(r"(a)(?:b|(c))").expect("parses").1,
            2,
            "the groups are counted"
        );
    }

    #[test]
    fn literals_alternatives_and_classes_give_their_words() {
        assert_eq!(words("(?i)grant"), Some(vec!["grant".to_string()]));
        assert_eq!(
            words(r"(?i)\blicen[cs]e\b"),
            Some(vec!["licence".to_string(), "license".to_string()])
        );
        assert_eq!(
            words("(?i)(?:may|shall) not (?:use|distribute)"),
            Some(
                [
                    "may not distribute",
                    "may not use",
                    "shall not distribute",
                    "shall not use"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        assert_eq!(
            words("(?i)foo|bar.*baz"),
            Some(vec!["baz".into(), "foo".into()])
        );
    }

    #[test]
    fn what_may_match_without_a_word_requires_none() {
        assert_eq!(words("(?i)grant|.*"), None);
        assert_eq!(words("(?i)(?:grant)?"), None);
        assert_eq!(
            words(r"\d+ users?"),
            Some(vec![" user".to_string(), " users".to_string()])
        );
        assert_eq!(words(r"\d+"), None);
        assert_eq!(
            words("a|bc"),
            None,
            "words under three bytes are not worth it"
        );
    }

    #[test]
    fn the_long_s_and_the_kelvin_sign_fold_to_ascii() {
        assert_eq!(words("(?i)uses"), Some(vec!["uses".to_string()]));
        assert_eq!(words("(?i)kilo"), Some(vec!["kilo".to_string()]));
    }

    /// Every non-ASCII character a case-insensitive ASCII letter matches is in
    /// `FOLDS_TO_ASCII`: a text holding any other is not read as ASCII by the words.
    #[test]
    fn the_only_non_ascii_letters_matched_as_ascii_are_listed() {
        let mut found = Vec::new();
        for letter in b'a'..=b'z' {
            let re = regex::Regex::new(&format!("(?i)^{}$", char::from(letter))).expect("re");
            for c in (0x80..0x11_0000).filter_map(char::from_u32) {
                if re.is_match(c.encode_utf8(&mut [0; 4])) {
                    found.push((c, letter));
                }
            }
        }
        assert_eq!(found, FOLDS_TO_ASCII.to_vec());
    }
}
