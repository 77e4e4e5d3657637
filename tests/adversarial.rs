//! Adversarial edits of every catalogue text: anything beyond format is a change a person must
//! review, however short, in whatever language or markup; format alone changes nothing.
//!
//! A deterministic, seeded generator edits every `licences/<id>/LICENSE.txt`, alone and followed
//! by its `POLICY.txt`: restrictions appended and inserted (English short and long, without
//! `shall`/`must`, German, Spanish, French, Chinese), words inserted into, deleted from and
//! replaced in the curated term clauses, a clause in an HTML comment, a clause struck through
//! (`<del>`, `<s>`, `<strike>`, `~~`) or hidden (`display: none`), homoglyphs and zero-width
//! characters in a clause, a changed title, a changed character in a Chinese half, and
//! restrictions dressed as allow-listed lines (a title, a copyright line, a `Source:` line). None may pass (exit 0), neither in the
//! default context nor in a permissive-leaning one. The converse: format-only variants and
//! allow-listed lines give exactly the catalogue id's verdict and terms, with no review added.
//!
//! The nasty cases are kept as fixtures in `fixtures/adversarial/` with their expected outcome in
//! `fixtures/adversarial/expected.tsv`.

mod common;

use std::collections::BTreeSet;

use common::{check, check_text};
use model_licence::{Catalogue, Context, Licence, Report, Rule, Severity, Verdict};

fn catalogue() -> &'static Catalogue {
    Catalogue::embedded().expect("catalogue")
}

/// SplitMix64: a small deterministic generator, so every run edits the same places.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Restrictions a licensor might slip in, in several languages and lengths; none needs `shall`.
const RESTRICTIONS: &[&str] = &[
    "Non-commercial.",
    "Research use only.",
    "No SaaS.",
    "Licensed for academic use only.",
    "Use by for-profit entities requires a paid license.",
    "Evaluation only.",
    "Notwithstanding anything to the contrary in this Agreement, the rights granted herein are limited to non-commercial research and evaluation, and any commercial use requires a separate written license from the Licensor.",
    "Die kommerzielle Nutzung ist nicht gestattet.",
    "Nur für Forschungszwecke.",
    "Uso exclusivo para fines de investigación.",
    "Prohibido el uso comercial.",
    "Usage commercial interdit.",
    "Réservé à la recherche.",
    "仅限非商业用途。",
    "禁止商业使用",
];

/// Words slipped into a term clause.
const INSERTED_WORDS: &[&str] = &[
    "not",
    "only",
    "or the United States",
    "non-commercial",
    "never",
];

/// Latin letters and the Cyrillic letters that look the same.
const HOMOGLYPHS: &[(char, char)] = &[
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('c', 'с'),
    ('p', 'р'),
    ('x', 'х'),
    ('i', 'і'),
];

/// A catalogue text as a file might hold it: the licence, or the licence and its policy.
struct Base<'c> {
    licence: &'c Licence,
    text: String,
}

