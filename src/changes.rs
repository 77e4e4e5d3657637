//! What an edited copy of a catalogue licence changes.
//!
//! Once a text is identified as a catalogue licence but is not word for word its text, its words
//! are aligned with the licence's words (a Myers diff from `similar`, with a deadline) and every
//! difference is classified:
//! - **format**: differences that [`Words`] normalises away (case, markup, quotes, dashes,
//!   wrapping, compatibility forms), a list marker renumbered, added or dropped, and a link
//!   written as its text or as its URL;
//! - **harmless**: whole lines of the short allow-list in `licences/harmless.toml` (a title line
//!   that adds no word beyond the licence's own name, a `Source:`/`Retrieved:` or URL line, a
//!   copyright line, "END OF TERMS AND CONDITIONS");
//! - anything else is a **change**: words added (however few, in whatever language), words of the
//!   licence left out, or words put in their place.
//!
//! A long added passage that is the licence's companion policy is aligned with that policy in
//! turn: the policy is part of the licence, so a change inside it is a change too, while a
//! licence file without its policy changes nothing.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use regex::Regex;
use serde::Deserialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::catalogue::Licence;
use crate::text::{Words, is_cjk};

/// How long one alignment may take. Past it `similar` settles for a coarser alignment, which
/// only reports more changes, never fewer.
const DIFF_DEADLINE: Duration = Duration::from_millis(300);
/// An added passage this long (in words) may be the licence's companion policy.
const POLICY_RUN: usize = 20;
/// The most words an allow-listed line can have (a source line with a long URL).
const ALLOWED_LINE_WORDS: usize = 60;
/// The catalogue words quoted in a change's description, at most.
const QUOTED_REMOVED_WORDS: usize = 30;

/// One difference between a text and the catalogue licence it was identified as, that neither
/// format nor the allow-list explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    /// Start (byte offset) of the file's passage: the words it adds or puts in place of the
    /// licence's, or, for a removal, the words either side of the gap.
    pub start: usize,
    /// End (byte offset) of that passage.
    pub end: usize,
    /// How many words the file adds here.
    pub added: usize,
    /// The licence's words the file leaves out or replaces here (normalised, the first 30).
    pub removed: String,
    /// How many of the licence's words it leaves out or replaces.
    pub removed_words: usize,
}

/// The allow-list of harmless material (`licences/harmless.toml`).
#[derive(Debug, Default, Deserialize)]
struct AllowList {
    title_words: HashSet<String>,
    title_max_words: usize,
    title_markers: HashSet<String>,
    heading_markers: HashSet<String>,
    source_labels: Vec<String>,
    date_words: HashSet<String>,
    copyright_filler: HashSet<String>,
    copyright_max_words: usize,
    copyright_forbidden: HashSet<String>,
    end_lines: HashSet<String>,
}

/// The allow-list, parsed on first use. A list that failed to parse would be empty, which allows
/// nothing: every difference is then a change (a unit test keeps the file parsing).
fn allow_list() -> &'static AllowList {
    static LIST: OnceLock<AllowList> = OnceLock::new();
    LIST.get_or_init(|| {
        toml::from_str(include_str!("../licences/harmless.toml")).unwrap_or_default()
    })
}

/// The words a licence is called by: its name, id, aliases, family, version and the title lines
/// of its text. A title line made of these (and generic title words) is harmless.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    /// Every word of them.
    words: HashSet<String>,
    /// Each whole name and title line, as normalised words.
    titles: HashSet<String>,
    /// Every word of its aliases.
    alias_words: HashSet<String>,
}

impl Names {
    /// The names of a catalogue licence.
    pub(crate) fn of(licence: &Licence) -> Names {
        let mut names = Names::default();
        let mut add = |text: &str| {
            let words = Words::new(text);
            names.words.extend(words.iter().map(str::to_string));
            names.titles.insert(words.joined);
        };
        add(&licence.name);
        add(&licence.id);
        add(&licence.family);
        if let Some(version) = &licence.version {
            add(version);
        }
        if let Some(policy) = &licence.policy {
            add(&policy.name);
        }
        for line in licence
            .text
            .lines()
            .filter(|l| !Words::new(l).is_empty())
            .take(3)
        {
            let words = Words::new(line);
            if words.len() <= 12 {
                add(line);
            }
        }
        // Aliases are names users type, not titles: they tell a licence's own name from
        // another's, but a title line may not borrow their words.
        for alias in &licence.aliases {
            names
                .alias_words
                .extend(Words::new(alias).iter().map(str::to_string));
        }
        names
    }

