//! `fixtures/hostile/repeated/shapes.tsv`: hostile inputs kept as a small seed each and built
//! by repetition to any size, so that no 10 MiB file lives in git. Shared by `tests/hostile.rs`
//! (small sizes, exact outcomes) and `benches/check.rs` (10 MiB, timed as a process).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The manifest, relative to the repository root.
pub const MANIFEST: &str = "fixtures/hostile/repeated/shapes.tsv";

/// One shape of the manifest.
#[derive(Debug, Clone)]
pub struct Shape {
    /// The file name of the input built (its extension tells the checker what it is).
    pub name: String,
    /// Written once before the repetitions.
    pub head: String,
    /// Repeated; `{n}` is the repetition's number, `{indent}` two spaces per repetition.
    pub unit: String,
    /// Written once after the repetitions.
    pub tail: String,
    /// What a check of the input must give.
    pub outcome: Outcome,
}

/// What a check of a hostile input must give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A report: the exit code, the verdict and, if named, the licence id (over 512 KiB a text
    /// is not identified: a shape named with its licence is one the checker must identify).
    Report {
        exit: i32,
        verdict: String,
        licence: Option<String>,
    },
    /// Exit 2, with these words in the message.
    Error(String),
}

/// The shapes of the manifest, in its order.
pub fn shapes(root: &Path) -> Vec<Shape> {
    let manifest = root.join(MANIFEST);
    let text = std::fs::read_to_string(&manifest)
        .unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t") && !l.trim().is_empty())
        .map(|line| parse_line(root, line))
        .collect()
}

fn parse_line(root: &Path, line: &str) -> Shape {
    let fields: Vec<&str> = line.split('\t').collect();
    let [name, head, unit, tail, outcome] = fields[..] else {
        panic!("{MANIFEST}: not five tab-separated fields: {line:?}");
    };
    Shape {
        name: name.to_string(),
        head: seed(root, head),
        unit: seed(root, unit),
        tail: seed(root, tail),
        outcome: parse_outcome(outcome),
    }
}

/// A seed field: `-` for nothing, `@PATH` for a file of the repository, else escaped text.
fn seed(root: &Path, field: &str) -> String {
    if field == "-" {
        return String::new();
    }
    if let Some(path) = field.strip_prefix('@') {
        let path = root.join(path);
        return std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            other => panic!("{MANIFEST}: unknown escape \\{other:?} in {field:?}"),
        }
    }
    out
}

fn parse_outcome(field: &str) -> Outcome {
    let words: Vec<&str> = field.split_whitespace().collect();
    match words[..] {
        ["error", ..] => Outcome::Error(words[1..].join(" ")),
        ["exit", exit, verdict, ref rest @ ..] => Outcome::Report {
            exit: exit.parse().expect("an exit code"),
            verdict: verdict.to_string(),
            licence: rest
                .first()
                .and_then(|l| l.strip_prefix("licence:"))
                .map(str::to_string),
        },
        _ => panic!("{MANIFEST}: unknown outcome {field:?}"),
    }
}

impl Shape {
    /// The input of about `size` bytes (never more): head, as many units as fit, tail.
    pub fn text(&self, size: usize) -> String {
        let mut out = String::with_capacity(size);
        out.push_str(&self.head);
        let room = size.saturating_sub(self.tail.len());
        for n in 0.. {
            let unit = self.unit(n);
            if out.len() + unit.len() > room {
                break;
            }
            out.push_str(&unit);
        }
        out.push_str(&self.tail);
        out
    }

    /// Repetition `n` of the unit.
    fn unit(&self, n: usize) -> std::borrow::Cow<'_, str> {
        if !self.unit.contains('{') {
            return self.unit.as_str().into();
        }
        self.unit
            .replace("{n}", &n.to_string())
            .replace("{indent}", &"  ".repeat(n))
            .into()
    }

    /// Writes the input of about `size` bytes into `dir` and gives its path.
    pub fn write(&self, dir: &Path, size: usize) -> PathBuf {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let path = dir.join(&self.name);
        std::fs::write(&path, self.text(size))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path
    }
}
