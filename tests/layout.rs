//! The library's layout: its modules depend on each other in one direction only. A module's
//! dependencies are the `crate::` paths its code names (tests and comments aside); a set of
//! modules that reach each other is a cycle, which this test names.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/render/sarif.rs` is `render`), or
/// `None` for the binary's files and the crate root.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "cli" | "main" | "lib")).then(|| name.to_string())
}

/// The code of a file without its unit tests and its comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules each module names through `crate::`.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = common::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let path = regex::Regex::new(r"crate::([a-z_]+)").expect("regex");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let text = code(&common::read(&file));
        let named = path
            .captures_iter(&text)
            .map(|c| c[1].to_string())
            .filter(|m| *m != module)
            .collect::<Vec<_>>();
        deps.entry(module).or_default().extend(named);
    }
    deps
}

/// The modules `from` reaches, itself excluded unless a cycle leads back to it.
fn reachable(deps: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = deps[from].iter().map(String::as_str).collect();
    while let Some(next) = todo.pop() {
        if seen.insert(next.to_string())
            && let Some(more) = deps.get(next)
        {
            todo.extend(more.iter().map(String::as_str));
        }
    }
    seen
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let deps = dependencies();
    assert!(deps.len() > 20, "{} modules read", deps.len());
    let cycles: Vec<String> = deps
        .keys()
        .filter(|module| reachable(&deps, module).contains(module.as_str()))
        .map(|module| {
            let back: Vec<&String> = deps[module]
                .iter()
                .filter(|d| deps.contains_key(*d) && reachable(&deps, d).contains(module))
                .collect();
            format!("{module} -> {back:?} -> ... -> {module}")
        })
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}
