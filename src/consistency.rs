//! Metadata that disagrees is a conflict, never the permissive reading.
//!
//! Beyond the licence that binds, a model's own metadata may say other things about its licence:
//! the card's body ("licensed under …", "for non-commercial use only", "fine-tuned from …", a
//! pasted licence text), a `license_name` beside `license`, licence tags that disagree, a file
//! named after another licence, or a name that points at a family whose licence binds
//! derivatives. Each disagreement with what was evaluated is a `review` finding citing both.

use std::sync::LazyLock;

use regex::Regex;

use crate::catalogue::{Catalogue, Licence};
use crate::evaluate::{Finding, Rule, Severity};
use crate::identify::identify_text;
use crate::licence_files::{FileRole, licence_file_role, licence_named_by_file};
use crate::lineage::{Binding, ModelIndex, resolve};
use crate::metadata::{CARD_DOCUMENT, Declared, ModelCard, declared_licence};
use crate::terms::{CommercialUse, Evidence};
use crate::text::name_words;

/// What the checker settled on, that the rest of the metadata is compared with.
pub struct Settled<'c> {
    /// Every licence that binds or that the metadata or the files name and that was accounted
    /// for: a statement naming one of them agrees.
    pub licences: Vec<&'c Licence>,
    /// The commercial-use term evaluated.
    pub commercial_use: CommercialUse,
    /// The licence names the metadata declares, lower-cased (`gpl-3.0`), for licences the
    /// catalogue does not hold.
    pub declared_names: Vec<String>,
}

impl Settled<'_> {
    fn agrees(&self, named: &Named<'_>) -> bool {
        match named {
            Named::Licence(l) => self.licences.iter().any(|s| s.id == l.id),
            Named::Family(family) => self.licences.iter().any(|s| &s.family == family),
            Named::Spdx(id) => {
                let id = id.to_ascii_lowercase();
                self.declared_names.contains(&id)
                    || self
                        .licences
                        .iter()
                        .any(|s| s.spdx.eq_ignore_ascii_case(&id))
            }
        }
    }
}

/// A licence a phrase names: one licence, or only its family (`the Llama license`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named<'c> {
    /// One catalogue licence.
    Licence(&'c Licence),
    /// A family of the catalogue, version unknown.
    Family(String),
    /// A licence of the SPDX list that the catalogue does not hold (`GPL-3.0`).
    Spdx(String),
}

impl Named<'_> {
    fn describe(&self) -> String {
        match self {
            Named::Licence(l) => format!("`{}`", l.id),
            Named::Family(f) => format!("a {f} licence"),
            Named::Spdx(id) => format!("`{id}`"),
        }
    }
}

/// Trailing words a licence's name may carry or drop (`MIT License`, `... License Agreement`).
const NAME_SUFFIXES: &[&str] = &["license", "licence", "agreement"];

/// The words a licence is known by: its name (without `License`/`Agreement`), aliases, Hub ids and
/// SPDX id. Catalogue ids are left out: the catalogue's `qwen` is not what `Qwen license` means.
fn licence_keys(licence: &Licence) -> Vec<Vec<String>> {
    let names = std::iter::once(&licence.name)
        .chain(&licence.aliases)
        .chain(&licence.hf_ids)
        .chain(std::iter::once(&licence.spdx));
    names
        .map(|n| {
            let mut words = name_words(n);
            while words
                .last()
                .is_some_and(|w| NAME_SUFFIXES.contains(&w.as_str()))
            {
                words.pop();
            }
            words
        })
        .filter(|w| !w.is_empty() && w.first().is_some_and(|f| f != "licenseref"))
        .collect()
}

/// The licence a phrase begins with: the longest known name that its words start with, else a
/// family name as its first word. `None` when it names nothing the catalogue knows.
pub(crate) fn licence_named<'c>(catalogue: &'c Catalogue, phrase: &str) -> Option<Named<'c>> {
    let mut words = name_words(phrase);
    while words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "terms" | "of" | "a"))
    {
        words.remove(0);
    }
    let mut best: Option<(usize, &'c Licence)> = None;
    let keys = catalogue
        .name_keys
        .get_or_init(|| catalogue.licences().iter().map(licence_keys).collect());
    for (licence, licence_keys) in catalogue.licences().iter().zip(keys) {
        for key in licence_keys {
            if words.starts_with(key) && best.is_none_or(|(len, _)| key.len() > len) {
                best = Some((key.len(), licence));
            }
        }
    }
    if let Some((_, licence)) = best {
        return Some(Named::Licence(licence));
    }
    let first = words.first()?;
    let family = catalogue
        .licences()
        .iter()
        .find(|l| &l.family == first && l.family.len() > 2)
        .map(|l| Named::Family(l.family.clone()));
    family.or_else(|| spdx_named(phrase))
}

