//! Documents written for asalee's tests (fixtures/written), one or more per layout, with the
//! fields they must give, checked value by value: other values, other renderings, fields present
//! and absent, CRLF, Windows-1252.

mod common;

use asalee_core::{Chamber, Date, ErratumOf, Kind, Layout, Question};

fn parse(name: &str) -> Question {
    let bytes = std::fs::read(common::fixtures().join("written").join(name)).unwrap();
    let results: Vec<_> = asalee_core::parse_all_bytes(&bytes).collect();
    assert_eq!(results.len(), 1, "{name}");
    asalee_core::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn an_legacy_with_every_dated_field() {
    let q = parse("an-legacy-l15-qe-full.md");
    assert_eq!(q.layout, Layout::AnLegacy);
    assert_eq!(q.uid.as_deref(), Some("QANR5L15QE2045"));
    assert_eq!(q.title.as_deref(), Some("Avenir des retenues collinaires"));
    let a = q.author.as_ref().unwrap();
    assert_eq!(a.name.as_deref(), Some("Jean-Paul Dufrègne"));
    assert_eq!(a.group.as_deref(), Some("Gauche démocrate et républicaine"));
    assert_eq!(a.department.as_deref(), Some("Allier"));
    assert_eq!(
        q.ministry_asked.as_deref(),
        Some("Agriculture et alimentation")
    );
    assert_eq!(
        q.ministry_answering.as_deref(),
        Some("Transition écologique et solidaire")
    );
    assert_eq!(q.analysis.as_deref(), Some("retenues d'eau."));
    assert_eq!(
        q.question_published.map(|r| (r.date, r.page)),
        Some((d(2017, 10, 10), Some(4812)))
    );
    assert_eq!(
        q.answer_published.map(|r| (r.date, r.page)),
        Some((d(2018, 6, 5), Some(4790)))
    );
    assert_eq!(q.reassigned_on, [d(2017, 11, 14)]);
    assert_eq!(q.renewed_on, [d(2018, 1, 16), d(2018, 4, 17)]);
    assert_eq!(q.errata.len(), 1);
    assert_eq!(
        (q.errata[0].of, q.errata[0].date, q.errata[0].page),
        (ErratumOf::Question, d(2017, 10, 24), Some(5102))
    );
    assert_eq!(q.question_text.as_deref(), Some("M. Jean-Paul Dufrègne attire l'attention de M. le ministre de l'agriculture et de l'alimentation sur les retenues collinaires.\nIl lui demande quelles mesures il entend prendre."));
    assert_eq!(
        q.answer_text.as_deref(),
        Some("Les retenues collinaires font l'objet d'une instruction du 4 juin 2015.")
    );
    // An unknown label is kept, with a warning at its line.
    assert_eq!(q.other_fields.len(), 1);
    assert_eq!(
        (
            q.other_fields[0].label.as_str(),
            q.other_fields[0].value.as_str()
        ),
        ("Commission saisie", "développement durable")
    );
    assert_eq!(q.warnings.len(), 1);
    assert_eq!(q.warnings[0].line, 12);
}

#[test]
fn strict_mode_turns_the_warning_into_an_error_at_its_line() {
    let bytes = std::fs::read(common::fixtures().join("written/an-legacy-l15-qe-full.md")).unwrap();
    let err = asalee_core::Options::new()
        .strict(true)
        .parse_bytes(&bytes)
        .unwrap_err();
    assert_eq!(err.kind(), asalee_core::ErrorKind::Strict);
    assert_eq!((err.line(), err.column()), (12, 1));
    assert_eq!(
        err.to_string(),
        "strict mode: unknown label `Commission saisie` kept in other_fields at line 12 column 1"
    );
}

#[test]
fn an_current_question_au_gouvernement_labels_on_two_lines_crlf() {
    let q = parse("an-current-l17-qg-crlf.txt");
    assert_eq!(q.layout, Layout::AnCurrent);
    assert_eq!(
        (q.chamber, q.legislature, q.kind, q.number),
        (Some(Chamber::An), Some(17), Some(Kind::Qg), 512)
    );
    assert_eq!(q.uid.as_deref(), Some("QANR5L17QG512"));
    assert_eq!(q.title.as_deref(), Some("Avenir des urgences de nuit"));
    let a = q.author.as_ref().unwrap();
    assert_eq!(
        (a.civility.as_deref(), a.name.as_deref()),
        (Some("Mme"), Some("Anne Le Hénanff"))
    );
    assert_eq!(
        (a.department.as_deref(), a.constituency, a.group.as_deref()),
        (Some("Morbihan"), Some(1), Some("Horizons & Indépendants"))
    );
    assert_eq!(q.ministry_asked.as_deref(), Some("Premier ministre"));
    assert_eq!(
        q.ministry_answering.as_deref(),
        Some("Santé et accès aux soins")
    );
    assert_eq!(
        q.question_published.map(|r| (r.date, r.page)),
        Some((d(2025, 2, 12), Some(812)))
    );
    assert_eq!(q.answer_text.as_deref(), Some("M. le président. La parole est à Mme Anne Le Hénanff.\nMme Anne Le Hénanff. Monsieur le Premier ministre, les urgences ferment la nuit."));
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
}

#[test]
fn an_dyn_oral_question_answered_in_seance() {
    let q = parse("an-dyn-l15-qosd-text.txt");
    assert_eq!(q.layout, Layout::AnDyn);
    assert_eq!(q.uid.as_deref(), Some("QANR5L15QOSD1234"));
    assert_eq!(q.title.as_deref(), Some("Desserte ferroviaire du Cantal"));
    let a = q.author.as_ref().unwrap();
    assert_eq!(
        (
            a.name.as_deref(),
            a.department.as_deref(),
            a.constituency,
            a.group.as_deref()
        ),
        (
            Some("Vincent Descoeur"),
            Some("Cantal"),
            Some(1),
            Some("Les Républicains")
        )
    );
    assert_eq!(q.flagged_on, Some(d(2019, 9, 30)));
    assert_eq!(
        q.question_published.map(|r| (r.date, r.page)),
        Some((d(2019, 10, 1), None))
    );
    assert_eq!(
        q.answer_published.map(|r| (r.date, r.page)),
        Some((d(2019, 10, 9), None))
    );
    assert_eq!(q.question_text.as_deref(), Some("M. Vincent Descoeur appelle l'attention de Mme la ministre chargée des transports sur la desserte ferroviaire du Cantal."));
    // The séance title is a paragraph of the answer.
    assert!(q
        .answer_text
        .as_deref()
        .unwrap()
        .starts_with("DESSERTE FERROVIAIRE DU CANTAL\nM. le président."));
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
}

#[test]
fn senat_oral_question_with_seance_and_jo_dates() {
    let q = parse("senat-2023-qosd-text.txt");
    assert_eq!(q.layout, Layout::Senat);
    assert_eq!(
        (q.chamber, q.kind, q.number, q.uid.as_deref()),
        (Some(Chamber::Senat), Some(Kind::Qosd), 745, None)
    );
    let a = q.author.as_ref().unwrap();
    assert_eq!(
        (a.department.as_deref(), a.group.as_deref()),
        (Some("Cantal"), Some("UC"))
    );
    assert_eq!(
        q.question_published.map(|r| (r.date, r.page)),
        Some((d(2023, 6, 22), Some(3921)))
    );
    // The JO date is the answer's publication; the séance date does not replace it.
    assert_eq!(
        q.answer_published.map(|r| (r.date, r.page)),
        Some((d(2023, 7, 5), Some(6541)))
    );
    assert!(q
        .ministry_answering
        .as_deref()
        .unwrap()
        .starts_with("Ministère délégué auprès du ministre de l'économie"));
    assert_eq!(
        q.answer_text.as_deref(),
        Some("La présence postale sera maintenue dans les communes rurales.")
    );
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
}

#[test]
fn plain_copy_with_an_answer_is_unwrapped() {
    let q = parse("plain-qe-answered.txt");
    assert_eq!(
        (q.layout, q.chamber, q.uid.as_deref()),
        (Layout::Plain, None, None)
    );
    assert_eq!(
        q.author.as_ref().unwrap().name.as_deref(),
        Some("Thibault Bazin")
    );
    assert_eq!(q.question_text.as_deref(), Some("M. Thibault Bazin appelle l'attention de M. le ministre de la santé et de la prévention sur la situation des infirmiers de pratique avancée."));
    assert_eq!(q.answer_text.as_deref(), Some("Le décret du 12 août 2021 a élargi leurs compétences. Un nouveau décret est en préparation."));
}

#[test]
fn an_fiche_text_copy_in_windows_1252() {
    let q = parse("an-fiche-l11-qe-cp1252-text.txt");
    assert_eq!(
        (q.layout, q.kind, q.number),
        (Layout::AnFiche, Some(Kind::Qe), 9876)
    );
    // No legislature on the page: no uid is invented.
    assert_eq!((q.legislature, q.uid.as_deref()), (None, None));
    let a = q.author.as_ref().unwrap();
    assert_eq!(
        (a.name.as_deref(), a.group.as_deref()),
        (
            Some("Dupont Jean"),
            Some("Union pour la démocratie française")
        )
    );
    assert_eq!(q.ministry_asked.as_deref(), Some("intérieur"));
    assert_eq!(
        q.question_text.as_deref(),
        Some("M. Jean Dupont interroge M. le ministre de l’intérieur sur les communes.")
    );
}

#[test]
fn senat_whole_page() {
    let q = parse("senat-2024-qe-page.html");
    assert_eq!(
        (q.layout, q.chamber, q.legislature, q.number),
        (Layout::Senat, Some(Chamber::Senat), Some(16), 1342)
    );
    assert_eq!(
        q.title.as_deref(),
        Some(
            "Développement des protocoles de coopération entre médecins généralistes et infirmiers"
        )
    );
    assert_eq!(
        q.author.as_ref().unwrap().name.as_deref(),
        Some("Solène Marquet-Ribeiro")
    );
    assert_eq!(
        q.ministry_answering.as_deref(),
        Some("Ministère de la santé et de l'accès aux soins")
    );
    assert_eq!(
        q.answer_published.map(|r| (r.date, r.page)),
        Some((d(2024, 11, 28), Some(4610)))
    );
    // The page's <title>, navigation, breadcrumb, button and footer reach no field.
    assert_eq!(q.question_text.as_deref(), Some("Mme Solène Marquet-Ribeiro attire l'attention de Mme la ministre de la santé et de l'accès aux soins sur les protocoles.\nElle lui demande quelles mesures le Gouvernement entend prendre."));
    assert_eq!(
        q.answer_text.as_deref(),
        Some("Les protocoles de coopération permettent à des médecins de confier des actes.")
    );
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
}

#[test]
fn an_current_whole_page() {
    let q = parse("an-current-l17-qe-page.html");
    assert_eq!(
        (q.layout, q.uid.as_deref()),
        (Layout::AnCurrent, Some("QANR5L17QE3117"))
    );
    // A title broken over two source lines is one line of the page.
    assert_eq!(
        q.title.as_deref(),
        Some("Accès des infirmiers à la vaccination")
    );
    let a = q.author.as_ref().unwrap();
    assert_eq!(
        (a.name.as_deref(), a.department.as_deref(), a.constituency),
        (Some("Jean-François Rousset"), Some("Aveyron"), Some(3))
    );
    // The hidden span's value is not read.
    assert_eq!(
        q.ministry_answering.as_deref(),
        Some("Santé et accès aux soins")
    );
    assert_eq!(
        q.question_published.map(|r| (r.date, r.page)),
        Some((d(2024, 12, 17), Some(6839)))
    );
    assert_eq!(q.answer_text, None);
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
}

/// The first lines of a text, one per paragraph.
fn paragraphs(text: Option<&str>, n: usize) -> Vec<&str> {
    text.unwrap_or("").split('\n').take(n).collect()
}

/// The real an-fiche page 450 with paragraphs (`<br/>`) added to its question and its answer,
/// and inscriptis's text of it: inscriptis centres each label in its table row (a cell's
/// default `vertical-align: middle`), so the first paragraphs of both texts stand above their
/// label's line. Both give the page's texts.
#[test]
fn an_fiche_paragraphs_and_inscriptis_centred_labels() {
    let page = parse("an-fiche-l11-qe-450-paragraphs.html");
    let question = paragraphs(page.question_text.as_deref(), 4);
    assert_eq!(
        question[..3],
        [
            "Premier paragraphe de la question.",
            "Deuxième paragraphe.",
            "Troisième."
        ]
    );
    assert!(question[3].starts_with("Mme Muguette Jacquaint attire l'attention"));
    assert_eq!(
        paragraphs(page.answer_text.as_deref(), 5)[..4],
        [
            "Réponse un.",
            "Réponse deux.",
            "Réponse trois.",
            "Réponse quatre."
        ]
    );
    let path = common::fixtures().join("variants/an-fiche-l11-qe-450-paragraphs.inscriptis.txt");
    let text = asalee_core::parse_bytes(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        (&text.question_text, &text.answer_text),
        (&page.question_text, &page.answer_text)
    );
    // A label on its row's first line, with more lines below it than one more than above:
    // not centred, the lines above stay the question's.
    let moved_label = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            " Texte de la REPONSE :    Réponse trois.",
            "                          Réponse trois.",
        )
        .replace(
            "                          Réponse un.",
            " Texte de la REPONSE :    Réponse un.",
        );
    let q = asalee_core::parse(&moved_label).unwrap();
    assert_eq!(
        paragraphs(q.question_text.as_deref(), 5).len(),
        4,
        "{:?}",
        q.question_text
    );
    assert_eq!(q.answer_text, page.answer_text);
    // The real QG page: its debate's label on the middle of 23 lines.
    let real = |p: &str| {
        asalee_core::parse_bytes(&std::fs::read(common::fixtures().join(p)).unwrap()).unwrap()
    };
    let (page, text) = (
        real("real/an-fiche-l11-qg-450.html"),
        real("variants/an-fiche-l11-qg-450.inscriptis.txt"),
    );
    assert_eq!(text.question_text, None);
    assert_eq!(
        paragraphs(text.answer_text.as_deref(), 2),
        [
            "M. le président. La parole est à M. Jean-Michel Marchand.",
            "M. Jean-Michel Marchand. Monsieur le président, ma question s'adresse à M. le ministre \
             de l'économie, des finances et de l'industrie. Elle porte sur l'avenir de l'entreprise \
             publique Thomson Multimédia qui regroupe toute la production d'électronique grand \
             public du groupe, notamment l'audiovisuel.",
        ]
    );
    assert_eq!(text.answer_text, page.answer_text);
}
