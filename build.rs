//! Embeds the catalogue (`licences/<id>/`) into the library: one entry per folder that holds a
//! `terms.json`, with its `LICENSE.txt` and optional `POLICY.txt`, sorted by id so that the build
//! is reproducible.
//!
//! Each `terms.json` is split into its metadata, its terms and its model list (the bulk of the
//! file): the library reads every licence's metadata when the catalogue loads, and a licence's
//! terms or models only when they are first asked for, so a process that checks one licence
//! reads one licence's terms and no model list.
//!
//! It also fingerprints the words of every catalogue text (with the library's own
//! `src/text/words.rs`), so that identification recognises an unmodified catalogue text without
//! reading the whole catalogue at start-up.

use std::{env, fmt::Write, fs, path::Path};

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
    let mut out = String::from("pub(crate) static EMBEDDED: &[EmbeddedEntry] = &[\n");
    // Every licence's id and metadata, one after the other: the catalogue reads them all when
    // it loads, and kept together they are a few pages rather than one page beside each text.
    let mut metadata = String::new();
    for id in &ids {
        let dir = licences.join(id);
        println!("cargo:rerun-if-changed={}", dir.display());
        let file = |name: &str| format!("include_str!({:?})", dir.join(name).display().to_string());
        let (meta, terms, differs, models) =
            split_terms_json(&out_dir, id, &dir.join("terms.json"));
        let mut gather = |part: &str| {
            metadata.push_str(part);
            (metadata.len() - part.len(), metadata.len())
        };
        let id_range = gather(id);
        let meta_range = gather(&meta);
        let fingerprint = |name: &str| {
            let text = fs::read_to_string(dir.join(name)).expect("catalogue texts are UTF-8");
            words::Words::new(&text).fingerprint()
        };
        let (policy, policy_words) = if dir.join("POLICY.txt").is_file() {
            (
                format!("Some({})", file("POLICY.txt")),
                format!("Some({})", fingerprint("POLICY.txt")),
            )
        } else {
            ("None".to_string(), "None".to_string())
        };
        writeln!(
            out,
            "    EmbeddedEntry {{ id: {id_range:?}, meta: {meta_range:?}, terms_json: {terms}, differs_json: {differs}, models_json: {models}, licence_text: {}, licence_words: {}, policy_text: {policy}, policy_words: {policy_words} }},",
            file("LICENSE.txt"),
            fingerprint("LICENSE.txt"),
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let metadata_file = Path::new(&out_dir).join("metadata.json");
    fs::write(&metadata_file, metadata).expect("OUT_DIR is writable");
    writeln!(
        out,
        "/// The id and metadata of every entry of `EMBEDDED`, at the ranges the entries give.\n\
         static METADATA: &str = include_str!({:?});",
        metadata_file.display().to_string()
    )
    .expect("writing to a String cannot fail");

    fs::write(Path::new(&out_dir).join("embedded.rs"), out).expect("OUT_DIR is writable");
}

/// Splits `terms.json` into its metadata (returned as JSON, for the caller to gather with the
/// other licences'), its `terms`, its `extraction_differs` and its `models`, writes the last
/// three to files of `OUT_DIR` and returns the `include_str!` of each (`None` for absent
/// differences or models, which the library reports). A file that is not a JSON object is
/// returned whole as metadata, for the library to report its error.
fn split_terms_json(out_dir: &str, id: &str, path: &Path) -> (String, String, String, String) {
    let text = fs::read_to_string(path).expect("terms.json is UTF-8");
    let include = |part: &str, json: String| {
        let file = Path::new(out_dir).join(format!("{id}.{part}.json"));
        fs::write(&file, json).expect("OUT_DIR is writable");
        format!("include_str!({:?})", file.display().to_string())
    };
    let Ok(serde_json::Value::Object(mut entry)) = serde_json::from_str(&text) else {
        return (
            text,
            "\"{}\"".to_string(),
            "None".to_string(),
            "None".to_string(),
        );
    };
    let terms = entry.remove("terms").unwrap_or(serde_json::Value::Null);
    let differs = match entry.remove("extraction_differs") {
        Some(value) => format!("Some({})", include("differs", value.to_string())),
        None => "None".to_string(),
    };
    let models = match entry.remove("models") {
        Some(value) => format!("Some({})", include("models", value.to_string())),
        None => "None".to_string(),
    };
    let meta = serde_json::Value::Object(entry).to_string();
    (meta, include("terms", terms.to_string()), differs, models)
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
