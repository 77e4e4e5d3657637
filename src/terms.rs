//! The structured terms of a licence (the "fixed core" of `CONTRACT.md`, plus a few of our own),
//! and the evidence that backs each of them.
//!
//! This module is the plain data vocabulary of a licence's terms: [`Terms`] and the value type
//! of each field, [`TermName`] to name a field, [`Evidence`] for the clause behind a term and
//! [`BackedTerms`] for terms with their clauses. It is public as a namespace of its own so that
//! the crate root keeps to the types a check needs.
//!
//! ```
//! use model_licence::Catalogue;
//! use model_licence::terms::{CommercialUse, TermName, UserThreshold};
//!
//! let llama = Catalogue::embedded()?.get("llama-3.3").expect("in the catalogue");
//! let terms = &llama.terms().terms;
//! assert_eq!(terms.commercial_use, CommercialUse::Conditional);
//! assert_eq!(terms.user_threshold, Some(UserThreshold::MonthlyActiveUsers(700_000_000)));
//! let clause = &llama.terms().evidence_for(TermName::UserThreshold)[0];
//! assert!(clause.text.contains("700 million"));
//! # Ok::<(), model_licence::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// May the licence be used commercially?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommercialUse {
    /// Any licensee may use it commercially (obligations aside).
    Allowed,
    /// Only below a user or revenue threshold, or after registration or approval.
    Conditional,
    /// Research, evaluation, non-commercial or non-production use only.
    NonCommercial,
    /// The text could not be read with certainty.
    Unknown,
}

/// A user count above which the licensor's separate grant is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum UserThreshold {
    /// Monthly active users.
    MonthlyActiveUsers(u64),
    /// Daily active users.
    DailyActiveUsers(u64),
}

/// An annual revenue above which the licensor's separate grant is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueThreshold {
    /// Annual revenue in US dollars.
    pub annual_revenue_usd: u64,
}

/// Whether a territory exclusion covers every model or only multimodal ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryScope {
    /// Every use of the licensed materials.
    All,
    /// Only multimodal models (for example Llama 3.2 Vision).
    Multimodal,
}

/// What ties a licensee to an excluded territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryBasis {
    /// The licensee's residence or principal place of business.
    Domicile,
    /// Where the model is used, deployed or offered.
    Market,
    /// Either of the two.
    Any,
}

/// A region where the licence grants no rights.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerritoryExclusion {
    /// An ISO 3166-1 alpha-2 code, or `EU` for every member state.
    pub region: String,
    /// Which models the exclusion covers.
    pub scope: TerritoryScope,
    /// Whether domicile, market, or both trigger it.
    pub basis: TerritoryBasis,
}

/// May fine-tuned or modified weights be shared?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Redistribution {
    /// With at most a copy of the licence and its notices.
    Allowed,
    /// Only with more: a name prefix, flow-down, the same licence, research-only sharing.
    Conditional,
    /// Not at all.
    Prohibited,
    /// The text could not be read with certainty.
    Unknown,
}

/// What the licence says about derived models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derivatives {
    /// May derived weights be shared.
    pub redistribution: Redistribution,
    /// A derived model's name must begin with this.
    pub naming_prefix: Option<String>,
}

/// Users or revenue above which an attribution notice becomes due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionCondition {
    /// The notice is due above this many monthly active users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_active_users: Option<u64>,
    /// The notice is due above this monthly revenue in US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_revenue_usd: Option<u64>,
}

/// May outputs be used to train or improve other models?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputTraining {
    /// No clause limits it.
    Unrestricted,
    /// Allowed with conditions (a name prefix, an attribution).
    Conditional,
    /// Forbidden (exceptions for the licensor's own models aside).
    Prohibited,
    /// The text could not be read with certainty.
    Unknown,
}

/// May the model be offered to third parties as a hosted service?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hosting {
    /// Nothing in the text restricts it.
    Allowed,
    /// Only under a separate licence from the licensor.
    RequiresLicence,
    /// The text could not be read with certainty.
    Unknown,
}

