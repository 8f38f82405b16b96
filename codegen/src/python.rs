//! The Python package's record classes (`_model.py`) and typing names (`_types.py`).

use std::fmt::Write as _;

use asalee_core::schema::{self, Field, Record, Type, CODES, RECORDS};
use asalee_core::table::{ColumnType, COLUMNS};

use crate::{wrap, HEADER};

/// A Markdown doc as reST (``code``), safe inside a `"""` string.
fn doc(text: &str) -> String {
    text.replace('\\', "\\\\").replace('`', "``")
}

/// A docstring at `indent`, wrapped at 100 columns.
fn docstring(out: &mut String, indent: &str, text: &str) {
    let text = doc(text);
    let lines = wrap(&text, 94 - indent.len());
    if lines.len() == 1 {
        let _ = writeln!(out, "{indent}\"\"\"{}\"\"\"", lines[0]);
        return;
    }
    let _ = writeln!(out, "{indent}\"\"\"{}", lines[0]);
    for line in &lines[1..] {
        let _ = writeln!(out, "{indent}{line}");
    }
    let _ = writeln!(out, "{indent}\"\"\"");
}

/// The annotation of a value of `ty` on a record object (lists are tuples).
fn attribute_type(ty: &Type) -> String {
    match ty {
        Type::Text => "str".into(),
        Type::Int => "int".into(),
        Type::Date => "datetime.date".into(),
        Type::Code(c) => c.name.into(),
        Type::Record(r) => r.python_name.into(),
        Type::Optional(t) => format!("Optional[{}]", attribute_type(t)),
        Type::List(t) => format!("Tuple[{}, ...]", attribute_type(t)),
    }
}

/// The annotation of a value of `ty` in `to_dict()` (parts are dicts, lists are lists).
fn dict_type(ty: &Type) -> String {
    match ty {
        Type::Record(r) => format!("{}Dict", r.python_name),
        Type::Optional(t) => format!("Optional[{}]", dict_type(t)),
        Type::List(t) => format!("List[{}]", dict_type(t)),
        other => attribute_type(other),
    }
}

/// The annotation of a cell of `to_row()`.
fn cell_type(ty: ColumnType, nullable: bool) -> String {
    let ty = match ty {
        ColumnType::Text | ColumnType::Dates | ColumnType::Json(_) => "str",
        ColumnType::Int => "int",
        ColumnType::Date => "datetime.date",
        ColumnType::Code(c) => c.name,
    };
    if nullable {
        format!("Optional[{ty}]")
    } else {
        ty.into()
    }
}

/// The expression of `value` (of type `ty`) in `to_dict()`.
fn dict_value(value: &str, ty: &Type) -> String {
    match ty {
        Type::Optional(inner) if inner.record().is_some() => {
            format!("None if {value} is None else {value}.to_dict()")
        }
        Type::Record(_) => format!("{value}.to_dict()"),
        Type::List(item) if item.record().is_some() => {
            format!("[item.to_dict() for item in {value}]")
        }
        Type::List(_) => format!("list({value})"),
        _ => value.into(),
    }
}

/// The expression of the cell of `value` (a field of type `ty`) in `to_row()`.
fn cell_value(value: &str, ty: &Type) -> String {
    match ty {
        Type::List(item) if item.record().is_some() => {
            format!("_json([item.to_dict() for item in {value}]) if {value} else None")
        }
        Type::List(item) if **item == Type::Date => {
            format!("\" \".join([d.isoformat() for d in {value}]) or None")
        }
        Type::List(item) => panic!("no cell for a list of {item:?}"),
        _ => value.into(),
    }
}

/// Parts held as optional values are read once into a local (`author = self.author`).
fn locals(out: &mut String, r: &Record, keep: impl Fn(&Field) -> bool) {
    for f in r.fields.iter().filter(|f| keep(f)) {
        if f.ty.record().is_some() {
            let _ = writeln!(out, "        {0} = self.{0}", f.name);
        }
    }
}

