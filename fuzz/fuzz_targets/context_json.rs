//! Any text as a deployment context, then evaluated against every catalogue licence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_licence::{Catalogue, Context, Origin, evaluate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(context) = Context::from_json(text, Origin::Memory("fuzz".into())) {
        for licence in Catalogue::embedded().expect("catalogue").licences() {
            let _ = evaluate(&licence.terms, &context);
        }
    }
});
