//! Inputs that are not regular files, and parallel JSONL output. Each check must end by itself
//! within seconds (a FIFO that is opened blocks until a writer appears; `/dev/zero` never ends)
//! with exit 2 and a message naming the path and what it is.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{root, stderr, stdout};

/// Runs the binary and kills it after 10 s; panics if it had not ended by itself.
fn run_bounded(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("`model-licence {}` did not end by itself", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// A fresh folder holding a FIFO named `name`.
fn dir_with_fifo(test: &str, name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("ml-special-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fifo = dir.join(name);
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    (dir, fifo)
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

#[test]
fn character_devices_are_refused_at_once() {
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        if !Path::new(device).exists() {
            continue;
        }
        let out = run_bounded(&["check", device]);
        assert_eq!(out.status.code(), Some(2), "{device}");
        assert!(
            stderr(&out).contains(&format!("{device}: is a character device, not a file")),
            "{device}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn a_fifo_subject_is_refused_not_waited_on() {
    let (dir, fifo) = dir_with_fifo("subject", "LICENSE");
    let out = run_bounded(&["check", text(&fifo)]);
    assert_eq!(out.status.code(), Some(2));
    let expected = format!("{}: is a FIFO (named pipe), not a file", fifo.display());
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_fifo_context_is_refused_not_waited_on() {
    let (dir, fifo) = dir_with_fifo("context", "context.json");
    let out = run_bounded(&["check", "mit", "--context", text(&fifo)]);
    assert_eq!(out.status.code(), Some(2));
    let expected = format!("{}: is a FIFO (named pipe), not a file", fifo.display());
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    let out = run_bounded(&["check", "mit", "--context", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/dev/zero: is a character device, not a file"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_fifo_in_a_scanned_folder_is_an_error_entry() {
    let (dir, fifo) = dir_with_fifo("scan", "LICENSE.txt");
    std::fs::copy(root().join("licences/mit/LICENSE.txt"), dir.join("mit.txt")).expect("copy");
    let out = run_bounded(&["scan", text(&dir), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", stdout(&out));
    let fifo_line = lines
        .iter()
        .find(|l| l["subject"].as_str() == Some(text(&fifo)))
        .expect("the FIFO's entry, named by its path");
    assert!(
        fifo_line
            .to_string()
            .contains("is a FIFO (named pipe), not a file"),
        "{fifo_line}"
    );
    let mit_line = lines
        .iter()
        .find(|l| l.to_string().contains("mit.txt"))
        .expect("the text's entry");
    assert_eq!(mit_line["verdict"], "permitted", "{mit_line}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn stdin_is_read_only_up_to_the_limit() {
    let zero = std::fs::File::open("/dev/zero");
    let Ok(zero) = zero else { return };
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(["check", "-", "--max-input-bytes", "1000"])
        .current_dir(root())
        .stdin(zero)
        .output()
        .expect("runs");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("<stdin>: 1001 bytes is over the input limit of 1000 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn parallel_jsonl_scans_appending_to_one_file_never_tear_lines() {
    let dir = std::env::temp_dir().join(format!("ml-special-jsonl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let target = dir.join("all.jsonl");
    let subjects = [
        "llama-3.3",
        "gemma",
        "mit",
        "apache-2.0",
        "qwen",
        "flux-1-dev",
    ];
    let writers = 6;
    let children: Vec<_> = (0..writers)
        .map(|_| {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&target)
                .expect("open for append");
            Command::new(env!("CARGO_BIN_EXE_model-licence"))
                .arg("scan")
                .args(subjects)
                .args(["--format", "jsonl"])
                .current_dir(root())
                .stdout(file)
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        child.wait().expect("waits");
    }
    let all = std::fs::read_to_string(&target).expect("read");
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), writers * subjects.len());
    for line in lines {
        let record: serde_json::Value = serde_json::from_str(line).expect("a whole JSON line");
        assert!(record.get("subject").is_some(), "{line}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
