//! Boilerplate: finding the headline and the body, and setting page junk aside.
//!
//! Scraped pages put menus, share counters, photo captions, editor lines, related
//! links and CMS footers around (and sometimes inside) the article. This module
//! splits the input into the headline, the body paragraphs and the
//! [`Boilerplate`] it set aside, and says why each piece is junk. A piece of text is
//! only junk when there is evidence for it:
//!
//! - whole lines: view counters (`0 1 6 12`, `阅读：123`), CMS footers (`Produced By
//!   …`, `Powered by`, `版权所有`, `ICP备`), share rows (`分享到`), breadcrumbs
//!   (`当前位置`, `首页 >`), editor lines (`(Web editor: …)`, `（责任编辑：…）`), pagers;
//! - inside one long line (pages flattened to a single line): a page header that ends
//!   in a source-and-time stamp (`( Xinhua ) 08:48, November 18, 2020`), a photo
//!   caption ending in a credit (`(Xinhua/Li Tao)`), and the tail that starts at the
//!   first footer cue (`【1】`, `(For the latest`, `(Web editor:`, `Related reading`).
//!
//! Captions inside the body are recognised by their credit and walked back over the
//! caption-like sentences before it (present-tense `attends`, `Photo taken on`).

use crate::model::{Boilerplate, BoilerplateKind, Span};
use crate::text::{self, slice, trim};
use regex::Regex;

/// The layout of an article: headline, body paragraphs, junk.
#[derive(Debug, Default, Clone)]
pub(crate) struct Layout {
    pub title: Option<Span>,
    pub paragraphs: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
}

/// Compiled boilerplate rules.
#[derive(Debug)]
pub(crate) struct Cleaner {
    /// `( Xinhua ) 08:48, November 18, 2020` page stamp.
    stamp: Regex,
    /// `BEIJING, Nov. 17 (Xinhua) --` inside a flattened page.
    dateline: Regex,
    /// `(Xinhua/Li Tao)`, `(Photo/…)`, `(Xinhua photo)`.
    credit: Regex,
    /// `DD_belatedPNG.fix(...);` and other inline scripts.
    script: Regex,
    /// Tail cues of flattened pages (see [`TAIL_CUES`]).
    tail: aho_corasick::AhoCorasick,
    /// Whole-line junk.
    line_rules: Vec<(Regex, BoilerplateKind)>,
    /// Caption-like sentence.
    caption_like: Regex,
}

