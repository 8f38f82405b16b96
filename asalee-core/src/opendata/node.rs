//! One question of the open data as a tree, the same for its JSON and its XML form: objects
//! (elements) keep their keys in document order, a key that repeats or a list is a
//! [`Node::List`], and null, an empty string and `xsi:nil` are all [`Node::Null`].

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Where a key is not known (JSON gives no positions): the question's start stands for it.
pub(crate) const UNKNOWN: usize = usize::MAX;

/// A value of the open data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// `null`, `""`, an empty element, `xsi:nil="true"`.
    Null,
    /// A string, number or boolean (as written), an element's text.
    Text(String),
    /// An object or element: its keys (`@name` for XML attributes) in document order.
    Map(Vec<Entry>),
    /// A list, or an element repeated.
    List(Vec<Node>),
}

/// A key of a [`Node::Map`] and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) key: String,
    /// The byte offset of the key in the whole input, or [`UNKNOWN`].
    pub(crate) at: usize,
    pub(crate) value: Node,
}

impl Node {
    /// Removes and returns the first value of `key` (of a map), with where it was.
    pub(crate) fn take(&mut self, key: &str) -> Option<(Node, usize)> {
        let Node::Map(entries) = self else {
            return None;
        };
        let i = entries.iter().position(|e| e.key == key)?;
        let e = entries.remove(i);
        Some((e.value, e.at))
    }

    /// Removes the value at a dotted path (`identite.acteurRef`).
    pub(crate) fn take_path(&mut self, path: &str) -> Option<(Node, usize)> {
        match path.split_once('.') {
            None => self.take(path),
            Some((head, rest)) => self.get_mut(head)?.take_path(rest),
        }
    }

    /// The first value of `key`, to change it in place.
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Map(entries) => entries
                .iter_mut()
                .find(|e| e.key == key)
                .map(|e| &mut e.value),
            _ => None,
        }
    }

    /// The first value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    /// The text of a value, trimmed; `None` when it is null or empty.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Node::Text(t) => Some(t.trim()).filter(|t| !t.is_empty()),
            _ => None,
        }
    }

    /// The items of a value that may be one object or a list of them (null gives none).
    pub(crate) fn items(self) -> Vec<Node> {
        match self {
            Node::Null => Vec::new(),
            Node::List(items) => items.into_iter().filter(|n| *n != Node::Null).collect(),
            other => vec![other],
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(text_or_null(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(text_or_null(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(n) = seq.next_element()? {
            items.push(n);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            entries.push(Entry {
                key,
                at: UNKNOWN,
                value,
            });
        }
        Ok(Node::Map(entries))
    }
}

/// An empty string reads as null.
pub(crate) fn text_or_null(s: String) -> Node {
    if s.is_empty() {
        Node::Null
    } else {
        Node::Text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_key_order_and_reads_empty_as_null() {
        let n: Node =
            serde_json::from_str(r#"{"b": 1, "a": "", "c": [null, {"d": true}]}"#).unwrap();
        let Node::Map(entries) = &n else { panic!() };
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(n.get("b").and_then(Node::text), Some("1"));
        assert_eq!(n.get("a"), Some(&Node::Null));
        let mut n = n;
        let (c, _) = n.take("c").unwrap();
        assert_eq!(c.items().len(), 1);
        assert!(n.get("c").is_none());
    }
}
