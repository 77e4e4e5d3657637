//! Issue 9, parts 3 and 4: every licence-bearing file of a model is read, and metadata that
//! disagrees is a conflict, never the permissive reading.
//!
//! `fixtures/adversarial-models/EXPECTED.tsv` gives each nasty case its exact outcome (exit code,
//! licence evaluated, the rules that hold it back). A seeded generator then mutates good model
//! fixtures in the same ways (file names, symbolic links, notices and policies, card bodies,
//! front matter, Hub JSON, family names) and asserts that a change that introduces a conflict or
//! an unknown never passes (exit 0), and that a change that alters nothing keeps the verdict.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::check;
use model_licence::terms::CommercialUse;
use model_licence::{Catalogue, Context, Licence, Report, Severity};

fn run(path: &Path) -> model_licence::Result<Report> {
    check(
        &path.to_string_lossy(),
        &Context::default_assumed(),
        &common::DEFAULT_CONTEXT,
    )
}

fn held_back_rules(report: &Report) -> BTreeSet<String> {
    report
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Review | Severity::Blocked))
        .map(|f| f.rule.code().to_string())
        .collect()
}

#[test]
fn every_adversarial_model_has_its_exact_outcome() {
    let table = common::read(&common::fixture("adversarial-models/EXPECTED.tsv"));
    let mut failures = Vec::new();
    let mut rows = 0;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        rows += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let (subject, exit, licence, rules) = (cols[0], cols[1], cols[2], cols[3]);
        let path = common::fixture(&format!("adversarial-models/{subject}"));
        let outcome = match run(&path) {
            Err(err) => {
                let ok = exit == "2" && licence == "error" && err.to_string().contains(rules);
                (!ok).then(|| format!("error: {err}"))
            }
            Ok(report) => {
                let got_rules = held_back_rules(&report);
                let want_rules: BTreeSet<String> = rules
                    .split(',')
                    .filter(|r| *r != "-")
                    .map(String::from)
                    .collect();
                let got_licence = report.licence.id.clone().unwrap_or_else(|| "-".into());
                let ok = report.exit_code().to_string() == exit
                    && got_licence == licence
                    && got_rules == want_rules;
                (!ok).then(|| {
                    format!(
                        "exit {}, licence {got_licence}, rules {got_rules:?}",
                        report.exit_code()
                    )
                })
            }
        };
        if let Some(got) = outcome {
            failures.push(format!(
                "{subject}: expected exit {exit}, licence {licence}, rules {rules}; got {got}"
            ));
        }
    }
    assert!(rows >= 50, "{rows} rows");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A card named after a family whose licence binds derivatives, declaring another licence and no
