//! The HTML review page in a real browser. Headless Chromium loads pages of the whole catalogue
//! and of the fixtures; the DOM it builds must hold every subject, every finding and every
//! quoted clause of the reports, each clause's highlight exactly at its byte offsets in the
//! whole text, and nothing the input could have injected. A screenshot of each page is written
//! beside it (under the build folder's `tmp/html-review/`).
//!
//! Without Chromium (`chromium` on PATH, Debian's package) the browser tests are skipped,
//! unless MODEL_LICENCE_REQUIRE_CHROMIUM is set, as CI does: then its absence fails them.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use model_licence::batch::{CheckOptions, subjects_in_dir, subjects_in_inventory};
use model_licence::render::{escape_controls, html_review};
use model_licence::terms::{Evidence, TermName};
use model_licence::{Catalogue, Report, Severity};
use scraper::{ElementRef, Html, Selector};

/// How long one page may take to load and dump before the browser is stopped.
const BROWSER_DEADLINE: Duration = Duration::from_secs(180);

/// Chromium on PATH; `None` (the test skips) unless MODEL_LICENCE_REQUIRE_CHROMIUM is set.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("MODEL_LICENCE_REQUIRE_CHROMIUM").is_none(),
            "chromium is required (MODEL_LICENCE_REQUIRE_CHROMIUM is set) but not on PATH: apt-get install chromium"
        );
        eprintln!("skipped: chromium is not on PATH (apt-get install chromium)");
    }
    found
}

