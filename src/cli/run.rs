//! The subcommands: each gathers its inputs, calls the library and writes one output.

use std::ffi::OsString;
use std::io::{IsTerminal, Read};
use std::path::Path;

use anyhow::{Result, bail};
use model_licence::batch::{
    BatchItem, CheckOptions, STDIN, check_all, default_hf_cache, subjects_in_dir,
    subjects_in_hf_cache, subjects_in_inventory,
};
use model_licence::render::{
    SarifOptions, catalogue_table, cyclonedx_bom, escape_controls, explain_report, html_review,
    human_report, json_item, json_line, json_report, licence_sheet, markdown_review, path_name,
    sarif_log_with, scan_line,
};
use model_licence::{Catalogue, Context, ContextSource, Exit, Limits, Origin, Policy, Rule};

use super::Cli;
use super::args::{
    CheckArgs, Colour, CommonArgs, ExplainArgs, Facts, Format, LicencesArgs, LicencesCommand,
    ScanArgs,
};
use super::output::{Sink, emit};

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> Result<Exit> {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "model-licence", &mut script);
    emit(&String::from_utf8_lossy(&script), Exit::Permitted)
}

/// The context, policy and options that `check` and `scan` share.
pub(super) struct Setup {
    pub context: Context,
    /// The facts taken from the default context, not given.
    pub assumed: Vec<String>,
    pub policy: Option<Policy>,
    pub options: CheckOptions,
}

fn setup(common: &CommonArgs) -> Result<Setup> {
    let limits = Limits {
        max_input_bytes: common.max_input_bytes,
    };
    let given = Given {
        context: common.context.as_deref(),
        policy: common.policy.as_deref(),
        hub: common.hub,
    };
    setup_from(&given, limits, &common.facts)
}

/// The files and switches that give a context and a policy.
pub(super) struct Given<'a> {
    pub context: Option<&'a Path>,
    pub policy: Option<&'a Path>,
    pub hub: bool,
}

/// The context, policy and options that the given files, switches and fact flags make.
pub(super) fn setup_from(common: &Given, limits: Limits, facts: &Facts) -> Result<Setup> {
    let policy = common
        .policy
        .map(|p| Policy::from_file(p, limits))
        .transpose()?;
    let (mut context, given) = match common.context {
        Some(path) if path.as_os_str() == STDIN => (context_from_stdin(limits)?, true),
        Some(path) => (Context::from_file(path, limits)?, true),
        None => match policy.as_ref().and_then(|p| p.context.clone()) {
            Some(ctx) => (ctx, true),
            None => (Context::default_assumed(), false),
        },
    };
    let overridden = facts.apply(&mut context);
    let assumed = if given {
        Vec::new()
    } else {
        let mut only_flags = Context::default();
        facts.apply(&mut only_flags);
        context.known_facts_besides(&only_flags)
    };
    let context_source = ContextSource::of(given, overridden);
    Ok(Setup {
        context,
        assumed,
        policy,
        options: CheckOptions {
            limits,
            context_source,
            hub: common.hub || hub_from_env(),
        },
    })
}

/// A context read from standard input, at most one byte past the limit.
fn context_from_stdin(limits: Limits) -> Result<Context> {
    let mut bytes = Vec::new();
    if let Err(err) = std::io::stdin()
        .take(limits.max_input_bytes + 1)
        .read_to_end(&mut bytes)
    {
        bail!("<stdin>: cannot read: {err}");
    }
    Ok(Context::from_bytes(
        bytes,
        Origin::Memory("stdin".into()),
        limits,
    )?)
}

