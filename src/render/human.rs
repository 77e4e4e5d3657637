//! Text for a terminal: a report, one line of a scan, the catalogue's table and one licence's
//! sheet. Colour comes from `anstyle`; the caller decides whether to use it.

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::OnceLock;

use anstyle::{AnsiColor, Style};

use crate::batch::BatchItem;
use crate::catalogue::Catalogue;
use crate::catalogue::Resolved;
use crate::evaluate::{Rule, Severity, Verdict, group};
use crate::identify::MatchMethod;
use crate::report::{ContextSource, Report};
use crate::shown::{escape_controls, escape_controls_in_lines};
use crate::terms::{Evidence, TermEvidence, TermName, Terms, UserThreshold};

/// A report as text for a terminal, with ANSI colour when `colour` is set.
pub fn human_report(report: &Report, colour: bool) -> String {
    let style = Paint { colour };
    let mut out = String::new();
    context(&mut out, report, &style);
    licence(&mut out, report, &style);
    terms_table(&mut out, &report.licence.terms);
    if report.licence.match_info.method == MatchMethod::None {
        clause_list(&mut out, &report.licence.clauses);
    }
    findings(&mut out, report, &style);
    let verdict = report.verdict.as_str().replace('_', " ").to_uppercase();
    let _ = writeln!(
        out,
        "\nVerdict: {}",
        style.verdict(report.verdict, &verdict)
    );
    out
}

fn context(out: &mut String, report: &Report, style: &Paint) {
    let source = match report.context_source {
        ContextSource::Default => {
            "no --context given: the default context is assumed (a commercial product of a US organisation below every known threshold, inference only, text only)"
        }
        ContextSource::DefaultWithOverrides => "the default context, with the facts given as flags",
        ContextSource::Given => "as given",
        ContextSource::GivenWithOverrides => "as given, with the facts given as flags",
    };
    let _ = writeln!(out, "{} {source}", style.bold("Context:"));
    let o = &report.context.organisation;
    let d = &report.context.deployment;
    let num = |n: Option<u64>| n.map_or("unknown".to_string(), group);
    let flag = |b: Option<bool>| b.map_or("unknown", |b| if b { "yes" } else { "no" });
    let list = |items: Option<Vec<String>>| items.map_or("unknown".to_string(), |v| v.join(", "));
    let _ = writeln!(
        out,
        "  users {} monthly / {} daily, revenue USD {}, domicile {}",
        num(o.monthly_active_users),
        num(o.daily_active_users),
        num(o.annual_revenue_usd),
        o.domicile.as_ref().map_or("unknown", |r| r.as_str()),
    );
    let _ = writeln!(
        out,
        "  commercial {}, markets {}, modalities {}",
        flag(d.commercial),
        list(
            d.markets
                .as_ref()
                .map(|m| m.iter().map(|r| r.to_string()).collect())
        ),
        list(
            d.modalities
                .as_ref()
                .map(|m| m.iter().map(|x| x.as_str().to_string()).collect())
        ),
    );
    let _ = writeln!(
        out,
        "  hosting as a service {}, fine-tune {}, share weights {}, share derivatives {}, train on outputs {}",
        flag(d.hosting_as_service),
        flag(d.fine_tune),
        flag(d.distribute_weights),
        flag(d.distribute_derivatives),
        flag(d.train_on_outputs),
    );
}

fn licence(out: &mut String, report: &Report, style: &Paint) {
    let l = &report.licence;
    let name = match (&l.name, &l.id) {
        (Some(name), Some(id)) => format!("{name} ({id}, {})", l.spdx.as_deref().unwrap_or("")),
        _ => "not identified".to_string(),
    };
    let name = escape_controls(&name);
    let _ = writeln!(out, "\n{} {name}", style.bold("Licence:"));
    let how = match l.match_info.method {
        MatchMethod::CatalogueId => "by catalogue id".to_string(),
        MatchMethod::Text => format!(
            "from its text, confidence {:.3}{}",
            l.match_info.confidence,
            l.match_info
                .dice
                .map_or(String::new(), |d| format!(" (Dice {d:.3})"))
        ),
        MatchMethod::Metadata => "from model metadata".to_string(),
        MatchMethod::None => match &l.match_info.nearest {
            Some(n) => format!(
                "no catalogue licence matched; the nearest, {}, matched {:.3}",
                n.id, n.confidence
            ),
            None => "no catalogue licence matched".to_string(),
        },
    };
    let _ = writeln!(out, "  identified {how}");
    for note in &report.notes {
        let _ = writeln!(out, "  note: {}", escape_controls_in_lines(note));
    }
    if let Some(card) = &report.declared {
        let declared = match (&card.license, &card.license_name) {
            (Some(license), Some(name)) => format!("{license} ({name})"),
            (Some(license), None) => license.clone(),
            (None, Some(name)) => name.clone(),
            (None, None) => "nothing".to_string(),
        };
        let declared = escape_controls(&declared);
        let _ = writeln!(out, "  the model's metadata declares: {declared}");
    }
    for step in report.lineage.iter().flatten() {
        let _ = writeln!(
            out,
            "  {} of {} ({})",
            step.relation.map_or("derived", |r| r.as_str()),
            escape_controls(&step.model),
            escape_controls(step.licence.as_deref().unwrap_or("licence unknown"))
        );
    }
}