impl Base<'_> {
    /// The curated clauses of the licence itself, as byte ranges of `text` (the licence comes
    /// first, so the catalogue's offsets hold).
    fn clauses(&self) -> Vec<(usize, usize)> {
        self.licence
            .terms()
            .evidence
            .values()
            .flatten()
            .filter(|e| e.document == "licence" && e.end > e.start + 8)
            .map(|e| (e.start, e.end))
            .collect()
    }

    /// Byte offsets of the spaces inside a random clause (or anywhere, when there are none).
    fn spaces_in_clause(&self, rng: &mut Rng) -> Vec<usize> {
        let clauses = self.clauses();
        let (start, end) = if clauses.is_empty() {
            (0, self.licence.text.len())
        } else {
            *rng.pick(&clauses)
        };
        self.text[start..end]
            .match_indices(' ')
            .map(|(i, _)| start + i)
            .collect()
    }

    /// The byte range of a random word (letters only, at least `min` long) inside a clause.
    fn word_in_clause(&self, rng: &mut Rng, min: usize) -> Option<(usize, usize)> {
        let clauses = self.clauses();
        let ranges = if clauses.is_empty() {
            vec![(0, self.licence.text.len())]
        } else {
            vec![*rng.pick(&clauses)]
        };
        let (start, end) = ranges[0];
        let mut words = Vec::new();
        let mut at = None;
        for (i, c) in self.text[start..end].char_indices() {
            match (c.is_ascii_alphabetic(), at) {
                (true, None) => at = Some(i),
                (false, Some(s)) => {
                    if i - s >= min {
                        words.push((start + s, start + i));
                    }
                    at = None;
                }
                _ => {}
            }
        }
        (!words.is_empty()).then(|| *rng.pick(&words))
    }

    /// The text with `passage` as a paragraph of its own at a random paragraph break.
    fn with_paragraph(&self, rng: &mut Rng, passage: &str) -> String {
        let at = self.paragraph_break(rng);
        insert(&self.text, at, &format!("\n\n{passage}"))
    }

    /// A paragraph break at random, where a passage can be inserted.
    fn paragraph_break(&self, rng: &mut Rng) -> usize {
        let breaks: Vec<usize> = self.text.match_indices("\n\n").map(|(i, _)| i).collect();
        if breaks.is_empty() {
            self.text.len()
        } else {
            *rng.pick(&breaks)
        }
    }
}

fn insert(text: &str, at: usize, what: &str) -> String {
    format!("{}{what}{}", &text[..at], &text[at..])
}

/// Whether the digit at `at` numbers a list item (`1.`, `2.1`, `(3)` at the start of a line):
/// renumbering a list is format, not a change.
fn in_list_marker(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let before_ok = text[line_start..at]
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "#*(.\\".contains(c));
    let after = text[at..].trim_start_matches(|c: char| c.is_ascii_digit());
    before_ok && after.starts_with(['.', ')', '\\'])
}

/// One adversarial edit: a name and the edited text, or `None` when it does not apply.
type Edit = fn(&Base, &mut Rng) -> Option<(String, String)>;

