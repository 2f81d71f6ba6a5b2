//! Datelines, bylines and page dates.
//!
//! English, at the start of the first body paragraphs:
//! - `BEIJING, Nov. 17 (Xinhua) --`, `DARES SALAAM, Nov. 23 , 2005 (Xinhua)`
//! - `Xinhua News Agency, Lhasa, January 27`, `Xinhua News Agency, Beijing, Feb. 15`
//! - `Xinhua News Agency report of December 6th from Beijing -`
//!
//! Chinese: `新华社北京12月9日电`, `本报乌鲁木齐12月7日讯`, `本报讯（记者 …）`,
//! `南方日报讯 （记者/徐林 通讯员/岳宗）`, `央视网消息（新闻联播）：`.
//!
//! The publication date stated in the text is a dateline's date when it has a year,
//! else a page stamp (`08:48, November 18, 2020`, `2021-12-15 |`,
//! `发布时间：2020年12月9日`).

use super::dates::month_number;
use super::Ctx;
use crate::model::{Date, Dateline, PartialDate, Span, Text};
use crate::text;
use regex::Regex;

/// Compiled dateline patterns.
pub(crate) struct Rules {
    en_caps: Regex,
    en_agency: Regex,
    en_report: Regex,
    zh: Regex,
    stamp_en: Regex,
    stamp_iso: Regex,
    stamp_zh: Regex,
}

impl Rules {
    pub(crate) fn new() -> Rules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        let month = r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?";
        Rules {
            en_caps: re(&format!(
                r"^(?P<place>[A-Z][A-Z .'’-]{{1,40}}?),\s*(?P<mon>{month})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<year>\d{{4}}))?\s*\((?P<agency>[^)]{{2,40}})\)\s*(?:--|—|-)?"
            )),
            en_agency: re(&format!(
                r"^(?P<agency>Xinhua News Agency|Xinhua|Staff Writer|Report by [^,]{{2,40}}|[A-Z][A-Za-z ]{{2,30}}(?:Agency|Daily|News))\s*,\s*(?P<place>[A-Z][A-Za-z .'-]{{1,30}}),\s*(?P<mon>{month})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<year>\d{{4}}))?"
            )),
            en_report: re(&format!(
                r"^(?P<agency>Xinhua News Agency|Xinhua)\s+(?i:report)\s+of\s+(?P<mon>{month})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<year>\d{{4}}))?\s+from\s+(?P<place>[A-Z][A-Za-z .'-]{{1,30}}?)\s*(?:-|--|—|,)"
            )),
            zh: re(
                r"^(?P<agency>新华社|中新社|本报|人民网|新华网|央视网|中国新闻网|[\p{Han}]{2,8}(?:日报|晚报|时报|网))(?:(?P<place>[\p{Han}]{2,6}?)(?:(?P<mon>\d{1,2})月)?(?P<day>\d{1,2})日)?(?:电|讯|消息)(?:\s*[（(][^）)]{0,60}[）)])?\s*[：:]?",
            ),
            stamp_en: re(&format!(
                r"\b\d{{1,2}}:\d{{2}},\s+(?P<mon>{month})\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})\b"
            )),
            stamp_iso: re(
                r"(?m)^\s*(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})(?:\s+\d{2}:\d{2}(?::\d{2})?)?\s*[|｜]",
            ),
            stamp_zh: re(
                r"(?:发布时间|时间|日期|发稿时间)\s*[:：]\s*(?P<year>(?:19|20)\d{2})[年-](?P<mon>\d{1,2})[月-](?P<day>\d{1,2})",
            ),
        }
    }
}

fn num(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn text_of(ctx: &Ctx<'_>, base: usize, m: Option<regex::Match<'_>>) -> Option<Text> {
    let m = m?;
    text::text_trimmed(ctx.src, Span::new(base + m.start(), base + m.end()))
}

/// Finds the dateline and the publication date stated in the text.
pub(crate) fn find(rules: &Rules, ctx: &Ctx<'_>) -> (Option<Dateline>, Option<Date>) {
    let mut dateline = None;
    let mut published = None;
    for &p in ctx.paras.iter().take(3) {
        let s = ctx.at(p);
        let head = &s[..text::floor_boundary(s, 400.min(s.len()))];
        let caps = [
            &rules.en_caps,
            &rules.en_agency,
            &rules.en_report,
            &rules.zh,
        ]
        .iter()
        .find_map(|re| re.captures(head));
        if let Some(c) = caps {
            let Some(m0) = c.get(0) else { continue };
            let month = c
                .name("mon")
                .and_then(|m| month_number(m.as_str()).or_else(|| m.as_str().parse().ok()));
            let day = num(&c, "day").and_then(|d| u8::try_from(d).ok());
            let year = num(&c, "year").map(|y| y as i32);
            let date = match (month, day) {
                (Some(m), Some(d)) => Some(PartialDate {
                    year,
                    month: m,
                    day: Some(d),
                }),
                (None, Some(d)) => {
                    // `本报乌鲁木齐7日讯`: month from the anchor.
                    ctx.anchors.year_anchor().map(|(a, _)| PartialDate {
                        year: None,
                        month: a.month,
                        day: Some(d),
                    })
                }
                _ => None,
            };
            if let Some(PartialDate {
                year: Some(y),
                month,
                day: Some(d),
            }) = date
            {
                published = Date::new(y, month, d);
            }
            dateline = Some(Dateline {
                place: text_of(ctx, p.start, c.name("place")),
                date,
                agency: text_of(ctx, p.start, c.name("agency")),
                span: text::trim(ctx.src, Span::new(p.start + m0.start(), p.start + m0.end())),
            });
            break;
        }
    }
    if published.is_none() {
        let head = &ctx.src[..text::floor_boundary(ctx.src, 4000.min(ctx.src.len()))];
        for re in [&rules.stamp_en, &rules.stamp_iso, &rules.stamp_zh] {
            if let Some(c) = re.captures(head) {
                let month = c
                    .name("mon")
                    .and_then(|m| month_number(m.as_str()).or_else(|| m.as_str().parse().ok()));
                if let (Some(y), Some(m), Some(d)) = (num(&c, "year"), month, num(&c, "day")) {
                    published = Date::new(y as i32, m, d as u8);
                    if published.is_some() {
                        break;
                    }
                }
            }
        }
    }
    (dateline, published)
}