/// Whether to colour standard output: `auto` asks `anstream`, which honours `NO_COLOR`,
/// `CLICOLOR_FORCE` and whether the output is a terminal.
fn colour(choice: Colour) -> bool {
    match choice {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// `check`: one subject, one report.
pub fn check(args: &CheckArgs) -> Result<Exit> {
    if args.list {
        let catalogue = Catalogue::embedded()?;
        return emit(&catalogue_table(catalogue), Exit::Permitted);
    }
    let argument = args.subject.clone().unwrap_or_default();
    let context_on_stdin = args.common.context.as_deref() == Some(Path::new(STDIN));
    if argument == STDIN && context_on_stdin {
        bail!(
            "<->: standard input can carry the subject or the context, not both: give one of them as a file"
        );
    }
    let setup = setup(&args.common)?;
    let mut report = model_licence::batch::check(&argument, &setup.context, &setup.options)?;
    report.assumed_facts.clone_from(&setup.assumed);
    let code = match &setup.policy {
        Some(policy) => {
            policy.apply(&mut report);
            policy.exit_code(&report)
        }
        None => report.exit_code(),
    };
    let out = match args.common.format {
        Format::Human if args.explain => explain_report(&report),
        Format::Human => human_report(&report, colour(args.common.color)),
        Format::Json => format!("{}\n", json_report(&report)),
        format => {
            // The batch formats, for a batch of one.
            let items = [BatchItem {
                subject: path_name(&argument),
                result: Ok(report),
            }];
            match format {
                Format::Jsonl => format!("{}\n", json_line(&items[0])),
                _ => batch_document(format, &items, sarif_options(&args.common)),
            }
        }
    };
    emit(&out, code)
}

fn sarif_options(common: &CommonArgs) -> SarifOptions {
    SarifOptions {
        obligations: common.sarif_obligations,
    }
}

/// The formats that are one document over a whole batch.
fn batch_document(format: Format, items: &[BatchItem], sarif: SarifOptions) -> String {
    match format {
        Format::Markdown => markdown_review(items),
        Format::Html => html_review(items),
        Format::Cyclonedx => format!("{}\n", pretty(&cyclonedx_bom(items))),
        _ => format!("{}\n", pretty(&sarif_log_with(items, sarif))),
    }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The subjects a scan names: each entry of each folder, each other path as given, and the
/// inventory's list.
fn scan_subjects(args: &ScanArgs, options: &CheckOptions) -> Result<Vec<OsString>> {
    let mut subjects = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            subjects.extend(subjects_in_dir(path)?);
        } else {
            subjects.push(path.clone().into_os_string());
        }
    }
    if let Some(inventory) = &args.inventory {
        subjects.extend(subjects_in_inventory(inventory, options)?);
    }
    if let Some(dir) = &args.hf_cache {
        subjects.extend(subjects_in_hf_cache(&hf_cache_dir(dir.as_deref())?)?);
    }
    if subjects.is_empty() {
        bail!("<scan>: nothing to scan: give folders, subjects, --inventory or --hf-cache");
    }
    Ok(subjects)
}

/// The cache `--hf-cache` names, or the default one; a folder that is not there is an error.
fn hf_cache_dir(given: Option<&Path>) -> Result<std::path::PathBuf> {
    let dir = match given {
        Some(dir) => dir.to_path_buf(),
        None => match default_hf_cache() {
            Some(dir) => dir,
            None => bail!(
                "<--hf-cache>: no Hugging Face cache: set HF_HUB_CACHE or HF_HOME, or give the folder"
            ),
        },
    };
    if !dir.is_dir() {
        bail!("{}: no such file or folder", path_name(dir.as_os_str()));
    }
    Ok(dir)
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

/// A progress bar on standard error, when that is a terminal.
fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(len as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}

/// `scan`: many subjects, checked in parallel, each written as soon as its turn comes.
pub fn scan(args: &ScanArgs) -> Result<Exit> {
    let setup = setup(&args.common)?;
    let subjects = scan_subjects(args, &setup.options)?;
    let progress = progress_bar(subjects.len());
    let format = args.common.format;
    let colour_on = colour(args.common.color);
    let mut out = Sink::new();
    let mut codes = Vec::new();
    let mut kept: Vec<BatchItem> = Vec::new();
    if format == Format::Json {
        out.put(format_args!("[\n"));
    }
    check_all(
        &subjects,
        &setup.context,
        setup.policy.as_ref(),
        &setup.options,
        |mut item| {
            if let Ok(report) = &mut item.result {
                report.assumed_facts.clone_from(&setup.assumed);
            }
            if let Some(bar) = &progress {
                bar.inc(1);
                bar.set_message(escape_controls(&item.subject).into_owned());
            }
            match format {
                Format::Human => out.put(format_args!("{}\n", scan_line(&item, colour_on))),
                Format::Json => {
                    let sep = if codes.is_empty() { "" } else { ",\n" };
                    out.put(format_args!("{sep}{}", pretty(&json_item(&item))));
                }
                // One write per record, so parallel scans appending to one file never tear lines.
                Format::Jsonl => out.put_record(format!(
                    "{}
",
                    json_line(&item)
                )),
                // Documents need every item: their tables and rules come first.
                _ => {}
            }
            codes.push(item.exit_code(setup.policy.as_ref()));
            if format.is_document() {
                kept.push(item);
            }
        },
    );
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    match format {
        Format::Json => out.put(format_args!("\n]\n")),
        Format::Human => out.put(format_args!("{}", scan_summary(&codes))),
        Format::Jsonl => {}
        document => out.put(format_args!(
            "{}",
            batch_document(document, &kept, sarif_options(&args.common))
        )),
    }
    out.finish(Exit::worst(codes))
}

/// The last line of a scan's table: how many subjects came out which way.
fn scan_summary(codes: &[Exit]) -> String {
    let count = |code: Exit| codes.iter().filter(|c| **c == code).count();
    format!(
        "\n{} subjects: {} permitted, {} blocked, {} need review, {} could not be checked\n",
        codes.len(),
        count(Exit::Permitted),
        count(Exit::Blocked),
        count(Exit::NeedsReview),
        count(Exit::BadInput)
    )
}

/// `licences`: the catalogue's table, or one licence's terms and text.
pub fn licences(args: &LicencesArgs) -> Result<Exit> {
    let catalogue = Catalogue::embedded()?;
    let out = match &args.command {
        None => catalogue_table(catalogue),
        Some(LicencesCommand::Show { id }) => licence_sheet(&catalogue.resolve(id)?),
    };
    emit(&out, Exit::Permitted)
}

/// `explain`: what one rule checks, or the list of every rule.
pub fn explain(args: &ExplainArgs) -> Result<Exit> {
    if args.list {
        let list: String = Rule::ALL
            .iter()
            .map(|rule| format!("{:<20} {}\n", rule.code(), rule.about()))
            .collect();
        return emit(&list, Exit::Permitted);
    }
    let wanted = args.rule.clone().unwrap_or_default();
    let Some(rule) = Rule::ALL.iter().find(|r| r.code() == wanted) else {
        let known: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        bail!(
            "<explain>: unknown rule `{wanted}`; the rules are: {}",
            known.join(", ")
        );
    };
    emit(
        &format!(
            "{}\n\n{}\n\nSeverities: blocked (the deployment may not go ahead), review (a person must look: a fact is missing or a clause unclear), obligation (something to do), info (for the record).\n",
            rule.code(),
            rule.about()
        ),
        Exit::Permitted,
    )
}
