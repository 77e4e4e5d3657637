//! Any text as an organisation policy, then applied to a report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_licence::{CheckOptions, Context, Origin, Policy, check};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(policy) = Policy::from_toml(text, Origin::Memory("fuzz".into())) {
        let mut report = check("llama-3.3", &Context::default_assumed(), &CheckOptions::DEFAULT_CONTEXT)
            .expect("catalogue id");
        policy.apply_on(&mut report, "2026-01-01");
        let _ = policy.exit_code(&report);
    }
});
