//! Speed of the checker: identification + terms + evaluation of every catalogue text (the exact
//! path), the fuzzy path on an edited copy, and evaluation alone.
//!
//! `cargo bench` runs it; the numbers go in the closing notes and the README.

use criterion::{Criterion, criterion_group, criterion_main};
use model_licence::{Catalogue, CheckOptions, Context, check_text, evaluate, identify_text};
use std::hint::black_box;

fn catalogue_texts(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let context = Context::default_assumed();
    let options = CheckOptions::DEFAULT_CONTEXT;
    // Warm the matching index once, as a long-running process would.
    identify_text(catalogue, "warm up");
    let mut group = c.benchmark_group("check_text");
    for licence in catalogue.licences() {
        group.bench_function(&licence.id, |b| {
            b.iter(|| check_text(&licence.id, black_box(licence.text), &context, &options))
        });
    }
    group.finish();
}

fn fuzzy(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let context = Context::default_assumed();
    let options = CheckOptions::DEFAULT_CONTEXT;
    let llama = catalogue.get("llama-3.3").expect("llama-3.3").text;
    let edited = llama.replace("greater than 700 million", "greater than 70 million");
    check_text("warm", &edited, &context, &options);
    c.bench_function("check_text/llama-3.3 edited (fuzzy path)", |b| {
        b.iter(|| check_text("edited", black_box(&edited), &context, &options))
    });
}

fn evaluation(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    let context = Context::default_assumed();
    let terms = &catalogue.get("llama-3.3").expect("llama-3.3").terms;
    c.bench_function("evaluate/llama-3.3", |b| {
        b.iter(|| evaluate(black_box(terms), &context))
    });
}

fn extraction(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("catalogue loads");
    // About 30 KB of real licence text: Llama 3.3 with its policy, Gemma and Stability.
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
    let unknown = std::fs::read_to_string("fixtures/unseen/dbrx/LICENSE.txt").expect("fixture");
    let context = Context::default_assumed();
    c.bench_function("check_text/unknown licence (dbrx)", |b| {
        b.iter(|| {
            check_text(
                "dbrx",
                black_box(&unknown),
                &context,
                &CheckOptions::DEFAULT_CONTEXT,
            )
        })
    });
}

criterion_group!(benches, catalogue_texts, fuzzy, evaluation, extraction);
criterion_main!(benches);