    /// Adds another licence's names (for texts that may carry either's title).
    pub(crate) fn extend(&mut self, other: Names) {
        self.words.extend(other.words);
        self.titles.extend(other.titles);
        self.alias_words.extend(other.alias_words);
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether a word is one of the licence's names or aliases.
    fn knows(&self, word: &str) -> bool {
        self.words.contains(word) || self.alias_words.contains(word)
    }
}

/// A catalogue text prepared for alignment: its words and which of them may be left out.
pub(crate) struct Reference {
    text: &'static str,
    /// Every URL in the text, written out or as a link's target, normalised (computed when first
    /// needed).
    urls: OnceLock<HashSet<String>>,
    words: Words,
    /// The names of its licence, which its title lines may hold.
    names: Names,
    /// For each word: whether a copy may leave it out (a list marker, an allow-listed line),
    /// computed when first needed.
    harmless: OnceLock<Vec<bool>>,
}

impl Reference {
    /// Prepares a catalogue text (the licence or its policy) of `licence`.
    pub(crate) fn new(text: &'static str, words: Words, names: &Names) -> Reference {
        Reference {
            text,
            urls: OnceLock::new(),
            words,
            names: names.clone(),
            harmless: OnceLock::new(),
        }
    }

    fn harmless(&self) -> &[bool] {
        self.harmless
            .get_or_init(|| harmless_words(self.text, &self.words, &self.names))
    }

    fn urls(&self) -> &HashSet<String> {
        self.urls.get_or_init(|| {
            find_links(self.text)
                .into_iter()
                .map(|l| l.target)
                .collect()
        })
    }
}

/// One stretch where the two word sequences differ.
struct Hunk<'r> {
    reference: &'r Reference,
    /// The catalogue's words.
    old: Range<usize>,
    /// The file's words.
    new: Range<usize>,
}

/// Every change in `text` (whose words are `words`) against the catalogue `licence` and its
/// `policy`, in the file's order.
pub(crate) fn changes(
    text: &str,
    words: &Words,
    licence: &Reference,
    policy: Option<&Reference>,
    names: &Names,
) -> Vec<TextChange> {
    let input: Vec<&str> = words.iter().collect();
    let deadline = Instant::now() + DIFF_DEADLINE;
    let mut hunks = align(licence, &input, 0..input.len(), deadline);
    if let Some(policy) = policy {
        take_policy(&mut hunks, policy, &input, deadline);
    }
    let harmless = harmless_words(text, words, names);
    let file = Side::new(text, words);
    let catalogue = Side::new(licence.text, &licence.words);
    let companion = policy.map(|p| Side::new(p.text, &p.words));
    let mut changes: Vec<TextChange> = hunks
        .iter()
        .filter_map(|hunk| {
            let side = match &companion {
                Some(side) if policy.is_some_and(|p| std::ptr::eq(hunk.reference, p)) => side,
                _ => &catalogue,
            };
            classify(hunk, side, &file, &harmless)
        })
        .collect();
    changes.extend(retargeted_links(text, licence, policy));
    changes.sort_by_key(|c| (c.start, c.end));
    changes
}

/// Whether a text may hold a link with a target (Markdown or HTML): a quick test before looking.
pub(crate) fn may_link(text: &str) -> bool {
    text.contains("](") || text.contains("href")
}

/// Links whose target is a URL the catalogue's texts do not have: the words of a link's target
/// are markup to [`Words`], but a link that points elsewhere (the acceptable-use policy at
/// another address) changes what the licence incorporates.
pub(crate) fn retargeted_links(
    text: &str,
    licence: &Reference,
    policy: Option<&Reference>,
) -> Vec<TextChange> {
    if !may_link(text) {
        return Vec::new();
    }
    links_in(text, false)
        .into_iter()
        .filter(|link| {
            !licence.urls().contains(&link.target)
                && !policy.is_some_and(|p| p.urls().contains(&link.target))
        })
        .map(|link| TextChange {
            start: link.whole.start,
            end: link.whole.end,
            added: 1,
            removed: String::new(),
            removed_words: 0,
        })
        .collect()
}

