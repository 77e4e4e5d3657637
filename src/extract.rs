//! Clause extraction: the terms of any licence text, read from its clauses.
//!
//! Each term has a small, named rule over the tidied text ([`Plain`]); every match is mapped back
//! to a byte span of the original, and the whole sentence it stands in becomes the evidence. The
//! rules are written from the phrasings of real model licences (the catalogue's texts and others)
//! and fail closed: a clause that is there but cannot be read with certainty makes its term
//! `unknown`, or is listed in [`ExtractedTerms::unclear`], which the evaluation turns into a
//! review. Absence of a restriction reads as its absence only where the text grants rights at
//! all.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::terms::{
    AttributionCondition, BackedTerms, CommercialUse, Evidence, Hosting, LICENCE_DOCUMENT,
    OutputTraining, Redistribution, RevenueThreshold, TermEvidence, TermName, Terms,
    TerritoryBasis, TerritoryExclusion, TerritoryScope, UserThreshold,
};
use crate::text::Plain;

/// A clause that bears on a term but could not be read with certainty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclear {
    /// The term it bears on.
    pub term: TermName,
    /// Why it could not be read.
    pub reason: String,
    /// The clause.
    pub evidence: Vec<Evidence>,
}

/// Terms read from a text, with the clauses they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedTerms {
    /// The terms and their evidence (offsets into the text given, document `licence`).
    pub backed: BackedTerms,
    /// The terms that some clause set (the others are defaults: what the absence of a clause
    /// means, or `unknown` where the text grants nothing).
    pub found: BTreeSet<TermName>,
    /// Clauses that bear on a term but could not be read.
    pub unclear: Vec<Unclear>,
}

/// Reads the terms of a licence text from its clauses, without the catalogue.
///
/// ```
/// use model_licence::extract::extract_terms;
/// use model_licence::terms::{CommercialUse, UserThreshold};
///
/// let text = "Licensor grants you a worldwide licence to use, modify and distribute the Model. \
///             If the monthly active users of your products exceed 50 million monthly active users, \
///             you must request a license from Licensor.";
/// let extracted = extract_terms(text);
/// let terms = &extracted.backed.terms;
/// assert_eq!(terms.user_threshold, Some(UserThreshold::MonthlyActiveUsers(50_000_000)));
/// assert_eq!(terms.commercial_use, CommercialUse::Conditional);
/// ```
pub fn extract_terms(text: &str) -> ExtractedTerms {
    let plain = Plain::new(text);
    let all = split_sentences(&plain.text);
    let masks = keyword_masks(&plain.text.to_ascii_lowercase(), &all);
    let mut x = Extraction {
        text,
        plain: &plain,
        all,
        masks,
        definitions: Vec::new(),
        terms: Terms::unknown(),
        evidence: TermEvidence::new(),
        found: BTreeSet::new(),
        unclear: Vec::new(),
    };
    x.definitions = x.read_definitions();
    let granted = x.grant();
    x.language(granted);
    x.thresholds();
    x.registration();
    x.commercial_use(granted);
    x.territory();
    x.notice();
    x.attribution();
    x.use_policy();
    x.flow_down();
    x.licence_copy(granted);
    x.hosting(granted);
    x.derivatives(granted);
    x.output_training(granted);
    ExtractedTerms {
        backed: BackedTerms {
            terms: x.terms,
            evidence: x.evidence,
        },
        found: x.found,
        unclear: x.unclear,
    }
}

/// Whether a passage reads as licence terms: a clause rule fires on it, or it uses the
/// vocabulary of obligations and permissions. Text outside a known licence that does not is
/// description (a README around the licence); text that does may add terms.
pub fn reads_as_terms(passage: &str) -> bool {
    if NORMATIVE.is_match(passage) {
        return true;
    }
    let extracted = extract_terms(passage);
    !extracted.found.is_empty() || !extracted.unclear.is_empty()
}

fn rx(pattern: &str) -> Regex {
    // Patterns run on one sentence at a time, which holds no sentence end and no line break:
    // `[^.\n]` ("within the sentence") is any character there, full stops inside tokens
    // ("Llama 3.1", a URL) included.
    let pattern = pattern.replace(r"[^.\n]", ".");
    // ASCII word boundaries: Unicode ones make the regex engine give up its fast DFA on any
    // non-ASCII byte (a curly quote, a ©), and the words these patterns look for are ASCII.
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    // The patterns are literals of this module; a test compiles every one of them.
    Regex::new(&pattern).unwrap_or_else(|err| panic!("bad clause pattern {pattern}: {err}"))
}

/// A number written in words, up to the hundreds ("seven hundred", "fifty-five", "one"); a scale
/// word after it ("million") is read apart. Longer words come first so that "seventeen" is not
/// read as "seven".
macro_rules! number_words {
    () => {
        r"(?:(?:seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|three|seven|eight|four|five|nine|zero|one|two|six|ten)\b(?:[\s-]+(?:and[\s-]+)?(?:seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|three|seven|eight|four|five|nine|zero|one|two|six|ten)\b)*)"
    };
}

macro_rules! pattern {
    ($name:ident, $re:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| rx($re));
    };
}

pattern!(
    NORMATIVE,
    r"(?i)\b(?:shall|must|may not|must not|cannot|can not|prohibit\w*|forbid\w*|restrict\w*|not (?:permitted|allowed|authori[sz]ed)|permitted|required?|agree\w*|grant\w*|licen[cs]e[ds]? (?:to|under|from)|warrant\w*|liab\w*|terminat\w*|royalt\w*|exclud\w*|territory|users|revenue|commercial\w*|attribution|notice)\b"
);

// Numbers: "700 million", "100,000,000", "1M", "1.5 billion", "seven hundred million".
const AMOUNT: &str = concat!(
    r"(\d[\d,]*(?:\.\d+)?|",
    number_words!(),
    r")\s*(million|billion|thousand|mm|bn|m|b|k)?\b"
);
const MORE: &str = r"(?:greater than|more than|exceeds?|exceeding|exceeded|in excess of|over|above|at least|reach(?:es)?|surpass(?:es)?)";

