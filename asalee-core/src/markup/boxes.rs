//! Box-drawn tables of text renderings (w3m's `┏━┯━┓ ┃ … │ … ┃`, elinks's `┌─┬─┐ │ … │`,
//! links's `+---+ | … |`), read cell by cell: a box's cells wrap across lines in two
//! dimensions, so each row (the lines between two rules) is put together again column by
//! column, each cell's pieces joined across the row's lines, before anything reads it.
//!
//! A row becomes one line, its cells separated by `\t`. In the row's last cell (the text of a
//! two-column table), a line whose next line's first word would have fitted on it ended a
//! paragraph there (the renderer wraps greedily at the cell's width): the next paragraph starts a
//! line of its own, as does a line indented more than the one before it.

use super::builder::Builder;
use super::text::push_run;

/// Whether `c` is a vertical border of a box (between cells or at its sides).
fn is_vertical(c: char) -> bool {
    matches!(c, '|' | '│' | '┃' | '║')
}

/// Whether `c` draws a rule: horizontal lines and the joints and corners on them.
fn is_rule(c: char) -> bool {
    matches!(c, '-' | '+' | '=') || (('\u{2500}'..='\u{257F}').contains(&c) && !is_vertical(c))
}

/// Whether a line (indentation trimmed) is a box's top border: a corner, then a rule.
fn is_top(line: &str) -> bool {
    let mut chars = line.chars();
    let corner = matches!(
        chars.next(),
        Some('+' | '┌' | '┏' | '╔' | '┍' | '┎' | '╒' | '╓')
    );
    corner
        && chars.next().is_some_and(|c| is_rule(c) && c != '+')
        && line.trim_end().chars().all(|c| is_rule(c) || c == ' ')
        && line.chars().filter(|&c| is_rule(c)).count() >= 3
}

/// Whether a line (indentation trimmed) is a rule inside or at the bottom of a box.
fn is_separator(line: &str) -> bool {
    let t = line.trim_end();
    t.chars().all(|c| is_rule(c) || is_vertical(c) || c == ' ')
        && t.chars().filter(|&c| is_rule(c) && c != '+').count() >= 3
}

/// A source line of a box: its characters with their byte offsets in the source.
struct BoxLine {
    chars: Vec<(usize, char)>,
}

/// If a box-drawn table starts at the line start `i`, writes its rows to `b` and returns where
/// the text after it starts; `None` (nothing written) when no box starts there.
pub(super) fn boxed_table(b: &mut Builder<'_>, src: &str, i: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    // The indentation: spaces, or the no-break spaces a rendering wrote for them.
    let mut indent = 0;
    loop {
        match bytes.get(i + indent) {
            Some(b' ') => indent += 1,
            Some(0xC2) if bytes.get(i + indent + 1) == Some(&0xA0) => indent += 2,
            _ => break,
        }
    }
    // Every box starts with `+` or a box-drawing corner (U+250C…, `\xE2\x94`/`\xE2\x95`).
    match bytes.get(i + indent) {
        Some(b'+') => {}
        Some(0xE2) if matches!(bytes.get(i + indent + 1), Some(0x94 | 0x95)) => {}
        _ => return None,
    }
    let line_end =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(src.len(), |e| from + e);
    let first_end = line_end(i);
    if !is_top(src[i + indent..first_end].trim_end_matches('\r')) {
        return None;
    }
    let mut at = (first_end + 1).min(src.len());
    let mut row: Vec<BoxLine> = Vec::new();
    while at < src.len() {
        let end = line_end(at);
        let line = src[at..end].trim_end_matches('\r');
        let body = line.trim_start_matches([' ', '\u{A0}']);
        let first = body.chars().next();
        if first.is_some_and(is_vertical) && !is_separator(body) {
            let mut chars = Vec::with_capacity(line.len());
            chars.extend(line.char_indices().map(|(o, c)| (at + o, c)));
            row.push(BoxLine { chars });
        } else if first.is_some_and(|c| is_rule(c) || is_vertical(c)) && is_separator(body) {
            write_row(b, &row, at);
            row.clear();
        } else {
            break;
        }
        at = (end + 1).min(src.len());
    }
    write_row(b, &row, at);
    Some(at)
}

