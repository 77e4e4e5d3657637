//! A permission denied is no permission: on every real text of the repository whose reading has
//! a permissive field (commercial use or sharing of derivatives `allowed`, outputs
//! `unrestricted`, hosting `allowed`), each of the first clauses cited for it is negated the way
//! a careless or hostile publisher would write it ("you may" -> "you may not", "hereby grants"
//! -> "does not grant", "is permitted" -> "is not permitted", 可以 -> 不可以), and the edited text
//! must no longer read that field permissive. A denial added anywhere, or a restriction added in
//! a language the rules do not read, leaves no field permissive either.

mod common;

use std::path::PathBuf;

use model_licence::terms::{
    CommercialUse, Hosting, OutputTraining, Redistribution, TermName, Terms,
};
use model_licence::{ExtractedTerms, extract_terms};
use regex::Regex;

/// The negations tried on a clause, in order; the first that changes it is the edit.
const NEGATIONS: &[(&str, &str)] = &[
    (r"\b([Yy]ou) (may|can)\b", "$1 $2 not"),
    (r"\b([Yy]ou) are free to\b", "$1 are not free to"),
    (r"\bhereby grants?\b", "does not grant"),
    (r"\bgrants? (to )?([Yy]ou)\b", "does not grant $1$2"),
    (r"\b(is|are) hereby granted\b", "$1 not granted"),
    (r"\b(is|are) (permitted|allowed)\b", "$1 not $2"),
    ("可以", "不可以"),
    ("授予您", "不授予您"),
];

/// The permissive fields of a reading.
fn permissive(terms: &Terms) -> Vec<TermName> {
    let mut fields = Vec::new();
    if terms.commercial_use == CommercialUse::Allowed {
        fields.push(TermName::CommercialUse);
    }
    if terms.derivatives.redistribution == Redistribution::Allowed {
        fields.push(TermName::Derivatives);
    }
    if terms.output_training == OutputTraining::Unrestricted {
        fields.push(TermName::OutputTraining);
    }
    if terms.hosting == Hosting::Allowed {
        fields.push(TermName::Hosting);
    }
    fields
}

/// Every real licence text: the catalogue's, the holdout rounds' and the development fixtures.
fn texts() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let licences = std::fs::read_dir(common::root().join("licences")).expect("licences");
    for entry in licences {
        paths.push(entry.expect("entry").path().join("LICENSE.txt"));
    }
    for entry in std::fs::read_dir(common::fixture("")).expect("fixtures") {
        let dir = entry.expect("entry").path();
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if name.starts_with("unseen") {
            for licence in std::fs::read_dir(&dir).expect("round") {
                paths.push(licence.expect("entry").path().join("LICENSE.txt"));
            }
        }
    }
    for entry in std::fs::read_dir(common::fixture("dev")).expect("dev") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            paths.push(path);
        }
    }
    paths.retain(|p| p.is_file());
    paths.sort();
    paths
}

/// The real texts read with a permissive field, with their text.
fn permissive_texts() -> Vec<(PathBuf, String)> {
    texts()
        .into_iter()
        .map(|path| {
            let text = common::read(&path);
            (path, text)
        })
        .filter(|(_, text)| !permissive(&extract_terms(text).backed.terms).is_empty())
        .collect()
}

/// The clause negated, if a negation applies to it: the first place where one does and the
/// words around it are not already negated ("You may not" is no permission to deny; "Nothing
/// in this Agreement grants" would become a double negative; "is permitted only for" would
/// become nonsense; "grants You no rights" denies already).
fn negate(clause: &str, negations: &[(Regex, &str)]) -> Option<String> {
    let negated_before = Regex::new(r"(?i)\bnothing\b|不$|未$").expect("pattern");
    let negated_after = Regex::new(r"(?i)^[\s*_]*(?:not|never|only|no)\b").expect("pattern");
    negations.iter().find_map(|(re, with)| {
        let found = re.find_iter(clause).find(|m| {
            !negated_before.is_match(&clause[..m.start()])
                && !negated_after.is_match(&clause[m.end()..])
        })?;
        let replaced = re.replace(found.as_str(), *with);
        Some(format!(
            "{}{replaced}{}",
            &clause[..found.start()],
            &clause[found.end()..]
        ))
    })
}

#[test]
fn a_denied_grant_never_reads_permissive() {
    let negations: Vec<(Regex, &str)> = NEGATIONS
        .iter()
        .map(|(re, with)| (Regex::new(re).expect("negation"), *with))
        .collect();
    let mut edits = 0;
    let mut still = Vec::new();
    for path in texts() {
        let text = common::read(&path);
        let read = extract_terms(&text);
        for field in permissive(&read.backed.terms) {
            // A field read by default (no clause of its own) cites the grant it stands on, so
            // every permissive field has a clause to negate.
            let cited = read.backed.evidence_for(field);
            assert!(
                !cited.is_empty(),
                "{}: {field:?} reads permissive with no clause cited",
                path.display()
            );
            for clause in cited.iter().take(3) {
                let Some(edited) = negate(&clause.text, &negations) else {
                    continue;
                };
                let text = format!("{}{edited}{}", &text[..clause.start], &text[clause.end..]);
                edits += 1;
                if permissive(&extract_terms(&text).backed.terms).contains(&field) {
                    still.push(format!("{}: {field:?} after {edited:?}", path.display()));
                }
            }
        }
    }
    none_left_permissive(edits, &still);
}

/// Denials a hostile or careless publisher might add to a licence that otherwise grants.
const ADDED_DENIALS: &[&str] = &[
    "Notwithstanding the foregoing, no license is granted to use, copy, modify or distribute the Model.",
    "This License does not grant you any right to use the Model.",
    "You may not use, copy, modify, or distribute the Model.",
    "You are not permitted to use or distribute the Model weights.",
    "The rights to use, reproduce and distribute the Model are not granted under this License.",
    "You may not use the Model.",
    "Licensee shall not copy the Model Weights.",
    "本协议不授予您使用、复制、修改或分发本模型的任何权利。",
];

#[test]
fn a_denial_added_anywhere_leaves_no_field_permissive() {
    let mut edits = 0;
    let mut still = Vec::new();
    for (path, text) in permissive_texts() {
        // At the end, and after the first paragraph (before the grant, in most texts).
        let first_break = text.find("\n\n").unwrap_or(0);
        for denial in ADDED_DENIALS {
            for at in [text.len(), first_break] {
                let edited = format!("{}\n\n{denial}\n\n{}", &text[..at], &text[at..]);
                edits += 1;
                let left = permissive(&extract_terms(&edited).backed.terms);
                if !left.is_empty() {
                    still.push(format!("{}: {left:?} with {denial:?}", path.display()));
                }
            }
        }
    }
    none_left_permissive(edits, &still);
}

/// The bar of every test here: no edit left a field permissive, out of enough edits (the corpus
/// gives well over a hundred; far fewer means the test lost its texts).
fn none_left_permissive(edits: usize, still: &[String]) {
    assert!(edits >= 100, "only {edits} edits tried");
    // The counts the README quotes (`cargo test --test denials -- --nocapture`).
    eprintln!("{edits} edits, {} left permissive", still.len());
    if !still.is_empty() {
        panic!(
            "{} of {edits} edits still read permissive:\n{}",
            still.len(),
            still.join("\n")
        );
    }
}

/// Every field a reading can hold permissive: a passage bearing on the whole grant must leave
/// none of them so.
const EVERY_FIELD: &[TermName] = &[
    TermName::CommercialUse,
    TermName::Derivatives,
    TermName::OutputTraining,
    TermName::Hosting,
];

/// A passage to add: what it is called in a failure, its text, the fields it must keep from
/// reading permissive, and what else [`added_at_end`]'s check is to know of it.
type Passage<'a, T> = (String, String, &'a [TermName], T);

/// Adds each passage at the end of every text read with a permissive field; an edit fails if
/// one of the passage's fields still reads permissive or `check` finds something wrong with the
/// reading (what, to say so). The bar is [`none_left_permissive`].
fn added_at_end<'a, T>(
    passages: impl Iterator<Item = Passage<'a, T>> + Clone,
    check: impl Fn(&ExtractedTerms, &str, &T) -> Option<String>,
) {
    added_at_end_of_every(1, passages, check);
}

/// [`added_at_end`] on every `step`-th text read with a permissive field (a long list of
/// passages on a sample of the texts, to keep the test short).
fn added_at_end_of_every<'a, T>(
    step: usize,
    passages: impl Iterator<Item = Passage<'a, T>> + Clone,
    check: impl Fn(&ExtractedTerms, &str, &T) -> Option<String>,
) {
    let mut edits = 0;
    let mut still = Vec::new();
    for (path, text) in permissive_texts().into_iter().step_by(step) {
        for (name, passage, fields, about) in passages.clone() {
            let edited = format!("{text}\n\n{passage}\n");
            edits += 1;
            let read = extract_terms(&edited);
            let left: Vec<TermName> = permissive(&read.backed.terms)
                .into_iter()
                .filter(|f| fields.contains(f))
                .collect();
            let wrong = check(&read, &passage, &about);
            if !left.is_empty() || wrong.is_some() {
                still.push(format!(
                    "{}: {left:?} with {name} {}",
                    path.display(),
                    wrong.unwrap_or_default()
                ));
            }
        }
    }
    none_left_permissive(edits, &still);
}