pattern!(
    GRANT,
    r"(?i)\b(?:hereby grants?|is hereby granted|are hereby granted|grants? (?:to )?you|you are granted|licensor grants|we grant|permission is hereby granted|are permitted provided that|grant(?:s|ed)? (?:you )?(?:a|an) (?:[\w,-]+ ){0,10}(?:licen[cs]e|right))"
);
pattern!(
    USERS_AFTER,
    &format!(r"(?i)\b{MORE}\s+(?:the\s+)?{AMOUNT}\s*(?:of\s+)?(monthly|daily)\s+active\s+users")
);
pattern!(
    USERS_BEFORE,
    &format!(r"(?i)\b(monthly|daily)\s+active\s+users\b[^.\n]{{0,120}}?\b{MORE}\s+{AMOUNT}")
);
pattern!(
    USERS_ABBREV,
    &format!(r"(?i)\b{MORE}\s+{AMOUNT}\s*(MAU|DAU)\b")
);
pattern!(
    USERS_PER_MONTH,
    &format!(
        r"(?i)\b(?:users|visits|visitors)\b[^.\n]{{0,60}}?\b(?:{MORE}|not exceed|does not exceed|must not exceed)\s+{AMOUNT}\s*(?:(?:service )?(?:visits|users|visitors)\s+)?(?:per|a|each) (month|day)\b"
    )
);
pattern!(
    USERS_BELOW,
    &format!(
        r"(?i)\b(monthly|daily|MAU|DAU)(?: active users?(?: count)?)?\b(?:\s*\([^)]*\))?\s+(?:of\s+)?(?:less than|fewer than|under|below|not exceeding|no more than|up to)\s+{AMOUNT}"
    )
);
pattern!(
    PERMISSION,
    r"(?i)\b(?:you may|you can|are permitted|is permitted|are free to|allowed to|right to|licen[cs]e to)\b"
);
pattern!(
    NEGATED,
    r"(?i)\b(?:will not|shall not|must not|may not|cannot|can not|not allowed|not permitted|prohibited)\b"
);
pattern!(
    USERS_ANY,
    r"(?i)\b(?:monthly|daily) active users\b|\b(?:MAU|DAU)\b|\b(?:users|visits)\b[^.\n]{0,40}\b(?:per|a|each) (?:month|day)\b"
);
pattern!(
    MONEY,
    concat!(
        r"(?i)(?:\b(?:US|USD|U\.S\.)\s*)?\$\s*(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|mm|bn|m|b|k)?\b|\b(?:USD|US dollars?)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|m|b|k)?\b|\b(\d[\d,]*(?:\.\d+)?|",
        number_words!(),
        r")\s*(million|billion|thousand)?\s*(?:\(\s*(?:US|USD|U\.S\.)?\s*\$?\s*[\d,.]+\s*\)\s*)?(?:US dollars|U\.S\. dollars|United States dollars|dollars|USD)\b"
    )
);
pattern!(
    OTHER_CURRENCY,
    r"(?i)€|£|¥|\b(?:EUR|euros?|GBP|pounds sterling|RMB|CNY|yuan|JPY|yen|KRW|won|INR|rupees)\b"
);
pattern!(
    REVENUE_WORD,
    r"(?i)\b(?:revenue|turnover|sales|income|gross receipts)\b"
);
pattern!(
    ANNUAL,
    r"(?i)\b(?:annual|annually|per year|a year|yearly|per annum|fiscal year|calendar year|twelve(?:-| )months?|12(?:-| )months?)\b"
);
pattern!(
    MONTHLY,
    r"(?i)\b(?:monthly|per month|a month|each month|calendar month)\b"
);
pattern!(
    DISPLAY_DUTY,
    r#"(?i)\b(?:display|attribut\w*|credit|"powered by|"built with|user interface)\b"#
);
pattern!(
    SEPARATE_GRANT,
    r"(?i)\b(?:request (?:a|an) (?:\w+ )?licen[cs]e|licen[cs]e from|authori[sz]ation|authori[sz]ed|shall terminate|will terminate|terminate|separate (?:commercial )?(?:licen[cs]e|agreement)|obtain (?:a|an) (?:\w+ )?licen[cs]e|exercise (?:any of )?(?:the|your|such) rights|enterprise licen[cs]e|not (?:be )?(?:permitted|allowed|licensed))\b"
);
pattern!(
    NON_COMMERCIAL_ONLY,
    r"(?i)\bnon-?\s?commercial (?:(?:research )?(?:purposes?|use|uses) )?only\b|\bfor (?:any )?non-?\s?commercial (?:research )?purposes?\b|\b(?:allows?|permits?|grants?|licen[cs]es?)\b[^.\n]{0,40}\bonly\b[^.\n]{0,20}\bnon-?\s?commercial\b|\b(?:solely|only|exclusively|strictly) (?:for|to) (?:your )?(?:internal )?(?:non-?\s?commercial|research|academic|evaluation|testing|non-?production|personal)\b|\bfor (?:research|academic)(?: and| or|,) (?:evaluation|educational|non-?commercial)(?: purposes)? only\b|\b(?:not|never) (?:be )?(?:used |use [\w\s]{0,40})?for (?:any )?commercial (?:purposes?|use)\b|\bnon-?production (?:use|purposes?|environments?) only\b|\bonly (?:use|access)[^.\n]{0,120}\bfor (?:research|non-?\s?commercial) purposes\b|\bfor research purposes only\b"
);
pattern!(
    COMMERCIAL_APPROVAL,
    r"(?i)\b(?:request|obtain|apply for|acquire|enter into|need|require|requires|must have)\b[^.\n]{0,60}\b(?:licen[cs]e|agreement|authori[sz]ation|approval|permission)\b|\bregist(?:er|ration|ered)\b"
);
pattern!(COMMERCIAL_WORD, r"(?i)\bcommercial(?:ly)?\b");
pattern!(REGISTRATION, r"(?i)\bregist(?:er|ers|ered|ering|ration)\b");
pattern!(
    REGISTRY_NOISE,
    r"(?i)\bregistered (?:in|seat|office|address|trade ?marks?|number|with the)\b|\bregistry\b|\bregistered trademark\b"
);
pattern!(SEPARATE_LICENCE, r"(?i)\blicen[cs]e agreement\b");
pattern!(
    REGION_TRIGGER_ANY,
    r"(?i)\b(?:does not apply|shall not apply|not applicable|excluding|except(?:ing)?(?: for)?|other than|not (?:be )?(?:available|offered|licensed))\b"
);
pattern!(
    REGION_TRIGGER_DENY,
    r"(?i)\b(?:not (?:being )?granted|no rights? (?:are|is|will be) granted|not licensed|are not licensed|is not licensed|shall not be granted|do not have (?:any )?rights?)\b"
);
pattern!(
    DOMICILE_WORD,
    r"(?i)\b(?:domiciled|domicile|principal place of business|resident|residing|incorporated|headquartered|located in|based in|organized under|citizens?)\b"
);
pattern!(
    MARKET_DENY,
    r"(?i)\b(?:may not|must not|shall not|cannot|can not|will not|not permitted to|prohibited from)\b[^.\n]{0,60}\b(?:use|used|deploy|deployed|distribute|distributed|offer|offered|provide|provided|make available|made available|display)\b[^.\n]{0,160}\b(?:in|within|into|outside)\b"
);
pattern!(MULTIMODAL, r"(?i)\bmulti-?modal\b");
pattern!(
    NOTICE_INTRO,
    r"(?i)\b(?:the following|this)\s+(?:attribution\s+)?notices?\b[^:]{0,250}?:|\bretain\b[^:]{0,40}\b(?:the following|this)\s+(?:attribution\s+)?statement\b[^:]{0,200}?:"
);
pattern!(
    DISPLAY_STRING,
    r#"(?i)\b(?:display|include|show|state|mention|label|mark[^"\n]{0,80}?as)\s+"([^"\n]{2,80})"(?:\s+or\s+"[^"\n]{2,80}")?\s+(?:on|in|within|at)\s+(?:a |the |your |any |such )?(?:related |relevant )?(?:website|web site|webpage|web page|user interface|ui|product|blog|about page|documentation|app|application|interface|service|(?:public )?announcements?|press releases?|marketing|promotional materials?|publicity|publications?|packaging)"#
);
pattern!(
    STATEMENT_INTRO,
    r"(?i)\b(?:include|display|state|publish)\b[^:]{0,120}?\b(?:the following|this) (?:statement|attribution|credit)\s*:"
);
pattern!(
    HOSTING_ALLOW,
    r"(?i)\bmak(?:e|ing) (?:[\w,]+ ){0,8}available\b|\bhost (?:for|the)\b|\bhosted service\b|\bas a service\b|\bremote access\b"
);
pattern!(
    OPTIONAL,
    r"(?i)\b(?:encouraged|may choose|optional(?:ly)?|at your discretion|you may)\b"
);
pattern!(
    USE_POLICY,
    r#"(?i)\b(?:acceptable use policy|prohibited use policy|use policy|AUP|use-based restrictions|use restrictions|restricted uses|trustworthy ai terms|responsible use guide|you agree not to use|agree not to use)\b|\b(?:will|shall|must|may) not(?: use|,)[^.\n]{0,120}?(?:to|for):|\bnot (?:allowed|permitted) to use[^.\n]{0,200}\b(?:military|illegal|unlawful)\b|\bfor (?:any )?(?:military|illegal|unlawful)\b[^.\n]{0,30}\bpurposes\b|\busage-based restrictions\b|(?:不得|禁止)[^。；\n]{0,80}(?:军事|非法|违法|违反)|\b(?:shall|will|must|may) not (?:use|be used)\b[^.\n]{0,80}\b(?:for|to)\b[^.\n]{0,30}\b(?:illegal|unlawful|fraudulent|harmful|military|surveillance|weapons?|discriminat\w*|harass\w*|defam\w*)\b|\bethical (?:use|and responsible)\b|\b(?:will not|shall not|must not),? and (?:will not|shall not|must not) (?:permit|allow|assist)"#
);
pattern!(
    FLOW_DOWN,
    r"(?i)\benforceable provisions?\b|\ba similar set of restrictions\b|\bunder any licen[cs]e of your choice that\b[^.\n]{0,160}\brestrictions\b|\brequire (?:all of )?(?:your|any|all) (?:users|recipients|licensees)\b[^.\n]{0,80}\bcomply\b|\bpass(?:ed)? (?:on|through|down)\b[^.\n]{0,60}\brestrictions\b|\bat least as (?:restrictive|stringent)\b|\bsubject to (?:the )?same (?:use )?restrictions\b"
);
pattern!(
    LICENCE_COPY,
    r"(?i)\bcopy of (?:this|the) (?:agreement|licen[cs]e|public license|terms)\b|\bpermission notice shall be included\b|\bmust retain the above copyright notice\b|\bURI or hyperlink to,? this Public License\b|\b(?:licen[cs]e|permission) (?:notice|statement) (?:shall|should|must) be included\b"
);
pattern!(
    HOSTING_WORD,
    r"(?i)\b(?:hosted|managed) service\b|\bhosting\b|\bas a service\b|\bsoftware-as-a-service\b|\bSaaS\b|\bAPI\b|\bapplication programming interface\b|\bcloud instances?\b|\bremote access\b"
);
pattern!(
    HOSTING_DENY,
    r"(?i)\b(?:shall not|must not|may not|cannot|can not|will not|not permitted|not licensed|prohibited|nor|excluded|excludes|not (?:a|be considered)|separate (?:commercial )?licen[cs]e|request a licen[cs]e|commercial licen[cs]e)\b"
);
pattern!(
    HOSTING_NOT_NC,
    r"(?i)\b(?:end users?|third parties|the public)\b[^.\n]{0,120}\bnot a non-?\s?commercial\b"
);
pattern!(
    OUTPUT_WORD,
    r"(?i)\b(?:outputs?|results|generated (?:content|data|text)|synthetic data)\b"
);
pattern!(
    OUTPUT_BAN,
    r"(?i)\b(?:will not|shall not|must not|may not|can ?not|cannot|do not|are not (?:permitted|allowed) to|prohibited from)\b[^.\n]{0,60}?\b(?:use|utili[sz]e|leverage)\b[^.\n]{0,200}?\b(?:outputs?|results)\b[^.\n]{0,120}?\b(?:to|in order to|for)\s+(?:\w+,?\s+){0,2}(?:train|improve|develop|create|fine-?tune|distill|build)\w*\b[^.\n]{0,120}?\bmodels?\b"
);
pattern!(
    OUTPUT_CONDITION,
    r"(?i)\b(?:outputs?|results)\b[^.\n]{0,120}?\b(?:train|improve|create|fine-?tune|distill)\w*\b[^.\n]{0,200}?\b(?:include|display|beginning of|name|prefix|built with|improved using|built on)\b"
);
pattern!(
    OUTPUT_DERIVATIVE,
    r"(?i)\b(?:derivatives?|modifications? of the model)\b[^.\n]{0,80}?\b(?:means|shall mean|refers? to|includes?|including)\b[^\n]{0,600}?\b(?:outputs?|output patterns|synthetic data|distillation)\b"
);
pattern!(
    OUTPUT_BOUND,
    r"(?i)\b(?:outputs?|results)\b[^.\n]{0,120}?\b(?:subject to|in accordance with|contravene|comply with)\b[^.\n]{0,60}?\b(?:restrictions|this (?:agreement|licen[cs]e)|provision|license)\b|\buse of the output can\b"
);
pattern!(
    NAMING_TRAINING,
    r"(?i)\b(?:train|improve|fine-?tune)\w*\b[^.\n]{0,160}?\b(?:beginning|start) of\b[^.\n]{0,40}?\bname\b"
);
pattern!(
    NAMING,
    r#"(?i)\b(?:include|add|use|put)\s+"([^"\n]{1,40})"\s+(?:at|to) the (?:beginning|start|front) of (?:any such |the |its |each |any )?(?:(?:ai )?model(?:'s)? )?names?\b|\bnames?\b[^.\n]{0,80}?\b(?:must|shall|should) (?:begin|start) with\s+"([^"\n]{1,40})""#
);
pattern!(
    SHARE_ALIKE,
    r"(?i)\bsame license elements\b|\bsharealike\b|\bshare-?alike\b|\bunder (?:the )?same (?:licen[cs]e|terms)\b|\bsame or (?:a )?compatible licen[cs]e\b|\blicen[cs]e the entire work\b|\bmust (?:be )?licen[cs]ed? [^.\n]{0,40}\bunder (?:the terms of )?this (?:licen[cs]e|agreement)\b|\bunder the terms of this licen[cs]e\b[^.\n]{0,60}\bderivative"
);
pattern!(
    DERIVATIVE_BAN,
    r"(?i)\b(?:may not|shall not|must not|cannot|can not)\b[^.\n]{0,30}\b(?:distribute|share|publish|release)\b[^.\n]{0,60}\b(?:derivatives?|derivative works|modifications|modified versions?|fine-?tuned)\b"
);
pattern!(
    MODIFY_GRANT,
    r"(?i)\b(?:modify|modifications?|derivative works?|derivatives|adapt|adapted material|merge)\b"
);

