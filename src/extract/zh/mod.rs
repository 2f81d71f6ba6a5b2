//! Chinese extraction: names, titles, roles, events and statements.
//!
//! Chinese person names are two to four characters with no spaces between words;
//! they are found from the structure around them (a title before the name, a role
//! verb after it, a list joined by `、`), never from a dictionary of people.
//!
//! The walk of one article:
//! 1. [`byline`]: reporters in the byline (`本报讯（记者 …）`) are people titled
//!    `记者`/`通讯员`; the byline is not read again.
//! 2. [`roles`]: the headline (piece by piece between spaces) and every body
//!    sentence, clause by clause: titles, names, roles, bodies of attendees; then
//!    names written before `总书记`/`同志`; then every later mention of a name found.
//! 3. [`statements`]: `X强调，…`, `会议指出，…`.
//! 4. [`events`]: the main event from the headline or the first sentence that reports
//!    one; its date from that sentence ([`dates`], or `今天`/`昨天` against the
//!    dateline or publication day), its place, organizer and topic, and the chairs,
//!    speakers and attendees read in step 2.
//!
//! [`names`] reads where a name starts and ends; [`lexicon`] holds the generic word
//! lists (title endings, family names, words that may follow a name).

mod byline;
mod events;
mod lexicon;
mod names;
mod roles;
mod statements;

use super::dates;
use super::people::People;
use super::Ctx;
use crate::model::{
    Article, Attendee, AttendeeKind, DateValue, Event, EventDate, EventKind, PartialDate,
    PersonRef, Role, Span, Statement, Text, TimeOfDay,
};
use crate::text;

/// Compiled Chinese rules.
pub(crate) struct Rules {
    roles: roles::RoleRules,
    byline: byline::BylineRules,
    events: events::EventRules,
    statements: statements::StatementRules,
}

impl Rules {
    pub(crate) fn new() -> Rules {
        Rules {
            roles: roles::RoleRules::new(),
            byline: byline::BylineRules::new(),
            events: events::EventRules::new(),
            statements: statements::StatementRules::new(),
        }
    }
}

/// A role-bearing mention kept for the event: person index, role, span, title.
struct RoleRef {
    person: usize,
    role: Role,
    span: Span,
    title: Option<String>,
}

