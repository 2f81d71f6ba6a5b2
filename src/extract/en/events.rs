//! English events and the roles people play in them.
//!
//! Events are found from event nouns and verbs in the sentences
//! (`discussion meeting`, `symposium`, `executive meeting`, `plenary session`,
//! `press conference`, `forum`, `summit`, `met with`, `held talks`, `inspected`,
//! `instruction`, …); the main event is the first one the opening sentences report.
//! Its date is the date phrase of its sentence or of the opening sentences
//! (`On the afternoon of October 13`, `on Monday`, `on the 15th`, `here today`), its
//! location the place after `in`/`at` in its sentence (`here` is the dateline's
//! city), its organizer the subject of `held`/`convened`, its topic the `on …` phrase.
//!
//! Roles:
//! - chairs: `X chaired`, `X presided over`, `chaired by X`, `presided over by X`,
//!   `while presiding over`, `when chairing`;
//! - speakers: `X made speeches`, `delivered a speech`, `addressed`, `spoke`, and
//!   remarks reported with a reporting verb (`X said`, `..., X said.`, `said X`);
//!   remarks reported from a written instruction, letter or message are not speech;
//! - attendees: `attended by …`, `X (also) attended`, `X were present`, `among those
//!   present were …`, `attending the meeting were …`; a list gives one attendee per
//!   person and per body of people (`bureau-level leaders of BAST`), with the count
//!   the text gives and the members it names (`including A, B and C`).

use super::names::{Lex, Mention};
use crate::extract::dates::{self, DateMention};
use crate::extract::people::People;
use crate::extract::Ctx;
use crate::model::{
    Attendee, AttendeeKind, DateValue, Event, EventDate, EventKind, PartialDate, PersonRef, Role,
    Span, Statement, Text,
};
use crate::text;
use regex::Regex;

/// Cue families found by one literal pass over the body: a sentence without the
/// family's cue words never runs the family's patterns.
const EVENT: u32 = 1;
const CHAIR: u32 = 2;
const SPEECH: u32 = 4;
const ATTEND: u32 = 8;
const DATE: u32 = 16;

/// The cue words, lower case (the search ignores ASCII case), with their family.
const CUES: &[(&str, u32)] = &[
    ("meet", EVENT),
    ("met ", EVENT),
    ("symposi", EVENT),
    ("seminar", EVENT),
    ("workshop", EVENT),
    ("forum", EVENT),
    ("summit", EVENT),
    ("conferenc", EVENT),
    ("session", EVENT),
    ("plenum", EVENT),
    ("talks", EVENT),
    ("inspect", EVENT),
    ("signing", EVENT),
    ("signed", EVENT),
    ("ceremon", EVENT),
    ("gathering", EVENT),
    ("celebration", EVENT),
    ("rally", EVENT),
    ("training", EVENT),
    ("reception", EVENT),
    ("banquet", EVENT),
    ("party", EVENT),
    ("instruction", EVENT),
    ("lecture", EVENT),
    ("visited", EVENT),
    ("chair", CHAIR),
    ("presid", CHAIR),
    ("host", CHAIR),
    ("said", SPEECH),
    ("says", SPEECH),
    ("stress", SPEECH),
    ("emphas", SPEECH),
    ("pointed", SPEECH),
    ("noted", SPEECH),
    ("urged", SPEECH),
    ("called", SPEECH),
    ("added", SPEECH),
    ("told", SPEECH),
    ("express", SPEECH),
    ("hope", SPEECH),
    ("highlight", SPEECH),
    ("underline", SPEECH),
    ("underscore", SPEECH),
    ("reiterat", SPEECH),
    ("remark", SPEECH),
    ("propos", SPEECH),
    ("put forward", SPEECH),
    ("spoke", SPEECH),
    ("speak", SPEECH),
    ("speech", SPEECH),
    ("address", SPEECH),
    ("deliver", SPEECH),
    ("made the", SPEECH),
    ("gave", SPEECH),
    ("praised", SPEECH),
    ("briefed", SPEECH),
    ("conveyed", SPEECH),
    ("attend", ATTEND),
    ("present", ATTEND),
    ("participat", ATTEND),
    ("took part", ATTEND),
    ("joined by", ATTEND),
    ("jan", DATE),
    ("feb", DATE),
    ("mar", DATE),
    ("apr", DATE),
    ("may", DATE),
    ("jun", DATE),
    ("jul", DATE),
    ("aug", DATE),
    ("sep", DATE),
    ("oct", DATE),
    ("nov", DATE),
    ("dec", DATE),
    ("day", DATE),
    ("tonight", DATE),
    ("this morning", DATE),
    ("this afternoon", DATE),
    ("this evening", DATE),
    ("the 1", DATE),
    ("the 2", DATE),
    ("the 3", DATE),
    ("the 4", DATE),
    ("the 5", DATE),
    ("the 6", DATE),
    ("the 7", DATE),
    ("the 8", DATE),
    ("the 9", DATE),
];

/// The cue families of every sentence of the body, from one pass per paragraph.
fn cue_masks(rules: &Rules, ctx: &Ctx<'_>) -> Vec<u32> {
    let mut masks = vec![0u32; ctx.sents.len()];
    let starts: Vec<usize> = ctx.sents.iter().map(|s| s.span.start).collect();
    for &p in ctx.paras {
        for m in rules.cues.find_iter(ctx.at(p)) {
            let pos = p.start + m.start();
            let i = starts.partition_point(|&s| s <= pos);
            if i > 0 {
                masks[i - 1] |= rules.cue_bits[m.pattern().as_usize()];
            }
        }
    }
    masks
}

/// Compiled English event and role patterns.
pub(crate) struct Rules {
    cues: aho_corasick::AhoCorasick,
    cue_bits: Vec<u32>,
    event: Regex,
    chair: Regex,
    chair_by: Regex,
    speech: Regex,
    attended_by: Regex,
    attended: Regex,
    present: Regex,
    place: Regex,
    held: Regex,
    held_by: Regex,
    ordinal_day: Regex,
    topic: Regex,
    non_speech: Regex,
    count: Regex,
    including: Regex,
    days: Regex,
}

