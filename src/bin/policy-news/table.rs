//! Rendering one result: a whole article as JSON, an error record, or the rows of
//! one flat table (CSV or JSON lines). Runs on the worker threads.
//!
//! Tables have stable column names; every row starts with the article `id`. Lists
//! inside a cell are joined with `"; "`; spans are `start` and `end` byte columns
//! (of the first mention, where there are several). Missing values are empty
//! cells in CSV and `null` in JSON.

use crate::Format;
use clap::ValueEnum;
use policy_news::{Article, Error, Span};
use serde::Serialize;

/// The flat tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// One row per document: headline, dates, counts, main event; or its error.
    Articles,
    /// One row per event.
    Events,
    /// One row per person.
    People,
    /// One row per attendee of an event.
    Attendees,
    /// One row per item of an ordinal list.
    Enumerations,
    /// One row per reported statement.
    Statements,
    /// One row per distinct quoted term.
    #[value(name = "quoted_terms", alias = "quoted-terms")]
    QuotedTerms,
}

impl Table {
    fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Articles => &[
                "id",
                "lang",
                "title",
                "published",
                "dateline_place",
                "dateline_date",
                "dateline_agency",
                "main_event_kind",
                "main_event_date",
                "main_event_location",
                "organizations",
                "n_events",
                "n_people",
                "n_statements",
                "n_enumerations",
                "n_quoted_terms",
                "n_boilerplate",
                "n_paragraphs",
                "error_kind",
                "error_message",
            ],
            Table::Events => &[
                "id",
                "event",
                "kind",
                "kind_text",
                "topic",
                "date",
                "time_of_day",
                "year_source",
                "location",
                "organizers",
                "chairs",
                "speakers",
                "attendees",
                "start",
                "end",
            ],
            Table::People => &[
                "id", "person", "name", "titles", "roles", "mentions", "start", "end",
            ],
            Table::Attendees => &[
                "id", "event", "attendee", "kind", "text", "name", "count", "members", "start",
                "end",
            ],
            Table::Enumerations => &[
                "id",
                "enumeration",
                "speaker",
                "intro",
                "style",
                "ordinal",
                "marker",
                "text",
                "start",
                "end",
            ],
            Table::Statements => &["id", "statement", "speaker", "verb", "text", "start", "end"],
            Table::QuotedTerms => &["id", "term", "text", "number", "count", "start", "end"],
        }
    }
}

/// One cell.
enum Cell {
    Null,
    Int(u64),
    Str(String),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Str(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Str(s)
    }
}
impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(n as u64)
    }
}
impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        Cell::Int(n)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Null, Into::into)
    }
}

/// The rendered output for one document.
pub struct Out {
    /// Bytes to write (whole lines).
    pub bytes: Vec<u8>,
    /// The error, for stderr, when the document failed.
    pub error: Option<String>,
}

/// The CSV header of a table.
pub fn csv_header(table: Table) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(table.columns());
    w.into_inner().unwrap_or_default()
}

/// Renders one result.
pub fn render(result: Result<Article, Error>, format: Format, table: Option<Table>) -> Out {
    let error = result.as_ref().err().map(|e| e.to_string());
    let rows = match (&result, table) {
        (Ok(a), None) => {
            let mut bytes = serde_json::to_vec(a).unwrap_or_default();
            bytes.push(b'\n');
            return Out { bytes, error };
        }
        (Err(e), None) => return error_line(e),
        (Err(e), Some(t)) if format == Format::Jsonl || t != Table::Articles => {
            // CSV tables other than `articles` have no row for a failed document.
            return if format == Format::Jsonl {
                error_line(e)
            } else {
                Out {
                    bytes: Vec::new(),
                    error,
                }
            };
        }
        (Err(e), Some(_)) => vec![error_row(e)],
        (Ok(a), Some(t)) => rows(a, t),
    };
    let table = table.unwrap_or(Table::Articles);
    let bytes = match format {
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            for row in rows {
                let _ = w.write_record(row.iter().map(|c| match c {
                    Cell::Null => String::new(),
                    Cell::Int(n) => n.to_string(),
                    Cell::Str(s) => s.clone(),
                }));
            }
            w.into_inner().unwrap_or_default()
        }
        Format::Jsonl => {
            let mut bytes = Vec::new();
            for row in rows {
                let obj: serde_json::Map<String, serde_json::Value> = table
                    .columns()
                    .iter()
                    .zip(row)
                    .map(|(k, c)| {
                        let v = match c {
                            Cell::Null => serde_json::Value::Null,
                            Cell::Int(n) => n.into(),
                            Cell::Str(s) => s.into(),
                        };
                        (k.to_string(), v)
                    })
                    .collect();
                let _ = serde_json::to_writer(&mut bytes, &obj);
                bytes.push(b'\n');
            }
            bytes
        }
    };
    Out { bytes, error }
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: Option<&'a str>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<u64>,
}

/// `{"id": …, "error": {"kind", "message", "line"?, "position"?}}`.
fn error_line(e: &Error) -> Out {
    let record = ErrorRecord {
        id: e.id(),
        error: ErrorBody {
            kind: e.kind().as_str(),
            message: e.message(),
            line: e.line(),
            position: e.position(),
        },
    };
    let mut bytes = serde_json::to_vec(&record).unwrap_or_default();
    bytes.push(b'\n');
    Out {
        bytes,
        error: Some(e.to_string()),
    }
}

