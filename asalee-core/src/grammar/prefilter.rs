//! One prefilter for every list of phrases the grammar looks for at the start of a text (the
//! labels, the sites' chrome, the kinds written out): what rejects most texts before any phrase
//! is matched. Its fast path, [`Phrases::find`], is fenced off here with its readable version
//! beside it, `Phrases::find_readable` (each phrase matched in turn); a test compares them.
//!
//! A text is rejected when its first two letters (ASCII, any case) begin no phrase, a bit table
//! per first letter; otherwise its head (first word, folded, and the character after it, see
//! [`Head`]) is compared with the heads of the phrases that start with its first letter, in list
//! order, and only a phrase whose head agrees is matched, from after that first word.

#[cfg(test)]
use super::text::match_folded;
use super::text::{fold, Head};

/// A list of phrases and its prefilter.
#[derive(Debug)]
pub(crate) struct Phrases {
    texts: Vec<&'static str>,
    /// For each first letter `a` to `z`, the second letters (bits) that follow it, folded.
    pairs: [u32; 26],
    /// The phrases by the first byte of their head (`a` to `z`, then every other), in list
    /// order, each with its index and head.
    buckets: [Vec<(usize, Head)>; 27],
}

impl Phrases {
    /// The prefilter of `texts`; a phrase without a head (a first word of more than 16 bytes)
    /// is never found.
    pub(crate) fn new(texts: &[&'static str]) -> Phrases {
        let mut pairs = [0u32; 26];
        let mut buckets: [Vec<(usize, Head)>; 27] = Default::default();
        for (k, text) in texts.iter().enumerate() {
            let mut letters = text.chars().map(fold);
            if let (Some(a @ 'a'..='z'), Some(b @ 'a'..='z')) = (letters.next(), letters.next()) {
                pairs[a as usize - 'a' as usize] |= 1 << (b as u32 - 'a' as u32);
            }
            if let Some(head) = Head::of(text) {
                buckets[bucket_of(&head)].push((k, head));
            }
        }
        Phrases {
            texts: texts.to_vec(),
            pairs,
            buckets,
        }
    }

    /// Whether `t` may start with a phrase, as far as its first two letters tell (when both
    /// are ASCII letters; anything else is not rejected here).
    pub(crate) fn may_start(&self, t: &str) -> bool {
        match t.as_bytes() {
            [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let pairs = self.pairs[usize::from(a.to_ascii_lowercase() - b'a')];
                pairs & 1 << (b.to_ascii_lowercase() - b'a') != 0
            }
            _ => true,
        }
    }

    /// The phrases whose head agrees with `head` (a text's), in list order: their index and
    /// head.
    pub(crate) fn candidates(&self, head: Head) -> impl Iterator<Item = (usize, &Head)> + '_ {
        self.buckets[bucket_of(&head)]
            .iter()
            .filter(move |(_, h)| head.may_match(h))
            .map(|(k, h)| (*k, h))
    }

    /// The first phrase (in list order) that `t` starts with, folded as [`super::text::match_folded`]
    /// folds: its index and the length it covers in `t`.
    pub(crate) fn find(&self, t: &str) -> Option<(usize, usize)> {
        if !self.may_start(t) {
            return None;
        }
        let head = Head::of(t)?;
        self.candidates(head)
            .find_map(|(k, h)| head.match_rest(t, self.texts[k], h).map(|len| (k, len)))
    }

    /// Whether `t` is a phrase, whole (some phrase covers all of it).
    pub(crate) fn is_whole(&self, t: &str) -> bool {
        self.may_start(t)
            && Head::of(t).is_some_and(|head| {
                self.candidates(head)
                    .any(|(k, h)| head.match_rest(t, self.texts[k], h) == Some(t.len()))
            })
    }

    /// [`Phrases::is_whole`], readable.
    #[cfg(test)]
    pub(crate) fn is_whole_readable(&self, t: &str) -> bool {
        self.texts
            .iter()
            .filter(|p| Head::of(p).is_some())
            .any(|p| match_folded(t, p) == Some(t.len()))
    }

    /// [`Phrases::find`], readable: each phrase matched in turn.
    #[cfg(test)]
    pub(crate) fn find_readable(&self, t: &str) -> Option<(usize, usize)> {
        self.texts
            .iter()
            .enumerate()
            .filter(|(_, p)| Head::of(p).is_some())
            .find_map(|(k, p)| match_folded(t, p).map(|len| (k, len)))
    }
}

/// The bucket of a head: its first byte's letter, or 26.
fn bucket_of(head: &Head) -> usize {
    match head.first() {
        c @ b'a'..=b'z' => usize::from(c - b'a'),
        _ => 26,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_agrees_with_matching_every_phrase() {
        let phrases = Phrases::new(&[
            "Question orale sans débat",
            "Question orale",
            "Date de la séance",
            "Date",
            "Échéance du délai",
            "9e circonscription",
            "Imprimer",
            "Imprimer cette page",
        ]);
        for t in [
            "Question orale sans débat n° 3",
            "QUESTION ORALE n° 3",
            "question orale avec débat",
            "Questions",
            "Date de la séance : 3 mai",
            "date : 3 mai",
            "Dates",
            "ECHEANCE DU DELAI",
            "échéance du délai",
            "9E circonscription",
            "Imprimer cette page",
            "Imprime",
            "",
            "Q",
            "« Question orale »",
            "Questionorale",
        ] {
            assert_eq!(phrases.find(t), phrases.find_readable(t), "{t:?}");
            assert_eq!(phrases.is_whole(t), phrases.is_whole_readable(t), "{t:?}");
        }
        assert_eq!(phrases.find("Question orale n° 3"), Some((1, 14)));
        assert!(!phrases.may_start("Rubrique"));
        assert!(phrases.is_whole("Imprimer cette page") && !phrases.is_whole("Imprimer cette"));
    }
}
