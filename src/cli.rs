//! The command line, shared by the `model-licence` binary and the `check` example. It only parses
//! arguments, picks the output and the exit code; everything else is library API.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::batch::{
    BatchItem, CheckOptions, check, check_all, subjects_in_dir, subjects_in_hf_cache,
    subjects_in_inventory, worst_exit_code,
};
use crate::catalogue::Catalogue;
use crate::context::{Context, Modality, Region};
use crate::error::{Error, Origin, Result};
use crate::evaluate::{Exit, Rule, group};
use crate::policy::Policy;
use crate::render;
use crate::report::ContextSource;
use crate::terms::TermName;
use crate::text::Limits;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for a terminal.
    Human,
    /// The JSON report of CONTRACT.md (an array for `scan`).
    Json,
    /// One JSON report per line.
    Jsonl,
    /// A review document for legal and procurement readers.
    Markdown,
    /// SARIF 2.1.0, for code-scanning pages.
    Sarif,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options shared by `check` and `scan`.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// A deployment context (JSON, see the README); `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    context: Option<PathBuf>,
    /// An organisation policy (TOML): allowed and denied licences, accepted obligations,
    /// the review gate, the context, exceptions.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Colour,
    /// The largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT.max_input_bytes)]
    max_input_bytes: u64,
    /// Read model ids (`owner/name[@revision]`) from the Hugging Face Hub: HF_ENDPOINT,
    /// HF_TOKEN and HF_HUB_OFFLINE apply. Also set by MODEL_LICENCE_HUB=1.
    #[arg(long)]
    hub: bool,
    #[command(flatten)]
    facts: Facts,
}

/// A count or an amount: a non-negative whole number, digits optionally grouped with `,` or `_`.
/// A negative number gets a plain message rather than clap's "use `-- -5`" tip.
fn count(value: &str) -> std::result::Result<u64, String> {
    let digits: String = value
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    if digits.starts_with('-') {
        return Err("must be a non-negative number".to_string());
    }
    digits.parse().map_err(|_| {
        format!("`{value}` is not a whole number (digits, optionally grouped with , or _)")
    })
}

/// Single context facts; each overrides the context file, the policy's context or the default.
#[derive(Debug, Args)]
pub struct Facts {
    /// Monthly active users of the organisation's products and services.
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = count)]
    users: Option<u64>,
    /// Daily active users.
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = count)]
    daily_users: Option<u64>,
    /// Annual revenue in US dollars.
    #[arg(long, value_name = "USD", allow_hyphen_values = true, value_parser = count)]
    revenue: Option<u64>,
    /// Where the organisation is domiciled (ISO 3166-1 alpha-2, e.g. DE; EU for any member state).
    #[arg(long, value_name = "CC", value_parser = Region::parse)]
    domicile: Option<Region>,
    /// A market the deployment is offered in (repeatable).
    #[arg(long = "market", value_name = "CC", value_parser = Region::parse)]
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

const CHECK_EXAMPLES: &str = "Examples:\n  check llama\n  check llama-3.2 --domicile DE --modality vision\n  check ./LICENSE --context deployment.json --format json\n  check models/meta-llama__Llama-3.1-8B-Instruct/ --policy policy.toml\n\nExit codes: 0 permitted, 1 blocked, 2 bad input or usage, 3 needs review.";

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = CHECK_EXAMPLES)]
pub struct CheckArgs {
    /// A catalogue id or alias (`llama`, `llama-3.1`, `gemma`, `apache-2.0`), a licence text, a model card, a Hub model JSON, or a model folder.
    #[arg(required_unless_present = "list")]
    subject: Option<String>,
    /// List the catalogue and exit.
    #[arg(long)]
    list: bool,
    #[command(flatten)]
    common: CommonArgs,
}