/// Fills events, people and statements of a Chinese article.
pub(crate) fn run(
    rules: &Rules,
    dates: &dates::Rules,
    ctx: &Ctx<'_>,
    people: &mut People,
    article: &mut Article,
) {
    let src = ctx.src;
    let mut known = names::Known::default();
    let mut mentions: Vec<(Span, usize)> = Vec::new();
    let mut refs: Vec<RoleRef> = Vec::new();
    let mut bodies: Vec<roles::Body> = Vec::new();
    let mut deferred_titles: Vec<(usize, String)> = Vec::new();

    // 1. Bylines.
    let mut skip: Vec<Span> = Vec::new();
    if let Some(&p) = ctx.paras.first() {
        let (spans, reporters) = byline::find(&rules.byline, src, p);
        skip = spans;
        for r in reporters {
            let i = people.mention(&r.name, r.span);
            people.add_title(i, &r.title);
            mentions.push((r.span, i));
            known.push(r.name);
        }
    }

    // 2. Headline pieces and body sentences.
    let mut pieces: Vec<Span> = Vec::new();
    if let Some(t) = ctx.title {
        let s = ctx.at(t);
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if text::is_space(c) {
                if i > start {
                    pieces.push(Span::new(t.start + start, t.start + i));
                }
                start = i + c.len_utf8();
            }
        }
        if start < s.len() {
            pieces.push(Span::new(t.start + start, t.end));
        }
    }
    let n_title = pieces.len();
    pieces.extend(ctx.sents.iter().map(|s| s.span));
    let mut scratch = roles::Scratch::default();
    for (k, &sp) in pieces.iter().enumerate() {
        let mut marked = Vec::new();
        if k >= n_title {
            roles::marked_names(&rules.roles, src, sp, &mut marked);
        }
        // Names before `总书记`/`同志` are no part of a title (`习近平总书记反复强调`).
        let zones: Vec<Span> = marked
            .iter()
            .filter(|m| {
                let after = text::slice(src, Span::new(m.span.end, src.len()));
                after.starts_with("总书记") || after.starts_with("同志")
            })
            .map(|m| m.span)
            .collect();
        let mut read = roles::read_sentence(
            &rules.roles,
            src,
            sp,
            &skip,
            &zones,
            &mut known,
            &mut scratch,
        );
        let st = ctx.at(sp);
        // `出席会议的…`: everyone the sentence names attended.
        if k >= n_title && st.starts_with("出席") {
            if let Some(d) = st.find('的').filter(|&d| d <= 30) {
                for m in &mut read.mentions {
                    if !m.roles.contains(&Role::Attendee) {
                        m.roles.push(Role::Attendee);
                    }
                }
                if read.mentions.is_empty() {
                    let rest = &st[d + '的'.len_utf8()..];
                    let end = rest.find(['以', '，', '。', '还']).unwrap_or(rest.len());
                    let b = Span::new(sp.start + d + '的'.len_utf8(), sp.start + d + 3 + end);
                    let t = text::slice(src, b);
                    if t.chars().count() >= 2 && lexicon::ends_with_body_noun(t) {
                        read.bodies.push(roles::Body {
                            text: text::fold_ws(t),
                            span: b,
                            count: t
                                .split(|c: char| !c.is_ascii_digit())
                                .find(|x| !x.is_empty())
                                .and_then(|x| x.parse().ok()),
                            roles: vec![Role::Attendee],
                        });
                    }
                }
            }
        }
        for m in read.mentions {
            if m.name.chars().count() < 2 || lexicon::ends_with_title(&m.name) {
                continue;
            }
            let strong = !m.titles.is_empty()
                || !m.roles.is_empty()
                || m.name.contains(['・', '·'])
                || people.resolve(&m.name).is_some();
            if !strong {
                continue;
            }
            let i = people.mention(&m.name, m.span);
            for t in &m.titles {
                people.add_title(i, t);
            }
            for &r in &m.roles {
                people.add_role(i, r);
                refs.push(RoleRef {
                    person: i,
                    role: r,
                    span: m.span,
                    title: m.titles.last().cloned(),
                });
            }
            mentions.push((m.span, i));
        }
        bodies.extend(read.bodies);
        {
            for m in marked {
                if mentions.iter().any(|(s, _)| s.overlaps(m.span)) {
                    continue;
                }
                let i = people.mention(&m.name, m.span);
                for t in &m.titles {
                    deferred_titles.push((i, t.clone()));
                }
                mentions.push((m.span, i));
                if !known.contains(&m.name) {
                    known.push(m.name);
                }
            }
        }
    }
    // `总书记` after a name, unless a fuller title says it (`中共中央总书记`).
    for (i, t) in deferred_titles {
        if !people
            .first_title(i)
            .is_some_and(|f| f.ends_with(t.as_str()))
        {
            people.add_title(i, &t);
        }
    }
    // An author credit closing the article: `（杨某）`.
    if let Some(&last) = ctx.paras.last() {
        if let Some((name, sp)) = roles::credit(src, last) {
            let i = people.mention(&name, sp);
            mentions.push((sp, i));
        }
    }
    // Every later mention of a name found.
    let mut scan: Vec<Span> = ctx.paras.to_vec();
    if let Some(t) = ctx.title {
        scan.push(t);
    }
    let mut found: Vec<usize> = mentions.iter().map(|&(_, i)| i).collect();
    found.sort_unstable();
    found.dedup();
    for i in found {
        let name = people.name(i).to_string();
        if name.chars().count() < 2 {
            continue;
        }
        let finder = memchr::memmem::Finder::new(name.as_bytes());
        for &p in &scan {
            let s = ctx.at(p);
            for k in finder.find_iter(s.as_bytes()) {
                let sp = Span::new(p.start + k, p.start + k + name.len());
                if skip.iter().any(|x| x.overlaps(sp)) {
                    continue;
                }
                if !mentions.iter().any(|(x, _)| x.overlaps(sp)) {
                    people.mention(&name, sp);
                    mentions.push((sp, i));
                }
            }
        }
    }
    mentions.sort_by_key(|(s, _)| (s.start, s.end));

    // 3. Statements.
    for sent in &ctx.sents {
        let found = statements::find(&rules.statements, src, sent.span, &mentions, |pos| {
            mentions
                .iter()
                .filter(|(s, _)| s.end <= pos)
                .max_by_key(|(s, _)| s.start)
                .map(|&(_, p)| p)
        });
        for f in found {
            let speaker = f.speaker.map(|p| people.name(p).to_string());
            if let (Some(p), true) = (f.speaker, f.direct) {
                people.add_role(p, Role::Speaker);
                let span = mentions
                    .iter()
                    .filter(|(s, q)| *q == p && s.end <= f.text.start)
                    .map(|(s, _)| *s)
                    .next_back()
                    .or_else(|| people.spans(p).first().copied())
                    .unwrap_or(f.text);
                refs.push(RoleRef {
                    person: p,
                    role: Role::Speaker,
                    span,
                    title: people.first_title(p).map(str::to_string),
                });
            }
            article.statements.push(Statement {
                speaker,
                verb: f.verb,
                text: text::fold_ws(ctx.at(f.text)),
                span: f.text,
            });
        }
    }

    // 4. The main event.
    if let Some(ev) = main_event(
        rules, dates, ctx, article, people, &refs, &bodies, &mentions,
    ) {
        for o in &ev.organizers {
            if !article.organizations.iter().any(|x| x.text == o.text) {
                article.organizations.push(o.clone());
            }
        }
        article.events.push(ev);
    }
}

