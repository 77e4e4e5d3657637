//! Embeds the catalogue (`licences/<id>/`) into the library: one entry per folder that holds a
//! `terms.json`, with its `LICENSE.txt` and optional `POLICY.txt`, sorted by id so that the build
//! is reproducible.
//!
//! Each `terms.json` is split into its metadata, its terms and its model list (the bulk of the
//! file). The metadata (ids, names, aliases, sources) is written out as Rust data, checked here
//! field by field as the library's reader would: every process needs every licence's metadata,
//! and reading it as JSON was a fifth of a `check FILE`. A licence's terms and models stay JSON,
//! read only when they are first asked for, so a process that checks one licence reads one
//! licence's terms and no model list.
//!
//! It also fingerprints the words of every catalogue text (with the library's own
//! `src/text/words.rs`), so that identification recognises an unmodified catalogue text without
//! reading the whole catalogue at start-up.

use std::{env, fmt::Write, fs, path::Path};

use serde_json::Value;

type Map = serde_json::Map<String, Value>;

#[allow(dead_code)]
#[path = "src/text/words.rs"]
mod words;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir);
    let licences = root.join("licences");
    println!("cargo:rerun-if-changed=licences");
    println!("cargo:rerun-if-changed=src/text/words.rs");
    link_binary_at_fixed_address();

    let mut ids: Vec<String> = fs::read_dir(&licences)
        .expect("licences/ is readable")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("terms.json").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();

    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Two tables in the same order: the metadata every process reads, then the texts and JSON
    // parts a process reads for the licences it checks. Apart, the metadata's small strings lie
    // together (a few pages at start-up) rather than each beside its licence's text.
    let mut metas = String::from("pub(crate) static EMBEDDED_META: &[EmbeddedMeta] = &[\n");
    let mut out = String::from("pub(crate) static EMBEDDED: &[EmbeddedEntry] = &[\n");
    for id in &ids {
        let dir = licences.join(id);
        println!("cargo:rerun-if-changed={}", dir.display());
        let path = |name: &str| dir.join(name).display().to_string();
        let read = |name: &str| fs::read_to_string(path(name)).expect("catalogue texts are UTF-8");
        let mut entry = parse_terms_json(id, &read("terms.json"));
        let include = |part: &str, json: Value| {
            let file = Path::new(&out_dir).join(format!("{id}.{part}.json"));
            fs::write(&file, json.to_string()).expect("OUT_DIR is writable");
            format!("include_str!({:?})", file.display().to_string())
        };
        let terms = include("terms", entry.remove("terms").unwrap_or(Value::Null));
        let differs = match entry.remove("extraction_differs") {
            Some(differs) => format!("Some({})", include("differs", differs)),
            None => "None".to_string(),
        };
        let Some(models) = entry.remove("models") else {
            panic!("licences/{id}/terms.json: missing field `models`");
        };
        let models = include("models", models);
        let fingerprint = |name: &str| words::Words::new(&read(name)).fingerprint();
        let (policy, policy_words) = if dir.join("POLICY.txt").is_file() {
            (
                format!("Some(include_str!({:?}))", path("POLICY.txt")),
                format!("Some({})", fingerprint("POLICY.txt")),
            )
        } else {
            ("None".to_string(), "None".to_string())
        };
        writeln!(metas, "    {},", meta_literal(id, &entry, policy != "None"))
            .expect("writing to a String cannot fail");
        writeln!(
            out,
            "    EmbeddedEntry {{ terms: {terms}, differs: {differs}, models: {models}, licence_text: include_str!({:?}), licence_words: {}, policy_text: {policy}, policy_words: {policy_words} }},",
            path("LICENSE.txt"),
            fingerprint("LICENSE.txt"),
        )
        .expect("writing to a String cannot fail");
    }
    metas.push_str("];\n");
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("embedded.rs"), metas + &out).expect("OUT_DIR is writable");
}

/// A `terms.json` as a JSON object.
fn parse_terms_json(id: &str, text: &str) -> Map {
    match serde_json::from_str(text) {
        Ok(Value::Object(entry)) => entry,
        Ok(_) => panic!("licences/{id}/terms.json: not a JSON object"),
        Err(err) => panic!("licences/{id}/terms.json: {err}"),
    }
}

/// A `terms.json`'s metadata as an `EmbeddedMeta` literal (see `src/catalogue.rs`), checked as
/// the library reads an organisation's folder: no field it does not know, every field of its
/// type, the id the folder's name, `policy` given exactly when `POLICY.txt` exists. A test reads
/// every folder with the library's own reader and compares.
fn meta_literal(id: &str, meta: &Map, has_policy: bool) -> String {
    checked_meta_literal(id, meta, has_policy)
        .unwrap_or_else(|what| panic!("licences/{id}/terms.json: {what}"))
}

