//! The article model: plain data types that serde writes as the JSON contract of
//! `MODEL.md`.
//!
//! Every extracted value carries a [`Span`]: a half-open byte range into the exact
//! input string, on UTF-8 character boundaries. Absent values are `None` or empty
//! vectors, never errors.

use serde::de::{self, Deserializer};
use serde::ser::{SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open byte range `[start, end)` into the parsed input.
///
/// Serialized as a two-element JSON array `[start, end]`.
///
/// ```
/// use policy_news::Span;
/// let s = Span::new(4, 9);
/// assert_eq!(s.len(), 5);
/// assert_eq!(&"the quick fox"[s.range()], "quick");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the value.
    pub start: usize,
    /// One past the last byte of the value.
    pub end: usize,
}

impl Span {
    /// Makes a span; `end` is clamped to be at least `start`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: if end < start { start } else { end },
        }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end == self.start
    }
    /// The span as a `Range` usable for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    /// True when `other` lies within this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(d)?;
        if end < start {
            return Err(de::Error::custom("span end before start"));
        }
        Ok(Span { start, end })
    }
}

/// A piece of text and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The value, with whitespace folded.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// Language of an article body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese.
    Zh,
}

impl Lang {
    /// The two-letter code, `"en"` or `"zh"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

impl FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Lang, crate::Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Ok(Lang::En),
            "zh" | "zho" | "chi" | "chinese" | "zh-cn" | "zh-hans" | "zh-hant" | "zh-tw" => {
                Ok(Lang::Zh)
            }
            _ => Err(crate::Error::config(format!(
                "unknown language {s:?} (expected \"en\" or \"zh\")"
            ))),
        }
    }
}

/// A calendar date with a known year, month and day.
///
/// ```
/// use policy_news::Date;
/// let d: Date = "2020-11-16".parse().unwrap();
/// assert_eq!(d.to_string(), "2020-11-16");
/// assert_eq!(d.weekday(), 0); // Monday
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month, 1-31.
    pub day: u8,
}

impl Date {
    /// A checked date: `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }
    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
    /// Day of the week, 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }
    /// The date `n` days later (or earlier, for negative `n`).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }
}

/// Number of days in a month of a year.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Date, crate::Error> {
        let bad = || crate::Error::config(format!("invalid date {s:?} (expected YYYY-MM-DD)"));
        let s = s.trim();
        let mut it = s.splitn(3, '-');
        let y = it
            .next()
            .and_then(|x| x.parse::<i32>().ok())
            .ok_or_else(bad)?;
        let m = it
            .next()
            .and_then(|x| x.parse::<u8>().ok())
            .ok_or_else(bad)?;
        let d = it
            .next()
            .and_then(|x| x.get(..2.min(x.len())))
            .and_then(|x| x.parse::<u8>().ok())
            .ok_or_else(bad)?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// A date whose year, or day, may be unknown: `XXXX-10-13`, `2006-07`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year, when the text or an anchor fixes it.
    pub year: Option<i32>,
    /// The month, 1-12.
    pub month: u8,
    /// The day of month, when given.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date as a partial one.
    pub fn from_date(d: Date) -> PartialDate {
        PartialDate {
            year: Some(d.year),
            month: d.month,
            day: Some(d.day),
        }
    }
    /// The full date, when year and day are known.
    pub fn to_date(self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day?)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        write!(f, "-{:02}", self.month)?;
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<PartialDate, crate::Error> {
        let bad = || crate::Error::config(format!("invalid partial date {s:?}"));
        let mut it = s.trim().split('-');
        let y = it.next().ok_or_else(bad)?;
        let year = if y == "XXXX" {
            None
        } else {
            Some(y.parse::<i32>().map_err(|_| bad())?)
        };
        let month = it
            .next()
            .and_then(|x| x.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        let day = match it.next() {
            Some(d) => Some(d.parse::<u8>().map_err(|_| bad())?),
            None => None,
        };
        Ok(PartialDate { year, month, day })
    }
}

/// A single date or a range of dates, written `2020-11-12` or
/// `2020-11-12/2020-11-14`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// One day (or month).
    Single(PartialDate),
    /// A range, both ends included.
    Range(PartialDate, PartialDate),
}

