//! Licences of the SPDX list that the catalogue does not hold: identified by their SPDX id and
//! given the terms of their category (permissive, weak or strong copyleft, non-commercial,
//! no-derivatives, public domain), from `data/spdx-categories.toml` and the list's own flags.
//!
//! Generic terms are not read from the licence's text, so no clause backs them: every report
//! on such a licence carries a `generic-terms` review finding that says so, and a restrictive
//! category (non-commercial, no-derivatives) still blocks what it forbids.

use std::sync::OnceLock;

use serde::Deserialize;
use spdx::License;

use crate::catalogue::{Curated, Licence, LicenceKind, Source};
use crate::evaluate::{Finding, Rule, Severity};
use crate::terms::{
    BackedTerms, CommercialUse, Derivatives, Hosting, OutputTraining, Redistribution, TermEvidence,
    Terms,
};

/// What a licence of the SPDX list permits, in broad strokes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// A dedication to the public domain: no conditions.
    PublicDomain,
    /// Use, modify and share, keeping the notice.
    Permissive,
    /// Modified files stay under the licence.
    WeakCopyleft,
    /// Every adapted or combined work is shared under the licence.
    StrongCopyleft,
    /// No commercial use (and perhaps no derivatives).
    NonCommercial {
        /// Adapted material may not be shared either.
        no_derivatives: bool,
    },
    /// Adapted material may not be shared.
    NoDerivatives,
    /// Nothing generic can be said: its terms are unknown.
    Unknown,
}

impl Category {
    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Category::PublicDomain => "public-domain dedication",
            Category::Permissive => "permissive licence",
            Category::WeakCopyleft => "weak copyleft licence",
            Category::StrongCopyleft => "strong copyleft licence",
            Category::NonCommercial { .. } => "non-commercial licence",
            Category::NoDerivatives => "no-derivatives licence",
            Category::Unknown => "licence of no known category",
        }
    }
}

/// `data/spdx-categories.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Patterns {
    non_commercial: Vec<String>,
    no_derivatives: Vec<String>,
    unknown: Vec<String>,
    public_domain: Vec<String>,
    weak_copyleft: Vec<String>,
    strong_copyleft: Vec<String>,
    permissive: Vec<String>,
}

/// Each category's patterns, compiled once.
struct Matchers {
    non_commercial: regex::RegexSet,
    no_derivatives: regex::RegexSet,
    unknown: regex::RegexSet,
    public_domain: regex::RegexSet,
    weak_copyleft: regex::RegexSet,
    strong_copyleft: regex::RegexSet,
    permissive: regex::RegexSet,
}

fn matchers() -> &'static Matchers {
    static MATCHERS: OnceLock<Matchers> = OnceLock::new();
    MATCHERS.get_or_init(|| {
        let patterns: Patterns = toml::from_str(include_str!("../../data/spdx-categories.toml"))
            .unwrap_or_else(|e| panic!("data/spdx-categories.toml (checked by tests): {e}"));
        let set = |globs: &[String]| {
            let regexes = globs.iter().map(|glob| {
                let escaped = regex::escape(glob).replace(r"\*", ".*");
                format!("(?i)^{escaped}$")
            });
            regex::RegexSet::new(regexes)
                .unwrap_or_else(|e| panic!("data/spdx-categories.toml (checked by tests): {e}"))
        };
        Matchers {
            non_commercial: set(&patterns.non_commercial),
            no_derivatives: set(&patterns.no_derivatives),
            unknown: set(&patterns.unknown),
            public_domain: set(&patterns.public_domain),
            weak_copyleft: set(&patterns.weak_copyleft),
            strong_copyleft: set(&patterns.strong_copyleft),
            permissive: set(&patterns.permissive),
        }
    })
}

/// The category of an SPDX licence id.
pub fn category(id: spdx::LicenseId) -> Category {
    let m = matchers();
    let name = id.name;
    let no_derivatives = m.no_derivatives.is_match(name);
    if m.non_commercial.is_match(name) {
        return Category::NonCommercial { no_derivatives };
    }
    if no_derivatives {
        return Category::NoDerivatives;
    }
    let listed = [
        (&m.unknown, Category::Unknown),
        (&m.public_domain, Category::PublicDomain),
        (&m.weak_copyleft, Category::WeakCopyleft),
        (&m.strong_copyleft, Category::StrongCopyleft),
        (&m.permissive, Category::Permissive),
    ];
    if let Some((_, category)) = listed.iter().find(|(set, _)| set.is_match(name)) {
        return *category;
    }
    if id.is_copyleft() {
        // Copyleft the table does not place: the stronger reading is the safer one.
        Category::StrongCopyleft
    } else if id.is_osi_approved() || id.is_fsf_free_libre() {
        Category::Permissive
    } else {
        Category::Unknown
    }
}

