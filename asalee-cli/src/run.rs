//! Parsing many inputs on several threads, with the output in input order.
//!
//! Workers take inputs in order from a shared counter, parse them and hand their output to a
//! [`Sink`] in chunks. The sink writes the chunks of the input at the head of the order straight
//! to standard output and keeps those of later inputs until their turn, up to a byte budget: a
//! worker whose chunk would exceed it waits until the head moves on. Memory is therefore bounded
//! by the budget plus, per worker, one document's window and one chunk, however many inputs
//! there are and however large (each is read a block at a time by `asalee_core::parse_reader`).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use asalee_core::{ErrorKind, Options, ParseError, Question};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::inputs::Input;
use crate::output::{Encoder, Style};

/// A worker hands its output over once it holds this many bytes.
const CHUNK: usize = 256 * 1024;
/// Output of later inputs kept while waiting for the head of the order.
const BUDGET: usize = 16 * 1024 * 1024;
/// The progress bar appears for more inputs than this…
const MANY_FILES: usize = 50;
/// …or once the work has taken this long.
const LONG: Duration = Duration::from_secs(2);

/// What to do with the inputs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// Strict mode.
    pub(crate) strict: bool,
    /// How records are written.
    pub(crate) style: Style,
    /// How many worker threads.
    pub(crate) jobs: usize,
}

/// What happened.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Records written.
    pub(crate) records: usize,
    /// Documents that failed (inputs with no document included).
    pub(crate) failed: usize,
    /// Inputs that could not be read.
    pub(crate) unreadable: usize,
}

/// Parses every input and writes the records to standard output, the failures to standard error.
///
/// Returns an error only when standard output cannot be written.
pub(crate) fn run(inputs: &[Input], settings: Settings) -> io::Result<Outcome> {
    let progress = Progress::new(inputs);
    let style = settings.style;
    let mut out = io::BufWriter::with_capacity(128 * 1024, io::stdout());
    out.write_all(&style.header())?;
    let sink = Sink::new(out, BUDGET, style.leading_separator(), progress.bar.clone());
    let counts = Counts::default();
    let next = AtomicUsize::new(0);
    let work = || {
        let ctx = Worker {
            settings,
            sink: &sink,
            counts: &counts,
            progress: &progress,
        };
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= inputs.len()
                || sink.aborted.load(Ordering::Relaxed)
                || crate::interrupt::requested()
            {
                break;
            }
            if ctx.process(i, &inputs[i]).is_err() {
                break;
            }
        }
    };
    let jobs = settings.jobs.clamp(1, inputs.len().max(1));
    if jobs == 1 {
        work();
    } else {
        std::thread::scope(|s| {
            for _ in 0..jobs {
                s.spawn(work);
            }
        });
    }
    progress.finish();
    let mut state = sink.state.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = state.error.take() {
        return Err(e);
    }
    state.out.write_all(style.footer(state.any_record))?;
    state.out.flush()?;
    Ok(Outcome {
        records: counts.records.load(Ordering::Relaxed),
        failed: counts.failed.load(Ordering::Relaxed),
        unreadable: counts.unreadable.load(Ordering::Relaxed),
    })
}

#[derive(Default)]
struct Counts {
    records: AtomicUsize,
    failed: AtomicUsize,
    unreadable: AtomicUsize,
}

/// Standard output failed: the workers stop.
struct Aborted;

/// Output of one input: what goes to standard output, then what goes to standard error.
#[derive(Default)]
struct Chunk {
    out: Vec<u8>,
    err: Vec<u8>,
}

impl Chunk {
    fn size(&self) -> usize {
        self.out.len() + self.err.len()
    }
}

struct Worker<'a> {
    settings: Settings,
    sink: &'a Sink<io::BufWriter<io::Stdout>>,
    counts: &'a Counts,
    progress: &'a Progress,
}