pattern!(
    DEFINITION,
    r#"(?i)(?:^|[\s(])"([^"\n]{2,60})"(?:\s*(?:,|or|and)\s*"[^"\n]{1,40}")*\s*(?:\([^)]{0,80}\)\s*)?(?:shall\s+)?(?:means?|refers?\s+to|is defined as|shall have the meaning)\b"#
);
pattern!(
    GATE_WORD,
    r"(?i)\b(?:exceed\w*|in excess of|above|below|under|less than|more than|greater than|fewer than|condition\w*|surpass\w*|up to|no more than|not more than|at least|reach\w*)\b"
);
pattern!(
    REVENUE_NOISE,
    r"(?i)\b(?:lost|loss of|losses of) (?:\w+ ){0,2}(?:profits|revenues?)\b|\bliabilit\w*|\bdamages\b"
);
pattern!(
    NON_COMMERCIAL_MENTION,
    r"(?i)\bnon-?\s?commercial\b|\bresearch (?:and (?:\w+ )?)?(?:purposes?|use) only\b|\bacademic (?:purposes?|use|research) only\b|\bnot for (?:any )?commercial\b|\bpersonal (?:and non-?\s?commercial )?use only\b"
);
pattern!(
    LICENSEE_NAME,
    r"(?i)^(?:licensee|you|your|user|users|recipient|licensees|permitted users?|eligible (?:users?|entities|licensees?))$"
);
pattern!(
    LICENSEE_LIMIT,
    r"(?i)\bnon-?\s?profit\b|\bnot-for-profit\b|\bacademic\b|\beducational\b|\bresearch (?:institutions?|organi[sz]ations?|purposes?)\b|\bgovernment\w*\b|\bsmall (?:and medium|business|compan)\w*|\bstart-?ups?\b|\brevenue\b|\bemployees\b|\bnon-?\s?commercial\b"
);
pattern!(
    DISPLAY_QUOTED,
    r#"(?i)\b(?:must|shall|required to|agree to|will|should)\b[^\n]{0,200}?"((?:powered by|built (?:with|on|using)|made with|created with|developed with|enhanced by)\s[^"\n]{1,60}|[^"\n]{1,40}\sinside)""#
);
pattern!(
    DERIVATIVE_WORD,
    r"(?i)\b(?:derivatives?|derivative (?:works?|models?)|modifications?|modified (?:versions?|models?|weights|works?)|fine-?tuned (?:versions?|models?|weights)|adaptations?)\b"
);
pattern!(
    DISTRIBUTE_WORD,
    r"(?i)\b(?:distribut\w*|redistribut\w*|shar(?:e|es|ed|ing)|publish\w*|releas\w*|sublicens\w*|make (?:\w+ )?available|transfer\w*)\b"
);
pattern!(
    DERIVATIVE_LIMIT,
    r"(?i)\bonly (?:under|in accordance with|pursuant to|subject to) (?:the (?:terms|conditions)[^.\n]{0,30}? of )?(?:this|the same) (?:agreement|licen[cs]e)\b|\bwith (?:the |these |such |all )?(?:use|usage)(?:-based)? restrictions\b|\b(?:use|usage)(?:-based)? restrictions[^.\n]{0,40}\b(?:included|incorporated|attached)\b|\bfor non-?\s?commercial (?:purposes?|uses?)\b|\bsolely for (?:research|non-?\s?commercial|academic)\b"
);
pattern!(
    SHARING_LIMIT,
    r"(?i)\b(?:only|solely|exclusively)\b[^.\n]{0,60}?\b(?:distribut|redistribut|shar|publish|releas|sublicens)\w*|\b(?:distribut|redistribut|shar|publish|releas|sublicens)\w*\b[^.\n]{0,80}?\b(?:only|solely|exclusively)\b|\b(?:must not|may not|shall not|cannot|can not|not (?:be )?(?:permitted|allowed) to)\s+(?:\w+\s+){0,3}?(?:distribut|redistribut|shar|publish|releas|sublicens)\w*"
);
pattern!(
    NARROW_PURPOSE,
    r"(?i)\bnon-?\s?commercial\b|\bnot (?:include|for) (?:any )?commercial\b|\b(?:research|academic|evaluation|educational|personal|testing) (?:purposes?|use|uses|activities)\b"
);
pattern!(
    MODIFY_BAN,
    r"(?i)\b(?:may not|shall not|must not|cannot|can not|are not (?:permitted|allowed) to)\b[^.\n]{0,30}\b(?:modify|create derivative|make derivative|adapt|fine-?tune)\w*\b"
);
pattern!(
    OUTPUT_TRAINING_MENTION,
    r"(?i)\b(?:outputs?|generated (?:content|data|text)|synthetic data)\b[^.\n]{0,200}?\b(?:train\w*|distill\w*|fine-?tun\w*)\b|\b(?:train\w*|distill\w*|fine-?tun\w*)\b[^.\n]{0,200}?\b(?:outputs?|synthetic data)\b"
);
pattern!(
    COMMERCIAL_ONLY_QUALIFIER,
    r"(?i)\bfor (?:any )?commercial (?:purposes?|use|gain)\b|\bcommercial(?:ly)? (?:compet\w*|models?|products?|services?|purposes?)\b"
);

// Chinese phrasings. Sentences end at `。` and `；`, so `.` within a pattern stays in the clause.
// A number: Arabic digits or Chinese numerals, with a scale (`3亿` is 300 million, `100万` one
// million).
const AMOUNT_ZH: &str =
    r"([0-9][0-9,]*(?:\.[0-9]+)?|[零一二两三四五六七八九十百千]+)\s*(亿|千万|百万|十万|万|千)?";
pattern!(
    GRANT_ZH,
    r"(?:特此|兹)授予(?:您|你)|(?:我们|许可方|许可人)授予(?:您|你).{0,80}(?:许可|权利)"
);
pattern!(
    USERS_ZH,
    &format!(
        r"(?:月活跃用户|月活|日活跃用户|日活|日均用户活跃量|用户活跃量|活跃用户|MAU|DAU|用户数量|访问量).{{0,40}}?(?:超过|高于|多于|大于|达到|超出|低于|少于){AMOUNT_ZH}"
    )
);
pattern!(DAILY_ZH, r"日活|日均|每日|每天|DAU|/\s*天");
pattern!(GATE_ZH, r"申请|许可|授权|联系|登记|不得|同意|协议");
pattern!(
    REVENUE_ZH,
    &format!(
        r"(?:营业收入|营收|收入|营业额|销售额).{{0,40}}?(?:超过|高于|多于|大于|达到|超出|低于|少于)\s*(?:人民币|美元)?\s*{AMOUNT_ZH}\s*(美元|元|人民币)?"
    )
);
pattern!(
    REGISTRATION_ZH,
    r"(?:登记|备案|注册).{0,60}(?:商业|商用)|(?:商业|商用).{0,60}(?:登记|备案|注册)"
);
// A registration that leads to a separate licence agreement is that licence, not a mere
// registration.
pattern!(REGISTRY_NOISE_ZH, r"商标|域名|许可协议");
pattern!(
    APPROVAL_ZH,
    r"(?:商业|商用).{0,40}(?:申请|获得|取得).{0,20}(?:授权|许可|同意|审批)|(?:申请|获得|取得).{0,10}(?:书面)?(?:商业|商用)(?:授权|许可)"
);
pattern!(
    NON_COMMERCIAL_ZH,
    r"仅(?:限)?(?:可)?(?:用于|供)(?:学术|研究|科研|个人|非商业)|(?:不得|禁止|不可).{0,40}(?:用于|进行)(?:任何)?商业|非商业(?:性)?(?:用途|目的|使用)(?:之)?(?:外)?(?:使用)?(?:为限|仅)"
);
pattern!(
    NON_COMMERCIAL_MENTION_ZH,
    r"非商业|非营利|仅.{0,10}(?:学术|研究|个人)"
);
pattern!(
    DEFINITION_ZH,
    r#""([^"]{1,20})"(?:\s*[（(][^）)]{0,40}[）)])?\s*(?:是指|指|意指|系指)"#
);
pattern!(
    DISPLAY_ZH,
    r#"(?:显示|展示|标明|注明|标注|署名)\s*"([^"]{1,60})""#
);
pattern!(
    NAMING_ZH,
    r#"名称的?(?:开头|开始|前面|前缀)(?:处)?(?:添加|加上|包含|使用)\s*"([^"]{1,40})"|(?:添加|加上|包含)\s*"([^"]{1,40})".{0,10}名称的?(?:开头|开始|前缀)"#
);
pattern!(
    DERIVATIVE_BAN_ZH,
    r"(?:不得|禁止|不可).{0,20}(?:分发|发布|传播|共享|公开).{0,20}(?:衍生|修改)"
);
pattern!(
    NAMING_TRAINING_ZH,
    r"(?:训练|改进|微调).{0,80}名称的?(?:开头|开始|前缀)"
);
pattern!(PURPOSE_BAN_ZH, r"军事|非法|违法");
pattern!(PERMISSION_ZH, r"您可以|你可以|允许您|您有权|授予您");
pattern!(MODIFY_ZH, r"修改|衍生|改编|微调");
pattern!(NEGATED_ZH, r"不得|禁止|不可|不允许");
pattern!(
    OUTPUT_BAN_ZH,
    r"(?:不得|禁止|不可).{0,40}(?:输出|生成的?内容|结果|成果).{0,40}(?:训练|改进|改善|提升|开发|蒸馏).{0,20}(?:其他|任何).{0,10}模型"
);
pattern!(
    OUTPUT_DERIVATIVE_ZH,
    r"衍生.{0,20}(?:是指|指|包括).{0,300}(?:输出|合成数据)"
);
pattern!(
    OUTPUT_TRAINING_MENTION_ZH,
    r"(?:输出|合成数据|生成内容).{0,60}(?:训练|蒸馏|微调)|(?:训练|蒸馏|微调).{0,60}(?:输出|合成数据)"
);
pattern!(
    HOSTING_DENY_ZH,
    r"(?:托管|云服务|API|SaaS|作为服务).{0,40}(?:不得|禁止|另行|单独).{0,20}(?:授权|许可|协议)?"
);
pattern!(
    TERRITORY_ZH,
    r"(?:不适用于|不得在|禁止在|不授予|排除).{0,30}(?:欧盟|欧洲联盟|英国|韩国|朝鲜|美国|俄罗斯|伊朗|日本|印度|中国大陆)|(?:欧盟|欧洲联盟|英国|韩国|朝鲜|美国|俄罗斯|伊朗|日本|印度|中国大陆).{0,30}(?:不适用|除外|不授予|不得使用)"
);
pattern!(
    GOVERNING_LAW_ZH,
    r"法律管辖|适用.{0,20}法律|法律.{0,10}适用"
);
pattern!(FLOW_DOWN_ZH, r"可执行(?:的)?条款|强制执行的条款");
pattern!(
    LICENCE_COPY_ZH,
    r"本(?:协议|许可)的副本|许可声明应包含在|提供本协议"
);
pattern!(DAMAGES_ZH, r"损失|损害|赔偿");