/// Arguments of `scan`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence scan models/\n  model-licence scan --inventory models.txt --policy policy.toml --format sarif > licences.sarif\n  model-licence scan a/README.md b.json llama-3.3 --format jsonl\n\nA folder's entries (model folders, cards, Hub JSON files, licence texts) are each a subject; an inventory lists one subject per line (or a JSON array).\nThe exit code is the worst over the batch: 1 blocked, then 2 a subject that could not be checked, then 3 needs review, else 0."
)]
pub struct ScanArgs {
    /// Folders (each entry a subject) or single subjects.
    paths: Vec<PathBuf>,
    /// A file listing subjects, one per line (`#` comments) or as a JSON array.
    #[arg(long, value_name = "FILE")]
    inventory: Option<PathBuf>,
    /// Every model of a Hugging Face cache, reported as `owner/name@sha`. Without DIR:
    /// HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.
    #[arg(long, value_name = "DIR", num_args = 0..=1)]
    hf_cache: Option<Option<PathBuf>>,
    #[command(flatten)]
    common: CommonArgs,
}

/// Arguments of `licences`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence licences\n  model-licence licences show llama-3.3"
)]
pub struct LicencesArgs {
    #[command(subcommand)]
    command: Option<LicencesCommand>,
}

/// `licences show`.
#[derive(Debug, Subcommand)]
pub enum LicencesCommand {
    /// Print a licence's terms with their clauses, then its full text.
    Show {
        /// A catalogue id or alias.
        id: String,
    },
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence explain user-threshold\n  model-licence explain --list"
)]
pub struct ExplainArgs {
    /// A rule code, as in `findings[].rule`.
    #[arg(required_unless_present = "list")]
    rule: Option<String>,
    /// List every rule.
    #[arg(long)]
    list: bool,
}

/// The `model-licence` command.
#[derive(Debug, Parser)]
#[command(
    name = "model-licence",
    version,
    about = "Licence compliance for open-weight AI models: identify a model's licence, read its terms, check them against a deployment."
)]
struct Cli {
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
    /// Shell completions: `model-licence completions bash > /etc/bash_completion.d/model-licence`.
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
}

/// The `check` example: the `check` subcommand as a command of its own.
#[derive(Debug, Parser)]
#[command(
    name = "check",
    about = "Check an open-weight model licence against a deployment context."
)]
struct CheckCli {
    #[command(flatten)]
    args: CheckArgs,
}

/// Runs the `model-licence` binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Check(args) => run_check(args),
        Command::Scan(args) => run_scan(args),
        Command::Licences(args) => run_licences(args),
        Command::Explain(args) => run_explain(args),
        Command::Completions { shell } => completions(*shell),
    };
    finish(outcome)
}

/// Runs the `check` example (`cargo run --example check -- SUBJECT ...`).
pub fn check_example_main() -> ExitCode {
    finish(run_check(&CheckCli::parse().args))
}

