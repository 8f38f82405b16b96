//! Files: `parse_file(path | binary file)` and the thread pool of `parse_files(paths, jobs=N)`.
//! Both read and parse with the GIL released.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::{mpsc, Arc, Condvar, Mutex, PoisonError};

use asalee_core::{Options, ParseError, Question};
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyIterator, PyString, PyTuple};

use crate::{item, options};

/// The documents of a file or a stream, in order.
type Results = Box<dyn Iterator<Item = Result<Question, ParseError>> + Send>;

/// The one place that turns a reader into documents: the core's streaming entry point, whose
/// memory is bounded by the largest document (zip archives read member by member).
fn parse_reader(reader: impl Read + Send + 'static, options: Options) -> io::Result<Results> {
    Ok(Box::new(options.parse_reader(reader)))
}

/// An `OSError` (its subclass for the errno: `FileNotFoundError`...) naming `filename`, or the
/// Python error a file object raised.
fn os_error(err: io::Error, filename: &Bound<'_, PyAny>) -> PyErr {
    if err.get_ref().is_some_and(|e| e.is::<PyErr>()) {
        if let Ok(py_err) = err.into_inner().expect("checked").downcast::<PyErr>() {
            return *py_err;
        }
        unreachable!("checked");
    }
    let message = err.to_string();
    let message = message
        .split(" (os error")
        .next()
        .unwrap_or(&message)
        .to_owned();
    match err.raw_os_error() {
        Some(errno) => PyOSError::new_err((errno, message, filename.clone().unbind())),
        None => PyOSError::new_err(format!("{message}: {filename}")),
    }
}

/// EISDIR, which Python raises as `IsADirectoryError` (21 on Linux, the BSDs and macOS).
fn is_a_directory() -> io::Error {
    if cfg!(unix) {
        io::Error::from_raw_os_error(21)
    } else {
        io::Error::from(io::ErrorKind::IsADirectory)
    }
}

/// A binary file object as a reader; each read takes the GIL for the call to `read`.
struct PyFile(Py<PyAny>);

impl Read for PyFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Python::attach(|py| {
            let chunk = self.0.bind(py).call_method1("read", (buf.len(),));
            let chunk = chunk.map_err(io::Error::other)?;
            let bytes = chunk.cast::<PyBytes>().map_err(|_| {
                io::Error::other(PyTypeError::new_err(
                    "parse_file(): the file's read() must return bytes: open it in binary mode ('rb')",
                ))
            })?;
            let bytes = bytes.as_bytes();
            let n = bytes.len().min(buf.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            Ok(n)
        })
    }
}

/// The reader of `parse_file`'s `source`: a path, or a file object open in binary mode.
fn open(source: &Bound<'_, PyAny>) -> PyResult<Box<dyn Read + Send>> {
    if source.hasattr("read")? {
        // A text file gives `str`: say so now rather than at the first document.
        if source
            .call_method1("read", (0,))?
            .is_instance_of::<PyString>()
        {
            return Err(PyTypeError::new_err(
                "parse_file() argument 'source' is a file open in text mode: open it with 'rb'",
            ));
        }
        return Ok(Box::new(PyFile(source.clone().unbind())));
    }
    let path: PathBuf = source.extract().map_err(|_| {
        let name = source.get_type().name().map_or_else(|_| "?".into(), |n| n.to_string());
        PyTypeError::new_err(format!(
            "parse_file() argument 'source' must be a path (str or os.PathLike) or a binary file, not {name}"
        ))
    })?;
    // A folder opens on some systems and fails only when read: said at once, as Python's open().
    let file = source
        .py()
        .detach(|| {
            let file = File::open(&path)?;
            if file.metadata()?.is_dir() {
                return Err(is_a_directory());
            }
            Ok(file)
        })
        .map_err(|e| os_error(e, source))?;
    Ok(Box::new(file))
}

/// Reads every document of one file or binary stream: a lazy iterator of `Question |
/// ParseError`, one per document, in order. The GIL is released while the file is read and parsed.
#[pyfunction]
#[pyo3(signature = (source, *, strict = false))]
pub(crate) fn parse_file(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    strict: bool,
) -> PyResult<FileIter> {
    let reader = open(source)?;
    let results = py
        .detach(|| parse_reader(reader, options(strict)))
        .map_err(|e| os_error(e, source))?;
    Ok(FileIter {
        results: Mutex::new(results),
    })
}

/// The iterator `parse_file` returns: one `Question` or `ParseError` per document, in order.
#[pyclass(module = "asalee._asalee", name = "ParseFile", frozen)]
pub(crate) struct FileIter {
    results: Mutex<Results>,
}

#[pymethods]
impl FileIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = py.detach(|| {
            let mut results = self.results.lock().unwrap_or_else(PoisonError::into_inner);
            results.next()
        });
        next.map(|result| item(py, result)).transpose()
    }
}

/// What a worker made of one file.
type FileResult = io::Result<Vec<Result<Question, ParseError>>>;

/// The documents of a parsed file, as they are yielded.
type Parsed = std::vec::IntoIter<Result<Question, ParseError>>;

