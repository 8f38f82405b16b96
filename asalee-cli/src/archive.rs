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

/// The most bytes read from the file at once for small reads: the central directory's entries
/// and a member's local header are read a block at a time, not one `pread` per field.
const BLOCK: usize = 8 * 1024;

/// A file read at an offset of its own: clones share the file, not a cursor (nor a buffer).
#[derive(Debug)]
pub(crate) struct At {
    file: Arc<File>,
    pos: u64,
    len: u64,
    /// Bytes read ahead, from the file's offset `block_at`.
    block: Vec<u8>,
    block_at: u64,
}

impl At {
    fn new(file: File, len: u64) -> At {
        At {
            file: Arc::new(file),
            pos: 0,
            len,
            block: Vec::new(),
            block_at: 0,
        }
    }
}

impl Clone for At {
    fn clone(&self) -> At {
        At {
            file: Arc::clone(&self.file),
            pos: self.pos,
            len: self.len,
            block: Vec::new(),
            block_at: 0,
        }
    }
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let in_block = self
            .pos
            .checked_sub(self.block_at)
            .and_then(|skip| usize::try_from(skip).ok())
            .filter(|&skip| skip < self.block.len());
        let Some(skip) = in_block else {
            if buf.len() >= BLOCK {
                let n = read_at(&self.file, buf, self.pos)?;
                self.pos += n as u64;
                return Ok(n);
            }
            self.block.resize(BLOCK, 0);
            let n = read_at(&self.file, &mut self.block, self.pos)?;
            self.block.truncate(n);
            self.block_at = self.pos;
            if n == 0 {
                return Ok(0);
            }
            return self.read(buf);
        };
        let have = &self.block[skip..];
        let n = have.len().min(buf.len());
        buf[..n].copy_from_slice(&have[..n]);
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
    let at = At::new(file, len);
    let archive = zip::ZipArchive::new(at).ok()?;
    let mut members = Vec::new();
    for i in 0..archive.len() {
        // The central directory's entry alone: no read of the member's local header, so that
        // listing 10,000 members costs no read each before any worker starts.
        let entry = archive.by_index_data(i).ok()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads of every size, after seeks anywhere (back into the block, past it, past the end),
    /// give the file's bytes: the block is a cache, never a second cursor.
    #[test]
    fn reads_through_the_block_are_the_files_bytes() {
        let bytes: Vec<u8> = (0..3 * BLOCK + 123).map(|i| (i * 7 % 251) as u8).collect();
        let path = std::env::temp_dir().join(format!("asalee-at-{}.bin", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let len = bytes.len() as u64;
        let mut at = At::new(File::open(&path).unwrap(), len);
        let starts = [
            0,
            5,
            BLOCK - 1,
            BLOCK,
            2,
            2 * BLOCK + 7,
            bytes.len() - 3,
            bytes.len(),
        ];
        for start in starts {
            for want in [1, 30, BLOCK - 1, BLOCK, 2 * BLOCK + 1] {
                at.seek(SeekFrom::Start(start as u64)).unwrap();
                let mut got = Vec::new();
                (&mut at).take(want as u64).read_to_end(&mut got).unwrap();
                let end = (start + want).min(bytes.len());
                assert_eq!(got, &bytes[start..end], "{want} bytes from {start}");
            }
        }
        // A clone reads from its own position and keeps no block of the original's.
        at.seek(SeekFrom::Start(10)).unwrap();
        let mut clone = at.clone();
        let mut two = [0; 2];
        clone.read_exact(&mut two).unwrap();
        assert_eq!(two, [bytes[10], bytes[11]]);
        assert_eq!(at.seek(SeekFrom::End(-1)).unwrap(), len - 1);
        std::fs::remove_file(&path).unwrap();
    }
}