/// base model, is an `unknown-base` review: for every such family of the catalogue.
#[test]
fn every_binding_family_named_without_a_base_is_reviewed() {
    let catalogue = Catalogue::embedded().expect("catalogue");
    // The names of the families and the nicknames of their models (the library's own word list,
    // which also takes models' first words, is tested beside it).
    let mut words: Vec<(String, String)> = Vec::new();
    for licence in catalogue.licences() {
        if licence.kind == model_licence::parts::LicenceKind::Model && licence.binds_derivatives() {
            let family = licence.family.clone();
            words.push((family.clone(), family.clone()));
            words.extend(
                licence
                    .nicknames
                    .iter()
                    .map(|n| (n.clone(), family.clone())),
            );
        }
    }
    words.sort();
    words.dedup();
    let dir = scratch(usize::MAX);
    let mut failures = Vec::new();
    for (word, family) in &words {
        let path = dir.join(format!("acme__{word}-tuned.md"));
        // MIT: no family of the catalogue's model licences.
        std::fs::write(&path, "---\nlicense: mit\n---\n\n# Model\n").unwrap();
        let report = run(&path).unwrap_or_else(|e| panic!("{word}: {e}"));
        let reviewed = held_back_rules(&report).contains("unknown-base") && report.exit_code() != 0;
        if !reviewed && family != "mit" {
            failures.push(format!(
                "acme/{word}-tuned ({family}): {:?}",
                report.verdict
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A small deterministic generator (xorshift64*): the same seed gives the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A name in a random mix of cases (`LiCeNsE.md`).
    fn shuffle_case(&mut self, name: &str) -> String {
        name.chars()
            .map(|c| {
                if self.below(2) == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    }
}

/// Model folders that pass (exit 0) as they are.
const FOLDER_SEEDS: &[&str] = &[
    "models/folders/meta-llama__Llama-3.1-8B-Instruct",
    "models/folders/meta-llama__Llama-3.2-1B-Instruct",
    "models/HuggingFaceH4__zephyr-7b-beta",
    "models/google__gemma-2-9b-it",
    "models/moonshotai__Kimi-K2-Instruct",
    "models/example-org__llama-3.1-8b-instruct-ticket-triage-lora",
    "models/bigscience__bloom",
    "models/stabilityai__stable-diffusion-xl-base-1.0",
    "adversarial-models/acme__code-and-model",
    "adversarial-models/acme__notice-attribution",
];

/// Hub JSON files that pass as they are.
const JSON_SEEDS: &[&str] = &[
    "models/TheBloke__Mistral-7B-Instruct-v0.2-GPTQ.json",
    "models/bartowski__gemma-2-9b-it-GGUF.json",
];

/// Names a licence for the weights may have.
const WEIGHTS_NAMES: &[&str] = &[
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "LICENSE.rst",
    "LICENCE",
    "COPYING",
    "License.markdown",
    "LICENSE-MODEL",
    "LICENSE_MODEL.md",
    "MODEL-LICENSE",
    "MODEL_LICENSE.txt",
    "LICENSE-WEIGHTS",
    "WEIGHTS_LICENSE",
    "LICENSE_ACME",
    "Acme-License.txt",
];
/// Names a model licence has (they bind the weights even beside a generic `LICENSE`).
const MODEL_NAMES: &[&str] = &[
    "LICENSE-MODEL",
    "LICENSE_MODEL.md",
    "MODEL-LICENSE",
    "MODEL_LICENSE.txt",
    "LICENSE-WEIGHTS",
];

const RESTRICTIVE_NOTICES: &[&str] = &[
    "The model weights may be used for non-commercial research purposes only.",
    "You must not use this model to provide services to third parties.",
    "Use of the model is subject to the Acme Acceptable Use Policy.",
    "Commercial use is prohibited without a separate agreement.",
];

const UNKNOWN_POLICIES: &[&str] = &[
    "# Acme Use Policy\n\nYou may not use the model for surveillance or for legal advice.\n",
    "# Prohibited uses\n\n1. Military use.\n2. Generating spam.\n",
];

/// A good model, the temporary copy it is mutated in, and what it gave before.
struct Case {
    /// The subject checked: the folder, or the JSON file.
    subject: PathBuf,
    /// The folder the case lives in (removed at the end).
    scratch: PathBuf,
    before: Report,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let kind = entry.file_type().unwrap();
        if kind.is_symlink() {
            let link = std::fs::read_link(entry.path()).unwrap();
            std::os::unix::fs::symlink(link, target).unwrap();
        } else if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn scratch(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("model-licence-adv-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn folder_case(seed: &str, n: usize) -> Case {
    let from = common::fixture(seed);
    let scratch = scratch(n);
    let subject = scratch.join(from.file_name().unwrap());
    copy_dir(&from, &subject);
    let before = run(&subject).unwrap_or_else(|e| panic!("{seed}: {e}"));
    assert_eq!(before.exit_code(), 0, "{seed} passes as it is");
    Case {
        subject,
        scratch,
        before,
    }
}

/// The licence families a report accounted for: any statement naming one of them may agree.
fn accounted_families(report: &Report, catalogue: &Catalogue) -> BTreeSet<String> {
    let mut ids: Vec<String> = report.licence.id.iter().cloned().collect();
    ids.extend(report.licence.binding.iter().cloned());
    ids.extend(
        report
            .lineage
            .iter()
            .flatten()
            .filter_map(|s| s.licence.clone()),
    );
    let mut families: BTreeSet<String> = ids
        .iter()
        .filter_map(|id| catalogue.get(id))
        .map(|l| l.family.clone())
        .collect();
    if let Some(card) = &report.declared {
        // The licence the card declares, by its Hub id or its name.
        let declared = card.license.iter().chain(&card.license_name);
        families.extend(
            declared
                .filter_map(|name| catalogue.resolve_hub_id(name))
                .map(|l| l.family.clone()),
        );
    }
    families
}

/// A catalogue licence of a family the report did not account for.
fn foreign_licence<'c>(rng: &mut Rng, catalogue: &'c Catalogue, report: &Report) -> &'c Licence {
    let families = accounted_families(report, catalogue);
    let others: Vec<&Licence> = catalogue
        .licences()
        .iter()
        .filter(|l| !families.contains(&l.family))
        .collect();
    others[rng.below(others.len())]
}

/// A model the catalogue lists under a licence that binds derivatives, of a family the report
/// did not account for.
fn foreign_base<'c>(
    rng: &mut Rng,
    catalogue: &'c Catalogue,
    report: &Report,
) -> &'c model_licence::parts::ModelRepo {
    let families = accounted_families(report, catalogue);
    let bases: Vec<_> = catalogue
        .licences()
        .iter()
        .filter(|l| l.binds_derivatives())
        .filter(|l| !families.contains(&l.family))
        .flat_map(|l| l.models())
        .collect();
    bases[rng.below(bases.len())]
}

fn card_path(case: &Case) -> PathBuf {
    case.subject.join("README.md")
}

fn edit_card(case: &Case, edit: impl FnOnce(&str) -> String) {
    let path = card_path(case);
    let text = common::read(&path);
    std::fs::write(&path, edit(&text)).unwrap();
}

/// Inserts a line right after the card's `license:` line (or its opening `---`).
fn after_license_line(text: &str, line: &str) -> String {
    let at = text
        .find("\nlicense:")
        .and_then(|i| text[i + 1..].find('\n').map(|j| i + 1 + j + 1))
        .unwrap_or(4);
    format!("{}{line}\n{}", &text[..at], &text[at..])
}

/// The Hub id (or `license_name`) metadata uses for a licence.
/// Whether a file name is one of a licence of the weights (`LICENSE-MODEL`, `MODEL_LICENSE.txt`,
/// `LICENSE-WEIGHTS`), as the library reads names.
fn is_weights_licence_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower
        .strip_suffix(".md")
        .or(lower.strip_suffix(".txt"))
        .unwrap_or(&lower);
    let normal = stem.replace(['_', '.', ' '], "-");
    [
        "license-model",
        "licence-model",
        "license-weights",
        "licence-weights",
        "model-license",
        "model-licence",
        "models-license",
        "weights-license",
        "weights-licence",
        "model-weights-license",
    ]
    .iter()
    .any(|prefix| normal.starts_with(prefix))
}

fn hub_id(licence: &Licence) -> &str {
    licence.hf_ids.first().unwrap_or(&licence.spdx)
}

/// Mutations that introduce a conflict or an unknown: the result must never be exit 0.
/// Returns a label for the failure message.
fn introduce_conflict(rng: &mut Rng, case: &Case, catalogue: &Catalogue) -> String {
    let dir = &case.subject;
    let other = foreign_licence(rng, catalogue, &case.before);
    let has_model_file = std::fs::read_dir(dir).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_str()
            .is_some_and(is_weights_licence_name)
    });
    let names = if has_model_file {
        MODEL_NAMES
    } else {
        WEIGHTS_NAMES
    };
    let free_name = |rng: &mut Rng| loop {
        let name = {
            let picked = rng_pick_str(rng, names);
            rng.shuffle_case(picked)
        };
        if !dir.join(&name).exists()
            && !std::fs::read_dir(dir).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            })
        {
            return name;
        }
    };
    match rng.below(15) {
        10 => {
            let line = format!(
                "extra_gated_prompt: By clicking Submit you accept the {}.",
                other.name.replace(':', " ")
            );
            edit_card(case, |t| after_license_line(t, &line));
            format!("access form names {}", other.id)
        }
        11 => {
            let phrase = rng_pick_str(
                rng,
                &[
                    "By using the weights you agree to the",
                    "Use of this model is subject to the",
                    "- **License:**",
                ],
            );
            edit_card(case, |t| format!("{t}\n\n{phrase} {}\n", other.name));
            format!("body: {phrase} {}", other.id)
        }
        12 => {
            let spdx = rng_pick_str(rng, &["GPL-3.0", "AGPL-3.0-only", "Unlicense", "EUPL-1.2"]);
            edit_card(case, |t| {
                format!("{t}\n\nThis model is released under {spdx}.\n")
            });
            format!("body names {spdx}")
        }
        13 => {
            let base = foreign_base(rng, catalogue, &case.before);
            edit_card(case, |t| format!("{t}\n\nBase model: {}\n", base.repo));
            format!("body line names the base {}", base.repo)
        }
        14 => {
            let text = other.text;
            edit_card(case, |t| format!("{t}\n\n## License\n\n{text}\n"));
            format!("body holds the text of {}", other.id)
        }
        0 => {
            let name = free_name(rng);
            std::fs::write(dir.join(&name), other.text).unwrap();
            format!("{name} holds {}", other.id)
        }
        1 => {
            let name = free_name(rng);
            std::fs::create_dir_all(dir.join("legal")).unwrap();
            std::fs::write(dir.join("legal/terms.txt"), other.text).unwrap();
            std::os::unix::fs::symlink("legal/terms.txt", dir.join(&name)).unwrap();
            format!("{name} links to {} inside the folder", other.id)
        }
        2 => {
            let name = {
                let picked = rng_pick_str(rng, &["NOTICE", "NOTICE.md", "Notice.txt"]);
                rng.shuffle_case(picked)
            };
            let sentence = rng.pick(RESTRICTIVE_NOTICES);
            std::fs::write(dir.join(&name), format!("Acme model\n\n{sentence}\n")).unwrap();
            format!("{name}: {sentence}")
        }
        3 => {
            let with_policy: Vec<&Licence> = catalogue
                .licences()
                .iter()
                .filter(|l| l.policy_text.is_some())
                .filter(|l| !accounted_families(&case.before, catalogue).contains(&l.family))
                .collect();
            let text = if with_policy.is_empty() || rng.below(2) == 0 {
                rng.pick(UNKNOWN_POLICIES).to_string()
            } else {
                rng.pick(&with_policy).policy_text.unwrap_or("").to_string()
            };
            std::fs::write(dir.join("USE_POLICY.md"), text).unwrap();
            "USE_POLICY.md".to_string()
        }
        4 => {
            edit_card(case, |t| {
                format!("{t}\n\nThis model is licensed under the {}.\n", other.name)
            });
            format!("body names {}", other.id)
        }
        5 => {
            if case.before.licence.terms.commercial_use == CommercialUse::NonCommercial {
                edit_card(case, |t| {
                    after_license_line(t, &format!("license_name: {}", hub_id(other)))
                });
                return format!("license_name {}", hub_id(other));
            }
            let sentence = rng.pick(&[
                "For non-commercial use only.",
                "The weights are released for research purposes only.",
                "This model may not be used for commercial purposes.",
            ]);
            edit_card(case, |t| format!("{t}\n\n{sentence}\n"));
            sentence.to_string()
        }
        6 => {
            edit_card(case, |t| {
                after_license_line(t, &format!("license: {}", hub_id(other)))
            });
            format!("duplicate license: {}", hub_id(other))
        }
        7 => {
            edit_card(case, |t| {
                after_license_line(t, &format!("License: {}", hub_id(other)))
            });
            format!("License: {}", hub_id(other))
        }
        8 => {
            let base = foreign_base(rng, catalogue, &case.before);
            edit_card(case, |t| {
                format!(
                    "{t}\n\nThis model is a fine-tuned version of {}.\n",
                    base.repo
                )
            });
            format!("body names the base {}", base.repo)
        }
        _ => {
            std::os::unix::fs::symlink(
                common::fixture("../licences/apache-2.0/LICENSE.txt"),
                dir.join(free_name(rng)),
            )
            .unwrap();
            "a licence file links out of the folder".to_string()
        }
    }
}