/// A restriction a publisher might add in a language the rules do not read.
const UNREAD_RESTRICTIONS: &[&str] = &[
    "Uso comercial proibido sem autorização prévia.",
    "El uso comercial del modelo está prohibido.",
    "L'utilisation commerciale du modèle est interdite.",
    "Die kommerzielle Nutzung des Modells ist nicht gestattet.",
    "L'uso commerciale del modello non è consentito.",
    "Bu modelin ticari kullanımı yasaktır.",
    "本モデルの商用利用は禁止されています。",
    "모델의 상업적 사용은 금지됩니다.",
    "Коммерческое использование модели запрещено.",
];

#[test]
fn a_restriction_in_a_language_not_read_leaves_no_field_permissive() {
    let passages = UNREAD_RESTRICTIONS
        .iter()
        .map(|r| (format!("{r:?}"), r.to_string(), EVERY_FIELD, ()));
    added_at_end(passages, |read, restriction, _| {
        let quoted = read.unclear.iter().any(|u| {
            u.evidence
                .iter()
                .any(|e| e.text.contains(restriction.trim_end_matches(['.', '。'])))
        });
        (!quoted).then(|| "(not quoted for review)".to_string())
    });
}

/// Limits in words no phrasing was written for, with the field each must keep from reading
/// permissive (all of them where the limit narrows the whole grant).
const UNREAD_LIMITS: &[(&str, &[TermName])] = &[
    // Where the model may run (session 15's probe: each read nothing before).
    (
        "The weights may be used only on your own computer.",
        EVERY_FIELD,
    ),
    ("The model may only be run locally.", EVERY_FIELD),
    ("Use is limited to internal evaluation.", EVERY_FIELD),
    (
        "This model is licensed for evaluation purposes exclusively.",
        EVERY_FIELD,
    ),
    (
        "The weights may be used by academic institutions and nobody else.",
        EVERY_FIELD,
    ),
    (
        "Commercial exploitation of the Model requires a paid subscription.",
        &[TermName::CommercialUse],
    ),
    ("Use in production is forbidden.", EVERY_FIELD),
    (
        "Companies with more than 50 employees must purchase a license.",
        EVERY_FIELD,
    ),
    ("The Model is for internal use at Acme Corp.", EVERY_FIELD),
    ("Only individuals may use the Model.", EVERY_FIELD),
    (
        "Licensee must not deploy the Model in production.",
        EVERY_FIELD,
    ),
    ("You may not sell the Model or access to it.", EVERY_FIELD),
    (
        "Sharing the weights is not permitted.",
        &[TermName::Derivatives],
    ),
    (
        "Training other models on the outputs is forbidden.",
        &[TermName::OutputTraining],
    ),
    ("No commercial use.", &[TermName::CommercialUse]),
    (
        "This licence does not extend to commercial use.",
        &[TermName::CommercialUse],
    ),
    (
        "Commercial use is outside the scope of this licence.",
        &[TermName::CommercialUse],
    ),
    (
        "Commercial use is not covered by this license.",
        &[TermName::CommercialUse],
    ),
    (
        "All commercial rights are reserved by the Licensor.",
        &[TermName::CommercialUse],
    ),
    (
        "You agree to pay royalties for any commercial use.",
        &[TermName::CommercialUse],
    ),
    ("Use in production requires a paid plan.", EVERY_FIELD),
    (
        "For commercial use, please contact sales@example.com.",
        &[TermName::CommercialUse],
    ),
    ("This model is for personal use.", EVERY_FIELD),
    ("The weights may be used for evaluation.", EVERY_FIELD),
    (
        "Commercial use is subject to a separate license agreement.",
        &[TermName::CommercialUse],
    ),
    (
        "Commercial deployment is subject to payment of a license fee.",
        &[TermName::CommercialUse],
    ),
    (
        "You may use the Model for any purpose except commercial purposes.",
        &[TermName::CommercialUse],
    ),
    (
        "You may use, modify and share the Model for any purpose, excluding redistribution of the weights.",
        &[TermName::Derivatives],
    ),
    (
        "Nothing herein permits commercial use.",
        &[TermName::CommercialUse],
    ),
    // A second, narrower grant: serving others stays as the hosting rule reads the text (an
    // adopted non-commercial licence makes the model available to the public).
    (
        "Permission is granted for academic use.",
        &[TermName::CommercialUse, TermName::OutputTraining],
    ),
    (
        "The Model shall be used for non-profit purposes.",
        EVERY_FIELD,
    ),
    (
        "The weights are licensed to you for non-production use.",
        EVERY_FIELD,
    ),
    (
        "You may not charge for access to the Model.",
        &[TermName::CommercialUse],
    ),
    (
        "Business use requires a licence.",
        &[TermName::CommercialUse],
    ),
    (
        "This model may be used free of charge by individuals; organisations must license it.",
        &[TermName::CommercialUse],
    ),
    // Restrictions pointed to but not quoted: what they limit is unread.
    (
        "Additional restrictions apply; see https://example.com/restrictions.",
        EVERY_FIELD,
    ),
    (
        "See RESTRICTIONS.md for further restrictions on use.",
        EVERY_FIELD,
    ),
    (
        "This licence is subject to the Additional Terms available at https://example.com/terms.",
        EVERY_FIELD,
    ),
];

#[test]
fn a_limit_in_words_no_rule_knows_leaves_what_it_limits_unread() {
    limits_added_at_end(UNREAD_LIMITS);
}

/// Adds each limit at the end of every text read with a permissive field ([`added_at_end`]).
fn limits_added_at_end(limits: &[(&str, &[TermName])]) {
    limits_added_at_end_of_every(1, limits);
}

/// Each limit added at the end of every `step`-th text read with a permissive field (see
/// [`added_at_end_of_every`]).
fn limits_added_at_end_of_every(step: usize, limits: &[(&str, &[TermName])]) {
    let passages = limits
        .iter()
        .map(|(limit, fields)| (format!("{limit:?}"), limit.to_string(), *fields, ()));
    added_at_end_of_every(step, passages, |_, _, _| None);
}

/// Commercial use alone.
const C: &[TermName] = &[TermName::CommercialUse];
/// Sharing of the model and its derivatives alone.
const D: &[TermName] = &[TermName::Derivatives];
/// Serving the model to others alone.
const H: &[TermName] = &[TermName::Hosting];
/// Training other models on outputs alone.
const O: &[TermName] = &[TermName::OutputTraining];