/// A licence of the SPDX list that a phrase begins with, by its id (`GPL-3.0`, `agpl-3.0`).
fn spdx_named(phrase: &str) -> Option<Named<'static>> {
    let token = phrase
        .split_whitespace()
        .find(|w| !w.eq_ignore_ascii_case("the"))?
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '*' | '`' | '"'))
        .trim_end_matches('.');
    let id = spdx::license_id(token).or_else(|| {
        spdx::identifiers::LICENSES
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(token))
            .and_then(|l| spdx::license_id(l.name))
    })?;
    Some(Named::Spdx(id.name.to_string()))
}

macro_rules! pattern {
    ($name:ident, $re:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| {
            // The patterns are literals of this module; a test compiles every one of them.
            Regex::new($re).unwrap_or_else(|err| panic!("bad statement pattern: {err}"))
        });
    };
}

pattern!(
    LICENSED_UNDER,
    r"(?i)\b(?:licen[sc]ed|released|distributed|published|provided|governed|made[\s*_]+available|available)[\s*_]+(?:only[\s*_]+)?under[\s*_:]+(?P<name>[^\n]{1,120})"
);
pattern!(
    AGREE_TO,
    r"(?i)\b(?:agree[\s*_]+to|accept|comply[\s*_]+with|subject[\s*_]+to)[\s*_]+(?P<name>[^\n]{1,120})"
);
pattern!(
    LICENCE_SECTION,
    r"(?im)^#{1,6}[ \t]*licen[sc]es?[ \t]*:?[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(?P<name>[^\n]{1,120})"
);
pattern!(
    LICENCE_LINE,
    r"(?im)^[\s*#>_-]*licen[sc]e[\s*_]*:[\s*_]*(?P<name>[^\n]{1,120})$"
);
pattern!(
    RESTRICTED,
    r"(?i)\b(?:non-?commercial\s+(?:use|purposes?)\s+only|(?:research|academic|evaluation|personal|educational)\s+(?:use|purposes?)\s+only|only\s+for\s+(?:non-?commercial|research|academic|evaluation|personal)|for\s+non-?commercial\s+(?:use|purposes?)|non-?commercial\s+licen[cs]e|for\s+(?:research|academic)\s+(?:use\s+|purposes\s+)?only|not\s+(?:be\s+used\s+)?for\s+commercial|commercial\s+use\s+is\s+(?:not\s+(?:permitted|allowed)|prohibited|forbidden)|no\s+commercial\s+use)"
);
pattern!(NON_COMMERCIAL, r"(?i)\bnon[\s-]?commercial\b");
pattern!(COMMERCIAL, r"(?i)\bcommercial\b");
pattern!(
    DERIVED_FROM,
    r"(?i)\b(?:(?:fine-?tuned\s+(?:version\s+of|from|on\s+top\s+of)|fine-?tune\s+of|based\s+on|derived\s+from|initiali[sz]ed\s+from|trained\s+from|distilled\s+from|merge\s+of|quanti[sz]ed\s+version\s+of|quanti[sz]ation\s+of|adapter\s+for|lora\s+for|built\s+(?:on|upon))\s+(?:model[^:\n]{0,20}:[\s*_]*)?|base[\s_-]?model[\s*_]*:[\s*_]*)(?:the\s+)?\[?`?(?P<repo>(?:https?://huggingface\.co/)?[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)?)"
);
pattern!(
    ATTRIBUTION_ONLY,
    r"(?i)(?:copyright|©|\(c\)|includes\s+software\s+developed|attribution)"
);
pattern!(
    RESTRICTIVE_WORDS,
    r"(?i)\b(?:must\s+not|may\s+not|shall\s+not|prohibit\w*|restrict\w*|forbid\w*|not\s+permitted|acceptable\s+use|use\s+policy|only\s+for|solely\s+for|terminat\w*|non-?commercial|research\s+only)"
);

/// A sentence of a card's body that says something about the licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Statement {
    /// "licensed under X", "License: X": the phrase after it.
    Licence(String),
    /// "for non-commercial use only", "research use only".
    Restricted,
    /// "fine-tuned from org/model": the model named.
    DerivedFrom(String),
}

