//! Adversarial inputs (issue 7): each generator makes exactly `size` bytes of one hostile
//! pattern, so that the time per MB at 1, 8 and 64 MB shows whether the parser stays linear.

use crate::rng::Rng;

/// One adversarial generator.
#[derive(Debug, Clone, Copy)]
pub struct Adversary {
    /// A short name (`repeated-labels`), for the benches and the `gen` binary.
    pub name: &'static str,
    /// What the input is.
    pub description: &'static str,
    /// Makes exactly `size` bytes of it.
    pub make: fn(usize) -> Vec<u8>,
}

/// Every adversarial generator.
pub static ADVERSARIES: &[Adversary] = &[
    Adversary {
        name: "repeated-labels",
        description: "a question, then `Rubrique : x` lines to the end",
        make: repeated_labels,
    },
    Adversary {
        name: "less-than",
        description: "an HTML question, then `<` to the end (tags that never close)",
        make: less_than,
    },
    Adversary {
        name: "nested-b",
        description: "an HTML question, then `<b>` nested to half the size and closed again",
        make: nested_b,
    },
    Adversary {
        name: "nested-div",
        description: "an HTML question, then `<div>` nested to half the size and closed again",
        make: nested_div,
    },
    Adversary {
        name: "endless-line",
        description: "a question whose text is one line to the end (no newline)",
        make: endless_line,
    },
    Adversary {
        name: "numberless-questions",
        description: "`Question N° :` lines without a number, to the end",
        make: numberless_questions,
    },
    Adversary {
        name: "binary-junk",
        description: "NUL runs and invalid UTF-8 mixed with lines of a real question",
        make: binary_junk,
    },
    Adversary {
        name: "jo-endless-block",
        description: "a JO issue's block, then text lines that never end a sentence (hyphenated ones among them) to the end",
        make: crate::jo::endless_block,
    },
    Adversary {
        name: "jo-numbers-without-text",
        description: "JO block number lines without a text (`91350. – 1er décembre 2015. –`), to the end: one error each",
        make: crate::jo::numbers_without_text,
    },
    Adversary {
        name: "jo-running-heads-only",
        description: "a JO block, then running heads only (whole, in parts, numbers alone, form feeds), to the end",
        make: crate::jo::running_heads_only,
    },
    Adversary {
        name: "renewal-dates",
        description: "one AN question with a `Date de renouvellement : 01/01/2020` line every 36 bytes (100,000 lines in 3.6 MB)",
        make: renewal_dates,
    },
    Adversary {
        name: "opendata-json-truncated",
        description: "a JSON whole-legislature export (`{\"questionsEcrites\": {\"question\": [`) cut mid-value at the size",
        make: crate::opendata::truncated_json,
    },
    Adversary {
        name: "opendata-xml-truncated",
        description: "an XML whole-legislature export (`<questionsEcrites>`) cut mid-value at the size",
        make: crate::opendata::truncated_xml,
    },
    Adversary {
        name: "opendata-json-deep",
        description: "`{\"question\": {\"a\": {\"a\": …` nested to half the size and closed again (past the depth limit)",
        make: crate::opendata::deep_json,
    },
    Adversary {
        name: "opendata-xml-deep",
        description: "`<question><a><a>…` nested to half the size and closed again (past the depth limit)",
        make: crate::opendata::deep_xml,
    },
    Adversary {
        name: "opendata-json-huge-string",
        description: "one JSON question whose `texte` is HTML-ish text to the size",
        make: crate::opendata::huge_string_json,
    },
    Adversary {
        name: "opendata-xml-huge-string",
        description: "one XML question whose `<texte>` is escaped HTML-ish text to the size",
        make: crate::opendata::huge_string_xml,
    },
    Adversary {
        name: "opendata-json-key-flood",
        description: "one JSON question with distinct unknown keys (`\"k1\": \"v\"`, …) to the size before its own fields",
        make: crate::opendata::key_flood_json,
    },
    Adversary {
        name: "opendata-xml-key-flood",
        description: "one XML question with distinct unknown child elements (`<k1>v</k1>`, …) to the size before its own",
        make: crate::opendata::key_flood_xml,
    },
];