/// A keyword prefilter: the index of a row of [`KEY_WORDS`].
#[derive(Debug, Clone, Copy)]
struct Keys(usize);

const K_GRANT: Keys = Keys(0);
const K_USERS: Keys = Keys(1);
const K_REVENUE: Keys = Keys(2);
const K_REGISTRATION: Keys = Keys(3);
const K_COMMERCIAL: Keys = Keys(4);
const K_NON_COMMERCIAL: Keys = Keys(5);
const K_QUOTE: Keys = Keys(6);
const K_USE_POLICY: Keys = Keys(7);
const K_NOTICE: Keys = Keys(8);
const K_STATEMENT: Keys = Keys(9);
const K_AVAILABLE: Keys = Keys(10);
const K_MODIFY: Keys = Keys(11);
const K_FLOW_DOWN: Keys = Keys(12);
const K_COPY: Keys = Keys(13);
const K_HOSTING: Keys = Keys(14);
const K_OUTPUT: Keys = Keys(15);
const K_NAME: Keys = Keys(16);
const K_SHARE_ALIKE: Keys = Keys(17);
const K_DERIVATIVE_BAN: Keys = Keys(18);
const K_TERRITORY: Keys = Keys(19);
const K_DEFINITION: Keys = Keys(20);
const K_ZH: Keys = Keys(21);

/// Keyword prefilters (lower case): a sentence without any word of a row cannot match the
/// patterns filtered by it. All rows are found in one pass over the text.
static KEY_WORDS: [&[&str]; 22] = [
    // K_GRANT
    &["grant", "permi"],
    // K_USERS
    &["active user", "mau", "dau", "users", "visit"],
    // K_REVENUE
    &["revenue", "turnover", "sales", "income", "receipts"],
    // K_REGISTRATION
    &["regist"],
    // K_COMMERCIAL
    &["commercial"],
    // K_NON_COMMERCIAL
    &[
        "commercial",
        "research",
        "academic",
        "evaluation",
        "testing",
        "production",
        "personal",
    ],
    // K_QUOTE
    &["\""],
    // K_USE_POLICY
    &[
        "policy",
        "aup",
        "restrict",
        "agree not",
        "military",
        "illegal",
        "unlawful",
        "fraudulent",
        "harmful",
        "surveillance",
        "weapon",
        "discriminat",
        "harass",
        "defam",
        "ethical",
        "trustworthy",
        "responsible use",
        " not use",
        " not,",
        "not allowed",
        "not permitted",
        "不得",
        "禁止",
    ],
    // K_NOTICE
    &["notice", "statement"],
    // K_STATEMENT
    &["statement", "attribution", "credit"],
    // K_AVAILABLE
    &["available", "host", "service", "remote"],
    // K_MODIFY
    &[
        "modif",
        "derivative",
        "adapt",
        "merge",
        "fine-tun",
        "finetun",
    ],
    // K_FLOW_DOWN
    &["enforceable", "restrictions", "comply"],
    // K_COPY
    &[
        "copy of",
        "notice shall",
        "copyright notice",
        "hyperlink",
        "be included",
    ],
    // K_HOSTING
    &[
        "host",
        "service",
        "saas",
        "api",
        "application programming",
        "cloud",
        "remote",
    ],
    // K_OUTPUT
    &["output", "result", "synthetic", "distill"],
    // K_NAME
    &["name"],
    // K_SHARE_ALIKE
    &[
        "same",
        "sharealike",
        "share-alike",
        "share alike",
        "entire work",
        "this licen",
        "compatible",
    ],
    // K_DERIVATIVE_BAN
    &["distribut", "share", "publish", "release"],
    // K_TERRITORY
    &[
        "union",
        "eu",
        "kingdom",
        "uk",
        "britain",
        "korea",
        "china",
        "united states",
        "russia",
        "iran",
        "cuba",
        "syria",
        "belarus",
        "switzerland",
        "japan",
        "india",
        "canada",
        "brazil",
        "australia",
    ],
    // K_DEFINITION
    &["mean", "refer", "defined", "是指", "指"],
    // K_ZH: every Chinese rule
    &[
        "授予",
        "许可",
        "商业",
        "商用",
        "登记",
        "备案",
        "注册",
        "活跃",
        "用户",
        "访问量",
        "收入",
        "营收",
        "营业额",
        "销售额",
        "衍生",
        "修改",
        "改编",
        "微调",
        "输出",
        "合成数据",
        "训练",
        "署名",
        "显示",
        "展示",
        "标明",
        "注明",
        "标注",
        "名称",
        "欧盟",
        "欧洲联盟",
        "英国",
        "韩国",
        "朝鲜",
        "美国",
        "俄罗斯",
        "伊朗",
        "日本",
        "印度",
        "中国大陆",
        "托管",
        "云服务",
        "服务",
        "副本",
        "条款",
        "本协议",
        "学术",
        "研究",
        "个人",
        "非营利",
        "您可以",
        "你可以",
        "允许您",
        "您有权",
    ],
];

/// Every keyword of every row, and for each the rows (as a bit mask) it belongs to.
static KEYWORD_FINDER: LazyLock<(aho_corasick::AhoCorasick, Vec<u32>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut rows: Vec<u32> = Vec::new();
    for (row, list) in KEY_WORDS.iter().enumerate() {
        for word in list.iter() {
            match words.iter().position(|w| w == word) {
                Some(at) => rows[at] |= 1 << row,
                None => {
                    words.push(word);
                    rows.push(1 << row);
                }
            }
        }
    }
    // The keywords are literals of this module; a test builds the finder.
    let finder = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&words)
        .unwrap_or_else(|err| panic!("keyword finder: {err}"));
    (finder, rows)
});

/// For each sentence, the rows of [`KEY_WORDS`] that have a word in it.
fn keyword_masks(lower: &str, sentences: &[Sentence]) -> Vec<u32> {
    let (finder, rows) = &*KEYWORD_FINDER;
    let mut masks = vec![0u32; sentences.len()];
    for m in finder.find_overlapping_iter(lower) {
        let at = sentences.partition_point(|s| s.end <= m.start());
        if let (Some(sentence), Some(mask)) = (sentences.get(at), masks.get_mut(at))
            && m.start() >= sentence.start
            && m.end() <= sentence.end
        {
            *mask |= rows[m.pattern().as_usize()];
        }
    }
    masks
}

/// Splits the tidied text into sentences: at a paragraph break, and after a full stop or
/// semicolon followed by a space, and after an ideographic full stop or semicolon.
fn split_sentences(text: &str) -> Vec<Sentence> {
    let t = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..t.len() {
        // A full stop or semicolon before a space ends a sentence; so do the ideographic ones
        // (`。`, `；`: E3 80 82 and EF BC 9B in UTF-8), which need none.
        let ideographic =
            t[i..].starts_with("。".as_bytes()) || t[i..].starts_with("；".as_bytes());
        let ends = t[i] == b'\n'
            || ideographic
            || (matches!(t[i], b'.' | b';')
                && t.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\n'));
        if ends {
            let end = match t[i] {
                b'\n' => i,
                _ if ideographic => i + 3,
                _ => i + 1,
            };
            push_sentence(&mut out, t, start, end);
            start = end.max(i + 1);
        }
    }
    push_sentence(&mut out, t, start, t.len());
    out
}

/// The longest sentence the rules read at once. Real licence sentences stay under 3 KB; a text
/// with no full stops (hostile, or a dump) is cut into pieces so that the work stays linear.
const MAX_SENTENCE: usize = 4096;
/// The most clauses kept as evidence for one term.
const MAX_EVIDENCE: usize = 12;

fn push_sentence(out: &mut Vec<Sentence>, t: &[u8], mut start: usize, end: usize) {
    while start < end && t[start] == b' ' {
        start += 1;
    }
    while end - start > MAX_SENTENCE {
        // Cut at the last space before the limit, else at a character boundary.
        let limit = start + MAX_SENTENCE;
        let mut cut = t[start..limit]
            .iter()
            .rposition(|b| *b == b' ')
            .map_or(limit, |p| start + p);
        if cut <= start {
            cut = limit;
        }
        while cut < end && (t[cut] & 0xC0) == 0x80 {
            cut += 1;
        }
        out.push(Sentence { start, end: cut });
        start = cut;
        while start < end && t[start] == b' ' {
            start += 1;
        }
    }
    if start < end {
        out.push(Sentence { start, end });
    }
}

/// The state of one extraction.
struct Extraction<'a> {
    text: &'a str,
    plain: &'a Plain,
    /// Every sentence of the tidied text, in order.
    all: Vec<Sentence>,
    /// For each sentence, the keyword rows it holds a word of.
    masks: Vec<u32>,
    /// The defined terms of the text, with the sentence defining each.
    definitions: Vec<(String, Sentence)>,
    terms: Terms,
    evidence: TermEvidence,
    found: BTreeSet<TermName>,
    unclear: Vec<Unclear>,
}

/// A sentence of the tidied text: its byte range there.
#[derive(Debug, Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
}

impl<'a> Extraction<'a> {
    fn sentence_text(&self, s: Sentence) -> &str {
        &self.plain.text[s.start..s.end]
    }

