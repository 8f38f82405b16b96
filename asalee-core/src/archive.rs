//! Zip archives, read member by member from a stream (no seeking: standard input works too).
//!
//! Each member whose name is a document's ([`is_document_name`]) is read whole and parsed as
//! its own input (open data through the open-data reader); its results name it.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::Arc;

use crate::stream::{io_error, is_open_data, open_data, Item, SNIFF};
use crate::Options;

/// Reads the next member of a zip archive into `queue` (its documents, each naming the member);
/// false when the archive is done (or cannot be read further: then an error is queued).
pub(crate) fn next_member(
    reader: &mut impl Read,
    options: Options,
    queue: &mut VecDeque<(Item, Option<Arc<str>>)>,
) -> bool {
    loop {
        let mut file = match zip::read::read_zipfile_from_stream(reader) {
            Ok(Some(file)) => file,
            Ok(None) => return false,
            Err(e) => {
                let e = io::Error::other(e);
                queue.push_back((Err(io_error(&e, crate::position::Position::start())), None));
                return false;
            }
        };
        let name: Arc<str> = match file.name() {
            Ok(name) => (*name).into(),
            Err(_) => String::from_utf8_lossy(file.name_raw()).into(),
        };
        if file.is_dir() || !is_document_name(&name) {
            // Drained by the reader on drop.
            continue;
        }
        let mut bytes = Vec::new();
        let read = file.read_to_end(&mut bytes);
        drop(file);
        let member = |item: Item| (item.map_err(|e| e.in_member(&name)), Some(name.clone()));
        if let Err(e) = read {
            let at = crate::position::Position::of("", 0);
            queue.push_back(member(Err(io_error(&e, at))));
            return false;
        }
        if is_open_data(&bytes[..bytes.len().min(SNIFF)]) {
            queue.extend(open_data(&bytes[..], options).map(member));
        } else {
            queue.extend(options.parse_all_bytes(&bytes).map(member));
        }
        return true;
    }
}

/// Whether a file or archive member's name is a document's: `.html`, `.htm`, `.xhtml`, `.txt`,
/// `.md`, `.json`, `.xml`, `.zip` or no extension, outside hidden files, `__MACOSX/` and the
/// `NAME_files/` folder a browser saves a page's assets in. Names use `/` (or `\`) between
/// folders.
///
/// ```
/// use asalee_core::is_document_name;
/// assert!(is_document_name("questions/an-legacy-l14-qe-3200.html"));
/// assert!(is_document_name("README"));
/// assert!(!is_document_name("page_files/style.css"));
/// assert!(!is_document_name("page_files/notes.html"));
/// assert!(!is_document_name(".DS_Store"));
/// assert!(!is_document_name("__MACOSX/page.html"));
/// ```
pub fn is_document_name(name: &str) -> bool {
    let mut parts = name
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".");
    let Some(file) = parts.next_back() else {
        return false;
    };
    if parts.any(|dir| {
        dir.ends_with("_files") || dir == "__MACOSX" || dir.starts_with('.') && dir != ".."
    }) {
        return false;
    }
    if file.starts_with('.') {
        return false;
    }
    match file.rsplit_once('.') {
        None => true,
        Some((_, ext)) => matches!(
            ext.to_ascii_lowercase().as_str(),
            "html" | "htm" | "xhtml" | "txt" | "md" | "markdown" | "json" | "xml" | "zip"
        ),
    }
}

/// Why a file found in a folder is not read as a document, as the kind a summary counts it
/// under (`None`: it is read): `in `_files/` folders` for the assets of a page saved by a
/// browser (`in_assets`: a folder above it, below the one given, is named `…_files`), the name
/// of a hidden file (`.DS_Store`), or the extension of an image, style sheet, script, font, PDF,
/// sound, video or compressed file (`.png`). A name without an extension or with a document's
/// ([`is_document_name`]) is read; another extension is read when `head`, the file's first
/// bytes (asked for only then; `None` when it cannot be read), holds no NUL byte in its first
/// 1,024: text. The command line's folders and Python's `parse_files` skip the same files.
///
/// ```
/// use asalee_core::folder_skip;
/// assert_eq!(folder_skip("page.html", false, || None), None);
/// assert_eq!(folder_skip("app.js", true, || None).as_deref(), Some("in `_files/` folders"));
/// assert_eq!(folder_skip(".DS_Store", false, || None).as_deref(), Some(".DS_Store"));
/// assert_eq!(folder_skip("photo.JPG", false, || None).as_deref(), Some(".jpg"));
/// assert_eq!(folder_skip("page.asp", false, || Some(b"<html>".to_vec())), None);
/// assert_eq!(folder_skip("data.bin", false, || Some(vec![0, 1])).as_deref(), Some(".bin"));
/// ```
pub fn folder_skip(
    file_name: &str,
    in_assets: bool,
    head: impl FnOnce() -> Option<Vec<u8>>,
) -> Option<String> {
    if in_assets {
        return Some("in `_files/` folders".into());
    }
    if file_name.starts_with('.') {
        return Some(file_name.into());
    }
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())?;
    if is_document_name(&format!("x.{ext}")) {
        return None;
    }
    let known = matches!(
        ext.as_str(),
        "png"
            | "jpg"
            | "jpeg"
            | "gif"
            | "svg"
            | "webp"
            | "ico"
            | "bmp"
            | "tif"
            | "tiff"
            | "avif"
            | "css"
            | "js"
            | "mjs"
            | "map"
            | "woff"
            | "woff2"
            | "ttf"
            | "otf"
            | "eot"
            | "pdf"
            | "mp3"
            | "mp4"
            | "webm"
            | "gz"
            | "swf"
    );
    // Another name: read when its first bytes are text (an unreadable file is read, to say why).
    let text = || head().is_none_or(|b| !b[..b.len().min(1024)].contains(&0));
    (known || !text()).then(|| format!(".{ext}"))
}
