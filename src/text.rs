//! Reading licence texts safely, and normalising them for matching while keeping a map back to
//! the original bytes.
//!
//! Normalisation here is the aggressive, word-level tier: a text becomes the sequence of its
//! lower-cased alphanumeric words. Markdown emphasis and escapes, smart quotes, bullets, line
//! wrapping, CRLF, HTML tags and entities and Markdown link targets all vanish, so that the same
//! licence in any of those dresses gives the same words. Each word keeps the byte range it came
//! from, so a match in the words maps back to a span of the file the user gave.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Origin, Result};

mod disguise;
mod rejoin;
mod words;

pub use words::Words;
use words::{LinkScan, entity, hidden_open_len, is_block_tag, is_cell_open, markup_len};
pub(crate) use words::{is_cjk, struck_len, struck_spans};

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
///
/// Only a regular file (after following symbolic links) is read: a FIFO, socket or device is
/// refused from its metadata before it is opened, so that `/dev/zero` never fills memory and a
/// FIFO is never waited on. At most one byte past the limit is read, so a file that grows
/// while it is read still ends in a size error.
pub fn read_text_file(path: &Path, limits: Limits) -> Result<String> {
    let origin = Origin::Path(path.to_path_buf());
    let metadata = std::fs::metadata(path).map_err(|source| io_error(&origin, source))?;
    if let Some(kind) = not_a_file(&metadata.file_type()) {
        return Err(Error::NotAFile { origin, kind });
    }
    let limit = limits.max_input_bytes.min(Limits::HARD_MAX_INPUT_BYTES);
    if metadata.len() > limit {
        return Err(Error::TooLarge {
            origin,
            size: metadata.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|source| io_error(&origin, source))?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| io_error(&origin, source))?;
    decode_text(bytes, origin, limits)
}

/// What a path that is not a regular file is (`"a FIFO"`, `"a character device"`, ...), or
/// `None` for a regular file.
pub(crate) fn not_a_file(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
    }
    Some("a special file")
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
    /// Where each stretch of `text` comes from, in order (a few pieces per line of an ordinary
    /// text, where a map of every byte took eight bytes for each: a third of a megabyte written
    /// for every 40 KB read).
    pieces: Vec<Piece>,
    /// Where [`Plain::reading`] read a letter through a disguise (an invisible character inside a
    /// word, a Cyrillic or Greek look-alike among Latin letters): offsets into `text`.
    disguised: Vec<u32>,
}

/// A stretch of the tidied text, up to the next piece, and where in the original it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Its first byte in the tidied text.
    at: u32,
    /// The original offset its first byte comes from.
    from: u32,
    /// [`COPIED`] for a stretch copied byte for byte: its byte `k` comes from `from + k` and
    /// ends one byte later, except white space, which stands for the white space before a word
    /// and ends where it starts. Otherwise the original end every byte of the piece maps to:
    /// one character or entity (a curly quote made straight, `&amp;`, a character of several
    /// bytes), or the run of white space one separator stands for.
    to: u32,
}

/// Words that turn a clause, kept where they stand after a code fence as if an info string
/// ("```no" over "commercial use is permitted"): what a person reading the file sees.
const FENCE_WORDS_KEPT: [&str; 10] = [
    "no", "not", "never", "none", "nor", "without", "except", "unless", "only", "but",
];

/// The length of the code fence at `text[i..]` ("```", "~~~", longer runs too) with its info
/// word ("```text"), if one starts there. The fence and its info word carry no words; anything
/// else on the line is read (a line rewrapped, or words hidden after a fence). The info word is
/// dropped only where it ends the line and reads as a tag (lower case, no word that turns a
/// clause: "```no" over "commercial use" keeps its "no"); a word run on after the fence
/// ("```No commercial use") is read.
fn fence_len(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let mark = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let marks = rest.len() - rest.trim_start_matches(mark).len();
    if marks < 3 {
        return None;
    }
    let after = &rest[marks..];
    let info = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || "+-._".contains(c)))
        .unwrap_or(after.len());
    let word = &after[..info];
    let line = &after[info..];
    let line_ends = line
        .split('\n')
        .next()
        .unwrap_or_default()
        .trim()
        .is_empty();
    let tag = !word.chars().any(|c| c.is_ascii_uppercase()) && !FENCE_WORDS_KEPT.contains(&word);
    Some(marks + if line_ends && tag { info } else { 0 })
}

/// [`Piece::to`] of a stretch copied byte for byte.
const COPIED: u32 = u32::MAX;

