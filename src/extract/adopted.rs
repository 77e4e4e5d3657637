//! A licence adopted by reference: a short note that puts the model under a Creative Commons
//! licence by name or link ("licensed under CC BY-NC 4.0"), or under the Apache License 2.0 or
//! the MIT License by name ("License: Apache-2.0"). The note grants what that licence grants (to
//! share and adapt, with the licence or its link passed on), limited by a Creative Commons
//! licence's elements: NonCommercial, NoDerivatives, ShareAlike. A note naming a model licence the
//! catalogue knows ("subject to the DeepSeek Model License") binds that licence's duties, not its
//! grant.

use super::phrases::{
    ADOPTED_BEFORE_COLON, ADOPTED_ELSEWHERE, ADOPTED_INTENTION, CC_ADOPTED, CC_ADOPTED_OTHER,
    CC_NAMED, CC_NO_DERIVATIVES, CC_NON_COMMERCIAL, CC_SHARE_ALIKE, K_COPY, K_GRANT, K_ZH,
    LICENCE_BLOCK_OPENING, LICENCE_OF_CODE, NAMED_LICENCE_ZH, NAMED_POLICY_LICENCE,
    NAMED_RAIL_LICENCE, NAMED_RAIL_OWN, NAMED_RAIL_UNREAD, PERMISSIVE_ADOPTED, Phrase,
    SAME_LICENCE_AS_CODE,
};
use super::{Extraction, Sentence, without_matches};