/// Limits found by session 16's probe: each sentence, added to every real text read with a
/// permissive field, left a field it limits permissive before (in 59 to 209 of them). They
/// name who may use the model, where it may run, what a use costs or needs, and deny in
/// other words than the rules knew ("Don't", "Never", "off-limits", "a breach").
const PROBED_LIMITS: &[(&str, &[TermName])] = &[
    (
        "This model is available to students and teachers.",
        EVERY_FIELD,
    ),
    (
        "The Model is licensed to natural persons acting in a personal capacity.",
        EVERY_FIELD,
    ),
    ("Licensees must be accredited universities.", EVERY_FIELD),
    (
        "Eligible users are individuals and organisations with fewer than 50 employees.",
        EVERY_FIELD,
    ),
    (
        "The model may be used by non-profit organisations.",
        EVERY_FIELD,
    ),
    ("Intended for hobbyists.", EVERY_FIELD),
    ("This model is meant for personal projects.", EVERY_FIELD),
    (
        "The model is licensed for use by Acme Corp employees.",
        EVERY_FIELD,
    ),
    ("The weights must stay on devices you own.", EVERY_FIELD),
    ("Keep the weights confidential.", D),
    ("Companies must contact us before using the model.", C),
    ("Enterprises must obtain a license from the Licensor.", C),
    ("Commercial licensing is available on request.", C),
    (
        "Commercial use is allowed for companies with fewer than 10 employees.",
        C,
    ),
    ("Companies above $5M ARR require an enterprise license.", C),
    (
        "Startups may use the model commercially; larger firms may not.",
        C,
    ),
    ("Commercial applications are not covered.", C),
    (
        "The model can be used in production only under a commercial licence.",
        C,
    ),
    (
        "Deployments serving more than 10,000 requests per day need a separate licence.",
        C,
    ),
    ("Commercial use? No.", C),
    ("Commercial use: not granted.", C),
    (
        "You are not granted any right to use the model commercially.",
        C,
    ),
    ("We do not license the Model for commercial use.", C),
    ("The Licensor does not authorise commercial use.", C),
    ("Using the model to make money is not OK.", C),
    ("You must not earn money with the model.", C),
    ("Don't use it commercially.", C),
    (
        "Any commercial use constitutes a breach of this licence.",
        C,
    ),
    (
        "Commercial use will result in termination of this licence.",
        C,
    ),
    ("Commercial use is excluded.", C),
    ("A license fee applies to commercial deployments.", C),
    ("Commercial use is subject to our pricing.", C),
    ("This is a research licence.", C),
    ("Research License", C),
    ("You have no right to redistribute the Model.", D),
    ("Distribution of the weights is disallowed.", D),
    ("Never redistribute the weights.", D),
    ("You agree not to redistribute the Model.", D),
    (
        "Sharing the model weights is a violation of this licence.",
        D,
    ),
    ("Derivatives are to be kept private.", D),
    ("Fine-tuned versions must not be made public.", D),
    ("The Model is confidential information of the Licensor.", D),
    ("You may not sublicense the Model.", D),
    ("Copies of the weights may not be given to anyone else.", D),
    ("You may not transfer the Model to any third party.", D),
    ("Mirrors of this repository are prohibited.", D),
    (
        "You must not put the weights on Hugging Face or any other site.",
        D,
    ),
    ("No right is given to host the Model.", H),
    (
        "The licensor does not permit hosting the model as a service.",
        H,
    ),
    ("Hosting the model for third parties is off-limits.", H),
    (
        "Running the Model on third-party cloud infrastructure requires our written consent.",
        H,
    ),
    (
        "You shall not make the Model accessible to others over a network.",
        H,
    ),
    ("The model must not be exposed as a public endpoint.", H),
    ("Serving the model to end users is outside this licence.", H),
    ("You may not operate the Model on behalf of others.", H),
    ("You may not rent, lease or lend the Model.", H),
    (
        "Offering the model as a hosted API requires a commercial agreement.",
        H,
    ),
    (
        "Using generated content to build a rival model is prohibited.",
        O,
    ),
    ("You may not use the model's responses as a dataset.", O),
    (
        "Generated outputs must not be used for machine learning.",
        O,
    ),
    // In Chinese, read on every text (the rules read the same limits in both languages).
    ("如需商用，请联系我们。", C),
    ("企业用户需购买商业许可。", C),
    ("商业用途须另行签署协议。", C),
    ("严禁商用。", C),
    ("禁止商用。", C),
    ("本许可不包括商业使用。", C),
    ("本模型仅面向高校和科研机构开放。", EVERY_FIELD),
    ("未经书面同意，不得转让或再许可。", D),
    ("不得以任何形式公开发布微调后的模型。", D),
    ("禁止分发。", D),
    ("禁止向第三方提供模型服务。", H),
    ("不得将模型部署为在线服务。", H),
    ("不得提供API服务。", H),
    ("模型输出不得用于开发竞争模型。", O),
    ("禁止使用模型生成的数据训练其他大模型。", O),
    // Session 18's probe: 25 more limits in new words, 20 read already; these five left a field
    // permissive on 52 to 131 of the texts sampled.
    ("These weights may not be passed on to others.", D),
    (
        "The checkpoint is for your own use and may not be handed to third parties.",
        D,
    ),
    (
        "Running the model for third parties requires a separate agreement.",
        H,
    ),
    ("Only approved partners may use the Model.", EVERY_FIELD),
    (
        "Use of the model requires prior registration and approval by the Licensor.",
        EVERY_FIELD,
    ),
    // Session 19's probe: 32 more limits in new words, 26 read already; these six left a field
    // permissive on 52 to 131 of the texts sampled.
    ("Not for use in any product offered for a fee.", C),
    ("You may not make the model available for download.", D),
    ("Do not distil this model into another model.", O),
    (
        "This licence is valid for a 30-day evaluation period only.",
        EVERY_FIELD,
    ),
    (
        "Use beyond the evaluation period requires a purchased licence.",
        C,
    ),
    ("Access is granted on a case-by-case basis.", EVERY_FIELD),
    // Session 19's probe in Chinese: 13 limits, 9 read already; these four left a field
    // permissive on every text sampled.
    ("企业用户使用本模型须与我方签订商业授权协议。", C),
    (
        "将本模型用于盈利性产品前，请发送邮件至 license@example.com 申请授权。",
        C,
    ),
    ("您不得将本模型或其修改版本提供给任何第三方。", D),
    ("本模型只对签署了合作协议的机构开放。", EVERY_FIELD),
    // A fourth batch (session 19): 14 limits on serving, sharing, outputs and commercial use, 12
    // read already.
    (
        "You may not reverse engineer or replicate the Model through its outputs.",
        O,
    ),
    ("Professional use requires a Pro licence.", C),
    // A fifth batch (session 20): 58 limits, 49 read already; these nine left a field permissive:
    // the time a licence lasts, who may get the weights, "out of scope", "disclose", what outputs
    // may be used for, and a Chinese vetting.
    (
        "This release is intended solely for academic and non-profit institutions.",
        EVERY_FIELD,
    ),
    ("Paid use cases are out of scope of this license.", C),
    ("You will not disclose the weights to any person.", D),
    ("Outputs may only be used to improve this Model.", O),
    ("This licence expires on 31 December 2027.", EVERY_FIELD),
    (
        "The Licensor may revoke this licence at any time without notice.",
        EVERY_FIELD,
    ),
    (
        "Only approved applicants may download the weights.",
        EVERY_FIELD,
    ),
    ("本许可有效期为一年，期满后须重新申请。", EVERY_FIELD),
    ("本模型仅授权给经审核通过的用户使用。", EVERY_FIELD),
    // Session 20's probe 6 (written blind): 55 limits, 49 read already; these six left a field
    // permissive: serving run for others or given as inference access, outputs named
    // "responses" with the ban after them, a licence that ends a period after its start, and
    // Chinese grants given only to some.
    (
        "Licensee shall not operate the Licensed Materials on behalf of, or for access by, any third party.",
        H,
    ),
    (
        "Providing inference access to the Model to external users requires a separate hosting agreement.",
        H,
    ),
    (
        "Using the Model's responses to improve any model other than the Model itself is prohibited.",
        O,
    ),
    (
        "This Licence terminates automatically twelve (12) months after the Effective Date.",
        EVERY_FIELD,
    ),
    (
        "本许可仅授予在校师生及科研机构人员。",
        &[TermName::CommercialUse, TermName::Hosting],
    ),
    (
        "仅限个人用户非商业使用，企业用户须另行申请授权。",
        &[TermName::CommercialUse, TermName::Hosting],
    ),
    // Session 21's probe 7 (written blind): 55 limits, 48 read already; these seven left a field
    // permissive: licences in the plural that expire a period after the Effective Date, a scope
    // closed by "and no other purpose", a ban on use in a product that is sold beside a ban on
    // serving, a Chinese term counted from acceptance, "无权" (no right), a Chinese grant that
    // "仅适用于" some, and a use "不在本许可范围之内".
    (
        "This Agreement and the licences granted hereunder shall automatically expire twelve (12) months after the Effective Date unless renewed in writing by Licensor.",
        EVERY_FIELD,
    ),
    (
        "Permitted Purpose. Evaluation, testing and internal benchmarking of the Model, and no other purpose.",
        C,
    ),
    (
        "Notwithstanding Section 3.1, Licensee may not use the Model to provide services to customers, to process customer data, or in any product that is sold or licensed to others.",
        C,
    ),
    (
        "本协议有效期为自您接受之日起一年，期满后本协议项下授予的全部权利自动终止。",
        EVERY_FIELD,
    ),
    (
        "除本协议明确允许的情形外，您无权再分发本模型，亦无权再分发经修改的本模型。",
        D,
    ),
    (
        "本协议项下的授权仅适用于个人开发者，任何企业、机构均无权依据本协议使用本模型。",
        EVERY_FIELD,
    ),
    ("尽管有前述规定，商业用途不在本许可范围之内。", C),
    // Session 22's probe 8 (written blind): 55 limits, 47 read already; these eight left a field
    // permissive: a grant conditional on the licensee not doing something (in English and in
    // Chinese, "以……不……为前提条件"), a use "for any lawful purpose other than" training, a
    // denial by construction ("Nothing ... shall be construed as permitting"), a bare verdict under
    // a run-in heading, an exception that takes sharing back ("except that no modified version
    // ... may be distributed"), and two bans on training with outputs beside a text that permits
    // it (an item of a list headed "The following is prohibited:", a Chinese use "视为违反本协议").
    (
        "The licence granted in Section 2 is conditional upon Licensee not deploying the Model, or any product incorporating it, for monetary consideration or other commercial advantage.",
        C,
    ),
    (
        "Licensee may use Outputs for any lawful purpose other than developing, training or improving any large language model that is not a Model Derivative.",
        O,
    ),
    (
        "Nothing in this Agreement shall be construed as permitting Licensee to use the Model in connection with any revenue-generating activity.",
        C,
    ),
    (
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
        C,
    ),
    (
        "Licensee may distribute the Model in unmodified form, except that no modified version or Derivative Work of the Model may be distributed.",
        D,
    ),
    (
        "The following is prohibited: (a) reverse engineering the Model; (b) using synthetic data generated by the Model to pre-train or fine-tune any other AI model.",
        O,
    ),
    (
        "使用本模型的输出蒸馏或训练与本模型相竞争的模型的，视为违反本协议。",
        O,
    ),
    (
        "本协议项下的授权以被许可方不将本模型用于商业目的为前提条件。",
        C,
    ),
];

#[test]
fn a_limit_found_by_probing_leaves_what_it_limits_unread() {
    limits_added_at_end_of_every(4, PROBED_LIMITS);
}

