//! `cargo run --example check -- SUBJECT [--context FILE] [--format human|json]`
//!
//! The library in use: check a licence (a catalogue id or alias, a licence text) or a model (a
//! card, a Hub model JSON, a model folder) against a deployment context, print the report and
//! exit with its code: 0 permitted (obligations may apply), 1 blocked, 2 bad input or usage,
//! 3 needs review. `model-licence check` does the same, with fact flags, policies and more
//! formats.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use model_licence::{CheckOptions, Context, Exit, Limits, check};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!("error: {err}");
            Exit::BadInput.into()
        }
    }
}

fn run(args: Vec<String>) -> Result<Exit, Box<dyn std::error::Error>> {
    let (mut subject, mut context_file, mut json) = (None, None, false);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--context" => context_file = Some(args.next().ok_or("--context takes a file")?),
            "--format" => {
                json = match args.next().as_deref() {
                    Some("json") => true,
                    Some("human") => false,
                    _ => return Err("--format takes human or json".into()),
                }
            }
            flag if flag.starts_with("--") => {
                return Err(format!("{flag}: the example takes --context and --format; `model-licence check` takes fact flags too").into());
            }
            _ => subject = Some(arg),
        }
    }
    let subject = subject.ok_or("usage: check SUBJECT [--context FILE] [--format human|json]")?;
    // Without a context file, the documented default context, which the report says it assumed.
    let (context, options) = match context_file {
        Some(file) => (
            Context::from_file(file.as_ref(), Limits::DEFAULT)?,
            CheckOptions::GIVEN_CONTEXT,
        ),
        None => (Context::default_assumed(), CheckOptions::DEFAULT_CONTEXT),
    };
    let report = check(&subject, &context, &options)?;
    let text = if json {
        format!("{}\n", report.to_json())
    } else {
        report.to_human(std::io::stdout().is_terminal())
    };
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(report.exit_code())
}