fn rng_pick_str<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len())]
}

/// Moves a model folder (`owner__name`) into the Hugging Face cache's layout, every file a link
/// into `blobs/`, and returns the snapshot folder. Links that leave the folder stay as they were.
fn as_hf_cache(folder: &Path, scratch: &Path) -> PathBuf {
    let name = folder
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace("__", "--");
    let entry = scratch.join("cache").join(format!("models--{name}"));
    let snapshot = entry.join("snapshots").join("0123abcd");
    std::fs::create_dir_all(entry.join("blobs")).unwrap();
    std::fs::create_dir_all(&snapshot).unwrap();
    for (n, file) in std::fs::read_dir(folder).unwrap().enumerate() {
        let file = file.unwrap();
        let path = file.path();
        let inside = path
            .canonicalize()
            .is_ok_and(|t| t.starts_with(folder.canonicalize().unwrap()));
        let target = snapshot.join(file.file_name());
        if path.is_file() && inside {
            let blob = format!("blob{n}");
            std::fs::copy(&path, entry.join("blobs").join(&blob)).unwrap();
            std::os::unix::fs::symlink(format!("../../blobs/{blob}"), target).unwrap();
        } else if let Ok(link) = std::fs::read_link(&path) {
            std::os::unix::fs::symlink(link, target).unwrap();
        } else if path.is_dir() {
            copy_dir(&path, &target);
        }
    }
    snapshot
}

