//! The inputs named on the command line, folders expanded into the files below them.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Where an input's bytes come from.
#[derive(Debug)]
pub(crate) enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file (or anything else that can be opened and read: a FIFO, `/dev/stdin`).
    File(PathBuf),
    /// A path that cannot be read (nonexistent, a dangling link, a folder that cannot be listed).
    Unreadable(io::Error),
}

/// One input: its bytes' source and the name messages show for it.
#[derive(Debug)]
pub(crate) struct Input {
    /// The path as given (joined below a folder as given); `<stdin>` for standard input.
    pub(crate) shown: String,
    /// Where the bytes come from.
    pub(crate) source: Source,
    /// Its size in bytes when known beforehand (0 for standard input).
    pub(crate) len: u64,
}

impl Input {
    /// Reads the whole input.
    pub(crate) fn read(&self) -> io::Result<Vec<u8>> {
        match &self.source {
            Source::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes)?;
                Ok(bytes)
            }
            Source::File(path) => fs::read(path),
            Source::Unreadable(e) => Err(io::Error::new(e.kind(), e.to_string())),
        }
    }
}

/// Expands the arguments into inputs, in order: `-` is standard input, a folder gives every
/// regular file below it (each folder's entries sorted by name, depth first, links followed,
/// each folder visited once), anything else is read as a file.
pub(crate) fn expand(args: &[OsString]) -> Vec<Input> {
    let mut out = Vec::with_capacity(args.len());
    let mut visited = HashSet::new();
    for arg in args {
        if arg == "-" {
            out.push(Input {
                shown: "<stdin>".into(),
                source: Source::Stdin,
                len: 0,
            });
            continue;
        }
        let path = PathBuf::from(arg);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, &mut visited, &mut out),
            Ok(meta) => out.push(file(path, meta.len())),
            Err(e) => out.push(unreadable(&path, e)),
        }
    }
    out
}

fn file(path: PathBuf, len: u64) -> Input {
    Input {
        shown: path.display().to_string(),
        source: Source::File(path),
        len,
    }
}

fn unreadable(path: &Path, e: io::Error) -> Input {
    Input {
        shown: path.display().to_string(),
        source: Source::Unreadable(e),
        len: 0,
    }
}

/// Adds every regular file below `dir`. A folder reached twice (through links) is read once.
fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<Input>) {
    if let Ok(canonical) = fs::canonicalize(dir) {
        if !visited.insert(canonical) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return out.push(unreadable(dir, e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push((entry.file_name(), entry.file_type())),
            Err(e) => out.push(unreadable(dir, e)),
        }
    }
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, file_type) in names {
        let path = dir.join(&name);
        let file_type = match file_type {
            Ok(t) => t,
            Err(e) => {
                out.push(unreadable(&path, e));
                continue;
            }
        };
        if file_type.is_dir() {
            walk(&path, visited, out);
        } else if file_type.is_file() {
            let len = fs::symlink_metadata(&path).map_or(0, |m| m.len());
            out.push(file(path, len));
        } else if file_type.is_symlink() {
            // Follow the link: a dangling one is an input that cannot be read.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => walk(&path, visited, out),
                Ok(meta) if meta.is_file() => out.push(file(path, meta.len())),
                Ok(_) => {}
                Err(e) => out.push(unreadable(&path, e)),
            }
        }
        // Sockets, FIFOs and devices found inside a folder are not documents: skipped.
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_and_missing_files() {
        let inputs = expand(&["-".into(), "/nonexistent/asalee/x.html".into()]);
        assert_eq!(inputs[0].shown, "<stdin>");
        assert!(matches!(inputs[0].source, Source::Stdin));
        assert_eq!(inputs[1].shown, "/nonexistent/asalee/x.html");
        assert!(matches!(inputs[1].source, Source::Unreadable(_)));
        assert!(inputs[1].read().is_err());
    }

    #[test]
    fn a_folder_gives_its_files_sorted() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
        let inputs = expand(&[dir.clone().into_os_string()]);
        let shown: Vec<&str> = inputs.iter().map(|i| i.shown.as_str()).collect();
        let prefix = dir.display().to_string();
        assert!(shown.iter().all(|s| s.starts_with(&prefix)), "{shown:?}");
        assert!(shown
            .iter()
            .any(|s| s.ends_with("seeds/000_b712eef2958484e0.txt")));
        let mut sorted = shown.clone();
        sorted.sort_unstable();
        assert_eq!(shown, sorted);
        assert!(inputs
            .iter()
            .all(|i| matches!(i.source, Source::File(_)) && i.len > 0));
    }
}
