//! English extraction: names, titles, roles, events and statements.
//!
//! [`names`] finds the people and their titles sentence by sentence and registers
//! them; [`events`] reads the events and the roles the named people play in them,
//! and the reported statements. Word lists live in [`lexicon`].

pub(crate) mod events;
pub(crate) mod lexicon;
pub(crate) mod names;

use super::dates;
use super::people::People;
use super::Ctx;
use crate::model::Article;

/// Compiled English rules.
pub(crate) struct Rules {
    lex: names::Lex,
    events: events::Rules,
}

impl Rules {
    pub(crate) fn new() -> Rules {
        Rules {
            lex: names::Lex::new(),
            events: events::Rules::new(),
        }
    }
}

/// Fills events, people, organizations and statements of an English article.
pub(crate) fn run(
    rules: &Rules,
    dates: &dates::Rules,
    ctx: &Ctx<'_>,
    people: &mut People,
    article: &mut Article,
) {
    let mentions = names::find(&rules.lex, ctx, people);
    let (events, statements) = events::find(
        &rules.events,
        &rules.lex,
        dates,
        ctx,
        &mentions,
        people,
        article.dateline.as_ref(),
    );
    for e in &events {
        for o in &e.organizers {
            if !article.organizations.iter().any(|x| x.text == o.text) {
                article.organizations.push(o.clone());
            }
        }
    }
    article.events = events;
    article.statements = statements;
}
