//! Reading documents: decoding bytes (feature `encoding`) and JSON-lines archives
//! (feature `jsonl`).
//!
//! Every failure is per document and says which one and where: an [`Error`](crate::Error) with
//! the document's id, the byte position of the first byte that could not be read
//! and, for JSON lines, the 1-based line number. Nothing is ever decoded with
//! replacement characters: bytes that are not text in a supported encoding give an
//! [`ErrorKind::Decode`](crate::ErrorKind::Decode) error, never mojibake.

#[cfg(feature = "encoding")]
pub use self::decoding::{decode, read_text_file};
#[cfg(feature = "jsonl")]
pub use self::records::{RawRecord, RawRecords, Records};

#[cfg(feature = "encoding")]
mod decoding {
    use crate::batch::Document;
    use crate::error::Error;
    use std::path::Path;

    const BOM_UTF8: &[u8] = b"\xEF\xBB\xBF";
    const BOM_UTF16LE: &[u8] = b"\xFF\xFE";
    const BOM_UTF16BE: &[u8] = b"\xFE\xFF";

    /// Decodes the bytes of one text document.
    ///
    /// Accepted: UTF-8 with or without a byte-order mark, UTF-16 LE or BE with a
    /// byte-order mark, and GB18030 (which covers GBK and GB2312) when the bytes are
    /// not UTF-8. The byte-order mark is dropped; line endings are kept as they are
    /// (CRLF is fine for the parser), so spans index the returned string.
    ///
    /// GB18030 maps most byte pairs to some character, so a strict decode alone
    /// cannot tell Chinese text from garbage or from text in another legacy
    /// encoding. The bytes are taken as GB18030 only when they decode without a
    /// single error *and* look like Chinese text: at least four in five of the
    /// two-byte characters lie in the GB2312 block of common characters and
    /// punctuation (both bytes in `A1..=FE`), almost all characters are ones Chinese
    /// text holds (ideographs, CJK and Latin-1 punctuation, full-width forms; not
    /// the private use area), and there are no NUL bytes. Latin-1 or Windows-1252 text, UTF-8 with a broken byte and
    /// binary data fail these tests.
    ///
    /// # Errors
    /// [`ErrorKind::Decode`](crate::ErrorKind::Decode), with the byte position of
    /// the first byte that could not be decoded (for bytes that are neither UTF-8
    /// nor plausible GB18030, the position where UTF-8 decoding stopped).
    ///
    /// ```
    /// use policy_news::read::decode;
    /// use policy_news::ErrorKind;
    ///
    /// assert_eq!(decode(b"\xEF\xBB\xBFTitle\r\nBody").unwrap(), "Title\r\nBody");
    /// // "会议" in UTF-16 LE with its byte-order mark, and in GBK.
    /// assert_eq!(decode(b"\xFF\xFE\x1A\x4F\xAE\x8B").unwrap(), "会议");
    /// assert_eq!(decode(b"\xBB\xE1\xD2\xE9").unwrap(), "会议");
    /// // Latin-1 is not guessed at.
    /// let err = decode(b"caf\xE9 cr\xE8me").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::Decode);
    /// assert_eq!(err.position(), Some(3));
    /// ```
    pub fn decode(bytes: &[u8]) -> Result<String, Error> {
        if let Some(rest) = bytes.strip_prefix(BOM_UTF8) {
            return utf8(rest, BOM_UTF8.len() as u64);
        }
        if let Some(rest) = bytes.strip_prefix(BOM_UTF16LE) {
            return utf16(rest, false);
        }
        if let Some(rest) = bytes.strip_prefix(BOM_UTF16BE) {
            return utf16(rest, true);
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => utf8(bytes, 0),
            Err(e) => {
                let at = e.valid_up_to() as u64;
                match gb18030(bytes) {
                    Ok(s) => Ok(s),
                    Err(why) => Err(Error::decode(
                        format!(
                            "not text in a supported encoding: invalid UTF-8 at byte {at}, \
                             and not GB18030/GBK ({why}); UTF-16 needs a byte-order mark"
                        ),
                        Some(at),
                    )),
                }
            }
        }
    }

