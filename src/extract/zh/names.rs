//! Chinese person names, found from the structure around them.
//!
//! A name is two to four ideographs (`李希`, `王沪宁`, `多杰热旦`), or parts joined by
//! a middle dot (`雪克来提・扎克尔`); an unreadable character (U+FFFD) may stand in
//! it. Where a name ends is read from what follows it: a role or reporting verb
//! (`主持`, `出席`, `讲话`, `强调`), a filler or preposition (`等`, `在`, `与`), or
//! punctuation. Where it starts is read from what precedes it: a title (`省委书记`),
//! a list separator `、`, the start of a clause. Without a title the first character
//! must be a common family name.
//!
//! Reads: `省委书记刘国中出席` (title then name), `梁桂、徐新荣、杨志斌` (a list),
//! `王国生讲话尹弘主持` (a name after a role verb), `习近平总书记`,
//! `以习近平同志为核心` (a name before `总书记`/`同志`).

use super::lexicon::{
    is_name_char, is_name_char_loose, is_name_dot, is_surname, starts_with_compound_surname,
    STRONG_AFTER,
};
use crate::text::is_cjk;

/// The names already found in an article, in the order found, with a bit per
/// first character (by its code point modulo 256) so that a position no known
/// name can open at is passed over without comparing any (Chinese names all share
/// a few UTF-8 lead bytes, so comparing first bytes rules little out).
#[derive(Clone, Debug, Default)]
pub(super) struct Known {
    names: Vec<String>,
    first: [u64; 4],
    /// An empty name was added: it stands at every position.
    empty: bool,
}

impl Known {
    fn bit(c: char) -> (usize, u64) {
        let u = c as usize & 255;
        (u >> 6, 1 << (u & 63))
    }

    /// Adds a name.
    pub(super) fn push(&mut self, name: String) {
        match name.chars().next() {
            Some(c) => {
                let (w, b) = Known::bit(c);
                self.first[w] |= b;
            }
            None => self.empty = true,
        }
        self.names.push(name);
    }

    /// The names, in the order found.
    pub(super) fn names(&self) -> &[String] {
        &self.names
    }

    /// How many names are known.
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }

    /// True when the name is known.
    pub(super) fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|k| k == name)
    }

    /// Forgets the names found after the first `n` (a trial reading is undone).
    /// The bits may stay set: they only let a comparison run.
    pub(super) fn truncate(&mut self, n: usize) {
        self.names.truncate(n);
        self.empty = self.empty && self.names.iter().any(String::is_empty);
    }

    /// The longest known name `rest` starts with (the last of equal ones).
    fn longest_at(&self, rest: &str) -> Option<&str> {
        let may = rest.chars().next().is_some_and(|c| {
            let (w, b) = Known::bit(c);
            self.first[w] & b != 0
        });
        if !may && !self.empty {
            return None;
        }
        self.names
            .iter()
            .filter(|k| rest.starts_with(k.as_str()))
            .max_by_key(|k| k.len())
            .map(String::as_str)
    }
}

/// How much evidence stands before a candidate name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Evidence {
    /// A title stands right before it.
    Titled,
    /// A title of a foreign or international office stands before it
    /// (`哈萨克斯坦总统`): the name need not open with a Chinese family name.
    TitledForeign,
    /// It is an item of a list of names.
    Listed,
    /// Nothing: it opens a clause or follows a role verb.
    Bare,
}

/// How strongly the text at the start of `rest` ends a name: 3 for punctuation, the
/// end, or a role verb; 1 for a filler or preposition; 0 when a name would run on.
pub(super) fn boundary(rest: &str) -> u8 {
    match rest.chars().next() {
        None => 3,
        Some(c) if !(is_cjk(c) || c == '\u{FFFD}' || is_name_dot(c)) => 3,
        Some(c) => {
            if super::lexicon::strong_after().matches_at(rest, c) {
                3
            } else if super::lexicon::weak_after().matches_at(rest, c) {
                1
            } else {
                0
            }
        }
    }
}

