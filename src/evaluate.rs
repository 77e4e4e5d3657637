//! Evaluation: licence terms against a deployment context, one rule per concern.
//!
//! Each rule reads the terms and the context and returns findings; a rule that needs a fact the
//! context lacks returns a `missing-fact` review finding naming the fact. The verdict is derived
//! from the findings, never set by hand.

use serde::{Deserialize, Serialize};

use crate::context::{Context, Region};
use crate::error::ParseError;
use crate::terms::{
    BackedTerms, CommercialUse, Evidence, Hosting, OutputTraining, Redistribution, TermName,
    TerritoryBasis, TerritoryExclusion, TerritoryScope, UserThreshold,
};

/// How much a finding matters.
///
/// ```
/// use model_licence::Severity;
///
/// assert!(Severity::Blocked < Severity::Review); // reports list the most severe first
/// assert_eq!("obligation".parse::<Severity>()?, Severity::Obligation);
/// assert_eq!(Severity::Info.to_string(), "info");
/// # Ok::<(), model_licence::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The deployment may not go ahead under this licence.
    Blocked,
    /// A person must look: a fact is missing, or the licence could not be read with certainty.
    Review,
    /// Something the deployment must do (display a notice, pass restrictions on).
    Obligation,
    /// For the record.
    Info,
}

impl Severity {
    /// The snake-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocked => "blocked",
            Severity::Review => "review",
            Severity::Obligation => "obligation",
            Severity::Info => "info",
        }
    }
}

/// The outcome of a check.
///
/// ```
/// use model_licence::{Exit, Verdict};
///
/// let verdict: Verdict = "needs_review".parse()?;
/// assert_eq!(verdict, Verdict::NeedsReview);
/// assert_eq!(verdict.to_string(), "needs_review");
/// assert_eq!(verdict.exit_code(), Exit::NeedsReview);
/// # Ok::<(), model_licence::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing stands in the way.
    Permitted,
    /// Permitted, with obligations to fulfil.
    PermittedWithObligations,
    /// A person must review before the model is used.
    NeedsReview,
    /// Not permitted under this licence for this deployment.
    Blocked,
}

impl Verdict {
    /// The verdict that follows from findings: blocked if any is blocked, else needs review if
    /// any asks for review, else permitted with obligations if any is an obligation.
    pub fn from_findings(findings: &[Finding]) -> Verdict {
        let worst = findings.iter().map(|f| f.severity).min();
        match worst {
            Some(Severity::Blocked) => Verdict::Blocked,
            Some(Severity::Review) => Verdict::NeedsReview,
            Some(Severity::Obligation) => Verdict::PermittedWithObligations,
            Some(Severity::Info) | None => Verdict::Permitted,
        }
    }

    /// The snake-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Permitted => "permitted",
            Verdict::PermittedWithObligations => "permitted_with_obligations",
            Verdict::NeedsReview => "needs_review",
            Verdict::Blocked => "blocked",
        }
    }

    /// The process exit code for this verdict (`CONTRACT.md`): 0 permitted (with or without
    /// obligations), 1 blocked, 3 needs review. Bad input is 2 and never a verdict.
    pub fn exit_code(self) -> Exit {
        match self {
            Verdict::Permitted | Verdict::PermittedWithObligations => Exit::Permitted,
            Verdict::Blocked => Exit::Blocked,
            Verdict::NeedsReview => Exit::NeedsReview,
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Verdict {
    type Err = ParseError;

    /// Parses the JSON name (`needs_review`).
    fn from_str(name: &str) -> std::result::Result<Verdict, ParseError> {
        [
            Verdict::Permitted,
            Verdict::PermittedWithObligations,
            Verdict::NeedsReview,
            Verdict::Blocked,
        ]
        .into_iter()
        .find(|v| v.as_str() == name)
        .ok_or_else(|| {
            ParseError::new(
                name,
                "a verdict (permitted, permitted_with_obligations, needs_review, blocked)",
            )
        })
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = ParseError;

    /// Parses the JSON name (`review`).
    fn from_str(name: &str) -> std::result::Result<Severity, ParseError> {
        [
            Severity::Blocked,
            Severity::Review,
            Severity::Obligation,
            Severity::Info,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
        .ok_or_else(|| ParseError::new(name, "a severity (blocked, review, obligation, info)"))
    }
}

/// The process exit codes of the contract, which pipelines branch on.
///
/// ```
/// use model_licence::{Exit, Verdict};
///
/// assert_eq!(Verdict::NeedsReview.exit_code(), Exit::NeedsReview);
/// assert_eq!(Exit::NeedsReview.code(), 3);
/// // A batch exits with its worst subject: blocked, then bad input, then review.
/// assert_eq!(Exit::worst([Exit::NeedsReview, Exit::BadInput, Exit::Permitted]), Exit::BadInput);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exit {
    /// 0: permitted, obligations aside.
    Permitted,
    /// 1: blocked.
    Blocked,
    /// 2: bad input or usage: nothing was checked.
    BadInput,
    /// 3: a person must review.
    NeedsReview,
}

impl Exit {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Permitted => 0,
            Exit::Blocked => 1,
            Exit::BadInput => 2,
            Exit::NeedsReview => 3,
        }
    }

    /// How bad it is for a batch: blocked, then a subject that could not be checked, then
    /// review, then permitted.
    fn rank(self) -> u8 {
        match self {
            Exit::Permitted => 0,
            Exit::NeedsReview => 1,
            Exit::BadInput => 2,
            Exit::Blocked => 3,
        }
    }

    /// The worst of several (a batch's exit code); `Permitted` for none.
    pub fn worst(codes: impl IntoIterator<Item = Exit>) -> Exit {
        codes
            .into_iter()
            .max_by_key(|c| c.rank())
            .unwrap_or(Exit::Permitted)
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}

/// The number, as a shell prints `$?`.
impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code())
    }
}

