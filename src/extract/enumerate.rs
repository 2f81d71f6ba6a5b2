//! Ordinal lists: requirements, proposals, tasks.
//!
//! A marker counts only where a clause starts: at the start of a sentence or
//! paragraph, or after `,` `;` `:` `，` `；` `：` `。`. The phrasings read:
//!
//! | style | markers |
//! | --- | --- |
//! | `firstly` | `Firstly,` `Secondly,` `Thirdly,` … `Lastly,` |
//! | `first` | `First,` `Second,` … `first of all,` `Finally,` (mixing with `-ly` forms is one list) |
//! | `ordinal_noun` | `The first is` `the second is` |
//! | `numeral` | `1.` `2.` / `1、` `2、` |
//! | `paren` | `(1)` `(2)`, `（一）` `（二）` |
//! | `dash` | `-- ` bullets at a sentence start |
//! | `yi_shi` | `一是` `二是` |
//! | `yi_yao` | `一要` `二要` |
//! | `diyi` | `第一，` `第二，` |
//! | `shouxian` | `首先` `其次` `再次` `最后` |
//!
//! Ordinals must run 1, 2, 3 … in the order written; a list has at least two
//! items. An item runs from after its marker to the next marker, or to the end of its
//! paragraph when the next marker opens a later paragraph or the list ends there.

use super::people::People;
use super::Ctx;
use crate::model::{EnumStyle, Enumeration, Item, Lang, Span, Text};
use crate::text;
use regex::Regex;

/// Compiled marker patterns.
pub(crate) struct Rules {
    /// Literal cues of the English markers; a paragraph without one (and without a
    /// digit) is not searched.
    en_cues: aho_corasick::AhoCorasick,
    en: Regex,
    zh: Regex,
}