impl Plain {
    /// Tidies `text` (see the type's docs). Every character shown is kept as it is: a
    /// comparison of texts sees a disguised letter as the change it is.
    pub fn new(text: &str) -> Plain {
        Plain::tidy(text, false)
    }

    /// Tidies `text` as a person reads it, for the clause rules: also drops invisible
    /// characters, reads a Cyrillic or Greek letter drawn like a Latin one inside a Latin word as
    /// that letter, and a compatibility form of ASCII letters or digits (fullwidth, mathematical,
    /// ligatures) as those (see [`Plain::disguised`]); joins a word hyphenated at a line's end
    /// and a word with its letters spaced apart; and reads the text of HTML comments and hidden
    /// elements, as a paragraph of its own, since the file holds it.
    pub fn reading(text: &str) -> Plain {
        let mut plain = Plain::tidy(text, true);
        plain.rejoin_split_words(text);
        plain
    }

    /// Where a letter was read through a disguise that can only hide a word (an invisible
    /// character between letters, a look-alike letter of another script, letters spaced apart):
    /// offsets into [`Plain::text`], in order.
    pub fn disguised(&self) -> impl Iterator<Item = usize> + '_ {
        self.disguised.iter().map(|&at| at as usize)
    }

    fn tidy(text: &str, reading: bool) -> Plain {
        let mut plain = Plain {
            text: String::with_capacity(text.len()),
            pieces: Vec::new(),
            disguised: Vec::new(),
        };
        // The end of the word a look-alike letter was last found in, and whether it is a Latin
        // word in disguise.
        let mut look_alike_word = (0, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        // Pending whitespace: (start offset, newlines seen).
        let mut space: Option<(usize, usize)> = None;
        let mut line_start = true;
        let mut links = LinkScan::default();
        while i < bytes.len() {
            let b = bytes[i];
            // What the publisher hid from the rendered page is still in the file: the clause
            // reader reads a comment's and a hidden element's text (struck text stays removed).
            if reading && b == b'<' {
                let hidden = if text[i..].starts_with("<!--") {
                    Some(4)
                } else {
                    hidden_open_len(text, i)
                };
                if let Some(skip) = hidden {
                    space = Some((space.map_or(i, |(start, _)| start), 2));
                    line_start = true;
                    i += skip;
                    continue;
                }
            }
            // A fence of a Markdown code block ("```text", "~~~") opens or closes a block of
            // its own: the block is not run on from the line above (a citation "by citing:"
            // over a fenced reference, round 28's DeepNetsForEO weights note).
            if reading
                && line_start
                && let Some(skip) = fence_len(text, i)
            {
                space = Some((space.map_or(i, |(start, _)| start), 2));
                i += skip;
                continue;
            }
            if matches!(b, b'<' | b'~')
                && let Some(skip) = struck_len(text, i)
            {
                space = Some(space.unwrap_or((i, 0)));
                i += skip;
                continue;
            }
            if matches!(b, b']' | b'<')
                && let Some(skip) = markup_len(text, i, &mut links)
            {
                if b == b']' {
                    plain.push(']', i, i + 1, &mut space);
                } else if is_block_tag(&text[i..i + skip]) {
                    // `<p>`, `<br>`, `<li>`: the paragraph break a plain copy has.
                    space = Some((space.map_or(i, |(start, _)| start), 2));
                    line_start = true;
                } else if reading && is_cell_open(&text[i..i + skip]) {
                    // `<td>`, `<th>`: a cell of a table row, read as a Markdown table's cell
                    // ("| Commercial use | No"), not glued to the cell before ("Commercial useNo").
                    space = Some(space.unwrap_or((i, 0)));
                    plain.push('|', i, i + skip, &mut space);
                    space = Some((i + skip - 1, 0));
                    line_start = false;
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
            if PLAIN_ASCII[usize::from(b)] {
                // The common case, a run of plain ASCII words between single spaces: copied as
                // it is, in one go.
                plain.push_ascii(b, i, &mut space);
                let run = plain_run_end(bytes, i + 1);
                plain.push_ascii_run(text, i + 1, run);
                line_start = false;
                i = run;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if reading
                && let Some(shown) =
                    plain.read_through(text, i, c, &mut space, &mut look_alike_word)
            {
                line_start &= !shown;
                i += len;
                continue;
            }
            let dropped = match c {
                // Emphasis and escapes carry nothing; `#` and `>` open Markdown headings and quotes.
                '*' => true,
                '\\' => bytes.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()),
                '#' | '>' => line_start,
                _ => false,
            };
            if c == '\n' {
                let mut newlines = space.map_or(0, |(_, n)| n) + 1;
                // A list item on a line of its own is a clause of its own, as Markdown renders
                // it ("Under these terms:" then "- Attribution — credit X."), not words run on
                // from the line above.
                if reading && starts_list_item(&text[i + 1..]) {
                    newlines = newlines.max(2);
                }
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

    /// Reads character `c` at `text[i..]` through a disguise, for [`Plain::reading`]: `None` if
    /// it is none; otherwise what a person sees is pushed (nothing for an invisible character)
    /// and whether anything was. `word` is the end of the word a look-alike letter was last
    /// found in and whether that word is Latin in disguise.
    fn read_through(
        &mut self,
        text: &str,
        i: usize,
        c: char,
        space: &mut Option<(usize, usize)>,
        word: &mut (usize, bool),
    ) -> Option<bool> {
        let len = c.len_utf8();
        let before = space
            .is_none()
            .then(|| self.text.chars().next_back())
            .flatten();
        let next = text[i + len..].chars().next();
        if disguise::is_invisible(c) {
            if disguise::hides_word(c, before, next) {
                self.disguised.push(offset(self.text.len()));
            }
            return Some(false);
        }
        if let Some(latin) = disguise::look_alike(c) {
            if i >= word.0 {
                let (disguised, end) = disguise::disguised_word(text, i, before);
                *word = (end, disguised);
            }
            if word.1 {
                self.push(latin, i, i + len, space);
                self.disguised.push(offset(self.text.len() - 1));
                return Some(true);
            }
        }
        let previous = text[..i].chars().next_back();
        if let Some(ascii) = disguise::fullwidth_punctuation(c, previous, next) {
            self.push_or_space(ascii, i, i + len, space);
            return Some(true);
        }
        let folded = disguise::compatibility_ascii(c)?;
        for f in folded {
            self.push(f, i, i + len, space);
        }
        Some(true)
    }

    fn push_ascii(&mut self, b: u8, at: usize, space: &mut Option<(usize, usize)>) {
        if space.is_some() {
            self.push(char::from(b), at, at + 1, space);
        } else {
            self.copied(at, 1);
            self.text.push(char::from(b));
        }
    }

    /// Copies `text[start..end]` (see [`plain_run_end`]), with no space pending: each byte
    /// maps to itself, as [`Plain::push_ascii`] and [`Plain::push`] map them one by one (a
    /// space, which stands for the white space before a word, ends where it starts).
    fn push_ascii_run(&mut self, text: &str, start: usize, end: usize) {
        self.copied(start, end - start);
        self.text.push_str(&text[start..end]);
    }

    /// Notes that the next `len` bytes of the tidied text are copied from the original at
    /// `from`: the last piece goes on if they follow on from it in both texts.
    fn copied(&mut self, from: usize, len: usize) {
        if len == 0 {
            return;
        }
        let at = self.text.len();
        let follows = self.pieces.last().is_some_and(|last| {
            last.to == COPIED && last.from as usize + (at - last.at as usize) == from
        });
        if !follows {
            self.pieces.push(Piece {
                at: offset(at),
                from: offset(from),
                to: COPIED,
            });
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
            // White space as copied ends where it starts: a separator is copied from `at`.
            self.copied(at, 1);
            self.text.push(sep);
        }
        if c.is_ascii() && end == start + 1 {
            self.copied(start, 1);
        } else {
            self.pieces.push(Piece {
                at: offset(self.text.len()),
                from: offset(start),
                to: offset(end),
            });
        }
        self.text.push(c);
    }

    /// Keeps the first `len` bytes of the tidied text (a character boundary), with their map
    /// to the original: the rest is dropped.
    pub(crate) fn truncate(&mut self, len: usize) {
        if self.text.is_char_boundary(len) {
            self.text.truncate(len);
            let kept = self.pieces.partition_point(|p| (p.at as usize) < len);
            self.pieces.truncate(kept);
            let kept = self.disguised.partition_point(|&at| (at as usize) < len);
            self.disguised.truncate(kept);
        }
    }

    /// The original byte range of `start..end` of the tidied text.
    pub fn original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let (from, _) = self.byte(start)?;
        let (_, to) = self.byte(end - 1)?;
        (from < to).then_some((from, to))
    }

    /// The original range byte `k` of the tidied text comes from: where its character (or
    /// entity) starts and ends, an empty range for white space.
    fn byte(&self, k: usize) -> Option<(usize, usize)> {
        let b = *self.text.as_bytes().get(k)?;
        let piece = self.pieces[..self.pieces.partition_point(|p| p.at as usize <= k)].last()?;
        if piece.to != COPIED {
            return Some((piece.from as usize, piece.to as usize));
        }
        let from = offset(piece.from as usize + (k - piece.at as usize)) as usize;
        let to = if matches!(b, b' ' | b'\n') {
            from
        } else {
            offset(from + 1) as usize
        };
        Some((from, to))
    }
}

/// Whether a byte is plain ASCII text that [`Plain`] keeps as it is: a letter, a digit or one of
/// `,.()"'-` (none opens markup, an entity or a struck passage).
const fn is_plain_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b',' | b'.' | b'(' | b')' | b'"' | b'\'' | b'-')
}

/// [`is_plain_ascii`] for every byte, looked up.
const PLAIN_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_plain_ascii(b as u8);
        b += 1;
    }
    table
};

