//! Text handling: the one module that slices the input by offsets.
//!
//! Everything here works on byte [`Span`]s into the original input and keeps them on
//! UTF-8 character boundaries. Extractors ask this module for the text of a span
//! (`slice`, `text_at`), for trimmed spans, and for the paragraph and sentence
//! structure of the body; none computes `&input[i..j]` itself.

use crate::model::{Span, Text};

/// The text at `span`, or `""` when the span is out of range or splits a character.
#[inline]
pub fn slice(src: &str, span: Span) -> &str {
    src.get(span.range()).unwrap_or("")
}

/// True for the whitespace the genre uses: ASCII, NBSP, the ideographic space, and
/// zero-width characters.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{00a0}' | '\u{3000}')
}

/// `span` without leading and trailing whitespace.
pub fn trim(src: &str, span: Span) -> Span {
    let s = slice(src, span);
    if s.is_empty() {
        return Span::new(span.start, span.start);
    }
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let t = s.trim_start_matches(is_space).trim_end_matches(is_space);
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// `span` without leading and trailing characters for which `f` holds.
pub fn trim_by(src: &str, span: Span, f: impl Fn(char) -> bool) -> Span {
    let s = slice(src, span);
    let lead = s.len() - s.trim_start_matches(&f).len();
    let t = s.trim_start_matches(&f).trim_end_matches(&f);
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// Characters stripped from the edges of extracted names and phrases.
pub fn is_edge_punct(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            ',' | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | '-'
                | '—'
                | '–'
                | '，'
                | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
        )
}

/// True when `s` holds a character for which [`is_space`] holds. Read byte by
/// byte: every space outside ASCII starts with C2, E1, E2, E3 or EF, so only
/// those characters are decoded.
fn has_space(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            x @ 0..=0x7F if is_space(x as char) => return true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF if s[i..].chars().next().is_some_and(is_space) => {
                return true
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Folds runs of whitespace (including full-width spaces and tabs) to one space and trims.
pub fn fold_ws(s: &str) -> String {
    // Fast path: ASCII text with single inner spaces and none at the edges is its
    // own fold (most names, titles and sentences): one copy, no per-char pushes.
    if s.is_ascii() {
        let b = s.as_bytes();
        let clean = b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && !b
                .iter()
                .any(|&c| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
            && !b.windows(2).any(|w| w == b"  ");
        if clean {
            return s.to_owned();
        }
    }
    // Text without any space (most Chinese) is its own fold too.
    if !has_space(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// The whitespace-folded text at `span` with the span itself.
pub fn text_at(src: &str, span: Span) -> Text {
    Text {
        text: fold_ws(slice(src, span)),
        span,
    }
}

/// The trimmed span with its folded text, or `None` when nothing is left.
pub fn text_trimmed(src: &str, span: Span) -> Option<Text> {
    let span = trim_by(src, span, is_edge_punct);
    if span.is_empty() {
        None
    } else {
        Some(text_at(src, span))
    }
}

/// Moves `i` back to the nearest character boundary at or before it.
pub fn floor_boundary(src: &str, mut i: usize) -> usize {
    if i >= src.len() {
        return src.len();
    }
    while !src.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves `i` forward to the nearest character boundary at or after it.
pub fn ceil_boundary(src: &str, mut i: usize) -> usize {
    if i >= src.len() {
        return src.len();
    }
    while !src.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The spans of the lines of `span` (without their line breaks), untrimmed.
pub fn lines(src: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let s = slice(src, span);
    let base = span.start;
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if pos > s.len() || s.is_empty() {
            return None;
        }
        let rest = &s[pos..];
        let (len, adv) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let b = rest.as_bytes();
                let adv = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                (i, adv)
            }
            None => (rest.len(), rest.len() + 1),
        };
        let out = Span::new(base + pos, base + pos + len);
        pos += adv;
        Some(out)
    })
}

/// A sentence of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, trimmed.
    pub span: Span,
    /// Index of its paragraph in the body's paragraph list.
    pub para: usize,
}

/// English abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr",
    "Mrs", "Ms", "Dr", "Prof", "St", "No", "Gen", "Lt", "Col", "Maj", "Capt", "Sen", "Rep", "Gov",
    "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "U.S", "U.N", "U.K", "E.U", "vs", "etc", "Rev", "Hon",
    "Amb", "Adm", "Sgt", "Dept", "Fig", "approx", "a.m", "p.m",
];

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Single capital initial: "George W. Bush".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Splits a paragraph span into sentence spans.
///
/// English: a sentence ends at `.`, `!` or `?` (after any closing quote or bracket)
/// that is followed by whitespace and an upper-case letter, digit, quote or bracket,
/// and is not an abbreviation (`Nov.`, `W.`). Chinese: at `。！？；` and their closing
/// quotes. Every returned span is trimmed and non-empty.
pub fn sentences(src: &str, para: Span, out: &mut Vec<Span>) {
    let s = slice(src, para);
    let bytes = s.as_bytes();
    let mut start = 0usize;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let cut = match c {
            '。' | '！' | '？' => {
                // Absorb closing quotes/brackets.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '”' | '’' | '」' | '』' | '）' | ')' | '"') {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                Some(end)
            }
            '.' | '!' | '?' => {
                let mut end = i + 1;
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '"' | '”' | '’' | '\'' | ')') {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                // Needs whitespace then a sentence opener.
                let rest = &s[end..];
                let after = rest.trim_start_matches(is_space);
                let had_space = after.len() < rest.len();
                let opener = after.chars().next();
                let ok = had_space
                    && match opener {
                        Some(o) => {
                            o.is_uppercase()
                                || o.is_ascii_digit()
                                || matches!(o, '"' | '“' | '‘' | '(' | '[' | '【' | '-')
                                || (o as u32) >= 0x3000
                        }
                        None => false,
                    };
                if ok && c == '.' && is_abbreviation(&s[start..i]) {
                    None
                } else if ok {
                    Some(end)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = cut {
            let sp = trim(src, Span::new(para.start + start, para.start + end));
            if !sp.is_empty() {
                out.push(sp);
            }
            start = end;
        }
    }
    let _ = bytes;
    let sp = trim(src, Span::new(para.start + start, para.end));
    if !sp.is_empty() {
        out.push(sp);
    }
}

/// The number of CJK ideographs and of ASCII letters in `s`.
pub fn script_counts(s: &str) -> (usize, usize) {
    let mut cjk = 0;
    let mut latin = 0;
    for c in s.chars() {
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    (cjk, latin)
}

/// True for CJK unified ideographs (basic block and extension A, compatibility).
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(s, Span::new(0, s.len()), &mut out);
        out.into_iter().map(|sp| slice(s, sp)).collect()
    }

    #[test]
    fn space_test_by_bytes_agrees_with_chars() {
        let all: String = (0u32..0x1_0000).filter_map(char::from_u32).collect();
        for c in all.chars() {
            let t = format!("公{c}告");
            assert_eq!(has_space(&t), t.chars().any(is_space), "U+{:04X}", c as u32);
        }
        assert_eq!(fold_ws("  习近平\u{3000}总书记  "), "习近平 总书记");
        assert_eq!(fold_ws("会议指出，要抓好落实。"), "会议指出，要抓好落实。");
    }

    #[test]
    fn english_sentences_respect_abbreviations() {
        let s = "BEIJING, Nov. 17 (Xinhua) -- Li met George W. Bush. He said \"yes.\" Then 2 left.";
        assert_eq!(
            split(s),
            vec![
                "BEIJING, Nov. 17 (Xinhua) -- Li met George W. Bush.",
                "He said \"yes.\"",
                "Then 2 left."
            ]
        );
    }

    #[test]
    fn chinese_sentences_split_on_full_stops() {
        assert_eq!(
            split("会议指出，要坚持。会议强调：“要落实。”其他"),
            vec!["会议指出，要坚持。", "会议强调：“要落实。”", "其他"]
        );
    }

    #[test]
    fn fold_and_trim() {
        assert_eq!(fold_ws("\u{3000}\u{3000}a \t b\n"), "a b");
        for s in [
            "", "a b", " a", "a ", "a  b", "a\tb", "a\x0bb", "a\x0cb", "a\r\nb", "a b c.",
        ] {
            let slow: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_ws(s), slow, "{s:?}");
        }
        let s = "  hi  ";
        assert_eq!(slice(s, trim(s, Span::new(0, s.len()))), "hi");
    }

    #[test]
    fn lines_split_crlf() {
        let s = "a\r\nbb\n\nc";
        let l: Vec<&str> = lines(s, Span::new(0, s.len()))
            .map(|x| slice(s, x))
            .collect();
        assert_eq!(l, vec!["a", "bb", "", "c"]);
    }

    #[test]
    fn bad_spans_slice_to_empty() {
        assert_eq!(slice("中文", Span::new(1, 2)), "");
        assert_eq!(slice("abc", Span::new(2, 9)), "");
    }
}
