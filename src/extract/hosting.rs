//! Offering the model to third parties as a hosted service.

use super::phrases::{
    COMMERCIAL_DEFINED, DERIVATIVE_BAN, DISTRIBUTE_WORD, HOSTING_ALLOW, HOSTING_ALLOW_ZH,
    HOSTING_DENY, HOSTING_DENY_ZH, HOSTING_LIMIT, HOSTING_NOT_NC, HOSTING_WORD, K_AVAILABLE,
    K_COMMERCIAL, K_DERIVATIVE_BAN, K_HOSTING, K_ZH, NEGATED, NON_COMMERCIAL_ELEMENT,
    NON_COMMERCIAL_POINTER, PERMISSION, Phrase, RESEARCH_ONLY, RESEARCH_SCOPE_ONLY,
    RESEARCH_WEIGHTS, SHARING_OTHER_MATERIAL, USE_WITHHELD,
};
use super::{Extraction, Sentence, one_line};
use crate::terms::{CommercialUse, Hosting, TermName};

impl Extraction<'_> {
    pub(super) fn hosting(&mut self, granted: bool) {
        let mut denied = Vec::new();
        let mut limited = Vec::new();
        let non_commercial = self.terms.commercial_use == CommercialUse::NonCommercial;
        for s in self.sentences(&HOSTING_WORD, K_HOSTING) {
            if self.holds(&HOSTING_DENY, s) || (non_commercial && self.defines_commercial_use(s)) {
                denied.push(s);
            } else if self.holds(&HOSTING_LIMIT, s) {
                limited.push(s);
            }
        }
        denied.extend(self.sentences(&HOSTING_NOT_NC, K_COMMERCIAL));
        // "You may not: ... offer the Model ... as a hosted ... service": an item of a list of
        // acts barred or needing permission first.
        denied.extend(self.withheld_items(&HOSTING_WORD, K_HOSTING));
        // "Usage: Only under explicit written agreement": nothing granted, serving included.
        denied.extend(self.sentences(&USE_WITHHELD, K_HOSTING));
        denied.extend(self.sentences(&HOSTING_DENY_ZH, K_ZH));
        // A note that grants nothing and withholds sharing ("redistribution is not assumed")
        // grants no service either.
        if !granted {
            denied.extend(self.sentences(&DERIVATIVE_BAN, K_DERIVATIVE_BAN));
        }
        // A sentence cited once, in the order of the text.
        denied.sort_by_key(|s| s.start);
        denied.dedup_by_key(|s| s.start);
        // Under a non-commercial grant, offering the model to others is allowed only where the
        // text says the model may be made available; silence is no permission.
        // An adopted Creative Commons licence grants making the material available to the
        // public, which a service does, unless the note narrows it to research ("The weights
        // are for noncommercial research use only").
        let adopted_serves = !self.adopted_licences().is_empty()
            && (!self.narrowed_to_research() || self.grants_sharing_beyond_research());
        let silent_nc = self.terms.commercial_use == CommercialUse::NonCommercial
            && self.sentences(&HOSTING_ALLOW, K_AVAILABLE).is_empty()
            && self.sentences(&HOSTING_ALLOW_ZH, K_ZH).is_empty()
            && !adopted_serves;
        self.terms.hosting = if !denied.is_empty() {
            Hosting::RequiresLicence
        } else if !limited.is_empty() {
            // Hosting is allowed only without a limit the rules cannot weigh.
            for s in limited {
                self.unclear(
                    TermName::Hosting,
                    "a clause limits offering the model as a service in words the rules cannot weigh",
                    s,
                );
            }
            Hosting::Unknown
        } else if granted && !silent_nc && self.terms.commercial_use != CommercialUse::Unknown {
            Hosting::Allowed
        } else if silent_nc && self.research_only() {
            // Serving the model to others is not the licensee's own research or evaluation.
            Hosting::RequiresLicence
        } else {
            Hosting::Unknown
        };
        for s in denied {
            self.cite(TermName::Hosting, s);
        }
        if self.terms.hosting != Hosting::Unknown {
            self.found.insert(TermName::Hosting);
        }
    }

    /// Whether `s` defines commercial use, or is an item of the list such a definition
    /// introduces ("Commercial Purpose includes: ... (b) hosting the Model ...").
    fn defines_commercial_use(&self, s: Sentence) -> bool {
        self.holds(&COMMERCIAL_DEFINED, s) || self.introduced_by(s, &COMMERCIAL_DEFINED)
    }

    /// Whether a clause read for commercial use names a research, academic or evaluation scope
    /// as the only one ("for educational or research purposes only"): the grant of an adopted
    /// licence is narrowed to that scope.
    fn narrowed_to_research(&self) -> bool {
        self.commercial_clause_names(&RESEARCH_SCOPE_ONLY)
    }

    /// Whether the text grants sharing the model in its own words with no research scope in the
    /// same breath ("You are free to: ... - Share and redistribute the Models, provided that
    /// ..."): a research-only statement elsewhere does not narrow what it grants. A permission to
    /// share other material ("redistribute RibSeg data under Apache-2.0") is no such grant.
    fn grants_sharing_beyond_research(&self) -> bool {
        self.sentences(&DISTRIBUTE_WORD, K_DERIVATIVE_BAN)
            .into_iter()
            .any(|s| {
                (self.holds(&PERMISSION, s) || self.introduced_by(s, &PERMISSION))
                    && !self.holds(&NEGATED, s)
                    && !self.holds(&RESEARCH_SCOPE_ONLY, s)
                    // Sharing the data, not the model, widens nothing of the model's grant.
                    && !self.holds(&SHARING_OTHER_MATERIAL, s)
                    // Nor does a grant under another heading, of other weights ("## Diffusion
                    // inpainter" ... "You may share and adapt them", then "## GAN generator" ...
                    // "released for non-commercial research and educational use only", round 24,
                    // Urban OpenGen): the stricter part is read (round 19's GeoSET).
                    && !self.of_other_weights(s)
            })
    }

    /// Whether `s` is about other weights than a research-only limit: a heading stands between
    /// it and every such limit that names weights ("The GAN generator snapshots are therefore
    /// released for non-commercial research and educational use only"), and its own section puts
    /// weights under a licence that is not non-commercial ("## Diffusion inpainter" ...
    /// "released under the Creative Commons Attribution 4.0 International licence", round 24,
    /// Urban OpenGen). The stricter part is then read (round 19's GeoSET).
    pub(super) fn of_other_weights(&self, s: Sentence) -> bool {
        // Offsets in the original text, where the headings are.
        let at = |x: &Sentence| self.plain.original(x.start, x.end).map(|(from, _)| from);
        // The same for every sentence asked about: worked out once.
        let (research, headings) = self.research_weights.get_or_init(|| {
            // The sentences' words rule most out before a pattern runs.
            let research: Vec<usize> = (0..self.all.len())
                .filter(|&i| {
                    RESEARCH_SCOPE_ONLY.may_match_at(&self.passes, i)
                        && RESEARCH_WEIGHTS.may_match_at(&self.passes, i)
                })
                .filter_map(|i| self.all.get(i).copied())
                .filter(|r| {
                    self.holds(&RESEARCH_SCOPE_ONLY, *r) && self.holds(&RESEARCH_WEIGHTS, *r)
                })
                .filter_map(|r| at(&r))
                .collect();
            let headings = if research.is_empty() {
                Vec::new()
            } else {
                heading_starts(self.text)
            };
            (research, headings)
        });
        let Some(here) = at(&s) else {
            return false;
        };
        if research.is_empty() {
            return false;
        }
        let apart = |a: usize, b: usize| {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            headings.iter().any(|&h| lo < h && h <= hi)
        };
        if !research.iter().all(|&r| apart(r, here)) {
            return false;
        }
        let lo = headings
            .iter()
            .rev()
            .find(|&&h| h <= here)
            .copied()
            .unwrap_or(0);
        let hi = headings
            .iter()
            .find(|&&h| h > here)
            .copied()
            .unwrap_or(self.text.len());
        self.adopted_licences().into_iter().any(|a| {
            at(&a).is_some_and(|from| lo <= from && from < hi)
                && !NON_COMMERCIAL_ELEMENT.is_match(&one_line(self.sentence_text(a)))
        })
    }

    /// Whether the non-commercial limit read is a research, academic or evaluation scope (the
    /// grant or the limiting clause says so), not merely a ban on commercial use.
    fn research_only(&self) -> bool {
        self.commercial_clause_names(&RESEARCH_ONLY)
    }

    /// Whether a clause cited for commercial use names the scope `scope` matches. A licence
    /// named by reference ("governed by the Research and Non-Commercial Model License") tells
    /// its title, not its scope.
    fn commercial_clause_names(&self, scope: &Phrase) -> bool {
        self.evidence
            .get(&TermName::CommercialUse)
            .is_some_and(|list| {
                // The clause as quoted keeps its line breaks; phrasings read it on one line.
                list.iter().any(|e| {
                    let clause = one_line(&e.text);
                    scope.is_match(&clause) && !NON_COMMERCIAL_POINTER.is_match(&clause)
                })
            })
    }
}

