//! JavaScript bindings of `asalee-core`: the npm package `asalee`.
//!
//! Conversion only: every decision about a document is the core's. A record crosses into
//! JavaScript through `serde-wasm-bindgen`'s JSON-compatible serializer, so that the object has
//! exactly the SPEC's JSON shape (snake_case keys in SPEC order, dates as ISO strings, `null` for
//! what the document does not give). Errors become the `ParseError` class of `js/parse-error.js`.
//!
//! The crate is empty on other targets, so that native `cargo build --workspace` and clippy need
//! no wasm toolchain; `scripts/build.sh` builds it.
#![cfg(target_family = "wasm")]
#![forbid(unsafe_code)]

use asalee_core::{Options, Question};
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod record_types;
pub mod table;

/// The API's own types; the records' types are generated from the schema (`record_types.rs`).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface ParseOptions {
  /** Turn every warning into a `ParseError` of kind `"strict"`. Default `false`. */
  strict?: boolean;
}

/** One document's result in `parseAll`'s array. */
export type ParseResult =
  | { ok: Question; error?: undefined }
  | { ok?: undefined; error: ParseError };

/** The options of `toCsv`. */
export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark, so that a spreadsheet opened by double-click reads the
   * accents right. Default `false`.
   */
  bom?: boolean;
  /**
   * Add a last column, `source`: one string for every row, or one per item of `results` (the
   * items that are errors included, so that `parseAll`'s results and their sources line up).
   */
  source?: string | string[];
}

/**
 * Why a document is not a question record, and where.
 *
 * `message` reads `"<reason> at line L column C"`; `line` and `column` are 1-based and count
 * characters of the original input.
 */
export class ParseError extends Error {
  readonly name: "ParseError";
  readonly kind: ErrorKind;
  readonly line: number;
  readonly column: number;
  /** The message without its position. */
  readonly reason: string;
}
"#;

#[wasm_bindgen(module = "/js/parse-error.js")]
extern "C" {
    type ParseError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, kind: &str, line: usize, column: usize, reason: &str) -> ParseError;

    /// Never called: importing the class once more as a function is how it is re-exported from
    /// the package with its declared type (a re-exported `type` is declared `unknown`, and
    /// `skip_typescript` is honoured on functions only).
    #[allow(dead_code)]
    #[wasm_bindgen(js_name = ParseError, reexport, skip_typescript)]
    fn parse_error_class();
}

#[wasm_bindgen]
extern "C" {
    /// What `parse` and `parseAll` take: a document's text or its bytes.
    #[wasm_bindgen(typescript_type = "string | Uint8Array")]
    pub type InputArg;

    /// The options of `parse` and `parseAll`.
    #[wasm_bindgen(typescript_type = "ParseOptions")]
    pub type OptionsArg;
}

/// Parses one document into its record.
///
/// `input` is the document's text, or its bytes (UTF-8 with or without BOM, else
/// Windows-1252), e.g. a file's contents.
///
/// @throws {ParseError} when the input is not a question document (or, in strict mode, when
/// anything in it would be a warning).
/// @throws {TypeError} when `input` is neither a string nor a `Uint8Array`, or `options` is not
/// an object.
#[wasm_bindgen(unchecked_return_type = "Question")]
pub fn parse(input: &InputArg, options: Option<OptionsArg>) -> Result<JsValue, JsValue> {
    let options = read_options(options, "parse")?;
    let result = match read_input(input, "parse")? {
        Input::Text(text) => options.parse(&text),
        Input::Bytes(bytes) => options.parse_bytes(&bytes),
    };
    match result {
        Ok(question) => to_js(&question),
        Err(err) => Err(convert_error(&err).into()),
    }
}

/// Parses every document of an input that holds several (pages concatenated, an export).
///
/// Returns one result per document, in order: `{ ok: record }` or `{ error: ParseError }`; a bad
/// document does not stop the others. An input in which no document starts gives one error.
///
/// @throws {TypeError} when `input` is neither a string nor a `Uint8Array`, or `options` is not
/// an object.
#[wasm_bindgen(js_name = parseAll, unchecked_return_type = "ParseResult[]")]
pub fn parse_all(input: &InputArg, options: Option<OptionsArg>) -> Result<Array, JsValue> {
    let options = read_options(options, "parseAll")?;
    let input = read_input(input, "parseAll")?;
    let results = match &input {
        Input::Text(text) => options.parse_all(text),
        Input::Bytes(bytes) => options.parse_all_bytes(bytes),
    };
    let out = Array::new();
    for result in results {
        let item = Object::new();
        let (key, value) = match result {
            Ok(question) => ("ok", to_js(&question)?),
            Err(err) => ("error", convert_error(&err).into()),
        };
        Reflect::set(&item, &JsValue::from_str(key), &value)?;
        out.push(&item);
    }
    Ok(out)
}

enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

/// What `typeof` says of a value, for error messages (`null` and arrays named as such).
pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// A `TypeError` whose message names the function and its parameter.
pub(crate) fn type_error(
    function: &str,
    parameter: &str,
    expected: &str,
    value: &JsValue,
) -> JsValue {
    js_sys::TypeError::new(&format!(
        "asalee: {function}() argument '{parameter}' must be {expected}, not {}",
        type_name(value)
    ))
    .into()
}

fn read_input(value: &InputArg, function: &str) -> Result<Input, JsValue> {
    if let Some(text) = value.as_string() {
        Ok(Input::Text(text))
    } else if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        Ok(Input::Bytes(bytes.to_vec()))
    } else {
        Err(type_error(
            function,
            "input",
            "a string or a Uint8Array",
            value,
        ))
    }
}

fn read_options(options: Option<OptionsArg>, function: &str) -> Result<Options, JsValue> {
    let Some(options) = options else {
        return Ok(Options::new());
    };
    if !options.is_object() || Array::is_array(&options) {
        let expected = "an object such as { strict: true }";
        return Err(type_error(function, "options", expected, &options));
    }
    let strict = Reflect::get(&options, &JsValue::from_str("strict"))?;
    match strict.as_bool() {
        Some(strict) => Ok(Options::new().strict(strict)),
        None if strict.is_undefined() || strict.is_null() => Ok(Options::new()),
        None => Err(type_error(function, "options.strict", "a boolean", &strict)),
    }
}

fn to_js(question: &Question) -> Result<JsValue, JsValue> {
    // JSON-compatible: `None` is `null` (not `undefined`), maps are plain objects.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    question.serialize(&serializer).map_err(JsValue::from)
}

fn convert_error(err: &asalee_core::ParseError) -> ParseError {
    ParseError::new(
        &format!("{err:#}"),
        err.kind().as_str(),
        err.line(),
        err.column(),
        err.message(),
    )
}