/// The table of terms, one row per term in report order: its [`TermName`], its field of
/// [`Terms`] (also its name in JSON), the field's type and its doc. Everything that lists every
/// term is generated from this one table: `with_terms!(then)` calls the macro `then!` with
/// the rows. Types are spelled in full so that the rows mean the same in any module.
macro_rules! with_terms {
    ($then:ident) => {
        $then! {
            /// May the licence be used commercially.
            CommercialUse commercial_use: $crate::terms::CommercialUse,
            /// Commercial use requires registering with the licensor.
            Registration registration: bool,
            /// Above this many users a separate grant is needed.
            UserThreshold user_threshold: Option<$crate::terms::UserThreshold>,
            /// Above this revenue a separate grant is needed.
            RevenueThreshold revenue_threshold: Option<$crate::terms::RevenueThreshold>,
            /// Where the licence grants no rights.
            TerritoryExclusions territory_exclusions: Vec<$crate::terms::TerritoryExclusion>,
            /// What the licence says about derived models.
            Derivatives derivatives: $crate::terms::Derivatives,
            /// The notice to display, e.g. `Built with Llama`.
            Attribution attribution: Option<String>,
            /// When the notice is only due above some users or revenue.
            AttributionCondition attribution_condition: Option<$crate::terms::AttributionCondition>,
            /// The notice to keep in a "Notice" file with distributed copies.
            Notice notice: Option<String>,
            /// May outputs train other models.
            OutputTraining output_training: $crate::terms::OutputTraining,
            /// An acceptable-use or prohibited-use policy binds the licensee.
            UsePolicy use_policy: bool,
            /// Use restrictions must be passed on to downstream recipients.
            FlowDown flow_down: bool,
            /// May the model be offered as a hosted service.
            Hosting hosting: $crate::terms::Hosting,
            /// Redistribution must carry a copy of the licence or its notice.
            LicenceCopy licence_copy: bool,
        }
    };
}
pub(crate) use with_terms;

/// [`Terms`], [`TermName`] and what goes from one to the other, from the table of terms.
macro_rules! define_terms {
    ($( $(#[$doc:meta])* $name:ident $field:ident : $ty:ty, )*) => {
        /// The terms of a licence, as `CONTRACT.md` fixes them in the JSON report.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Terms {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        /// The name of one term, as it appears in `terms.json` and in the JSON report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum TermName {
            $( #[doc = concat!("`", stringify!($field), "`")] $name, )*
        }

        impl TermName {
            /// Every term, in report order.
            pub const ALL: [TermName; [$(stringify!($name)),*].len()] = [$(TermName::$name),*];

            /// The snake-case name used in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( TermName::$name => stringify!($field), )*
                }
            }
        }

        impl Terms {
            /// Sets one field to its value in `other`.
            #[allow(clippy::clone_on_copy)]
            pub fn copy_field(&mut self, term: TermName, other: &Terms) {
                match term {
                    $( TermName::$name => self.$field = other.$field.clone(), )*
                }
            }

            /// Whether one field has the same value in `self` and `other`.
            fn same_field(&self, term: TermName, other: &Terms) -> bool {
                match term {
                    $( TermName::$name => self.$field == other.$field, )*
                }
            }

            /// Whether one field states something (see [`Stated`]): a value a clause must
            /// back.
            pub(crate) fn states(&self, term: TermName) -> bool {
                match term {
                    $( TermName::$name => self.$field.stated(), )*
                }
            }
        }
    };
}

with_terms!(define_terms);

/// Whether a term's value says something rather than nothing: a duty that applies, a threshold
/// or notice that exists, a value other than `unknown`.
pub(crate) trait Stated {
    /// Whether it says something.
    fn stated(&self) -> bool;
}

impl Stated for bool {
    fn stated(&self) -> bool {
        *self
    }
}

impl<T> Stated for Option<T> {
    fn stated(&self) -> bool {
        self.is_some()
    }
}

impl<T> Stated for Vec<T> {
    fn stated(&self) -> bool {
        !self.is_empty()
    }
}

impl Stated for CommercialUse {
    fn stated(&self) -> bool {
        *self != CommercialUse::Unknown
    }
}

impl Stated for Derivatives {
    fn stated(&self) -> bool {
        self.redistribution != Redistribution::Unknown
    }
}

