//! The phrasings the clause rules look for, as data: `phrases/*.toml` (see `phrases/README.md`),
//! embedded in the binary and read once. A contributor adds a phrasing there without writing
//! Rust; a test loads every file and compiles every phrasing, so a bad file fails the tests.
//!
//! Should the data still fail to load (it cannot in a tested build), every phrasing matches
//! nothing and [`fault`] says why: extraction then reads nothing and asks for review.

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use regex::{Captures, Match, Regex};
use serde::Deserialize;

use super::Sentence;

/// The data files, by name.
const FILES: [(&str, &str); 16] = [
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
];
const FRAGMENTS: &str = include_str!("phrases/fragments.toml");
const KEYWORDS: &str = include_str!("phrases/keywords.toml");
const REGIONS: &str = include_str!("phrases/regions.toml");

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

/// Everything the data files hold.
#[derive(Debug, Default)]
struct Book {
    phrases: BTreeMap<String, PhraseSpec>,
    fragments: BTreeMap<String, String>,
    keywords: BTreeMap<String, Vec<String>>,
    regions: Regions,
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
    Ok(book)
}

static BOOK: LazyLock<Result<Book, String>> = LazyLock::new(read_book);

/// The regular expression of a phrasing: its alternatives joined, fragments put in, and the
/// two rewrites every phrasing gets.
fn expression(key: &str) -> Result<String, String> {
    let book = BOOK.as_ref().map_err(Clone::clone)?;
    let spec = book
        .phrases
        .get(key)
        .ok_or_else(|| format!("no phrasing `{key}` in the data files"))?;
    if spec.patterns.is_empty() {
        return Err(format!("phrasing `{key}` has no patterns"));
    }
    let mut pattern = spec
        .patterns
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    // Fragments may hold fragments: a few rounds put them all in.
    for _ in 0..4 {
        for (name, fragment) in &book.fragments {
            pattern = pattern.replace(&format!("{{{name}}}"), fragment);
        }
    }
    if spec.ignore_case {
        pattern = format!("(?i){pattern}");
    }
    // Patterns run on one sentence at a time, which holds no sentence end and no line break:
    // `[^.\n]` ("within the sentence") is any character there, full stops inside tokens
    // ("Llama 3.1", a URL) included.
    let pattern = pattern.replace(r"[^.\n]", ".");
    // ASCII word boundaries: Unicode ones make the regex engine give up its fast DFA on any
    // non-ASCII byte (a curly quote, a ©), and the words these patterns look for are ASCII.
    Ok(pattern.replace(r"\b", r"(?-u:\b)"))
}

/// The room each phrasing's lazy DFA may take for its states. The default (2 MiB) is too
/// little for phrasings with a window (`[^.\n]{0,60}` between two lists of words): the engine
/// then gives up on them and falls back to its slow path (a PikeVM), which cost a third of the
/// extraction's time. The room is taken only as states are made.
const DFA_ROOM: usize = 8 << 20;

fn compile(key: &str) -> Result<Regex, String> {
    let pattern = expression(key)?;
    regex::RegexBuilder::new(&pattern)
        .dfa_size_limit(DFA_ROOM)
        .build()
        .map_err(|e| format!("phrasing `{key}`: {e}"))
}

/// A phrasing, compiled the first time a rule tries it: a process that reads one text compiles
/// only the phrasings whose keywords the text holds, not all of them up front. One that fails to
/// compile matches nothing and says why ([`compile_fault`]), which makes the extraction that
/// tried it read nothing and ask for review (the test build compiles every phrasing).
pub(super) struct Phrase {
    key: &'static str,
    /// Its place in [`KEYS`]: its bit in a sentence's [`PhraseBits`] (none for a phrasing the
    /// rules do not list, which is then tried on every sentence).
    index: Option<usize>,
    regex: OnceLock<Result<Regex, String>>,
}