impl Rules {
    pub(crate) fn new() -> Rules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        Rules {
            // A full DFA: one table step per byte, no failure links (the pass runs
            // over every byte of the body).
            cues: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(CUES.iter().map(|(w, _)| *w))
                .expect("built-in cue words"),
            cue_bits: CUES.iter().map(|(_, b)| *b).collect(),
            event: re(
                r"(?i)(?-u:\b)(?P<k>press conference|news conference|plenary (?:session|meeting)|plenum|executive meeting|standing committee meeting|teleconference|video conference|videoconference|discussion meetings?|symposiums?|seminars?|workshops?|forums?|summit|conferences?|sessions?|meetings?|talks|inspection tour|inspection|inspected|signing ceremony|signed|ceremony|grand gathering|gathering|celebration|rally|training (?:course|session|class|program)|reception|banquet|new year party|party|instructions?|lecture|met with|met|meets|visited)(?-u:\b)",
            ),
            chair: re(
                r"(?-u:\b)(?:chaired|chairs|co-chaired|presided over|presides over|presided|presiding over|chairing|hosted and presided|hosted|hosts|hosting)(?-u:\b)",
            ),
            chair_by: re(r"(?-u:\b)(?:chaired|presided over|co-chaired)\s+by\s+"),
            speech: re(
                r"(?i)(?-u:\b)(?:made (?:an? )?(?:important |keynote )?speech(?:es)?|delivered (?:an? |his |her )?(?:[a-z-]+ ){0,2}(?:speech|address|report|remarks)|gave (?:an? )?(?:important |keynote )?(?:speech|address)|made (?:a |an )?(?:keynote |video )?address|addressed|addresses|addressing|spoke|speaks|made the (?:remarks?|appeal|comments?)|said|says|stressed|stresses|emphasized|emphasised|emphasizes|pointed out|noted|urged|called (?:for|on)|added|told|expressed|hoped|highlighted|underlined|underscored|reiterated|remarked|proposed|put forward|spoke highly|praised|briefed|conveyed)(?-u:\b)",
            ),
            attended_by: re(r"(?-u:\b)(?:attended|joined)\s+by\s+"),
            attended: re(
                r"(?-u:\b)(?:also )?(?:attended|attend|attends|were present|was present|participated in|took part in)(?-u:\b)",
            ),
            present: re(
                r"(?i)(?-u:\b)(?:among those (?:present|attending)(?: at the \w+)?(?: were| was)|(?:also\s+)?(?:present|attending)(?:\s+(?:at\s+)?the\s+(?:[\w-]+\s+){0,3}?)?\s*(?:were|was|included)|those attending included)\s+",
            ),
            // Anchored: run only where `in` or `at` opens a word (`next_place`).
            place: re(
                r"^(?:in|at)\s+(?:the\s+)?(?P<p>[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+)?[A-Z][\w'’.-]*){0,5})",
            ),
            held: re(
                r"(?-u:\b)(?:held|convened|organized|organised|hosted|sponsored|opened|launched)(?-u:\b)",
            ),
            held_by: re(
                r"(?-u:\b)(?:co-)?(?:hosted|organized|organised|sponsored|convened|held)\s+(?:jointly\s+)?by\s+",
            ),
            ordinal_day: re(
                r"(?i)(?-u:\b)(?:on\s+)?(?:the\s+(?P<tod>morning|afternoon|evening|night)\s+of\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)(?-u:\b)",
            ),
            topic: re(r"^\s+(?:on|about)\s+"),
            non_speech: re(
                r"(?i)(?-u:\b)(?:instructions?|letter|message|article|written|congratulatory|telegram|editorial)(?-u:\b)",
            ),
            count: re(
                r"(?i)(?-u:\b)(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?-u:\b)|(?-u:\b)(?P<w>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|dozens)(?-u:\b)",
            ),
            including: re(r"(?i)(?-u:\b)(?:including|such as)\s+"),
            days: re(
                r"(?i)(?-u:\b)(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)-day(?-u:\b)(?:\s+(?:\w+\s+){0,2}?(?P<w>event|seminar|symposium|meeting|conference|forum|session|summit|workshop|training|visit|inspection|fair|expo|exhibition))?",
            ),
        }
    }
}

fn kind_of(k: &str) -> EventKind {
    let k = super::names::lower(k);
    let k: &str = &k;
    if k.contains("press") || k.contains("news conf") {
        EventKind::PressConference
    } else if k.starts_with("plenary") || k == "plenum" {
        EventKind::Plenary
    } else if k.starts_with("discussion") || k.starts_with("symposium") || k.starts_with("workshop")
    {
        EventKind::Symposium
    } else if k.starts_with("seminar") {
        EventKind::Seminar
    } else if k.starts_with("forum") {
        EventKind::Forum
    } else if k.starts_with("summit") || k.contains("conference") {
        EventKind::Conference
    } else if k.starts_with("session") {
        EventKind::Session
    } else if k.starts_with("inspect") {
        EventKind::Inspection
    } else if k == "talks" {
        EventKind::Talks
    } else if k.starts_with("signing") || k == "signed" {
        EventKind::Signing
    } else if k.contains("ceremony")
        || k.contains("gathering")
        || k == "celebration"
        || k == "rally"
    {
        EventKind::Ceremony
    } else if k.starts_with("training") || k == "lecture" {
        EventKind::Training
    } else if k.starts_with("instruction") {
        EventKind::Instruction
    } else if k == "visited" {
        EventKind::Visit
    } else if k.contains("meet") || k == "met" || k == "met with" {
        EventKind::Meeting
    } else {
        EventKind::Other
    }
}