/// The generator of a name, if there is one.
pub fn adversary(name: &str) -> Option<&'static Adversary> {
    ADVERSARIES.iter().find(|a| a.name == name)
}

/// `head`, then `unit` called while it fits before `size - tail.len()`, then `pad` bytes to fill,
/// then `tail`: exactly `size` bytes (the head and tail cut where `size` is smaller).
pub(crate) fn build(
    size: usize,
    head: &[u8],
    mut unit: impl FnMut(&mut Vec<u8>),
    pad: u8,
    tail: &[u8],
) -> Vec<u8> {
    let body_end = size.saturating_sub(tail.len()).max(head.len().min(size));
    let mut out = Vec::with_capacity(size + 64);
    out.extend_from_slice(head);
    loop {
        let before = out.len();
        if before >= body_end {
            break;
        }
        unit(&mut out);
        if out.len() > body_end || out.len() == before {
            out.truncate(before);
            break;
        }
    }
    out.resize(body_end.max(out.len()), pad);
    out.truncate(body_end);
    out.extend_from_slice(tail);
    out.truncate(size);
    out
}

const TEXT_HEAD: &[u8] =
    "Question écrite n° 1\nTexte de la question\nM. Jean Dupont demande.\n".as_bytes();
const HTML_HEAD: &[u8] = "<html><body>\n<h1>Question écrite n° 1</h1>\n<h2>Texte de la question</h2>\n<p>M. Jean Dupont demande.</p>\n".as_bytes();

/// A question, then `Rubrique : x` lines to the end.
pub fn repeated_labels(size: usize) -> Vec<u8> {
    build(
        size,
        TEXT_HEAD,
        |o| o.extend_from_slice(b"Rubrique : x\n"),
        b'\n',
        b"",
    )
}

/// An HTML question, then `<` to the end: tags that never close.
pub fn less_than(size: usize) -> Vec<u8> {
    build(
        size,
        HTML_HEAD,
        |o| o.extend_from_slice(&[b'<'; 64]),
        b'<',
        b"",
    )
}

/// An HTML question, then `open` nested to half the rest and `close` the other half.
fn nested(size: usize, open: &[u8], close: &[u8]) -> Vec<u8> {
    let tail = b"\n</body></html>\n";
    let body = size.saturating_sub(HTML_HEAD.len() + tail.len());
    let depth = body / (open.len() + close.len()).max(1);
    let mut opened = 0;
    let mut closed = 0;
    build(
        size,
        HTML_HEAD,
        |o| {
            if opened < depth {
                o.extend_from_slice(open);
                opened += 1;
            } else if closed < depth {
                o.extend_from_slice(close);
                closed += 1;
            } else {
                o.push(b' ');
            }
        },
        b' ',
        tail,
    )
}

/// An HTML question, then `<b>` nested to half the size and closed again.
pub fn nested_b(size: usize) -> Vec<u8> {
    nested(size, b"<b>", b"</b>")
}

/// An HTML question, then `<div>` nested to half the size and closed again.
pub fn nested_div(size: usize) -> Vec<u8> {
    nested(size, b"<div>", b"</div>")
}

/// A question whose text is one line to the end: no newline after the first two lines.
pub fn endless_line(size: usize) -> Vec<u8> {
    const WORDS: &[&str] = &[
        "M. Jean Dupont attire l'attention de M. le ministre sur ",
        "la situation des infirmiers libéraux dans les territoires ruraux, ",
        "Rubrique : santé ",
        "Question publiée au JO le : 01/01/2020 ",
        "et lui demande quelles mesures il entend prendre. ",
    ];
    let mut i = 0;
    build(
        size,
        "Question écrite n° 1\nTexte de la question\n".as_bytes(),
        |o| {
            o.extend_from_slice(WORDS[i % WORDS.len()].as_bytes());
            i += 1;
        },
        b' ',
        b"\n",
    )
}

