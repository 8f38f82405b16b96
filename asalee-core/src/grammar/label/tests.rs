//! The labels' unit tests.

use super::*;

fn keys(line: &str) -> Vec<(Option<Key>, &str, &str)> {
    items(line)
        .into_iter()
        .map(|i| (i.key, i.label, i.value))
        .collect()
}

#[test]
fn one_label() {
    assert_eq!(
        keys("Rubrique > professions de santé"),
        [(Some(Key::Rubric), "Rubrique", "professions de santé")]
    );
    assert_eq!(keys("Auteur :"), [(Some(Key::Author), "Auteur", "")]);
    assert_eq!(
        keys("Données clés"),
        [(Some(Key::DataBlock), "Données clés", "")]
    );
    assert_eq!(
        keys("Question publiée le 22 février 2022"),
        [(
            Some(Key::QuestionPublished),
            "Question publiée le",
            "22 février 2022"
        )]
    );
}

#[test]
fn known_labels_agree_with_matching_every_label() {
    use crate::grammar::text::match_folded;
    // The first label of DEFS's order that matches, found without the heads and prefilters.
    let scan = |s: &str| {
        DEFS.iter()
            .find_map(|d| match_folded(s, d.text).map(|len| (d.key, len, d.sentence)))
    };
    let strip = |s: &str| s.replace(['é', 'è', 'ê'], "e").replace('ô', "o");
    for d in DEFS {
        let t = d.text;
        for v in [
            t.to_string(),
            t.to_uppercase(),
            strip(t),
            t.replace(' ', "   "),
            format!("{t} : valeur"),
            format!("{t}s : x"),
            format!("{t} le 3 mai 2024"),
            t.chars().take(t.chars().count() / 2).collect(),
            t.replacen(' ', "\u{a0}", 1),
        ] {
            assert_eq!(known_label(&v), scan(&v), "{v:?}");
        }
    }
}

#[test]
fn joined_cells() {
    assert_eq!(
        keys("Question publiée au JO le : 19/12/2023 Date de changement d'attribution : 23/04/2024 Question retirée le : 11/06/2024 (fin de mandat)"),
        [
            (Some(Key::QuestionPublished), "Question publiée au JO le", "19/12/2023"),
            (Some(Key::Reassigned), "Date de changement d'attribution", "23/04/2024"),
            (Some(Key::Withdrawn), "Question retirée le", "11/06/2024 (fin de mandat)"),
        ]
    );
    assert_eq!(
        keys("Question publiée au JO le : 21/08/2012 page : 4774"),
        [
            (
                Some(Key::QuestionPublished),
                "Question publiée au JO le",
                "21/08/2012"
            ),
            (Some(Key::Page), "page", "4774")
        ]
    );
    assert_eq!(
        keys("Tête d'analyse >Financement\tAnalyse > Financement."),
        [
            (Some(Key::AnalysisHeading), "Tête d'analyse", "Financement"),
            (Some(Key::Analysis), "Analyse", "Financement.")
        ]
    );
}

