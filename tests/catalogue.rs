//! The shipped catalogue: complete, verbatim, and every term backed by a clause that is really
//! in its text.

mod common;

use std::collections::HashMap;

use model_licence::{Catalogue, parts::LicenceKind, terms::LICENCE_DOCUMENT, terms::TermName};

fn catalogue() -> &'static Catalogue {
    Catalogue::embedded().expect("the embedded catalogue loads")
}

/// Every text in `../shared/licence-texts/` is in the catalogue byte for byte: a licence under
/// its own id, a policy beside the licence it belongs to.
///
/// The shared texts lie beside the team's checkout (and CI's clone), not inside the repository:
/// a plain clone has no such folder, and that must not fail its tests. `.ci/run` runs the suite
/// once in a copy with nothing beside it and runs this comparison in the clone that has them.
#[test]
fn every_shared_text_is_in_the_catalogue_verbatim() {
    let shared = common::root().join("../shared/licence-texts");
    let Ok(entries) = std::fs::read_dir(&shared) else {
        assert!(
            std::env::var_os("MODEL_LICENCE_REQUIRE_SHARED").is_none(),
            "{} is required (MODEL_LICENCE_REQUIRE_SHARED is set) but cannot be read",
            shared.display()
        );
        eprintln!("skipped: {} is not beside this checkout", shared.display());
        return;
    };
    let mut seen = 0;
    for entry in entries {
        let path = entry.expect("readable folder").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 name")
            .to_string();
        let text = common::read(&path);
        let owner = match id.as_str() {
            "gemma-prohibited-use" => "gemma".to_string(),
            policy if policy.ends_with("-aup") => policy.trim_end_matches("-aup").to_string(),
            licence => licence.to_string(),
        };
        let licence = catalogue()
            .get(&owner)
            .unwrap_or_else(|| panic!("{id}: no catalogue entry `{owner}`"));
        if owner == id {
            assert_eq!(
                licence.text, text,
                "{id}: licence text differs from the shared copy"
            );
        } else {
            assert_eq!(
                licence.policy_text,
                Some(text.as_str()),
                "{id}: policy differs"
            );
            assert_eq!(
                licence.policy.as_ref().map(|p| p.id.as_str()),
                Some(id.as_str())
            );
        }
        seen += 1;
    }
    assert!(seen >= 29, "only {seen} shared texts found");
}

#[test]
fn the_common_spdx_licences_are_there() {
    for id in [
        "apache-2.0",
        "mit",
        "bsd-3-clause",
        "cc-by-4.0",
        "cc-by-sa-4.0",
        "cc-by-nc-4.0",
        "cc-by-nc-sa-4.0",
        "openmdw-1.0",
    ] {
        let licence = catalogue()
            .get(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(licence.kind, LicenceKind::Spdx, "{id}");
        assert_eq!(licence.spdx.to_ascii_lowercase(), id, "{id}: SPDX id");
        assert!(
            spdx::license_id(&licence.spdx).is_some(),
            "{id}: not on the SPDX list"
        );
    }
}

#[test]
fn model_licences_off_the_spdx_list_use_licence_refs() {
    for licence in catalogue()
        .licences()
        .iter()
        .filter(|l| l.kind == LicenceKind::Model)
    {
        if spdx::license_id(&licence.spdx).is_none() {
            assert_eq!(
                licence.spdx,
                format!("LicenseRef-{}", licence.id),
                "{}",
                licence.id
            );
        }
    }
}

#[test]
fn every_evidence_span_is_its_quote() {
    for licence in catalogue().licences() {
        for (term, clauses) in &licence.terms().evidence {
            for ev in clauses {
                let text = licence
                    .document_text(&ev.document)
                    .unwrap_or_else(|| panic!("{}: unknown document {}", licence.id, ev.document));
                assert_eq!(&text[ev.start..ev.end], ev.text, "{} {term:?}", licence.id);
            }
        }
    }
}

/// `1000000` as `1,000,000`, as licences write amounts.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn thresholds_and_territories_are_backed_by_clauses_that_state_them() {
    use model_licence::terms::UserThreshold;
    for licence in catalogue().licences() {
        let t = &licence.terms();
        if let Some(UserThreshold::MonthlyActiveUsers(n)) = t.terms.user_threshold {
            let millions = format!("{} million", n / 1_000_000);
            let quoted = t
                .evidence_for(TermName::UserThreshold)
                .iter()
                .any(|e| e.text.contains(&millions));
            assert!(quoted, "{}: no clause says {millions}", licence.id);
        }
        if let Some(r) = t.terms.revenue_threshold {
            let digits = thousands(r.annual_revenue_usd);
            let quoted = t
                .evidence_for(TermName::RevenueThreshold)
                .iter()
                .any(|e| e.text.contains(&digits));
            assert!(quoted, "{}: no clause says {digits}", licence.id);
        }
        if !t.terms.territory_exclusions.is_empty() {
            assert!(
                !t.evidence_for(TermName::TerritoryExclusions).is_empty(),
                "{}",
                licence.id
            );
        }
        if let Some(prefix) = &t.terms.derivatives.naming_prefix {
            let quoted = t
                .evidence_for(TermName::Derivatives)
                .iter()
                .any(|e| e.text.contains(prefix.as_str()));
            assert!(
                quoted,
                "{}: no clause names the prefix {prefix}",
                licence.id
            );
        }
        if let Some(notice) = &t.terms.attribution {
            let quoted = t
                .evidence_for(TermName::Attribution)
                .iter()
                .any(|e| e.text.contains(notice.as_str()));
            assert!(quoted, "{}: no clause quotes {notice}", licence.id);
        }
    }
}

