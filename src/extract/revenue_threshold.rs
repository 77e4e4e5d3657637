//! Revenue levels: a separate grant above an annual revenue in US dollars; a monthly level, or one
//! without a period, binds at its strictest reading, with a review.

use super::numbers::{amount, amount_zh};
use super::phrases::{
    ANNUAL, DAMAGES_ZH, DISPLAY_DUTY, GATE_WORD, GATE_ZH, K_REVENUE, K_ZH, MONEY, MONTHLY,
    OTHER_CURRENCY, REVENUE_NOISE, REVENUE_WORD, REVENUE_ZH, SEPARATE_GRANT, USE_BAN_INTRO,
};
use super::{Extraction, Sentence};
use crate::terms::{AttributionCondition, RevenueThreshold, TermName};

impl Extraction<'_> {
    pub(super) fn revenue(&mut self) {
        for s in self.sentences(&REVENUE_WORD, K_REVENUE) {
            let amounts: Vec<u64> = self
                .captures_of(&MONEY, s)
                .into_iter()
                .filter_map(|c| {
                    let (n, scale) = match (c.get(1), c.get(3), c.get(5)) {
                        (Some(n), _, _) => (n, c.get(2)),
                        (_, Some(n), _) => (n, c.get(4)),
                        (_, _, Some(n)) => (n, c.get(6)),
                        _ => return None,
                    };
                    amount(n.as_str(), scale.map(|m| m.as_str()))
                })
                .collect();
            if self.holds(&REVENUE_NOISE, s) {
                continue;
            }
            let defined_gate = self.defined_term_gates(s);
            let gate = self.holds(&SEPARATE_GRANT, s)
                || self.holds(&DISPLAY_DUTY, s)
                || !defined_gate.is_empty()
                || (self.definition_name(s).is_some() && self.holds(&GATE_WORD, s))
                // "You agree not to use the Model ... (a) for any purpose if You generated more
                // than $2,000,000 in gross revenue": a level above which use is banned.
                || (self.holds(&GATE_WORD, s) && self.introduced_by(s, &USE_BAN_INTRO))
                // "A commercial license is required for: ... Organizations with annual revenue of
                // $200K or more": an item of a list of licensees who need a separate grant.
                || (self.holds(&GATE_WORD, s) && self.introduced_by(s, &SEPARATE_GRANT));
            if amounts.is_empty() {
                if self.holds(&OTHER_CURRENCY, s) && gate {
                    self.unclear(
                        TermName::RevenueThreshold,
                        "a revenue level in a currency other than US dollars",
                        s,
                    );
                }
                continue;
            }
            if !gate {
                continue;
            }
            let value = amounts.iter().copied().min().unwrap_or(0);
            let display = self.is_display_duty(s);
            let annual = self.holds(&ANNUAL, s);
            let monthly = self.holds(&MONTHLY, s) && !annual;
            for gate_sentence in defined_gate {
                self.cite(TermName::RevenueThreshold, gate_sentence);
            }
            match (display, monthly, annual) {
                (true, true, _) => {
                    let mut condition =
                        self.terms
                            .attribution_condition
                            .unwrap_or(AttributionCondition {
                                monthly_active_users: None,
                                monthly_revenue_usd: None,
                            });
                    condition.monthly_revenue_usd = Some(value);
                    self.terms.attribution_condition = Some(condition);
                    self.cite(TermName::AttributionCondition, s);
                }
                (false, _, true) => self.set_revenue_threshold(value, s),
                (false, _, false) => {
                    // A monthly level, or one with no period: the organisation is surely below
                    // it only if its annual revenue is, so the level binds as an annual one.
                    self.set_revenue_threshold(value, s);
                    self.unclear(
                        TermName::RevenueThreshold,
                        "a revenue level that is not stated per year (monthly, or no period): it is compared with annual revenue, the strictest reading",
                        s,
                    );
                }
                (true, _, _) => self.unclear(
                    TermName::RevenueThreshold,
                    "a display duty above an annual revenue, which this checker does not model",
                    s,
                ),
            }
        }
    }

    /// "年营业收入超过1亿美元": a revenue level in Chinese. A level in another currency than US
    /// dollars (元, 人民币) cannot be compared: it is a gate, read for review.
    pub(super) fn revenue_zh(&mut self) {
        let levels: Vec<(Sentence, bool, Option<u64>, bool)> = self
            .captures(&REVENUE_ZH, K_ZH)
            .into_iter()
            .filter(|(s, _)| self.holds(&GATE_ZH, *s) && !self.holds(&DAMAGES_ZH, *s))
            .map(|(s, caps)| {
                let dollars = caps.get(0).is_some_and(|m| m.as_str().contains("美元"));
                let value = caps
                    .get(1)
                    .and_then(|n| amount_zh(n.as_str(), caps.get(2).map(|m| m.as_str())));
                let annual = self.sentence_text(s).contains('年');
                (s, dollars, value, annual)
            })
            .collect();
        for (s, dollars, value, annual) in levels {
            match value {
                Some(value) if dollars => {
                    self.set_revenue_threshold(value, s);
                    if !annual {
                        self.unclear(
                            TermName::RevenueThreshold,
                            "a revenue level that is not stated per year: it is compared with annual revenue, the strictest reading",
                            s,
                        );
                    }
                }
                _ => self.unclear(
                    TermName::RevenueThreshold,
                    "a revenue level in a currency other than US dollars, or unreadable",
                    s,
                ),
            }
        }
    }

    pub(super) fn set_revenue_threshold(&mut self, value: u64, s: Sentence) {
        let lower = self
            .terms
            .revenue_threshold
            .is_none_or(|r| value < r.annual_revenue_usd);
        if lower {
            self.terms.revenue_threshold = Some(RevenueThreshold {
                annual_revenue_usd: value,
            });
        }
        self.cite(TermName::RevenueThreshold, s);
    }
}