impl Cleaner {
    pub(crate) fn new() -> Cleaner {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        Cleaner {
            stamp: re(
                r"\(\s*[A-Z][A-Za-z0-9_ .'’-]{1,40}\s*\)\s*[0-9]{1,2}:[0-9]{2},\s+[A-Z][a-z]+\.? [0-9]{1,2},\s*[0-9]{4}",
            ),
            dateline: re(
                r"(?-u:\b)[A-Z][A-Z .'’-]{1,30}, (?:[A-Z][a-z]{2,8}\.?|\d{1,2}月) ?\d{1,2}(?:\s*,\s*\d{4})? \((?:Xinhua|AP|AFP|Reuters|PD Online|People's Daily|CGTN|China Daily|[A-Z][A-Za-z ]{1,20})\)\s*(?:--|—|-)",
            ),
            credit: re(
                r"\((?:Xinhua|Photo|Photos|People's Daily|CFP|IC|VCG|Reuters|AFP|AP|China Daily|CGTN|ECNS)/[^()]+\)|\((?:Xinhua|[A-Z][A-Za-z]+) [Pp]hoto(?: by [^()]+)?\)|\(Photo(?: by|:) [^()]+\)",
            ),
            script: re(r"[A-Za-z_$][A-Za-z0-9_.$]*\.(?:fix|write|ready|push)\([^)]*\);?"),
            tail: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(TAIL_CUES)
                .expect("built-in tail cues"),
            line_rules: vec![
                (re(r"^[\d\s|/·.,:：]+$"), BoilerplateKind::Counter),
                (
                    re(
                        r"(?i)^(?:阅读|浏览|点击|访问|views?|reads?|hits?)\s*(?:次数|数|量)?\s*[:：]?\s*\d+\s*(?:次)?$",
                    ),
                    BoilerplateKind::Counter,
                ),
                (
                    re(
                        r"(?i)^(?:produced by|powered by|copyright|all rights reserved|©)|版权所有|ICP备|ICP证|技术支持[:：]|发布系统\s*$|主办单位[:：]|承办单位[:：]|网站标识码|公网安备",
                    ),
                    BoilerplateKind::CmsFooter,
                ),
                (
                    re(
                        r"^(?:分享到|分享：|分享:|Share(?: this)?\s*[:：]?|微信\s*微博|打印本页|【打印】|【关闭】|\[打印\]|\[关闭\])",
                    ),
                    BoilerplateKind::Share,
                ),
                (
                    re(
                        r"^(?:当前位置|您现在的位置|你的位置|首页\s*[>＞»]|Home\s*[>»]|Home\s*&gt;)",
                    ),
                    BoilerplateKind::Navigation,
                ),
                (
                    re(
                        r"^(?:相关新闻|相关阅读|相关链接|推荐阅读|延伸阅读|Related (?:reading|news|articles|stories)\s*[:：]?)\s*",
                    ),
                    BoilerplateKind::Related,
                ),
                (
                    re(r"^[（(]\s*(?:责任编辑|责编|编辑|Web editor|Editor)\s*[:：]"),
                    BoilerplateKind::Other,
                ),
                (
                    re(r"^(?:责任编辑|编辑|审核|校对|来源|文章来源)\s*[:：]\s*\S{1,40}$"),
                    BoilerplateKind::Other,
                ),
                (
                    re(
                        r"^(?i:editor|edited by|responsible editor|source|proofread by)\s*[:：]\s*[^.。]{1,60}$",
                    ),
                    BoilerplateKind::Other,
                ),
                (
                    re(r"^(?:【\d+】\s*)+$|^(?:上一页|下一页|上一篇|下一篇)"),
                    BoilerplateKind::Navigation,
                ),
                (
                    re(r"^\[查看原文\]|^(?:原文链接|点击查看)"),
                    BoilerplateKind::Related,
                ),
            ],
            caption_like: re(
                r"(?i)(?-u:\b)photo(?-u:\b)|(?-u:\b)(?:attends|attend|chairs|presides|preside|delivers|makes|shows|meets|addresses|speaks|visits|inspects|poses|waves|talks|holds)(?-u:\b)|\d{4}\.$",
            ),
        }
    }

    /// Splits `src` into headline, paragraphs and junk.
    pub(crate) fn layout(&self, src: &str) -> Layout {
        let mut out = Layout::default();
        let whole = Span::new(0, src.len());
        let mut lines: Vec<Span> = text::lines(src, whole).map(|l| trim(src, l)).collect();
        lines.retain(|l| !l.is_empty());
        let mut rest = &lines[..];
        if lines.len() >= 2 && lines[0].len() <= 400 && !slice(src, lines[0]).ends_with('。') {
            out.title = Some(lines[0]);
            rest = &lines[1..];
        }
        for &line in rest {
            let s = slice(src, line);
            if let Some(kind) = self.line_kind(s) {
                out.boilerplate.push(junk(src, kind, line));
                continue;
            }
            if line.len() > 600 && self.looks_flattened(s) {
                self.split_flattened(src, line, &mut out);
            } else {
                self.strip_inline_captions(src, line, &mut out);
            }
        }
        out.boilerplate.sort_by_key(|b| b.span.start);
        out
    }

    fn line_kind(&self, s: &str) -> Option<BoilerplateKind> {
        if s.chars().count() > 120 {
            return None;
        }
        self.line_rules
            .iter()
            .find(|(re, _)| re.is_match(s))
            .map(|(_, k)| *k)
    }

    fn looks_flattened(&self, s: &str) -> bool {
        self.stamp.is_match(s)
            || self.tail_cue(s, 0).is_some()
            || (has_script_call(s) && self.script.is_match(s))
    }

