//! Speed of the checker: identification + terms + evaluation of every catalogue text (the exact
//! path), the fuzzy path on an edited copy, evaluation alone, clause extraction, and the command
//! line as a process (`process/`).
//!
//! `cargo bench` runs it; the numbers go in the closing notes and the README.

use criterion::{Criterion, criterion_group, criterion_main};
use model_licence::{Catalogue, Checker, Context, Report, Subject, evaluate, identify_text};
use rayon::prelude::*;
use std::hint::black_box;

#[path = "../tests/common/repeated.rs"]
mod repeated;

use repeated::Outcome;

/// Checks a licence text held in memory on the default context.
fn check_text(checker: &Checker, text: &Subject, context: &Context) -> Report {
    checker
        .check(text, context)
        .expect("a text in memory is checked")
}

fn catalogue_texts(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let context = Context::default_assumed();
    let checker = Checker::new();
    // Warm the matching index once, as a long-running process would.
    identify_text(catalogue, "warm up");
    let mut group = c.benchmark_group("check_text");
    for licence in catalogue.licences() {
        let text = Subject::LicenceText(licence.text.to_string());
        group.bench_function(&licence.id, |b| {
            b.iter(|| check_text(&checker, black_box(&text), &context))
        });
    }
    group.finish();
}

fn fuzzy(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let context = Context::default_assumed();
    let checker = Checker::new();
    let llama = catalogue.get("llama-3.3").expect("llama-3.3").text;
    let edited = llama.replace("greater than 700 million", "greater than 70 million");
    let edited = Subject::LicenceText(edited);
    check_text(&checker, &edited, &context);
    c.bench_function("check_text/llama-3.3 edited (fuzzy path)", |b| {
        b.iter(|| check_text(&checker, black_box(&edited), &context))
    });
}

fn evaluation(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let context = Context::default_assumed();
    let terms = &catalogue.get("llama-3.3").expect("llama-3.3").terms();
    c.bench_function("evaluate/llama-3.3", |b| {
        b.iter(|| evaluate(black_box(terms), &context))
    });
}