/// Finds the events, roles and statements; fills `events` and `statements`.
pub(crate) fn find(
    rules: &Rules,
    lex: &Lex,
    dates: &dates::Rules,
    ctx: &Ctx<'_>,
    mentions: &[Mention],
    people: &mut People,
    dateline: Option<&crate::model::Dateline>,
) -> (Vec<Event>, Vec<Statement>) {
    let dateline_span = dateline.map(|d| d.span);
    let dateline_place = dateline.and_then(|d| d.place.as_ref());
    let lead = lead_sentences(ctx, dateline_span);
    let masks = cue_masks(rules, ctx);
    let has = |si: usize, bit: u32| masks.get(si).is_some_and(|m| m & bit != 0);
    let mut events: Vec<Event> = Vec::new();
    // Main event: the first event phrase of the opening sentences, else of the title.
    let mut main: Option<(usize, Span, EventKind)> = None;
    let mut best_score = i32::MIN;
    let mut scan: Vec<usize> = lead.clone();
    if let Some(&last) = lead.last() {
        // When the opening sentences name no event, read on (bullets first, story later).
        scan.extend(last + 1..ctx.sents.len().min(last + 12));
    }
    for (rank, &si) in scan.iter().enumerate() {
        if rank >= lead.len() && main.is_some() {
            break;
        }
        let s = ctx.sents[si].span;
        if !has(si, EVENT) {
            continue;
        }
        for sp in event_phrases(rules, ctx, s, mentions) {
            let score = event_score(ctx, s, sp);
            if score > best_score {
                best_score = score;
                main = Some((si, sp, kind_of(ctx.at(sp))));
            }
        }
    }
    // The headline names the event (`Legal forum held in ...`): when the opening
    // sentences name an event of that kind too, that is the main event.
    if let Some(t) = ctx.title {
        if let Some(&tsp) = event_phrases(rules, ctx, t, mentions).first() {
            let tk = kind_of(ctx.at(tsp));
            if main.is_some_and(|(_, _, k)| k != tk) {
                'find: for &si in &lead {
                    let s = ctx.sents[si].span;
                    for sp in event_phrases(rules, ctx, s, mentions) {
                        if kind_of(ctx.at(sp)) == tk && event_score(ctx, s, sp) >= 0 {
                            main = Some((si, sp, tk));
                            break 'find;
                        }
                    }
                }
            }
        }
    }
    if main.is_none() {
        if let Some(t) = ctx.title {
            if let Some(&sp) = event_phrases(rules, ctx, t, mentions).first() {
                main = Some((usize::MAX, sp, kind_of(ctx.at(sp))));
            }
        }
    }
    // The dates of a sentence, read once: several steps ask about the same ones.
    let date_memo = std::cell::RefCell::new(vec![None; ctx.sents.len()]);
    let date_mentions = |si: usize| -> Vec<DateMention> {
        let Some(s) = ctx.sents.get(si) else {
            return Vec::new();
        };
        if !has(si, DATE) {
            return Vec::new();
        }
        if let Some(Some(v)) = date_memo.borrow().get(si) {
            return Vec::clone(v);
        }
        let mut v = dates.find_en(ctx.src, s.span, &ctx.anchors);
        if let Some(d) = dateline_span {
            v.retain(|m| !d.overlaps(m.span));
        }
        v.extend(ordinal_days(rules, ctx, s.span, dateline_span));
        v.sort_by_key(|m| m.span.start);
        if let Some(slot) = date_memo.borrow_mut().get_mut(si) {
            *slot = Some(v.clone());
        }
        v
    };
    if let Some((si, kspan, kind)) = main {
        let mut date = None;
        if si != usize::MAX {
            let here = date_mentions(si);
            date = here
                .iter()
                .min_by_key(|m| m.span.start.abs_diff(kspan.start))
                .copied();
        }
        if date.is_none() {
            date = lead.iter().flat_map(|&x| date_mentions(x)).next();
        }
        if date.is_none() && si != usize::MAX && si > 0 {
            // The sentence before reports the same act: `Xi Tuesday called on ...
            // Addressing the 12th BRICS summit ...`.
            date = (si.saturating_sub(2)..si)
                .rev()
                .flat_map(date_mentions)
                .next();
        }
        if date.is_none() && si != usize::MAX {
            // A few sentences on: `On October 18th and 19th, the State Council ...`.
            date = (si + 1..ctx.sents.len().min(si + 6))
                .flat_map(date_mentions)
                .find(|m| m.span.start < ctx.sents[si].span.end + 1500);
        }
        // `a three-day symposium ... opened on Wednesday`: a range from that day;
        // `... ended on Friday` / `the conclusion of the four-day session on Thursday`:
        // a range to that day.
        if let (Some(d), true) = (date.as_mut(), si != usize::MAX) {
            if let DateValue::Single(pd) = d.value {
                let dur = duration_days(rules, ctx.at(ctx.sents[si].span))
                    .or_else(|| {
                        lead.iter()
                            .find_map(|&x| duration_days(rules, ctx.at(ctx.sents[x].span)))
                    })
                    .or_else(|| {
                        // `The 10-day event was jointly sponsored by ...` a few sentences on.
                        (si + 1..ctx.sents.len().min(si + 5)).find_map(|x| {
                            let st = ctx.at(ctx.sents[x].span);
                            let c = rules.days.captures(st)?;
                            let w = c.name("w")?.as_str().to_lowercase();
                            let kw = ctx.at(kspan).to_lowercase();
                            (w == "event"
                                || kw.starts_with(&w)
                                || w.starts_with(kw.split(' ').next_back().unwrap_or(&kw)))
                            .then(|| duration_days(rules, st))
                            .flatten()
                        })
                    });
                if let (Some(full), Some(n)) = (pd.to_date(), dur) {
                    let s0 = ctx.sents[si].span;
                    let upto = ctx
                        .at(Span::new(s0.start, d.span.start.clamp(s0.start, s0.end)))
                        .to_lowercase();
                    let last_end = [
                        "ended",
                        "concluded",
                        "closed on",
                        "conclusion",
                        "wrapped up",
                        "close of",
                    ]
                    .iter()
                    .filter_map(|w| upto.rfind(w))
                    .max();
                    let last_start = ["opened", "began", "kicked off", "started", "opening"]
                        .iter()
                        .filter_map(|w| upto.rfind(w))
                        .max();
                    let ends = match (last_end, last_start) {
                        (Some(e), Some(b)) => e > b,
                        (Some(_), None) => true,
                        _ => false,
                    };
                    let (a, b) = if ends {
                        (full.add_days(1 - n), full)
                    } else {
                        (full, full.add_days(n - 1))
                    };
                    d.value =
                        DateValue::Range(PartialDate::from_date(a), PartialDate::from_date(b));
                }
            }
        }
        let mut location = None;
        let mut organizers = Vec::new();
        let mut topic = None;
        if si != usize::MAX {
            let s = ctx.sents[si].span;
            location = place_in(
                rules,
                ctx,
                s,
                kspan,
                dateline_span,
                dateline_place,
                mentions,
            );
            organizers = organizer_of(rules, lex, ctx, s, kspan, mentions, dateline_span);
            topic = topic_after(rules, ctx, s, kspan);
        }
        if location.is_none() {
            // Any opening sentence that says where: `met ... here`, `in Beijing`.
            for x in lead.first().copied().unwrap_or(0)..ctx.sents.len().min(8) {
                let s = ctx.sents[x].span;
                if let Some(l) = place_in(
                    rules,
                    ctx,
                    s,
                    Span::new(s.start, s.start),
                    dateline_span,
                    dateline_place,
                    mentions,
                ) {
                    location = Some(l);
                    break;
                }
            }
        }
        events.push(Event {
            kind,
            kind_text: text::text_at(ctx.src, kspan),
            topic,
            date: date.map(|d| EventDate {
                value: d.value,
                time_of_day: d.time_of_day,
                year_source: d.year_source,
                span: d.span,
            }),
            location,
            organizers,
            chairs: Vec::new(),
            speakers: Vec::new(),
            attendees: Vec::new(),
        });
    }
    let mut statements = Vec::new();
    let mut ev = events.pop().unwrap_or_else(|| Event {
        kind: EventKind::Other,
        kind_text: Text {
            text: String::new(),
            span: Span::default(),
        },
        topic: None,
        date: None,
        location: None,
        organizers: Vec::new(),
        chairs: Vec::new(),
        speakers: Vec::new(),
        attendees: Vec::new(),
    });
    let has_event = !ev.kind_text.text.is_empty();
    let main_si = main.map_or(usize::MAX, |(si, _, _)| si);
    // Later events of the same report (`Later on Wednesday, Zhao met with ...`) get
    // the roles of the sentences from theirs on.
    let mut later: Vec<Event> = Vec::new();
    for (si, sent) in ctx.sents.iter().enumerate() {
        let s = sent.span;
        let st = ctx.at(s);
        // Mentions come in sentence order: the sentence's are one slice of them.
        let lo = mentions.partition_point(|m| m.sent < si);
        let hi = lo + mentions[lo..].partition_point(|m| m.sent == si);
        let in_sent: &[Mention] = &mentions[lo..hi];
        if has_event && main_si != usize::MAX && si > main_si && has(si, EVENT) {
            if let Some(e) = later_event(
                rules,
                ctx,
                s,
                mentions,
                &ev,
                later.last(),
                &date_mentions(si),
                dateline_span,
                dateline_place,
            ) {
                later.push(e);
            }
        }
        let ev = match later.last_mut() {
            Some(e) => e,
            None => &mut ev,
        };
        // Chairs.
        // Without a cue word the sentence is not searched at all.
        let chair_text = if has(si, CHAIR) { st } else { "" };
        for m in rules.chair_by.find_iter(chair_text) {
            let at = s.start + m.end();
            if let Some(p) = in_sent.iter().find(|x| x.start == at || x.span.start == at) {
                push_ref(ctx, &mut ev.chairs, people, p, Role::Chair);
            }
        }
        for m in rules.chair.find_iter(chair_text) {
            if st[m.end()..].starts_with(" by") {
                continue;
            }
            // `hosted` chairs a meeting, not a banquet: a meeting noun must follow.
            if m.as_str().starts_with("host") {
                let after = &st[m.end()..];
                let window = &after[..text::floor_boundary(after, after.len().min(50))];
                let is_meeting = rules
                    .event
                    .captures(window)
                    .and_then(|c| c.name("k"))
                    .is_some_and(|k| {
                        k.start() < 30
                            && !matches!(
                                kind_of(k.as_str()),
                                EventKind::Other | EventKind::Ceremony
                            )
                    });
                if !is_meeting {
                    continue;
                }
            }
            let at = s.start + m.start();
            if let Some(p) = subject_before(ctx, in_sent, people, s, at) {
                push_ref_idx(ctx, &mut ev.chairs, people, p, Role::Chair);
            }
        }
        // Speakers and statements.
        let speech_text = if has(si, SPEECH) { st } else { "" };
        for m in rules.speech.find_iter(speech_text) {
            let after = &st[m.end()..];
            let near = after[..text::floor_boundary(after, after.len().min(40))].trim_start();
            let written = rules.non_speech.is_match(near)
                && (near.starts_with("in ") || near.starts_with("through "));
            let at = s.start + m.start();
            let verb = m.as_str();
            let subj = subject_before(ctx, in_sent, people, s, at).or_else(|| {
                // `said Li Keqiang`
                let after = s.start + m.end();
                in_sent
                    .iter()
                    .find(|x| x.start.saturating_sub(after) <= 1 && x.start >= after)
                    .map(|x| x.person)
            });
            if let Some(p) = subj {
                if !written {
                    push_ref_idx(ctx, &mut ev.speakers, people, p, Role::Speaker);
                }
                if is_reporting(verb) {
                    statements.push(statement(
                        ctx,
                        s,
                        m.start(),
                        m.end(),
                        Some(people.name(p).to_string()),
                        verb,
                    ));
                }
            }
        }
        // Attendees.
        if has(si, ATTEND) {
            attendees_in(rules, lex, ctx, s, in_sent, people, &mut ev.attendees);
        }
    }
    if has_event || !ev.chairs.is_empty() || !ev.speakers.is_empty() || !ev.attendees.is_empty() {
        events.push(ev);
    }
    events.extend(later);
    (events, statements)
}

