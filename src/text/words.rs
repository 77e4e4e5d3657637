//! Words: a text reduced to its lower-cased alphanumeric words, each mapped back to its bytes.
//!
//! This file needs nothing but `std` and `unicode-normalization`: the build script includes it
//! too, to compute the words of every catalogue text at compile time (see `build.rs`), so that
//! identifying an unmodified catalogue text needs no index built at start-up.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A text reduced to its words, each mapped back to its bytes in the original.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The words, lower-cased, joined by single spaces.
    pub joined: String,
    /// For each word: its byte offset in `joined`.
    starts: Vec<usize>,
    /// For each word: its byte range in the original text.
    spans: Vec<(usize, usize)>,
}

impl Words {
    /// Splits `text` into words (see the module docs for what is dropped).
    pub fn new(text: &str) -> Words {
        // Licence prose averages six or more bytes a word with its space: sized for that, the
        // word lists are allocated once instead of growing (and being copied) a dozen times.
        let expected_words = text.len() / 5 + 1;
        let mut words = Words {
            joined: String::with_capacity(text.len()),
            starts: Vec::with_capacity(expected_words),
            spans: Vec::with_capacity(expected_words),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        // Whether the previous character belongs to the word being built.
        let mut in_word = false;
        let mut links = LinkScan::default();
        while i < bytes.len() {
            let b = bytes[i];
            // Markup and entities start with one of a few ASCII bytes: test for those first.
            if matches!(b, b'<' | b'~')
                && let Some(skip) = struck_len(text, i)
            {
                // Struck-through or hidden text is not in force: it reads as deleted.
                in_word = false;
                i += skip;
                continue;
            }
            if b == b'<' && text[i..].starts_with("<!--") {
                // A comment's content is read as words: a clause hidden there is still a change.
                in_word = false;
                i += 4;
                continue;
            }
            if b == b'-' && text[i..].starts_with("-->") {
                in_word = false;
                i += 3;
                continue;
            }
            if matches!(b, b']' | b'<')
                && let Some(skip) = markup_len(text, i, &mut links)
            {
                in_word = false;
                i += skip;
                continue;
            }
            if b == b'&'
                && let Some((decoded, len)) = entity(text, i)
            {
                // A letter spelled as an entity (`&eacute;`) stands alone; anything else separates.
                in_word = decoded.is_alphanumeric() && words.push_char(decoded, i, i + len, false);
                i += len;
                continue;
            }
            if b.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits holds none of the bytes tested above: it is
                // copied at once rather than a character at a time (most of a licence's bytes).
                let run = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                words.push_ascii_run(&text[i..i + run], i, in_word);
                in_word = true;
                i += run;
                continue;
            }
            if b.is_ascii() {
                in_word = false;
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            in_word = words.push_unicode(c, i, i + len, in_word);
            i += len;
        }
        words
    }

    /// Appends a non-ASCII character and says whether the word it belongs to goes on.
    /// Compatibility forms (fullwidth letters, ligatures) fold to their plain letters, as a
    /// renderer shows them; a letter of another script (a Cyrillic `а` in "Llama") stays itself.
    /// Each Chinese or Japanese character is a word of its own, so a changed character in a
    /// bilingual licence is a changed word, not a changed sentence.
    fn push_unicode(&mut self, c: char, start: usize, end: usize, in_word: bool) -> bool {
        if matches!(u32::from(c), 0x3040..=0x30FF | 0x4E00..=0x9FFF) {
            // Kana and unified ideographs are their own normal form: the common CJK case.
            self.push_char(c, start, end, false);
            return false;
        }
        if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
            return self.push_folded(c, start, end, in_word);
        }
        let mut continues = in_word;
        for folded in std::iter::once(c).nfkc() {
            continues = self.push_folded(folded, start, end, continues);
        }
        continues
    }

    fn push_folded(&mut self, c: char, start: usize, end: usize, in_word: bool) -> bool {
        if is_cjk(c) {
            self.push_char(c, start, end, false);
            return false;
        }
        if c.is_ascii() {
            return c.is_ascii_alphanumeric()
                && self.push_char(c.to_ascii_lowercase(), start, end, in_word);
        }
        c.is_alphanumeric() && self.push_char(c, start, end, in_word)
    }

    /// Appends a run of ASCII letters and digits, lower-cased, as [`Words::push_char`] would one
    /// character at a time: a new word unless `continues` says the run extends the last one.
    fn push_ascii_run(&mut self, run: &str, start: usize, continues: bool) {
        if !continues {
            self.start_word(start);
        }
        let at = self.joined.len();
        self.joined.push_str(run);
        self.joined[at..].make_ascii_lowercase();
        self.end_word_at(start + run.len());
    }