/// The differing stretches between a reference and `input[range]`.
fn align<'r>(
    reference: &'r Reference,
    input: &[&str],
    range: Range<usize>,
    deadline: Instant,
) -> Vec<Hunk<'r>> {
    let old: Vec<&str> = reference.words.iter().collect();
    let new = &input[range.clone()];
    capture_diff_slices_deadline(Algorithm::Myers, &old, new, Some(deadline))
        .iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, _, _)| *tag != DiffTag::Equal)
        .map(|(_, old, new)| Hunk {
            reference,
            old,
            new: range.start + new.start..range.start + new.end,
        })
        .collect()
}

/// When the longest added passage is the licence's companion policy, aligns it with the policy
/// instead: what the policy explains is no change, what differs from it is.
fn take_policy<'r>(
    hunks: &mut Vec<Hunk<'r>>,
    policy: &'r Reference,
    input: &[&str],
    deadline: Instant,
) {
    let Some(longest) = (0..hunks.len()).max_by_key(|&i| hunks[i].new.len()) else {
        return;
    };
    let run = hunks[longest].new.clone();
    let policy_len = policy.words.len();
    if run.len() < POLICY_RUN || run.len() > 4 * policy_len.max(POLICY_RUN) {
        return;
    }
    let policy_hunks = align(policy, input, run.clone(), deadline);
    let differing: usize = policy_hunks.iter().map(|h| h.old.len()).sum();
    if differing * 2 > policy_len {
        return;
    }
    let removed = hunks.remove(longest);
    if !removed.old.is_empty() {
        hunks.push(Hunk {
            reference: removed.reference,
            old: removed.old,
            new: run.start..run.start,
        });
    }
    hunks.extend(policy_hunks);
}

/// A change, unless the hunk is format or harmless material.
fn classify(hunk: &Hunk, catalogue: &Side, file: &Side, harmless: &[bool]) -> Option<TextChange> {
    let reference = hunk.reference;
    let removed: Vec<usize> = hunk
        .old
        .clone()
        .filter(|&i| !reference.harmless().get(i).copied().unwrap_or(false))
        .collect();
    let added: Vec<usize> = hunk
        .new
        .clone()
        .filter(|&j| !harmless.get(j).copied().unwrap_or(false))
        .collect();
    if removed.is_empty() && added.is_empty() {
        return None;
    }
    if same_link(catalogue, &hunk.old, file, &hunk.new) {
        return None;
    }
    let (start, end) = match (added.first(), added.last()) {
        (Some(&first), Some(&last)) => file.words.original_span(first, last)?,
        _ => gap_span(file.words, hunk.new.start)?,
    };
    let removed_text: Vec<&str> = removed
        .iter()
        .take(QUOTED_REMOVED_WORDS)
        .map(|&i| reference.words.word(i))
        .collect();
    Some(TextChange {
        start,
        end,
        added: added.len(),
        removed: removed_text.join(" "),
        removed_words: removed.len(),
    })
}

/// The file's words either side of a gap before word `at`.
fn gap_span(words: &Words, at: usize) -> Option<(usize, usize)> {
    if words.is_empty() {
        return Some((0, 0));
    }
    let before = at.saturating_sub(1).min(words.len() - 1);
    let after = at.min(words.len() - 1);
    words.original_span(before, after)
}

/// A text with its words, and (computed when first needed) the links in it.
struct Side<'t> {
    text: &'t str,
    words: &'t Words,
    links: OnceLock<Vec<Link>>,
}

/// A URL written out, or the text of a link: its byte range and the URL, normalised.
struct Link {
    range: Range<usize>,
    /// The whole link or URL.
    whole: Range<usize>,
    target: String,
    /// Whether the range is the URL itself (rather than a link's text).
    written_out: bool,
}

