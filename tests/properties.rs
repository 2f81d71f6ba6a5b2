//! Properties that hold for any input: no panic, every span valid and covering its
//! value, the same article from the same text.
//!
//! Two kinds of generated text: arbitrary strings (any Unicode, control characters
//! included), and English- and Chinese-heavy strings stitched together from the
//! genre's phrases (`chaired`, `Firstly,`, dates, quotes, datelines, junk lines) with
//! random glue, which reach far deeper into the extractors. Case counts are kept
//! modest so that `cargo test` stays quick in a debug build; raise them with
//! `PROPTEST_CASES=…` for a longer hunt (the fuzz target in `fuzz/` does the long run).

use crate::spans::check;
use policy_news::{Lang, Meta, Parser};
use proptest::prelude::*;
use std::sync::OnceLock;

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(Parser::new)
}

const EN_PHRASES: &[&str] = &[
    "On the afternoon of October 13, ",
    "On Thursday, ",
    "BEIJING, Nov. 17 (Xinhua) -- ",
    "( Xinhua ) 08:48, November 18, 2020 ",
    "BAST held a discussion meeting on work of district-level branches",
    "Secretary of Leading Party Members' Group of BAST Shen Jie ",
    "Premier Li Qiang ",
    "Chinese Vice Premier Zeng Peiyan ",
    "chaired and made speeches at the meeting",
    "presided over the symposium",
    ", which was attended by bureau-level leaders of BAST",
    "16 district-level branches, including Dongcheng, Xicheng and Pinggu district",
    "pointed out that ",
    "emphasized that ",
    "said at the meeting that ",
    "Firstly, ",
    "Secondly, ",
    "Lastly, ",
    "First, ",
    "The first is ",
    "1. ",
    "(2) ",
    "-- ",
    "“four services”",
    "\"two safeguards\"",
    "'de-globalization'",
    "《Opinions》",
    "“",
    "”",
    "\"",
    "(Xinhua/Li Tao)",
    "(Web editor: A B)",
    "Related reading",
    "Produced By 大汉网络 大汉版通发布系统",
    "0 1 6 12",
    "in Taiyuan, capital of Shanxi Province",
    "at the Great Hall of the People",
    "from Nov. 12 to 14, 2020",
    ". ",
    ", ",
    " and ",
    "\n",
    "\n\n",
    " ",
];

const ZH_PHRASES: &[&str] = &[
    "10月13日下午，",
    "2021年12月15日 | ",
    "新华社北京11月2日电",
    "本报讯（记者 王磊）",
    "市科协召开区级科协工作座谈会",
    "党组书记张伟",
    "省长赵一德",
    "主持会议并讲话",
    "出席会议",
    "强调，",
    "指出，",
    "一是",
    "二是",
    "（一）",
    "首先，",
    "其次，",
    "第一，",
    "“两个维护”",
    "《意见》",
    "阅读：123",
    "分享到",
    "当前位置：首页 > 新闻",
    "在京",
    "。",
    "，",
    "、",
    "；",
    "\n",
    "　　",
];

/// Text stitched from `phrases` and short random glue.
fn genre_text(phrases: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(phrases).prop_map(str::to_string),
        1 => "[A-Za-z0-9 .,;:'\"()-]{0,12}",
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        genre_text(EN_PHRASES),
        genre_text(ZH_PHRASES),
        (genre_text(EN_PHRASES), genre_text(ZH_PHRASES)).prop_map(|(a, b)| a + &b),
    ]
}

fn meta() -> impl Strategy<Value = Meta> {
    (0u8..3, any::<bool>()).prop_map(|(lang, published)| {
        let mut m = Meta::new();
        match lang {
            1 => m = m.lang(Lang::En),
            2 => m = m.lang(Lang::Zh),
            _ => {}
        }
        if published {
            m = m.published("2021-01-15".parse().unwrap());
        }
        m
    })
}

fn holds(src: &str, meta: &Meta) -> Result<(), TestCaseError> {
    let a = parser().parse_with(src, meta);
    if let Err(e) = check(src, &a) {
        return Err(TestCaseError::fail(e));
    }
    let b = parser().parse_with(src, meta);
    prop_assert_eq!(a, b, "parsing is not deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_with_valid_spans(src in "\\PC{0,400}", meta in meta()) {
        holds(&src, &meta)?;
    }

    #[test]
    fn any_chars_including_controls(src in any::<String>(), meta in meta()) {
        holds(&src, &meta)?;
    }

    #[test]
    fn lossy_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600), meta in meta()) {
        let src = String::from_utf8_lossy(&bytes);
        holds(&src, &meta)?;
    }
}

const EN_ASCII: &[&str] = &[
    "On the afternoon of October 13, ",
    "BEIJING, Nov. 17 (Xinhua) -- ",
    "BAST held a discussion meeting on work of district-level branches",
    "Secretary of Leading Party Members' Group of BAST Shen Jie ",
    "Premier Li Qiang ",
    "chaired and made speeches at the meeting",
    ", which was attended by bureau-level leaders of BAST",
    "pointed out that ",
    "said at the meeting that ",
    "Firstly, ",
    "Secondly, ",
    "The first is ",
    "(2) ",
    "\"two safeguards\"",
    "(Xinhua/Li Tao)",
    "in Taiyuan, capital of Shanxi Province",
    "from Nov. 12 to 14, 2020",
    ". ",
    ", ",
    " and ",
    "\n",
];

/// English genre text with ASCII glue only.
fn ascii_genre_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(EN_ASCII).prop_map(str::to_string),
        1 => "[A-Za-z0-9 .,;:'\"()-]{0,12}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn ascii_genre_text_parses_with_valid_spans(src in ascii_genre_text(), meta in meta()) {
        holds(&src, &meta)?;
    }
}

// The two properties below find the non-ASCII slicing panics in `src/extract/en`
// (see `adversarial::non_ascii_inside_an_english_*`) within a few cases, which are
// now fixed.
proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn genre_text_parses_with_valid_spans(src in mixed_text(), meta in meta()) {
        holds(&src, &meta)?;
    }

    #[test]
    fn genre_text_with_a_headline(title in "[A-Za-z ]{1,40}", body in mixed_text()) {
        let src = format!("{title}\n{body}");
        holds(&src, &Meta::new())?;
    }
}
