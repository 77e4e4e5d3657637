//! The deployment context: the facts about an organisation and its deployment that licence
//! terms are evaluated against.
//!
//! Every fact is optional and a missing fact is *unknown*, never a silent "no": a rule that needs
//! it asks for review. Parsing is strict, because a typo must never weaken a check: an unknown
//! field, a wrong type, a negative number or an unknown country code is an error naming the field.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Origin, ParseError, Result};
use crate::text::{Limits, decode_text, read_text_file};

/// The territory of the European Union, read from `data/eu-territories.json` (member states,
/// and the outermost regions and other EU territories with ISO codes of their own, with the
/// treaty articles they rest on).
#[derive(Debug, Deserialize)]
struct EuTerritories {
    member_states: Vec<String>,
    other_territories: std::collections::BTreeMap<String, String>,
}

/// Every ISO 3166-1 alpha-2 code that is EU territory: the member states, then the outermost
/// regions and territories with codes of their own (`RE`, `GP`, `AX`, ...).
pub fn eu_territory() -> &'static [String] {
    static CODES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        // The table is part of the crate and checked by a test: it cannot fail to parse in a
        // released build. Should it ever, the member states alone are still known.
        let table: Option<EuTerritories> =
            serde_json::from_str(include_str!("../data/eu-territories.json")).ok();
        match table {
            Some(table) => table
                .member_states
                .into_iter()
                .chain(table.other_territories.into_keys())
                .collect(),
            None => FALLBACK_MEMBER_STATES
                .iter()
                .map(|c| c.to_string())
                .collect(),
        }
    })
}

/// The member states, should the data table be unreadable (a test asserts it is not).
const FALLBACK_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// A country (ISO 3166-1 alpha-2, upper case) or `EU` for all EU territory.
///
/// ```
/// use model_licence::Region;
///
/// assert_eq!(Region::parse("fr")?.as_str(), "FR");
/// assert!(Region::parse("FR")?.within("EU"));
/// assert!(Region::parse("UK").is_err()); // the ISO code is GB
/// # Ok::<(), model_licence::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Region(String);

impl Region {
    /// Parses a region code, accepting any case. `UK` is refused: the ISO code is `GB`.
    pub fn parse(code: &str) -> std::result::Result<Region, ParseError> {
        let upper = code.trim().to_ascii_uppercase();
        if upper == "EU" {
            return Ok(Region(upper));
        }
        match isocountry::CountryCode::for_alpha2(&upper) {
            Ok(country) => Ok(Region(country.alpha2().to_string())),
            Err(_) if upper == "UK" => Err(ParseError::new(
                code,
                "an ISO 3166-1 code; the United Kingdom is `GB`",
            )),
            Err(_) => Err(ParseError::new(
                code,
                "an ISO 3166-1 alpha-2 country code (nor `EU`)",
            )),
        }
    }

    /// The code, e.g. `DE` or `EU`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this region lies within `other` (`DE` within `EU`, `EU` within `EU`, `GB` within `GB`).
    pub fn within(&self, other: &str) -> bool {
        self.0 == other || (other == "EU" && eu_territory().contains(&self.0))
    }
}

impl TryFrom<String> for Region {
    type Error = ParseError;
    fn try_from(value: String) -> std::result::Result<Self, Self::Error> {
        Region::parse(&value)
    }
}

impl From<Region> for String {
    fn from(region: Region) -> String {
        region.0
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A kind of input or output the deployment handles.
/// A kind of input or output the deployment handles.
///
/// ```
/// use model_licence::Modality;
///
/// assert_eq!(Modality::parse("Vision")?, Modality::Vision);
/// assert!(Modality::Vision.is_multimodal());
/// assert!(!Modality::Text.is_multimodal());
/// # Ok::<(), model_licence::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Text in and out.
    Text,
    /// Source code.
    Code,
    /// Image understanding (vision-language models).
    Vision,
    /// Image generation.
    Image,
    /// Audio.
    Audio,
    /// Speech.
    Speech,
    /// Video.
    Video,
    /// 3D assets.
    #[serde(rename = "3d")]
    ThreeD,
    /// Several of the above in one model.
    Multimodal,
}

impl Modality {
    /// Every modality, for help texts.
    pub const ALL: [Modality; 9] = [
        Modality::Text,
        Modality::Code,
        Modality::Vision,
        Modality::Image,
        Modality::Audio,
        Modality::Speech,
        Modality::Video,
        Modality::ThreeD,
        Modality::Multimodal,
    ];