/// The licence statements of a text, each with its evidence (the matched words, document `card`
/// when `document` is the card).
pub(crate) fn statements(text: &str, from: usize, document: &str) -> Vec<(Statement, Evidence)> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let evidence = |start: usize, end: usize| Evidence {
        start: from + start,
        end: from + end,
        text: body[start..end].to_string(),
        document: document.to_string(),
        lang: None,
        line: None,
        column: None,
    };
    let mut out = Vec::new();
    for pattern in [
        &*LICENSED_UNDER,
        &*AGREE_TO,
        &*LICENCE_LINE,
        &*LICENCE_SECTION,
    ] {
        for caps in pattern.captures_iter(body) {
            let (Some(all), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            if about_data_or_code(line_around(body, all.start())) {
                continue;
            }
            out.push((
                Statement::Licence(name.as_str().to_string()),
                evidence(all.start(), all.end()),
            ));
        }
    }
    let mut restricted: Vec<(usize, usize)> = RESTRICTED
        .find_iter(body)
        .map(|m| (m.start(), m.end()))
        .collect();
    // A bare "non-commercial" restricts too, unless its line also allows commercial use
    // ("free for research, non-commercial and commercial use").
    for found in NON_COMMERCIAL.find_iter(body) {
        let line = line_around(body, found.start());
        let bare_commercial =
            COMMERCIAL.find_iter(line).count() > NON_COMMERCIAL.find_iter(line).count();
        let covered = restricted
            .iter()
            .any(|(s, e)| *s <= found.start() && found.end() <= *e);
        if !bare_commercial && !covered {
            restricted.push((found.start(), found.end()));
        }
    }
    for (start, end) in restricted {
        out.push((Statement::Restricted, evidence(start, end)));
    }
    for caps in DERIVED_FROM.captures_iter(body) {
        let (Some(all), Some(repo)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let repo = repo
            .as_str()
            .trim_start_matches("https://huggingface.co/")
            .trim_start_matches("http://huggingface.co/")
            .trim_end_matches(['.', '-']);
        out.push((
            Statement::DerivedFrom(repo.to_string()),
            evidence(all.start(), all.end()),
        ));
    }
    out
}

/// The line of `text` around byte `at`.
fn line_around(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    &text[start..end]
}

/// Whether a line speaks of a dataset or of code, and not of the model or its weights.
fn about_data_or_code(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let other = [
        "dataset", "data is", "data are", "code is", "code are", "codebase",
    ];
    let model = ["model", "weight", "checkpoint"];
    other.iter().any(|w| lower.contains(w)) && !model.iter().any(|w| lower.contains(w))
}

/// Every disagreement of a card's metadata and body with what was settled.
pub(crate) fn disagreements(
    card: &ModelCard,
    catalogue: &Catalogue,
    index: &ModelIndex,
    binding: &Binding,
    settled: &Settled,
    file_names: &[String],
) -> Vec<Finding> {
    let mut out: Vec<Finding> = card
        .disagreements
        .iter()
        .map(|d| conflict(d.message.clone(), d.evidence.clone()))
        .collect();
    out.extend(license_name_mismatch(card, catalogue));
    out.extend(gated_prompt(card, catalogue, settled));
    out.extend(linked_model(card, catalogue, settled));
    out.extend(unread_policy(card, settled));
    out.extend(named_files(card, catalogue, settled, file_names));
    if let Some(body) = &card.body {
        out.extend(body_findings(
            card, &body.text, body.start, catalogue, index, binding, settled,
        ));
    }
    out
}

fn conflict(message: String, evidence: Vec<Evidence>) -> Finding {
    Finding::new(Rule::LicenceConflict, Severity::Review, message, evidence)
}

pub(crate) fn card_line(card: &ModelCard) -> Vec<Evidence> {
    card.license_evidence.iter().cloned().collect()
}

/// `license` and `license_name` that name different licences.
fn license_name_mismatch(card: &ModelCard, catalogue: &Catalogue) -> Option<Finding> {
    let license = card.license.as_deref()?;
    let name = card.license_name.as_deref()?;
    if matches!(license.to_ascii_lowercase().as_str(), "other" | "unknown") {
        return None;
    }
    if license.eq_ignore_ascii_case(name) {
        return None;
    }
    let by_license = declared_licence(card, catalogue);
    let by_name = declared_licence(
        &ModelCard {
            license_name: Some(name.to_string()),
            ..ModelCard::default()
        },
        catalogue,
    );
    let same = match (&by_license, &by_name) {
        (Declared::One(a), Declared::Unknown(_)) => {
            licence_named(catalogue, name) == Some(Named::Licence(a))
        }
        (Declared::Unknown(_), _) | (_, Declared::Unknown(_)) => false,
        (a, b) => a == b,
    };
    (!same).then(|| {
        conflict(
            format!(
                "The card declares `license: {license}` and `license_name: {name}`, which do not name the same licence."
            ),
            card_line(card),
        )
    })
}

/// The access form's text (`extra_gated_prompt`) naming or holding a licence not accounted for.
fn gated_prompt(card: &ModelCard, catalogue: &Catalogue, settled: &Settled) -> Vec<Finding> {
    let Some(prompt) = card.extra_gated_prompt.as_deref() else {
        return Vec::new();
    };
    let mut named: Vec<Named> = statements(prompt, 0, "")
        .into_iter()
        .filter_map(|(statement, _)| match statement {
            Statement::Licence(phrase) => licence_named(catalogue, &phrase),
            _ => None,
        })
        .collect();
    named.extend(pasted_licence(catalogue, prompt, 0).map(Named::Licence));
    let mut out: Vec<Finding> = named
        .iter()
        .filter(|n| !settled.agrees(n))
        .map(|n| {
            conflict(
                format!(
                    "The access form (`extra_gated_prompt`) names {}, which is not the licence evaluated: a person must settle which binds.",
                    n.describe()
                ),
                card_line(card),
            )
        })
        .collect();
    dedup_messages(&mut out);
    out
}

/// A `license_link` into another model's repository whose licence was not accounted for.
fn linked_model(card: &ModelCard, catalogue: &Catalogue, settled: &Settled) -> Option<Finding> {
    let link = card.license_link.as_deref()?;
    let (_, path) = link.split_once("huggingface.co/")?;
    let mut parts = path.split('/');
    let repo = format!("{}/{}", parts.next()?, parts.next()?);
    let licence = catalogue.licence_of_model(&repo)?;
    (!settled.agrees(&Named::Licence(licence))).then(|| {
        conflict(
            format!(
                "The card's `license_link` points at the licence of `{repo}`, which is {}, not the licence evaluated: a person must settle which binds.",
                licence.id
            ),
            card_line(card),
        )
    })
}

/// A use policy the Hub lists among the files (`siblings`) but that was not read, beside a
/// licence that has no use policy: it may restrict use.
fn unread_policy(card: &ModelCard, settled: &Settled) -> Option<Finding> {
    let policy = card.files.iter().find(|f| {
        let base = f.rsplit('/').next().unwrap_or(f);
        licence_file_role(base) == Some(FileRole::UsePolicy)
    })?;
    let expected = settled
        .licences
        .iter()
        .any(|l| l.terms().terms.use_policy || l.policy.is_some());
    (!expected).then(|| {
        Finding::new(
            Rule::UsePolicy,
            Severity::Review,
            format!(
                "The repository holds a use policy (`{policy}`) that the licence evaluated does not include: it may restrict use; a person must read it."
            ),
            card_line(card),
        )
    })
}

/// Files (of the folder, or the Hub's `siblings`) named after a licence that was not accounted for.
fn named_files(
    card: &ModelCard,
    catalogue: &Catalogue,
    settled: &Settled,
    file_names: &[String],
) -> Vec<Finding> {
    let link = card.license_link.iter().filter(|l| l.contains("://"));
    let names = card.files.iter().chain(file_names).chain(link);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for file in names {
        let base = file.rsplit('/').next().unwrap_or(file);
        let Some(named) = licence_named_by_file(base)
            .and_then(|n| licence_named(catalogue, &n.replace('-', " ")))
        else {
            continue;
        };
        if settled.agrees(&named) || seen.contains(&base.to_string()) {
            continue;
        }
        seen.push(base.to_string());
        out.push(conflict(
            format!(
                "The repository holds a file `{file}` named after {}, which is not the licence evaluated: the model may be under it.",
                named.describe()
            ),
            card_line(card),
        ));
    }
    out
}

/// What the card's body says about the licence, compared with what was settled.
fn body_findings(
    card: &ModelCard,
    text: &str,
    start: usize,
    catalogue: &Catalogue,
    index: &ModelIndex,
    binding: &Binding,
    settled: &Settled,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (statement, evidence) in statements(text, start, CARD_DOCUMENT) {
        let mut cited = card_line(card);
        cited.push(evidence.clone());
        match statement {
            Statement::Licence(phrase) => {
                let Some(named) = licence_named(catalogue, &phrase) else {
                    continue;
                };
                if !settled.agrees(&named) {
                    out.push(conflict(
                        format!(
                            "The card's text says the model is under {} (\"{}\"), which differs from the licence evaluated: a person must settle which binds.",
                            named.describe(),
                            evidence.text.trim()
                        ),
                        cited,
                    ));
                }
            }
            Statement::Restricted => {
                if settled.commercial_use != CommercialUse::NonCommercial {
                    out.push(conflict(
                        format!(
                            "The card's text restricts use (\"{}\"), but the licence evaluated allows commercial use: a person must settle which binds.",
                            evidence.text.trim()
                        ),
                        cited,
                    ));
                }
            }
            Statement::DerivedFrom(repo) => {
                out.extend(derived_from(
                    card, catalogue, index, binding, settled, &repo, cited,
                ));
            }
        }
    }
    if let Some(pasted) = pasted_licence(catalogue, text, start)
        && !settled.agrees(&Named::Licence(pasted))
    {
        out.push(conflict(
            format!(
                "The card's text holds the text of `{}`, which is not the licence evaluated: a person must settle which binds.",
                pasted.id
            ),
            card_line(card),
        ));
    }
    dedup_messages(&mut out);
    out
}

/// A catalogue licence pasted into the body, if any.
fn pasted_licence<'c>(catalogue: &'c Catalogue, text: &str, start: usize) -> Option<&'c Licence> {
    let body = text.get(start..)?;
    let found = identify_text(catalogue, body);
    found.licence.filter(|_| !found.policy_only)
}