/// So that `report.exit_code() == 1` reads as the contract's number.
impl PartialEq<i32> for Exit {
    fn eq(&self, other: &i32) -> bool {
        i32::from(self.code()) == *other
    }
}

macro_rules! rules {
    ($($variant:ident = $code:literal : $about:literal,)*) => {
        /// The stable code of the rule that produced a finding (`findings[].rule`).
        ///
        /// ```
        /// use model_licence::Rule;
        ///
        /// assert_eq!(Rule::UserThreshold.code(), "user-threshold");
        /// assert!(Rule::ALL.iter().all(|rule| !rule.about().is_empty()));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Rule {
            $(#[doc = $about] #[serde(rename = $code)] $variant,)*
        }

        impl Rule {
            /// Every rule.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The kebab-case code used in reports.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            /// What the rule checks, in a sentence.
            pub fn about(self) -> &'static str {
                match self { $(Rule::$variant => $about,)* }
            }
        }
    };
}

rules! {
    CommercialUse = "commercial-use": "Whether the licence allows commercial use, only after registration or approval, or not at all.",
    UserThreshold = "user-threshold": "Whether the organisation's monthly or daily active users exceed the count above which the licensor's separate grant is needed.",
    RevenueThreshold = "revenue-threshold": "Whether the organisation's annual revenue exceeds the amount above which the licensor's separate grant is needed.",
    Territory = "territory": "Whether the organisation's domicile or the deployment's markets fall in a region where the licence grants no rights.",
    Hosting = "hosting": "Whether offering the model to third parties as a hosted service needs a separate licence.",
    OutputTraining = "output-training": "Whether outputs may be used to train or improve other models, and on what conditions.",
    Derivatives = "derivatives": "Whether fine-tuned or modified weights may be shared, and on what conditions.",
    DerivativeNaming = "derivative-naming": "Whether a derived model's name must begin with a given prefix.",
    Attribution = "attribution": "Which notice must be displayed, and whether the deployment is above the level where it becomes due.",
    LicenceCopy = "licence-copy": "Whether redistributed copies must carry the licence and a Notice file.",
    UsePolicy = "use-policy": "Whether an acceptable-use or prohibited-use policy binds the licensee.",
    FlowDown = "flow-down": "Whether use restrictions must be passed on, enforceably, to recipients and users.",
    UnknownLicence = "unknown-licence": "The licence could not be identified, so no curated terms apply.",
    ModifiedLicence = "modified-licence": "The licence text differs from the catalogue's copy in ways that may change its terms.",
    LicenceConflict = "licence-conflict": "The declared licence differs from the one that binds.",
    MissingFact = "missing-fact": "A rule needs a fact that the deployment context does not give.",
    CompanionText = "companion-text": "The text given is a licence's acceptable-use policy, not the licence itself.",
    UnclearClause = "unclear-clause": "A clause bears on a term but could not be read with certainty.",
    UndeclaredLicence = "undeclared-licence": "The model's metadata declares no licence (the licence that binds it is reported).",
    PolicyDeny = "policy-deny": "The organisation's policy denies the licence.",
    PolicyNotAllowed = "policy-not-allowed": "The licence is not on the organisation's list of allowed licences.",
    PolicyObligation = "policy-obligation": "The licence carries an obligation the organisation has not accepted.",
    PolicyException = "policy-exception": "An exception of the organisation's policy applies to this model.",
    ExceptionExpired = "exception-expired": "An exception of the organisation's policy has expired and no longer applies.",
    ExceptionLapsed = "exception-lapsed": "An exception was approved for another licence text (its SHA-256 differs), so it no longer applies.",
    UnknownBase = "unknown-base": "A base model is neither in the catalogue nor among the cards given, so its licence is unknown.",
    GenericTerms = "generic-terms": "The licence is on the SPDX list but not in the catalogue: its terms are its category's, not read from its text.",
}

