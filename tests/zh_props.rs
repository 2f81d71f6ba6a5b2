//! Properties of Chinese parsing over generated CJK-heavy strings: no panic, every
//! span on character boundaries and in range, every span covering its value, and
//! the same output for the same input.

use policy_news::{Article, Date, Lang, Meta, Parser, Span};
use proptest::prelude::*;
use std::sync::OnceLock;

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(Parser::new)
}

/// Pieces of the genre, odd characters and noise, glued together by the strategy.
const PIECES: &[&str] = &[
    "省委书记",
    "省长",
    "市委常委",
    "国务院副总理",
    "中共中央政治局常委",
    "、",
    "，",
    "。",
    "；",
    "：",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "・",
    "·",
    "\u{FFFD}",
    "\u{3000}",
    "\n",
    "\n\t",
    "\t　　",
    " ",
    "主持会议并讲话",
    "出席会议",
    "参加会议",
    "主持",
    "讲话",
    "致辞",
    "发言",
    "强调",
    "指出，",
    "表示，",
    "要求，",
    "召开",
    "举行",
    "座谈会",
    "常务会议",
    "全体会议",
    "研讨会",
    "调研",
    "在京",
    "在广州",
    "等",
    "负责同志",
    "10月13日下午",
    "12日",
    "21日至22日",
    "二〇二〇年",
    "2019年12月4日",
    "本报讯（记者 ",
    "南方日报讯 （记者/",
    "通讯员/",
    "新华社北京11月2日电 ",
    "央视网消息（新闻联播）：",
    "一是",
    "二是",
    "三要",
    "两个维护",
    "十四五",
    "王",
    "李",
    "张",
    "建国",
    "志强",
    "海",
    "明",
    "艾力",
    "买买提",
    "总书记",
    "同志",
    "a",
    "1",
    "é",
    "😀",
];

fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => proptest::char::range('\u{4e00}', '\u{9fa5}').prop_map(|c| c.to_string()),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn meta() -> Meta {
    let d: Date = "2020-11-30".parse().expect("valid date");
    Meta::new().lang(Lang::Zh).published(d)
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{3000}' | '\u{feff}' | '\u{200b}' | '\u{a0}')
        })
        .collect()
}

/// The text at a span, or a failure message.
fn at(src: &str, span: Span) -> Result<&str, TestCaseError> {
    match src.get(span.start..span.end) {
        Some(s) => Ok(s),
        None => Err(TestCaseError::fail(format!(
            "span {span:?} is out of range or splits a character"
        ))),
    }
}

/// The value is written in the text at its span (folded; `北京` may stand on `京`).
fn covers(src: &str, span: Span, value: &str) -> Result<(), TestCaseError> {
    let piece = fold(at(src, span)?);
    let v = fold(value);
    let ok = piece.contains(&v) || (v.contains(&piece) && !piece.is_empty());
    prop_assert!(ok, "span {:?} = {:?} does not cover {:?}", span, piece, v);
    Ok(())
}

fn check_spans(src: &str, a: &Article) -> Result<(), TestCaseError> {
    if let Some(t) = &a.title {
        covers(src, t.span, &t.text)?;
    }
    if let Some(d) = &a.dateline {
        at(src, d.span)?;
        for t in [&d.place, &d.agency].into_iter().flatten() {
            covers(src, t.span, &t.text)?;
        }
    }
    for e in &a.events {
        covers(src, e.kind_text.span, &e.kind_text.text)?;
        for t in e.topic.iter().chain(&e.location).chain(&e.organizers) {
            covers(src, t.span, &t.text)?;
        }
        if let Some(d) = &e.date {
            at(src, d.span)?;
        }
        for p in e.chairs.iter().chain(&e.speakers) {
            covers(src, p.span, &p.name)?;
        }
        for x in &e.attendees {
            covers(src, x.span, &x.text)?;
            if let Some(n) = &x.name {
                covers(src, x.span, n)?;
            }
            for m in &x.members {
                covers(src, m.span, &m.text)?;
            }
        }
    }
    for p in &a.people {
        prop_assert!(!p.spans.is_empty());
        for &s in &p.spans {
            covers(src, s, &p.name)?;
        }
    }
    for o in &a.organizations {
        covers(src, o.span, &o.text)?;
    }
    for s in &a.statements {
        covers(src, s.span, &s.text)?;
    }
    for l in &a.enumerations {
        for it in &l.items {
            at(src, it.span)?;
        }
    }
    for q in &a.quoted_terms {
        for &s in &q.spans {
            at(src, s)?;
        }
    }
    for b in &a.boilerplate {
        at(src, b.span)?;
    }
    for &p in &a.paragraphs {
        at(src, p)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn zh_spans_are_valid_and_parsing_is_deterministic(body in article_text(), head in article_text()) {
        let src = format!("{head}\n{body}");
        let a = parser().parse_with(&src, &meta());
        check_spans(&src, &a)?;
        let b = parser().parse_with(&src, &meta());
        prop_assert_eq!(a, b);
    }

    #[test]
    fn zh_without_metadata_does_not_panic(src in article_text()) {
        let a = parser().parse_with(&src, &Meta::new().lang(Lang::Zh));
        check_spans(&src, &a)?;
    }
}

#[test]
fn zh_known_article_spans() {
    let src = "省委召开座谈会 王建国主持会议并讲话\n本报讯（记者 李明 张华）12日下午，省委在京召开座谈会。省委书记、省长王建国主持会议并讲话，省委常委李志强、张海、艾力・买买提出席会议。\n\t　　王建国强调，要坚持学习。\u{FFFD}省直有关部门负责同志参加会议。";
    let a = parser().parse_with(src, &meta());
    check_spans(src, &a).expect("valid spans");
    let ev = &a.events[0];
    assert_eq!(ev.location.as_ref().map(|l| l.text.as_str()), Some("北京"));
    assert_eq!(ev.chairs[0].name, "王建国");
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    for n in ["李明", "张华", "王建国", "李志强", "张海", "艾力・买买提"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
}