impl DateValue {
    /// The first day of the value.
    pub fn start(&self) -> PartialDate {
        match *self {
            DateValue::Single(d) | DateValue::Range(d, _) => d,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Single(d) => write!(f, "{d}"),
            DateValue::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl FromStr for DateValue {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<DateValue, crate::Error> {
        match s.split_once('/') {
            Some((a, b)) => Ok(DateValue::Range(a.parse()?, b.parse()?)),
            None => Ok(DateValue::Single(s.parse()?)),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DateValue, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// Part of the day an event took place in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// Morning, 上午, 早上.
    Morning,
    /// Afternoon, 下午.
    Afternoon,
    /// Evening, 晚上, 傍晚.
    Evening,
    /// Night, 夜间.
    Night,
}

/// Which anchor fixed the year of an [`EventDate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// The year is written in the text.
    Explicit,
    /// The article's publication date (dateline, page, or caller metadata).
    Published,
    /// The parser's reference date.
    Reference,
    /// Nothing fixed it; the year is `XXXX`.
    None,
}

/// When an event took place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// The normalised date or range.
    pub value: DateValue,
    /// Morning, afternoon, evening or night, when written.
    pub time_of_day: Option<TimeOfDay>,
    /// Which anchor fixed the year.
    pub year_source: YearSource,
    /// The date phrase as written.
    pub span: Span,
}

/// The kind of an event, a closed set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EventKind {
    Meeting,
    Symposium,
    Conference,
    Forum,
    Seminar,
    Session,
    Plenary,
    Inspection,
    Visit,
    Talks,
    Signing,
    Ceremony,
    PressConference,
    Training,
    Speech,
    Instruction,
    Other,
}

/// A person as one role mentions them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    /// The person's full name, as in [`Person::name`].
    pub name: String,
    /// The title written next to the name in this mention.
    pub title: Option<String>,
    /// The mention.
    pub span: Span,
}

/// Whether an attendee is one person or a body of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendeeKind {
    /// A named person.
    Person,
    /// A group: `bureau-level leaders of BAST`, `省直有关部门负责同志`.
    Body,
}

/// Someone, or some body, that attended an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// The phrase as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// Person or body.
    pub kind: AttendeeKind,
    /// The person's name, for persons.
    pub name: Option<String>,
    /// The number the text gives (`16 district-level branches` gives 16).
    pub count: Option<u64>,
    /// Members the text names (`including Dongcheng, Xicheng ...`).
    pub members: Vec<Text>,
}

/// A meeting, visit, inspection, speech or other event reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The kind of event.
    pub kind: EventKind,
    /// The phrase as written: `discussion meeting`, `常务会议`.
    pub kind_text: Text,
    /// What it was about.
    pub topic: Option<Text>,
    /// When.
    pub date: Option<EventDate>,
    /// Where (the place alone).
    pub location: Option<Text>,
    /// Who held it.
    pub organizers: Vec<Text>,
    /// Who chaired or presided.
    pub chairs: Vec<PersonRef>,
    /// Who spoke at it.
    pub speakers: Vec<PersonRef>,
    /// Who attended.
    pub attendees: Vec<Attendee>,
}

/// What a person did in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chaired or presided.
    Chair,
    /// Spoke.
    Speaker,
    /// Attended.
    Attendee,
    /// Held the event.
    Organizer,
    /// Named only.
    Mentioned,
}

/// A person named in the article, once per person across name forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest name form seen.
    pub name: String,
    /// Titles written with the name, without the name.
    pub titles: Vec<String>,
    /// Roles, in a fixed order.
    pub roles: Vec<Role>,
    /// Every mention.
    pub spans: Vec<Span>,
}

/// A reported statement: `X pointed out that ...`, `X强调，...`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// The reporting verb as written.
    pub verb: String,
    /// The content, to the end of the sentence.
    pub text: String,
    /// Where the content stands.
    pub span: Span,
}

/// The marker family of an ordinal list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumStyle {
    /// Firstly, Secondly, Thirdly, Lastly.
    Firstly,
    /// First, Second, Third / first of all.
    First,
    /// The first is, the second is.
    OrdinalNoun,
    /// 1. 2. 3.
    Numeral,
    /// (1) (2), （一）（二）.
    Paren,
    /// 一是、二是.
    YiShi,
    /// 一要、二要.
    YiYao,
    /// 第一、第二.
    Diyi,
    /// 首先、其次、再次、最后.
    Shouxian,
    /// `--` bullet lines.
    Dash,
}

