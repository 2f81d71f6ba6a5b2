//! Many documents at once: [`Parser::parse_batch`] and [`Parser::parse_stream`].

use crate::model::{Article, Date, Lang};
use crate::parser::{Meta, Parser};

/// One document to parse: its text and the caller's metadata.
///
/// ```
/// use policy_news::Document;
/// let doc = Document::new("Title\nBody.").with_id("a.txt");
/// assert_eq!(doc.id.as_deref(), Some("a.txt"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The caller's name for it.
    pub id: Option<String>,
    /// The article text.
    pub text: String,
    /// The archive's publication date.
    pub published: Option<Date>,
    /// The language, when known.
    pub lang: Option<Lang>,
}

impl Document {
    /// A document with no metadata.
    pub fn new(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            ..Document::default()
        }
    }
    /// Sets the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Document {
        self.id = Some(id.into());
        self
    }
    /// Sets the publication date.
    pub fn with_published(mut self, date: Date) -> Document {
        self.published = Some(date);
        self
    }
    /// Sets the language.
    pub fn with_lang(mut self, lang: Lang) -> Document {
        self.lang = Some(lang);
        self
    }
    /// The metadata part.
    pub fn meta(&self) -> Meta {
        Meta {
            id: self.id.clone(),
            published: self.published,
            lang: self.lang,
        }
    }
}

impl Parser {
    /// Parses one [`Document`].
    pub fn parse_document(&self, doc: &Document) -> Article {
        self.parse_with(&doc.text, &doc.meta())
    }

    /// Parses many documents, in parallel when the `parallel` feature is on; the
    /// results are in input order, one per document.
    ///
    /// ```
    /// use policy_news::{Document, Parser};
    /// let docs = vec![Document::new("A\nLi Qiang chaired a meeting."), Document::new("B\n会议强调。")];
    /// let out = Parser::new().parse_batch(&docs);
    /// assert_eq!(out.len(), 2);
    /// ```
    pub fn parse_batch(&self, docs: &[Document]) -> Vec<Article> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            docs.par_iter().map(|d| self.parse_document(d)).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            docs.iter().map(|d| self.parse_document(d)).collect()
        }
    }

    /// Parses a stream of documents that need not fit in memory: `chunk` documents at
    /// a time are parsed in parallel, and the results come out in input order. Memory
    /// is bounded by the chunk, not the stream.
    ///
    /// ```
    /// use policy_news::{Document, Parser};
    /// let docs = (0..10).map(|i| Document::new(format!("T{i}\nBody {i}.")));
    /// let parser = Parser::new();
    /// let ids: Vec<_> = parser.parse_stream(docs, 4).map(|a| a.title.unwrap().text).collect();
    /// assert_eq!(ids[9], "T9");
    /// ```
    pub fn parse_stream<'p, I>(
        &'p self,
        docs: I,
        chunk: usize,
    ) -> impl Iterator<Item = Article> + 'p
    where
        I: IntoIterator<Item = Document>,
        I::IntoIter: 'p,
    {
        let chunk = chunk.max(1);
        let mut it = docs.into_iter();
        let mut ready: std::collections::VecDeque<Article> = std::collections::VecDeque::new();
        std::iter::from_fn(move || {
            if ready.is_empty() {
                let buf: Vec<Document> = it.by_ref().take(chunk).collect();
                if buf.is_empty() {
                    return None;
                }
                ready.extend(self.parse_batch(&buf));
            }
            ready.pop_front()
        })
    }
}
