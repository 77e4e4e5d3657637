//! What `check` and `scan` share: the context (a dict or a JSON file), the fact keywords that
//! override it (the command line's fact flags), and the organisation's policy.
//!
//! Parsing is as strict as the command line's: an unknown keyword, a wrong type, a negative
//! number or an unknown country code is an `InputError` naming the fact, because a typo must
//! never weaken a check.

use std::path::PathBuf;

use model_licence::{Checker, Context, ContextSource, Limits, Modality, Origin, Policy, Region};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyMapping, PyString};

use crate::{InputError, input_error};

/// The fact keywords, as the command line's flags name them (`--daily-users` is
/// `daily_users`); a repeatable flag takes its singular or its plural name.
const FACTS: [&str; 17] = [
    "users",
    "daily_users",
    "revenue",
    "domicile",
    "market",
    "markets",
    "commercial",
    "non_commercial",
    "host_as_service",
    "fine_tune",
    "distribute_weights",
    "distribute_derivatives",
    "train_on_outputs",
    "modality",
    "modalities",
    "use",
    "uses",
];

/// Keywords that set the same fact: at most one of each pair may be given.
const SAME_FACT: [(&str, &str); 4] = [
    ("market", "markets"),
    ("modality", "modalities"),
    ("use", "uses"),
    ("commercial", "non_commercial"),
];

/// The context to evaluate, where it came from, and the policy to apply.
pub struct Setup {
    /// The context, facts applied.
    pub context: Context,
    /// Default or given, with or without overrides (as the command line reports it).
    pub context_source: ContextSource,
    /// The facts taken from the default context rather than given (the report's
    /// `assumed_facts`, as the command line fills it).
    pub assumed: Vec<String>,
    /// The organisation's policy, if one was given.
    pub policy: Option<Policy>,
}

impl Setup {
    /// Reads the arguments as the command line reads its options: the context given, else the
    /// policy's context, else the documented default; then the facts over it.
    pub fn read(
        context: Option<&Bound<'_, PyAny>>,
        policy: Option<&Bound<'_, PyAny>>,
        facts: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Setup> {
        let policy = policy.map(read_policy).transpose()?;
        let (mut context, given) = match context {
            Some(context) => (read_context(context)?, true),
            None => match policy.as_ref().and_then(|p| p.context.clone()) {
                Some(context) => (context, true),
                None => (Context::default_assumed(), false),
            },
        };
        let overridden = match facts {
            Some(facts) => apply_facts(&mut context, facts)?,
            None => false,
        };
        let context_source = ContextSource::of(given, overridden);
        let assumed = match (given, facts) {
            (true, _) => Vec::new(),
            (false, None) => context.known_facts(),
            (false, Some(facts)) => {
                // The facts the keywords give, as the command line's flags: applied to an empty
                // context (they were read without error above).
                let mut only_given = Context::default();
                apply_facts(&mut only_given, facts)?;
                context.known_facts_besides(&only_given)
            }
        };
        Ok(Setup {
            context,
            context_source,
            assumed,
            policy,
        })
    }

    /// A checker over the embedded catalogue that records the context's source and applies
    /// the policy.
    pub fn checker(&self) -> Checker {
        let checker = Checker::new().with_context_source(self.context_source);
        match &self.policy {
            Some(policy) => checker.with_policy(policy.clone()),
            None => checker,
        }
    }
}

/// A policy file (TOML), named by a `str` or an `os.PathLike`.
fn read_policy(path: &Bound<'_, PyAny>) -> PyResult<Policy> {
    let path = path_of("policy", path)?;
    Policy::from_file(&path, Limits::DEFAULT).map_err(input_error)
}

/// A context: a mapping in the contract's shape, or the path of a JSON file.
fn read_context(context: &Bound<'_, PyAny>) -> PyResult<Context> {
    if context.is_instance_of::<PyMapping>() || context.is_instance_of::<PyDict>() {
        let json = to_json(context)?;
        return Context::from_json(&json, Origin::Memory("context".to_string()))
            .map_err(input_error);
    }
    let path = context.extract::<PathBuf>().map_err(|_| {
        InputError::new_err(format!(
            "context: expected a dict or the path of a JSON file, got {}",
            type_name(context)
        ))
    })?;
    Context::from_file(&path, Limits::DEFAULT).map_err(input_error)
}

/// A mapping as JSON, with Python's own encoder: what it cannot encode (a set, a float that
/// is not a number) is an input error.
fn to_json(mapping: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = mapping.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("allow_nan", false)?;
    py.import("json")?
        .call_method("dumps", (mapping,), Some(&kwargs))
        .and_then(|json| json.extract::<String>())
        .map_err(|err| {
            InputError::new_err(format!("<context>: not a JSON document: {}", err.value(py)))
        })
}

/// A path given as a `str` or an `os.PathLike`.
pub fn path_of(what: &str, value: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    value.extract::<PathBuf>().map_err(|_| {
        InputError::new_err(format!(
            "{what}: expected a path (str or os.PathLike), got {}",
            type_name(value)
        ))
    })
}

/// The name of a value's type, for messages.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .qualname()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an object".to_string())
}

