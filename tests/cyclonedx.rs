//! CycloneDX 1.6: the BOM written for the catalogue and the fixtures validates against the
//! official JSON schema (vendored in `tests/schemas/cyclonedx/`, with the SPDX and JSF schemas
//! it references, nothing fetched), says what the reports say, and a BOM reads back as a `scan`
//! inventory.

mod common;

use model_licence::batch::subjects_in_dir;
use model_licence::render::cyclonedx_bom;
use model_licence::{Catalogue, Report};
use serde_json::Value;

const SCHEMA_DIR: &str = "tests/schemas/cyclonedx";

/// The CycloneDX 1.6 schema with its references served from the vendored files.
fn validator() -> jsonschema::Validator {
    let load = |file: &str| -> Value {
        let path = common::root().join(SCHEMA_DIR).join(file);
        serde_json::from_str(&common::read(&path)).expect("a schema is JSON")
    };
    let bom = load("bom-1.6.SNAPSHOT.schema.json");
    let registry = jsonschema::Registry::new()
        .add(
            "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json",
            load("spdx.SNAPSHOT.schema.json"),
        )
        .and_then(|r| {
            r.add(
                "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json",
                load("jsf-0.82.SNAPSHOT.schema.json"),
            )
        })
        .and_then(|r| r.prepare())
        .expect("the referenced schemas load");
    jsonschema::options()
        .offline()
        .with_registry(&registry)
        .build(&bom)
        .expect("the schema compiles")
}

/// The schema's verdict on a BOM, plus what the vendored copy relaxed from the published one
/// (`$schema` pinned, `version` required).
fn assert_valid(name: &str, validator: &jsonschema::Validator, bom: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(bom)
        .take(20)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    assert_eq!(
        bom["$schema"],
        "http://cyclonedx.org/schema/bom-1.6.schema.json"
    );
    assert_eq!(bom["specVersion"], "1.6");
    assert_eq!(bom["version"], 1);
}

/// The values of one property of a component, in order.
fn property<'a>(component: &'a Value, name: &str) -> Vec<&'a str> {
    component["properties"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["name"] == name)
        .filter_map(|p| p["value"].as_str())
        .collect()
}

