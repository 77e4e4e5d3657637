//! `cargo run --example check -- SUBJECT [--context FILE] [--format human|json] [fact flags]`
//!
//! The library in use: check a licence (a catalogue id or alias, a licence text, an SPDX
//! expression) or a model (a card, a Hub model JSON, a model folder, a model id) against a
//! deployment context, print the report and exit with its code: 0 permitted (obligations may
//! apply), 1 blocked, 2 bad input or usage, 3 needs review. The arguments are those of
//! `model-licence check` (the same parser), which adds more output formats.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use model_licence::{Checker, Context, ContextSource, Exit, Limits, Policy, Subject};

/// The binary's argument definitions, shared so that both take the same flags.
#[path = "../src/cli/args.rs"]
#[allow(dead_code)]
mod args;

#[derive(Parser)]
#[command(name = "check")]
struct Cli {
    #[command(flatten)]
    check: args::CheckArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli.check) {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!("error: {err}");
            Exit::BadInput.into()
        }
    }
}

fn run(args: &args::CheckArgs) -> Result<Exit, Box<dyn std::error::Error>> {
    let common = &args.common;
    let subject = args.subject.as_deref().ok_or("usage: check SUBJECT")?;
    let limits = Limits {
        max_input_bytes: common.max_input_bytes,
    };
    let policy = common
        .policy
        .as_deref()
        .map(|p| Policy::from_file(p, limits))
        .transpose()?;
    // The context: a file, else the policy's, else the documented default (which the report
    // says it assumed); fact flags override single facts.
    let given = common
        .context
        .as_deref()
        .map(|f| Context::from_file(f, limits))
        .transpose()?;
    let given = given.or_else(|| policy.as_ref().and_then(|p| p.context.clone()));
    let assumed = given.is_none();
    let mut context = given.unwrap_or_else(Context::default_assumed);
    let context_source = match (assumed, common.facts.apply(&mut context)) {
        (true, false) => ContextSource::Default,
        (true, true) => ContextSource::DefaultWithOverrides,
        (false, false) => ContextSource::Given,
        (false, true) => ContextSource::GivenWithOverrides,
    };
    let mut checker = Checker::new()
        .with_limits(limits)
        .with_context_source(context_source)
        .with_hub(common.hub);
    if let Some(policy) = policy {
        checker = checker.with_policy(policy);
    }
    let report = checker.check(&Subject::parse_os(subject), &context)?;
    let text = match common.format {
        args::Format::Human => report.to_human(std::io::stdout().is_terminal()),
        args::Format::Json => format!("{}\n", report.to_json()),
        _ => {
            return Err(
                "the example writes human or json; `model-licence check` writes more".into(),
            );
        }
    };
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(checker.exit_code(&report))
}
