//! The people registry: one [`Person`] per person across name forms.
//!
//! English: `Shen Jie` and a later `Shen` are one person (a one-word form that is a
//! word of a fuller name already seen; the most recent such name wins), as are
//! `Ziaur Rahman` and `Zia` (a prefix of at least three letters of a word of it).
//! Chinese: the extractors pass the bare name (`赵一德` from `省长赵一德`), so equal
//! names merge.

use crate::model::{Lang, Person, Role, Span};

#[derive(Debug, Clone)]
struct Acc {
    name: String,
    titles: Vec<String>,
    roles: Vec<Role>,
    spans: Vec<Span>,
    last: usize,
}

/// Collects people as the extractors find them.
#[derive(Debug)]
pub(crate) struct People {
    lang: Lang,
    list: Vec<Acc>,
    tick: usize,
    /// Every mention as (end, start, person), sorted by end.
    order: Vec<(usize, usize, usize)>,
}

impl People {
    pub(crate) fn new(lang: Lang) -> People {
        People {
            lang,
            list: Vec::new(),
            tick: 0,
            order: Vec::new(),
        }
    }

    /// The index of the person this name form refers to, if already known.
    pub(crate) fn resolve(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.list.iter().position(|p| p.name == name) {
            return Some(i);
        }
        if self.lang == Lang::En && !name.contains(' ') && name.chars().count() >= 2 {
            // A surname or given name of a fuller form.
            let mut best: Option<(usize, usize)> = None;
            for (i, p) in self.list.iter().enumerate() {
                let hit = p.name.split([' ', '-']).any(|w| {
                    w == name || (name.len() >= 3 && w.len() > name.len() && w.starts_with(name))
                });
                if hit && p.name.contains(' ') && best.is_none_or(|(_, t)| p.last > t) {
                    best = Some((i, p.last));
                }
            }
            return best.map(|(i, _)| i);
        }
        None
    }

    /// Records a mention and returns the person's index. A fuller form seen later
    /// than a short one renames the person.
    pub(crate) fn mention(&mut self, name: &str, span: Span) -> usize {
        let i = self.mention_inner(name, span);
        let entry = (span.end, span.start, i);
        let at = self.order.partition_point(|e| *e <= entry);
        if self.order.get(at.wrapping_sub(1)) != Some(&entry) {
            self.order.insert(at, entry);
        }
        i
    }

    fn mention_inner(&mut self, name: &str, span: Span) -> usize {
        self.tick += 1;
        let tick = self.tick;
        if let Some(i) = self.resolve(name) {
            let p = &mut self.list[i];
            // Mentions arrive in text order: a repeat is among the last few.
            if !p.spans.iter().rev().take(4).any(|s| *s == span) {
                p.spans.push(span);
            }
            p.last = tick;
            return i;
        }
        // A fuller form of a short name seen before: `Shen` then `Shen Jie`.
        if self.lang == Lang::En && name.contains(' ') {
            if let Some(i) = self
                .list
                .iter()
                .position(|p| !p.name.contains(' ') && name.split(' ').any(|w| w == p.name))
            {
                let p = &mut self.list[i];
                p.name = name.to_string();
                p.spans.push(span);
                p.last = tick;
                return i;
            }
        }
        self.list.push(Acc {
            name: name.to_string(),
            titles: Vec::new(),
            roles: Vec::new(),
            spans: vec![span],
            last: tick,
        });
        self.list.len() - 1
    }

    /// Adds a title (without the name) to a person, once.
    pub(crate) fn add_title(&mut self, i: usize, title: &str) {
        let t = title.trim();
        if t.is_empty() {
            return;
        }
        if let Some(p) = self.list.get_mut(i) {
            // One title once: a shorter form written elsewhere (`Vice-President` beside
            // `Argentine Vice-President`) is the same title.
            if p.titles.iter().any(|x| contains_caseless(x, t)) {
                return;
            }
            if let Some(k) = p.titles.iter().position(|x| contains_caseless(t, x)) {
                p.titles[k] = t.to_string();
                return;
            }
            p.titles.push(t.to_string());
        }
    }

    /// Adds a role to a person, once.
    pub(crate) fn add_role(&mut self, i: usize, role: Role) {
        if let Some(p) = self.list.get_mut(i) {
            if !p.roles.contains(&role) {
                p.roles.push(role);
            }
        }
    }

