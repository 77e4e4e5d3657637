//! Standard output that goes away: a reader that closes the pipe early ends the output quietly
//! (no panic, the verdict's exit code), and a write that fails for another reason is an error
//! (exit 2) rather than a half-written report taken for a whole one.

mod common;

use std::process::{Command, Stdio};

fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_model-licence"));
    cmd.current_dir(common::root());
    cmd
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_verdicts_code() {
    // Far more output than a pipe buffers, so writes fail once the reader is gone.
    for (args, code) in [
        (&["scan", "fixtures/models", "--format", "json"][..], None),
        (&["licences", "show", "llama-3.1"][..], Some(0)),
    ] {
        let mut child = binary()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("ends");
        let stderr = common::stderr(&out);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{args:?}");
        if let Some(code) = code {
            assert_eq!(out.status.code(), Some(code), "{args:?}");
        }
    }
}

#[test]
fn a_full_disk_is_an_error_naming_the_output() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not a Linux machine: nothing to test with
    };
    let out = binary()
        .args(["check", "llama"])
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = common::stderr(&out);
    assert!(
        stderr.contains("standard output") && stderr.contains("No space left"),
        "{stderr}"
    );
}