/// A component says what its report says: the verdict, the licence, every term, every finding.
fn assert_component_matches(component: &Value, report: &Report) {
    let subject = &report.subject;
    assert_eq!(component["type"], "machine-learning-model", "{subject}");
    assert_eq!(
        property(component, "model-licence:verdict"),
        [report.verdict.as_str()],
        "{subject}"
    );
    assert_eq!(
        property(component, "model-licence:subject"),
        [subject.as_str()]
    );
    let terms = serde_json::to_value(&report.licence.terms).expect("terms serialise");
    assert_eq!(
        property(component, "model-licence:terms:commercial_use"),
        [terms["commercial_use"].as_str().expect("a string")],
        "{subject}"
    );
    assert_eq!(
        property(component, "model-licence:terms:derivatives:redistribution"),
        [terms["derivatives"]["redistribution"]
            .as_str()
            .expect("a string")],
        "{subject}"
    );
    let findings: usize = component["properties"]
        .as_array()
        .expect("properties")
        .iter()
        .filter(|p| {
            p["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("model-licence:finding:"))
        })
        .count();
    assert_eq!(findings, report.findings.len(), "{subject}: every finding");
    for finding in &report.findings {
        let name = format!(
            "model-licence:finding:{}:{}",
            finding.severity.as_str(),
            finding.rule.code()
        );
        assert!(
            property(component, &name).contains(&finding.message.as_str()),
            "{subject}: {name}"
        );
    }
    let lineage = report.lineage.as_deref().unwrap_or_default();
    let ancestors = component["pedigree"]["ancestors"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(ancestors, lineage.len(), "{subject}: one ancestor per base");
}

#[test]
fn the_catalogue_bom_validates_and_carries_each_licence() {
    let validator = validator();
    let catalogue = Catalogue::embedded().expect("catalogue");
    let ids: Vec<String> = catalogue.licences().iter().map(|l| l.id.clone()).collect();
    let items = common::check_subjects(&ids);
    let bom = cyclonedx_bom(&items);
    assert_valid("catalogue", &validator, &bom);
    let components = bom["components"].as_array().expect("components");
    assert_eq!(components.len(), ids.len());
    for (item, component) in items.iter().zip(components) {
        let report = item.result.as_ref().expect("a catalogue id checks");
        assert_component_matches(component, report);
        let licence = catalogue.get(&item.subject).expect("listed");
        let entry = &component["licenses"][0]["license"];
        assert_eq!(entry["acknowledgement"], "concluded", "{}", licence.id);
        if licence.spdx.starts_with("LicenseRef-") {
            // Not an SPDX licence: named by its reference, with its whole text.
            assert_eq!(entry["name"], licence.spdx.as_str());
            assert_eq!(entry["text"]["content"], licence.text, "{}", licence.id);
        } else {
            assert_eq!(entry["id"], licence.spdx.as_str());
            assert!(entry.get("text").is_none());
        }
    }
}

#[test]
fn the_fixture_boms_validate_and_link_models_to_their_bases() {
    let validator = validator();
    let mut with_lineage = 0;
    for folder in [
        "models",
        "adversarial-models",
        "adversarial",
        "hostile",
        "html",
    ] {
        let subjects = subjects_in_dir(&common::fixture(folder)).expect("fixture folder");
        let items = common::check_subjects(&subjects);
        let bom = cyclonedx_bom(&items);
        assert_valid(folder, &validator, &bom);
        let components = bom["components"].as_array().expect("components");
        assert_eq!(components.len(), items.len(), "{folder}: every subject");
        let dependencies = bom["dependencies"].as_array().expect("dependencies");
        for (item, component) in items.iter().zip(components) {
            let Ok(report) = &item.result else {
                assert_eq!(property(component, "model-licence:verdict"), ["error"]);
                continue;
            };
            assert_component_matches(component, report);
            let Some(nearest) = report.lineage.as_deref().and_then(|l| l.first()) else {
                continue;
            };
            with_lineage += 1;
            // The model depends on its nearest base, which is its first ancestor.
            let own = component["bom-ref"].as_str().expect("a bom-ref");
            let edge = dependencies
                .iter()
                .find(|d| d["ref"] == own)
                .unwrap_or_else(|| panic!("{}: no dependency entry", item.subject));
            let base = &component["pedigree"]["ancestors"][0];
            assert_eq!(edge["dependsOn"][0], base["bom-ref"], "{}", item.subject);
            assert_eq!(base["name"], nearest.model.as_str());
        }
    }
    assert!(
        with_lineage > 20,
        "the fixtures hold derived models: {with_lineage}"
    );
}

#[test]
fn the_bom_is_reproducible_and_its_serial_number_follows_its_content() {
    let subjects: Vec<String> = [
        "llama-3.3",
        "fixtures/models/folders/meta-llama__Llama-3.2-1B-Instruct",
    ]
    .iter()
    .map(|s| common::root().join(s).to_string_lossy().into_owned())
    .collect();
    let first = cyclonedx_bom(&common::check_subjects(&subjects));
    let again = cyclonedx_bom(&common::check_subjects(&subjects));
    assert_eq!(first, again, "the same reports, the same BOM");
    assert!(
        first
            .get("metadata")
            .and_then(|m| m.get("timestamp"))
            .is_none()
    );
    let serial = first["serialNumber"].as_str().expect("a serial number");
    assert!(serial.starts_with("urn:uuid:"), "{serial}");
    let fewer = cyclonedx_bom(&common::check_subjects(&subjects[..1]));
    assert_ne!(fewer["serialNumber"], first["serialNumber"]);
}

#[test]
fn a_cyclonedx_bom_is_a_scan_inventory_of_its_model_components() {
    let out = common::run(&[
        "scan",
        "--inventory",
        "fixtures/inventory/models.cdx.json",
        "--format",
        "json",
    ]);
    let reports = common::json(&out);
    let outcome: Vec<(&str, &str)> = reports
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            let subject = r["subject"].as_str().unwrap_or_default();
            let verdict = r["verdict"].as_str().unwrap_or("error");
            (subject, verdict)
        })
        .collect();
    assert_eq!(
        outcome,
        [
            (
                "meta-llama/Llama-3.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659",
                "permitted_with_obligations"
            ),
            ("google/gemma-2-9b-it", "permitted_with_obligations"),
            ("black-forest-labs/FLUX.1-dev", "blocked"),
            ("acme-corp/acme-embedder-v2", "error"),
        ],
        "{reports:#}"
    );
    // FLUX.1-dev is non-commercial (blocked, exit 1), which outranks the unknown model (2).
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_bom_model_without_a_model_id_stops_the_scan_naming_it() {
    let out = common::run(&[
        "scan",
        "--inventory",
        "fixtures/inventory/no-model-id.cdx.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr(&out);
    assert!(err.contains("no-model-id.cdx.json"), "{err}");
    assert!(
        err.contains("`in-house-ranker` (bom-ref `ranker`)"),
        "{err}"
    );
    assert!(common::stdout(&out).is_empty());
}

/// A BOM this tool wrote reads back as an inventory of the same models, with the same verdicts.
#[test]
fn a_written_bom_reads_back_as_the_same_inventory() {
    let out = common::run(&[
        "scan",
        "--inventory",
        "fixtures/inventory/models.cdx.json",
        "--format",
        "cyclonedx",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let written = common::stdout(&out);
    assert_valid(
        "written",
        &validator(),
        &serde_json::from_str(&written).expect("JSON"),
    );
    let dir = std::env::temp_dir().join(format!("model-licence-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join("written.cdx.json");
    std::fs::write(&path, &written).expect("written");
    let again = common::run(&[
        "scan",
        "--inventory",
        &path.to_string_lossy(),
        "--format",
        "cyclonedx",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(again.status.code(), Some(1));
    let read_back: Value = serde_json::from_str(&common::stdout(&again)).expect("JSON");
    let first: Value = serde_json::from_str(&written).expect("JSON");
    let summary = |bom: &Value| -> Vec<(String, String)> {
        bom["components"]
            .as_array()
            .expect("components")
            .iter()
            .map(|c| {
                let verdict = property(c, "model-licence:verdict").join("");
                (c["purl"].as_str().unwrap_or_default().to_string(), verdict)
            })
            .collect()
    };
    assert_eq!(summary(&read_back), summary(&first));
}

/// The schema is not a formality: a licence reference passed off as an SPDX id, an unknown
/// component type or a malformed serial number fails it.
#[test]
fn the_schema_rejects_a_broken_bom() {
    let validator = validator();
    let bom = cyclonedx_bom(&common::check_subjects(&["llama-3.3".to_string()]));
    assert!(validator.is_valid(&bom));
    let mut spdx_id = bom.clone();
    spdx_id["components"][0]["licenses"][0]["license"] =
        serde_json::json!({ "id": "LicenseRef-llama-3.3" });
    assert!(!validator.is_valid(&spdx_id), "LicenseRef is no SPDX id");
    let mut kind = bom.clone();
    kind["components"][0]["type"] = "model".into();
    assert!(!validator.is_valid(&kind), "an unknown component type");
    let mut serial = bom;
    serial["serialNumber"] = "urn:uuid:not-a-uuid".into();
    assert!(!validator.is_valid(&serial), "a malformed serial number");
}
