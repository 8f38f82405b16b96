//! The markup stage's tests: lines, Markdown, HTML, positions, windows.

mod unit {
    use crate::markup::*;

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
        // A link without text (an icon's) that starts its line, then the line's text.
        assert_eq!(
            all("   [61]      Publication de la question\n[2]\n x [3]  y"),
            ["Publication de la question", "[2]", "x [3] y"]
        );
    }

    /// A page is a page after the white space and byte-order marks the chunker lets before its
    /// tag (files joined: `texte.\n \u{FEFF}<html>`).
    #[test]
    fn a_page_after_a_space_and_a_byte_order_mark() {
        for src in [
            " \u{FEFF}<html><body>a</body></html>",
            "\u{FEFF} <!DOCTYPE html>",
        ] {
            assert!(crate::markup::html::is_page(src), "{src:?}");
        }
        assert!(!crate::markup::html::is_page("\u{FEFF}x <html>"));
    }

    /// A phrasing element runs over the lines of its paragraph only while its end tag is ahead
    /// in the block; one left open (a fragment's `<b>` whose end tag was lost, a bogus `</!b>`)
    /// leaves its line breaks as they are, and never runs onto a line that starts with another
    /// element's tag.
    #[test]
    fn an_open_phrasing_element_stops_at_a_block_tag() {
        assert_eq!(
            all("<b>Question N° : 1</b> <b>De M. A\n<link href=x>Question N° : 2\n"),
            ["Question N° : 1 De M. A", "Question N° : 2"]
        );
        assert_eq!(all("<b>De M. A\n<i>B</i> C</b>\n"), ["De M. A B C"]);
        assert_eq!(all("<b>De M. A\n<i>B</i> C\n"), ["De M. A", "B C"]);
        assert_eq!(
            all("<b>x</!b> <b>y</b> <b>De\nQuestion écrite n° 2\n"),
            ["x</!b> y De", "Question écrite n° 2"]
        );
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
        assert_eq!(all("17^(ème) législature"), ["17ème législature"]);
        // A link's text wrapped at a name's hyphen (html2text at 60 columns).
        assert_eq!(
            all("de [Mme Solène Marquet-\nRibeiro](/senateur/x) (Lot)"),
            ["de Mme Solène Marquet-Ribeiro (Lot)"]
        );
        assert_eq!(all("a^(b c)"), ["a(b c)"]);
        assert_eq!(all(r"Rubrique \> santé \- x"), ["Rubrique > santé - x"]);
        assert_eq!(all("Marchand.\\\nM. Jean"), ["Marchand.", "M. Jean"]);
        assert_eq!(all("| a | b |\n|---|---|\n| c | d |"), ["a\tb", "", "c\td"]);
        // html2text writes the separator row without outer pipes.
        assert_eq!(all("a | b\n---|---\nc | d"), ["a\tb", "", "c\td"]);
        // No-break spaces are spaces there too.
        assert_eq!(
            all("|\u{A0}---\u{A0}|\u{A0}---\u{A0}|\n---|---\u{A0}\nx"),
            ["", "", "x"]
        );
        assert_eq!(all("![logo](x.png)Texte"), ["Texte"]);
        // pandoc's spans: their text, or nothing when they are hidden.
        assert_eq!(
            all("**[Texte de la QUESTION :]{.underline}**\nRemboursement [ ]{style=\"visibility: hidden\"}\n[ RPR 8 AU Lorraine N ]{style=\"visibility: hidden\"}"),
            ["Texte de la QUESTION :", "Remboursement"]
        );
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

    /// html2text (width 78) wraps a link's text and its destination (after a `-`): the link is
    /// one line of its text.
    #[test]
    fn a_wrapped_link_is_one_line_of_its_text() {
        assert_eq!(
            all(
                "[ Publication de la question au Journal Officiel du 26 juillet 2022, page\n\
                 3501](https://questions.assemblee-\n\
                 nationale.fr/static/16/questions/jo/jo_anq_202229.pdf)  \n\
                 [ Publication de la réponse au Journal Officiel du 27 septembre 2022, page\n\
                 4253](https://questions.assemblee-\n\
                 nationale.fr/static/16/questions/jo/jo_anq_202238.pdf)"
            ),
            [
                "Publication de la question au Journal Officiel du 26 juillet 2022, page 3501",
                "Publication de la réponse au Journal Officiel du 27 septembre 2022, page 4253"
            ]
        );
        assert_eq!(
            all("Auteur : [Mme Marie-Pierre Rixain (Ile-de-France -\n\
                 Renaissance)](https://www.assemblee-nationale.fr/dyn/deputes/PA722252)\n\nType"),
            [
                "Auteur : Mme Marie-Pierre Rixain (Ile-de-France - Renaissance)",
                "",
                "Type"
            ]
        );
        // An image is left out, a bracket that opens no link is text.
        assert_eq!(
            all("![](/dyn/assets/images/icons/icon_account.png)Texte [sic] \\[1\\]"),
            ["Texte [sic] [1]"]
        );
    }

    /// Pandoc's bracketed spans, nested in links or holding them, with attributes that may run
    /// over lines; a span its attributes hide is left out.
    #[test]
    fn bracketed_spans_are_their_text() {
        assert_eq!(
            all("Auteur : [[Mme Marie-Pierre Rixain\n(Ile-de-France -\n\
                 Renaissance)](https://www.assemblee-nationale.fr/dyn/deputes/PA722252){.link\n\
                 document-id=\"PA722252\"}]{._regular}"),
            ["Auteur : Mme Marie-Pierre Rixain (Ile-de-France - Renaissance)"]
        );
        assert_eq!(
            all("page : [4774]{.question_big_content}\n\n[Ministère attributaire : Travail]{style=\"display: none\"}\n\n[Agriculture]{._regular}"),
            ["page : 4774", "", "", "", "Agriculture"]
        );
    }

    /// Pandoc's `:::` div fences are no text and end a paragraph; a heading's attributes are
    /// left out.
    #[test]
    fn div_fences_and_attribute_blocks_are_no_text() {
        assert_eq!(
            all("::: {.section .question}\n### Texte de la question\n\n\
                 M. Jean-François Rousset attire l\\'attention.\n:::\n\
                 # Développement des protocoles {#développement-des-protocoles .title}"),
            [
                "",
                "Texte de la question",
                "",
                "M. Jean-François Rousset attire l'attention.",
                "",
                "Développement des protocoles"
            ]
        );
    }

    /// Raw HTML pandoc (`gfm`) leaves in a paragraph: a tag whose attributes wrap, a phrasing
    /// element whose content runs over the paragraph's lines.
    #[test]
    fn raw_inline_html_over_lines_is_one_line() {
        assert_eq!(
            all("Ministère répondant : <span\nclass=\"_regular\">Agriculture et souveraineté\n\
                 alimentaire</span>\n\n<a\n\
                 href=\"https://questions.assemblee-nationale.fr/static/16/questions/jo/jo_anq_202229.pdf\"\n\
                 class=\"link\"> Publication de la\nquestion au Journal Officiel du\n\
                 26 juillet 2022, page 3501</a>  \nSuite"),
            [
                "Ministère répondant : Agriculture et souveraineté alimentaire",
                "",
                "Publication de la question au Journal Officiel du 26 juillet 2022, page 3501",
                "Suite"
            ]
        );
    }

    /// A Markdown paragraph's wrapped lines are one line where the paragraph shows Markdown
    /// and the line was full; a heading's wrapped end, a setext heading's lines, a word wrapped
    /// at its hyphen too. Hard breaks end lines; plain lines stay apart.
    #[test]
    fn markdown_paragraphs_and_headings_are_unwrapped() {
        assert_eq!(
            all("**Circonscription :** Aveyron (3e circonscription) - Ensemble pour la\n\
                 République\n\n\
                 # Développement des protocoles de coopération entre médecins généralistes et\n\
                 infirmiers\n\n\
                 ## Question écrite n° 01342 de [Mme Solène Marquet-Ribeiro](/senateur/x) (Lot-\n\
                 et-Garonne - UC)\n\n\
                 Accès des infirmiers\nà la vaccination\n-------------------------------------"),
            [
                "Circonscription : Aveyron (3e circonscription) - Ensemble pour la République",
                "",
                "Développement des protocoles de coopération entre médecins généralistes et infirmiers",
                "",
                "Question écrite n° 01342 de Mme Solène Marquet-Ribeiro (Lot-et-Garonne - UC)",
                "",
                "Accès des infirmiers à la vaccination"
            ]
        );
        let plain =
            "Question publiée au JO le : **10/10/2017**\nRéponse publiée au JO le : 05/06/2018";
        assert_eq!(
            all(plain),
            [
                "Question publiée au JO le : 10/10/2017",
                "Réponse publiée au JO le : 05/06/2018"
            ]
        );
        let hard =
            lines("Mme la présidente. La parole est à M. Sacha Houlié.  \nM. Sacha Houlié.\\\nfin");
        assert_eq!(
            (0..hard.len())
                .map(|i| (hard.get(i), hard.is_soft(i)))
                .collect::<Vec<_>>(),
            [
                ("Mme la présidente. La parole est à M. Sacha Houlié.", false),
                ("M. Sacha Houlié.", false),
                ("fin", false)
            ]
        );
        assert!(lines("**Auteur :** x").any_markdown(usize::MAX));
        assert!(!lines("Auteur : x\n____________").any_markdown(usize::MAX));
    }

    /// Pandoc's smart punctuation, where its block or an earlier one escapes apostrophes:
    /// `--`, `---`, `...`, and `'` the typographic apostrophe.
    #[test]
    fn pandoc_smart_punctuation_is_read_back() {
        assert_eq!(
            all(
                "x -- l'a...\n\nla rationalisation industrielle -- à cet égard, la société d\\'optronique ---\n\
                 les chantiers que nous devions entreprendre :... d\\'abord\n\nx -- l'y..."
            ),
            [
                "x -- l'a...",
                "",
                "la rationalisation industrielle – à cet égard, la société d'optronique —",
                "les chantiers que nous devions entreprendre :… d'abord",
                "",
                "x – l’y…"
            ]
        );
    }

    /// html2text drops the space an emphasis starts with; after a comma it comes back.
    #[test]
    fn a_space_html2text_dropped_before_an_emphasis_comes_back() {
        assert_eq!(
            all("**M. Gérald Darmanin,**_ministre de l’intérieur et des outre-mer._ Permettez-moi"),
            ["M. Gérald Darmanin, ministre de l’intérieur et des outre-mer. Permettez-moi"]
        );
        assert_eq!(all("**gras**_italique_"), ["grasitalique"]);
    }

    #[test]
    fn unclosed_things_do_not_swallow_text_lines() {
        assert_eq!(all("a < b\nc <d\ne"), ["a < b", "c <d", "e"]);
        assert_eq!(all("x [lien](http://a\ny"), ["x [lien](http://a", "y"]);
    }
}

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
        let l = crate::markup::lines(&text);
        for i in 0..l.len() {
            println!("{i:4} {:?}", l.get(i));
        }
    }
}

mod window_tests {
    use crate::markup::*;

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