impl Phrase {
    pub(super) fn new(key: &'static str) -> Phrase {
        Phrase {
            key,
            index: KEYS.iter().position(|listed| *listed == key),
            regex: OnceLock::new(),
        }
    }

    /// Whether a sentence with these bits may hold a match: it holds one of the words the
    /// phrasing cannot match without (see `required.rs`).
    pub(super) fn may_match(&self, bits: &PhraseBits) -> bool {
        self.index.is_none_or(|i| {
            bits.get(i / 64)
                .is_none_or(|word| word & (1 << (i % 64)) != 0)
        })
    }

    fn regex(&self) -> Option<&Regex> {
        self.regex.get_or_init(|| compile(self.key)).as_ref().ok()
    }

    /// Why this phrasing failed to compile, if it was tried and did.
    fn fault(&self) -> Option<&str> {
        self.regex.get()?.as_ref().err().map(String::as_str)
    }

    pub(super) fn is_match(&self, text: &str) -> bool {
        self.regex().is_some_and(|re| re.is_match(text))
    }

    pub(super) fn find_iter<'h>(&self, text: &'h str) -> impl Iterator<Item = Match<'h>> {
        self.regex()
            .into_iter()
            .flat_map(move |re| re.find_iter(text))
    }

    pub(super) fn captures_iter<'h>(&self, text: &'h str) -> impl Iterator<Item = Captures<'h>> {
        self.regex()
            .into_iter()
            .flat_map(move |re| re.captures_iter(text))
    }
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
    COMMERCIAL_NOT_PERMITTED = "commercial_not_permitted";
    COMMERCIAL_APPROVAL = "commercial_approval";
    COMMERCIAL_WORD = "commercial_word";
    NON_COMMERCIAL_MENTION = "non_commercial_mention";
    APPROVAL_ZH = "approval_zh";
    NON_COMMERCIAL_ZH = "non_commercial_zh";
    NON_COMMERCIAL_MENTION_ZH = "non_commercial_mention_zh";
    REGION_TRIGGER_ANY = "region_trigger_any";
    REGION_TRIGGER_DENY = "region_trigger_deny";
    DOMICILE_WORD = "domicile_word";
    MARKET_DENY = "market_deny";
    MULTIMODAL = "multimodal";
    TERRITORY_ZH = "territory_zh";
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
    USE_BAN = "use_ban";
    FLOW_DOWN = "flow_down";
    FLOW_DOWN_ZH = "flow_down_zh";
    LICENCE_COPY = "licence_copy";
    LICENCE_COPY_ZH = "licence_copy_zh";
    HOSTING_ALLOW = "hosting_allow";
    HOSTING_ALLOW_ZH = "hosting_allow_zh";
    HOSTING_WORD = "hosting_word";
    HOSTING_DENY = "hosting_deny";
    HOSTING_NOT_NC = "hosting_not_nc";
    HOSTING_DENY_ZH = "hosting_deny_zh";
    HOSTING_LIMIT = "hosting_limit";
    COMMERCIAL_DEFINED = "commercial_defined";
    RESEARCH_ONLY = "research_only";
    OUTPUT_WORD = "output_word";
    OUTPUT_BAN = "output_ban";
    OUTPUT_CONDITION = "output_condition";
    OUTPUT_DERIVATIVE = "output_derivative";
    OUTPUT_BOUND = "output_bound";
    DERIVED_MATERIALS = "derived_materials";
    INCORPORATED_TERMS = "incorporated_terms";
    OUTPUT_TRAINING_MENTION = "output_training_mention";
    OUTPUT_TRAINING_PERMITTED = "output_training_permitted";
    OUTPUT_TRAINING_LIMIT_WORD = "output_training_limit_word";
    COMMERCIAL_ONLY_QUALIFIER = "commercial_only_qualifier";
    OUTPUT_BAN_ZH = "output_ban_zh";
    OUTPUT_DERIVATIVE_ZH = "output_derivative_zh";
    OUTPUT_TRAINING_MENTION_ZH = "output_training_mention_zh";
    NAMING_TRAINING = "naming_training";
    NAMING = "naming";
    SHARE_ALIKE = "share_alike";
    DERIVATIVE_BAN = "derivative_ban";
    WITHHELD_INTRO = "withheld_intro";
    WITHHELD_SHARING = "withheld_sharing";
    SHARING_PERMITTED = "sharing_permitted";
    USE_WITHHELD = "use_withheld";
    INBOUND_GRANT = "inbound_grant";
    GRANT_WITHHELD = "grant_withheld";
    TERMS_FOLLOW_DATA = "terms_follow_data";
    ATTRIBUTION_LABEL = "attribution_label";
    CREDIT_ROLE = "credit_role";
    MODIFY_GRANT = "modify_grant";
    DERIVATIVE_WORD = "derivative_word";
    DISTRIBUTE_WORD = "distribute_word";
    DERIVATIVE_LIMIT = "derivative_limit";
    SHARING_LIMIT = "sharing_limit";
    MODIFY_BAN = "modify_ban";
    NAMING_ZH = "naming_zh";
    DERIVATIVE_BAN_ZH = "derivative_ban_zh";
    NAMING_TRAINING_ZH = "naming_training_zh";
    PURPOSE_BAN_ZH = "purpose_ban_zh";
    MODIFY_ZH = "modify_zh";
    DERIVATIVE_BOUND_ZH = "derivative_bound_zh";
    ACCEPTANCE_CLAUSE = "acceptance_clause";
    UNLIMITED_ACTS = "unlimited_acts";
    TRAIN_OTHER_MODELS = "train_other_models";
    OUTPUT_COMMERCIAL_USE = "output_commercial_use";
    MODEL_TRAINING_BAN = "model_training_ban";
    CC_ADOPTED = "cc_adopted";
    CC_NON_COMMERCIAL = "cc_non_commercial";
    CC_NO_DERIVATIVES = "cc_no_derivatives";
    CC_SHARE_ALIKE = "cc_share_alike";
    CC_ADOPTED_OTHER = "cc_adopted_other";
    NAMED_RAIL_LICENCE = "named_rail_licence";
    NAMED_POLICY_LICENCE = "named_policy_licence";
    PERMISSIVE_ADOPTED = "permissive_adopted";
    ADOPTED_ELSEWHERE = "adopted_elsewhere";
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

