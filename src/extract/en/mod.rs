//! English extraction: names, titles, roles, events and statements.

use super::dates;
use super::people::People;
use super::Ctx;
use crate::model::Article;

/// Compiled English rules.
pub(crate) struct Rules {}

impl Rules {
    pub(crate) fn new() -> Rules {
        Rules {}
    }
}

/// Fills events, people and statements of an English article.
pub(crate) fn run(
    _rules: &Rules,
    _dates: &dates::Rules,
    _ctx: &Ctx<'_>,
    _people: &mut People,
    _article: &mut Article,
) {
}