    /// Appends a character, starting a new word unless `continues` says it extends the last one.
    fn push_char(&mut self, c: char, start: usize, end: usize, continues: bool) -> bool {
        if !continues {
            self.start_word(start);
        }
        if c.is_ascii() {
            self.joined.push(c);
        } else {
            self.joined.extend(c.to_lowercase());
        }
        self.end_word_at(end);
        true
    }

    /// Opens a new word whose original bytes start at `start`.
    fn start_word(&mut self, start: usize) {
        if !self.joined.is_empty() {
            self.joined.push(' ');
        }
        self.starts.push(self.joined.len());
        self.spans.push((start, start));
    }

    /// Extends the last word's original bytes to `end`.
    fn end_word_at(&mut self, end: usize) {
        if let Some(span) = self.spans.last_mut() {
            span.1 = end;
        }
    }

    /// A stable 64-bit fingerprint of the words: the same in the build script, which
    /// fingerprints the catalogue's texts, as in the library. Equal words give equal
    /// fingerprints; a match on the fingerprint alone is confirmed on the words. It reads eight
    /// bytes at a step, where a byte-wise hash waits on a multiplication per byte.
    pub(crate) fn fingerprint(&self) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let bytes = self.joined.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        let mut hash = (bytes.len() as u64).wrapping_mul(K);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            hash = (hash.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        (hash.rotate_left(23) ^ u64::from_le_bytes(last)).wrapping_mul(K)
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The byte range in the original text of words `first..=last`.
    pub fn original_span(&self, first: usize, last: usize) -> Option<(usize, usize)> {
        let start = self.spans.get(first)?.0;
        let end = self.spans.get(last)?.1;
        Some((start, end))
    }

    /// Finds `needle` (already normalised with [`Words::new`]) as a run of whole words, and
    /// returns the byte range in the original text it came from.
    pub fn find(&self, needle: &Words) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        let pattern = needle.joined.as_str();
        let mut from = 0;
        while let Some(pos) = self.joined[from..].find(pattern) {
            let start = from + pos;
            let end = start + pattern.len();
            let at_word_start = self.starts.binary_search(&start);
            let at_word_end = end == self.joined.len() || self.joined.as_bytes()[end] == b' ';
            if let (Ok(first), true) = (at_word_start, at_word_end) {
                let last = first + needle.len() - 1;
                return self.original_span(first, last);
            }
            from = start + 1;
            while !self.joined.is_char_boundary(from) {
                from += 1;
            }
        }
        None
    }

    /// The words as a slice iterator.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.joined.split(' ').filter(|w| !w.is_empty())
    }

    /// Word `index`, as normalised (empty when there is no such word).
    pub fn word(&self, index: usize) -> &str {
        let Some(&start) = self.starts.get(index) else {
            return "";
        };
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.joined.len(), |next| next - 1);
        self.joined.get(start..end).unwrap_or("")
    }

    /// The byte range in the original text of word `index`.
    pub fn span(&self, index: usize) -> Option<(usize, usize)> {
        self.spans.get(index).copied()
    }
}

/// Whether a character is written without spaces between words (Chinese, Japanese kana).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3100..=0x312F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Tags whose content is struck through, and so not in force.
const STRUCK_TAGS: [&str; 3] = ["del", "s", "strike"];

/// The length of the opening tag at `text[i..]` if it hides its element (see [`struck_len`])
/// rather than striking it through: the clause reader reads hidden text as text, since a hidden
/// restriction is still in the file the publisher wrote.
pub(crate) fn hidden_open_len(text: &str, i: usize) -> Option<usize> {
    let tag = text[i..].strip_prefix('<')?;
    let name = element_name(tag)?;
    if is_struck_tag(name) || !is_hidden(tag) {
        return None;
    }
    tag.find('>').map(|gt| 1 + gt + 1)
}