impl Worker<'_> {
    /// Reads, parses and hands over one input, a block at a time (see `asalee_core::parse_reader`).
    fn process(&self, i: usize, input: &Input) -> Result<(), Aborted> {
        let mut doc = Documents::new(self, i, &input.shown);
        let options = Options::new().strict(self.settings.strict);
        let read = match input.open() {
            Ok(reader) => {
                let counted = Counted {
                    inner: reader,
                    progress: self.progress,
                };
                let mut all = options.parse_reader(counted);
                let mut failed = None;
                while let Some(result) = all.next() {
                    if crate::interrupt::requested() {
                        break;
                    }
                    match result {
                        Err(e) if e.kind() == ErrorKind::Io => {
                            failed = Some(e);
                            break;
                        }
                        result => doc.take(result, all.member())?,
                    }
                }
                failed.map(|e| {
                    let at = match e.member() {
                        Some(m) => format!("{}!{m}", input.shown),
                        None => input.shown.clone(),
                    };
                    format!(
                        "cannot read {at} after line {}: {}",
                        e.line(),
                        io_cause(e.message())
                    )
                })
            }
            Err(e) => Some(format!("cannot read {}: {e}", input.shown)),
        };
        self.progress.file_done();
        doc.finish(read)
    }
}

/// The cause in an `io` error's message, without the core's prefix.
fn io_cause(message: &str) -> &str {
    message
        .strip_prefix("cannot read the input: ")
        .unwrap_or(message)
}

/// A reader that advances the progress bar by what it reads.
struct Counted<'a, R> {
    inner: R,
    progress: &'a Progress,
}

impl<R: io::Read> io::Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}

/// The output of one input's documents, handed over in chunks.
struct Documents<'a> {
    worker: &'a Worker<'a>,
    i: usize,
    shown: &'a str,
    encoder: Encoder,
    err: Vec<u8>,
    documents: usize,
    aborted: bool,
}

impl<'a> Documents<'a> {
    fn new(worker: &'a Worker<'a>, i: usize, shown: &'a str) -> Documents<'a> {
        let encoder = Encoder::new(worker.settings.style);
        Documents {
            worker,
            i,
            shown,
            encoder,
            err: Vec::new(),
            documents: 0,
            aborted: false,
        }
    }

    /// One document's result, from the archive member `member` if any.
    fn take(
        &mut self,
        result: Result<Question, ParseError>,
        member: Option<&str>,
    ) -> Result<(), Aborted> {
        self.documents += 1;
        let counts = self.worker.counts;
        let shown = match member {
            Some(m) => std::borrow::Cow::Owned(format!("{}!{m}", self.shown)),
            None => std::borrow::Cow::Borrowed(self.shown),
        };
        match result {
            Ok(q) => {
                if !self.err.is_empty() {
                    // Keep the order of records and messages: the messages go out first.
                    self.send(false)?;
                }
                let pushed = self.encoder.push(&q, &shown);
                pushed.map_err(|e| self.abort(e))?;
                counts.records.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                counts.failed.fetch_add(1, Ordering::Relaxed);
                let (line, column) = (e.line(), e.column());
                let _ = writeln!(self.err, "{shown}:{line}:{column}: {}", e.message());
            }
        }
        // Records and messages go out as they come, a chunk at a time: a flood of failing
        // documents costs no more memory than one of records.
        if self.encoder.len() + self.err.len() >= CHUNK {
            self.send(false)?;
        }
        Ok(())
    }

    /// Hands over the rest, with the read error if the input could not be read (whole).
    fn finish(mut self, read_error: Option<String>) -> Result<(), Aborted> {
        if self.aborted {
            return Err(Aborted);
        }
        let counts = self.worker.counts;
        if let Some(e) = read_error {
            counts.unreadable.fetch_add(1, Ordering::Relaxed);
            let _ = writeln!(self.err, "asalee: {e}");
        } else if self.documents == 0 && !crate::interrupt::requested() {
            // parse_reader yields an error for an input with no document; this is only a safeguard.
            counts.failed.fetch_add(1, Ordering::Relaxed);
            let _ = writeln!(self.err, "{}:1:1: not a question document", self.shown);
        }
        self.send(true)
    }

    fn send(&mut self, last: bool) -> Result<(), Aborted> {
        let out = self.encoder.take().map_err(|e| self.abort(e))?;
        let chunk = Chunk {
            out,
            err: std::mem::take(&mut self.err),
        };
        let sent = self.worker.sink.send(self.i, chunk, last);
        self.aborted |= sent.is_err();
        sent
    }

    fn abort(&mut self, e: io::Error) -> Aborted {
        self.aborted = true;
        self.worker.sink.abort(e)
    }
}

/// Where the workers' chunks go, in input order.
struct Sink<W> {
    state: Mutex<State<W>>,
    /// Signalled when the head of the order moves on (or on abort).
    turn: Condvar,
    aborted: AtomicBool,
    /// Most bytes kept for later inputs (a single larger chunk is kept all the same).
    budget: usize,
}

struct State<W> {
    /// The input whose output is being written.
    head: usize,
    /// Chunks of later inputs, and whether each input has sent its last chunk.
    pending: BTreeMap<usize, (Vec<Chunk>, bool)>,
    /// Bytes held in `pending`.
    buffered: usize,
    /// The most bytes `pending` ever held.
    peak: usize,
    out: W,
    any_record: bool,
    /// Bytes still to drop before the first record (the JSON array's first comma).
    skip: usize,
    error: Option<io::Error>,
    progress: Option<ProgressBar>,
}

impl<W: Write> Sink<W> {
    fn new(out: W, budget: usize, skip: usize, progress: Option<ProgressBar>) -> Sink<W> {
        Sink {
            state: Mutex::new(State {
                head: 0,
                pending: BTreeMap::new(),
                buffered: 0,
                peak: 0,
                out,
                any_record: false,
                skip,
                error: None,
                progress,
            }),
            turn: Condvar::new(),
            aborted: AtomicBool::new(false),
            budget,
        }
    }