#[test]
fn policy_evidence_names_the_policy_and_licence_evidence_the_licence() {
    for licence in catalogue().licences() {
        for ev in licence.terms().evidence.values().flatten() {
            let policy_id = licence.policy.as_ref().map(|p| p.id.as_str());
            assert!(
                ev.document == LICENCE_DOCUMENT || Some(ev.document.as_str()) == policy_id,
                "{}: {}",
                licence.id,
                ev.document
            );
        }
    }
}

/// An alias or Hugging Face id that named two licences would make resolution a coin toss.
#[test]
fn no_name_resolves_to_two_licences() {
    let mut owner: HashMap<String, &str> = HashMap::new();
    for licence in catalogue().licences() {
        let names = std::iter::once(&licence.id)
            .chain(std::iter::once(&licence.spdx))
            .chain(&licence.hf_ids)
            .chain(&licence.aliases);
        for name in names {
            let key = name.to_ascii_lowercase();
            if let Some(previous) = owner.insert(key.clone(), &licence.id) {
                assert_eq!(
                    previous, licence.id,
                    "`{key}` names both {previous} and {}",
                    licence.id
                );
            }
        }
    }
}

#[test]
fn release_dates_are_iso_dates() {
    let date = regex::Regex::new(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$").unwrap();
    for licence in catalogue().licences() {
        if let Some(released) = &licence.released {
            assert!(date.is_match(released), "{}: {released}", licence.id);
        }
    }
}

#[test]
fn aliases_resolve() {
    let c = catalogue();
    let cases = [
        ("llama", "llama-4"),
        ("llama-3.1", "llama-3.1"),
        ("llama3.1", "llama-3.1"),
        ("Llama3.3", "llama-3.3"),
        ("LicenseRef-llama-3.2", "llama-3.2"),
        ("Apache-2.0", "apache-2.0"),
        ("CC-BY-NC-4.0", "cc-by-nc-4.0"),
        ("gemma", "gemma"),
        ("qwen", "qwen"),
        ("mrl", "mistral-mrl"),
        ("openrail++", "openrail-pp-m"),
    ];
    for (name, id) in cases {
        let resolved = c.resolve(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(resolved.licence.id, id, "{name}");
    }
    let family = c.resolve("llama").unwrap();
    assert!(
        family.note.as_deref().unwrap_or("").contains("newest"),
        "the family note says so"
    );
}

#[test]
fn unknown_ids_suggest_close_ones() {
    let err = catalogue().resolve("lama-3.1").unwrap_err();
    match err {
        model_licence::Error::UnknownLicenceId { suggestions, .. } => {
            assert!(
                suggestions.iter().any(|s| s == "llama-3.1"),
                "{suggestions:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn ambiguous_family_names_do_not_guess() {
    for name in ["cc", "mistral"] {
        assert!(
            catalogue().resolve(name).is_err(),
            "{name} must not pick one licence"
        );
    }
}

/// The README's table of licences lists every catalogue entry with its commercial-use term, so the
/// README cannot drift from the data.
#[test]
fn readme_lists_every_licence() {
    let readme = common::read(&common::root().join("README.md"));
    for licence in catalogue().licences() {
        let row = readme
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` |", licence.id)))
            .unwrap_or_else(|| panic!("README has no row for {}", licence.id));
        let commercial = serde_json::to_value(licence.terms().terms.commercial_use)
            .unwrap()
            .as_str()
            .unwrap()
            .replace('_', "-");
        assert!(
            row.contains(&format!("| {commercial}")),
            "{}: {row}",
            licence.id
        );
    }
}

/// Each listed model repository belongs to one licence, is an `owner/name` id, and names its
/// Hub page as its source.
#[test]
fn model_repositories_are_unique_and_sourced() {
    let mut owner: HashMap<String, &str> = HashMap::new();
    let id = regex::Regex::new(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$").unwrap();
    for licence in catalogue().licences() {
        for model in licence.models() {
            assert!(id.is_match(&model.repo), "{}: {}", licence.id, model.repo);
            assert_eq!(
                model.source,
                format!("https://huggingface.co/{}", model.repo),
                "{}",
                licence.id
            );
            if let Some(other) = owner.insert(model.repo.to_ascii_lowercase(), &licence.id) {
                panic!("{} is listed under {other} and {}", model.repo, licence.id);
            }
        }
    }
    assert!(owner.len() >= 150, "{} repositories", owner.len());
    let c = catalogue();
    assert_eq!(
        c.licence_of_model("meta-llama/Llama-3.1-8B-Instruct")
            .map(|l| l.id.as_str()),
        Some("llama-3.1")
    );
    assert_eq!(
        c.licence_of_model("META-LLAMA/llama-3.3-70b-instruct")
            .map(|l| l.id.as_str()),
        Some("llama-3.3")
    );
    assert_eq!(
        c.licence_of_model("black-forest-labs/FLUX.1-dev")
            .map(|l| l.id.as_str()),
        Some("flux-1-dev-non-commercial")
    );
    assert_eq!(c.licence_of_model("someone/unknown-model"), None);
}