/// The files parsed so far, by their index in the input, and the signal that one is added.
#[derive(Default)]
struct Done {
    files: Mutex<HashMap<usize, FileResult>>,
    added: Condvar,
}

/// Worker threads that read and parse the files they are sent, without the GIL.
struct Pool {
    jobs: Option<mpsc::Sender<(usize, PathBuf)>>,
    done: Arc<Done>,
}

impl Pool {
    fn new(threads: usize, options: Options) -> Pool {
        let (jobs, queue) = mpsc::channel::<(usize, PathBuf)>();
        let queue = Arc::new(Mutex::new(queue));
        let done = Arc::new(Done::default());
        for _ in 0..threads {
            let (queue, done) = (Arc::clone(&queue), Arc::clone(&done));
            std::thread::spawn(move || loop {
                let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                let Ok((index, path)) = job else { return };
                let result = File::open(&path)
                    .and_then(|f| parse_reader(f, options))
                    .map(Iterator::collect);
                done.files
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(index, result);
                done.added.notify_all();
            });
        }
        Pool {
            jobs: Some(jobs),
            done,
        }
    }

    fn send(&self, index: usize, path: PathBuf) {
        if let Some(jobs) = &self.jobs {
            // The workers live as long as the sender: sending cannot fail.
            let _ = jobs.send((index, path));
        }
    }

    /// Waits for the file `index` (call it without the GIL).
    fn wait(&self, index: usize) -> FileResult {
        let mut files = self
            .done
            .files
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(result) = files.remove(&index) {
                return result;
            }
            files = self
                .done
                .added
                .wait(files)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Workers stop once the queue is closed and their current file is done.
        self.jobs = None;
    }
}

/// Why a file found in a folder by `parse_files` is not read (the kind, as `asalee parse DIR`
/// counts it), or `None`: the core's rule, `asalee_core::folder_skip`. `in_assets`: a folder
/// above it is a page's `…_files` folder.
#[pyfunction]
pub(crate) fn _folder_skip(path: PathBuf, in_assets: bool) -> Option<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    asalee_core::folder_skip(&name, in_assets, || {
        let mut head = vec![0; 1024];
        let n = File::open(&path).and_then(|mut f| f.read(&mut head)).ok()?;
        head.truncate(n);
        Some(head)
    })
}

/// `parse_files`' engine: `(path, Question | ParseError)` for every document of every file of
/// `paths`, in order, the files read and parsed by `jobs` threads (a few files ahead).
#[pyfunction]
#[pyo3(signature = (paths, *, strict = false, jobs = 1))]
pub(crate) fn _parse_files(
    paths: &Bound<'_, PyAny>,
    strict: bool,
    jobs: usize,
) -> PyResult<FilesIter> {
    let jobs = jobs.max(1);
    Ok(FilesIter {
        paths: Some(paths.try_iter()?.unbind()),
        pool: Pool::new(jobs, options(strict)),
        ahead: 2 * jobs,
        pending: VecDeque::new(),
        submitted: 0,
        next: 0,
        current: None,
    })
}

/// The iterator of `parse_files` (one thread iterates it at a time).
#[pyclass(module = "asalee._asalee", name = "ParseFiles")]
pub(crate) struct FilesIter {
    paths: Option<Py<PyIterator>>,
    pool: Pool,
    ahead: usize,
    /// The path objects of the files sent to the pool and not yet yielded, in order.
    pending: VecDeque<Py<PyAny>>,
    submitted: usize,
    next: usize,
    /// The file being yielded and its documents still to come.
    current: Option<(Py<PyAny>, Parsed)>,
}

impl FilesIter {
    /// Sends files to the pool until `ahead` are in flight or `paths` is exhausted.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while self.submitted - self.next < self.ahead {
            let Some(paths) = &self.paths else {
                return Ok(());
            };
            let Some(path) = paths.bind(py).clone().next() else {
                self.paths = None;
                return Ok(());
            };
            let path = path?;
            let buf: PathBuf = path.extract().map_err(|_| {
                let name = path.get_type().name().map_or_else(|_| "?".into(), |n| n.to_string());
                PyTypeError::new_err(format!(
                    "parse_files() argument 'paths' must hold paths (str or os.PathLike), not {name}"
                ))
            })?;
            self.pool.send(self.submitted, buf);
            self.pending.push_back(path.unbind());
            self.submitted += 1;
        }
        Ok(())
    }
}

#[pymethods]
impl FilesIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        loop {
            if let Some((path, results)) = &mut self.current {
                if let Some(result) = results.next() {
                    let path = path.clone_ref(py).into_bound(py);
                    return Ok(Some(PyTuple::new(py, [path, item(py, result)?])?));
                }
                self.current = None;
            }
            self.fill(py)?;
            let Some(path) = self.pending.pop_front() else {
                return Ok(None);
            };
            let index = self.next;
            self.next += 1;
            let pool = &self.pool;
            match py.detach(|| pool.wait(index)) {
                Ok(results) => self.current = Some((path, results.into_iter())),
                Err(e) => return Err(os_error(e, path.bind(py))),
            }
        }
    }
}
