//! Errors: the whole rendered message, with its 1-based line and column in the original input.

use asalee_core::ErrorKind;

#[track_caller]
fn fails(input: &str, kind: ErrorKind, message: &str) {
    let err = asalee_core::parse(input).unwrap_err();
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.to_string(), message);
}

#[test]
fn not_a_question() {
    fails(
        "Bonjour\n",
        ErrorKind::NotAQuestion,
        "not a question document: no line such as `Question écrite n° 1234`, `Question N° : 1234` or `Question de :` was found at line 1 column 1",
    );
    // The position is the first visible line, past blank lines and markup.
    fails(
        "\n\n  <p>Sommaire</p>\n",
        ErrorKind::NotAQuestion,
        "not a question document: no line such as `Question écrite n° 1234`, `Question N° : 1234` or `Question de :` was found at line 3 column 6",
    );
    fails("", ErrorKind::NotAQuestion, "not a question document: no line such as `Question écrite n° 1234`, `Question N° : 1234` or `Question de :` was found at line 1 column 1");
    fails(
        "<?xml version=\"1.0\"?>\n<rss/>\n",
        ErrorKind::NotAQuestion,
        "not a question document: an XML document that is not the AN's open data (no `question`, `questionsEcrites` or `QUESTION` root) at line 1 column 1",
    );
    // An empty `an-xml` question: no number, at its element.
    fails(
        "<?xml version=\"1.0\"?>\n<QUESTION/>\n",
        ErrorKind::MissingNumber,
        "not a question record: the open-data question gives no number (`identifiant.numero`, `DEPOT/@NUMERO`) at line 2 column 1",
    );
}

#[test]
fn missing_number() {
    fails(
        "Titre\nQuestion de :\nM. Jean Dupont\nM. Jean Dupont demande.\n",
        ErrorKind::MissingNumber,
        "not a question record: no question number (expected a line such as `Question écrite n° 1234` or `Question N° : 1234`) at line 2 column 1",
    );
    fails(
        "Question de M. DUPONT Jean (Ain - UC) publiée le 10/12/2009\nM. Jean Dupont demande.\n",
        ErrorKind::MissingNumber,
        "not a question record: no question number (expected a line such as `Question écrite n° 1234` or `Question N° : 1234`) at line 1 column 1",
    );
}

#[test]
fn missing_text() {
    fails(
        "\nTitre\n\n  Question écrite n° 12\nRubrique : x\n",
        ErrorKind::MissingText,
        "question 12 has neither a question text nor an answer text (expected `Texte de la question` or the question's paragraphs after this line) at line 4 column 3",
    );
}

#[test]
fn columns_count_characters_and_crlf_is_one_line_end() {
    let err = asalee_core::parse("\r\n\r\n  é  Question écrite n° 3\r\n").unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.column()),
        (ErrorKind::NotAQuestion, 3, 3)
    );
    // « and é are two bytes each, one character each.
    let err = asalee_core::parse("«é» sommaire\r\n«»\tQuestion écrite n° 3\r\n").unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.column()),
        (ErrorKind::NotAQuestion, 1, 1)
    );
    let err = asalee_core::parse("<p>«é»</p> <b>Question</b>\n").unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 4));
    let err = asalee_core::parse_bytes(b"\xEF\xBB\xBFBonjour").unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 1));
}

#[test]
fn a_bad_document_in_the_middle_has_its_own_position() {
    let input = "Question écrite n° 1\nTexte de la question\nM. A B demande.\n\
                 Question écrite n° 2\nRubrique : rien\n\
                 Question écrite n° 3\nTexte de la question\nMme C D demande.\n";
    let results: Vec<_> = asalee_core::parse_all(input).collect();
    assert_eq!(results.len(), 3);
    let err = results[1].as_ref().unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.column()),
        (ErrorKind::MissingText, 4, 1)
    );
    assert_eq!(results[2].as_ref().unwrap().number, 3);
}

#[test]
fn several_documents_given_to_parse() {
    let input = "Question écrite n° 1\nTexte de la question\nM. A B demande.\nQuestion écrite n° 2\nTexte de la question\nMme C D demande.\n";
    let q = asalee_core::parse(input).unwrap();
    assert_eq!(q.number, 1);
    assert_eq!(q.warnings.len(), 1);
    assert_eq!(q.warnings[0].line, 4);
    let err = asalee_core::Options::new()
        .strict(true)
        .parse(input)
        .unwrap_err();
    assert_eq!((err.kind(), err.line()), (ErrorKind::Strict, 4));
}