const EDITS: &[Edit] = &[
    |b, rng| {
        let r = rng.pick(RESTRICTIONS);
        Some((
            format!("appended {r:?}"),
            format!("{}\n\n{r}\n", b.text.trim_end()),
        ))
    },
    |b, rng| {
        let r = rng.pick(RESTRICTIONS);
        Some((format!("inserted {r:?}"), b.with_paragraph(rng, r)))
    },
    |b, rng| {
        let word = rng.pick(INSERTED_WORDS);
        let spaces = b.spaces_in_clause(rng);
        let at = *rng.pick(&spaces);
        Some((
            format!("{word:?} inserted into a clause"),
            insert(&b.text, at, &format!(" {word}")),
        ))
    },
    |b, rng| {
        let (start, end) = b.word_in_clause(rng, 2)?;
        let edited = format!("{}{}", &b.text[..start], b.text[end..].trim_start());
        Some((
            format!("{:?} deleted from a clause", &b.text[start..end]),
            edited,
        ))
    },
    |b, rng| {
        let (start, end) = b.word_in_clause(rng, 3)?;
        if b.text[start..end].eq_ignore_ascii_case("commercial") {
            return None;
        }
        let edited = format!("{}commercial{}", &b.text[..start], &b.text[end..]);
        Some((
            format!("{:?} replaced in a clause", &b.text[start..end]),
            edited,
        ))
    },
    |b, rng| {
        let r = rng.pick(RESTRICTIONS);
        let comment = format!("<!-- {r} -->");
        Some((
            format!("HTML comment {r:?}"),
            b.with_paragraph(rng, &comment),
        ))
    },
    |b, rng| {
        let clauses = b.clauses();
        let &(start, end) = clauses.get(rng.below(clauses.len()))?;
        let (open, close) = *rng.pick(&[
            ("<del>", "</del>"),
            ("<s>", "</s>"),
            ("<strike>", "</strike>"),
            ("~~", "~~"),
        ]);
        if open == "~~" && b.text[start..end].contains("\n\n") {
            return None;
        }
        let edited = format!(
            "{}{open}{}{close}{}",
            &b.text[..start],
            &b.text[start..end],
            &b.text[end..]
        );
        Some((format!("clause struck with {open}"), edited))
    },
    |b, rng| {
        let (start, end) = b.word_in_clause(rng, 3)?;
        let word = &b.text[start..end];
        let (latin, cyrillic) = HOMOGLYPHS.iter().find(|(l, _)| word.contains(*l))?;
        let spoofed = word.replacen(*latin, &cyrillic.to_string(), 1);
        let edited = format!("{}{spoofed}{}", &b.text[..start], &b.text[end..]);
        Some((format!("homoglyph in {word:?}"), edited))
    },
    |b, rng| {
        let (start, end) = b.word_in_clause(rng, 4)?;
        let middle = start + (end - start) / 2;
        Some((
            format!("zero-width space in {:?}", &b.text[start..end]),
            insert(&b.text, middle, "\u{200b}"),
        ))
    },
    |b, _| {
        let first = b.text.lines().find(|l| !l.trim().is_empty())?;
        let at = b.text.find(first)? + first.trim_end().len();
        Some((
            "title made research-only".to_string(),
            insert(&b.text, at, " RESEARCH-ONLY"),
        ))
    },
    |b, rng| {
        let cjk: Vec<usize> = b
            .licence
            .text
            .char_indices()
            .filter(|(_, c)| ('\u{4e00}'..='\u{9fff}').contains(c))
            .map(|(i, _)| i)
            .collect();
        if cjk.is_empty() {
            return None;
        }
        let at = *rng.pick(&cjk);
        let c = b.text[at..].chars().next()?;
        let other = if c == '不' { '可' } else { '不' };
        let edited = format!("{}{other}{}", &b.text[..at], &b.text[at + c.len_utf8()..]);
        Some((format!("Chinese {c:?} changed to {other:?}"), edited))
    },
    |b, rng| {
        let clauses = b.clauses();
        let digits: Vec<usize> = clauses
            .iter()
            .flat_map(|&(s, e)| (s..e).filter(|&i| b.text.as_bytes()[i].is_ascii_digit()))
            .filter(|&i| !in_list_marker(&b.text, i))
            .collect();
        if digits.is_empty() {
            return None;
        }
        let at = *rng.pick(&digits);
        let digit = b.text.as_bytes()[at] - b'0';
        let other = char::from(b'0' + (digit + 1) % 10);
        let edited = format!("{}{other}{}", &b.text[..at], &b.text[at + 1..]);
        Some(("a number in a clause changed".to_string(), edited))
    },
    |b, rng| {
        let clauses = b.clauses();
        let &(start, end) = clauses.get(rng.below(clauses.len()))?;
        let edited = format!(
            "{}<span style=\"display: none\">{}</span>{}",
            &b.text[..start],
            &b.text[start..end],
            &b.text[end..]
        );
        Some(("clause hidden with display: none".to_string(), edited))
    },
    |b, rng| {
        let r = rng.pick(RESTRICTIONS);
        let line = format!("Copyright (c) 2024 Example Corp. {r}");
        Some((
            format!("copyright line with {r:?}"),
            format!("{line}\n\n{}", b.text),
        ))
    },
    |b, rng| {
        let r = rng.pick(RESTRICTIONS);
        // A title that only repeats words of the licence's own name ("FLUX.1 [dev]
        // Non-Commercial License (Non-commercial)") adds nothing: it is allowed.
        let name = b.licence.name.to_lowercase().replace('-', " ");
        let words = r.trim_end_matches('.').to_lowercase().replace('-', " ");
        if words.split(' ').all(|w| name.split(' ').any(|n| n == w)) {
            return None;
        }
        let heading = format!("# {} ({})", b.licence.name, r.trim_end_matches('.'));
        Some((
            format!("title with {r:?}"),
            format!("{heading}\n\n{}", b.text),
        ))
    },
    |b, rng| {
        let r = rng.pick(RESTRICTIONS);
        let line = format!("Source: https://example.com/licence {r}");
        Some((
            format!("source line with {r:?}"),
            format!("{line}\n\n{}", b.text),
        ))
    },
];