/// The rows of `keywords.toml`, in the order of the `K_` constants.
const ROWS: [&str; 22] = [
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
];

impl Keys {
    /// The bit of this row in a sentence's mask.
    pub(super) fn bit(self) -> u32 {
        1 << self.0
    }
}

/// One bit per phrasing (in the order of [`KEYS`]): for a sentence, the phrasings it holds a
/// required word of.
pub(super) type PhraseBits = [u64; KEYS.len().div_ceil(64)];

/// Every bit set: each phrasing may match.
const ALL_PHRASES: PhraseBits = [u64::MAX; KEYS.len().div_ceil(64)];

fn set_bit(bits: &mut PhraseBits, index: usize) {
    bits[index / 64] |= 1 << (index % 64);
}

/// The words of both prefilters, found in one pass over a text without regard to ASCII case:
/// the keywords of every row (`keywords.toml`) and the words every phrasing requires
/// (`required.rs`), each word with the rows and the phrasings it stands for.
struct Finder {
    /// The automaton, walked byte by byte (see [`sentence_masks`]): a contiguous NFA, whose
    /// states for the few thousand words take about 0.6 MB where a DFA's take 21 MB. A walk of
    /// the NFA runs more instructions per byte (its failure transitions), but the DFA's table
    /// missed the CPU caches at nearly every byte: the NFA's walk takes less time.
    finder: aho_corasick::nfa::contiguous::NFA,
    /// For each word, the keyword rows it belongs to (a bit per row).
    rows: Vec<u32>,
    /// For each word, the phrasings that require it.
    phrases: Vec<PhraseBits>,
    /// The phrasings that require no word the pass can find (always tried).
    always: PhraseBits,
}

