//! Names and texts that a terminal must not take as they are: file names that are not UTF-8
//! (made at test time, in a scratch folder, from real catalogue texts and contexts), and
//! `fixtures/hostile/controls/`, a model folder whose card and licence hold terminal escapes
//! and bidi controls. Each outcome is exact: the verdict, the exit code, the name as shown.
#![cfg(unix)]

mod common;

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{fixture, root, stderr, stdout};
use model_licence::Subject;

/// `caf\xE9.txt`: the MIT licence under a Latin-1 name.
const CAFE: &[u8] = b"caf\xE9.txt";
/// A model folder under a name with a byte that is no UTF-8 at all.
const FOLDER: &[u8] = b"dir\xFF";
/// A UTF-8 name holding an escape, a bell and a newline.
const ESCAPED: &[u8] = b"ev\x1B]0;t\x07il\n.txt";

fn os(bytes: &[u8]) -> &OsStr {
    OsStr::from_bytes(bytes)
}

/// A fresh scratch folder holding `caf\xE9.txt` (MIT), `dir\xFF/LICENSE` (Apache 2.0, beside
/// a file whose name is not UTF-8 either) and `ev<ESC>...il<LF>.txt` (MIT).
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("model-licence-names-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let licence = |id: &str| root().join("licences").join(id).join("LICENSE.txt");
    std::fs::create_dir_all(dir.join(os(FOLDER))).expect("scratch folder");
    std::fs::copy(licence("mit"), dir.join(os(CAFE))).expect("copy");
    std::fs::copy(licence("mit"), dir.join(os(ESCAPED))).expect("copy");
    let folder = dir.join(os(FOLDER));
    std::fs::copy(licence("apache-2.0"), folder.join("LICENSE")).expect("copy");
    std::fs::write(folder.join(os(b"notes-\xFE.txt")), "notes").expect("write");
    dir
}