/// A base model the body names: one the metadata does not list, whose licence binds
/// derivatives, is a conflict; one nobody knows (`org/name`) is an unknown base.
fn derived_from(
    card: &ModelCard,
    catalogue: &Catalogue,
    index: &ModelIndex,
    binding: &Binding,
    settled: &Settled,
    repo: &str,
    cited: Vec<Evidence>,
) -> Option<Finding> {
    let name_of = |r: &str| r.rsplit('/').next().unwrap_or(r).to_ascii_lowercase();
    let wanted = name_of(repo);
    let listed = card
        .base_model
        .iter()
        .chain(binding.lineage.iter().map(|s| &s.model))
        .chain(card.repo.iter())
        .any(|m| name_of(m) == wanted);
    if listed {
        return None;
    }
    let full = if repo.contains('/') {
        Some(repo.to_string())
    } else {
        catalogue
            .licences()
            .iter()
            .flat_map(|l| l.models())
            .find(|m| name_of(&m.repo) == wanted)
            .map(|m| m.repo.clone())
    };
    let Some(full) = full else {
        return named_family(card, catalogue, binding, settled, repo, cited);
    };
    let parent = ModelCard {
        base_model: vec![full.clone()],
        ..ModelCard::default()
    };
    let above = resolve(&parent, catalogue, index);
    if !above.unknown_bases.is_empty() {
        return Some(Finding::new(
            Rule::UnknownBase,
            Severity::Review,
            format!(
                "The card's text says the model derives from `{full}`, which its metadata does not list and the catalogue does not know: its licence may bind this model."
            ),
            cited,
        ));
    }
    let unaccounted: Vec<&str> = above
        .lineage
        .iter()
        .filter_map(|s| s.licence.as_deref())
        .filter_map(|id| catalogue.get(id))
        .filter(|l| l.binds_derivatives() && !settled.agrees(&Named::Licence(l)))
        .map(|l| l.id.as_str())
        .collect();
    (!unaccounted.is_empty()).then(|| {
        conflict(
            format!(
                "The card's text says the model derives from `{full}` (under {}), which its metadata does not list: that licence binds derivatives, so it may bind this model.",
                unaccounted.join(" and ")
            ),
            cited,
        )
    })
}