/// Where the headings of `text` start: Markdown headings ("## GAN generator"), and short lines
/// standing alone as a paragraph with no closing punctuation (the same heading once the Markdown
/// is gone, or an HTML paragraph of its own).
fn heading_starts(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end()))
        })
        .collect();
    let blank =
        |i: Option<usize>| i.is_none_or(|i| lines.get(i).is_none_or(|(_, l)| l.trim().is_empty()));
    lines
        .iter()
        .enumerate()
        .filter(|(i, (_, line))| {
            let trimmed = line.trim();
            let paragraph = trimmed
                .strip_prefix("<p>")
                .and_then(|t| t.strip_suffix("</p>"));
            let inner = paragraph.unwrap_or(trimmed).trim();
            let inner = inner.trim_start_matches('#').trim_start();
            let markdown = trimmed.starts_with('#')
                && trimmed.trim_start_matches('#').starts_with(' ')
                || paragraph.is_some_and(|p| p.starts_with('#'));
            let alone = (paragraph.is_some() || (blank(i.checked_sub(1)) && blank(Some(i + 1))))
                && (3..=80).contains(&inner.chars().count())
                && !inner.ends_with(['.', ':', ';', ',', '!', '?'])
                && !inner.starts_with(['-', '*', '•', '|', '>', '`', '<'])
                && !line.starts_with([' ', '\t'])
                && inner.chars().next().is_some_and(char::is_alphanumeric);
            markdown || alone
        })
        .map(|(_, (start, _))| *start)
        .collect()
}
