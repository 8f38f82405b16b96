//! Markup to lines: HTML (whole pages or fragments), Markdown and text become a list of
//! visible lines, each made of cells, with white space folded and every character traceable to
//! its byte offset in the original text.
//!
//! - HTML: tags removed, entities decoded, block elements and `<br>` end a line, `<td>`/`<th>`
//!   start a cell, source line breaks inside a block are white space. Nothing from `<head>`,
//!   `<title>`, `<script>`, `<style>`, comments, attribute values, hidden elements
//!   (`display: none`, `visibility: hidden`, `hidden`, `sr-only`), navigation (`<nav>`,
//!   breadcrumbs), footers, buttons and form controls reaches a line.
//! - Markdown and text (outside any HTML block): each source line is a line; `#` headings,
//!   `**bold**`, `*em*`, `[text](url)`, images, backslash escapes, `^` superscripts and
//!   `| table | rows |` are reduced to their text; a tab separates cells.
//!
//! Inside a line, cells are separated by `\t`; lines are separated by `\n` in the text of [`Lines`].
//! The walk is one pass over the input with an explicit element stack (no recursion).
//!
//! - [`lines()`] here: the pass, which hands each construct to its module;
//! - `lines`: the [`Lines`] it writes and the map from their bytes back to the source's;
//! - `builder`: the writer of those lines (folded spaces, cell and line breaks);
//! - `tags` and `html`: what each element does, tags, attributes, comments and entities read;
//! - `markdown`: line prefixes and inline markers; `text`: runs of words, Unicode spaces, cells;
//! - `scan`: the fast byte scans (where a run of text ends, two spaces, the next `>`).

mod builder;
mod html;
mod lines;
mod markdown;
mod scan;
mod tags;
mod text;

use memchr::memchr;

use builder::Builder;
use html::{
    comment_len, declaration_len, entity, handle_tag, looks_like_html_start, raw_text_end,
    read_tag, Decoded, MAX_TAG_LEN,
};
use markdown::{markdown_inline, markdown_line_prefix, MAX_LINK_DEST, MAX_LINK_TEXT};
use scan::{next_line_blank, special_at, NextBlank, NextByte};
use tags::classify;
use text::{is_invisible, is_space_char, push_run};

pub(crate) use lines::Lines;
pub(crate) use text::{cells, first_cell, paragraph};

/// Converts a text (HTML, Markdown or plain) to its visible lines.
pub(crate) fn lines(src: &str) -> Lines {
    let mut b = Builder::new(src);
    let mut pass = Pass {
        src,
        bytes: src.as_bytes(),
        skipping: None,
        page: b.page,
        at_line_start: true,
        next_gt: NextByte::new(b'>'),
        next_nl: NextByte::new(b'\n'),
        next_bracket: NextByte::new(b']'),
        next_paren: NextByte::new(b')'),
        next_blank: NextBlank::new(),
    };
    let mut i = 0;
    while i < src.len() {
        i = if pass.skipping.is_some() {
            pass.skip_in_element(i)
        } else {
            pass.step(&mut b, i)
        };
    }
    b.finish()
}

/// The pass over a text: where it is, and what it has found ahead.
struct Pass<'s> {
    src: &'s str,
    bytes: &'s [u8],
    /// Element being skipped: (name, depth).
    skipping: Option<(Box<str>, usize)>,
    /// Whether the text is a saved page (see [`Builder::page`]).
    page: bool,
    /// Whether the pass is at the start of a source line (for text-mode Markdown handling).
    at_line_start: bool,
    /// The next `>`, line break, `]` and `)` (cached positions).
    next_gt: NextByte,
    next_nl: NextByte,
    next_bracket: NextByte,
    next_paren: NextByte,
    /// The end of the block of text (see [`Pass::block_end`]).
    next_blank: NextBlank,
}

