//! Reading licence texts safely, and normalising them for matching while keeping a map back to
//! the original bytes.
//!
//! Normalisation here is the aggressive, word-level tier: a text becomes the sequence of its
//! lower-cased alphanumeric words. Markdown emphasis and escapes, smart quotes, bullets, line
//! wrapping, CRLF, HTML tags and entities and Markdown link targets all vanish, so that the same
//! licence in any of those dresses gives the same words. Each word keeps the byte range it came
//! from, so a match in the words maps back to a span of the file the user gave.

use std::path::Path;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::error::{Error, Origin, Result};

/// Size limits for inputs.
///
/// ```
/// use model_licence::{Checker, Context, Error, Limits, Subject};
///
/// let checker = Checker::new().with_limits(Limits { max_input_bytes: 10 });
/// let err = checker
///     .check(&Subject::Path("licences/mit/LICENSE.txt".into()), &Context::default_assumed())
///     .unwrap_err();
/// assert!(matches!(err, Error::TooLarge { limit: 10, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest input accepted, in bytes.
    pub max_input_bytes: u64,
}

impl Limits {
    /// 10 MiB: far above any real licence (the longest in the catalogue is under 20 KB).
    pub const DEFAULT: Limits = Limits {
        max_input_bytes: 10 * 1024 * 1024,
    };