/// Applies the fact keywords to the context; returns whether any fact changed.
fn apply_facts(context: &mut Context, facts: &Bound<'_, PyDict>) -> PyResult<bool> {
    for (one, other) in SAME_FACT {
        if facts.contains(one)? && facts.contains(other)? {
            return Err(InputError::new_err(format!(
                "facts `{one}` and `{other}`: give one of them"
            )));
        }
    }
    let before = context.clone();
    for (name, value) in facts.iter() {
        let name: String = name.extract()?;
        apply_fact(context, &name, &value)?;
    }
    Ok(*context != before)
}

/// Sets one fact. `None` makes the fact unknown, which a rule that needs it reports for review.
fn apply_fact(context: &mut Context, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let (o, d) = (&mut context.organisation, &mut context.deployment);
    match name {
        "users" => o.monthly_active_users = count(name, value)?,
        "daily_users" => o.daily_active_users = count(name, value)?,
        "revenue" => o.annual_revenue_usd = count(name, value)?,
        "domicile" => o.domicile = optional(value, |v| region(name, v))?,
        "market" | "markets" => d.markets = optional(value, |v| list(name, v, region))?,
        "commercial" => d.commercial = flag(name, value)?,
        "non_commercial" => d.commercial = flag(name, value)?.map(|non| !non),
        "host_as_service" => d.hosting_as_service = flag(name, value)?,
        "fine_tune" => d.fine_tune = flag(name, value)?,
        "distribute_weights" => d.distribute_weights = flag(name, value)?,
        "distribute_derivatives" => d.distribute_derivatives = flag(name, value)?,
        "train_on_outputs" => d.train_on_outputs = flag(name, value)?,
        "modality" | "modalities" => d.modalities = optional(value, |v| list(name, v, modality))?,
        "use" | "uses" => d.uses = optional(value, |v| list(name, v, text))?,
        _ => {
            return Err(InputError::new_err(format!(
                "unknown fact `{name}`; the facts are: {}",
                FACTS.join(", ")
            )));
        }
    }
    Ok(())
}

/// `None` for `None`, else the value read.
fn optional<T>(
    value: &Bound<'_, PyAny>,
    read: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<T>,
) -> PyResult<Option<T>> {
    if value.is_none() {
        Ok(None)
    } else {
        read(value).map(Some)
    }
}

/// An error naming the fact.
fn fact_error(name: &str, message: impl std::fmt::Display) -> PyErr {
    InputError::new_err(format!("fact `{name}`: {message}"))
}

/// A count or an amount: a non-negative `int` (not a `bool`, not a `float`).
fn count(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<u64>> {
    optional(value, |value| {
        if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
            return Err(fact_error(
                name,
                format!("expected a whole number (int), got {}", type_name(value)),
            ));
        }
        value.extract::<u64>().map_err(|_| {
            let negative = value.lt(0).unwrap_or(false);
            let message = if negative {
                "must be a non-negative number".to_string()
            } else {
                format!("{value} is larger than {}", u64::MAX)
            };
            fact_error(name, message)
        })
    })
}

/// A yes or no: a `bool` only (`1` and `"yes"` are refused).
fn flag(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
    optional(value, |value| match value.cast::<PyBool>() {
        Ok(flag) => Ok(flag.is_true()),
        Err(_) => Err(fact_error(
            name,
            format!("expected True, False or None, got {}", type_name(value)),
        )),
    })
}

/// A `str`.
fn text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    value
        .extract::<String>()
        .map_err(|_| fact_error(name, format!("expected a str, got {}", type_name(value))))
}

/// A country code or `EU`, read by the library.
fn region(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Region> {
    Region::parse(&text(name, value)?).map_err(|err| fact_error(name, err))
}

/// A modality name, read by the library.
fn modality(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Modality> {
    Modality::parse(&text(name, value)?).map_err(|err| fact_error(name, err))
}

/// One value or an iterable of them (a `str` is one value, not its characters).
fn list<T>(
    name: &str,
    value: &Bound<'_, PyAny>,
    read: fn(&str, &Bound<'_, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    if value.is_instance_of::<PyString>() {
        return Ok(vec![read(name, value)?]);
    }
    let items = value.try_iter().map_err(|_| {
        fact_error(
            name,
            format!("expected a str or a list of them, got {}", type_name(value)),
        )
    })?;
    items.map(|item| read(name, &item?)).collect()
}