/// What each contract rule reads: the terms it compares and the context facts it compares them
/// with (dotted names as in [`Context::facts`]). Rules outside the contract's evaluation
/// (identification, policy, lineage) read neither.
impl Rule {
    /// The terms and context facts the rule compares; empty for rules that are not evaluated
    /// against the context.
    pub fn reads(self) -> (&'static [TermName], &'static [&'static str]) {
        use TermName as T;
        const USERS: &str = "organisation.monthly_active_users";
        const REVENUE: &str = "organisation.annual_revenue_usd";
        const WEIGHTS: &str = "deployment.distribute_weights";
        const DERIVED: &str = "deployment.distribute_derivatives";
        match self {
            Rule::CommercialUse => (&[T::CommercialUse], &["deployment.commercial"]),
            Rule::UserThreshold => (
                &[T::UserThreshold],
                &[USERS, "organisation.daily_active_users"],
            ),
            Rule::RevenueThreshold => (&[T::RevenueThreshold], &[REVENUE]),
            Rule::Territory => (
                &[T::TerritoryExclusions],
                &[
                    "organisation.domicile",
                    "deployment.markets",
                    "deployment.modalities",
                ],
            ),
            Rule::Hosting => (&[T::Hosting], &["deployment.hosting_as_service"]),
            Rule::OutputTraining => (&[T::OutputTraining], &["deployment.train_on_outputs"]),
            Rule::Derivatives => (&[T::Derivatives], &[DERIVED]),
            Rule::DerivativeNaming => (&[T::Derivatives], &["deployment.fine_tune", DERIVED]),
            Rule::Attribution => (&[T::Attribution], &[USERS, REVENUE]),
            Rule::LicenceCopy => (&[T::LicenceCopy], &[WEIGHTS, DERIVED]),
            Rule::UsePolicy => (&[T::UsePolicy], &[]),
            Rule::FlowDown => (
                &[T::FlowDown],
                &[WEIGHTS, DERIVED, "deployment.hosting_as_service"],
            ),
            _ => (&[], &[]),
        }
    }

    /// The rules evaluated against the context, in the order they run.
    pub const EVALUATED: &'static [Rule] = &[
        Rule::CommercialUse,
        Rule::UserThreshold,
        Rule::RevenueThreshold,
        Rule::Territory,
        Rule::Hosting,
        Rule::OutputTraining,
        Rule::Derivatives,
        Rule::DerivativeNaming,
        Rule::Attribution,
        Rule::LicenceCopy,
        Rule::UsePolicy,
        Rule::FlowDown,
    ];
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One result of a rule.
///
/// ```
/// use model_licence::{Checker, Context, Rule, Severity, Subject};
///
/// let report = Checker::new().check(&Subject::parse("gemma"), &Context::default_assumed())?;
/// let notice = report.findings.iter().find(|f| f.severity == Severity::Obligation).unwrap();
/// println!("[{}] {}", notice.rule, notice.message);
/// assert!(!notice.evidence.is_empty());
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule that produced it.
    pub rule: Rule,
    /// How much it matters.
    pub severity: Severity,
    /// What it means, for a reader who is not a lawyer.
    pub message: String,
    /// The clauses it rests on.
    pub evidence: Vec<Evidence>,
    /// For `missing-fact`: the context field that is missing (`organisation.domicile`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// For `missing-fact`: the rule that needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<Rule>,
}

impl Finding {
    /// A finding with no fact attached.
    pub fn new(rule: Rule, severity: Severity, message: String, evidence: Vec<Evidence>) -> Self {
        Finding {
            rule,
            severity,
            message,
            evidence,
            fact: None,
            needed_by: None,
        }
    }
}

/// Evaluates terms against a context: every rule, in a fixed order. Nothing is known of the
/// model beyond its licence (see [`evaluate_model`]).
///
/// ```
/// use model_licence::{Catalogue, Context, Severity, evaluate};
///
/// let terms = &Catalogue::embedded()?.get("cc-by-nc-4.0").expect("in the catalogue").terms();
/// let findings = evaluate(terms, &Context::default_assumed()); // a commercial product
/// assert!(findings.iter().any(|f| f.severity == Severity::Blocked));
/// # Ok::<(), model_licence::Error>(())
/// ```
pub fn evaluate(terms: &BackedTerms, context: &Context) -> Vec<Finding> {
    evaluate_model(terms, context, &ModelFacts::default())
}

/// What is known of the model itself, beside its licence's terms: some terms turn on it (Llama
/// 3.2 and 4 grant EU licensees nothing for *multimodal* models).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelFacts {
    /// Whether the model is multimodal, and what says so; `None` when nothing does.
    pub multimodal: Option<Known<bool>>,
    /// The model's card bars people in the EU from access (`extra_gated_eu_disallowed: true`).
    pub eu_gated: bool,
}

/// A fact with what it rests on, for the finding's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known<T> {
    /// The fact.
    pub value: T,
    /// What says so, e.g. "its card's pipeline_tag is image-text-to-text".
    pub basis: String,
}