    /// The most any configuration may raise the input limit to: 1 GiB (offsets are kept in 32
    /// bits, and a licence is kilobytes).
    pub const HARD_MAX_INPUT_BYTES: u64 = 1024 * 1024 * 1024;
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Reads a text file, refusing anything that is not a plausible UTF-8 text within the limits.
pub fn read_text_file(path: &Path, limits: Limits) -> Result<String> {
    let origin = Origin::Path(path.to_path_buf());
    let metadata = std::fs::metadata(path).map_err(|source| io_error(&origin, source))?;
    let limit = limits.max_input_bytes.min(Limits::HARD_MAX_INPUT_BYTES);
    if metadata.len() > limit {
        return Err(Error::TooLarge {
            origin,
            size: metadata.len(),
            limit,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| io_error(&origin, source))?;
    decode_text(bytes, origin, limits)
}

fn io_error(origin: &Origin, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::NotFound {
        Error::NotFound {
            origin: origin.clone(),
        }
    } else {
        Error::Io {
            origin: origin.clone(),
            source,
        }
    }
}

/// Checks that bytes are a UTF-8 text within the limits and returns it unchanged (a UTF-8
/// byte-order mark is kept, so that offsets stay offsets into the file).
///
/// Encoding damage is an error, never a guess: UTF-16 (which has NUL bytes in ASCII text) and
/// invalid UTF-8 are refused with the line and byte where they were found.
pub fn decode_text(bytes: Vec<u8>, origin: Origin, limits: Limits) -> Result<String> {
    let limit = limits.max_input_bytes.min(Limits::HARD_MAX_INPUT_BYTES);
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            origin,
            size: bytes.len() as u64,
            limit,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Encoding {
            origin,
            line: 1,
            offset: 0,
            reason: "UTF-16 text (byte-order mark found); convert the file to UTF-8".to_string(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { origin, offset });
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let line = 1 + err.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Error::Encoding {
            origin: origin.clone(),
            line,
            offset,
            reason: "invalid UTF-8; convert the file to UTF-8".to_string(),
        }
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::Empty { origin });
    }
    Ok(text)
}

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
        let mut words = Words {
            joined: String::with_capacity(text.len()),
            ..Words::default()
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        // Whether the previous character belongs to the word being built.
        let mut in_word = false;
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
                && let Some(skip) = markup_len(text, i)
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
            if b.is_ascii() {
                in_word = b.is_ascii_alphanumeric()
                    && words.push_char(char::from(b.to_ascii_lowercase()), i, i + 1, in_word);
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

    /// Appends a character, starting a new word unless `continues` says it extends the last one.
    fn push_char(&mut self, c: char, start: usize, end: usize, continues: bool) -> bool {
        if !continues {
            if !self.joined.is_empty() {
                self.joined.push(' ');
            }
            self.starts.push(self.joined.len());
            self.spans.push((start, end));
        }
        if c.is_ascii() {
            self.joined.push(c);
        } else {
            self.joined.extend(c.to_lowercase());
        }
        if let Some(span) = self.spans.last_mut() {
            span.1 = end;
        }
        true
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

/// Whether an opening tag (after its `<`) hides its element (`hidden`, `display: none`,
/// `visibility: hidden`): a reader does not see its text.
fn is_hidden(tag: &str) -> bool {
    let Some(open_end) = tag.get(..tag.len().min(500)).and_then(|t| t.find('>')) else {
        return false;
    };
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
        let paragraph_end = inner.find("\n\n").unwrap_or(inner.len());
        let close = inner[..paragraph_end].find("~~")?;
        return Some(2 + close + 2);
    }
    let tag = rest.strip_prefix('<')?;
    let name_len = tag.bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = &tag[..name_len];
    let after = tag.as_bytes().get(name_len).copied();
    if name.is_empty() || !matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/')) {
        return None;
    }
    let is_struck = STRUCK_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name));
    let closing = format!("</{name}");
    if !is_struck && !is_hidden(tag) {
        return None;
    }
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

/// An offset into a text as stored in the offset maps (inputs are limited to 4 GiB, see
/// [`Limits`]).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A text tidied for reading clauses: markup and emphasis gone, quotes made ASCII, whitespace
/// collapsed (a blank line becomes one `\n`), case and punctuation kept. Every byte maps back to
/// the byte of the original it came from, so a match here is a span of the user's file.
#[derive(Debug, Clone, Default)]
pub struct Plain {
    /// The tidied text.
    pub text: String,
    /// For each byte of `text`: the offset of the original character it came from.
    map: Vec<u32>,
    /// For each byte of `text`: the end offset of that original character (or entity).
    map_end: Vec<u32>,
}

impl Plain {
    /// Tidies `text` (see the type's docs).
    pub fn new(text: &str) -> Plain {
        let mut plain = Plain {
            text: String::with_capacity(text.len()),
            map: Vec::with_capacity(text.len()),
            map_end: Vec::with_capacity(text.len()),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        // Pending whitespace: (start offset, newlines seen).
        let mut space: Option<(usize, usize)> = None;
        let mut line_start = true;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b'<' | b'~')
                && let Some(skip) = struck_len(text, i)
            {
                space = Some(space.unwrap_or((i, 0)));
                i += skip;
                continue;
            }
            if matches!(b, b']' | b'<')
                && let Some(skip) = markup_len(text, i)
            {
                if b == b']' {
                    plain.push(']', i, i + 1, &mut space);
                } else if is_block_tag(&text[i..i + skip]) {
                    // `<p>`, `<br>`, `<li>`: the paragraph break a plain copy has.
                    space = Some((space.map_or(i, |(start, _)| start), 2));
                    line_start = true;
                }
                i += skip;
                continue;
            }
            if b == b'&'
                && let Some((decoded, len)) = entity(text, i)
            {
                plain.push_or_space(decoded, i, i + len, &mut space);
                line_start = false;
                i += len;
                continue;
            }
            if matches!(b, b' ' | b'\t' | b'\r') {
                space = Some(space.unwrap_or((i, 0)));
                i += 1;
                continue;
            }
            if b.is_ascii_alphanumeric()
                || matches!(b, b',' | b'.' | b'(' | b')' | b'"' | b'\'' | b'-')
            {
                // The common case, plain ASCII text: no mapping needed.
                plain.push_ascii(b, i, &mut space);
                line_start = false;
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            let dropped = match c {
                // Emphasis and escapes carry nothing; `#` and `>` open Markdown headings and quotes.
                '*' => true,
                '\\' => bytes.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()),
                '#' | '>' => line_start,
                _ => false,
            };
            if c == '\n' {
                let newlines = space.map_or(0, |(_, n)| n) + 1;
                space = Some((space.map_or(i, |(start, _)| start), newlines));
                line_start = true;
            } else if c.is_whitespace() || c == '\u{feff}' {
                space = Some(space.unwrap_or((i, 0)));
            } else if !dropped {
                plain.push_or_space(c, i, i + len, &mut space);
                line_start = false;
            }
            i += len;
        }
        plain
    }

    fn push_ascii(&mut self, b: u8, at: usize, space: &mut Option<(usize, usize)>) {
        if space.is_some() {
            self.push(char::from(b), at, at + 1, space);
        } else {
            self.text.push(char::from(b));
            self.map.push(offset(at));
            self.map_end.push(offset(at + 1));
        }
    }

    fn push_or_space(
        &mut self,
        c: char,
        start: usize,
        end: usize,
        space: &mut Option<(usize, usize)>,
    ) {
        let c = match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' => '\'',
            c if c.is_whitespace() => {
                *space = Some(space.unwrap_or((start, 0)));
                return;
            }
            c => c,
        };
        self.push(c, start, end, space);
    }

