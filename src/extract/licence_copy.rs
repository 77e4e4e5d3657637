//! A copy of the licence to give with distributed copies.

use super::Extraction;
use super::phrases::{
    CC_ADOPTED, K_COPY, K_GRANT, K_ZH, LICENCE_COPY, LICENCE_COPY_LIST_KO, LICENCE_COPY_ZH,
    LICENCE_FILE_ITEM, TRAINED_MODELS_LICENSED,
};
use crate::terms::TermName;

/// How many sentences after a list's intro are read as its items.
const LIST_ITEMS: usize = 8;

impl Extraction<'_> {
    pub(super) fn licence_copy(&mut self, granted: bool) {
        let mut found = self.sentences(&LICENCE_COPY, K_COPY);
        found.extend(self.sentences(&LICENCE_COPY_ZH, K_ZH));
        // In Korean: "재배포물에는 다음을 함께 제공하세요." over "- 저장소의 `LICENSE`": a licence file
        // among the next few sentences, the items of the list.
        for intro in self.sentences(&LICENCE_COPY_LIST_KO, K_ZH) {
            let at = self.all.partition_point(|s| s.start <= intro.start);
            let items = &self.all[at..(at + LIST_ITEMS).min(self.all.len())];
            if let Some(item) = items.iter().find(|s| self.holds(&LICENCE_FILE_ITEM, **s)) {
                found.push(*item);
            }
        }
        // Creative Commons licences require the licence, or its link, with shared copies.
        found.extend(self.adopted_licences());
        // A Creative Commons licence named for the models trained on some data binds the model
        // if it was so trained: its link is read as owed.
        found.extend(
            self.sentences(&CC_ADOPTED, K_GRANT)
                .into_iter()
                .filter(|s| self.holds(&TRAINED_MODELS_LICENSED, *s)),
        );
        // A known model licence named by a note asks for itself with copies.
        found.extend(self.named_model_licence(false));
        for s in found {
            self.terms.licence_copy = true;
            self.cite(TermName::LicenceCopy, s);
        }
        if !granted && !self.terms.licence_copy {
            self.found.remove(&TermName::LicenceCopy);
        }
    }
}