fn extraction(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    // 37 KB of real licence text: Llama 3.3 with its policy, Gemma and Stability.
    let text: String = ["llama-3.3", "gemma", "stability-community"]
        .iter()
        .flat_map(|id| {
            let l = catalogue.get(id).expect("catalogue id");
            [l.text, l.policy_text.unwrap_or("")]
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    model_licence::extract_terms("warm up the patterns");
    c.bench_function(&format!("extract_terms/{} KB", text.len() / 1024), |b| {
        b.iter(|| model_licence::extract_terms(black_box(&text)))
    });
    // The same text cut to 30 KB (at the first line break past 30 KiB): the size the
    // extraction's bar (under 1 ms) is set for.
    let cut = text
        .match_indices('\n')
        .map(|(at, _)| at)
        .find(|&at| at >= 30 * 1024)
        .unwrap_or(text.len());
    let thirty = &text[..cut];
    c.bench_function(&format!("extract_terms/{} KB", thirty.len() / 1024), |b| {
        b.iter(|| model_licence::extract_terms(black_box(thirty)))
    });
    let unknown = std::fs::read_to_string("fixtures/unseen/dbrx/LICENSE.txt").expect("fixture");
    let unknown = Subject::LicenceText(unknown);
    let context = Context::default_assumed();
    let checker = Checker::new();
    c.bench_function("check_text/unknown licence (dbrx)", |b| {
        b.iter(|| check_text(&checker, black_box(&unknown), &context))
    });
}

/// A model card as the Hub has them: a fine-tune of Llama 3.1 relabelled MIT.
const CARD: &str = "---\nlicense: mit\nbase_model: meta-llama/Llama-3.1-8B-Instruct\nbase_model_relation: finetune\ntags:\n- text-generation\n- llama\npipeline_tag: text-generation\n---\n# Support model\n\nA fine-tune for support tickets.\n";

fn model_cards(c: &mut Criterion) {
    let checker = Checker::new();
    let card = Subject::CardText(CARD.to_string());
    let context = Context::default_assumed();
    c.bench_function("card/check in memory (parse, lineage, evaluation)", |b| {
        b.iter(|| checker.check(black_box(&card), &context).expect("checks"))
    });

    // A folder of 1,000 model folders (card + nothing else), checked one by one.
    let dir = std::env::temp_dir().join(format!("model-licence-bench-{}", std::process::id()));
    for i in 0..1000 {
        let model = dir.join(format!("example__support-model-{i}"));
        std::fs::create_dir_all(&model).expect("temp dir");
        std::fs::write(model.join("README.md"), CARD).expect("write card");
    }
    let mut group = c.benchmark_group("folder");
    group.sample_size(10);
    group.bench_function("1000 model folders", |b| {
        b.iter(|| {
            for entry in std::fs::read_dir(&dir).expect("temp dir").flatten() {
                let path = entry.path();
                let report = checker
                    .check(&Subject::Path(path), &context)
                    .expect("checks");
                black_box(report.verdict);
            }
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// `scan` over 10,000 model cards made from the fixtures' cards (each copied under a new name),
/// checked in parallel as `scan` checks them.
fn scan_inventory(c: &mut Criterion) {
    let fixtures = std::path::Path::new("fixtures/models");
    let cards: Vec<String> = std::fs::read_dir(fixtures)
        .expect("fixtures/models")
        .flatten()
        .map(|e| e.path().join("README.md"))
        .filter(|p| p.is_file())
        .map(|p| std::fs::read_to_string(p).expect("card"))
        .collect();
    assert!(!cards.is_empty(), "no fixture cards");
    let dir = std::env::temp_dir().join(format!("model-licence-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut subjects = Vec::new();
    for i in 0..10_000 {
        let path = dir.join(format!("example__model-{i:05}.md"));
        std::fs::write(&path, &cards[i % cards.len()]).expect("write card");
        subjects.push(Subject::Path(path));
    }
    let context = Context::default_assumed();
    let checker = Checker::new();
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    group.bench_function("10000 model cards", |b| {
        b.iter(|| {
            let blocked = subjects
                .par_iter()
                .filter(|subject| {
                    checker
                        .check(subject, &context)
                        .is_ok_and(|report| report.exit_code() == 1)
                })
                .count();
            black_box(blocked)
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The binary the process benches run: the one cargo built for this bench, or the one
/// `MODEL_LICENCE_BENCH_BIN` names (to time the static build of `cargo build-static` the same way).
fn binary_under_test() -> String {
    std::env::var("MODEL_LICENCE_BENCH_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_model-licence").to_string())
}

/// The command line as a user runs it: a fresh process per check, so start-up (loading the
/// catalogue, preparing identification, compiling the clause rules when a text needs reading)
/// counts. Exit codes differ by verdict; only a crash would fail the bench.
fn process(c: &mut Criterion) {
    let binary = binary_under_test();
    let mut group = c.benchmark_group("process");
    group.sample_size(30);
    for (name, subject) in [
        ("check llama", "llama"),
        ("check catalogue file", "licences/llama-3.3/LICENSE.txt"),
        (
            "check edited file",
            "fixtures/modified/llama-3.3-70-million.md",
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let output = std::process::Command::new(&binary)
                    .args(["check", subject])
                    .output()
                    .expect("the binary runs");
                assert!(output.status.code().is_some(), "{name}: killed by a signal");
                black_box(output.stdout.len())
            })
        });
    }
    group.finish();
}

/// The worst case the issue names: 10 MiB on one line, no full stops, repeated clause fragments.
/// Then every shape of `fixtures/hostile/repeated/shapes.tsv` at 10 MiB (the default input
/// limit), checked as the command line checks a file: a fresh process each time, whose exit code
/// must be the manifest's.
fn adversarial(c: &mut Criterion) {
    let fragment = "greater than 700 million monthly active users you must request a license from Meta NON-COMMERCIAL PURPOSES ONLY excluding the European Union prominently display \"Built with Llama\" on a related website ";
    let mut text = fragment.repeat(10 * 1024 * 1024 / fragment.len());
    text.truncate(10 * 1024 * 1024 - 1);
    let text = Subject::LicenceText(text);
    let context = Context::default_assumed();
    let checker = Checker::new();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    group.bench_function("10 MiB, one line, clause fragments", |b| {
        b.iter(|| check_text(&checker, black_box(&text), &context))
    });
    let binary = binary_under_test();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("model-licence-hostile-{}", std::process::id()));
    group.warm_up_time(std::time::Duration::from_secs(1));
    for shape in repeated::shapes(root) {
        let path = shape.write(&dir, 10 * 1024 * 1024);
        let expected = match &shape.outcome {
            Outcome::Report { exit, .. } => *exit,
            Outcome::Error(_) => 2,
        };
        group.bench_function(format!("10 MiB file, {}", shape.name), |b| {
            b.iter(|| {
                let output = std::process::Command::new(&binary)
                    .arg("check")
                    .arg(&path)
                    .output()
                    .expect("the binary runs");
                assert_eq!(output.status.code(), Some(expected), "{}", shape.name);
                black_box(output.stdout.len())
            })
        });
        let _ = std::fs::remove_file(&path);
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(
    benches,
    adversarial,
    catalogue_texts,
    fuzzy,
    evaluation,
    extraction,
    model_cards,
    scan_inventory,
    process
);
criterion_main!(benches);