/// A name made of parts joined by middle dots, starting at `rest`; its byte length.
fn dotted(rest: &str) -> Option<usize> {
    let han = |c: char| is_cjk(c) || c == '\u{FFFD}';
    let cs: Vec<(usize, char)> = rest.char_indices().take(40).collect();
    let mut k = 0;
    while k < cs.len() && han(cs[k].1) {
        k += 1;
    }
    if k == 0 || k > 8 || k >= cs.len() || !is_name_dot(cs[k].1) {
        return None;
    }
    // One or more further parts; the last one ends where a boundary is.
    let mut pos = k;
    loop {
        if pos >= cs.len() || !is_name_dot(cs[pos].1) {
            return None;
        }
        let start = pos + 1;
        let mut n = 0;
        while start + n < cs.len() && han(cs[start + n].1) && n < 8 {
            n += 1;
        }
        if n == 0 {
            return None;
        }
        let end_of = |len: usize| cs.get(start + len).map_or(rest.len(), |x| x.0);
        // Another dot: continue with the next part.
        if start + n < cs.len() && is_name_dot(cs[start + n].1) {
            pos = start + n;
            continue;
        }
        for len in 1..=n {
            let e = end_of(len);
            if boundary(&rest[e..]) == 3 {
                return Some(e);
            }
        }
        return None;
    }
}

/// Parses a person's name at the start of `rest`; returns its byte length.
/// `known` are names already found in the article: they are read as they stand.
pub(super) fn name_len(rest: &str, ev: Evidence, known: &Known) -> Option<usize> {
    let c0 = rest.chars().next()?;
    if !(is_cjk(c0) || c0 == '\u{FFFD}') {
        return None;
    }
    // The first nine characters: eight for a name, one more to see a middle dot.
    let mut buf = [(0usize, '\0'); 9];
    let mut n_buf = 0;
    let mut first_dot = None;
    for (i, c) in rest.char_indices().take(9) {
        if first_dot.is_none() && is_name_dot(c) {
            first_dot = Some(n_buf);
        }
        buf[n_buf] = (i, c);
        n_buf += 1;
    }
    // A dotted name opens with one to eight ideographs and a dot (no dot is an
    // ideograph): without a dot there (most text), there is none to look for.
    if let Some(k) = first_dot.filter(|k| (1..=8).contains(k)) {
        if buf[..k].iter().all(|&(_, c)| is_cjk(c) || c == '\u{FFFD}') {
            if let Some(n) = dotted(rest) {
                return Some(n);
            }
        }
    }
    let cs = &buf[..n_buf.min(8)];
    let mut best: Option<(u8, u8, usize)> = None;
    let compound = starts_with_compound_surname(rest);
    let surname = compound || (is_surname(c0) && c0 != '和');
    for (pref, len) in [(3u8, 3usize), (2, 2), (1, 4), (0, 5), (0, 6)] {
        if cs.len() < len {
            continue;
        }
        // Transliterated names run longer, after a foreign office only.
        if len > 4 && ev != Evidence::TitledForeign {
            continue;
        }
        let titled = matches!(ev, Evidence::Titled | Evidence::TitledForeign);
        if len == 4 && !titled && !compound {
            continue;
        }
        let first = match ev {
            Evidence::Titled => surname,
            Evidence::TitledForeign => surname || (is_name_char_loose(c0) && len >= 3),
            Evidence::Listed => surname,
            Evidence::Bare => surname && is_name_char_loose(c0),
        };
        if !first {
            continue;
        }
        let end = cs.get(len).map_or(rest.len(), |x| x.0);
        let after = &rest[end..];
        let b = boundary(after);
        if b == 0 || (len >= 4 && b < 3) {
            continue;
        }
        let inner = &cs[1..len];
        if !inner.iter().all(|&(_, c)| is_name_char_loose(c)) {
            continue;
        }
        let rare = !inner.iter().all(|&(_, c)| is_name_char(c))
            || (ev == Evidence::Bare && !is_name_char(c0));
        if rare && !(b == 3 || (titled && b >= 1)) {
            continue;
        }
        // An unreadable character only where the end is clear: a role verb or
        // Chinese punctuation after it.
        if cs[..len].iter().any(|&(_, c)| c == '\u{FFFD}') {
            let verb_after = STRONG_AFTER.iter().any(|w| after.starts_with(w));
            let clear = verb_after || after.starts_with(['、', '，', '。', '；', '：', '（', '）']);
            if !clear || !is_cjk(c0) {
                continue;
            }
        }
        if best.is_none_or(|(bb, bp, _)| (b, pref) > (bb, bp)) {
            best = Some((b, pref, end));
        }
    }
    // A name already known wins over a guess of another length.
    let k = known.longest_at(rest);
    match (k, best) {
        (Some(k), Some((b, _, end))) if end != k.len() => {
            if boundary(&rest[k.len()..]) >= b {
                Some(k.len())
            } else {
                Some(end)
            }
        }
        (Some(k), None) => Some(k.len()),
        (_, Some((_, _, end))) => Some(end),
        (None, None) => None,
    }
}