fn findings(out: &mut String, report: &Report, style: &Paint) {
    let groups = [
        (Severity::Blocked, "BLOCKED"),
        (Severity::Review, "NEEDS REVIEW"),
        (Severity::Obligation, "OBLIGATIONS"),
        (Severity::Info, "INFO"),
    ];
    for (severity, title) in groups {
        let findings = report.findings_of(severity);
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", style.severity(severity, title));
        for finding in findings {
            let message = escape_controls_in_lines(&finding.message);
            let _ = writeln!(out, "  [{}] {message}", finding.rule);
            for evidence in &finding.evidence {
                quote_line(out, evidence, finding.rule);
            }
        }
    }
}

/// One quoted clause, cut around its operative words, with where it stands.
fn quote_line(out: &mut String, evidence: &Evidence, rule: Rule) {
    let quote = operative_window(&one_line(&evidence.text), rule, 240);
    let place = evidence.place();
    let _ = writeln!(out, "      > \"{quote}\" ({})", escape_controls(&place));
}

/// The words that carry a finding's term: the region of a territory clause, the amount of a
/// threshold, else a prohibition or condition. A long clause is shown around them, so the quote
/// a reviewer reads holds "European Union" or "700 million" rather than only a preamble.
///
/// Returns the byte offset of the first of them in `lower`, the ASCII-lowercased clause (same
/// offsets as the clause). Words are looked up at word starts by hand, and the amount with
/// `regex-lite`: `regex` spends more building its literal prefilters than a whole check takes,
/// for a search run once on a clause of a few hundred bytes.
fn operative_anchor(lower: &str, rule: Rule) -> Option<usize> {
    /// A word, phrase or word start (`prohibit` for `prohibits`, `prohibited`) that must begin
    /// at a word start; `whole` when it must also end at a word end.
    type Word = (&'static str, bool);
    const REGION: &[Word] = &[
        ("european union", false),
        ("united states", false),
        ("china", false),
        ("eu", true),
        ("domiciled", false),
        ("territor", false),
        ("countr", false),
    ];
    const CONDITION: &[Word] = &[
        ("not", true),
        ("no", true),
        ("never", true),
        ("prohibit", false),
        ("forbid", false),
        ("restrict", false),
        ("only", true),
        ("exclusively", true),
        ("non-commercial", true),
        ("noncommercial", true),
        ("must", true),
        ("shall", true),
        ("built with", true),
    ];
    let words = match rule {
        Rule::Territory => REGION,
        Rule::UserThreshold | Rule::RevenueThreshold => {
            static AMOUNT: OnceLock<Option<regex_lite::Regex>> = OnceLock::new();
            let pattern =
                r"\d[\d,.]*\s*(?:million|billion)|(?:\$|usd|us\$)\s?\d|\b\d{1,3}(?:,\d{3})+";
            let amount = AMOUNT.get_or_init(|| regex_lite::Regex::new(pattern).ok());
            return amount.as_ref()?.find(lower).map(|m| m.start());
        }
        _ => CONDITION,
    };
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = lower.as_bytes();
    (0..bytes.len())
        .filter(|&at| is_word(bytes[at]) && (at == 0 || !is_word(bytes[at - 1])))
        .find(|&at| {
            words.iter().any(|&(word, whole)| {
                bytes[at..].starts_with(word.as_bytes())
                    && (!whole || bytes.get(at + word.len()).is_none_or(|&b| !is_word(b)))
            })
        })
}

/// At most `max` characters of `quote`, around its first operative words when it is longer.
fn operative_window(quote: &str, rule: Rule, max: usize) -> String {
    // At most `max` bytes is at most `max` characters: most quotes are shown whole, uncounted.
    if quote.len() <= max || quote.chars().count() <= max {
        return quote.to_string();
    }
    let chars: Vec<(usize, char)> = quote.char_indices().collect();
    let lower = quote.to_ascii_lowercase();
    let anchor = operative_anchor(&lower, rule).unwrap_or(0);
    let anchor_char = chars.iter().take_while(|(at, _)| *at < anchor).count();
    // A third of the window before the operative words, the rest after.
    let first = anchor_char
        .saturating_sub(max / 3)
        .min(chars.len().saturating_sub(max - 6));
    let last = (first + max - 6).min(chars.len());
    let byte = |i: usize| chars.get(i).map_or(quote.len(), |(at, _)| *at);
    let mut body = &quote[byte(first)..byte(last)];
    // Whole words only at a cut edge.
    if first > 0 {
        body = body.split_once(' ').map_or(body, |(_, rest)| rest);
    }
    if last < chars.len() {
        body = body.rsplit_once(' ').map_or(body, |(kept, _)| kept);
    }
    let before = if first > 0 { "..." } else { "" };
    let after = if last < chars.len() { "..." } else { "" };
    format!("{before}{}{after}", body.trim())
}

/// The clauses behind each term, for a reviewer checking terms no person has curated.
fn clause_list(out: &mut String, clauses: &TermEvidence) {
    let _ = writeln!(out, "\nClauses the terms were read from (check each):");
    if clauses.is_empty() {
        let _ = writeln!(
            out,
            "  none: no clause of this text reads as a licence term"
        );
    }
    for (term, evidence) in clauses {
        let _ = writeln!(out, "  {}:", term.as_str());
        // The rule that reads this term, for where a long clause is cut.
        let rule = match term {
            TermName::TerritoryExclusions => Rule::Territory,
            TermName::UserThreshold => Rule::UserThreshold,
            TermName::RevenueThreshold => Rule::RevenueThreshold,
            _ => Rule::UsePolicy,
        };
        for ev in evidence {
            quote_line(out, ev, rule);
        }
    }
}

fn terms_table(out: &mut String, t: &Terms) {
    let _ = writeln!(out, "\nTerms:");
    let registration = if t.registration {
        " (registration required)"
    } else {
        ""
    };
    let rows = [
        (
            "commercial use",
            format!("{}{registration}", t.field_words(TermName::CommercialUse)),
        ),
        ("user threshold", t.field_words(TermName::UserThreshold)),
        (
            "revenue threshold",
            t.field_words(TermName::RevenueThreshold),
        ),
        (
            "territory exclusions",
            t.field_words(TermName::TerritoryExclusions),
        ),
        ("derivatives", t.field_words(TermName::Derivatives)),
        ("attribution", t.field_words(TermName::Attribution)),
        ("output training", t.field_words(TermName::OutputTraining)),
        ("use policy", t.field_words(TermName::UsePolicy)),
        ("flow-down", t.field_words(TermName::FlowDown)),
        ("hosting", t.field_words(TermName::Hosting)),
        ("licence copy", t.field_words(TermName::LicenceCopy)),
    ];
    for (name, value) in rows {
        let _ = writeln!(out, "  {name:<22}{}", escape_controls(&value));
    }
}

/// The widths of a scan table's columns: verdict, licence, subject, in terminal columns.
const SCAN_COLUMNS: [usize; 3] = [27, 24, 44];
/// The most columns a scan line's reason takes.
const REASON_WIDTH: usize = 80;

/// One line of a scan's table: the verdict, the licence, the subject and, in one line, the
/// reason for the verdict (the decisive finding) or the error. Long ids and paths are cut with
/// an ellipsis, by display width, so that the columns stay aligned.
pub fn scan_line(item: &BatchItem, colour: bool) -> String {
    let [verdict_width, licence_width, subject_width] = SCAN_COLUMNS;
    // A path keeps its end (the model's name), an id its start.
    let subject = fit_end(&escape_controls(&item.subject), subject_width);
    let report = match &item.result {
        Ok(report) => report,
        Err(err) => {
            let reason = fit(&one_line(&err.to_string()), REASON_WIDTH);
            let line = format!(
                "{} {} {subject} {reason}",
                pad(&fit("error", verdict_width), verdict_width),
                pad("-", licence_width)
            );
            return line.trim_end().to_string();
        }
    };
    let verdict = pad(&report.verdict.as_str().replace('_', " "), verdict_width);
    let verdict = Paint { colour }.paint(verdict_style(report.verdict), &verdict);
    let licence = report.licence.id.clone().unwrap_or_else(|| {
        if report.licence.binding.is_empty() {
            "unidentified".into()
        } else {
            report.licence.binding.join("+")
        }
    });
    let licence = pad(
        &fit(&escape_controls(&licence), licence_width),
        licence_width,
    );
    let reason = fit(&scan_reason(report), REASON_WIDTH);
    format!("{verdict} {licence} {subject} {reason}")
}

/// Why a report came out as it did, in one line: the first sentence of its decisive finding
/// (the most severe that is not for the record), with its rule.
fn scan_reason(report: &Report) -> String {
    let decisive = report
        .findings
        .iter()
        .find(|f| f.severity != Severity::Info);
    match decisive {
        Some(finding) => {
            let message = one_line(&finding.message);
            let first = message
                .find(". ")
                .map_or(message.as_str(), |end| &message[..=end]);
            format!("[{}] {first}", finding.rule)
        }
        None => "nothing blocks it, needs review or asks anything of you".to_string(),
    }
}

/// `text` cut to at most `width` terminal columns, its end replaced by `…` when cut.
fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) > width.saturating_sub(1) {
            break;
        }
        used += char_width(c);
        kept.push(c);
    }
    format!("{kept}…")
}

