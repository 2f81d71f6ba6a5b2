//! People, their titles and their roles, read clause by clause.
//!
//! A sentence is cut into clauses at `，；：` and spaces, a clause into segments at
//! `、`. A segment is a title alone (`省委书记`), a title and a name
//! (`省委常委梁桂`), a name alone in a list (`徐新荣`), a body of people
//! (`省直有关部门负责同志`), or something else. One title is shared by the names
//! listed after it (`省委常委梁桂、徐新荣、杨志斌`); titles listed before a name are all
//! its titles (`省委书记、省长赵一德` → `省委书记`, `省长`); `兼` joins two titles.
//!
//! The role is read from the predicate right after the name: `主持` (chair),
//! `主持会议并讲话` (chair and speaker), `出席会议并讲话` (attendee and speaker),
//! `讲话`/`致辞`/`发言`/`作总结讲话`/`在讲话中指出` (speaker), `出席`/`参加`/`列席`/
//! `陪同` (attendee), `强调`/`指出`/`表示` (speaker). Names listed without a predicate
//! take the role of the next name or body with one (`副省长A、B，秘书长C参加会议`).
//! A headline reads the same way: `赵一德讲话 韩勇出席 胡衡华主持`.

use super::lexicon::{
    ends_with_body_noun, ends_with_foreign_title, ends_with_title, holds_body_noun, strong_after,
    CharBits,
};
use super::names::{boundary, name_before, name_len, Evidence, Known};
use crate::model::{Role, Span};
use crate::text;
use regex::Regex;

/// Compiled role patterns.
pub(super) struct RoleRules {
    /// The role verb right after a name.
    head: Regex,
    /// A further role joined by `并`.
    and_also: Regex,
    /// Verbs a title never contains.
    not_title: Regex,
    /// The verb of attendance in a clause naming a body.
    attend: Regex,
    /// Where a body phrase ends: `等`, `分别`, `在主会场`.
    body_cut: Regex,
    /// A number of people: `550人`, `约400人`.
    count: Regex,
    /// A title written after a list of names: `A、B等8名农村专职党务工作者`.
    post_list: Regex,
    /// A title given by a verb after the name: `增补A为全国政协委员`.
    post_title: Regex,
    /// Words that show a clause is not a body of people.
    not_body: Regex,
    /// A finder for each marker written after a name ([`MARKERS`]).
    markers: Vec<memchr::memmem::Finder<'static>>,
}

impl RoleRules {
    pub(super) fn new() -> RoleRules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        RoleRules {
            head: re(
                r"^(?:等[^，。；、：:]{0,10}?|同志|一行)?(?:先后|分别|也|一同|一起|共同|还|随后|今天|近日|专门|应邀)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|晚)?(?:在[^，。；、：:]{1,18}?)?(?:(?:围绕|就|结合|对|向|代表)[^，。；：:]{1,40}?)?(?P<v>主持召开|主持|出席|参加|参会|列席|陪同|讲话|致辞|发言|作了?[^，。；、]{0,8}?(?:讲话|发言|报告|致辞|说明|传达|演讲|辅导|授课)|发表了?[^，。；、]{0,8}?(?:讲话|演讲|致辞)|进行[^，。；、]{0,4}?(?:说明|讲解|解读)|强调|指出|表示|要求|认为|说[，：:]|提出|回应|谈到|介绍)",
            ),
            and_also: re(
                r"并(?P<v>主持|讲话|致辞|发言|发表[^，。；]{0,8}?讲话|作[^，。；]{0,8}?讲话)",
            ),
            not_title: re(
                r"召开|举行|出席|参加|列席|强调|指出|表示|讲话|致辞|调研[^员]|调研$|考察|会见|会议|发言|关于|[0-9０-９]",
            ),
            attend: re(r"出席|参加|参会|列席"),
            body_cut: re(r"分别|(?:在|于)(?:主|分)?会场|在现场|通过视频|以视频"),
            count: re(r"([0-9]+)(?:多)?(?:位|名|人)"),
            post_list: re(
                r"^等(?:[^，。；]{0,12}?的)?(?:[0-9]+|[一二三四五六七八九十两]+)?多?(?:名|位)?(?P<t>[\p{Han}]{2,16}?(?:工作者|代表|人士|专家|学者|委员|干部|党员|书记|企业家|教师|职工))",
            ),
            post_title: re(r"^(?:不再担任|担任|当选为|辞去|兼任|为)(?P<t>[^，。；]{2,60})"),
            not_body: re(r"学习|贯彻|深入|推动|加强|总书记|我们"),
            markers: MARKERS
                .iter()
                .map(|m| memchr::memmem::Finder::new(m.0.as_bytes()))
                .collect(),
        }
    }
}

