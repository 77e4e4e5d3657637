//! The JSON report of `CONTRACT.md`, and JSON Lines (one report, or one error, a line).

use serde_json::{Value, json};

use crate::batch::BatchItem;
use crate::report::{Report, SCHEMA_VERSION};

/// A report as pretty-printed JSON (`CONTRACT.md`).
pub fn json_report(report: &Report) -> String {
    // Serialising plain data with string keys cannot fail; fall back to a minimal object
    // rather than panic if it ever did.
    serde_json::to_string_pretty(report).unwrap_or_else(|err| {
        format!(
            "{{\"schema_version\":{SCHEMA_VERSION},\"error\":{:?}}}",
            err.to_string()
        )
    })
}

/// One batch item as a JSON value: its report, or `{ "subject", "error" }`.
pub fn json_item(item: &BatchItem) -> Value {
    match &item.result {
        Ok(report) => serde_json::to_value(report).unwrap_or(Value::Null),
        Err(err) => json!({ "subject": item.subject, "error": err.to_string() }),
    }
}

/// One batch item as a line of JSON Lines (no trailing newline).
pub fn json_line(item: &BatchItem) -> String {
    json_item(item).to_string()
}
