//! `cargo run --example check -- SUBJECT [--context FILE] [--format human|json] [fact flags]`
//!
//! Checks a licence (a catalogue id or alias, a licence text) or a model (a card, a Hub model
//! JSON, a model folder) against a deployment context and prints the report: exactly what
//! `model-licence check` does. Exit codes: 0 permitted (obligations may apply), 1 blocked,
//! 2 bad input or usage, 3 needs review.

fn main() -> std::process::ExitCode {
    model_licence::cli::check_example_main()
}