impl Rules {
    pub(crate) fn new() -> Rules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        Rules {
            en_cues: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([
                    "irst", "econd", "hird", "ourth", "ifth", "ixth", "enth", "ighth", "inth",
                    "inally", "astly", "(", "（", "--",
                ])
                .expect("built-in cue words"),
            en: re(r"(?x)
                (?P<ly>(?-u:\b)(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)ly\s*[,:]|(?-u:\b)(?i:last)ly\s*,)
              | (?P<noun>(?-u:\b)(?i:the)\s+(?P<nw>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:is|was|are)(?-u:\b))
              | (?P<ord>(?-u:\b)(?i:first\s+of\s+all|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally)\s*[,:])
              | (?P<paren>\(\s*(?P<pn>\d{1,2})\s*\)|（\s*(?P<pn2>\d{1,2})\s*）)
              | (?P<num>(?P<nn>\d{1,2})\.\s)
              | (?P<dash>--\s)
            "),
            zh: re(r"(?x)
                (?P<yishi>(?P<ys>[一二三四五六七八九十]{1,2})是)
              | (?P<yiyao>(?P<yy>[一二三四五六七八九十]{1,2})要)
              | (?P<diyi>第(?P<dy>[一二三四五六七八九十]{1,2})[，,、：:])
              | (?P<sx>首先|其次|再次|最后)
              | (?P<paren>（(?P<pz>[一二三四五六七八九十]{1,2})）|\((?P<pz2>[一二三四五六七八九十]{1,2})\)|（(?P<pd>\d{1,2})）|\((?P<pd2>\d{1,2})\))
              | (?P<num>(?P<nn>\d{1,2})[、．.](?:\D))
            "),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    EnOrdinal,
    Noun,
    Paren,
    Numeral,
    Dash,
    YiShi,
    YiYao,
    Diyi,
    Shouxian,
}

#[derive(Clone, Copy, Debug)]
struct Cand {
    group: Group,
    style: EnumStyle,
    /// 0 means "last" (`Lastly`, `Finally`, `最后`); for dashes, assigned in order.
    ord: u32,
    marker: Span,
    para: usize,
}

fn en_ordinal(w: &str) -> u32 {
    let w = w.to_ascii_lowercase();
    let w = w.trim_end_matches("ly");
    match w {
        "first" | "first of all" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => 0,
    }
}

fn zh_ordinal(w: &str) -> u32 {
    super::quotes::chinese_number_prefix(w).map_or(0, |(n, _)| n as u32)
}

/// True where a clause starts at byte `i` of paragraph text `s` (`; and third,`
/// counts too).
fn clause_start(s: &str, i: usize) -> bool {
    let mut before = s[..i].trim_end_matches(text::is_space);
    if let Some(b) = before.strip_suffix(" and") {
        if b.trim_end().ends_with([',', ';']) {
            before = b.trim_end();
        }
    }
    match before.chars().last() {
        None => true,
        Some(c) => matches!(
            c,
            ',' | ';'
                | ':'
                | '.'
                | '!'
                | '?'
                | '"'
                | '”'
                | '，'
                | '；'
                | '：'
                | '。'
                | '！'
                | '？'
                | '、'
                | ')'
                | '）'
        ),
    }
}

fn candidates(rules: &Rules, ctx: &Ctx<'_>) -> Vec<Cand> {
    let mut out = Vec::new();
    for (pi, &p) in ctx.paras.iter().enumerate() {
        let s = ctx.at(p);
        let at = |a: usize, b: usize| Span::new(p.start + a, p.start + b);
        match ctx.lang {
            Lang::En => {
                if !s.bytes().any(|b| b.is_ascii_digit()) && !rules.en_cues.is_match(s) {
                    continue;
                }
                for c in rules.en.captures_iter(s) {
                    let Some(m) = c.get(0) else { continue };
                    // `(4)` is distinctive enough to count after `and`; other markers
                    // must open a clause.
                    let paren_ok =
                        c.name("paren").is_some() && s[..m.start()].trim_end().ends_with(" and");
                    if !clause_start(s, m.start()) && !paren_ok {
                        continue;
                    }
                    // A dash bullet opens a paragraph or follows a finished sentence,
                    // never a dateline's `(Xinhua) --`.
                    if c.name("dash").is_some() {
                        let before = s[..m.start()].trim_end();
                        if !(before.is_empty()
                            || before
                                .ends_with(['.', '!', '?', '"', '”', ';', ':', '；', '：', '。']))
                        {
                            continue;
                        }
                    }
                    let marker = at(m.start(), m.end());
                    let word = m.as_str().trim_end_matches([',', ':', ' ']).trim();
                    let cand = if c.name("ly").is_some() {
                        Cand {
                            group: Group::EnOrdinal,
                            style: EnumStyle::Firstly,
                            ord: en_ordinal(word),
                            marker,
                            para: pi,
                        }
                    } else if let Some(nw) = c.name("nw") {
                        Cand {
                            group: Group::Noun,
                            style: EnumStyle::OrdinalNoun,
                            ord: en_ordinal(nw.as_str()),
                            marker,
                            para: pi,
                        }
                    } else if c.name("ord").is_some() {
                        Cand {
                            group: Group::EnOrdinal,
                            style: EnumStyle::First,
                            ord: en_ordinal(word),
                            marker,
                            para: pi,
                        }
                    } else if c.name("paren").is_some() {
                        let n = c.name("pn").or(c.name("pn2")).map_or("0", |x| x.as_str());
                        Cand {
                            group: Group::Paren,
                            style: EnumStyle::Paren,
                            ord: n.parse().unwrap_or(0),
                            marker,
                            para: pi,
                        }
                    } else if let Some(nn) = c.name("nn") {
                        Cand {
                            group: Group::Numeral,
                            style: EnumStyle::Numeral,
                            ord: nn.as_str().parse().unwrap_or(0),
                            marker,
                            para: pi,
                        }
                    } else {
                        Cand {
                            group: Group::Dash,
                            style: EnumStyle::Dash,
                            ord: 0,
                            marker,
                            para: pi,
                        }
                    };
                    out.push(cand);
                }
            }
            Lang::Zh => {
                for c in rules.zh.captures_iter(s) {
                    let Some(m) = c.get(0) else { continue };
                    if !clause_start(s, m.start()) {
                        continue;
                    }
                    let mut end = m.end();
                    if c.name("num").is_some() {
                        // The pattern looked one character past the marker.
                        end = m.start() + m.as_str().find(['、', '．', '.']).map_or(0, |x| x + 1);
                        end = text::ceil_boundary(s, end);
                    }
                    let marker = at(m.start(), end);
                    let (group, style, ord) = if let Some(x) = c.name("ys") {
                        (Group::YiShi, EnumStyle::YiShi, zh_ordinal(x.as_str()))
                    } else if let Some(x) = c.name("yy") {
                        (Group::YiYao, EnumStyle::YiYao, zh_ordinal(x.as_str()))
                    } else if let Some(x) = c.name("dy") {
                        (Group::Diyi, EnumStyle::Diyi, zh_ordinal(x.as_str()))
                    } else if let Some(x) = c.name("sx") {
                        let o = match x.as_str() {
                            "首先" => 1,
                            "其次" => 2,
                            "再次" => 3,
                            _ => 0,
                        };
                        (Group::Shouxian, EnumStyle::Shouxian, o)
                    } else if let Some(x) = c.name("pz").or(c.name("pz2")) {
                        (Group::Paren, EnumStyle::Paren, zh_ordinal(x.as_str()))
                    } else if let Some(x) = c.name("pd").or(c.name("pd2")) {
                        (
                            Group::Paren,
                            EnumStyle::Paren,
                            x.as_str().parse().unwrap_or(0),
                        )
                    } else if let Some(x) = c.name("nn") {
                        (
                            Group::Numeral,
                            EnumStyle::Numeral,
                            x.as_str().parse().unwrap_or(0),
                        )
                    } else {
                        continue;
                    };
                    out.push(Cand {
                        group,
                        style,
                        ord,
                        marker,
                        para: pi,
                    });
                }
            }
        }
    }
    out
}

struct Open {
    group: Group,
    style: EnumStyle,
    items: Vec<Cand>,
    closed: bool,
}

/// Finds the ordinal lists of the body.
pub(crate) fn find(rules: &Rules, ctx: &Ctx<'_>, people: &People) -> Vec<Enumeration> {
    let cands = candidates(rules, ctx);
    let mut lists: Vec<Open> = Vec::new();
    for c in cands {
        // The open list of this group, if it is near enough.
        let open = lists
            .iter_mut()
            .rev()
            .find(|l| l.group == c.group && !l.closed);
        let near = |l: &Open| {
            let last = l.items.last().map_or(0, |x| x.para);
            c.para <= last + 3
        };
        match open {
            Some(l) if near(l) => {
                let next = l.items.len() as u32 + 1;
                if c.group == Group::Dash {
                    l.items.push(Cand { ord: next, ..c });
                    continue;
                }
                if c.ord == next {
                    l.items.push(c);
                    continue;
                }
                if c.ord == 0 && l.items.len() >= 2 {
                    l.items.push(Cand { ord: next, ..c });
                    l.closed = true;
                    continue;
                }
                if c.ord == 1 {
                    l.closed = true;
                    lists.push(Open {
                        group: c.group,
                        style: c.style,
                        items: vec![c],
                        closed: false,
                    });
                }
            }
            other => {
                if let Some(l) = other {
                    l.closed = true;
                }
                if c.ord == 1 || c.group == Group::Dash {
                    lists.push(Open {
                        group: c.group,
                        style: c.style,
                        items: vec![Cand { ord: 1, ..c }],
                        closed: false,
                    });
                }
            }
        }
    }
    let lists: Vec<Open> = lists.into_iter().filter(|l| l.items.len() >= 2).collect();
    // A list's last item ends where the next list starts in its paragraph, so the
    // items of many lists never overlap (their total stays linear in the input).
    let mut firsts: Vec<usize> = lists.iter().map(|l| l.items[0].marker.start).collect();
    firsts.sort_unstable();
    let sent_starts: Vec<usize> = ctx.sents.iter().map(|s| s.span.start).collect();
    let mut out = Vec::new();
    for l in lists {
        let mut items = Vec::with_capacity(l.items.len());
        for (k, c) in l.items.iter().enumerate() {
            let para_end = ctx.paras[c.para].end;
            let next_list = firsts
                .get(firsts.partition_point(|&f| f <= c.marker.start))
                .copied()
                .unwrap_or(usize::MAX);
            let end = match l.items.get(k + 1) {
                Some(n) if n.para == c.para => n.marker.start,
                _ => para_end.min(next_list),
            };
            let mut span = text::trim_by(ctx.src, Span::new(c.marker.end, end), |ch| {
                text::is_space(ch) || matches!(ch, ',' | '，' | '、' | ':' | '：' | ';' | '；')
            });
            // `...; and third,`: the `and` belongs to the next marker.
            if let Some(rest) = ctx.at(span).strip_suffix(" and") {
                let rest = rest.trim_end_matches([',', ';', ' ']);
                span = Span::new(span.start, span.start + rest.len());
            }
            items.push(Item {
                ordinal: k as u32 + 1,
                marker: text::fold_ws(ctx.at(c.marker)),
                text: text::fold_ws(ctx.at(span)),
                span,
            });
        }
        let first = l.items[0];
        let intro = intro_of(ctx, &sent_starts, first.marker);
        let speaker = intro
            .as_ref()
            .and_then(|t| people.speaker_in(t.span, ctx))
            .map(|i| people.name(i).to_string());
        out.push(Enumeration {
            speaker,
            intro,
            style: l.style,
            items,
        });
    }
    out
}

/// The text that introduces a list: the sentence part before the first marker, or
/// the sentence before it when the marker opens a sentence.
fn intro_of(ctx: &Ctx<'_>, sent_starts: &[usize], marker: Span) -> Option<Text> {
    let idx = sent_starts
        .partition_point(|&s| s <= marker.start)
        .checked_sub(1)?;
    let s0 = ctx.sents.get(idx)?;
    if marker.start >= s0.span.end.max(s0.span.start + 1) {
        return None;
    }
    let s = ctx.sents[idx];
    let before = text::trim(ctx.src, Span::new(s.span.start, marker.start));
    if before.len() > 3 {
        return text::text_trimmed(ctx.src, before);
    }
    let prev = ctx.sents.get(idx.checked_sub(1)?)?;
    Some(text::text_at(ctx.src, prev.span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Anchors, Ctx};

    fn lists(src: &str, lang: Lang) -> Vec<Enumeration> {
        let paras: Vec<Span> = text::lines(src, Span::new(0, src.len()))
            .map(|l| text::trim(src, l))
            .filter(|l| !l.is_empty())
            .collect();
        let ctx = Ctx::new(src, lang, None, &paras, Anchors::default());
        find(&Rules::new(), &ctx, &People::new(lang))
    }

    #[test]
    fn firstly_secondly_mixed_with_first() {
        let l = lists(
            "He made requirements, firstly, grasp the role. Secondly, work closely. Thirdly, intensify support.",
            Lang::En,
        );
        assert_eq!(l.len(), 1);
        let items: Vec<&str> = l[0].items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            items,
            vec!["grasp the role.", "work closely.", "intensify support."]
        );
        assert_eq!(l[0].style, EnumStyle::Firstly);
    }

    #[test]
    fn chinese_yi_shi_across_paragraphs() {
        let l = lists(
            "会议强调，一是坚定信心决心。\n二是强化重点工作。\n三是推进有效衔接。",
            Lang::Zh,
        );
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].items.len(), 3);
        assert_eq!(l[0].items[2].text, "推进有效衔接。");
    }

    #[test]
    fn single_marker_is_no_list() {
        assert!(lists("First, do this. Then that.", Lang::En).is_empty());
        assert!(lists("统一是关键。", Lang::Zh).is_empty());
    }
}

#[cfg(test)]
mod dash_tests {
    use super::*;
    use crate::extract::{Anchors, Ctx};

    #[test]
    fn dash_bullets_in_one_paragraph() {
        let src = "BEIJING, Oct. 29 (Xinhua) -- The plan was set by 2035. -- China's strength will grow. A stride. -- New industrialization will be achieved. -- The modernization will be achieved.";
        let paras = vec![Span::new(0, src.len())];
        let ctx = Ctx::new(src, Lang::En, None, &paras, Anchors::default());
        let l = find(&Rules::new(), &ctx, &People::new(Lang::En));
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].items.len(), 3);
        assert!(l[0].items[0].text.starts_with("China's strength"));
    }
}
