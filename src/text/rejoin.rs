//! Words split apart on the page, joined again for the clause rules: a word hyphenated at a
//! line's end as a typeset or PDF copy has it ("pro-" / "hibited"), and a word with its letters
//! spaced apart ("p r o h i b i t e d"). Either way a search for the word misses it, and a
//! restriction no rule reads must not leave a permission standing.

use super::{Piece, Plain, offset};

/// The fewest letters a run of single letters between single spaces must have to be read as one
/// word with its letters spaced apart ("I O U" and "a b c" are three).
const MIN_SPACED_LETTERS: usize = 4;

impl Plain {
    /// Joins the words [`Plain::reading`] found split apart in `original` (see the module's
    /// docs). A word whose letters were spaced apart is also noted as disguised: no honest
    /// licence writes one so.
    pub(super) fn rejoin_split_words(&mut self, original: &str) {
        let mut removed = self.line_end_hyphens(original);
        let spaced = self.spaced_letters(original);
        if removed.is_empty() && spaced.is_empty() {
            return;
        }
        for (first, gaps) in &spaced {
            self.disguised.push(offset(*first));
            removed.extend(gaps);
        }
        self.disguised.sort_unstable();
        removed.sort_unstable();
        self.remove_bytes(&removed);
    }

    /// The hyphen and separator of each word hyphenated at a line's end: a letter, `-`, a line
    /// break, a lower-case letter. The hyphen stays where the text writes the word with it
    /// elsewhere ("non-" / "transferable" beside "non-transferable"), as a compound's does; the
    /// separator goes either way.
    fn line_end_hyphens(&self, original: &str) -> Vec<usize> {
        let bytes = self.text.as_bytes();
        let mut removed = Vec::new();
        // Each "- " in order (they cannot overlap), found by `memchr`'s substring search.
        for hyphen in memchr::memmem::find_iter(bytes, b"- ") {
            let split = hyphen > 0
                && bytes[hyphen - 1].is_ascii_alphabetic()
                && bytes.get(hyphen + 2).is_some_and(u8::is_ascii_lowercase)
                && self.breaks_line(hyphen + 1, original);
            if !split {
                continue;
            }
            let head = word_before(&self.text, hyphen);
            let tail = word_after(&self.text, hyphen + 2);
            let compound = format!("{head}-{tail}");
            if !self.text.contains(&compound) {
                removed.push(hyphen);
            }
            removed.push(hyphen + 1);
        }
        removed
    }

    /// Each run of at least [`MIN_SPACED_LETTERS`] single letters between single spaces
    /// ("p r o h i b i t e d"): where it starts, and the separators inside it (or before the
    /// punctuation after it) that stand for one space of the original (a wider gap is the break
    /// between two spaced words, "U S E   I S").
    fn spaced_letters(&self, original: &str) -> Vec<(usize, Vec<usize>)> {
        let bytes = self.text.as_bytes();
        let mut runs = Vec::new();
        // Where the scan goes on: past the last letter of the run read last.
        let mut from = 0;
        // A run of [`MIN_SPACED_LETTERS`] letters has a letter between two spaces (its second):
        // only the runs around those are read, not every byte. A run is the same read from any
        // of its letters (its first is where a scan from the text's start meets it).
        for middle in letters_between_spaces(bytes) {
            if middle < from || !single_letter(bytes, middle) {
                continue;
            }
            let mut first = middle;
            while first >= 2 && bytes[first - 1] == b' ' && single_letter(bytes, first - 2) {
                first -= 2;
            }
            let (last, run) = self.run_from(first, original);
            runs.extend(run);
            from = last + 1;
        }
        runs
    }

    /// The run of single letters between single spaces that starts at letter `first`: the
    /// place of its last letter, and the run (where it starts and its one-space separators, see
    /// [`Plain::spaced_letters`]) if it holds at least [`MIN_SPACED_LETTERS`] letters.
    fn run_from(&self, first: usize, original: &str) -> (usize, Option<(usize, Vec<usize>)>) {
        let bytes = self.text.as_bytes();
        let mut k = first;
        let mut letters = 1;
        while bytes.get(k + 1) == Some(&b' ') && single_letter(bytes, k + 2) {
            k += 2;
            letters += 1;
        }
        if letters < MIN_SPACED_LETTERS {
            return (k, None);
        }
        // The space before punctuation that ends a spaced word goes too ("u s e ,").
        let end = if bytes.get(k + 1) == Some(&b' ')
            && bytes.get(k + 2).is_some_and(|b| b",.;:!?)".contains(b))
        {
            k + 2
        } else {
            k
        };
        let gaps = (first..end)
            .filter(|&g| bytes[g] == b' ' && self.gap_width(g, original) == Some(1))
            .collect();
        (k, Some((first, gaps)))
    }

    /// Whether separator `k` of the tidied text stands for white space holding a line break.
    fn breaks_line(&self, k: usize, original: &str) -> bool {
        let (Some((from, _)), Some((next, _))) = (self.byte(k), self.byte(k + 1)) else {
            return false;
        };
        original
            .get(from..next)
            .is_some_and(|gap| gap.contains('\n'))
    }

    /// How many bytes of the original separator `k` of the tidied text stands for.
    fn gap_width(&self, k: usize, original: &str) -> Option<usize> {
        let (from, _) = self.byte(k)?;
        let (next, _) = self.byte(k + 1)?;
        original.get(from..next).map(str::len)
    }

