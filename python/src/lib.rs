//! The `model_licence` Python package's native module: `check`, `scan` and `licences` over the
//! library's public API (the `Checker`, the `batch` module, the embedded `Catalogue`), with the
//! interpreter detached while a check or a scan runs.
//!
//! Every library error becomes a `model_licence.InputError` with the library's message.

mod setup;
mod types;

use std::ffi::OsString;

use model_licence::batch::{self, BatchItem, CheckOptions};
use model_licence::{Catalogue, Limits, Subject};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use setup::{Setup, path_of, type_name};
use types::{Licence, Report};

create_exception!(
    model_licence,
    InputError,
    PyValueError,
    "Input that cannot be checked: an unknown licence id, a missing or unreadable file, a \
     malformed context, an unknown fact. The command line's exit code 2."
);
create_exception!(
    model_licence,
    ScanError,
    InputError,
    "Some subjects of a scan could not be checked. `reports` holds the reports of the others, \
     `errors` maps each subject that failed to its message."
);

/// A library error as an `InputError` with the library's message.
pub(crate) fn input_error(err: model_licence::Error) -> PyErr {
    InputError::new_err(err.to_string())
}

/// What to check, read as the command line reads its argument: a `str` is a licence id or
/// alias, a path, an SPDX expression or a model id (`owner/name[@revision]`); an `os.PathLike`
/// is a path. A `str` that opens with `{` is a Hub model JSON (as the Hub API returns it, on
/// one line), and one of several lines is a text: a model card when it opens with YAML front
/// matter, else a licence text.
fn subject_of(value: &Bound<'_, PyAny>) -> PyResult<Subject> {
    let Ok(text) = value.cast::<PyString>() else {
        return path_of("subject", value).map(Subject::Path);
    };
    let text = text.to_cow()?;
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        return Ok(Subject::HubJson(text.into_owned()));
    }
    if text.contains('\n') {
        return Ok(if start.starts_with("---") {
            Subject::CardText(text.into_owned())
        } else {
            Subject::LicenceText(text.into_owned())
        });
    }
    if *text == *batch::STDIN {
        return Err(InputError::new_err(
            "subject `-`: standard input is the command line's; pass the text itself, e.g. check(sys.stdin.read())",
        ));
    }
    Ok(Subject::parse(&text))
}

/// Checks one subject against a deployment context and returns its report.
///
/// `subject`: a licence id or alias (`"llama-3.3"`), a path (`str` or `os.PathLike`) to a
/// licence text, model card, Hub JSON or model folder, a model id (`"owner/name"`), or the
/// text of a card or licence. `context`: a dict in the contract's shape, or the path of a JSON
/// file; without one, the documented default context (or the policy's). `policy`: the path of
/// an organisation policy (TOML). `facts`: the command line's fact flags as keywords
/// (`users=800_000_000, domicile="DE", commercial=True`); `None` makes a fact unknown.
#[pyfunction]
#[pyo3(signature = (subject, context = None, *, policy = None, **facts))]
fn check(
    py: Python<'_>,
    subject: &Bound<'_, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
    facts: Option<&Bound<'_, PyDict>>,
) -> PyResult<Report> {
    let subject = subject_of(subject)?;
    let setup = Setup::read(context, policy, facts)?;
    let checker = setup.checker();
    let mut report = py
        .detach(|| checker.check(&subject, &setup.context))
        .map_err(input_error)?;
    report.assumed_facts.clone_from(&setup.assumed);
    let exit_code = checker.exit_code(&report).code();
    Ok(Report::new(report, exit_code))
}

