//! `diff` and `notice`: two licences compared, and what shipped models must carry.

use anyhow::Result;
use model_licence::render::{
    diff_human, diff_markdown, escape_controls, notice_markdown, notice_text,
};
use model_licence::{Checker, Exit, Limits, Subject};

use super::args::{DiffArgs, DiffFormat, NoticeArgs, NoticeFormat};
use super::output::emit;
use super::run::{Given, setup_from};

/// `diff`: what changed between two licences, term by term and clause by clause.
pub fn diff(args: &DiffArgs) -> Result<Exit> {
    let checker = Checker::new().with_limits(Limits {
        max_input_bytes: args.max_input_bytes,
    });
    let diff = model_licence::diff::diff(
        &checker,
        &Subject::parse_os(&args.a),
        &Subject::parse_os(&args.b),
    )?;
    let out = match args.format {
        DiffFormat::Human => diff_human(&diff),
        DiffFormat::Markdown => diff_markdown(&diff),
        DiffFormat::Json => format!("{}\n", serde_json::to_string_pretty(&diff)?),
    };
    emit(&out, Exit::Permitted)
}

/// `notice`: what the subjects' licences require to accompany them, checked in the context.
pub fn notice(args: &NoticeArgs) -> Result<Exit> {
    let given = Given {
        context: args.context.context.as_deref(),
        policy: args.context.policy.as_deref(),
        hub: args.context.hub,
    };
    let limits = Limits {
        max_input_bytes: args.context.max_input_bytes,
    };
    let setup = setup_from(&given, limits, &args.context.facts)?;
    let mut checker = setup.options.checker();
    if let Some(policy) = setup.policy {
        checker = checker.with_policy(policy);
    }
    let subjects: Vec<Subject> = args.subjects.iter().map(|s| Subject::parse_os(s)).collect();
    let notice = model_licence::notice::notice(&checker, &subjects, &setup.context)?;
    for subject in &notice.subjects {
        if !subject.reasons.is_empty() {
            eprintln!("{}: {}", escape_controls(&subject.subject), subject.verdict);
        }
    }
    let out = match args.format {
        NoticeFormat::Text => notice_text(&notice),
        NoticeFormat::Markdown => notice_markdown(&notice),
        NoticeFormat::Json => format!("{}\n", serde_json::to_string_pretty(&notice)?),
    };
    emit(&out, notice.exit)
}