fn finish(outcome: Result<Exit>) -> ExitCode {
    match outcome {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// Standard output that keeps the first write error instead of panicking as `print!` does. A
/// reader that closes the pipe early (`model-licence licences | head -1`) ends the output
/// quietly and the exit code is still the verdict's; any other error (a full disk) is an error,
/// exit 2, so a gate never takes a half-written report for a whole one.
struct Sink {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    error: Option<std::io::Error>,
}

impl Sink {
    fn new() -> Sink {
        Sink {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            error: None,
        }
    }

    fn put(&mut self, args: std::fmt::Arguments) {
        if self.error.is_none()
            && let Err(err) = self.out.write_fmt(args)
        {
            self.error = Some(err);
        }
    }

    /// Flushes, and gives `code` back unless a write failed for a reason other than a closed
    /// pipe.
    fn finish(mut self, code: Exit) -> Result<Exit> {
        if self.error.is_none()
            && let Err(err) = self.out.flush()
        {
            self.error = Some(err);
        }
        match self.error {
            None => Ok(code),
            Some(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
            Some(err) => Err(Error::Unsupported {
                origin: Origin::Memory("standard output".into()),
                message: format!("cannot write the output: {err}"),
            }),
        }
    }
}

/// Writes all of `text` to standard output (see [`Sink`]).
fn emit(text: &str, code: Exit) -> Result<Exit> {
    let mut sink = Sink::new();
    sink.put(format_args!("{text}"));
    sink.finish(code)
}

/// Writes the completion script for `shell` to standard output.
fn completions(shell: clap_complete::Shell) -> Result<Exit> {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "model-licence", &mut script);
    emit(&String::from_utf8_lossy(&script), Exit::Permitted)
}

/// The context, policy and options that `check` and `scan` share.
struct Setup {
    context: Context,
    policy: Option<Policy>,
    options: CheckOptions,
}

fn setup(common: &CommonArgs) -> Result<Setup> {
    let limits = Limits {
        max_input_bytes: common.max_input_bytes,
    };
    let policy = common
        .policy
        .as_deref()
        .map(|p| Policy::from_file(p, limits))
        .transpose()?;
    let (mut context, given) = match &common.context {
        Some(path) if path.as_os_str() == "-" => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(limits.max_input_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io {
                    origin: Origin::Memory("stdin".into()),
                    source,
                })?;
            (
                Context::from_bytes(bytes, Origin::Memory("stdin".into()), limits)?,
                true,
            )
        }
        Some(path) => (Context::from_file(path, limits)?, true),
        None => match policy.as_ref().and_then(|p| p.context.clone()) {
            Some(ctx) => (ctx, true),
            None => (Context::default_assumed(), false),
        },
    };
    let overridden = common.facts.apply(&mut context);
    let context_source = match (given, overridden) {
        (false, false) => ContextSource::Default,
        (false, true) => ContextSource::DefaultWithOverrides,
        (true, false) => ContextSource::Given,
        (true, true) => ContextSource::GivenWithOverrides,
    };
    Ok(Setup {
        context,
        policy,
        options: CheckOptions {
            limits,
            context_source,
            hub: common.hub || hub_from_env(),
        },
    })
}

/// `MODEL_LICENCE_HUB=1` (or `true`, `yes`, `on`) asks for the Hub as `--hub` does.
fn hub_from_env() -> bool {
    std::env::var("MODEL_LICENCE_HUB").is_ok_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on"
        )
    })
}

/// The cache `--hf-cache` names, or the default one; a folder that is not there is an error.
fn hf_cache_dir(given: Option<&Path>) -> Result<PathBuf> {
    let dir = match given {
        Some(dir) => dir.to_path_buf(),
        None => crate::hf_cache::default_hf_cache().ok_or_else(|| Error::Unsupported {
            origin: Origin::Memory("--hf-cache".into()),
            message: "no Hugging Face cache: set HF_HUB_CACHE or HF_HOME, or give the folder"
                .to_string(),
        })?,
    };
    if !dir.is_dir() {
        return Err(Error::NotFound {
            origin: Origin::Path(dir),
        });
    }
    Ok(dir)
}