/// Evaluates terms against a context for a model of which `model` is known: every rule, in a
/// fixed order.
///
/// ```
/// use model_licence::{Catalogue, Context, Region, Verdict, parts::{Known, ModelFacts, evaluate_model}};
///
/// let llama = Catalogue::embedded()?.get("llama-3.2").expect("in the catalogue");
/// let mut context = Context::default_assumed();
/// context.organisation.domicile = Some(Region::parse("FR").expect("a country"));
/// let vision = ModelFacts {
///     multimodal: Some(Known { value: true, basis: "it reads images".into() }),
///     eu_gated: false,
/// };
/// let findings = evaluate_model(llama.terms(), &context, &vision);
/// assert_eq!(Verdict::from_findings(&findings), Verdict::Blocked);
/// # Ok::<(), model_licence::Error>(())
/// ```
pub fn evaluate_model(terms: &BackedTerms, context: &Context, model: &ModelFacts) -> Vec<Finding> {
    let mut out = Findings {
        terms,
        model,
        list: Vec::new(),
    };
    commercial_use(&mut out, context);
    user_threshold(&mut out, context);
    revenue_threshold(&mut out, context);
    territory(&mut out, context);
    hosting(&mut out, context);
    output_training(&mut out, context);
    derivatives(&mut out, context);
    derivative_naming(&mut out, context);
    attribution(&mut out, context);
    licence_copy(&mut out, context);
    use_policy(&mut out);
    flow_down(&mut out, context);
    out.list
}

/// The findings so far, with the terms they cite.
struct Findings<'a> {
    terms: &'a BackedTerms,
    model: &'a ModelFacts,
    list: Vec<Finding>,
}

impl Findings<'_> {
    fn add(&mut self, rule: Rule, severity: Severity, message: String, terms: &[TermName]) {
        let evidence = self.clauses(terms);
        self.list
            .push(Finding::new(rule, severity, message, evidence));
    }

    fn missing(&mut self, fact: &str, rule: Rule, why: &str, terms: &[TermName]) {
        let mut finding = Finding::new(
            Rule::MissingFact,
            Severity::Review,
            format!("The context does not say `{fact}`, which the {rule} rule needs: {why}"),
            self.clauses(terms),
        );
        finding.fact = Some(fact.to_string());
        finding.needed_by = Some(rule);
        self.list.push(finding);
    }

    /// Whether a clause of these terms says `words` (lower-case ASCII; the clause in any case).
    fn cites(&self, terms: &[TermName], words: &str) -> bool {
        let needle = words.as_bytes();
        if needle.is_empty() {
            return true;
        }
        terms.iter().any(|term| {
            self.terms.evidence_for(*term).iter().any(|e| {
                e.text
                    .as_bytes()
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle))
            })
        })
    }

    fn clauses(&self, terms: &[TermName]) -> Vec<Evidence> {
        let mut evidence: Vec<Evidence> = terms
            .iter()
            .flat_map(|term| self.terms.evidence_for(*term).iter().cloned())
            .collect();
        evidence.dedup();
        evidence
    }
}

fn commercial_use(out: &mut Findings, ctx: &Context) {
    let terms = [TermName::CommercialUse];
    match (out.terms.terms.commercial_use, ctx.deployment.commercial) {
        (CommercialUse::Unknown, _) => out.add(
            Rule::CommercialUse,
            Severity::Review,
            "Whether this licence allows commercial use could not be determined.".into(),
            &terms,
        ),
        (CommercialUse::Allowed, _) => out.add(
            Rule::CommercialUse,
            Severity::Info,
            "The licence allows commercial use.".into(),
            &terms,
        ),
        (_, None) => out.missing(
            "deployment.commercial",
            Rule::CommercialUse,
            "the licence limits commercial use",
            &terms,
        ),
        (CommercialUse::Conditional, Some(false)) => out.add(
            Rule::CommercialUse,
            Severity::Info,
            "The deployment is non-commercial; the licence's commercial conditions do not arise.".into(),
            &terms,
        ),
        (CommercialUse::NonCommercial, Some(false)) => out.add(
            Rule::CommercialUse,
            Severity::Info,
            "The licence grants only non-commercial use; the deployment is non-commercial.".into(),
            &terms,
        ),
        (CommercialUse::NonCommercial, Some(true)) => out.add(
            Rule::CommercialUse,
            Severity::Blocked,
            "The licence grants only non-commercial use (research, evaluation or non-production), and this deployment is commercial.".into(),
            &terms,
        ),
        (CommercialUse::Conditional, Some(true)) => conditional_commercial_use(out),
    }
}

/// Commercial use that is gated: by thresholds (checked by their own rules), by registration
/// (an obligation), or by the licensor's approval (which no context can show).
fn conditional_commercial_use(out: &mut Findings) {
    let t = &out.terms.terms;
    let has_threshold = t.user_threshold.is_some() || t.revenue_threshold.is_some();
    if t.registration {
        out.add(
            Rule::CommercialUse,
            Severity::Obligation,
            "Register with the licensor before using the model commercially.".into(),
            &[TermName::Registration],
        );
    }
    if has_threshold {
        out.add(
            Rule::CommercialUse,
            Severity::Info,
            "Commercial use is allowed only below the thresholds checked below.".into(),
            &[TermName::CommercialUse],
        );
    } else if !t.registration {
        out.add(
            Rule::CommercialUse,
            Severity::Review,
            "Commercial use needs the licensor's separate approval or licence: confirm you have it.".into(),
            &[TermName::CommercialUse],
        );
    }
}