/// A duty or a gate a reading can miss, and whether the reading has it.
type Duty = (&'static str, fn(&ExtractedTerms) -> bool);

/// Duties and gates found by session 16's probe in words the rules did not know: each, added to
/// every real text that reads without it, was still missed (in 205 to 350 texts each).
const PROBED_DUTIES: &[(&str, Duty)] = &[
    (
        "Use of the model is subject to the usage guidelines published on our website.",
        ("use_policy", use_policy_read),
    ),
    (
        "仅可在遵守《使用规范》的前提下使用本模型。",
        ("use_policy", use_policy_read),
    ),
    (
        "Any recipient of the Model must agree to these terms.",
        ("flow_down", flow_down_read),
    ),
    (
        "Your licence to third parties must include these use restrictions.",
        ("flow_down", flow_down_read),
    ),
    (
        "您向第三方分发本模型时，须要求其遵守本协议的限制。",
        ("flow_down", flow_down_read),
    ),
    (
        "Any fine-tuned model must have a name that begins with \"Acme-\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "Derivative models must be named starting with \"AcmeLM\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "Companies with annual revenue above $10 million need a commercial licence.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "Organisations earning over USD 5M a year must obtain a paid licence.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    // Session 18's probe: 19 duties in new words, 8 read already; these were missed on every
    // text (a request, "Please credit ...", and a duty to cite stay unread, as the keys read
    // them).
    (
        "You shall not use the model to create deepfakes of real people.",
        ("use_policy", use_policy_read),
    ),
    (
        "It is forbidden to use the weights for mass surveillance.",
        ("use_policy", use_policy_read),
    ),
    (
        "The Model may not be used to generate spam or malware.",
        ("use_policy", use_policy_read),
    ),
    (
        "Anyone you share the model with must accept these terms.",
        ("flow_down", flow_down_read),
    ),
    (
        "Recipients of derivatives are bound by this licence.",
        ("flow_down", flow_down_read),
    ),
    (
        "You shall pass these conditions on to every recipient.",
        ("flow_down", flow_down_read),
    ),
    (
        "使用者应确保下游用户同样遵守上述使用限制。",
        ("flow_down", flow_down_read),
    ),
    // A credit is read, or left for review as unclear where its words are not.
    (
        "Products built on the model must visibly mention AcmeLM.",
        ("attribution", credit_read),
    ),
    (
        "Your app must show the text \"Made with AcmeLM\" on its about page.",
        ("attribution", credit_read),
    ),
    (
        "使用本模型的产品须标注“基于AcmeLM开发”。",
        ("attribution", credit_read),
    ),
    // Session 19's probe: 28 duties in new words, 20 read already; these were missed on every
    // text.
    (
        "Products with more than 1,000,000 monthly users require a separate licence.",
        ("user_threshold", user_threshold_read),
    ),
    (
        "This free licence does not extend to entities whose yearly turnover exceeds USD 20 million.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "衍生模型的名称须以“Acme”开头。",
        ("naming_prefix", prefix_read),
    ),
    (
        "You must prefix the name of any derivative with \"AcmeLM-\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "Include the phrase \"Powered by AcmeLM\" in your user interface.",
        ("attribution", credit_read),
    ),
    (
        "The Model shall not be employed in any way that violates applicable law.",
        ("use_policy", use_policy_read),
    ),
    (
        "Downstream users must be informed of and comply with these restrictions.",
        ("flow_down", flow_down_read),
    ),
    (
        "Every copy you hand out must come with these same restrictions.",
        ("flow_down", flow_down_read),
    ),
    // The same in Chinese: 11 duties, 7 read already; these were missed on every text. A name
    // that must hold a word (not start with it) is left for review, in English too.
    (
        "Derivative models must include \"AcmeLM\" in their name.",
        ("naming", naming_read),
    ),
    (
        "您发布的衍生模型须在模型名称中包含“AcmeLM”字样。",
        ("naming", naming_read),
    ),
    (
        "您不得将本模型用于侵犯他人知识产权的活动。",
        ("use_policy", use_policy_read),
    ),
    (
        "不得利用本模型从事任何危害未成年人的行为。",
        ("use_policy", use_policy_read),
    ),
    (
        "您应在分发时告知接收方本协议中的全部限制，并要求其遵守。",
        ("flow_down", flow_down_read),
    ),
    // A fourth batch (session 19): 17 duties in English, 8 read already; flow-down was missed in
    // all four wordings tried.
    (
        "Attribution to Acme Labs is required in all derivative works.",
        ("attribution", credit_read),
    ),
    (
        "Your end-user licence agreement must prohibit the uses listed in Attachment A.",
        ("flow_down", flow_down_read),
    ),
    (
        "You must contractually bind your customers to these restrictions.",
        ("flow_down", flow_down_read),
    ),
    (
        "Redistributors must ensure that the same use limitations apply downstream.",
        ("flow_down", flow_down_read),
    ),
    (
        "Each recipient of a derivative must receive a copy of these use restrictions and agree to them.",
        ("flow_down", flow_down_read),
    ),
    (
        "The Model may not be used to produce sexual content involving minors.",
        ("use_policy", use_policy_read),
    ),
    (
        "Do not use the model for automated decisions about employment or credit.",
        ("use_policy", use_policy_read),
    ),
    (
        "You must comply with our Responsible AI Policy, which forms part of this licence.",
        ("use_policy", use_policy_read),
    ),
    (
        "If your product has over 10 million users per month you need our permission.",
        ("user_threshold", user_threshold_read),
    ),
    // A fifth batch (session 20): 46 duties and gates, 27 read already. Flow-down again
    // generalised worst: 8 of its 14 wordings were missed.
    (
        "Recipients of the Model or of a Derivative are subject to the same conditions.",
        ("flow_down", flow_down_read),
    ),
    (
        "When you share the Model, you must require the recipient to comply with this Agreement.",
        ("flow_down", flow_down_read),
    ),
    (
        "You must not distribute the Model to anyone who has not accepted this licence.",
        ("flow_down", flow_down_read),
    ),
    (
        "Any further distribution must be made under the terms of this licence.",
        ("flow_down", flow_down_read),
    ),
    (
        "The use restrictions shall survive any transfer of the Model.",
        ("flow_down", flow_down_read),
    ),
    (
        "Third parties receiving the weights from you shall be bound by these terms.",
        ("flow_down", flow_down_read),
    ),
    (
        "Licensee shall obligate its end users to observe the restrictions in Exhibit B.",
        ("flow_down", flow_down_read),
    ),
    (
        "再分发时，接收方应同样受本协议约束。",
        ("flow_down", flow_down_read),
    ),
    (
        "被许可人向他人提供本模型的，应以书面形式约定对方遵守本协议。",
        ("flow_down", flow_down_read),
    ),
    (
        "使用本模型须遵守附件一所列的禁止用途。",
        ("use_policy", use_policy_read),
    ),
    (
        "Any model you release that is based on the Model must carry \"Acme\" at the start of its name.",
        ("naming_prefix", prefix_read),
    ),
    (
        "Derived models shall be named with the prefix \"Acme\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "Fine-tuned models must reference AcmeLM in their model name.",
        ("naming", naming_read),
    ),
    (
        "Services used by over 100 million people each month must obtain our consent.",
        ("user_threshold", user_threshold_read),
    ),
    (
        "If your company's yearly turnover exceeds EUR 10 million, this licence does not apply.",
        ("revenue_threshold", revenue_level_read),
    ),
    (
        "Free use is limited to businesses with gross revenue under $1M in the last twelve months.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "年营业收入超过人民币一亿元的企业，须取得商业授权。",
        ("revenue_threshold", revenue_level_read),
    ),
    (
        "Any user interface presenting outputs of the Model must show the text \"Acme AI\".",
        ("attribution", credit_read),
    ),
    (
        "You must state prominently that your product uses AcmeLM.",
        ("attribution", credit_read),
    ),
    // Session 20's probe 6 (written blind): 45 duties and gates, 33 read already. These twelve
    // were missed: flow-down 5 of 12 (four in Chinese: recipients bound "不低于" the licence, the
    // restrictions written into their agreement, users bound by contract, users of derivatives),
    // a prefix in backticks or put "名称前", a level the use is free below, plural "revenues",
    // a duty to cite.
    (
        "Each sublicence granted by Licensee must contain the usage limitations set out herein.",
        ("flow_down", flow_down_read),
    ),
    (
        "被许可方应确保其下游用户受不低于本许可证的使用限制约束。",
        ("flow_down", flow_down_read),
    ),
    (
        "再分发时，必须将本协议第五条的限制性条款纳入与接收方签订的协议中。",
        ("flow_down", flow_down_read),
    ),
    (
        "您应当通过合同约束您的最终用户遵守本模型的可接受使用政策。",
        ("flow_down", flow_down_read),
    ),
    (
        "衍生模型的使用者同样须遵守本许可的全部使用限制 (derivative users are bound by the same restrictions).",
        ("flow_down", flow_down_read),
    ),
    (
        "- Derivative model names must start with `Nimbus`",
        ("naming_prefix", prefix_read),
    ),
    (
        "如发布基于本模型的衍生模型，须在模型名称前加上“Lumen”前缀。",
        ("naming_prefix", prefix_read),
    ),
    (
        "- Free for apps with fewer than 10M MAU; above that, contact us for a licence",
        ("user_threshold", user_threshold_read),
    ),
    (
        "- Free for companies under $5M annual revenue",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "This Licence is available only to organisations with less than USD 2 million in total annual revenues; others must contact the Licensor.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "Any publication of results obtained with the Model shall cite the technical report listed below.",
        ("attribution", credit_read),
    ),
    (
        "基于本模型发表的论文须引用我们的技术报告。",
        ("attribution", credit_read),
    ),
    // Session 21's probe 7 (written blind): 45 duties, 37 read already; these eight were missed:
    // recipients "bound by terms no less restrictive than", one end user who "agrees to" the
    // restrictions, a "usage policy" and a "Policy on Acceptable Use", a level in words then in
    // digits, a Chinese level after a space, a level in "U.S. dollars" (cut at "U.S."), and an
    // attribution notice kept with the copies named between.
    (
        "Any person to whom you provide the Model, its Derivatives or access thereto shall be bound by terms no less restrictive than Sections 4 and 5 of this Agreement.",
        ("flow_down", flow_down_read),
    ),
    (
        "(b) ensure that any end user of an application built on the Model agrees to the use restrictions in Section 5 before accessing it;",
        ("flow_down", flow_down_read),
    ),
    (
        "\"Usage Policy\" means the Licensor's usage policy as published from time to time. You shall use the Model only in accordance with the Usage Policy.",
        ("use_policy", use_policy_read),
    ),
    (
        "Acceptable Use. The Licensee shall comply with the Policy on Acceptable Use, the terms of which are incorporated herein.",
        ("use_policy", use_policy_read),
    ),
    (
        "Entities whose services exceed five million (5,000,000) daily active users must obtain a separate commercial licence before using the Model.",
        ("user_threshold", user_threshold_read),
    ),
    (
        "如您的产品月活跃用户数（MAU）超过 5000 万，本协议项下的商用授权不适用，须另行联系许可方。",
        ("user_threshold", user_threshold_read),
    ),
    (
        "\"Qualifying Organisation\" means an organisation with annual gross revenues of less than ten million U.S. dollars (USD 10,000,000). Only a Qualifying Organisation may use the Model commercially under this Licence.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "You must retain, in all copies of the Model you distribute, the attribution notice \"Contains model weights licensed by Licensor\" and display it to end users.",
        ("attribution", credit_read),
    ),
    // Session 22's probe 8 (written blind): 45 duties, 37 read already; these eight were missed:
    // recipients "to be notified" of the restrictions (told passively), restrictions "enforced" in
    // the licence a derivative is shared under, the restrictions made terms of the agreement of
    // redistribution (in Chinese), a name "commencing with", one to "begin with the word", its
    // "first word", a free grant that lasts "only for so long as" revenue does not exceed a level,
    // and a level after a label whose gate is "an enterprise agreement is required".
    (
        "Recipients are to be notified that the restrictions of Section 5 apply to them, and any onward distribution shall be made subject to those restrictions.",
        ("flow_down", flow_down_read),
    ),
    (
        "Provided always that the use-based restrictions herein shall be enforced by you in any licence governing your distribution of a Derivative.",
        ("flow_down", flow_down_read),
    ),
    (
        "被许可方再分发本模型时，须将本协议附件一中的使用限制作为再分发协议的条款。",
        ("flow_down", flow_down_read),
    ),
    (
        "Any Model Derivative that is made publicly available shall bear a name commencing with \"Falcon-\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "Naming. The name of each derived model shall begin with the word \"Skywork\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "Save that the first word of the name of any fine-tuned model distributed by you must be \"Orion\".",
        ("naming_prefix", prefix_read),
    ),
    (
        "This licence is available free of charge to Licensee only for so long as Licensee's total annual revenue does not exceed USD 10 million; thereafter a paid licence is required.",
        ("revenue_threshold", revenue_threshold_read),
    ),
    (
        "Annual revenue threshold: USD 20,000,000 (above which an enterprise agreement is required)",
        ("revenue_threshold", revenue_threshold_read),
    ),
];

/// Whether the use restrictions are read to flow down to recipients.
fn flow_down_read(x: &ExtractedTerms) -> bool {
    x.backed.terms.flow_down
}

/// Whether a use policy is read.
fn use_policy_read(x: &ExtractedTerms) -> bool {
    x.backed.terms.use_policy
}

/// Whether a name prefix for derived models is read.
fn prefix_read(x: &ExtractedTerms) -> bool {
    x.backed.terms.derivatives.naming_prefix.is_some()
}

/// Whether a duty on derived models' names is read, or left for review as unclear.
fn naming_read(x: &ExtractedTerms) -> bool {
    prefix_read(x) || x.unclear.iter().any(|u| u.term == TermName::Derivatives)
}

/// Whether a user threshold is read.
fn user_threshold_read(x: &ExtractedTerms) -> bool {
    x.backed.terms.user_threshold.is_some()
}

/// Whether a revenue threshold is read.
fn revenue_threshold_read(x: &ExtractedTerms) -> bool {
    x.backed.terms.revenue_threshold.is_some()
}

/// Whether a revenue level is read, or left for review as unclear (one in another currency than
/// US dollars).
fn revenue_level_read(x: &ExtractedTerms) -> bool {
    revenue_threshold_read(x)
        || x.unclear
            .iter()
            .any(|u| u.term == TermName::RevenueThreshold)
}

/// Whether a credit is read, or left for review as unclear.
fn credit_read(x: &ExtractedTerms) -> bool {
    x.backed.terms.attribution.is_some()
        || x.unclear.iter().any(|u| u.term == TermName::Attribution)
}

#[test]
fn a_duty_found_by_probing_is_read_on_every_text() {
    let texts: Vec<(PathBuf, String, ExtractedTerms)> = texts()
        .into_iter()
        .step_by(4)
        .map(|path| {
            let text = common::read(&path);
            let read = extract_terms(&text);
            (path, text, read)
        })
        .collect();
    let mut edits = 0;
    let mut missed = Vec::new();
    for (duty, (field, has)) in PROBED_DUTIES {
        for (path, text, _) in texts.iter().filter(|(_, _, read)| !has(read)) {
            edits += 1;
            let edited = format!("{text}\n\n{duty}\n");
            if !has(&extract_terms(&edited)) {
                missed.push(format!("{}: {field} missed in {duty:?}", path.display()));
            }
        }
    }
    none_left_permissive(edits, &missed);
}

/// Lists naming a model, a dataset and a licence: a "License:" item under a dataset's is the
/// dataset's terms only where the list names no model (round 24's SageMaker sample); with a model
/// named above or below it, whose licence it gives is unclear, and it limits what it names.
const LISTS_NAMING_A_MODEL: &[(&str, &[TermName])] = &[
    (
        "- **Model**: AcmeNet-7B\n- **Training dataset**: CIFAR-10\n- **License**: Available for research purposes",
        C,
    ),
    (
        "- Dataset: CIFAR-10\n- License: internal evaluation only\n- Model: AcmeNet-7B",
        C,
    ),
    (
        "* **Base model**: AcmeLM\n* **Dataset**: OpenWebText\n* **License**: free for academic use",
        C,
    ),
];

#[test]
fn a_licence_item_of_a_list_naming_a_model_limits_the_model() {
    limits_added_at_end_of_every(4, LISTS_NAMING_A_MODEL);
}

/// Items of a list of barred acts that bar sharing whatever its end, though they name a
/// commercial one: an item that bars only commercial sharing ("Redistribute the models ... for
/// commercial advantage", round 26) bars no other, but these do.
const SHARING_BARRED_WHATEVER_ITS_END: &[(&str, &[TermName])] = &[
    (
        "You MAY NOT:\n- Redistribute the Model, whether or not for commercial advantage.",
        D,
    ),
    (
        "You MAY NOT:\n- Redistribute the Model for commercial advantage or otherwise.",
        D,
    ),
    (
        "You MAY NOT:\n- Sell the Model for profit, or share it with anyone.",
        D,
    ),
];

#[test]
fn a_sharing_ban_naming_a_commercial_end_among_others_bars_sharing() {
    limits_added_at_end_of_every(4, SHARING_BARRED_WHATEVER_ITS_END);
}

/// Limits said to hold in every country or region (session 21): the place words that mark a
/// territory clause name no place here, and the limit is read.
const EVERYWHERE_LIMITS: &[(&str, &[TermName])] = &[
    (
        "In all countries, you may not use the Model commercially.",
        C,
    ),
    ("You may not use the Model commercially in any country.", C),
    ("You may not use the Model commercially in any region.", C),
    (
        "Redistribution of the Model is not permitted in any jurisdiction.",
        D,
    ),
];

#[test]
fn a_limit_said_to_hold_everywhere_is_read() {
    limits_added_at_end_of_every(4, EVERYWHERE_LIMITS);
}

/// Limits that bar two things in one sentence, where a rule may read one of them: a ban on
/// harmful uses, a gate or a limit on one term joined to a limit on another. Each with the fields
/// it must keep from reading permissive.
const JOINED_LIMITS: &[(&str, &[TermName])] = &[
    // A grant and a limit that "U.S." no longer cuts apart (session 21's probe 7 keeps "U.S."
    // before a lower-case word inside its sentence): the limit is still read for each term.
    (
        "You may use the Model in the U.S. and in Canada, but you may not use it commercially, offer it as a hosted service, redistribute it or use its outputs to train other models.",
        EVERY_FIELD,
    ),
    // The same beside a territory clause (left open by session 21's probe 7, closed once a place
    // word excuses only its own clause).
    (
        "You may use the Model in the U.S. and its territories, but you may not use it commercially, offer it as a hosted service, redistribute it or use its outputs to train other models.",
        EVERY_FIELD,
    ),
    (
        "You may not offer the Model as a hosted service or use it commercially.",
        &[TermName::CommercialUse, TermName::Hosting],
    ),
    (
        "You may not use the Model commercially or offer it as a hosted service.",
        &[TermName::CommercialUse, TermName::Hosting],
    ),
    (
        "You may not use the Model for military purposes or use it commercially.",
        &[TermName::CommercialUse],
    ),
    (
        "You shall not use the Model to harm minors or in any commercial product.",
        &[TermName::CommercialUse],
    ),
    (
        "You may not use the Model for military purposes or redistribute it.",
        &[TermName::Derivatives],
    ),
    (
        "You may not use outputs to train other models or redistribute the Model.",
        &[TermName::OutputTraining, TermName::Derivatives],
    ),
    (
        "You may not use outputs to train other models or use the Model commercially.",
        &[TermName::OutputTraining, TermName::CommercialUse],
    ),
    (
        "You may not redistribute the Model or host it as a service.",
        &[TermName::Derivatives, TermName::Hosting],
    ),
    (
        "If your annual revenue exceeds $1 million or you redistribute the Model, you must obtain a separate licence from us.",
        &[TermName::Derivatives],
    ),
    (
        "If you have more than 100 million monthly active users or host the Model as a service, you must request a license from us.",
        &[TermName::Hosting],
    ),
];

#[test]
fn a_limit_joined_to_another_is_read_for_each_term_it_bars() {
    limits_added_at_end(JOINED_LIMITS);
}

/// Limits whose words stand on either side of a clause a benign word excuses: the bar before it,
/// what it bars after (session 21's hostile edits left the first one permissive; session 23).
const SPLIT_LIMITS: &[(&str, &[TermName])] = &[
    (
        "You shall not, subject to Section 4, distribute the Model or any Derivative.",
        D,
    ),
    (
        "Licensee shall not, notwithstanding the warranty disclaimer, offer the Model as a hosted service.",
        H,
    ),
    (
        "You may not, in accordance with applicable law, use the Model for commercial purposes.",
        C,
    ),
    ("您不得，根据适用法律，将本模型用于商业用途。", C),
];

#[test]
fn a_limit_split_by_an_excused_clause_is_read_across_it() {
    limits_added_at_end(SPLIT_LIMITS);
}

/// Session 23: a limit to the only ones the model is kept for, added to a text that frees its
/// outputs in so many words (round 17's ai2pixelart: outputs "carry no noncommercial
/// restriction"), leaves no one else free to train with outputs of a model they may not run.
#[test]
fn a_limit_to_whom_the_model_is_for_bears_on_outputs_a_text_frees() {
    let path = common::fixture("unseen17/ai2pixelart-weights-cc-by-nc/LICENSE.txt");
    let text = common::read(&path);
    let unedited = extract_terms(&text).backed.terms.output_training;
    assert_eq!(unedited, OutputTraining::Unrestricted, "{}", path.display());
    let limit = "This release is intended solely for academic and non-profit institutions.";
    let read = extract_terms(&format!("{text}\n\n{limit}\n"));
    let terms = &read.backed.terms;
    assert_eq!(terms.output_training, OutputTraining::Unknown);
    assert_ne!(terms.derivatives.redistribution, Redistribution::Allowed);
}

/// Flat bans on commercial use, with no way through: beside a gate or an approval read as
/// conditional commercial use, they leave it neither conditional nor allowed.
const COMMERCIAL_BANS: &[&str] = &[
    "Commercial use is prohibited.",
    "You may not use the Model for commercial purposes.",
    "The Model is licensed for research purposes only.",
];

#[test]
fn a_flat_commercial_ban_beside_a_gate_leaves_commercial_use_unread() {
    let gated: Vec<(PathBuf, String)> = texts()
        .into_iter()
        .map(|path| {
            let text = common::read(&path);
            (path, text)
        })
        .filter(|(_, text)| {
            extract_terms(text).backed.terms.commercial_use == CommercialUse::Conditional
        })
        .collect();
    let mut edits = 0;
    let mut still = Vec::new();
    for (path, text) in &gated {
        for ban in COMMERCIAL_BANS {
            edits += 1;
            let read = extract_terms(&format!("{text}\n\n{ban}\n"));
            let commercial = read.backed.terms.commercial_use;
            if matches!(
                commercial,
                CommercialUse::Conditional | CommercialUse::Allowed
            ) {
                still.push(format!("{}: {commercial:?} with {ban:?}", path.display()));
            }
        }
    }
    none_left_permissive(edits, &still);
}

/// Restrictions written so that a search for their words misses them, each with the field it
/// must keep from reading permissive.
const DISGUISED: &[(&str, &[TermName])] = &[
    (
        "You may not use, copy, modify, or distribute the Model.",
        EVERY_FIELD,
    ),
    (
        "You may not use the Model for commercial purposes.",
        &[TermName::CommercialUse],
    ),
    ("Use in production is forbidden.", EVERY_FIELD),
    (
        "Training other models on the outputs is forbidden.",
        &[TermName::OutputTraining],
    ),
];

/// A way of writing a sentence so that a search for its words misses it.
type Disguise = fn(&str) -> String;

/// The ways of disguising a sentence: a Cyrillic letter drawn like a Latin one, a zero-width
/// space between letters, fullwidth and mathematical bold letters, a soft hyphen; or hiding it
/// from the rendered page (an HTML comment, a hidden element, a folded `<details>`). Each with
/// whether the disguise can only be there to hide a word (and must be quoted as one).
const DISGUISES: &[(&str, Disguise, bool)] = &[
    ("look-alike letters", look_alike, true),
    (
        "zero-width spaces",
        |w| between_letters(w, '\u{200b}'),
        true,
    ),
    ("fullwidth forms", fullwidth, false),
    (
        "mathematical bold letters",
        |w| shifted(w, 0x1D400, 0x1D41A),
        false,
    ),
    ("soft hyphens", |w| between_letters(w, '\u{00ad}'), false),
    ("an HTML comment", |w| format!("<!-- {w} -->"), false),
    (
        "a hidden element",
        |w| format!("<div style=\"display: none\">{w}</div>"),
        false,
    ),
    (
        "a folded details element",
        |w| format!("<details><summary>Terms</summary>{w}</details>"),
        false,
    ),
    ("letters spaced apart", spaced_apart, true),
    ("words hyphenated at line ends", hyphenated, false),
];

/// Each word of `sentence` with its first letter that has a Cyrillic look-alike replaced by it.
fn look_alike(sentence: &str) -> String {
    const CYRILLIC: &[(char, char)] = &[
        ('o', 'о'),
        ('e', 'е'),
        ('a', 'а'),
        ('c', 'с'),
        ('p', 'р'),
        ('i', 'і'),
        ('y', 'у'),
    ];
    let words = sentence.split(' ').map(|word| {
        match CYRILLIC.iter().find(|(latin, _)| word.contains(*latin)) {
            Some((latin, cyrillic)) => word.replacen(*latin, &cyrillic.to_string(), 1),
            None => word.to_string(),
        }
    });
    words.collect::<Vec<_>>().join(" ")
}

/// Each word of four letters or more with `mark` after its second letter.
fn between_letters(sentence: &str, mark: char) -> String {
    let words = sentence.split(' ').map(|word| {
        let letters: Vec<char> = word.chars().collect();
        if letters.len() < 4 || !letters[..3].iter().all(|c| c.is_alphabetic()) {
            return word.to_string();
        }
        letters[..2]
            .iter()
            .chain(std::iter::once(&mark))
            .chain(&letters[2..])
            .collect()
    });
    words.collect::<Vec<_>>().join(" ")
}

/// Each letter of `sentence` set apart by a space, and each word by three ("U s e   i n").
fn spaced_apart(sentence: &str) -> String {
    let words = sentence.split(' ').map(|word| {
        let letters: Vec<String> = word.chars().map(String::from).collect();
        letters.join(" ")
    });
    words.collect::<Vec<_>>().join("   ")
}

/// Each word of six letters or more broken after its third letter with a hyphen and a line
/// break, as a typeset or PDF copy breaks it ("com-" / "mercial").
fn hyphenated(sentence: &str) -> String {
    let words = sentence.split(' ').map(|word| {
        let letters: Vec<char> = word.chars().collect();
        if letters.len() < 6 || !letters[..4].iter().all(|c| c.is_ascii_lowercase()) {
            return word.to_string();
        }
        let (head, tail) = letters.split_at(3);
        format!(
            "{}-\n{}",
            head.iter().collect::<String>(),
            tail.iter().collect::<String>()
        )
    });
    words.collect::<Vec<_>>().join(" ")
}

/// Every printable ASCII character in its fullwidth form, spaces as ideographic spaces.
fn fullwidth(sentence: &str) -> String {
    sentence
        .chars()
        .map(|c| match c {
            ' ' => '\u{3000}',
            '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Every ASCII letter moved to a block of other letters (`upper` for `A`, `lower` for `a`).
fn shifted(sentence: &str, upper: u32, lower: u32) -> String {
    sentence
        .chars()
        .map(|c| {
            let moved = if c.is_ascii_uppercase() {
                char::from_u32(upper + u32::from(c) - u32::from('A'))
            } else if c.is_ascii_lowercase() {
                char::from_u32(lower + u32::from(c) - u32::from('a'))
            } else {
                Some(c)
            };
            moved.unwrap_or(c)
        })
        .collect()
}

#[test]
fn a_restriction_disguised_or_hidden_leaves_no_field_permissive() {
    let passages = DISGUISED.iter().flat_map(|(restriction, fields)| {
        DISGUISES.iter().map(move |(how, disguise, hides)| {
            let disguised = disguise(restriction);
            assert_ne!(&disguised, restriction, "{how} changed nothing");
            (
                format!("{how} in {restriction:?}"),
                disguised,
                *fields,
                *hides,
            )
        })
    });
    // A disguise that can only hide a word is quoted as one; no other is.
    added_at_end(passages, |read, disguised, hides| {
        let quoted = read.unclear.iter().any(|u| {
            u.reason.contains("disguised") && u.evidence.iter().any(|e| e.text.contains(disguised))
        });
        (quoted != *hides).then(|| format!("(quoted: {quoted})"))
    });
}

/// Restrictions set out as a publisher's formatting does: list items under a barring label,
/// a table row, a mark, a label of permitted uses; each with the fields it must keep from reading
/// permissive. Items on consecutive lines are clauses of their own, as items on lines apart are.
const FORMATTED: &[(&str, &[TermName])] = &[
    (
        "You may not:\n\n- use the Model commercially\n\n- offer the Model as a service\n\n- share the weights",
        &[
            TermName::CommercialUse,
            TermName::Hosting,
            TermName::Derivatives,
        ],
    ),
    (
        "You may not:\n- use the Model commercially\n- offer the Model as a service\n- share the weights",
        &[
            TermName::CommercialUse,
            TermName::Hosting,
            TermName::Derivatives,
        ],
    ),
    (
        "Prohibited uses:\n\n- Commercial use.\n- Hosting the model as a service.",
        &[TermName::CommercialUse, TermName::Hosting],
    ),
    (
        "Restrictions:\n* no commercial use\n* no redistribution",
        &[TermName::CommercialUse, TermName::Derivatives],
    ),
    (
        "| Use | Permitted |\n|---|---|\n| Commercial use | No |\n| Research | Yes |",
        &[TermName::CommercialUse],
    ),
    (
        "<table>\n<tr><th>Use</th><th>Permitted</th></tr>\n<tr><td>Commercial use</td><td>No</td></tr>\n</table>",
        &[TermName::CommercialUse],
    ),
    ("| Hosting as a service | ✗ |", &[TermName::Hosting]),
    ("Commercial use ❌", &[TermName::CommercialUse]),
    (
        "Permitted uses: research and education.",
        &[TermName::CommercialUse],
    ),
];

#[test]
fn a_restriction_in_a_list_table_or_label_leaves_no_field_permissive() {
    let passages = FORMATTED.iter().map(|(restriction, fields)| {
        (
            format!("{restriction:?}"),
            restriction.to_string(),
            *fields,
            (),
        )
    });
    added_at_end(passages, |_, _, _| None);
}

/// Uses confined to named regions (session 16's probe left them read as no exclusion, with
/// nothing quoted): the list of exclusions cannot say "everywhere but here", so the clause must
/// be quoted for review on every text.
const CONFINED_TO_REGIONS: &[&str] = &[
    "The Model may be used only in the United States.",
    "This model is available in the European Union only.",
    "Use of the Model is restricted to users located in Japan.",
    "The Model may not be used outside the United Kingdom.",
    "The weights are licensed solely to residents of Canada.",
    "本模型仅限中国境内使用。",
];

/// Sentences that name a region after a confining word without confining the use: a law, a
/// court, a purpose.
const NOT_CONFINED: &[&str] = &[
    "The Model may only be used in compliance with the laws of the United States.",
    "Any dispute shall be brought exclusively in the courts of California, United States.",
    "本模型只能在中华人民共和国法律允许的范围内使用。",
    "仅限于学术研究使用。",
];

/// Whether a reading quotes a clause confining the use to named regions.
fn quotes_confinement(extracted: &ExtractedTerms) -> bool {
    extracted
        .unclear
        .iter()
        .any(|u| u.term == TermName::TerritoryExclusions && u.reason.contains("confines the use"))
}

#[test]
fn a_use_confined_to_named_regions_is_quoted_for_review_on_every_text() {
    let texts: Vec<(PathBuf, String)> = texts()
        .into_iter()
        .step_by(4)
        .map(|path| {
            let text = common::read(&path);
            (path, text)
        })
        .collect();
    let mut edits = 0;
    let mut missed = Vec::new();
    for (path, text) in &texts {
        // No real text of the repository confines its use to regions.
        assert!(
            !quotes_confinement(&extract_terms(text)),
            "{}",
            path.display()
        );
        for sentence in CONFINED_TO_REGIONS {
            edits += 1;
            if !quotes_confinement(&extract_terms(&format!("{text}\n\n{sentence}\n"))) {
                missed.push(format!("{}: {sentence}", path.display()));
            }
        }
        for sentence in NOT_CONFINED {
            let edited = extract_terms(&format!("{text}\n\n{sentence}\n"));
            assert!(
                !quotes_confinement(&edited),
                "{}: {sentence}",
                path.display()
            );
        }
    }
    none_left_permissive(edits, &missed);
}

/// How a hostile publisher dresses a limit in words an exclusion of the backstop excuses (a
/// benign word, a harmful use, a clause a rule reads, a dataset's list, a table, a free tier, a
/// route): the mechanism it attacks, and the limit rewritten (its text without the closing full
/// stop, and that text with its first letter in lower case).
type Dress = (&'static str, fn(&str, &str) -> String);

/// Dresses for an English limit: each keeps the limit plain and adds words an exclusion looks
/// for, before it, after it or around it.
const DRESSES: &[Dress] = &[
    ("benign: in accordance with", |b, _| {
        format!("{b}, in accordance with Section 4.")
    }),
    ("benign: subject to", |_, l| {
        format!("Subject to this Agreement, {l}.")
    }),
    ("benign: country", |b, _| format!("{b}, in any country.")),
    ("benign: regions", |b, _| format!("{b}, in all regions.")),
    ("benign: jurisdiction", |b, _| {
        format!("{b}, in every jurisdiction.")
    }),
    ("benign: territory", |b, _| {
        format!("{b}, throughout the Territory.")
    }),
    ("benign: warranty", |_, l| {
        format!("Notwithstanding the warranty disclaimer, {l}.")
    }),
    ("benign: liability", |_, l| {
        format!("Without prejudice to the limitation of liability, {l}.")
    }),
    ("benign: applicable law", |b, _| {
        format!("{b}, as permitted by applicable law.")
    }),
    ("benign: lawful", |b, _| {
        format!("{b}, even where otherwise lawful.")
    }),
    ("benign: termination", |b, _| {
        format!("{b}, and this restriction survives termination.")
    }),
    ("benign: revocation", |b, _| {
        format!("{b}, and no revocation of this Agreement lifts this.")
    }),
    ("benign: means", |b, _| {
        format!("{b}, where \"Model\" means the weights released here.")
    }),
    ("benign: trademark", |b, _| {
        format!("{b}, as with the Licensor's trademarks.")
    }),
    ("benign: endorse", |b, _| {
        format!("{b}, whether or not the Licensor endorses it.")
    }),
    ("benign: in compliance with", |b, _| {
        format!("{b}, in compliance with this Agreement.")
    }),
    ("benign: including but not limited to", |b, _| {
        format!("{b}, including but not limited to modified versions.")
    }),
    ("benign: export control", |b, _| {
        format!("{b}, in addition to export controls.")
    }),
    ("benign: solely responsible", |b, _| {
        format!("{b}, and you are solely responsible for compliance.")
    }),
    ("benign: in violation of", |b, _| {
        format!("{b}, and acting in violation of this clause is at your own risk.")
    }),
    ("benign: construed", |b, _| {
        format!("{b}, and this shall be construed broadly.")
    }),
    ("benign: waiver", |b, _| {
        format!("{b}, and no waiver of this clause is implied.")
    }),
    ("benign: as is", |b, _| format!("{b}, as is customary.")),
    ("benign: conflict with", |b, _| {
        format!("{b}, whatever may conflict with it.")
    }),
    ("benign: applies only", |b, _| {
        format!("{b}, and this applies only to the released weights.")
    }),
    ("harm_use", |b, _| {
        format!("{b}, and so is any illegal use.")
    }),
    // Session 24 read personal data misused as a harmful use: no limit beside it is excused.
    ("harm_use: personal data", |b, _| {
        format!("{b}, and so is disclosing personal data without consent.")
    }),
    // Session 24 read a code fence as a paragraph break: a limit set in a code block, with or
    // without an info word, is still read.
    ("code fence", |b, _| format!("```\n{b}.\n```")),
    ("code fence: info word", |b, _| {
        format!("```text\n{b}.\n```")
    }),
    ("accounted_for: attribution", |_, l| {
        format!("You must give appropriate credit to the Licensor, and {l}.")
    }),
    ("accounted_for: licence copy", |_, l| {
        format!("You must include a copy of this Agreement with the Model, and {l}.")
    }),
    ("dataset_licence_item", |b, _| {
        format!("- **Dataset**: CIFAR-10\n- **License**: {b}.")
    }),
    ("table cell", |b, _| {
        format!("| Term | Value |\n|---|---|\n| Use | {b} |")
    }),
    ("free_tier", |_, l| format!("Free of charge, but {l}.")),
    ("commercial_route", |_, l| {
        format!("Unless otherwise agreed in writing, {l}.")
    }),
    ("no_further_terms", |b, _| {
        format!("{b}, with no further notice.")
    }),
];

/// Dresses for a Chinese limit (its text without the closing full stop, and the text whole).
const DRESSES_ZH: &[Dress] = &[
    ("benign: applicable law (zh)", |_, s| {
        format!("根据适用法律，{s}")
    }),
    ("benign: termination (zh)", |b, _| {
        format!("{b}，本条在协议终止后继续有效。")
    }),
    ("benign: means (zh)", |b, _| {
        format!("{b}（“模型”是指本仓库发布的权重）。")
    }),
    ("benign: trademark (zh)", |b, _| {
        format!("{b}，包括使用许可方商标的情形。")
    }),
    ("benign: jurisdiction (zh)", |b, _| {
        format!("{b}，适用于任何司法管辖区。")
    }),
    ("benign: warranty (zh)", |b, _| {
        format!("{b}，许可方对此不作任何保证。")
    }),
    ("harm_use (zh)", |b, _| format!("{b}，亦不得用于违法用途。")),
    ("free_tier (zh)", |_, s| format!("本模型免费提供，但{s}")),
    ("commercial_route (zh)", |_, s| {
        format!("除非另有书面约定，{s}")
    }),
];

/// Dresses left out for a limit: a pointer to terms not quoted ("See RESTRICTIONS.md for further
/// restrictions on use") joined to a harmful use in one sentence is read by the use-policy rule,
/// and a pointer in a sentence a rule read is taken as read (the pointers such rules read:
/// "subject to the Gemma Prohibited Use Policy at ...").
const LEFT_OUT: &[(&str, &str)] = &[
    (
        "harm_use",
        "This licence is subject to the Additional Terms available at https://example.com/terms.",
    ),
    (
        "harm_use",
        "See RESTRICTIONS.md for further restrictions on use.",
    ),
    // Session 22's probe 8: a bare verdict under a run-in heading is read with the heading; a
    // dress that puts words before the heading ("Subject to this Agreement, commercial Use."),
    // or puts it in a list item or a table cell, leaves no heading, and the verdict alone
    // ("Not permitted under this licence;") names nothing it bars.
    (
        "benign: subject to",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "benign: warranty",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "benign: liability",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "accounted_for: attribution",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "accounted_for: licence copy",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "dataset_licence_item",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "table cell",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "free_tier",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
    (
        "commercial_route",
        "Commercial Use. Not permitted under this licence; contact the Licensor for commercial terms.",
    ),
];

/// Every limit of [`UNREAD_LIMITS`] and [`PROBED_LIMITS`] in each dress for its language: the
/// mechanism attacked, the dressed limit, and the fields it must keep from reading permissive.
fn dressed_limits() -> Vec<(&'static str, String, &'static [TermName])> {
    let mut dressed = Vec::new();
    for (limit, fields) in UNREAD_LIMITS.iter().chain(PROBED_LIMITS) {
        let chinese = limit
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let (dresses, body) = if chinese {
            (DRESSES_ZH, limit.trim_end_matches('。'))
        } else {
            (DRESSES, limit.trim_end_matches('.'))
        };
        let lowered = if chinese {
            limit.to_string()
        } else {
            let mut chars = body.chars();
            let first = chars.next().unwrap_or_default();
            let second = chars.next().unwrap_or_default();
            // An acronym or a name keeps its capital ("Licensee", "Only" lose it).
            if second.is_uppercase() {
                body.to_string()
            } else {
                first.to_lowercase().chain(body.chars().skip(1)).collect()
            }
        };
        for (mechanism, dress) in dresses {
            if !LEFT_OUT.contains(&(*mechanism, *limit)) {
                dressed.push((*mechanism, dress(body, &lowered), *fields));
            }
        }
    }
    dressed
}

/// A mechanism attacked, the edits that left a field it limits permissive, and the edits tried.
type Tally = (&'static str, usize, usize);

/// Which texts each dressed limit is added to.
#[derive(Clone, Copy)]
enum Sample {
    /// Every `n`-th text read with a permissive field.
    EveryText(usize),
    /// `n` texts per dressed limit, taken in turn from those that read permissive a field it
    /// limits (so that no edit is tried where it could not fail): a test short enough for an
    /// unoptimised build, each text still in use.
    Rotating(usize),
}

/// The edits tried; per mechanism, how many dressed limits added at the end of the texts of
/// `sample` left a field they limit permissive ([`Tally`]); and each edit that did.
fn dressed_left_permissive(sample: Sample) -> (usize, Vec<Tally>, Vec<String>) {
    let dressed = dressed_limits();
    let texts: Vec<(PathBuf, String, Vec<TermName>)> = permissive_texts()
        .into_iter()
        .map(|(path, text)| {
            let fields = permissive(&extract_terms(&text).backed.terms);
            (path, text, fields)
        })
        .collect();
    let mut tally: Vec<Tally> = Vec::new();
    let mut still = Vec::new();
    let mut edits = 0;
    for (j, (mechanism, limit, fields)) in dressed.iter().enumerate() {
        let chosen: Vec<&(PathBuf, String, Vec<TermName>)> = match sample {
            Sample::EveryText(n) => texts.iter().step_by(n).collect(),
            Sample::Rotating(n) => {
                let fitting: Vec<_> = texts
                    .iter()
                    .filter(|(_, _, read)| read.iter().any(|f| fields.contains(f)))
                    .collect();
                assert!(!fitting.is_empty(), "no text reads {fields:?} permissive");
                (0..n)
                    .map(|k| fitting[(j * n + k) % fitting.len()])
                    .collect()
            }
        };
        let at = match tally.iter().position(|(m, _, _)| m == mechanism) {
            Some(at) => at,
            None => {
                tally.push((mechanism, 0, 0));
                tally.len() - 1
            }
        };
        for (path, text, _) in chosen {
            let edited = format!("{text}\n\n{limit}\n");
            edits += 1;
            let read = extract_terms(&edited);
            let left = permissive(&read.backed.terms)
                .into_iter()
                .any(|f| fields.contains(&f));
            tally[at].2 += 1;
            if left {
                tally[at].1 += 1;
                still.push(format!("{}: {mechanism}: {limit:?}", path.display()));
            }
        }
    }
    (edits, tally, still)
}

/// Session 21 (issue 10): the backstop's exclusions attacked. Each limit of [`UNREAD_LIMITS`] and
/// [`PROBED_LIMITS`] (128 English, 25 Chinese) in each dress of [`DRESSES`] or [`DRESSES_ZH`],
/// added at the end of every 4th text read with a permissive field (139 texts). Before the
/// clause-level exclusions, 299,240 of the 588,387 edits left a limited field permissive
/// (`fixtures/probes/session21-exclusions-blind.txt`): every benign word excused 100 to 104 of
/// the 122 English limits (10,239 to 10,495 edits each) and 22 of the 23 Chinese ones (2,173
/// each), a harmful use 76 (8,152 edits) and 21 Chinese (2,032), a clause the licence-copy rule
/// read 80 (8,801), a free tier 60 (1,698) and 12 Chinese (142), and any leading words the 10
/// limits read only at the head of a sentence (1,073 each for a credit, a table cell and a
/// route; 829 in a dataset's "License:" item); a "no further" 3 (371). After: none, but for
/// the 2 pointers of [`LEFT_OUT`] beside a harmful use (6 edits, left out). Session 22 added
/// probe 8's limits: all pass in every dress but for the bare verdict under a run-in heading in
/// the 9 dresses that leave no heading ([`LEFT_OUT`]; 836 edits before they were left out).
///
/// That measure (every 4th text, some 637,000 extractions) takes minutes in a release build and
/// most of an hour unoptimised: it is [`every_dressed_limit_on_every_fourth_text`], run by hand
/// (`cargo test --release --test denials -- --ignored every_dressed`). Here each dressed limit
/// is added to 3 texts that read a field it limits permissive, in turn.
#[test]
fn a_limit_dressed_in_words_an_exclusion_excuses_leaves_what_it_limits_unread() {
    dressed_none_left_permissive(Sample::Rotating(3));
}

/// The full measure of [`a_limit_dressed_in_words_an_exclusion_excuses_leaves_what_it_limits_unread`].
#[test]
#[ignore = "some 637,000 extractions: run in a release build"]
fn every_dressed_limit_on_every_fourth_text() {
    dressed_none_left_permissive(Sample::EveryText(4));
}

fn dressed_none_left_permissive(sample: Sample) {
    let (edits, tally, still) = dressed_left_permissive(sample);
    for (mechanism, left, tried) in &tally {
        eprintln!("{mechanism}: {left} of {tried} left permissive");
    }
    none_left_permissive(edits, &still);
}