    /// Hands over a chunk of input `i`; `last` when it is the input's last.
    fn send(&self, i: usize, chunk: Chunk, last: bool) -> Result<(), Aborted> {
        let mut state = self.lock();
        loop {
            if self.aborted.load(Ordering::Relaxed) {
                return Err(Aborted);
            }
            if i == state.head {
                let result =
                    state
                        .write(chunk)
                        .and_then(|()| if last { state.advance() } else { Ok(()) });
                if last {
                    self.turn.notify_all();
                }
                return result.map_err(|e| self.abort_locked(&mut state, e));
            }
            let size = chunk.size();
            if state.buffered == 0 || state.buffered + size <= self.budget {
                state.buffered += size;
                state.peak = state.peak.max(state.buffered);
                let entry = state.pending.entry(i).or_default();
                entry.0.push(chunk);
                entry.1 = last;
                return Ok(());
            }
            state = self.turn.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<W>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a write error and stops every worker.
    fn abort(&self, e: io::Error) -> Aborted {
        let mut state = self.lock();
        self.abort_locked(&mut state, e)
    }

    fn abort_locked(&self, state: &mut State<W>, e: io::Error) -> Aborted {
        state.error.get_or_insert(e);
        self.aborted.store(true, Ordering::Relaxed);
        self.turn.notify_all();
        Aborted
    }
}

impl<W: Write> State<W> {
    /// Writes a chunk of the head input.
    fn write(&mut self, chunk: Chunk) -> io::Result<()> {
        let mut out = &chunk.out[..];
        if !out.is_empty() {
            if self.skip > 0 {
                out = &out[self.skip.min(out.len())..];
                self.skip = 0;
            }
            self.any_record = true;
            self.out.write_all(out)?;
        }
        if !chunk.err.is_empty() {
            // Messages appear after the records that came before them, also when both streams
            // go to one place.
            self.out.flush()?;
            let write = || io::stderr().lock().write_all(&chunk.err);
            // Standard error failing is no reason to stop.
            let _ = match &self.progress {
                Some(bar) if !bar.is_hidden() => bar.suspend(write),
                _ => write(),
            };
        }
        Ok(())
    }

    /// The head input is done: writes what the next ones have sent while waiting.
    fn advance(&mut self) -> io::Result<()> {
        loop {
            self.head += 1;
            let Some((chunks, last)) = self.pending.remove(&self.head) else {
                return Ok(());
            };
            for chunk in chunks {
                self.buffered -= chunk.size();
                self.write(chunk)?;
            }
            if !last {
                return Ok(());
            }
        }
    }
}

/// A progress bar on standard error, shown only when it is a terminal (and standard output is
/// not: records scrolling by would tear it) and the work is long.
struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
    files: usize,
    files_done: AtomicUsize,
}

impl Progress {
    fn new(inputs: &[Input]) -> Progress {
        let start = Instant::now();
        let wanted = io::stderr().is_terminal() && !io::stdout().is_terminal();
        let bar = wanted.then(|| {
            let total: u64 = inputs.iter().map(|i| i.len).sum();
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
            let template = "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}";
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_message(format!("0/{} files", inputs.len()));
            bar.set_length(total);
            bar
        });
        let progress = Progress {
            bar,
            start,
            shown: AtomicBool::new(false),
            files: inputs.len(),
            files_done: AtomicUsize::new(0),
        };
        if inputs.len() > MANY_FILES {
            progress.show();
        }
        progress
    }

