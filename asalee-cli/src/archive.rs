//! Zip archives on disk, read member by member by several workers: an archive of many documents
//! (the AN's `Questions_ecrites.json.zip` holds one file per question) becomes one input per
//! member, so that `--jobs N` parses members side by side. Its central directory is read once;
//! every worker reads its member through its own handle on the file (`pread`, no shared cursor).
//!
//! Only regular files named `.zip` are listed. An archive that cannot be listed, that holds one
//! document, an archive inside it, or a member larger than [`MAX_MEMBER`] is left whole to
//! `asalee_core::parse_reader`, which reads any archive member by
//! member from a stream (standard input included) with the memory of one block.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

/// The largest member read into memory to be parsed on its own.
const MAX_MEMBER: u64 = 64 << 20;

/// A file read at an offset of its own: clones share the file, not a cursor.
#[derive(Debug, Clone)]
pub(crate) struct At {
    file: Arc<File>,
    pos: u64,
    len: u64,
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for At {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, pos)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, pos)
}

/// A listed archive.
pub(crate) type Archive = zip::ZipArchive<At>;

/// The members of the zip archive at `path` worth reading side by side (name and index, in the
/// archive's order), or `None` to leave the archive whole to the core.
pub(crate) fn members(path: &Path) -> Option<(Archive, Vec<(String, usize)>)> {
    // Only a regular file named `.zip` is opened here: a FIFO or a device must be read once, by
    // the core, and any other archive is read by the core as well.
    let zip_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if !zip_name || !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let mut magic = [0; 4];
    file.read_exact(&mut magic).ok()?;
    if &magic != b"PK\x03\x04" {
        return None;
    }
    let len = file.metadata().ok()?.len();
    let at = At {
        file: Arc::new(file),
        pos: 0,
        len,
    };
    let mut archive = zip::ZipArchive::new(at).ok()?;
    let mut members = Vec::new();
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).ok()?;
        // As the core names members: the name as stored, or its bytes read lossily.
        let name = match entry.name() {
            Ok(name) => name.into_owned(),
            Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
        };
        if entry.is_dir() || !asalee_core::is_document_name(&name) {
            continue;
        }
        // An archive inside the archive, or a member too large to hold, leaves it to the core.
        if entry.size() > MAX_MEMBER || name.to_ascii_lowercase().ends_with(".zip") {
            return None;
        }
        members.push((name, i));
    }
    (members.len() > 1).then_some((archive, members))
}

/// The bytes of member `index` of `archive`.
pub(crate) fn read_member(archive: &Archive, index: usize) -> io::Result<Vec<u8>> {
    let mut archive = archive.clone();
    let mut member = archive.by_index(index).map_err(io::Error::other)?;
    let mut bytes = Vec::with_capacity(usize::try_from(member.size()).unwrap_or(0).min(1 << 20));
    member.read_to_end(&mut bytes)?;
    Ok(bytes)
}