/// `ADVERSARIAL_SEED=<n>` edits other places; `ADVERSARIAL_ALL=1` tries every edit kind on every
/// text in both contexts (slow in a debug build: for a thorough run before a release).
fn seed() -> u64 {
    std::env::var("ADVERSARIAL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_0000)
}

fn thorough() -> bool {
    std::env::var_os("ADVERSARIAL_ALL").is_some()
}

/// A commercial product is the default; a research lab that sells nothing is the context most
/// likely to be waved through.
fn contexts() -> [(&'static str, Context, model_licence::ContextSource); 2] {
    let mut research = Context::default_assumed();
    research.deployment.commercial = Some(false);
    [
        (
            "default",
            Context::default_assumed(),
            common::DEFAULT_CONTEXT,
        ),
        ("non-commercial", research, common::GIVEN_CONTEXT),
    ]
}

fn passes(verdict: Verdict) -> bool {
    matches!(
        verdict,
        Verdict::Permitted | Verdict::PermittedWithObligations
    )
}

fn bases(licence: &Licence) -> Vec<Base<'_>> {
    let mut bases = vec![Base {
        licence,
        text: licence.text.to_string(),
    }];
    if let Some(policy) = licence.policy_text {
        bases.push(Base {
            licence,
            text: format!("{}\n\n{policy}", licence.text),
        });
    }
    bases
}

/// Runs `work` over the catalogue's licences on two threads (CI has two cores).
fn over_catalogue(work: impl Fn(usize, &Licence) -> Vec<String> + Sync) -> Vec<String> {
    let licences = catalogue().licences();
    let half = licences.len().div_ceil(2);
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = licences
            .chunks(half)
            .enumerate()
            .map(|(chunk, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .flat_map(|(i, l)| work(chunk * half + i, l))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no panic"))
            .collect()
    })
}

#[test]
fn no_change_beyond_format_ever_passes() {
    let tried = std::sync::atomic::AtomicUsize::new(0);
    let failures = over_catalogue(|index, licence| {
        let mut failures = Vec::new();
        let mut rng = Rng(seed() + index as u64);
        for (b, base) in bases(licence).iter().enumerate() {
            // A third of the edit kinds per text, rotating, so that every kind meets a third of
            // the texts and the run stays short in a debug build.
            let kinds = EDITS
                .iter()
                .enumerate()
                .filter(|(k, _)| thorough() || (k + index + b) % 3 == 0);
            for (k, edit) in kinds {
                let Some((name, text)) = edit(base, &mut rng) else {
                    continue;
                };
                tried.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                // The two contexts on alternate edits, to keep the run short; every edit kind
                // meets both.
                for (c, (label, ctx, options)) in contexts().iter().enumerate() {
                    if !thorough() && c != (k + index) % 2 {
                        continue;
                    }
                    let report = check_text("edited", &text, ctx, options);
                    if passes(report.verdict) {
                        failures.push(format!(
                            "{} ({} bytes) + {name}: {:?} in the {label} context",
                            licence.id,
                            base.text.len(),
                            report.verdict
                        ));
                    }
                }
            }
        }
        failures
    });
    let tried = tried.into_inner();
    assert!(tried >= 120, "only {tried} edits were tried");
    assert!(
        failures.is_empty(),
        "{} of {tried} edits passed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Format-only dresses of a text, and allow-listed lines around it.
fn format_variants(licence: &Licence) -> Vec<(&'static str, String)> {
    let text = licence.text;
    let renumbered = regex::Regex::new(r"(?m)^(\s*)(\d{1,2})\.(\s)").expect("regex");
    let link = regex::Regex::new(r"\[([^\[\]]*\w[^\[\]]*)\]\(([^)\s]*)\)").expect("regex");
    vec![
        ("crlf", common::crlf(text)),
        ("rewrap-72", common::rewrap_72(text)),
        ("markdown-to-plain", common::markdown_to_plain(text)),
        ("html", common::html(text)),
        (
            "straight quotes",
            text.replace(['“', '”'], "\"").replace(['‘', '’'], "'"),
        ),
        (
            "curly quotes",
            text.replace(" \"", " “").replace("\" ", "” "),
        ),
        (
            "dashes",
            text.replace(" - ", " – ")
                .split_inclusive(' ')
                .map(|token| {
                    // A URL keeps its hyphens: a renderer does not change them.
                    if token.contains("://") || token.contains("www.") || token.contains("](") {
                        token.to_string()
                    } else {
                        token.replace('-', "—")
                    }
                })
                .collect(),
        ),
        (
            "renumbered",
            renumbered
                .replace_all(text, |c: &regex::Captures| {
                    let n: u32 = c[2].parse().unwrap_or(0);
                    format!("{}{}.{}", &c[1], n + 1, &c[3])
                })
                .into_owned(),
        ),
        ("links as URLs", link.replace_all(text, "$2").into_owned()),
        (
            "title, source and URL lines",
            format!(
                "# {}\n\nSource: https://example.com/{}/LICENSE\nRetrieved: March 3, 2025\n<https://example.com/licence>\n\n{text}",
                licence.name, licence.id
            ),
        ),
        (
            "copyright and end lines",
            format!(
                "Copyright (c) 2024 Example Corp. All rights reserved.\n\n{}\n\nEND OF TERMS AND CONDITIONS\n",
                text.trim_end()
            ),
        ),
        (
            "fullwidth title",
            format!(
                "{}\n\n{text}",
                licence
                    .name
                    .chars()
                    .map(|c| match c {
                        '!'..='~' => char::from_u32(u32::from(c) + 0xfee0).unwrap_or(c),
                        c => c,
                    })
                    .collect::<String>()
            ),
        ),
    ]
}

/// The review (and blocked) findings of a report, by rule.
fn serious(report: &Report) -> BTreeSet<String> {
    report
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Review | Severity::Blocked))
        .map(|f| format!("{}:{:?}", f.rule.code(), f.severity))
        .collect()
}

#[test]
fn format_only_variants_of_every_text_change_nothing() {
    let failures = over_catalogue(|index, licence| {
        let mut failures = Vec::new();
        let contexts = contexts();
        let by_id: Vec<Report> = contexts
            .iter()
            .map(|(_, ctx, options)| check(&licence.id, ctx, options).expect("catalogue id"))
            .collect();
        for (k, (name, text)) in format_variants(licence).into_iter().enumerate() {
            // The two contexts on alternate variants, to keep the run short.
            let which = (k + index) % 2;
            let (label, ctx, options) = &contexts[which];
            let by_id = &by_id[which];
            {
                let by_text = check_text("formatted", &text, ctx, options);
                let changed = by_id.licence.terms.differing_fields(&by_text.licence.terms);
                let added: Vec<String> = serious(&by_text)
                    .difference(&serious(by_id))
                    .cloned()
                    .collect();
                if by_text.licence.id.as_deref() != Some(licence.id.as_str())
                    || by_text.verdict != by_id.verdict
                    || !changed.is_empty()
                    || !added.is_empty()
                {
                    let reviews: Vec<String> = by_text
                        .findings
                        .iter()
                        .filter(|f| f.severity == Severity::Review)
                        .map(|f| {
                            let quoted: Vec<&str> =
                                f.evidence.iter().map(|e| e.text.as_str()).collect();
                            format!("{} {quoted:?}", f.message)
                        })
                        .collect();
                    failures.push(format!(
                        "{} as {name} ({label}): {:?} {:?} vs {:?}, terms {changed:?}, added {added:?}\n  {}",
                        licence.id,
                        by_text.licence.id,
                        by_text.verdict,
                        by_id.verdict,
                        reviews.join("\n  ")
                    ));
                }
            }
        }
        failures
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fixture in `fixtures/adversarial/` gives exactly the outcome `expected.tsv` records:
/// the licence id (`-` for none), the verdict in the default context, and the rule of the review
/// that must quote the given passage of the file (`-`: no review beyond the catalogue id's).
#[test]
fn adversarial_fixtures_give_their_expected_outcome() {
    let dir = common::fixture("adversarial");
    let table = common::read(&dir.join("expected.tsv"));
    let mut listed = BTreeSet::new();
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, id, verdict, rule, quote] = cols[..] else {
            panic!("expected.tsv: five columns: {line:?}");
        };
        listed.insert(file.to_string());
        let path = dir.join(file);
        let text = common::read(&path);
        let report = check(
            path.to_str().expect("path"),
            &Context::default_assumed(),
            &common::DEFAULT_CONTEXT,
        )
        .unwrap_or_else(|e| panic!("{file}: {e}"));
        let want_id = (id != "-").then_some(id);
        assert_eq!(report.licence.id.as_deref(), want_id, "{file}");
        assert_eq!(
            serde_json::to_value(report.verdict).expect("verdict"),
            serde_json::Value::String(verdict.to_string()),
            "{file}"
        );
        for finding in &report.findings {
            for e in finding.evidence.iter().filter(|e| e.document == "licence") {
                assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()), "{file}");
            }
        }
        if rule == "-" {
            let by_id =
                check(id, &Context::default_assumed(), &common::DEFAULT_CONTEXT).expect("id");
            assert_eq!(serious(&report), serious(&by_id), "{file}");
            assert!(
                by_id
                    .licence
                    .terms
                    .differing_fields(&report.licence.terms)
                    .is_empty(),
                "{file}"
            );
            continue;
        }
        let quote = quote.replace("\\u200b", "\u{200b}");
        let quoted = report.findings.iter().any(|f| {
            f.rule.code() == rule
                && f.severity == Severity::Review
                && f.evidence.iter().any(|e| e.text.contains(&quote))
        });
        assert!(
            quoted,
            "{file}: no {rule} review quoting {quote:?}: {:#?}",
            report.findings
        );
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("fixtures/adversarial")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.tsv" && n != "README.md")
        .collect();
    assert_eq!(listed, on_disk, "every fixture has an expected outcome");
}

/// A licence with a name of its own is not the catalogue licence it is based on: reported as
/// unknown under its own title, with `based_on` and the terms read from its whole text.
#[test]
fn a_licence_with_its_own_name_is_unknown_and_based_on_the_catalogue_licence() {
    let path = common::fixture("unseen/tii-falcon-2.0/LICENSE.txt");
    let report = check(
        path.to_str().expect("path"),
        &Context::default_assumed(),
        &common::DEFAULT_CONTEXT,
    )
    .expect("falcon");
    assert_eq!(report.licence.id, None);
    assert_eq!(
        report.licence.name.as_deref(),
        Some("Falcon 3 TII Falcon License")
    );
    assert_eq!(report.verdict, Verdict::NeedsReview);
    let based_on = report
        .licence
        .match_info
        .based_on
        .as_ref()
        .expect("based_on");
    assert_eq!(based_on.id, "apache-2.0");
    assert!(based_on.confidence >= 0.8, "{}", based_on.confidence);
    let unknown = report
        .findings
        .iter()
        .find(|f| f.rule == Rule::UnknownLicence)
        .expect("unknown-licence");
    assert_eq!(unknown.severity, Severity::Review);
    assert_eq!(unknown.evidence[0].text, "Falcon 3 TII Falcon License");
    // The terms are the text's own: its attribution duty is not Apache's.
    let text = common::read(&path);
    let expected = model_licence::extract_terms(&text).backed.terms;
    assert!(expected.differing_fields(&report.licence.terms).is_empty());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("json");
    assert_eq!(json["licence"]["match"]["based_on"]["id"], "apache-2.0");
    assert_eq!(json["licence"]["id"], serde_json::Value::Null);
}
