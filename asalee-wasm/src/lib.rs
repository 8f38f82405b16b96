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

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A French parliamentary question, as `asalee-core` reads it: the SPEC's JSON record. */
export interface Question {
  /** AN open-data identifier `QANR5L{legislature}{kind}{number}`, e.g. `QANR5L16QE13927`. */
  uid: string | null;
  chamber: "AN" | "SENAT" | null;
  legislature: number | null;
  kind: "QE" | "QOSD" | "QG" | null;
  number: number;
  title: string | null;
  author: Author | null;
  ministry_asked: string | null;
  ministry_answering: string | null;
  rubric: string | null;
  analysis_heading: string | null;
  analysis: string | null;
  question_published: JoRef | null;
  answer_published: JoRef | null;
  /** ISO date `YYYY-MM-DD`. */
  flagged_on: string | null;
  /** ISO dates, in document order. */
  reassigned_on: string[];
  /** ISO dates, in document order. */
  renewed_on: string[];
  closed: Closed | null;
  errata: Erratum[];
  /** Paragraphs separated by `\n`. */
  question_text: string | null;
  /** Paragraphs separated by `\n`. */
  answer_text: string | null;
  /** Every labelled line the parser does not know. */
  other_fields: OtherField[];
  /** What was odd but not fatal; `[]` for a clean document. */
  warnings: Warning[];
  layout: Layout;
}

export type Layout = "an-fiche" | "an-legacy" | "an-dyn" | "an-current" | "plain" | "senat" | "an-opendata" | "an-xml";

export interface Author {
  civility: "M." | "Mme" | null;
  name: string | null;
  group: string | null;
  department: string | null;
  constituency: number | null;
  region: string | null;
  /** The AN's identifier of the deputy (`PA720892`), where the document gives it. */
  ref: string | null;
}

/** A publication in the Journal officiel. */
export interface JoRef {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  page: number | null;
}

export interface Closed {
  /** ISO date `YYYY-MM-DD`, when the page gives one. */
  date: string | null;
  reason: string | null;
}

export interface Erratum {
  of: "question" | "answer";
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  page: number | null;
}

export interface OtherField {
  label: string;
  value: string;
}

export interface Warning {
  /** 1-based line of the whole input. */
  line: number;
  message: string;
}

export interface ParseOptions {
  /** Turn every warning into a `ParseError` of kind `"strict"`. Default `false`. */
  strict?: boolean;
}

/** One document's result in `parseAll`'s array. */
export type ParseResult =
  | { ok: Question; error?: undefined }
  | { ok?: undefined; error: ParseError };

export type ErrorKind = "not-a-question" | "missing-number" | "missing-text" | "strict";

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
/// @throws {TypeError} when `input` is neither a string nor a `Uint8Array`.
#[wasm_bindgen(unchecked_return_type = "Question")]
pub fn parse(input: &InputArg, options: Option<OptionsArg>) -> Result<JsValue, JsValue> {
    let options = read_options(options)?;
    let result = match read_input(input)? {
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
/// @throws {TypeError} when `input` is neither a string nor a `Uint8Array`.
#[wasm_bindgen(js_name = parseAll, unchecked_return_type = "ParseResult[]")]
pub fn parse_all(input: &InputArg, options: Option<OptionsArg>) -> Result<Array, JsValue> {
    let options = read_options(options)?;
    let input = read_input(input)?;
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

fn read_input(value: &InputArg) -> Result<Input, JsValue> {
    if let Some(text) = value.as_string() {
        Ok(Input::Text(text))
    } else if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        Ok(Input::Bytes(bytes.to_vec()))
    } else {
        Err(js_sys::TypeError::new("asalee: input must be a string or a Uint8Array").into())
    }
}

fn read_options(options: Option<OptionsArg>) -> Result<Options, JsValue> {
    let Some(options) = options else {
        return Ok(Options::new());
    };
    let strict = Reflect::get(&options, &JsValue::from_str("strict"))?;
    match strict.as_bool() {
        Some(strict) => Ok(Options::new().strict(strict)),
        None if strict.is_undefined() || strict.is_null() => Ok(Options::new()),
        None => Err(js_sys::TypeError::new("asalee: options.strict must be a boolean").into()),
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