fn write_class(out: &mut String, r: &Record) {
    let base = if std::ptr::eq(r, &schema::QUESTION) {
        "_Root"
    } else {
        "_Record"
    };
    let _ = writeln!(out, "\n\nclass {}({base}):", r.python_name);
    docstring(out, "    ", r.doc);
    out.push_str("\n    __slots__ = __match_args__ = (\n");
    for f in r.fields {
        let _ = writeln!(out, "        \"{}\",", f.name);
    }
    out.push_str("    )\n");
    for f in r.fields {
        let _ = writeln!(out, "    {}: {}", f.name, attribute_type(f.ty));
        docstring(out, "    ", f.doc);
    }
    out.push_str("\n    def __init__(\n        self,\n");
    for f in r.fields {
        let _ = writeln!(out, "        {}: {},", f.name, attribute_type(f.ty));
    }
    out.push_str("    ) -> None:\n");
    for f in r.fields {
        let _ = writeln!(out, "        _set(self, \"{0}\", {0})", f.name);
    }
    let _ = writeln!(out, "\n    def to_dict(self) -> {}Dict:", r.python_name);
    out.push_str("        \"\"\"The part as plain dicts and lists, keys in SPEC order, dates as ``datetime.date``.\"\"\"\n");
    locals(out, r, |f| matches!(f.ty, Type::Optional(_)));
    out.push_str("        return {\n");
    for f in r.fields {
        let value = match f.ty {
            Type::Optional(inner) if inner.record().is_some() => f.name.to_string(),
            _ => format!("self.{}", f.name),
        };
        let _ = writeln!(
            out,
            "            \"{}\": {},",
            f.name,
            dict_value(&value, f.ty)
        );
    }
    out.push_str("        }\n");
    if std::ptr::eq(r, &schema::QUESTION) {
        write_to_row(out, r);
    }
}

fn write_to_row(out: &mut String, r: &Record) {
    out.push_str("\n    def to_row(self) -> QuestionRow:\n");
    docstring(
        out,
        "        ",
        "The record as one flat row: a dict with the CSV's columns (`COLUMNS`), in order. A nested part is one column per field (`author_name`), a list of dates one string of ISO dates separated by spaces, a list of parts the JSON array of its dicts; what the document does not give, and an empty list, is `None`.",
    );
    locals(out, r, |_| true);
    out.push_str("        return {\n");
    let mut columns = COLUMNS.iter();
    for f in r.fields {
        match f.ty.record() {
            Some(part) => {
                for sub in part.fields {
                    let column = columns.next().expect("a column per field");
                    assert_eq!(column.name, format!("{}_{}", f.name, sub.name));
                    let value = cell_value(&format!("{}.{}", f.name, sub.name), sub.ty);
                    let value = match f.ty {
                        Type::Optional(_) => format!("None if {} is None else {value}", f.name),
                        _ => value,
                    };
                    let _ = writeln!(out, "            \"{}\": {value},", column.name);
                }
            }
            None => {
                let column = columns.next().expect("a column per field");
                assert_eq!(column.name, f.name);
                let value = cell_value(&format!("self.{}", f.name), f.ty);
                let _ = writeln!(out, "            \"{}\": {value},", column.name);
            }
        }
    }
    assert!(columns.next().is_none(), "every column is written");
    out.push_str("        }\n");
}

fn type_imports(out: &mut String, names: &[String]) {
    out.push_str("    from ._types import (\n");
    for name in names {
        let _ = writeln!(out, "        {name},");
    }
    out.push_str("    )\n");
}

/// The names `_types.py` defines, sorted (its `__all__`).
fn typing_names() -> Vec<String> {
    let mut names: Vec<String> = CODES.iter().map(|c| c.name.to_string()).collect();
    names.extend(RECORDS.iter().map(|r| format!("{}Dict", r.python_name)));
    names.push("QuestionRow".into());
    names.sort();
    names
}

