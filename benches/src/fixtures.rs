//! The project's fixtures that the corpora are made from, compiled into the crate.

use asalee_core::Layout;

/// How a document is written down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rendering {
    /// A saved HTML page (or fragment).
    Html,
    /// Markdown (pandoc, html2text).
    Markdown,
    /// Text (lynx, w3m, a copy from a page or a PDF).
    Text,
}

impl Rendering {
    /// The usual file extension: `html`, `md` or `txt`.
    pub fn extension(self) -> &'static str {
        match self {
            Rendering::Html => "html",
            Rendering::Markdown => "md",
            Rendering::Text => "txt",
        }
    }

    const fn of_path(path: &str) -> Rendering {
        let b = path.as_bytes();
        let n = b.len();
        if n >= 5 && b[n - 5] == b'.' && b[n - 4] == b'h' {
            Rendering::Html
        } else if n >= 3 && b[n - 3] == b'.' && b[n - 2] == b'm' && b[n - 1] == b'd' {
            Rendering::Markdown
        } else {
            Rendering::Text
        }
    }
}

/// One fixture document: its path under `fixtures/`, its bytes, and what it parses to.
#[derive(Debug)]
pub struct Fixture {
    /// The path under the project's `fixtures/` folder, e.g. `real/an-dyn-l16-qe-200.html`.
    pub name: &'static str,
    /// The file's bytes (UTF-8, or Windows-1252 for the oldest pages).
    pub bytes: &'static [u8],
    /// The layout `asalee_core::parse` recognises.
    pub layout: Layout,
    /// The question number the document holds.
    pub number: u64,
    /// HTML, Markdown or text.
    pub rendering: Rendering,
}

macro_rules! fixture {
    ($path:literal, $layout:ident, $number:literal) => {
        Fixture {
            name: $path,
            bytes: include_bytes!(concat!("../../fixtures/", $path)),
            layout: Layout::$layout,
            number: $number,
            rendering: Rendering::of_path($path),
        }
    };
}

/// Every fixture that is one valid question document: every layout, and for the pages their
/// Markdown and text renderings. (The fixtures that are no question, or lack a number, are left
/// out: a corpus of documents that fail would measure the error path only.)
pub static FIXTURES: &[Fixture] = &[
    fixture!("seeds/000_b712eef2958484e0.txt", AnLegacy, 13927),
    fixture!("seeds/001_d8e80435b845cd87.txt", Plain, 9521),
    fixture!("seeds/002_3668855410b903a6.txt", AnCurrent, 2621),
    fixture!("seeds/003_70cf9cf3550011d2.txt", AnCurrent, 14939),
    fixture!("seeds/004_d0c8ec2a7774ac5f.txt", AnCurrent, 13485),
    fixture!("authored/senat-2024-qe-answered.txt", Senat, 1342),
    fixture!("real/an-dyn-l16-qe-200.html", AnDyn, 200),
    fixture!("real/an-dyn-l16-qg-200.html", AnDyn, 200),
    fixture!("real/an-fiche-l08-qosd-176-retiree.html", AnFiche, 176),
    fixture!("real/an-fiche-l11-qe-450.html", AnFiche, 450),
    fixture!("real/an-fiche-l11-qg-450.html", AnFiche, 450),
    fixture!("real/an-legacy-l14-qe-3200.html", AnLegacy, 3200),
    fixture!("real/an-legacy-l14-qosd-450.html", AnLegacy, 450),
    fixture!("real/an-qe-43619-copied-text.txt", AnLegacy, 43619),
    fixture!("written/an-current-l17-qg-crlf.txt", AnCurrent, 512),
    fixture!("written/an-dyn-l15-qosd-text.txt", AnDyn, 1234),
    fixture!("written/an-fiche-l11-qe-cp1252-text.txt", AnFiche, 9876),
    fixture!("written/an-legacy-l15-qe-full.md", AnLegacy, 2045),
    fixture!("written/plain-qe-answered.txt", Plain, 4410),
    fixture!("written/senat-2023-qosd-text.txt", Senat, 745),
    fixture!("variants/an-dyn-l16-qe-200.html2text.md", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qe-200.lynx.txt", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qe-200.pandoc.md", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qe-200.w3m.txt", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qg-200.html2text.md", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qg-200.lynx.txt", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qg-200.pandoc.md", AnDyn, 200),
    fixture!("variants/an-dyn-l16-qg-200.w3m.txt", AnDyn, 200),
    fixture!("variants/an-fiche-l11-qe-450.lynx.txt", AnFiche, 450),
    fixture!("variants/an-fiche-l11-qe-450.pandoc.md", AnFiche, 450),
    fixture!("variants/an-fiche-l11-qg-450.lynx.txt", AnFiche, 450),
    fixture!("variants/an-fiche-l11-qg-450.pandoc.md", AnFiche, 450),
    fixture!(
        "variants/an-legacy-l14-qe-3200.html2text.md",
        AnLegacy,
        3200
    ),
    fixture!("variants/an-legacy-l14-qe-3200.lynx.txt", AnLegacy, 3200),
    fixture!("variants/an-legacy-l14-qe-3200.pandoc.md", AnLegacy, 3200),
    fixture!("variants/an-legacy-l14-qe-3200.w3m.txt", AnLegacy, 3200),
    fixture!(
        "variants/an-legacy-l14-qosd-450.html2text.md",
        AnLegacy,
        450
    ),
    fixture!("variants/an-legacy-l14-qosd-450.lynx.txt", AnLegacy, 450),
    fixture!("variants/an-legacy-l14-qosd-450.pandoc.md", AnLegacy, 450),
    fixture!("variants/an-legacy-l14-qosd-450.w3m.txt", AnLegacy, 450),
];

