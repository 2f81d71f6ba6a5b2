//! Date phrases and their anchoring.
//!
//! English: `On the afternoon of October 13`, `Nov. 12, 2020`, `October 18th and
//! 19th`, `Feb 6-8`, `Nov. 12 to 14`, `from July to November`, `on Thursday`,
//! `Tuesday evening`, `Nov. 12 afternoon`.
//! Chinese: `10月13日下午`, `12日`, `2019年12月4日`, `二〇二〇年12月4日`,
//! `21日至22日`, `11月30日至12月2日`, `上午/下午/晚上`.
//!
//! A date without a year takes the year of the publication date (text, then caller
//! metadata), or the reference date; if it would then fall after that date it takes
//! the year before. A weekday, or a bare day (`12日`), resolves against the dateline's
//! date or the publication date: the latest such day on or before it.

use super::Anchors;
use crate::model::{Date, DateValue, PartialDate, Span, TimeOfDay, YearSource};
use regex::Regex;

/// A date phrase found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateMention {
    pub span: Span,
    pub value: DateValue,
    pub time_of_day: Option<TimeOfDay>,
    pub year_source: YearSource,
}

/// Compiled date patterns.
pub(crate) struct Rules {
    en: Regex,
    zh: Regex,
}

const MONTH: &str = r"(?-u:\b)(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?-u:\b)\.?";

