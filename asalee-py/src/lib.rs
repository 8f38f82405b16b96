//! The extension module `asalee._asalee` of the Python package `asalee`.
//!
//! Registration and conversion only: every rule of the SPEC lives in `asalee-core`. A
//! [`Question`] becomes an instance of the immutable record classes of `asalee/_model.py`, built
//! by keyword from the record's description (`convert`); a [`ParseError`] becomes
//! `asalee.ParseError` through `to_py_error`. The GIL is released while the core parses.

use std::borrow::Cow;
use std::sync::{Mutex, MutexGuard, PoisonError};

use asalee_core::{Options, ParseError, Question};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

mod convert;
mod files;

/// The one error-mapping function: a core [`ParseError`] as an `asalee.ParseError` instance
/// (raised by `parse`, yielded by `parse_all`).
fn to_py_error<'py>(py: Python<'py>, err: &ParseError) -> PyResult<Bound<'py, PyAny>> {
    convert::classes(py)?.parse_error.bind(py).call1((
        err.message(),
        err.line(),
        err.column(),
        PyString::intern(py, err.kind().as_str()),
    ))
}

/// The input of every entry point: `str`, `bytes`, or any other bytes-like object (`bytearray`,
/// `memoryview`, `mmap`, ...: their bytes are copied once).
enum Input<'a> {
    Text(Cow<'a, str>),
    Bytes(&'a [u8]),
    Copied(Vec<u8>),
}

impl<'a> Input<'a> {
    /// `obj` as the input of `function`'s argument `name`.
    fn extract(obj: &'a Bound<'_, PyAny>, function: &str, name: &str) -> PyResult<Input<'a>> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(bytes.as_bytes()));
        }
        if let Ok(text) = obj.cast::<PyString>() {
            return Ok(Input::Text(text.to_cow()?));
        }
        if let Ok(array) = obj.cast::<PyByteArray>() {
            return Ok(Input::Copied(array.to_vec()));
        }
        // Anything with the buffer protocol (the stable ABI of Python 3.9 has no direct access).
        let py = obj.py();
        let memoryview = py.import("builtins")?.getattr("memoryview")?;
        match memoryview.call1((obj,)) {
            Ok(view) => {
                let bytes = view.call_method0("tobytes")?;
                Ok(Input::Copied(bytes.cast::<PyBytes>()?.as_bytes().to_vec()))
            }
            Err(_) => Err(PyTypeError::new_err(format!(
                "{function}() argument '{name}' must be str or a bytes-like object (bytes, \
                 bytearray, memoryview, mmap), not {}",
                obj.get_type().name()?
            ))),
        }
    }

    fn parse(&self, py: Python<'_>, options: Options) -> Result<Question, ParseError> {
        py.detach(|| match self {
            Input::Text(text) => options.parse(text),
            Input::Bytes(bytes) => options.parse_bytes(bytes),
            Input::Copied(bytes) => options.parse_bytes(bytes),
        })
    }

    fn into_owned(self) -> Owned {
        match self {
            Input::Text(text) => Owned::Text(text.into_owned()),
            Input::Bytes(bytes) => Owned::Bytes(bytes.to_vec()),
            Input::Copied(bytes) => Owned::Bytes(bytes),
        }
    }
}

fn options(strict: bool) -> Options {
    Options::new().strict(strict)
}

/// One item of an iterator of results: the `Question` or the `ParseError` (not raised).
fn item<'py>(py: Python<'py>, result: Result<Question, ParseError>) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(q) => convert::question(py, &q),
        Err(e) => to_py_error(py, &e),
    }
}

fn to_py_result<'py>(
    py: Python<'py>,
    result: Result<Question, ParseError>,
) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(q) => convert::question(py, &q),
        Err(e) => Err(PyErr::from_value(to_py_error(py, &e)?)),
    }
}

/// Parses one document (`str`, or `bytes` in UTF-8 or Windows-1252) into a `Question`; raises
/// `ParseError`.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    strict: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let result = Input::extract(text, "parse", "text")?.parse(py, options(strict));
    to_py_result(py, result)
}

/// Parses every document of an input: a lazy iterator of `Question | ParseError`, one per
/// document, in order.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn parse_all(text: &Bound<'_, PyAny>, strict: bool) -> PyResult<DocumentIter> {
    let options = options(strict);
    let documents = Documents::from_owned(
        Input::extract(text, "parse_all", "text")?.into_owned(),
        options,
    );
    Ok(DocumentIter {
        documents: Mutex::new(documents),
    })
}