impl Stated for OutputTraining {
    fn stated(&self) -> bool {
        *self != OutputTraining::Unknown
    }
}

impl Stated for Hosting {
    fn stated(&self) -> bool {
        *self != Hosting::Unknown
    }
}

impl Terms {
    /// The terms of a licence nobody has read: every field unknown, no obligation assumed away.
    ///
    /// Thresholds are `None` here because none was found, not because none exists: a report on
    /// such terms always carries an `unknown-licence` review finding.
    pub fn unknown() -> Self {
        Terms {
            commercial_use: CommercialUse::Unknown,
            registration: false,
            user_threshold: None,
            revenue_threshold: None,
            territory_exclusions: Vec::new(),
            derivatives: Derivatives {
                redistribution: Redistribution::Unknown,
                naming_prefix: None,
            },
            attribution: None,
            attribution_condition: None,
            notice: None,
            output_training: OutputTraining::Unknown,
            use_policy: false,
            flow_down: false,
            hosting: Hosting::Unknown,
            licence_copy: false,
        }
    }
}

fn commercial_rank(c: CommercialUse) -> u8 {
    match c {
        CommercialUse::Unknown => 0,
        CommercialUse::NonCommercial => 1,
        CommercialUse::Conditional => 2,
        CommercialUse::Allowed => 3,
    }
}

fn redistribution_rank(r: Redistribution) -> u8 {
    match r {
        Redistribution::Unknown => 0,
        Redistribution::Prohibited => 1,
        Redistribution::Conditional => 2,
        Redistribution::Allowed => 3,
    }
}

fn output_rank(o: OutputTraining) -> u8 {
    match o {
        OutputTraining::Unknown => 0,
        OutputTraining::Prohibited => 1,
        OutputTraining::Conditional => 2,
        OutputTraining::Unrestricted => 3,
    }
}

fn hosting_rank(h: Hosting) -> u8 {
    match h {
        Hosting::Unknown => 0,
        Hosting::RequiresLicence => 1,
        Hosting::Allowed => 2,
    }
}

/// The lower of two optional thresholds (a threshold beats none).
fn lower_threshold(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Two optional texts, both kept when they differ.
fn both_texts(a: &Option<String>, b: &Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
        (a, b) => a.clone().or_else(|| b.clone()),
    }
}

impl Terms {
    /// The most restrictive combination of two licences' terms, field by field: what binds a
    /// model merged from both, or a model under `A AND B`. `unknown` wins over any value.
    pub fn stricter(&self, other: &Terms) -> Terms {
        let pick = |a: u8, b: u8| a <= b;
        let users = |t: &Terms| t.user_threshold;
        let user_threshold = match (users(self), users(other)) {
            (
                Some(UserThreshold::MonthlyActiveUsers(a)),
                Some(UserThreshold::MonthlyActiveUsers(b)),
            ) => Some(UserThreshold::MonthlyActiveUsers(a.min(b))),
            (
                Some(UserThreshold::DailyActiveUsers(a)),
                Some(UserThreshold::DailyActiveUsers(b)),
            ) => Some(UserThreshold::DailyActiveUsers(a.min(b))),
            // Monthly and daily gates cannot be compared: keep the monthly one, the other
            // licence's daily gate stays in its own clauses.
            (a, b) => a.or(b),
        };
        let mut territory = self.territory_exclusions.clone();
        for e in &other.territory_exclusions {
            if !territory.contains(e) {
                territory.push(e.clone());
            }
        }
        let attribution_condition = match (self.attribution_condition, other.attribution_condition)
        {
            (Some(a), Some(b)) => Some(AttributionCondition {
                monthly_active_users: lower_threshold(
                    a.monthly_active_users,
                    b.monthly_active_users,
                ),
                monthly_revenue_usd: lower_threshold(a.monthly_revenue_usd, b.monthly_revenue_usd),
            }),
            // A notice one licence always requires is always due.
            (Some(a), None) if other.attribution.is_none() => Some(a),
            (None, Some(b)) if self.attribution.is_none() => Some(b),
            _ => None,
        };
        Terms {
            commercial_use: if pick(
                commercial_rank(self.commercial_use),
                commercial_rank(other.commercial_use),
            ) {
                self.commercial_use
            } else {
                other.commercial_use
            },
            registration: self.registration || other.registration,
            user_threshold,
            revenue_threshold: lower_threshold(
                self.revenue_threshold.map(|r| r.annual_revenue_usd),
                other.revenue_threshold.map(|r| r.annual_revenue_usd),
            )
            .map(|annual_revenue_usd| RevenueThreshold { annual_revenue_usd }),
            territory_exclusions: territory,
            derivatives: Derivatives {
                redistribution: if pick(
                    redistribution_rank(self.derivatives.redistribution),
                    redistribution_rank(other.derivatives.redistribution),
                ) {
                    self.derivatives.redistribution
                } else {
                    other.derivatives.redistribution
                },
                naming_prefix: both_texts(
                    &self.derivatives.naming_prefix,
                    &other.derivatives.naming_prefix,
                ),
            },
            attribution: both_texts(&self.attribution, &other.attribution),
            attribution_condition,
            notice: both_texts(&self.notice, &other.notice),
            output_training: if pick(
                output_rank(self.output_training),
                output_rank(other.output_training),
            ) {
                self.output_training
            } else {
                other.output_training
            },
            use_policy: self.use_policy || other.use_policy,
            flow_down: self.flow_down || other.flow_down,
            hosting: if pick(hosting_rank(self.hosting), hosting_rank(other.hosting)) {
                self.hosting
            } else {
                other.hosting
            },
            licence_copy: self.licence_copy || other.licence_copy,
        }
    }

