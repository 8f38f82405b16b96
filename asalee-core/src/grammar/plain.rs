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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines() {
        let p = paragraphs([Some("Mme X alerte,"), Some("sur le sujet."), None, None, Some("Suite.")]);
        assert_eq!(p, ["Mme X alerte, sur le sujet.", "Suite."]);
        assert!(paragraphs([None, Some("  ")]).is_empty());
    }
}
