//! Any text as a declared licence (`license:` of a card): Hub ids and SPDX expressions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_licence::{Catalogue, metadata};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let card = metadata::ModelCard {
        license: Some(text.to_string()),
        license_name: Some(text.chars().rev().collect()),
        ..metadata::ModelCard::default()
    };
    let _ = metadata::declared_licence(&card, Catalogue::embedded().expect("catalogue"));
});
