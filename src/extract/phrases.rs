//! The phrasings the clause rules look for, as data: `phrases/*.toml` (see `phrases/README.md`),
//! embedded in the binary and read once. A contributor adds a phrasing there without writing
//! Rust; a test loads every file and compiles every phrasing, so a bad file fails the tests.
//!
//! Should the data still fail to load (it cannot in a tested build), every phrasing matches
//! nothing and [`fault`] says why: extraction then reads nothing and asks for review.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, meta};
use serde::Deserialize;

use super::Sentence;

/// The data files, by name.
const FILES: [(&str, &str); 17] = [
    ("grant.toml", include_str!("phrases/grant.toml")),
    ("definitions.toml", include_str!("phrases/definitions.toml")),
    (
        "user_threshold.toml",
        include_str!("phrases/user_threshold.toml"),
    ),
    (
        "revenue_threshold.toml",
        include_str!("phrases/revenue_threshold.toml"),
    ),
    (
        "registration.toml",
        include_str!("phrases/registration.toml"),
    ),
    (
        "commercial_use.toml",
        include_str!("phrases/commercial_use.toml"),
    ),
    ("territory.toml", include_str!("phrases/territory.toml")),
    ("notice.toml", include_str!("phrases/notice.toml")),
    ("attribution.toml", include_str!("phrases/attribution.toml")),
    ("use_policy.toml", include_str!("phrases/use_policy.toml")),
    ("flow_down.toml", include_str!("phrases/flow_down.toml")),
    (
        "licence_copy.toml",
        include_str!("phrases/licence_copy.toml"),
    ),
    ("hosting.toml", include_str!("phrases/hosting.toml")),
    (
        "output_training.toml",
        include_str!("phrases/output_training.toml"),
    ),
    ("derivatives.toml", include_str!("phrases/derivatives.toml")),
    ("adopted.toml", include_str!("phrases/adopted.toml")),
    ("limits.toml", include_str!("phrases/limits.toml")),
];
const FRAGMENTS: &str = include_str!("phrases/fragments.toml");
const KEYWORDS: &str = include_str!("phrases/keywords.toml");
const REGIONS: &str = include_str!("phrases/regions.toml");
const LANGUAGES: &str = include_str!("phrases/languages.toml");

/// One phrasing as written in a data file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseSpec {
    /// What the phrasing is for (documentation only).
    #[serde(default)]
    #[allow(dead_code)]
    about: String,
    /// Whether letter case is ignored (the default).
    #[serde(default = "case_ignored")]
    ignore_case: bool,
    /// Alternatives: regular expressions, any of which matches.
    patterns: Vec<String>,
}

fn case_ignored() -> bool {
    true
}

/// Region names with their codes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Regions {
    /// English names (lower case).
    pub(super) english: Vec<(String, String)>,
    /// Chinese names.
    pub(super) chinese: Vec<(String, String)>,
}

/// Words that tell the language of a sentence in Latin letters (lower case).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Languages {
    /// English words.
    pub(super) english: BTreeSet<String>,
    /// Words of languages the rules do not read.
    pub(super) other: BTreeSet<String>,
}

/// Everything the data files hold.
#[derive(Debug, Default)]
struct Book {
    phrases: BTreeMap<String, PhraseSpec>,
    fragments: BTreeMap<String, String>,
    keywords: BTreeMap<String, Vec<String>>,
    regions: Regions,
    languages: Languages,
}

fn read_book() -> Result<Book, String> {
    let mut book = Book::default();
    for (name, text) in FILES {
        let phrases: BTreeMap<String, PhraseSpec> =
            toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        for (key, spec) in phrases {
            if book.phrases.insert(key.clone(), spec).is_some() {
                return Err(format!("{name}: phrasing `{key}` is defined twice"));
            }
        }
    }
    book.fragments = toml::from_str(FRAGMENTS).map_err(|e| format!("fragments.toml: {e}"))?;
    book.keywords = toml::from_str(KEYWORDS).map_err(|e| format!("keywords.toml: {e}"))?;
    let mut regions: Regions = toml::from_str(REGIONS).map_err(|e| format!("regions.toml: {e}"))?;
    // Where names overlap ("china", "mainland china"), the longer is read first.
    regions
        .english
        .sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    regions
        .chinese
        .sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    book.regions = regions;
    book.languages = toml::from_str(LANGUAGES).map_err(|e| format!("languages.toml: {e}"))?;
    // The keyword row of sentences that may be in another language: its words between spaces.
    let padded = book
        .languages
        .other
        .iter()
        .map(|w| format!(" {w} "))
        .collect();
    if book
        .keywords
        .insert("other_language".to_string(), padded)
        .is_some()
    {
        return Err("keywords.toml: the row `other_language` is made from languages.toml".into());
    }
    Ok(book)
}

static BOOK: LazyLock<Result<Book, String>> = LazyLock::new(read_book);

/// The regular expressions of a phrasing's alternatives: fragments put in, and the rewrites
/// every pattern gets.
fn alternatives(key: &str) -> Result<Vec<String>, String> {
    let book = BOOK.as_ref().map_err(Clone::clone)?;
    let spec = book
        .phrases
        .get(key)
        .ok_or_else(|| format!("no phrasing `{key}` in the data files"))?;
    if spec.patterns.is_empty() {
        return Err(format!("phrasing `{key}` has no patterns"));
    }
    Ok(spec
        .patterns
        .iter()
        .map(|p| rewrite(p, &book.fragments, spec.ignore_case))
        .collect())
}

/// One pattern as compiled: fragments put in, case ignored or not, and two rewrites.
fn rewrite(pattern: &str, fragments: &BTreeMap<String, String>, ignore_case: bool) -> String {
    let mut pattern = pattern.to_string();
    // Fragments may hold fragments: a few rounds put them all in.
    for _ in 0..4 {
        for (name, fragment) in fragments {
            pattern = pattern.replace(&format!("{{{name}}}"), fragment);
        }
    }
    let pattern = if ignore_case {
        format!("(?i:{pattern})")
    } else {
        format!("(?:{pattern})")
    };
    // Patterns run on one sentence at a time, which holds no sentence end and no line break:
    // `[^.\n]` ("within the sentence") is any character there, full stops inside tokens
    // ("Llama 3.1", a URL) included.
    let pattern = pattern.replace(r"[^.\n]", ".");
    // ASCII word boundaries: Unicode ones make the regex engine give up its fast DFA on any
    // non-ASCII byte (a curly quote, a ©), and the words these patterns look for are ASCII.
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// The regular expression of a whole phrasing: its alternatives joined (what the phrasing
/// matches; extraction runs the alternatives one by one, see [`Phrase`]).
#[cfg(test)]
fn expression(key: &str) -> Result<String, String> {
    Ok(alternatives(key)?.join("|"))
}

/// The room each alternative's lazy DFA may take for its states. The default (2 MiB) is too
/// little for patterns with a window (`[^.\n]{0,60}` between two lists of words): the engine
/// then gives up on them and falls back to its slow path (a PikeVM). The room is taken only as
/// states are made.
const DFA_ROOM: usize = 8 << 20;

/// The fewest alternatives let through in a sentence for which a phrasing's union engine runs
/// instead of each alternative.
const UNION_FROM: usize = 2;

/// A compiled alternative: what the `regex` crate's `Regex` is inside (a meta regular
/// expression, leftmost first), so that a match's groups can be read by an anchored search of
/// the match alone instead of a second search of the rest of the sentence.
type Regex = meta::Regex;

/// The engines' configuration: as the `regex` crate configures a `Regex` (leftmost first, its
/// NFA size limit), with [`DFA_ROOM`] for the lazy DFAs and without the engine's own literal
/// prefilter. The words an alternative requires already chose the sentences it runs on, which
/// are short: a prefilter (a Teddy or byte-set search, its own tables to fetch) mostly finds
/// the word just found and restarts the DFA there; without it the lazy DFA reads the sentence
/// at once (callgrind, the 37 KB bench text: about 11% fewer last-level cache misses, and 7%
/// fewer instructions with the ASCII builds).
/// Results are the same: a prefilter only skips places where no match can start.
fn config(utf8_empty: bool) -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(utf8_empty)
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(DFA_ROOM)
        .auto_prefilter(false)
}

/// Compiles a pattern as the `regex` crate compiles a `Regex` (Unicode, matching valid UTF-8).
fn compile(key: &str, pattern: &str) -> Result<Regex, String> {
    build_unicode(&[pattern]).map_err(|e| format!("phrasing `{key}`: {e}"))
}

/// Compiles patterns as one engine, as [`compile`] compiles one (a single pattern compiles as
/// alone).
fn build_unicode(patterns: &[&str]) -> Result<Regex, String> {
    meta::Builder::new()
        .configure(config(true))
        .syntax(syntax::Config::new().utf8(true))
        .build_many(patterns)
        .map_err(|e| e.to_string())
}

/// Compiles a pattern for haystacks that are all ASCII: its classes, case folding and `.` read
/// bytes, not Unicode characters (`(?-u)`, as a `regex::bytes::Regex` without Unicode). On an
/// ASCII haystack it matches exactly what [`compile`]'s does, at the same places with the same
/// groups: every class and case-folded letter holds the same ASCII characters in both modes,
/// and an ASCII haystack holds no other. Its automata are much smaller (a few dozen byte classes
/// instead of 100–175), so their states take fewer cache lines. `None` for a pattern that
/// cannot be written without Unicode (`\p{Lu}`, a case-folded non-ASCII letter, a non-ASCII
/// character in a class): that one runs as compiled by [`compile`] everywhere.
fn compile_ascii(pattern: &str) -> Option<Regex> {
    build_ascii(&[pattern])
}