impl<'t> Side<'t> {
    fn new(text: &'t str, words: &'t Words) -> Side<'t> {
        Side {
            text,
            words,
            links: OnceLock::new(),
        }
    }

    fn links(&self) -> &[Link] {
        self.links.get_or_init(|| find_links(self.text))
    }

    /// The URLs that every word of `range` is part of (or, for an empty range, that a word either
    /// side of it is part of): written-out URLs, and with `link_text` also the targets of links
    /// whose text holds the words. Empty when some word is outside them.
    fn urls(&self, range: &Range<usize>, link_text: bool) -> HashSet<&str> {
        let indices: Vec<usize> = if range.is_empty() {
            [range.start.checked_sub(1), Some(range.start)]
                .into_iter()
                .flatten()
                .filter(|&i| i < self.words.len())
                .collect()
        } else {
            range.clone().collect()
        };
        let mut urls = HashSet::new();
        for i in indices {
            let Some((start, end)) = self.words.span(i) else {
                return HashSet::new();
            };
            let holding: Vec<&str> = self
                .links()
                .iter()
                .filter(|l| {
                    (l.written_out || link_text) && l.range.start <= start && end <= l.range.end
                })
                .map(|l| l.target.as_str())
                .collect();
            if holding.is_empty() && !range.is_empty() {
                return HashSet::new();
            }
            urls.extend(holding);
        }
        urls
    }
}

/// Whether a hunk only writes a URL differently: a link of the catalogue written out as its URL,
/// or the same URL with or without `www.` or its scheme. A link's text is never format: a link
/// whose text changed but whose target did not shows the reader different words.
fn same_link(catalogue: &Side, old: &Range<usize>, file: &Side, new: &Range<usize>) -> bool {
    let written = file.urls(new, false);
    !written.is_empty() && !catalogue.urls(old, true).is_disjoint(&written)
}

fn find_links(text: &str) -> Vec<Link> {
    links_in(text, true)
}

/// The links in a text, and with `written_out` the URLs written out as well.
fn links_in(text: &str, written_out: bool) -> Vec<Link> {
    static PATTERNS: OnceLock<[Option<Regex>; 3]> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        [
            // A URL written out.
            r#"(?i)((?:https?://|www\.)[\x21-\x7e&&[^<>\[\]()"'`]]+)"#,
            // A Markdown link: its text, then its target.
            r"\[([^\]\n]*)\]\(([^)\s]+)\)",
            // An HTML anchor: its text, then its target.
            r#"(?i)<a\s[^>]*href\s*=\s*"([^"]+)"[^>]*>([^<]*)</a>"#,
        ]
        .map(|pattern| Regex::new(pattern).ok())
    });
    let mut links = Vec::new();
    for (kind, pattern) in patterns.iter().enumerate() {
        let Some(pattern) = pattern.as_ref().filter(|_| written_out || kind > 0) else {
            continue;
        };
        for caps in pattern.captures_iter(text) {
            let (range, target) = match kind {
                0 => (caps.get(1), caps.get(1)),
                1 => (caps.get(1), caps.get(2)),
                _ => (caps.get(2), caps.get(1)),
            };
            if let (Some(range), Some(target), Some(whole)) = (range, target, caps.get(0)) {
                links.push(Link {
                    range: range.range(),
                    whole: whole.range(),
                    target: normalise_url(target.as_str()),
                    written_out: kind == 0,
                });
            }
        }
    }
    links
}

/// A URL without scheme, `www.`, Markdown escapes, case or trailing punctuation.
fn normalise_url(url: &str) -> String {
    let lower = url.to_ascii_lowercase().replace('\\', "");
    let bare = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    bare.trim_end_matches(['/', '.', ',', ';', ':', ')'])
        .to_string()
}

/// For each word of a text: whether adding or leaving it out changes nothing (a list marker, or a
/// word in a line of the allow-list).
fn harmless_words(text: &str, words: &Words, names: &Names) -> Vec<bool> {
    let mut flags = vec![false; words.len()];
    let mut next = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let first = next;
        while words.span(next).is_some_and(|(start, _)| start < line_end) {
            next += 1;
        }
        let on_line: Vec<&str> = (first..next).map(|i| words.word(i)).collect();
        if !on_line.is_empty() && allowed_line(line, &on_line, names) {
            flags[first..next].iter_mut().for_each(|f| *f = true);
        } else {
            for (i, flag) in flags.iter_mut().enumerate().take(next).skip(first) {
                *flag = words
                    .span(i)
                    .is_some_and(|(start, end)| is_list_marker(text, line_start, start, end));
            }
        }
        line_start = line_end;
    }
    flags
}

