//! Linear time: the time per byte of adversarial inputs does not grow with their size (each
//! generator at `k` and `8 k` repetitions, the best of three batches). The regression inputs of
//! the quadratic paths found so far are in `fixtures/regressions/` (`*-quadratic.*`).

/// Seconds per byte of `parse_all` on `text`: the best of three batches of at least 20 ms.
fn seconds_per_byte(text: &str) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let mut runs = 0u32;
        while runs == 0 || start.elapsed() < std::time::Duration::from_millis(20) {
            std::hint::black_box(asalee_core::parse_all(std::hint::black_box(text)).count());
            runs += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / f64::from(runs));
    }
    best / text.len() as f64
}

type Generator = (&'static str, fn(usize) -> String);

/// A question whose text line holds `unit` `k` times.
fn in_text_line(unit: &str, k: usize) -> String {
    format!(
        "Question écrite n° 1\nTexte de la question\nM. A B {} demande.\n",
        unit.repeat(k)
    )
}

/// Each generator at `k` and `8 k` repetitions: linear time keeps the time per byte about the
/// same, a quadratic path multiplies it by 8; fail above 4 (a loaded machine's noise and cache
/// effects stay under that with the best of three batches).
fn assert_linear(generators: &[Generator], k: usize) {
    let mut failures = Vec::new();
    for (name, gen) in generators {
        let (small, big) = (gen(k), gen(8 * k));
        let (a, b) = (seconds_per_byte(&small), seconds_per_byte(&big));
        let ratio = b / a;
        eprintln!(
            "{name:32} {:>8} B {:>7.1} MB/s, {:>8} B {:>7.1} MB/s: x{ratio:.2}",
            small.len(),
            1e-6 / a,
            big.len(),
            1e-6 / b
        );
        if ratio > 4.0 {
            failures.push(format!(
                "{name}: time per byte x{ratio:.1} from {} to {} bytes",
                small.len(),
                big.len()
            ));
        }
    }
    assert!(failures.is_empty(), "not linear: {failures:#?}");
}

/// The adversarial inputs of issue 7 and others read linearly today.
#[test]
fn linear_time() {
    assert_linear(
        &[
            ("repeated unknown labels", |k| {
                format!(
                    "Question écrite n° 1\n{}Texte de la question\nM. A B demande.\n",
                    "Zorglub : valeur\n".repeat(k)
                )
            }),
            ("renewal dates", |k| {
                format!(
                    "Question écrite n° 1\nTexte de la question\nM. A B demande.\nDate(s) clé(s)\n{}",
                    "Date de renouvellement : 3 mai 2024\n".repeat(k)
                )
            }),
            ("one endless line of words", |k| in_text_line("mot ", k)),
            ("`Question N° :` without numbers", |k| {
                "Question N° :\n".repeat(k)
            }),
            ("`<b>` nesting", |k| {
                format!(
                    "<p>Question écrite n° 1</p><p>Texte de la question</p>{}M. A B demande.",
                    "<b>".repeat(k)
                )
            }),
            ("`<div>` nesting", |k| {
                format!(
                    "<p>Question écrite n° 1</p><p>Texte de la question</p>{}M. A B demande.",
                    "<div>".repeat(k)
                )
            }),
            ("`<` alone", |k| "<".repeat(k)),
            ("NUL and U+FFFD in text", |k| {
                in_text_line("\0\u{fffd}a ", k)
            }),
            ("many documents", |k| {
                "Question écrite n° 1\nTexte de la question\nM. A B demande.\n".repeat(k / 4 + 1)
            }),
            ("table cells", |k| {
                format!(
                    "<table><tr>{}</tr></table>",
                    "<td>Rubrique</td><td>x</td>".repeat(k)
                )
            }),
            ("unclosed comments", |k| "<!-- a\n".repeat(k)),
            ("unclosed `<!DOCTYPE`", |k| in_text_line("<!DOCTYPE ", k)),
            ("entities", |k| in_text_line("&abcdefgh &amp; &#233;", k)),
            ("closed links", |k| in_text_line("[c](d) ", k)),
            ("tabs", |k| in_text_line("a\t", k)),
            ("wrapped paragraph", |k| {
                format!(
                    "Titre\nQuestion écrite n° 1\nTexte de la question\n{}",
                    "mot mot mot\n".repeat(k)
                )
            }),
        ],
        2_000,
    );
}

/// Unclosed tags (quadratic before 5a2204c: every `<a b` without `>` scanned to the end of its
/// line in text, of the whole text in HTML, in `markup::read_tag`). Regression inputs:
/// `fixtures/regressions/unclosed-tag*-quadratic.*`.
#[test]
fn linear_time_unclosed_tags() {
    assert_linear(
        &[
            ("unclosed tags on one line", |k| in_text_line("<x y ", k)),
            ("unclosed `<a` tags, one a line", |k| {
                format!(
                    "Question écrite n° 1\nTexte de la question\nM. A B demande.\n{}",
                    "<a b\n".repeat(k)
                )
            }),
            ("unclosed quoted attributes in text", |k| {
                in_text_line("<div class=\"x ", k)
            }),
        ],
        1_000,
    );
}

/// Unclosed links (quadratic before 5a2204c: every `[` without `](…)` scanned to the end of its
/// line in `markup::link_len`). Regression inputs:
/// `fixtures/regressions/unclosed-{link,link-destination,image}-quadratic.txt`.
#[test]
fn linear_time_unclosed_links() {
    assert_linear(
        &[
            ("`[` without `]`", |k| in_text_line("[c ", k)),
            ("`[c](` without `)`", |k| in_text_line("[c](", k)),
            ("`![` without `]`", |k| in_text_line("![c ", k)),
        ],
        2_000,
    );
}

/// Many documents that each look a line up backwards (a warning after a later line was
/// numbered); quadratic before 5a2204c, when `record::LineCounter::line` and `line_start` went
/// back to the start of the whole input, not of the document. Regression input:
/// `fixtures/regressions/many-documents-with-warnings-quadratic.txt`.
#[test]
fn linear_time_many_documents_with_warnings() {
    assert_linear(
        &[("many documents with warnings", |k| {
            "Question écrite n° 1\nRubrique : a\nRubrique : b\nTexte de la question\nM. A B demande.\n"
                .repeat(k)
        })],
        2_000,
    );
}
