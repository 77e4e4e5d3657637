//! Fixed workloads for an instruction counter, where wall time is too noisy (a shared machine):
//!
//! ```text
//! cargo bench --bench instructions --no-run
//! valgrind --tool=callgrind --toggle-collect='*instructions*measured*' \
//!     target/release/deps/instructions-HASH extract
//! ```
//!
//! Callgrind counts only what `measured` runs: the workload after warm-up runs (which compile
//! the phrasings, and the engines a process compiles once it has used a phrasing enough), so
//! that the count is the same from run to run. Workloads: `extract`
//! (clause extraction of the 37 KB of the `extract_terms` criterion bench, 10 times) and
//! `check-llama-file` (a warm check of Llama 3.3's text, 10 times). `dump FILE...` prints what
//! is read from each file instead, to compare two builds; `repeat N` times the `extract`
//! workload's extraction N times (300 by default) and prints the fastest, median and mean run.

use model_licence::{Catalogue, Checker, Context, Subject};
use std::hint::black_box;

/// The text of the `extract_terms` criterion bench: Llama 3.3 with its policy, Gemma and
/// Stability.
fn extraction_text() -> String {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    ["llama-3.3", "gemma", "stability-community"]
        .iter()
        .flat_map(|id| {
            let l = catalogue.get(id).expect("catalogue id");
            [l.text, l.policy_text.unwrap_or("")]
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[inline(never)]
fn measured(work: &dyn Fn()) {
    for _ in 0..10 {
        work();
    }
}

/// Prints what the library reads from each file named: the extracted terms and the report of a
/// check of the text, so that two builds can be compared (`diff`) on every text of the
/// repository.
fn dump(paths: impl Iterator<Item = String>) {
    let checker = Checker::new();
    let context = Context::default_assumed();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        println!("== {path}\n{:#?}", model_licence::extract_terms(&text));
        let subject = Subject::LicenceText(text);
        match checker.check(&subject, &context) {
            Ok(report) => println!("{}", report.to_json()),
            Err(e) => println!("error: {e}"),
        }
    }
}

/// Times a check of each file named, as a text in memory (no size limit), and prints the
/// verdict: for hostile inputs too large for a criterion loop.
fn time(paths: impl Iterator<Item = String>) {
    let checker = Checker::new();
    let context = Context::default_assumed();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let started = std::time::Instant::now();
        let extracted = model_licence::extract_terms(&text);
        let extraction = started.elapsed();
        let report = checker.check(&Subject::LicenceText(text), &context);
        let verdict = report.map(|r| format!("{:?}", r.verdict));
        println!(
            "{path}: extraction {:.3} s, check {:.3} s in all, {} terms found, {verdict:?}",
            extraction.as_secs_f64(),
            started.elapsed().as_secs_f64(),
            extracted.found.len()
        );
    }
}

/// Times the extraction of the `extract` workload `runs` times and prints the fastest run, the
/// median and the mean: on a shared machine the fastest is the least disturbed.
fn repeat(runs: usize) {
    let text = extraction_text();
    for _ in 0..WARM_UP_RUNS {
        black_box(model_licence::extract_terms(&text));
    }
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let started = std::time::Instant::now();
            black_box(model_licence::extract_terms(black_box(&text)));
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "extraction of {} KB, {} runs: fastest {:.3} ms, median {:.3} ms, mean {:.3} ms",
        text.len() / 1024,
        times.len(),
        times[0],
        times[times.len() / 2],
        mean
    );
}

fn main() {
    let Some(workload) = std::env::args().nth(1).filter(|a| !a.starts_with('-')) else {
        // `cargo bench` runs every bench target with `--bench`: nothing to count then.
        return;
    };
    if workload == "dump" {
        return dump(std::env::args().skip(2));
    }
    if workload == "time" {
        return time(std::env::args().skip(2));
    }
    if workload == "repeat" {
        return repeat(
            std::env::args()
                .nth(2)
                .and_then(|n| n.parse().ok())
                .unwrap_or(300),
        );
    }
    let work: Box<dyn Fn()> = match workload.as_str() {
        "extract" => {
            let text = extraction_text();
            Box::new(move || {
                black_box(model_licence::extract_terms(black_box(&text)));
            })
        }
        "check-llama-file" => {
            let text = Catalogue::embedded()
                .expect("catalogue loads")
                .get("llama-3.3")
                .expect("llama-3.3")
                .text;
            let subject = Subject::LicenceText(text.to_string());
            let checker = Checker::new();
            let context = Context::default_assumed();
            Box::new(move || {
                black_box(
                    checker
                        .check(black_box(&subject), &context)
                        .expect("checks"),
                );
            })
        }
        other => panic!("unknown workload `{other}` (extract, check-llama-file)"),
    };
    // Warm as a long-running process is: the phrasings compiled, and the engines compiled once
    // a process has used a phrasing enough (see `Union` in src/extract/phrases.rs).
    for _ in 0..WARM_UP_RUNS {
        work();
    }
    measured(&*work);
}

/// The runs before the measured ones: enough that no engine is still compiled in them (after
/// 30, one still was in session 22, 8% of the count).
const WARM_UP_RUNS: usize = 100;