/// A new event reported later in the article: an action on an indefinite event
/// (`met with a delegation`, `held a forum`) of another kind than the current one,
/// or one that opens with `Later`, `Earlier`, `On the same day`, or has its own date.
#[allow(clippy::too_many_arguments)]
fn later_event(
    rules: &Rules,
    ctx: &Ctx<'_>,
    s: Span,
    mentions: &[Mention],
    main: &Event,
    current: Option<&Event>,
    dates: &[DateMention],
    dateline: Option<Span>,
    dateline_place: Option<&Text>,
) -> Option<Event> {
    let st = ctx.at(s);
    let current = current.unwrap_or(main);
    let opener = [
        "Later",
        "Earlier",
        "Also on",
        "On the same day",
        "Meanwhile",
        "After the",
        "Before the",
        "Prior to",
        "Following the",
    ]
    .iter()
    .any(|w| st.starts_with(w));
    for sp in event_phrases(rules, ctx, s, mentions) {
        let w = super::names::lower(ctx.at(sp));
        let is_verb = matches!(
            &*w,
            "met" | "met with" | "meets" | "inspected" | "visited" | "signed"
        );
        let before = ctx.at(Span::new(s.start, sp.start));
        let indefinite = [" a ", " an ", " another "]
            .iter()
            .any(|x| text::ends_with_caseless(before, x));
        if !is_verb && (!indefinite || event_score(ctx, s, sp) < 2) {
            continue;
        }
        let kind = kind_of(&w);
        let own_date = dates.first().copied();
        let differs = kind != current.kind
            || (own_date.is_some()
                && own_date.map(|d| d.value) != current.date.as_ref().map(|d| d.value));
        if !(opener || differs) {
            return None;
        }
        return Some(Event {
            kind,
            kind_text: text::text_at(ctx.src, sp),
            topic: topic_after(rules, ctx, s, sp),
            date: own_date
                .map(|d| EventDate {
                    value: d.value,
                    time_of_day: d.time_of_day,
                    year_source: d.year_source,
                    span: d.span,
                })
                .or_else(|| opener.then(|| main.date.clone()).flatten()),
            location: place_in(rules, ctx, s, sp, dateline, dateline_place, mentions),
            organizers: Vec::new(),
            chairs: Vec::new(),
            speakers: Vec::new(),
            attendees: Vec::new(),
        });
    }
    None
}

/// The first event phrase of a span that really names an event: not part of a
/// building's name (`Conference Hall`), not a political party (`Communist Party`).
fn event_phrases(rules: &Rules, ctx: &Ctx<'_>, s: Span, mentions: &[Mention]) -> Vec<Span> {
    let st = ctx.at(s);
    let mut out = Vec::new();
    // The `k` group is the whole match: no capture search needed.
    for m in rules.event.find_iter(st) {
        let w = m.as_str();
        let after = st[m.end()..].trim_start();
        let next = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if matches!(
            next,
            "Hall" | "Center" | "Centre" | "Room" | "Building" | "Hotel" | "Palace" | "Square"
        ) {
            continue;
        }
        if w.eq_ignore_ascii_case("party") {
            let before = st[..m.start()].trim_end();
            let prev = before.rsplit(' ').next().unwrap_or("");
            if w != "party"
                || matches!(
                    prev,
                    "ruling"
                        | "political"
                        | "Communist"
                        | "opposition"
                        | "one"
                        | "each"
                        | "other"
                        | "third"
                        | "every"
                        | "host"
                )
                || before.ends_with("of the")
            {
                continue;
            }
        }
        if w.starts_with(|c: char| c.is_uppercase())
            && !matches!(
                w.to_lowercase().as_str(),
                "forum"
                    | "summit"
                    | "conference"
                    | "symposium"
                    | "seminar"
                    | "session"
                    | "plenary session"
                    | "meeting"
                    | "press conference"
            )
        {
            continue;
        }
        let sp = Span::new(s.start + m.start(), s.start + m.end());
        // Inside a person's title (`... Political Consultative Conference`).
        if mentions
            .iter()
            .any(|x| Span::new(x.start, x.end).contains(sp))
        {
            continue;
        }
        out.push(sp);
    }
    out
}

/// How surely an event phrase names the event the sentence reports: an action on
/// it (`presiding over a`, `held a`, `at the`) raises it, a mention of another
/// event's decisions (`the spirit of the plenary session`) lowers it.
fn event_score(ctx: &Ctx<'_>, s: Span, sp: Span) -> i32 {
    let before = ctx.at(Span::new(s.start, sp.start));
    let tail = &before[text::floor_boundary(before, before.len().saturating_sub(60))..];
    let tail = super::names::lower(tail);
    let mut score = 0;
    for cue in [
        "presid",
        "chair",
        "held",
        "hold",
        "attend",
        "address",
        "at a ",
        "at the ",
        "during",
        "conven",
        "open",
        "speech at",
        "remarks at",
        "while ",
        "when ",
        " a ",
        " an ",
    ] {
        if tail.contains(cue) {
            score += 2;
            break;
        }
    }
    for cue in [
        "spirit of",
        "decisions of",
        "guidelines of",
        "since the",
        "outcome of",
        "communique of",
    ] {
        if tail.contains(cue) {
            score -= 3;
        }
    }
    let w = super::names::lower(ctx.at(sp));
    let w: &str = &w;
    if w.starts_with("met") || w == "meets" || w == "talks" || w == "inspected" || w == "visited" {
        score += 1;
    }
    score
}

/// `three-day`, `10-day`, `two-day` in a sentence: the number of days.
fn duration_days(rules: &Rules, st: &str) -> Option<i64> {
    let c = rules.days.captures(st)?;
    let n = c.name("n")?.as_str().to_lowercase();
    let n = n
        .parse::<u64>()
        .ok()
        .or_else(|| crate::extract::quotes::english_number(&n))?;
    (2..=31).contains(&n).then_some(n as i64)
}

fn is_reporting(verb: &str) -> bool {
    !(verb.starts_with("made")
        || verb.starts_with("delivered")
        || verb.starts_with("gave")
        || verb.starts_with("address")
        || verb.starts_with("spoke")
        || verb.starts_with("speaks"))
}

/// The statement after a reporting verb (`X stressed that ...`), or before it
/// (`"...," X said.`).
fn statement(
    ctx: &Ctx<'_>,
    s: Span,
    vs: usize,
    ve: usize,
    speaker: Option<String>,
    verb: &str,
) -> Statement {
    let st = ctx.at(s);
    let after = &st[ve..];
    let trimmed = after.trim_start_matches([' ', ',', ':']);
    let trimmed = trimmed.strip_prefix("that ").unwrap_or(trimmed);
    let start = s.start + ve + (after.len() - trimmed.len());
    let mut span = text::trim_by(ctx.src, Span::new(start, s.end), text::is_edge_punct);
    if span.len() < 8 {
        // Inverted: content before `, X said`.
        let before = &st[..vs];
        let cut = before
            .rfind(", ")
            .or_else(|| before.rfind(",\""))
            .unwrap_or(0);
        span = text::trim_by(ctx.src, Span::new(s.start, s.start + cut), |c| {
            text::is_edge_punct(c) || c == '"' || c == '“' || c == '”'
        });
    }
    Statement {
        speaker,
        verb: verb.to_string(),
        text: text::fold_ws(ctx.at(span)),
        span,
    }
}

