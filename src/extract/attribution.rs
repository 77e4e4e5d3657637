//! Attribution: the notice to display ("Built with X", "Powered by X", "X Inside", a statement
//! in public announcements, 突出显示 “...”).

use std::collections::BTreeSet;

use super::phrases::{
    ATTRIBUTION_HEADING, ATTRIBUTION_INITIAL, ATTRIBUTION_INTRO, ATTRIBUTION_LABEL, CREDIT_BELOW,
    CREDIT_CUT_AT_INITIAL, CREDIT_ROLE, DISPLAY_CREDIT, DISPLAY_DUTY_UNREAD,
    DISPLAY_DUTY_UNREAD_ZH, DISPLAY_QUOTED, DISPLAY_STRING, DISPLAY_ZH, K_QUOTE, K_STATEMENT, K_ZH,
    OPTIONAL, STATEMENT_INTRO,
};
use super::{Caps, Extraction, Sentence, Unclear};
use crate::terms::TermName;

impl Extraction<'_> {
    pub(super) fn attribution(&mut self) {
        let mut displays: Vec<(Sentence, (usize, usize), usize)> = Vec::new();
        // The sentences read so far (a sentence gives one display string at most, below).
        let mut read: BTreeSet<usize> = BTreeSet::new();
        for (s, caps) in self.captures(&DISPLAY_STRING, K_QUOTE) {
            // Each alternative captures the string in a group of its own (the product named
            // after the duty, or before it).
            if let (Some(m), Some(inner)) = (caps.get(0), caps.get(1).or(caps.get(2))) {
                let at = (s.start + inner.start(), s.start + inner.end());
                displays.push((s, at, m.start()));
                read.insert(s.start);
            }
        }
        // "突出显示 “Built with X”", "署名 “...”"; a translation's original after the rendering
        // ("展示“由 X 提供技术支持”（Powered by X）") is the licence's own string.
        for (s, caps) in self.captures(&DISPLAY_ZH, K_ZH) {
            // Each alternative captures the string in a group of its own.
            if let (Some(m), Some(inner)) = (caps.get(0), caps.iter().skip(1).flatten().next()) {
                let rendered = (s.start + inner.start(), s.start + inner.end());
                let at = self.original_after(rendered.1).unwrap_or(rendered);
                displays.push((s, at, m.start()));
                read.insert(s.start);
            }
        }
        // "Powered by X", "X Inside", "Built with X" quoted in a sentence that imposes a duty.
        for (s, caps) in self.captures(&DISPLAY_QUOTED, K_QUOTE) {
            // Each alternative captures the string in a group of its own.
            if let (Some(m), Some(inner)) = (caps.get(0), caps.iter().skip(1).flatten().next()) {
                let at = (s.start + inner.start(), s.start + inner.end());
                if read.insert(s.start) {
                    displays.push((s, at, m.start()));
                }
            }
        }
        // "... include the following statement: "[name] is built using ..."", possibly on the
        // next line: the quotation is delimited like a notice. Its words are the credit to give
        // word for word, before a credit named without quotes in a sentence before it ("You must
        // give appropriate credit to Reactive AI, ... You must also include the following
        // notice: "This model is based on ... by Reactive AI."", round 28's RAML).
        // The introductions, captured once for the three ways they are read (a quotation, a
        // list item quoting after a label, a list).
        let intros = self.captures(&STATEMENT_INTRO, K_STATEMENT);
        for (s, open) in self.quotes_after(&intros) {
            if let Some((cited, credit)) = self.quotation_after(s, open) {
                read.insert(s.start);
                displays.push((cited, credit, 0));
            }
        }
        // "give appropriate credit to Kairos Materials", "Attribution: "Title", Authors, (2025).":
        // the credit named without quotes, or a citation on an attribution line.
        for (s, caps) in self.captures(&DISPLAY_CREDIT, K_STATEMENT) {
            // Each alternative captures the credit in a group of its own.
            if let Some(inner) = caps.iter().skip(1).flatten().next() {
                let (cited, at) =
                    self.past_initial(s, (s.start + inner.start(), s.start + inner.end()));
                if read.insert(s.start) {
                    // A credit is a condition of sharing, never optional: nothing before it
                    // is weighed.
                    displays.push((cited, at, 0));
                }
            }
        }
        // "## Required attribution" / "Suggested attribution:" over a line "> Name — link".
        for (cited, credit) in self.attribution_under_heading() {
            if read.insert(cited.start) {
                displays.push((cited, credit, 0));
            }
        }
        // "Attribution: Ł. Błaszkowski, P. Borkiewicz, ...": names with initials, cut into
        // sentences at the initials; the label's paragraph is the credit.
        for (cited, credit) in self.credit_after_label_initial() {
            if read.insert(cited.start) {
                displays.push((cited, credit, 0));
            }
        }
        // The same introduction over a list whose first item quotes the credit after a label
        // ("- **HappyWhale:** "This work uses data from ..."", round 25, EcoMarineAI).
        for (s, open) in self.intro_then_labelled_item(&intros) {
            if let Some((cited, credit)) = self.quotation_after(s, open) {
                read.insert(s.start);
                displays.push((cited, credit, 0));
            }
        }
        // The same introduction over a list that is the credit, line after line, where its first
        // item quotes no credit after a label ("以下のクレジットを記載してください：" over "- **モデル名**:
        // `...`" and "- **キャラクター**: ...", round 29).
        for (cited, credit) in self.intro_then_list(&intros) {
            if read.insert(cited.start) {
                displays.push((cited, credit, 0));
            }
        }
        for (s, (inner_start, inner_end), match_start) in displays {
            let before = &self.sentence_text(s)[..match_start];
            if OPTIONAL.is_match(before) && !self.sentence_text(s).contains("must") {
                continue;
            }
            if self.terms.attribution.is_some() {
                self.cite(TermName::Attribution, s);
                continue;
            }
            if let Some(value) = self.quoted(inner_start, inner_end) {
                self.terms.attribution = Some(value);
                self.cite(TermName::Attribution, s);
            }
        }
        // "must identify the release claimant", the claimant named on a line of its own.
        if self.terms.attribution.is_none() {
            self.credit_by_role();
        }
        // A duty to display something whose words could not be read is no absence of a duty.
        if self.terms.attribution.is_none() {
            let mut duties = self.sentences(&DISPLAY_DUTY_UNREAD, K_STATEMENT);
            duties.extend(self.sentences(&DISPLAY_DUTY_UNREAD_ZH, K_ZH));
            for s in duties {
                self.unclear(
                    TermName::Attribution,
                    "a duty to display a notice whose words could not be read",
                    s,
                );
            }
        }
        // A condition read from a sentence with no display string belongs to no notice.
        if self.terms.attribution.is_none() && self.terms.attribution_condition.is_some() {
            let evidence = self
                .evidence
                .remove(&TermName::AttributionCondition)
                .unwrap_or_default();
            self.found.remove(&TermName::AttributionCondition);
            self.terms.attribution_condition = None;
            self.unclear.push(Unclear {
                term: TermName::Attribution,
                reason:
                    "a duty above a number of users or a revenue, whose notice could not be read"
                        .to_string(),
                evidence,
            });
        }
    }
}

