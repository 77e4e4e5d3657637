//! The `model-licence` command line: see `model-licence --help`.

fn main() -> std::process::ExitCode {
    model_licence::cli::main()
}