    /// One field's value as compact JSON, for messages.
    pub fn field_json(&self, term: TermName) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|all| all.get(term.as_str()).map(|v| v.to_string()))
            .unwrap_or_default()
    }

    /// One term's value in words, as the human report and the messages give it
    /// (`70,000,000 monthly active users`, `may be shared on conditions`).
    pub fn field_words(&self, term: TermName) -> String {
        use crate::text::group;
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
        let or_none = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".to_string());
        match term {
            TermName::CommercialUse => match self.commercial_use {
                CommercialUse::Allowed => "allowed",
                CommercialUse::Conditional => "conditional",
                CommercialUse::NonCommercial => "non-commercial only",
                CommercialUse::Unknown => "unknown",
            }
            .to_string(),
            TermName::Registration => yes_no(self.registration),
            TermName::UserThreshold => match self.user_threshold {
                Some(UserThreshold::MonthlyActiveUsers(n)) => {
                    format!("{} monthly active users", group(n))
                }
                Some(UserThreshold::DailyActiveUsers(n)) => {
                    format!("{} daily active users", group(n))
                }
                None => "none".to_string(),
            },
            TermName::RevenueThreshold => self.revenue_threshold.map_or("none".to_string(), |r| {
                format!("USD {} a year", group(r.annual_revenue_usd))
            }),
            TermName::TerritoryExclusions if self.territory_exclusions.is_empty() => {
                "none".to_string()
            }
            TermName::TerritoryExclusions => self
                .territory_exclusions
                .iter()
                .map(|e| format!("{} ({:?}, by {:?})", e.region, e.scope, e.basis).to_lowercase())
                .collect::<Vec<_>>()
                .join(", "),
            TermName::Derivatives => {
                let shared = match self.derivatives.redistribution {
                    Redistribution::Allowed => "may be shared",
                    Redistribution::Conditional => "may be shared on conditions",
                    Redistribution::Prohibited => "may not be shared",
                    Redistribution::Unknown => "unknown",
                };
                match &self.derivatives.naming_prefix {
                    Some(prefix) => format!("{shared}; names must begin with \"{prefix}\""),
                    None => shared.to_string(),
                }
            }
            TermName::Attribution => or_none(&self.attribution),
            TermName::AttributionCondition => match self.attribution_condition {
                None => "always".to_string(),
                Some(c) => [
                    c.monthly_active_users
                        .map(|n| format!("above {} monthly active users", group(n))),
                    c.monthly_revenue_usd
                        .map(|n| format!("above USD {} a month", group(n))),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" or "),
            },
            TermName::Notice => or_none(&self.notice),
            TermName::OutputTraining => match self.output_training {
                OutputTraining::Unrestricted => "unrestricted",
                OutputTraining::Conditional => "conditional",
                OutputTraining::Prohibited => "prohibited",
                OutputTraining::Unknown => "unknown",
            }
            .to_string(),
            TermName::UsePolicy => yes_no(self.use_policy),
            TermName::FlowDown => yes_no(self.flow_down),
            TermName::Hosting => match self.hosting {
                Hosting::Allowed => "allowed",
                Hosting::RequiresLicence => "needs a separate licence",
                Hosting::Unknown => "unknown",
            }
            .to_string(),
            TermName::LicenceCopy => yes_no(self.licence_copy),
        }
    }

    /// The terms whose values differ between `self` and `other`. Texts (notices, prefixes) are
    /// compared word by word, so quote styles and line wrapping do not count; territory
    /// exclusions are compared as sets.
    pub fn differing_fields(&self, other: &Terms) -> Vec<TermName> {
        let same_text = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => {
                crate::text::Words::new(a).joined == crate::text::Words::new(b).joined
            }
            (None, None) => true,
            _ => false,
        };
        let same_regions = || {
            let mut a = self.territory_exclusions.clone();
            let mut b = other.territory_exclusions.clone();
            a.sort();
            b.sort();
            a == b
        };
        TermName::ALL
            .into_iter()
            .filter(|term| {
                let same = match term {
                    TermName::TerritoryExclusions => same_regions(),
                    TermName::Derivatives => {
                        self.derivatives.redistribution == other.derivatives.redistribution
                            && same_text(
                                &self.derivatives.naming_prefix,
                                &other.derivatives.naming_prefix,
                            )
                    }
                    TermName::Attribution => same_text(&self.attribution, &other.attribution),
                    TermName::Notice => same_text(&self.notice, &other.notice),
                    _ => self.same_field(*term, other),
                };
                !same
            })
            .collect()
    }
}