impl Rules {
    pub(crate) fn new() -> Rules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        let en = format!(
            r"(?x)
            (?:(?:the\s+)?(?P<tod0>morning|afternoon|evening|night)\s+of\s+)?
            (?:
              (?P<mon>{MONTH})\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)
              (?:\s*(?:-|–|to|and|through|till|until)\s*(?:(?P<mon2>{MONTH})\s*)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b))?
              (?:\s*,\s*(?P<year>(?:19|20)\d{{2}})(?-u:\b))?
            | (?P<d1b>\d{{1,2}})\s+(?P<monb>{MONTH})(?:\s+(?P<yearb>(?:19|20)\d{{2}}))?(?-u:\b)
            | [Ff]rom\s+(?P<mfrom>{MONTH})\s+(?:to|until|till|through)\s+(?P<mto>{MONTH})(?:\s+(?P<yearr>(?:19|20)\d{{2}}))?
            | (?:[Ff]rom\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
              (?:\s*(?:-|–|to|and|through|till|until)\s*(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?
            | (?-u:\b)(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))(?-u:\b)
            )
            (?:\s+(?P<tod1>morning|afternoon|evening|night))?"
        );
        let cn_year = r"(?:(?P<year>(?:19|20)\d{2})|(?P<yearc>[〇零一二三四五六七八九]{4}))年";
        let zh = format!(
            r"(?:{cn_year})?(?:(?P<mon>\d{{1,2}})月)?(?P<day>\d{{1,2}})日(?:(?:至|到|—|－|-|~)(?:(?P<mon2>\d{{1,2}})月)?(?P<day2>\d{{1,2}})日)?(?P<tod>上午|下午|晚上|晚间|傍晚|早上|凌晨|夜间|中午|晚)?"
        );
        Rules {
            en: re(&en),
            zh: re(&zh),
        }
    }

    /// English date phrases in `span` of `src`, in order.
    pub(crate) fn find_en(&self, src: &str, span: Span, anchors: &Anchors) -> Vec<DateMention> {
        let s = crate::text::slice(src, span);
        let mut out = Vec::new();
        for c in self.en.captures_iter(s) {
            let Some(m) = c.get(0) else { continue };
            let msp = Span::new(span.start + m.start(), span.start + m.end());
            let tod = c
                .name("tod0")
                .or(c.name("tod1"))
                .and_then(|t| tod_en(t.as_str()));
            let get = |n: &str| c.name(n).map(|x| x.as_str());
            let mention = if let Some(mon) = get("mon").or(get("monb")).and_then(month_number) {
                let d1 = get("d1").or(get("d1b")).and_then(|d| d.parse::<u8>().ok());
                let year = get("year")
                    .or(get("yearb"))
                    .and_then(|y| y.parse::<i32>().ok());
                let Some(d1) = d1 else { continue };
                if d1 == 0 || d1 > 31 {
                    continue;
                }
                let mon2 = get("mon2").and_then(month_number).unwrap_or(mon);
                let d2 = get("d2")
                    .and_then(|d| d.parse::<u8>().ok())
                    .filter(|d| *d >= 1 && *d <= 31);
                let (start, ys) = resolve(year, mon, Some(d1), anchors);
                let value = match d2 {
                    Some(d2) if (mon2, d2) > (mon, d1) => {
                        let end = PartialDate {
                            year: start.year,
                            month: mon2,
                            day: Some(d2),
                        };
                        DateValue::Range(start, end)
                    }
                    _ => DateValue::Single(start),
                };
                DateMention {
                    span: msp,
                    value,
                    time_of_day: tod,
                    year_source: ys,
                }
            } else if let (Some(a), Some(b)) = (
                get("mfrom").and_then(month_number),
                get("mto").and_then(month_number),
            ) {
                let year = get("yearr").and_then(|y| y.parse::<i32>().ok());
                let (start, ys) = resolve(year, a, None, anchors);
                let end = PartialDate {
                    year: start.year,
                    month: b,
                    day: None,
                };
                DateMention {
                    span: msp,
                    value: DateValue::Range(start, end),
                    time_of_day: tod,
                    year_source: ys,
                }
            } else if let Some(wd) = get("wd").and_then(weekday_number) {
                let Some((anchor, ys)) = anchors.day_anchor() else {
                    continue;
                };
                let wd2 = get("wd2").and_then(weekday_number);
                // A range ends on or before the anchor: `Tuesday and Wednesday` in a
                // Wednesday dateline.
                let last = wd2.unwrap_or(wd);
                let back = (i64::from(anchor.weekday()) - i64::from(last)).rem_euclid(7);
                let end = anchor.add_days(-back);
                let value = match wd2 {
                    Some(_) => {
                        let span_days = (i64::from(last) - i64::from(wd)).rem_euclid(7);
                        let start = end.add_days(-span_days);
                        DateValue::Range(PartialDate::from_date(start), PartialDate::from_date(end))
                    }
                    None => DateValue::Single(PartialDate::from_date(end)),
                };
                DateMention {
                    span: msp,
                    value,
                    time_of_day: tod,
                    year_source: ys,
                }
            } else if let Some(t) = get("today") {
                let Some((anchor, ys)) = anchors.day_anchor() else {
                    continue;
                };
                let tod = tod
                    .or_else(|| t.split_whitespace().nth(1).and_then(tod_en))
                    .or((t == "tonight").then_some(TimeOfDay::Evening));
                DateMention {
                    span: msp,
                    value: DateValue::Single(PartialDate::from_date(anchor)),
                    time_of_day: tod,
                    year_source: ys,
                }
            } else {
                continue;
            };
            out.push(mention);
        }
        out
    }

    /// Chinese date phrases in `span` of `src`, in order.
    pub(crate) fn find_zh(&self, src: &str, span: Span, anchors: &Anchors) -> Vec<DateMention> {
        let s = crate::text::slice(src, span);
        let mut out = Vec::new();
        for c in self.zh.captures_iter(s) {
            let Some(m) = c.get(0) else { continue };
            let get = |n: &str| c.name(n).map(|x| x.as_str());
            let Some(day) = get("day")
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d))
            else {
                continue;
            };
            let year = get("year")
                .and_then(|y| y.parse::<i32>().ok())
                .or_else(|| get("yearc").and_then(chinese_year));
            let month = get("mon")
                .and_then(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m));
            let (start, ys) = match month {
                Some(mon) => resolve(year, mon, Some(day), anchors),
                None => match bare_day(day, anchors) {
                    Some(x) => x,
                    None => continue,
                },
            };
            let day2 = get("day2")
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d));
            let mon2 = get("mon2")
                .and_then(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m));
            let value = match day2 {
                Some(d2) => {
                    let m2 = mon2.unwrap_or(start.month);
                    let y2 = match start.year {
                        Some(y) if m2 < start.month => Some(y + 1),
                        y => y,
                    };
                    DateValue::Range(
                        start,
                        PartialDate {
                            year: y2,
                            month: m2,
                            day: Some(d2),
                        },
                    )
                }
                None => DateValue::Single(start),
            };
            out.push(DateMention {
                span: Span::new(span.start + m.start(), span.start + m.end()),
                value,
                time_of_day: get("tod").and_then(tod_zh),
                year_source: ys,
            });
        }
        out
    }
}

/// A month-day date with the year fixed by the text or the anchors.
pub(crate) fn resolve(
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
    anchors: &Anchors,
) -> (PartialDate, YearSource) {
    if let Some(y) = year {
        return (
            PartialDate {
                year: Some(y),
                month,
                day,
            },
            YearSource::Explicit,
        );
    }
    match anchors.year_anchor() {
        Some((a, src)) => {
            let mut y = a.year;
            let after = (month, day.unwrap_or(1)) > (a.month, a.day);
            if after {
                y -= 1;
            }
            (
                PartialDate {
                    year: Some(y),
                    month,
                    day,
                },
                src,
            )
        }
        None => (
            PartialDate {
                year: None,
                month,
                day,
            },
            YearSource::None,
        ),
    }
}

