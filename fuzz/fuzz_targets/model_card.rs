//! Any text as a model card: front matter, lineage resolution, the card's evidence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_licence::{Catalogue, Origin, lineage, metadata};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(Some(card)) = metadata::parse_card(text, &Origin::Memory("fuzz".into())) {
        if let Some(ev) = &card.license_evidence {
            assert_eq!(text.get(ev.start..ev.end), Some(ev.text.as_str()));
        }
        let catalogue = Catalogue::embedded().expect("catalogue");
        let _ = lineage::resolve(&card, catalogue, &lineage::ModelIndex::new());
    }
});