/// The sentences that open the body (up to three, skipping a bare dateline).
fn lead_sentences(ctx: &Ctx<'_>, dateline: Option<Span>) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, s) in ctx.sents.iter().enumerate() {
        if let Some(d) = dateline {
            if d.contains(s.span) {
                continue;
            }
        }
        out.push(i);
        if out.len() >= 3 {
            break;
        }
    }
    out
}

/// `on the 15th`, `On the afternoon of the 15th`: a bare day of month.
fn ordinal_days(rules: &Rules, ctx: &Ctx<'_>, s: Span, dateline: Option<Span>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let Some((anchor, ys)) = ctx.anchors.day_anchor() else {
        return out;
    };
    for c in rules.ordinal_day.captures_iter(ctx.at(s)) {
        let (Some(m), Some(d)) = (c.get(0), c.name("d")) else {
            continue;
        };
        let sp = Span::new(s.start + m.start(), s.start + m.end());
        if dateline.is_some_and(|x| x.overlaps(sp)) {
            continue;
        }
        // `the 19th Central Committee`, `the 21st century`: an ordinal, not a day.
        let lead_in = m.as_str().to_lowercase();
        let next = ctx.at(Span::new(sp.end, s.end)).trim_start();
        let next_word = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let is_day = (lead_in.starts_with("on ") || lead_in.contains(" of "))
            && (next_word.is_empty()
                || next.starts_with(',')
                || matches!(
                    next_word,
                    "in" | "at" | "and" | "when" | "that" | "to" | "with" | "of"
                ));
        if !is_day {
            continue;
        }
        let Ok(day) = d.as_str().parse::<u8>() else {
            continue;
        };
        let (mut y, mut mo) = (anchor.year, anchor.month);
        if day > anchor.day {
            if mo == 1 {
                mo = 12;
                y -= 1;
            } else {
                mo -= 1;
            }
        }
        let Some(date) = crate::model::Date::new(y, mo, day) else {
            continue;
        };
        let tod = c
            .name("tod")
            .map(|t| match t.as_str().to_lowercase().as_str() {
                "morning" => crate::model::TimeOfDay::Morning,
                "afternoon" => crate::model::TimeOfDay::Afternoon,
                "evening" => crate::model::TimeOfDay::Evening,
                _ => crate::model::TimeOfDay::Night,
            });
        out.push(DateMention {
            span: sp,
            value: crate::model::DateValue::Single(crate::model::PartialDate::from_date(date)),
            time_of_day: tod,
            year_source: ys,
        });
    }
    out
}

/// The place after `in`/`at` in the sentence, after the event phrase if possible;
/// `here` is the dateline's place.
/// The length of the lead of a `place` match, `in `/`at ` and a following `the `
/// when a capital comes after it, as the pattern reads it.
fn place_lead(m: &str) -> usize {
    let skip_ws = |s: &str| s.len() - s.trim_start_matches(char::is_whitespace).len();
    let mut at = 2; // `in` or `at`
    at += skip_ws(&m[at..]);
    if let Some(rest) = m[at..].strip_prefix("the") {
        let ws = skip_ws(rest);
        if ws > 0 && rest[ws..].starts_with(|c: char| c.is_ascii_uppercase()) {
            at += 3 + ws;
        }
    }
    at
}

fn place_in(
    rules: &Rules,
    ctx: &Ctx<'_>,
    s: Span,
    kspan: Span,
    dateline: Option<Span>,
    dateline_place: Option<&Text>,
    mentions: &[Mention],
) -> Option<Text> {
    let st = ctx.at(s);
    if has_ascii_word(st, "here") {
        if let Some(p) = dateline_place {
            return Some(Text {
                text: titlecase(&p.text),
                span: p.span,
            });
        }
    }
    let from = kspan.start.saturating_sub(s.start).min(st.len());
    let from = text::floor_boundary(st, from);
    let mut best: Option<Span> = None;
    let mut next = 0;
    while let Some((m_start, m_end)) = next_place(rules, st, next) {
        next = m_end;
        let m = &st[m_start..m_end];
        // The place is the match after `in`/`at` and an optional `the`: found by
        // hand rather than by a capture search.
        let p = &m[place_lead(m)..];
        let sp = Span::new(s.start + m_end - p.len(), s.start + m_end);
        if dateline.is_some_and(|d| d.overlaps(sp))
            || mentions
                .iter()
                .any(|m| Span::new(m.start, m.end).overlaps(sp))
        {
            continue;
        }
        let first = p.split_whitespace().next().unwrap_or("");
        if crate::extract::dates::month_number(first).is_some() && first.len() <= 9
            || crate::extract::dates::weekday_number(first).is_some()
            || matches!(first, "Chinese" | "English" | "Xinhua")
        {
            continue;
        }
        let sp = trim_place(ctx, sp);
        if sp.is_empty() {
            continue;
        }
        // `in ASEAN countries`: a modifier of a common noun, not a place.
        let after = ctx.at(Span::new(sp.end, s.end));
        let next_word = after
            .trim_start()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        if after.starts_with(' ')
            && next_word.chars().next().is_some_and(|c| c.is_lowercase())
            && !matches!(
                next_word,
                "on" | "in"
                    | "at"
                    | "to"
                    | "for"
                    | "and"
                    | "from"
                    | "with"
                    | "last"
                    | "this"
                    | "that"
                    | "which"
                    | "where"
                    | "when"
                    | "during"
                    | "since"
                    | "until"
                    | "as"
                    | "by"
                    | "recently"
                    | "today"
                    | "here"
            )
            && !lex_is_verbish(next_word)
        {
            continue;
        }
        if m_end - p.len() >= from {
            best = Some(sp);
            break;
        }
        if best.is_none() {
            best = Some(sp);
        }
    }
    best.and_then(|b| text::text_trimmed(ctx.src, b))
}

/// True for an ASCII byte of a word (`(?-u:\b)` boundaries).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when `word` stands in `s` as a whole word.
fn has_ascii_word(s: &str, word: &str) -> bool {
    let b = s.as_bytes();
    memchr::memmem::find_iter(b, word).any(|i| {
        let before = i.checked_sub(1).and_then(|j| b.get(j));
        let after = b.get(i + word.len());
        !before.is_some_and(|&c| is_word_byte(c)) && !after.is_some_and(|&c| is_word_byte(c))
    })
}

/// The next match of the `place` pattern in `st` at or after byte `from`, as
/// `find_iter` would give it. The pattern opens with the word `in` or `at`, so it
/// runs anchored there only (its own literal search stops at every `in` and `at`
/// inside words).
fn next_place(rules: &Rules, st: &str, from: usize) -> Option<(usize, usize)> {
    let b = st.as_bytes();
    let mut i = from;
    while let Some(j) = b.get(i..).and_then(|r| memchr::memchr2(b'i', b'a', r)) {
        let j = i + j;
        let opens = matches!(b.get(j..j + 2), Some(b"in" | b"at"))
            && !j.checked_sub(1).is_some_and(|k| is_word_byte(b[k]));
        if opens {
            if let Some(m) = st.get(j..).and_then(|t| rules.place.find(t)) {
                return Some((j + m.start(), j + m.end()));
            }
        }
        i = j + 1;
    }
    None
}

/// A past-tense or reporting verb after a place: `in Beijing said`, `in Nanjing held`.
fn lex_is_verbish(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with("es")
        || matches!(
            w,
            "said"
                | "met"
                | "held"
                | "made"
                | "gave"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "has"
                | "had"
        )
}

/// Cuts a place phrase before a trailing `'s` possessive or a lower-case word.
fn trim_place(ctx: &Ctx<'_>, sp: Span) -> Span {
    let s = ctx.at(sp);
    let end = s.find("'s").or_else(|| s.find("’s")).unwrap_or(s.len());
    Span::new(sp.start, sp.start + s[..end].trim_end().len())
}