/// A base the body names only by a bare name (`based on Llama 3.1`) that holds the word of a
/// family whose licence binds derivatives, a family nothing else accounts for: an unknown base.
fn named_family(
    card: &ModelCard,
    catalogue: &Catalogue,
    binding: &Binding,
    settled: &Settled,
    name: &str,
    cited: Vec<Evidence>,
) -> Option<Finding> {
    let lower = name.to_ascii_lowercase();
    let (word, family) = crate::family::family_word_list(catalogue)
        .into_iter()
        .find(|(word, _)| {
            name_words(&lower).contains(word) || (word.len() >= 4 && lower.contains(word.as_str()))
        })?;
    let accounted = settled.agrees(&Named::Family(family.clone()))
        || card
            .base_model
            .iter()
            .chain(binding.lineage.iter().map(|s| &s.model))
            .any(|m| m.to_ascii_lowercase().contains(&word));
    let family = crate::text::capitalised(&family);
    (!accounted).then(|| {
        Finding::new(
            Rule::UnknownBase,
            Severity::Review,
            format!(
                "The card's text says the model derives from `{name}`, a {family} model (`{word}`), which its metadata does not list: if it does, the {family} licence binds it. Check its lineage."
            ),
            cited,
        )
    })
}

fn dedup_messages(findings: &mut Vec<Finding>) {
    let mut seen = std::collections::BTreeSet::new();
    findings.retain(|f| seen.insert(f.message.clone()));
}