    /// Parses a modality name (`text`, `vision`, ...).
    pub fn parse(name: &str) -> std::result::Result<Modality, ParseError> {
        let wanted = name.trim().to_ascii_lowercase();
        Modality::ALL
            .into_iter()
            .find(|m| m.as_str() == wanted)
            .ok_or_else(|| {
                let known: Vec<&str> = Modality::ALL.iter().map(|m| m.as_str()).collect();
                ParseError::new(name, format!("a modality; use one of {}", known.join(", ")))
            })
    }

    /// The modality's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Text => "text",
            Modality::Code => "code",
            Modality::Vision => "vision",
            Modality::Image => "image",
            Modality::Audio => "audio",
            Modality::Speech => "speech",
            Modality::Video => "video",
            Modality::ThreeD => "3d",
            Modality::Multimodal => "multimodal",
        }
    }

    /// Whether a deployment using this modality uses a multimodal model (anything beyond text).
    pub fn is_multimodal(self) -> bool {
        !matches!(self, Modality::Text | Modality::Code)
    }
}

/// Facts about the organisation that deploys the model.
///
/// ```
/// use model_licence::{Organisation, Region};
///
/// let organisation = Organisation {
///     monthly_active_users: Some(2_000_000),
///     domicile: Some(Region::parse("DE")?),
///     ..Organisation::default()
/// };
/// assert!(organisation.domicile.unwrap().within("EU"));
/// # Ok::<(), model_licence::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Monthly active users of its products and services (with affiliates).
    pub monthly_active_users: Option<u64>,
    /// Daily active users.
    pub daily_active_users: Option<u64>,
    /// Annual revenue in US dollars.
    pub annual_revenue_usd: Option<u64>,
    /// Where it is domiciled (principal place of business).
    pub domicile: Option<Region>,
}

/// Facts about the deployment.
///
/// ```
/// use model_licence::{Deployment, Modality};
///
/// let deployment = Deployment {
///     commercial: Some(true),
///     fine_tune: Some(true),
///     modalities: Some(vec![Modality::Text, Modality::Vision]),
///     ..Deployment::default()
/// };
/// assert_eq!(deployment.distribute_weights, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    /// Part of a commercial product or service.
    pub commercial: Option<bool>,
    /// Where it is offered or used.
    pub markets: Option<Vec<Region>>,
    /// The model itself is offered to third parties as a hosted service or API.
    pub hosting_as_service: Option<bool>,
    /// The model is fine-tuned or otherwise modified.
    pub fine_tune: Option<bool>,
    /// The original weights are shared with others.
    pub distribute_weights: Option<bool>,
    /// Fine-tuned or modified weights are shared with others.
    pub distribute_derivatives: Option<bool>,
    /// Outputs are used to train or improve another model.
    pub train_on_outputs: Option<bool>,
    /// Modalities the deployment uses.
    pub modalities: Option<Vec<Modality>>,
    /// Free-form descriptions of the uses, for the reviewer.
    pub uses: Option<Vec<String>>,
}

/// The deployment context a licence is evaluated against.
///
/// ```
/// use model_licence::{Context, Origin};
///
/// let context = Context::from_json(
///     r#"{ "organisation": { "monthly_active_users": 900000000 }, "deployment": { "commercial": true } }"#,
///     Origin::Memory("context".into()),
/// )?;
/// assert_eq!(context.organisation.monthly_active_users, Some(900_000_000));
/// assert_eq!(context.deployment.fine_tune, None); // not said: unknown, which asks for review
/// # Ok::<(), model_licence::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Facts about the organisation.
    #[serde(default)]
    pub organisation: Organisation,
    /// Facts about the deployment.
    #[serde(default)]
    pub deployment: Deployment,
}