fn titlecase(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(|x| x.to_lowercase()))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The subject of `held`/`convened` before the event phrase, when it is not a person.
fn organizer_of(
    rules: &Rules,
    lex: &Lex,
    ctx: &Ctx<'_>,
    s: Span,
    kspan: Span,
    mentions: &[Mention],
    dateline: Option<Span>,
) -> Vec<Text> {
    let st = ctx.at(s);
    let k = kspan.start.saturating_sub(s.start).min(st.len());
    let k = text::floor_boundary(st, k);
    let mut out = Vec::new();
    // `... was co-hosted by the Ministry of X and the Y government`.
    let nearby: Vec<Span> = ctx
        .sents
        .iter()
        .map(|x| x.span)
        .filter(|x| x.start >= s.start && x.start < s.end + 400)
        .take(3)
        .collect();
    for sent_i in nearby {
        let t = ctx.at(sent_i);
        if let Some(m) = rules.held_by.find(t) {
            let rest = Span::new(sent_i.start + m.end(), sent_i.end);
            let r = ctx.at(rest);
            let end = r.find([',', ';', '.']).unwrap_or(r.len());
            let list = Span::new(rest.start, rest.start + end);
            let lt = ctx.at(list);
            let mut a = 0;
            // `the Ministry of Ecology and Environment and the Y government`: a new body
            // starts at `and the`.
            for part in lt.split(" and the ") {
                let sp = Span::new(list.start + a, list.start + a + part.len());
                a += part.len() + " and the ".len();
                let sp = strip_lead_words(ctx, sp, lex);
                if let Some(t) = text::text_trimmed(ctx.src, sp) {
                    if t.text.chars().next().is_some_and(|c| c.is_uppercase()) {
                        out.push(t);
                    }
                }
            }
        }
    }
    if let Some(m) = rules.held.find_iter(&st[..k]).max_by_key(|m| m.start()) {
        let mut start = s.start;
        if let Some(d) = dateline {
            if d.end > start && d.end <= s.start + m.start() {
                start = d.end;
            }
        }
        // After a leading time phrase `On the afternoon of October 13, `.
        let subj = ctx.at(Span::new(start, s.start + m.start()));
        let cut = subj.rfind(", ").map_or(0, |i| i + 2);
        let sp = Span::new(start + cut, s.start + m.start());
        let words = ctx.at(sp);
        let words = words.trim();
        let is_person = mentions.iter().any(|x| sp.contains(x.span));
        let bad = words.is_empty()
            || words.split_whitespace().count() > 10
            || words
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "He" | "She" | "It" | "They" | "which" | "who"))
            || !words.chars().next().is_some_and(|c| c.is_uppercase());
        if !is_person && !bad {
            let sp = strip_lead_words(ctx, sp, lex);
            if let Some(t) = text::text_trimmed(ctx.src, sp) {
                out.push(t);
            }
        }
    }
    out
}

fn strip_lead_words(ctx: &Ctx<'_>, sp: Span, _lex: &Lex) -> Span {
    let s = ctx.at(sp);
    let mut off = 0;
    for p in ["The ", "the "] {
        if let Some(r) = s.strip_prefix(p) {
            off = s.len() - r.len();
            break;
        }
    }
    let rest = &s[off..];
    // Drop trailing adverbs: `recently`, `jointly`.
    let mut end = rest.len();
    if let Some(i) = rest.trim_end().rfind(' ') {
        let last = &rest[i + 1..].trim_end();
        if last.ends_with("ly") && last.chars().next().is_some_and(|c| c.is_lowercase()) {
            end = i;
        }
    }
    Span::new(sp.start + off, sp.start + off + end)
}

/// `on work of district-level branches` after the event phrase.
fn topic_after(rules: &Rules, ctx: &Ctx<'_>, s: Span, kspan: Span) -> Option<Text> {
    let rest = ctx.at(Span::new(kspan.end, s.end));
    let m = rules.topic.find(rest)?;
    let body = &rest[m.start()..];
    let stops = [
        " to ",
        ", ",
        " in ",
        " at ",
        " held ",
        " attended ",
        " which ",
        " that ",
        " on Monday",
        " on Tuesday",
        " on Wednesday",
        " on Thursday",
        " on Friday",
        " on Saturday",
        " on Sunday",
        " via ",
        ". ",
    ];
    let mut end = body.len();
    for st in stops {
        if let Some(i) = body[m.len()..].find(st) {
            end = end.min(m.len() + i);
        }
    }
    let sp = Span::new(kspan.end + m.start(), kspan.end + m.start() + end);
    let sp = text::trim_by(ctx.src, sp, |c| text::is_edge_punct(c) || c == ' ');
    if sp.len() < 4 {
        return None;
    }
    text::text_trimmed(ctx.src, sp)
}

/// The person who is the subject of a verb at byte `at`: a mention that ends right
/// before it (allowing an appositive and an adverb), a pronoun (`He`, `She`) for the
/// last person named, or a mention opening the sentence with no other in between.
fn subject_before(
    ctx: &Ctx<'_>,
    in_sent: &[Mention],
    people: &People,
    s: Span,
    at: usize,
) -> Option<usize> {
    let before: Vec<&Mention> = in_sent.iter().filter(|m| m.end <= at).collect();
    if let Some(m) = before.last() {
        let gap = ctx.at(Span::new(m.end, at));
        let gw: Vec<&str> = gap.split_whitespace().collect();
        let close = gap.trim().is_empty()
            || gap.trim() == ","
            || (gw.len() <= 3
                && gw.iter().all(|w| {
                    let w = w.trim_matches(',');
                    if w.is_empty() {
                        return true;
                    }
                    w.ends_with("ly")
                        || crate::extract::dates::weekday_number(w).is_some()
                        || matches!(
                            w,
                            "also"
                                | "who"
                                | "then"
                                | "has"
                                | "had"
                                | "on"
                                | "first"
                                | "later"
                                | "and"
                                | "have"
                                | "here"
                        )
                }));
        if close {
            return Some(m.person);
        }
        // `X, also a member of ..., read out the instruction ... and delivered a speech`:
        // a second verb of the same subject.
        let g = gap.trim_start_matches([',', ' ']);
        let first = g.split_whitespace().next().unwrap_or("");
        let verbish = first.chars().next().is_some_and(|c| c.is_lowercase())
            && (first.ends_with("ed")
                || matches!(
                    first,
                    "read"
                        | "met"
                        | "made"
                        | "gave"
                        | "held"
                        | "took"
                        | "spoke"
                        | "put"
                        | "sent"
                        | "led"
                        | "went"
                        | "said"
                        | "also"
                ));
        let joined = g.trim_end().ends_with(" and")
            && !g.contains(", ")
            && g.split_whitespace().count() <= 14;
        if verbish && joined && before.len() == 1 {
            return Some(m.person);
        }
    }
    // Pronoun right before the verb.
    let pre = ctx.at(Span::new(s.start, at));
    let last_word = pre.split_whitespace().last().unwrap_or("");
    let pre_trim = pre.trim_end();
    if matches!(last_word, "He" | "he" | "She" | "she") && pre_trim.ends_with(last_word) {
        return people.last_before(at);
    }
    // A mention opening the sentence: `Chinese President Xi Jinping on Tuesday called ...`.
    if let Some(m) = before.first() {
        let lead = ctx.at(Span::new(s.start, m.start));
        let gap = ctx.at(Span::new(m.end, at));
        if lead.trim().len() <= 2
            && before.len() == 1
            && !gap.contains(", ")
            && gap.split_whitespace().count() <= 8
        {
            return Some(m.person);
        }
        // After a dateline: `BEIJING, Nov. 17 (Xinhua) -- Chinese Premier Li ...`.
        if lead.ends_with("-- ")
            && before.len() == 1
            && !gap.contains(", ")
            && gap.split_whitespace().count() <= 8
        {
            return Some(m.person);
        }
    }
    None
}