/// The name of the element an opening tag (after its `<`) opens: letters followed by the tag's
/// end, white space or `/`.
fn element_name(tag: &str) -> Option<&str> {
    let name_len = tag.bytes().take_while(u8::is_ascii_alphabetic).count();
    let after = tag.as_bytes().get(name_len).copied();
    (name_len > 0 && matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/')))
        .then(|| &tag[..name_len])
}

/// Whether an element of this name is struck through.
fn is_struck_tag(name: &str) -> bool {
    STRUCK_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
}

/// Whether an opening tag (after its `<`) hides its element (`hidden`, `display: none`,
/// `visibility: hidden`): a reader does not see its text.
fn is_hidden(tag: &str) -> bool {
    let Some(open_end) = tag.get(..tag.len().min(500)).and_then(|t| t.find('>')) else {
        return false;
    };
    // Only an opening tag that says `hidden` or `none` can hide: most tags are read without
    // copying them.
    let says = |word: &[u8]| {
        tag.as_bytes()[..open_end]
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !says(b"hidden") && !says(b"none") {
        return false;
    }
    let open = tag[..open_end].to_ascii_lowercase();
    let squeezed: String = open.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains("display:none")
        || squeezed.contains("visibility:hidden")
        || open
            .split(|c: char| c.is_whitespace() || c == '/')
            .any(|attr| attr == "hidden" || attr.starts_with("hidden="))
}

/// The length of a struck-through or hidden element at `i`: `<del>…</del>`, `<s>…</s>`,
/// `<strike>…</strike>`, an element with `hidden` or `display: none`, or Markdown's `~~…~~`
/// (within a paragraph). An unclosed tag strikes to the end of the text, as a browser renders it;
/// an unclosed `~~` is plain punctuation.
pub(crate) fn struck_len(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if let Some(inner) = rest.strip_prefix("~~") {
        // The closing `~~` or the paragraph's end, whichever comes first: a scan that stops
        // there, so that many `~~` in one long paragraph are read in one pass.
        let bytes = inner.as_bytes();
        let mut from = 0;
        while let Some(found) = inner[from..].find(['~', '\n']) {
            let at = from + found;
            if bytes[at..].starts_with(b"~~") {
                return Some(2 + at + 2);
            }
            // A blank line ends the paragraph, whatever the line endings.
            if bytes[at..].starts_with(b"\n\n") || bytes[at..].starts_with(b"\n\r\n") {
                return None;
            }
            from = at + 1;
        }
        return None;
    }
    let tag = rest.strip_prefix('<')?;
    let name = element_name(tag)?;
    if !is_struck_tag(name) && !is_hidden(tag) {
        return None;
    }
    let closing = format!("</{name}");
    let close = rest.match_indices("</").map(|(at, _)| at).find(|&at| {
        rest.as_bytes()
            .get(at..at + closing.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(closing.as_bytes()))
    });
    let Some(close) = close else {
        return Some(rest.len());
    };
    let end = rest[close..]
        .find('>')
        .map_or(rest.len(), |gt| close + gt + 1);
    Some(end)
}

/// The byte spans of every struck-through or hidden element of a text (see [`struck_len`]): text
/// a reader does not see as in force. A file that holds any is never taken at face value, even
/// when what remains is word for word a catalogue licence (BSD-3-Clause with its third clause
/// hidden reads as BSD-2-Clause).
pub(crate) fn struck_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find(['<', '~']) {
        let i = at + found;
        match struck_len(text, i) {
            Some(len) if len > 0 => {
                spans.push((i, i + len));
                at = i + len;
            }
            _ => at = i + 1,
        }
    }
    spans
}

/// Where the scans for the end of Markdown link targets stopped (see [`markup_len`]).
#[derive(Debug, Default)]
pub(crate) struct LinkScan {
    /// The first `)` or white space at or after an offset.
    url_end: Memo,
    /// The first `)` or line break at or after an offset.
    close: Memo,
}

/// The answer to "the first character matching a test at or after `from`", kept for the next
/// question: the same answer holds for any offset from `from` up to the character found.
#[derive(Debug, Default)]
struct Memo {
    last: Option<(usize, Option<usize>)>,
}

impl Memo {
    fn find(&mut self, text: &str, from: usize, test: impl Fn(char) -> bool) -> Option<usize> {
        if let Some((asked, found)) = self.last
            && asked <= from
            && found.is_none_or(|at| from <= at)
        {
            return found;
        }
        let found = text.get(from..)?.find(test).map(|at| from + at);
        self.last = Some((from, found));
        found
    }
}

/// The length of markup at `i` that carries no words: an HTML tag or comment, or the target of a
/// Markdown link (`](https://…)`), whose URL a plain-text copy of the same licence does not repeat.
///
/// `links` remembers how far the last link target's scan went: the caller passes the same one
/// for every offset of a text, in order, so that many unclosed links (`[a](` repeated) are read
/// in one pass over the text and not one pass per link.
pub(crate) fn markup_len(text: &str, i: usize, links: &mut LinkScan) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with("](") {
        // The target ends at a `)`; white space first ends the URL (a title may follow), a line
        // break first means no link at all, and so does a text with no `)` or line break left.
        let start = i + 2;
        let stop = links
            .url_end
            .find(text, start, |c| c == ')' || c.is_whitespace())?;
        return match text[stop..].chars().next()? {
            ')' => Some(stop + 1 - i),
            '\n' => None,
            // A link title (`](url "title")`) is text a reader sees: only the URL is markup.
            _ => links
                .close
                .find(text, stop, |c| c == ')' || c == '\n')
                .map(|_| stop - i),
        };
    }
    if rest.starts_with("<!--") {
        return Some(rest.find("-->").map_or(rest.len(), |end| end + 3));
    }
    let tag = rest.strip_prefix('<')?;
    let first = *tag.as_bytes().first()?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let close = tag.find(['>', '<', '\n'])?;
    if tag.as_bytes()[close] != b'>' || close > 200 {
        return None;
    }
    // `<year>` in a licence template is tag-shaped but is a word: only real tags are dropped.
    let body = &tag[..close];
    // An autolink (`<http://fsf.org/>`, `<mailto:…>`) shows its target: the URL is text.
    if body.contains("://") || body.starts_with("mailto:") {
        return None;
    }
    if body.len() > 1 && body.starts_with('!') && body.as_bytes()[1].is_ascii_alphabetic() {
        // A declaration (`<!DOCTYPE html>`).
        return Some(1 + close + 1);
    }
    (body.contains(['=', '/', '"']) || is_html_tag_name(body)).then_some(1 + close + 1)
}

