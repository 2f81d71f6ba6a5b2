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

/// Byte classes for [`is_own_fold`]: 1 the ASCII space, 2 other ASCII
/// whitespace, 3 a byte that starts a space outside ASCII (C2, E1, E2, E3, EF;
/// the character must be decoded to tell).
const FOLD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = 2;
        b += 1;
    }
    t[0xC2] = 3;
    t[0xE1] = 3;
    t[0xE2] = 3;
    t[0xE3] = 3;
    t[0xEF] = 3;
    t
};

/// The length of the space outside ASCII that starts at byte `i`, if one does: the
/// UTF-8 forms of the characters [`is_space`] holds for above U+007F, compared as
/// bytes (Chinese text has a lead byte E3 at every punctuation mark).
fn wide_space_len(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        // U+0085, U+00A0
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        // U+1680
        [0xE1, 0x9A, 0x80, ..]
        // U+2000 to U+200B, U+2028, U+2029, U+202F
        | [0xE2, 0x80, 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF, ..]
        // U+205F
        | [0xE2, 0x81, 0x9F, ..]
        // U+3000
        | [0xE3, 0x80, 0x80, ..]
        // U+FEFF
        | [0xEF, 0xBB, 0xBF, ..] => Some(3),
        _ => None,
    }
}

/// True when [`fold_ws`] leaves `s` as it is: no space at either end, and no
/// space but single ASCII spaces between words. One table look-up per byte.
fn is_own_fold(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // ASCII text is checked 64 bytes at a time without branches (the compiler
    // vectorises the fold); text outside ASCII takes the byte-by-byte road below.
    let Some(last) = b.len().checked_sub(1) else {
        return true;
    };
    let mut at = 0;
    let mut ascii_clean = true;
    while at < last && ascii_clean {
        let end = (at + 64).min(last);
        let flags = b[at..end]
            .iter()
            .zip(&b[at + 1..=end])
            .fold(0u8, |acc, (&x, &y)| {
                acc | u8::from(x == b' ' && y == b' ')
                    | u8::from(x >= 0x80)
                    | u8::from(x.wrapping_sub(b'\t') < 5)
            });
        ascii_clean = flags == 0;
        at = end;
    }
    if ascii_clean && b[last] < 0x80 && b[last].wrapping_sub(b'\t') >= 5 {
        return true;
    }
    let mut prev_space = false;
    for (i, &x) in b.iter().enumerate() {
        match FOLD_CLASS[usize::from(x)] {
            0 => prev_space = false,
            1 if prev_space => return false,
            1 => prev_space = true,
            2 => return false,
            _ => {
                if wide_space_len(b, i).is_some() {
                    return false;
                }
                prev_space = false;
            }
        }
    }
    true
}

