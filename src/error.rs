//! Errors: what could not be run, and where. A failed *check* is a finding, never an error.

use std::path::PathBuf;

/// Where an input came from, for error messages. A path's bytes that are not UTF-8 are shown as
/// `\xHH` (see [`crate::render::path_name`]).
///
/// ```
/// use model_licence::Origin;
///
/// assert_eq!(Origin::Path("models/LICENSE".into()).to_string(), "models/LICENSE");
/// assert_eq!(Origin::Memory("stdin".into()).to_string(), "<stdin>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    Path(PathBuf),
    /// Text handed over in memory, with a caller-chosen name.
    Memory(String),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Path(path) => f.write_str(&crate::shown::path_name(path.as_os_str())),
            Origin::Memory(name) => write!(f, "<{name}>"),
        }
    }
}

/// Everything that can stop a check from running.
///
/// ```
/// use model_licence::{Checker, Context, Error, Subject};
///
/// let err = Checker::new()
///     .check(&Subject::parse("llama-33"), &Context::default_assumed())
///     .unwrap_err();
/// assert!(matches!(err, Error::UnknownLicenceId { ref suggestions, .. } if !suggestions.is_empty()));
/// assert!(err.to_string().contains("did you mean"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// The file.
        origin: Origin,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The path does not exist.
    #[error("{origin}: no such file or folder")]
    NotFound {
        /// The path.
        origin: Origin,
    },
    /// The path is not a regular file (a FIFO, socket, device or folder where a file is
    /// needed): refused from its metadata, never opened or waited on.
    #[error("{origin}: is {kind}, not a file")]
    NotAFile {
        /// The path.
        origin: Origin,
        /// What it is: `a FIFO (named pipe)`, `a character device`, ...
        kind: &'static str,
    },
    /// The input holds nothing to check.
    #[error("{origin}: the file is empty")]
    Empty {
        /// The input.
        origin: Origin,
    },
    /// The input is larger than the configured limit.
    #[error(
        "{origin}: {size} bytes is over the input limit of {limit} bytes (raise it with `Limits::max_input_bytes` or `--max-input-bytes`)"
    )]
    TooLarge {
        /// The input.
        origin: Origin,
        /// Its size in bytes.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The input is not text.
    #[error("{origin}: binary data (NUL byte at byte {offset}); a licence must be a text file")]
    Binary {
        /// The input.
        origin: Origin,
        /// Where the first NUL byte is.
        offset: usize,
    },
    /// The input is text, but not UTF-8.
    #[error("{origin}: line {line}, byte {offset}: {reason}")]
    Encoding {
        /// The input.
        origin: Origin,
        /// 1-based line of the first bad byte.
        line: usize,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// What is wrong.
        reason: String,
    },
    /// A licence id or alias that the catalogue does not know.
    #[error("unknown licence id `{id}` (nor a file of that name){}", suggestion_text(.suggestions))]
    UnknownLicenceId {
        /// What was asked for.
        id: String,
        /// The closest known ids.
        suggestions: Vec<String>,
    },
    /// A subject written as a path (`missing.txt`, `models/x`) that names no file and no
    /// catalogue licence: the missing file is said first, the closest ids after it.
    #[error("{path}: no such file or folder, nor a catalogue licence id{}", suggestion_text(.suggestions))]
    NoSuchSubject {
        /// The subject as given.
        path: String,
        /// The closest known ids.
        suggestions: Vec<String>,
    },
    /// A deployment context that is malformed: the field names what is wrong.
    #[error("{origin}: context field `{field}`: {message}")]
    Context {
        /// The context file (or `<flags>`).
        origin: Origin,
        /// The dotted path of the field, e.g. `organisation.domicile`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A catalogue entry is malformed (a build-time data error, or a broken extra folder).
    #[error("catalogue entry `{id}`: {message}")]
    Catalogue {
        /// The entry's id (folder name).
        id: String,
        /// What is wrong with it.
        message: String,
    },
    /// Model metadata (a card's front matter, a Hub JSON) that cannot be read.
    #[error("{origin}{}: {message}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Metadata {
        /// The file.
        origin: Origin,
        /// The 1-based line, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// An organisation policy that does not validate: every problem, each with its line.
    #[error("{origin}: invalid policy:\n  {}", problems.join("\n  "))]
    Policy {
        /// The policy file.
        origin: Origin,
        /// What is wrong, one entry per problem, each starting with its line.
        problems: Vec<String>,
    },
    /// A model could not be read from the Hugging Face Hub: the URL asked and what went wrong.
    #[error("{url}: {message}")]
    Hub {
        /// The URL requested.
        url: String,
        /// What the Hub answered, or why there was no answer.
        message: String,
    },
    /// The subject is of a kind this version cannot check yet.
    #[error("{origin}: {message}")]
    Unsupported {
        /// The subject.
        origin: Origin,
        /// What is not supported.
        message: String,
    },
}

fn suggestion_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; run with `--list` to see the catalogue".to_string()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// A word that names none of the values of its kind: a verdict, a severity, a region or a
/// modality.
///
/// ```
/// use model_licence::{ParseError, Verdict};
///
/// let err = "pass".parse::<Verdict>().unwrap_err();
/// assert_eq!(err.value, "pass");
/// assert!(err.to_string().starts_with("`pass` is not a verdict"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not {expected}")]
pub struct ParseError {
    /// What was given.
    pub value: String,
    /// What was expected, with the values accepted (`a verdict (permitted, ...)`).
    pub expected: String,
}

impl ParseError {
    /// `value` is not `expected`.
    pub(crate) fn new(value: &str, expected: impl Into<String>) -> ParseError {
        ParseError {
            value: value.to_string(),
            expected: expected.into(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