/// Whether a clause is material the allow-list calls harmless (a title, a source or URL line, a
/// copyright line, an end line): adding or leaving it out changes nothing.
pub(crate) fn harmless_clause(text: &str, names: &Names) -> bool {
    let words = Words::new(text);
    let listed: Vec<&str> = words.iter().collect();
    !listed.is_empty() && allowed_line(text, &listed, names)
}

/// Whether a line (its text and its words) is allow-listed material.
fn allowed_line(line: &str, words: &[&str], names: &Names) -> bool {
    let list = allow_list();
    // No allow-listed line is long: a long one is not looked at further.
    if words.len() > ALLOWED_LINE_WORDS {
        return false;
    }
    is_title_line(words, names)
        || list.end_lines.contains(&words.join(" "))
        || is_url_line(line)
        || is_source_line(line)
        || is_copyright_line(line, words)
}

/// A title: a few words, each a title word or one of the licence's names, that says it is a
/// title ("License", "Agreement", "Terms") or is one of the licence's names whole. "Llama" or
/// "Non-commercial" alone on a line is no title, even where the licence's name holds the words.
fn is_title_line(words: &[&str], names: &Names) -> bool {
    let list = allow_list();
    let titled = words.iter().any(|w| list.heading_markers.contains(*w))
        || names.titles.contains(&words.join(" "));
    titled
        && words.len() <= list.title_max_words
        && words
            .iter()
            .all(|w| list.title_words.contains(*w) || names.contains(w))
}

/// The words of a line outside its URLs and links.
fn words_outside_urls(line: &str) -> Vec<String> {
    let links = find_links(line);
    let words = Words::new(line);
    (0..words.len())
        .filter(|&i| {
            words.span(i).is_some_and(|(start, end)| {
                !links
                    .iter()
                    .any(|l| l.range.start <= start && end <= l.range.end)
            })
        })
        .map(|i| words.word(i).to_string())
        .collect()
}

/// A line that is only a URL (or a link).
fn is_url_line(line: &str) -> bool {
    may_hold_url(line) && !find_links(line).is_empty() && words_outside_urls(line).is_empty()
}

/// A quick test before looking for URLs.
fn may_hold_url(text: &str) -> bool {
    text.contains("://") || text.contains("www.") || text.contains("](")
}

/// `Source: https://…`, `Retrieved: 2024-12-06`: a label, a colon, then only URLs and dates.
fn is_source_line(line: &str) -> bool {
    let list = allow_list();
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || "#*>-+_[(".contains(c));
    let Some((label, rest)) = trimmed.split_once(':') else {
        return false;
    };
    let label = Words::new(label).joined;
    if !list.source_labels.contains(&label) {
        return false;
    }
    words_outside_urls(rest)
        .iter()
        .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || list.date_words.contains(w))
}