/// Checks many subjects in parallel and returns their reports in order.
///
/// `paths`: one path or subject, or an iterable of them; a folder stands for each of its
/// entries (model folders, cards, Hub JSON files, licence texts). `context`, `policy` and
/// `facts` as for `check`. When some subjects cannot be checked, raises `ScanError` after the
/// scan, with the other reports in its `reports`.
#[pyfunction]
#[pyo3(signature = (paths, context = None, policy = None, **facts))]
fn scan(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
    facts: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<Report>> {
    let listed = listed_paths(paths)?;
    let setup = Setup::read(context, policy, facts)?;
    let options = CheckOptions {
        limits: Limits::DEFAULT,
        context_source: setup.context_source,
        hub: false,
    };
    let items = py
        .detach(|| -> model_licence::Result<Vec<BatchItem>> {
            let subjects = subjects_of(&listed)?;
            let mut items = Vec::with_capacity(subjects.len());
            batch::check_all(
                &subjects,
                &setup.context,
                setup.policy.as_ref(),
                &options,
                |item| items.push(item),
            );
            Ok(items)
        })
        .map_err(input_error)?;
    reports_of(py, items, &setup)
}

/// The paths a scan was given: one `str` or `os.PathLike`, or an iterable of them.
fn listed_paths(paths: &Bound<'_, PyAny>) -> PyResult<Vec<OsString>> {
    // A path-like keeps its bytes: a file name need not be UTF-8.
    let one = |value: &Bound<'_, PyAny>| -> PyResult<OsString> {
        match value.cast::<PyString>() {
            Ok(text) => Ok(OsString::from(text.to_cow()?.into_owned())),
            Err(_) => Ok(path_of("scan", value)?.into_os_string()),
        }
    };
    if paths.is_instance_of::<PyString>() || path_of("scan", paths).is_ok() {
        return Ok(vec![one(paths)?]);
    }
    let items = paths.try_iter().map_err(|_| {
        InputError::new_err(format!(
            "scan: expected a path or an iterable of paths, got {}",
            type_name(paths)
        ))
    })?;
    let listed = items
        .map(|item| one(&item?))
        .collect::<PyResult<Vec<OsString>>>()?;
    if listed.is_empty() {
        return Err(InputError::new_err(
            "<scan>: nothing to scan: give folders or subjects",
        ));
    }
    Ok(listed)
}

/// Each folder's entries, and each other path or subject as given (the command line's rule).
fn subjects_of(listed: &[OsString]) -> model_licence::Result<Vec<OsString>> {
    let mut subjects = Vec::new();
    for path in listed {
        if std::path::Path::new(path).is_dir() {
            subjects.extend(batch::subjects_in_dir(path.as_ref())?);
        } else {
            subjects.push(path.clone());
        }
    }
    Ok(subjects)
}

/// The reports of a batch; a `ScanError` holding them when any subject failed.
fn reports_of(py: Python<'_>, items: Vec<BatchItem>, setup: &Setup) -> PyResult<Vec<Report>> {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for item in items {
        let exit_code = item.exit_code(setup.policy.as_ref()).code();
        match item.result {
            Ok(mut report) => {
                report.assumed_facts.clone_from(&setup.assumed);
                reports.push(Report::new(report, exit_code));
            }
            Err(err) => errors.push((item.subject, err.to_string())),
        }
    }
    if errors.is_empty() {
        return Ok(reports);
    }
    let lines: Vec<String> = errors
        .iter()
        .map(|(subject, message)| format!("  {subject}: {message}"))
        .collect();
    let err = ScanError::new_err(format!(
        "{} of {} subjects could not be checked:\n{}",
        errors.len(),
        errors.len() + reports.len(),
        lines.join("\n")
    ));
    let failed = PyDict::new(py);
    for (subject, message) in errors {
        failed.set_item(subject, message)?;
    }
    let value = err.value(py);
    value.setattr("reports", reports)?;
    value.setattr("errors", failed)?;
    Err(err)
}

/// The licences of the embedded catalogue, sorted by id.
#[pyfunction]
fn licences() -> PyResult<Vec<Licence>> {
    let catalogue = Catalogue::embedded().map_err(input_error)?;
    Ok(catalogue.licences().iter().map(Licence).collect())
}

/// One licence of the catalogue by its id or an alias (`"llama"` is the newest Llama licence).
#[pyfunction]
fn licence(name: &str) -> PyResult<Licence> {
    let catalogue = Catalogue::embedded().map_err(input_error)?;
    let resolved = catalogue.resolve(name).map_err(input_error)?;
    Ok(Licence(resolved.licence))
}

/// Checks open-weight AI model licences (Llama, Gemma, Qwen, Mistral, FLUX, ...) against how a
/// model is deployed: the `model-licence` checker and its catalogue.
#[pymodule]
mod _native {
    #[pymodule_export]
    use super::types::{Evidence, Finding, Licence, Report, ReportLicence};
    #[pymodule_export]
    use super::{InputError, ScanError, check, licence, licences, scan};

    use pyo3::prelude::*;

    /// Adds `__version__`, the crate's version.
    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
