//! Standard output that a closed pipe ends quietly.

use std::io::Write;

use anyhow::{Result, anyhow};
use model_licence::Exit;

/// Standard output that keeps the first write error instead of panicking as `print!` does. A
/// reader that closes the pipe early (`model-licence licences | head -1`) ends the output
/// quietly and the exit code is still the verdict's; any other error (a full disk) is an error,
/// exit 2, so a gate never takes a half-written report for a whole one.
pub struct Sink {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    error: Option<std::io::Error>,
}

impl Sink {
    /// Standard output, buffered.
    pub fn new() -> Sink {
        Sink {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            error: None,
        }
    }

    /// Writes unless an earlier write failed.
    pub fn put(&mut self, args: std::fmt::Arguments) {
        if self.error.is_none()
            && let Err(err) = self.out.write_fmt(args)
        {
            self.error = Some(err);
        }
    }

    /// Writes one whole record (a line and its newline) with a single `write` of standard
    /// output, after what is buffered: writers appending to the same file (`>> all.jsonl`)
    /// then never interleave inside a line.
    pub fn put_record(&mut self, record: String) {
        if self.error.is_some() {
            return;
        }
        let written = self
            .out
            .flush()
            .and_then(|()| self.out.get_mut().write_all(record.as_bytes()));
        if let Err(err) = written {
            self.error = Some(err);
        }
    }

    /// Flushes, and gives `code` back unless a write failed for a reason other than a closed
    /// pipe.
    pub fn finish(mut self, code: Exit) -> Result<Exit> {
        if self.error.is_none()
            && let Err(err) = self.out.flush()
        {
            self.error = Some(err);
        }
        match self.error {
            None => Ok(code),
            Some(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
            Some(err) => Err(anyhow!("<standard output>: cannot write the output: {err}")),
        }
    }
}

/// Writes all of `text` to standard output (see [`Sink`]).
pub fn emit(text: &str, code: Exit) -> Result<Exit> {
    let mut sink = Sink::new();
    sink.put(format_args!("{text}"));
    sink.finish(code)
}