    /// Drops the bytes at `removed` (ASCII, sorted) from the tidied text, keeping every other
    /// byte's map to the original and every disguised letter's place.
    fn remove_bytes(&mut self, removed: &[usize]) {
        let mut text = String::with_capacity(self.text.len());
        let mut pieces = Vec::with_capacity(self.pieces.len() + removed.len());
        let mut gone = removed.iter().copied().peekable();
        for (n, piece) in self.pieces.iter().enumerate() {
            let start = piece.at as usize;
            let end = self
                .pieces
                .get(n + 1)
                .map_or(self.text.len(), |next| next.at as usize);
            let mut from = start;
            while from < end {
                let until = gone.peek().copied().filter(|&g| g < end).unwrap_or(end);
                if until > from {
                    pieces.push(Piece {
                        at: offset(text.len()),
                        from: moved_from(piece, from),
                        to: piece.to,
                    });
                    text.push_str(&self.text[from..until]);
                }
                if until < end {
                    gone.next();
                }
                from = until + 1;
            }
        }
        for at in &mut self.disguised {
            let before = removed.partition_point(|&g| g < *at as usize);
            *at -= offset(before);
        }
        self.text = text;
        self.pieces = pieces;
    }
}

/// Where byte `k` of the tidied text, in `piece`, comes from, as a piece starting there says it.
fn moved_from(piece: &Piece, k: usize) -> u32 {
    if piece.to == super::COPIED {
        offset(piece.from as usize + (k - piece.at as usize))
    } else {
        piece.from
    }
}

/// The letters of `text` that end at `end`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    &text[start..end]
}

/// The places of the bytes that stand between two spaces (`" x "`), in order: eight places
/// are tested at once, as a word of bytes and the word two bytes on.
fn letters_between_spaces(bytes: &[u8]) -> Vec<usize> {
    // Each byte of `word` that is a space, as its high bit (exact, no carry between bytes).
    fn spaces(word: u64) -> u64 {
        const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let x = word ^ 0x2020_2020_2020_2020;
        !(((x & LOW) + LOW) | x | LOW)
    }
    let word = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let mut found = Vec::new();
    let mut at = 0;
    while at + 10 <= bytes.len() {
        let mut both = spaces(word(at)) & spaces(word(at + 2));
        while both != 0 {
            found.push(at + 1 + both.trailing_zeros() as usize / 8);
            both &= both - 1;
        }
        at += 8;
    }
    while at + 2 < bytes.len() {
        if bytes[at] == b' ' && bytes[at + 2] == b' ' {
            found.push(at + 1);
        }
        at += 1;
    }
    found
}

/// Whether byte `k` is a letter standing alone: no letter or digit beside it.
fn single_letter(bytes: &[u8], k: usize) -> bool {
    bytes.get(k).is_some_and(u8::is_ascii_alphabetic)
        && (k == 0 || !bytes[k - 1].is_ascii_alphanumeric())
        && bytes.get(k + 1).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// The letters of `text` that start at `start`.
fn word_after(text: &str, start: usize) -> &str {
    let end = text[start..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(text.len(), |k| start + k);
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of spaced letters as a scan of every byte meets them (as they were found before
    /// only the letters between spaces were looked at), each read by [`Plain::run_from`]: what
    /// differs is only where the runs are looked for.
    fn scanned(plain: &Plain, original: &str) -> Vec<(usize, Vec<usize>)> {
        let bytes = plain.text.as_bytes();
        let mut runs = Vec::new();
        let mut k = 0;
        while k < bytes.len() {
            if !single_letter(bytes, k) {
                k += 1;
                continue;
            }
            let (last, run) = plain.run_from(k, original);
            runs.extend(run);
            k = last + 1;
        }
        runs
    }

    /// Reading runs of spaced letters from the letters between spaces finds what a scan of
    /// every byte finds, on many made-up texts of letters, digits, spaces and punctuation.
    #[test]
    fn spaced_letters_are_those_a_scan_of_every_byte_finds() {
        const BYTES: &[u8] = b"ab Z1 .,-  \n ";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut runs = 0;
        for n in 0..20_000 {
            let text: String = (0..n % 61)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(BYTES[(seed % BYTES.len() as u64) as usize])
                })
                .collect();
            let plain = Plain::tidy(&text, true);
            let found = plain.spaced_letters(&text);
            assert_eq!(found, scanned(&plain, &text), "{text:?}");
            runs += found.len();
        }
        assert!(runs > 100, "{runs} runs");
    }

    /// The original text a span of the tidied text maps back to.
    fn source<'t>(plain: &Plain, original: &'t str, word: &str) -> &'t str {
        let at = plain.text.find(word).expect("word in the tidied text");
        let (from, to) = plain.original(at, at + word.len()).expect("mapped");
        &original[from..to]
    }

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_read_whole_and_quoted_as_written() {
        let original = "Commercial use is pro-\n  hibited.";
        let plain = Plain::reading(original);
        assert_eq!(plain.text, "Commercial use is prohibited.");
        assert_eq!(source(&plain, original, "prohibited"), "pro-\n  hibited");
        assert_eq!(plain.disguised().count(), 0);
    }

    #[test]
    fn a_compound_the_text_writes_with_its_hyphen_keeps_it() {
        let original = "a non-transferable licence; non-\ntransferable again; a well-\nKnown name";
        let plain = Plain::reading(original);
        assert_eq!(
            plain.text,
            "a non-transferable licence; non-transferable again; a well- Known name"
        );
    }

    #[test]
    fn letters_spaced_apart_are_read_as_words_and_noted_as_disguised() {
        let original = "C O M M E R C I A L   U S E   is p r o h i b i t e d .";
        let plain = Plain::reading(original);
        assert_eq!(plain.text, "COMMERCIAL USE is prohibited.");
        assert_eq!(
            source(&plain, original, "prohibited."),
            "p r o h i b i t e d ."
        );
        assert_eq!(plain.disguised().count(), 2);
        // Three single letters are initials, not a disguise.
        assert_eq!(Plain::reading("I O U").text, "I O U");
    }
}
