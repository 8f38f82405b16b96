//! `an-opendata`: the AN's open-data question (JSON or XML, the same tree) to the record, by
//! the SPEC's table; what the table does not read and is not bookkeeping goes to
//! `other_fields` as `path.to.key`.

use super::build::Draft;
use super::node::{Node, UNKNOWN};
use super::text::{html_text, page, words};
use crate::grammar::name::opening_name;
use crate::{ErratumOf, JoRef, Kind, Layout};

/// The export's bookkeeping keys, which yield nothing: identifiers (`…Ref` but `acteurRef`,
/// which is read, and `regime`), the XML namespace and type attributes, and the `infoJO`
/// blocks left once their read values are taken.
pub(crate) fn bookkeeping(key: &str) -> bool {
    key.starts_with("@xmlns")
        || key.starts_with("@xsi:")
        || key.ends_with("Ref")
        || matches!(key, "regime" | "infoJO")
}

/// The record of one question (`node` is the object under `question`) starting at `start`.
pub(crate) fn question(mut n: Node, start: usize) -> Draft {
    let mut d = Draft::new(Layout::AnOpendata, start);
    if let Some((uid, at)) = n.take("uid") {
        d.uid = uid.text().map(|u| (u.to_owned(), at));
    }
    identifiant(&mut d, &mut n);
    if let Some((t, at)) = n.take("type") {
        if let Some(code) = t.text() {
            match code.parse::<Kind>() {
                Ok(k) => d.q.kind = Some(k),
                Err(_) => d.unreadable(at, "type", code, "the kind"),
            }
        }
    }
    indexation(&mut d, &mut n);
    if let Some((mut a, _)) = n.take("auteur") {
        d.author.reference = text_at(&mut a, "identite.acteurRef");
        d.author.group = twin(&mut a, "groupe", "developpe", "abrege");
        d.leftovers(a, "auteur", UNKNOWN, bookkeeping);
    }
    if let Some((mut m, _)) = n.take("minInt") {
        d.q.ministry_asked = twin(&mut m, "", "abrege", "developpe");
        d.leftovers(m, "minInt", UNKNOWN, bookkeeping);
    }
    attributions(&mut d, &mut n);
    texts(
        &mut d,
        &mut n,
        "textesQuestion",
        "texteQuestion",
        ErratumOf::Question,
    );
    texts(
        &mut d,
        &mut n,
        "textesReponse",
        "texteReponse",
        ErratumOf::Answer,
    );
    closure(&mut d, &mut n);
    if let Some((mut s, _)) = n.take("signalement") {
        d.q.flagged_on = d.date(s.take("dateDepotSignal"), "signalement.dateDepotSignal");
        d.leftovers(s, "signalement", UNKNOWN, bookkeeping);
    }
    renewals(&mut d, &mut n);
    if let Some(text) = d.q.question_text.as_deref() {
        if let Some((civility, name)) = opening_name(text) {
            d.author.civility = Some(civility.to_owned());
            d.author.name = Some(name);
        }
    }
    d.leftovers(n, "", UNKNOWN, bookkeeping);
    d
}

/// `identifiant.numero`, `identifiant.legislature`.
fn identifiant(d: &mut Draft, n: &mut Node) {
    let Some((mut id, _)) = n.take("identifiant") else {
        return;
    };
    if let Some((v, at)) = id.take("numero") {
        if let Some(t) = v.text() {
            match t.parse::<u64>() {
                Ok(num) => (d.number, d.number_at) = (Some(num), at),
                Err(_) => d.unreadable(at, "identifiant.numero", t, "the number"),
            }
        }
    }
    if let Some((v, at)) = id.take("legislature") {
        if let Some(t) = v.text() {
            match t.parse::<u32>() {
                Ok(l) => d.q.legislature = Some(l),
                Err(_) => d.unreadable(at, "identifiant.legislature", t, "the legislature"),
            }
        }
    }
    d.leftovers(id, "identifiant", UNKNOWN, bookkeeping);
}