fn push_ref(
    ctx: &Ctx<'_>,
    list: &mut Vec<PersonRef>,
    people: &mut People,
    m: &Mention,
    role: Role,
) {
    people.add_role(m.person, role);
    let name = people.name(m.person).to_string();
    if !list.iter().any(|r| r.name == name) {
        list.push(PersonRef {
            span: full_name_span(ctx, people, m.person).unwrap_or(m.span),
            name,
            title: m.title.clone(),
        });
    }
}

/// The span of a mention written as the person's full name, so that a reference's
/// span covers its name (`Xi Jinping`, not a later `Xi`).
fn full_name_span(ctx: &Ctx<'_>, people: &People, p: usize) -> Option<Span> {
    let name = people.name(p);
    people
        .spans(p)
        .iter()
        .copied()
        .find(|s| text::fold_ws(ctx.at(*s)) == name)
}

fn push_ref_idx(
    ctx: &Ctx<'_>,
    list: &mut Vec<PersonRef>,
    people: &mut People,
    p: usize,
    role: Role,
) {
    people.add_role(p, role);
    let name = people.name(p).to_string();
    if list.iter().any(|r| r.name == name) {
        return;
    }
    let span = full_name_span(ctx, people, p)
        .or_else(|| people.spans(p).first().copied())
        .unwrap_or_default();
    list.push(PersonRef {
        title: people.first_title(p).map(str::to_string),
        name,
        span,
    });
}

/// Attendees of one sentence.
fn attendees_in(
    rules: &Rules,
    lex: &Lex,
    ctx: &Ctx<'_>,
    s: Span,
    in_sent: &[Mention],
    people: &mut People,
    out: &mut Vec<Attendee>,
) {
    let st = ctx.at(s);
    // `attended by LIST` / `present were LIST`: the list runs to the sentence end.
    let mut lists: Vec<Span> = Vec::new();
    for m in rules
        .attended_by
        .find_iter(st)
        .chain(rules.present.find_iter(st))
    {
        lists.push(Span::new(s.start + m.end(), s.end));
    }
    // `LIST (also) attended`: the list is the subject before the verb.
    if lists.is_empty() {
        if let Some(m) = rules
            .attended
            .find(st)
            .filter(|m| attends_event(rules, st, m.end()))
        {
            let mut start = s.start;
            let pre = &st[..m.start()];
            // After a leading clause (`..., and`, `;`).
            if let Some(i) = pre.rfind("; ") {
                start = s.start + i + 2;
            }
            if let Some(i) = pre.find(" -- ") {
                start = start.max(s.start + i + 4);
            }
            for rel in [" where ", " which ", " when ", " while "] {
                if let Some(i) = pre.rfind(rel) {
                    start = start.max(s.start + i + rel.len());
                }
            }
            let sp = subject_chunks(lex, ctx, in_sent, Span::new(start, s.start + m.start()));
            let subj = ctx.at(sp).trim();
            let ok = !subj.is_empty()
                && !matches!(subj, "He" | "She" | "They" | "It")
                && (in_sent.iter().any(|x| sp.contains(x.span)) || has_people_noun(lex, subj));
            if ok {
                lists.push(sp);
            }
        }
    }
    for list in lists {
        let list = text::trim_by(ctx.src, list, |c| text::is_edge_punct(c) || c == ' ');
        // Persons: the mentions inside.
        let inside: Vec<&Mention> = in_sent.iter().filter(|x| list.contains(x.span)).collect();
        let mut holes: Vec<Span> = Vec::new();
        for m in &inside {
            people.add_role(m.person, Role::Attendee);
            let name = people.name(m.person).to_string();
            if !out.iter().any(|a| a.name.as_deref() == Some(name.as_str())) {
                let whole = Span::new(m.start.max(list.start), m.end.min(list.end));
                out.push(Attendee {
                    text: text::fold_ws(ctx.at(whole)),
                    span: whole,
                    kind: AttendeeKind::Person,
                    name: Some(name),
                    count: None,
                    members: Vec::new(),
                });
            }
            holes.push(Span::new(m.start.max(list.start), m.end.min(list.end)));
        }
        // Bodies: what is left, split at commas and `and`.
        let mut cursor = list.start;
        holes.sort();
        let mut rest: Vec<Span> = Vec::new();
        for h in holes {
            if h.start > cursor {
                rest.push(Span::new(cursor, h.start));
            }
            cursor = cursor.max(h.end);
        }
        if cursor < list.end {
            rest.push(Span::new(cursor, list.end));
        }
        for r in rest {
            for piece in split_list(lex, ctx, r) {
                let t = ctx.at(piece);
                if !has_people_noun(lex, t) && !looks_like_name(lex, t) {
                    // A continuation of the body before it: `80 participants from SOEs,
                    // the State Administration ... and China Banking Regulatory Commission`.
                    if let Some(last) = out.last_mut().filter(|a| {
                        a.kind == AttendeeKind::Body
                            && a.span.end <= piece.start
                            && piece.start - a.span.end <= 6
                    }) {
                        last.span = Span::new(last.span.start, piece.end);
                        last.text = text::fold_ws(ctx.at(last.span));
                    }
                    continue;
                }
                if !has_people_noun(lex, t) {
                    // A bare name in a list: `Huang Ju, Wu Yi and Hua Jianmin`.
                    if looks_like_name(lex, t) {
                        let p = people.mention(&text::fold_ws(t), piece);
                        people.add_role(p, Role::Attendee);
                        out.push(Attendee {
                            text: text::fold_ws(t),
                            span: piece,
                            kind: AttendeeKind::Person,
                            name: Some(people.name(p).to_string()),
                            count: None,
                            members: Vec::new(),
                        });
                    }
                    continue;
                }
                let members = members_of(rules, ctx, piece);
                if !members.is_empty() && members.iter().all(|m| looks_like_name(lex, &m.text)) {
                    // `Leaders of the State Council including Wu Yi and Hua Jianmin`:
                    // the people named are the attendees.
                    for m in members {
                        let p = people.mention(&m.text, m.span);
                        people.add_role(p, Role::Attendee);
                        let name = people.name(p).to_string();
                        if !out.iter().any(|a| a.name.as_deref() == Some(name.as_str())) {
                            out.push(Attendee {
                                text: m.text,
                                span: m.span,
                                kind: AttendeeKind::Person,
                                name: Some(name),
                                count: None,
                                members: Vec::new(),
                            });
                        }
                    }
                    continue;
                }
                let count = count_of(rules, t);
                let text = text::fold_ws(t);
                if !out.iter().any(|a| a.text == text) {
                    out.push(Attendee {
                        text,
                        span: piece,
                        kind: AttendeeKind::Body,
                        name: None,
                        count,
                        members,
                    });
                }
            }
        }
    }
}

/// `attended` is about an event: `attended the symposium`, `attended.`.
fn attends_event(rules: &Rules, st: &str, end: usize) -> bool {
    let rest = st[end..].trim_start();
    if rest.is_empty() || rest.starts_with(['.', ',', ';']) {
        return true;
    }
    // A relative clause (`veterans who attended ...`) is not the event's attendance.
    let before = st[..end].trim_end();
    let before = before.rsplit_once(' ').map_or("", |(b, _)| b).trim_end();
    if before.ends_with(" who") || before.ends_with(" which") || before.ends_with(" that") {
        return false;
    }
    if rest.starts_with("the ")
        || rest.starts_with("a ")
        || rest.starts_with("an ")
        || rest.starts_with("its ")
    {
        return true;
    }
    let window = &rest[..text::floor_boundary(rest, rest.len().min(60))];
    rules.event.find(window).is_some_and(|m| m.start() < 45)
}

