//! The error of a document that is not a question record.

use std::fmt;

/// What kind of failure a [`ParseError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input (or this part of it) is not a parliamentary question document at all.
    NotAQuestion,
    /// The document is a question but gives no question number.
    MissingNumber,
    /// The document gives neither a question text nor an answer text (and is not withdrawn).
    MissingText,
    /// Strict mode: something that would have been a warning.
    Strict,
    /// The input could not be read to its end (see [`crate::parse_reader`]).
    Io,
}

impl ErrorKind {
    /// A stable code for the kind: `not-a-question`, `missing-number`, `missing-text`, `strict`,
    /// `io`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotAQuestion => "not-a-question",
            ErrorKind::MissingNumber => "missing-number",
            ErrorKind::MissingText => "missing-text",
            ErrorKind::Strict => "strict",
            ErrorKind::Io => "io",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a document could not be read as a question, and where.
///
/// `line` and `column` are 1-based and count characters of the original input (a byte-order mark
/// is not counted; a CRLF line end is one line end).
///
/// ```
/// let err = asalee_core::parse("Bonjour\n").unwrap_err();
/// assert_eq!(err.kind(), asalee_core::ErrorKind::NotAQuestion);
/// assert_eq!((err.line(), err.column()), (1, 1));
/// assert!(err.to_string().ends_with("at line 1 column 1"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ParseError {
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    line: usize,
    column: usize,
    offset: usize,
    message: String,
    /// The archive member the document was read from.
    member: Option<Box<str>>,
}

impl ParseError {
    pub(crate) fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        pos: crate::position::Position,
    ) -> ParseError {
        ParseError {
            inner: Box::new(Inner {
                kind,
                line: pos.line,
                column: pos.column,
                offset: pos.offset,
                message: message.into(),
                member: None,
            }),
        }
    }

    /// The same error, from the archive member `member`.
    pub(crate) fn in_member(mut self, member: &str) -> ParseError {
        self.inner.member = Some(member.into());
        self
    }

    /// The same error, its byte offset counted from `delta` bytes earlier.
    pub(crate) fn shifted(mut self, delta: usize) -> ParseError {
        self.inner.offset += delta;
        self
    }

    /// The name of the zip archive's member the document was read from ([`crate::parse_reader`]
    /// reads archives member by member), as the archive spells it; `None` outside archives.
    /// Tools print it as `ARCHIVE!MEMBER:LINE:COLUMN`.
    pub fn member(&self) -> Option<&str> {
        self.inner.member.as_deref()
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The 1-based line of the original input.
    pub fn line(&self) -> usize {
        self.inner.line
    }

    /// The 1-based column, in characters, of the original input.
    pub fn column(&self) -> usize {
        self.inner.column
    }

    /// The byte offset in the text that was parsed (after decoding, for bytes).
    pub fn byte_offset(&self) -> usize {
        self.inner.offset
    }

    /// What went wrong, without the position.
    pub fn message(&self) -> &str {
        &self.inner.message
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(member) = &self.inner.member {
            write!(f, "{member}: ")?;
        }
        write!(
            f,
            "{} at line {} column {}",
            self.inner.message, self.inner.line, self.inner.column
        )
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ParseError({}: {:?} at line {} column {})",
            self.inner.kind, self.inner.message, self.inner.line, self.inner.column
        )
    }
}

impl std::error::Error for ParseError {}
