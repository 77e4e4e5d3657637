//! How names and texts from the input are shown: file names that are not UTF-8 by their bytes,
//! and characters that would drive a terminal or reorder text by escapes.
//!
//! One convention everywhere: a byte of a file name that is not UTF-8 is shown as `\xHH`, a
//! character that must not reach a terminal as `\u{HH}` (hex digits in upper case). Such a
//! character is any control character (C0, DEL, C1: ESC, CR, BEL, backspace, ...), a bidi
//! override, isolate or mark, a zero-width character, and the line and paragraph separators.

use std::borrow::Cow;
use std::ffi::OsStr;

/// A path or file name as reports name it: its text when it is UTF-8, else its UTF-8 parts with
/// each other byte as `\xHH` (`caf\xE9.txt`). Nothing else is changed: renderers for people
/// escape control characters on top (see [`escape_controls`]).
///
/// ```
/// use model_licence::render::path_name;
///
/// assert_eq!(path_name("models/LICENSE".as_ref()), "models/LICENSE");
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// assert_eq!(path_name(std::ffi::OsStr::from_bytes(b"caf\xE9.txt")), r"caf\xE9.txt");
/// # }
/// ```
pub fn path_name(path: &OsStr) -> String {
    if let Some(text) = path.to_str() {
        return text.to_string();
    }
    let mut shown = String::new();
    for chunk in path.as_encoded_bytes().utf8_chunks() {
        shown.push_str(chunk.valid());
        for byte in chunk.invalid() {
            shown.push_str(&format!("\\x{byte:02X}"));
        }
    }
    shown
}

/// Whether a character is shown escaped: it could move the cursor, ring, erase, retitle the
/// terminal, or reorder or hide what is around it.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// `text` with every control character (newlines and tabs too), bidi control and zero-width
/// character escaped as `\u{HH}`: for a name, an id or a line of a table.
///
/// ```
/// use model_licence::render::escape_controls;
///
/// assert_eq!(escape_controls("llama\u{1b}[2J"), r"llama\u{1B}[2J");
/// assert_eq!(escape_controls("abc\u{202E}fdp.exe"), r"abc\u{202E}fdp.exe");
/// assert_eq!(escape_controls("Llama 3.3"), "Llama 3.3");
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_where(text, |_, _| true)
}

/// `text` escaped as [`escape_controls`] does, but keeping its line breaks (`\n`, and `\r`
/// before `\n`) and tabs: for a whole document.
pub fn escape_controls_in_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c, next| match c {
        '\n' | '\t' => false,
        '\r' => next != Some('\n'),
        _ => true,
    })
}

/// `text` with each unsafe character escaped when `escape(c, next)` says so.
fn escape_where(text: &str, escape: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && escape(c, chars.peek().copied()) {
            shown.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_zero_width_characters_are_escaped() {
        let hostile = "a\u{1b}]0;title\u{7}b\u{8}\u{7f}\u{9b}c\u{2066}d\u{200d}e\r\n\tf";
        assert_eq!(
            escape_controls(hostile),
            r"a\u{1B}]0;title\u{7}b\u{8}\u{7F}\u{9B}c\u{2066}d\u{200D}e\u{D}\u{A}\u{9}f"
        );
        assert_eq!(
            escape_controls_in_lines(hostile),
            "a\\u{1B}]0;title\\u{7}b\\u{8}\\u{7F}\\u{9B}c\\u{2066}d\\u{200D}e\r\n\tf"
        );
        assert_eq!(escape_controls_in_lines("a\rb\r"), r"a\u{D}b\u{D}");
        assert!(matches!(escape_controls("通义千问 é"), Cow::Borrowed(_)));
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_hex() {
        use std::os::unix::ffi::OsStrExt;
        let name = OsStr::from_bytes(b"\xFFmodels/caf\xC3\xA9-\xE9\x80.md");
        assert_eq!(path_name(name), r"\xFFmodels/café-\xE9\x80.md");
    }
}