/// The subject of `... attended`: the comma-separated chunks back from the verb
/// (a person's appositive is one chunk) up to a chunk that opens with a preposition
/// (`in the Great Hall`, `On the afternoon of`); leading chunks that name neither a
/// person nor a body of people are dropped.
fn subject_chunks(lex: &Lex, ctx: &Ctx<'_>, in_sent: &[Mention], sp: Span) -> Span {
    let region = ctx.at(sp);
    let trimmed = region.trim_end().trim_end_matches(',');
    let trimmed = trimmed
        .strip_suffix(" also")
        .or_else(|| trimmed.strip_suffix(" all"))
        .or_else(|| trimmed.strip_suffix(" both"))
        .unwrap_or(trimmed)
        .trim_end()
        .trim_end_matches(',');
    let end = sp.start + trimmed.len();
    let mut chunks: Vec<Span> = Vec::new();
    let mut stop = end;
    loop {
        let r = ctx.at(Span::new(sp.start, stop));
        let mut cut = r.rfind(", ").map_or(sp.start, |i| sp.start + i + 2);
        if let Some(m) = in_sent.iter().find(|m| m.start < cut && cut <= m.end + 2) {
            cut = m.start.max(sp.start);
        }
        let chunk = Span::new(cut, stop);
        let t = ctx.at(chunk).trim();
        let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
        let prep = matches!(
            first.as_str(),
            "in" | "at"
                | "on"
                | "during"
                | "from"
                | "after"
                | "before"
                | "with"
                | "by"
                | "under"
                | "for"
                | "to"
                | "when"
                | "while"
                | "as"
        );
        if prep && !in_sent.iter().any(|m| chunk.contains(m.span)) {
            break;
        }
        chunks.push(chunk);
        if cut <= sp.start {
            break;
        }
        stop = cut.saturating_sub(2).max(sp.start);
    }
    let ok = |c: &Span| {
        let t = ctx.at(*c).trim();
        let t = t.strip_prefix("and ").unwrap_or(t);
        in_sent
            .iter()
            .any(|m| c.contains(m.span) && !ctx.at(Span::new(c.start, m.span.start)).contains('('))
            || has_people_noun(lex, t)
            || looks_like_name(lex, t)
    };
    // chunks are right-to-left; drop non-subject chunks from the left end.
    while chunks.last().is_some_and(|c| !ok(c)) {
        chunks.pop();
    }
    match chunks.last() {
        Some(c) => Span::new(c.start, end),
        None => Span::new(end, end),
    }
}

fn has_people_noun(lex: &Lex, t: &str) -> bool {
    t.split(|c: char| !c.is_alphanumeric() && c != '-')
        .enumerate()
        .any(|(i, w)| {
            // Capitalised only at the start (`Members of the standing committee`); inside a
            // name (`the Great Hall of the People`) it is not a group of people.
            let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
            (lower || (i == 0 && w != "People"))
                && (lex.is_people_noun(w) || lex.is_head(w) || lex.is_body_noun(w))
        })
}

fn looks_like_name(lex: &Lex, t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            !lex.not_name(w)
                && w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                && !lex.is_head(w)
        })
}

/// Splits a list at `, ` and `; ` and at ` and ` / ` as well as ` where the left part
/// is a phrase of its own (three words or more) or the right part starts a new one.
fn split_list(lex: &Lex, ctx: &Ctx<'_>, r: Span) -> Vec<Span> {
    let s = ctx.at(r);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let b = s.as_bytes();
    let mut seg_start = 0;
    // Past a cut, its separator's bytes (no parentheses) are skipped.
    for i in text::outside_parens(s) {
        if i < seg_start {
            continue;
        }
        // Byte comparisons: `i` need not be a character boundary; a separator
        // starts with an ASCII byte, so where one matches `i` is a boundary.
        let rest = &b[i..];
        let sep = if rest.starts_with(b", and ") {
            Some(6)
        } else if rest.starts_with(b", ") || rest.starts_with(b"; ") {
            Some(2)
        } else if rest.starts_with(b" as well as ") {
            Some(12)
        } else if rest.starts_with(b" and ") && seg_start < i {
            let left_words = s[seg_start..i].split_whitespace().count();
            let right = &s[i + 5..];
            let right_first = right.split_whitespace().next().unwrap_or("");
            let new_phrase = lex.is_people_noun(right_first)
                || right_first
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
                || right.starts_with("more than")
                || right.starts_with("heads of")
                || right.starts_with("leaders of");
            if left_words >= 3 && new_phrase || (left_words >= 4 && lex.starts_with_title(right)) {
                Some(5)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(n) = sep {
            // Not inside an `including ...` member list, unless what follows is a new
            // phrase of people (`..., heads of the departments`).
            let seg = &s[seg_start..i];
            let next = s[i + n..].split_whitespace().next().unwrap_or("");
            let new_people =
                next.chars().next().is_some_and(|c| c.is_lowercase()) && lex.is_people_noun(next);
            if (!seg.contains("including ") && !seg.contains("such as ")) || new_people {
                cuts.push((i, i + n));
                seg_start = i + n;
            }
        }
    }
    let mut out = Vec::new();
    let mut last = 0;
    for (a, e) in cuts {
        out.push(Span::new(r.start + last, r.start + a));
        last = e;
    }
    out.push(Span::new(r.start + last, r.end));
    out.into_iter()
        .map(|p| {
            let p = text::trim_by(ctx.src, p, |c| text::is_edge_punct(c) || c == ' ');
            strip_list_words(ctx, p)
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn strip_list_words(ctx: &Ctx<'_>, p: Span) -> Span {
    let s = ctx.at(p);
    let mut start = 0;
    for pre in ["and ", "also ", "as well as ", "the "] {
        if s[start..].starts_with(pre) && pre != "the " {
            start += pre.len();
        }
    }
    let mut end = s.len();
    for suf in [
        " among others",
        " and others",
        " etc",
        " attended the",
        " attended",
    ] {
        if let Some(i) = s[..end].find(suf) {
            end = i;
        }
    }
    text::trim(ctx.src, Span::new(p.start + start, p.start + end))
}

fn count_of(rules: &Rules, t: &str) -> Option<u64> {
    let c = rules.count.captures(t)?;
    if let Some(n) = c.name("n") {
        return n.as_str().replace(',', "").parse().ok();
    }
    c.name("w")
        .and_then(|w| crate::extract::quotes::english_number(&w.as_str().to_lowercase()))
}

fn members_of(rules: &Rules, ctx: &Ctx<'_>, piece: Span) -> Vec<Text> {
    let s = ctx.at(piece);
    let Some(m) = rules.including.find(s) else {
        return Vec::new();
    };
    let list = Span::new(piece.start + m.end(), piece.end);
    let ls = ctx.at(list);
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |a: usize, b: usize| {
        let mut sp = text::trim(ctx.src, Span::new(list.start + a, list.start + b));
        // `Huairou district`: the name alone.
        let t = ctx.at(sp);
        if let Some(i) = t.rfind(' ') {
            if t[i + 1..].chars().next().is_some_and(|c| c.is_lowercase()) {
                sp = Span::new(sp.start, sp.start + i);
            }
        }
        if let Some(t) = text::text_trimmed(ctx.src, sp) {
            out.push(t);
        }
    };
    let mut i = 0;
    while i < ls.len() {
        let r = &ls[i..];
        if r.starts_with(", and ") {
            push(start, i);
            i += 6;
            start = i;
        } else if r.starts_with(", ") || r.starts_with(" and ") {
            push(start, i);
            i += if r.starts_with(", ") { 2 } else { 5 };
            start = i;
        } else {
            i += r.chars().next().map_or(1, char::len_utf8);
        }
    }
    push(start, ls.len());
    out
}