/// Mutations that change nothing about the licence: the verdict must stay.
fn change_nothing(rng: &mut Rng, case: &Case) -> String {
    let dir = &case.subject;
    let generic = ["LICENSE", "LICENSE.txt", "LICENSE.md"]
        .into_iter()
        .find(|n| dir.join(n).is_file());
    match rng.below(4) {
        0 if generic.is_some() => {
            let from = generic.unwrap_or_default();
            let to = {
                let picked = rng_pick_str(rng, &["License.txt", "licence", "COPYING"]);
                rng.shuffle_case(picked)
            };
            std::fs::rename(dir.join(from), dir.join(&to)).unwrap();
            format!("{from} renamed {to}")
        }
        1 if generic.is_some() => {
            let from = generic.unwrap_or_default();
            std::fs::create_dir_all(dir.join("legal")).unwrap();
            std::fs::rename(dir.join(from), dir.join("legal/text.txt")).unwrap();
            std::os::unix::fs::symlink("legal/text.txt", dir.join(from)).unwrap();
            format!("{from} made a link inside the folder")
        }
        2 => {
            std::fs::write(
                dir.join("NOTICE"),
                "Acme model\nCopyright 2024 Acme Corp.\nThis product includes software developed at Acme Corp.\n",
            )
            .unwrap();
            "attribution NOTICE".to_string()
        }
        _ => {
            let Some(name) = case.before.licence.name.clone() else {
                return "nothing".to_string();
            };
            edit_card(case, |t| {
                format!("{t}\n\nThis model is licensed under the {name}.\n")
            });
            format!("body names the licence evaluated ({name})")
        }
    }
}