/// A span of a text that backs a term or a finding.
///
/// `start..end` are byte offsets into the text named by `document`, so that
/// `text == document_text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The quoted text, exactly as it stands in the document.
    pub text: String,
    /// Which text the offsets point into: `licence` for the licence text that was read (the
    /// catalogue's own text when the subject is an id), or the id of a companion text from the
    /// catalogue, such as `llama-3.3-aup`, when the clause lives in the acceptable-use policy.
    pub document: String,
    /// The language the clause is written in, where the extractor tells it from the script
    /// (`zh` for Chinese); absent for English and wherever it was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The 1-based line of `start` in the file the document was read from, where the report
    /// located it (see [`crate::Report::sources`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column of `start` on that line, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Evidence {
    /// The clause at `start..end` of `text`, a text named `document` (see
    /// [`Evidence::document`]), not yet located in a file; `None` when the range is not in the
    /// text or cuts a character.
    pub(crate) fn span(text: &str, start: usize, end: usize, document: &str) -> Option<Evidence> {
        Some(Evidence {
            start,
            end,
            text: text.get(start..end)?.to_string(),
            document: document.to_string(),
            lang: None,
            line: None,
            column: None,
        })
    }

    /// Where the clause is, for a reader: `licence line 12:5, bytes 400..520`, or the document
    /// and byte range alone where the report did not locate it in a file.
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!(
                "{} line {line}:{column}, bytes {}..{}",
                self.document, self.start, self.end
            ),
            _ => format!("{} bytes {}..{}", self.document, self.start, self.end),
        }
    }
}

/// The document name of the licence text that was read.
pub const LICENCE_DOCUMENT: &str = "licence";

/// Evidence for each term, keyed by term.
pub type TermEvidence = BTreeMap<TermName, Vec<Evidence>>;

/// Terms together with the clauses they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackedTerms {
    /// The term values.
    pub terms: Terms,
    /// The clauses behind each term (a term with no clause has no entry).
    pub evidence: TermEvidence,
}

impl BackedTerms {
    /// The clauses behind one term (empty when none).
    pub fn evidence_for(&self, term: TermName) -> &[Evidence] {
        self.evidence.get(&term).map(Vec::as_slice).unwrap_or(&[])
    }
}