impl Pass<'_> {
    /// How far markup that starts at `i` may reach: in a saved page, the page's end; in text
    /// (Markdown, fragments), the end of its block, the line break before the next blank line,
    /// as an HTML block of Markdown ends there. So an element left open in text (a stray
    /// `<footer>`, a hidden `<div>`, `<script>` or `<!--` never closed) hides nothing past a
    /// blank line: never the next document of a concatenation.
    fn block_end(&mut self, i: usize) -> usize {
        if self.page {
            self.bytes.len()
        } else {
            self.next_blank.find(self.bytes, i)
        }
    }

    /// Inside a skipped element: only tags of the same name are looked at. Returns where the
    /// pass goes on.
    fn skip_in_element(&mut self, mut i: usize) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        if self.skipping.is_none() {
            return i;
        }
        let end = self.block_end(i);
        let Some(lt) = memchr(b'<', &bytes[i..end]) else {
            // In text the element ends with its block (in a page, with the page).
            self.skipping = None;
            return end;
        };
        let Some((name, depth)) = &mut self.skipping else {
            return i;
        };
        i += lt;
        if let Some(len) = comment_len(&src[i..end]) {
            return i + len;
        }
        // Only tags of the skipped element's name matter: others are passed over unread.
        let after = &bytes[i + 1..];
        let after = after.strip_prefix(b"/").unwrap_or(after);
        let same_name = after.len() > name.len()
            && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && !after[name.len()].is_ascii_alphanumeric();
        if !same_name {
            return i + 1;
        }
        match read_tag(&src[i..end], true) {
            Some(tag) if tag.name.eq_ignore_ascii_case(name) => {
                if tag.end {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skipping = None;
                    }
                } else if !tag.attrs.trim_end().ends_with('/') {
                    *depth += 1;
                }
                i + tag.len
            }
            Some(tag) => i + tag.len,
            None => i + 1,
        }
    }

    /// A line's prefix (at a line start), a run of ordinary text, and the byte that ends it.
    /// Returns where the pass goes on.
    fn step(&mut self, b: &mut Builder<'_>, mut i: usize) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        // (A line's prefix and then its text are read in one turn of the loop, and the byte that
        // ends a run in the same turn as the run: nothing else can come between them.)
        if self.at_line_start && !b.html_mode() {
            b.clean_line_start = Some(i);
            i += markdown_line_prefix(b, src, i);
            if i >= bytes.len() {
                return i;
            }
        }
        self.at_line_start = false;
        let rest = &bytes[i..];
        // Copy a run of ordinary text at once: words and the single spaces between them.
        let special = special_at(rest, b.html_mode());
        if special > 0 {
            push_run(b, &src[i..i + special], i);
            i += special;
            if i >= bytes.len() {
                return i;
            }
        }
        let c = bytes[i];
        if b.page && b.html_mode() && matches!(c, b'\n' | b'\t' | b'\r' | b' ') {
            // In a page's HTML, a run of white space (a line break and the next line's
            // indentation) is one space, taken at once.
            b.space();
            return i + bytes[i..]
                .iter()
                .position(|c| !matches!(c, b'\n' | b'\t' | b'\r' | b' '))
                .unwrap_or(bytes.len() - i);
        }
        self.special_byte(b, i, c)
    }

    /// The byte `c` at `i` that ended a run. Returns where the pass goes on.
    fn special_byte(&mut self, b: &mut Builder<'_>, i: usize, c: u8) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        match c {
            b'\n' => {
                if b.html_mode() && !b.page && next_line_blank(bytes, i + 1) {
                    // Markdown: an HTML block ends at a blank line.
                    b.containers.clear();
                    b.line_break(i, false);
                    self.at_line_start = true;
                } else if b.html_mode() {
                    b.space();
                } else {
                    let blank = !b.line_has_text;
                    b.soft_break(i, blank);
                    self.at_line_start = true;
                }
                i + 1
            }
            b'\t' => {
                if b.html_mode() {
                    b.space();
                } else {
                    b.cell_break();
                }
                i + 1
            }
            b' ' | b'\r' | 0x00..=0x1F => {
                b.space();
                i + 1
            }
            b'<' => self.tag(b, i),
            b'&' => {
                let (decoded, len) = entity(&src[i..]);
                match decoded {
                    Some(Decoded::Space) => b.space(),
                    Some(Decoded::Text(t)) => b.push_text(&t, i),
                    None => b.push_text("&", i),
                }
                i + len
            }
            // A no-break space, the most frequent of them (French typography's `n° 12`, `« x »`).
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => {
                b.space();
                i + 2
            }
            0xC2 | 0xE2 => {
                // U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000 are white space; U+200B-U+200D, U+FEFF vanish.
                let ch = src[i..].chars().next().unwrap_or(' ');
                let len = ch.len_utf8();
                if is_space_char(ch) {
                    b.space();
                } else if !is_invisible(ch) {
                    b.push_text(&src[i..i + len], i);
                }
                i + len
            }
            _ if !b.html_mode() => self.markdown(b, i, c),
            _ => {
                b.push_text(&src[i..i + 1], i);
                i + 1
            }
        }
    }

    /// A `<` at `i`: a comment, a declaration, a tag, or text. Returns where the pass goes on.
    fn tag(&mut self, b: &mut Builder<'_>, i: usize) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        // (In text, nothing of a tag, comment or declaration reaches past its block's end; the
        // end is looked for only when something may reach a line's end: a `<!` or `<?`, a raw-text
        // element, a tag that spans lines.)
        if matches!(bytes.get(i + 1), Some(b'!' | b'?')) {
            let end = self.block_end(i);
            if let Some(len) = comment_len(&src[i..end]) {
                return i + len;
            }
            if let Some(len) = declaration_len(&src[i..end]) {
                return i + len;
            }
        }
        // A `<` whose `>` is too far (or, in text, beyond the line) is text: decided from
        // cached positions, so that many of them cost linear time.
        let multiline = b.html_mode() || looks_like_html_start(&src[i..]);
        let gt = self.next_gt.find(bytes, i);
        if gt - i > MAX_TAG_LEN || !multiline && self.next_nl.find(bytes, i) < gt {
            b.push_text("<", i);
            return i + 1;
        }
        // A tag read to its `>` before the line's end reads the same within its block; one
        // that runs on (or none) is read again within the block.
        let on_its_line =
            read_tag(&src[i..], multiline).filter(|tag| i + tag.len <= self.next_nl.find(bytes, i));
        let tag = match on_its_line {
            Some(tag) => Some(tag),
            None => {
                let end = self.block_end(i);
                read_tag(&src[i..end], multiline)
            }
        };
        let Some(tag) = tag else {
            b.push_text("<", i);
            return i + 1;
        };
        let (name, tag_len) = (tag.name, tag.len);
        let info = classify(name);
        if !tag.end && (info.skipped || tag.hides) {
            let self_closing = tag.attrs.trim_end().ends_with('/') || info.void;
            if !self_closing {
                if info.raw_text {
                    let after = i + tag_len;
                    let end = self.block_end(i);
                    return after + raw_text_end(&src[after..end], name);
                }
                self.skipping = Some((name.into(), 1));
            }
            return i + tag_len;
        }
        handle_tag(b, &tag, info, i);
        i + tag_len
    }

    /// A Markdown marker at `i` in text (`c` its byte). Returns where the pass goes on.
    fn markdown(&mut self, b: &mut Builder<'_>, i: usize, c: u8) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        // A link whose `]` or `)` is too far or beyond the line is text (cached positions).
        let open = if c == b'!' && bytes.get(i + 1) == Some(&b'[') {
            i + 1
        } else {
            i
        };
        if bytes[open] == b'[' {
            let close = self.next_bracket.find(bytes, open);
            let nl = self.next_nl.find(bytes, open);
            let dest_ok = bytes.get(close + 1) != Some(&b'(') || {
                let paren = self.next_paren.find(bytes, close);
                paren - close <= MAX_LINK_DEST && paren < nl
            };
            if close - open > MAX_LINK_TEXT || close > nl || !dest_ok {
                b.push_text(&src[i..=open], i);
                return open + 1;
            }
        }
        i + markdown_inline(b, src, i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &str) -> Vec<String> {
        let l = lines(src);
        (0..l.len()).map(|i| l.get(i).to_owned()).collect()
    }

    #[test]
    fn text_lines_and_blank_lines() {
        assert_eq!(all("a  b\n\n c \n"), ["a b", "", "c"]);
        assert_eq!(
            all("Titre\n=====\n---\n━━━━\nx"),
            ["Titre", "", "", "", "x"]
        );
    }

    #[test]
    fn lynx_link_numbers_are_dropped() {
        assert_eq!(
            all("   de [56]M. Philippe Le Ray\n     * [14]Projets de loi"),
            ["de M. Philippe Le Ray", "Projets de loi"]
        );
        // Not a number glued to a word's start: kept.
        for kept in ["loi[1]x", "voir [1] ci-dessous", "[12345]x", "[]x"] {
            assert_eq!(all(kept), [kept]);
        }
        assert_eq!(all("[1](#a)b"), ["1b"]);
    }

    #[test]
    fn markdown_is_reduced_to_text() {
        assert_eq!(all("## 16ème législature"), ["16ème législature"]);
        assert_eq!(
            all("**Auteur :** [Mme Danielle Brulebois](#)"),
            ["Auteur : Mme Danielle Brulebois"]
        );
        assert_eq!(
            all("Jura (1<sup>re</sup> circonscription)"),
            ["Jura (1re circonscription)"]
        );
        assert_eq!(
            all("Loiret (6^e circonscription)"),
            ["Loiret (6e circonscription)"]
        );
        assert_eq!(all("16^(e) législature"), ["16e législature"]);
        assert_eq!(all("a^(b c)"), ["a(b c)"]);
        assert_eq!(all(r"Rubrique \> santé \- x"), ["Rubrique > santé - x"]);
        assert_eq!(all("| a | b |\n|---|---|\n| c | d |"), ["a\tb", "", "c\td"]);
        assert_eq!(all("![logo](x.png)Texte"), ["Texte"]);
        assert_eq!(all("a * b"), ["a * b"]);
        assert_eq!(all("snake_case_word"), ["snake_case_word"]);
    }

    #[test]
    fn inline_html_in_text_keeps_line_breaks() {
        assert_eq!(
            all("<b>Question N° :</b> <b>13927</b>\t<b>De Mme X</b>\n<b>Rubrique &gt; santé</b>"),
            ["Question N° : 13927\tDe Mme X", "Rubrique > santé"]
        );
    }

    #[test]
    fn html_blocks_cells_and_hidden_content() {
        let page = "<html><head><title>T</title><script>var a = '<p>';</script></head><body>\n\
            <nav><a>Accueil</a></nav>\n<table><tr><td> Question N° :\n<b>12</b></td><td>de <b>M.</b>\n X</td></tr>\n\
            <tr><td>Texte</td></tr></table>\n<span style=\"visibility: hidden\"><grp>X</grp></span>\n\
            <p>Un<br/>Deux</p><!-- c --><!--[if IE]><p>IE</p><![endif]--><footer>pied</footer></body></html>";
        assert_eq!(
            all(page),
            ["Question N° : 12\tde M. X", "Texte", "Un", "Deux"]
        );
    }

    #[test]
    fn markdown_html_blocks_end_at_blank_lines() {
        assert_eq!(
            all("<div class=\"x\">\n\nQuestion N° 3200\n\n</div>\n<div>\n\n<span>Rubrique \\> </span> État\n\n</div>"),
            ["", "Question N° 3200", "", "", "", "Rubrique > État", ""]
        );
        // In a saved page a blank line is white space.
        assert_eq!(
            all("<html><body><p>Réponse\n\n publiée</p></body></html>"),
            ["Réponse publiée"]
        );
    }

    #[test]
    fn entities_and_spaces() {
        assert_eq!(
            all("<p>a&nbsp;&nbsp;b &amp; c&#233;&eacute; &bogus; &</p>"),
            ["a b & céé &bogus; &"]
        );
        assert_eq!(all("a\u{A0}\u{202F}b"), ["a b"]);
    }

    #[test]
    fn positions_map_back_to_the_source() {
        let src = "<p>\n  Bonjour <b>monde</b></p>\nSuite";
        let l = lines(src);
        assert_eq!(l.get(0), "Bonjour monde");
        assert_eq!(l.src_start(0), src.find("Bonjour").unwrap());
        let line = l.get(0);
        let part = &line[8..];
        assert_eq!(l.src_of_part(0, part), src.find("monde").unwrap());
        assert_eq!(l.get(2), "Suite");
        assert_eq!(l.src_start(2), src.find("Suite").unwrap());
    }

    /// In text, an element left open that hides its content (a stray `<footer>` in a sentence,
    /// a hidden `<div>`, `<script>`, a comment, a declaration or a tag never closed) ends with
    /// its block, at the next blank line: the documents after it (files joined) stay visible.
    /// Closed within its block it is left out as before, and in a saved page it runs on.
    #[test]
    fn elements_left_open_in_text_end_at_a_blank_line() {
        let next = "\n\nQuestion N° 2\nfin";
        for open in [
            "<footer>",
            "<nav class=x>",
            "<div hidden>",
            "<span style=\"display: none\">",
            "<script>",
            "<title>",
            "<!-- ",
            "<!x ",
            "<?php ",
        ] {
            let text = format!("Il souhait{open}e\nsavoir{next}");
            assert_eq!(
                all(&text),
                ["Il souhait", "", "Question N° 2", "fin"],
                "{open}"
            );
        }
        // A tag whose `>` lies past the blank line is text.
        assert_eq!(
            all("Il <div class=\"e\n\nQuestion N° 2 <b>x</b>"),
            ["Il <div class=\"e", "", "Question N° 2 x"]
        );
        assert_eq!(all("a<footer>b\nc</footer>d\n\ne"), ["ad", "", "e"]);
        assert_eq!(
            all("<html><body><p>a</p><footer>\n\n<p>Question N° 2</p></body></html>"),
            ["a"]
        );
    }

    #[test]
    fn unclosed_things_do_not_swallow_text_lines() {
        assert_eq!(all("a < b\nc <d\ne"), ["a < b", "c <d", "e"]);
        assert_eq!(all("x [lien](http://a\ny"), ["x [lien](http://a", "y"]);
    }
}