/// Compiles patterns as one engine for ASCII haystacks, as [`compile_ascii`] compiles one.
fn build_ascii(patterns: &[&str]) -> Option<Regex> {
    meta::Builder::new()
        .configure(config(false))
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build_many(patterns)
        .ok()
}

/// One alternative of a phrasing, compiled the first time it is tried: for ASCII haystacks
/// (nearly every English sentence, quotes made ASCII by tidying) and for the others apart.
struct Alternative {
    pattern: String,
    /// The capture groups of the alternatives before it: its group `n` is the phrasing's group
    /// `before + n`, as in the alternation of them all.
    before: usize,
    /// Whether it requires no words (tried on every sentence).
    always: bool,
    regex: OnceLock<Result<Regex, String>>,
    /// Its build for ASCII haystacks (see [`compile_ascii`]); `None` where it has none.
    ascii: OnceLock<Option<Regex>>,
}

impl Alternative {
    /// The build that runs on a haystack: the ASCII one where the haystack is ASCII and the
    /// pattern has one, else the Unicode one (`None` if it failed to compile).
    fn engine(&self, key: &str, ascii: bool) -> Option<&Regex> {
        if ascii && let Some(ascii) = self.ascii.get_or_init(|| compile_ascii(&self.pattern)) {
            return Some(ascii);
        }
        self.unicode(key).ok()
    }

    /// The Unicode build (what the `regex` crate would compile).
    fn unicode(&self, key: &str) -> Result<&Regex, &String> {
        self.regex
            .get_or_init(|| compile(key, &self.pattern))
            .as_ref()
    }
}

/// The alternatives of every phrasing the rules use, numbered across them all, with the words
/// each requires.
struct Table {
    /// For each phrasing (in the order of [`KEYS`]), the numbers of its alternatives, and
    /// whether one of them is always tried.
    phrases: Vec<(std::ops::Range<usize>, bool)>,
    alternatives: Vec<Alternative>,
    /// For each alternative, the sets of words it requires (see `required.rs`).
    required: Vec<Vec<super::required::WordSet>>,
    /// For each phrasing, all its alternatives as one engine (see [`Phrase::is_match_in`]).
    unions: Vec<Union>,
}

/// A phrasing's alternatives compiled as one multi-pattern engine, for telling only whether any
/// matches where a sentence lets several of them through: one scan of the sentence instead of
/// one per alternative. An alternative the sentence's words rule out cannot match there (a test
/// checks), so the engine matches where one let through does.
///
/// It is compiled once the process has run [`UNION_AFTER`] of the phrasing's alternatives one by
/// one where it would have served: compiled at once, the limit pass's union alone made a
/// process's first extraction (a command-line check of one file) about 50% slower (0.115 s to
/// 0.175 s), while a process that reads many texts, or one text many times, soon pays for the few
/// it uses most.
#[derive(Default)]
struct Union {
    ascii: OnceLock<Option<Regex>>,
    unicode: OnceLock<Option<Regex>>,
    /// The alternatives run one by one where it would have served, so far.
    tried: AtomicUsize,
}

/// How many of a phrasing's alternatives run one by one, where its union would have served,
/// before the union is compiled: about twenty extractions of a long licence for the limit
/// pass's phrasing, whose union of 34 alternatives takes some 40 ms to compile (see [`Union`]).
const UNION_AFTER: usize = 10_000;

impl Union {
    /// The engine for a haystack, where a sentence lets `let_through` alternatives through
    /// (`None` until it is worth compiling, or where the alternatives failed to compile as one:
    /// then they run one by one).
    fn engine(
        &self,
        alternatives: &[Alternative],
        ascii: bool,
        let_through: usize,
    ) -> Option<&Regex> {
        let built = if ascii {
            self.ascii.get()
        } else {
            self.unicode.get()
        };
        if built.is_none()
            && self.tried.fetch_add(let_through, Ordering::Relaxed) + let_through < UNION_AFTER
        {
            return None;
        }
        let patterns = || -> Vec<&str> {
            alternatives
                .iter()
                .map(|alt| alt.pattern.as_str())
                .collect()
        };
        if ascii && let Some(ascii) = self.ascii.get_or_init(|| build_ascii(&patterns())) {
            return Some(ascii);
        }
        self.unicode
            .get_or_init(|| build_unicode(&patterns()).ok())
            .as_ref()
    }
}

fn table() -> Result<Table, String> {
    let mut table = Table {
        phrases: Vec::with_capacity(KEYS.len()),
        alternatives: Vec::new(),
        required: Vec::new(),
        unions: Vec::new(),
    };
    for key in KEYS {
        let first = table.alternatives.len();
        let mut before = 0;
        for pattern in alternatives(key)? {
            // A pattern that does not parse fails to compile when tried, and says why there.
            let (required, groups) =
                super::required::required_sets(&pattern).unwrap_or((Vec::new(), 0));
            table.alternatives.push(Alternative {
                always: required.is_empty(),
                pattern,
                before,
                regex: OnceLock::new(),
                ascii: OnceLock::new(),
            });
            table.required.push(required);
            before += groups;
        }
        let always = table.alternatives[first..].iter().any(|alt| alt.always);
        table
            .phrases
            .push((first..table.alternatives.len(), always));
        table.unions.push(Union::default());
    }
    if table.alternatives.len() > usize::from(u16::MAX) {
        return Err("more phrasing alternatives than the prefilter can number".to_string());
    }
    Ok(table)
}

static TABLE: LazyLock<Result<Table, String>> = LazyLock::new(table);

/// For one sentence, the alternatives the prefilter lets through: `None` for all of them (a
/// passage that is not a sentence of the text, or a text the words cannot be trusted on), else
/// the sorted numbers of those whose every set of required words the sentence holds (those that
/// require none are let through apart).
pub(super) type Pass<'a> = Option<&'a [u16]>;

/// The numbers of `ids` (sorted) that fall in `range`: the alternatives of one phrasing a
/// pass lets through.
fn within<'a>(ids: &'a [u16], range: &std::ops::Range<usize>) -> &'a [u16] {
    let from = ids.partition_point(|id| usize::from(*id) < range.start);
    let to = ids.partition_point(|id| usize::from(*id) < range.end);
    ids.get(from..to).unwrap_or_default()
}

/// A phrasing's alternatives as a sentence lets them through (see [`Phrase::selection`]).
struct Selection<'p> {
    table: &'static Table,
    /// The phrasing's place in [`KEYS`].
    index: usize,
    /// The numbers of its alternatives.
    range: std::ops::Range<usize>,
    pass: Pass<'p>,
    /// The alternatives the pass lets through, where that is a list of its own (none is always
    /// tried); else each alternative of `range` is looked up in the pass.
    listed: Option<&'p [u16]>,
    ascii: bool,
}

impl Selection<'_> {
    /// The engine of all the phrasing's alternatives at once, where several are let through (or
    /// the passage is not a sentence of the text): one scan instead of several.
    fn union(&self) -> Option<&'static Regex> {
        let let_through = self.listed.map_or(self.range.len(), <[u16]>::len);
        if let_through < UNION_FROM {
            return None;
        }
        let alternatives = self.table.alternatives.get(self.range.clone())?;
        self.table
            .unions
            .get(self.index)?
            .engine(alternatives, self.ascii, let_through)
    }
}

/// Whether `pass` lets alternative `id` through.
fn lets_through(pass: Pass<'_>, id: usize, alt: &Alternative) -> bool {
    alt.always || pass.is_none_or(|ids| ids.binary_search(&(id as u16)).is_ok())
}

/// A phrasing, compiled an alternative at a time the first time a rule tries it: a process that
/// reads one text compiles only the alternatives whose words the text holds. One that fails to
/// compile matches nothing and says why ([`compile_fault`]), which makes the extraction that
/// tried it read nothing and ask for review (the test build compiles every phrasing).
///
/// A phrasing matches what the alternation of its alternatives would, leftmost first and, of
/// matches starting at one place, the earliest alternative's; each alternative runs alone, on
/// the sentences holding its words, to find matches and their groups. (One regular expression
/// for the whole alternation makes a lazy DFA whose states track every alternative at once, and
/// finding a match's start and groups with it cost more than the alternatives alone.) Whether a
/// sentence holds a match at all is told by one engine of every alternative where the sentence
/// lets several through ([`Union`]): one scan, stopping at the first match, instead of one per
/// alternative (callgrind, the 37 KB bench text: 15% fewer instructions in all).
pub(super) struct Phrase {
    key: &'static str,
    /// Its place in [`KEYS`] (none for a phrasing the rules do not list, which matches nothing).
    index: Option<usize>,
}

/// A match: its place in the haystack searched (the `regex` crate's `Match`, which cannot be
/// made from a match found by the engines themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(haystack: &'h str, span: regex_automata::Span) -> Match<'h> {
        Match {
            haystack,
            start: span.start,
            end: span.end,
        }
    }

    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub(super) fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub(super) fn as_str(&self) -> &'h str {
        &self.haystack[self.range()]
    }
}

/// A match of a phrasing with its capture groups, numbered as in the alternation of its
/// alternatives.
pub(super) struct Caps<'h> {
    haystack: &'h str,
    inner: Captures,
    before: usize,
}