#[test]
fn first_items() {
    fn f(l: &str) -> Option<(Option<Key>, &str, &str)> {
        first_item(l).map(|i| (i.key, i.label, i.value))
    }
    assert_eq!(
        f("Rubrique : Santé\tAnalyse : x"),
        Some((Some(Key::Rubric), "Rubrique", "Santé"))
    );
    assert_eq!(
        f("Commission : finances"),
        Some((None, "Commission", "finances"))
    );
    assert_eq!(
        f("Mme X attire l'attention : sur"),
        Some((None, "", "Mme X attire l'attention : sur"))
    );
    assert_eq!(f("   "), None);
    for line in [
        "Rubrique : Santé\tAnalyse : x",
        "\tTexte de la réponse",
        "DEBAT : x",
        "Commission : finances",
        "Question publiée le 3 mai",
        "",
    ] {
        assert_eq!(
            crate::markup::first_cell(line).and_then(key_in_cell),
            first_item(line).and_then(|i| i.key),
            "{line}"
        );
    }
    // The splitter and the layout look for these keys only in cells starting so.
    for d in DEFS {
        let first = d.text.as_bytes()[0];
        match d.key {
            Key::AnswerHeading | Key::Debate => assert!(b"TtDd".contains(&first), "{}", d.text),
            Key::DataBlock | Key::DatesBlock => assert!(b"Dd".contains(&first), "{}", d.text),
            _ => {}
        }
    }
    for d in DEFS.iter().filter(|d| d.sentence) {
        // `next_label` looks for sentence labels mid-cell by these first letters.
        assert!(
            matches!(d.text.as_bytes()[0] | 0x20, b'q' | b'r' | b'p' | b'e'),
            "{}",
            d.text
        );
    }
    for d in DEFS {
        let word = d.text.chars().take_while(|c| c.is_alphanumeric()).count();
        assert!(LABEL_WORD_LENGTHS & (1 << word) != 0, "{}", d.text);
    }
    // Every label's first letter is in the fast path's set.
    for d in DEFS {
        assert!(known_label(d.text).is_some(), "{}", d.text);
    }
}

/// The labels the first item found are those `items` finds again.
#[test]
fn items_from_the_first_item_agree_with_items() {
    for line in [
        "Rubrique : Santé\tAnalyse : x",
        "Question publiée au JO le : 21/08/2012 page : 4774",
        "Question publiée au JO le : 19/12/2023 Date de changement d'attribution : 23/04/2024 Question retirée le : 11/06/2024 (fin de mandat)",
        "\t  Auteur :\tM. X",
        "Question publiée le 22 février 2022",
        "Tête d'analyse >Financement\tAnalyse > Financement.",
        "Commission : finances",
        "Mme X attire l'attention : sur",
        "Données clés",
        "page",
        "",
    ] {
        let start = crate::markup::first_cell(line).and_then(|c| first_item_and_start(c).1);
        assert_eq!(items_from(line, start), items(line), "{line}");
    }
}

#[test]
fn cells_and_unknown_labels() {
    assert_eq!(
        keys("Ministère interrogé :\tlogement"),
        [(Some(Key::MinistryAsked), "Ministère interrogé", "logement")]
    );
    assert_eq!(
        keys("Question N° : 13927\tDe Mme Laure Miller ( Renaissance - Marne )\tQuestion écrite"),
        [
            (Some(Key::Number), "Question N°", "13927"),
            (None, "", "De Mme Laure Miller ( Renaissance - Marne )"),
            (None, "", "Question écrite")
        ]
    );
    assert_eq!(
        keys("Commission : finances"),
        [(None, "Commission", "finances")]
    );
    assert_eq!(keys("Voir http://x"), [(None, "", "Voir http://x")]);
    assert_eq!(
        keys("Il demande : quoi ?"),
        [(None, "Il demande", "quoi ?")]
    );
}

#[test]
fn labels_cut_by_a_wrap() {
    assert!(is_label_head("Publication de la question au"));
    assert!(is_label_head("Réponse  publiée"));
    // One word is not a head; a whole label is not one either.
    assert!(!is_label_head("Publication"));
    assert!(!is_label_head("Mme Marie-Pierre Rixain appelle"));
    let (key, _, end) = label_rest(
        "Publication de la question au",
        "Journal Officiel                  du 26 juillet",
    )
    .unwrap();
    assert_eq!(key, Key::QuestionPublished);
    assert_eq!(
        "Journal Officiel                  du 26 juillet"[end..].trim(),
        "26 juillet"
    );
    let (key, sentence, end) = label_rest("Réponse publiée", "le 27 septembre 2022").unwrap();
    assert_eq!((key, sentence), (Key::AnswerPublished, true));
    assert_eq!(&"le 27 septembre 2022"[end..], " 27 septembre 2022");
    assert_eq!(label_rest("Publication de la question au", "Sénat"), None);
}