    /// The full name of person `i`.
    pub(crate) fn name(&self, i: usize) -> &str {
        self.list.get(i).map_or("", |p| p.name.as_str())
    }

    /// The first title of person `i`, if any.
    pub(crate) fn first_title(&self, i: usize) -> Option<&str> {
        self.list
            .get(i)
            .and_then(|p| p.titles.first())
            .map(|s| s.as_str())
    }

    /// The person who speaks in `span`: the first one mentioned inside it, or, when it
    /// opens with a pronoun (`He`, `She`, `他`, `她`), the last one mentioned before it.
    pub(crate) fn speaker_in(&self, span: Span, ctx: &super::Ctx<'_>) -> Option<usize> {
        let inside = self
            .list
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.spans
                    .iter()
                    .filter(|s| span.contains(**s))
                    .map(|s| s.start)
                    .min()
                    .map(|s| (s, i))
            })
            .min();
        if let Some((_, i)) = inside {
            return Some(i);
        }
        let t = ctx.at(span);
        let pronoun = ["He ", "She ", "he ", "she ", "他", "她"]
            .iter()
            .any(|p| t.starts_with(p));
        if !pronoun {
            return None;
        }
        self.last_before(span.start)
    }

    /// The person whose latest mention before `pos` is the latest of all.
    pub(crate) fn last_before(&self, pos: usize) -> Option<usize> {
        // Mentions are recorded in text order almost always: look back from the end.
        let k = self.order.partition_point(|&(end, _, _)| end <= pos);
        self.order[..k]
            .iter()
            .rev()
            .take(64)
            .max_by_key(|&&(_, start, _)| start)
            .map(|&(_, _, i)| i)
    }

    /// Spans of every mention of person `i`.
    pub(crate) fn spans(&self, i: usize) -> &[Span] {
        self.list.get(i).map_or(&[], |p| p.spans.as_slice())
    }

    /// The people, roles sorted, spans in order; `mentioned` for anyone with no role.
    pub(crate) fn finish(self) -> Vec<Person> {
        self.list
            .into_iter()
            .map(|mut p| {
                p.roles.sort();
                if p.roles.is_empty() {
                    p.roles.push(Role::Mentioned);
                }
                p.spans.sort();
                Person {
                    name: p.name,
                    titles: p.titles,
                    roles: p.roles,
                    spans: p.spans,
                }
            })
            .collect()
    }
}

/// True when `hay` holds `needle`, both lower-cased; without allocating when both
/// are ASCII (the usual English title).
fn contains_caseless(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    hay.to_lowercase().contains(&needle.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compared_without_case() {
        assert!(contains_caseless(
            "Argentine Vice-President",
            "vice-president"
        ));
        assert!(!contains_caseless(
            "Vice-President",
            "Argentine vice-president"
        ));
        assert!(contains_caseless("Ministre de l'Économie", "l'économie"));
        assert!(contains_caseless("党委书记", "书记"));
        assert!(!contains_caseless("书记", "党委书记"));
        let mut p = People::new(Lang::En);
        let a = p.mention("Shen Jie", Span::new(0, 8));
        p.add_title(a, "Vice-President");
        p.add_title(a, "Argentine VICE-PRESIDENT");
        p.add_title(a, "vice-president");
        let people = p.finish();
        let titles: Vec<&str> = people[0].titles.iter().map(String::as_str).collect();
        assert_eq!(titles, ["Argentine VICE-PRESIDENT"]);
    }

    #[test]
    fn short_forms_merge() {
        let mut p = People::new(Lang::En);
        let a = p.mention("Shen Jie", Span::new(0, 8));
        let b = p.mention("Shen", Span::new(20, 24));
        assert_eq!(a, b);
        let c = p.mention("Ziaur Rahman", Span::new(30, 42));
        assert_eq!(p.mention("Zia", Span::new(50, 53)), c);
        assert_eq!(p.finish().len(), 2);
    }

    #[test]
    fn fuller_form_renames() {
        let mut p = People::new(Lang::En);
        let a = p.mention("Li", Span::new(0, 2));
        let b = p.mention("Li Keqiang", Span::new(10, 20));
        assert_eq!(a, b);
        assert_eq!(p.name(a), "Li Keqiang");
    }
}