/// `meta_literal`'s work, or what is wrong with the metadata.
fn checked_meta_literal(id: &str, meta: &Map, has_policy: bool) -> Result<String, String> {
    only_fields(
        meta,
        &[
            "id",
            "name",
            "version",
            "family",
            "released",
            "spdx",
            "hf_ids",
            "aliases",
            "kind",
            "source",
            "policy",
            "nicknames",
        ],
    )?;
    if meta.get("id").and_then(Value::as_str) != Some(id) {
        return Err("`id` must be the folder's name".to_string());
    }
    let kind = match meta.get("kind").and_then(Value::as_str) {
        Some("model") => "Model",
        Some("spdx") => "Spdx",
        Some("generic") => "Generic",
        _ => return Err("`kind` must be model, spdx or generic".to_string()),
    };
    let policy = match meta.get("policy") {
        None | Some(Value::Null) if !has_policy => "None".to_string(),
        Some(Value::Object(policy)) if has_policy => policy_literal(policy)
            .map(|policy| format!("Some({policy})"))
            .map_err(|what| format!("policy: {what}"))?,
        _ => return Err("`policy` must be given exactly when POLICY.txt exists".to_string()),
    };
    let source = source_literal(meta.get("source")).map_err(|what| format!("source: {what}"))?;
    Ok(format!(
        "EmbeddedMeta {{ id: {}, name: {}, version: {}, family: {}, released: {}, spdx: {}, hf_ids: {}, aliases: {}, kind: LicenceKind::{kind}, source: {source}, policy: {policy}, nicknames: {} }}",
        text_in(meta, "id")?,
        text_in(meta, "name")?,
        optional_text_in(meta, "version")?,
        text_in(meta, "family")?,
        optional_text_in(meta, "released")?,
        text_in(meta, "spdx")?,
        list_in(meta, "hf_ids", true)?,
        list_in(meta, "aliases", true)?,
        list_in(meta, "nicknames", false)?,
    ))
}

/// An error naming a field of `object` that is not one of `fields`.
fn only_fields(object: &Map, fields: &[&str]) -> Result<(), String> {
    match object.keys().find(|key| !fields.contains(&key.as_str())) {
        Some(unknown) => Err(format!("unknown field `{unknown}`")),
        None => Ok(()),
    }
}

/// A `policy` object (`id`, `name`, `source`) as an `EmbeddedPolicy` literal.
fn policy_literal(policy: &Map) -> Result<String, String> {
    only_fields(policy, &["id", "name", "source"])?;
    Ok(format!(
        "EmbeddedPolicy {{ id: {}, name: {}, source: {} }}",
        text_in(policy, "id")?,
        text_in(policy, "name")?,
        source_literal(policy.get("source")).map_err(|what| format!("source: {what}"))?,
    ))
}

/// A list of strings as a Rust slice literal; absent is empty unless `required`.
fn list_in(object: &Map, key: &str, required: bool) -> Result<String, String> {
    let items = match object.get(key) {
        None if !required => return Ok("&[]".to_string()),
        Some(Value::Array(items)) => items,
        _ => return Err(format!("`{key}` must be a list of strings")),
    };
    let items = items
        .iter()
        .map(|item| match item {
            Value::String(text) => Ok(format!("{text:?}")),
            _ => Err(format!("`{key}` must list strings")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(format!("&[{}]", items.join(", ")))
}

/// A `source` object (`repo`, `path`, optional `commit`) as an `EmbeddedSource` literal.
fn source_literal(source: Option<&Value>) -> Result<String, String> {
    let Some(Value::Object(source)) = source else {
        return Err("must be an object".to_string());
    };
    only_fields(source, &["repo", "path", "commit"])?;
    Ok(format!(
        "EmbeddedSource {{ repo: {}, path: {}, commit: {} }}",
        text_in(source, "repo")?,
        text_in(source, "path")?,
        optional_text_in(source, "commit")?
    ))
}

/// A required string field as a Rust literal.
fn text_in(object: &Map, key: &str) -> Result<String, String> {
    match object.get(key) {
        Some(Value::String(text)) => Ok(format!("{text:?}")),
        _ => Err(format!("`{key}` must be a string")),
    }
}

/// An optional string field (absent or null: `None`) as a Rust literal.
fn optional_text_in(object: &Map, key: &str) -> Result<String, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok("None".to_string()),
        Some(Value::String(text)) => Ok(format!("Some({text:?})")),
        _ => Err(format!("`{key}` must be a string or null")),
    }
}

/// Links the `model-licence` binary as a position-dependent executable on Linux. A position-
/// independent one is relocated by the dynamic loader at every start: some 14,000 relocations
/// over the binary's tables, each page they touch a copy-on-write fault. That was more than half
/// of a `check FILE`'s CPU time on the 2-core VM (measured with `perf stat`: 3.5 ms -> 1.9 ms).
/// The shared libraries are still loaded at random addresses; only the binary's own image is
/// fixed. The library (and the Python extension) is not affected: the argument applies to
/// binaries only.
fn link_binary_at_fixed_address() {
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
