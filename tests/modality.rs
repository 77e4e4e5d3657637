//! The model's modality decides multimodal-only territory exclusions (Llama 3.2 and 4 grant EU
//! licensees no rights for multimodal models). Each row of `fixtures/modality/EXPECTED.tsv` is
//! a subject (a catalogue id, or a model under `fixtures/modality/`), the fact flags, and the
//! verdict and worst `territory` severity the binary must give.

mod common;

const SEVERITY_ORDER: [&str; 4] = ["blocked", "review", "obligation", "info"];

/// The worst severity among findings of one rule, counting `missing-fact` findings it needs.
fn worst(report: &serde_json::Value, rule: &str) -> Option<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule || f["needed_by"] == rule)
        .filter_map(|f| f["severity"].as_str())
        .min_by_key(|s| SEVERITY_ORDER.iter().position(|o| o == s))
        .map(str::to_string)
}

#[test]
fn territory_follows_the_models_modality() {
    let dir = common::fixture("modality");
    let table = common::read(&dir.join("EXPECTED.tsv"));
    let mut rows = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [subject, flags, verdict, territory, why] = cols[..] else {
            panic!("a row has five columns: {line}");
        };
        let path = dir.join(subject);
        let target = if path.exists() {
            path.display().to_string()
        } else {
            subject.to_string()
        };
        let mut args = vec!["check", target.as_str(), "--format", "json"];
        args.extend(flags.split_whitespace());
        let out = common::run(&args);
        let report = common::json(&out);
        assert_eq!(report["verdict"], verdict, "{subject} {flags} ({why})");
        assert_eq!(
            worst(&report, "territory").as_deref(),
            Some(territory),
            "{subject} {flags} ({why})"
        );
        if territory == "review" {
            let said = report["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .any(|f| {
                    f["rule"] == "territory"
                        && f["message"]
                            .as_str()
                            .is_some_and(|m| m.contains("applies if the model is multimodal"))
                });
            assert!(said, "{subject}: the review names the condition");
        }
        rows += 1;
    }
    assert!(rows >= 15, "only {rows} rows");
}

/// The issue's own example: a Llama 4 check for a German company is blocked, and the finding
/// quotes the policy clause and says why the model is multimodal.
#[test]
fn llama_4_for_a_german_company_is_blocked_with_the_clause() {
    let out = common::run(&["check", "llama-4", "--domicile", "DE", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = common::json(&out);
    let finding = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "territory" && f["severity"] == "blocked")
        .expect("a blocking territory finding");
    let message = finding["message"].as_str().expect("message");
    assert!(
        message.contains("multimodal") && message.contains("end users"),
        "{message}"
    );
    let quoted = finding["evidence"][0]["text"].as_str().expect("evidence");
    assert!(quoted.contains("European Union"), "{quoted}");
}
