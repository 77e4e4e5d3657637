//! Hugging Face Hub metadata: every licence id the Hub offers (`fixtures/hub-licence-ids.txt`,
//! copied from the Hub's documentation) resolves to a catalogue licence with curated terms, or
//! gives a review that names the id; never a pass, never a silent "not identified".

mod common;

use model_licence::{Catalogue, Checker, Context, ContextSource, Report, Rule, Subject, Verdict};

fn hub_ids() -> Vec<String> {
    common::read(&common::fixture("hub-licence-ids.txt"))
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.trim().to_string())
        .collect()
}

/// The report for a card whose front matter is `front` and that has no licence file.
fn card_report(front: &str) -> Report {
    let text = format!("---\n{front}\n---\n# A model\n");
    Checker::new()
        .with_context_source(ContextSource::Default)
        .check(&Subject::CardText(text), &Context::default_assumed())
        .expect("the card parses")
}

#[test]
fn every_hub_licence_id_resolves_or_asks_for_review_naming_it() {
    let ids = hub_ids();
    assert!(ids.len() >= 80, "only {} ids", ids.len());
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    let mut resolved = 0;
    for id in &ids {
        let report = card_report(&format!("license: {id}"));
        match catalogue.resolve_hub_id(id) {
            Some(licence) => {
                resolved += 1;
                assert_eq!(
                    report.licence.id.as_deref(),
                    Some(licence.id.as_str()),
                    "{id}"
                );
            }
            None => {
                assert_eq!(report.verdict, Verdict::NeedsReview, "{id}");
                let named = report.findings.iter().any(|f| {
                    f.rule == Rule::UnknownLicence && f.message.contains(&format!("`{id}`"))
                });
                assert!(named, "{id}: no unknown-licence review naming it");
            }
        }
    }
    // Raise this as licences are added; it may never fall.
    assert!(resolved >= 38, "only {resolved} Hub ids resolve");
}

#[test]
fn hub_ids_added_for_the_hub_resolve_to_their_licence() {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    for (hub_id, licence) in [
        ("cc0-1.0", "cc0-1.0"),
        ("bsd-2-clause", "bsd-2-clause"),
        ("gpl-3.0", "gpl-3.0"),
        ("cc-by-nd-4.0", "cc-by-nd-4.0"),
        ("cc-by-nc-nd-4.0", "cc-by-nc-nd-4.0"),
        ("c-uda", "c-uda-1.0"),
        ("gpl-2.0", "gpl-2.0"),
        ("lgpl-2.1", "lgpl-2.1"),
        ("agpl-3.0", "agpl-3.0"),
        ("isc", "isc"),
        ("zlib", "zlib"),
        ("bsl-1.0", "bsl-1.0"),
        ("postgresql", "postgresql"),
        ("bsd-3-clause-clear", "bsd-3-clause-clear"),
        ("apple-amlr", "apple-amlr"),
        ("apple-ascl", "apple-ascl"),
        ("deepfloyd-if-license", "deepfloyd-if"),
        ("cdla-permissive-2.0", "cdla-permissive-2.0"),
        ("ms-pl", "ms-pl"),
        ("openmdw-1.0", "openmdw-1.0"),
        ("openmdw-1.1", "openmdw-1.1"),
    ] {
        let found = catalogue.resolve_hub_id(hub_id).map(|l| l.id.as_str());
        assert_eq!(found, Some(licence), "{hub_id}");
    }
}

/// Families and unversioned ids name no one text: they must never pick one silently.
#[test]
fn family_ids_do_not_resolve_to_one_licence() {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    for family in [
        "bsd", "cc", "gpl", "lgpl", "gfdl", "openrail", "other", "unknown",
    ] {
        assert!(
            catalogue.resolve_hub_id(family).is_none(),
            "{family} resolved to one licence"
        );
    }
}

#[test]
fn a_non_commercial_no_derivatives_card_is_blocked_for_a_commercial_product() {
    let report = card_report("license: cc-by-nc-nd-4.0");
    assert_eq!(report.licence.id.as_deref(), Some("cc-by-nc-nd-4.0"));
    assert_eq!(report.verdict, Verdict::Blocked);
}

