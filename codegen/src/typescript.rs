//! The TypeScript types of the npm package's records (`asalee-wasm/src/record_types.rs`, a
//! `typescript_custom_section` that wasm-bindgen copies into `asalee.d.ts`).

use std::fmt::Write as _;

use asalee_core::schema::{Type, CODES, RECORDS};
use asalee_core::table::{ColumnType, COLUMNS};

use crate::{wrap, HEADER};

fn ts_type(ty: &Type) -> String {
    match ty {
        Type::Text | Type::Date => "string".into(),
        Type::Int => "number".into(),
        Type::Code(c) => c.name.into(),
        Type::Record(r) => r.name.into(),
        Type::Optional(t) => format!("{} | null", ts_type(t)),
        Type::List(t) => match **t {
            Type::Optional(_) => format!("({})[]", ts_type(t)),
            _ => format!("{}[]", ts_type(t)),
        },
    }
}

fn cell_type(ty: ColumnType, nullable: bool) -> String {
    let ty = match ty {
        ColumnType::Text | ColumnType::Date | ColumnType::Dates | ColumnType::Json(_) => "string",
        ColumnType::Int => "number",
        ColumnType::Code(c) => c.name,
    };
    if nullable {
        format!("{ty} | null")
    } else {
        ty.into()
    }
}

/// A `/** … */` comment at `indent`, wrapped at 100 columns.
fn comment(out: &mut String, indent: &str, text: &str) {
    let lines = wrap(text, 94 - indent.len());
    if lines.len() == 1 {
        let _ = writeln!(out, "{indent}/** {} */", lines[0]);
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for line in lines {
        let _ = writeln!(out, "{indent} * {line}");
    }
    let _ = writeln!(out, "{indent} */");
}

fn date_note(ty: &Type) -> &'static str {
    match ty {
        Type::Date | Type::Optional(Type::Date) => " ISO date `YYYY-MM-DD`.",
        Type::List(Type::Date) => " ISO dates `YYYY-MM-DD`.",
        _ => "",
    }
}

/// The declarations: one interface per part, one type per code, and `QuestionRow`.
pub fn types() -> String {
    let mut out = String::new();
    for r in RECORDS.iter().rev() {
        comment(&mut out, "", r.doc);
        let _ = writeln!(out, "export interface {} {{", r.name);
        for f in r.fields {
            comment(&mut out, "  ", &format!("{}{}", f.doc, date_note(f.ty)));
            let _ = writeln!(out, "  {}: {};", f.name, ts_type(f.ty));
        }
        out.push_str("}\n\n");
    }
    for c in CODES {
        comment(&mut out, "", c.doc);
        let values: Vec<String> = c.values.iter().map(|v| format!("\"{v}\"")).collect();
        let _ = writeln!(out, "export type {} = {};\n", c.name, values.join(" | "));
    }
    comment(
        &mut out,
        "",
        "`toRow(record)`: the record as one flat row, the CSV's columns in order (`csvColumns()`). A nested part is one column per field (`author_name`), a list of dates one string of ISO dates separated by spaces, a list of parts its JSON array; what the document does not give, and an empty list, is `null`.",
    );
    out.push_str("export interface QuestionRow {\n");
    for c in COLUMNS.iter() {
        let _ = writeln!(out, "  {}: {};", c.name, cell_type(c.ty, c.nullable));
    }
    out.push_str("}\n");
    out
}

/// `asalee-wasm/src/record_types.rs`.
pub fn module() -> String {
    let types = types();
    assert!(!types.contains("\"#"), "the raw string would end early");
    format!(
        "//! {HEADER}\n//!\n//! The TypeScript types of the records, copied by wasm-bindgen into `asalee.d.ts`.\n\n\
         use wasm_bindgen::prelude::*;\n\n\
         #[wasm_bindgen(typescript_custom_section)]\n\
         const RECORD_TYPES: &'static str = r#\"\n{types}\"#;\n"
    )
}