#[allow(clippy::too_many_arguments)]
fn main_event(
    rules: &Rules,
    dates: &dates::Rules,
    ctx: &Ctx<'_>,
    article: &Article,
    people: &People,
    refs: &[RoleRef],
    bodies: &[roles::Body],
    mentions: &[(Span, usize)],
) -> Option<Event> {
    let src = ctx.src;
    let dl = article.dateline.as_ref().map(|d| d.span);
    // The keyword: headline first, then the first body sentence that reports an event.
    let mut kw = ctx
        .title
        .and_then(|t| events::keyword(&rules.events, src, t));
    let mut holder = ctx.title;
    let mut sent: Option<Span> = None;
    if kw.is_none() {
        for s in &ctx.sents {
            if !events::convenes(&rules.events, src, s.span) {
                continue;
            }
            if let Some(k) = events::keyword(&rules.events, src, s.span) {
                kw = Some(k);
                holder = Some(s.span);
                sent = Some(s.span);
                break;
            }
        }
    }
    let kw = kw?;
    let holder = holder?;
    let kw_text = text::fold_ws(ctx.at(kw));
    // The body sentence that reports it.
    if sent.is_none() {
        let early: Vec<Span> = ctx
            .sents
            .iter()
            .filter(|s| s.para < 3)
            .map(|s| s.span)
            .collect();
        sent = early
            .iter()
            .find(|s| ctx.at(**s).contains(kw_text.as_str()))
            .or_else(|| {
                early
                    .iter()
                    .find(|s| events::convenes(&rules.events, src, **s))
            })
            .or(early.first())
            .copied();
    }
    let date = sent.and_then(|s| {
        dates
            .find_zh(src, s, &ctx.anchors)
            .into_iter()
            .find(|m| dl.is_none_or(|d| !d.overlaps(m.span)))
            .map(|m| EventDate {
                value: m.value,
                time_of_day: m.time_of_day,
                year_source: m.year_source,
                span: m.span,
            })
            .or_else(|| relative_day(ctx, s))
    });
    let kind = events::kind_of(&kw_text);
    let visit = matches!(kind, EventKind::Inspection | EventKind::Visit);
    let location = sent
        .and_then(|s| events::place(&rules.events, src, s, visit))
        .or_else(|| events::place(&rules.events, src, holder, visit));
    let organizers: Vec<Text> = sent
        .and_then(|s| events::organizer(&rules.events, src, s))
        .or_else(|| events::organizer(&rules.events, src, holder))
        .filter(|o| {
            people.resolve(&o.text).is_none()
                && !lexicon::ends_with_title(&o.text)
                && !o.text.ends_with("主持")
                && !mentions.iter().any(|(m, _)| m.overlaps(o.span))
        })
        .into_iter()
        .collect();
    let person_ref = |r: &RoleRef| PersonRef {
        name: people.name(r.person).to_string(),
        title: r.title.clone(),
        span: r.span,
    };
    let mut chairs: Vec<PersonRef> = Vec::new();
    let mut speakers: Vec<PersonRef> = Vec::new();
    let mut attendees: Vec<Attendee> = Vec::new();
    for r in refs {
        let pr = person_ref(r);
        match r.role {
            Role::Chair if !chairs.iter().any(|x| x.name == pr.name) => chairs.push(pr),
            Role::Speaker if !speakers.iter().any(|x| x.name == pr.name) => speakers.push(pr),
            Role::Attendee
                if !attendees
                    .iter()
                    .any(|x| x.name.as_deref() == Some(&pr.name)) =>
            {
                attendees.push(Attendee {
                    text: text::fold_ws(ctx.at(r.span)),
                    span: r.span,
                    kind: AttendeeKind::Person,
                    name: Some(pr.name),
                    count: None,
                    members: Vec::new(),
                })
            }
            _ => {}
        }
    }
    for b in bodies {
        if b.roles.contains(&Role::Attendee) && !attendees.iter().any(|x| x.text == b.text) {
            attendees.push(Attendee {
                text: b.text.clone(),
                span: b.span,
                kind: AttendeeKind::Body,
                name: None,
                count: b.count,
                members: Vec::new(),
            });
        }
    }
    Some(Event {
        kind,
        kind_text: Text {
            text: kw_text,
            span: kw,
        },
        topic: events::topic(src, holder, kw),
        date,
        location,
        organizers,
        chairs,
        speakers,
        attendees,
    })
}