/// `Question N° :` lines without a number, to the end.
pub fn numberless_questions(size: usize) -> Vec<u8> {
    build(
        size,
        b"",
        |o| o.extend_from_slice("Question N° :\n".as_bytes()),
        b'\n',
        b"",
    )
}

/// NUL runs and invalid UTF-8 (stray continuation bytes, cut sequences, `\xFF`) mixed with the
/// lines of a real question, in a fixed random order.
pub fn binary_junk(size: usize) -> Vec<u8> {
    let text = include_str!("../../fixtures/seeds/002_3668855410b903a6.txt");
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut rng = Rng::new(crate::corpus::SEED);
    let mut line = 0;
    build(
        size,
        b"",
        |o| match rng.below(4) {
            0 => {
                let n = 1 + rng.below(64);
                o.resize(o.len() + n, 0);
            }
            1 => {
                for _ in 0..1 + rng.below(32) {
                    o.push(0x80 | rng.below(0x80) as u8);
                }
            }
            2 => o.extend_from_slice(&[0xC3, b'\n', 0xE2, 0x82, 0xFF, 0xFE]),
            _ => {
                o.extend_from_slice(lines[line % lines.len()].as_bytes());
                line += 1;
            }
        },
        0,
        b"",
    )
}

/// One AN question (the Markdown of a saved legacy page) with `Date de renouvellement :
/// 01/01/2020` lines to the end, then its text.
pub fn renewal_dates(size: usize) -> Vec<u8> {
    let head = "## 15ème législature\n\n\
                <b>Question N° :</b> <b>1</b>\t<b>de M. Jean Dupont ( Gauche démocrate et républicaine - Allier )</b>\t<b>Question écrite</b>\n\
                <b>Ministère interrogé &gt; Agriculture et alimentation</b>\t\t<b>Ministère attributaire &gt; Agriculture et alimentation</b>\n\
                <b>Rubrique &gt; agriculture</b>\t<b>Titre &gt; Retenues collinaires</b>\n\
                Question publiée au JO le : <b>10/10/2017</b> page : <b>4812</b>\n";
    let tail = "\n### Texte de la question\n\n\
                M. Jean Dupont attire l'attention de M. le ministre de l'agriculture sur les retenues collinaires.\n";
    build(
        size,
        head.as_bytes(),
        |o| o.extend_from_slice(b"Date de renouvellement : 01/01/2020\n"),
        b'\n',
        tail.as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generator_makes_exactly_the_size() {
        for a in ADVERSARIES {
            for size in [0, 1, 10, 1000, 12_345] {
                assert_eq!((a.make)(size).len(), size, "{}", a.name);
            }
        }
    }

    #[test]
    fn generators_are_deterministic() {
        for a in ADVERSARIES {
            assert_eq!((a.make)(5000), (a.make)(5000), "{}", a.name);
        }
    }

    #[test]
    fn renewal_dates_is_one_valid_question_with_every_date() {
        let input = renewal_dates(36 * 1000);
        let q = asalee_core::parse_bytes(&input).unwrap();
        assert_eq!(q.number, 1);
        assert_eq!(q.layout, asalee_core::Layout::AnLegacy);
        let lines = input
            .split(|&b| b == b'\n')
            .filter(|l| l.starts_with(b"Date de renouvellement"))
            .count();
        assert!(lines > 900);
        assert_eq!(q.renewed_on.len(), lines);
    }

    #[test]
    fn the_heads_are_questions() {
        for make in [
            repeated_labels,
            endless_line,
            less_than,
            nested_b,
            nested_div,
        ] {
            let input = make(4000);
            let first = asalee_core::parse_all_bytes(&input).next().unwrap();
            assert_eq!(first.map(|q| q.number).ok(), Some(1));
        }
    }
}