#[cfg(test)]
mod dump {
    /// `ASALEE_DUMP=path cargo test -p asalee-core dump_lines -- --ignored --nocapture` prints the
    /// visible lines of a file, for debugging a layout.
    #[test]
    #[ignore]
    fn dump_lines() {
        let Ok(path) = std::env::var("ASALEE_DUMP") else {
            return;
        };
        let bytes = std::fs::read(path).unwrap();
        let (text, _) = crate::decode(&bytes);
        let l = super::lines(&text);
        for i in 0..l.len() {
            println!("{i:4} {:?}", l.get(i));
        }
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    /// A window of clean lines equals the lines of its own text, read alone.
    #[test]
    fn windows_equal_reading_alone() {
        let src = "Titre\nQuestion écrite n° 1\n\n**Rubrique :** [Santé](#)\n<b>a</b>  b &amp; c\n<div>x\n\ny</div>\nfin";
        let all = lines(src);
        for from in 0..all.len() {
            if !all.is_clean(from) {
                continue;
            }
            let start = all.src_start(from);
            let line_start = memchr::memrchr(b'\n', &src.as_bytes()[..start]).map_or(0, |i| i + 1);
            let alone = lines(&src[line_start..]);
            let win = all.window(from, all.len(), line_start);
            let owned = lines(src).window(from, all.len(), line_start);
            assert_eq!(win.len(), alone.len(), "from {from}");
            assert_eq!(owned.len(), alone.len(), "from {from}");
            for i in 0..win.len() {
                assert_eq!(win.get(i), alone.get(i));
                assert_eq!(win.src_start(i), alone.src_start(i), "line {i} from {from}");
                assert_eq!(win.is_soft(i), alone.is_soft(i));
                assert_eq!(owned.get(i), alone.get(i));
                assert_eq!(
                    owned.src_start(i),
                    alone.src_start(i),
                    "line {i} from {from}"
                );
                assert_eq!(
                    (owned.is_soft(i), owned.is_clean(i)),
                    (win.is_soft(i), win.is_clean(i))
                );
            }
        }
        assert!(all.is_clean(0) && all.is_clean(1));
    }
}
