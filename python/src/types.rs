//! The Python classes: a `Report` and its parts (`ReportLicence`, `Finding`, `Evidence`), and a
//! catalogue `Licence`. Each wraps the library's value; its attributes are read from it on
//! access, so a report shows exactly what the library reported.

use model_licence::parts::LicenceReport;
use model_licence::terms::{Evidence as LibEvidence, TermEvidence};
use model_licence::{Finding as LibFinding, Licence as LibLicence, Report as LibReport};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;

/// A serialisable value as the Python objects `json.loads` makes of its JSON (dicts, lists,
/// strings, numbers, booleans, `None`).
fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value)
        .map_err(|err| pyo3::exceptions::PyRuntimeError::new_err(err.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// The JSON name of a value that serialises to a string (a licence kind, a match method).
fn json_name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The outcome of checking one subject: the verdict, the licence whose terms were evaluated,
/// and the findings behind the verdict, each citing its clauses.
#[pyclass(frozen, module = "model_licence", name = "Report")]
pub struct Report {
    report: LibReport,
    exit_code: u8,
}

impl Report {
    /// A report with the exit code its checker gives it (the policy's gate, if any).
    pub fn new(report: LibReport, exit_code: u8) -> Report {
        Report { report, exit_code }
    }
}

#[pymethods]
impl Report {
    /// The JSON report's schema version.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.report.schema_version
    }

    /// What was checked, as it was named.
    #[getter]
    fn subject(&self) -> &str {
        &self.report.subject
    }

    /// `permitted`, `permitted_with_obligations`, `needs_review` or `blocked`.
    #[getter]
    fn verdict(&self) -> &'static str {
        self.report.verdict.as_str()
    }

    /// The licence whose terms were evaluated.
    #[getter]
    fn licence(&self) -> ReportLicence {
        ReportLicence(self.report.licence.clone())
    }

    /// The evaluated terms, as in the JSON report's `licence.terms`.
    #[getter]
    fn terms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.licence.terms)
    }

    /// What the rules found, most severe first.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.report.findings.iter().cloned().map(Finding).collect()
    }

    /// Notes on how the subject was resolved.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.report.notes.clone()
    }

    /// The context evaluated, defaults filled in, in the contract's shape.
    #[getter]
    fn context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.context)
    }

    /// `default`, `default_with_overrides`, `given` or `given_with_overrides`.
    #[getter]
    fn context_source(&self) -> String {
        json_name(&self.report.context_source)
    }

    /// For a model: what its metadata declares.
    #[getter]
    fn declared<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.report
            .declared
            .as_ref()
            .map(|declared| to_python(py, declared))
            .transpose()
    }

    /// For a model: its ancestry, nearest first.
    #[getter]
    fn lineage<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.report
            .lineage
            .as_ref()
            .map(|lineage| to_python(py, lineage))
            .transpose()
    }

    /// The command line's exit code for this report: 0 permitted, 1 blocked, 3 needs review
    /// (a policy's review gate applied).
    #[getter]
    fn exit_code(&self) -> u8 {
        self.exit_code
    }

    /// The report as the command line's `--format json` writes it (CONTRACT.md).
    fn to_json(&self) -> String {
        self.report.to_json()
    }

    /// The report as a dict: `json.loads(report.to_json())`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report)
    }

    /// The report as text for a terminal.
    #[pyo3(signature = (colour = false))]
    fn to_text(&self, colour: bool) -> String {
        self.report.to_human(colour)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Report {:?}: {} ({})>",
            self.report.subject,
            self.report.verdict,
            self.report.licence.id.as_deref().unwrap_or("unidentified")
        )
    }
}

/// The licence a report evaluated: its catalogue id (`None` when unidentified or when several
/// licences bind at once), how it was identified, and its terms with their clauses.
#[pyclass(frozen, module = "model_licence", name = "ReportLicence")]
pub struct ReportLicence(LicenceReport);

#[pymethods]
impl ReportLicence {
    /// The catalogue id, or `None`.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }

    /// The licence's title.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }

    /// The SPDX id or `LicenseRef-...`.
    #[getter]
    fn spdx(&self) -> Option<&str> {
        self.0.spdx.as_deref()
    }

    /// `catalogue-id`, `text`, `metadata` or `none`.
    #[getter]
    fn method(&self) -> String {
        json_name(&self.0.match_info.method)
    }

    /// 0..1: how sure the identification is.
    #[getter]
    fn confidence(&self) -> f64 {
        self.0.match_info.confidence
    }

    /// The SHA-256 of the licence text read.
    #[getter]
    fn sha256(&self) -> Option<&str> {
        self.0.sha256.as_deref()
    }

    /// When several catalogue licences bind at once: their ids.
    #[getter]
    fn binding(&self) -> Vec<String> {
        self.0.binding.clone()
    }

    /// The evaluated terms.
    #[getter]
    fn terms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.terms)
    }

    /// The clauses behind each term, by term name.
    #[getter]
    fn clauses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        clauses(py, &self.0.clauses)
    }

    fn __repr__(&self) -> String {
        format!(
            "<ReportLicence {}>",
            self.0.id.as_deref().unwrap_or("unidentified")
        )
    }
}