/// Hub JSON mutations: a second licence tag, a tag that differs from `cardData`, a sibling named
/// after another licence, a family name without a base model.
fn json_conflict(rng: &mut Rng, path: &Path, catalogue: &Catalogue, before: &Report) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&common::read(path)).expect("seed JSON");
    let other = foreign_licence(rng, catalogue, before);
    let label = match rng.below(4) {
        0 => {
            let tags = value["tags"].as_array_mut().expect("tags");
            tags.push(format!("license:{}", hub_id(other)).into());
            format!("extra tag license:{}", hub_id(other))
        }
        1 => {
            value["cardData"]["license"] = hub_id(other).into();
            format!("cardData license {}", hub_id(other))
        }
        2 => {
            let siblings = value["siblings"].as_array_mut().expect("siblings");
            let name = format!("LICENSE_{}", hub_id(other));
            siblings.push(serde_json::json!({ "rfilename": name }));
            name
        }
        _ => {
            let tags = value["tags"].as_array_mut().expect("tags");
            tags.retain(|t| !t.as_str().is_some_and(|t| t.starts_with("base_model:")));
            value["cardData"]
                .as_object_mut()
                .map(|c| c.remove("base_model"));
            let words = [
                "llama", "gemma", "qwen", "flux", "mistral", "deepseek", "yi",
            ];
            let families = accounted_families(before, catalogue);
            let word = loop {
                let word = rng_pick_str(rng, &words);
                if !families
                    .iter()
                    .any(|f| word.contains(f.as_str()) || f.contains(word))
                {
                    break word;
                }
            };
            value["id"] = format!("acme/{word}-tuned").into();
            format!("named {word} with no base")
        }
    };
    std::fs::write(path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    label
}

