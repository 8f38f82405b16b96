//! The record as one flat row: the columns of the CSV output, of `to_row` in Python and
//! JavaScript, and of data frames.
//!
//! The columns follow from the record's description ([`schema`]), in its order:
//! - a scalar field is one column of the same name;
//! - a nested part (`author`, `question_published`, `answer_published`, `closed`) is one column per
//!   field of the part, named `{field}_{part field}` (`author_name`, `closed_reason`); all are
//!   empty when the part is absent;
//! - a list of dates (`reassigned_on`, `renewed_on`) is one cell of ISO dates separated by one space;
//! - a list of parts (`errata`, `other_fields`, `warnings`) is one cell holding the JSON array of
//!   the JSON record (the same keys, compact);
//! - a value the document does not give, and an empty list, is an empty cell.
//!
//! ```
//! use asalee_core::table::{Cell, COLUMNS};
//! let q = asalee_core::parse("Titre\nQuestion écrite n° 12\n\nTexte de la question\n\nM. Jean Dupont demande.\n").unwrap();
//! let row = q.to_row();
//! assert_eq!(row.len(), COLUMNS.len());
//! let number = COLUMNS.iter().position(|c| c.name == "number").unwrap();
//! assert_eq!(row[number], Cell::Int(12));
//! assert_eq!(COLUMNS[6].name, "author_civility");
//! ```

use std::sync::LazyLock;

use crate::schema::{self, Record, Type};
use crate::{Date, Question};

mod flatten;
mod write;

pub use write::{CsvOptions, CsvWriter};

/// What a column holds, and how it is written in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text, as written.
    Text,
    /// A non-negative integer, in decimal digits.
    Int,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One of the codes of [`schema::Code`], as in JSON.
    Code(&'static schema::Code),
    /// A list of dates: ISO dates separated by one space.
    Dates,
    /// A list of parts of the record: their JSON array (keys as in the JSON record).
    Json(&'static Record),
}

/// One column of the flat table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The column's name (`number`, `author_name`).
    pub name: String,
    /// What it holds.
    pub ty: ColumnType,
    /// Whether the cell may be empty (an absent value, an absent part, an empty list).
    pub nullable: bool,
    /// The doc of the field it comes from.
    pub doc: &'static str,
}

/// The columns of the flat table, in order (without the optional `source` column, which comes
/// last when asked for: [`CsvOptions::source`]).
pub static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    let mut out = Vec::new();
    push_columns(&schema::QUESTION, "", false, &mut out);
    out
});

/// The name of the column that holds the input a record came from, after the record's columns.
pub const SOURCE_COLUMN: &str = "source";

fn push_columns(r: &'static Record, prefix: &str, nullable: bool, out: &mut Vec<Column>) {
    for f in r.fields {
        let name = format!("{prefix}{}", f.name);
        let (ty, optional) = f.ty.required();
        let nullable = nullable || optional;
        let ty = match ty {
            Type::Record(part) => {
                push_columns(part, &format!("{name}_"), nullable, out);
                continue;
            }
            Type::Text => ColumnType::Text,
            Type::Int => ColumnType::Int,
            Type::Date => ColumnType::Date,
            Type::Code(code) => ColumnType::Code(code),
            Type::List(item) => match item.required().0 {
                Type::Date => ColumnType::Dates,
                Type::Record(part) => ColumnType::Json(part),
                other => panic!("no column encoding for a list of {other:?}"),
            },
            Type::Optional(_) => panic!("{name}: an optional optional value"),
        };
        let nullable = nullable || matches!(f.ty, Type::List(_));
        out.push(Column {
            name,
            ty,
            nullable,
            doc: f.doc,
        });
    }
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing: the value, its part, or every item of its list is absent.
    Empty,
    /// An integer.
    Int(u64),
    /// A date.
    Date(Date),
    /// Text: a text field, a code, or a list written as one cell.
    Text(String),
}

impl Cell {
    /// The cell as CSV writes it (`""` when empty).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }
}

impl Question {
    /// The record as one flat row: one [`Cell`] per column of [`COLUMNS`], in order.
    pub fn to_row(&self) -> Vec<Cell> {
        let mut row = Vec::with_capacity(COLUMNS.len());
        flatten::write_row(self, &mut row).expect("a row of cells cannot fail");
        row
    }
}

#[cfg(test)]
mod tests;
