//! The inputs named on the command line, folders expanded into the files below them.
//!
//! In a folder, only documents are read: files named `.html`, `.htm`, `.xhtml`, `.txt`, `.md`,
//! `.json`, `.xml`, `.zip` or with no extension, and files of other names whose first bytes are
//! text (no NUL byte), except the assets a browser saves with a page (a `NAME_files/` folder,
//! images, style sheets, scripts, fonts) and hidden files (`.DS_Store`). The others are counted
//! for one summary line. `--all-files` reads every file. A file named on the command line is
//! always read.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where an input's bytes come from.
#[derive(Debug)]
pub(crate) enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file (or anything else that can be opened and read: a FIFO, `/dev/stdin`).
    File(PathBuf),
    /// A member of a zip archive on disk (see `archive`), read whole.
    Member(Arc<crate::archive::Archive>, usize),
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
    /// Opens the input for reading.
    pub(crate) fn open(&self) -> io::Result<Box<dyn Read>> {
        match &self.source {
            Source::Stdin => Ok(Box::new(io::stdin())),
            Source::File(path) => Ok(Box::new(fs::File::open(path)?)),
            Source::Member(archive, index) => Ok(Box::new(io::Cursor::new(
                crate::archive::read_member(archive, *index)?,
            ))),
            Source::Unreadable(e) => Err(io::Error::new(e.kind(), e.to_string())),
        }
    }

    #[cfg(test)]
    fn read(&self) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.open()?.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// The files of folders that are not documents, by kind (`.png`, `_files/`, `.DS_Store`...).
#[derive(Debug, Default)]
pub(crate) struct Skipped {
    pub(crate) kinds: BTreeMap<String, usize>,
}

impl Skipped {
    /// How many files were skipped.
    pub(crate) fn count(&self) -> usize {
        self.kinds.values().sum()
    }

    /// The summary line: `skipped 14 files that are not documents (9 .png, 3 .css, ...)`.
    pub(crate) fn summary(&self) -> Option<String> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        let mut kinds: Vec<(&String, &usize)> = self.kinds.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let listed: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let files = if n == 1 {
            "file that is not a document"
        } else {
            "files that are not documents"
        };
        Some(format!(
            "asalee: skipped {n} {files} ({}; --all-files reads them)",
            listed.join(", ")
        ))
    }

    fn add(&mut self, kind: String) {
        *self.kinds.entry(kind).or_default() += 1;
    }
}

/// What a folder's file is taken for: the core's rule (`asalee_core::folder_skip`), which
/// Python's `parse_files` follows too.
fn skip_reason(path: &Path, in_assets: bool) -> Option<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    asalee_core::folder_skip(&name, in_assets, || head(path))
}

/// A file's first bytes (at most 1,024), `None` when it cannot be read.
fn head(path: &Path) -> Option<Vec<u8>> {
    let mut head = vec![0; 1024];
    let n = fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .ok()?;
    head.truncate(n);
    Some(head)
}

/// The inputs, and the files of folders that are not documents.
#[derive(Debug, Default)]
pub(crate) struct Expanded {
    pub(crate) inputs: Vec<Input>,
    pub(crate) skipped: Skipped,
}

/// Expands the arguments into inputs, in order: `-` is standard input, a folder gives every
/// document below it (each folder's entries sorted by name, depth first, links followed, each
/// folder visited once; every regular file with `all_files`), anything else is read as a file.
pub(crate) fn expand(args: &[OsString], all_files: bool) -> Expanded {
    let mut out = Vec::with_capacity(args.len());
    let mut visited = HashSet::new();
    let mut walker = Walker {
        all_files,
        skipped: Skipped::default(),
    };
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
            Ok(meta) if meta.is_dir() => walker.walk(&path, false, &mut visited, &mut out),
            Ok(meta) => file_inputs(path, meta.len(), &mut out),
            Err(e) => out.push(unreadable(&path, e)),
        }
    }
    Expanded {
        inputs: out,
        skipped: walker.skipped,
    }
}

struct Walker {
    all_files: bool,
    skipped: Skipped,
}

/// A file, or the members of the zip archive it is (`ARCHIVE!MEMBER`, each its own input).
fn file_inputs(path: PathBuf, len: u64, out: &mut Vec<Input>) {
    let Some((archive, members)) = crate::archive::members(&path) else {
        return out.push(file(path, len));
    };
    let archive = Arc::new(archive);
    let shown = path.display().to_string();
    let each = len / members.len() as u64;
    out.extend(members.into_iter().map(|(name, index)| Input {
        shown: [shown.as_str(), "!", &name].concat(),
        source: Source::Member(Arc::clone(&archive), index),
        len: each,
    }));
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

impl Walker {
    /// Adds every document below `dir` (`assets`: inside a page's `_files/` folder). A folder
    /// reached twice (through links) is read once.
    fn walk(
        &mut self,
        dir: &Path,
        assets: bool,
        visited: &mut HashSet<PathBuf>,
        out: &mut Vec<Input>,
    ) {
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
            // Follow links: a dangling one (or a loop) is an input that cannot be read.
            let (is_dir, len) = if file_type.is_symlink() {
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_dir() => (true, 0),
                    Ok(meta) if meta.is_file() => (false, meta.len()),
                    Ok(_) => continue,
                    Err(e) => {
                        out.push(unreadable(&path, e));
                        continue;
                    }
                }
            } else if file_type.is_dir() {
                (true, 0)
            } else if file_type.is_file() {
                (false, fs::symlink_metadata(&path).map_or(0, |m| m.len()))
            } else {
                // Sockets, FIFOs and devices found inside a folder are not documents: skipped.
                continue;
            };
            if is_dir {
                let assets = assets || name.to_string_lossy().ends_with("_files");
                self.walk(&path, assets, visited, out);
                continue;
            }
            match skip_reason(&path, assets).filter(|_| !self.all_files) {
                Some(kind) => self.skipped.add(kind),
                None => file_inputs(path, len, out),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_and_missing_files() {
        let inputs = expand(&["-".into(), "/nonexistent/asalee/x.html".into()], false).inputs;
        assert_eq!(inputs[0].shown, "<stdin>");
        assert!(matches!(inputs[0].source, Source::Stdin));
        assert_eq!(inputs[1].shown, "/nonexistent/asalee/x.html");
        assert!(matches!(inputs[1].source, Source::Unreadable(_)));
        assert!(inputs[1].read().is_err());
    }

    #[test]
    fn a_folder_gives_its_files_sorted() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
        let inputs = expand(&[dir.clone().into_os_string()], false).inputs;
        let shown: Vec<&str> = inputs.iter().map(|i| i.shown.as_str()).collect();
        let prefix = dir.display().to_string();
        assert!(shown.iter().all(|s| s.starts_with(&prefix)), "{shown:?}");
        assert!(shown
            .iter()
            .any(|s| s.ends_with("seeds/000_b712eef2958484e0.txt")));
        // Depth first, each folder's names in order (`expected/…` before `expected-real/…`).
        let mut sorted = shown.clone();
        sorted.sort_unstable_by(|a, b| Path::new(a).components().cmp(Path::new(b).components()));
        assert_eq!(shown, sorted);
        assert!(inputs
            .iter()
            .all(|i| matches!(i.source, Source::File(_)) && i.len > 0));
    }
}