impl<'h> Caps<'h> {
    /// Group `n` of the matching alternative.
    fn group(&self, n: usize) -> Option<Match<'h>> {
        Some(Match::new(self.haystack, self.inner.get_group(n)?))
    }

    /// Group `i` of the phrasing (0: the whole match).
    pub(super) fn get(&self, i: usize) -> Option<Match<'h>> {
        match i {
            0 => self.group(0),
            _ if i > self.before => self.group(i - self.before),
            _ => None,
        }
    }

    /// Every group of the phrasing up to the last of the matching alternative's, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = Option<Match<'h>>> + '_ {
        std::iter::once(self.group(0))
            .chain(std::iter::repeat_n(None, self.before))
            .chain((1..self.inner.group_len()).map(|n| self.group(n)))
    }
}

impl Phrase {
    pub(super) fn new(key: &'static str) -> Phrase {
        Phrase {
            key,
            index: KEYS.iter().position(|listed| *listed == key),
        }
    }

    /// Its alternatives, with their numbers.
    #[cfg(test)]
    fn alternatives(&self) -> impl Iterator<Item = (usize, &'static Alternative)> + use<> {
        let table = TABLE.as_ref().ok();
        let range = self
            .index
            .and_then(|i| Some(table?.phrases.get(i)?.0.clone()))
            .unwrap_or_default();
        range.filter_map(move |id| Some((id, table?.alternatives.get(id)?)))
    }

    /// What of this phrasing runs on `haystack` under `pass`: its alternatives, those the pass
    /// lets through, and whether the haystack is ASCII (worked out once for both the union and
    /// the alternatives one by one).
    fn selection<'p>(&self, pass: Pass<'p>, haystack: &str) -> Option<Selection<'p>> {
        let table = TABLE.as_ref().ok()?;
        let index = self.index?;
        let (range, always) = table.phrases.get(index)?;
        // Where no alternative is always tried, those let through are the pass's numbers in
        // the phrasing's range (sorted, as the alternatives are): taken from there at once
        // instead of looking each alternative up in the pass.
        let listed = match pass {
            Some(ids) if !always => Some(within(ids, range)),
            _ => None,
        };
        // Nothing to run where the pass lets no alternative through (the haystack is not read).
        let ascii = listed.is_none_or(|ids| !ids.is_empty()) && haystack.is_ascii();
        Some(Selection {
            table,
            index,
            range: range.clone(),
            pass,
            listed,
            ascii,
        })
    }

    /// The alternatives that `pass` lets through, compiled for `haystack` (see
    /// [`Alternative::engine`]).
    fn passing<'p>(
        &self,
        pass: Pass<'p>,
        haystack: &str,
    ) -> impl Iterator<Item = (&'static Alternative, &'static Regex)> + use<'p> {
        self.engines(self.selection(pass, haystack))
    }

    /// The alternatives of `selection` with their engines, compiled for its haystack.
    fn engines<'p>(
        &self,
        selection: Option<Selection<'p>>,
    ) -> impl Iterator<Item = (&'static Alternative, &'static Regex)> + use<'p> {
        let key = self.key;
        let (table, ascii, pass) = selection
            .as_ref()
            .map_or((None, false, None), |s| (Some(s.table), s.ascii, s.pass));
        let (listed, each) = match &selection {
            Some(Selection {
                listed: Some(listed),
                ..
            }) => (*listed, 0..0),
            Some(s) => (&[][..], s.range.clone()),
            None => (&[][..], 0..0),
        };
        let alternative = move |id: usize| table.and_then(|t| t.alternatives.get(id));
        listed
            .iter()
            .map(|id| usize::from(*id))
            .chain(
                each.filter(move |id| {
                    alternative(*id).is_some_and(|alt| lets_through(pass, *id, alt))
                }),
            )
            .filter_map(move |id| {
                let alt = alternative(id)?;
                Some((alt, alt.engine(key, ascii)?))
            })
    }

    /// Whether a sentence with this pass may hold a match: an alternative is let through.
    pub(super) fn may_match(&self, pass: Pass<'_>) -> bool {
        let Some((range, always)) = self.index.and_then(|i| TABLE.as_ref().ok()?.phrases.get(i))
        else {
            return false;
        };
        let Some(ids) = pass else {
            return !range.is_empty();
        };
        *always || !within(ids, range).is_empty()
    }

    /// Whether sentence `i` of `passes` may hold a match: [`Phrase::may_match`] with that
    /// sentence's pass, read from the bits of the phrasings it lets through (one test instead of
    /// a search of its numbers; a rule asks this of every sentence of a keyword row).
    pub(super) fn may_match_at(&self, passes: &Passes, i: usize) -> bool {
        match (self.index, passes.phrases.get(i)) {
            (Some(index), Some(bits)) if !passes.all => bits
                .get(index / 64)
                .is_some_and(|word| (word >> (index % 64)) & 1 == 1),
            _ => self.may_match(passes.of(i)),
        }
    }

    /// Why this phrasing failed to compile, if it was tried and did (or is not in the data).
    #[cfg(test)]
    fn fault(&self) -> Option<String> {
        if self.index.is_none() {
            return Some(format!("no phrasing `{}` in the rules", self.key));
        }
        // A phrasing without patterns fails the whole table (see `alternatives`).
        if let Err(e) = &*TABLE {
            return Some(e.clone());
        }
        self.alternatives()
            .find_map(|(_, alt)| alt.regex.get()?.as_ref().err().cloned())
    }

    pub(super) fn is_match(&self, text: &str) -> bool {
        self.is_match_in(text, None)
    }

    /// Whether `text` holds a match, trying the alternatives `pass` lets through.
    pub(super) fn is_match_in(&self, text: &str, pass: Pass<'_>) -> bool {
        let selection = self.selection(pass, text);
        if let Some(union) = selection.as_ref().and_then(Selection::union) {
            return union.is_match(text);
        }
        self.engines(selection).any(|(_, re)| re.is_match(text))
    }

    pub(super) fn find_iter<'h>(&self, text: &'h str) -> impl Iterator<Item = Match<'h>> {
        self.find_in(text, None).into_iter()
    }

    /// Every match in `text`, trying the alternatives `pass` lets through.
    pub(super) fn find_in<'h>(&self, text: &'h str, pass: Pass<'_>) -> Vec<Match<'h>> {
        let found = leftmost_first(self.passing(pass, text).collect(), text);
        found.into_iter().map(|(_, _, m)| m).collect()
    }

    /// Every match in `text` with its groups, trying the alternatives `pass` lets through.
    ///
    /// A match's groups are read by an anchored search of the match alone (what the engine
    /// itself does once it has found a match's bounds), not by a search from its start to the
    /// end of the text: the same groups, without a second forward and backward pass of the lazy
    /// DFAs.
    pub(super) fn captures_in<'h>(&self, text: &'h str, pass: Pass<'_>) -> Vec<Caps<'h>> {
        leftmost_first(self.passing(pass, text).collect(), text)
            .into_iter()
            .filter_map(|(alt, re, m)| {
                let mut inner = re.create_captures();
                let input = Input::new(text).span(m.range()).anchored(Anchored::Yes);
                re.search_captures(&input, &mut inner);
                // It is the match found (the same engine, from the same place).
                (inner.get_match()?.range() == m.range()).then_some(Caps {
                    haystack: text,
                    inner,
                    before: alt.before,
                })
            })
            .collect()
    }
}