    /// Evidence for a sentence, as a span of the original text.
    fn evidence(&self, s: Sentence) -> Option<Evidence> {
        let (start, end) = self.plain.original(s.start, s.end)?;
        let text = self.text.get(start..end)?.to_string();
        let lang = clause_language(&text).map(str::to_string);
        Some(Evidence {
            start,
            end,
            text,
            document: LICENCE_DOCUMENT.to_string(),
            lang,
        })
    }

    fn cite(&mut self, term: TermName, s: Sentence) {
        self.found.insert(term);
        let full = self
            .evidence
            .get(&term)
            .is_some_and(|list| list.len() >= MAX_EVIDENCE);
        if full {
            return;
        }
        if let Some(ev) = self.evidence(s) {
            let list = self.evidence.entry(term).or_default();
            if !list.contains(&ev) {
                list.push(ev);
            }
        }
    }

    fn unclear(&mut self, term: TermName, reason: &str, s: Sentence) {
        if self.unclear.iter().filter(|u| u.term == term).count() >= MAX_EVIDENCE {
            return;
        }
        let evidence = self.evidence(s).into_iter().collect();
        self.unclear.push(Unclear {
            term,
            reason: reason.to_string(),
            evidence,
        });
    }

    /// The sentences that hold any of `keys` (lower case), or all sentences for no keys: a
    /// cheap filter so that each pattern runs on a few sentences, not the whole text.
    fn candidates(&self, keys: Keys) -> impl Iterator<Item = Sentence> + '_ {
        let bit = 1u32 << keys.0;
        self.all
            .iter()
            .zip(&self.masks)
            .filter(move |(_, mask)| *mask & bit != 0)
            .map(|(s, _)| *s)
    }

    /// Every sentence holding a match of `re`, in order.
    fn sentences(&self, re: &Regex, keys: Keys) -> Vec<Sentence> {
        self.candidates(keys)
            .filter(|s| re.is_match(self.sentence_text(*s)))
            .collect()
    }

    /// Every match of `re` with its sentence; capture offsets are relative to the sentence.
    fn captures(&self, re: &Regex, keys: Keys) -> Vec<(Sentence, regex::Captures<'_>)> {
        self.candidates(keys)
            .flat_map(|s| {
                re.captures_iter(&self.plain.text[s.start..s.end])
                    .map(move |caps| (s, caps))
            })
            .collect()
    }

    /// The text inside a pair of quotes, as tidied (entities decoded, quotes made ASCII,
    /// whitespace collapsed), so that the same notice in any format reads the same.
    fn quoted(&self, start: usize, end: usize) -> Option<String> {
        let inner = self.plain.text.get(start..end)?;
        let value = inner.split_whitespace().collect::<Vec<_>>().join(" ");
        (!value.is_empty()).then_some(value)
    }

    /// A text mostly in a script the rules do not read (the rules are written for English) can
    /// only be reviewed: say so.
    fn language(&mut self, granted: bool) {
        let letters = self
            .plain
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        let latin = self
            .plain
            .text
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .count();
        let han = self
            .plain
            .text
            .chars()
            .filter(|c| script_language(*c) == Some("zh"))
            .count();
        if !granted && letters > 200 && (latin + han) * 2 < letters {
            let first = self
                .all
                .first()
                .copied()
                .unwrap_or(Sentence { start: 0, end: 0 });
            self.unclear(
                TermName::CommercialUse,
                "the text is mostly in a language the clause rules cannot read (they read English and Chinese)",
                first,
            );
        }
    }

    fn grant(&mut self) -> bool {
        let mut found = self.sentences(&GRANT, K_GRANT);
        found.extend(self.sentences(&GRANT_ZH, K_ZH));
        found.sort_by_key(|s| s.start);
        let granted = !found.is_empty();
        if let Some(first) = found.first() {
            // The grant backs every permissive default; it is cited under commercial use.
            self.cite(TermName::CommercialUse, *first);
            self.found.remove(&TermName::CommercialUse);
        }
        granted
    }

    /// User and revenue levels: a separate grant above them (thresholds), or a display duty
    /// above them (attribution conditions).
    fn thresholds(&mut self) {
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
            let after = self.plain.text[s.start + m.end()..]
                .trim_start()
                .to_ascii_lowercase();
            if after.starts_with("us dollars")
                || after.starts_with("dollars")
                || after.starts_with("usd")
            {
                continue;
            }
            if let Some(value) = amount(n.as_str(), caps.get(3).map(|s| s.as_str())) {
                let daily = kind.as_str().eq_ignore_ascii_case("daily");
                users.push((user_threshold(daily, value), s, self.is_display_duty(s)));
            }
        }
        // "(visits) must not exceed 1 million visits per month", "DAU of less than 1 million":
        // the level below which the grant holds.
        for (re, kind_group, number_group) in [(&*USERS_PER_MONTH, 3, 1), (&*USERS_BELOW, 1, 2)] {
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
        for (s, caps) in self.captures(&USERS_ZH, K_ZH) {
            let (Some(n), Some(m)) = (caps.get(1), caps.get(0)) else {
                continue;
            };
            let text = self.sentence_text(s);
            if !GATE_ZH.is_match(text) {
                continue;
            }
            let daily = DAILY_ZH.is_match(m.as_str()) || DAILY_ZH.is_match(text);
            if let Some(value) = amount_zh(n.as_str(), caps.get(2).map(|m| m.as_str())) {
                users.push((user_threshold(daily, value), s, false));
            }
        }
        let read: BTreeSet<usize> = users.iter().map(|(_, s, _)| s.start).collect();
        for s in self.sentences(&USERS_ANY, K_USERS) {
            if !read.contains(&s.start) && SEPARATE_GRANT.is_match(self.sentence_text(s)) {
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

    fn is_display_duty(&self, s: Sentence) -> bool {
        let text = self.sentence_text(s);
        DISPLAY_DUTY.is_match(text) && !SEPARATE_GRANT.is_match(text)
    }

    fn set_user_threshold(&mut self, threshold: UserThreshold, s: Sentence) {
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

    fn attribution_condition_users(&mut self, threshold: UserThreshold, s: Sentence) {
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

    fn revenue(&mut self) {
        for s in self.sentences(&REVENUE_WORD, K_REVENUE) {
            let text = self.sentence_text(s).to_string();
            let amounts: Vec<u64> = MONEY
                .captures_iter(&text)
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
            if REVENUE_NOISE.is_match(&text) {
                continue;
            }
            let defined_gate = self.defined_term_gates(s);
            let gate = SEPARATE_GRANT.is_match(&text)
                || DISPLAY_DUTY.is_match(&text)
                || !defined_gate.is_empty()
                || (self.definition_name(s).is_some() && GATE_WORD.is_match(&text));
            if amounts.is_empty() {
                if OTHER_CURRENCY.is_match(&text) && gate {
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
            let annual = ANNUAL.is_match(&text);
            let monthly = MONTHLY.is_match(&text) && !annual;
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
    fn revenue_zh(&mut self) {
        let levels: Vec<(Sentence, bool, Option<u64>, bool)> = self
            .captures(&REVENUE_ZH, K_ZH)
            .into_iter()
            .filter(|(s, _)| {
                let text = self.sentence_text(*s);
                GATE_ZH.is_match(text) && !DAMAGES_ZH.is_match(text)
            })
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

    fn set_revenue_threshold(&mut self, value: u64, s: Sentence) {
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

    /// The term a sentence defines (`"Threshold" shall mean ...`), if it is a definition.
    fn definition_name(&self, s: Sentence) -> Option<String> {
        self.definitions
            .iter()
            .find(|(_, d)| d.start == s.start)
            .map(|(name, _)| name.clone())
    }

    /// Every definition in the text: the term defined and its sentence.
    fn read_definitions(&self) -> Vec<(String, Sentence)> {
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
    fn defined_term_gates(&self, s: Sentence) -> Vec<Sentence> {
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
    fn licensee_limits(&self) -> Vec<Sentence> {
        self.all
            .iter()
            .filter(|s| {
                self.definition_name(**s)
                    .is_some_and(|name| LICENSEE_NAME.is_match(&name))
                    && LICENSEE_LIMIT.is_match(self.sentence_text(**s))
            })
            .copied()
            .collect()
    }

    fn registration(&mut self) {
        for s in self.sentences(&REGISTRATION, K_REGISTRATION) {
            let text = self.sentence_text(s);
            if COMMERCIAL_WORD.is_match(text)
                && !SEPARATE_LICENCE.is_match(text)
                && !REGISTRY_NOISE.is_match(text)
            {
                self.terms.registration = true;
                self.cite(TermName::Registration, s);
            }
        }
        for s in self.sentences(&REGISTRATION_ZH, K_ZH) {
            if !REGISTRY_NOISE_ZH.is_match(self.sentence_text(s)) {
                self.terms.registration = true;
                self.cite(TermName::Registration, s);
            }
        }
    }

    fn commercial_use(&mut self, granted: bool) {
        let mut non_commercial = self.sentences(&NON_COMMERCIAL_ONLY, K_NON_COMMERCIAL);
        non_commercial.extend(self.grants_through_narrow_definitions());
        non_commercial.extend(self.sentences(&NON_COMMERCIAL_ZH, K_ZH));
        let approval: Vec<Sentence> = self
            .sentences(&COMMERCIAL_APPROVAL, K_COMMERCIAL)
            .into_iter()
            .filter(|s| {
                let text = self.sentence_text(*s);
                COMMERCIAL_WORD.is_match(text)
                    && !USERS_ANY.is_match(text)
                    && !REVENUE_WORD.is_match(text)
            })
            .chain(self.sentences(&APPROVAL_ZH, K_ZH))
            .collect();
        let unreadable_gate = self
            .unclear
            .iter()
            .any(|u| matches!(u.term, TermName::UserThreshold | TermName::RevenueThreshold));
        let gated = self.terms.user_threshold.is_some()
            || self.terms.revenue_threshold.is_some()
            || unreadable_gate;
        let mut value = if gated || (self.terms.registration && non_commercial.is_empty()) {
            CommercialUse::Conditional
        } else if !non_commercial.is_empty() {
            CommercialUse::NonCommercial
        } else if !approval.is_empty() {
            CommercialUse::Conditional
        } else if granted {
            CommercialUse::Allowed
        } else {
            CommercialUse::Unknown
        };
        if value == CommercialUse::Allowed {
            // Silence is not permission: an unlimited grant must have no limiting statement
            // or definition anywhere in the text.
            let mut limits = self.sentences(&NON_COMMERCIAL_MENTION, K_NON_COMMERCIAL);
            limits.extend(self.sentences(&NON_COMMERCIAL_MENTION_ZH, K_ZH));
            limits.extend(self.licensee_limits());
            if !limits.is_empty() {
                value = CommercialUse::Unknown;
                for s in limits {
                    self.unclear(
                        TermName::CommercialUse,
                        "the grant reads as unlimited, but this clause limits the use or the licensee in words the rules cannot weigh",
                        s,
                    );
                }
            }
        }
        self.terms.commercial_use = value;
        let cited: Vec<Sentence> = match value {
            CommercialUse::NonCommercial => non_commercial,
            CommercialUse::Conditional if !gated && !self.terms.registration => approval,
            _ => Vec::new(),
        };
        for s in cited {
            self.cite(TermName::CommercialUse, s);
        }
        if value != CommercialUse::Unknown {
            self.found.insert(TermName::CommercialUse);
        }
    }

    fn territory(&mut self) {
        let mut exclusions: Vec<TerritoryExclusion> = Vec::new();
        let triggers = [&*REGION_TRIGGER_ANY, &*REGION_TRIGGER_DENY, &*MARKET_DENY];
        let mut seen = BTreeSet::new();
        for re in triggers {
            for s in self.sentences(re, K_TERRITORY) {
                if !seen.insert(s.start) {
                    continue;
                }
                let text = self.sentence_text(s).to_string();
                let mut listed: Vec<(&'static str, TerritoryBasis)> = Vec::new();
                if REGION_TRIGGER_DENY.is_match(&text) {
                    for m in DOMICILE_WORD.find_iter(&text) {
                        for region in regions_after(&text, m.end()) {
                            listed.push((region, TerritoryBasis::Domicile));
                        }
                    }
                }
                for m in REGION_TRIGGER_ANY.find_iter(&text) {
                    for region in regions_after(&text, m.end()) {
                        listed.push((region, TerritoryBasis::Any));
                    }
                }
                for m in MARKET_DENY.find_iter(&text) {
                    if !m.as_str().to_ascii_lowercase().ends_with("outside") {
                        for region in regions_after(&text, m.end()) {
                            listed.push((region, TerritoryBasis::Market));
                        }
                    }
                }
                if listed.is_empty() {
                    continue;
                }
                let scope = if MULTIMODAL.is_match(&text) {
                    TerritoryScope::Multimodal
                } else {
                    TerritoryScope::All
                };
                for (region, basis) in listed {
                    exclusions.push(TerritoryExclusion {
                        region: region.to_string(),
                        scope,
                        basis,
                    });
                }
                self.cite(TermName::TerritoryExclusions, s);
            }
        }
        for s in self.sentences(&TERRITORY_ZH, K_ZH) {
            let text = self.sentence_text(s);
            if GOVERNING_LAW_ZH.is_match(text) {
                continue;
            }
            let scope = if text.contains("多模态") {
                TerritoryScope::Multimodal
            } else {
                TerritoryScope::All
            };
            for region in regions_zh(text) {
                exclusions.push(TerritoryExclusion {
                    region: region.to_string(),
                    scope,
                    basis: TerritoryBasis::Any,
                });
            }
            self.cite(TermName::TerritoryExclusions, s);
        }
        self.terms.territory_exclusions = merge_exclusions(exclusions);
    }

    /// Sentences that end in an introduction ("... the following notice:") followed, after
    /// white space or a paragraph break, by an opening quote: the sentence and where the
    /// quotation's text begins.
    fn intro_then_quote(&self, re: &Regex, keys: Keys) -> Vec<(Sentence, usize)> {
        self.captures(re, keys)
            .into_iter()
            .filter_map(|(s, caps)| {
                let colon = s.start + caps.get(0)?.end();
                let after = &self.plain.text[colon..];
                let skipped = after.len() - after.trim_start().len();
                after
                    .trim_start()
                    .starts_with('"')
                    .then_some((s, colon + skipped + 1))
            })
            .collect()
    }

    /// Where a quotation opened at `open` ends: at the first quote that closes a sentence or a
    /// clause (followed by punctuation, a line end, "and" or a parenthesis, or preceded by a full
    /// stop). Quotes inside the quotation ("the trademark rights of "Tencent Hunyuan" are ...")
    /// are followed by a word and do not end it.
    fn closing_quote(&self, open: usize) -> Option<usize> {
        let t = self.plain.text.as_bytes();
        (open..t.len().min(open + 1200)).find(|&i| {
            if t[i] != b'"' {
                return false;
            }
            let rest = &self.plain.text[i + 1..];
            rest.is_empty()
                || (i > 0 && t[i - 1] == b'.')
                || rest.starts_with(['.', ',', ';', ')', '\n'])
                || rest.starts_with(" and ")
                || rest.starts_with(" (")
        })
    }

    fn notice(&mut self) {
        let Some((s, open)) = self
            .intro_then_quote(&NOTICE_INTRO, K_NOTICE)
            .into_iter()
            .next()
        else {
            return;
        };
        let close = self.closing_quote(open);
        match close.and_then(|c| self.quoted(open, c)) {
            Some(notice) if !notice.is_empty() => {
                self.terms.notice = Some(notice);
                self.cite(
                    TermName::Notice,
                    Sentence {
                        start: s.start,
                        end: close.map_or(s.end, |c| c + 1),
                    },
                );
            }
            _ => self.unclear(
                TermName::Notice,
                "a required notice whose text could not be delimited",
                s,
            ),
        }
    }

    fn attribution(&mut self) {
        let mut displays: Vec<(Sentence, (usize, usize), usize)> = Vec::new();
        for (s, caps) in self.captures(&DISPLAY_STRING, K_QUOTE) {
            if let (Some(m), Some(inner)) = (caps.get(0), caps.get(1)) {
                let at = (s.start + inner.start(), s.start + inner.end());
                displays.push((s, at, m.start()));
            }
        }
        // "突出显示 “Built with X”", "署名 “...”".
        for (s, caps) in self.captures(&DISPLAY_ZH, K_ZH) {
            if let (Some(m), Some(inner)) = (caps.get(0), caps.get(1)) {
                let at = (s.start + inner.start(), s.start + inner.end());
                displays.push((s, at, m.start()));
            }
        }
        // "Powered by X", "X Inside", "Built with X" quoted in a sentence that imposes a duty.
        for (s, caps) in self.captures(&DISPLAY_QUOTED, K_QUOTE) {
            if let (Some(m), Some(inner)) = (caps.get(0), caps.get(1)) {
                let at = (s.start + inner.start(), s.start + inner.end());
                if !displays.iter().any(|(d, _, _)| d.start == s.start) {
                    displays.push((s, at, m.start()));
                }
            }
        }
        // "... include the following statement: "[name] is built using ..."", possibly on the
        // next line: the quotation is delimited like a notice.
        for (s, open) in self.intro_then_quote(&STATEMENT_INTRO, K_STATEMENT) {
            if let Some(close) = self.closing_quote(open) {
                let cited = Sentence {
                    start: s.start,
                    end: close + 1,
                };
                displays.push((cited, (open, close), 0));
            }
        }
        for (s, (inner_start, inner_end), match_start) in displays {
            let before = &self.sentence_text(s)[..match_start];
            if OPTIONAL.is_match(before) && !self.sentence_text(s).contains("must") {
                continue;
            }
            if self.terms.attribution.is_some() {
                self.cite(TermName::Attribution, s);
                continue;
            }
            if let Some(value) = self.quoted(inner_start, inner_end) {
                self.terms.attribution = Some(value);
                self.cite(TermName::Attribution, s);
            }
        }
        // A condition read from a sentence with no display string belongs to no notice.
        if self.terms.attribution.is_none() && self.terms.attribution_condition.is_some() {
            let evidence = self
                .evidence
                .remove(&TermName::AttributionCondition)
                .unwrap_or_default();
            self.found.remove(&TermName::AttributionCondition);
            self.terms.attribution_condition = None;
            self.unclear.push(Unclear {
                term: TermName::Attribution,
                reason:
                    "a duty above a number of users or a revenue, whose notice could not be read"
                        .to_string(),
                evidence,
            });
        }
    }

    fn use_policy(&mut self) {
        for s in self.sentences(&USE_POLICY, K_USE_POLICY) {
            self.terms.use_policy = true;
            self.cite(TermName::UsePolicy, s);
        }
    }

    fn flow_down(&mut self) {
        let mut found = self.sentences(&FLOW_DOWN, K_FLOW_DOWN);
        found.extend(self.sentences(&FLOW_DOWN_ZH, K_ZH));
        for s in found {
            self.terms.flow_down = true;
            self.cite(TermName::FlowDown, s);
        }
    }

    fn licence_copy(&mut self, granted: bool) {
        let mut found = self.sentences(&LICENCE_COPY, K_COPY);
        found.extend(self.sentences(&LICENCE_COPY_ZH, K_ZH));
        for s in found {
            self.terms.licence_copy = true;
            self.cite(TermName::LicenceCopy, s);
        }
        if !granted && !self.terms.licence_copy {
            self.found.remove(&TermName::LicenceCopy);
        }
    }

    fn hosting(&mut self, granted: bool) {
        let mut denied = Vec::new();
        for s in self.sentences(&HOSTING_WORD, K_HOSTING) {
            if HOSTING_DENY.is_match(self.sentence_text(s)) {
                denied.push(s);
            }
        }
        denied.extend(self.sentences(&HOSTING_NOT_NC, K_COMMERCIAL));
        denied.extend(self.sentences(&HOSTING_DENY_ZH, K_ZH));
        // Under a non-commercial grant, offering the model to others is allowed only where the
        // text says the model may be made available; silence is no permission.
        let silent_nc = self.terms.commercial_use == CommercialUse::NonCommercial
            && self.sentences(&HOSTING_ALLOW, K_AVAILABLE).is_empty();
        self.terms.hosting = if !denied.is_empty() {
            Hosting::RequiresLicence
        } else if granted && !silent_nc && self.terms.commercial_use != CommercialUse::Unknown {
            Hosting::Allowed
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

    fn output_training(&mut self, granted: bool) {
        // A ban "for commercial purposes" only leaves other uses open.
        let (commercial_bans, mut banned): (Vec<Sentence>, Vec<Sentence>) = self
            .sentences(&OUTPUT_BAN, K_OUTPUT)
            .into_iter()
            .chain(self.sentences(&OUTPUT_BAN_ZH, K_ZH))
            .partition(|s| {
                let text = self.sentence_text(*s);
                COMMERCIAL_ONLY_QUALIFIER.is_match(text) && !NON_COMMERCIAL_MENTION.is_match(text)
            });
        let mut conditions = self.sentences(&OUTPUT_CONDITION, K_OUTPUT);
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
        let naming_without_outputs: Vec<Sentence> = self
            .sentences(&NAMING_TRAINING, K_NAME)
            .into_iter()
            .chain(self.sentences(&NAMING_TRAINING_ZH, K_ZH))
            .filter(|s| {
                let text = self.sentence_text(*s);
                !OUTPUT_WORD.is_match(text) && !text.contains("输出")
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
        {
            // Under a non-commercial grant, commercial use of what outputs train is unclear.
            (OutputTraining::Unknown, Vec::new())
        } else {
            // Silence is not permission: any other clause on training with outputs leaves it
            // unread.
            let mut mentions = self.sentences(&OUTPUT_TRAINING_MENTION, K_OUTPUT);
            mentions.extend(self.sentences(&OUTPUT_TRAINING_MENTION_ZH, K_ZH));
            if mentions.is_empty() {
                (OutputTraining::Unrestricted, Vec::new())
            } else {
                for s in &mentions {
                    self.unclear(
                        TermName::OutputTraining,
                        "a clause on training with outputs that the rules cannot read",
                        *s,
                    );
                }
                (OutputTraining::Unknown, Vec::new())
            }
        };
        self.terms.output_training = value;
        for s in cited {
            self.cite(TermName::OutputTraining, s);
        }
        if value != OutputTraining::Unknown {
            self.found.insert(TermName::OutputTraining);
        }
    }

    /// Whether the grant (with the list it introduces) or a permission names modification, or
    /// grants everything "without restriction".
    fn permits_modification(&self) -> bool {
        let mut grants = self.sentences(&GRANT, K_GRANT);
        grants.extend(self.sentences(&GRANT_ZH, K_ZH));
        let in_scope = |s: &Sentence| {
            let text = self.sentence_text(*s);
            (MODIFY_GRANT.is_match(text)
                || MODIFY_ZH.is_match(text)
                || text.contains("without restriction"))
                && !NEGATED.is_match(text)
                && !NEGATED_ZH.is_match(text)
        };
        for grant in &grants {
            let at = self
                .all
                .iter()
                .position(|s| s.start == grant.start)
                .unwrap_or(0);
            // The grant, or the sentence after it ("You must adhere to the following:"),
            // introduces a list of what the licence covers.
            let introduces_list = self.all[at..]
                .iter()
                .take(2)
                .any(|s| self.sentence_text(*s).trim_end().ends_with([':', '：']));
            let scope = if introduces_list { 8 } else { 1 };
            if self.all[at..].iter().take(scope).any(in_scope) {
                return true;
            }
        }
        let permitted_zh = self.sentences(&PERMISSION_ZH, K_ZH).iter().any(&in_scope);
        permitted_zh
            || self
                .sentences(&MODIFY_GRANT, K_MODIFY)
                .iter()
                .any(|s| PERMISSION.is_match(self.sentence_text(*s)) && in_scope(s))
    }

    /// Sharing derivatives reads as allowed only if no clause on sharing them limits it in words
    /// the rules do not read ("only", "may not"): such a clause leaves it unknown, for review.
    fn unlimited_sharing(&mut self) -> Redistribution {
        let limits: Vec<Sentence> = self
            .sentences(&DERIVATIVE_WORD, K_MODIFY)
            .into_iter()
            .filter(|s| {
                let text = self.sentence_text(*s);
                SHARING_LIMIT.is_match(text)
            })
            .collect();
        for s in &limits {
            self.unclear(
                TermName::Derivatives,
                "a clause limits how derivatives are shared in words the rules cannot weigh",
                *s,
            );
        }
        if limits.is_empty() {
            Redistribution::Allowed
        } else {
            Redistribution::Unknown
        }
    }

    /// Grants whose scope is a defined term with a narrow definition ("to use the Model for
    /// Permitted Purposes", where "Permitted Purposes" means non-commercial research): the
    /// grant and the definition.
    fn grants_through_narrow_definitions(&self) -> Vec<Sentence> {
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

    fn derivatives(&mut self, granted: bool) {
        let names: Vec<(Sentence, usize, usize)> = self
            .captures(&NAMING, K_NAME)
            .into_iter()
            .chain(self.captures(&NAMING_ZH, K_ZH))
            .filter_map(|(s, caps)| {
                let inner = caps.get(1).or(caps.get(2))?;
                Some((s, s.start + inner.start(), s.start + inner.end()))
            })
            .collect();
        for (s, start, end) in names {
            if self.terms.derivatives.naming_prefix.is_none() {
                self.terms.derivatives.naming_prefix = self.quoted(start, end);
            }
            self.cite(TermName::Derivatives, s);
        }
        let mut banned = self.sentences(&DERIVATIVE_BAN, K_DERIVATIVE_BAN);
        // A ban on sharing derivatives for some purposes only (military, unlawful) is a use
        // restriction, not a ban on sharing.
        banned.extend(
            self.sentences(&DERIVATIVE_BAN_ZH, K_ZH)
                .into_iter()
                .filter(|s| !PURPOSE_BAN_ZH.is_match(self.sentence_text(*s))),
        );
        let mut share_alike = self.sentences(&SHARE_ALIKE, K_SHARE_ALIKE);
        // "Derivatives may be distributed only under the terms of this Agreement", "with the use
        // restrictions included", "for non-commercial purposes".
        share_alike.extend(
            self.sentences(&DERIVATIVE_LIMIT, K_MODIFY)
                .into_iter()
                .filter(|s| {
                    let text = self.sentence_text(*s);
                    DERIVATIVE_WORD.is_match(text) && DISTRIBUTE_WORD.is_match(text)
                }),
        );
        let t = &self.terms;
        let conditional = t.derivatives.naming_prefix.is_some()
            || t.flow_down
            || !share_alike.is_empty()
            || t.commercial_use == CommercialUse::NonCommercial
            || (t.attribution.is_some() && t.attribution_condition.is_none());
        // Modification must be among the acts the text permits, not merely mentioned.
        let may_modify = granted && self.permits_modification();
        let commercial_unread = t.commercial_use == CommercialUse::Unknown;
        self.terms.derivatives.redistribution = if !banned.is_empty() {
            Redistribution::Prohibited
        } else if conditional {
            Redistribution::Conditional
        } else if may_modify && !commercial_unread {
            self.unlimited_sharing()
        } else {
            Redistribution::Unknown
        };
        for s in banned.into_iter().chain(share_alike) {
            self.cite(TermName::Derivatives, s);
        }
        if self.terms.derivatives.redistribution != Redistribution::Unknown {
            self.found.insert(TermName::Derivatives);
        }
    }
}

/// Whether `text` holds `word` (as written) between word boundaries.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn user_threshold(daily: bool, value: u64) -> UserThreshold {
    if daily {
        UserThreshold::DailyActiveUsers(value)
    } else {
        UserThreshold::MonthlyActiveUsers(value)
    }
}

/// Parses "700" + "million", "1,000,000", "1.5" + "b".
fn amount(number: &str, scale: Option<&str>) -> Option<u64> {
    let value = if number.starts_with(|c: char| c.is_ascii_alphabetic()) {
        words_value(number)? as f64
    } else {
        let digits: String = number.chars().filter(|c| *c != ',').collect();
        digits.trim_end_matches('.').parse().ok()?
    };
    let factor = match scale.map(str::to_ascii_lowercase).as_deref() {
        None => 1.0,
        Some("thousand" | "k") => 1e3,
        Some("million" | "m" | "mm") => 1e6,
        Some("billion" | "b" | "bn") => 1e9,
        Some(_) => return None,
    };
    let total = value * factor;
    (0.0..1e19).contains(&total).then(|| total.round() as u64)
}

/// The value of a number written in words below a thousand: "seven hundred" is 700, "twenty-five"
/// is 25, "one hundred and ten" is 110.
fn words_value(words: &str) -> Option<u64> {
    let mut total: u64 = 0;
    for word in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        let units = match word.as_str() {
            "and" => continue,
            "hundred" => {
                total = total.max(1) * 100;
                continue;
            }
            "zero" => 0,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        };
        total += units;
    }
    Some(total)
}

/// Parses "3" + "亿", "100" + "万", "一" + "百万", "1,000,000".
fn amount_zh(number: &str, scale: Option<&str>) -> Option<u64> {
    let value = if number.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = number.chars().filter(|c| *c != ',').collect();
        digits.parse::<f64>().ok()?
    } else {
        numerals_zh(number)? as f64
    };
    let factor = match scale {
        None => 1.0,
        Some("千") => 1e3,
        Some("万") => 1e4,
        Some("十万") => 1e5,
        Some("百万") => 1e6,
        Some("千万") => 1e7,
        Some("亿") => 1e8,
        Some(_) => return None,
    };
    let total = value * factor;
    (0.0..1e19).contains(&total).then(|| total.round() as u64)
}

/// The value of Chinese numerals below ten thousand: "三" is 3, "一百" 100, "十五" 15.
fn numerals_zh(numerals: &str) -> Option<u64> {
    let mut total = 0;
    let mut digit = 0;
    for c in numerals.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                digit = "零一二三四五六七八九"
                    .chars()
                    .position(|d| d == c)
                    .or(match c {
                        '两' => Some(2),
                        _ => None,
                    })? as u64;
                continue;
            }
        };
        total += digit.max(1) * unit;
        digit = 0;
    }
    Some(total + digit)
}

/// Chinese region names a licence may exclude, with their codes.
const REGION_NAMES_ZH: &[(&str, &str)] = &[
    ("欧盟", "EU"),
    ("欧洲联盟", "EU"),
    ("英国", "GB"),
    ("韩国", "KR"),
    ("朝鲜", "KP"),
    ("美国", "US"),
    ("俄罗斯", "RU"),
    ("伊朗", "IR"),
    ("日本", "JP"),
    ("印度", "IN"),
    ("中国大陆", "CN"),
];

/// The regions a Chinese sentence names, in order, without repeats.
fn regions_zh(sentence: &str) -> Vec<&'static str> {
    let mut found: Vec<(usize, &'static str)> = REGION_NAMES_ZH
        .iter()
        .flat_map(|(name, code)| sentence.match_indices(name).map(move |(at, _)| (at, *code)))
        .collect();
    found.sort();
    let mut codes = Vec::new();
    for (_, code) in found {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The language of a clause, told from its script: the language of most of its letters that have
/// one (`zh`, `ja`, `ko`), or `None` when most of its letters are Latin (English).
pub fn clause_language(clause: &str) -> Option<&'static str> {
    let mut latin = 0;
    let mut counts: [(&str, usize); 3] = [("zh", 0), ("ja", 0), ("ko", 0)];
    for c in clause.chars().filter(|c| c.is_alphabetic()) {
        match script_language(c) {
            Some(lang) => {
                if let Some(entry) = counts.iter_mut().find(|(l, _)| *l == lang) {
                    entry.1 += 1;
                }
            }
            None => latin += 1,
        }
    }
    // Kana mark Japanese even among many Han characters.
    let (han, kana, hangul) = (counts[0].1, counts[1].1, counts[2].1);
    let scripted = han + kana + hangul;
    if scripted == 0 || scripted * 2 < latin {
        None
    } else if kana > 0 {
        Some("ja")
    } else if hangul >= han {
        Some("ko")
    } else {
        Some("zh")
    }
}

/// The language a letter is written in, where its script tells: `zh` for Han, `ja` for kana,
/// `ko` for Hangul; `None` for Latin and other letters.
fn script_language(c: char) -> Option<&'static str> {
    match c {
        '\u{3040}'..='\u{30FF}' => Some("ja"),
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => Some("ko"),
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => Some("zh"),
        _ => None,
    }
}

/// Region names a licence may exclude, with their codes.
const REGION_NAMES: &[(&str, &str)] = &[
    ("european union", "EU"),
    ("the eu", "EU"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("the uk", "GB"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("north korea", "KP"),
    ("people's republic of china", "CN"),
    ("mainland china", "CN"),
    ("china", "CN"),
    ("united states", "US"),
    ("russia", "RU"),
    ("iran", "IR"),
    ("cuba", "CU"),
    ("syria", "SY"),
    ("belarus", "BY"),
    ("switzerland", "CH"),
    ("japan", "JP"),
    ("india", "IN"),
    ("canada", "CA"),
    ("brazil", "BR"),
    ("australia", "AU"),
];

/// The regions a sentence names, in order, without repeats.
fn regions_in(sentence: &str) -> Vec<&'static str> {
    let lower = sentence.to_lowercase();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (name, code) in REGION_NAMES {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(name) {
            let start = from + pos;
            let end = start + name.len();
            from = end;
            let boundary_before =
                start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
            let boundary_after =
                end == lower.len() || !lower.as_bytes()[end].is_ascii_alphanumeric();
            let overlaps = taken.iter().any(|&(a, b)| start < b && a < end);
            if boundary_before && boundary_after && !overlaps {
                taken.push((start, end));
                found.push((start, code));
            }
        }
    }
    found.sort();
    let mut codes = Vec::new();
    for (_, code) in found {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The regions listed right after a trigger: the first within a few words of it, the list up to
/// the end of the clause. "excluding the European Union and the UK" lists two; "governed by the
/// laws of China, excluding conflict of laws" lists none.
fn regions_after(sentence: &str, from: usize) -> Vec<&'static str> {
    let rest = sentence.get(from..).unwrap_or("");
    let end = rest
        .find(['.', ';', ')', ':'])
        .unwrap_or(rest.len())
        .min(200);
    let mut window_end = end;
    while !rest.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &rest[..window_end];
    let lower = window.to_lowercase();
    let first = REGION_NAMES
        .iter()
        .filter_map(|(name, _)| lower.find(name))
        .min();
    match first {
        Some(pos) if pos <= 40 => regions_in(window),
        _ => Vec::new(),
    }
}

/// One exclusion per region and scope; a region excluded by domicile and by market is excluded
/// by either.
fn merge_exclusions(list: Vec<TerritoryExclusion>) -> Vec<TerritoryExclusion> {
    let mut out: Vec<TerritoryExclusion> = Vec::new();
    for e in list {
        match out
            .iter_mut()
            .find(|o| o.region == e.region && o.scope == e.scope)
        {
            Some(existing) if existing.basis != e.basis => existing.basis = TerritoryBasis::Any,
            Some(_) => {}
            None => out.push(e),
        }
    }
    // An exclusion of everything covers the multimodal-only one.
    let all: Vec<String> = out
        .iter()
        .filter(|e| e.scope == TerritoryScope::All)
        .map(|e| e.region.clone())
        .collect();
    out.retain(|e| e.scope == TerritoryScope::All || !all.contains(&e.region));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse() {
        assert_eq!(amount("700", Some("million")), Some(700_000_000));
        assert_eq!(amount("1,000,000", None), Some(1_000_000));
        assert_eq!(amount("1.5", Some("B")), Some(1_500_000_000));
        assert_eq!(amount("20", Some("M")), Some(20_000_000));
        assert_eq!(amount("seven hundred", Some("million")), Some(700_000_000));
        assert_eq!(amount("one", Some("million")), Some(1_000_000));
        assert_eq!(amount("twenty-five", Some("thousand")), Some(25_000));
        assert_eq!(amount("one hundred and ten", None), Some(110));
        assert_eq!(amount_zh("3", Some("亿")), Some(300_000_000));
        assert_eq!(amount_zh("100", Some("万")), Some(1_000_000));
        assert_eq!(amount_zh("一", Some("百万")), Some(1_000_000));
        assert_eq!(amount_zh("十五", None), Some(15));
        assert_eq!(amount_zh("三千", Some("万")), Some(30_000_000));
    }

    #[test]
    fn clause_languages_are_told_from_the_script() {
        assert_eq!(clause_language("You must not use the outputs."), None);
        assert_eq!(
            clause_language("您不得使用本模型作品的任何输出。"),
            Some("zh")
        );
        assert_eq!(
            clause_language("(B) 在相关网站上突出显示 “Built with glm-4”。"),
            Some("zh")
        );
    }

    #[test]
    fn regions_are_found_with_word_boundaries() {
        assert_eq!(
            regions_in("excluding the European Union, United Kingdom and South Korea"),
            vec!["EU", "GB", "KR"]
        );
        assert!(regions_in("the Ukrainian translation").is_empty());
        assert_eq!(regions_in("North Korea and South Korea"), vec!["KP", "KR"]);
    }

    #[test]
    fn every_pattern_compiles() {
        for re in [
            &*NORMATIVE,
            &*GRANT,
            &*USERS_AFTER,
            &*USERS_BEFORE,
            &*USERS_ABBREV,
            &*USERS_ANY,
            &*PERMISSION,
            &*NEGATED,
            &*USERS_PER_MONTH,
            &*USERS_BELOW,
            &*MONEY,
            &*OTHER_CURRENCY,
            &*REVENUE_WORD,
            &*ANNUAL,
            &*MONTHLY,
            &*DISPLAY_DUTY,
            &*SEPARATE_GRANT,
            &*NON_COMMERCIAL_ONLY,
            &*COMMERCIAL_APPROVAL,
            &*COMMERCIAL_WORD,
            &*REGISTRATION,
            &*REGISTRY_NOISE,
            &*SEPARATE_LICENCE,
            &*REGION_TRIGGER_ANY,
            &*REGION_TRIGGER_DENY,
            &*DOMICILE_WORD,
            &*MARKET_DENY,
            &*MULTIMODAL,
            &*NOTICE_INTRO,
            &*DISPLAY_STRING,
            &*STATEMENT_INTRO,
            &*HOSTING_ALLOW,
            &*OPTIONAL,
            &*USE_POLICY,
            &*FLOW_DOWN,
            &*LICENCE_COPY,
            &*HOSTING_WORD,
            &*HOSTING_DENY,
            &*HOSTING_NOT_NC,
            &*OUTPUT_WORD,
            &*OUTPUT_BAN,
            &*OUTPUT_CONDITION,
            &*OUTPUT_DERIVATIVE,
            &*OUTPUT_BOUND,
            &*NAMING_TRAINING,
            &*NAMING,
            &*SHARE_ALIKE,
            &*DERIVATIVE_BAN,
            &*MODIFY_GRANT,
            &*DEFINITION,
            &*GATE_WORD,
            &*REVENUE_NOISE,
            &*NON_COMMERCIAL_MENTION,
            &*LICENSEE_NAME,
            &*LICENSEE_LIMIT,
            &*DISPLAY_QUOTED,
            &*DERIVATIVE_WORD,
            &*DISTRIBUTE_WORD,
            &*DERIVATIVE_LIMIT,
            &*MODIFY_BAN,
            &*OUTPUT_TRAINING_MENTION,
            &*COMMERCIAL_ONLY_QUALIFIER,
            &*SHARING_LIMIT,
            &*NARROW_PURPOSE,
            &*GRANT_ZH,
            &*USERS_ZH,
            &*DAILY_ZH,
            &*GATE_ZH,
            &*REVENUE_ZH,
            &*REGISTRATION_ZH,
            &*REGISTRY_NOISE_ZH,
            &*APPROVAL_ZH,
            &*NON_COMMERCIAL_ZH,
            &*NON_COMMERCIAL_MENTION_ZH,
            &*DEFINITION_ZH,
            &*DISPLAY_ZH,
            &*NAMING_ZH,
            &*DERIVATIVE_BAN_ZH,
            &*PURPOSE_BAN_ZH,
            &*NAMING_TRAINING_ZH,
            &*PERMISSION_ZH,
            &*MODIFY_ZH,
            &*NEGATED_ZH,
            &*OUTPUT_BAN_ZH,
            &*OUTPUT_DERIVATIVE_ZH,
            &*OUTPUT_TRAINING_MENTION_ZH,
            &*HOSTING_DENY_ZH,
            &*TERRITORY_ZH,
            &*GOVERNING_LAW_ZH,
            &*FLOW_DOWN_ZH,
            &*LICENCE_COPY_ZH,
            &*DAMAGES_ZH,
        ] {
            assert!(!re.as_str().is_empty());
        }
        assert_eq!(KEYWORD_FINDER.1.len(), KEYWORD_FINDER.0.patterns_len());
    }
}
