//! Using outputs to train other models: unrestricted only when nothing in the text speaks of it.

use super::phrases::{
    COMMERCIAL_ONLY_QUALIFIER, COMMERCIAL_WORD, COMPETING_USE, DERIVED_MATERIALS, FREEDOM_DENIED,
    INCORPORATED_TERMS, K_COMMERCIAL, K_COPY, K_MODIFY, K_NAME, K_NON_COMMERCIAL, K_OUTPUT, K_ZH,
    LIMIT_LABEL, MODEL_TRAINING_BAN, MODIFY_BAN, NAMED_LICENCE_ZH, NAMING_TRAINING,
    NAMING_TRAINING_ZH, NEGATED, NON_COMMERCIAL_MENTION, NON_COMMERCIAL_ONLY, OUTPUT_BAN,
    OUTPUT_BAN_ZH, OUTPUT_BOUND, OUTPUT_COMMERCIAL_USE, OUTPUT_CONDITION, OUTPUT_DERIVATIVE,
    OUTPUT_DERIVATIVE_ZH, OUTPUT_TRAINING_ITEM, OUTPUT_TRAINING_LIMIT_WORD,
    OUTPUT_TRAINING_MENTION, OUTPUT_TRAINING_MENTION_ZH, OUTPUT_TRAINING_PERMITTED, OUTPUT_WORD,
    OUTPUTS_FREED, SHARE_ALIKE, TRAIN_OTHER_MODELS, USE_BAN, USE_BAN_INTRO,
};
use super::{Extraction, Sentence};
use crate::terms::{CommercialUse, OutputTraining, Redistribution, TermName};

