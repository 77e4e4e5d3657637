//! Any text as a Hugging Face API model JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_licence::{Catalogue, Origin, lineage, metadata};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(card) = metadata::parse_api_json(text, &Origin::Memory("fuzz".into())) {
        let catalogue = Catalogue::embedded().expect("catalogue");
        let _ = metadata::declared_licence(&card, catalogue);
        let _ = lineage::resolve(&card, catalogue, &lineage::ModelIndex::new());
    }
});