/// `今天`/`今日` (the dateline's or publication day) and `昨天`/`昨日` (the day
/// before), with a part of the day written after them (`今天上午`).
fn relative_day(ctx: &Ctx<'_>, sent: Span) -> Option<EventDate> {
    let s = ctx.at(sent);
    let (k, w, back) = [("今天", 0), ("今日", 0), ("昨天", 1), ("昨日", 1)]
        .iter()
        .filter_map(|&(w, b)| s.find(w).map(|k| (k, w, b)))
        .min()?;
    let (anchor, source) = ctx.anchors.day_anchor()?;
    let day = anchor.add_days(-back);
    let rest = &s[k + w.len()..];
    let tod = [
        ("上午", TimeOfDay::Morning),
        ("早上", TimeOfDay::Morning),
        ("下午", TimeOfDay::Afternoon),
        ("晚上", TimeOfDay::Evening),
        ("晚间", TimeOfDay::Evening),
    ]
    .iter()
    .find(|(p, _)| rest.starts_with(p));
    let end = sent.start + k + w.len() + tod.map_or(0, |(p, _)| p.len());
    Some(EventDate {
        value: DateValue::Single(PartialDate::from_date(day)),
        time_of_day: tod.map(|&(_, t)| t),
        year_source: source,
        span: Span::new(sent.start + k, end),
    })
}

#[cfg(test)]
mod tests {
    use crate::model::{Date, EventKind, Lang, Role, TimeOfDay};
    use crate::{Meta, Parser};

    fn parse(src: &str, published: &str) -> crate::Article {
        let d: Date = published.parse().expect("date");
        Parser::new().parse_with(src, &Meta::new().lang(Lang::Zh).published(d))
    }

    #[test]
    fn end_to_end_meeting() {
        let src = "市科协召开座谈会 周文主持会议并讲话\n10月13日下午，市科协召开青年人才座谈会。市科协党组书记、副主席周文主持会议并讲话。市科协副主席高明、孙立参加会议。\n周文强调，要搭建交流平台。";
        let a = parse(src, "2022-10-20");
        let e = &a.events[0];
        assert_eq!(e.kind, EventKind::Symposium);
        assert_eq!(e.kind_text.text, "座谈会");
        let d = e.date.as_ref().expect("date");
        assert_eq!(d.value.to_string(), "2022-10-13");
        assert_eq!(d.time_of_day, Some(TimeOfDay::Afternoon));
        assert_eq!(e.organizers[0].text, "市科协");
        assert_eq!(e.chairs[0].name, "周文");
        let att: Vec<&str> = e
            .attendees
            .iter()
            .filter_map(|x| x.name.as_deref())
            .collect();
        assert_eq!(att, vec!["高明", "孙立"]);
        let zhou = a.people.iter().find(|p| p.name == "周文").expect("person");
        assert_eq!(zhou.titles, vec!["市科协党组书记", "副主席"]);
        assert!(zhou.roles.contains(&Role::Chair) && zhou.roles.contains(&Role::Speaker));
        assert_eq!(a.statements[0].speaker.as_deref(), Some("周文"));
        assert_eq!(a.statements[0].text, "要搭建交流平台");
    }

    #[test]
    fn today_is_the_publication_day() {
        let src = "论坛开幕\n某某论坛今天上午在北京开幕。";
        let a = parse(src, "2024-09-10");
        let d = a.events[0].date.as_ref().expect("date");
        assert_eq!(d.value.to_string(), "2024-09-10");
        assert_eq!(d.time_of_day, Some(TimeOfDay::Morning));
        assert_eq!(&src[d.span.range()], "今天上午");
    }

    #[test]
    fn in_jing_is_beijing() {
        let src = "推进会召开\n6月12日，某部在京召开推进会。";
        let a = parse(src, "2023-06-13");
        let l = a.events[0].location.as_ref().expect("place");
        assert_eq!(l.text, "北京");
        assert_eq!(&src[l.span.range()], "京");
    }
}
