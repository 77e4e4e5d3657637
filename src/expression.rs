//! SPDX licence expressions (`MIT OR Apache-2.0`, `(Apache-2.0 AND CC-BY-NC-4.0) OR MIT`), read
//! into their alternatives: an `OR` of `AND` groups, each group's licences binding at once. The
//! checker evaluates each alternative and reports the licensee's most favourable one.

use crate::catalogue::{Catalogue, Licence};
use crate::error::{Error, Origin, Result};

/// The most alternatives an expression may expand to (`(A OR B) AND (C OR D)` is four).
const MAX_ALTERNATIVES: usize = 64;
/// The longest expression read.
const MAX_LENGTH: usize = 4096;

/// Whether a subject is written as an SPDX expression: it joins licences with `AND`, `OR` or
/// `WITH`, or groups them in parentheses.
pub fn looks_like_expression(subject: &str) -> bool {
    subject.contains(['(', ')'])
        || subject
            .split_whitespace()
            .any(|word| matches!(word.to_ascii_uppercase().as_str(), "AND" | "OR" | "WITH"))
}

/// An expression with each licence spelled the SPDX way: Hub ids (`apache-2.0 OR mit`) and
/// catalogue ids are replaced by the SPDX id of the licence they name.
pub fn canonical(text: &str, catalogue: &Catalogue) -> String {
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    spaced
        .split_whitespace()
        .map(|token| {
            if matches!(
                token.to_ascii_uppercase().as_str(),
                "AND" | "OR" | "WITH" | "(" | ")"
            ) {
                return token.to_ascii_uppercase();
            }
            match catalogue.resolve_hub_id(token) {
                Some(licence) => licence.spdx.clone(),
                None => token.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One licence of an expression: the catalogue's (or the SPDX list's) licence, or the name
/// nobody knows.
#[derive(Debug, Clone, PartialEq)]
pub enum Term<'c> {
    /// A licence with terms.
    Known(&'c Licence),
    /// A name the catalogue and the SPDX list do not know (`LicenseRef-…` of someone else).
    Unknown(String),
}

/// The alternatives of an expression, each a group of licences that bind together, in the
/// order the expression gives them. `WITH` exceptions only add permissions; they are noted and
/// the licence is evaluated without them, which can only be stricter.
pub fn alternatives<'c>(
    text: &str,
    catalogue: &'c Catalogue,
) -> Result<(Vec<Vec<Term<'c>>>, Vec<String>)> {
    let origin = Origin::Memory("expression".to_string());
    if text.len() > MAX_LENGTH {
        return Err(Error::TooLarge {
            origin,
            size: text.len() as u64,
            limit: MAX_LENGTH as u64,
        });
    }
    let mode = spdx::ParseMode {
        allow_imprecise_license_names: false,
        ..spdx::ParseMode::LAX
    };
    let parsed = spdx::Expression::parse_mode(&canonical(text, catalogue), mode).map_err(|e| {
        Error::Unsupported {
            origin: origin.clone(),
            message: format!("`{text}` is not an SPDX expression: {e}"),
        }
    })?;
    let mut notes = Vec::new();
    let mut stack: Vec<Vec<Vec<Term<'c>>>> = Vec::new();
    for node in parsed.iter() {
        match node {
            spdx::expression::ExprNode::Req(req) => {
                if let Some(addition) = &req.req.addition {
                    notes.push(format!(
                        "`{}` was evaluated without its exception `{addition}`, which can only add permissions",
                        req.req
                    ));
                }
                stack.push(vec![vec![term(&req.req.license, catalogue)]]);
            }
            spdx::expression::ExprNode::Op(op) => {
                let (Some(right), Some(left)) = (stack.pop(), stack.pop()) else {
                    return Err(malformed(text));
                };
                let combined = match op {
                    spdx::expression::Operator::Or => [left, right].concat(),
                    spdx::expression::Operator::And => left
                        .iter()
                        .flat_map(|l| right.iter().map(move |r| [l.clone(), r.clone()].concat()))
                        .collect(),
                };
                if combined.len() > MAX_ALTERNATIVES {
                    return Err(Error::Unsupported {
                        origin,
                        message: format!(
                            "`{text}` expands to more than {MAX_ALTERNATIVES} alternatives"
                        ),
                    });
                }
                stack.push(combined);
            }
        }
    }
    match (stack.pop(), stack.is_empty()) {
        (Some(alternatives), true) => Ok((alternatives, notes)),
        _ => Err(malformed(text)),
    }
}

fn malformed(text: &str) -> Error {
    Error::Unsupported {
        origin: Origin::Memory("expression".to_string()),
        message: format!("`{text}` is not a well-formed SPDX expression"),
    }
}

fn term<'c>(item: &spdx::LicenseItem, catalogue: &'c Catalogue) -> Term<'c> {
    let name = match item {
        spdx::LicenseItem::Spdx { id, .. } => id.name.to_string(),
        spdx::LicenseItem::Other(other) => match &other.doc_ref {
            Some(doc) => format!("DocumentRef-{doc}:LicenseRef-{}", other.lic_ref),
            None => format!("LicenseRef-{}", other.lic_ref),
        },
    };
    match catalogue.resolve_hub_id(&name) {
        Some(licence) => Term::Known(licence),
        None => Term::Unknown(name),
    }
}

/// An alternative as it would be written: `Apache-2.0 AND CC-BY-NC-4.0`.
pub(crate) fn label(group: &[Term]) -> String {
    group
        .iter()
        .map(|t| match t {
            Term::Known(l) => l.spdx.as_str(),
            Term::Unknown(name) => name.as_str(),
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let catalogue = Catalogue::embedded().expect("catalogue");
        let (alternatives, _) = alternatives(text, catalogue).expect("parses");
        alternatives.iter().map(|g| label(g)).collect()
    }

    #[test]
    fn expressions_expand_to_their_alternatives() {
        assert_eq!(labels("MIT OR Apache-2.0"), ["MIT", "Apache-2.0"]);
        assert_eq!(
            labels("(Apache-2.0 AND CC-BY-NC-4.0) OR MIT"),
            ["Apache-2.0 AND CC-BY-NC-4.0", "MIT"]
        );
        assert_eq!(
            labels("(MIT OR ISC) AND (Apache-2.0 OR llama3.1)"),
            [
                "MIT AND Apache-2.0",
                "MIT AND LicenseRef-llama-3.1",
                "ISC AND Apache-2.0",
                "ISC AND LicenseRef-llama-3.1"
            ]
        );
    }

    #[test]
    fn only_expressions_look_like_expressions() {
        assert!(looks_like_expression("MIT OR Apache-2.0"));
        assert!(looks_like_expression("(MIT)"));
        assert!(looks_like_expression(
            "GPL-2.0-only with Classpath-exception-2.0"
        ));
        assert!(!looks_like_expression("llama-3.3"));
        assert!(!looks_like_expression("meta-llama/Llama-3.3-70B-Instruct"));
    }
}
