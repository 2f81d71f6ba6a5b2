//! The span contract, checked on a whole [`Article`] (shared by the adversarial and
//! property tests, and by the fuzz target through `#[path]`).
//!
//! Every `span` in the JSON form must lie in the input, sit on UTF-8 character
//! boundaries, and *cover* the `text` or `name` next to it: the value, folded the way
//! `shared/eval/score.py` folds it (`walk_spans`), is inside the text at the span, or
//! the two are near-equal. Every span in a `spans` list and every paragraph must be
//! in range and on boundaries.

#![allow(dead_code)]

use policy_news::Article;
use serde_json::Value;

/// Checks every span of `article` against `src`; the error names the first bad one.
pub fn check(src: &str, article: &Article) -> Result<(), String> {
    let v = serde_json::to_value(article).map_err(|e| format!("serialize: {e}"))?;
    walk(src, &v, "$")
}

/// Panics with the offending span when [`check`] fails.
pub fn assert_valid(src: &str, article: &Article) {
    if let Err(e) = check(src, article) {
        let head: String = src.chars().take(200).collect();
        panic!("{e}\n  input ({} bytes) starts {head:?}", src.len());
    }
}

fn span_of(v: &Value) -> Option<(usize, usize)> {
    let a = v.as_array()?;
    if a.len() != 2 {
        return None;
    }
    Some((a[0].as_u64()? as usize, a[1].as_u64()? as usize))
}

fn piece<'a>(src: &'a str, v: &Value, path: &str) -> Result<&'a str, String> {
    let (s, e) = span_of(v).ok_or_else(|| format!("{path}: not a [start, end] pair: {v}"))?;
    if s > e || e > src.len() {
        return Err(format!(
            "{path}: span [{s}, {e}] out of range (len {})",
            src.len()
        ));
    }
    if !src.is_char_boundary(s) || !src.is_char_boundary(e) {
        return Err(format!("{path}: span [{s}, {e}] splits a character"));
    }
    Ok(&src[s..e])
}

fn walk(src: &str, v: &Value, path: &str) -> Result<(), String> {
    match v {
        Value::Object(m) => {
            if let Some(sp) = m.get("span") {
                let p = piece(src, sp, &format!("{path}.span"))?;
                let txt = m
                    .get("text")
                    .and_then(Value::as_str)
                    .filter(|t| !t.is_empty())
                    .or_else(|| m.get("name").and_then(Value::as_str));
                if let Some(t) = txt {
                    if !covers(t, p) {
                        return Err(format!(
                            "{path}: span text {p:?} does not cover value {t:?}"
                        ));
                    }
                }
            }
            for key in ["spans", "paragraphs"] {
                if let Some(Value::Array(list)) = m.get(key) {
                    for (i, sp) in list.iter().enumerate() {
                        piece(src, sp, &format!("{path}.{key}[{i}]"))?;
                    }
                }
            }
            for (k, x) in m {
                if k != "span" && k != "spans" && k != "paragraphs" {
                    walk(src, x, &format!("{path}.{k}"))?;
                }
            }
            Ok(())
        }
        Value::Array(list) => {
            for (i, x) in list.iter().enumerate() {
                walk(src, x, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// True when `piece` (the text at a span) is the source of `value`: score.py's
/// `norm(value) in norm(piece) or relaxed(value, piece)`.
pub fn covers(value: &str, piece: &str) -> bool {
    let (a, b) = (norm(value), norm(piece));
    b.contains(&a) || relaxed(&a, &b)
}

const EDGE: &str =
    " \t\n.,;:!?\"'()[]-\u{3001}\u{3002}\u{ff0c}\u{ff1b}\u{ff1a}\u{ff01}\u{ff1f}\u{3010}\u{3011}";

/// score.py's `norm`, with NFKC approximated by the full-width ASCII fold.
fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' | '\u{a0}' => ' ',
            '\u{201c}' | '\u{201d}' | '\u{300c}' | '\u{300d}' | '\u{300e}' | '\u{300f}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{300a}' | '\u{300b}' => continue,
            '\u{2014}' | '\u{2013}' => '-',
            c => c,
        };
        folded.extend(c.to_lowercase());
    }
    let mut out = String::with_capacity(folded.len());
    let mut in_ws = false;
    for c in folded.chars() {
        if c.is_whitespace() {
            if !in_ws {
                out.push(' ');
            }
            in_ws = true;
        } else {
            out.push(c);
            in_ws = false;
        }
    }
    out.trim_matches(|c| EDGE.contains(c)).to_string()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x3400..=0x9fff))
}

fn tokens(s: &str) -> std::collections::BTreeSet<String> {
    if has_cjk(s) {
        s.chars().filter(|&c| c != ' ').map(String::from).collect()
    } else {
        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    }
}

fn relaxed(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if long.contains(short) && short.chars().count() * 2 >= long.chars().count() {
        return true;
    }
    let (ta, tb) = (tokens(a), tokens(b));
    let union = ta.union(&tb).count();
    union > 0 && ta.intersection(&tb).count() as f64 / union as f64 >= 0.6
}

#[test]
fn covers_follows_the_scorer() {
    assert!(covers("Zhang Wei", "Director Zhang  Wei"));
    assert!(covers("four services", "“four services”"));
    assert!(covers("2020-11-16", "2020-11-16"));
    assert!(!covers("Li Qiang", "Zhang Wei"));
}
