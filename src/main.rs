//! The `model-licence` command line: see `model-licence --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