#[test]
fn generated_conflicts_never_pass_and_benign_changes_keep_the_verdict() {
    let catalogue = Catalogue::embedded().expect("catalogue");
    let cases: usize = std::env::var("ADVERSARIAL_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let seed: u64 = std::env::var("ADVERSARIAL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed | 1);
    let mut failures = Vec::new();
    for n in 0..cases {
        let (label, subject, scratch, before, conflict) = if n % 6 == 5 {
            let seed = rng.pick(JSON_SEEDS);
            let scratch = scratch(n);
            let path = scratch.join(Path::new(seed).file_name().unwrap());
            std::fs::copy(common::fixture(seed), &path).unwrap();
            let before = run(&path).expect("seed");
            let label = json_conflict(&mut rng, &path, catalogue, &before);
            (format!("{seed}: {label}"), path, scratch, before, true)
        } else {
            let seed = rng.pick(FOLDER_SEEDS);
            let case = folder_case(seed, n);
            let conflict = rng.below(3) != 0;
            let label = if conflict {
                introduce_conflict(&mut rng, &case, catalogue)
            } else {
                change_nothing(&mut rng, &case)
            };
            // Half the cases are checked as the Hugging Face cache stores them.
            let subject = if rng.below(2) == 0 {
                as_hf_cache(&case.subject, &case.scratch)
            } else {
                case.subject.clone()
            };
            (
                format!("{seed}: {label}"),
                subject,
                case.scratch,
                case.before,
                conflict,
            )
        };
        let after = run(&subject);
        let _ = std::fs::remove_dir_all(&scratch);
        match (conflict, after) {
            (true, Ok(report)) if report.exit_code() == 0 => {
                failures.push(format!("case {n}, {label}: passed ({:?})", report.verdict))
            }
            (true, _) => {}
            (false, Ok(report)) if report.verdict != before.verdict => failures.push(format!(
                "case {n}, {label}: {:?} became {:?} ({:?})",
                before.verdict,
                report.verdict,
                held_back_rules(&report)
            )),
            (false, Err(err)) => failures.push(format!("case {n}, {label}: error {err}")),
            (false, Ok(_)) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
