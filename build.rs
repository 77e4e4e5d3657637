//! Embeds the catalogue (`licences/<id>/`) into the library: one entry per folder that holds a
//! `terms.json`, with its `LICENSE.txt` and optional `POLICY.txt`, sorted by id so that the build
//! is reproducible.

use std::{env, fmt::Write, fs, path::Path};

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir);
    let licences = root.join("licences");
    println!("cargo:rerun-if-changed=licences");

    let mut ids: Vec<String> = fs::read_dir(&licences)
        .expect("licences/ is readable")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("terms.json").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();

    let mut out = String::from("pub(crate) static EMBEDDED: &[EmbeddedEntry] = &[\n");
    for id in &ids {
        let dir = licences.join(id);
        println!("cargo:rerun-if-changed={}", dir.display());
        let file = |name: &str| format!("include_str!({:?})", dir.join(name).display().to_string());
        let policy = if dir.join("POLICY.txt").is_file() {
            format!("Some({})", file("POLICY.txt"))
        } else {
            "None".to_string()
        };
        writeln!(
            out,
            "    EmbeddedEntry {{ id: {id:?}, terms_json: {}, licence_text: {}, policy_text: {policy} }},",
            file("terms.json"),
            file("LICENSE.txt"),
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");

    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
