//! The extension module `asalee._asalee` of the Python package `asalee`.
//!
//! Registration and conversion only: every rule of the SPEC lives in `asalee-core`. A
//! [`Question`] becomes an instance of the immutable record classes of `asalee/_model.py`
//! (built by calling those classes, imported once), dates become `datetime.date`, lists become
//! tuples, and a [`ParseError`] becomes `asalee.ParseError` through `to_py_error`. The GIL is
//! released while the core parses.

use std::borrow::Cow;
use std::sync::{Mutex, MutexGuard, PoisonError};

use asalee_core::{Author, Closed, Date, Erratum, JoRef, Options, ParseError, Question};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyTuple};
use pyo3::IntoPyObjectExt;

/// The Python classes records are made of, imported on first use (importing them when this
/// module is initialised would be circular: `asalee/__init__.py` imports this module).
struct Classes {
    question: Py<PyAny>,
    author: Py<PyAny>,
    jo_ref: Py<PyAny>,
    closed: Py<PyAny>,
    erratum: Py<PyAny>,
    other_field: Py<PyAny>,
    warning: Py<PyAny>,
    parse_error: Py<PyAny>,
    date: Py<PyAny>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || {
        let model = py.import("asalee._model")?;
        let get = |name: &str| model.getattr(name).map(Bound::unbind);
        Ok(Classes {
            question: get("Question")?,
            author: get("Author")?,
            jo_ref: get("JoRef")?,
            closed: get("Closed")?,
            erratum: get("Erratum")?,
            other_field: get("OtherField")?,
            warning: get("Warning")?,
            parse_error: get("ParseError")?,
            date: py.import("datetime")?.getattr("date")?.unbind(),
        })
    })
}

/// The one error-mapping function: a core [`ParseError`] as an `asalee.ParseError` instance
/// (raised by `parse`, yielded by `parse_all`).
fn to_py_error<'py>(py: Python<'py>, err: &ParseError) -> PyResult<Bound<'py, PyAny>> {
    classes(py)?.parse_error.bind(py).call1((
        err.message(),
        err.line(),
        err.column(),
        PyString::intern(py, err.kind().as_str()),
    ))
}

/// The input of every entry point: `str` or `bytes`.
enum Input<'a> {
    Text(Cow<'a, str>),
    Bytes(&'a [u8]),
}

impl<'a> Input<'a> {
    fn extract(obj: &'a Bound<'_, PyAny>) -> PyResult<Input<'a>> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Ok(Input::Bytes(bytes.as_bytes()))
        } else if let Ok(text) = obj.cast::<PyString>() {
            Ok(Input::Text(text.to_cow()?))
        } else {
            Err(PyTypeError::new_err(format!(
                "expected str or bytes, not {}",
                obj.get_type().name()?
            )))
        }
    }

    fn parse(&self, py: Python<'_>, options: Options) -> Result<Question, ParseError> {
        py.detach(|| match self {
            Input::Text(text) => options.parse(text),
            Input::Bytes(bytes) => options.parse_bytes(bytes),
        })
    }

    fn into_owned(self) -> Owned {
        match self {
            Input::Text(text) => Owned::Text(text.into_owned()),
            Input::Bytes(bytes) => Owned::Bytes(bytes.to_vec()),
        }
    }
}

fn options(strict: bool) -> Options {
    Options::new().strict(strict)
}

fn to_py_result<'py>(
    py: Python<'py>,
    result: Result<Question, ParseError>,
) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(q) => question(py, q),
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
    let result = Input::extract(text)?.parse(py, options(strict));
    to_py_result(py, result)
}

/// Parses every document of an input: a lazy iterator of `Question | ParseError`, one per
/// document, in order.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn parse_all(text: &Bound<'_, PyAny>, strict: bool) -> PyResult<DocumentIter> {
    let options = options(strict);
    let documents = Documents::new(Input::extract(text)?.into_owned(), |owned| match owned {
        Owned::Text(text) => options.parse_all(text),
        Owned::Bytes(bytes) => options.parse_all_bytes(bytes),
    });
    Ok(DocumentIter {
        documents: Mutex::new(documents),
    })
}

/// A copy of the input of `parse_all`, owned by its iterator.
enum Owned {
    Text(String),
    Bytes(Vec<u8>),
}

type CoreParseAll<'a> = asalee_core::ParseAll<'a>;

self_cell::self_cell!(
    /// The input of `parse_all` and the core's iterator over it.
    struct Documents {
        owner: Owned,
        #[covariant]
        dependent: CoreParseAll,
    }
);

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
        let next = py.detach(|| self.lock().with_dependent_mut(|_, docs| docs.next()));
        match next {
            None => Ok(None),
            Some(Ok(q)) => question(py, q).map(Some),
            Some(Err(e)) => to_py_error(py, &e).map(Some),
        }
    }

    /// The byte offset, in the decoded text, where the document last yielded began.
    #[getter]
    fn byte_offset(&self) -> usize {
        self.lock().borrow_dependent().byte_offset()
    }
}

fn date<'py>(py: Python<'py>, c: &Classes, d: Date) -> PyResult<Bound<'py, PyAny>> {
    c.date.bind(py).call1((d.year(), d.month(), d.day()))
}

