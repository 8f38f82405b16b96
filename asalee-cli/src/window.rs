//! Large inputs in windows, so that memory does not grow with an input's size.
//!
//! An input larger than a window is read a window at a time. Each window ends at a line end and
//! is decoded as the whole input would be (one pass first tells whether the whole input is UTF-8;
//! else every window is read as Windows-1252, as `asalee_core` does); its documents are parsed
//! with `parse_all`, and those whose end is followed by at least a lookahead's worth of text are
//! given out. The next window starts where the first document not given out starts, so that
//! every document is parsed once whole, with the text after it in view, as in one pass over the
//! whole input. Lines in errors and warnings count from the start of the input.
//!
//! A window holding less than one finished document grows (doubling), so a huge document is
//! still parsed whole, in time linear in its size.

use std::borrow::Cow;
use std::io::{self, Read};

use asalee_core::{Options, ParseError, Question};

/// How the windows are sized.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sizes {
    /// Bytes read per window (inputs up to this size are read whole).
    pub(crate) window: usize,
    /// Text that must follow a document in its window before it is given out.
    pub(crate) lookahead: usize,
}

impl Sizes {
    /// 8 MiB windows, 512 KiB lookahead (a saved page is 10 to 100 KB). `ASALEE_WINDOW`
    /// (bytes) changes the window, for tests; the lookahead is then an eighth of it.
    pub(crate) fn from_env() -> Sizes {
        match std::env::var("ASALEE_WINDOW")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            Some(window) if window >= 64 => Sizes {
                window,
                lookahead: window / 8,
            },
            _ => Sizes {
                window: 8 << 20,
                lookahead: 512 << 10,
            },
        }
    }
}

/// How an input's bytes read: as `asalee_core::decode` would read the whole input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Valid UTF-8 throughout (a leading BOM removed).
    Utf8,
    /// Not valid UTF-8 somewhere: every byte is a Windows-1252 character.
    Windows1252,
}

/// Whether the whole input is UTF-8, read in blocks.
pub(crate) fn detect(mut input: impl Read) -> io::Result<Encoding> {
    let mut block = vec![0; 1 << 20];
    let mut carry = 0;
    loop {
        let n = read_some(&mut input, &mut block[carry..])?;
        if n == 0 {
            return Ok(if carry == 0 {
                Encoding::Utf8
            } else {
                Encoding::Windows1252
            });
        }
        let filled = carry + n;
        match std::str::from_utf8(&block[..filled]) {
            Ok(_) => carry = 0,
            // A sequence cut at the block's end: keep its bytes for the next block.
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                block.copy_within(valid..filled, 0);
                carry = filled - valid;
            }
            Err(_) => return Ok(Encoding::Windows1252),
        }
    }
}