fn user_threshold(out: &mut Findings, ctx: &Context) {
    let Some(threshold) = out.terms.terms.user_threshold else {
        return;
    };
    let (limit, users, fact, unit) = match threshold {
        UserThreshold::MonthlyActiveUsers(n) => (
            n,
            ctx.organisation.monthly_active_users,
            "organisation.monthly_active_users",
            "monthly active users",
        ),
        UserThreshold::DailyActiveUsers(n) => (
            n,
            ctx.organisation.daily_active_users,
            "organisation.daily_active_users",
            "daily active users",
        ),
    };
    let terms = [TermName::UserThreshold];
    // Llama's gate is measured once, on the version's release date, not when the model is used.
    let when = if out.cites(&terms, "release date") {
        " The licence counts them on the version's release date (in the preceding calendar month), not today: the figure to give is the one for that month."
    } else {
        ""
    };
    match users {
        None => out.missing(
            fact,
            Rule::UserThreshold,
            &format!(
                "above {} {unit} the licensor's separate licence is needed{}{when}",
                group(limit),
                if when.is_empty() { "" } else { "." }
            ),
            &terms,
        ),
        Some(users) if users > limit => out.add(
            Rule::UserThreshold,
            Severity::Blocked,
            format!(
                "{} {unit} is more than the licence's {}: you need a separate licence from the licensor, which it may refuse.{when}",
                group(users),
                group(limit)
            ),
            &terms,
        ),
        Some(users) => out.add(
            Rule::UserThreshold,
            Severity::Info,
            format!(
                "{} {unit} is within the licence's {}.{when}",
                group(users),
                group(limit)
            ),
            &terms,
        ),
    }
}

fn revenue_threshold(out: &mut Findings, ctx: &Context) {
    let Some(threshold) = out.terms.terms.revenue_threshold else {
        return;
    };
    let limit = threshold.annual_revenue_usd;
    let terms = [TermName::RevenueThreshold];
    match ctx.organisation.annual_revenue_usd {
        None => out.missing(
            "organisation.annual_revenue_usd",
            Rule::RevenueThreshold,
            &format!("above USD {} annual revenue the licensor's separate licence is needed", group(limit)),
            &terms,
        ),
        Some(revenue) if revenue > limit => out.add(
            Rule::RevenueThreshold,
            Severity::Blocked,
            format!(
                "Annual revenue of USD {} is more than the licence's USD {}: you need a separate licence from the licensor.",
                group(revenue),
                group(limit)
            ),
            &terms,
        ),
        Some(revenue) => out.add(
            Rule::RevenueThreshold,
            Severity::Info,
            format!(
                "Annual revenue of USD {} is within the licence's USD {}.",
                group(revenue),
                group(limit)
            ),
            &terms,
        ),
    }
}

fn territory(out: &mut Findings, ctx: &Context) {
    let exclusions = out.terms.terms.territory_exclusions.clone();
    for exclusion in &exclusions {
        territory_exclusion(out, ctx, exclusion);
    }
    eu_gate(out, ctx);
}