    /// Reads and decodes one text file into a [`Document`] whose id is the path as
    /// given.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read,
    /// [`ErrorKind::Decode`](crate::ErrorKind::Decode) as for [`decode`]; both
    /// carry the id.
    ///
    /// ```
    /// use policy_news::{read::read_text_file, ErrorKind};
    /// let err = read_text_file("no/such/file.txt").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::Io);
    /// assert_eq!(err.id(), Some("no/such/file.txt"));
    /// ```
    pub fn read_text_file(path: impl AsRef<Path>) -> Result<Document, Error> {
        let path = path.as_ref();
        let id = path.to_string_lossy().into_owned();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Err(Error::io("cannot read file", e).with_id(id)),
        };
        Document::from_bytes(&bytes, id)
    }

    impl Document {
        /// Decodes the bytes of one document (see [`decode`]) and names it `id`.
        ///
        /// # Errors
        /// [`ErrorKind::Decode`](crate::ErrorKind::Decode) with the id and the
        /// byte position.
        ///
        /// ```
        /// use policy_news::{Document, ErrorKind};
        /// let doc = Document::from_bytes(b"\xFE\xFF\x00H\x00i", "a.txt").unwrap();
        /// assert_eq!((doc.id.as_deref(), doc.text.as_str()), (Some("a.txt"), "Hi"));
        /// let err = Document::from_bytes(b"ok\x00\xFF\xFE junk", "b.bin").unwrap_err();
        /// assert_eq!((err.kind(), err.id()), (&ErrorKind::Decode, Some("b.bin")));
        /// ```
        pub fn from_bytes(bytes: &[u8], id: impl Into<String>) -> Result<Document, Error> {
            let id = id.into();
            match decode(bytes) {
                Ok(text) => Ok(Document::new(text).with_id(id)),
                Err(e) => Err(e.with_id(id)),
            }
        }
    }

    fn nul_error(at: u64) -> Error {
        Error::decode(
            "NUL byte: binary data, or UTF-16 without a byte-order mark",
            Some(at),
        )
    }

    /// UTF-8 after `offset` bytes of byte-order mark.
    fn utf8(bytes: &[u8], offset: u64) -> Result<String, Error> {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                if let Some(i) = memchr::memchr(0, bytes) {
                    return Err(nul_error(offset + i as u64));
                }
                Ok(s.to_owned())
            }
            Err(e) => {
                let at = offset + e.valid_up_to() as u64;
                Err(Error::decode(
                    format!("invalid UTF-8 at byte {at} (the file has a UTF-8 byte-order mark)"),
                    Some(at),
                ))
            }
        }
    }

    /// UTF-16 after its two-byte byte-order mark.
    fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, Error> {
        const OFFSET: u64 = 2;
        if bytes.len() % 2 == 1 {
            let at = OFFSET + bytes.len() as u64 - 1;
            return Err(Error::decode(
                "UTF-16 with an odd number of bytes (truncated)",
                Some(at),
            ));
        }
        let units = bytes.chunks_exact(2).map(|p| {
            let pair = [p[0], p[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        let mut unit = 0u64;
        for c in char::decode_utf16(units) {
            let at = OFFSET + 2 * unit;
            match c {
                Ok('\0') => return Err(nul_error(at)),
                Ok(c) => {
                    out.push(c);
                    unit += c.len_utf16() as u64;
                }
                Err(_) => {
                    return Err(Error::decode(
                        format!("invalid UTF-16 (unpaired surrogate) at byte {at}"),
                        Some(at),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// Strict GB18030 with a plausibility check; the error says why not.
    fn gb18030(bytes: &[u8]) -> Result<String, String> {
        // The byte shape first: cheap, and it rejects most non-GB input.
        let (mut two, mut common) = (0usize, 0usize);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b <= 0x80 {
                // ASCII, or 0x80 which GBK and GB18030 decoders read as the euro sign.
                if b == 0 {
                    return Err(format!("NUL byte at {i}"));
                }
                i += 1;
            } else if bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
                i += 4;
            } else {
                two += 1;
                if (0xA1..=0xFE).contains(&b) && bytes.get(i + 1).is_some_and(|n| *n >= 0xA1) {
                    common += 1;
                }
                i += 2;
            }
        }
        if common * 5 < two * 4 {
            return Err(format!(
                "only {common} of {two} two-byte characters are common Chinese characters                  or punctuation"
            ));
        }
        let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
        let cap = decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .ok_or_else(|| "input too large".to_string())?;
        let mut out = String::with_capacity(cap);
        let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
        match result {
            encoding_rs::DecoderResult::InputEmpty => {}
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                let at = read - bad as usize - after as usize;
                return Err(format!("invalid GB18030 sequence at byte {at}"));
            }
            encoding_rs::DecoderResult::OutputFull => {
                return Err("decoder ran out of room".to_string());
            }
        }
        // Four-byte sequences reach all of Unicode, and the user-defined areas
        // decode to the private use area: count what Chinese text would not hold.
        let (mut wide, mut odd) = (0usize, 0usize);
        for c in out.chars().filter(|c| !c.is_ascii()) {
            wide += 1;
            if !plausible(c) {
                odd += 1;
            }
        }
        if odd > 2 + wide / 100 {
            return Err(format!(
                "{odd} of {wide} characters are unusual in Chinese text"
            ));
        }
        Ok(out)
    }

    /// Characters that Chinese text in GB18030 plausibly holds.
    fn plausible(c: char) -> bool {
        matches!(c,
            '\u{80}'..='\u{FF}'          // Latin-1: no-break space, accents, ×, ·
            | '\u{391}'..='\u{3C9}'      // Greek (in GB2312)
            | '\u{401}'..='\u{451}'      // Cyrillic (in GB2312)
            | '\u{2000}'..='\u{2BFF}'    // punctuation, symbols, arrows, box drawing
            | '\u{3000}'..='\u{9FFF}'    // CJK punctuation, kana, bopomofo, ideographs
            | '\u{F900}'..='\u{FAFF}'    // compatibility ideographs
            | '\u{FE30}'..='\u{FE4F}'    // vertical forms
            | '\u{FF00}'..='\u{FFEF}'    // full-width forms
            | '\u{20000}'..='\u{3FFFF}'  // rarer ideographs
        )
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::ErrorKind;

        fn gbk(s: &str) -> Vec<u8> {
            encoding_rs::GBK.encode(s).0.into_owned()
        }

        #[test]
        fn utf8_with_and_without_bom() {
            assert_eq!(decode("会议 ok".as_bytes()).unwrap(), "会议 ok");
            assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\r\nb");
            assert_eq!(decode(b"").unwrap(), "");
        }

        #[test]
        fn utf16_both_orders() {
            let s = "会议强调，要坚持。Xi 🙂";
            let mut le = vec![0xFF, 0xFE];
            let mut be = vec![0xFE, 0xFF];
            for u in s.encode_utf16() {
                le.extend(u.to_le_bytes());
                be.extend(u.to_be_bytes());
            }
            assert_eq!(decode(&le).unwrap(), s);
            assert_eq!(decode(&be).unwrap(), s);
            le.push(0x41);
            assert_eq!(
                decode(&le).unwrap_err().position(),
                Some(le.len() as u64 - 1)
            );
            // A lone high surrogate.
            let e = decode(b"\xFF\xFEa\x00\x00\xD8b\x00").unwrap_err();
            assert_eq!((e.kind(), e.position()), (&ErrorKind::Decode, Some(4)));
        }

        #[test]
        fn gbk_chinese_is_decoded() {
            let s = "10月13日下午，市科协召开座谈会。张伟主持会议并讲话，强调“两个维护”。\r\n";
            assert_eq!(decode(&gbk(s)).unwrap(), s);
        }

        #[test]
        fn garbage_is_a_decode_error() {
            // Deterministic pseudo-random bytes.
            let mut x = 0x2545F491u32;
            let bytes: Vec<u8> = (0..4096)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    (x >> 8) as u8
                })
                .collect();
            let e = decode(&bytes).unwrap_err();
            assert_eq!(e.kind(), &ErrorKind::Decode);
            // High bytes only, so no NUL or ASCII shortcut.
            let high: Vec<u8> = bytes.iter().map(|b| b | 0x80).collect();
            assert_eq!(decode(&high).unwrap_err().kind(), &ErrorKind::Decode);
        }

        #[test]
        fn other_legacy_encodings_are_not_guessed() {
            let latin1 = encoding_rs::WINDOWS_1252.encode("Été à Genève: réunion").0;
            assert!(decode(&latin1).is_err());
            let big5 = encoding_rs::BIG5.encode("會議強調，要堅持黨的領導。").0;
            assert!(decode(&big5).is_err());
            // UTF-8 Chinese with one broken byte is not GB18030 either.
            let mut broken = "会议强调，要坚持党的领导。".as_bytes().to_vec();
            broken[7] = 0xFF;
            let e = decode(&broken).unwrap_err();
            assert_eq!(e.position(), Some(6));
        }

        #[test]
        fn mostly_english_gbk_with_a_euro_sign() {
            let s = "Title\nThe fund (€5 billion) was “approved” on Monday — 会议.";
            let bytes = encoding_rs::GBK.encode(s).0;
            assert_eq!(decode(&bytes).unwrap(), s);
        }

        #[test]
        fn gb18030_four_byte_no_break_spaces() {
            let s = "Title\u{a0}\u{a0}会议强调，要坚持。\u{a0}Xi 𠀀";
            let bytes = encoding_rs::GB18030.encode(s).0;
            assert!(std::str::from_utf8(&bytes).is_err());
            assert_eq!(decode(&bytes).unwrap(), s);
        }

        #[test]
        fn nul_bytes_are_refused() {
            let e = decode(b"T\x00i\x00t\x00").unwrap_err();
            assert_eq!(e.position(), Some(1));
        }
    }
}

#[cfg(feature = "jsonl")]
mod records {
    use crate::batch::Document;
    use crate::error::Error;
    use crate::model::{Date, Lang};
    use std::io::BufRead;
    use std::sync::Arc;

    /// The documents of a JSON-lines archive, one record per line, read lazily.
    ///
    /// A record is an object `{"id", "text", "published"?, "lang"?}`: `text` is
    /// required; `id` is a string (a number is written as a string) and defaults to
    /// `SOURCE:LINE`; `published` is a `YYYY-MM-DD` date (a time after it is
    /// ignored); `lang` is `en` or `zh`. Other fields are ignored, blank lines are
    /// skipped, a UTF-8 byte-order mark and CRLF line ends are fine. Lines are UTF-8;
    /// with feature `encoding` a line in GB18030/GBK is decoded too, under the
    /// checks of [`decode`](super::decode).
    ///
    /// Each record gives one item: the [`Document`], or an [`Error`] carrying the
    /// record's id (or `SOURCE:LINE`), the line number and the byte position in the
    /// input ([`ErrorKind::Decode`](crate::ErrorKind::Decode) for bytes that are not
    /// text, [`ErrorKind::Record`](crate::ErrorKind::Record) for bad JSON or fields,
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when reading fails, which ends the
    /// iteration). Memory holds one line at a time.
    ///
    /// ```
    /// use policy_news::{read::Records, ErrorKind};
    /// let input = "{\"id\": \"a\", \"text\": \"Title\\nBody.\", \"published\": \"2020-11-18\"}\n\
    ///              \n\
    ///              {\"id\": \"b\"}\r\n\
    ///              {\"text\": \"No id\"}\n";
    /// let items: Vec<_> = Records::new(input.as_bytes(), "dump.jsonl").collect();
    /// assert_eq!(items.len(), 3);
    /// let a = items[0].as_ref().unwrap();
    /// assert_eq!(a.published.unwrap().to_string(), "2020-11-18");
    /// let b = items[1].as_ref().unwrap_err();
    /// assert_eq!((b.kind(), b.id(), b.line()), (&ErrorKind::Record, Some("b"), Some(3)));
    /// assert_eq!(items[2].as_ref().unwrap().id.as_deref(), Some("dump.jsonl:4"));
    /// ```
    #[derive(Debug)]
    pub struct Records<R> {
        raw: RawRecords<R>,
    }

    impl<R: BufRead> Records<R> {
        /// Reads records from `reader`; `source` names the input (a path) in
        /// default ids.
        pub fn new(reader: R, source: impl Into<String>) -> Records<R> {
            Records {
                raw: RawRecords::new(reader, source),
            }
        }

        /// Bytes read so far.
        pub fn bytes_read(&self) -> u64 {
            self.raw.offset
        }

        /// The same records, split into lines but not yet decoded: each
        /// [`RawRecord`] is decoded with [`RawRecord::decode`], which can then run
        /// on another thread (a parallel parse decodes the JSON on its workers).
        ///
        /// ```
        /// use policy_news::read::Records;
        /// let input = "{\"id\": \"a\", \"text\": \"T\\nB.\"}\n\n{\"text\": 1}\n";
        /// let raw: Vec<_> = Records::new(input.as_bytes(), "in").raw().collect();
        /// assert_eq!(raw.len(), 2);
        /// let second = raw[1].as_ref().unwrap();
        /// assert_eq!(second.line(), 3);
        /// let err = second.clone().decode().unwrap_err();
        /// assert_eq!(err.id(), Some("in:3"));
        /// ```
        pub fn raw(self) -> RawRecords<R> {
            self.raw
        }
    }

    /// One line of a JSON-lines archive, read but not yet decoded; see
    /// [`Records::raw`].
    #[derive(Clone, Debug)]
    pub struct RawRecord {
        source: Arc<str>,
        line: u64,
        base: u64,
        bytes: Vec<u8>,
    }

    impl RawRecord {
        /// The 1-based line number in the input.
        pub fn line(&self) -> u64 {
            self.line
        }

        /// The byte position of the record in the input.
        pub fn position(&self) -> u64 {
            self.base
        }

        /// The record's bytes (without a byte-order mark; the line end may remain).
        pub fn as_bytes(&self) -> &[u8] {
            &self.bytes
        }

        fn default_id(&self) -> String {
            format!("{}:{}", self.source, self.line)
        }

        /// Decodes the record into a [`Document`], or the error [`Records`] would
        /// give for it.
        ///
        /// # Errors
        /// As for [`Records`]: [`ErrorKind::Decode`](crate::ErrorKind::Decode) for
        /// bytes that are not text, [`ErrorKind::Record`](crate::ErrorKind::Record)
        /// for bad JSON or fields; each with the id (or `SOURCE:LINE`), line and
        /// byte position.
        pub fn decode(self) -> Result<Document, Error> {
            let base = self.base;
            let fail = |e: Error, id: Option<String>| {
                e.with_id(id.unwrap_or_else(|| self.default_id()))
                    .with_line(self.line)
            };
            let decoded;
            let text = match std::str::from_utf8(&self.bytes) {
                Ok(t) => t,
                Err(e) => match legacy(&self.bytes) {
                    Some(t) => {
                        decoded = t;
                        &decoded
                    }
                    None => {
                        let at = base + e.valid_up_to() as u64;
                        return Err(fail(Error::decode(NOT_TEXT, Some(at)), None));
                    }
                },
            };
            let raw: Raw = match serde_json::from_str(text) {
                Ok(r) => r,
                Err(e) => {
                    // serde_json counts columns in bytes, from 1.
                    let at = base + (e.column() as u64).saturating_sub(1);
                    let e = Error::record(format!("not a JSON record: {e}")).with_position(at);
                    // Name the record by its id when the JSON itself is sound.
                    let id = serde_json::from_str::<IdOnly>(text)
                        .ok()
                        .and_then(|r| match r.id {
                            Some(serde_json::Value::String(s)) => Some(s),
                            Some(v @ serde_json::Value::Number(_)) => Some(v.to_string()),
                            _ => None,
                        });
                    return Err(fail(e, id));
                }
            };
            let at = |e: Error| e.with_position(base);
            let id = match raw.id {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(s)) => Some(s),
                Some(v @ serde_json::Value::Number(_)) => Some(v.to_string()),
                Some(v) => {
                    let e = Error::record(format!("\"id\" must be a string or a number, not {v}"));
                    return Err(fail(at(e), None));
                }
            };
            let Some(text) = raw.text else {
                return Err(fail(at(Error::record("no \"text\" field")), id));
            };
            let mut doc = Document::new(text);
            if let Some(p) = raw.published.filter(|p| !p.trim().is_empty()) {
                match p.parse::<Date>() {
                    Ok(d) => doc.published = Some(d),
                    Err(e) => {
                        let e = Error::record(format!("\"published\": {}", e.message()));
                        return Err(fail(at(e), id));
                    }
                }
            }
            if let Some(l) = raw.lang.filter(|l| !l.trim().is_empty()) {
                match l.parse::<Lang>() {
                    Ok(l) => doc.lang = Some(l),
                    Err(e) => {
                        let e = Error::record(format!("\"lang\": {}", e.message()));
                        return Err(fail(at(e), id));
                    }
                }
            }
            doc.id = Some(id.unwrap_or_else(|| self.default_id()));
            Ok(doc)
        }
    }

    /// The message for a record that is not UTF-8 (nor, with feature `encoding`,
    /// GB18030/GBK).
    #[cfg(feature = "encoding")]
    const NOT_TEXT: &str = "a JSON-lines record that is neither UTF-8 nor GB18030/GBK";
    #[cfg(not(feature = "encoding"))]
    const NOT_TEXT: &str = "invalid UTF-8 in a JSON-lines record";

    /// A record line in GB18030/GBK (archives written by Chinese tools), decoded
    /// under the same checks as whole documents (see [`decode`](super::decode)).
    #[cfg(feature = "encoding")]
    fn legacy(bytes: &[u8]) -> Option<String> {
        super::decode(bytes).ok()
    }

    #[cfg(not(feature = "encoding"))]
    fn legacy(_: &[u8]) -> Option<String> {
        None
    }

    #[derive(serde::Deserialize)]
    struct Raw {
        #[serde(default)]
        id: Option<serde_json::Value>,
        #[serde(default)]
        text: Option<String>,
        #[serde(default)]
        published: Option<String>,
        #[serde(default)]
        lang: Option<String>,
    }

    #[derive(serde::Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: Option<serde_json::Value>,
    }

    impl<R: BufRead> Iterator for Records<R> {
        type Item = Result<Document, Error>;

        fn next(&mut self) -> Option<Self::Item> {
            Some(self.raw.next()?.and_then(RawRecord::decode))
        }
    }

    /// The lines of a JSON-lines archive, not yet decoded; from [`Records::raw`].
    ///
    /// Blank lines are skipped; a read failure is an
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) error that ends the iteration.
    #[derive(Debug)]
    pub struct RawRecords<R> {
        reader: R,
        source: Arc<str>,
        line: u64,
        offset: u64,
        done: bool,
    }

    impl<R: BufRead> RawRecords<R> {
        fn new(reader: R, source: impl Into<String>) -> RawRecords<R> {
            RawRecords {
                reader,
                source: Arc::from(source.into()),
                line: 0,
                offset: 0,
                done: false,
            }
        }
    }

    impl<R: BufRead> Iterator for RawRecords<R> {
        type Item = Result<RawRecord, Error>;

        fn next(&mut self) -> Option<Self::Item> {
            while !self.done {
                let start = self.offset;
                let mut bytes = Vec::new();
                match self.reader.read_until(b'\n', &mut bytes) {
                    Ok(0) => self.done = true,
                    Ok(n) => {
                        self.offset += n as u64;
                        self.line += 1;
                        let mut base = start;
                        if self.line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                            bytes.drain(..3);
                            base += 3;
                        }
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        return Some(Ok(RawRecord {
                            source: Arc::clone(&self.source),
                            line: self.line,
                            base,
                            bytes,
                        }));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.done = true;
                        return Some(Err(Error::io("cannot read", e)
                            .with_id(format!("{}:{}", self.source, self.line + 1))
                            .with_line(self.line + 1)
                            .with_position(self.offset)));
                    }
                }
            }
            None
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::ErrorKind;

        #[test]
        fn positions_and_lines() {
            let input: &[u8] = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"\xFF\"}\n{bad json}\n{\"id\":[1],\"text\":\"x\"}\n{\"id\":7,\"text\":\"x\",\"lang\":\"fr\"}\n";
            let items: Vec<_> = Records::new(input, "in").collect();
            assert_eq!(items.len(), 5);
            assert_eq!(items[0].as_ref().unwrap().id.as_deref(), Some("a"));
            let e = items[1].as_ref().unwrap_err();
            assert_eq!(e.kind(), &ErrorKind::Decode);
            assert_eq!(
                (e.line(), e.position(), e.id()),
                (Some(2), Some(43), Some("in:2"))
            );
            let e = items[2].as_ref().unwrap_err();
            assert_eq!(
                (e.kind(), e.line(), e.position()),
                (&ErrorKind::Record, Some(3), Some(48))
            );
            assert_eq!(items[3].as_ref().unwrap_err().kind(), &ErrorKind::Record);
            let e = items[4].as_ref().unwrap_err();
            assert_eq!((e.id(), e.line()), (Some("7"), Some(5)));
        }

        #[cfg(feature = "encoding")]
        #[test]
        fn gbk_records_are_decoded_and_latin1_is_not() {
            let line = "{\"id\": \"g\", \"text\": \"会议强调，要坚持。\"}\n";
            let mut input = encoding_rs::GB18030.encode(line).0.into_owned();
            input.extend_from_slice(b"{\"id\": \"l\", \"text\": \"caf\xE9 cr\xE8me\"}\n");
            let items: Vec<_> = Records::new(&input[..], "in").collect();
            assert_eq!(items.len(), 2);
            let doc = items[0].as_ref().unwrap();
            assert_eq!(doc.text, "会议强调，要坚持。");
            assert_eq!(doc.id.as_deref(), Some("g"));
            let e = items[1].as_ref().unwrap_err();
            assert_eq!(e.kind(), &ErrorKind::Decode);
            assert_eq!(e.line(), Some(2));
        }

        #[test]
        fn raw_records_decode_like_records() {
            let input: &[u8] = b"{\"id\":\"a\",\"text\":\"x\"}\n\n  \n{bad}\r\n{\"text\":\"y\"}";
            let decoded: Vec<_> = Records::new(input, "in").collect();
            let raw: Vec<_> = Records::new(input, "in")
                .raw()
                .map(|r| r.and_then(RawRecord::decode))
                .collect();
            assert_eq!(decoded.len(), 3);
            assert_eq!(format!("{decoded:?}"), format!("{raw:?}"));
        }
    }
}