/// HTML tags the normaliser knows, and whether each breaks the text into blocks.
const HTML_TAGS: &[(&str, bool)] = &[
    ("p", true),
    ("br", true),
    ("div", true),
    ("li", true),
    ("ul", true),
    ("ol", true),
    ("h1", true),
    ("h2", true),
    ("h3", true),
    ("h4", true),
    ("h5", true),
    ("h6", true),
    ("tr", true),
    ("td", false),
    ("th", false),
    ("table", true),
    ("tbody", false),
    ("tfoot", false),
    ("details", true),
    ("summary", true),
    ("dl", true),
    ("dt", true),
    ("dd", true),
    ("figure", true),
    ("figcaption", true),
    ("caption", true),
    ("center", true),
    ("header", true),
    ("footer", true),
    ("main", true),
    ("nav", true),
    ("aside", true),
    ("font", false),
    ("mark", false),
    ("abbr", false),
    ("cite", false),
    ("q", false),
    ("kbd", false),
    ("ins", false),
    ("thead", false),
    ("blockquote", true),
    ("pre", true),
    ("hr", true),
    ("section", true),
    ("article", true),
    ("body", true),
    ("html", true),
    ("head", true),
    ("title", true),
    ("span", false),
    ("b", false),
    ("i", false),
    ("u", false),
    ("em", false),
    ("strong", false),
    ("a", false),
    ("code", false),
    ("sup", false),
    ("sub", false),
    ("small", false),
];

/// The known tag a tag's text (`<p class="x">`, `</li>`, `br/`) opens or closes, if any.
fn known_tag(tag: &str) -> Option<(&'static str, bool)> {
    let tag = tag.trim_start_matches('<').trim_start_matches('/');
    let name_len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &tag[..name_len];
    HTML_TAGS
        .iter()
        .find(|(known, _)| name.eq_ignore_ascii_case(known))
        .copied()
}

/// Whether a tag (`<p>`, `</li>`, `<br/>`) breaks the text into blocks.
pub(crate) fn is_block_tag(tag: &str) -> bool {
    known_tag(tag).is_some_and(|(_, block)| block)
}

/// Whether a tag opens a table cell (`<td>`, `<th align="left">`; not `</td>`).
pub(crate) fn is_cell_open(tag: &str) -> bool {
    !tag.starts_with("</") && known_tag(tag).is_some_and(|(name, _)| matches!(name, "td" | "th"))
}

fn is_html_tag_name(body: &str) -> bool {
    known_tag(body).is_some()
}

/// Decodes an HTML entity at `i`: the character it stands for and its length in bytes.
pub(crate) fn entity(text: &str, i: usize) -> Option<(char, usize)> {
    let rest = &text[i..];
    if !rest.starts_with('&') {
        return None;
    }
    // An entity's name is at most ten bytes: the `;` is looked for there only.
    let window = &rest.as_bytes()[1..rest.len().min(12)];
    let end = window
        .iter()
        .position(|&b| b == b';')
        .filter(|&n| n > 0 && n <= 10)?
        + 1;
    let name = &rest[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(code)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" | "rsquo" | "lsquo" => '\'',
            "ldquo" | "rdquo" => '"',
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "ndash" | "mdash" => '-',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "hellip" => '…',
            "sect" => '§',
            "eacute" => 'é',
            _ => return None,
        }
    };
    Some((c, end + 1))
}