/// `indexationAN`: rubric, analysis heading, analyses.
fn indexation(d: &mut Draft, n: &mut Node) {
    let Some((mut ix, _)) = n.take("indexationAN") else {
        return;
    };
    d.q.rubric = text_at(&mut ix, "rubrique");
    d.q.analysis_heading = text_at(&mut ix, "teteAnalyse");
    if let Some((mut a, _)) = ix.take("analyses") {
        let items = match a.take("analyse") {
            Some((items, _)) => items.items(),
            None => Vec::new(),
        };
        d.q.analysis = analysis(items.iter().filter_map(Node::text));
        d.leftovers(a, "indexationAN.analyses", UNKNOWN, bookkeeping);
    }
    d.leftovers(ix, "indexationAN", UNKNOWN, bookkeeping);
}

/// Analysis items joined by `. `, ending with `.` (as the pages print them).
pub(crate) fn analysis<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for item in items {
        let item = words(item);
        let item = item.trim_end_matches('.');
        if item.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(". ");
        }
        out.push_str(item);
    }
    (!out.is_empty()).then(|| out + ".")
}

/// `minAttribs.minAttrib`: the last one's short name answers; each after the first is a
/// change of attribution on its `infoJO.dateJO`.
fn attributions(d: &mut Draft, n: &mut Node) {
    let Some((mut m, _)) = n.take("minAttribs") else {
        return;
    };
    let items = m
        .take("minAttrib")
        .map(|(v, _)| v.items())
        .unwrap_or_default();
    for (i, mut item) in items.into_iter().enumerate() {
        if let Some(name) = twin(&mut item, "denomination", "abrege", "developpe") {
            d.q.ministry_answering = Some(name);
        }
        if i > 0 {
            if let Some(date) = d.date(
                item.take_path("infoJO.dateJO"),
                "minAttribs.minAttrib.infoJO.dateJO",
            ) {
                d.q.reassigned_on.push(date);
            }
        }
        d.leftovers(item, "minAttribs.minAttrib", UNKNOWN, bookkeeping);
    }
    d.leftovers(m, "minAttribs", UNKNOWN, bookkeeping);
}

/// `textesQuestion.texteQuestion` or `textesReponse.texteReponse`: the first one's text and
/// publication, every one's errata.
fn texts(d: &mut Draft, n: &mut Node, outer: &str, inner: &str, of: ErratumOf) {
    let Some((mut t, _)) = n.take(outer) else {
        return;
    };
    let path = format!("{outer}.{inner}");
    let items = t.take(inner).map(|(v, _)| v.items()).unwrap_or_default();
    for (i, mut item) in items.into_iter().enumerate() {
        if i == 0 {
            let published = jo(d, &mut item, &format!("{path}.infoJO"));
            let text = item
                .take("texte")
                .and_then(|(v, _)| v.text().and_then(html_text));
            match of {
                ErratumOf::Question => {
                    (d.q.question_published, d.q.question_text) = (published, text)
                }
                ErratumOf::Answer => (d.q.answer_published, d.q.answer_text) = (published, text),
            }
        }
        if let Some((errata, _)) = item.take("erratum") {
            for e in errata.items() {
                erratum(d, e, of, &format!("{path}.erratum"));
            }
        }
        d.leftovers(item, &path, UNKNOWN, bookkeeping);
    }
    d.leftovers(t, outer, UNKNOWN, bookkeeping);
}

/// An `infoJO`'s `{dateJO, pageJO}`.
fn jo(d: &mut Draft, item: &mut Node, path: &str) -> Option<JoRef> {
    let (mut info, _) = item.take("infoJO")?;
    let date = d.date(info.take("dateJO"), &format!("{path}.dateJO"))?;
    let page = match info.take("pageJO") {
        Some((p, at)) => match p.text() {
            Some(t) => {
                let read = page(t);
                if read.is_none() {
                    let t = t.to_owned();
                    d.unreadable(at, &format!("{path}.pageJO"), &t, "the page");
                }
                read
            }
            None => None,
        },
        None => None,
    };
    Some(JoRef { date, page })
}

