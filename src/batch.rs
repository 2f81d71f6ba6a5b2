//! Many documents at once: [`Parser::parse_batch`] and [`Parser::parse_stream`].

use crate::error::Error;
use crate::model::{Article, Date, Lang};
use crate::parser::{Meta, Parser};
#[cfg(feature = "parallel")]
use std::collections::VecDeque;
#[cfg(feature = "parallel")]
use std::sync::mpsc;
use std::sync::Arc;

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
    /// a time (fewer when they hold more than 8 MB of text) are parsed in parallel,
    /// and the results come out in input order. Memory is bounded by a few chunks,
    /// not the stream.
    ///
    /// With the `parallel` feature, two chunks are in flight on the rayon pool while
    /// the calling thread pulls the next chunk from `docs` and the caller consumes the
    /// results, so reading overlaps with parsing. The work runs on rayon's global pool
    /// (size it with `rayon::ThreadPoolBuilder::build_global`); called from inside a
    /// pool (`ThreadPool::install`), each chunk is parsed in parallel on that pool
    /// as it is read, without the overlap.
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
        Stream::new(
            self.clone(),
            docs.into_iter(),
            chunk,
            Arc::new(|p: &Parser, d: Document| p.parse_document(&d)),
        )
    }

    /// Like [`parse_stream`](Parser::parse_stream), over documents that may have
    /// failed to read or are not decoded yet ([`IntoDocument`]), with a function
    /// applied to each result on the worker threads.
    ///
    /// Every input item gives exactly one output, in input order: the item becomes
    /// a document on a worker thread (decoding a JSON record there, say) and is
    /// parsed, and `f` gets `Ok(article)`; an error from reading or decoding (see
    /// the `read` module) goes to `f` unchanged as `Err`. Should the parser panic on a document
    /// (a bug), `f` gets an [`ErrorKind::Internal`](crate::ErrorKind::Internal) error
    /// for it and the stream goes on. Doing the per-article work in `f` (for
    /// example serialising it) keeps it in parallel too.
    ///
    /// ```
    /// use policy_news::{Document, Error, Parser};
    /// let docs = vec![
    ///     Ok(Document::new("A\nLi Qiang chaired a meeting.").with_id("a")),
    ///     Err(Error::record("no \"text\" field").with_id("b").with_line(2)),
    ///     Ok(Document::new("C\n会议强调，要坚持。").with_id("c")),
    /// ];
    /// let parser = Parser::new();
    /// let out: Vec<String> = parser
    ///     .parse_stream_map(docs, 2, |r| match r {
    ///         Ok(article) => format!("ok {}", article.id.unwrap()),
    ///         Err(e) => format!("{} {}", e.kind().as_str(), e.id().unwrap()),
    ///     })
    ///     .collect();
    /// assert_eq!(out, ["ok a", "record b", "ok c"]);
    /// ```
    pub fn parse_stream_map<'p, I, T, F>(
        &'p self,
        docs: I,
        chunk: usize,
        f: F,
    ) -> impl Iterator<Item = T> + 'p
    where
        I: IntoIterator,
        I::Item: IntoDocument,
        I::IntoIter: 'p,
        T: Send + 'static,
        F: Fn(Result<Article, Error>) -> T + Send + Sync + 'static,
    {
        Stream::new(
            self.clone(),
            docs.into_iter(),
            chunk,
            Arc::new(move |p: &Parser, d: I::Item| {
                f(d.into_document().and_then(|d| parse_guarded(p, &d)))
            }),
        )
    }
}

/// Parses one document; a panic in the parser (a bug) becomes an
/// [`ErrorKind::Internal`](crate::ErrorKind::Internal) error for this document
/// instead of ending the whole stream.
fn parse_guarded(parser: &Parser, doc: &Document) -> Result<Article, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse_document(doc))).map_err(
        |panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let e = Error::internal(format!("the parser panicked on this document: {what}"));
            match &doc.id {
                Some(id) => e.with_id(id.clone()),
                None => e,
            }
        },
    )
}

/// Work applied to each input item on a worker thread.
type Work<In, T> = Arc<dyn Fn(&Parser, In) -> T + Send + Sync>;

/// A chunk also ends once its documents hold this many bytes of text, so a stream
/// of very long documents stays within memory too.
#[cfg(feature = "parallel")]
const CHUNK_BYTES: usize = 8 << 20;

