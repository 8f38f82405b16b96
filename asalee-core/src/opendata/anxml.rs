//! `an-xml`: the AN site's older per-question XML (`<QUESTION TYPE="QE">`, upper-case
//! elements, CDATA texts) to the record, by the SPEC's list; what it does not read and is not
//! bookkeeping goes to `other_fields` as `PATH.TO.ELEMENT`.

use super::build::Draft;
use super::fields::{analysis, text_at};
use super::node::{Node, UNKNOWN};
use super::text::{html_text, page};
use crate::{Closed, Erratum, ErratumOf, JoRef, Kind, Layout};

/// The site's bookkeeping, which yields nothing: identifiers and codes (`ID_…`, `CODE_…`,
/// `SIGLE`, the `NUMERO` of an `ORDRE`), the JO's own numbering (`TYPE_JO`, `NUMERO_JO`), the
/// namespace and schema attributes.
fn bookkeeping(key: &str) -> bool {
    let k = key.strip_prefix('@').unwrap_or(key);
    k.starts_with("ID_")
        || k.starts_with("CODE_")
        || k.starts_with("xmlns")
        || k.starts_with("xsi:")
        || matches!(k, "SIGLE" | "TYPE_JO" | "NUMERO_JO" | "NUMERO")
}

/// The record of one `<QUESTION>` element's tree, starting at `start`.
pub(crate) fn question(mut n: Node, start: usize) -> Draft {
    let mut d = Draft::new(Layout::AnXml, start);
    if let Some((t, at)) = n.take("@TYPE") {
        if let Some(code) = t.text() {
            match code.parse::<Kind>() {
                Ok(k) => d.q.kind = Some(k),
                Err(_) => d.unreadable(at, "@TYPE", code, "the kind"),
            }
        }
    }
    if let Some((l, at)) = n.take("LEGISLATURE") {
        if let Some(t) = l.text() {
            match t.parse::<u32>() {
                Ok(l) => d.q.legislature = Some(l),
                Err(_) => d.unreadable(at, "LEGISLATURE", t, "the legislature"),
            }
        }
    }
    deposits(&mut d, &mut n);
    author(&mut d, &mut n);
    if let Some((mut ix, _)) = n.take("INDEXATION_AN") {
        d.q.rubric = text_at(&mut ix, "@RUBRIQUE");
        d.q.analysis_heading = text_at(&mut ix, "TETE_ANALYSE");
        if let Some((mut a, _)) = ix.take("ANALYSE") {
            let items = a.take("ANA").map(|(v, _)| v.items()).unwrap_or_default();
            d.q.analysis = analysis(items.iter().filter_map(Node::text));
            d.leftovers(a, "INDEXATION_AN.ANALYSE", UNKNOWN, bookkeeping);
        }
        d.leftovers(ix, "INDEXATION_AN", UNKNOWN, bookkeeping);
    }
    if let Some((mut m, _)) = n.take("MINI") {
        d.q.ministry_asked = twin(&mut m);
        d.leftovers(m, "MINI", UNKNOWN, bookkeeping);
    }
    if let Some((mut m, _)) = n.take("MINA") {
        let items = m.take("ORDRE").map(|(v, _)| v.items()).unwrap_or_default();
        for (i, mut item) in items.into_iter().enumerate() {
            if let Some(name) = twin(&mut item) {
                d.q.ministry_answering = Some(name);
            }
            if i > 0 {
                if let Some(date) = d.date(item.take("DATE_JO"), "MINA.ORDRE.DATE_JO") {
                    d.q.reassigned_on.push(date);
                }
            } else {
                // The first attribution's JO is the question's own.
                item.take("DATE_JO");
            }
            item.take("PAGE_JO");
            d.leftovers(item, "MINA.ORDRE", UNKNOWN, bookkeeping);
        }
        d.leftovers(m, "MINA", UNKNOWN, bookkeeping);
    }
    errata(&mut d, &mut n, "ERRATUM_QUESTION", ErratumOf::Question);
    errata(&mut d, &mut n, "ERRATUM_REPONSE", ErratumOf::Answer);
    while let Some((mut s, _)) = n.take("SIGNALEMENT") {
        if let Some(date) = d.date(s.take("DATE_DEPOT_SIGNAL"), "SIGNALEMENT.DATE_DEPOT_SIGNAL") {
            d.q.flagged_on.get_or_insert(date);
        }
        // The JO that printed the signalement.
        s.take("DATE_JO");
        s.take("PAGE_JO");
        d.leftovers(s, "SIGNALEMENT", UNKNOWN, bookkeeping);
    }
    while let Some((mut r, _)) = n.take("RENOUVELLEMENT") {
        let items = r.take("ORDRE").map(|(v, _)| v.items()).unwrap_or_default();
        for mut item in items {
            let label = "RENOUVELLEMENT.ORDRE.DATE_RENOUVELLEMENT";
            if let Some(date) = d.date(item.take("DATE_RENOUVELLEMENT"), label) {
                d.q.renewed_on.push(date);
            }
            item.take("DATE_JO");
            item.take("PAGE_JO");
            d.leftovers(item, "RENOUVELLEMENT.ORDRE", UNKNOWN, bookkeeping);
        }
        d.leftovers(r, "RENOUVELLEMENT", UNKNOWN, bookkeeping);
    }
    closure(&mut d, &mut n);
    answer(&mut d, &mut n);
    d.leftovers(n, "", UNKNOWN, bookkeeping);
    d
}

