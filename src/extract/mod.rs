//! Extractors: each reads the shared [`Ctx`] (paragraphs, sentences, anchors) and
//! fills part of the [`Article`].
//!
//! The walk of one article: the cleaner has set the junk aside and found the
//! paragraphs; [`Ctx::new`] splits them into sentences once; the dateline gives the
//! date anchors; then the language's extractors find people, events, roles and
//! statements; the shared ones find quoted terms and ordinal lists.
//!
//! | module | reads |
//! | --- | --- |
//! | [`dateline`] | datelines and page dates: `BEIJING, Nov. 17 (Xinhua) --`, `新华社北京11月2日电` |
//! | [`dates`] | date phrases and their anchoring: `On the afternoon of October 13`, `12日下午` |
//! | [`people`] | the registry that merges name forms into one [`Person`](crate::Person) |
//! | [`en`] | English names, titles, roles, events, statements |
//! | [`zh`] | Chinese names, titles, roles, events, statements |
//! | [`enumerate`] | ordinal lists in every style of both languages |
//! | [`quotes`] | quoted terms in `“ ”`, `" "`, `「 」`, `《 》` |

pub(crate) mod dateline;
pub(crate) mod dates;
pub(crate) mod en;
pub(crate) mod enumerate;
pub(crate) mod people;
pub(crate) mod quotes;
pub(crate) mod wordset;
pub(crate) mod zh;

use crate::model::{Article, Date, Lang, PartialDate, Span, YearSource};
use crate::text::{self, Sentence};

/// Every compiled rule of the extractors.
pub(crate) struct Rules {
    pub dateline: dateline::Rules,
    pub dates: dates::Rules,
    pub en: en::Rules,
    pub zh: zh::Rules,
    pub enumerate: enumerate::Rules,
}

impl Rules {
    pub(crate) fn new() -> Rules {
        Rules {
            dateline: dateline::Rules::new(),
            dates: dates::Rules::new(),
            en: en::Rules::new(),
            zh: zh::Rules::new(),
            enumerate: enumerate::Rules::new(),
        }
    }
}

/// The dates that anchor years, weekdays and bare days.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Anchors {
    /// The caller's publication date.
    pub meta_published: Option<Date>,
    /// The parser's reference date.
    pub reference: Option<Date>,
    /// The dateline's date, its year possibly unknown.
    pub dateline: Option<PartialDate>,
    /// A publication date written in the text (dateline with a year, page stamp).
    pub text_published: Option<Date>,
}

impl Anchors {
    /// The date that fixes a missing year, and which anchor it is.
    pub fn year_anchor(&self) -> Option<(Date, YearSource)> {
        if let Some(d) = self.text_published {
            return Some((d, YearSource::Published));
        }
        if let Some(d) = self.meta_published {
            return Some((d, YearSource::Published));
        }
        self.reference.map(|d| (d, YearSource::Reference))
    }

    /// The day that weekdays and bare days (`12日`, `on Thursday`) resolve against:
    /// the dateline's date when it has one, else the publication or reference date.
    pub fn day_anchor(&self) -> Option<(Date, YearSource)> {
        let (y, src) = self.year_anchor()?;
        if let Some(dl) = self.dateline {
            if let Some(day) = dl.day {
                let year = dl.year.unwrap_or(y.year);
                if let Some(d) = Date::new(year, dl.month, day) {
                    // A dateline after the anchor in the calendar year belongs to the year before.
                    let d = if dl.year.is_none() && d > y.add_days(40) {
                        Date::new(year - 1, dl.month, day).unwrap_or(d)
                    } else {
                        d
                    };
                    return Some((d, src));
                }
            }
        }
        Some((y, src))
    }
}

/// What every extractor reads: the input, its paragraphs and sentences, the anchors.
pub(crate) struct Ctx<'a> {
    pub src: &'a str,
    pub lang: Lang,
    pub title: Option<Span>,
    pub paras: &'a [Span],
    pub sents: Vec<Sentence>,
    pub anchors: Anchors,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        src: &'a str,
        lang: Lang,
        title: Option<Span>,
        paras: &'a [Span],
        anchors: Anchors,
    ) -> Ctx<'a> {
        let mut sents = Vec::with_capacity(paras.len() * 4);
        let mut buf = Vec::new();
        for (i, p) in paras.iter().enumerate() {
            buf.clear();
            text::sentences(src, *p, &mut buf);
            sents.extend(buf.iter().map(|&span| Sentence { span, para: i }));
        }
        Ctx {
            src,
            lang,
            title,
            paras,
            sents,
            anchors,
        }
    }

    /// The text at a span.
    #[inline]
    pub fn at(&self, span: Span) -> &'a str {
        text::slice(self.src, span)
    }
}

/// Runs every extractor over one article.
pub(crate) fn run(rules: &Rules, mut ctx: Ctx<'_>, article: &mut Article) {
    let (dl, published) = dateline::find(&rules.dateline, &ctx);
    ctx.anchors.dateline = dl.as_ref().and_then(|d| d.date);
    ctx.anchors.text_published = published;
    article.dateline = dl;
    article.published = published;

    let mut people = people::People::new(ctx.lang);
    match ctx.lang {
        Lang::En => en::run(&rules.en, &rules.dates, &ctx, &mut people, article),
        Lang::Zh => zh::run(&rules.zh, &rules.dates, &ctx, &mut people, article),
    }
    article.quoted_terms = quotes::find(&ctx);
    article.enumerations = enumerate::find(&rules.enumerate, &ctx, &people);
    article.people = people.finish();
}