    /// A page flattened onto one line: header, captions, body, tail.
    fn split_flattened(&self, src: &str, line: Span, out: &mut Layout) {
        let s = slice(src, line);
        let at = |a: usize, b: usize| Span::new(line.start + a, line.start + b);
        let mut body_start = 0usize;
        // Header: up to the source-and-time stamp.
        if let Some(m) = self.stamp.find(s) {
            if m.start() < s.len() / 2 {
                // Scripts inside the header.
                let mut cursor = 0;
                for sm in self.script.find_iter(&s[..m.start()]) {
                    if sm.start() > cursor {
                        push_junk(
                            src,
                            out,
                            BoilerplateKind::Navigation,
                            at(cursor, sm.start()),
                        );
                    }
                    push_junk(src, out, BoilerplateKind::Other, at(sm.start(), sm.end()));
                    cursor = sm.end();
                }
                // The stamp itself with the headline repeated before it.
                push_junk(src, out, BoilerplateKind::Navigation, at(cursor, m.end()));
                body_start = m.end();
                // A caption between the stamp and the dateline (or the first text).
                let dl = self.dateline.find_at(s, body_start).map(|d| d.start());
                if let Some(c) = self.credit.find_at(s, body_start) {
                    let before_dateline = dl.is_none_or(|d| c.end() <= d);
                    if before_dateline && c.start() - body_start < 1500 {
                        push_junk(src, out, BoilerplateKind::Caption, at(body_start, c.end()));
                        body_start = c.end();
                    }
                }
                if let Some(d) = dl {
                    let gap = trim(src, at(body_start, d));
                    if !gap.is_empty()
                        && d - body_start < 600
                        && self.credit.is_match(slice(src, gap))
                    {
                        push_junk(src, out, BoilerplateKind::Caption, gap);
                        body_start = d;
                    }
                }
            }
        }
        // Tail: the first footer cue after the body starts.
        let mut body_end = s.len();
        if let Some((t, _)) = self.tail_cue(s, body_start) {
            body_end = t;
            let tail = at(t, s.len());
            // One item per cue, so each kind is named.
            let mut cuts = Vec::new();
            let mut from = t;
            while let Some((a, b)) = self.tail_cue(s, from) {
                cuts.push(line.start + a);
                from = b;
            }
            cuts.push(tail.end);
            for w in cuts.windows(2) {
                let piece = Span::new(w[0], w[1]);
                let kind = tail_kind(slice(src, piece));
                push_junk(src, out, kind, piece);
            }
        }
        let body = trim(src, at(body_start, body_end));
        if !body.is_empty() {
            self.strip_inline_captions(src, body, out);
        }
    }

    /// The first tail cue of `s` at or after byte `from`: its start and end.
    fn tail_cue(&self, s: &str, from: usize) -> Option<(usize, usize)> {
        let mut at = from;
        while at <= s.len() {
            let m = self.tail.find(aho_corasick::Input::new(s).range(at..))?;
            let end = match TAIL_CUES[m.pattern().as_usize()] {
                // The note runs on to its closing parenthesis, at most 120 characters.
                FOR_THE_LATEST => {
                    let rest = &s[m.end()..];
                    m.end()
                        + rest
                            .char_indices()
                            .take(120)
                            .find(|&(_, c)| c == ')')
                            .map_or_else(
                                || rest.chars().take(120).map(char::len_utf8).sum(),
                                |(i, _)| i,
                            )
                }
                // `About People's Daily | `: a capitalised name of up to 41 letters,
                // digits, spaces and apostrophes, then ` | `.
                ABOUT => match about_end(s.as_bytes(), m.end()) {
                    Some(e) => e,
                    None => {
                        // No cue starts inside another, so the search goes on after it.
                        at = m.end();
                        continue;
                    }
                },
                _ => m.end(),
            };
            return Some((m.start(), end));
        }
        None
    }