/// A bare day of month (`12日`): the month and year of the day anchor, or the month
/// before when the day is later than the anchor's.
fn bare_day(day: u8, anchors: &Anchors) -> Option<(PartialDate, YearSource)> {
    let (a, src) = anchors.day_anchor()?;
    let (mut y, mut m) = (a.year, a.month);
    if day > a.day {
        if m == 1 {
            m = 12;
            y -= 1;
        } else {
            m -= 1;
        }
    }
    Some((
        PartialDate {
            year: Some(y),
            month: m,
            day: Some(day),
        },
        src,
    ))
}

/// `二〇二〇` → 2020.
fn chinese_year(s: &str) -> Option<i32> {
    let mut y = 0i32;
    for c in s.chars() {
        // Year digits are written one by one (`二〇二〇`); `两` is no year digit.
        if c == '两' {
            return None;
        }
        y = y * 10 + i32::try_from(super::quotes::cn_digit(c)?).ok()?;
    }
    Some(y)
}

/// `Nov.`, `November`, `Sept` → 11, 11, 9.
pub(crate) fn month_number(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.');
    let b = s.as_bytes().get(..3)?;
    let k = [
        b[0].to_ascii_lowercase(),
        b[1].to_ascii_lowercase(),
        b[2].to_ascii_lowercase(),
    ];
    Some(match &k {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

pub(crate) fn weekday_number(s: &str) -> Option<u8> {
    Some(match s {
        "Monday" => 0,
        "Tuesday" => 1,
        "Wednesday" => 2,
        "Thursday" => 3,
        "Friday" => 4,
        "Saturday" => 5,
        "Sunday" => 6,
        _ => return None,
    })
}

fn tod_en(s: &str) -> Option<TimeOfDay> {
    Some(match s {
        "morning" => TimeOfDay::Morning,
        "afternoon" => TimeOfDay::Afternoon,
        "evening" => TimeOfDay::Evening,
        "night" => TimeOfDay::Night,
        _ => return None,
    })
}

fn tod_zh(s: &str) -> Option<TimeOfDay> {
    Some(match s {
        "上午" | "早上" | "凌晨" => TimeOfDay::Morning,
        "下午" | "中午" => TimeOfDay::Afternoon,
        "晚上" | "晚间" | "傍晚" | "晚" => TimeOfDay::Evening,
        "夜间" => TimeOfDay::Night,
        _ => return None,
    })
}

/// The date a [`DateMention`]'s start resolves to, when it is complete.
#[allow(dead_code)]
pub(crate) fn full_start(m: &DateMention) -> Option<Date> {
    m.value.start().to_date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(p: Option<&str>, dl: Option<(u8, u8)>) -> Anchors {
        Anchors {
            meta_published: p.map(|s| s.parse().unwrap()),
            dateline: dl.map(|(m, d)| PartialDate {
                year: None,
                month: m,
                day: Some(d),
            }),
            ..Anchors::default()
        }
    }

    fn en(s: &str, a: &Anchors) -> Vec<String> {
        Rules::new()
            .find_en(s, Span::new(0, s.len()), a)
            .iter()
            .map(|m| m.value.to_string())
            .collect()
    }

    #[test]
    fn english_forms() {
        let none = Anchors::default();
        assert_eq!(
            en("On the afternoon of October 13, BAST held", &none),
            vec!["XXXX-10-13"]
        );
        assert_eq!(
            en("held Feb 6-8, 2019 in", &none),
            vec!["2019-02-06/2019-02-08"]
        );
        assert_eq!(
            en("from Nov. 12 to 14", &none),
            vec!["XXXX-11-12/XXXX-11-14"]
        );
        assert_eq!(
            en("On October 18th and 19th", &none),
            vec!["XXXX-10-18/XXXX-10-19"]
        );
        let a = anchors(Some("2020-11-18"), Some((11, 17)));
        assert_eq!(en("on Monday", &a), vec!["2020-11-16"]);
        let jan = anchors(Some("2021-01-05"), None);
        assert_eq!(en("On October 13", &jan), vec!["2020-10-13"]);
    }

    #[test]
    fn chinese_forms() {
        let r = Rules::new();
        let a = anchors(Some("2024-04-29"), None);
        let f = |s: &str| {
            r.find_zh(s, Span::new(0, s.len()), &a)
                .iter()
                .map(|m| (m.value.to_string(), m.time_of_day))
                .collect::<Vec<_>>()
        };
        assert_eq!(f("29日在北京召开"), vec![("2024-04-29".to_string(), None)]);
        assert_eq!(
            f("10月13日下午"),
            vec![("2023-10-13".to_string(), Some(TimeOfDay::Afternoon))]
        );
        assert_eq!(
            f("二〇二〇年12月4日"),
            vec![("2020-12-04".to_string(), None)]
        );
        assert_eq!(
            f("6月4日至6日"),
            vec![("2023-06-04/2023-06-06".to_string(), None)]
        );
    }
}
