//! Any bytes as a licence text: decoding, normalisation, identification, clause extraction,
//! evaluation and both renderings. Evidence must always be the text's own bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_licence::{CheckOptions, Context, Limits, Origin, check_text, text::decode_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode_text(data.to_vec(), Origin::Memory("fuzz".into()), Limits::DEFAULT) else {
        return;
    };
    let report = check_text("fuzz", &text, &Context::default_assumed(), &CheckOptions::DEFAULT_CONTEXT);
    for ev in report.findings.iter().flat_map(|f| &f.evidence) {
        if ev.document == "licence" {
            assert_eq!(text.get(ev.start..ev.end), Some(ev.text.as_str()));
        }
    }
    let _ = report.to_json();
    let _ = report.to_human(false);
});
