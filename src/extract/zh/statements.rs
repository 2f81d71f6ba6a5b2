//! Reported speech: `X强调，…`, `X指出…`, `会议要求，…`, `他表示，…`,
//! `X在讲话中指出，…`, `X在主持会议时强调，…`.
//!
//! `强调` and `指出` report speech wherever they stand; `表示`, `要求`, `认为`,
//! `提出` and `说` only when a comma or colon follows them (`表示敬意` is not speech).
//! The text runs to the end of the sentence. The speaker is the person named just
//! before the verb in the same clause, the person a `他`/`她` clause refers to, or the
//! subject of the sentence when the verb opens a clause of its own
//! (`X充分肯定…，强调…`); a meeting (`会议指出`) has no speaker.

use crate::model::Span;
use crate::text;
use regex::Regex;

/// Compiled statement patterns.
pub(super) struct StatementRules {
    verb: Regex,
}

impl StatementRules {
    pub(super) fn new() -> StatementRules {
        StatementRules {
            verb: Regex::new(r"(?P<v>强调|指出|表示|要求|认为|提出|说)(?P<p>[，：:])?")
                .expect("built-in pattern"),
        }
    }
}

/// A statement found in a sentence.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub verb: String,
    pub text: Span,
    /// Index of the speaking mention in the caller's list.
    pub speaker: Option<usize>,
    /// The speaker is reported as speaking at the event (not quoted inside another
    /// statement, not `总书记…强调` cited).
    pub direct: bool,
}

/// Statements of one sentence. `mentions` are (span, person) of names in the article.
pub(super) fn find(
    rules: &StatementRules,
    src: &str,
    sent: Span,
    mentions: &[(Span, usize)],
    last_before: impl Fn(usize) -> Option<usize>,
) -> Vec<Found> {
    let s = text::slice(src, sent);
    let mut out = Vec::new();
    let mut first_verb: Option<usize> = None;
    // The match is the verb and, when one follows, its comma or colon (no verb ends
    // with one): reading them off the match spares the capture search.
    for m0 in rules.verb.find_iter(s) {
        let verb = m0.as_str().trim_end_matches(['，', '：', ':']);
        let punct = verb.len() < m0.len();
        let v = Span::new(m0.start(), m0.start() + verb.len());
        if !punct && !matches!(verb, "强调" | "指出") {
            continue;
        }
        let head = &s[..v.start];
        // `加强调查` is no statement; nor a noun (`新要求，`, `的要求，`).
        if verb == "强调" && head.ends_with('加') {
            continue;
        }
        if matches!(verb, "要求" | "表示" | "提出" | "认为")
            && head.ends_with(['新', '的', '项', '些', '和', '与', '等', '求', '提', '确'])
        {
            continue;
        }
        if head.ends_with('的') || head.ends_with("重要") {
            continue;
        }
        let start = sent.start + m0.end();
        let tspan = text::trim_by(src, Span::new(start, sent.end), text::is_edge_punct);
        if tspan.is_empty() {
            continue;
        }
        let vpos = sent.start + v.start;
        // The clause that holds the verb.
        let clause_start = head
            .rfind(['，', '。', '；', '：'])
            .map_or(sent.start, |k| {
                sent.start + k + head[k..].chars().next().map_or(0, char::len_utf8)
            });
        let subject = text::slice(src, Span::new(clause_start, vpos));
        let mut speaker = None;
        let mut direct = first_verb.is_none();
        if let Some(&(sp, p)) = mentions
            .iter()
            .filter(|(sp, _)| sp.start >= clause_start && sp.end <= vpos)
            .max_by_key(|(sp, _)| sp.start)
        {
            speaker = Some(p);
            let gap = text::slice(src, Span::new(sp.end, vpos));
            if gap.contains("总书记") {
                direct = false;
            }
        } else if subject.starts_with("他们") || subject.starts_with("她们") {
            // Several people speak: no one speaker.
        } else if subject.starts_with('他') || subject.starts_with('她') {
            speaker = last_before(clause_start);
        } else if subject.trim().is_empty() && clause_start > sent.start {
            // `X充分肯定…，强调…`: the sentence's subject speaks.
            speaker = mentions
                .iter()
                .find(|(sp, _)| sp.start == sent.start)
                .map(|&(_, p)| p);
        }
        if first_verb.is_none() {
            first_verb = Some(vpos);
        }
        out.push(Found {
            verb: verb.to_string(),
            text: tspan,
            speaker,
            direct,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_and_texts() {
        let r = StatementRules::new();
        let s = "王某强调，要坚持学习。";
        let m = vec![(Span::new(0, 6), 0usize)];
        let f = find(&r, s, Span::new(0, s.len()), &m, |_| None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].speaker, Some(0));
        assert_eq!(&s[f[0].text.range()], "要坚持学习");
        let s = "会议指出，要抓好落实。";
        let f = find(&r, s, Span::new(0, s.len()), &m[..0], |_| None);
        assert_eq!(f[0].speaker, None);
        let s = "他表示敬意。";
        assert!(find(&r, s, Span::new(0, s.len()), &[], |_| None).is_empty());
        let s = "面对新任务新要求，要加强调查研究。";
        assert!(find(&r, s, Span::new(0, s.len()), &[], |_| None).is_empty());
        let s = "他们认为，成绩来之不易。";
        let f = find(&r, s, Span::new(0, s.len()), &[], |_| Some(0));
        assert_eq!(f[0].speaker, None);
    }
}