/// The words of the prefilters, each once.
#[derive(Default)]
struct FinderWords {
    words: Vec<Vec<u8>>,
    rows: Vec<u32>,
    phrases: Vec<PhraseBits>,
}

impl FinderWords {
    /// The place of `word` in the list, added if new.
    fn place(&mut self, word: &[u8]) -> usize {
        if let Some(at) = self.words.iter().position(|w| w == word) {
            return at;
        }
        self.words.push(word.to_vec());
        self.rows.push(0);
        self.phrases.push([0; KEYS.len().div_ceil(64)]);
        self.words.len() - 1
    }
}

/// Every keyword of every row, and the required words of every phrasing, from its own pattern
/// (`required.rs`). A phrasing whose words cannot be told, or whose pattern does not parse, is
/// always tried; a missing row of keywords is a fault.
fn finder() -> Result<Finder, String> {
    let book = BOOK.as_ref().map_err(Clone::clone)?;
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
    let mut always = [0; KEYS.len().div_ceil(64)];
    for (index, key) in KEYS.iter().enumerate() {
        let required =
            expression(key).and_then(|pattern| super::required::required_words(&pattern));
        let Ok(Some(required)) = required else {
            set_bit(&mut always, index);
            continue;
        };
        for word in required {
            let at = words.place(&word);
            set_bit(&mut words.phrases[at], index);
        }
    }
    // The words are in lower case: ASCII case is ignored in the text, as `to_ascii_lowercase`
    // would, without a lower-cased copy of it.
    let finder = aho_corasick::nfa::contiguous::NFA::builder()
        .ascii_case_insensitive(true)
        // Walked by hand: no prefilter, so that only states with matches (and the dead one,
        // which an unanchored walk never reaches) are special.
        .prefilter(false)
        .build(&words.words)
        .map_err(|e| format!("keywords.toml: {e}"))?;
    Ok(Finder {
        finder,
        rows: words.rows,
        phrases: words.phrases,
        always,
    })
}

static FINDER: LazyLock<Result<Finder, String>> = LazyLock::new(finder);

/// The prefilters of each sentence of `text` (the tidied text): the rows of keywords that have a
/// word in it, and the phrasings that may match in it. A text holding a letter that
/// case-insensitive patterns take for an ASCII one (`ſ`, `K`) is not lower-cased as they match:
/// every phrasing may match in any of its sentences.
pub(super) fn sentence_masks(text: &str, sentences: &[Sentence]) -> (Vec<u32>, Vec<PhraseBits>) {
    let Ok(finder) = &*FINDER else {
        return (vec![0; sentences.len()], vec![ALL_PHRASES; sentences.len()]);
    };
    let mut rows = vec![0u32; sentences.len()];
    let mut phrases = vec![finder.always; sentences.len()];
    let mut at = 0;
    // Every match of every word, overlapping ones included, in order of their ends: the
    // automaton walked byte by byte, each match state read (a walk costs less than the
    // library's overlapping search, which does the same with more bookkeeping).
    let nfa = &finder.finder;
    let Ok(mut state) = nfa.start_state(Anchored::No) else {
        return (rows, vec![ALL_PHRASES; sentences.len()]);
    };
    let mut end: usize = 0;
    let bytes = text.as_bytes();
    'walk: loop {
        if nfa.is_match(state) {
            for index in 0..nfa.match_len(state) {
                let word = nfa.match_pattern(state, index);
                let start = end.saturating_sub(nfa.pattern_len(word));
                // The sentence that may hold the match is the first that ends at or after it.
                while sentences.get(at).is_some_and(|s| s.end < end) {
                    at += 1;
                }
                if let (Some(sentence), Some(row), Some(bits)) =
                    (sentences.get(at), rows.get_mut(at), phrases.get_mut(at))
                    && start >= sentence.start
                {
                    *row |= finder.rows[word.as_usize()];
                    for (bits, word) in bits.iter_mut().zip(&finder.phrases[word.as_usize()]) {
                        *bits |= word;
                    }
                }
            }
        }
        // On to the next state with a match (a tight loop: most bytes lead to none).
        loop {
            let Some(&byte) = bytes.get(end) else {
                break 'walk;
            };
            state = nfa.next_state(Anchored::No, state, byte);
            end += 1;
            if nfa.is_special(state) {
                break;
            }
        }
    }
    let folds = !text.is_ascii()
        && super::required::FOLDS_TO_ASCII
            .iter()
            .any(|(c, _)| text.contains(*c));
    if folds {
        phrases.fill(ALL_PHRASES);
    }
    (rows, phrases)
}