/// One item of an ordinal list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Position, counting from 1.
    pub ordinal: u32,
    /// The marker as written.
    pub marker: String,
    /// The item text, from after the marker to the next marker or the end of the list.
    pub text: String,
    /// Where the item text stands.
    pub span: Span,
}

/// An ordinal list: requirements, proposals, tasks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enumeration {
    /// Who set out the list, when known.
    pub speaker: Option<String>,
    /// The sentence that introduces the list.
    pub intro: Option<Text>,
    /// The marker family.
    pub style: EnumStyle,
    /// The items, at least two.
    pub items: Vec<Item>,
}

/// A quoted slogan or formulation, folded to one entry per distinct text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotedTerm {
    /// The text inside the marks.
    pub text: String,
    /// The numeral it begins with (`four services` gives 4), if any.
    pub number: Option<u64>,
    /// How many times it is quoted.
    pub count: u32,
    /// Every occurrence.
    pub spans: Vec<Span>,
}

/// What kind of page junk a [`Boilerplate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// View or share counters.
    Counter,
    /// A content-management system footer.
    CmsFooter,
    /// Menus, breadcrumbs, pagers.
    Navigation,
    /// Share buttons.
    Share,
    /// Related links, recommendations.
    Related,
    /// Photo captions and credits.
    Caption,
    /// Anything else: scripts, editor lines, copyright.
    Other,
}

/// Page junk set aside from the article body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// What it is.
    pub kind: BoilerplateKind,
    /// The junk, whitespace folded.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// A dateline or byline: `BEIJING, Nov. 12 (Xinhua) --`, `本报讯（记者 …）`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place, when given.
    pub place: Option<Text>,
    /// The date, normalised, when given.
    pub date: Option<PartialDate>,
    /// The news agency or paper, when given.
    pub agency: Option<Text>,
    /// The whole dateline.
    pub span: Span,
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// One parsed article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The caller's name for the document.
    pub id: Option<String>,
    /// Language of the body.
    pub lang: Lang,
    /// The headline.
    pub title: Option<Text>,
    /// Publication date stated in the text (dateline with a year, page date), else
    /// the caller's metadata.
    pub published: Option<Date>,
    /// The dateline or byline.
    pub dateline: Option<Dateline>,
    /// Events, main event first.
    pub events: Vec<Event>,
    /// Every person named, once each.
    pub people: Vec<Person>,
    /// Named bodies.
    pub organizations: Vec<Text>,
    /// Reported speech.
    pub statements: Vec<Statement>,
    /// Ordinal lists.
    pub enumerations: Vec<Enumeration>,
    /// Quoted slogans and formulations.
    pub quoted_terms: Vec<QuotedTerm>,
    /// Page junk set aside.
    pub boilerplate: Vec<Boilerplate>,
    /// The body's paragraphs after the junk is set aside.
    pub paragraphs: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_round_trips_through_days() {
        for &(y, m, d) in &[(1970, 1, 1), (2000, 2, 29), (2020, 11, 16), (1999, 12, 31)] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(Date::from_days(date.to_days()), date);
        }
        assert_eq!(Date::new(2021, 2, 29), None);
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(Date::new(2020, 11, 16).unwrap().weekday(), 0);
        assert_eq!(Date::new(2005, 11, 10).unwrap().weekday(), 3);
    }

    #[test]
    fn partial_dates_format_with_xxxx() {
        let d = PartialDate {
            year: None,
            month: 10,
            day: Some(13),
        };
        assert_eq!(d.to_string(), "XXXX-10-13");
        let r: DateValue = "2020-11-12/2020-11-14".parse().unwrap();
        assert_eq!(r.to_string(), "2020-11-12/2020-11-14");
        let m: DateValue = "2006-07".parse().unwrap();
        assert_eq!(m.to_string(), "2006-07");
    }

    #[test]
    fn span_serializes_as_pair() {
        let json = serde_json::to_string(&Span::new(1, 4)).unwrap();
        assert_eq!(json, "[1,4]");
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Span::new(1, 4));
    }
}