/// `asalee/_model.py`: one immutable class per part of the record.
pub fn model() -> String {
    let mut out = format!("# {HEADER}\n");
    out.push_str(concat!(
        "\"\"\"The record of the SPEC as Python objects: one immutable class per part.\n\n",
        "Written from the record's description (asalee-core/src/schema): the extension module builds\n",
        "the records by keyword from the same description, so the two cannot disagree. What the classes\n",
        "share (immutability, equality, hashing, pickling, ``copy.replace``) is in ``_base.py``.\n",
        "\"\"\"\n\n",
        "from __future__ import annotations\n\n",
        "from ._base import ParseError, _json, _Record, _Root, _set\n\n",
        "TYPE_CHECKING = False\n",
        "if TYPE_CHECKING:\n",
        "    import datetime\n",
        "    from typing import Optional, Tuple\n\n",
    ));
    type_imports(&mut out, &typing_names());
    out.push_str("\n__all__ = [\n    \"COLUMNS\",\n");
    let mut names: Vec<&str> = RECORDS.iter().map(|r| r.python_name).collect();
    names.push("ParseError");
    names.sort_unstable();
    for name in names {
        let _ = writeln!(out, "    \"{name}\",");
    }
    out.push_str("]\n\nCOLUMNS: Tuple[str, ...] = (\n");
    for c in COLUMNS.iter() {
        let _ = writeln!(out, "    \"{}\",", c.name);
    }
    out.push_str(
        ")\n\"\"\"The columns of ``Question.to_row()``, in order: the CSV's columns.\"\"\"\n",
    );
    out.push_str("\n_COLUMN_KINDS = {\n");
    for c in COLUMNS.iter() {
        let kind = match c.ty {
            ColumnType::Int => "int",
            ColumnType::Date => "date",
            _ => continue,
        };
        let _ = writeln!(out, "    \"{}\": \"{kind}\",", c.name);
    }
    out.push_str("}\n\"\"\"The columns that are not text: ``to_pandas`` and ``to_polars`` type them.\"\"\"\n");
    out.push_str("\n_TYPING_NAMES = frozenset(\n    (\n");
    for name in typing_names() {
        let _ = writeln!(out, "        \"{name}\",");
    }
    out.push_str(
        "    )\n)\n\"\"\"The names of ``_types``, which ``asalee`` loads on first use.\"\"\"\n",
    );
    for r in RECORDS {
        write_class(&mut out, r);
    }
    out
}

/// `asalee/_types.py`: the `Literal` codes, the `TypedDict`s of `to_dict()` and `to_row()`.
pub fn types() -> String {
    let mut out = format!("# {HEADER}\n");
    out.push_str(concat!(
        "\"\"\"The typing-only names of asalee: the `Literal` types of the codes and the `TypedDict`s of\n",
        "`to_dict()` and `to_row()`. Imported on first use (``asalee.QuestionDict``), not by\n",
        "``import asalee``: the `typing` module alone would take a large part of the import time budget.\n",
        "\"\"\"\n\n",
        "from __future__ import annotations\n\n",
        "import datetime\n",
        "from typing import List, Literal, Optional, TypedDict\n\n",
        "__all__ = [\n",
    ));
    for name in typing_names() {
        let _ = writeln!(out, "    \"{name}\",");
    }
    out.push_str("]\n\n");
    for c in CODES {
        let values: Vec<String> = c.values.iter().map(|v| format!("\"{v}\"")).collect();
        let _ = writeln!(out, "{} = Literal[{}]", c.name, values.join(", "));
        docstring(&mut out, "", c.doc);
    }
    for r in RECORDS {
        let _ = writeln!(out, "\n\nclass {}Dict(TypedDict):", r.python_name);
        let _ = writeln!(out, "    \"\"\"``{}.to_dict()``.\"\"\"\n", r.python_name);
        for f in r.fields {
            let _ = writeln!(out, "    {}: {}", f.name, dict_type(f.ty));
        }
    }
    out.push_str("\n\nclass QuestionRow(TypedDict):\n");
    out.push_str("    \"\"\"``Question.to_row()``: the CSV's columns, in order.\"\"\"\n\n");
    for c in COLUMNS.iter() {
        let _ = writeln!(out, "    {}: {}", c.name, cell_type(c.ty, c.nullable));
    }
    out
}