/// An item of a document stream that becomes a [`Document`] on the worker thread
/// that parses it: a document, a document that failed to read, or input not yet
/// decoded (a JSON-lines record from [`read::Records::raw`](crate::read::Records::raw)).
/// Decoding on the workers keeps it in parallel with parsing.
///
/// Implement it for your own lazily read items (say, a compressed file's bytes)
/// to give [`Parser::parse_stream_map`] their decoding too:
///
/// ```
/// use policy_news::{Document, Error, IntoDocument, Parser};
///
/// /// A page as fetched: bytes, decoded on the worker that parses it.
/// struct Page(String, Vec<u8>);
///
/// impl IntoDocument for Page {
///     fn weight(&self) -> usize {
///         self.1.len()
///     }
///     fn into_document(self) -> Result<Document, Error> {
///         match String::from_utf8(self.1) {
///             Ok(text) => Ok(Document::new(text).with_id(self.0)),
///             Err(_) => Err(Error::record("not UTF-8").with_id(self.0)),
///         }
///     }
/// }
///
/// let pages = vec![
///     Page("a".into(), b"Forum held\nLi Qiang chaired the forum.".to_vec()),
///     Page("b".into(), b"\xFF".to_vec()),
/// ];
/// let parser = Parser::new();
/// let out: Vec<String> = parser
///     .parse_stream_map(pages, 8, |r| match r {
///         Ok(article) => article.title.map(|t| t.text).unwrap_or_default(),
///         Err(e) => format!("error in {}", e.id().unwrap_or("?")),
///     })
///     .collect();
/// assert_eq!(out, ["Forum held", "error in b"]);
/// ```
pub trait IntoDocument: Send + 'static {
    /// About how many bytes of text the item holds; a chunk of the stream also
    /// ends once its items hold 8 MB, so memory stays bounded with long documents.
    fn weight(&self) -> usize;

    /// The document, or why it could not be read.
    ///
    /// # Errors
    /// Whatever reading the item failed with; it is passed to the caller's function
    /// in place of an article.
    fn into_document(self) -> Result<Document, Error>;
}

impl IntoDocument for Document {
    fn weight(&self) -> usize {
        self.text.len()
    }

    fn into_document(self) -> Result<Document, Error> {
        Ok(self)
    }
}

impl IntoDocument for Result<Document, Error> {
    fn weight(&self) -> usize {
        self.as_ref().map_or(0, |d| d.text.len())
    }

    fn into_document(self) -> Result<Document, Error> {
        self
    }
}

#[cfg(feature = "jsonl")]
impl IntoDocument for crate::read::RawRecord {
    fn weight(&self) -> usize {
        self.as_bytes().len()
    }

    fn into_document(self) -> Result<Document, Error> {
        self.decode()
    }
}

#[cfg(feature = "jsonl")]
impl IntoDocument for Result<crate::read::RawRecord, Error> {
    fn weight(&self) -> usize {
        self.as_ref().map_or(0, IntoDocument::weight)
    }

    fn into_document(self) -> Result<Document, Error> {
        self.and_then(crate::read::RawRecord::decode)
    }
}

/// How many chunks are parsed at once while the caller reads the next one.
#[cfg(feature = "parallel")]
const IN_FLIGHT: usize = 2;

/// The iterator behind [`Parser::parse_stream`] and [`Parser::parse_stream_map`].
struct Stream<It, In, T> {
    parser: Parser,
    input: It,
    chunk: usize,
    work: Work<In, T>,
    #[cfg(feature = "parallel")]
    exhausted: bool,
    #[cfg(feature = "parallel")]
    max_bytes: usize,
    #[cfg(feature = "parallel")]
    in_flight: VecDeque<mpsc::Receiver<std::thread::Result<Vec<T>>>>,
    #[cfg(feature = "parallel")]
    ready: std::vec::IntoIter<T>,
}