/// The region names of `regions.toml` (none if it failed to load).
pub(super) fn regions() -> &'static Regions {
    static NONE: Regions = Regions {
        english: Vec::new(),
        chinese: Vec::new(),
    };
    BOOK.as_ref().map_or(&NONE, |book| &book.regions)
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
        None
    });
    FAULT.as_deref()
}

/// The first phrasing tried so far that failed to compile, if any. Checked after an extraction:
/// a rule that could not run may have missed a restriction, so the extraction reads nothing.
pub(super) fn compile_fault() -> Option<&'static str> {
    all().into_iter().find_map(Phrase::fault)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrasing_data_loads_and_every_phrasing_compiles() {
        assert_eq!(fault(), None);
        assert_eq!(KEYS.len(), BOOK.as_ref().expect("book").phrases.len());
        for (phrase, key) in all().into_iter().zip(KEYS) {
            assert!(phrase.regex().is_some(), "{key}: {:?}", phrase.fault());
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

    /// The words a phrasing requires are truly required: over every text of the repository,
    /// a sentence the words rule out never holds a match. (Extraction tries a phrasing only on
    /// the sentences its words allow, so this is what keeps its results those of trying all.)
    #[test]
    fn a_phrasing_never_matches_a_sentence_its_words_rule_out() {
        let (mut skipped, mut tried) = (0, 0);
        for (path, text) in corpus() {
            let plain = crate::text::Plain::new(&text);
            let sentences = super::super::sentences::split_sentences(&plain.text);
            let (_, masks) = sentence_masks(&plain.text, &sentences);
            for (s, bits) in sentences.iter().zip(&masks) {
                let sentence = &plain.text[s.start..s.end];
                for (phrase, key) in all().into_iter().zip(KEYS) {
                    if phrase.may_match(bits) {
                        tried += 1;
                        continue;
                    }
                    skipped += 1;
                    assert!(
                        !phrase.is_match(sentence),
                        "{key}: its words rule out a sentence it matches ({}): {sentence}",
                        path.display()
                    );
                }
            }
        }
        assert!(
            skipped > tried,
            "the words rule out most sentences: {skipped} vs {tried}"
        );
    }

    /// Most phrasings have words: one that has none is tried on every sentence.
    #[test]
    fn most_phrasings_have_required_words() {
        let finder = FINDER.as_ref().expect("the words are found");
        let always: Vec<&str> = KEYS
            .iter()
            .enumerate()
            .filter(|(i, _)| finder.always[i / 64] & (1 << (i % 64)) != 0)
            .map(|(_, key)| *key)
            .collect();
        println!("phrasings without words: {always:?}");
        assert!(always.len() * 4 < KEYS.len(), "{always:?}");
    }

    #[test]
    fn fragments_are_put_in() {
        let users = expression("users_after").expect("users_after");
        assert!(!users.contains("{AMOUNT}") && !users.contains("{NUMBER_WORDS}"));
        assert!(users.contains("seventeen"));
    }
}