/// The start (byte offset in `s`) of a name that ends right before `pos`, for the
/// markers written after a name (`习近平总书记`, `习近平同志`).
pub(super) fn name_before(s: &str, pos: usize) -> Option<usize> {
    let head = s.get(..pos)?;
    let cs: Vec<(usize, char)> = head.char_indices().rev().take(3).collect();
    for len in [3usize, 2] {
        if cs.len() < len {
            continue;
        }
        let start = cs[len - 1].0;
        let name = &head[start..];
        let mut it = name.chars();
        let Some(c0) = it.next() else { continue };
        let first = (is_surname(c0) && is_name_char(c0)) || starts_with_compound_surname(name);
        if first && it.all(is_name_char) {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str, ev: Evidence) -> Option<&str> {
        name_len(s, ev, &Known::default()).map(|l| &s[..l])
    }

    #[test]
    fn reads_the_end_from_what_follows() {
        assert_eq!(n("刘国中出席会议", Evidence::Titled), Some("刘国中"));
        assert_eq!(n("李希主持会议并讲话", Evidence::Titled), Some("李希"));
        assert_eq!(n("韩正出席座谈会", Evidence::Listed), Some("韩正"));
        assert_eq!(n("李强作总结讲话", Evidence::Bare), Some("李强"));
        assert_eq!(n("多杰热旦，", Evidence::Titled), Some("多杰热旦"));
        assert_eq!(n("托卡耶夫。", Evidence::TitledForeign), Some("托卡耶夫"));
        assert_eq!(n("托卡耶夫。", Evidence::Titled), None);
        assert_eq!(n("走访慰问", Evidence::Titled), None);
        assert_eq!(n("王东峰等", Evidence::Listed), Some("王东峰"));
    }

    #[test]
    fn rejects_non_names() {
        assert_eq!(n("会议指出", Evidence::Bare), None);
        assert_eq!(n("各单位参加", Evidence::Bare), None);
        assert_eq!(n("学深悟透", Evidence::Bare), None);
    }

    #[test]
    fn dotted_names() {
        assert_eq!(
            n("雪克来提・扎克尔、肖开提", Evidence::Bare),
            Some("雪克来提・扎克尔")
        );
        assert_eq!(
            n("努尔兰・阿不都满金出席", Evidence::Listed),
            Some("努尔兰・阿不都满金")
        );
    }

    #[test]
    fn known_names_by_first_character() {
        let mut k = Known::default();
        k.push("欧阳".to_string());
        k.push("欧阳明高".to_string());
        k.push("王晨".to_string());
        // The longest known name at the position; none where no name starts.
        assert_eq!(k.longest_at("欧阳明高院士"), Some("欧阳明高"));
        assert_eq!(k.longest_at("欧阳某某"), Some("欧阳"));
        assert_eq!(k.longest_at("王某"), None);
        assert_eq!(k.longest_at("李强"), None);
        assert_eq!(k.longest_at(""), None);
        // A trial reading is undone: the names after it are forgotten.
        let n = k.len();
        k.push("李强".to_string());
        assert_eq!(k.longest_at("李强主持"), Some("李强"));
        k.truncate(n);
        assert_eq!(k.longest_at("李强主持"), None);
        assert!(!k.contains("李强") && k.contains("王晨"));
        // An empty name stands at every position, as it would in a plain list.
        k.push(String::new());
        assert_eq!(k.longest_at("李强"), Some(""));
        k.truncate(n);
        assert_eq!(k.longest_at("李强"), None);
    }

    #[test]
    fn known_names_win() {
        let mut known = Known::default();
        known.push("王晨".to_string());
        assert_eq!(name_len("王晨、刘鹤", Evidence::Listed, &known), Some(6));
    }

    #[test]
    fn names_before_markers() {
        let s = "贯彻习近平总书记";
        let pos = s.find("总书记").unwrap();
        assert_eq!(name_before(s, pos).map(|i| &s[i..pos]), Some("习近平"));
        let s = "有关负责同志";
        assert_eq!(name_before(s, s.find("同志").unwrap()), None);
    }
}