/// Every layout, with the name the records use (`an-dyn`, …).
pub const LAYOUTS: [(Layout, &str); 7] = [
    (Layout::AnFiche, "an-fiche"),
    (Layout::AnLegacy, "an-legacy"),
    (Layout::AnDyn, "an-dyn"),
    (Layout::AnCurrent, "an-current"),
    (Layout::Plain, "plain"),
    (Layout::Senat, "senat"),
    (Layout::Jo, "jo"),
];

/// The real JO excerpt: the representative of `jo`, left out of [`FIXTURES`] (whole issues come
/// from [`crate::jo_issue`]), so that the mixed corpus stays what it was.
static JO_EXCERPT: Fixture = fixture!("real/jo-senat-q-answers-excerpt.txt", Jo, 8514);

/// The name of a layout as the records write it (`an-dyn`).
pub fn layout_name(layout: Layout) -> &'static str {
    LAYOUTS
        .iter()
        .find(|(l, _)| *l == layout)
        .map_or("unknown", |(_, name)| name)
}

/// The layout of a name as the records write it (`an-dyn`), if it is one.
pub fn layout_of_name(name: &str) -> Option<Layout> {
    LAYOUTS.iter().find(|(_, n)| *n == name).map(|(l, _)| *l)
}

/// One representative document per layout, for the per-layout benches: the page itself where
/// the layout is a web page, else the seed or authored text.
pub fn representative(layout: Layout) -> &'static Fixture {
    let name = match layout {
        Layout::AnFiche => "real/an-fiche-l11-qe-450.html",
        Layout::AnLegacy => "real/an-legacy-l14-qe-3200.html",
        Layout::AnDyn => "real/an-dyn-l16-qe-200.html",
        Layout::AnCurrent => "seeds/002_3668855410b903a6.txt",
        Layout::Plain => "seeds/001_d8e80435b845cd87.txt",
        Layout::Senat => "authored/senat-2024-qe-answered.txt",
        Layout::Jo => return &JO_EXCERPT,
        // The open data has its own generator ([`crate::opendata`]), not a page fixture.
        Layout::AnOpendata | Layout::AnXml => "seeds/000_b712eef2958484e0.txt",
    };
    fixture(name).unwrap_or(&FIXTURES[0])
}

/// The fixture of a name (its path under `fixtures/`).
pub fn fixture(name: &str) -> Option<&'static Fixture> {
    FIXTURES.iter().find(|f| f.name == name)
}

/// The converters of the rendering matrix (`tests/renderings/render.py`).
pub const CONVERTERS: [&str; 18] = [
    "pandoc-gfm",
    "pandoc-markdown",
    "pandoc-plain",
    "pandoc-commonmark",
    "pandoc-strict",
    "html2text",
    "html2text-bw0",
    "html2text-bw60",
    "markdownify",
    "inscriptis",
    "w3m",
    "w3m-cols120",
    "lynx",
    "lynx-nolist",
    "lynx-width100",
    "links",
    "elinks",
    "chromium-innertext",
];

/// The as-is renderings of every fixture page by `converter`, decoded, from the rendering
/// matrix's output (`make renderings` writes `target/renderings/out/`); empty when the matrix
/// has not been rendered on this machine.
pub fn matrix_renderings(converter: &str) -> Vec<String> {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/renderings/out");
    let Ok(manifest) = std::fs::read(out.join("manifest.json")) else {
        return Vec::new();
    };
    let Ok(manifest) = serde_json::from_slice::<serde_json::Value>(&manifest) else {
        return Vec::new();
    };
    let cells = manifest["renderings"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    cells
        .iter()
        .filter(|r| r["converter"] == converter && r["variant"] == "as-is")
        .filter_map(|r| std::fs::read(out.join(r["rendering"].as_str()?)).ok())
        .map(|bytes| asalee_core::decode(&bytes).0.into_owned())
        .collect()
}