impl Extraction<'_> {
    pub(super) fn output_training(&mut self, granted: bool) {
        // A ban "for commercial purposes" only leaves other uses open.
        let (commercial_bans, mut banned): (Vec<Sentence>, Vec<Sentence>) = self
            .sentences(&OUTPUT_BAN, K_OUTPUT)
            .into_iter()
            .chain(self.sentences(&OUTPUT_BAN_ZH, K_ZH))
            .partition(|s| {
                self.holds(&COMMERCIAL_ONLY_QUALIFIER, *s)
                    && !self.holds(&NON_COMMERCIAL_MENTION, *s)
            });
        // "É EXPRESSAMENTE PROIBIDO ao Licenciado: ... 7. Uso em treinamento de outros modelos:
        // Utilizar as saídas do modelo como dados de treinamento para outros sistemas de IA": an
        // item of a list of acts barred that trains other models is a ban.
        // An item that excepts models shared on the licence's own terms ("..., except where
        // such derivative is itself distributed under this license", round 25, Ti Security)
        // bars the training only off those terms: a condition.
        let (share_alike_items, barred_items): (Vec<Sentence>, Vec<Sentence>) = self
            .withheld_items(&OUTPUT_TRAINING_ITEM, K_OUTPUT)
            .into_iter()
            .partition(|s| self.holds(&SHARE_ALIKE, *s));
        banned.extend(barred_items);
        let mut conditions = self.sentences(&OUTPUT_CONDITION, K_OUTPUT);
        conditions.extend(share_alike_items);
        conditions.extend(commercial_bans);
        // Models trained on outputs are derivatives by definition: they share the derivatives'
        // fate, and where derivatives may not be made or shared, the training is barred.
        let mut by_definition = self.sentences(&OUTPUT_DERIVATIVE, K_OUTPUT);
        by_definition.extend(self.sentences(&OUTPUT_DERIVATIVE_ZH, K_ZH));
        let derivatives_barred = self.terms.derivatives.redistribution
            == Redistribution::Prohibited
            || !self.sentences(&MODIFY_BAN, K_MODIFY).is_empty();
        if derivatives_barred {
            banned.extend(by_definition);
        } else {
            conditions.extend(by_definition);
        }
        conditions.extend(self.sentences(&OUTPUT_BOUND, K_OUTPUT));
        // "Use of the model to train other models for commercial use is not a non-commercial
        // purpose"; "You will not use the Materials or any outputs ... for any uses other than
        // Noncommercial Research Uses": training is limited, not barred.
        conditions.extend(
            self.sentences(&TRAIN_OTHER_MODELS, K_COMMERCIAL)
                .into_iter()
                .filter(|s| self.holds(&COMMERCIAL_WORD, *s)),
        );
        // "You may not: ... use the Model to develop, train, validate, or improve any competing
        // model": training is barred for competing models only, so limited.
        conditions.extend(
            self.sentences(&TRAIN_OTHER_MODELS, K_OUTPUT)
                .into_iter()
                .filter(|s| {
                    self.holds(&COMPETING_USE, *s)
                        && !self.holds(&COMMERCIAL_WORD, *s)
                        && (self.holds(&NEGATED, *s) || self.introduced_by(*s, &USE_BAN_INTRO))
                }),
        );
        // "The Model may not be used to train other models": training with what the model
        // produces is barred, outputs named or not (for commercial purposes only: limited).
        let (commercial_only, model_bans): (Vec<Sentence>, Vec<Sentence>) = self
            .sentences(&MODEL_TRAINING_BAN, K_OUTPUT)
            .into_iter()
            .partition(|s| self.holds(&COMMERCIAL_WORD, *s));
        banned.extend(model_bans);
        conditions.extend(commercial_only);
        conditions.extend(
            self.sentences(&NON_COMMERCIAL_ONLY, K_NON_COMMERCIAL)
                .into_iter()
                .filter(|s| self.holds(&OUTPUT_WORD, *s)),
        );
        // "You will not: a. use ... the Software Products (or any data produced by the
        // Software) ... for any commercial or production purposes": what outputs train is
        // limited to non-commercial use.
        conditions.extend(
            self.sentences(&OUTPUT_COMMERCIAL_USE, K_OUTPUT)
                .into_iter()
                .filter(|s| {
                    self.holds(&USE_BAN, *s)
                        || self.holds(&NEGATED, *s)
                        || self.introduced_by(*s, &USE_BAN_INTRO)
                }),
        );
        conditions.extend(
            self.sentences(&DERIVED_MATERIALS, K_COMMERCIAL)
                .into_iter()
                .filter(|s| self.holds(&COMMERCIAL_WORD, *s)),
        );
        let naming_without_outputs: Vec<Sentence> = self
            .sentences(&NAMING_TRAINING, K_NAME)
            .into_iter()
            .chain(self.sentences(&NAMING_TRAINING_ZH, K_ZH))
            .filter(|s| {
                let text = self.sentence_text(*s);
                !self.holds(&OUTPUT_WORD, *s) && !text.contains("输出")
            })
            .collect();
        let (value, cited) = if !banned.is_empty() {
            (OutputTraining::Prohibited, banned)
        } else if !conditions.is_empty() {
            (OutputTraining::Conditional, conditions)
        } else if !naming_without_outputs.is_empty() {
            // A naming duty for models "improved" with the materials, silent on outputs.
            (OutputTraining::Unknown, naming_without_outputs)
        } else if !granted
            || matches!(
                self.terms.commercial_use,
                CommercialUse::NonCommercial | CommercialUse::Unknown
            )
            || !self.adopted_no_derivatives().is_empty()
        {
            // Under a non-commercial grant, commercial use of what outputs train is unclear;
            // under an adopted NoDerivatives licence, whether such a model adapts the model is
            // (as the catalogue's curated cc-by-nd-4.0 reads it). Outputs freed in so many words
            // ("You may freely use, ... and monetize output") are free whatever the grant's limit.
            // Not where the freedom is denied ("You may not monetize output"), or listed under
            // what the licensee may not do, nor in a text that denies the grant itself or holds
            // a passage the rules cannot read (quoted for review).
            let denied = self.grant_in_doubt;
            // A freedom may be said in the clause after a semicolon, of the outputs the clause
            // before names ("You own your Output; it carries no noncommercial restriction"): the
            // two clauses are read together.
            let joined = self.all.windows(2).filter_map(|pair| {
                self.sentence_text(pair[0])
                    .trim_end()
                    .ends_with(';')
                    .then_some(Sentence {
                        start: pair[0].start,
                        end: pair[1].end,
                    })
            });
            let freed: Vec<Sentence> = self
                .sentences(&OUTPUTS_FREED, K_OUTPUT)
                .into_iter()
                .chain(joined.filter(|s| self.holds(&OUTPUTS_FREED, *s)))
                .filter(|s| {
                    !self.holds(&FREEDOM_DENIED, *s) && !self.introduced_by(*s, &USE_BAN_INTRO)
                })
                .collect();
            if freed.is_empty() || denied {
                (OutputTraining::Unknown, Vec::new())
            } else {
                // Outputs freed, but training with them limited in a clause no rule read ("The
                // following is prohibited: (a) ...; (b) using synthetic data generated by the
                // Model to fine-tune any other AI model"): the freedom does not reach it.
                let (_, limiting) = self.output_training_mentions(true);
                self.free_unless_limited(freed, limiting)
            }
        } else {
            // Silence is not permission: any other clause on training with outputs leaves it
            // unread.
            let (permitted, mentions) = self.output_training_mentions(false);
            self.free_unless_limited(permitted, mentions)
        };
        self.terms.output_training = value;
        for s in cited {
            self.cite(TermName::OutputTraining, s);
        }
        if value != OutputTraining::Unknown {
            self.found.insert(TermName::OutputTraining);
        }
    }

    /// The clauses on training with outputs: those that permit it ("You may use the Outputs for
    /// any purpose, including as training data for other models") and the others. Beside such
    /// a permission, or where `only_limiting`, the others are kept only where they hold a
    /// limiting word or are items of a list of what is barred ("The following is prohibited:
    /// ... (b) using synthetic data generated by the Model to fine-tune any other AI model",
    /// session 22's probe 8): "What the Model outputs is yours, and so is any model you train"
    /// limits nothing.
    fn output_training_mentions(&self, only_limiting: bool) -> (Vec<Sentence>, Vec<Sentence>) {
        let mut mentions = self.sentences(&OUTPUT_TRAINING_MENTION, K_OUTPUT);
        // Another licence's conditions, incorporated by reference, may speak of outputs.
        mentions.extend(self.sentences(&INCORPORATED_TERMS, K_COPY));
        // So may a model licence the model is put under without quoting it ("released under
        // the BigScience OpenRAIL-M license"): its text, not read, governs.
        mentions.extend(self.named_model_licence(false));
        // Or one named in Chinese ("需要遵守 ... [TransNormerLLM 模型社区许可证](...)", round 29).
        mentions.extend(self.sentences(&NAMED_LICENCE_ZH, K_ZH));
        mentions.extend(self.sentences(&OUTPUT_TRAINING_MENTION_ZH, K_ZH));
        let (permitted, mut mentions): (Vec<Sentence>, Vec<Sentence>) =
            mentions.into_iter().partition(|s| {
                self.holds(&OUTPUT_TRAINING_PERMITTED, *s) && !self.holds(&FREEDOM_DENIED, *s)
            });
        if only_limiting || !permitted.is_empty() {
            mentions.retain(|s| {
                self.holds(&OUTPUT_TRAINING_LIMIT_WORD, *s)
                    || self.introduced_by(*s, &LIMIT_LABEL)
                    || self.introduced_by(*s, &USE_BAN_INTRO)
            });
        }
        (permitted, mentions)
    }

    /// Training with outputs is unrestricted on the clauses that free it, unless a clause on it
    /// is left that the rules cannot read: each is quoted, and the field is unknown.
    fn free_unless_limited(
        &mut self,
        freeing: Vec<Sentence>,
        limiting: Vec<Sentence>,
    ) -> (OutputTraining, Vec<Sentence>) {
        let limiting: Vec<Sentence> = limiting
            .into_iter()
            .filter(|s| !freeing.contains(s))
            .collect();
        if limiting.is_empty() {
            return (OutputTraining::Unrestricted, freeing);
        }
        for s in &limiting {
            self.unclear(
                TermName::OutputTraining,
                "a clause on training with outputs that the rules cannot read",
                *s,
            );
        }
        (OutputTraining::Unknown, Vec::new())
    }
}