/// Runs the binary in `dir` with arguments that need not be UTF-8.
fn run_in(dir: &Path, args: &[&OsStr]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn arg(text: &str) -> &OsStr {
    OsStr::new(text)
}

/// `./` and a name, as one argument.
fn here(name: &[u8]) -> OsString {
    OsString::from_vec([b"./".as_slice(), name].concat())
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn a_file_whose_name_is_not_utf8_is_read_and_checked() {
    let dir = scratch("check");
    let cafe = here(CAFE);
    let out = run_in(&dir, &[arg("check"), &cafe, arg("--format"), arg("json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["subject"], r"./caf\xE9.txt");
    assert_eq!(report["verdict"], "permitted");
    assert_eq!(report["licence"]["id"], "mit");
    let out = run_in(
        &dir,
        &[arg("check"), &cafe, arg("--format"), arg("markdown")],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("\n## `./caf\\xE9.txt`\n"),
        "{}",
        stdout(&out)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_missing_file_whose_name_is_not_utf8_is_named_escaped() {
    let dir = scratch("missing");
    let out = run_in(&dir, &[arg("check"), &here(b"gone\xE9.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: ./gone\\xE9.txt: no such file or folder\n"
    );
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_scan_shows_each_name_escaped_and_json_carries_it() {
    let dir = scratch("scan");
    let out = run_in(&dir, &[arg("scan"), arg("."), arg("--color"), arg("never")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let nothing = "nothing blocks it, needs review or asks anything of you";
    assert_eq!(
        table,
        [
            format!(r"permitted mit ./caf\xE9.txt {nothing}"),
            format!(r"permitted apache-2.0 ./dir\xFF {nothing}"),
            format!(r"permitted mit ./ev\u{{1B}}]0;t\u{{7}}il\u{{A}}.txt {nothing}"),
            String::new(),
            "3 subjects: 3 permitted, 0 blocked, 0 need review, 0 could not be checked".into(),
        ]
    );
    let out = run_in(
        &dir,
        &[arg("scan"), arg("."), arg("--format"), arg("jsonl")],
    );
    let subjects: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .map(|r| r["subject"].as_str().expect("a subject").to_string())
        .collect();
    assert_eq!(
        subjects,
        [
            r"./caf\xE9.txt",
            r"./dir\xFF",
            "./ev\u{1b}]0;t\u{7}il\n.txt"
        ]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_context_file_whose_name_is_not_utf8_is_read() {
    let dir = scratch("context");
    let context = dir.join(os(b"ctx\xE9.json"));
    std::fs::copy(fixture("contexts/big-platform.json"), &context).expect("copy");
    let out = run_in(
        &dir,
        &[
            arg("check"),
            arg("llama-3.3"),
            arg("--context"),
            context.as_os_str(),
            arg("--format"),
            arg("json"),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["verdict"], "blocked");
    assert_eq!(
        report["context"]["organisation"]["monthly_active_users"],
        900_000_000
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn diff_and_notice_take_names_that_are_not_utf8() {
    let dir = scratch("diff");
    let cafe = here(CAFE);
    let out = run_in(&dir, &[arg("diff"), &cafe, arg("mit")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        shown.starts_with("A: ./caf\\xE9.txt = MIT License (mit), ./caf\\xE9.txt"),
        "{shown}"
    );
    assert!(
        shown.contains("No difference in terms or clauses"),
        "{shown}"
    );
    let out = run_in(&dir, &[arg("notice"), &cafe, &here(FOLDER)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    for line in ["  ./caf\\xE9.txt: mit\n", "  ./dir\\xFF: apache-2.0\n"] {
        assert!(shown.contains(line), "{line} not in {shown}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_library_keeps_such_names_as_they_are() {
    let dir = scratch("library");
    let mut entries = model_licence::batch::subjects_in_dir(&dir).expect("lists");
    entries.sort();
    let names: Vec<&[u8]> = entries
        .iter()
        .map(|p| Path::new(p).file_name().expect("a name").as_bytes())
        .collect();
    assert_eq!(names, [CAFE, FOLDER, ESCAPED]);
    let subject = Subject::parse_os(&entries[0]);
    assert_eq!(subject, Subject::Path(PathBuf::from(&entries[0])));
    assert!(
        subject.name().ends_with(r"/caf\xE9.txt"),
        "{}",
        subject.name()
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// What must never reach a terminal from the input: every control character but line breaks
/// and tabs, bidi controls, zero-width characters. `sgr` allows the colour codes the human
/// output writes itself (`ESC [ digits m`).
fn unsafe_chars(text: &str, sgr: bool) -> Vec<char> {
    // A CRLF line break of a licence text quoted whole (in a notice) stays one.
    let text = text.replace("\r\n", "\n");
    let text = if sgr {
        regex::Regex::new(r"\x1b\[[0-9;]*m")
            .expect("a pattern")
            .replace_all(&text, "")
            .into_owned()
    } else {
        text
    };
    text.chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

const CONTROLS: &str = "fixtures/hostile/controls";
/// The card's `license_name`, as its YAML escapes give it.
const LICENSE_NAME: &str = "evil-licence\u{1b}]0;pwned\u{7}\u{202E}esnecil\u{202C}";
/// The same, as people's outputs show it.
const LICENSE_NAME_SHOWN: &str = r"evil-licence\u{1B}]0;pwned\u{7}\u{202E}esnecil\u{202C}";

#[test]
fn a_hostile_card_and_licence_reach_no_terminal_raw() {
    let root = root();
    let outputs: [&[&str]; 8] = [
        &["check", CONTROLS, "--color", "always"],
        &["check", CONTROLS, "--format", "markdown"],
        &["check", CONTROLS, "--explain"],
        &["scan", CONTROLS, "--color", "always"],
        &["notice", CONTROLS],
        &["notice", CONTROLS, "--format", "markdown"],
        &["diff", "fixtures/hostile/controls/LICENSE", "mit"],
        &[
            "diff",
            "fixtures/hostile/controls/LICENSE",
            "mit",
            "--format",
            "markdown",
        ],
    ];
    for args in outputs {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let out = run_in(&root, &args);
        let shown = stdout(&out);
        let sgr = args.contains(&OsStr::new("always"));
        assert_eq!(unsafe_chars(&shown, sgr), [], "{args:?}:\n{shown}");
        assert_eq!(unsafe_chars(&stderr(&out), false), [], "{args:?}");
        let verdict_code = if args[0] == "diff" { 0 } else { 3 };
        assert_eq!(out.status.code(), Some(verdict_code), "{args:?}");
    }
}

#[test]
fn a_hostile_card_is_reviewed_and_shown_escaped() {
    let out = common::run(&["check", CONTROLS, "--color", "never"]);
    assert_eq!(out.status.code(), Some(3));
    let shown = stdout(&out);
    let expected = [
        format!("  the model's metadata declares: other ({LICENSE_NAME_SHOWN})"),
        format!(
            "  [licence-conflict] The card declares `{LICENSE_NAME_SHOWN}`, but the model's LICENSE file is MIT License (mit): the text binds, and its terms were evaluated."
        ),
        r#"      > "8mshall not\u{1B}[0m" (licence line 11:57, bytes 561..576)"#.to_string(),
        "Verdict: NEEDS REVIEW".to_string(),
    ];
    for line in &expected {
        assert!(shown.lines().any(|l| l == line), "{line}\nnot in\n{shown}");
    }
    // JSON carries the strings as they are, escaped only as JSON escapes them.
    let report = common::json(&common::run(&["check", CONTROLS, "--format", "json"]));
    assert_eq!(report["verdict"], "needs_review");
    assert_eq!(report["licence"]["id"], "mit");
    assert_eq!(report["declared"]["license_name"], LICENSE_NAME);
    let quotes: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|f| f["evidence"].as_array().expect("evidence"))
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert!(quotes.contains(&"8mshall not\u{1b}[0m"), "{quotes:?}");
}