    /// Removes captions ending in a credit from a paragraph; pushes the rest.
    fn strip_inline_captions(&self, src: &str, para: Span, out: &mut Layout) {
        let s = slice(src, para);
        let credits: Vec<(usize, usize)> = self
            .credit
            .find_iter(s)
            .map(|m| (m.start(), m.end()))
            .collect();
        if credits.is_empty() {
            out.paragraphs.push(para);
            return;
        }
        let mut sents = Vec::new();
        text::sentences(src, para, &mut sents);
        let mut cursor = para.start;
        for (cs, ce) in credits {
            let (cs, ce) = (para.start + cs, para.start + ce);
            if cs < cursor {
                continue;
            }
            // Sentences starting in this stretch, before the credit. `sents` is in
            // text order, so two binary searches find them (a filter over all
            // sentences per credit was quadratic in a paragraph full of credits).
            let lo = sents.partition_point(|x| x.start < cursor);
            let hi = lo + sents[lo..].partition_point(|x| x.start < cs);
            let before = &sents[lo..hi];
            let mut start = cs;
            if let Some(last) = before.last() {
                start = last.start;
                let mut k = before.len() - 1;
                let mut back = 0;
                // Walk back over up to two more sentences if one of them reads as a caption.
                while k > 0 && back < 2 {
                    let cand = before[k - 1];
                    if self.caption_like.is_match(slice(src, cand)) {
                        start = cand.start;
                        k -= 1;
                        back += 1;
                    } else {
                        break;
                    }
                }
                if !self
                    .caption_like
                    .is_match(slice(src, trim(src, Span::new(start, cs))))
                {
                    // No evidence the text before the credit is a caption: only the credit goes.
                    start = cs;
                }
            }
            let keep = trim(src, Span::new(cursor, start));
            if !keep.is_empty() {
                out.paragraphs.push(keep);
            }
            push_junk(src, out, BoilerplateKind::Caption, Span::new(start, ce));
            cursor = ce;
        }
        let keep = trim(src, Span::new(cursor, para.end));
        if !keep.is_empty() {
            out.paragraphs.push(keep);
        }
    }
}

/// True when `s` holds `.fix(`, `.write(`, `.ready(` or `.push(`, which every
/// inline script the clean-up removes has: looked for at each `(`, so most text
/// is passed over by one byte search.
fn has_script_call(s: &str) -> bool {
    memchr::memchr_iter(b'(', s.as_bytes()).any(|i| {
        let before = &s.as_bytes()[..i];
        [&b".fix"[..], b".write", b".ready", b".push"]
            .iter()
            .any(|m| before.ends_with(m))
    })
}

const FOR_THE_LATEST: &str = "(For the latest ";
const ABOUT: &str = "About ";

/// Cues that start the tail of a flattened page: editor lines, notes, reader
/// features and link lists.
const TAIL_CUES: &[&str] = &[
    "【1】",
    FOR_THE_LATEST,
    "(Web editor:",
    "(Editor:",
    "Please enable JavaScript",
    "Related reading",
    "Related News",
    "Hot News",
    "We Recommend",
    "Popular on ",
    "Key Words ",
    "Add your comment",
    "Links: ",
    ABOUT,
];

/// The end of `About Name | ` whose name starts at byte `p`: an upper-case letter,
/// then 1 to 40 letters, digits, spaces or apostrophes, then ` | `.
fn about_end(b: &[u8], p: usize) -> Option<usize> {
    if !b.get(p)?.is_ascii_uppercase() {
        return None;
    }
    let run = b[p + 1..]
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'\'' | b' '))
        .count();
    (1..=run)
        .rev()
        .map(|k| p + 1 + k)
        .find(|&e| b[e..].starts_with(b" | "))
        .map(|e| e + 3)
}

fn tail_kind(s: &str) -> BoilerplateKind {
    if s.starts_with("【") || s.starts_with("About ") {
        BoilerplateKind::Navigation
    } else if s.starts_with("Related")
        || s.starts_with("Hot News")
        || s.starts_with("We Recommend")
        || s.starts_with("Popular")
        || s.starts_with("Key Words")
        || s.starts_with("Links")
    {
        BoilerplateKind::Related
    } else {
        BoilerplateKind::Other
    }
}

fn junk(src: &str, kind: BoilerplateKind, span: Span) -> Boilerplate {
    Boilerplate {
        kind,
        text: text::fold_ws(slice(src, span)),
        span,
    }
}

