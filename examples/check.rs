//! `cargo run --example check -- SUBJECT [--context FILE] [--format human|json] [fact flags]`
//!
//! Checks a licence (a catalogue id or alias, or a licence text file) against a deployment
//! context and prints the report. Exit codes: 0 permitted (obligations may apply), 1 blocked,
//! 2 bad input or usage, 3 needs review.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use model_licence::{
    Catalogue, CheckOptions, Context, ContextSource, Limits, Modality, Origin, Region, check,
};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Colour {
    Auto,
    Always,
    Never,
}

/// Check an open-weight model licence against a deployment context.
#[derive(Debug, Parser)]
#[command(
    name = "check",
    after_help = "Examples:\n  check llama\n  check llama-3.2 --domicile DE --modality vision\n  check ./LICENSE --context deployment.json --format json\n\nExit codes: 0 permitted, 1 blocked, 2 bad input or usage, 3 needs review."
)]
struct Args {
    /// A catalogue id or alias (`llama`, `llama-3.1`, `gemma`, `apache-2.0`) or a path to a licence text.
    #[arg(required_unless_present = "list")]
    subject: Option<String>,
    /// A deployment context (JSON, see the README); `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    context: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Colour,
    /// List the catalogue and exit.
    #[arg(long)]
    list: bool,
    /// The largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT.max_input_bytes)]
    max_input_bytes: u64,
    #[command(flatten)]
    facts: Facts,
}

/// Single context facts; each overrides the context file or the default context.
#[derive(Debug, clap::Args)]
struct Facts {
    /// Monthly active users of the organisation's products and services.
    #[arg(long, value_name = "N")]
    users: Option<u64>,
    /// Daily active users.
    #[arg(long, value_name = "N")]
    daily_users: Option<u64>,
    /// Annual revenue in US dollars.
    #[arg(long, value_name = "USD")]
    revenue: Option<u64>,
    /// Where the organisation is domiciled (ISO 3166-1 alpha-2, e.g. DE; EU for any member state).
    #[arg(long, value_name = "CC", value_parser = parse_region)]
    domicile: Option<Region>,
    /// A market the deployment is offered in (repeatable).
    #[arg(long = "market", value_name = "CC", value_parser = parse_region)]
    markets: Vec<Region>,
    /// The deployment is commercial.
    #[arg(long, conflicts_with = "non_commercial")]
    commercial: bool,
    /// The deployment is non-commercial (research, evaluation).
    #[arg(long)]
    non_commercial: bool,
    /// The model itself is offered to others as a hosted service or API.
    #[arg(long)]
    host_as_service: bool,
    /// The model is fine-tuned or modified.
    #[arg(long)]
    fine_tune: bool,
    /// The original weights are shared with others.
    #[arg(long)]
    distribute_weights: bool,
    /// Fine-tuned or modified weights are shared with others.
    #[arg(long)]
    distribute_derivatives: bool,
    /// Outputs are used to train or improve another model.
    #[arg(long)]
    train_on_outputs: bool,
    /// A modality the deployment uses (repeatable): text, code, vision, image, audio, speech, video, 3d, multimodal.
    #[arg(long = "modality", value_name = "M", value_parser = Modality::parse)]
    modalities: Vec<Modality>,
    /// A use of the model, for the reviewer (repeatable).
    #[arg(long = "use", value_name = "USE")]
    uses: Vec<String>,
}

fn parse_region(code: &str) -> Result<Region, String> {
    Region::parse(code)
}

impl Facts {
    /// Applies the facts given to the context; returns whether any was given.
    fn apply(&self, ctx: &mut Context) -> bool {
        let before = ctx.clone();
        let (o, d) = (&mut ctx.organisation, &mut ctx.deployment);
        set(&mut o.monthly_active_users, self.users);
        set(&mut o.daily_active_users, self.daily_users);
        set(&mut o.annual_revenue_usd, self.revenue);
        set(&mut o.domicile, self.domicile.clone());
        if self.commercial || self.non_commercial {
            d.commercial = Some(self.commercial);
        }
        set_flag(&mut d.hosting_as_service, self.host_as_service);
        set_flag(&mut d.fine_tune, self.fine_tune);
        set_flag(&mut d.distribute_weights, self.distribute_weights);
        set_flag(&mut d.distribute_derivatives, self.distribute_derivatives);
        set_flag(&mut d.train_on_outputs, self.train_on_outputs);
        set_list(&mut d.markets, &self.markets);
        set_list(&mut d.modalities, &self.modalities);
        set_list(&mut d.uses, &self.uses);
        *ctx != before
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) {
    if value.is_some() {
        *slot = value;
    }
}

fn set_flag(slot: &mut Option<bool>, given: bool) {
    if given {
        *slot = Some(true);
    }
}

fn set_list<T: Clone>(slot: &mut Option<Vec<T>>, values: &[T]) {
    if !values.is_empty() {
        *slot = Some(values.to_vec());
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> model_licence::Result<u8> {
    if args.list {
        print_catalogue()?;
        return Ok(0);
    }
    let limits = Limits {
        max_input_bytes: args.max_input_bytes,
    };
    let (mut context, given) = match &args.context {
        None => (Context::default_assumed(), false),
        Some(path) if path.as_os_str() == "-" => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(limits.max_input_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| model_licence::Error::Io {
                    origin: Origin::Memory("stdin".into()),
                    source,
                })?;
            let ctx = Context::from_bytes(bytes, Origin::Memory("stdin".into()), limits)?;
            (ctx, true)
        }
        Some(path) => (Context::from_file(path, limits)?, true),
    };
    let overridden = args.facts.apply(&mut context);
    let context_source = match (given, overridden) {
        (false, false) => ContextSource::Default,
        (false, true) => ContextSource::DefaultWithOverrides,
        (true, false) => ContextSource::Given,
        (true, true) => ContextSource::GivenWithOverrides,
    };
    let options = CheckOptions {
        limits,
        context_source,
    };
    let subject = args.subject.as_deref().unwrap_or_default();
    let report = check(subject, &context, &options)?;
    match args.format {
        Format::Json => println!("{}", report.to_json()),
        Format::Human => {
            let colour = match args.color {
                Colour::Always => true,
                Colour::Never => false,
                Colour::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            print!("{}", report.to_human(colour));
        }
    }
    Ok(u8::try_from(report.exit_code()).unwrap_or(2))
}

fn print_catalogue() -> model_licence::Result<()> {
    let catalogue = Catalogue::embedded()?;
    println!("{:<28} {:<12} NAME", "ID", "RELEASED");
    for licence in catalogue.licences() {
        println!(
            "{:<28} {:<12} {}",
            licence.id,
            licence.released.as_deref().unwrap_or("-"),
            licence.name
        );
    }
    Ok(())
}