/// An `erratum`: the date and page it states (its own or its `infoJO`'s).
fn erratum(d: &mut Draft, mut e: Node, of: ErratumOf, path: &str) {
    let date_node = e
        .take_path("infoJO.dateJO")
        .or_else(|| e.take("dateJO"))
        .or_else(|| e.take("dateErratum"));
    let page_node = e.take_path("infoJO.pageJO").or_else(|| e.take("pageJO"));
    if let Some(date) = d.date(date_node, &format!("{path}.dateJO")) {
        let page = page_node.and_then(|(p, _)| p.text().and_then(page));
        d.q.errata.push(crate::Erratum { of, date, page });
    }
    d.leftovers(e, path, UNKNOWN, bookkeeping);
}

/// `cloture`: a closure that is not an answer (`codeCloture` other than `REP_PUB`).
fn closure(d: &mut Draft, n: &mut Node) {
    let Some((mut c, _)) = n.take("cloture") else {
        return;
    };
    let code = c
        .take("codeCloture")
        .and_then(|(v, _)| v.text().map(str::to_owned));
    if code.as_deref() == Some("REP_PUB") {
        // An answer closes a question without withdrawing it: the block repeats the answer.
        return;
    }
    let date = d.date(c.take("dateCloture"), "cloture.dateCloture");
    let reason = text_at(&mut c, "libelleCloture")
        .map(|r| super::text::reason(&r))
        .filter(|r| !r.is_empty());
    if date.is_some() || reason.is_some() || code.is_some() {
        d.q.closed = Some(crate::Closed { date, reason });
    }
    d.leftovers(c, "cloture", UNKNOWN, bookkeeping);
}

/// `renouvellements`: the date of each element, in order.
fn renewals(d: &mut Draft, n: &mut Node) {
    let Some((r, _)) = n.take("renouvellements") else {
        return;
    };
    let items = match r {
        Node::Map(_) if r.get("renouvellement").is_some() => {
            let mut r = r;
            r.take("renouvellement")
                .map(|(v, _)| v.items())
                .unwrap_or_default()
        }
        other => other.items(),
    };
    for item in items {
        renewal(d, item);
    }
}

/// One renewal: a date, or an object whose first `date…` value is its date.
fn renewal(d: &mut Draft, mut item: Node) {
    let path = "renouvellements.renouvellement";
    if let Node::Text(_) = item {
        if let Some(date) = d.date(Some((item, UNKNOWN)), path) {
            d.q.renewed_on.push(date);
        }
        return;
    }
    let key = first_date_key(&item);
    if let Some(key) = key {
        if let Some(date) = d.date(item.take_path(&key), &format!("{path}.{key}")) {
            d.q.renewed_on.push(date);
        }
    }
    d.leftovers(item, path, UNKNOWN, bookkeeping);
}

/// The path of the first key named `date…` of an object or of its `infoJO`.
fn first_date_key(n: &Node) -> Option<String> {
    let Node::Map(entries) = n else { return None };
    if let Some(e) = entries
        .iter()
        .find(|e| e.key.starts_with("date") && e.value.text().is_some())
    {
        return Some(e.key.clone());
    }
    n.get("infoJO")
        .and_then(first_date_key)
        .map(|k| format!("infoJO.{k}"))
}

/// The text at a dotted path, taken out of the tree, folded.
pub(crate) fn text_at(n: &mut Node, path: &str) -> Option<String> {
    let (v, _) = n.take_path(path)?;
    v.text().map(words)
}

/// `read` of the object at `under` (`""`: `n` itself); its twin `other` is dropped when `read`
/// gives a value (the short and long names of one thing).
fn twin(n: &mut Node, under: &str, read: &str, other: &str) -> Option<String> {
    let obj = if under.is_empty() {
        Some(n)
    } else {
        n.get_mut(under)
    }?;
    let value = text_at(obj, read);
    if value.is_some() {
        obj.take(other);
    }
    value
}