/// Where a run of plain ASCII text from `start` ends: plain bytes, and single spaces each
/// followed by one (a single space between words is kept as it is).
fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if PLAIN_ASCII[usize::from(b)] {
            end += 1;
        } else if b == b' '
            && bytes
                .get(end + 1)
                .is_some_and(|n| PLAIN_ASCII[usize::from(*n)])
        {
            end += 2;
        } else {
            break;
        }
    }
    end
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

/// Formats a number with thousands separators: 700000000 -> 700,000,000.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a line starts, after its indent, with a list marker and a space: "-", "*", "+",
/// "•", or a number of one or two digits, a letter or a small roman numeral with "." or ")"
/// ("1.", "a)", "(iv)"; not "No." or "St.", which open wrapped lines of prose).
fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let Some((marker, _)) = line.split_once(' ') else {
        return false;
    };
    if matches!(marker, "-" | "*" | "+" | "•") {
        return true;
    }
    let label = marker
        .strip_prefix('(')
        .unwrap_or(marker)
        .trim_end_matches(['.', ')']);
    let numbered = (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit());
    let lettered = label.len() == 1 && label.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = (2..=4).contains(&label.len()) && label.bytes().all(|b| b"ivx".contains(&b));
    marker.len() > label.len() && (numbered || lettered || roman)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        Words::new(text).joined
    }

    /// Runs of plain words are copied in one go: each byte must still map to its own, and each
    /// space to the white space it stands for, as when they were copied one by one.
    #[test]
    fn a_run_of_plain_words_maps_each_byte_to_its_own() {
        let text =
            "Licensor grants you a  licence.\tIt may (not) be \"sold\";\nsee  it-all\n\n§ 2 x";
        let plain = Plain::new(text);
        assert_eq!(
            plain.text,
            "Licensor grants you a licence. It may (not) be \"sold\"; see it-all\n§ 2 x"
        );
        for (k, b) in plain.text.bytes().enumerate() {
            let (from, to) = plain.byte(k).expect("a byte of the text");
            if b == b' ' || b == b'\n' {
                assert_eq!(from, to, "byte {k}");
                assert!(text[from..].starts_with(char::is_whitespace), "byte {k}");
            } else if b.is_ascii() {
                assert_eq!(&text[from..to], char::from(b).to_string(), "byte {k}");
            }
        }
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
        // A `~~` left open strikes nothing past its paragraph, whatever the line endings.
        assert_eq!(words("a ~~ b\n\nc ~~ d"), "a b c d");
        assert_eq!(words("a ~~ b\r\n\r\nc ~~ d"), "a b c d");
    }

    /// A code fence and its info word are no words of a clause, and the block is a paragraph of
    /// its own; a word that turns a clause, or words run on after the fence, are still read.
    #[test]
    fn a_code_fence_opens_a_paragraph_and_keeps_what_turns_a_clause() {
        let read = |text: &str| Plain::reading(text).text;
        assert_eq!(
            read("by citing:\n```bibtex\nAudebert 2016.\n```\nmore"),
            "by citing:\nAudebert 2016.\nmore"
        );
        assert_eq!(
            read("released under:\n~~~\nCC BY 4.0\n~~~"),
            "released under:\nCC BY 4.0"
        );
        assert_eq!(read("```no\ncommercial use"), "no commercial use");
        assert_eq!(read("```No\ncommercial use"), "No commercial use");
        assert_eq!(read("```text No commercial use"), "text No commercial use");
        // Only at the start of a line, and only for the clause reader.
        assert_eq!(read("a ``` b"), "a ``` b");
        assert_eq!(Plain::new("```text\nb").text, "```text b");
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