/// `Copyright (c) 2024 Example Corp. All rights reserved.`: one statement of a holder's name,
/// short, with no word that could state a term.
fn is_copyright_line(line: &str, words: &[&str]) -> bool {
    let list = allow_list();
    let opens = line
        .trim_start_matches(|c: char| c.is_whitespace() || "#*>_".contains(c))
        .to_lowercase();
    if !(opens.starts_with("copyright") || opens.starts_with('©') || opens.starts_with("(c)")) {
        return false;
    }
    // A second sentence may only be "All rights reserved."
    let sentences: Vec<&str> = line.split(". ").collect();
    let extra_sentences_ok = sentences.iter().skip(1).all(|s| {
        let w = Words::new(s).joined;
        w.is_empty() || w == "all rights reserved"
    });
    let holder: Vec<&&str> = words
        .iter()
        .filter(|w| !list.copyright_filler.contains(**w) && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    extra_sentences_ok
        && holder.len() <= list.copyright_max_words
        && holder
            .iter()
            .all(|w| !list.copyright_forbidden.contains(**w) && !w.chars().any(is_cjk))
}

/// A list marker: `1.`, `a)`, `(iv)`, `2.1` at the start of its line, before any other word.
fn is_list_marker(text: &str, line_start: usize, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let is_marker_word = (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic()))
        || is_roman_numeral(word);
    if !is_marker_word {
        return false;
    }
    let prefix = &text[line_start..start];
    let prefix_ok = prefix
        .chars()
        .all(|c| c.is_whitespace() || "#*>-+_([\\".contains(c) || c.is_ascii_digit() || c == '.');
    let after = text[end..].trim_start_matches(['*', '_', '\\']);
    let closes = after.starts_with(['.', ')', ':']);
    let numbered_heading = prefix.trim_end().ends_with('.')
        && prefix.bytes().any(|b| b.is_ascii_digit())
        && after.starts_with(char::is_whitespace);
    prefix_ok && (closes || numbered_heading)
}

/// A roman numeral from i to xxxix, as lists number their items.
fn is_roman_numeral(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let units = lower.trim_start_matches('x');
    lower.len() - units.len() <= 3
        && !units.is_empty()
        && ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"].contains(&units)
}

/// The file's own title, when it names a licence other than the one its text is based on: the
/// first title line near the top ("Falcon 3 TII Falcon License") whose distinctive words are
/// none of the licence's names. Returns its byte range.
pub(crate) fn foreign_title(text: &str, names: &Names) -> Option<(usize, usize)> {
    let list = allow_list();
    let mut line_start = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let words = Words::new(line);
        if words.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 10 {
            return None;
        }
        if words.len() > 12 || !find_links(line).is_empty() || line.trim_start().starts_with('[') {
            continue;
        }
        let all: Vec<&str> = words.iter().collect();
        if !all.iter().any(|w| list.title_markers.contains(*w)) {
            continue;
        }
        let distinctive: Vec<&&str> = all
            .iter()
            .filter(|w| !list.title_words.contains(**w) && !w.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        if distinctive.is_empty() {
            continue;
        }
        if distinctive.iter().any(|w| names.knows(w)) {
            return None;
        }
        let (first, last) = (words.span(0)?, words.span(words.len() - 1)?);
        return Some((start + first.0, start + last.1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allow_list_parses() {
        let parsed: AllowList =
            toml::from_str(include_str!("../licences/harmless.toml")).expect("harmless.toml");
        assert!(parsed.title_words.contains("license"));
        assert!(parsed.copyright_max_words > 0);
    }

    #[test]
    fn list_markers_are_recognised_only_at_the_start_of_a_line() {
        let text = "1. Definitions\n  (iv) x\n2.1 Scope\nthe U.S. and\n700 million";
        let marker = |word: &str| {
            let start = text.find(word).unwrap();
            let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            is_list_marker(text, line_start, start, start + word.len())
        };
        assert!(marker("1"));
        assert!(marker("iv"));
        assert!(marker("2"));
        assert!(!marker("U"));
        assert!(!marker("700"));
    }

    #[test]
    fn copyright_lines_allow_a_name_but_no_term() {
        let ok = "Copyright (c) 2024 Example Corp. All rights reserved.";
        let words = Words::new(ok);
        let w: Vec<&str> = words.iter().collect();
        assert!(is_copyright_line(ok, &w));
        for bad in [
            "Copyright 2024 Example. Research use only.",
            "Copyright 2024 Example, nur für Forschung",
            "© 2024 Acme. Keine Nutzung.",
            "Copyright 2024 仅限研究使用",
        ] {
            let words = Words::new(bad);
            let w: Vec<&str> = words.iter().collect();
            assert!(!is_copyright_line(bad, &w), "{bad}");
        }
    }

    #[test]
    fn source_lines_hold_only_urls_and_dates() {
        assert!(is_source_line("Source: https://example.com/licence"));
        assert!(is_source_line("Retrieved: March 3, 2025"));
        assert!(!is_source_line(
            "Source: https://example.com/licence. Research use only."
        ));
        assert!(!is_source_line("Note: research use only"));
    }
}