fn colour(choice: Colour, stream_is_terminal: bool) -> bool {
    match choice {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}

fn run_check(args: &CheckArgs) -> Result<Exit> {
    if args.list {
        print_catalogue()?;
        return Ok(Exit::Permitted);
    }
    let subject = args.subject.clone().unwrap_or_default();
    let context_on_stdin = args.common.context.as_deref() == Some(std::path::Path::new("-"));
    if subject == crate::subject::STDIN && context_on_stdin {
        return Err(Error::Unsupported {
            origin: Origin::Memory("-".into()),
            message: "standard input can carry the subject or the context, not both: give one of them as a file".to_string(),
        });
    }
    let setup = setup(&args.common)?;
    let mut report = check(&subject, &setup.context, &setup.options)?;
    if let Some(policy) = &setup.policy {
        policy.apply(&mut report);
    }
    let code = match &setup.policy {
        Some(policy) => policy.exit_code(&report),
        None => report.exit_code(),
    };
    let item = BatchItem {
        subject,
        result: Ok(report),
    };
    let out = match (args.common.format, &item.result) {
        (Format::Human, Ok(report)) => {
            report.to_human(colour(args.common.color, std::io::stdout().is_terminal()))
        }
        (Format::Json, Ok(report)) => format!("{}\n", report.to_json()),
        (Format::Jsonl, _) => format!("{}\n", render::item_jsonl(&item)),
        (Format::Markdown, _) => render::markdown(std::slice::from_ref(&item)),
        (Format::Sarif, _) => format!("{}\n", pretty(&render::sarif(std::slice::from_ref(&item)))),
        (_, Err(_)) => String::new(),
    };
    emit(&out, code)
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn run_scan(args: &ScanArgs) -> Result<Exit> {
    let setup = setup(&args.common)?;
    let mut subjects = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            subjects.extend(subjects_in_dir(path)?);
        } else {
            subjects.push(path.to_string_lossy().into_owned());
        }
    }
    if let Some(inventory) = &args.inventory {
        subjects.extend(subjects_in_inventory(inventory, &setup.options)?);
    }
    if let Some(dir) = &args.hf_cache {
        subjects.extend(subjects_in_hf_cache(&hf_cache_dir(dir.as_deref())?)?);
    }
    if subjects.is_empty() {
        return Err(Error::Unsupported {
            origin: Origin::Memory("scan".into()),
            message: "nothing to scan: give folders, subjects or --inventory".to_string(),
        });
    }
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(subjects.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let format = args.common.format;
    let colour_on = colour(args.common.color, std::io::stdout().is_terminal());
    let mut out = Sink::new();
    let mut codes = Vec::new();
    let mut kept: Vec<BatchItem> = Vec::new();
    let mut first = true;
    if format == Format::Json {
        out.put(format_args!("[\n"));
    }
    check_all(
        &subjects,
        &setup.context,
        setup.policy.as_ref(),
        &setup.options,
        |item| {
            codes.push(item.exit_code(setup.policy.as_ref()));
            if let Some(bar) = &progress {
                bar.inc(1);
                bar.set_message(item.subject.clone());
            }
            match format {
                Format::Human => {
                    out.put(format_args!("{}\n", human_line(&item, colour_on)));
                }
                Format::Json => {
                    let sep = if first { "" } else { ",\n" };
                    out.put(format_args!("{sep}{}", pretty(&render::item_json(&item))));
                }
                Format::Jsonl => {
                    out.put(format_args!("{}\n", render::item_jsonl(&item)));
                }
                // Both documents need every item: the table and the rules come first.
                Format::Markdown | Format::Sarif => kept.push(item),
            }
            first = false;
        },
    );
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    match format {
        Format::Json => {
            out.put(format_args!("\n]\n"));
        }
        Format::Markdown => {
            out.put(format_args!("{}", render::markdown(&kept)));
        }
        Format::Sarif => {
            out.put(format_args!("{}\n", pretty(&render::sarif(&kept))));
        }
        Format::Human => {
            let count = |code: i32| codes.iter().filter(|c| **c == code).count();
            out.put(format_args!(
                "\n{} subjects: {} permitted, {} blocked, {} need review, {} could not be checked\n",
                codes.len(),
                count(0),
                count(1),
                count(3),
                count(2)
            ));
        }
        Format::Jsonl => {}
    }
    out.finish(worst_exit_code(codes))
}

fn human_line(item: &BatchItem, colour_on: bool) -> String {
    match &item.result {
        Ok(report) => {
            let verdict = report.verdict.as_str().replace('_', " ");
            let verdict = if colour_on {
                let code = match report.verdict {
                    crate::Verdict::Blocked => "31",
                    crate::Verdict::NeedsReview => "33",
                    crate::Verdict::PermittedWithObligations => "36",
                    crate::Verdict::Permitted => "32",
                };
                format!("\x1b[{code}m{verdict:<27}\x1b[0m")
            } else {
                format!("{verdict:<27}")
            };
            let licence = report.licence.id.clone().unwrap_or_else(|| {
                if report.licence.binding.is_empty() {
                    "unidentified".into()
                } else {
                    report.licence.binding.join("+")
                }
            });
            format!("{verdict} {:<24} {}", licence, item.subject)
        }
        Err(err) => format!("{:<27} {:<24} {}: {err}", "error", "-", item.subject),
    }
}

fn print_catalogue() -> Result<Exit> {
    use std::fmt::Write as _;
    let catalogue = Catalogue::embedded()?;
    let mut out = format!(
        "{:<28} {:<12} {:<16} {:<22} NAME\n",
        "ID", "RELEASED", "COMMERCIAL USE", "THRESHOLDS"
    );
    for licence in catalogue.licences() {
        let t = &licence.terms.terms;
        let mut thresholds = Vec::new();
        if let Some(u) = t.user_threshold {
            thresholds.push(match u {
                crate::terms::UserThreshold::MonthlyActiveUsers(n) => format!("{} MAU", group(n)),
                crate::terms::UserThreshold::DailyActiveUsers(n) => format!("{} DAU", group(n)),
            });
        }
        if let Some(r) = t.revenue_threshold {
            thresholds.push(format!("USD {}", group(r.annual_revenue_usd)));
        }
        let _ = writeln!(
            out,
            "{:<28} {:<12} {:<16} {:<22} {}",
            licence.id,
            licence.released.as_deref().unwrap_or("-"),
            t.field_json(TermName::CommercialUse).trim_matches('"'),
            if thresholds.is_empty() {
                "-".to_string()
            } else {
                thresholds.join(", ")
            },
            licence.name
        );
    }
    emit(&out, Exit::Permitted)
}

fn run_licences(args: &LicencesArgs) -> Result<Exit> {
    let Some(LicencesCommand::Show { id }) = &args.command else {
        return print_catalogue();
    };
    let catalogue = Catalogue::embedded()?;
    let resolved = catalogue.resolve(id)?;
    let licence = resolved.licence;
    let mut out = format!("{} ({}, {})\n", licence.name, licence.id, licence.spdx);
    if let Some(note) = resolved.note {
        out.push_str(&format!("note: {note}\n"));
    }
    out.push_str(&format!(
        "released {}; Hugging Face ids: {}; source: {} {}\n\nTerms, each with the clauses it comes from:\n",
        licence.released.as_deref().unwrap_or("undated"),
        if licence.hf_ids.is_empty() { "-".to_string() } else { licence.hf_ids.join(", ") },
        licence.source.repo,
        licence.source.path
    ));
    for term in TermName::ALL {
        out.push_str(&format!(
            "\n  {}: {}\n",
            term.as_str(),
            licence.terms.terms.field_json(term)
        ));
        for ev in licence.terms.evidence_for(term) {
            let quote = ev.text.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(&format!(
                "      > \"{quote}\" ({} bytes {}..{})\n",
                ev.document, ev.start, ev.end
            ));
        }
    }
    out.push_str("\n---- licence text ----\n");
    out.push_str(licence.text);
    if let (Some(policy), Some(text)) = (&licence.policy, licence.policy_text) {
        out.push_str(&format!("\n\n---- {} ({}) ----\n", policy.name, policy.id));
        out.push_str(text);
    }
    out.push('\n');
    emit(&out, Exit::Permitted)
}

fn run_explain(args: &ExplainArgs) -> Result<Exit> {
    if args.list {
        let list: String = Rule::ALL
            .iter()
            .map(|rule| format!("{:<20} {}\n", rule.code(), rule.about()))
            .collect();
        return emit(&list, Exit::Permitted);
    }
    let wanted = args.rule.clone().unwrap_or_default();
    match Rule::ALL.iter().find(|r| r.code() == wanted) {
        Some(rule) => emit(
            &format!(
                "{}\n\n{}\n\nSeverities: blocked (the deployment may not go ahead), review (a person must look: a fact is missing or a clause unclear), obligation (something to do), info (for the record).\n",
                rule.code(),
                rule.about()
            ),
            Exit::Permitted,
        ),
        None => {
            let known: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
            Err(Error::Unsupported {
                origin: Origin::Memory("explain".into()),
                message: format!(
                    "unknown rule `{wanted}`; the rules are: {}",
                    known.join(", ")
                ),
            })
        }
    }
}