impl<It, In, T> Stream<It, In, T>
where
    It: Iterator<Item = In>,
    In: IntoDocument,
    T: Send + 'static,
{
    fn new(parser: Parser, input: It, chunk: usize, work: Work<In, T>) -> Self {
        Stream {
            parser,
            input,
            chunk: chunk.max(1),
            work,
            #[cfg(feature = "parallel")]
            exhausted: false,
            #[cfg(feature = "parallel")]
            max_bytes: CHUNK_BYTES,
            #[cfg(feature = "parallel")]
            in_flight: VecDeque::new(),
            #[cfg(feature = "parallel")]
            ready: Vec::new().into_iter(),
        }
    }

    /// Reads chunks and hands them to the pool until `IN_FLIGHT` are in flight.
    #[cfg(feature = "parallel")]
    fn fill(&mut self) {
        while !self.exhausted && self.in_flight.len() < IN_FLIGHT {
            let mut buf: Vec<In> = Vec::with_capacity(self.chunk.min(1024));
            let mut bytes = 0usize;
            while buf.len() < self.chunk && bytes < self.max_bytes {
                match self.input.next() {
                    Some(d) => {
                        bytes += d.weight();
                        buf.push(d);
                    }
                    None => {
                        self.exhausted = true;
                        break;
                    }
                }
            }
            if buf.is_empty() {
                break;
            }
            let (tx, rx) = mpsc::sync_channel(1);
            let parser = self.parser.clone();
            let work = Arc::clone(&self.work);
            let job = move || {
                use rayon::prelude::*;
                // A panic is handed to the caller's thread rather than aborting.
                let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    buf.into_par_iter()
                        .map(|d| work(&parser, d))
                        .collect::<Vec<T>>()
                }));
                // The receiver is gone when the caller stopped early; nothing to do.
                let _ = tx.send(out);
            };
            if rayon::current_thread_index().is_some() {
                // Called on a pool thread (inside `ThreadPool::install`): waiting there
                // for spawned work could starve the pool, so parse this chunk now.
                job();
            } else {
                rayon::spawn(job);
            }
            self.in_flight.push_back(rx);
        }
    }
}

impl<It, In, T> Iterator for Stream<It, In, T>
where
    It: Iterator<Item = In>,
    In: IntoDocument,
    T: Send + 'static,
{
    type Item = T;

    #[cfg(feature = "parallel")]
    fn next(&mut self) -> Option<T> {
        loop {
            if let Some(x) = self.ready.next() {
                return Some(x);
            }
            self.fill();
            let rx = self.in_flight.pop_front()?;
            match rx.recv() {
                Ok(Ok(out)) => self.ready = out.into_iter(),
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => panic!("a parse job ended without a result"),
            }
            // Keep the pool busy while the caller consumes this chunk.
            self.fill();
        }
    }

    #[cfg(not(feature = "parallel"))]
    fn next(&mut self) -> Option<T> {
        let _ = self.chunk;
        let d = self.input.next()?;
        Some((self.work)(&self.parser, d))
    }
}

impl<It, In, T> std::fmt::Debug for Stream<It, In, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("chunk", &self.chunk)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| {
                Document::new(format!("T{i}\nOn Monday, Li Qiang chaired meeting {i}."))
                    .with_id(i.to_string())
            })
            .collect()
    }

    #[test]
    fn stream_keeps_input_order_across_chunks() {
        let parser = Parser::new();
        let input = docs(120);
        let batch = parser.parse_batch(&input);
        for chunk in [1, 7, 1000] {
            let streamed: Vec<Article> = parser.parse_stream(input.clone(), chunk).collect();
            assert_eq!(streamed, batch, "chunk {chunk}");
        }
    }

    #[test]
    fn stream_map_passes_errors_through_in_order() {
        let parser = Parser::new();
        let input: Vec<Result<Document, Error>> = docs(100)
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                if i % 7 == 3 {
                    Err(Error::record("bad").with_id(format!("e{i}")))
                } else {
                    Ok(d)
                }
            })
            .collect();
        let out: Vec<String> = parser
            .parse_stream_map(input, 16, |r| match r {
                Ok(a) => a.id.unwrap(),
                Err(e) => e.id().unwrap().to_string(),
            })
            .collect();
        assert_eq!(out.len(), 100);
        for (i, id) in out.iter().enumerate() {
            let want = if i % 7 == 3 {
                format!("e{i}")
            } else {
                i.to_string()
            };
            assert_eq!(id, &want);
        }
    }

    #[cfg(feature = "parallel")]
    #[test]
    fn big_documents_end_chunks_early() {
        let parser = Parser::new();
        let input: Vec<Document> = docs(10);
        let mut stream = Stream::new(
            parser,
            input.into_iter(),
            64,
            Arc::new(|p: &Parser, d: Document| p.parse_document(&d).id.unwrap()),
        );
        stream.max_bytes = 100; // two or three documents per chunk
        stream.fill();
        assert_eq!(stream.in_flight.len(), IN_FLIGHT);
        let ids: Vec<String> = stream.collect();
        let want: Vec<String> = (0..10).map(|i| i.to_string()).collect();
        assert_eq!(ids, want);
    }

    #[cfg(feature = "parallel")]
    #[test]
    fn inside_a_one_thread_pool() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let parser = Parser::new();
        let n = pool.install(|| parser.parse_stream(docs(50), 4).count());
        assert_eq!(n, 50);
    }

    #[test]
    fn early_drop_is_fine() {
        let parser = Parser::new();
        let mut it = parser.parse_stream(docs(200), 8);
        assert!(it.next().is_some());
        drop(it);
    }
}