/// The matches the alternation of `alternatives` (in order) finds in `text`: successive
/// non-overlapping leftmost-first matches, each the earliest alternative's among those starting
/// leftmost, as the regex engine's own iteration finds them (an empty match right after the
/// previous match is passed over).
fn leftmost_first<'h>(
    alternatives: Vec<(&'static Alternative, &'static Regex)>,
    text: &'h str,
) -> Vec<(&'static Alternative, &'static Regex, Match<'h>)> {
    let mut found = Vec::new();
    // Each alternative's next match at or after `at` (a match found from an earlier place that
    // starts at or after `at` is still its leftmost one from there).
    let mut next: Vec<Option<Match<'h>>> = vec![None; alternatives.len()];
    let mut done = vec![false; alternatives.len()];
    let mut at = 0;
    let mut last_end = None;
    while at <= text.len() {
        let mut best: Option<(usize, Match<'h>)> = None;
        for (i, (_, re)) in alternatives.iter().enumerate() {
            if done[i] {
                continue;
            }
            if next[i].is_none_or(|m| m.start() < at) {
                next[i] = re
                    .search(&Input::new(text).span(at..text.len()))
                    .map(|m| Match::new(text, m.span()));
            }
            match next[i] {
                None => done[i] = true,
                Some(m) if best.is_none_or(|(_, b)| m.start() < b.start()) => best = Some((i, m)),
                Some(_) => {}
            }
        }
        let Some((i, m)) = best else {
            break;
        };
        if m.is_empty() && last_end == Some(m.end()) {
            // Past the empty match, to the next character.
            at = m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        found.push((alternatives[i].0, alternatives[i].1, m));
        at = m.end();
        last_end = Some(m.end());
    }
    found
}

macro_rules! phrases {
    ($($name:ident = $key:literal;)*) => {
        $(
            // Making a `Phrase` compiles nothing; the lock only gives the rules `&*NAME`.
            pub(super) static $name: LazyLock<Phrase> = LazyLock::new(|| Phrase::new($key));
        )*
        /// Every phrasing the rules use, by key.
        const KEYS: &[&str] = &[$($key),*];
        /// Every phrasing the rules use.
        #[cfg(test)]
        fn all() -> [&'static Phrase; KEYS.len()] {
            [$(&*$name),*]
        }
    };
}

phrases! {
    NORMATIVE = "normative";
    GRANT = "grant";
    GRANT_ZH = "grant_zh";
    SCOPED_GRANT = "scoped_grant";
    PERMISSION = "permission";
    NEGATED = "negated";
    PERMISSION_ZH = "permission_zh";
    NEGATED_ZH = "negated_zh";
    DEFINITION = "definition";
    DEFINITION_ZH = "definition_zh";
    LICENSEE_NAME = "licensee_name";
    LICENSEE_LIMIT = "licensee_limit";
    NARROW_PURPOSE = "narrow_purpose";
    GATE_WORD = "gate_word";
    USERS_AFTER = "users_after";
    USERS_BEFORE = "users_before";
    USERS_ABBREV = "users_abbrev";
    USERS_PER_MONTH = "users_per_month";
    USERS_PER_MONTH_AFTER = "users_per_month_after";
    USERS_BELOW = "users_below";
    USERS_ANY = "users_any";
    USERS_ZH = "users_zh";
    DAILY_ZH = "daily_zh";
    GATE_ZH = "gate_zh";
    COMMERCIAL_ZH = "commercial_zh";
    SEPARATE_GRANT = "separate_grant";
    DISPLAY_DUTY = "display_duty";
    MONEY = "money";
    OTHER_CURRENCY = "other_currency";
    REVENUE_WORD = "revenue_word";
    ANNUAL = "annual";
    MONTHLY = "monthly";
    REVENUE_NOISE = "revenue_noise";
    REVENUE_ZH = "revenue_zh";
    DAMAGES_ZH = "damages_zh";
    REGISTRATION = "registration";
    REGISTRY_NOISE = "registry_noise";
    SEPARATE_LICENCE = "separate_licence";
    REGISTRATION_ZH = "registration_zh";
    REGISTRY_NOISE_ZH = "registry_noise_zh";
    NON_COMMERCIAL_ONLY = "non_commercial_only";
    COMMERCIAL_PURPOSE_ITEM = "commercial_purpose_item";
    PURPOSES_ONLY_INTRO = "purposes_only_intro";
    RESEARCH_PURPOSE_ITEM = "research_purpose_item";
    COMMERCIAL_NOT_PERMITTED = "commercial_not_permitted";
    COMMERCIAL_APPROVAL = "commercial_approval";
    COMMERCIAL_WORD = "commercial_word";
    NON_COMMERCIAL_MENTION = "non_commercial_mention";
    MATERIAL_REFUSED = "material_refused";
    APPROVAL_ZH = "approval_zh";
    NON_COMMERCIAL_ZH = "non_commercial_zh";
    NON_COMMERCIAL_MENTION_ZH = "non_commercial_mention_zh";
    REGION_TRIGGER_ANY = "region_trigger_any";
    REGION_TRIGGER_DENY = "region_trigger_deny";
    DOMICILE_WORD = "domicile_word";
    MARKET_DENY = "market_deny";
    MANNER_NOT_PLACE = "manner_not_place";
    MULTIMODAL = "multimodal";
    TERRITORY_ZH = "territory_zh";
    TERRITORY_ONLY = "territory_only";
    TERRITORY_ONLY_AFTER = "territory_only_after";
    TERRITORY_ONLY_ZH = "territory_only_zh";
    TERRITORY_ONLY_NOT = "territory_only_not";
    TERRITORY_ONLY_ZH_PLACE = "territory_only_zh_place";
    GOVERNING_LAW_ZH = "governing_law_zh";
    NOTICE_INTRO = "notice_intro";
    NOTICE_BLOCK_REF = "notice_block_ref";
    NOTICE_LABEL = "notice_label";
    DISPLAY_STRING = "display_string";
    STATEMENT_INTRO = "statement_intro";
    OPTIONAL = "optional";
    DISPLAY_QUOTED = "display_quoted";
    DISPLAY_CREDIT = "display_credit";
    NON_COMMERCIAL_POINTER = "non_commercial_pointer";
    DISPLAY_ZH = "display_zh";
    DISPLAY_DUTY_UNREAD = "display_duty_unread";
    DISPLAY_DUTY_UNREAD_ZH = "display_duty_unread_zh";
    USE_POLICY = "use_policy";
    USE_BAN_INTRO = "use_ban_intro";
    HARM_USE = "harm_use";
    USE_BAN_INTRO_ZH = "use_ban_intro_zh";
    HARM_USE_ZH = "harm_use_zh";
    USE_BAN = "use_ban";
    NOT_A_TERM = "not_a_term";
    OTHER_AGREEMENT_TERMS = "other_agreement_terms";
    FLOW_DOWN = "flow_down";
    FLOW_DOWN_ZH = "flow_down_zh";
    LICENCE_COPY = "licence_copy";
    LICENCE_COPY_ZH = "licence_copy_zh";
    LICENCE_COPY_LIST_KO = "licence_copy_list_ko";
    LICENCE_FILE_ITEM = "licence_file_item";
    HOSTING_ALLOW = "hosting_allow";
    HOSTING_ALLOW_ZH = "hosting_allow_zh";
    HOSTING_WORD = "hosting_word";
    HOSTING_DENY = "hosting_deny";
    HOSTING_NOT_NC = "hosting_not_nc";
    HOSTING_DENY_ZH = "hosting_deny_zh";
    HOSTING_LIMIT = "hosting_limit";
    COMMERCIAL_DEFINED = "commercial_defined";
    RESEARCH_ONLY = "research_only";
    RESEARCH_SCOPE_ONLY = "research_scope_only";
    RESEARCH_WEIGHTS = "research_weights";
    NON_COMMERCIAL_ELEMENT = "non_commercial_element";
    SHARING_OTHER_MATERIAL = "sharing_other_material";
    OUTPUT_WORD = "output_word";
    OUTPUT_BAN = "output_ban";
    OUTPUT_CONDITION = "output_condition";
    OUTPUT_DERIVATIVE = "output_derivative";
    OUTPUT_BOUND = "output_bound";
    OUTPUT_TRAINING_ITEM = "output_training_item";
    DERIVED_MATERIALS = "derived_materials";
    INCORPORATED_TERMS = "incorporated_terms";
    OUTPUT_TRAINING_MENTION = "output_training_mention";
    OUTPUT_TRAINING_PERMITTED = "output_training_permitted";
    OUTPUTS_FREED = "outputs_freed";
    FREEDOM_DENIED = "freedom_denied";
    OUTPUT_TRAINING_LIMIT_WORD = "output_training_limit_word";
    COMMERCIAL_ONLY_QUALIFIER = "commercial_only_qualifier";
    COMPETING_USE = "competing_use";
    OUTPUT_BAN_ZH = "output_ban_zh";
    OUTPUT_DERIVATIVE_ZH = "output_derivative_zh";
    OUTPUT_TRAINING_MENTION_ZH = "output_training_mention_zh";
    NAMING_TRAINING = "naming_training";
    NAMING = "naming";
    SHARE_ALIKE = "share_alike";
    DERIVATIVE_BAN = "derivative_ban";
    WITHHELD_INTRO = "withheld_intro";
    WITHHELD_SHARING = "withheld_sharing";
    WITHHELD_COMMERCIAL = "withheld_commercial";
    SHARING_PERMITTED = "sharing_permitted";
    USE_WITHHELD = "use_withheld";
    INBOUND_GRANT = "inbound_grant";
    GRANT_WITHHELD = "grant_withheld";
    GRANT_DENIED = "grant_denied";
    GRANT_DENIED_ZH = "grant_denied_zh";
    GRANT_DENIAL_SCOPED = "grant_denial_scoped";
    GRANT_INCLUSION = "grant_inclusion";
    LIMIT_STATEMENT = "limit_statement";
    LIMIT_LABEL = "limit_label";
    LIMIT_CONDITION = "limit_condition";
    LIMIT_PURPOSE = "limit_purpose";
    PURPOSE_LICENCE = "purpose_licence";
    LIMIT_ON_COMMERCIAL = "limit_on_commercial";
    LIMIT_COMMERCIAL = "limit_commercial";
    LIMIT_DURATION = "limit_duration";
    LIMIT_AUDIENCE = "limit_audience";
    LIMIT_HOSTING = "limit_hosting";
    LIMIT_SHARING = "limit_sharing";
    LIMIT_TRAINING = "limit_training";
    LIMIT_BENIGN = "limit_benign";
    LIMIT_EVERYWHERE = "limit_everywhere";
    LIMIT_BENIGN_SENTENCE = "limit_benign_sentence";
    CLAUSE_OF_ITS_OWN = "clause_of_its_own";
    OPEN_BAR = "open_bar";
    DATASET_LICENCE_ITEM = "dataset_licence_item";
    DATASET_ITEM_LABEL = "dataset_item_label";
    MODEL_ITEM_LABEL = "model_item_label";
    NAMES_THE_MODEL = "names_the_model";
    VERDICT_OPENING = "verdict_opening";
    RUN_IN_HEADING = "run_in_heading";
    NAMED_COMMERCIAL = "named_commercial";
    NAMED_HOSTING = "named_hosting";
    NAMED_SHARING = "named_sharing";
    NAMED_TRAINING = "named_training";
    NEXT_ACT = "next_act";
    LIMIT_ELSEWHERE = "limit_elsewhere";
    NO_FURTHER_TERMS = "no_further_terms";
    COMMERCIAL_ROUTE = "commercial_route";
    FREE_TIER = "free_tier";
    TERMS_FOLLOW_DATA = "terms_follow_data";
    ATTRIBUTION_LABEL = "attribution_label";
    CREDIT_BELOW = "credit_below";
    ATTRIBUTION_INTRO = "attribution_intro";
    ATTRIBUTION_INITIAL = "attribution_initial";
    CREDIT_CUT_AT_INITIAL = "credit_cut_at_initial";
    CREDIT_ROLE = "credit_role";
    MODIFY_GRANT = "modify_grant";
    DERIVATIVE_WORD = "derivative_word";
    DISTRIBUTE_WORD = "distribute_word";
    DERIVATIVE_LIMIT = "derivative_limit";
    SHARING_LIMIT = "sharing_limit";
    DERIVATIVE_ACTS = "derivative_acts";
    MODIFY_BAN = "modify_ban";
    NAMING_ZH = "naming_zh";
    DERIVATIVE_BAN_ZH = "derivative_ban_zh";
    NAMING_TRAINING_ZH = "naming_training_zh";
    NAMING_UNREAD = "naming_unread";
    NAMING_UNREAD_ZH = "naming_unread_zh";
    PURPOSE_BAN_ZH = "purpose_ban_zh";
    MODIFY_ZH = "modify_zh";
    DERIVATIVE_BOUND_ZH = "derivative_bound_zh";
    ACCEPTANCE_CLAUSE = "acceptance_clause";
    UNLIMITED_ACTS = "unlimited_acts";
    TRAIN_OTHER_MODELS = "train_other_models";
    OUTPUT_COMMERCIAL_USE = "output_commercial_use";
    MODEL_TRAINING_BAN = "model_training_ban";
    CC_ADOPTED = "cc_adopted";
    CC_NAMED = "cc_named";
    CC_NON_COMMERCIAL = "cc_non_commercial";
    CC_NO_DERIVATIVES = "cc_no_derivatives";
    CC_SHARE_ALIKE = "cc_share_alike";
    CC_ADOPTED_OTHER = "cc_adopted_other";
    TRAINED_MODELS_LICENSED = "trained_models_licensed";
    NAMED_RAIL_LICENCE = "named_rail_licence";
    NAMED_RAIL_UNREAD = "named_rail_unread";
    NAMED_RAIL_OWN = "named_rail_own";
    NAMED_POLICY_LICENCE = "named_policy_licence";
    NAMED_LICENCE_ZH = "named_licence_zh";
    PERMISSIVE_ADOPTED = "permissive_adopted";
    ADOPTED_ELSEWHERE = "adopted_elsewhere";
    LICENCE_OF_CODE = "licence_of_code";
    SHARE_ALIKE_DENIED = "share_alike_denied";
    ADOPTED_INTENTION = "adopted_intention";
    ADOPTED_BEFORE_COLON = "adopted_before_colon";
    LICENCE_BLOCK_OPENING = "licence_block_opening";
    SAME_LICENCE_AS_CODE = "same_licence_as_code";
    ATTRIBUTION_HEADING = "attribution_heading";
    OFFER_OF_SUPPORT = "offer_of_support";
    BOTH_COMMERCIAL = "both_commercial";
}

/// A keyword prefilter: the index of a row of keywords.
#[derive(Debug, Clone, Copy)]
pub(super) struct Keys(usize);

pub(super) const K_GRANT: Keys = Keys(0);
pub(super) const K_USERS: Keys = Keys(1);
pub(super) const K_REVENUE: Keys = Keys(2);
pub(super) const K_REGISTRATION: Keys = Keys(3);
pub(super) const K_COMMERCIAL: Keys = Keys(4);
pub(super) const K_NON_COMMERCIAL: Keys = Keys(5);
pub(super) const K_QUOTE: Keys = Keys(6);
pub(super) const K_USE_POLICY: Keys = Keys(7);
pub(super) const K_NOTICE: Keys = Keys(8);
pub(super) const K_STATEMENT: Keys = Keys(9);
pub(super) const K_AVAILABLE: Keys = Keys(10);
pub(super) const K_MODIFY: Keys = Keys(11);
pub(super) const K_FLOW_DOWN: Keys = Keys(12);
pub(super) const K_COPY: Keys = Keys(13);
pub(super) const K_HOSTING: Keys = Keys(14);
pub(super) const K_OUTPUT: Keys = Keys(15);
pub(super) const K_NAME: Keys = Keys(16);
pub(super) const K_SHARE_ALIKE: Keys = Keys(17);
pub(super) const K_DERIVATIVE_BAN: Keys = Keys(18);
pub(super) const K_TERRITORY: Keys = Keys(19);
pub(super) const K_DEFINITION: Keys = Keys(20);
pub(super) const K_ZH: Keys = Keys(21);
pub(super) const K_OTHER_LANGUAGE: Keys = Keys(22);
pub(super) const K_LIMIT: Keys = Keys(23);

/// The rows of `keywords.toml` (and `other_language`, made from `languages.toml`), in the order
/// of the `K_` constants.
const ROWS: [&str; 24] = [
    "grant",
    "users",
    "revenue",
    "registration",
    "commercial",
    "non_commercial",
    "quote",
    "use_policy",
    "notice",
    "statement",
    "available",
    "modify",
    "flow_down",
    "copy",
    "hosting",
    "output",
    "name",
    "share_alike",
    "derivative_ban",
    "territory",
    "definition",
    "zh",
    "other_language",
    "limit",
];

impl Keys {
    /// The bit of this row in a sentence's mask.
    pub(super) fn bit(self) -> u32 {
        1 << self.0
    }

    /// The number of this row.
    pub(super) fn row(self) -> usize {
        self.0
    }
}

/// For each row of keywords, the places of the sentences whose mask has its bit, in order.
pub(super) fn sentences_by_row(masks: &[u32]) -> Vec<Vec<u32>> {
    let mut by_row = vec![Vec::new(); ROWS.len()];
    for (i, mask) in masks.iter().enumerate() {
        let mut bits = *mask;
        while bits != 0 {
            let row = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(list) = by_row.get_mut(row) {
                list.push(i as u32);
            }
        }
    }
    by_row
}

/// The alternatives each sentence of a text lets through (see [`Pass`]).
pub(super) struct Passes {
    /// Whether every alternative is let through in every sentence (the words cannot be
    /// trusted on the text).
    all: bool,
    /// Where each sentence's numbers start in `ids`, and last where they end.
    starts: Vec<u32>,
    ids: Vec<u16>,
    /// For each sentence, a bit per phrasing (in the order of [`KEYS`]) that has an
    /// alternative let through or always tried.
    phrases: Vec<[u64; PHRASE_WORDS]>,
}

/// The words of a sentence's bits of phrasings.
const PHRASE_WORDS: usize = KEYS.len().div_ceil(64);

impl Passes {
    /// The alternatives sentence `i` lets through.
    pub(super) fn of(&self, i: usize) -> Pass<'_> {
        if self.all {
            return None;
        }
        let (start, end) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
        self.ids.get(start as usize..end as usize)
    }
}

/// The words of both prefilters, found in one pass over a text without regard to ASCII case:
/// the keywords of every row (`keywords.toml`) and the words the phrasings' alternatives
/// require (`required.rs`), each word with the rows and the sets of required words it is in.
struct Finder {
    /// The automaton of the words (their numbers are its values), run over the text with ASCII
    /// letters lower-cased. A double-array automaton: each state takes 12 bytes (about 0.5 MB
    /// for the five thousand words, where the `aho-corasick` crate's contiguous NFA took twice
    /// that and its DFA 21 MB) and a transition is one look-up. The walk was half of an
    /// extraction's time with the NFA (its failure transitions, a cache miss at most states).
    finder: daachorse::DoubleArrayAhoCorasick<u32>,
    /// For each word, its keyword rows and where its links are in `links`: what a match of it
    /// needs, in one place (one look-up per match, where five tables took five).
    words: Vec<WordLinks>,
    /// Word after word: the numbers of the other sets (not an anchor) holding the word, then
    /// the alternatives whose anchor set holds it. Each alternative that requires words has one
    /// of its sets as its anchor (the set of the least used words): a sentence holding a word of
    /// it makes the alternative a candidate, kept if its other sets have a word in the sentence
    /// too (see [`PassBuilder`]).
    links: Vec<u32>,
    /// For each alternative, its other sets (numbered alternative after alternative, so an
    /// alternative's are a range) and its phrasing.
    alternatives: Vec<AlternativeLinks>,
    /// The count of the other sets of all alternatives.
    other_sets: usize,
    /// The bits of the phrasings that have an alternative always tried.
    always_phrases: [u64; PHRASE_WORDS],
}

/// What a word found in a sentence tells (see [`Finder::words`]).
#[derive(Clone, Copy, Default)]
struct WordLinks {
    /// The keyword rows the word belongs to (a bit per row).
    rows: u32,
    /// Where its other sets start in [`Finder::links`].
    start: u32,
    /// Where the alternatives anchored on it start (and its other sets end).
    anchored: u32,
    /// Where the alternatives anchored on it end.
    end: u32,
}

/// An alternative's other sets and phrasing (see [`Finder::alternatives`]).
#[derive(Clone, Copy)]
struct AlternativeLinks {
    /// The numbers of its other sets: `from..to`.
    from: u32,
    to: u32,
    /// The place of its phrasing in [`KEYS`].
    phrase: u16,
}

/// The words of the prefilters, each once.
#[derive(Default)]
struct FinderWords {
    /// Where each word is in `words`.
    places: std::collections::HashMap<Vec<u8>, usize>,
    words: Vec<Vec<u8>>,
    rows: Vec<u32>,
    sets: Vec<Vec<u32>>,
}

impl FinderWords {
    /// The place of `word` in the list (in lower case: ASCII case is ignored), added if new.
    fn place(&mut self, word: &[u8]) -> usize {
        let word = word.to_ascii_lowercase();
        *self.places.entry(word.clone()).or_insert_with(|| {
            self.words.push(word);
            self.rows.push(0);
            self.sets.push(Vec::new());
            self.words.len() - 1
        })
    }
}

/// Every keyword of every row, and the required words of every alternative of every phrasing,
/// from its own pattern (`required.rs`). An alternative whose words cannot be told is always
/// tried; a missing row of keywords is a fault.
fn finder() -> Result<Finder, String> {
    let book = BOOK.as_ref().map_err(Clone::clone)?;
    let table = TABLE.as_ref().map_err(Clone::clone)?;
    let mut words = FinderWords::default();
    for (row, name) in ROWS.iter().enumerate() {
        let list = book
            .keywords
            .get(*name)
            .ok_or_else(|| format!("keywords.toml has no row `{name}`"))?;
        for word in list {
            let at = words.place(word.as_bytes());
            words.rows[at] |= 1 << row;
        }
    }
    // Each alternative's sets as word numbers, and how many sets each word stands in (its use:
    // a word many patterns require, "use" or "model", is a common word of the texts too).
    let mut numbered: Vec<Vec<Vec<u32>>> = Vec::with_capacity(table.required.len());
    for sets in &table.required {
        let mut list = Vec::with_capacity(sets.len());
        for set in sets {
            let mut set: Vec<u32> = set
                .iter()
                .map(|word| u32::try_from(words.place(word)).map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?;
            set.sort_unstable();
            set.dedup();
            list.push(set);
        }
        numbered.push(list);
    }
    let mut uses = vec![0u64; words.words.len()];
    for set in numbered.iter().flatten() {
        for &word in set {
            uses[word as usize] += 1;
        }
    }
    let mut alternative_sets: Vec<(u32, u32)> = Vec::with_capacity(numbered.len());
    let mut word_others: Vec<Vec<u32>> = vec![Vec::new(); words.words.len()];
    let mut other_count = 0u32;
    for (alternative, sets) in numbered.iter().enumerate() {
        let number = u32::try_from(alternative).map_err(|e| e.to_string())?;
        // The anchor: the set whose words are least used (the fewest candidates to check).
        let anchor =
            (0..sets.len()).min_by_key(|&i| sets[i].iter().map(|&w| uses[w as usize]).sum::<u64>());
        let from = other_count;
        for (i, set) in sets.iter().enumerate() {
            if Some(i) == anchor {
                for &word in set {
                    words.sets[word as usize].push(number);
                }
            } else {
                for &word in set {
                    word_others[word as usize].push(other_count);
                }
                other_count += 1;
            }
        }
        alternative_sets.push((from, other_count));
    }
    // Each word once: the automaton refuses a word given twice (and an empty one, which no
    // row or pattern holds).
    let finder = daachorse::DoubleArrayAhoCorasick::new(&words.words)
        .map_err(|e| format!("keywords.toml: {e}"))?;
    let place = |n: usize| u32::try_from(n).map_err(|e| e.to_string());
    let mut links = Vec::new();
    let mut word_links = Vec::with_capacity(words.words.len());
    for ((others, anchored), rows) in word_others.into_iter().zip(words.sets).zip(words.rows) {
        let start = place(links.len())?;
        links.extend(others);
        let middle = place(links.len())?;
        links.extend(anchored);
        word_links.push(WordLinks {
            rows,
            start,
            anchored: middle,
            end: place(links.len())?,
        });
    }
    let mut alternative_phrase = vec![0; table.alternatives.len()];
    let mut always_phrases = [0; PHRASE_WORDS];
    for (phrase, (range, always)) in table.phrases.iter().enumerate() {
        for id in range.clone() {
            if let Some(slot) = alternative_phrase.get_mut(id) {
                *slot = u16::try_from(phrase).map_err(|e| e.to_string())?;
            }
        }
        if *always {
            always_phrases[phrase / 64] |= 1 << (phrase % 64);
        }
    }
    let alternatives = alternative_sets
        .into_iter()
        .zip(alternative_phrase)
        .map(|((from, to), phrase)| AlternativeLinks { from, to, phrase })
        .collect();
    Ok(Finder {
        finder,
        words: word_links,
        links,
        alternatives,
        other_sets: other_count as usize,
        always_phrases,
    })
}

static FINDER: LazyLock<Result<Finder, String>> = LazyLock::new(finder);

/// Gathers, sentence after sentence, the alternatives whose every set of required words has a
/// word found in the sentence.
///
/// A word found adds the alternatives anchored on it (see [`Finder::links`]) as candidates of
/// the sentence and marks the other sets it stands in; when the sentence ends, a candidate is
/// kept if each of its other sets is marked too. That is the same list as counting every set of
/// every alternative as its words are found, with less work: no count per alternative for each
/// word found, only for the candidates, once (a test compares the two ways over every sentence
/// of the repository's texts).
struct PassBuilder<'f> {
    finder: &'f Finder,
    /// For each word, the sentence (plus one) it was last found in: a word found again in a
    /// sentence adds nothing.
    word_seen: Vec<u32>,
    /// For each other set (not an anchor), the sentence (plus one) a word of it was last found
    /// in.
    set_seen: Vec<u32>,
    /// The candidates of the open sentence, a bit per alternative: read in order when the
    /// sentence ends, so its list comes sorted, and emptied.
    candidates: Vec<u64>,
    passes: Passes,
}

impl<'f> PassBuilder<'f> {
    fn new(finder: &'f Finder, sentences: usize) -> PassBuilder<'f> {
        let mut starts = Vec::with_capacity(sentences + 1);
        starts.push(0);
        PassBuilder {
            finder,
            word_seen: vec![0; finder.words.len()],
            set_seen: vec![0; finder.other_sets],
            candidates: vec![0; finder.alternatives.len().div_ceil(64)],
            passes: Passes {
                all: false,
                starts,
                ids: Vec::new(),
                phrases: Vec::with_capacity(sentences),
            },
        }
    }

    /// The sentence whose alternatives are being gathered.
    fn open(&self) -> usize {
        self.passes.starts.len() - 1
    }

    /// Ends the open sentence: its candidates whose other sets all have a word found in it, in
    /// order.
    fn close(&mut self) {
        let stamp = self.open() as u32 + 1;
        let finder = self.finder;
        let mut phrases = finder.always_phrases;
        for (word, bits) in self.candidates.iter_mut().enumerate() {
            let mut bits = std::mem::take(bits);
            while bits != 0 {
                let alternative = word * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let Some(links) = finder.alternatives.get(alternative) else {
                    continue;
                };
                let sets = self
                    .set_seen
                    .get(links.from as usize..links.to as usize)
                    .unwrap_or_default();
                if sets.iter().all(|&seen| seen == stamp) {
                    // Fewer than 2^16 alternatives (`table` refuses more).
                    self.passes.ids.push(alternative as u16);
                    let phrase = usize::from(links.phrase);
                    phrases[phrase / 64] |= 1 << (phrase % 64);
                }
            }
        }
        self.passes.phrases.push(phrases);
        self.passes.starts.push(self.passes.ids.len() as u32);
    }

    /// Word `word` (with its links) found in sentence `sentence` (which is not before the open
    /// one).
    fn found(&mut self, sentence: usize, word: usize, links: WordLinks) {
        while self.open() < sentence {
            self.close();
        }
        let stamp = sentence as u32 + 1;
        match self.word_seen.get_mut(word) {
            Some(seen) if *seen != stamp => *seen = stamp,
            _ => return,
        }
        let finder = self.finder;
        let targets = |from: u32, to: u32| {
            finder
                .links
                .get(from as usize..to as usize)
                .unwrap_or_default()
        };
        for &set in targets(links.start, links.anchored) {
            if let Some(seen) = self.set_seen.get_mut(set as usize) {
                *seen = stamp;
            }
        }
        for &alternative in targets(links.anchored, links.end) {
            if let Some(bits) = self.candidates.get_mut(alternative as usize / 64) {
                *bits |= 1 << (alternative % 64);
            }
        }
    }

    fn finish(mut self, sentences: usize) -> Passes {
        while self.open() < sentences {
            self.close();
        }
        self.passes
    }
}

/// The prefilters of each sentence of `text` (the tidied text): the rows of keywords that have a
/// word in it, and the alternatives that may match in it. A text holding a letter that
/// case-insensitive patterns take for an ASCII one (`ſ`, `K`) is not lower-cased as they match:
/// every alternative may match in any of its sentences.
pub(super) fn sentence_masks(text: &str, sentences: &[Sentence]) -> (Vec<u32>, Passes) {
    let all = Passes {
        all: true,
        starts: Vec::new(),
        ids: Vec::new(),
        phrases: Vec::new(),
    };
    let Ok(finder) = &*FINDER else {
        return (vec![0; sentences.len()], all);
    };
    let mut rows = vec![0u32; sentences.len()];
    let mut passes = PassBuilder::new(finder, sentences.len());
    let mut at = 0;
    // Every match of every word, overlapping ones included, in order of their ends, in the text
    // with its ASCII letters lower-cased (as the words are).
    let lowered = text.to_ascii_lowercase();
    for found in finder.finder.find_overlapping_iter(&lowered) {
        let (word, start, end) = (found.value() as usize, found.start(), found.end());
        // The sentence that may hold the match is the first that ends at or after it.
        while sentences.get(at).is_some_and(|s| s.end < end) {
            at += 1;
        }
        if let (Some(sentence), Some(row), Some(&links)) =
            (sentences.get(at), rows.get_mut(at), finder.words.get(word))
            && start >= sentence.start
        {
            *row |= links.rows;
            passes.found(at, word, links);
        }
    }
    let folds = !text.is_ascii()
        && super::required::FOLDS_TO_ASCII
            .iter()
            .any(|(c, _)| text.contains(*c));
    if folds {
        return (rows, all);
    }
    (rows, passes.finish(sentences.len()))
}

/// The region names of `regions.toml` (none if it failed to load).
pub(super) fn regions() -> &'static Regions {
    static NONE: Regions = Regions {
        english: Vec::new(),
        chinese: Vec::new(),
    };
    BOOK.as_ref().map_or(&NONE, |book| &book.regions)
}

/// The language words of `languages.toml` (none if it failed to load).
pub(super) fn languages() -> &'static Languages {
    static NONE: Languages = Languages {
        english: BTreeSet::new(),
        other: BTreeSet::new(),
    };
    BOOK.as_ref().map_or(&NONE, |book| &book.languages)
}