fn push_junk(src: &str, out: &mut Layout, kind: BoilerplateKind, span: Span) {
    let span = trim(src, span);
    if !span.is_empty() {
        out.boilerplate.push(junk(src, kind, span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_footers_are_set_aside() {
        let c = Cleaner::new();
        let src = "Title here\n\nBody text that stays.\n\n0 1 6 12\nProduced By 大汉网络 大汉版通发布系统";
        let l = c.layout(src);
        assert_eq!(slice(src, l.title.unwrap()), "Title here");
        assert_eq!(l.paragraphs.len(), 1);
        let kinds: Vec<_> = l.boilerplate.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![BoilerplateKind::Counter, BoilerplateKind::CmsFooter]
        );
    }

    #[test]
    fn body_text_with_numbers_is_not_a_counter() {
        let c = Cleaner::new();
        let src = "T\nThe meeting was held on 12 May.\n16";
        let l = c.layout(src);
        assert_eq!(l.paragraphs.len(), 1);
        assert_eq!(l.boilerplate.len(), 1);
    }

    /// The tail cues as one regular expression: the hand-written search must
    /// find the same non-overlapping matches.
    const TAIL_PATTERN: &str = r"【1】|\(For the latest [^)]{0,120}|\(Web editor:|\(Editor:|Please enable JavaScript|Related reading|Related News|Hot News|We Recommend|Popular on |Key Words |Add your comment|Links: |About [A-Z][A-Za-z0-9' ]{1,40} \| ";

    #[test]
    fn tail_cues_match_like_their_pattern() {
        let c = Cleaner::new();
        let re = Regex::new(TAIL_PATTERN).unwrap();
        let long = "x".repeat(130);
        let cases = [
            "Body. (Web editor: Li) Related News A | B About People's Daily | Links: x",
            "About Us | Contact About us | About X| About XY  | About 12 | ",
            "(For the latest China news, Please enable JavaScript) Hot News",
            "(For the latest 新闻 ’quoted’ (Editor: x) About A B | ",
            "【1】【2】 We Recommend Popular on Key Words Add your comment",
            "About About Ab | About",
            "",
        ];
        let mut built = vec![format!(
            "(For the latest {long} Related reading) About Q | "
        )];
        // Names around the 40-character limit, with and without a space before `|`.
        for n in 38..=42 {
            built.push(format!("About A{} | x", "b".repeat(n)));
            built.push(format!(
                "About A{} |x About B{}  | ",
                "c".repeat(n),
                "d".repeat(n)
            ));
        }
        for s in cases
            .iter()
            .copied()
            .chain(built.iter().map(String::as_str))
        {
            let want: Vec<(usize, usize)> = re.find_iter(s).map(|m| (m.start(), m.end())).collect();
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(m) = c.tail_cue(s, from) {
                got.push(m);
                from = m.1;
            }
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn script_calls_are_found_at_their_parenthesis() {
        assert!(has_script_call("x DD_belatedPNG.fix('div, img'); y"));
        assert!(has_script_call("window.dataLayer.push({})"));
        assert!(!has_script_call("会议（一）强调 (1) the fix (2)"));
        assert!(!has_script_call("a.push (x)"));
        let c = Cleaner::new();
        for s in ["a.push (x)", "DD_belatedPNG.fix('x');", "(1) fix(2)"] {
            assert_eq!(has_script_call(s), c.script.is_match(s), "{s}");
        }
    }

    #[test]
    fn flattened_page_is_split() {
        let c = Cleaner::new();
        let body =
            "BEIJING, Nov. 17 (Xinhua) -- Premier Wang Lei presided over a symposium on Monday. "
                .repeat(8);
        let src = format!(
            "Headline\nHeadline - Site DD_belatedPNG.fix('div, ul'); Home Opinions World English &gt;&gt; Headline ( Xinhua ) 08:48, November 18, 2020 Wang Lei presides over a symposium in Beijing, Nov. 16, 2020. (Xinhua/Gao Jie) {body}【1】 【2】 (Web editor: A B, C D) Related reading Something else"
        );
        let l = c.layout(&src);
        assert_eq!(l.paragraphs.len(), 1);
        let p = slice(&src, l.paragraphs[0]);
        assert!(p.starts_with("BEIJING, Nov. 17"), "{p}");
        assert!(p.ends_with("on Monday."), "{p}");
        assert!(l
            .boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Caption));
        assert!(l
            .boilerplate
            .iter()
            .any(|b| b.text.starts_with("(Web editor")));
    }
}