fn read_some(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match input.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

/// Parses every document of `input` in windows, calling `emit` with each result and the number
/// of lines before the window it was read in (add it to the result's lines), and `progress` with
/// the bytes read. Stops at the first error `emit` returns.
pub(crate) fn parse<E>(
    mut input: impl Read,
    encoding: Encoding,
    options: Options,
    sizes: Sizes,
    mut emit: impl FnMut(Result<Question, ParseError>, usize) -> Result<(), E>,
    mut progress: impl FnMut(usize),
) -> Result<(), WindowError<E>> {
    // Decoded text not given out yet: it starts at a document's start (or the input's).
    let mut text = String::new();
    // Raw bytes read after the last line end.
    let mut raw: Vec<u8> = Vec::new();
    let mut lines_before = 0;
    let mut want = sizes.window;
    let mut eof = false;
    let mut first = true;
    loop {
        // Fill the window up to `want` bytes, ending at a line end.
        while !eof && text.len() + raw.len() < want {
            let at = raw.len();
            raw.resize(want - text.len(), 0);
            let n = read_some(&mut input, &mut raw[at..]).map_err(WindowError::Io)?;
            raw.truncate(at + n);
            progress(n);
            eof = n == 0;
        }
        let complete = if eof {
            raw.len()
        } else {
            memchr::memrchr(b'\n', &raw).map_or(0, |i| i + 1)
        };
        let mut bytes = &raw[..complete];
        if first {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            first = false;
        }
        push_decoded(&mut text, bytes, encoding);
        raw.drain(..complete);

        let mut results = Vec::new();
        let mut all = options.parse_all(&text);
        while let Some(result) = all.next() {
            results.push((all.byte_offset(), result));
        }
        drop(all);
        // Give out each document followed by a lookahead's worth of text (all of them at the end).
        let limit = text.len().saturating_sub(sizes.lookahead);
        let ready = if eof {
            results.len()
        } else {
            results
                .windows(2)
                .take_while(|pair| pair[1].0 <= limit)
                .count()
        };
        if ready == 0 && !eof {
            // Not one whole document in view: a larger window.
            want = (text.len() + raw.len()).max(sizes.window) * 2;
            continue;
        }
        let next_start = results.get(ready).map(|r| r.0);
        for (_, result) in results.drain(..ready) {
            emit(result, lines_before).map_err(WindowError::Emit)?;
        }
        let Some(cut) = next_start else {
            return Ok(());
        };
        lines_before += memchr::memchr_iter(b'\n', &text.as_bytes()[..cut]).count();
        text.drain(..cut);
        want = sizes.window.max(text.len() + sizes.window / 2);
    }
}

/// Why [`parse`] stopped.
#[derive(Debug)]
pub(crate) enum WindowError<E> {
    /// The input could not be read.
    Io(io::Error),
    /// `emit` failed.
    Emit(E),
}

/// Appends `bytes` decoded (whole lines of the input) with CRLF line ends made LF.
fn push_decoded(text: &mut String, bytes: &[u8], encoding: Encoding) {
    let decoded: Cow<'_, str> = match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(bytes),
        Encoding::Windows1252 => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    };
    let mut rest = &decoded[..];
    while let Some(i) = memchr::memmem::find(rest.as_bytes(), b"\r\n") {
        text.push_str(&rest[..i]);
        text.push('\n');
        rest = &rest[i + 2..];
    }
    text.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Every fixture, seeds first, several times over: documents of every layout and rendering,
    /// failures among them.
    fn corpus() -> Vec<u8> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
        let mut docs = Vec::new();
        for dir in ["seeds", "authored", "variants", "real"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            let mut paths: Vec<_> = entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect();
            paths.sort();
            for p in paths {
                let mut bytes = std::fs::read(p).unwrap();
                if std::str::from_utf8(&bytes).is_ok() {
                    if !bytes.ends_with(b"\n") {
                        bytes.push(b'\n');
                    }
                    docs.push(bytes);
                }
            }
        }
        let mut out = Vec::new();
        // Every document, then every other one: boundaries fall elsewhere in the second half.
        for (i, doc) in docs.iter().chain(docs.iter().step_by(2)).enumerate() {
            if i % 5 != 4 {
                out.extend_from_slice(doc);
            }
        }
        out
    }

    type Seen = (Result<Question, (usize, usize, String)>, usize);

    fn whole(bytes: &[u8], options: Options) -> Vec<Seen> {
        options
            .parse_all_bytes(bytes)
            .map(|r| {
                (
                    r.map_err(|e| (e.line(), e.column(), e.message().to_owned())),
                    0,
                )
            })
            .collect()
    }

    fn windowed(bytes: &[u8], options: Options, sizes: Sizes) -> Vec<Seen> {
        let encoding = detect(bytes).unwrap();
        let mut out = Vec::new();
        let mut read = 0;
        let result = parse(
            bytes,
            encoding,
            options,
            sizes,
            |r, lines| {
                let r = r
                    .map(|mut q| {
                        q.warnings.iter_mut().for_each(|w| w.line += lines);
                        q
                    })
                    .map_err(|e| (e.line() + lines, e.column(), e.message().to_owned()));
                out.push((r, 0));
                Ok::<(), ()>(())
            },
            |n| read += n,
        );
        assert!(result.is_ok());
        assert_eq!(read, bytes.len());
        out
    }

    fn same(bytes: &[u8], options: Options, sizes: Sizes) {
        let want = whole(bytes, options);
        let got = windowed(bytes, options, sizes);
        assert_eq!(got.len(), want.len(), "{sizes:?}");
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "document {i} with {sizes:?}");
        }
    }

    #[test]
    fn windows_give_what_one_pass_gives() {
        let corpus = corpus();
        assert!(corpus.len() > 500_000);
        for (window, lookahead) in [(150_000, 60_000), (256_000, 100_000)] {
            same(&corpus, Options::new(), Sizes { window, lookahead });
        }
        same(
            &corpus,
            Options::new().strict(true),
            Sizes {
                window: 200_000,
                lookahead: 80_000,
            },
        );
    }

    #[test]
    fn crlf_bom_and_windows_1252() {
        let text = String::from_utf8(corpus()).unwrap();
        let crlf = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
        same(
            crlf.as_bytes(),
            Options::new(),
            Sizes {
                window: 200_000,
                lookahead: 80_000,
            },
        );
        // One byte that is not UTF-8, far in: the whole input is Windows-1252.
        let mut latin = text.into_bytes();
        let at = latin.len() - 10;
        latin.insert(at, 0xE9);
        assert_eq!(detect(&latin[..]).unwrap(), Encoding::Windows1252);
        same(
            &latin,
            Options::new(),
            Sizes {
                window: 200_000,
                lookahead: 80_000,
            },
        );
    }

    #[test]
    fn detection_reads_sequences_cut_between_blocks() {
        let mut text = vec![b'a'; (1 << 20) - 1];
        text.extend_from_slice("é…".as_bytes());
        assert_eq!(detect(&text[..]).unwrap(), Encoding::Utf8);
        text.push(0xC3);
        assert_eq!(detect(&text[..]).unwrap(), Encoding::Windows1252);
        assert_eq!(detect(&b""[..]).unwrap(), Encoding::Utf8);
    }

    #[test]
    fn small_and_empty_inputs() {
        for input in [&b""[..], b"Bonjour\n", b"\xEF\xBB\xBF"] {
            same(
                input,
                Options::new(),
                Sizes {
                    window: 64,
                    lookahead: 8,
                },
            );
        }
    }
}