/// What a notice or an unidentified policy file says: `None` when it holds only attributions
/// (copyright lines, "includes software developed by") and names no licence other than those
/// settled; else why it needs review.
pub(crate) fn companion_review(
    catalogue: &Catalogue,
    text: &str,
    settled: &Settled,
) -> Option<String> {
    // A notice that names the licence that binds ("Gemma is provided under and subject to the
    // Gemma Terms of Use") is as good as an attribution.
    let mut names_settled = false;
    for (statement, evidence) in statements(text, 0, "") {
        match statement {
            Statement::Licence(phrase) => {
                let named = licence_named(catalogue, &phrase);
                names_settled |= named.as_ref().is_some_and(|n| settled.agrees(n));
                if let Some(named) = named
                    && !settled.agrees(&named)
                {
                    return Some(format!(
                        "it says the model is under {} (\"{}\")",
                        named.describe(),
                        evidence.text.trim()
                    ));
                }
            }
            Statement::Restricted => {
                if settled.commercial_use != CommercialUse::NonCommercial {
                    return Some(format!("it restricts use (\"{}\")", evidence.text.trim()));
                }
            }
            Statement::DerivedFrom(_) => {}
        }
    }
    if let Some(found) = RESTRICTIVE_WORDS.find(text) {
        return Some(format!(
            "it states restrictions (\"{}\") the catalogue cannot account for",
            found.as_str()
        ));
    }
    if !ATTRIBUTION_ONLY.is_match(text) && !names_settled {
        return Some("it is not a licence, policy or attribution notice the checker knows".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for pattern in [
            &*LICENSED_UNDER,
            &*AGREE_TO,
            &*LICENCE_LINE,
            &*LICENCE_SECTION,
            &*RESTRICTED,
            &*NON_COMMERCIAL,
            &*COMMERCIAL,
            &*DERIVED_FROM,
            &*ATTRIBUTION_ONLY,
            &*RESTRICTIVE_WORDS,
        ] {
            assert!(!pattern.as_str().is_empty());
        }
    }

    #[test]
    fn phrases_name_licences() {
        let catalogue = Catalogue::embedded().unwrap();
        let id = |phrase: &str| match licence_named(catalogue, phrase) {
            Some(Named::Licence(l)) => l.id.clone(),
            Some(Named::Family(f)) => format!("family:{f}"),
            Some(Named::Spdx(id)) => format!("spdx:{id}"),
            None => "none".to_string(),
        };
        assert_eq!(
            id("the Llama 3.1 Community License Agreement."),
            "llama-3.1"
        );
        assert_eq!(id("llama3.1 license."), "llama-3.1");
        assert_eq!(id("the MIT License, but:"), "mit");
        assert_eq!(id("the Apache 2.0 license"), "apache-2.0");
        assert_eq!(id("the Modified MIT License."), "kimi-modified-mit");
        assert_eq!(
            id("the FLUX.1 [dev] Non-Commercial License (LICENSE.md)"),
            "flux-1-dev-non-commercial"
        );
        assert_eq!(id("the Qwen license"), "family:qwen");
        assert_eq!(id("our own terms"), "none");
        assert_eq!(id("GPL-3.0."), "gpl-3.0");
        // An SPDX licence the catalogue does not hold is still named.
        assert_eq!(id("EUPL-1.2."), "spdx:EUPL-1.2");
        assert_eq!(id("the CreativeML Open RAIL++-M License."), "openrail-pp-m");
    }
}
