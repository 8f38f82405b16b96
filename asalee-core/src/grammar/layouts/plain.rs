//! `plain`: a bare text copy (from a PDF, hard-wrapped): a title line, `Question écrite n° 9521`,
//! `Texte de la question`, and the body. A paragraph is a run of non-blank lines, its lines
//! joined with a space. Every document no other layout recognises is read as one.

use super::{Evidence, Rules};
use crate::grammar::paragraphs::{self, Paras, Wrapping};
use crate::{Chamber, Layout};

/// The plain layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plain;

impl Rules for Plain {
    fn layout(&self) -> Layout {
        Layout::Plain
    }

    fn recognises(&self, _doc: &Evidence<'_>) -> bool {
        true
    }

    fn chamber(&self) -> Option<Chamber> {
        None
    }

    fn title_before_anchor(&self) -> bool {
        true
    }

    fn join(&self, paras: &Paras<'_>, _wrapping: Wrapping) -> Option<String> {
        paragraphs::join_runs(paras)
    }
}