/// `text` fitted to exactly `width` terminal columns: cut at its start with `…` when longer
/// (a path's end names the model), padded with spaces when shorter.
fn fit_end(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return pad(text, width);
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        if used + char_width(c) > width.saturating_sub(1) {
            break;
        }
        used += char_width(c);
        kept.push(c);
    }
    let kept: String = kept.into_iter().rev().collect();
    pad(&format!("…{kept}"), width)
}

/// `text` padded with spaces to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The catalogue as a table: id, release date, commercial use, thresholds and name.
pub fn catalogue_table(catalogue: &Catalogue) -> String {
    let mut out = format!(
        "{:<28} {:<12} {:<16} {:<22} NAME\n",
        "ID", "RELEASED", "COMMERCIAL USE", "THRESHOLDS"
    );
    for licence in catalogue.licences() {
        let terms = &licence.terms().terms;
        let mut thresholds = Vec::new();
        if let Some(users) = terms.user_threshold {
            thresholds.push(match users {
                UserThreshold::MonthlyActiveUsers(n) => format!("{} MAU", group(n)),
                UserThreshold::DailyActiveUsers(n) => format!("{} DAU", group(n)),
            });
        }
        if let Some(revenue) = terms.revenue_threshold {
            thresholds.push(format!("USD {}", group(revenue.annual_revenue_usd)));
        }
        let thresholds = if thresholds.is_empty() {
            "-".to_string()
        } else {
            thresholds.join(", ")
        };
        let _ = writeln!(
            out,
            "{:<28} {:<12} {:<16} {:<22} {}",
            licence.id,
            licence.released.as_deref().unwrap_or("-"),
            terms.field_json(TermName::CommercialUse).trim_matches('"'),
            thresholds,
            licence.name
        );
    }
    out
}