/// One row of a box: its cells put together and written as a line (or more, for the
/// paragraphs of its last cell).
fn write_row(b: &mut Builder<'_>, row: &[BoxLine], at: usize) {
    let Some(first) = row.first() else {
        return;
    };
    // The borders: the columns where every line of the row has a vertical border.
    let mut borders: Vec<usize> = first
        .chars
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| is_vertical(*c))
        .map(|(k, _)| k)
        .collect();
    for line in &row[1..] {
        borders.retain(|&k| line.chars.get(k).is_some_and(|&(_, c)| is_vertical(c)));
    }
    let cells = borders.len().saturating_sub(1);
    for cell in 0..cells {
        let (from, to) = (borders[cell] + 1, borders[cell + 1]);
        let width = to - from;
        let last = cell + 1 == cells;
        b.cell_break();
        // The previous line's end and indentation.
        let mut prev: Option<(usize, usize)> = None;
        for line in row {
            let piece = &line.chars[from..to.min(line.chars.len())];
            let lead = piece.iter().take_while(|(_, c)| c.is_whitespace()).count();
            let text_len = piece.len()
                - lead
                - piece
                    .iter()
                    .rev()
                    .take_while(|(_, c)| c.is_whitespace())
                    .count()
                    .min(piece.len() - lead);
            if text_len == 0 {
                continue;
            }
            let word = piece[lead..lead + text_len]
                .iter()
                .take_while(|(_, c)| !c.is_whitespace())
                .count();
            // The previous line ended a paragraph if this line's first word fitted on it, or if
            // this line is indented more (a paragraph's first line, as links writes them).
            if last && prev.is_some_and(|(end, indent)| end + 1 + word <= width || lead > indent) {
                b.line_break(piece[lead].0, false);
            } else {
                b.space();
            }
            let (start, end) = (piece[lead].0, piece[lead + text_len - 1].0);
            let end = end + piece[lead + text_len - 1].1.len_utf8();
            push_cell_text(b, &piece[lead..lead + text_len], start, end);
            prev = Some((lead + text_len, lead));
        }
    }
    b.line_break(at, false);
}

/// A cell's piece of one line, its no-break and other spaces written as spaces.
fn push_cell_text(b: &mut Builder<'_>, piece: &[(usize, char)], start: usize, end: usize) {
    let src = b.src;
    let text = &src[start..end];
    if text.bytes().all(|c| c.is_ascii() && c != b'\t') {
        push_run(b, text, start);
        return;
    }
    // Runs between white space characters (no-break spaces of the NBSP renderings).
    let mut run: Option<usize> = None;
    for &(o, c) in piece {
        if c.is_whitespace() {
            if let Some(s) = run.take() {
                b.push_text(&src[s..o], s);
            }
            b.space();
        } else if run.is_none() {
            run = Some(o);
        }
    }
    if let Some(s) = run {
        b.push_text(&src[s..end], s);
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    fn all(src: &str) -> Vec<String> {
        let l = lines(src);
        (0..l.len()).map(|i| l.get(i).to_owned()).collect()
    }

    /// w3m's box: cells wrapped in two dimensions are put together row by row.
    #[test]
    fn w3m_boxes_are_read_cell_by_cell() {
        let src = "\
┏━━━━━━━━━━━━━━━┯━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┯━━┓
┃Question N° :  │       de  Mme   Jacquaint Muguette ( Communiste  -       │QE┃
┃      450      │                   Seine-Saint-Denis )                    │  ┃
┠───────────────┼──────────────────────────────────────────────────────────┴──┨
┃Ministère      │logement                                                     ┃
┃attributaire : │                                                             ┃
┠───────────────┼─────────────────────────────────────────────────────────────┨
┃               │Mme Muguette Jacquaint attire l'attention de M. le secrétaire┃
┃  Texte de la  │d'Etat au logement sur la modification des bases de APL.     ┃
┃  QUESTION :   │M. Didier Boulaud. Ah !                                      ┃
┃               │Fin.                                                         ┃
┗━━━━━━━━━━━━━━━┷━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛
RPR 8 AU Lorraine N
";
        assert_eq!(
            all(src),
            [
                "Question N° : 450\tde Mme Jacquaint Muguette ( Communiste - Seine-Saint-Denis )\tQE",
                "Ministère attributaire :\tlogement",
                "Texte de la QUESTION :\tMme Muguette Jacquaint attire l'attention de M. le secrétaire d'Etat au logement sur la modification des bases de APL.",
                "M. Didier Boulaud. Ah !",
                "Fin.",
                "RPR 8 AU Lorraine N",
            ]
        );
    }

    /// links's ASCII box and elinks's light one, indented, with no-break spaces.
    #[test]
    fn ascii_and_light_boxes() {
        let links = "   +--------------------+\n   |Ministère |logement |\n   |interrogé |         |\n   |:         |         |\n   |----------+---------|\n   |Rubrique :|santé    |\n   +--------------------+\n\nfin";
        assert_eq!(
            all(links),
            [
                "Ministère interrogé :\tlogement",
                "Rubrique :\tsanté",
                "",
                "fin"
            ]
        );
        let indented =
            "+------+-----+\n|Texte |A la.|\n|      |  B c|\n|      |d e. |\n+------+-----+";
        assert_eq!(all(indented), ["Texte\tA la.", "B c d e."]);
        let elinks = "┌──────────┬─────────┐\n│Analyse :\u{A0}│calcul   │\n└──────────┴─────────┘";
        assert_eq!(all(elinks), ["Analyse :\tcalcul"]);
        // A Markdown table or a rule is no box.
        assert_eq!(all("+ a\n| a | b |"), ["a", "a\tb"]);
    }
}
