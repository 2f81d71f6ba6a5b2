//! # policy-news
//!
//! Turns policy-speech news — official reports of meetings, speeches, inspections
//! and talks, in English translation or in Chinese — into structured data: the
//! headline, the publication date and dateline, the events (kind, date with its year
//! anchored, time of day, location, organizers, chairs, speakers, attendees), the
//! people with their titles and roles, reported statements, ordinal lists, quoted
//! formulations, and the page junk it set aside. Every value carries the byte
//! [`Span`] it came from.
//!
//! ## Usage
//!
//! ```
//! use policy_news::{EventKind, Parser};
//!
//! let text = "Bureau holds a discussion meeting\n\n\
//!     On the afternoon of October 13, the bureau held a discussion meeting on \
//!     district work. Director Zhang Wei chaired the meeting. Zhang Wei \
//!     emphasized several requirements, firstly, unite the members. Secondly, \
//!     serve the public.\n";
//! let parser = Parser::new();
//! let article = parser.parse(text);
//!
//! let event = &article.events[0];
//! assert_eq!(event.kind, EventKind::Symposium);
//! assert_eq!(event.date.as_ref().unwrap().value.to_string(), "XXXX-10-13");
//! assert_eq!(event.chairs[0].name, "Zhang Wei");
//! assert_eq!(article.enumerations[0].items.len(), 2);
//! // Every value points back at the input.
//! let span = event.chairs[0].span;
//! assert_eq!(&text[span.range()], "Zhang Wei");
//! ```
//!
//! Caller metadata (an id, the archive's publication date) goes through
//! [`Parser::parse_with`] and [`Meta`]; many documents at once through
//! [`Parser::parse_batch`] (parallel, in input order) or [`Parser::parse_stream`]
//! (bounded memory).
//!
//! ## The model
//!
//! [`Article`] and the types it holds are plain data that serde writes as the JSON
//! contract of the project's `MODEL.md`: spans are `[start, end]` byte pairs, dates
//! are ISO strings (`"XXXX-10-13"` when no anchor fixes the year,
//! `"2020-11-12/2020-11-14"` for ranges), closed sets are snake_case strings.
//!
//! ## Spans
//!
//! A [`Span`] is a half-open byte range into the exact input string, always on UTF-8
//! character boundaries, so `&input[span.range()]` is the text a value came from. A
//! normalised value (a date, a name with its whitespace folded) still points at the
//! text it was read from.
//!
//! ## Errors and absence
//!
//! Parsing never fails and never panics: what the article does not say is `None` or
//! empty, never a guess. [`Error`] is only for configuration (an invalid reference
//! date), reading and decoding documents, and I/O.
//!
//! ## Untrusted input
//!
//! Any `&str` is accepted. Every pattern is a `regex` automaton (linear time, no
//! backtracking), quotes and lists look at bounded windows, and the work per article
//! grows linearly with its length.
//!
//! ## Crate features
//!
//! - `parallel` (default): [`Parser::parse_batch`] and [`Parser::parse_stream`] use
//!   rayon.
//! - `encoding`: [`read::decode`], [`Document::from_bytes`] and
//!   [`read::read_text_file`] turn bytes (UTF-8, UTF-16 with a byte-order mark,
//!   GB18030/GBK) into documents, or into an [`Error`] with the id and byte position.
//! - `jsonl`: [`read::Records`] reads a JSON-lines archive lazily, one
//!   `Result<Document, Error>` per record, for [`Parser::parse_stream_map`].
//! - `cli`: the `policy-news` command (enables `parallel`, `encoding` and `jsonl`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
// The crate docs link to the `read` items of features `encoding` and `jsonl`;
// without them those links have nothing to point at.
#![cfg_attr(
    not(all(feature = "encoding", feature = "jsonl")),
    allow(rustdoc::broken_intra_doc_links)
)]

mod batch;
mod clean;
mod error;
mod extract;
mod model;
mod parser;
#[cfg(any(feature = "encoding", feature = "jsonl"))]
pub mod read;
mod text;

pub use batch::{Document, IntoDocument};
pub use error::{Error, ErrorKind};
pub use model::{
    Article, Attendee, AttendeeKind, Boilerplate, BoilerplateKind, Date, DateValue, Dateline,
    EnumStyle, Enumeration, Event, EventDate, EventKind, Item, Lang, PartialDate, Person,
    PersonRef, QuotedTerm, Role, Span, Statement, Text, TimeOfDay, YearSource,
};
pub use parser::{detect_lang, Meta, Parser, ParserBuilder};

/// Parses one article with a default [`Parser`].
///
/// Convenient for one-off use; build a [`Parser`] once when parsing many.
///
/// ```
/// let article = policy_news::parse("Title\n\nXi Jinping delivered a speech on Monday.");
/// assert_eq!(article.title.unwrap().text, "Title");
/// ```
pub fn parse(text: &str) -> Article {
    static PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();
    PARSER.get_or_init(Parser::new).parse(text)
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