/// The clauses behind each term, as a dict of lists of `Evidence`.
fn clauses<'py>(py: Python<'py>, clauses: &TermEvidence) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (term, evidence) in clauses {
        let quotes: Vec<Evidence> = evidence.iter().cloned().map(Evidence).collect();
        dict.set_item(term.as_str(), quotes)?;
    }
    Ok(dict)
}

/// One result of a rule: its rule, severity, message, and the clauses it rests on.
#[pyclass(frozen, module = "model_licence", name = "Finding")]
pub struct Finding(LibFinding);

#[pymethods]
impl Finding {
    /// The rule's code, as in `findings[].rule` (`user-threshold`, `territory`, ...).
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.rule.code()
    }

    /// `blocked`, `review`, `obligation` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// What it means, for a reader who is not a lawyer.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// The clauses it rests on.
    #[getter]
    fn evidence(&self) -> Vec<Evidence> {
        self.0.evidence.iter().cloned().map(Evidence).collect()
    }

    /// For `missing-fact`: the context field that is missing.
    #[getter]
    fn fact(&self) -> Option<&str> {
        self.0.fact.as_deref()
    }

    /// For `missing-fact`: the rule that needs it.
    #[getter]
    fn needed_by(&self) -> Option<&'static str> {
        self.0.needed_by.map(|rule| rule.code())
    }

    fn __repr__(&self) -> String {
        format!(
            "<Finding {} {}: {:?}>",
            self.0.severity.as_str(),
            self.0.rule.code(),
            self.0.message
        )
    }
}

/// A quoted clause: its text and its byte offsets into the document it was read from.
#[pyclass(frozen, module = "model_licence", name = "Evidence")]
pub struct Evidence(LibEvidence);

#[pymethods]
impl Evidence {
    /// Byte offset of the first byte.
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }

    /// Byte offset one past the last byte.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }

    /// The quoted text, exactly as it stands in the document.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// `licence`, or the id of a companion text (`llama-3.3-aup`).
    #[getter]
    fn document(&self) -> &str {
        &self.0.document
    }

    /// The language of the clause, where it is not English.
    #[getter]
    fn lang(&self) -> Option<&str> {
        self.0.lang.as_deref()
    }

    /// The 1-based line of `start` in the file read, where located.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.0.line
    }

    /// The 1-based column of `start` on that line, in characters.
    #[getter]
    fn column(&self) -> Option<usize> {
        self.0.column
    }

    fn __repr__(&self) -> String {
        format!(
            "<Evidence {}[{}..{}]: {:?}>",
            self.0.document, self.0.start, self.0.end, self.0.text
        )
    }
}

/// A licence of the catalogue: its names, its verbatim text and its curated terms.
#[pyclass(frozen, module = "model_licence", name = "Licence")]
pub struct Licence(pub &'static LibLicence);

#[pymethods]
impl Licence {
    /// The catalogue id (`llama-3.3`, `apache-2.0`).
    #[getter]
    fn id(&self) -> &'static str {
        &self.0.id
    }

    /// The licence's own title.
    #[getter]
    fn name(&self) -> &'static str {
        &self.0.name
    }

    /// Its version, where it has one.
    #[getter]
    fn version(&self) -> Option<&'static str> {
        self.0.version.as_deref()
    }

    /// The family it belongs to (`llama`, `gemma`, `cc`).
    #[getter]
    fn family(&self) -> &'static str {
        &self.0.family
    }

    /// Its release or effective date (`YYYY-MM-DD`), where the text gives one.
    #[getter]
    fn released(&self) -> Option<&'static str> {
        self.0.released.as_deref()
    }

    /// The SPDX id, or `LicenseRef-<id>`.
    #[getter]
    fn spdx(&self) -> &'static str {
        &self.0.spdx
    }

    /// `model`, `spdx` or `generic`.
    #[getter]
    fn kind(&self) -> String {
        json_name(&self.0.kind)
    }

    /// Other names it answers to.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.0.aliases.clone()
    }

    /// The Hugging Face licence ids that name it.
    #[getter]
    fn hf_ids(&self) -> Vec<String> {
        self.0.hf_ids.clone()
    }

    /// Model repositories published under it (`owner/name`).
    #[getter]
    fn models(&self) -> Vec<String> {
        self.0.models().iter().map(|m| m.repo.clone()).collect()
    }

    /// The verbatim licence text.
    #[getter]
    fn text(&self) -> &'static str {
        self.0.text
    }

    /// The verbatim acceptable-use policy it incorporates, where there is one.
    #[getter]
    fn policy_text(&self) -> Option<&'static str> {
        self.0.policy_text
    }

    /// The curated terms, in the JSON report's shape.
    #[getter]
    fn terms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.terms().terms)
    }

    /// The clauses behind each curated term, by term name.
    #[getter]
    fn clauses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        clauses(py, &self.0.terms().evidence)
    }

    fn __repr__(&self) -> String {
        format!("<Licence {}: {}>", self.0.id, self.0.name)
    }
}