/// Where the licensee stands against an excluded region.
enum Standing {
    /// The domicile or a market is in the region: the sentence says which.
    Inside(String),
    /// Neither the domicile nor any market is there.
    Outside,
    /// A fact the exclusion turns on is missing.
    Unknown(&'static str),
}

fn standing(ctx: &Context, exclusion: &TerritoryExclusion) -> Standing {
    let region = exclusion.region.as_str();
    let check_domicile = matches!(
        exclusion.basis,
        TerritoryBasis::Domicile | TerritoryBasis::Any
    );
    let check_market = matches!(
        exclusion.basis,
        TerritoryBasis::Market | TerritoryBasis::Any
    );
    let domicile = ctx.organisation.domicile.as_ref();
    if check_domicile && let Some(d) = domicile.filter(|d| overlaps(d, region)) {
        return Standing::Inside(format!(
            "The organisation is domiciled in {d}, and for licensees domiciled in {region}"
        ));
    }
    let markets = ctx.deployment.markets.as_ref();
    if check_market && let Some(list) = markets {
        let hits: Vec<&str> = list
            .iter()
            .filter(|m| overlaps(m, region))
            .map(Region::as_str)
            .collect();
        if !hits.is_empty() {
            return Standing::Inside(format!(
                "The deployment is offered in {}, and in {region}",
                hits.join(", ")
            ));
        }
    }
    if check_domicile && domicile.is_none() {
        return Standing::Unknown("organisation.domicile");
    }
    if check_market && markets.is_none() {
        return Standing::Unknown("deployment.markets");
    }
    Standing::Outside
}

fn territory_exclusion(out: &mut Findings, ctx: &Context, exclusion: &TerritoryExclusion) {
    let terms = [TermName::TerritoryExclusions];
    let region = exclusion.region.as_str();
    let multimodal_only = exclusion.scope == TerritoryScope::Multimodal;
    let what = if multimodal_only {
        "the licence grants no rights to multimodal models"
    } else {
        "the licence grants no rights"
    };
    // A model known not to be multimodal is outside a multimodal-only exclusion wherever the
    // licensee is; the deployment's declared modalities never make it so.
    if multimodal_only && let Some(known) = out.model.multimodal.as_ref().filter(|k| !k.value) {
        return out.add(
            Rule::Territory,
            Severity::Info,
            format!(
                "In {region} {what}; this model is not multimodal ({}), so it is not affected.",
                known.basis
            ),
            &terms,
        );
    }
    let inside = match standing(ctx, exclusion) {
        Standing::Inside(sentence) => sentence,
        Standing::Outside => {
            return out.add(
                Rule::Territory,
                Severity::Info,
                format!(
                    "In {region} {what}; neither the domicile nor the markets given are there."
                ),
                &terms,
            );
        }
        Standing::Unknown(fact) => {
            return out.missing(
                fact,
                Rule::Territory,
                &format!("in {region} {what}"),
                &terms,
            );
        }
    };
    if !multimodal_only {
        return out.add(
            Rule::Territory,
            Severity::Blocked,
            format!("{inside} {what}."),
            &terms,
        );
    }
    let carve_out = if out.cites(&terms, "end user") {
        " The clause spares end users of a product or service that incorporates such a model, not the licensee who builds it."
    } else {
        ""
    };
    match (out.model.multimodal.as_ref(), ctx.uses_multimodal()) {
        (Some(known), _) => out.add(
            Rule::Territory,
            Severity::Blocked,
            format!(
                "{inside} {what}: this model is multimodal ({}).{carve_out}",
                known.basis
            ),
            &terms,
        ),
        (None, Some(true)) => out.add(
            Rule::Territory,
            Severity::Blocked,
            format!(
                "{inside} {what}: the deployment declares non-text modalities, so the model it uses is multimodal.{carve_out}"
            ),
            &terms,
        ),
        (None, _) => out.add(
            Rule::Territory,
            Severity::Review,
            format!(
                "{inside} {what}: this applies if the model is multimodal, and which model is used (so its modality) is not known. Check the model: if it takes images, video or audio, no rights are granted.{carve_out}"
            ),
            &terms,
        ),
    }
}

/// A card whose access gate turns away people in the EU (`extra_gated_eu_disallowed: true`):
/// the publisher's own word that EU-domiciled licensees may not take the model.
fn eu_gate(out: &mut Findings, ctx: &Context) {
    if !out.model.eu_gated {
        return;
    }
    let what = "the model's publisher bars people in the EU from access (its card sets `extra_gated_eu_disallowed: true`)";
    match ctx.organisation.domicile.as_ref() {
        None => out.missing("organisation.domicile", Rule::Territory, what, &[]),
        Some(d) if d.within("EU") => out.add(
            Rule::Territory,
            Severity::Blocked,
            format!("The organisation is domiciled in {d}, and {what}."),
            &[],
        ),
        Some(d) => out.add(
            Rule::Territory,
            Severity::Info,
            format!(
                "{} The organisation is domiciled in {d}, outside the EU.",
                crate::text::capitalised(what)
            ),
            &[],
        ),
    }
}

/// Whether two regions share territory (`DE` and `EU`, `EU` and `FR`, `GB` and `GB`).
fn overlaps(region: &Region, excluded: &str) -> bool {
    region.within(excluded)
        || Region::parse(excluded).is_ok_and(|excluded| excluded.within(region.as_str()))
}

fn hosting(out: &mut Findings, ctx: &Context) {
    let terms = [TermName::Hosting];
    let hosting = out.terms.terms.hosting;
    match (hosting, ctx.deployment.hosting_as_service) {
        (Hosting::Allowed, _) | (_, Some(false)) => {}
        (_, None) => out.missing(
            "deployment.hosting_as_service",
            Rule::Hosting,
            "the licence limits offering the model as a hosted service",
            &terms,
        ),
        (Hosting::RequiresLicence, Some(true)) => out.add(
            Rule::Hosting,
            Severity::Blocked,
            "Offering the model to others as a hosted service or API needs a separate licence from the licensor.".into(),
            &terms,
        ),
        (Hosting::Unknown, Some(true)) => out.add(
            Rule::Hosting,
            Severity::Review,
            "Whether the model may be offered as a hosted service could not be determined.".into(),
            &terms,
        ),
    }
}

fn output_training(out: &mut Findings, ctx: &Context) {
    let terms = [TermName::OutputTraining];
    let t = &out.terms.terms;
    let prefix = t.derivatives.naming_prefix.clone();
    match (t.output_training, ctx.deployment.train_on_outputs) {
        (OutputTraining::Unrestricted, _) | (_, Some(false)) => {}
        (_, None) => out.missing(
            "deployment.train_on_outputs",
            Rule::OutputTraining,
            "the licence limits using outputs to train other models",
            &terms,
        ),
        (OutputTraining::Prohibited, Some(true)) => out.add(
            Rule::OutputTraining,
            Severity::Blocked,
            "The licence forbids using the model's outputs to train or improve other models (its own derivatives aside).".into(),
            &terms,
        ),
        (OutputTraining::Conditional, Some(true)) => {
            let message = match prefix {
                Some(prefix) => format!(
                    "Outputs may train another model, but a model so trained that you distribute or make available must have a name beginning with \"{prefix}\"."
                ),
                None => "Outputs may train another model only on the licence's conditions: the trained model is bound by them too.".to_string(),
            };
            out.add(Rule::OutputTraining, Severity::Obligation, message, &terms);
        }
        (OutputTraining::Unknown, Some(true)) => out.add(
            Rule::OutputTraining,
            Severity::Review,
            "Whether outputs may train other models could not be determined.".into(),
            &terms,
        ),
    }
}

fn derivatives(out: &mut Findings, ctx: &Context) {
    let terms = [TermName::Derivatives];
    match (
        out.terms.terms.derivatives.redistribution,
        ctx.deployment.distribute_derivatives,
    ) {
        (Redistribution::Allowed, _) | (_, Some(false)) => {}
        (_, None) => out.missing(
            "deployment.distribute_derivatives",
            Rule::Derivatives,
            "the licence limits sharing modified weights",
            &terms,
        ),
        (Redistribution::Prohibited, Some(true)) => out.add(
            Rule::Derivatives,
            Severity::Blocked,
            "The licence does not allow sharing fine-tuned or modified weights.".into(),
            &terms,
        ),
        (Redistribution::Conditional, Some(true)) => out.add(
            Rule::Derivatives,
            Severity::Obligation,
            "Modified weights may be shared only on the licence's conditions (see the clauses): they stay under this licence's terms.".into(),
            &terms,
        ),
        (Redistribution::Unknown, Some(true)) => out.add(
            Rule::Derivatives,
            Severity::Review,
            "Whether modified weights may be shared could not be determined.".into(),
            &terms,
        ),
    }
}

fn derivative_naming(out: &mut Findings, ctx: &Context) {
    let Some(prefix) = out.terms.terms.derivatives.naming_prefix.clone() else {
        return;
    };
    let terms = [TermName::Derivatives];
    let d = &ctx.deployment;
    // A derived model that is fine-tuned and made available in a product, or shared, is named.
    let derived = [d.fine_tune, d.distribute_derivatives];
    if derived.contains(&Some(true)) {
        out.add(
            Rule::DerivativeNaming,
            Severity::Obligation,
            format!("A model you derive from this one and distribute or make available must have a name beginning with \"{prefix}\"."),
            &terms,
        );
    } else if d.fine_tune.is_none() {
        out.missing(
            "deployment.fine_tune",
            Rule::DerivativeNaming,
            &format!("derived models must have names beginning with \"{prefix}\""),
            &terms,
        );
    } else if d.distribute_derivatives.is_none() {
        out.missing(
            "deployment.distribute_derivatives",
            Rule::DerivativeNaming,
            &format!("derived models must have names beginning with \"{prefix}\""),
            &terms,
        );
    }
}

fn attribution(out: &mut Findings, ctx: &Context) {
    let t = &out.terms.terms;
    let Some(notice) = t.attribution.clone() else {
        return;
    };
    let display = format!(
        "Display \"{notice}\" on a related website, user interface, blog post, about page or product documentation."
    );
    let Some(condition) = t.attribution_condition else {
        return out.add(
            Rule::Attribution,
            Severity::Obligation,
            display,
            &[TermName::Attribution],
        );
    };
    let terms = [TermName::Attribution, TermName::AttributionCondition];
    let org = &ctx.organisation;
    let users_over = condition
        .monthly_active_users
        .map(|limit| org.monthly_active_users.map(|users| users > limit));
    // Only annual revenue is known: above 12x the monthly level some month is surely over it;
    // at or below the monthly level none can be; in between nobody can tell.
    let revenue_over = condition.monthly_revenue_usd.map(|limit| {
        org.annual_revenue_usd.map(|annual| {
            if annual > limit.saturating_mul(12) {
                Some(true)
            } else if annual <= limit {
                Some(false)
            } else {
                None
            }
        })
    });
    if users_over == Some(Some(true)) || revenue_over == Some(Some(Some(true))) {
        return out.add(Rule::Attribution, Severity::Obligation, display, &terms);
    }
    if users_over == Some(None) {
        return out.missing(
            "organisation.monthly_active_users",
            Rule::Attribution,
            &format!("above a user count the licence requires displaying \"{notice}\""),
            &terms,
        );
    }
    match revenue_over {
        Some(None) => out.missing(
            "organisation.annual_revenue_usd",
            Rule::Attribution,
            &format!("above a revenue level the licence requires displaying \"{notice}\""),
            &terms,
        ),
        Some(Some(None)) => out.add(
            Rule::Attribution,
            Severity::Review,
            format!("The licence requires displaying \"{notice}\" above a monthly revenue; the annual revenue given does not tell whether any month exceeds it."),
            &terms,
        ),
        _ => out.add(
            Rule::Attribution,
            Severity::Info,
            format!("The licence requires displaying \"{notice}\" only above a level of users or revenue that this organisation is below."),
            &terms,
        ),
    }
}

fn licence_copy(out: &mut Findings, ctx: &Context) {
    let t = &out.terms.terms;
    if !t.licence_copy && t.notice.is_none() {
        return;
    }
    let terms = [TermName::LicenceCopy, TermName::Notice];
    let d = &ctx.deployment;
    let shares = [d.distribute_weights, d.distribute_derivatives];
    if shares.contains(&Some(true)) {
        let mut message = String::from("Give every recipient of the weights a copy of the licence");
        if let Some(notice) = &t.notice {
            message.push_str(&format!(" and a \"Notice\" file that reads \"{notice}\""));
        }
        message.push('.');
        out.add(Rule::LicenceCopy, Severity::Obligation, message, &terms);
    } else if d.distribute_weights.is_none() {
        out.missing(
            "deployment.distribute_weights",
            Rule::LicenceCopy,
            "shared copies must carry the licence and its notices",
            &terms,
        );
    } else if d.distribute_derivatives.is_none() {
        out.missing(
            "deployment.distribute_derivatives",
            Rule::LicenceCopy,
            "shared copies must carry the licence and its notices",
            &terms,
        );
    }
}

fn use_policy(out: &mut Findings) {
    if out.terms.terms.use_policy {
        out.add(
            Rule::UsePolicy,
            Severity::Obligation,
            "Every use must follow the licence's acceptable-use restrictions: check the declared uses against them.".into(),
            &[TermName::UsePolicy],
        );
    }
}

fn flow_down(out: &mut Findings, ctx: &Context) {
    if !out.terms.terms.flow_down {
        return;
    }
    let terms = [TermName::FlowDown];
    let d = &ctx.deployment;
    let passes_on = [
        d.distribute_weights,
        d.distribute_derivatives,
        d.hosting_as_service,
    ];
    if passes_on.contains(&Some(true)) {
        out.add(
            Rule::FlowDown,
            Severity::Obligation,
            "Pass the licence's use restrictions on, in an enforceable agreement, to everyone you give the model (or a derivative) to or host it for.".into(),
            &terms,
        );
    } else if let Some(fact) = [
        ("deployment.distribute_weights", d.distribute_weights),
        (
            "deployment.distribute_derivatives",
            d.distribute_derivatives,
        ),
        ("deployment.hosting_as_service", d.hosting_as_service),
    ]
    .iter()
    .find(|(_, value)| value.is_none())
    .map(|(fact, _)| *fact)
    {
        out.missing(
            fact,
            Rule::FlowDown,
            "use restrictions must be passed on to recipients",
            &terms,
        );
    }
}

pub use crate::text::group;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_codes_are_unique_and_kebab_case() {
        let codes: HashSet<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), Rule::ALL.len());
        assert!(
            codes
                .iter()
                .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'))
        );
    }

    #[test]
    fn contract_rule_names_exist() {
        for code in [
            "commercial-use",
            "user-threshold",
            "revenue-threshold",
            "territory",
            "hosting",
            "output-training",
            "derivative-naming",
            "attribution",
            "licence-copy",
            "use-policy",
            "flow-down",
            "unknown-licence",
            "modified-licence",
            "licence-conflict",
            "missing-fact",
        ] {
            assert!(Rule::ALL.iter().any(|r| r.code() == code), "{code}");
        }
    }

    #[test]
    fn verdicts_and_severities_read_back_what_they_print() {
        for verdict in [
            Verdict::Permitted,
            Verdict::PermittedWithObligations,
            Verdict::NeedsReview,
            Verdict::Blocked,
        ] {
            assert_eq!(verdict.to_string().parse::<Verdict>(), Ok(verdict));
            assert_eq!(
                serde_json::to_string(&verdict).expect("serialises"),
                format!("\"{verdict}\"")
            );
        }
        for severity in [
            Severity::Blocked,
            Severity::Review,
            Severity::Obligation,
            Severity::Info,
        ] {
            assert_eq!(severity.to_string().parse::<Severity>(), Ok(severity));
        }
        assert!("pass".parse::<Verdict>().is_err());
        assert!("warning".parse::<Severity>().is_err());
    }

    #[test]
    fn verdict_follows_the_worst_severity() {
        let f = |s| Finding::new(Rule::Attribution, s, String::new(), vec![]);
        assert_eq!(Verdict::from_findings(&[]), Verdict::Permitted);
        assert_eq!(
            Verdict::from_findings(&[f(Severity::Info)]),
            Verdict::Permitted
        );
        assert_eq!(
            Verdict::from_findings(&[f(Severity::Info), f(Severity::Obligation)]),
            Verdict::PermittedWithObligations
        );
        assert_eq!(
            Verdict::from_findings(&[f(Severity::Obligation), f(Severity::Review)]),
            Verdict::NeedsReview
        );
        assert_eq!(
            Verdict::from_findings(&[f(Severity::Review), f(Severity::Blocked)]),
            Verdict::Blocked
        );
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group(700_000_000), "700,000,000");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(999), "999");
        assert_eq!(group(0), "0");
    }
}