/// The first fault in the phrasing data, if any: a file that does not parse, a phrasing that
/// is unused, a missing row of keywords. Phrasings are compiled when first tried, not here
/// (compiling them all costs a process more than reading a text): see [`compile_fault`].
pub(super) fn fault() -> Option<&'static str> {
    static FAULT: LazyLock<Option<String>> = LazyLock::new(|| {
        let book = match &*BOOK {
            Ok(book) => book,
            Err(e) => return Some(e.clone()),
        };
        if let Some(unused) = book.phrases.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Some(format!("phrasing `{unused}` is not used by any rule"));
        }
        if let Err(e) = &*FINDER {
            return Some(e.clone());
        }
        if book.regions.english.is_empty() {
            return Some("regions.toml names no region".to_string());
        }
        if book.languages.english.is_empty() || book.languages.other.is_empty() {
            return Some("languages.toml lists no words".to_string());
        }
        None
    });
    FAULT.as_deref()
}

/// The first phrasing tried so far that failed to compile, if any. Checked after an extraction:
/// a rule that could not run may have missed a restriction, so the extraction reads nothing.
pub(super) fn compile_fault() -> Option<&'static str> {
    match &*TABLE {
        Err(e) => Some(e),
        Ok(table) => table
            .alternatives
            .iter()
            .find_map(|alt| alt.regex.get()?.as_ref().err().map(String::as_str)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrasing_data_loads_and_every_phrasing_compiles() {
        assert_eq!(fault(), None);
        assert_eq!(KEYS.len(), BOOK.as_ref().expect("book").phrases.len());
        for (phrase, key) in all().into_iter().zip(KEYS) {
            // Each alternative's Unicode build, and its ASCII build where it has one.
            let compiled = phrase
                .alternatives()
                .filter(|(_, alt)| alt.unicode(key).is_ok())
                .count();
            assert_eq!(compiled, phrase.passing(None, "").count(), "{key}");
            assert!(compiled > 0, "{key} has no alternatives");
            assert_eq!(
                compiled,
                phrase.alternatives().count(),
                "{key}: {:?}",
                phrase.fault()
            );
        }
        assert_eq!(compile_fault(), None);
    }

    #[test]
    fn a_phrasing_that_does_not_compile_matches_nothing_and_says_why() {
        let missing = Phrase::new("no_such_phrasing");
        assert!(!missing.is_match("anything at all"));
        assert_eq!(missing.find_iter("anything").count(), 0);
        assert!(
            missing
                .fault()
                .is_some_and(|e| e.contains("no_such_phrasing"))
        );
    }

    /// The licence texts of the repository: the catalogue's and every fixture's.
    fn corpus() -> Vec<(std::path::PathBuf, String)> {
        let mut files = Vec::new();
        let mut folders = vec![
            std::path::PathBuf::from("licences"),
            std::path::PathBuf::from("fixtures"),
        ];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
                let path = entry.path();
                if path.starts_with("fixtures/hostile") {
                    // Made to break a parser, not licence texts (and a megabyte long).
                    continue;
                }
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "txt" || e == "md")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    files.push((path, text));
                }
            }
        }
        files.sort();
        files
    }

    /// Every sentence of the repository's texts, tidied, with its file and the alternatives the
    /// prefilter lets through in it.
    fn each_sentence(mut look: impl FnMut(&std::path::Path, &str, Pass<'_>)) {
        for (path, text) in corpus() {
            let plain = crate::text::Plain::new(&text);
            let sentences = super::super::sentences::split_sentences(&plain.text);
            let (_, passes) = sentence_masks(&plain.text, &sentences);
            for (i, s) in sentences.iter().enumerate() {
                look(&path, &plain.text[s.start..s.end], passes.of(i));
            }
        }
    }

    /// The words an alternative requires are truly required: over every text of the
    /// repository, a sentence the words rule out never holds a match of it. (Extraction tries an
    /// alternative only on the sentences its words allow, so this is what keeps its results
    /// those of trying all.)
    #[test]
    fn an_alternative_never_matches_a_sentence_its_words_rule_out() {
        let table = TABLE.as_ref().expect("the table");
        let (mut skipped, mut tried) = (0, 0);
        each_sentence(|path, sentence, pass| {
            for (id, alt) in table.alternatives.iter().enumerate() {
                if lets_through(pass, id, alt) {
                    tried += 1;
                    continue;
                }
                skipped += 1;
                let regex = alt.regex.get_or_init(|| compile("test", &alt.pattern));
                assert!(
                    !regex.as_ref().expect("compiles").is_match(sentence),
                    "{}: its words rule out a sentence it matches ({}): {sentence}",
                    alt.pattern,
                    path.display()
                );
            }
        });
        println!("alternatives tried on {tried} sentences, ruled out on {skipped}");
        assert!(
            skipped > tried * 10,
            "the words rule out nearly every sentence: {skipped} vs {tried}"
        );
    }

    /// Running a phrasing's alternatives one by one finds what the alternation of them all
    /// finds: over every sentence of the repository's texts that may hold a match, the same
    /// matches with the same capture groups, numbered across the alternatives.
    #[test]
    fn alternatives_run_alone_match_as_their_alternation_does() {
        // The alternation as the `regex` crate compiles it, the way the phrasings ran before they
        // ran one by one on their own engines.
        let joined: Vec<regex::Regex> = KEYS
            .iter()
            .map(|key| {
                regex::RegexBuilder::new(&expression(key).expect("expression"))
                    .dfa_size_limit(DFA_ROOM)
                    .build()
                    .expect("compiles")
            })
            .collect();
        let groups = |caps: Vec<Option<std::ops::Range<usize>>>| {
            let mut spans = caps;
            // Trailing groups of later alternatives are absent from `Caps::iter`.
            while spans.last() == Some(&None) {
                spans.pop();
            }
            spans
        };
        let mut compared = 0;
        each_sentence(|path, sentence, pass| {
            for ((phrase, key), whole) in all().into_iter().zip(KEYS).zip(&joined) {
                if !phrase.may_match(pass) {
                    continue;
                }
                let alone: Vec<_> = phrase
                    .captures_in(sentence, pass)
                    .iter()
                    .map(|caps| groups(caps.iter().map(|m| m.map(|m| m.range())).collect()))
                    .collect();
                let together: Vec<_> = whole
                    .captures_iter(sentence)
                    .map(|caps| groups(caps.iter().map(|m| m.map(|m| m.range())).collect()))
                    .collect();
                assert_eq!(alone, together, "{key} in {}: {sentence}", path.display());
                assert_eq!(
                    phrase.is_match_in(sentence, pass),
                    whole.is_match(sentence),
                    "{key} in {}: {sentence}",
                    path.display()
                );
                let found: Vec<_> = phrase
                    .find_in(sentence, pass)
                    .iter()
                    .map(Match::range)
                    .collect();
                let whole_found: Vec<_> = whole.find_iter(sentence).map(|m| m.range()).collect();
                assert_eq!(
                    found,
                    whole_found,
                    "{key} in {}: {sentence}",
                    path.display()
                );
                compared += 1;
            }
        });
        assert!(compared > 10_000, "{compared} sentences compared");
    }

    /// An alternative's ASCII build finds what its Unicode build finds on an ASCII haystack:
    /// over every ASCII sentence of the repository's texts that its words let it run on, the
    /// same matches with the same groups; and most alternatives have an ASCII build.
    #[test]
    fn an_ascii_build_matches_as_the_unicode_build_on_ascii_text() {
        let table = TABLE.as_ref().expect("the table");
        let spans = |re: &Regex, sentence: &str| -> Vec<Vec<Option<regex_automata::Span>>> {
            re.captures_iter(sentence)
                .map(|caps| (0..caps.group_len()).map(|n| caps.get_group(n)).collect())
                .collect()
        };
        let (mut compared, mut matched) = (0, 0);
        each_sentence(|path, sentence, pass| {
            if !sentence.is_ascii() {
                return;
            }
            for (id, alt) in table.alternatives.iter().enumerate() {
                if !lets_through(pass, id, alt) {
                    continue;
                }
                let Some(ascii) = alt.ascii.get_or_init(|| compile_ascii(&alt.pattern)) else {
                    continue;
                };
                let unicode = alt.unicode("test").expect("compiles");
                let found = spans(unicode, sentence);
                assert_eq!(
                    spans(ascii, sentence),
                    found,
                    "{} in {}: {sentence}",
                    alt.pattern,
                    path.display()
                );
                compared += 1;
                matched += usize::from(!found.is_empty());
            }
        });
        let without: Vec<&str> = table
            .alternatives
            .iter()
            .filter(|alt| compile_ascii(&alt.pattern).is_none())
            .map(|alt| alt.pattern.as_str())
            .collect();
        println!(
            "{compared} sentences compared, {matched} matched; alternatives without an ASCII build: {without:#?}"
        );
        assert!(
            compared > 10_000 && matched > 1_000,
            "{compared}, {matched}"
        );
        assert!(
            without.len() * 4 < table.alternatives.len(),
            "{}",
            without.len()
        );
    }

    /// The pass builder's anchors let through what checking every set of every alternative
    /// does: over every sentence of the repository's texts, the alternatives each of whose sets
    /// of required words has a word in the sentence (its words found apart, by walking the
    /// sentence alone).
    #[test]
    fn anchored_passes_are_those_of_every_set_checked() {
        let table = TABLE.as_ref().expect("the table");
        let finder = FINDER.as_ref().expect("the finder");
        let mut compared = 0;
        for (path, text) in corpus() {
            let plain = crate::text::Plain::reading(&text);
            let sentences = super::super::sentences::split_sentences(&plain.text);
            let (_, passes) = sentence_masks(&plain.text, &sentences);
            if passes.all {
                continue;
            }
            for (i, s) in sentences.iter().enumerate() {
                let lowered = plain.text[s.start..s.end].to_ascii_lowercase();
                let words: BTreeSet<&[u8]> = finder
                    .finder
                    .find_overlapping_iter(&lowered)
                    .map(|m| &lowered.as_bytes()[m.start()..m.end()])
                    .collect();
                let expected: Vec<u16> = (0..table.required.len())
                    .filter(|&id| {
                        let sets = &table.required[id];
                        !sets.is_empty()
                            && sets.iter().all(|set| {
                                set.iter()
                                    .any(|w| words.contains(w.to_ascii_lowercase().as_slice()))
                            })
                    })
                    .map(|id| id as u16)
                    .collect();
                assert_eq!(
                    passes.of(i),
                    Some(expected.as_slice()),
                    "{}: {}",
                    path.display(),
                    &plain.text[s.start..s.end]
                );
                // The bits of the phrasings say what the numbers do.
                for (phrase, key) in all().into_iter().zip(KEYS) {
                    assert_eq!(
                        phrase.may_match_at(&passes, i),
                        phrase.may_match(passes.of(i)),
                        "{key} in {}",
                        path.display()
                    );
                }
                compared += 1;
            }
        }
        assert!(compared > 10_000, "{compared} sentences compared");
    }

    /// Most alternatives have words: one that has none is tried on every sentence.
    #[test]
    fn most_alternatives_have_required_words() {
        let table = TABLE.as_ref().expect("the table");
        let always: Vec<&str> = table
            .alternatives
            .iter()
            .filter(|alt| alt.always)
            .map(|alt| alt.pattern.as_str())
            .collect();
        println!("alternatives without words: {always:#?}");
        let finder = FINDER.as_ref().expect("the finder");
        println!(
            "{} alternatives, {} sets of words, {} words, automaton {} bytes",
            table.alternatives.len(),
            table.required.iter().map(Vec::len).sum::<usize>(),
            finder.words.len(),
            finder.finder.heap_bytes()
        );
        assert!(
            always.len() * 10 < table.alternatives.len(),
            "{}",
            always.len()
        );
    }

    /// The phrasings whose readers take groups by number (`caps.get(3)`), with the groups each
    /// alternative must have: groups are numbered across alternatives, so a pattern added to one
    /// of these (session 19 added one to `users_after`, and its groups read as nothing) must
    /// come with a change to its reader.
    const READ_BY_GROUP_NUMBER: &[(&str, &[usize])] = &[
        ("users_after", &[3]),
        ("users_before", &[3]),
        ("users_abbrev", &[3]),
        ("users_per_month", &[3]),
        ("users_per_month_after", &[3]),
        ("users_below", &[3]),
        ("users_zh", &[2]),
        ("revenue_zh", &[3]),
        ("money", &[2, 2, 2]),
        ("credit_role", &[1]),
        ("attribution_initial", &[1]),
        ("definition", &[1]),
        ("definition_zh", &[1]),
    ];

    #[test]
    fn phrasings_read_by_group_number_keep_their_groups() {
        for (key, expected) in READ_BY_GROUP_NUMBER {
            let groups: Vec<usize> = alternatives(key)
                .expect(key)
                .iter()
                .map(|pattern| super::super::required::required_sets(pattern).expect(key).1)
                .collect();
            assert_eq!(
                &groups, expected,
                "phrasing `{key}`: groups per alternative"
            );
        }
    }

    #[test]
    fn fragments_are_put_in() {
        let users = expression("users_after").expect("users_after");
        assert!(!users.contains("{AMOUNT}") && !users.contains("{NUMBER_WORDS}"));
        assert!(users.contains("seventeen"));
    }

    /// Asserts that each phrase matches its text, or does not, as its case says.
    fn each_reads_as_expected(cases: &[(&Phrase, &str, bool)]) {
        for (phrase, text, expected) in cases {
            assert_eq!(phrase.is_match(text), *expected, "{text}");
        }
    }

    /// The wordings session 21 added (for probe 7, and a limit said to hold everywhere) read
    /// what they are for, and not their look-alikes: a ban outside a restriction's scope, a
    /// licence's scope of application, a data usage policy, a product merely described, a named
    /// region's territories.
    #[test]
    fn the_wordings_of_probe_7_match_and_their_look_alikes_do_not() {
        each_reads_as_expected(&[
            (&LIMIT_STATEMENT, "您无权再分发本模型", true),
            (&LIMIT_STATEMENT, "商业用途不在本许可范围之内", true),
            (&LIMIT_STATEMENT, "商业用途不在本协议限制范围之内", false),
            (&LIMIT_STATEMENT, "本协议项下的授权仅适用于个人开发者", true),
            (&LIMIT_STATEMENT, "本协议不仅适用于个人开发者", false),
            (
                &LIMIT_STATEMENT,
                "Evaluation of the Model, and no other purpose",
                true,
            ),
            (&LIMIT_BENIGN_SENTENCE, "本协议适用于本模型的全部版本", true),
            (
                &LIMIT_BENIGN_SENTENCE,
                "本协议项下的授权仅适用于个人开发者",
                false,
            ),
            (&LIMIT_BENIGN_SENTENCE, "本协议仅适用于个人开发者", false),
            (&LIMIT_DURATION, "本协议有效期为自您接受之日起一年", true),
            (
                &USE_POLICY,
                "You shall comply with the Licensor's usage policy",
                true,
            ),
            (
                &USE_POLICY,
                "the Policy on Acceptable Use is incorporated",
                true,
            ),
            (
                &USE_POLICY,
                "see our data usage policy for how we treat logs",
                false,
            ),
            (
                &FLOW_DOWN,
                "shall be bound by terms no less restrictive than this",
                true,
            ),
            (
                &NAMED_COMMERCIAL,
                "in any product that is sold to others",
                true,
            ),
            (
                &NAMED_COMMERCIAL,
                "products made available by the Licensee",
                false,
            ),
            (&USERS_ZH, "月活跃用户数（MAU）超过 5000 万", true),
            (
                &LIMIT_EVERYWHERE,
                "you may not use it commercially in any country",
                true,
            ),
            (
                &LIMIT_EVERYWHERE,
                "you may not use it in the EU or its territories",
                false,
            ),
        ]);
    }

    /// Session 22's probe 8: a run-in heading and a bare verdict under it, a denial by
    /// construction of a use of the model (not of the trademarks), an exception from a grant for
    /// any lawful purpose, a grant conditional on not doing something (not on an acceptance).
    #[test]
    fn the_wordings_of_probe_8_match_and_their_look_alikes_do_not() {
        each_reads_as_expected(&[
            (&RUN_IN_HEADING, "Commercial Use.", true),
            (&RUN_IN_HEADING, "4.2 Hosted Services.", true),
            (&RUN_IN_HEADING, "You may not use it.", false),
            (&VERDICT_OPENING, "Not permitted under this licence", true),
            (
                &VERDICT_OPENING,
                "Notwithstanding the foregoing, you may",
                false,
            ),
            (
                &LIMIT_CONDITION,
                "Nothing in this Agreement shall be construed as permitting Licensee to use the Model commercially",
                true,
            ),
            (
                &LIMIT_CONDITION,
                "Nothing herein shall be construed as granting any right to use the Licensor's trademarks",
                false,
            ),
            (
                &LIMIT_CONDITION,
                "You may use the Model for any lawful purpose other than training",
                true,
            ),
            (
                &LIMIT_CONDITION,
                "means any purpose other than a Research Purpose that is not primarily intended",
                false,
            ),
            (
                &LIMIT_STATEMENT,
                "the licence is conditional upon Licensee not deploying the Model",
                true,
            ),
            (
                &LIMIT_STATEMENT,
                "the licence is conditional upon Licensee's acceptance of these terms",
                false,
            ),
        ]);
    }
}
