//! `check --explain`: a walk-through of how a report's verdict came out, for a reader who wants
//! to follow the reasoning rather than only read its result.

use std::fmt::Write;

use crate::evaluate::{Finding, Rule, Severity};
use crate::identify::MatchMethod;
use crate::render::human::one_line;
use crate::report::{ContextSource, Report};
use crate::shown::escape_controls;

/// How the report's verdict came out, step by step: what the subject was resolved to and how,
/// the files read, each context fact (given or assumed), each rule with the terms and facts it
/// compared and what it found, and how the verdict follows from the findings and the policy.
///
/// ```
/// use model_licence::{Checker, Context, ContextSource, Subject, render::explain_report};
///
/// let checker = Checker::new().with_context_source(ContextSource::Default);
/// let report = checker.check(&Subject::parse("llama-3.3"), &Context::default_assumed())?;
/// let walk = explain_report(&report);
/// assert!(walk.contains("3.2. user-threshold"));
/// assert!(walk.contains("organisation.monthly_active_users = 1,000 (assumed)"));
/// # Ok::<(), model_licence::Error>(())
/// ```
pub fn explain_report(report: &Report) -> String {
    super::document(&explanation(report))
}

fn explanation(report: &Report) -> String {
    let mut out = String::new();
    subject(&mut out, report);
    context(&mut out, report);
    rules(&mut out, report);
    verdict(&mut out, report);
    out
}

fn subject(out: &mut String, report: &Report) {
    let name = escape_controls(&report.subject);
    let _ = writeln!(out, "1. The subject `{name}`");
    let l = &report.licence;
    let licence = match (&l.name, &l.id) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        _ if !l.binding.is_empty() => {
            format!("several licences at once: {}", l.binding.join(" + "))
        }
        _ => "no catalogue licence".to_string(),
    };
    let how = match l.match_info.method {
        MatchMethod::CatalogueId => "by its catalogue id or alias".to_string(),
        MatchMethod::Text => format!(
            "from its text: {:.1}% of the catalogue text found{}",
            l.match_info.confidence * 100.0,
            l.match_info
                .dice
                .map_or(String::new(), |d| format!(", Dice score {d:.3}"))
        ),
        MatchMethod::Metadata => "from the model's metadata".to_string(),
        MatchMethod::None => match &l.match_info.nearest {
            Some(n) => format!(
                "by nothing: the nearest catalogue licence, {}, matched {:.1}%, too little",
                n.id,
                n.confidence * 100.0
            ),
            None => "by nothing: no catalogue licence is near".to_string(),
        },
    };
    let _ = writeln!(out, "   resolved to {licence}, {how}.");
    for note in &report.notes {
        let _ = writeln!(out, "   note: {}", one_line(note));
    }
    if let Some(card) = &report.declared {
        let declared = match (&card.license, &card.license_name) {
            (Some(license), Some(name)) => format!("{license} ({name})"),
            (Some(license), None) => license.clone(),
            (None, Some(name)) => name.clone(),
            (None, None) => "no licence".to_string(),
        };
        let _ = writeln!(out, "   the model's metadata declares {declared}.");
    }
    for step in report.lineage.iter().flatten() {
        let _ = writeln!(
            out,
            "   it is a {} of {} ({}).",
            step.relation.map_or("derivative", |r| r.as_str()),
            step.model,
            step.licence.as_deref().unwrap_or("licence unknown")
        );
    }
    if report.sources.is_empty() {
        let _ = writeln!(out, "   files read: none located (the terms cite no file).");
    }
    for source in &report.sources {
        let whose = if source.catalogue {
            "the checker's own copy"
        } else {
            "the subject's file"
        };
        let _ = writeln!(
            out,
            "   read `{}` as {} ({whose}).",
            source.path, source.document
        );
    }
}

fn context(out: &mut String, report: &Report) {
    let source = match report.context_source {
        ContextSource::Default => "the default context, as no context was given",
        ContextSource::DefaultWithOverrides => "the default context, with the facts given as flags",
        ContextSource::Given => "the context given",
        ContextSource::GivenWithOverrides => "the context given, with the facts given as flags",
    };
    let _ = writeln!(out, "\n2. The context: {source}");
    for (fact, value) in report.context.facts() {
        let _ = writeln!(out, "   {}", fact_words(report, fact, value.as_deref()));
    }
}

