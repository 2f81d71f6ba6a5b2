//! The main event: its kind, the phrase as written, topic, date, place and organizer.
//!
//! Reads the headline first, then the body: `X召开Y` (Y is the event, X the
//! organizer), `Y在广州举行`, `Y17日上午在京闭幕`, `X出席Y并讲话`, `X深入Z调研`.
//! Kinds: `座谈会` symposium; `研讨会` seminar; `全体会议`/`全会` plenary;
//! `常委会第N次会议` session; `工作会议`/`大会` conference; `论坛`/`峰会` forum;
//! `调研`/`考察`/`视察` inspection; `看望`/`慰问` visit; `会见`/`会谈` talks;
//! `签约` signing; `表彰大会`/`仪式` ceremony; `发布会` press_conference;
//! `培训班` training; `常务会议`/`专题会议`/`推进会`/`年会`/`会议`… meeting.
//! Place: `在京` (北京, its span on `京`), `在广州举行`, `深入西青区某村调研`.

use crate::model::{EventKind, Span, Text};
use crate::text;
use regex::Regex;

/// Compiled event patterns.
pub(super) struct EventRules {
    kw: Regex,
    convene: Regex,
    hold: Regex,
    nth: Regex,
    place: Regex,
    visit_place: Regex,
    organizer: Regex,
}

impl EventRules {
    pub(super) fn new() -> EventRules {
        let re = |p: &str| Regex::new(p).expect("built-in pattern");
        EventRules {
            kw: re(
                r"(?:常委会|常务委员会)第[一二三四五六七八九十百零〇\d]+次(?:全体)?会议|全体会议|常务会议|专题会议|工作会议|主席会议|联席会议|扩大会议|办公会议?|座谈会|调度会|专题会|协调会|务虚会|恳谈会|对接会|观摩会|联席会|培训会|集体学习|学习会|主题党日|作出(?:重要)?(?:指示|批示)|发表(?:重要)?演讲|演讲|研讨会|推进会|部署会议?|表彰大会|动员大会|推进大会|报告会|汇报会|交流会|现场会|见面会|新闻发布会|发布会|培训班|开幕式|闭幕式|仪式|年会|峰会|论坛|全会|大会|会议|调研|考察|视察|签约|会见|会谈|看望|慰问|座谈|活动",
            ),
            convene: re(r"召开|举行|闭幕|开幕|主持|出席|调研|考察|视察"),
            hold: re(r"召开|举行|闭幕|开幕"),
            nth: re(r"^第[一二三四五六七八九十百零〇\d]+次"),
            place: re(
                r"在(?P<p>京|[\p{Han}]{2,12}?)(?:隆重)?(?:(?:同|与)[^，。；]{1,40}?)?(?:召开|举行|开幕|闭幕|主持召开|出席|会见|会谈)",
            ),
            visit_place: re(
                r"(?:深入|来到|前往|赴|到|在)(?P<p>[\p{Han}]{2,16}?)(?:调研|考察|视察|检查|看望|慰问|走访)",
            ),
            organizer: re(
                r"(?:^|[，。：:\s])(?P<o>[\p{Han}（）()]{2,20}?)(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?(?:在[\p{Han}]{1,12}?)?召开",
            ),
        }
    }
}

/// The kind of an event keyword.
pub(super) fn kind_of(kw: &str) -> EventKind {
    if kw.contains('次') && (kw.starts_with("常委会") || kw.starts_with("常务委员会")) {
        return EventKind::Session;
    }
    match kw {
        "全体会议" | "全会" => EventKind::Plenary,
        "座谈会" | "座谈" => EventKind::Symposium,
        "研讨会" => EventKind::Seminar,
        "工作会议" | "大会" | "动员大会" | "推进大会" => EventKind::Conference,
        "论坛" | "峰会" => EventKind::Forum,
        "调研" | "考察" | "视察" => EventKind::Inspection,
        "看望" | "慰问" => EventKind::Visit,
        "会见" | "会谈" => EventKind::Talks,
        "签约" => EventKind::Signing,
        "表彰大会" | "仪式" | "开幕式" | "闭幕式" => EventKind::Ceremony,
        "发布会" | "新闻发布会" => EventKind::PressConference,
        "培训班" | "培训会" => EventKind::Training,
        "活动" | "主题党日" => EventKind::Other,
        _ if kw.starts_with("作出") => EventKind::Instruction,
        _ if kw.contains("演讲") => EventKind::Speech,
        _ => EventKind::Meeting,
    }
}