/// A person as one clause mentions them.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    pub name: String,
    pub span: Span,
    pub titles: Vec<String>,
    pub roles: Vec<Role>,
    /// The roles were read from the text right after the name.
    pub own: bool,
    /// The name is followed by `与`/`同` (`A与B、C等座谈`): not an item of the list.
    pub before_with: bool,
    /// A body of people joined to the name (`A和其他省委常委出席`).
    pub extra_body: Option<Span>,
}

/// A body of people that attended.
#[derive(Clone, Debug)]
pub(super) struct Body {
    pub text: String,
    pub span: Span,
    pub count: Option<u64>,
    pub roles: Vec<Role>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Title,
    Persons,
    Body,
    Other,
}

struct Unit {
    kind: Kind,
    /// Mentions of this unit (indices into the sentence's list).
    mentions: Vec<usize>,
    /// Bodies of this unit (indices).
    bodies: Vec<usize>,
    /// Roles written in this unit.
    roles: Vec<Role>,
}

/// Mentions and bodies of one sentence.
#[derive(Default)]
pub(super) struct SentenceRead {
    pub mentions: Vec<Mention>,
    pub bodies: Vec<Body>,
}

/// Verbs of attendance.
const ATTEND_VERBS: [&str; 5] = ["出席", "参加", "参会", "列席", "陪同"];

fn role_of(v: &str) -> Role {
    if v.starts_with("主持") {
        Role::Chair
    } else if ATTEND_VERBS.iter().any(|w| v.starts_with(w)) {
        Role::Attendee
    } else {
        Role::Speaker
    }
}

/// The role of a match of [`RoleRules::head`], read off its end: the verb closes
/// the match, and only `主持`/`主持召开` end with `主持`/`召开`, only a verb of
/// attendance ends with one, so this is [`role_of`] of the verb without a capture
/// search.
fn role_of_head(m: &str) -> Role {
    if m.ends_with("主持") || m.ends_with("主持召开") {
        Role::Chair
    } else if ATTEND_VERBS.iter().any(|w| m.ends_with(w)) {
        Role::Attendee
    } else {
        Role::Speaker
    }
}

fn push_role(v: &mut Vec<Role>, r: Role) {
    if !v.contains(&r) {
        v.push(r);
    }
}

/// Buffers [`read_sentence`] reuses from one sentence to the next.
#[derive(Default)]
pub(super) struct Scratch {
    clauses: Vec<Span>,
    segs: Vec<Span>,
    units: Vec<Unit>,
    clause_units: Vec<Unit>,
}