/// `organisation.domicile = US (assumed)`.
fn fact_words(report: &Report, fact: &str, value: Option<&str>) -> String {
    match value {
        None => format!("{fact} = unknown (not given)"),
        Some(value) => {
            let origin = if report.assumed_facts.iter().any(|f| f == fact) {
                "assumed"
            } else {
                "given"
            };
            format!("{fact} = {value} ({origin})")
        }
    }
}

fn rules(out: &mut String, report: &Report) {
    let _ = writeln!(out, "\n3. The rules, in the order they ran");
    let facts = report.context.facts();
    let value_of = |fact: &str| {
        facts
            .iter()
            .find(|(name, _)| *name == fact)
            .and_then(|(_, value)| value.as_deref())
    };
    for (number, rule) in Rule::EVALUATED.iter().enumerate() {
        let (terms, rule_facts) = rule.reads();
        let _ = writeln!(out, "   3.{}. {}", number + 1, rule.code());
        for term in terms {
            let _ = writeln!(
                out,
                "        term {} = {}",
                term.as_str(),
                report.licence.terms.field_words(*term)
            );
        }
        for fact in rule_facts.iter() {
            let _ = writeln!(
                out,
                "        fact {}",
                fact_words(report, fact, value_of(fact))
            );
        }
        let found: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.rule == *rule || f.needed_by == Some(*rule))
            .collect();
        if found.is_empty() {
            let _ = writeln!(
                out,
                "        => nothing to report: the term does not apply here"
            );
        }
        for finding in found {
            outcome(out, finding);
        }
    }
    let others: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| !Rule::EVALUATED.contains(&f.rule) && f.needed_by.is_none())
        .collect();
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "   Besides the terms: identification, the model's lineage and the policy"
        );
        for finding in others {
            let _ = writeln!(out, "   {}", finding.rule.code());
            outcome(out, finding);
        }
    }
}

/// `=> BLOCKED: message`, with where its first clause stands.
fn outcome(out: &mut String, finding: &Finding) {
    let _ = writeln!(
        out,
        "        => {}: {}",
        finding.severity.as_str().to_uppercase(),
        one_line(&finding.message)
    );
    if let Some(ev) = finding.evidence.first() {
        let more = match finding.evidence.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        let _ = writeln!(out, "           clause at {}{more}", ev.place());
    }
}

/// A finding's rule, with the rule a missing fact was needed by.
fn rule_named(finding: &Finding) -> String {
    match finding.needed_by {
        Some(rule) => format!("{}, for {rule}", finding.rule),
        None => finding.rule.to_string(),
    }
}

fn verdict(out: &mut String, report: &Report) {
    let verdict = report.verdict.as_str().replace('_', " ");
    let _ = writeln!(out, "\n4. The verdict: {}", verdict.to_uppercase());
    let count = |s: Severity| report.findings_of(s).len();
    let _ = writeln!(
        out,
        "   {} blocked, {} to review, {} obligations, {} for the record.",
        count(Severity::Blocked),
        count(Severity::Review),
        count(Severity::Obligation),
        count(Severity::Info)
    );
    let why = match report.findings.first() {
        Some(f) if f.severity == Severity::Blocked => format!(
            "Blocked: a finding is blocked (the first: {}), and one is enough",
            rule_named(f)
        ),
        Some(f) if f.severity == Severity::Review => format!(
            "Needs review: nothing is blocked, but a finding asks for a person's review (the first: {})",
            rule_named(f)
        ),
        Some(f) if f.severity == Severity::Obligation => {
            "Permitted with obligations: nothing is blocked or needs review, and obligations apply"
                .to_string()
        }
        _ => "Permitted: no finding blocks it, needs review or asks anything".to_string(),
    };
    let _ = writeln!(out, "   {why}.");
    match &report.policy {
        Some(policy) => {
            let policy_findings: Vec<&str> = report
                .findings
                .iter()
                .filter(|f| {
                    f.rule.code().starts_with("policy-") || f.rule.code().starts_with("exception-")
                })
                .map(|f| f.rule.code())
                .collect();
            let effect = if policy_findings.is_empty() {
                "it added nothing".to_string()
            } else {
                format!("it added {}", policy_findings.join(", "))
            };
            let _ = writeln!(
                out,
                "   The policy `{}` (SHA-256 {}) was applied: {effect}; its review gate decides the exit code.",
                policy.path, policy.sha256
            );
        }
        None => {
            let _ = writeln!(
                out,
                "   No policy was applied: exit code {} follows the verdict.",
                report.exit_code().code()
            );
        }
    }
}