/// One catalogue licence: its terms, each with the clauses it comes from, then its full text
/// and its companion policy's, control characters escaped (see [`escape_controls_in_lines`]).
pub fn licence_sheet(resolved: &Resolved) -> String {
    super::document(&sheet(resolved))
}

fn sheet(resolved: &Resolved) -> String {
    let licence = resolved.licence;
    let mut out = format!("{} ({}, {})\n", licence.name, licence.id, licence.spdx);
    if let Some(note) = &resolved.note {
        let _ = writeln!(out, "note: {note}");
    }
    let hf_ids = if licence.hf_ids.is_empty() {
        "-".to_string()
    } else {
        licence.hf_ids.join(", ")
    };
    let _ = writeln!(
        out,
        "released {}; Hugging Face ids: {hf_ids}; source: {} {}\n\nTerms, each with the clauses it comes from:",
        licence.released.as_deref().unwrap_or("undated"),
        licence.source.repo,
        licence.source.path
    );
    for term in TermName::ALL {
        let _ = write!(
            out,
            "\n  {}: {}\n",
            term.as_str(),
            licence.terms().terms.field_json(term)
        );
        for ev in licence.terms().evidence_for(term) {
            let _ = writeln!(out, "      > \"{}\" ({})", one_line(&ev.text), ev.place());
        }
    }
    out.push_str("\n---- licence text ----\n");
    out.push_str(licence.text);
    if let (Some(policy), Some(text)) = (&licence.policy, licence.policy_text) {
        let _ = write!(out, "\n\n---- {} ({}) ----\n", policy.name, policy.id);
        out.push_str(text);
    }
    out.push('\n');
    out
}

