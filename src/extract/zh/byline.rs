//! Reporters named in Chinese bylines: they are people with the title `记者`,
//! `全媒体记者` or `通讯员`.
//!
//! Reads: `本报讯（记者 魏某 于某）`, `南方日报讯 （记者/徐某 吴某 通讯员/岳某）`,
//! `河北日报讯（记者王某）`, `（记者李某归某）` (two two-character names run together,
//! split where both halves open with a family name), and
//! `全媒体记者姚某、王某报道：`.

use super::lexicon::is_surname;
use crate::model::Span;
use crate::text;
use regex::Regex;

/// Compiled byline patterns.
pub(super) struct BylineRules {
    paren: Regex,
    report: Regex,
}

impl BylineRules {
    pub(super) fn new() -> BylineRules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        BylineRules {
            paren: re(
                r"[（(]\s*(?:(?:全媒体|融媒体|本报|新华社|实习)?记者|通讯员|实习生)[^（()）]{1,80}[）)]",
            ),
            report: re(
                r"(?:(?:全媒体|融媒体|本报)?记者|通讯员)\s*[\p{Han}\x{FFFD}・、\s]{2,40}?\s*报道\s*[：:]",
            ),
        }
    }
}

/// A reporter: name span and title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Reporter {
    pub name: String,
    pub span: Span,
    pub title: String,
}

const ROLE_WORDS: &[&str] = &[
    "全媒体记者",
    "融媒体记者",
    "本报记者",
    "新华社记者",
    "实习记者",
    "记者",
    "通讯员",
    "实习生",
];

/// The bylines and their reporters in the first `limit` bytes of `span`.
pub(super) fn find(rules: &BylineRules, src: &str, span: Span) -> (Vec<Span>, Vec<Reporter>) {
    let s = text::slice(src, span);
    let head = &s[..text::floor_boundary(s, 400.min(s.len()))];
    let mut spans = Vec::new();
    let mut out = Vec::new();
    for re in [&rules.paren, &rules.report] {
        if let Some(m) = re.find(head) {
            let sp = Span::new(span.start + m.start(), span.start + m.end());
            if spans.iter().any(|x: &Span| x.overlaps(sp)) {
                continue;
            }
            spans.push(sp);
            read_inside(src, sp, &mut out);
        }
    }
    (spans, out)
}

fn read_inside(src: &str, sp: Span, out: &mut Vec<Reporter>) {
    let s = text::slice(src, sp);
    let mut title: Option<&str> = None;
    let mut i = 0;
    let tok_char = |c: char| text::is_cjk(c) || c == '\u{FFFD}' || c == '・' || c == '·';
    while i < s.len() {
        let rest = &s[i..];
        if let Some(w) = ROLE_WORDS.iter().find(|w| rest.starts_with(**w)) {
            title = Some(w);
            i += w.len();
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        if !tok_char(c) {
            i += c.len_utf8();
            continue;
        }
        // A run of name characters up to a separator or a role word.
        let mut end = 0;
        for (k, ch) in rest.char_indices() {
            if !tok_char(ch) || (k > 0 && ROLE_WORDS.iter().any(|w| rest[k..].starts_with(w))) {
                break;
            }
            end = k + ch.len_utf8();
        }
        let tok = &rest[..end];
        if tok == "报道" || tok.ends_with("报道") {
            let t = tok.trim_end_matches("报道");
            split_names(t, sp.start + i, title, out);
        } else {
            split_names(tok, sp.start + i, title, out);
        }
        i += end.max(1);
    }
}

fn split_names(tok: &str, base: usize, title: Option<&str>, out: &mut Vec<Reporter>) {
    let Some(title) = title else { return };
    let cs: Vec<(usize, char)> = tok.char_indices().collect();
    let n = cs.len();
    let at = |k: usize| cs.get(k).map_or(tok.len(), |x| x.0);
    let parts: Vec<(usize, usize)> =
        if tok.contains('・') || tok.contains('·') || (2..=3).contains(&n) {
            vec![(0, tok.len())]
        } else if n == 4 {
            if is_surname(cs[0].1) && is_surname(cs[2].1) {
                vec![(0, at(2)), (at(2), tok.len())]
            } else {
                vec![(0, tok.len())]
            }
        } else if n == 5 {
            if is_surname(cs[2].1) {
                vec![(0, at(2)), (at(2), tok.len())]
            } else {
                vec![(0, at(3)), (at(3), tok.len())]
            }
        } else if n == 6 {
            vec![(0, at(3)), (at(3), tok.len())]
        } else {
            vec![]
        };
    for (a, b) in parts {
        let name = &tok[a..b];
        if name.chars().count() >= 2 {
            out.push(Reporter {
                name: name.to_string(),
                span: Span::new(base + a, base + b),
                title: title.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, String)> {
        let r = BylineRules::new();
        find(&r, s, Span::new(0, s.len()))
            .1
            .into_iter()
            .map(|x| (x.name, x.title))
            .collect()
    }

    #[test]
    fn spaced_and_slashed() {
        assert_eq!(
            names("南方日报讯 （记者/张明 吴哲 通讯员/岳宗）12月5日，"),
            vec![
                ("张明".into(), "记者".into()),
                ("吴哲".into(), "记者".into()),
                ("岳宗".into(), "通讯员".into())
            ]
        );
    }

    #[test]
    fn run_together() {
        assert_eq!(
            names("本报讯（记者李明归华）12月3日"),
            vec![
                ("李明".into(), "记者".into()),
                ("归华".into(), "记者".into())
            ]
        );
        assert_eq!(
            names("河北日报讯（记者王成海）11月"),
            vec![("王成海".into(), "记者".into())]
        );
    }

    #[test]
    fn reported_by() {
        assert_eq!(
            names("本报某地7日讯 全媒体记者姚红、王兴国报道：7日上午"),
            vec![
                ("姚红".into(), "全媒体记者".into()),
                ("王兴国".into(), "全媒体记者".into())
            ]
        );
    }
}
