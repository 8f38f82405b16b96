//! `plain`: a bare text copy (from a PDF, hard-wrapped): a title line, `Question écrite n° 9521`,
//! `Texte de la question`, and the body. A paragraph is a run of non-blank lines, its lines
//! joined with a space.

/// Joins hard-wrapped lines into paragraphs: `None` marks a blank line.
pub(crate) fn paragraphs<'a>(lines: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in lines {
        match line.map(str::trim).filter(|l| !l.is_empty()) {
            Some(l) => {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(l);
            }
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Paragraphs of a text in another layout: each line is a paragraph, except that lines a
/// converter hard-wrapped (w3m, lynx, pandoc, html2text wrap at 72 to 100 columns) are joined
/// again. A line (ended by a text line break, `soft`) is taken as wrapped when the text's lines
/// are all short (at most 130 characters: a wrapping width), the line is long for that text (at
/// least 60 % of its longest line, and 50 characters) and does not end a sentence.
pub(crate) fn unwrap(lines: &[Option<(String, bool)>]) -> Vec<String> {
    let len = |s: &str| s.chars().count();
    let widest = lines
        .iter()
        .flatten()
        .map(|(t, _)| len(t))
        .max()
        .unwrap_or(0);
    let wrapped_text = widest <= 130 && lines.iter().flatten().count() > 1;
    let mut out: Vec<String> = Vec::new();
    let mut joining = false;
    for line in lines {
        let Some((t, soft)) = line else {
            joining = false;
            continue;
        };
        // Lines from the markup are already folded: only their ends need trimming.
        let t = t.trim().to_owned();
        if t.is_empty() {
            joining = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if joining => {
                last.push(' ');
                last.push_str(&t);
            }
            _ => out.push(t.clone()),
        }
        let n = len(&t);
        let ends_sentence = t.ends_with(['.', '!', '?', ':', ';', '»', '…'])
            || t.ends_with(".)")
            || t.ends_with("!)");
        joining = wrapped_text && *soft && n >= 50 && n * 10 >= widest * 6 && !ends_sentence;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines() {
        let p = paragraphs([
            Some("Mme X alerte,"),
            Some("sur le sujet."),
            None,
            None,
            Some("Suite."),
        ]);
        assert_eq!(p, ["Mme X alerte, sur le sujet.", "Suite."]);
        assert!(paragraphs([None, Some("  ")]).is_empty());
    }

    #[test]
    fn unwraps_converter_wrapping_only() {
        let l = |s: &str| Some((s.to_owned(), true));
        let wrapped = [
            l("M. Philippe Le Ray attire l'attention de M. le ministre de l'économie et des"),
            l("finances sur l'évolution de la Caisse des dépôts."),
            None,
            l("Il lui demande si le Gouvernement entend mettre en œuvre cette recommandation."),
        ];
        assert_eq!(
            unwrap(&wrapped),
            [
                "M. Philippe Le Ray attire l'attention de M. le ministre de l'économie et des finances sur l'évolution de la Caisse des dépôts.",
                "Il lui demande si le Gouvernement entend mettre en œuvre cette recommandation."
            ]
        );
        // Long lines are whole paragraphs; short lines ending a sentence stay apart.
        let long = "x".repeat(200);
        assert_eq!(unwrap(&[l(&long), l("suite")]).len(), 2);
        assert_eq!(
            unwrap(&[
                l("M. le président. La parole est à M. X."),
                l("M. X. Merci.")
            ])
            .len(),
            2
        );
    }
}