/// Folds runs of whitespace (including full-width spaces and tabs) to one space and trims.
pub fn fold_ws(s: &str) -> String {
    // Most names, titles and sentences are their own fold: one check, one copy.
    if is_own_fold(s) {
        return s.to_owned();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Runs of non-space characters are copied whole; only characters that may
    // be spaces outside ASCII are decoded.
    let mut run = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let len = match FOLD_CLASS[usize::from(x)] {
            0 => {
                i += 1;
                continue;
            }
            1 | 2 => 1,
            _ => match wide_space_len(b, i) {
                Some(len) => len,
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        push_word(&mut out, &s[run..i]);
        run = i + len;
        i += len;
    }
    push_word(&mut out, &s[run..]);
    out
}

/// Appends a word to folded text, with one space before it unless it is first.
fn push_word(out: &mut String, word: &str) {
    if !word.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
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
/// and is not an abbreviation (`Nov.`, `W.`). Chinese: at `。！？` and their closing
/// quotes. Every returned span is trimmed and non-empty.
pub fn sentences(src: &str, para: Span, out: &mut Vec<Span>) {
    let s = slice(src, para);
    let bytes = s.as_bytes();
    let mut start = 0usize;
    // Only `.`, `!`, `?` and characters led by 0xE3 or 0xEF (`。`, `！`, `？`) can end
    // a sentence: the next of each kind is found by a vectorised search and
    // remembered until the scan passes it.
    let mut ascii = memchr::memchr3(b'.', b'!', b'?', bytes);
    let mut wide = memchr::memchr2(0xE3, 0xEF, bytes);
    let mut i = 0usize;
    loop {
        if ascii.is_some_and(|a| a < i) {
            ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|r| r + i);
        }
        if wide.is_some_and(|w| w < i) {
            wide = memchr::memchr2(0xE3, 0xEF, &bytes[i..]).map(|r| r + i);
        }
        i = match (ascii, wide) {
            (Some(a), Some(w)) => a.min(w),
            (Some(a), None) => a,
            (None, Some(w)) => w,
            (None, None) => break,
        };
        let c = s[i..].chars().next().unwrap_or('\0');
        let mut end = i + c.len_utf8();
        let cut = match c {
            '。' | '！' | '？' => {
                // Absorb closing quotes/brackets.
                end = absorb(s, end, |d| {
                    matches!(d, '”' | '’' | '」' | '』' | '）' | ')' | '"')
                });
                Some(end)
            }
            '.' | '!' | '?' => {
                end = absorb(s, end, |d| matches!(d, '"' | '”' | '’' | '\'' | ')'));
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
                (ok && !(c == '.' && is_abbreviation(&s[start..i]))).then_some(end)
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
        i = end;
    }
    let sp = trim(src, Span::new(para.start + start, para.end));
    if !sp.is_empty() {
        out.push(sp);
    }
}

/// The end of the run of characters matching `f` that starts at `from`.
fn absorb(s: &str, mut from: usize, f: impl Fn(char) -> bool) -> usize {
    for d in s[from..].chars() {
        if !f(d) {
            break;
        }
        from += d.len_utf8();
    }
    from
}

/// The byte offsets of `s` that lie outside parentheses, in order: where a list
/// separator may cut. Each `(` and `)` byte is counted where it stands (a `)` is
/// itself outside); after an unbalanced `)` the depth stays below zero, so a
/// bracket that follows does not hide the text in it.
pub fn outside_parens(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut depth = 0i32;
    s.bytes().enumerate().filter_map(move |(i, b)| {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        (depth <= 0).then_some(i)
    })
}

/// The number of CJK ideographs and of ASCII letters in `s`.
pub fn script_counts(s: &str) -> (usize, usize) {
    // Read as byte pairs, in blocks of 255 with byte-wide sums, which compile to
    // vector code. An ideograph below U+10000 is told by its lead byte and the
    // byte after it: E5 to E9 (U+5000 to U+9FFF); E4 but not E4 B7 (U+4000 to
    // U+4DBF and U+4E00 to U+4FFF); E3 90 and up (U+3400 to U+3FFF); EF A4 to EF AB
    // (U+F900 to U+FAFF). Characters of four bytes are decoded, and only when the
    // text has one.
    let b = s.as_bytes();
    let Some(last) = b.len().checked_sub(1) else {
        return (0, 0);
    };
    let is_latin = |x: u8| (x | 0x20).wrapping_sub(b'a') < 26;
    let mut latin = usize::from(is_latin(b[last]));
    let mut cjk = 0usize;
    let mut four = false;
    let mut at = 0;
    while at < last {
        let end = (at + 255).min(last);
        let (l, c, f) =
            b[at..end]
                .iter()
                .zip(&b[at + 1..=end])
                .fold((0u8, 0u8, 0u8), |(l, c, f), (&x, &y)| {
                    let ideograph = u8::from(x.wrapping_sub(0xE5) < 5)
                        | u8::from(x == 0xE4 && y != 0xB7)
                        | u8::from(x == 0xE3 && y >= 0x90)
                        | u8::from(x == 0xEF && y.wrapping_sub(0xA4) < 8);
                    (
                        l + u8::from(is_latin(x)),
                        c + ideograph,
                        f | u8::from(x >= 0xF0),
                    )
                });
        latin += usize::from(l);
        cjk += usize::from(c);
        four |= f != 0;
        at = end;
    }
    if four {
        cjk += s
            .chars()
            .filter(|&c| u32::from(c) >= 0x1_0000 && is_cjk(c))
            .count();
    }
    (cjk, latin)
}

/// True when `s` starts with the ASCII word `p`, ignoring ASCII case (no lower-cased
/// copy).
pub(crate) fn starts_with_caseless(s: &str, p: &str) -> bool {
    s.as_bytes()
        .get(..p.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
}

/// True when `s` ends with the ASCII word `p`, ignoring ASCII case (no lower-cased
/// copy).
pub(crate) fn ends_with_caseless(s: &str, p: &str) -> bool {
    s.len()
        .checked_sub(p.len())
        .is_some_and(|k| s.as_bytes()[k..].eq_ignore_ascii_case(p.as_bytes()))
}

/// True for CJK unified ideographs (basic block and extension A, compatibility).
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caseless_affixes() {
        assert!(starts_with_caseless("The meeting", "the "));
        assert!(!starts_with_caseless("Then", "the "));
        assert!(!starts_with_caseless("Th", "the "));
        assert!(ends_with_caseless("held A ", " a "));
        assert!(ends_with_caseless("held another ", " ANOTHER "));
        assert!(!ends_with_caseless("a ", " a "));
        // A byte offset inside a character is compared as bytes, never sliced.
        assert!(!ends_with_caseless("é a", "xé a"));
        assert!(!starts_with_caseless("é", "e"));
    }

    #[test]
    fn outside_parens_skips_bracketed_text() {
        let at: Vec<usize> = outside_parens("a(b)c").collect();
        assert_eq!(at, [0, 3, 4]);
        // After an unbalanced `)` the depth stays below zero: a later `(b` is outside.
        let at: Vec<usize> = outside_parens("a)(b").collect();
        assert_eq!(at, [0, 1, 2, 3]);
        assert_eq!(outside_parens("（x）").count(), "（x）".len());
    }

    #[test]
    fn script_counts_match_a_char_by_char_count() {
        let naive = |s: &str| {
            let cjk = s.chars().filter(|&c| is_cjk(c)).count();
            let latin = s.chars().filter(char::is_ascii_alphabetic).count();
            (cjk, latin)
        };
        let mixed = "Az[@`{ 会议强调 ÀÉ “quoted” 𠀀 ｆｕｌｌ 〇\u{3400}\u{4DBF}\u{9FFF}\u{F900}\
            \u{33FF}\u{4DC0}\u{4DFF}\u{4E00}\u{4FFF}\u{5000}\u{F8FF}\u{FAFF}\u{FB00}\
            \u{2FA1F}\u{2FA20}\u{1F600}\u{3000}。、一中为";
        for s in [
            String::new(),
            "BAST held a meeting.".repeat(40),
            mixed.repeat(30),
            format!("{}{}", "x".repeat(254), "会"),
            format!("{}{}", "x".repeat(253), "会议"),
            "会".to_string(),
            "a".to_string(),
        ] {
            assert_eq!(script_counts(&s), naive(&s), "{s}");
        }
        // Every character up to the end of the supplementary ideographs, alone and
        // between letters.
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            for t in [c.to_string(), format!("a{c}b")] {
                assert_eq!(script_counts(&t), naive(&t), "U+{:04X}", u32::from(c));
            }
        }
    }

    fn split(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(s, Span::new(0, s.len()), &mut out);
        out.into_iter().map(|sp| slice(s, sp)).collect()
    }

    #[test]
    fn own_fold_test_by_bytes_agrees_with_folding() {
        // The fold by words, as written without the byte test.
        let fold = |t: &str| {
            t.split(is_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let all: String = (0u32..0x1_0000).filter_map(char::from_u32).collect();
        for c in all.chars() {
            for t in [
                format!("公{c}告"),
                format!("a {c}b"),
                format!("{c}"),
                format!("x{c} y"),
            ] {
                assert_eq!(is_own_fold(&t), fold(&t) == t, "{t:?}");
                assert_eq!(fold_ws(&t), fold(&t), "{t:?}");
            }
        }
        for t in [
            "",
            " ",
            "a  b",
            "a b",
            " a",
            "a ",
            "a\tb",
            "a\u{3000}b",
            "a \u{a0}b",
        ] {
            assert_eq!(is_own_fold(t), fold(t) == t, "{t:?}");
            assert_eq!(fold_ws(t), fold(t), "{t:?}");
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
