//! Chinese extraction: names, titles, roles, events and statements.
//!
//! Chinese person names are two to four characters with no spaces between words;
//! they are found from the structure around them (a title before the name, a role
//! verb after it, a list joined by `、`), never from a dictionary of people.

use super::dates;
use super::people::People;
use super::Ctx;
use crate::model::Article;

/// Compiled Chinese rules.
pub(crate) struct Rules {}

impl Rules {
    pub(crate) fn new() -> Rules {
        Rules {}
    }
}

/// Fills events, people and statements of a Chinese article.
pub(crate) fn run(
    _rules: &Rules,
    _dates: &dates::Rules,
    _ctx: &Ctx<'_>,
    _people: &mut People,
    _article: &mut Article,
) {
}