/// `licence:` (British spelling) is read as `license:`, and the report says the card spelled it so.
#[test]
fn a_card_spelling_licence_the_british_way_is_read() {
    let report = card_report("licence: cc-by-nc-nd-4.0");
    assert_eq!(report.licence.id.as_deref(), Some("cc-by-nc-nd-4.0"));
    assert_eq!(report.verdict, Verdict::Blocked);
    assert!(
        report.notes.iter().any(|n| n.contains("`licence:`")),
        "{:?}",
        report.notes
    );
}

/// The GPL-3.0 text in the fixtures (once the example of an unknown licence) is now the catalogue's.
#[test]
fn the_gpl_text_is_identified() {
    let text = common::read(&common::fixture("texts/gpl-3.0.txt"));
    let found = model_licence::identify_text(
        Catalogue::embedded().expect("the embedded catalogue loads"),
        &text,
    );
    assert_eq!(found.licence.map(|l| l.id.as_str()), Some("gpl-3.0"));
}

/// Apple's research licence: non-commercial, so a commercial product is blocked.
#[test]
fn an_apple_research_model_is_blocked_for_a_commercial_product() {
    let report = card_report("license: apple-amlr");
    assert_eq!(report.licence.id.as_deref(), Some("apple-amlr"));
    assert_eq!(report.verdict, Verdict::Blocked);
}

/// `licences/SOURCES.tsv` records where each text added for the Hub came from: every row names a
/// catalogue licence, its source as `terms.json` has it, and the length of its text.
#[test]
fn sources_record_the_texts_as_they_are() {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    let sources = common::read(&common::root().join("licences/SOURCES.tsv"));
    let mut rows = 0;
    for line in sources.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let licence = catalogue
            .get(cells[0])
            .unwrap_or_else(|| panic!("{}: no such licence", cells[0]));
        assert_eq!(licence.name, cells[1], "{}", cells[0]);
        assert_eq!(licence.source.repo, cells[2], "{}", cells[0]);
        assert_eq!(licence.source.path, cells[3], "{}", cells[0]);
        assert_eq!(
            licence.source.commit.as_deref().unwrap_or(""),
            cells[4],
            "{}",
            cells[0]
        );
        assert_eq!(
            licence.text.chars().count().to_string(),
            cells[5],
            "{}",
            cells[0]
        );
        rows += 1;
    }
    assert!(rows >= 17, "{rows} rows");
}

/// On the Hub `license_name: qwen` is the 2024 Qwen licence (Qwen2.5-72B), whose text the
/// catalogue does not hold: it must not be read as the catalogue's `qwen` (the 2023 Tongyi
/// Qianwen text), and it never passes. `qwen-research` is its own licence.
#[test]
fn the_hubs_qwen_licence_is_kept_apart_from_the_catalogues_qwen() {
    let qwen = card_report("license: other\nlicense_name: qwen");
    assert_eq!(qwen.licence.id, None);
    assert_eq!(qwen.verdict, Verdict::NeedsReview);
    assert!(
        qwen.findings
            .iter()
            .any(|f| f.rule == Rule::UnknownLicence && f.message.contains("`qwen`"))
    );
    let research = card_report("license: other\nlicense_name: qwen-research");
    assert_eq!(research.licence.id.as_deref(), Some("qwen-research"));
}

/// OpenMDW 1.1 is its own text (copyright joins patent in the litigation clause), read with the
/// same permissive terms as 1.0: a card declaring it gets it, with the verdict 1.0 gets.
#[test]
fn an_openmdw_1_1_card_is_read_as_its_own_version() {
    let newer = card_report("license: openmdw-1.1");
    let older = card_report("license: openmdw-1.0");
    assert_eq!(newer.licence.id.as_deref(), Some("openmdw-1.1"));
    assert_eq!(older.licence.id.as_deref(), Some("openmdw-1.0"));
    assert_ne!(newer.verdict, Verdict::Blocked);
    assert_eq!(newer.verdict, older.verdict);
}