impl Extraction<'_> {
    /// The sentences that put the model under a Creative Commons licence, or under the Apache
    /// License 2.0 or the MIT License, read once.
    pub(super) fn read_adopted(&self) -> Vec<Sentence> {
        // A licence named for the article or dataset the model derives from is not the model's.
        let mut adopted: Vec<Sentence> = self
            .sentences(&CC_ADOPTED, K_GRANT)
            .into_iter()
            .filter(|s| !self.holds(&CC_ADOPTED_OTHER, *s))
            // A sentence whose subject is the code, not the model, names the code's licence:
            // "The source code accompanying the Weights is licensed under the Apache License,
            // Version 2.0" (round 22, AegisGate).
            .filter(|s| !self.holds(&LICENCE_OF_CODE, *s))
            .collect();
        adopted.extend(self.adopted_across_colon());
        // A licence named only as an intention ("are intended to be released under the Apache
        // License") adopts nothing yet.
        adopted.retain(|s| !self.holds(&ADOPTED_INTENTION, *s));
        // A permissive licence named for the model alone: one named in the same breath as code,
        // data or a base model may be theirs, not the weights'.
        let permissive: Vec<Sentence> = self
            .sentences(&PERMISSIVE_ADOPTED, K_GRANT)
            .into_iter()
            .filter(|s| !self.adopted_elsewhere(*s))
            .filter(|s| !self.holds(&ADOPTED_INTENTION, *s))
            .filter(|s| !adopted.iter().any(|a| a.start == s.start))
            .collect();
        adopted.extend(permissive);
        adopted.sort_by_key(|s| s.start);
        adopted
    }

    /// A sentence that adopts a licence it names in the block below it, after a colon ("...
    /// artifacts in this project are released under:" over a code block opening on "Creative
    /// Commons Attribution-NonCommercial 4.0 International"), read with that block as one
    /// sentence; not where either is about something besides the model (code, an article).
    fn adopted_across_colon(&self) -> Vec<Sentence> {
        self.sentences(&LICENCE_BLOCK_OPENING, K_GRANT)
            .into_iter()
            .filter_map(|block| {
                let before = self.sentence_before(block)?;
                self.holds(&ADOPTED_BEFORE_COLON, before)
                    .then_some(Sentence {
                        start: before.start,
                        end: block.end,
                    })
            })
            .filter(|s| !self.holds(&CC_ADOPTED_OTHER, *s) && !self.holds(&LICENCE_OF_CODE, *s))
            .collect()
    }

    /// Whether sentence `s` names its licence for something besides the model: read without
    /// "the same license as the source code", which says the model shares the code's licence.
    /// Only the clause that adopts the licence is read: code named in another clause of the
    /// sentence ("The code ... is covered by LICENSE-CODE; the resulting model weight files
    /// remain ... under the ... Apache 2.0 license") has its own licence.
    fn adopted_elsewhere(&self, s: Sentence) -> bool {
        let text = adopting_clause(self.sentence_text(s));
        ADOPTED_ELSEWHERE.is_match(&without_matches(&SAME_LICENCE_AS_CODE, text, ""))
    }

    /// The sentences that put the model under a Creative Commons licence, the Apache License 2.0
    /// or the MIT License (as [`Extraction::read_adopted`] read them).
    pub(super) fn adopted_licences(&self) -> Vec<Sentence> {
        self.adopted.clone()
    }

    /// Whether the model is put under a Creative Commons licence (not only the Apache License or
    /// MIT).
    pub(super) fn adopts_creative_commons(&self) -> bool {
        self.adopted.iter().any(|s| self.holds(&CC_NAMED, *s))
    }

    /// The adopting sentences that name one element of the licence (`CC_NON_COMMERCIAL`, ...).
    fn adopted_element(&self, element: &Phrase) -> Vec<Sentence> {
        self.adopted_licences()
            .into_iter()
            .filter(|s| self.holds(element, *s))
            .collect()
    }

    /// Adoptions of a NonCommercial licence (CC BY-NC, BY-NC-SA, BY-NC-ND).
    pub(super) fn adopted_non_commercial(&self) -> Vec<Sentence> {
        self.adopted_element(&CC_NON_COMMERCIAL)
    }

    /// Adoptions of a NoDerivatives licence: adapted material may not be shared.
    pub(super) fn adopted_no_derivatives(&self) -> Vec<Sentence> {
        self.adopted_element(&CC_NO_DERIVATIVES)
    }

    /// Adoptions of a ShareAlike licence: adapted material only under the same licence.
    pub(super) fn adopted_share_alike(&self) -> Vec<Sentence> {
        self.adopted_element(&CC_SHARE_ALIKE)
    }

    /// Notes that put the model under a known model licence without quoting it ("subject to the
    /// DeepSeek Model License"), with `flow_down`: only those whose use restrictions must be
    /// passed on, else all of them. Such a licence's use policy and licence copy bind; what it
    /// grants is left unread (unknown).
    pub(super) fn named_model_licence(&self, flow_down: bool) -> Vec<Sentence> {
        let mut found = self.sentences(&NAMED_RAIL_LICENCE, K_COPY);
        found.extend(self.named_unread_rail());
        if !flow_down {
            found.extend(self.sentences(&NAMED_POLICY_LICENCE, K_COPY));
        }
        // A quoted notice ("Gemma is provided under and subject to the Gemma Terms of Use") is
        // text the licence asks copies to carry, not a note about which licence binds; a quote
        // elsewhere in the sentence ("... OpenRAIL-M license — a "Responsible AI License"") is not.
        found.retain(|s| {
            self.named_outside_quotation(
                *s,
                &[
                    &NAMED_RAIL_LICENCE,
                    &NAMED_RAIL_UNREAD,
                    &NAMED_POLICY_LICENCE,
                ],
            )
        });
        found
    }

    /// Whether the licence that sentence `s` names (the first match of the first of `names` that
    /// matches there) stands outside any quotation: a licence named inside a quoted notice is
    /// text copies must carry, not a note about which licence binds.
    fn named_outside_quotation(&self, s: Sentence, names: &[&Phrase]) -> bool {
        let text = self.sentence_text(s);
        names
            .iter()
            .find_map(|re| self.matches_in(re, s).first().copied())
            .is_some_and(|m| !in_quotation(&text[..m.start()]))
    }

    /// Notes that put the model's use under a model or community licence named in Chinese and
    /// not quoted ("社区使用CodeShell模型需要遵循《CodeShell模型许可协议》", round 31): not a licence named
    /// inside a quoted notice ("保留以下署名通知：“本 Stability AI 模型依据 Stability AI 社区许可协议授权").
    pub(super) fn named_licence_zh(&self) -> Vec<Sentence> {
        self.sentences(&NAMED_LICENCE_ZH, K_ZH)
            .into_iter()
            .filter(|s| self.named_outside_quotation(*s, &[&NAMED_LICENCE_ZH]))
            .collect()
    }

    /// Notes that put the model under a licence named a RAIL that the catalogue does not know
    /// ("licensed under AI Pubs Open Rail-M license"): its use restrictions, their flow-down and
    /// its copy bind, but nothing it grants is read, sharing included.
    pub(super) fn named_unread_rail(&self) -> Vec<Sentence> {
        self.sentences(&NAMED_RAIL_UNREAD, K_COPY)
            .into_iter()
            .filter(|s| !self.holds(&NAMED_RAIL_OWN, *s))
            .collect()
    }

    /// Whether an adopted licence grants adapting the model (all but NoDerivatives do).
    pub(super) fn adopted_permits_adapting(&self) -> bool {
        !self.adopted_licences().is_empty() && self.adopted_no_derivatives().is_empty()
    }
}

/// Whether the text after `before` stands inside a quotation: an odd number of quote marks
/// open before it.
fn in_quotation(before: &str) -> bool {
    before.matches(['"', '“', '”']).count() % 2 == 1
}

/// The clause of `sentence` that holds its adoption of a permissive licence: the sentence cut
/// at the semicolons around it.
fn adopting_clause(sentence: &str) -> &str {
    let at = PERMISSIVE_ADOPTED
        .find_iter(sentence)
        .next()
        .map_or(0, |m| m.start());
    let from = sentence[..at].rfind(';').map_or(0, |i| i + 1);
    let to = sentence[at..].find(';').map_or(sentence.len(), |i| at + i);
    &sentence[from..to]
}