/// A quote on one line: its words joined by single spaces, any control character left in them
/// escaped (see [`escape_controls`]).
pub(crate) fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    match escape_controls(&line) {
        Cow::Borrowed(_) => line,
        Cow::Owned(escaped) => escaped,
    }
}

/// Styles text when colour is on, and leaves it plain otherwise.
struct Paint {
    colour: bool,
}

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.colour {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    fn severity(&self, severity: Severity, text: &str) -> String {
        let style = match severity {
            Severity::Blocked => Style::new().fg_color(Some(AnsiColor::Red.into())),
            Severity::Review => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
            Severity::Obligation => Style::new().fg_color(Some(AnsiColor::Cyan.into())),
            Severity::Info => Style::new().dimmed(),
        };
        self.paint(style.bold(), text)
    }

    fn verdict(&self, verdict: Verdict, text: &str) -> String {
        self.paint(verdict_style(verdict).bold(), text)
    }
}

/// The colour of a verdict: red blocked, yellow review, cyan obligations, green permitted.
fn verdict_style(verdict: Verdict) -> Style {
    let colour = match verdict {
        Verdict::Blocked => AnsiColor::Red,
        Verdict::NeedsReview => AnsiColor::Yellow,
        Verdict::PermittedWithObligations => AnsiColor::Cyan,
        Verdict::Permitted => AnsiColor::Green,
    };
    Style::new().fg_color(Some(colour.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    fn clause(id: &str, term: TermName, has: &str) -> String {
        let licence = Catalogue::embedded().expect("loads").get(id).expect(id);
        let evidence = licence.terms().evidence_for(term);
        let found = evidence.iter().find(|e| e.text.contains(has)).expect(has);
        one_line(&found.text)
    }

    #[test]
    fn operative_words_are_found_at_word_starts() {
        let anchor = |text: &str, rule| operative_anchor(text, rule);
        assert_eq!(anchor("users of the eu may", Rule::Territory), Some(13));
        assert_eq!(anchor("a leu or neue thing", Rule::Territory), None);
        assert_eq!(
            anchor("above 700 million users", Rule::UserThreshold),
            Some(6)
        );
        assert_eq!(anchor("over $1,000,000", Rule::RevenueThreshold), Some(5));
        assert_eq!(
            anchor("knot nothing; is prohibited", Rule::Attribution),
            Some(17)
        );
        assert_eq!(
            anchor("display \"built with llama\"", Rule::Attribution),
            Some(9)
        );
    }

    #[test]
    fn a_long_clause_is_shown_around_its_operative_words() {
        let eu = clause("llama-3.2", TermName::TerritoryExclusions, "European Union");
        assert!(eu.chars().count() > 240);
        let shown = operative_window(&eu, Rule::Territory, 240);
        assert!(shown.contains("European Union"), "{shown}");
        assert!(shown.chars().count() <= 246, "{shown}");
        let gate = clause("llama-3.3", TermName::UserThreshold, "700 million");
        let shown = operative_window(&gate, Rule::UserThreshold, 240);
        assert!(shown.contains("700 million"), "{shown}");
        assert!(
            shown.starts_with("...") && shown.ends_with("..."),
            "{shown}"
        );
    }

    #[test]
    fn cells_are_cut_and_padded_by_display_width() {
        use unicode_width::UnicodeWidthStr;
        assert_eq!(
            fit("flux-1-dev-non-commercial", 24),
            "flux-1-dev-non-commerci…"
        );
        assert_eq!(fit("mit", 24), "mit");
        // Wide characters take two columns: the cut never passes the width.
        let wide = fit("通义千问许可协议通义千问许可协议", 9);
        assert_eq!(wide, "通义千问…");
        assert_eq!(fit_end("models/通义千问", 10).width(), 10);
        assert_eq!(fit_end("a/very/long/path/to/model", 10), "…/to/model");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn a_short_clause_is_shown_whole_and_any_text_is_cut_on_characters() {
        assert_eq!(
            operative_window("Built with Llama", Rule::Attribution, 240),
            "Built with Llama"
        );
        let chinese = "许可".repeat(400);
        for rule in [Rule::Territory, Rule::UserThreshold, Rule::Attribution] {
            assert!(operative_window(&chinese, rule, 240).chars().count() <= 246);
        }
    }
}
