//! Defined terms (`"Threshold" shall mean ...`, `“商业用途”是指...`): read once, then resolved where
//! they are used: a revenue level through a defined term, a licensee limited by its definition, a
//! grant scoped by a narrowly defined purpose.

use super::phrases::{
    DEFINITION, DEFINITION_ZH, GATE_WORD, GRANT, K_DEFINITION, K_GRANT, LICENSEE_LIMIT,
    LICENSEE_NAME, NARROW_PURPOSE, SEPARATE_GRANT,
};
use super::{Extraction, Sentence, contains_word};

impl Extraction<'_> {
    /// The term a sentence defines (`"Threshold" shall mean ...`), if it is a definition.
    pub(super) fn definition_name(&self, s: Sentence) -> Option<String> {
        self.definitions
            .iter()
            .find(|(_, d)| d.start == s.start)
            .map(|(name, _)| name.clone())
    }

    /// Every definition in the text: the term defined and its sentence.
    pub(super) fn read_definitions(&self) -> Vec<(String, Sentence)> {
        let mut found: Vec<(String, Sentence)> = Vec::new();
        for re in [&*DEFINITION, &*DEFINITION_ZH] {
            for (s, caps) in self.captures(re, K_DEFINITION) {
                if let Some(name) = caps.get(1)
                    && !found.iter().any(|(_, d)| d.start == s.start)
                {
                    found.push((name.as_str().trim().to_string(), s));
                }
            }
        }
        found
    }

    /// When `s` defines a term, the other sentences that tie rights to that term through a level
    /// ("rights are conditioned on not exceeding the Threshold"): a gate written through a
    /// defined term.
    pub(super) fn defined_term_gates(&self, s: Sentence) -> Vec<Sentence> {
        let Some(name) = self.definition_name(s) else {
            return Vec::new();
        };
        self.all
            .iter()
            .filter(|other| other.start != s.start)
            .filter(|other| {
                let text = self.sentence_text(**other);
                contains_word(text, &name)
                    && (GATE_WORD.is_match(text) || SEPARATE_GRANT.is_match(text))
            })
            .copied()
            .collect()
    }

    /// Definitions that limit who the licensee may be (`"Licensee" means a non-profit ...`).
    pub(super) fn licensee_limits(&self) -> Vec<Sentence> {
        self.definitions
            .iter()
            .filter(|(name, s)| {
                LICENSEE_NAME.is_match(name) && LICENSEE_LIMIT.is_match(self.sentence_text(*s))
            })
            .map(|(_, s)| *s)
            .collect()
    }

    /// Grants whose scope is a defined term with a narrow definition ("to use the Model for
    /// Permitted Purposes", where "Permitted Purposes" means non-commercial research): the
    /// grant and the definition.
    pub(super) fn grants_through_narrow_definitions(&self) -> Vec<Sentence> {
        let narrow: Vec<(String, Sentence)> = self
            .definitions
            .iter()
            .filter(|(_, s)| NARROW_PURPOSE.is_match(self.sentence_text(*s)))
            .cloned()
            .collect();
        if narrow.is_empty() {
            return Vec::new();
        }
        let mut cited = Vec::new();
        for grant in self.sentences(&GRANT, K_GRANT) {
            let text = self.sentence_text(grant);
            for (name, definition) in &narrow {
                if contains_word(text, name) && !LICENSEE_NAME.is_match(name) {
                    cited.push(grant);
                    cited.push(*definition);
                }
            }
        }
        cited
    }
}
