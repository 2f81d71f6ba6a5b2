//! The crate's error type.
//!
//! Parsing an article never fails: what is not in the text is `None` or empty.
//! [`Error`] is for configuration (a bad reference date or language name), reading
//! and decoding documents in a batch, and I/O.

use std::fmt;

/// An error: bad configuration, an unreadable document, or I/O.
///
/// Opaque; ask [`Error::kind`] what happened. The message leads with its context
/// (document id, byte position).
///
/// ```
/// use policy_news::{ErrorKind, Parser};
/// let err = Parser::builder().reference_date("2020-13-45").build().unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Config);
/// ```
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    id: Option<String>,
    position: Option<u64>,
    line: Option<u64>,
    source: Option<std::io::Error>,
}

/// What kind of error an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A parser option is invalid.
    Config,
    /// Reading failed.
    Io,
    /// The bytes are not text in any supported encoding.
    Decode,
    /// A record is malformed (not JSON, no `text` field).
    Record,
    /// A bug: the parser failed on a document (reported per document by the
    /// streaming API instead of ending the stream).
    Internal,
}

impl ErrorKind {
    /// A short lower-case name: `config`, `io`, `decode`, `record`, `internal`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Config => "config",
            ErrorKind::Io => "io",
            ErrorKind::Decode => "decode",
            ErrorKind::Record => "record",
            ErrorKind::Internal => "internal",
        }
    }
}

impl Error {
    fn new(kind: ErrorKind, message: String) -> Error {
        Error(Box::new(Inner {
            kind,
            message,
            id: None,
            position: None,
            line: None,
            source: None,
        }))
    }
    /// A configuration error.
    pub fn config(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config, message.into())
    }
    /// A decoding error at a byte position.
    pub fn decode(message: impl Into<String>, position: Option<u64>) -> Error {
        let mut e = Error::new(ErrorKind::Decode, message.into());
        e.0.position = position;
        e
    }
    /// A malformed record.
    pub fn record(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Record, message.into())
    }
    /// An internal error (a bug), with what is known.
    pub fn internal(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Internal, message.into())
    }
    /// An I/O error with context.
    pub fn io(context: impl Into<String>, err: std::io::Error) -> Error {
        let mut e = Error::new(ErrorKind::Io, format!("{}: {err}", context.into()));
        e.0.source = Some(err);
        e
    }
    /// Attaches the document id this error is about.
    pub fn with_id(mut self, id: impl Into<String>) -> Error {
        self.0.id = Some(id.into());
        self
    }
    /// Attaches the byte position (or line number, for records) of the error.
    pub fn with_position(mut self, position: u64) -> Error {
        self.0.position = Some(position);
        self
    }
    /// Attaches the 1-based line number of the record this error is about (for
    /// JSON-lines input).
    ///
    /// ```
    /// use policy_news::Error;
    /// let e = Error::record("no \"text\" field").with_id("in.jsonl").with_line(3);
    /// assert_eq!(e.line(), Some(3));
    /// assert_eq!(e.to_string(), "in.jsonl: line 3: no \"text\" field");
    /// ```
    pub fn with_line(mut self, line: u64) -> Error {
        self.0.line = Some(line);
        self
    }
    /// The 1-based line number of the record, when the document came from JSON lines.
    pub fn line(&self) -> Option<u64> {
        self.0.line
    }
    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }
    /// The message without the id prefix.
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// The document id, when known.
    pub fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }
    /// The byte position in the document, when known.
    pub fn position(&self) -> Option<u64> {
        self.0.position
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(id) = &self.0.id {
            write!(f, "{id}: ")?;
        }
        if let Some(l) = self.0.line {
            write!(f, "line {l}: ")?;
        }
        if let Some(p) = self.0.position {
            write!(f, "byte {p}: ")?;
        }
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_leads_with_context() {
        let e = Error::decode("not UTF-8, UTF-16 or GB18030", Some(17)).with_id("a.txt");
        assert_eq!(
            e.to_string(),
            "a.txt: byte 17: not UTF-8, UTF-16 or GB18030"
        );
        assert_eq!(e.kind(), &ErrorKind::Decode);
    }
}
