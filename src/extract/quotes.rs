//! Quoted terms: slogans, formulations and document titles.
//!
//! Reads text inside `“ ”`, straight `" "`, `「 」`, `『 』` and `《 》` in the body
//! paragraphs (not the headline, not the junk), and single quotes `‘ ’` / `' '`
//! nested inside a double-quoted passage (`"... 'de-globalization' ..."`). A quote
//! never crosses a paragraph and is at most 600 bytes; an unbalanced mark opens
//! nothing. Equal texts fold into one entry with a count and every span. `number` is
//! the numeral the term begins with: `four services` → 4, `两个维护` → 2,
//! `十四五` → 14.

use super::Ctx;
use crate::model::{QuotedTerm, Span};
use crate::text;

const MAX_QUOTE: usize = 600;

/// Finds the quoted terms of the body.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<QuotedTerm> {
    let mut found: Vec<Span> = Vec::new();
    for &p in ctx.paras {
        scan_para(ctx.src, p, &mut found);
    }
    let mut out: Vec<QuotedTerm> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for span in found {
        let t = text::fold_ws(ctx.at(span));
        if t.is_empty() {
            continue;
        }
        if let Some(&k) = index.get(&t) {
            let q: &mut QuotedTerm = &mut out[k];
            q.count += 1;
            q.spans.push(span);
        } else {
            index.insert(t.clone(), out.len());
            out.push(QuotedTerm {
                number: leading_number(&t),
                text: t,
                count: 1,
                spans: vec![span],
            });
        }
    }
    out
}

fn closer(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '「' => '」',
        '『' => '』',
        '《' => '》',
        '"' => '"',
        '〈' => '〉',
        _ => return None,
    })
}

fn scan_para(src: &str, para: Span, out: &mut Vec<Span>) {
    let s = text::slice(src, para);
    let mut i = 0usize;
    while i < s.len() {
        // Every opening mark starts with `"`, E2 (`“`) or E3 (`「『《〈`): go to the
        // next such byte (a lead byte or ASCII, so a character boundary).
        let Some(k) = memchr::memchr3(b'"', 0xE2, 0xE3, &s.as_bytes()[i..]) else {
            break;
        };
        i += k;
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        if let Some(close) = closer(c) {
            let inner_start = i + clen;
            let limit = (inner_start + MAX_QUOTE).min(s.len());
            let limit = text::floor_boundary(s, limit);
            let window = &s[inner_start..limit];
            // Straight quotes: the closer is the next straight quote.
            if let Some(rel) = window.find(close) {
                let inner = Span::new(para.start + inner_start, para.start + inner_start + rel);
                let inner = text::trim(src, inner);
                if !inner.is_empty() {
                    out.push(inner);
                    if c == '"' || c == '“' {
                        nested_single(src, inner, out);
                    }
                }
                i = inner_start + rel + close.len_utf8();
                continue;
            }
        }
        i += clen;
    }
}

/// Single-quoted terms inside a double-quoted passage.
fn nested_single(src: &str, span: Span, out: &mut Vec<Span>) {
    let s = text::slice(src, span);
    let b = s.as_bytes();
    let mut i = 0usize;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        let open = c == '‘' || (c == '\'' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()));
        if open {
            let close = if c == '‘' { '’' } else { '\'' };
            let from = i + clen;
            let window_end = text::floor_boundary(s, (from + 200).min(s.len()));
            let mut found = None;
            for (rel, d) in s[from..window_end].char_indices() {
                if d == close {
                    let after = s[from + rel + d.len_utf8()..].chars().next();
                    // A closing straight quote is not followed by a letter (it's not an apostrophe).
                    if close == '\'' && after.is_some_and(|a| a.is_alphanumeric()) {
                        continue;
                    }
                    found = Some(from + rel);
                    break;
                }
            }
            if let Some(end) = found {
                let inner = text::trim(src, Span::new(span.start + from, span.start + end));
                if !inner.is_empty() {
                    out.push(inner);
                }
                i = end + close.len_utf8();
                continue;
            }
        }
        i += clen;
    }
}

/// The number a term begins with: English words or digits, Chinese numerals.
pub(crate) fn leading_number(t: &str) -> Option<u64> {
    let first = t.chars().next()?;
    if first.is_ascii_digit() {
        let d: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        return d.parse().ok();
    }
    if first.is_ascii_alphabetic() {
        let w = t
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        return english_number(&w);
    }
    chinese_number_prefix(t).map(|(n, _)| n)
}

/// `one` … `twenty`, `thirty`, `hundred`.
pub(crate) fn english_number(w: &str) -> Option<u64> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as u64);
    }
    match w {
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "hundred" => Some(100),
        "dozen" => Some(12),
        _ => None,
    }
}

/// The value of one Chinese digit (`〇`…`九`, `两`).
pub(crate) fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral at the start of `t` (`十四`, `两`, `二十三`, `一百`): its value and
/// its length in bytes. Consecutive digits without a unit (`八八`) read only the first.
pub(crate) fn chinese_number_prefix(t: &str) -> Option<(u64, usize)> {
    let mut total = 0u64;
    let mut cur: Option<u64> = None;
    let mut len = 0usize;
    let mut any = false;
    for c in t.chars() {
        if let Some(d) = cn_digit(c) {
            if cur.is_some() {
                break;
            }
            cur = Some(d);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                _ => break,
            };
            total += cur.unwrap_or(1) * unit;
            cur = None;
        }
        any = true;
        len += c.len_utf8();
    }
    if !any {
        return None;
    }
    Some((total + cur.unwrap_or(0), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_terms() {
        assert_eq!(leading_number("four services"), Some(4));
        assert_eq!(leading_number("两个维护"), Some(2));
        assert_eq!(leading_number("十四五"), Some(14));
        assert_eq!(leading_number("八八战略"), Some(8));
        assert_eq!(leading_number("1+1+9"), Some(1));
        assert_eq!(leading_number("open-door"), None);
    }

    #[test]
    fn quotes_in_paragraphs() {
        let src = "He urged \"count on China\" and the “four services” of “two systems”. 'x'";
        let mut out = Vec::new();
        scan_para(src, Span::new(0, src.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|s| text::slice(src, *s)).collect();
        assert_eq!(got, vec!["count on China", "four services", "two systems"]);
    }

    #[test]
    fn nested_single_quotes() {
        let src = "\"pursue 'de-globalization' or 'parallel systems' won't work\"";
        let mut out = Vec::new();
        scan_para(src, Span::new(0, src.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|s| text::slice(src, *s)).collect();
        assert_eq!(got[1..], ["de-globalization", "parallel systems"]);
    }

    #[test]
    fn unbalanced_opens_nothing() {
        let src = "“unbalanced and never closed";
        let mut out = Vec::new();
        scan_para(src, Span::new(0, src.len()), &mut out);
        assert!(out.is_empty());
    }
}