    fn show(&self) {
        if let Some(bar) = &self.bar {
            if !self.shown.swap(true, Ordering::Relaxed) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }

    fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            if !self.shown.load(Ordering::Relaxed) && self.start.elapsed() > LONG {
                self.show();
            }
        }
    }

    fn file_done(&self) {
        if let Some(bar) = &self.bar {
            let done = self.files_done.fetch_add(1, Ordering::Relaxed) + 1;
            bar.set_message(format!("{done}/{} files", self.files));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(text: String) -> Chunk {
        Chunk {
            out: text.into_bytes(),
            err: Vec::new(),
        }
    }

    /// Inputs finish out of order on several threads; the output is in order all the same and
    /// what waits never exceeds the budget.
    #[test]
    fn chunks_come_out_in_input_order_within_the_budget() {
        const INPUTS: usize = 300;
        const BUDGET: usize = 64;
        let sink = Sink::new(Vec::new(), BUDGET, 0, None);
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= INPUTS {
                        break;
                    }
                    for part in 0..i % 5 {
                        if (i + part).is_multiple_of(3) {
                            std::thread::yield_now();
                        }
                        assert!(sink.send(i, chunk(format!("{i}.{part}\n")), false).is_ok());
                    }
                    assert!(sink.send(i, chunk(format!("{i}.end\n")), true).is_ok());
                });
            }
        });
        let state = sink.state.into_inner().unwrap();
        let mut want = String::new();
        for i in 0..INPUTS {
            for part in 0..i % 5 {
                want.push_str(&format!("{i}.{part}\n"));
            }
            want.push_str(&format!("{i}.end\n"));
        }
        assert_eq!(String::from_utf8(state.out).unwrap(), want);
        assert!(state.peak <= BUDGET, "kept {} bytes", state.peak);
        assert_eq!(state.buffered, 0);
        assert!(state.pending.is_empty());
    }

    /// In a JSON array the first record's leading comma is dropped, wherever it comes from.
    #[test]
    fn the_first_separator_is_dropped_once() {
        let sink = Sink::new(Vec::new(), BUDGET, 1, None);
        assert!(sink.send(1, chunk(",\n{\"b\":1}".into()), true).is_ok());
        assert!(sink.send(0, chunk(String::new()), true).is_ok());
        let state = sink.state.into_inner().unwrap();
        assert!(state.any_record);
        assert_eq!(state.out, b"\n{\"b\":1}");
    }
}