    fn push(&mut self, c: char, start: usize, end: usize, space: &mut Option<(usize, usize)>) {
        if let Some((at, newlines)) = space.take()
            && !self.text.is_empty()
        {
            let sep = if newlines >= 2 { '\n' } else { ' ' };
            self.text.push(sep);
            self.map.push(offset(at));
            self.map_end.push(offset(at));
        }
        let before = self.text.len();
        self.text.push(c);
        for _ in before..self.text.len() {
            self.map.push(offset(start));
            self.map_end.push(offset(end));
        }
    }

    /// The original byte range of `start..end` of the tidied text.
    pub fn original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let from = *self.map.get(start)? as usize;
        let to = *self.map_end.get(end - 1)? as usize;
        (from < to).then_some((from, to))
    }
}

/// The length of markup at `i` that carries no words: an HTML tag or comment, or the target of a
/// Markdown link (`](https://…)`), whose URL a plain-text copy of the same licence does not repeat.
fn markup_len(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if let Some(target) = rest.strip_prefix("](") {
        let close = target.find([')', '\n'])?;
        if let Some(space) = target[..close].find(char::is_whitespace) {
            // A link title (`](url "title")`) is text a reader sees: only the URL is markup.
            return Some(2 + space);
        }
        return (target.as_bytes()[close] == b')').then_some(2 + close + 1);
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
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    HTML_TAGS
        .iter()
        .find(|(known, _)| name.eq_ignore_ascii_case(known))
        .copied()
}

/// Whether a tag (`<p>`, `</li>`, `<br/>`) breaks the text into blocks.
fn is_block_tag(tag: &str) -> bool {
    known_tag(tag).is_some_and(|(_, block)| block)
}

fn is_html_tag_name(body: &str) -> bool {
    known_tag(body).is_some()
}

/// Decodes an HTML entity at `i`: the character it stands for and its length in bytes.
fn entity(text: &str, i: usize) -> Option<(char, usize)> {
    let rest = &text[i..];
    if !rest.starts_with('&') {
        return None;
    }
    let end = rest[1..].find(';').filter(|&n| n > 0 && n <= 10)? + 1;
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

/// The 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Words of a name: lower-case runs of letters, of digits or of `+` (`Llama3.1` is `llama 3 1`,
/// `RAIL++-M` is `rail ++ m`).
pub(crate) fn name_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut last: Option<u8> = None;
    for c in text.chars() {
        let kind = if c.is_ascii_alphabetic() {
            Some(0)
        } else if c.is_ascii_digit() {
            Some(1)
        } else if c == '+' {
            Some(2)
        } else {
            None
        };
        if kind != last && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if kind.is_some() {
            word.push(c.to_ascii_lowercase());
        }
        last = kind;
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A word with its first letter upper-cased (`llama` is `Llama`).
pub(crate) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        Words::new(text).joined
    }

    #[test]
    fn markdown_emphasis_and_escapes_vanish() {
        assert_eq!(
            words("1\\. **License Rights and Redistribution**."),
            "1 license rights and redistribution"
        );
    }

    #[test]
    fn smart_quotes_and_plain_quotes_agree() {
        assert_eq!(words("“Built with Llama”"), words("\"Built with Llama\""));
        assert_eq!(words("Meta’s rights"), words("Meta's rights"));
    }

    #[test]
    fn crlf_and_hard_wrapping_agree_with_one_line() {
        assert_eq!(
            words("greater than 700\r\nmillion  monthly"),
            words("greater than 700 million monthly")
        );
    }

    #[test]
    fn markdown_link_target_is_dropped() {
        assert_eq!(
            words("available at [https://www.llama.com/x](https://llama.com/y)), which"),
            words("available at https://www.llama.com/x), which")
        );
    }

    #[test]
    fn html_tags_and_entities_are_decoded() {
        assert_eq!(
            words("<p>Meta&rsquo;s &amp; <b>yours</b></p>"),
            words("Meta's & yours")
        );
    }

    #[test]
    fn licence_template_placeholder_is_kept() {
        assert_eq!(
            words("Copyright <year> <copyright holders>"),
            "copyright year copyright holders"
        );
    }

    #[test]
    fn struck_and_hidden_text_reads_as_deleted_and_comments_as_text() {
        assert_eq!(words("a <del>b</del> c <s>d</s> e ~~f~~ g"), "a c e g");
        assert_eq!(words("a <span style=\"display: none\">b</span> c"), "a c");
        assert_eq!(words("a <div hidden>b</div> c <span>d</span>"), "a c d");
        assert_eq!(words("a <!-- b c --> d"), "a b c d");
        assert_eq!(words("a ~~ b"), "a b");
    }

    #[test]
    fn compatibility_forms_fold_but_other_scripts_stay() {
        assert_eq!(words("Ｌｌａｍａ ﬁne"), "llama fine");
        assert_ne!(words("Llаma"), "llama");
        assert_eq!(words("Lla\u{200b}ma"), "lla ma");
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        assert_eq!(words("本许可 allows"), "本 许 可 allows");
    }

    #[test]
    fn a_link_title_is_text() {
        assert_eq!(
            words("[x](https://a.b \"Research only\")"),
            "x research only"
        );
    }

    #[test]
    fn byte_order_mark_is_not_a_word() {
        assert_eq!(words("\u{feff}BigScience RAIL"), "bigscience rail");
    }

    #[test]
    fn find_maps_back_to_original_bytes() {
        let text = "You must **display** “Built with\n Llama” on it.";
        let hay = Words::new(text);
        let (start, end) = hay.find(&Words::new("display \"built with llama")).unwrap();
        assert_eq!(&text[start..end], "display** “Built with\n Llama");
    }

    #[test]
    fn find_respects_word_boundaries() {
        let hay = Words::new("the llamas are here");
        assert_eq!(hay.find(&Words::new("llama")), None);
    }

    #[test]
    fn utf16_is_an_encoding_error() {
        let err = decode_text(
            vec![0xFF, 0xFE, b'a', 0],
            Origin::Memory("t".into()),
            Limits::DEFAULT,
        );
        assert!(matches!(err, Err(Error::Encoding { .. })), "{err:?}");
    }

    #[test]
    fn invalid_utf8_names_line_and_byte() {
        let err = decode_text(
            b"ok\nbad \xff here".to_vec(),
            Origin::Memory("t".into()),
            Limits::DEFAULT,
        );
        match err {
            Err(Error::Encoding { line, offset, .. }) => assert_eq!((line, offset), (2, 7)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn whitespace_only_is_empty() {
        let err = decode_text(
            b" \n\t\n".to_vec(),
            Origin::Memory("t".into()),
            Limits::DEFAULT,
        );
        assert!(matches!(err, Err(Error::Empty { .. })));
    }

    #[test]
    fn nul_byte_is_binary() {
        let err = decode_text(
            b"abc\0def".to_vec(),
            Origin::Memory("t".into()),
            Limits::DEFAULT,
        );
        assert!(matches!(err, Err(Error::Binary { offset: 3, .. })));
    }

    #[test]
    fn over_limit_is_too_large() {
        let limits = Limits { max_input_bytes: 4 };
        let err = decode_text(b"abcdef".to_vec(), Origin::Memory("t".into()), limits);
        assert!(matches!(
            err,
            Err(Error::TooLarge {
                size: 6,
                limit: 4,
                ..
            })
        ));
    }
}