fn error_row(e: &Error) -> Vec<Cell> {
    let n = Table::Articles.columns().len();
    let mut row: Vec<Cell> = (0..n).map(|_| Cell::Null).collect();
    row[0] = e.id().into();
    row[n - 2] = e.kind().as_str().into();
    row[n - 1] = e.to_string().into();
    row
}

/// A closed-set value's JSON name (`symposium`, `afternoon`).
fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn join<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> Cell {
    let mut out = String::new();
    for s in items {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(s.as_ref());
    }
    Cell::Str(out)
}

fn span(s: Option<&Span>) -> [Cell; 2] {
    match s {
        Some(s) => [s.start.into(), s.end.into()],
        None => [Cell::Null, Cell::Null],
    }
}

fn rows(a: &Article, table: Table) -> Vec<Vec<Cell>> {
    let id = || Cell::from(a.id.as_deref());
    let mut out = Vec::new();
    match table {
        Table::Articles => {
            let main = a.events.first();
            let dl = a.dateline.as_ref();
            out.push(vec![
                id(),
                a.lang.code().into(),
                a.title.as_ref().map(|t| t.text.as_str()).into(),
                a.published.map(|d| d.to_string()).into(),
                dl.and_then(|d| d.place.as_ref())
                    .map(|t| t.text.as_str())
                    .into(),
                dl.and_then(|d| d.date).map(|d| d.to_string()).into(),
                dl.and_then(|d| d.agency.as_ref())
                    .map(|t| t.text.as_str())
                    .into(),
                main.map(|e| name(&e.kind)).into(),
                main.and_then(|e| e.date.as_ref())
                    .map(|d| d.value.to_string())
                    .into(),
                main.and_then(|e| e.location.as_ref())
                    .map(|t| t.text.as_str())
                    .into(),
                join(a.organizations.iter().map(|t| &t.text)),
                a.events.len().into(),
                a.people.len().into(),
                a.statements.len().into(),
                a.enumerations.len().into(),
                a.quoted_terms.len().into(),
                a.boilerplate.len().into(),
                a.paragraphs.len().into(),
                Cell::Null,
                Cell::Null,
            ]);
        }
        Table::Events => {
            for (i, e) in a.events.iter().enumerate() {
                let d = e.date.as_ref();
                let [start, end] = span(Some(&e.kind_text.span));
                out.push(vec![
                    id(),
                    (i + 1).into(),
                    name(&e.kind).into(),
                    e.kind_text.text.as_str().into(),
                    e.topic.as_ref().map(|t| t.text.as_str()).into(),
                    d.map(|d| d.value.to_string()).into(),
                    d.and_then(|d| d.time_of_day.as_ref()).map(name).into(),
                    d.map(|d| name(&d.year_source)).into(),
                    e.location.as_ref().map(|t| t.text.as_str()).into(),
                    join(e.organizers.iter().map(|t| &t.text)),
                    join(e.chairs.iter().map(|p| &p.name)),
                    join(e.speakers.iter().map(|p| &p.name)),
                    join(e.attendees.iter().map(|t| &t.text)),
                    start,
                    end,
                ]);
            }
        }
        Table::People => {
            for (i, p) in a.people.iter().enumerate() {
                let [start, end] = span(p.spans.first());
                out.push(vec![
                    id(),
                    (i + 1).into(),
                    p.name.as_str().into(),
                    join(&p.titles),
                    join(p.roles.iter().map(name)),
                    p.spans.len().into(),
                    start,
                    end,
                ]);
            }
        }
        Table::Attendees => {
            for (i, e) in a.events.iter().enumerate() {
                for (j, t) in e.attendees.iter().enumerate() {
                    let [start, end] = span(Some(&t.span));
                    out.push(vec![
                        id(),
                        (i + 1).into(),
                        (j + 1).into(),
                        name(&t.kind).into(),
                        t.text.as_str().into(),
                        t.name.as_deref().into(),
                        t.count.into(),
                        join(t.members.iter().map(|m| &m.text)),
                        start,
                        end,
                    ]);
                }
            }
        }
        Table::Enumerations => {
            for (i, e) in a.enumerations.iter().enumerate() {
                for item in &e.items {
                    let [start, end] = span(Some(&item.span));
                    out.push(vec![
                        id(),
                        (i + 1).into(),
                        e.speaker.as_deref().into(),
                        e.intro.as_ref().map(|t| t.text.as_str()).into(),
                        name(&e.style).into(),
                        u64::from(item.ordinal).into(),
                        item.marker.as_str().into(),
                        item.text.as_str().into(),
                        start,
                        end,
                    ]);
                }
            }
        }
        Table::Statements => {
            for (i, s) in a.statements.iter().enumerate() {
                let [start, end] = span(Some(&s.span));
                out.push(vec![
                    id(),
                    (i + 1).into(),
                    s.speaker.as_deref().into(),
                    s.verb.as_str().into(),
                    s.text.as_str().into(),
                    start,
                    end,
                ]);
            }
        }
        Table::QuotedTerms => {
            for (i, q) in a.quoted_terms.iter().enumerate() {
                let [start, end] = span(q.spans.first());
                out.push(vec![
                    id(),
                    (i + 1).into(),
                    q.text.as_str().into(),
                    q.number.into(),
                    u64::from(q.count).into(),
                    start,
                    end,
                ]);
            }
        }
    }
    out
}