/// A copy of the input of `parse_all`, owned by its iterator.
pub(crate) enum Owned {
    Text(String),
    Bytes(Vec<u8>),
}

type CoreParseAll<'a> = asalee_core::ParseAll<'a>;

self_cell::self_cell!(
    /// The input of `parse_all` and the core's iterator over it.
    pub(crate) struct Documents {
        owner: Owned,
        #[covariant]
        dependent: CoreParseAll,
    }
);

impl Documents {
    pub(crate) fn from_owned(owned: Owned, options: Options) -> Documents {
        Documents::new(owned, |owned| match owned {
            Owned::Text(text) => options.parse_all(text),
            Owned::Bytes(bytes) => options.parse_all_bytes(bytes),
        })
    }
}

impl Iterator for Documents {
    type Item = Result<Question, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.with_dependent_mut(|_, docs| docs.next())
    }
}

/// The iterator `parse_all` returns: one `Question` or `ParseError` per document, in order.
#[pyclass(module = "asalee._asalee", name = "ParseAll", frozen)]
struct DocumentIter {
    documents: Mutex<Documents>,
}

impl DocumentIter {
    fn lock(&self) -> MutexGuard<'_, Documents> {
        // The core does not panic; if it ever did, its iterator is still in a usable state.
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl DocumentIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = py.detach(|| self.lock().next());
        match next {
            None => Ok(None),
            Some(result) => item(py, result).map(Some),
        }
    }

    /// The byte offset, in the decoded text, where the document last yielded began.
    #[getter]
    fn byte_offset(&self) -> usize {
        self.lock().borrow_dependent().byte_offset()
    }
}

/// Test support: reads a record from its SPEC JSON (serde) and converts it like a parsed one.
#[pyfunction]
fn _from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let q: Question =
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))?;
    convert::question(py, &q)
}

/// Test support: the JSON text Rust's `Question::to_json` writes for the record in `json`.
#[pyfunction]
fn _rust_json(json: &str) -> PyResult<String> {
    let q: Question =
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(q.to_json())
}

/// Test support: the core's `to_row()` of the record in `json`, each cell as CSV writes it.
#[pyfunction]
fn _rust_row(json: &str) -> PyResult<Vec<(String, String)>> {
    let q: Question =
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let columns = asalee_core::table::COLUMNS.iter().map(|c| c.name.clone());
    Ok(columns
        .zip(q.to_row().iter().map(|c| c.to_text()))
        .collect())
}

/// Test support: Rust's `parse(text)?.to_json()`, to compare with `Question.to_json()`.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn _to_json(py: Python<'_>, text: &Bound<'_, PyAny>, strict: bool) -> PyResult<String> {
    match Input::extract(text, "_to_json", "text")?.parse(py, options(strict)) {
        Ok(q) => Ok(q.to_json()),
        Err(e) => Err(PyErr::from_value(to_py_error(py, &e)?)),
    }
}

/// Benchmark support: runs the core's `parse_all` over `text` with no conversion and returns
/// how many documents parsed.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn _count(py: Python<'_>, text: &Bound<'_, PyAny>, strict: bool) -> PyResult<usize> {
    let options = options(strict);
    let input = Input::extract(text, "_count", "text")?;
    Ok(py.detach(|| match &input {
        Input::Text(text) => options.parse_all(text).filter(Result::is_ok).count(),
        Input::Bytes(bytes) => options.parse_all_bytes(bytes).filter(Result::is_ok).count(),
        Input::Copied(bytes) => options.parse_all_bytes(bytes).filter(Result::is_ok).count(),
    }))
}

#[pymodule(gil_used = false)]
fn _asalee(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_all, m)?)?;
    m.add_class::<DocumentIter>()?;
    m.add_function(wrap_pyfunction!(files::parse_file, m)?)?;
    m.add_class::<files::FileIter>()?;
    m.add_function(wrap_pyfunction!(files::_parse_files, m)?)?;
    m.add_class::<files::FilesIter>()?;
    m.add_function(wrap_pyfunction!(files::_folder_skip, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_row, m)?)?;
    m.add_function(wrap_pyfunction!(_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_json, m)?)?;
    m.add_function(wrap_pyfunction!(_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(_count, m)?)?;
    Ok(())
}