/// The longest line under an attribution heading read as the credit itself (a block of
/// notices to carry runs to some 300 characters: round 17's trailer).
const MAX_CREDIT: usize = 400;

/// The words by which an introduction over a list names what it owes as a credit (see
/// `intro_then_list`).
const CREDIT_WORDS: [&str; 13] = [
    "credit",
    "attribution",
    "notice",
    "statement",
    "acknowledg",
    "クレジット",
    "表記",
    "帰属",
    "出典",
    "署名",
    "致谢",
    "出处",
    "来源",
];

/// How many sentences below a duty to "credit as below" its indented block may start.
const BELOW_REACH: usize = 8;

/// The longest label before a listed acknowledgement ("**Ministry of Natural Resources RF:**").
const MAX_LABEL: usize = 80;

impl Extraction<'_> {
    /// The credit quoted Markdown-style ("> ...") on the line right under a heading that
    /// introduces the attribution to give: (the heading and that line, the span of the credit).
    fn attribution_under_heading(&self) -> Vec<(Sentence, (usize, usize))> {
        let mut found = Vec::new();
        let headings = self.sentences(&ATTRIBUTION_HEADING, K_STATEMENT);
        // A bare "Attribution:" label counts only over a quotation ("> FlashVAD v0.1 by ...").
        let labels = self.sentences(&ATTRIBUTION_LABEL, K_STATEMENT);
        for heading in headings.into_iter().chain(labels.iter().copied()) {
            let at = self.all.partition_point(|s| s.start <= heading.start);
            let is_label = labels.iter().any(|l| l.start == heading.start);
            // A label may stand over the quoted credit with one heading between ("attribute the
            // sources below." then "### EOG VIIRS Nightfire" then "> Gas flaring data: ...").
            let at = match (self.all.get(at), self.all.get(at + 1)) {
                (Some(h), Some(q))
                    if is_label
                        && !self.starts_quoted_line(*h)
                        && self.is_heading(*h)
                        && self.starts_quoted_line(*q) =>
                {
                    at + 1
                }
                _ => at,
            };
            let Some(next) = self.all.get(at) else {
                continue;
            };
            if is_label && !self.starts_quoted_line(*next) {
                // "ATTRIBUTION" (underlined) over an indented block of credit lines, or over a
                // paragraph that introduces them ("... must carry these notices.", "... derived
                // from NeuralGCM (Google Research):") and then the block.
                // A duty to "credit as below" may stand a paragraph or two above its block.
                let below = self.holds(&CREDIT_BELOW, heading);
                let block = self
                    .indented_block_after(at)
                    .or_else(|| self.fenced_block_at(at))
                    .or_else(|| self.indented_block_after_intro(at))
                    .or_else(|| below.then(|| self.indented_block_within(at)).flatten());
                // A block that ends on a colon introduces what is owed, and is no credit itself
                // ("A. retain the following if it is supplied by the Licensor ...:" over a list
                // of notices, round 28's Owkin licence, in the Creative Commons mould).
                if let Some(block) = block.filter(|b| !self.stretch_ends_on_colon(*b)) {
                    found.push((
                        Sentence {
                            start: heading.start,
                            end: block.1,
                        },
                        block,
                    ));
                }
                continue;
            }
            let rest = &self.plain.text[next.start..];
            let line = rest.split('\n').next().unwrap_or_default();
            // The line as the tidied text has it (a Markdown quote mark may be left or gone).
            let body = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
            let start = next.start + (line.len() - body.len());
            let end = self.to_original_line_end(start, next.start + line.trim_end().len());
            if end > start && end - start <= MAX_CREDIT {
                found.push((
                    Sentence {
                        start: heading.start,
                        end,
                    },
                    (start, end),
                ));
            }
        }
        found
    }

    /// Sentences of [`STATEMENT_INTRO`] that end on their colon, followed by a list (each item on
    /// a line of its own): the sentence with the list, and the list's span, which is the credit
    /// (up to the paragraph's end; no longer than [`MAX_CREDIT`]). Only where the introduction
    /// names what it owes as a credit ("the following credit:", "以下のクレジット"): a list under a
    /// bare "must include:" may list duties (a copy of the licence, a notice file), not a credit.
    fn intro_then_list(&self, intros: &[(Sentence, Caps<'_>)]) -> Vec<(Sentence, (usize, usize))> {
        intros
            .iter()
            .filter_map(|(s, caps)| {
                let s = *s;
                let intro = caps.get(0)?;
                let named = intro.as_str().to_lowercase();
                if !CREDIT_WORDS.iter().any(|word| named.contains(word)) {
                    return None;
                }
                let colon = s.start + intro.end();
                if !self.plain.text.get(colon..s.end)?.trim().is_empty() {
                    return None;
                }
                let at = self.place_of(s) + 1;
                let first = *self.all.get(at)?;
                if !self.in_list_item(first) {
                    return None;
                }
                let end = self.paragraph_end(at)?;
                let cited = Sentence {
                    start: s.start,
                    end,
                };
                (end - first.start <= MAX_CREDIT).then_some((cited, (first.start, end)))
            })
            .collect()
    }

    /// Sentences of [`STATEMENT_INTRO`] followed by a list item that names a source and quotes
    /// its acknowledgement ("- **HappyWhale:** "This work uses data from ..."", the label ending
    /// in a colon): the sentence and where the quotation's text begins.
    fn intro_then_labelled_item(&self, intros: &[(Sentence, Caps<'_>)]) -> Vec<(Sentence, usize)> {
        intros
            .iter()
            .filter_map(|(s, caps)| {
                let s = *s;
                let colon = s.start + caps.get(0)?.end();
                let after = &self.plain.text[colon..];
                let item = after.trim_start();
                let item = item
                    .strip_prefix(['-', '*', '•'])
                    .map_or(item, str::trim_start);
                let label_end = item.find(':')?;
                let label = &item[..label_end];
                if label_end > MAX_LABEL || label.contains(['\n', '"']) {
                    return None;
                }
                let quoted = item[label_end + 1..]
                    .trim_start_matches(['*', '_'])
                    .trim_start();
                quoted
                    .starts_with('"')
                    .then(|| (s, colon + (after.len() - quoted.len()) + 1))
            })
            .collect()
    }

    /// A credit owed to a party by its role ("must identify the release claimant"), named where
    /// the text gives that role a value on a line of its own ("Copyright and release claimant:
    /// `LLYszs070206`."): that name is the attribution.
    fn credit_by_role(&mut self) {
        let credits: Vec<(Sentence, String)> = self
            .captures(&CREDIT_ROLE, K_STATEMENT)
            .into_iter()
            .filter_map(|(s, caps)| Some((s, caps.get(1)?.as_str().to_lowercase())))
            .collect();
        for (s, role) in credits {
            if let Some(name) = self.named_role(&role) {
                self.terms.attribution = Some(name);
                self.cite(TermName::Attribution, s);
                return;
            }
        }
    }

    /// The value a line of the original text gives `role` ("... release claimant: `Name`."),
    /// its quotes and full stop dropped.
    fn named_role(&self, role: &str) -> Option<String> {
        let words: Vec<String> = role.split_whitespace().map(regex::escape).collect();
        let pattern = format!(
            r"(?im)^[^\n:]{{0,40}}\b{}\s*:\s*([^\n]{{1,80}})$",
            words.join(r"\s+")
        );
        let line = regex::Regex::new(&pattern).ok()?;
        let value = line.captures(self.text)?.get(1)?.as_str();
        let name = value
            .trim()
            .trim_end_matches('.')
            .trim_matches(|c: char| matches!(c, '`' | '"' | '\'' | '*' | '_'))
            .trim();
        // A name, not a sentence: a few words at most.
        (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_string())
    }

    /// The credit set out as an indented block under a label ("ATTRIBUTION", its underline,
    /// then "  Jane Roe, Example University (2026).", "  Example model for ..."): the sentences
    /// from `at` (past any made only of punctuation, such as the underline) up to the next blank
    /// line of the original text, when the block's first line is indented. An unindented
    /// paragraph under the label is prose about attribution, not the credit.
    fn indented_block_after(&self, at: usize) -> Option<(usize, usize)> {
        let at = self.past_rules(at);
        let first = *self.all.get(at)?;
        let (from, _) = self.plain.original(first.start, first.end)?;
        let line_start = self.text[..from].rfind('\n').map_or(0, |n| n + 1);
        let indent = &self.text[line_start..from];
        if indent.len() < 2 || !indent.chars().all(|c| c == ' ' || c == '\t') {
            return None;
        }
        let mut end = self.paragraph_end(at)?;
        // A block whose paragraph ends in a colon goes on in the indented paragraph after it:
        // "Scoring heads from ReadAloudKit (...), CC BY 4.0, trained on speechocean762:" over
        // "speechocean762: An Open-Source Non-Native English Speech Corpus ..." (round 25,
        // ReadAloudKit): both are the credit.
        if self.stretch_ends_on_colon((first.start, end)) {
            let next = self.all.partition_point(|s| s.start < end);
            if let Some((_, next_end)) = self.indented_block_after(next) {
                end = next_end;
            }
        }
        // A duty under the label ("1. Attribution" over "   - You must give appropriate
        // credit, ...") says how to credit, and is not the credit.
        let block = self.plain.text.get(first.start..end)?.to_ascii_lowercase();
        if block.contains("you must") || block.contains("you shall") {
            return None;
        }
        (end - first.start <= MAX_CREDIT).then_some((first.start, end))
    }

    /// The first indented block of credit lines that starts within [`BELOW_REACH`] sentences of
    /// `at` (a duty to "credit as below" a paragraph above its block).
    fn indented_block_within(&self, at: usize) -> Option<(usize, usize)> {
        (at..(at + BELOW_REACH).min(self.all.len())).find_map(|i| self.indented_block_after(i))
    }

    /// `at`, or the first sentence after it that is not made only of punctuation (such as a
    /// heading's underline).
    fn past_rules(&self, mut at: usize) -> usize {
        while self
            .all
            .get(at)
            .is_some_and(|s| !self.sentence_text(*s).chars().any(char::is_alphanumeric))
        {
            at += 1;
        }
        at
    }

    /// Whether the stretch `from..to` of the tidied text ends on a colon: it introduces what
    /// follows it.
    fn stretch_ends_on_colon(&self, (from, to): (usize, usize)) -> bool {
        self.plain
            .text
            .get(from..to)
            .is_some_and(super::ends_on_colon)
    }

    /// The Markdown code block that sentence `at` opens (the line above it a fence, "```"), up
    /// to its closing fence: a citation set apart as the indented block is ("... or if not
    /// available by citing:" over a fenced reference, round 28's DeepNetsForEO note).
    fn fenced_block_at(&self, at: usize) -> Option<(usize, usize)> {
        let first = *self.all.get(at)?;
        let (from, _) = self.plain.original(first.start, first.end)?;
        let line_start = self.text[..from].rfind('\n').map_or(0, |n| n + 1);
        let above = self.text[..line_start.checked_sub(1)?]
            .rsplit('\n')
            .next()?
            .trim_start();
        let fence = ["```", "~~~"].into_iter().find(|f| above.starts_with(f))?;
        // The closing fence: the first line after the block's start that opens with the fence.
        let mut close = self.text.len();
        let mut at_line = line_start;
        for line in self.text[line_start..].split_inclusive('\n') {
            if line.trim_start().starts_with(fence) {
                close = at_line;
                break;
            }
            at_line += line.len();
        }
        let end = self.all[at..]
            .iter()
            .take_while(|s| {
                self.plain
                    .original(s.start, s.end)
                    .is_some_and(|(o, _)| o < close)
            })
            .last()?
            .end;
        Some((first.start, end))
    }

    /// The indented block of credit lines after one paragraph that introduces it, under an
    /// attribution label: the paragraph ends in a colon ("The model architecture is ... derived
    /// from NeuralGCM (Google Research):") or holds a duty to carry what follows ("Anyone
    /// redistributing the weights ... must carry these notices.").
    fn indented_block_after_intro(&self, at: usize) -> Option<(usize, usize)> {
        let at = self.past_rules(at);
        let end = self.paragraph_end(at)?;
        let after = self.all.partition_point(|s| s.start < end);
        let intro = &self.all[at..after];
        let introduces = intro.last().is_some_and(|s| self.ends_on_colon(*s))
            || intro.iter().any(|s| self.holds(&ATTRIBUTION_INTRO, *s));
        if !introduces || intro.len() > 3 {
            return None;
        }
        self.indented_block_after(after)
    }

    /// The end, in the tidied text, of the paragraph of the original text that sentence `at`
    /// (an index into the sentences) starts or stands in: the end of its last sentence.
    fn paragraph_end(&self, at: usize) -> Option<usize> {
        let first = *self.all.get(at)?;
        let (from, _) = self.plain.original(first.start, first.end)?;
        let paragraph_end = blank_line(&self.text[from..]).map_or(self.text.len(), |n| from + n);
        let mut end = first.end;
        for s in &self.all[at + 1..] {
            match self.plain.original(s.start, s.end) {
                Some((start, _)) if start < paragraph_end => end = s.end,
                _ => break,
            }
        }
        Some(end)
    }

    /// A credit that starts with an initial on an "Attribution:" line ("Attribution: Ł.
    /// Błaszkowski, P. Borkiewicz, ..., version 1.0.0 (2026)."), which the full stops after
    /// the initials cut into sentences: from the initial to the end of the label's paragraph
    /// (the label's sentence and that span).
    fn credit_after_label_initial(&self) -> Vec<(Sentence, (usize, usize))> {
        self.captures(&ATTRIBUTION_INITIAL, K_STATEMENT)
            .into_iter()
            .filter_map(|(s, caps)| {
                let start = s.start + caps.get(1)?.start();
                let at = self.place_of(s);
                let end = self.paragraph_end(at)?;
                let cited = Sentence {
                    start: s.start,
                    end,
                };
                (end - start <= MAX_CREDIT).then_some((cited, (start, end)))
            })
            .collect()
    }

    /// A credit `at` read from sentence `s` that the sentence's end cut at an author's initial
    /// ("\"Supervised ... Understanding\", M." of "..., M. C. McCallum, F. Korzeniowski, ...,
    /// ISMIR 2022."): the credit and its sentence run on to the end of the paragraph. Any other
    /// credit is kept as read.
    fn past_initial(&self, s: Sentence, at: (usize, usize)) -> (Sentence, (usize, usize)) {
        let credit = self.plain.text.get(at.0..at.1).unwrap_or_default();
        let at_end = at.1 >= s.start + self.sentence_text(s).trim_end().len();
        if !at_end || !CREDIT_CUT_AT_INITIAL.is_match(credit.trim_end()) {
            return (s, at);
        }
        match self.paragraph_end(self.place_of(s)) {
            Some(end) if end > at.1 && end - at.0 <= MAX_CREDIT => (
                Sentence {
                    start: s.start,
                    end,
                },
                (at.0, end),
            ),
            _ => (s, at),
        }
    }

    /// Whether sentence `s` starts a line of the original text quoted Markdown-style ("> ...").
    fn starts_quoted_line(&self, s: Sentence) -> bool {
        let Some((from, _)) = self.plain.original(s.start, s.end) else {
            return false;
        };
        let line_start = self.text[..from].rfind('\n').map_or(0, |n| n + 1);
        self.text[line_start..].trim_start().starts_with('>')
    }

    /// `end`, or less, so that `start..end` stays on one line of the original text (the tidied
    /// text joins the lines of a paragraph, such as a two-line quotation).
    fn to_original_line_end(&self, start: usize, end: usize) -> usize {
        let Some((from, _)) = self.plain.original(start, end) else {
            return end;
        };
        let Some(newline) = self.text[from..].find('\n').map(|n| from + n) else {
            return end;
        };
        let line = &self.plain.text[start..end];
        line.char_indices()
            .map(|(i, c)| start + i + c.len_utf8())
            .take_while(|e| {
                self.plain
                    .original(start, *e)
                    .is_some_and(|(_, to)| to <= newline)
            })
            .last()
            .map(|e| start + self.plain.text[start..e].trim_end().len())
            .unwrap_or(end)
    }
}

/// Where the first blank line of `text` starts (the line break before it), whatever the line
/// endings: "\n\n", "\r\n\r\n", or a line of spaces.
fn blank_line(text: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > 0 && line.trim().is_empty() {
            return Some(at - 1);
        }
        at += line.len();
    }
    None
}
