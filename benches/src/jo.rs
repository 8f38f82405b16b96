//! A whole Journal officiel issue of any number of pages (layout `jo`), made from the written AN
//! issue of `fixtures/jo` as a PDF viewer copies it: its cover, then its pages again and again,
//! each with its running head and its own page number, every block with its own number.

use crate::corpus::Corpus;

const ISSUE: &str = include_str!("../../fixtures/jo/an-2015-48.viewer.txt");

/// Whether a line is one of the issue's running heads.
fn is_head(line: &str) -> bool {
    line.contains("ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015")
}

/// The digits a block's number line opens with (`91350. – 1er décembre 2015. – …`).
fn block_number(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(". – ")).then_some(digits)
}

/// The issue of `pages` pages after its cover: the written issue's pages in turn, page numbers
/// from 9425 on, block numbers from 100000 on (each block of the issue's sections, the lists'
/// block-shaped lines aside, is one document).
///
/// ```
/// let issue = asalee_benches::jo_issue(12);
/// let ok = asalee_core::parse_all(&issue.text).filter(|r| r.is_ok()).count();
/// assert_eq!(ok, issue.documents);
/// ```
pub fn jo_issue(pages: usize) -> Corpus {
    let lines: Vec<&str> = ISSUE.lines().collect();
    let first_head = lines.iter().position(|l| is_head(l)).unwrap_or(lines.len());
    let (cover, body) = lines.split_at(first_head);
    // The body's pages: each from its running head.
    let mut written: Vec<Vec<&str>> = Vec::new();
    for line in body {
        if is_head(line) {
            written.push(Vec::new());
        } else if let Some(page) = written.last_mut() {
            page.push(line);
        }
    }
    let mut text = cover.join("\n");
    text.push('\n');
    let mut documents = 0;
    let mut number = 100_000;
    let mut in_list = false;
    for p in 0..pages {
        let page = 9425 + p;
        if page % 2 == 0 {
            text.push_str(&format!("{page} ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015\n"));
        } else {
            text.push_str(&format!("ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015 {page}\n"));
        }
        for line in written.get(p % written.len().max(1)).into_iter().flatten() {
            let heading = |w: &str| line.contains(w);
            if heading("Liste") || heading("Rectificatif") {
                in_list = true;
            } else if heading("4. Questions écrites") || heading("1. Questions orales") {
                in_list = false;
            }
            match block_number(line) {
                Some(digits) => {
                    text.push_str(&format!("{number}{}\n", &line[digits..]));
                    number += 1;
                    documents += usize::from(!in_list);
                }
                None => {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    Corpus { text, documents }
}

/// A JO block, then text lines that never end a sentence (some hyphenated), to the end.
pub(crate) fn endless_block(size: usize) -> Vec<u8> {
    let head = "4. Questions écrites\nAGRICULTURE\nAgriculture\n(aides – délais)\n91350. – 1er décembre 2015. – M. Jean Dupont attire l’attention de M. le ministre\n";
    let lines = [
        "sur la situation des exploitants et le dévelop-\n",
        "pement des aides rendez-\n",
        "vous des territoires ruraux et\n",
    ];
    let mut i = 0;
    crate::adversarial::build(
        size,
        head.as_bytes(),
        |o| {
            o.extend_from_slice(lines[i % lines.len()].as_bytes());
            i += 1;
        },
        b'\n',
        b"",
    )
}

/// Block number lines without a text (`91350. – 1er décembre 2015. –`), to the end.
pub(crate) fn numbers_without_text(size: usize) -> Vec<u8> {
    let mut n = 10_000u32;
    crate::adversarial::build(
        size,
        "4. Questions écrites\n".as_bytes(),
        |o| {
            o.extend_from_slice(format!("{n}. – 1er décembre 2015. –\n").as_bytes());
            n = n.wrapping_add(1);
        },
        b'\n',
        b"",
    )
}

/// One block, then running heads only (whole, in parts, numbers alone), to the end.
pub(crate) fn running_heads_only(size: usize) -> Vec<u8> {
    let head =
        "91350. – 1er décembre 2015. – M. Jean Dupont attire l’attention de M. le ministre.\n";
    let mut page = 1u32;
    crate::adversarial::build(
        size,
        head.as_bytes(),
        |o| {
            let unit = match page % 4 {
                0 => format!("ASSEMBLÉE NATIONALE 1 e r DÉCEMBRE 2015 {page}\n"),
                1 => format!("{page}\n\nASSEMBLÉE NATIONALE\n\n1er DÉCEMBRE 2015\n"),
                2 => "ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015\n\n".to_owned(),
                _ => format!("\u{c}{page}\n"),
            };
            o.extend_from_slice(unit.as_bytes());
            page = page.wrapping_add(1);
        },
        b'\n',
        b"",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_300_page_issue_gives_every_block() {
        let issue = super::jo_issue(300);
        let results: Vec<_> = asalee_core::parse_all(&issue.text).collect();
        assert_eq!(results.len(), issue.documents);
        assert!(results.iter().all(|r| r.is_ok()));
        assert!(issue.documents > 400, "{}", issue.documents);
        // Pages run on: the last blocks stand on the last pages.
        let last_page = results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .flat_map(|q| [q.question_published, q.answer_published])
            .filter_map(|p| p.and_then(|p| p.page))
            .max();
        assert!(last_page >= Some(9425 + 296), "{last_page:?}");
    }
}
