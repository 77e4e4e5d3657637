//! The command line's arguments, as clap reads them.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use model_licence::{Context, Limits, Modality, Region};

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
    /// A self-contained HTML review page: each quoted clause opens onto its whole text.
    Html,
    /// A CycloneDX 1.6 bill of materials (JSON): each model a `machine-learning-model`.
    Cyclonedx,
}

impl Format {
    /// Whether the format is one document over every subject, written once all are checked.
    pub fn is_document(self) -> bool {
        matches!(
            self,
            Format::Markdown | Format::Sarif | Format::Html | Format::Cyclonedx
        )
    }
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
    pub context: Option<PathBuf>,
    /// An organisation policy (TOML): allowed and denied licences, accepted obligations,
    /// the review gate, the context, exceptions.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Colour,
    /// The largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT.max_input_bytes)]
    pub max_input_bytes: u64,
    /// Read model ids (`owner/name[@revision]`) from the Hugging Face Hub: HF_ENDPOINT,
    /// HF_TOKEN and HF_HUB_OFFLINE apply. Also set by MODEL_LICENCE_HUB=1.
    #[arg(long)]
    pub hub: bool,
    /// In SARIF, obligations too become results (notes), not only what blocks or needs review.
    #[arg(long)]
    pub sarif_obligations: bool,
    #[command(flatten)]
    pub facts: Facts,
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
    pub users: Option<u64>,
    /// Daily active users.
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = count)]
    pub daily_users: Option<u64>,
    /// Annual revenue in US dollars.
    #[arg(long, value_name = "USD", allow_hyphen_values = true, value_parser = count)]
    pub revenue: Option<u64>,
    /// Where the organisation is domiciled (ISO 3166-1 alpha-2, e.g. DE; EU for any member state).
    #[arg(long, value_name = "CC", value_parser = Region::parse)]
    pub domicile: Option<Region>,
    /// A market the deployment is offered in (repeatable).
    #[arg(long = "market", value_name = "CC", value_parser = Region::parse)]
    pub markets: Vec<Region>,
    /// The deployment is commercial.
    #[arg(long, conflicts_with = "non_commercial")]
    pub commercial: bool,
    /// The deployment is non-commercial (research, evaluation).
    #[arg(long)]
    pub non_commercial: bool,
    /// The model itself is offered to others as a hosted service or API.
    #[arg(long)]
    pub host_as_service: bool,
    /// The model is fine-tuned or modified.
    #[arg(long)]
    pub fine_tune: bool,
    /// The original weights are shared with others.
    #[arg(long)]
    pub distribute_weights: bool,
    /// Fine-tuned or modified weights are shared with others.
    #[arg(long)]
    pub distribute_derivatives: bool,
    /// Outputs are used to train or improve another model.
    #[arg(long)]
    pub train_on_outputs: bool,
    /// A modality the deployment uses (repeatable): text, code, vision, image, audio, speech, video, 3d, multimodal.
    #[arg(long = "modality", value_name = "M", value_parser = Modality::parse)]
    pub modalities: Vec<Modality>,
    /// A use of the model, for the reviewer (repeatable).
    #[arg(long = "use", value_name = "USE")]
    pub uses: Vec<String>,
}

impl Facts {
    /// Applies the facts given to the context; returns whether any was given.
    pub fn apply(&self, ctx: &mut Context) -> bool {
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
    pub subject: Option<OsString>,
    /// List the catalogue and exit.
    #[arg(long)]
    pub list: bool,
    /// Walk through how the verdict came out: what the subject resolved to, the facts (given
    /// or assumed), each rule with the terms and facts it compared, and how the verdict follows.
    #[arg(long, conflicts_with = "format")]
    pub explain: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Arguments of `scan`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence scan models/\n  model-licence scan --inventory models.txt --policy policy.toml --format sarif > licences.sarif\n  model-licence scan a/README.md b.json llama-3.3 --format jsonl\n\nA folder's entries (model folders, cards, Hub JSON files, licence texts) are each a subject; an inventory lists one subject per line (or a JSON array).\nThe exit code is the worst over the batch: 1 blocked, then 2 a subject that could not be checked, then 3 needs review, else 0."
)]
pub struct ScanArgs {
    /// Folders (each entry a subject) or single subjects.
    pub paths: Vec<PathBuf>,
    /// A file listing subjects, one per line (`#` comments) or as a JSON array.
    #[arg(long, value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// Every model of a Hugging Face cache, reported as `owner/name@sha`. Without DIR:
    /// HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.
    #[arg(long, value_name = "DIR", num_args = 0..=1)]
    pub hf_cache: Option<Option<PathBuf>>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Arguments of `licences`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence licences\n  model-licence licences show llama-3.3"
)]
pub struct LicencesArgs {
    #[command(subcommand)]
    pub command: Option<LicencesCommand>,
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
    pub rule: Option<String>,
    /// List every rule.
    #[arg(long)]
    pub list: bool,
}

/// Options that set the deployment context, for subcommands with formats of their own.
#[derive(Debug, Args)]
pub struct ContextArgs {
    /// A deployment context (JSON, see the README); `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    pub context: Option<PathBuf>,
    /// An organisation policy (TOML), as for `check`.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// The largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT.max_input_bytes)]
    pub max_input_bytes: u64,
    /// Read model ids from the Hugging Face Hub, as for `check`.
    #[arg(long)]
    pub hub: bool,
    #[command(flatten)]
    pub facts: Facts,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Text for a terminal.
    Human,
    /// The diff as JSON.
    Json,
    /// A Markdown document.
    Markdown,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence diff llama-3 llama-3.1\n  model-licence diff ./model-folder llama-3.1 --format markdown\n  model-licence diff LICENSE gemma --format json\n\nExit codes: 0 compared (whether or not they differ), 2 bad input or usage."
)]
pub struct DiffArgs {
    /// The first licence ("before"): a catalogue id or alias, a licence file, or a model folder.
    pub a: OsString,
    /// The second licence ("after").
    pub b: OsString,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiffFormat,
    /// The largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT.max_input_bytes)]
    pub max_input_bytes: u64,
}

/// Output formats of `notice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    /// A plain-text NOTICE file.
    Text,
    /// A Markdown document.
    Markdown,
    /// The notice as JSON.
    Json,
}

/// Arguments of `notice`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  model-licence notice llama-3.3 models/meta-llama__Llama-3.1-8B-Instruct/ > NOTICE\n  model-licence notice gemma --format markdown --domicile DE\n\nExit codes: 0 every subject cleared, 1 a subject is blocked, 2 bad input or usage, 3 a subject needs review (the notice is written in every case but 2, the subjects not cleared listed first)."
)]
pub struct NoticeArgs {
    /// The models or licences shipped or served: catalogue ids, licence files, model cards or folders, Hub JSON, model ids.
    #[arg(required = true)]
    pub subjects: Vec<OsString>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: NoticeFormat,
    #[command(flatten)]
    pub context: ContextArgs,
}
