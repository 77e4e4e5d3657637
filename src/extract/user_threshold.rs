//! User levels: a separate grant above a number of monthly or daily active users (a user
//! threshold), or a display duty above it (an attribution condition).

use std::collections::BTreeSet;

use super::numbers::{amount, amount_zh};
use super::phrases::{
    COMMERCIAL_ZH, DAILY_ZH, DISPLAY_DUTY, GATE_ZH, K_USERS, K_ZH, SEPARATE_GRANT, USERS_ABBREV,
    USERS_AFTER, USERS_ANY, USERS_BEFORE, USERS_BELOW, USERS_PER_MONTH, USERS_PER_MONTH_AFTER,
    USERS_ZH,
};
use super::{Extraction, Sentence};
use crate::terms::{AttributionCondition, TermName, UserThreshold};

impl Extraction<'_> {
    /// User and revenue levels: a separate grant above them (thresholds), or a display duty
    /// above them (attribution conditions).
    pub(super) fn thresholds(&mut self) {
        let mut users: Vec<(UserThreshold, Sentence, bool)> = Vec::new();
        for re in [&*USERS_AFTER, &*USERS_ABBREV] {
            for (s, caps) in self.captures(re, K_USERS) {
                let (Some(n), Some(kind)) = (caps.get(1), caps.get(3)) else {
                    continue;
                };
                let scale = caps.get(2).map(|s| s.as_str());
                if let Some(value) = amount(n.as_str(), scale) {
                    let daily = kind.as_str().to_ascii_lowercase().starts_with('d');
                    users.push((user_threshold(daily, value), s, self.is_display_duty(s)));
                }
            }
        }
        for (s, caps) in self.captures(&USERS_BEFORE, K_USERS) {
            let (Some(m), Some(kind), Some(n)) = (caps.get(0), caps.get(1), caps.get(2)) else {
                continue;
            };
            // Only the words right after the amount are looked at (not the rest of the text).
            let after = self.plain.text[s.start + m.end()..].trim_start().as_bytes();
            let starts_with = |word: &str| {
                after
                    .get(..word.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
            };
            if starts_with("us dollars") || starts_with("dollars") || starts_with("usd") {
                continue;
            }
            if let Some(value) = amount(n.as_str(), caps.get(3).map(|s| s.as_str())) {
                let daily = kind.as_str().eq_ignore_ascii_case("daily");
                users.push((user_threshold(daily, value), s, self.is_display_duty(s)));
            }
        }
        // "(visits) must not exceed 1 million visits per month", "DAU of less than 1 million":
        // the level below which the grant holds.
        for (re, kind_group, number_group) in [
            (&*USERS_PER_MONTH, 3, 1),
            (&*USERS_PER_MONTH_AFTER, 3, 1),
            (&*USERS_BELOW, 1, 2),
        ] {
            for (s, caps) in self.captures(re, K_USERS) {
                let (Some(kind), Some(n)) = (caps.get(kind_group), caps.get(number_group)) else {
                    continue;
                };
                let daily = matches!(
                    kind.as_str().to_ascii_lowercase().as_str(),
                    "day" | "daily" | "dau"
                );
                if let Some(value) =
                    amount(n.as_str(), caps.get(number_group + 1).map(|m| m.as_str()))
                {
                    users.push((user_threshold(daily, value), s, self.is_display_duty(s)));
                }
            }
        }
        // "月活跃用户数...超过3亿", "日均用户活跃量（DAU）低于100万": a level tied to a grant.
        let mut intros = Vec::new();
        for (s, caps) in self.captures(&USERS_ZH, K_ZH) {
            let (Some(n), Some(m)) = (caps.get(1), caps.get(0)) else {
                continue;
            };
            // The gate may stand in the sentence that introduces a list of conditions
            // ("用于商业目的，请确认您符合以下情况：" then "1. ...低于100万。").
            let intro = self.list_intro(s);
            let gated = self.holds(&GATE_ZH, s)
                || self.holds(&COMMERCIAL_ZH, s)
                || intro.is_some_and(|i| self.holds(&GATE_ZH, i) || self.holds(&COMMERCIAL_ZH, i));
            if !gated {
                continue;
            }
            intros.extend(intro);
            let daily = DAILY_ZH.is_match(m.as_str()) || self.holds(&DAILY_ZH, s);
            if let Some(value) = amount_zh(n.as_str(), caps.get(2).map(|m| m.as_str())) {
                users.push((user_threshold(daily, value), s, false));
            }
        }
        for intro in intros {
            self.cite(TermName::UserThreshold, intro);
        }
        let read: BTreeSet<usize> = users.iter().map(|(_, s, _)| s.start).collect();
        for s in self.sentences(&USERS_ANY, K_USERS) {
            if !read.contains(&s.start) && self.holds(&SEPARATE_GRANT, s) {
                self.unclear(
                    TermName::UserThreshold,
                    "a clause ties rights to a number of active users, but the number could not be read",
                    s,
                );
            }
        }
        for (threshold, s, display) in users {
            if display {
                self.attribution_condition_users(threshold, s);
            } else {
                self.set_user_threshold(threshold, s);
            }
        }
        self.revenue();
        self.revenue_zh();
    }

    pub(super) fn is_display_duty(&self, s: Sentence) -> bool {
        self.holds(&DISPLAY_DUTY, s) && !self.holds(&SEPARATE_GRANT, s)
    }

    pub(super) fn set_user_threshold(&mut self, threshold: UserThreshold, s: Sentence) {
        // Several levels: the lowest binds first.
        let lower = match (self.terms.user_threshold, threshold) {
            (None, _) => true,
            (Some(UserThreshold::MonthlyActiveUsers(a)), UserThreshold::MonthlyActiveUsers(b))
            | (Some(UserThreshold::DailyActiveUsers(a)), UserThreshold::DailyActiveUsers(b)) => {
                b < a
            }
            (Some(UserThreshold::DailyActiveUsers(_)), UserThreshold::MonthlyActiveUsers(_)) => {
                false
            }
            (Some(UserThreshold::MonthlyActiveUsers(_)), UserThreshold::DailyActiveUsers(_)) => {
                false
            }
        };
        if lower {
            self.terms.user_threshold = Some(threshold);
        }
        self.cite(TermName::UserThreshold, s);
    }

    pub(super) fn attribution_condition_users(&mut self, threshold: UserThreshold, s: Sentence) {
        let mut condition = self
            .terms
            .attribution_condition
            .unwrap_or(AttributionCondition {
                monthly_active_users: None,
                monthly_revenue_usd: None,
            });
        match threshold {
            UserThreshold::MonthlyActiveUsers(n) => {
                let lowest = condition.monthly_active_users.map_or(n, |m| m.min(n));
                condition.monthly_active_users = Some(lowest);
            }
            UserThreshold::DailyActiveUsers(_) => {
                return self.unclear(
                    TermName::AttributionCondition,
                    "a display duty depends on daily active users, which this checker does not model",
                    s,
                );
            }
        }
        self.terms.attribution_condition = Some(condition);
        self.cite(TermName::AttributionCondition, s);
    }
}

pub(super) fn user_threshold(daily: bool, value: u64) -> UserThreshold {
    if daily {
        UserThreshold::DailyActiveUsers(value)
    } else {
        UserThreshold::MonthlyActiveUsers(value)
    }
}
