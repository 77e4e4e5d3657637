//! Embeds the catalogue (`licences/<id>/`) into the library: one entry per folder that holds a
//! `terms.json`, with its `LICENSE.txt` and optional `POLICY.txt`, sorted by id so that the build
//! is reproducible.
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

    let mut ids: Vec<String> = fs::read_dir(&licences)
        .expect("licences/ is readable")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("terms.json").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();

    let mut out = String::from("pub(crate) static EMBEDDED: &[EmbeddedEntry] = &[\n");
    let mut fingerprints = String::from(
        "/// The words fingerprint of each embedded catalogue text: id, licence text, policy text.\n\
         static EMBEDDED_WORDS: &[(&str, u64, Option<u64>)] = &[\n",
    );
    for id in &ids {
        let dir = licences.join(id);
        println!("cargo:rerun-if-changed={}", dir.display());
        let file = |name: &str| format!("include_str!({:?})", dir.join(name).display().to_string());
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
            "    EmbeddedEntry {{ id: {id:?}, terms_json: {}, licence_text: {}, policy_text: {policy} }},",
            file("terms.json"),
            file("LICENSE.txt"),
        )
        .expect("writing to a String cannot fail");
        writeln!(
            fingerprints,
            "    ({id:?}, {}, {policy_words}),",
            fingerprint("LICENSE.txt")
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    fingerprints.push_str("];\n");

    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("embedded.rs"), out).expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("fingerprints.rs"), fingerprints)
        .expect("OUT_DIR is writable");
}