/// Runs headless Chromium on a page with `extra` arguments and gives its standard output.
fn browse(chromium: &Path, page: &Path, extra: &[String]) -> String {
    let profile = std::env::temp_dir().join(format!(
        "model-licence-chromium-{}-{}",
        std::process::id(),
        page.file_stem().and_then(|s| s.to_str()).unwrap_or("page")
    ));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("chromium runs") {
            break status;
        }
        if started.elapsed() > BROWSER_DEADLINE {
            let _ = child.kill();
            panic!(
                "{}: chromium did not finish within {BROWSER_DEADLINE:?}",
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = std::fs::remove_dir_all(&profile);
    assert!(
        status.success(),
        "{}: chromium failed: {status}",
        page.display()
    );
    reader
        .join()
        .expect("reader thread")
        .expect("chromium's output is UTF-8")
}

fn select<'a>(scope: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    scope.select(&selector).collect()
}

fn text(element: ElementRef) -> String {
    element.text().collect()
}

/// Line ends as a parser sees them. Chromium's serialisation of the DOM writes a carriage
/// return raw, which any HTML parser reads as a line feed: the page itself keeps it (`&#13;`),
/// but a DOM read back from the dump compares with its text only after this.
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the page of `subjects`, loads it in Chromium, checks the DOM against the reports and
/// takes a screenshot. Returns how many clauses were checked with their highlight.
fn check_page<S: AsRef<std::ffi::OsStr> + Sync>(
    chromium: &Path,
    name: &str,
    subjects: &[S],
) -> usize {
    let items = common::check_subjects(subjects);
    assert!(!items.is_empty(), "{name}: no subjects");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-review");
    std::fs::create_dir_all(&dir).expect("output folder");
    let page = dir.join(format!("{name}.html"));
    std::fs::write(&page, html_review(&items)).expect("page written");

    let dumped = browse(chromium, &page, &["--dump-dom".to_string()]);
    let dom = Html::parse_document(&dumped);
    let root = dom.root_element();
    assert_self_contained(name, root);
    let sections = select(root, "section.model");
    assert_eq!(
        sections.len(),
        items.len(),
        "{name}: one section per subject"
    );
    let rows = select(root, "table.summary tbody tr");
    assert_eq!(
        rows.len(),
        items.len(),
        "{name}: one summary row per subject"
    );
    let mut highlighted = 0;
    for ((item, section), row) in items.iter().zip(&sections).zip(&rows) {
        let heading = select(*section, "h2").first().map(|h| text(*h));
        assert_eq!(heading.as_deref(), Some(item.subject.as_str()), "{name}");
        assert_eq!(text(select(*row, "td")[0]), item.subject, "{name}: summary");
        match &item.result {
            Ok(report) => {
                let verdict = report.verdict.as_str().replace('_', " ");
                assert_eq!(text(select(*row, ".verdict")[0]), verdict, "{name}");
                highlighted += check_section(&item.subject, *section, report);
            }
            Err(err) => {
                let shown = select(*section, "p.error").first().map(|p| text(*p));
                let expected = format!("Could not be checked: {err}");
                assert_eq!(shown.as_deref(), Some(expected.as_str()), "{name}");
            }
        }
    }

    let shot = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    browse(
        chromium,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1800".to_string(),
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: a PNG");
    assert!(png.len() > 20_000, "{name}: the screenshot is not blank");
    highlighted
}

/// The page loads nothing from anywhere: one inline script (ours), no images, frames, objects
/// or style sheets, no `src` attribute, every link to an anchor of the page, ids unique.
fn assert_self_contained(name: &str, root: ElementRef) {
    assert_eq!(select(root, "script").len(), 1, "{name}: only our script");
    assert_eq!(select(root, "style").len(), 1, "{name}: only our style");
    let foreign = "img, iframe, frame, object, embed, link, video, audio, source, svg, form, input, base, meta[http-equiv]";
    assert!(
        select(root, foreign).is_empty(),
        "{name}: injected elements"
    );
    assert!(select(root, "[src]").is_empty(), "{name}: a src attribute");
    for link in select(root, "a") {
        let href = link.value().attr("href").unwrap_or_default();
        assert!(
            href.starts_with('#'),
            "{name}: a link leaves the page: {href}"
        );
    }
    for element in select(root, "*") {
        for (attribute, _) in element.value().attrs() {
            assert!(!attribute.starts_with("on"), "{name}: an event handler");
        }
    }
    let mut ids: Vec<&str> = select(root, "[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "{name}: duplicate ids");
}

/// One subject's section: every finding in report order with its message and clauses, every
/// term's clauses, and no other clause.
fn check_section(subject: &str, section: ElementRef, report: &Report) -> usize {
    let shown = select(section, "li.finding");
    assert_eq!(shown.len(), report.findings.len(), "{subject}: findings");
    let mut highlighted = 0;
    let mut clauses = 0;
    for (finding, element) in report.findings.iter().zip(&shown) {
        let value = element.value();
        assert_eq!(
            value.attr("data-rule"),
            Some(finding.rule.code()),
            "{subject}"
        );
        assert_eq!(value.attr("data-severity"), Some(finding.severity.as_str()));
        let message = select(*element, ".message").first().map(|m| text(*m));
        assert_eq!(
            message.as_deref(),
            Some(finding.message.as_str()),
            "{subject}"
        );
        let details = select(*element, "details.clause");
        assert_eq!(
            details.len(),
            finding.evidence.len(),
            "{subject}: {}",
            finding.rule.code()
        );
        for (evidence, clause) in finding.evidence.iter().zip(details) {
            highlighted += check_clause(subject, clause, report, evidence);
        }
        clauses += finding.evidence.len();
    }
    let groups = [Severity::Blocked, Severity::Review, Severity::Obligation];
    for severity in groups {
        let listed = select(section, &format!("ul.findings.{} > li", severity.as_str()));
        assert_eq!(
            listed.len(),
            report.findings_of(severity).len(),
            "{subject}"
        );
    }
    for term in TermName::ALL {
        let evidence = report
            .licence
            .clauses
            .get(&term)
            .cloned()
            .unwrap_or_default();
        let row = select(section, &format!("tr[data-term=\"{}\"]", term.as_str()));
        if row.is_empty() {
            assert!(
                evidence.is_empty(),
                "{subject}: term {} missing",
                term.as_str()
            );
            continue;
        }
        let details = select(row[0], "details.clause");
        assert_eq!(
            details.len(),
            evidence.len(),
            "{subject}: {}",
            term.as_str()
        );
        for (evidence, clause) in evidence.iter().zip(details) {
            highlighted += check_clause(subject, clause, report, evidence);
        }
        clauses += evidence.len();
    }
    assert_eq!(
        select(section, "details.clause").len(),
        clauses,
        "{subject}: no clause but the report's"
    );
    highlighted
}

/// One quoted clause: its place, its quote, and, where the report kept the whole text, that
/// text with the quote highlighted at exactly its offsets. Returns 1 when highlighted.
fn check_clause(subject: &str, clause: ElementRef, report: &Report, evidence: &Evidence) -> usize {
    let value = clause.value();
    assert_eq!(
        value.attr("data-document"),
        Some(evidence.document.as_str())
    );
    assert_eq!(
        value.attr("data-start"),
        Some(evidence.start.to_string().as_str())
    );
    assert_eq!(
        value.attr("data-end"),
        Some(evidence.end.to_string().as_str())
    );
    let quote = select(clause, "summary q.quote");
    assert_eq!(quote.len(), 1, "{subject}");
    assert_eq!(
        words(&text(quote[0])),
        // Control, bidi and zero-width characters are shown escaped, as in every output for people.
        escape_controls(&words(&evidence.text)),
        "{subject}: quote"
    );
    let whole = report
        .sources
        .iter()
        .find(|s| s.document == evidence.document)
        .and_then(|s| s.text())
        .filter(|t| t.get(evidence.start..evidence.end) == Some(evidence.text.as_str()));
    let pre = select(clause, "pre.fulltext");
    let Some(whole) = whole else {
        assert!(
            pre.is_empty(),
            "{subject}: a whole text the report does not hold"
        );
        assert_eq!(select(clause, "p.note").len(), 1, "{subject}: says why");
        return 0;
    };
    assert_eq!(
        pre.len(),
        1,
        "{subject}: the whole text of {}",
        evidence.document
    );
    assert_eq!(
        text(pre[0]),
        lf(whole),
        "{subject}: the whole text, byte for byte"
    );
    let marks = select(pre[0], "mark");
    assert_eq!(marks.len(), 1, "{subject}: one highlight");
    assert_eq!(
        text(marks[0]),
        lf(&evidence.text),
        "{subject}: the highlight is the quote"
    );
    let before: String = pre[0]
        .children()
        .take_while(|node| node.id() != marks[0].id())
        .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
        .collect();
    let expected_before = lf(whole.get(..evidence.start).expect("a boundary"));
    assert_eq!(
        before, expected_before,
        "{subject}: highlighted at its offset"
    );
    1
}

#[test]
fn the_catalogue_page_shows_every_finding_and_clause_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let catalogue = Catalogue::embedded().expect("catalogue");
    let ids: Vec<String> = catalogue.licences().iter().map(|l| l.id.clone()).collect();
    let highlighted = check_page(&chromium, "catalogue", &ids);
    assert!(
        highlighted > ids.len(),
        "most catalogue clauses are highlighted"
    );
}

#[test]
fn the_fixture_pages_show_every_finding_and_clause_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let dir = |rel: &str| subjects_in_dir(&common::fixture(rel)).expect("fixture folder");
    let inventory = subjects_in_inventory(
        &common::fixture("inventory/models.txt"),
        &CheckOptions::default(),
    )
    .expect("inventory");
    let pages = [
        ("models", dir("models")),
        ("adversarial", dir("adversarial")),
        ("html", dir("html")),
        ("inventory", inventory),
        ("hostile", dir("hostile")),
    ];
    for (name, subjects) in pages {
        check_page(&chromium, name, &subjects);
    }
}

/// The command line writes the page for `check` and `scan`, with the verdict's exit code.
#[test]
fn the_command_line_writes_html_pages() {
    let out = common::run(&["check", "llama-3.3", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0));
    let page = common::stdout(&out);
    assert!(
        page.starts_with("<!DOCTYPE html>\n"),
        "{}",
        &page[..100.min(page.len())]
    );
    assert!(page.contains("<mark>prominently display “Built with Llama”"));
    assert!(page.trim_end().ends_with("</html>"));

    // Carriage returns are kept as references, so the offsets hold in the browser's text.
    let out = common::run(&[
        "check",
        "fixtures/html/llama-3.3-crlf.txt",
        "--format",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let page = common::stdout(&out);
    assert!(page.contains("LLAMA 3.3 COMMUNITY LICENSE AGREEMENT**&#13;\n"));
    assert!(!page.contains('\r'));

    let inventory = common::fixture("inventory/models.txt");
    let out = common::run(&[
        "scan",
        "--inventory",
        &inventory.to_string_lossy(),
        "--format",
        "html",
    ]);
    // The inventory lists a file that is not there: exit 2, and the page says so.
    assert_eq!(out.status.code(), Some(2));
    let page = common::stdout(&out);
    assert_eq!(page.matches("<section class=\"model\"").count(), 6);
    assert!(page.contains("<strong>Could not be checked:</strong>"));
}

/// The DOM checks fail on a page whose highlight is moved or whose finding is dropped (read here
/// without a browser, so this holds wherever the tests run).
#[test]
fn the_dom_checks_catch_a_moved_highlight_and_a_missing_finding() {
    let items = common::check_subjects(&["llama-3.3".to_string()]);
    let report = items[0].result.as_ref().expect("llama-3.3 checks");
    let page = html_review(&items);
    let passes = |page: &str| {
        let page = page.to_string();
        let report = report.clone();
        std::panic::catch_unwind(move || {
            let dom = Html::parse_document(&page);
            let section = select(dom.root_element(), "section.model")[0];
            check_section("llama-3.3", section, &report);
        })
        .is_ok()
    };
    assert!(passes(&page), "the page as written");
    let moved = page.replacen("<mark>prominently", "p<mark>rominently", 1);
    assert_ne!(moved, page);
    assert!(!passes(&moved), "a highlight one character off");
    let start = page.find("<li class=\"finding\"").expect("a finding");
    let end = start + page[start..].find("</li>").expect("its end") + "</li>".len();
    let dropped = format!("{}{}", &page[..start], &page[end..]);
    assert!(!passes(&dropped), "a finding left out");
}
