//! Flat rows and CSV through the core's one writer (`asalee_core::table`), for Node and the page.

use asalee_core::table::{Cell, CsvOptions, CsvWriter, COLUMNS};
use asalee_core::Question;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::type_error;

#[wasm_bindgen]
extern "C" {
    /// A record, as `parse` returns it.
    #[wasm_bindgen(typescript_type = "Question")]
    pub type RecordArg;

    /// What `toCsv` writes: records, or `parseAll`'s results.
    #[wasm_bindgen(typescript_type = "ReadonlyArray<Question | ParseResult>")]
    pub type ResultsArg;

    /// The options of `toCsv`.
    #[wasm_bindgen(typescript_type = "CsvOptions")]
    pub type CsvOptionsArg;
}

/// A record object back into the core's record.
fn record(value: &JsValue, function: &str, what: &str) -> Result<Question, JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Err(type_error(
            function,
            what,
            "a record (a Question object)",
            value,
        ));
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        js_sys::TypeError::new(&format!(
            "asalee: {function}() argument '{what}' is not a record: {e}"
        ))
        .into()
    })
}

fn cell(cell: &Cell) -> JsValue {
    match cell {
        Cell::Empty => JsValue::NULL,
        // Record numbers are far below 2^53: exact as JavaScript numbers.
        Cell::Int(n) => JsValue::from_f64(*n as f64),
        Cell::Date(d) => JsValue::from_str(&d.to_string()),
        Cell::Text(s) => JsValue::from_str(s),
    }
}

/// The record as one flat row: an object with the CSV's columns, in order (`csvColumns()`).
///
/// A nested part is one column per field (`author_name`), a list of dates one string of ISO
/// dates separated by spaces, a list of parts its JSON array; what the document does not give,
/// and an empty list, is `null`.
///
/// @throws {TypeError} when `record` is not a record.
#[wasm_bindgen(js_name = toRow, unchecked_return_type = "QuestionRow")]
pub fn to_row(record: &RecordArg) -> Result<Object, JsValue> {
    let q = self::record(record, "toRow", "record")?;
    let out = Object::new();
    for (column, value) in COLUMNS.iter().zip(q.to_row()) {
        Reflect::set(&out, &JsValue::from_str(&column.name), &cell(&value))?;
    }
    Ok(out)
}

/// The CSV's columns, in order (without `source`, which `toCsv` adds last when asked).
#[wasm_bindgen(js_name = csvColumns, unchecked_return_type = "string[]")]
pub fn csv_columns() -> Array {
    COLUMNS.iter().map(|c| JsValue::from_str(&c.name)).collect()
}

/// The sources of `toCsv`'s rows: none, one for all, or one per item.
enum Sources {
    None,
    All(String),
    Each(Vec<String>),
}

fn read_csv_options(
    options: Option<CsvOptionsArg>,
    items: u32,
) -> Result<(CsvOptions, Sources), JsValue> {
    let Some(options) = options else {
        return Ok((CsvOptions::new(), Sources::None));
    };
    if !options.is_object() || Array::is_array(&options) {
        return Err(type_error(
            "toCsv",
            "options",
            "an object such as { bom: true }",
            &options,
        ));
    }
    let bom = Reflect::get(&options, &JsValue::from_str("bom"))?;
    let bom = match bom.as_bool() {
        Some(bom) => bom,
        None if bom.is_undefined() || bom.is_null() => false,
        None => return Err(type_error("toCsv", "options.bom", "a boolean", &bom)),
    };
    let source = Reflect::get(&options, &JsValue::from_str("source"))?;
    let sources = if source.is_undefined() || source.is_null() {
        Sources::None
    } else if let Some(all) = source.as_string() {
        Sources::All(all)
    } else if let Some(each) = source.dyn_ref::<Array>() {
        let each: Option<Vec<String>> = each.iter().map(|s| s.as_string()).collect();
        match each {
            Some(each) if each.len() == items as usize => Sources::Each(each),
            _ => {
                return Err(js_sys::TypeError::new(&format!(
                    "asalee: toCsv() argument 'options.source' must hold one string per item of 'results' ({items})"
                ))
                .into())
            }
        }
    } else {
        let expected = "a string or an array of strings";
        return Err(type_error("toCsv", "options.source", expected, &source));
    };
    let options = CsvOptions::new()
        .bom(bom)
        .source(!matches!(sources, Sources::None));
    Ok((options, sources))
}

/// The CSV text of records: a header row, then one row per record (RFC 4180: commas, quotes
/// where needed, CRLF line ends), the same bytes as `asalee parse --format csv` (`--bom`,
/// `--source`) writes.
///
/// `results` holds records, or `parseAll`'s results (`{ ok }` gives a row, `{ error }` none).
///
/// @throws {TypeError} when an item is not a record or a result, or an option has the wrong type.
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(results: &ResultsArg, options: Option<CsvOptionsArg>) -> Result<String, JsValue> {
    let Some(items) = results.dyn_ref::<Array>() else {
        return Err(type_error(
            "toCsv",
            "results",
            "an array of records or results",
            results,
        ));
    };
    let (options, sources) = read_csv_options(options, items.length())?;
    let mut csv = CsvWriter::new(Vec::new(), options);
    csv.write_header()
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    for (i, item) in items.iter().enumerate() {
        let what = format!("results[{i}]");
        if !item.is_object() {
            return Err(type_error("toCsv", &what, "a record or a result", &item));
        }
        let ok = Reflect::get(&item, &JsValue::from_str("ok"))?;
        let value = if !ok.is_undefined() {
            ok
        } else if Reflect::has(&item, &JsValue::from_str("error"))? {
            continue;
        } else {
            item
        };
        let q = record(&value, "toCsv", &what)?;
        let source = match &sources {
            Sources::None => None,
            Sources::All(all) => Some(all.as_str()),
            Sources::Each(each) => Some(each[i].as_str()),
        };
        csv.write_record(&q, source)
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    // Records are UTF-8, and so is their CSV.
    String::from_utf8(bytes).map_err(|_| JsValue::from_str("asalee: the CSV is not UTF-8"))
}
