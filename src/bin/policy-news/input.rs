//! The command's inputs: paths, directories and standard input, expanded into a
//! lazy stream of [`Pending`] documents in input order. The reading thread only
//! reads bytes and splits lines; decoding (UTF-16, GBK, JSON) happens on the
//! worker threads, through [`IntoDocument`].

use policy_news::read::{RawRecord, Records};
use policy_news::{Date, Document, Error, IntoDocument};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Read buffer for JSON-lines files.
const BUF: usize = 1 << 16;

/// One input, before it is opened.
enum Source {
    /// One text document.
    Text(PathBuf),
    /// A JSON-lines archive.
    Jsonl(PathBuf),
    /// Standard input.
    Stdin,
    /// A file named on the command line that is neither `.txt` nor JSON lines by
    /// name: JSON lines if it starts with `{`, else one text document.
    Sniff(PathBuf),
    /// A path that could not be looked at: one failed document.
    Failed(Error),
}

type Docs = Box<dyn Iterator<Item = Item>>;

/// One input document as read, before decoding.
enum Item {
    /// A text file's bytes and its id.
    Bytes(Vec<u8>, String),
    /// A JSON-lines record (or the error that ended reading its file).
    Record(Result<RawRecord, Error>),
    /// A document that could not be read at all.
    Failed(Error),
}

/// A document read but not yet decoded, with the command's default publication
/// date; it is decoded on a worker thread.
pub struct Pending {
    item: Item,
    published: Option<Date>,
}

impl IntoDocument for Pending {
    fn weight(&self) -> usize {
        match &self.item {
            Item::Bytes(b, _) => b.len(),
            Item::Record(r) => r.weight(),
            Item::Failed(_) => 0,
        }
    }

    fn into_document(self) -> Result<Document, Error> {
        let mut doc = match self.item {
            Item::Bytes(bytes, id) => Document::from_bytes(&bytes, id)?,
            Item::Record(r) => r.into_document()?,
            Item::Failed(e) => return Err(e),
        };
        if doc.published.is_none() {
            doc.published = self.published;
        }
        Ok(doc)
    }
}

/// The documents of all inputs, in order; reading happens as it is iterated.
pub struct Inputs {
    sources: std::vec::IntoIter<Source>,
    current: Option<Docs>,
    published: Option<Date>,
    counter: Arc<AtomicU64>,
    total: Option<u64>,
}

impl Inputs {
    /// Expands the command-line inputs (no inputs: standard input). Directories
    /// are walked now, so the order is fixed before anything is read.
    pub fn new(args: &[PathBuf], published: Option<Date>) -> Inputs {
        let mut sources = Vec::new();
        if args.is_empty() {
            sources.push(Source::Stdin);
        }
        for arg in args {
            if arg.as_os_str() == "-" {
                sources.push(Source::Stdin);
                continue;
            }
            match std::fs::metadata(arg) {
                Ok(m) if m.is_dir() => walk(arg, &mut sources),
                Ok(_) if is_jsonl(arg) => sources.push(Source::Jsonl(arg.clone())),
                Ok(_) if is_txt(arg) => sources.push(Source::Text(arg.clone())),
                Ok(_) => sources.push(Source::Sniff(arg.clone())),
                Err(e) => sources.push(Source::Failed(
                    Error::io("cannot read", e).with_id(arg.to_string_lossy()),
                )),
            }
        }
        let mut total = Some(0u64);
        for s in &sources {
            total = match (total, s) {
                (Some(t), Source::Text(p) | Source::Jsonl(p) | Source::Sniff(p)) => {
                    Some(t + std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
                }
                (_, Source::Stdin) | (None, _) => None,
                (t, Source::Failed(_)) => t,
            };
        }
        Inputs {
            sources: sources.into_iter(),
            current: None,
            published,
            counter: Arc::new(AtomicU64::new(0)),
            total,
        }
    }

    /// Bytes in all input files, when known (not for standard input).
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }

    /// The count of bytes read so far.
    pub fn counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.counter)
    }

    fn open(&self, source: Source) -> Result<Docs, Error> {
        match source {
            Source::Failed(e) => Err(e),
            Source::Text(path) => {
                let id = path.to_string_lossy().into_owned();
                let bytes =
                    std::fs::read(&path).map_err(|e| Error::io("cannot read", e).with_id(&id))?;
                self.counter
                    .fetch_add(bytes.len() as u64, Ordering::Relaxed);
                Ok(Box::new(std::iter::once(Item::Bytes(bytes, id))))
            }
            Source::Jsonl(path) => {
                let id = path.to_string_lossy().into_owned();
                let file =
                    File::open(&path).map_err(|e| Error::io("cannot read", e).with_id(&id))?;
                let mut reader = BufReader::with_capacity(BUF, Counting(file, self.counter()));
                let head = reader
                    .fill_buf()
                    .map_err(|e| Error::io("cannot read", e).with_id(&id))?;
                if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
                    // JSON lines in UTF-16: decode the whole file first (rare, and
                    // byte positions then count in the UTF-8 text).
                    let mut bytes = Vec::new();
                    reader
                        .read_to_end(&mut bytes)
                        .map_err(|e| Error::io("cannot read", e).with_id(&id))?;
                    let text = policy_news::read::decode(&bytes).map_err(|e| e.with_id(&id))?;
                    let cursor = std::io::Cursor::new(text.into_bytes());
                    return Ok(records(cursor, id));
                }
                Ok(records(reader, id))
            }
            Source::Stdin => {
                let reader =
                    BufReader::with_capacity(BUF, Counting(std::io::stdin(), self.counter()));
                sniffed(reader, "-".to_string())
            }
            Source::Sniff(path) => {
                let id = path.to_string_lossy().into_owned();
                let file =
                    File::open(&path).map_err(|e| Error::io("cannot read", e).with_id(&id))?;
                sniffed(
                    BufReader::with_capacity(BUF, Counting(file, self.counter())),
                    id,
                )
            }
        }
    }

    fn pending(&self, item: Item) -> Pending {
        Pending {
            item,
            published: self.published,
        }
    }
}

/// The records of a JSON-lines input, split into lines here, decoded later.
fn records<R: BufRead + 'static>(reader: R, id: String) -> Docs {
    Box::new(Records::new(reader, id).raw().map(Item::Record))
}

impl Iterator for Inputs {
    type Item = Pending;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(docs) = &mut self.current {
                if let Some(item) = docs.next() {
                    return Some(self.pending(item));
                }
                self.current = None;
            }
            let source = self.sources.next()?;
            match self.open(source) {
                Ok(docs) => self.current = Some(docs),
                // A text file or a bad path is one document, failed.
                Err(e) => return Some(self.pending(Item::Failed(e))),
            }
        }
    }
}

/// JSON lines when the input starts with `{`, else one text document.
fn sniffed<R: Read + 'static>(mut reader: BufReader<R>, id: String) -> Result<Docs, Error> {
    let head = reader
        .fill_buf()
        .map_err(|e| Error::io("cannot read", e).with_id(&id))?;
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return Ok(records(reader, id));
    }
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("cannot read", e).with_id(&id))?;
    Ok(Box::new(std::iter::once(Item::Bytes(bytes, id))))
}

/// True for `.txt` (any case).
fn is_txt(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ext.eq_ignore_ascii_case("txt")
}

/// True for `.jsonl` and `.ndjson` (any case).
fn is_jsonl(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson")
}

/// True for the files a directory walk reads: `.txt`, `.jsonl`, `.ndjson`.
fn is_document_file(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ext.eq_ignore_ascii_case("txt") || is_jsonl(path)
}

/// Adds a directory's document files, recursively, in sorted order. Symbolic links
/// to directories are not followed (no cycles); links to files are read.
fn walk(dir: &Path, out: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(v) => v,
        Err(e) => {
            let id = dir.to_string_lossy();
            out.push(Source::Failed(
                Error::io("cannot read directory", e).with_id(id),
            ));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            walk(&path, out);
        } else if is_document_file(&path) && path.is_file() {
            if is_jsonl(&path) {
                out.push(Source::Jsonl(path));
            } else {
                out.push(Source::Text(path));
            }
        }
    }
}

/// A reader that adds what it reads to a shared count (for the progress bar).
struct Counting<R>(R, Arc<AtomicU64>);

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
