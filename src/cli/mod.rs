//! The `model-licence` command line. It only parses arguments, picks the output and the exit
//! code; everything else is library API.

mod args;
mod compare;
mod output;
mod run;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use model_licence::Exit;

use args::{CheckArgs, DiffArgs, ExplainArgs, LicencesArgs, NoticeArgs, ScanArgs};

/// The `model-licence` command.
#[derive(Debug, Parser)]
#[command(
    name = "model-licence",
    version,
    about = "Licence compliance for open-weight AI models: identify a model's licence, read its terms, check them against a deployment."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check one licence or model against a deployment context.
    Check(CheckArgs),
    /// Check many subjects (a folder, a list, an inventory) in parallel.
    Scan(ScanArgs),
    /// The catalogue as a table; `licences show ID` for one licence.
    Licences(LicencesArgs),
    /// What a rule checks and why.
    Explain(ExplainArgs),
    /// What changed between two licences: terms with both clauses quoted, then clauses.
    Diff(DiffArgs),
    /// What shipped or served models must carry: notices, attributions, licence texts.
    Notice(NoticeArgs),
    /// Shell completions: `model-licence completions bash > /etc/bash_completion.d/model-licence`.
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
}

/// Runs the command line and turns its outcome into the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Check(args) => run::check(args),
        Command::Scan(args) => run::scan(args),
        Command::Licences(args) => run::licences(args),
        Command::Explain(args) => run::explain(args),
        Command::Diff(args) => compare::diff(args),
        Command::Notice(args) => compare::notice(args),
        Command::Completions { shell } => run::completions(*shell),
    };
    match outcome {
        Ok(code) => code.into(),
        Err(err) => {
            // An error may quote a file name or the input: shown escaped, as on standard output.
            let message = err.to_string();
            eprintln!(
                "error: {}",
                model_licence::render::escape_controls_in_lines(&message)
            );
            Exit::BadInput.into()
        }
    }
}