/// The `DEPOT` elements: the first's `NUMERO`, `DATE_JO` and `PAGE_JO`; the text.
fn deposits(d: &mut Draft, n: &mut Node) {
    while let Some((mut dep, _)) = n.take("DEPOT") {
        if let Some((num, at)) = dep.take("@NUMERO") {
            if let Some(t) = num.text() {
                match t.parse::<u64>() {
                    Ok(v) if d.number.is_none() => (d.number, d.number_at) = (Some(v), at),
                    Ok(_) => {}
                    Err(_) => d.unreadable(at, "DEPOT.@NUMERO", t, "the number"),
                }
            }
        }
        let date = dep.take("DATE_JO");
        let page_node = dep.take("PAGE_JO");
        if d.q.question_published.is_none() {
            if let Some(date) = d.date(date, "DEPOT.DATE_JO") {
                let page = page_of(d, page_node, "DEPOT.PAGE_JO");
                d.q.question_published = Some(JoRef { date, page });
            }
        }
        if let Some((t, _)) = dep.take("TEXTE_DEPOT") {
            if d.q.question_text.is_none() {
                d.q.question_text = t.text().and_then(html_text);
            }
        }
        d.leftovers(dep, "DEPOT", UNKNOWN, bookkeeping);
    }
}

/// `AUTEUR`, `GROUPE`, `CIRCONSCRIPTION`.
fn author(d: &mut Draft, n: &mut Node) {
    if let Some((mut a, _)) = n.take("AUTEUR") {
        if let Some(id) = text_at(&mut a, "ID_ACTEUR") {
            d.author.reference = Some(format!("PA{id}"));
        }
        d.author.civility = text_at(&mut a, "CIVILITE");
        let first = text_at(&mut a, "PRENOM");
        let last = text_at(&mut a, "NOM");
        d.author.name = match (first, last) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            (f, l) => f.or(l),
        };
        d.leftovers(a, "AUTEUR", UNKNOWN, bookkeeping);
    }
    if let Some((mut g, _)) = n.take("GROUPE") {
        d.author.group = text_at(&mut g, "LIBELLE");
        d.leftovers(g, "GROUPE", UNKNOWN, bookkeeping);
    }
    if let Some((mut c, _)) = n.take("CIRCONSCRIPTION") {
        if let Some((num, at)) = c.take("@NUMERO_CIRCONSCRIPTION") {
            if let Some(t) = num.text() {
                match t.parse::<u32>() {
                    Ok(v) => d.author.constituency = Some(v),
                    Err(_) => d.unreadable(
                        at,
                        "CIRCONSCRIPTION.@NUMERO_CIRCONSCRIPTION",
                        t,
                        "the constituency",
                    ),
                }
            }
        }
        d.author.department = text_at(&mut c, "DEPARTEMENT");
        d.author.region = text_at(&mut c, "REGION");
        d.leftovers(c, "CIRCONSCRIPTION", UNKNOWN, bookkeeping);
    }
}

/// `ERRATUM_QUESTION` / `ERRATUM_REPONSE`, when their `DATE_JO` is not empty.
fn errata(d: &mut Draft, n: &mut Node, key: &str, of: ErratumOf) {
    while let Some((mut e, _)) = n.take(key) {
        if let Some(date) = d.date(e.take("DATE_JO"), &format!("{key}.DATE_JO")) {
            let page = page_of(d, e.take("PAGE_JO"), &format!("{key}.PAGE_JO"));
            d.q.errata.push(Erratum { of, date, page });
        }
        d.leftovers(e, key, UNKNOWN, bookkeeping);
    }
}

/// `CLOTURE`, unless its `ABREGE` is `REP_PUB` (an answer, which `REPONSE` gives).
fn closure(d: &mut Draft, n: &mut Node) {
    let Some((mut c, _)) = n.take("CLOTURE") else {
        return;
    };
    let code = text_at(&mut c, "ABREGE");
    if code.as_deref() == Some("REP_PUB") {
        return;
    }
    let date_node = c.take("DATE_CLOTURE").or_else(|| c.take("DATE_JO"));
    let date = d.date(date_node, "CLOTURE.DATE_JO");
    let reason = text_at(&mut c, "LIBELLE")
        .map(|r| super::text::reason(&r))
        .filter(|r| !r.is_empty());
    c.take("PAGE_JO");
    if date.is_some() || reason.is_some() || code.is_some() {
        d.q.closed = Some(Closed { date, reason });
    }
    d.leftovers(c, "CLOTURE", UNKNOWN, bookkeeping);
}

/// `REPONSE`: `TEXTE_REPONSE`, `DATE_JO_REPONSE`, `PAGE_JO_REPONSE`.
fn answer(d: &mut Draft, n: &mut Node) {
    while let Some((mut r, _)) = n.take("REPONSE") {
        if let Some((t, _)) = r.take("TEXTE_REPONSE") {
            if d.q.answer_text.is_none() {
                d.q.answer_text = t.text().and_then(html_text);
            }
        }
        let date = d.date(r.take("DATE_JO_REPONSE"), "REPONSE.DATE_JO_REPONSE");
        let page = page_of(d, r.take("PAGE_JO_REPONSE"), "REPONSE.PAGE_JO_REPONSE");
        if let (Some(date), None) = (date, d.q.answer_published) {
            d.q.answer_published = Some(JoRef { date, page });
        }
        d.leftovers(r, "REPONSE", UNKNOWN, bookkeeping);
    }
}

/// A page value; an unreadable one is kept with a warning.
fn page_of(d: &mut Draft, node: Option<(Node, usize)>, label: &str) -> Option<u32> {
    let (v, at) = node?;
    let t = v.text()?;
    let p = page(t);
    if p.is_none() {
        let t = t.to_owned();
        d.unreadable(at, label, &t, "the page");
    }
    p
}

/// A ministry's `ABREGE` (its `DEVELOPPE` twin dropped when read).
fn twin(n: &mut Node) -> Option<String> {
    let v = text_at(n, "ABREGE");
    if v.is_some() {
        n.take("DEVELOPPE");
    }
    v
}