impl Context {
    /// The default context: a commercial product of a US organisation below every known
    /// threshold (1,000 monthly and 100 daily active users, USD 100,000 annual revenue), offered
    /// in the US, inference only (no fine-tuning, no redistribution, no hosting the model for
    /// others, no training on outputs), text only.
    pub fn default_assumed() -> Context {
        let us = || Region("US".to_string());
        Context {
            organisation: Organisation {
                monthly_active_users: Some(1_000),
                daily_active_users: Some(100),
                annual_revenue_usd: Some(100_000),
                domicile: Some(us()),
            },
            deployment: Deployment {
                commercial: Some(true),
                markets: Some(vec![us()]),
                hosting_as_service: Some(false),
                fine_tune: Some(false),
                distribute_weights: Some(false),
                distribute_derivatives: Some(false),
                train_on_outputs: Some(false),
                modalities: Some(vec![Modality::Text]),
                uses: Some(Vec::new()),
            },
        }
    }

    /// Parses a context from JSON. Errors name the field (`organisation.domicile`).
    pub fn from_json(json: &str, origin: Origin) -> Result<Context> {
        let mut de = serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let field = err.path().to_string();
            let inner = err.into_inner();
            let message = explain_json_error(&inner);
            Error::Context {
                origin,
                field: if field == "." {
                    "(document)".to_string()
                } else {
                    field
                },
                message,
            }
        })
    }

    /// Reads and parses a context file.
    pub fn from_file(path: &Path, limits: Limits) -> Result<Context> {
        let text = read_text_file(path, limits)?;
        Context::from_json(&text, Origin::Path(path.to_path_buf()))
    }

    /// Parses a context from bytes (e.g. standard input).
    pub fn from_bytes(bytes: Vec<u8>, origin: Origin, limits: Limits) -> Result<Context> {
        let text = decode_text(bytes, origin.clone(), limits)?;
        Context::from_json(&text, origin)
    }

    /// Every fact of the context by its dotted name, with its value in words (`None` when the
    /// context does not say), in the order of the context file.
    ///
    /// ```
    /// use model_licence::Context;
    ///
    /// let facts = Context::default_assumed().facts();
    /// assert_eq!(facts[0], ("organisation.monthly_active_users", Some("1,000".to_string())));
    /// assert_eq!(facts.len(), 13);
    /// ```
    pub fn facts(&self) -> Vec<(&'static str, Option<String>)> {
        let (o, d) = (&self.organisation, &self.deployment);
        let number = |n: Option<u64>| n.map(crate::text::group);
        let flag = |b: Option<bool>| b.map(|b| if b { "yes" } else { "no" }.to_string());
        let list = |items: Option<Vec<String>>| {
            items.map(|v| {
                if v.is_empty() {
                    "none".to_string()
                } else {
                    v.join(", ")
                }
            })
        };
        vec![
            (
                "organisation.monthly_active_users",
                number(o.monthly_active_users),
            ),
            (
                "organisation.daily_active_users",
                number(o.daily_active_users),
            ),
            (
                "organisation.annual_revenue_usd",
                number(o.annual_revenue_usd),
            ),
            (
                "organisation.domicile",
                o.domicile.as_ref().map(|r| r.to_string()),
            ),
            ("deployment.commercial", flag(d.commercial)),
            (
                "deployment.markets",
                list(
                    d.markets
                        .as_ref()
                        .map(|m| m.iter().map(|r| r.to_string()).collect()),
                ),
            ),
            ("deployment.hosting_as_service", flag(d.hosting_as_service)),
            ("deployment.fine_tune", flag(d.fine_tune)),
            ("deployment.distribute_weights", flag(d.distribute_weights)),
            (
                "deployment.distribute_derivatives",
                flag(d.distribute_derivatives),
            ),
            ("deployment.train_on_outputs", flag(d.train_on_outputs)),
            (
                "deployment.modalities",
                list(
                    d.modalities
                        .as_ref()
                        .map(|m| m.iter().map(|x| x.as_str().to_string()).collect()),
                ),
            ),
            ("deployment.uses", list(d.uses.clone())),
        ]
    }

    /// The dotted names of the facts this context gives (see [`Context::facts`]).
    pub fn known_facts(&self) -> Vec<String> {
        self.facts()
            .into_iter()
            .filter(|(_, value)| value.is_some())
            .map(|(name, _)| name.to_string())
            .collect()
    }

    /// The facts this context knows that `given` does not. With `given` holding only the facts a
    /// caller set (flags, keywords) over the default context, these are the facts assumed from
    /// the default: a report's `assumed_facts`.
    pub fn known_facts_besides(&self, given: &Context) -> Vec<String> {
        let given = given.known_facts();
        self.known_facts()
            .into_iter()
            .filter(|fact| !given.contains(fact))
            .collect()
    }

    /// Whether the deployment uses a multimodal model, if known.
    pub fn uses_multimodal(&self) -> Option<bool> {
        self.deployment
            .modalities
            .as_ref()
            .map(|list| list.iter().any(|m| m.is_multimodal()))
    }
}