fn opt_date<'py>(py: Python<'py>, c: &Classes, d: Option<Date>) -> PyResult<Bound<'py, PyAny>> {
    match d {
        Some(d) => date(py, c, d),
        None => Ok(py.None().into_bound(py)),
    }
}

fn code<'py>(py: Python<'py>, code: Option<&str>) -> Bound<'py, PyAny> {
    match code {
        Some(code) => PyString::intern(py, code).into_any(),
        None => py.None().into_bound(py),
    }
}

fn tuple<'py, T>(
    py: Python<'py>,
    items: Vec<T>,
    f: impl FnMut(T) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let items = items.into_iter().map(f).collect::<PyResult<Vec<_>>>()?;
    Ok(PyTuple::new(py, items)?.into_any())
}

fn option<'py, T>(
    py: Python<'py>,
    value: Option<T>,
    f: impl FnOnce(T) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Some(value) => f(value),
        None => Ok(py.None().into_bound(py)),
    }
}

fn author<'py>(py: Python<'py>, c: &Classes, a: Author) -> PyResult<Bound<'py, PyAny>> {
    c.author.bind(py).call1((
        code(py, a.civility.as_deref()),
        a.name,
        a.group,
        a.department,
        a.constituency,
        a.region,
        a.reference,
    ))
}

fn jo_ref<'py>(py: Python<'py>, c: &Classes, r: JoRef) -> PyResult<Bound<'py, PyAny>> {
    c.jo_ref.bind(py).call1((date(py, c, r.date)?, r.page))
}

fn closed<'py>(py: Python<'py>, c: &Classes, x: Closed) -> PyResult<Bound<'py, PyAny>> {
    c.closed
        .bind(py)
        .call1((opt_date(py, c, x.date)?, x.reason))
}

fn erratum<'py>(py: Python<'py>, c: &Classes, e: Erratum) -> PyResult<Bound<'py, PyAny>> {
    let of = code(py, Some(e.of.as_str()));
    c.erratum.bind(py).call1((of, date(py, c, e.date)?, e.page))
}

/// A core [`Question`] as an `asalee.Question`, its fields in SPEC order.
fn question(py: Python<'_>, q: Question) -> PyResult<Bound<'_, PyAny>> {
    let c = classes(py)?;
    let fields = [
        q.uid.into_bound_py_any(py)?,
        code(py, q.chamber.map(|x| x.as_str())),
        q.legislature.into_bound_py_any(py)?,
        code(py, q.kind.map(|x| x.as_str())),
        q.number.into_bound_py_any(py)?,
        q.title.into_bound_py_any(py)?,
        option(py, q.author, |a| author(py, c, a))?,
        q.ministry_asked.into_bound_py_any(py)?,
        q.ministry_answering.into_bound_py_any(py)?,
        q.rubric.into_bound_py_any(py)?,
        q.analysis_heading.into_bound_py_any(py)?,
        q.analysis.into_bound_py_any(py)?,
        option(py, q.question_published, |r| jo_ref(py, c, r))?,
        option(py, q.answer_published, |r| jo_ref(py, c, r))?,
        opt_date(py, c, q.flagged_on)?,
        tuple(py, q.reassigned_on, |d| date(py, c, d))?,
        tuple(py, q.renewed_on, |d| date(py, c, d))?,
        option(py, q.closed, |x| closed(py, c, x))?,
        tuple(py, q.errata, |e| erratum(py, c, e))?,
        q.question_text.into_bound_py_any(py)?,
        q.answer_text.into_bound_py_any(py)?,
        tuple(py, q.other_fields, |f| {
            c.other_field.bind(py).call1((f.label, f.value))
        })?,
        tuple(py, q.warnings, |w| {
            c.warning.bind(py).call1((w.line, w.message))
        })?,
        code(py, Some(q.layout.as_str())),
    ];
    c.question.bind(py).call1(PyTuple::new(py, fields)?)
}

/// Test support: reads a record from its SPEC JSON (serde) and converts it like a parsed one.
#[pyfunction]
fn _from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let q: Question =
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))?;
    question(py, q)
}

/// Test support: the JSON text Rust's `Question::to_json` writes for the record in `json`.
#[pyfunction]
fn _rust_json(json: &str) -> PyResult<String> {
    let q: Question =
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(q.to_json())
}

/// Test support: Rust's `parse(text)?.to_json()`, to compare with `Question.to_json()`.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn _to_json(py: Python<'_>, text: &Bound<'_, PyAny>, strict: bool) -> PyResult<String> {
    match Input::extract(text)?.parse(py, options(strict)) {
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
    let input = Input::extract(text)?;
    Ok(py.detach(|| match &input {
        Input::Text(text) => options.parse_all(text).filter(Result::is_ok).count(),
        Input::Bytes(bytes) => options.parse_all_bytes(bytes).filter(Result::is_ok).count(),
    }))
}

#[pymodule(gil_used = false)]
fn _asalee(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_all, m)?)?;
    m.add_class::<DocumentIter>()?;
    m.add_function(wrap_pyfunction!(_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_json, m)?)?;
    m.add_function(wrap_pyfunction!(_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(_count, m)?)?;
    Ok(())
}