/// The generic terms of a category.
pub fn terms(category: Category) -> Terms {
    let mut terms = Terms::unknown();
    let shared = |redistribution| Derivatives {
        redistribution,
        naming_prefix: None,
    };
    match category {
        Category::Unknown => return terms,
        Category::PublicDomain => {
            terms.commercial_use = CommercialUse::Allowed;
            terms.derivatives = shared(Redistribution::Allowed);
            terms.output_training = OutputTraining::Unrestricted;
            terms.licence_copy = false;
        }
        Category::Permissive => {
            terms.commercial_use = CommercialUse::Allowed;
            terms.derivatives = shared(Redistribution::Allowed);
            terms.output_training = OutputTraining::Unrestricted;
            terms.licence_copy = true;
        }
        Category::WeakCopyleft | Category::StrongCopyleft => {
            terms.commercial_use = CommercialUse::Allowed;
            terms.derivatives = shared(Redistribution::Conditional);
            terms.output_training = OutputTraining::Unrestricted;
            terms.licence_copy = true;
        }
        Category::NonCommercial { no_derivatives } => {
            terms.commercial_use = CommercialUse::NonCommercial;
            terms.derivatives = shared(if no_derivatives {
                Redistribution::Prohibited
            } else {
                Redistribution::Conditional
            });
            terms.licence_copy = true;
        }
        Category::NoDerivatives => {
            terms.commercial_use = CommercialUse::Allowed;
            terms.derivatives = shared(Redistribution::Prohibited);
            terms.licence_copy = true;
        }
    }
    // Every category above grants use without a word on services.
    terms.hosting = Hosting::Allowed;
    terms
}

/// The generic licence for an SPDX id (any case; deprecated ids included), built on first use.
pub fn licence(name: &str) -> Option<&'static Licence> {
    let id = spdx::license_id(name.trim())?;
    static LICENCES: OnceLock<Vec<Licence>> = OnceLock::new();
    let all = LICENCES.get_or_init(|| {
        spdx::identifiers::LICENSES
            .iter()
            .filter_map(|l| spdx::license_id(l.name))
            .map(build)
            .collect()
    });
    all.iter().find(|licence| licence.spdx == id.name)
}

fn build(id: spdx::LicenseId) -> Licence {
    let license: &License = &id;
    let category = category(id);
    Licence {
        id: license.name.to_ascii_lowercase(),
        name: license.full_name.to_string(),
        version: None,
        family: "spdx".to_string(),
        released: None,
        spdx: license.name.to_string(),
        hf_ids: Vec::new(),
        aliases: Vec::new(),
        kind: LicenceKind::Generic,
        source: Source {
            repo: "spdx/license-list-data".to_string(),
            path: format!("text/{}.txt", license.name),
            commit: None,
        },
        policy: None,
        models: crate::catalogue::LazyModels::none(),
        nicknames: Vec::new(),
        text: "",
        policy_text: None,
        curated: Curated::known(BackedTerms {
            terms: terms(category),
            evidence: TermEvidence::new(),
        }),
    }
}

/// The review finding every report on a generic licence carries.
pub fn review(licence: &Licence) -> Option<Finding> {
    if licence.kind != LicenceKind::Generic {
        return None;
    }
    let category = spdx::license_id(&licence.spdx).map_or(Category::Unknown, category);
    Some(Finding::new(
        Rule::GenericTerms,
        Severity::Review,
        format!(
            "{} ({}) is on the SPDX licence list but not in the catalogue: its terms are those of a {}, not read from its text. Read the text before relying on them.",
            licence.spdx,
            licence.name,
            category.name()
        ),
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    /// The categories agree with the terms curated by hand for the SPDX licences the catalogue
    /// holds: on commercial use, sharing derivatives and keeping the licence, a category's generic
    /// terms are what the curated ones say, and never more permissive.
    #[test]
    fn categories_agree_with_the_curated_spdx_licences() {
        let catalogue = Catalogue::embedded().expect("catalogue");
        let mut compared = 0;
        for licence in catalogue.licences() {
            let Some(id) = spdx::license_id(&licence.spdx) else {
                continue;
            };
            let category = category(id);
            if category == Category::Unknown {
                // Unknown generic terms are never more permissive: nothing to compare.
                continue;
            }
            let generic = terms(category);
            let curated = &licence.terms().terms;
            assert_eq!(
                generic.commercial_use, curated.commercial_use,
                "{}",
                licence.spdx
            );
            assert_eq!(
                generic.derivatives.redistribution, curated.derivatives.redistribution,
                "{}",
                licence.spdx
            );
            assert_eq!(
                generic.licence_copy, curated.licence_copy,
                "{}",
                licence.spdx
            );
            compared += 1;
        }
        assert!(compared >= 20, "{compared} curated SPDX licences compared");
    }

    #[test]
    fn categories_follow_the_id() {
        let of = |name: &str| category(spdx::license_id(name).expect(name));
        assert_eq!(
            of("CC-BY-NC-SA-3.0"),
            Category::NonCommercial {
                no_derivatives: false
            }
        );
        assert_eq!(
            of("CC-BY-NC-ND-3.0"),
            Category::NonCommercial {
                no_derivatives: true
            }
        );
        assert_eq!(of("CC-BY-ND-2.0"), Category::NoDerivatives);
        assert_eq!(of("LGPL-3.0-or-later"), Category::WeakCopyleft);
        assert_eq!(of("AGPL-3.0-or-later"), Category::StrongCopyleft);
        assert_eq!(of("Unlicense"), Category::PublicDomain);
        assert_eq!(of("X11"), Category::Permissive);
        assert_eq!(of("PolyForm-Small-Business-1.0.0"), Category::Unknown);
    }
}