/// Rewords serde's messages for people who edit context files.
fn explain_json_error(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let position = format!(" (line {}, column {})", err.line(), err.column());
    let text = text
        .split(" at line ")
        .next()
        .unwrap_or(&text)
        .replace("expected u64", "expected a whole number of at least 0")
        .replace("invalid value: integer `-", "negative number `-");
    format!("{text}{position}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Context> {
        Context::from_json(json, Origin::Memory("test".into()))
    }

    fn field_of(json: &str) -> String {
        match parse(json) {
            Err(Error::Context { field, .. }) => field,
            other => panic!("expected a context error, got {other:?}"),
        }
    }

    #[test]
    fn contract_example_parses() {
        let ctx = parse(
            r#"{"organisation":{"monthly_active_users":1200000,"daily_active_users":90000,
            "annual_revenue_usd":5000000,"domicile":"DE"},"deployment":{"commercial":true,
            "markets":["US","DE"],"hosting_as_service":false,"fine_tune":true,"distribute_weights":false,
            "distribute_derivatives":true,"train_on_outputs":false,"modalities":["text"],"uses":["customer-support"]}}"#,
        )
        .expect("valid");
        assert_eq!(
            ctx.organisation.domicile.as_ref().map(Region::as_str),
            Some("DE")
        );
        assert_eq!(ctx.deployment.fine_tune, Some(true));
    }

    #[test]
    fn missing_facts_stay_unknown() {
        let ctx = parse(r#"{"organisation":{}}"#).expect("valid");
        assert_eq!(ctx.organisation.monthly_active_users, None);
        assert_eq!(ctx.deployment.commercial, None);
    }

    #[test]
    fn unknown_field_names_the_field() {
        assert!(field_of(r#"{"organisation":{"montly_active_users":5}}"#).contains("organisation"));
    }

    #[test]
    fn negative_number_names_the_field() {
        assert_eq!(
            field_of(r#"{"organisation":{"annual_revenue_usd":-5}}"#),
            "organisation.annual_revenue_usd"
        );
    }

    #[test]
    fn wrong_type_names_the_field() {
        assert_eq!(
            field_of(r#"{"deployment":{"commercial":"yes"}}"#),
            "deployment.commercial"
        );
    }

    #[test]
    fn uk_is_refused_with_a_hint() {
        let err = parse(r#"{"organisation":{"domicile":"UK"}}"#).unwrap_err();
        assert!(err.to_string().contains("GB"), "{err}");
    }

    #[test]
    fn unknown_market_names_its_index() {
        assert_eq!(
            field_of(r#"{"deployment":{"markets":["US","XX"]}}"#),
            "deployment.markets[1]"
        );
    }

    #[test]
    fn member_state_is_within_eu() {
        let de = Region::parse("de").unwrap();
        assert!(de.within("EU") && de.within("DE") && !de.within("GB"));
        assert!(!Region::parse("CH").unwrap().within("EU"));
    }

    #[test]
    fn eu_territory_table_is_read_and_complete() {
        let table: EuTerritories =
            serde_json::from_str(include_str!("../data/eu-territories.json")).expect("parses");
        assert_eq!(table.member_states.len(), 27);
        assert_eq!(table.member_states, FALLBACK_MEMBER_STATES);
        // Outermost regions and territories with their own ISO codes are EU territory.
        for code in ["RE", "GP", "MQ", "GF", "YT", "MF", "AX"] {
            let region = Region::parse(code).expect("a valid ISO code");
            assert!(region.within("EU"), "{code} is EU territory");
        }
        // Overseas countries and territories are not.
        for code in ["GL", "NC", "PF", "BL", "FO", "AW", "CW", "GI"] {
            assert!(!Region::parse(code).expect("valid").within("EU"), "{code}");
        }
    }

    #[test]
    fn unknown_modality_is_refused() {
        assert_eq!(
            field_of(r#"{"deployment":{"modalities":["smell"]}}"#),
            "deployment.modalities[0]"
        );
    }
}