/// Clause spans of a sentence, into `out` (cleared first).
fn clauses(src: &str, span: Span, out: &mut Vec<Span>) {
    let s = text::slice(src, span);
    let b = s.as_bytes();
    out.clear();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // U+4000..U+9FFF (lead bytes E4..E9, most of the text) holds no punctuation
        // and no space.
        if (0xE4..=0xE9).contains(&b[i]) {
            i += 3;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let cut = matches!(
            c,
            '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?'
        ) || text::is_space(c);
        if cut {
            if i > start {
                out.push(Span::new(span.start + start, span.start + i));
            }
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    if start < s.len() {
        out.push(Span::new(span.start + start, span.end));
    }
}

/// Segment spans of a clause (cut at `、`), into `out` (cleared first).
fn segments(src: &str, clause: Span, out: &mut Vec<Span>) {
    let s = text::slice(src, clause);
    out.clear();
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // `、` is E3 80 81; other lead bytes are passed over whole.
        let x = b[i];
        if x == 0xE3 && b[i..].starts_with("、".as_bytes()) {
            out.push(Span::new(clause.start + start, clause.start + i));
            start = i + '、'.len_utf8();
        }
        i += match x {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    out.push(Span::new(clause.start + start, clause.end));
    out.retain(|x| !x.is_empty());
}

/// How far into a segment a title may end, in bytes.
const MAX_TITLE_SCAN: usize = 600;

/// Words that may open a segment before a title or a name.
const LEFT: &[&str] = &[
    "会议由",
    "会上",
    "由",
    "与",
    "和",
    "及",
    "以及",
    "同时",
    "此外",
    "随后",
    "其中",
    "并",
    "邀请",
    "还有",
    "另外",
    "包括",
    "增补",
    "大会选举",
    "会议选举",
    "选举",
    "推选",
    "接受",
    "任命",
    "免去",
];

fn skip_left(s: &str) -> usize {
    // Only the first `还有`, and only when it starts within 60 bytes: look no further
    // (found by its second byte, which few characters share).
    const HAI_YOU: &[u8] = "还有".as_bytes();
    let b = s.as_bytes();
    let near = &b[..b.len().min(60 + HAI_YOU.len())];
    for j in memchr::memchr_iter(HAI_YOU[1], near) {
        if j >= 1 && near[j - 1..].starts_with(HAI_YOU) {
            return j - 1 + HAI_YOU.len();
        }
    }
    // The first character rules out most text before a comparison.
    static FIRST: CharBits = CharBits::of_each(LEFT, false);
    if !s.chars().next().is_some_and(|c| FIRST.contains(c)) {
        return 0;
    }
    for w in LEFT {
        if s.starts_with(w) {
            return w.len();
        }
    }
    0
}

/// Splits a title phrase at `兼` into titles.
fn split_titles(t: &str) -> Vec<String> {
    t.split('兼')
        .map(text::fold_ws)
        .filter(|x| x.chars().count() >= 2)
        .collect()
}

fn valid_title(rules: &RoleRules, t: &str) -> bool {
    let n = t.chars().count();
    (2..=40).contains(&n)
        && !rules.not_title.is_match(t)
        && t.chars().all(|c| {
            text::is_cjk(c)
                || matches!(c, '“' | '”' | '"' | '《' | '》' | '（' | '）' | '(' | ')')
                || c.is_ascii_alphabetic()
        })
}

/// What every segment reader needs: the rules, the input, the spans of names
/// already read from markers (`习近平总书记`), where no title may stand.
struct Env<'a> {
    rules: &'a RoleRules,
    src: &'a str,
    zones: &'a [Span],
}

/// Reads one segment: the mentions it holds.
#[allow(clippy::too_many_arguments)]
fn read_segment(
    env: &Env<'_>,
    post: &mut Option<String>,
    seg: Span,
    clause_end: usize,
    ev: Evidence,
    shared: Option<&Vec<String>>,
    pending: &[String],
    known: &mut Known,
    out: &mut Vec<Mention>,
    depth: u8,
) -> bool {
    if depth > 4 {
        return false;
    }
    let (rules, src) = (env.rules, env.src);
    let s = text::slice(src, seg);
    let i0 = skip_left(s);
    let body = &s[i0..];
    // Title then name: the leftmost title ending after which a name parses.
    // (name start, name len, titles)
    let mut found: Option<(usize, usize, Vec<String>)> = None;
    // The name opening the segment, read once (`known` does not change before a
    // name is found). With a role verb or 同/与 after it
    // (`江某同法国总统某某举行会谈`), no title runs across it.
    let opening = name_len(body, ev, known);
    if let Some(n) = opening {
        let after = &body[n..];
        if strong_after().matches(after) || after.starts_with(['同', '与']) {
            let mut titles: Vec<String> = pending.to_vec();
            titles.extend(shared.cloned().unwrap_or_default());
            found = Some((0, n, titles));
        }
    }
    // A listed name joined to the next by 和/及/与 (`A和秘书长B`).
    if ev == Evidence::Listed && found.is_none() {
        if let Some(n) = opening {
            if body[n..].starts_with(['和', '及', '与']) {
                let mut titles: Vec<String> = pending.to_vec();
                titles.extend(shared.cloned().unwrap_or_default());
                found = Some((0, n, titles));
            }
        }
    }
    let suffixes = super::lexicon::title_suffixes();
    let mut chars = body.char_indices();
    // The character before `p`: the last of `head`.
    let mut last = chars.next().map_or('\0', |(_, c)| c);
    for (p, c) in chars {
        // A title is at most forty characters, after at most a short `…的` phrase.
        if found.is_some() || p > MAX_TITLE_SCAN {
            break;
        }
        let head = &body[..p];
        let head_last = std::mem::replace(&mut last, c);
        if !suffixes.matches_at(head, head_last) {
            continue;
        }
        let mut t_start = 0;
        if let Some(k) = head.rfind('的') {
            t_start = k + '的'.len_utf8();
        }
        let title = &head[t_start..];
        // The longest title: `董事长`, not `董事` + `长…`.
        if suffixes.matches_at(&body[..p + c.len_utf8()], c) {
            continue;
        }
        let tspan = Span::new(seg.start + i0 + t_start, seg.start + i0 + p);
        if env.zones.iter().any(|z| z.overlaps(tspan)) {
            continue;
        }
        if !valid_title(rules, title) {
            continue;
        }
        let ev_t = if ends_with_foreign_title(title) {
            Evidence::TitledForeign
        } else {
            Evidence::Titled
        };
        if let Some(n) = name_len(&body[p..], ev_t, known) {
            let mut titles: Vec<String> = pending.to_vec();
            titles.extend(split_titles(title));
            found = Some((p, n, titles));
            break;
        }
    }
    if found.is_none() {
        if let Some(n) = opening {
            let titles = shared.cloned().unwrap_or_default();
            let mut titles2: Vec<String> = pending.to_vec();
            titles2.extend(titles);
            found = Some((0, n, titles2));
        }
    }
    let Some((p, n, titles)) = found else {
        return false;
    };
    let abs = seg.start + i0 + p;
    let span = Span::new(abs, abs + n);
    let name = text::fold_ws(text::slice(src, span));
    if name.chars().count() < 2 {
        return false;
    }
    if !known.contains(&name) {
        known.push(name.clone());
    }
    let idx = out.len();
    out.push(Mention {
        name,
        span,
        titles: titles.clone(),
        roles: Vec::new(),
        own: false,
        before_with: false,
        extra_body: None,
    });
    // The predicate: the rest of the clause after the name.
    let pred = text::slice(src, Span::new(span.end, clause_end));
    // The anchored patterns below start with a literal: test its first character
    // before running them.
    let post_title = if pred.starts_with(['不', '担', '当', '辞', '兼', '为']) {
        rules.post_title.captures(pred).and_then(|c| c.name("t"))
    } else {
        None
    };
    if let Some(t) = post_title {
        let ts: Vec<&str> = t.as_str().split('、').collect();
        if ts
            .iter()
            .all(|x| ends_with_title(x) && valid_title(rules, x))
        {
            // `选举A、B、C为村党支部委员`: the names listed before share it.
            if post.is_none() && ts.len() == 1 {
                *post = Some(ts[0].to_string());
            }
            for x in ts {
                out[idx].titles.extend(split_titles(x));
            }
        }
    }
    // `周某，是党的十九大代表、全国优秀党务工作者`: titles in apposition.
    if pred.trim().is_empty() {
        let after = text::slice(src, Span::new(clause_end, src.len()));
        if let Some(rest) = after.strip_prefix("，是") {
            let end = rest.find(['，', '。', '；']).unwrap_or(rest.len());
            let mut cur = String::new();
            let mut got = Vec::new();
            for item in rest[..end].split('、') {
                if !cur.is_empty() {
                    cur.push('、');
                }
                cur.push_str(item);
                if ends_with_title(&cur) {
                    got.push(std::mem::take(&mut cur));
                }
            }
            if cur.is_empty() && got.iter().all(|t| valid_title(rules, &t.replace('、', ""))) {
                out[idx].titles.extend(got);
            }
        }
    }
    if pred.starts_with('等') {
        if let Some(t) = rules.post_list.captures(pred).and_then(|c| c.name("t")) {
            *post = Some(t.as_str().to_string());
        }
    }
    let seg_rest = text::slice(src, Span::new(span.end, seg.end));
    let mut after_role = None;
    if let Some(m0) = rules.head.find(pred) {
        push_role(&mut out[idx].roles, role_of_head(m0.as_str()));
        out[idx].own = true;
        after_role = Some(span.end + m0.end());
    }
    out[idx].before_with = seg_rest.starts_with('与') || seg_rest.starts_with('同');
    let also = if seg_rest.contains('并') {
        Some(rules.and_also.find_iter(seg_rest))
    } else {
        None
    };
    // A match is `并` and the verb.
    for m in also.into_iter().flatten() {
        let v = &m.as_str()['并'.len_utf8()..];
        push_role(&mut out[idx].roles, role_of(v));
        out[idx].own = true;
    }
    // A name joined by 和/及/与 in the same segment.
    for conj in ["和", "及", "与"] {
        if let Some(rest) = seg_rest.strip_prefix(conj) {
            if !rest.is_empty() {
                let sub = Span::new(seg.end - rest.len(), seg.end);
                let before = out.len();
                let ok = read_segment(
                    env,
                    post,
                    sub,
                    clause_end,
                    Evidence::Listed,
                    None,
                    &[],
                    known,
                    out,
                    depth + 1,
                );
                // `A和其他省委常委出席会议`: a body joined to the name.
                if !ok && out.len() == before && conj != "与" {
                    if let Some(m) = rules.attend.find(rest) {
                        let phrase = &rest[..m.start()];
                        if ends_with_body_noun(phrase) && phrase.chars().count() >= 2 {
                            let b0 = sub.start;
                            out[idx].extra_body = Some(Span::new(b0, b0 + phrase.len()));
                            push_role(&mut out[idx].roles, Role::Attendee);
                            out[idx].own = true;
                        }
                    }
                }
            }
            return true;
        }
    }
    // The person met: `会见来华访问的某国总统某某`, `同某国总统某某举行会谈`.
    // The end of the first of these words: no word starts inside another, so the
    // leftmost one ends first.
    let met = seg_rest.char_indices().find_map(|(i, c)| {
        if !matches!(c, '会' | '接' | '看' | '慰' | '同' | '与') {
            return None;
        }
        ["会见", "会晤", "接见", "看望", "慰问", "同", "与"]
            .iter()
            .find(|v| seg_rest[i..].starts_with(*v))
            .map(|v| i + v.len())
    });
    if let Some(k) = met {
        let a = span.end + k;
        if a < seg.end {
            let before = out.len();
            let ok = read_segment(
                env,
                post,
                Span::new(a, seg.end),
                clause_end,
                Evidence::Bare,
                None,
                &[],
                known,
                out,
                depth + 1,
            );
            if ok && out[before..].iter().all(|m| m.titles.is_empty()) {
                out.truncate(before);
            }
        }
    }
    // A headline chain: `王国生讲话尹弘主持`.
    if let Some(a) = after_role {
        if a < seg.end {
            let sub = Span::new(a, seg.end);
            let before = out.len();
            let ok = read_segment(
                env,
                post,
                sub,
                clause_end,
                Evidence::Bare,
                None,
                &[],
                known,
                out,
                depth + 1,
            );
            if ok && !out[before..].iter().any(|m| m.own) {
                out.truncate(before);
            }
        }
    }
    true
}

/// Reads the people and bodies of one sentence (or headline piece).
pub(super) fn read_sentence(
    rules: &RoleRules,
    src: &str,
    span: Span,
    skip: &[Span],
    zones: &[Span],
    known: &mut Known,
    scratch: &mut Scratch,
) -> SentenceRead {
    let env = Env { rules, src, zones };
    let mut read = SentenceRead::default();
    let Scratch {
        clauses: cls,
        segs,
        units,
        clause_units,
    } = scratch;
    clauses(src, span, cls);
    units.clear();
    for &cl in cls.iter() {
        let mut cl = cl;
        // A clause that holds the byline starts after it.
        if let Some(k) = skip.iter().find(|k| k.overlaps(cl)) {
            if k.end >= cl.end {
                continue;
            }
            cl = Span::new(k.end, cl.end);
        }
        segments(src, cl, segs);
        let mut pending: Vec<String> = Vec::new();
        let mut pending_start: Option<usize> = None;
        let mut shared: Option<Vec<String>> = None;
        let mut listed = false;
        clause_units.clear();
        let mut post: Option<String> = None;
        let clause_first = read.mentions.len();
        // The names known before this clause: `known` only grows.
        let n_known_before = known.len();
        for &seg in segs.iter() {
            // No segment holds a space (clauses are cut at every one): nothing to trim.
            let st = text::slice(src, seg);
            if st.is_empty() {
                continue;
            }
            if ends_with_title(st) && valid_title(rules, st) && !known.contains(st) {
                // A title alone, unless a name stands inside it with a predicate after.
                // The trial reading's names are forgotten after it.
                let mut probe = Vec::new();
                let n_known = known.len();
                let mut probe_post = None;
                let hit = read_segment(
                    &env,
                    &mut probe_post,
                    seg,
                    cl.end,
                    Evidence::Bare,
                    None,
                    &[],
                    known,
                    &mut probe,
                    0,
                ) && probe.first().is_some_and(|m| m.span.end < seg.end);
                known.truncate(n_known);
                if !hit {
                    pending.extend(split_titles(st));
                    pending_start.get_or_insert(seg.start);
                    clause_units.push(Unit {
                        kind: Kind::Title,
                        mentions: vec![],
                        bodies: vec![],
                        roles: vec![],
                    });
                    continue;
                }
            }
            let ev = if listed || !pending.is_empty() {
                Evidence::Listed
            } else {
                Evidence::Bare
            };
            let before = read.mentions.len();
            let ok = read_segment(
                &env,
                &mut post,
                seg,
                cl.end,
                ev,
                shared.as_ref(),
                &pending,
                known,
                &mut read.mentions,
                0,
            );
            // A word read as a name with nothing that says so, and more words after
            // it (`来自40多个国家…`), is not a name.
            let lone = ok
                && read.mentions[before..].iter().all(|m| {
                    let after = text::slice(src, Span::new(m.span.end, seg.end));
                    m.titles.is_empty()
                        && !m.own
                        && !known.names()[..n_known_before].contains(&m.name)
                        && !after.is_empty()
                        && !after.starts_with(['和', '及', '与', '等', '同'])
                });
            if lone {
                for m in &mut read.mentions[before..] {
                    m.name.clear();
                }
            }
            if ok && !lone {
                let ms: Vec<usize> = (before..read.mentions.len()).collect();
                if let Some(&first) = ms.first() {
                    if !read.mentions[first].titles.is_empty() {
                        shared = Some(read.mentions[first].titles.clone());
                    }
                }
                let mut roles = Vec::new();
                for &m in &ms {
                    if read.mentions[m].own {
                        roles = read.mentions[m].roles.clone();
                    }
                }
                pending.clear();
                pending_start = None;
                listed = true;
                clause_units.push(Unit {
                    kind: Kind::Persons,
                    mentions: ms,
                    bodies: vec![],
                    roles,
                });
            } else {
                clause_units.push(Unit {
                    kind: Kind::Other,
                    mentions: vec![],
                    bodies: vec![],
                    roles: vec![],
                });
            }
        }
        if let Some(t) = post {
            for m in &mut read.mentions[clause_first..] {
                if m.titles.is_empty() && !m.before_with {
                    m.titles.push(t.clone());
                }
            }
        }
        // A lone word read as a name among other words (`党建、纪检、人事教育等`)
        // is not a name.
        if clause_units.iter().any(|u| u.kind == Kind::Other) {
            for u in clause_units.iter_mut() {
                if u.kind != Kind::Persons {
                    continue;
                }
                let weak = u.mentions.iter().all(|&m| {
                    let mm = &read.mentions[m];
                    mm.titles.is_empty()
                        && !mm.own
                        && !known.names()[..n_known_before].contains(&mm.name)
                });
                if weak {
                    for &m in &u.mentions {
                        read.mentions[m].name.clear();
                    }
                    u.kind = Kind::Other;
                    u.mentions.clear();
                    u.roles.clear();
                }
            }
        }
        let has_persons = clause_units.iter().any(|u| u.kind == Kind::Persons);
        let marked = zones.iter().any(|z| cl.contains(*z));
        let ct = text::slice(src, cl);
        // A body is a phrase ending with a people noun or a title: a clause without
        // one has none, and only a clause of titles is left to read.
        let may_body = !has_persons && !marked && holds_body_noun(ct);
        let titles_only = !has_persons
            && !marked
            && !clause_units.is_empty()
            && clause_units.iter().all(|u| u.kind == Kind::Title);
        if (may_body || titles_only) && !rules.not_body.is_match(ct) {
            // A clause naming a body of people: `省直有关部门负责同志列席会议`.
            let (pre_end, roles) = match rules.attend.find(ct) {
                Some(m) => (m.start(), vec![Role::Attendee]),
                None => (ct.len(), vec![]),
            };
            let pre = &ct[..pre_end];
            let mut pre_end = match rules.body_cut.find(pre) {
                Some(m) if m.start() > 0 => m.start(),
                _ => pre_end,
            };
            // `…人员等共550人`: the body ends at 等 after a people noun.
            if let Some(k) = pre[..pre_end].find('等') {
                if k > 0 && ends_with_body_noun(&pre[..k]) {
                    pre_end = k;
                }
            }
            let bodies = if may_body {
                body_parts(src, Span::new(cl.start, cl.start + pre_end))
            } else {
                Vec::new()
            };
            if !bodies.is_empty() {
                // The count needs an ASCII digit: most clauses have none.
                let count = if ct.bytes().any(|b| b.is_ascii_digit()) {
                    rules
                        .count
                        .captures(ct)
                        .and_then(|c| c.get(1))
                        .and_then(|m| m.as_str().parse::<u64>().ok())
                } else {
                    None
                };
                let mut ids = Vec::new();
                let nb = bodies.len();
                for (k, b) in bodies.into_iter().enumerate() {
                    ids.push(read.bodies.len());
                    read.bodies.push(Body {
                        text: text::fold_ws(text::slice(src, b)),
                        span: b,
                        count: if k + 1 == nb { count } else { None },
                        roles: roles.clone(),
                    });
                }
                units.push(Unit {
                    kind: Kind::Body,
                    mentions: vec![],
                    bodies: ids,
                    roles,
                });
                continue;
            }
            if titles_only {
                units.push(Unit {
                    kind: Kind::Title,
                    mentions: vec![],
                    bodies: vec![],
                    roles: vec![],
                });
                continue;
            }
        }
        let _ = pending_start;
        units.append(clause_units);
    }
    // Names without a predicate take the role of the next unit with one.
    let mut carry: Option<Vec<Role>> = None;
    for u in units.iter().rev() {
        match u.kind {
            Kind::Other => carry = None,
            Kind::Title => {}
            Kind::Persons | Kind::Body => {
                let own = !u.roles.is_empty();
                if own {
                    carry = Some(
                        u.roles
                            .iter()
                            .copied()
                            .filter(|r| matches!(r, Role::Attendee | Role::Speaker | Role::Chair))
                            .collect(),
                    );
                }
                let mut last_own: Option<Vec<Role>> = carry.clone();
                for &m in u.mentions.iter().rev() {
                    let mm = &mut read.mentions[m];
                    if mm.own {
                        last_own = Some(mm.roles.clone());
                    } else if let Some(r) = &last_own {
                        for &x in r {
                            push_role(&mut mm.roles, x);
                        }
                    }
                }
                if !own {
                    if let Some(r) = &carry {
                        for &b in &u.bodies {
                            for &x in r {
                                push_role(&mut read.bodies[b].roles, x);
                            }
                        }
                    }
                }
            }
        }
    }
    let extra: Vec<Body> = read
        .mentions
        .iter()
        .filter_map(|m| {
            m.extra_body.map(|b| Body {
                text: text::fold_ws(text::slice(src, b)),
                span: b,
                count: None,
                roles: vec![Role::Attendee],
            })
        })
        .collect();
    read.bodies.extend(extra);
    read
}

/// The parts of a body phrase: split at `以及`, and at `和` after a people noun.
fn body_parts(src: &str, span: Span) -> Vec<Span> {
    let span = text::trim_by(src, span, text::is_edge_punct);
    let s = text::slice(src, span);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(k) = memchr::memmem::find(&s.as_bytes()[from..], "以及".as_bytes()) {
        cuts.push((from + k, from + k + "以及".len()));
        from = from + k + "以及".len();
    }
    for (k, _) in s.match_indices('和') {
        if ends_with_body_noun(&s[..k]) && !cuts.iter().any(|c| c.0 <= k && k < c.1) {
            cuts.push((k, k + '和'.len_utf8()));
        }
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut start = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        if a < start {
            continue;
        }
        let part = text::trim_by(
            src,
            Span::new(span.start + start, span.start + a),
            text::is_edge_punct,
        );
        let t = text::slice(src, part);
        if ends_with_body_noun(t) && t.chars().count() >= 2 {
            out.push(part);
        }
        start = b;
    }
    out
}

/// An author credit closing a paragraph: `（杨某）`, `（记者 杨某）`.
pub(super) fn credit(src: &str, para: Span) -> Option<(String, Span)> {
    let s = text::slice(src, para).trim_end_matches(text::is_space);
    let inner = s.strip_suffix('）').or_else(|| s.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let body = &inner[open..];
    let body = body.trim_start_matches(['（', '(']);
    let name = ["记者", "通讯员", "编辑"]
        .iter()
        .find_map(|w| body.strip_prefix(w))
        .unwrap_or(body)
        .trim_start_matches(text::is_space);
    let start = para.start + open + (inner[open..].len() - name.len());
    let n = name.chars().count();
    let mut cs = name.chars();
    let first = cs.next()?;
    let ok = (2..=3).contains(&n)
        && (super::lexicon::is_surname(first)
            || super::lexicon::starts_with_compound_surname(name))
        && name
            .chars()
            .all(|c| text::is_cjk(c) && (c == first || super::lexicon::is_name_char_loose(c)));
    ok.then(|| (name.to_string(), Span::new(start, start + name.len())))
}

/// The markers written after a name, and the title each gives.
const MARKERS: [(&str, Option<&str>); 7] = [
    ("总书记", Some("总书记")),
    ("同志", None),
    ("新时代中国特色社会主义思想", None),
    ("著作", None),
    ("诞辰", None),
    ("逝世", None),
    ("故居", None),
];

/// Names written before a marker: `习近平总书记` (title `总书记`), `习近平同志`,
/// `习近平新时代中国特色社会主义思想`, `习近平著作`, `马克思诞辰`. A doctrine
/// (`…主义`, `…思想`) is not read: `习近平经济思想` would give `平经济`.
pub(super) fn marked_names(rules: &RoleRules, src: &str, span: Span, out: &mut Vec<Mention>) {
    let s = text::slice(src, span);
    // Marker by marker, left to right (non-overlapping matches).
    let hits = MARKERS
        .iter()
        .zip(&rules.markers)
        .flat_map(|(&(marker, title), f)| {
            f.find_iter(s.as_bytes()).map(move |k| (marker, title, k))
        });
    for (marker, title, k) in hits {
        let Some(start) = name_before(s, k) else {
            continue;
        };
        let name_sp = Span::new(span.start + start, span.start + k);
        // Not the tail of a title (`中共中央总书记`), nor a word run-on.
        let name = text::slice(src, name_sp);
        let before = &s[..start];
        if before.ends_with("的") && marker == "同志" {
            continue;
        }
        if boundary(&s[k..]) == 0 && marker == "著作" {
            continue;
        }
        out.push(Mention {
            name: name.to_string(),
            span: name_sp,
            titles: title.map(|t| vec![t.to_string()]).unwrap_or_default(),
            roles: Vec::new(),
            own: false,
            before_with: false,
            extra_body: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> SentenceRead {
        let r = RoleRules::new();
        let mut known = Known::default();
        read_sentence(
            &r,
            s,
            Span::new(0, s.len()),
            &[],
            &[],
            &mut known,
            &mut Scratch::default(),
        )
    }

    fn people(r: &SentenceRead) -> Vec<(String, Vec<String>, Vec<Role>)> {
        r.mentions
            .iter()
            .map(|m| (m.name.clone(), m.titles.clone(), m.roles.clone()))
            .collect()
    }

    #[test]
    fn title_list_and_roles() {
        let r = read("省委书记、省委员会主任李明主持会议并讲话。");
        assert_eq!(
            people(&r),
            vec![(
                "李明".to_string(),
                vec!["省委书记".to_string(), "省委员会主任".to_string()],
                vec![Role::Chair, Role::Speaker]
            )]
        );
    }

    #[test]
    fn shared_title_and_propagation() {
        let r = read("副省长张三丰、李四，省政府秘书长王五参加会议。");
        let p = people(&r);
        assert_eq!(p.len(), 3);
        assert_eq!(p[1].0, "李四");
        assert_eq!(p[1].1, vec!["副省长".to_string()]);
        assert!(p.iter().all(|x| x.2 == vec![Role::Attendee]));
    }

    #[test]
    fn headline_chain() {
        let r = read("王大伟讲话尹小明主持");
        let p = people(&r);
        assert_eq!(p[0].0, "王大伟");
        assert_eq!(p[0].2, vec![Role::Speaker]);
        assert_eq!(p[1].0, "尹小明");
        assert_eq!(p[1].2, vec![Role::Chair]);
    }

    #[test]
    fn bodies_attend() {
        let r = read("省领导周平、吴刚，省直有关部门负责同志参加会议。");
        assert_eq!(r.bodies.len(), 1);
        assert_eq!(r.bodies[0].text, "省直有关部门负责同志");
        assert_eq!(r.bodies[0].roles, vec![Role::Attendee]);
        assert_eq!(r.mentions.len(), 2);
        assert_eq!(r.mentions[0].roles, vec![Role::Attendee]);
    }

    #[test]
    fn concurrent_titles() {
        let r = read("全国政协副主席兼秘书长王东明等出席。");
        let p = people(&r);
        assert_eq!(p[0].0, "王东明");
        assert_eq!(
            p[0].1,
            vec!["全国政协副主席".to_string(), "秘书长".to_string()]
        );
    }

    #[test]
    fn head_roles_read_off_the_match() {
        let r = RoleRules::new();
        for pred in [
            "主持会议并讲话",
            "主持召开座谈会",
            "出席会议",
            "等陪同调研",
            "在会上作了总结讲话",
            "发表重要讲话",
            "进行了说明",
            "强调，要抓好落实",
            "说：“好”",
            "一行在京参加活动",
            "同志在主持会议时强调",
            "先后在会上发言",
            "代表市委对会议主持人表示感谢",
        ] {
            let c = r.head.captures(pred).expect("a role verb");
            let v = c.name("v").expect("verb").as_str();
            let m = r.head.find(pred).expect("a match");
            assert_eq!(m.as_str(), &c[0]);
            assert_eq!(role_of_head(m.as_str()), role_of(v), "{pred}");
        }
    }

    #[test]
    fn credits() {
        let s = "会议还研究了其他事项。（杨明）";
        let (n, sp) = credit(s, Span::new(0, s.len())).unwrap();
        assert_eq!(n, "杨明");
        assert_eq!(&s[sp.range()], "杨明");
        let s = "（草案）";
        assert!(credit(s, Span::new(0, s.len())).is_none());
    }

    #[test]
    fn apposition_titles() {
        let r = read(
            "新当选的协会会长周海明，是市第十次、十一次党代会代表、全国优秀党务工作者，经验丰富。",
        );
        let p = people(&r);
        assert_eq!(p[0].0, "周海明");
        assert_eq!(
            p[0].1,
            vec![
                "协会会长".to_string(),
                "市第十次、十一次党代会代表".to_string(),
                "全国优秀党务工作者".to_string()
            ]
        );
    }

    #[test]
    fn anniversaries_not_doctrines() {
        let s = "纪念马克思诞辰，反对单边主义和官僚主义。";
        let mut out = Vec::new();
        marked_names(&RoleRules::new(), s, Span::new(0, s.len()), &mut out);
        let names: Vec<&str> = out.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["马克思"]);
    }

    #[test]
    fn marked() {
        let s = "深入学习贯彻习近平总书记重要讲话精神";
        let mut out = Vec::new();
        marked_names(&RoleRules::new(), s, Span::new(0, s.len()), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].name, "习近平");
    }
}