/// The main event keyword of `span`: the first one after `召开` in its clause;
/// else, when the text has a verb of holding (`举行`, `召开`, `闭幕`), the last one
/// in the clause before it (`论坛年会在杭州举行`), before any `暨`; else the first one. A keyword followed by `精神` (a
/// meeting's spirit being studied) or by `第N次` (the body whose session it is) is
/// not the event.
pub(super) fn keyword(rules: &EventRules, src: &str, span: Span) -> Option<Span> {
    let s = text::slice(src, span);
    let ok = |end: usize| {
        let rest = &s[end..];
        !rest.starts_with("精神") && !rules.nth.is_match(rest)
    };
    let clause_start = |pos: usize| {
        s[..pos]
            .rfind(['，', '。', '；', '：', ' ', '　'])
            .map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8))
    };
    let clause_end = |pos: usize| {
        s[pos..]
            .find(['，', '。', '；'])
            .map_or(s.len(), |k| pos + k)
    };
    let mut found = None;
    if let Some(k) = s.find("召开") {
        let end = clause_end(k);
        found = rules
            .kw
            .find_iter(&s[k..end])
            .find(|m| ok(k + m.end()))
            .map(|m| (k + m.start(), k + m.end()));
    }
    if found.is_none() {
        if let Some(v) = rules.hold.find(s) {
            let cs = clause_start(v.start());
            // `A座谈会暨B签约活动举行`: the first of joined events is the main one.
            let ce = s[cs..v.start()].find('暨').map_or(v.start(), |k| cs + k);
            found = rules
                .kw
                .find_iter(&s[cs..ce])
                .filter(|m| ok(cs + m.end()))
                .last()
                .map(|m| (cs + m.start(), cs + m.end()));
        }
    }
    let found = found.or_else(|| {
        rules
            .kw
            .find_iter(s)
            .find(|m| ok(m.end()))
            .map(|m| (m.start(), m.end()))
    });
    found.map(|(a, b)| Span::new(span.start + a, span.start + b))
}

/// True when `span` reports an event being held.
pub(super) fn convenes(rules: &EventRules, src: &str, span: Span) -> bool {
    rules.convene.is_match(text::slice(src, span))
}

/// The topic: what stands between `召开` and the keyword (`召开全面从严治党工作推进会`).
pub(super) fn topic(src: &str, holder: Span, kw: Span) -> Option<Text> {
    let s = text::slice(src, Span::new(holder.start, kw.start));
    let k = s.rfind("召开")?;
    let start = holder.start + k + "召开".len();
    text::text_trimmed(src, Span::new(start, kw.start)).filter(|t| t.text.chars().count() >= 2)
}

/// Where the event was held, from the sentence that reports it; `visit` reads the
/// place of an inspection (`深入某村调研`) too.
pub(super) fn place(rules: &EventRules, src: &str, span: Span, visit: bool) -> Option<Text> {
    let s = text::slice(src, span);
    // The place pattern needs 在: most sentences are passed over without a search.
    let c = s
        .contains('在')
        .then(|| rules.place.captures(s))
        .flatten()
        .or_else(|| visit.then(|| rules.visit_place.captures(s)).flatten())?;
    let p = c.name("p")?;
    let sp = Span::new(span.start + p.start(), span.start + p.end());
    let mut t = p.as_str();
    let mut sp = sp;
    // `在人民大会堂同某某举行会谈`: the place ends before 同/与.
    if let Some(k) = t.find(['同', '与']).filter(|&k| k >= 6) {
        t = &t[..k];
        sp = Span::new(sp.start, sp.start + k);
    }
    if t == "京" {
        return Some(Text {
            text: "北京".to_string(),
            span: sp,
        });
    }
    if t.contains("会场") || t.ends_with("上") || t.ends_with("中") {
        return None;
    }
    Some(text::text_at(src, sp))
}

/// Who held the event: `市科协召开`, `中化集团在京召开`.
pub(super) fn organizer(rules: &EventRules, src: &str, span: Span) -> Option<Text> {
    let s = text::slice(src, span);
    // The pattern ends with 召开.
    if !s.contains("召开") {
        return None;
    }
    let c = rules.organizer.captures(s)?;
    let o = c.name("o")?;
    // `全省政法工作会议召开`: the event itself is not its organizer.
    if rules.kw.find_iter(o.as_str()).any(|m| m.end() == o.len()) {
        return None;
    }
    let sp = Span::new(span.start + o.start(), span.start + o.end());
    text::text_trimmed(src, sp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(s: &str) -> Option<&str> {
        let r = EventRules::new();
        keyword(&r, s, Span::new(0, s.len())).map(|sp| &s[sp.range()])
    }

    #[test]
    fn keywords() {
        assert_eq!(kw("省委常委会召开学习贯彻全会精神研讨会"), Some("研讨会"));
        assert_eq!(kw("某市政协常委会第十次会议闭幕"), Some("常委会第十次会议"));
        assert_eq!(kw("某书记深入某村调研并与青年座谈"), Some("调研"));
        assert_eq!(kw("国内快讯"), None);
        assert_eq!(kind_of("座谈会"), EventKind::Symposium);
        assert_eq!(kind_of("工作会议"), EventKind::Conference);
        assert_eq!(kind_of("常委会第十次会议"), EventKind::Session);
    }

    #[test]
    fn places_and_organizers() {
        let r = EventRules::new();
        let s = "3月1日，某集团在京召开工作会议";
        let p = place(&r, s, Span::new(0, s.len()), false).unwrap();
        assert_eq!(p.text, "北京");
        assert_eq!(&s[p.span.range()], "京");
        let o = organizer(&r, s, Span::new(0, s.len())).unwrap();
        assert_eq!(o.text, "某集团");
        let s = "市委书记某某深入某区某镇某村调研";
        assert_eq!(
            place(&r, s, Span::new(0, s.len()), true).unwrap().text,
            "某区某镇某村"
        );
    }
}
