//! The record: one parsed question and its parts.
//!
//! Every type here serialises with serde to exactly the JSON of the SPEC, field order included:
//! a field the document does not give is `null` (a list: `[]`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// One parliamentary question, as read from one document.
///
/// Fields are in the SPEC's order, which is also the order of the JSON object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The AN open-data identifier `QANR5L{legislature}{kind}{number}`, when the chamber is the
    /// Assemblée nationale and legislature, kind and number are known.
    pub uid: Option<String>,
    /// The chamber the question was asked in.
    pub chamber: Option<Chamber>,
    /// The legislature (`16ème législature` gives 16).
    pub legislature: Option<u32>,
    /// The kind of question.
    pub kind: Option<Kind>,
    /// The question's number (`n° 09521` gives 9521).
    pub number: u64,
    /// The question's subject line.
    pub title: Option<String>,
    /// The author, as the page gives them.
    pub author: Option<Author>,
    /// `Ministère interrogé`, as written.
    pub ministry_asked: Option<String>,
    /// `Ministère attributaire` / `Ministère répondant` / the Sénat's `Réponse du …`, as written.
    pub ministry_answering: Option<String>,
    /// `Rubrique`, as written.
    pub rubric: Option<String>,
    /// `Tête d'analyse`, as written.
    pub analysis_heading: Option<String>,
    /// `Analyse`, as written.
    pub analysis: Option<String>,
    /// Where and when the question was published in the Journal officiel.
    pub question_published: Option<JoRef>,
    /// Where and when the answer was published in the Journal officiel.
    pub answer_published: Option<JoRef>,
    /// `Date de signalement`.
    pub flagged_on: Option<Date>,
    /// `Date de changement d'attribution`, in document order.
    pub reassigned_on: Vec<Date>,
    /// `Date de renouvellement`, in document order.
    pub renewed_on: Vec<Date>,
    /// Withdrawal or lapse (`Question retirée le …`, `Date de cloture …`).
    pub closed: Option<Closed>,
    /// Errata of the question or of the answer.
    pub errata: Vec<Erratum>,
    /// The question's text: paragraphs separated by `\n`.
    pub question_text: Option<String>,
    /// The answer's text (or the séance transcript): paragraphs separated by `\n`.
    pub answer_text: Option<String>,
    /// Every labelled line the parser does not know, verbatim but for markup.
    pub other_fields: Vec<OtherField>,
    /// What was odd but not fatal.
    pub warnings: Vec<Warning>,
    /// The layout recognised.
    pub layout: Layout,
}

/// The chamber of Parliament.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Chamber {
    /// The Assemblée nationale.
    #[serde(rename = "AN")]
    An,
    /// The Sénat.
    #[serde(rename = "SENAT")]
    Senat,
}

/// The kind of question, as the AN open-data codes name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Question écrite.
    #[serde(rename = "QE")]
    Qe,
    /// Question orale sans débat.
    #[serde(rename = "QOSD")]
    Qosd,
    /// Question au Gouvernement (at the Sénat: question d'actualité au Gouvernement).
    #[serde(rename = "QG")]
    Qg,
}

/// The layout a document was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// AN "FICHE QUESTION" pages, legislatures up to the 11th.
    AnFiche,
    /// questions.assemblee-nationale.fr pages, legislatures 12 to 16.
    AnLegacy,
    /// assemblee-nationale.fr/dyn pages.
    AnDyn,
    /// 17th-legislature pages.
    AnCurrent,
    /// A bare text copy: title line, number line, body.
    Plain,
    /// senat.fr question pages, old and current.
    Senat,
    /// The AN's open-data exports (JSON or XML), one question of them.
    AnOpendata,
    /// The AN site's older per-question XML (`<QUESTION TYPE="QE">`).
    AnXml,
    /// The text of Journal officiel "Questions" issues, AN and Sénat (each block a document).
    Jo,
}

/// The author of a question. Any part the document does not give is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// `"M."` or `"Mme"`.
    pub civility: Option<String>,
    /// The name as the page writes it (`Pontier Jean`, `Charles de Courson`).
    pub name: Option<String>,
    /// The political group, as written.
    pub group: Option<String>,
    /// The department, as written.
    pub department: Option<String>,
    /// The constituency number (`1re circonscription` gives 1).
    pub constituency: Option<u32>,
    /// The region, as written.
    pub region: Option<String>,
    /// The AN's identifier of the deputy (`PA720892`), where the document gives it: the open
    /// data's `acteurRef`, `ID_ACTEUR` of the site's XML, a link to the deputy's page.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

/// A publication in the Journal officiel: a date and, where given, a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoRef {
    /// The date of the Journal officiel.
    pub date: Date,
    /// The page, when the document gives it.
    pub page: Option<u32>,
}

/// How a question was closed: withdrawn, lapsed, end of mandate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    /// When, if the page says.
    pub date: Option<Date>,
    /// Why, as written (without surrounding parentheses or a final period).
    pub reason: Option<String>,
}

/// What an erratum corrects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ErratumOf {
    /// An erratum of the question.
    Question,
    /// An erratum of the answer.
    Answer,
}

/// An erratum published in the Journal officiel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erratum {
    /// What it corrects.
    pub of: ErratumOf,
    /// The date of the Journal officiel that published it.
    pub date: Date,
    /// Its page, when given.
    pub page: Option<u32>,
}

/// A labelled line the parser does not know, kept so that nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherField {
    /// The label, without its `:` or `>`, folded and free of markup.
    pub label: String,
    /// The value, folded and free of markup.
    pub value: String,
}

/// Something odd but not fatal, with the 1-based line of the whole input where it was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line in the whole input.
    pub line: usize,
    /// What was odd (free text, not part of the contract).
    pub message: String,
}

impl Question {
    /// The record as a JSON value's text, in the SPEC's field order.
    ///
    /// ```
    /// let q = asalee_core::parse("Titre\nQuestion écrite n° 12\n\nTexte de la question\n\nM. Jean Dupont demande…\n").unwrap();
    /// assert!(q.to_json().starts_with(r#"{"uid":null,"chamber":null,"legislature":null,"kind":"QE","number":12,"#));
    /// ```
    pub fn to_json(&self) -> String {
        // Serialising this record cannot fail: every key is a string and no value is a map.
        let mut out = Vec::with_capacity(1024);
        self.write_json(&mut out)
            .expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// Writes the record's JSON (one line, no trailing newline) to `out`.
    pub fn write_json<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
        serde_json::to_writer(out, self).map_err(std::io::Error::from)
    }
}

macro_rules! str_enum {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The code used in JSON and in every runtime.
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $ty {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s { $($text => Ok(Self::$variant),)+ _ => Err(UnknownCode(s.to_owned())) }
            }
        }
    };
}

str_enum!(Chamber { An => "AN", Senat => "SENAT" });
str_enum!(Kind { Qe => "QE", Qosd => "QOSD", Qg => "QG" });
str_enum!(ErratumOf { Question => "question", Answer => "answer" });
str_enum!(Layout {
    AnFiche => "an-fiche",
    AnLegacy => "an-legacy",
    AnDyn => "an-dyn",
    AnCurrent => "an-current",
    Plain => "plain",
    Senat => "senat",
    AnOpendata => "an-opendata",
    AnXml => "an-xml",
    Jo => "jo",
});

/// A code that names no variant (from [`FromStr`] on [`Chamber`], [`Kind`], [`Layout`], [`ErratumOf`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code `{0}`")]
pub struct UnknownCode(pub String);
