//! The record described once: every part of a [`Question`](crate::Question), its fields in the
//! SPEC's order with their types and docs, and the codes they take.
//!
//! Everything that lists the record's fields outside the Rust types follows from this table: the
//! flat columns of [`table`](crate::table) (CSV, `to_row`), the Python classes and `TypedDict`s and
//! the TypeScript types (written by `cargo run -p asalee-codegen`, checked by its tests), and the
//! conversion of records into Python objects. The tests of this module check the table against the
//! serde form of the Rust types, field by field and in order, so the two cannot drift apart.
//!
//! ```
//! use asalee_core::schema::{self, Type};
//! let names: Vec<&str> = schema::QUESTION.fields.iter().map(|f| f.name).collect();
//! assert_eq!(names[..5], ["uid", "chamber", "legislature", "kind", "number"]);
//! assert_eq!(*schema::QUESTION.field("number").unwrap().ty, Type::Int);
//! ```

/// The type of a field.
#[derive(Debug, PartialEq, Eq)]
pub enum Type {
    /// A string (JSON string; Python `str`; TypeScript `string`).
    Text,
    /// A non-negative integer (JSON number; Python `int`; TypeScript `number`).
    Int,
    /// A calendar date (JSON and TypeScript: the ISO string `YYYY-MM-DD`; Python `datetime.date`).
    Date,
    /// One of the strings of a code.
    Code(&'static Code),
    /// A nested part of the record.
    Record(&'static Record),
    /// A value the document may not give (`null`, `None`).
    Optional(&'static Type),
    /// A list, in document order (JSON array; Python tuple; TypeScript array).
    List(&'static Type),
}

impl Type {
    /// The type without its [`Type::Optional`], and whether there was one.
    pub fn required(&self) -> (&Type, bool) {
        match self {
            Type::Optional(inner) => (inner, true),
            other => (other, false),
        }
    }

    /// The nested record this type holds directly or as an optional value.
    pub fn record(&self) -> Option<&'static Record> {
        match self.required().0 {
            Type::Record(r) => Some(r),
            _ => None,
        }
    }
}

/// One field of a record.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// The JSON key, and the attribute name in every runtime.
    pub name: &'static str,
    /// Its type.
    pub ty: &'static Type,
    /// What it holds (one or two sentences; Markdown backticks).
    pub doc: &'static str,
}

/// A part of the record: its fields in order.
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    /// The Rust and TypeScript name.
    pub name: &'static str,
    /// The Python class name (`ParseWarning`: Python's `Warning` is a built-in).
    pub python_name: &'static str,
    /// What it is.
    pub doc: &'static str,
    /// The fields, in the SPEC's order (the order of the JSON object).
    pub fields: &'static [Field],
}

impl Record {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A set of codes: the strings a field may hold.
#[derive(Debug, PartialEq, Eq)]
pub struct Code {
    /// The type's name in every runtime (`Chamber`, `Layout`).
    pub name: &'static str,
    /// What the codes say.
    pub doc: &'static str,
    /// Every code, in order.
    pub values: &'static [&'static str],
}

macro_rules! field {
    ($name:literal, $ty:expr, $doc:literal) => {
        Field {
            name: $name,
            ty: &$ty,
            doc: $doc,
        }
    };
}

use Type::{Date, Int, Optional, Text};

/// `chamber`: `AN` or `SENAT`.
pub static CHAMBER: Code = Code {
    name: "Chamber",
    doc: "`\"AN\"` (Assemblée nationale) or `\"SENAT\"`.",
    values: &["AN", "SENAT"],
};

/// `kind`: the AN open-data code of the kind of question.
pub static KIND: Code = Code {
    name: "Kind",
    doc: "The AN open-data code of the kind of question.",
    values: &["QE", "QOSD", "QG"],
};

/// `layout`: the layout a document was recognised as.
pub static LAYOUT: Code = Code {
    name: "Layout",
    doc: "The layout the document was recognised as (SPEC, \"The documents\").",
    values: &[
        "an-fiche",
        "an-legacy",
        "an-dyn",
        "an-current",
        "plain",
        "senat",
        "an-opendata",
        "an-xml",
        "jo",
    ],
};

/// `author.civility`, as the core normalises it.
pub static CIVILITY: Code = Code {
    name: "Civility",
    doc: "A civility, normalised (`Monsieur` gives `\"M.\"`, `Madame` gives `\"Mme\"`).",
    values: &["M.", "Mme", "Mlle"],
};

/// `errata[].of`: what an erratum corrects.
pub static ERRATUM_OF: Code = Code {
    name: "ErratumOf",
    doc: "What an erratum corrects.",
    values: &["question", "answer"],
};

/// The kind of a [`ParseError`](crate::ParseError) (not a field of the record; the bindings type it).
pub static ERROR_KIND: Code = Code {
    name: "ErrorKind",
    doc: "What kind of failure a ParseError is.",
    values: &[
        "not-a-question",
        "missing-number",
        "missing-text",
        "strict",
        "io",
    ],
};

/// Every code, in the order the bindings declare them.
pub static CODES: &[&Code] = &[
    &CHAMBER,
    &KIND,
    &LAYOUT,
    &CIVILITY,
    &ERRATUM_OF,
    &ERROR_KIND,
];

/// [`Author`](crate::Author).
pub static AUTHOR: Record = Record {
    name: "Author",
    python_name: "Author",
    doc: "The author of a question; any part the document does not give is null.",
    fields: &[
        field!(
            "civility",
            Optional(&Type::Code(&CIVILITY)),
            "`\"M.\"`, `\"Mme\"` or `\"Mlle\"`."
        ),
        field!(
            "name",
            Optional(&Text),
            "The name as the page writes it (`Pontier Jean`, `Charles de Courson`)."
        ),
        field!("group", Optional(&Text), "The political group, as written."),
        field!("department", Optional(&Text), "The department, as written."),
        field!(
            "constituency",
            Optional(&Int),
            "The constituency number (`1re circonscription` gives 1)."
        ),
        field!("region", Optional(&Text), "The region, as written."),
        field!(
            "ref",
            Optional(&Text),
            "The AN's identifier of the deputy (`PA720892`), where the document gives it."
        ),
    ],
};

/// [`JoRef`](crate::JoRef).
pub static JO_REF: Record = Record {
    name: "JoRef",
    python_name: "JoRef",
    doc: "A publication in the Journal officiel: a date and, where given, a page.",
    fields: &[
        field!("date", Date, "The date of the Journal officiel."),
        field!(
            "page",
            Optional(&Int),
            "The page, when the document gives it."
        ),
    ],
};

/// [`Closed`](crate::Closed).
pub static CLOSED: Record = Record {
    name: "Closed",
    python_name: "Closed",
    doc: "How a question was closed: withdrawn, lapsed, end of mandate.",
    fields: &[
        field!("date", Optional(&Date), "When, if the page says."),
        field!(
            "reason",
            Optional(&Text),
            "Why, as written (without surrounding parentheses or a final period)."
        ),
    ],
};

/// [`Erratum`](crate::Erratum).
pub static ERRATUM: Record = Record {
    name: "Erratum",
    python_name: "Erratum",
    doc: "An erratum of the question or of the answer, published in the Journal officiel.",
    fields: &[
        field!("of", Type::Code(&ERRATUM_OF), "What it corrects."),
        field!(
            "date",
            Date,
            "The date of the Journal officiel that published it."
        ),
        field!("page", Optional(&Int), "Its page, when given."),
    ],
};

/// [`OtherField`](crate::OtherField).
pub static OTHER_FIELD: Record = Record {
    name: "OtherField",
    python_name: "OtherField",
    doc: "A labelled line the parser does not know, kept so that nothing is dropped silently.",
    fields: &[
        field!(
            "label",
            Text,
            "The label, without its `:` or `>`, folded and free of markup."
        ),
        field!("value", Text, "The value, folded and free of markup."),
    ],
};

/// [`Warning`](crate::Warning).
pub static WARNING: Record = Record {
    name: "Warning",
    python_name: "ParseWarning",
    doc: "Something odd but not fatal, at a 1-based line of the whole input.",
    fields: &[
        field!("line", Int, "1-based line in the whole input."),
        field!(
            "message",
            Text,
            "What was odd (free text, not part of the contract)."
        ),
    ],
};

/// [`Question`](crate::Question): the record.
pub static QUESTION: Record = Record {
    name: "Question",
    python_name: "Question",
    doc: "One parliamentary question, as read from one document: the SPEC's record.",
    fields: &[
        field!("uid", Optional(&Text), "The AN open-data identifier `QANR5L{legislature}{kind}{number}`, when the chamber is the Assemblée nationale and legislature, kind and number are known."),
        field!("chamber", Optional(&Type::Code(&CHAMBER)), "The chamber the question was asked in."),
        field!("legislature", Optional(&Int), "The legislature (`16ème législature` gives 16)."),
        field!("kind", Optional(&Type::Code(&KIND)), "The kind of question."),
        field!("number", Int, "The question's number (`n° 09521` gives 9521)."),
        field!("title", Optional(&Text), "The question's subject line."),
        field!("author", Optional(&Type::Record(&AUTHOR)), "The author, as the page gives them."),
        field!("ministry_asked", Optional(&Text), "`Ministère interrogé`, as written."),
        field!("ministry_answering", Optional(&Text), "`Ministère attributaire` / `Ministère répondant` / the Sénat's `Réponse du …`, as written."),
        field!("rubric", Optional(&Text), "`Rubrique`, as written."),
        field!("analysis_heading", Optional(&Text), "`Tête d'analyse`, as written."),
        field!("analysis", Optional(&Text), "`Analyse`, as written."),
        field!("question_published", Optional(&Type::Record(&JO_REF)), "Where and when the question was published in the Journal officiel."),
        field!("answer_published", Optional(&Type::Record(&JO_REF)), "Where and when the answer was published in the Journal officiel."),
        field!("flagged_on", Optional(&Date), "`Date de signalement`."),
        field!("reassigned_on", Type::List(&Date), "`Date de changement d'attribution`, in document order."),
        field!("renewed_on", Type::List(&Date), "`Date de renouvellement`, in document order."),
        field!("closed", Optional(&Type::Record(&CLOSED)), "Withdrawal or lapse (`Question retirée le …`, `Date de cloture …`)."),
        field!("errata", Type::List(&Type::Record(&ERRATUM)), "Errata of the question or of the answer."),
        field!("question_text", Optional(&Text), "The question's text: paragraphs separated by `\\n`."),
        field!("answer_text", Optional(&Text), "The answer's text (or the séance transcript): paragraphs separated by `\\n`."),
        field!("other_fields", Type::List(&Type::Record(&OTHER_FIELD)), "Every labelled line the parser does not know, verbatim but for markup."),
        field!("warnings", Type::List(&Type::Record(&WARNING)), "What was odd but not fatal; empty for a clean document."),
        field!("layout", Type::Code(&LAYOUT), "The layout recognised."),
    ],
};

/// Every part of the record, nested parts first and [`QUESTION`] last (the order the bindings
/// declare them in).
pub static RECORDS: &[&Record] = &[
    &AUTHOR,
    &JO_REF,
    &CLOSED,
    &ERRATUM,
    &OTHER_FIELD,
    &WARNING,
    &QUESTION,
];

/// The part named `name` (its Rust name).
pub fn record(name: &str) -> Option<&'static Record> {
    RECORDS.iter().copied().find(|r| r.name == name)
}

#[cfg(test)]
mod tests;
