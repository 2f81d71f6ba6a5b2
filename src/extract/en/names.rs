//! English person names and the titles written with them.
//!
//! A name is a run of one to four capitalised words (initials such as `W.` and
//! hyphenated parts such as `Chan-o-cha` included) that are not title, organisation,
//! place, month or function words ([`super::lexicon::NOT_NAME`]). A run is a person
//! when the structure around it says so:
//!
//! - a title right before it: `Chinese Vice Premier Zeng Peiyan`, `Secretary of
//!   Leading Party Members’ Group of BAST Shen Jie`, `Chilean Ambassador to China
//!   Cabrera`, `Argentine Vice-President and Senate President Scioli` (two titles);
//! - an appositive title after it: `Wen Jiabao, a member of ... and Premier of the
//!   State Council, presided`, `Jia, chairman of the National Committee ...`;
//! - a title head before and an `of` phrase after: `Chairman Wu Bangguo of the NPC
//!   Standing Committee`;
//! - a reporting or action verb after a run of two or more words (`Li Tieying
//!   said`), or `said` before it (`..., said Zhang Wei`);
//! - it is a shorter form of a person already named (`Shen` after `Shen Jie`).
//!
//! Titles are written without the name and without connecting words (`a`, `the`,
//! `also`); an appositive with `and` between two title heads gives two titles.

use super::lexicon;
use crate::extract::people::People;
use crate::extract::wordset::{word_set, WordMap, WordSet};
use crate::extract::Ctx;
use crate::model::Span;
use crate::text;

/// The lower-case form of a word, on the stack for short ASCII words (no
/// allocation on the hot path).
pub(crate) struct Lower {
    buf: [u8; 64],
    len: usize,
    heap: Option<String>,
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

/// Lower-cases a word (see [`Lower`]).
pub(crate) fn lower(w: &str) -> Lower {
    if w.is_ascii() && w.len() <= 64 {
        let mut buf = [0u8; 64];
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        Lower {
            buf,
            len: w.len(),
            heap: None,
        }
    } else {
        Lower {
            buf: [0; 64],
            len: 0,
            heap: Some(w.to_lowercase()),
        }
    }
}

/// `s` without any number of `suffix`es at its end (`str::trim_end_matches` with
/// a string pattern, without its searcher set-up).
fn strip_all<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(x) = s.strip_suffix(suffix) {
        s = x;
    }
    s
}

/// Flag of a word that is never part of a name.
const NOT_NAME: u8 = 1;
/// Flag of a word that heads a title.
const HEAD: u8 = 2;

/// Word sets built once.
pub(crate) struct Lex {
    /// Words that are never names (the lexicon's `NOT_NAME` list and the places) and
    /// title heads, in one map so a word is hashed once for both.
    words: WordMap<u8>,
    subj_verbs: WordSet,
    people_nouns: WordSet,
    places: WordSet,
}

/// Lower-case title modifiers allowed before a head in a title: `top advisor`.
const MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "executive",
    "top",
    "senior",
    "chief",
    "general",
    "permanent",
    "first",
    "standing",
    "state",
    "former",
    "acting",
    "honorary",
    "assistant",
    "associate",
    "party",
    "staff",
    "special",
    "full-time",
    "honorable",
    "leading",
    "principal",
    "presiding",
    "managing",
    "ruling",
    "foreign",
    "prime",
    "military",
    "defense",
    "defence",
    "trade",
    "finance",
    "education",
    "health",
    "justice",
];

const CONNECTORS: &[&str] = &[
    "of", "the", "for", "to", "and", "on", "in", "at", "'s", "’s",
];

impl Lex {
    pub(crate) fn new() -> Lex {
        Lex {
            words: {
                let mut m = WordMap::default();
                for w in lexicon::NOT_NAME.iter().chain(lexicon::PLACES) {
                    *m.entry(*w).or_insert(0) |= NOT_NAME;
                }
                for w in lexicon::TITLE_HEADS {
                    *m.entry(*w).or_insert(0) |= HEAD;
                }
                m
            },
            subj_verbs: word_set([lexicon::SUBJECT_VERBS]),
            people_nouns: word_set([lexicon::PEOPLE_NOUNS]),
            places: word_set([lexicon::PLACES]),
        }
    }

    /// The [`NOT_NAME`] and [`HEAD`] flags of a lower-case word.
    fn flags(&self, l: &str) -> u8 {
        self.words.get(l).copied().unwrap_or(0)
    }

    /// True for a word that heads a title.
    pub(crate) fn is_head(&self, w: &str) -> bool {
        self.is_head_lower(&lower(w))
    }

    /// [`Lex::is_head`] of a word already lower-cased.
    fn is_head_lower(&self, l: &str) -> bool {
        let l = strip_all(strip_all(l, "'s"), "’s");
        let head = |x: &str| self.flags(x) & HEAD != 0;
        head(l)
            || l.strip_suffix('s').is_some_and(|x| x.len() > 3 && head(x))
            || l.strip_prefix("vice-").is_some_and(head)
            || l.strip_prefix("deputy-").is_some_and(head)
    }

    /// True for a plural noun of people (`leaders`, `entrepreneurs`).
    pub(crate) fn is_people_noun(&self, w: &str) -> bool {
        self.people_nouns.contains(&*lower(w))
    }

    /// True for a plural noun of organisations that attend (`branches`, `departments`).
    pub(crate) fn is_body_noun(&self, w: &str) -> bool {
        lexicon::BODY_NOUNS.contains(&&*lower(w))
    }

    /// True for a verb that follows a subject.
    pub(crate) fn is_subject_verb(&self, w: &str) -> bool {
        self.subj_verbs.contains(w)
    }

    pub(crate) fn not_name(&self, w: &str) -> bool {
        self.not_name_lower(&lower(w))
    }

    /// True when a capitalised word cannot be part of a name: `not_name` or a
    /// title head (lower-cases the word once for both).
    pub(crate) fn blocks_name(&self, w: &str) -> bool {
        let lw = lower(w);
        let l: &str = &lw;
        self.not_name_lower(l) || self.is_head_lower(l)
    }

    /// [`Lex::not_name`] of a word already lower-cased.
    fn not_name_lower(&self, l: &str) -> bool {
        let l = l.trim_end_matches('.');
        let l = strip_all(strip_all(l, "'s"), "’s").trim_end_matches(['\'', '’']);
        if self.flags(l) != 0 {
            return true;
        }
        // Plurals of such words: `Groups`, `Generals`, `Studies`.
        let known = |x: &str| self.flags(x) != 0;
        if let Some(x) = l.strip_suffix("ies") {
            let mut buf = [0u8; 40];
            return match buf.get_mut(..=x.len()) {
                Some(b) => {
                    b[..x.len()].copy_from_slice(x.as_bytes());
                    b[x.len()] = b'y';
                    std::str::from_utf8(b).is_ok_and(known)
                }
                None => known(&format!("{x}y")),
            };
        }
        l.strip_suffix('s').is_some_and(known)
    }

    /// True when the first words of `s` make a title (a head within three words,
    /// after `a`, `an`, `the`, `also`).
    pub(crate) fn starts_with_title(&self, s: &str) -> bool {
        let mut n = 0;
        for w in s.split_whitespace() {
            let lw = lower(w);
            if n == 0 && matches!(&*lw, "a" | "an" | "the" | "also" | "both" | "now" | "then") {
                continue;
            }
            if w.starts_with('(') || w.chars().any(|c| c.is_ascii_digit()) {
                return false;
            }
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if self.is_head(w) {
                return true;
            }
            let lw = lower(w);
            let modifier = MODIFIERS.contains(&&*lw)
                || (w.chars().next().is_some_and(|c| c.is_uppercase())
                    && crate::extract::dates::month_number(w).is_none());
            if !modifier {
                return false;
            }
            n += 1;
            if n >= 4 {
                return false;
            }
        }
        false
    }
}

/// A word of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case (`BAST`, `CPC`), or dotted (`U.S.`).
    pub acr: bool,
}

/// Splits a sentence into words: letters and digits with inner `-`, `'`, `’`;
/// a possessive `'s` or `s'` stays with its word; an initial keeps its period.
pub(crate) fn tokenize(src: &str, sent: Span, out: &mut Vec<Tok>) {
    out.clear();
    let s = text::slice(src, sent);
    let bytes = s.as_bytes();
    // Upper-case letters and letters of a word so far (read again when asked:
    // most words never are).
    let counts = |w: &str| match w.bytes().try_fold((0usize, 0usize), |(u, l), b| {
        let f = *ASCII_CLASS.get(usize::from(b))?;
        Some((u + usize::from(f >> 1 & 1), l + usize::from(f >> 2 & 1)))
    }) {
        Some(ul) => ul,
        None => w.chars().fold((0, 0), |(u, l), c| {
            (
                u + usize::from(c.is_uppercase()),
                l + usize::from(c.is_alphabetic()),
            )
        }),
    };
    let mut i = 0;
    while i < bytes.len() {
        // ASCII outside words is skipped in one tight loop.
        i += bytes[i..]
            .iter()
            .position(|&b| MAY_START_WORD[usize::from(b)])
            .unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else { break };
        let Some(c) = ch_at(s, i) else { break };
        if !c.alnum {
            i += c.len;
            continue;
        }
        let mut end = i + c.len;
        let mut dotted = false;
        loop {
            // A run of ASCII letters and digits.
            end += bytes[end..]
                .iter()
                .position(|&b| !ASCII_ALNUM[usize::from(b)])
                .unwrap_or(bytes.len() - end);
            let Some(d) = ch_at(s, end) else { break };
            let j = end;
            if d.alnum {
                end = j + d.len;
            } else if matches!(d.c, '-' | '\'' | '’' | '.') {
                if d.c == '.' {
                    // U.S.  W.
                    let (upper, letters) = counts(&s[i..end]);
                    let single_upper = letters == 1 && upper == 1;
                    if single_upper || (dotted && upper == letters) {
                        end = j + 1;
                        dotted = true;
                        continue;
                    }
                    break;
                }
                let joins = ch_at(s, j + d.len).is_some_and(|n| n.alnum);
                if joins {
                    end = j + d.len;
                } else if d.c != '-' && bytes.get(end - 1) == Some(&b's') {
                    // plural possessive: Members’
                    end = j + d.len;
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // A word that opens with a lower-case ASCII letter is no acronym.
        let acr = !b.is_ascii_lowercase() && {
            let (upper, letters) = counts(&s[i..end]);
            (letters >= 2 && upper == letters) || (dotted && upper >= 2)
        };
        out.push(Tok {
            span: Span::new(sent.start + i, sent.start + end),
            cap: c.upper,
            acr,
        });
        i = end;
    }
}

/// ASCII letters and digits, by byte.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Bytes a word may start at: ASCII letters and digits, and any byte outside
/// ASCII (the character is decoded to tell).
const MAY_START_WORD: [bool; 256] = {
    let mut t = ASCII_ALNUM;
    let mut b = 128;
    while b < 256 {
        t[b] = true;
        b += 1;
    }
    t
};

/// A character of a sentence with the classes the tokenizer asks about.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    len: usize,
    alnum: bool,
    upper: bool,
}

/// Classes of the ASCII characters: 1 alphanumeric, 2 upper case, 4 alphabetic.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            7
        } else if c.is_ascii_lowercase() {
            5
        } else if c.is_ascii_digit() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` (a character boundary); ASCII from a table,
/// other characters decoded.
#[inline]
fn ch_at(s: &str, i: usize) -> Option<Ch> {
    let b = *s.as_bytes().get(i)?;
    if let Some(&f) = ASCII_CLASS.get(usize::from(b)) {
        return Some(Ch {
            c: char::from(b),
            len: 1,
            alnum: f & 1 != 0,
            upper: f & 2 != 0,
        });
    }
    let c = s.get(i..)?.chars().next()?;
    Some(Ch {
        c,
        len: c.len_utf8(),
        alnum: c.is_alphanumeric(),
        upper: c.is_uppercase(),
    })
}

/// A person named in a sentence, with the titles written there.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Index in the people registry.
    pub person: usize,
    /// The name as written.
    pub span: Span,
    /// Index of the sentence.
    pub sent: usize,
    /// Start of the mention with its title before the name.
    pub start: usize,
    /// End of the mention with its appositive after the name.
    pub end: usize,
    /// The title written with the name here (first one), if any.
    pub title: Option<String>,
}

/// Finds the people of every sentence, registering them; mentions in text order.
pub(crate) fn find(lex: &Lex, ctx: &Ctx<'_>, people: &mut People) -> Vec<Mention> {
    let mut lower_seen: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut out = Vec::new();
    let mut toks = Vec::new();

    for (si, sent) in ctx.sents.iter().enumerate() {
        tokenize(ctx.src, sent.span, &mut toks);
        let mut i = 0;
        let mut prev_shared: Option<(usize, String, bool)> = None; // (end byte, title, plural)
        while i < toks.len() {
            // Most words are lower case: that test needs no call.
            if !toks[i].cap || !is_name_tok(lex, ctx, &toks, i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len()
                && j - i < 4
                && gap_is_space(ctx, toks[j - 1], toks[j])
                && (is_name_tok(lex, ctx, &toks, j)
                    || NAME_SYLLABLES.contains(&ctx.at(toks[j].span)))
            {
                j += 1;
            }
            let run = &toks[i..j];
            let name_span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
            // The span keeps the name as written (`M  R`), without a possessive.
            let kept = strip_possessive(ctx.at(name_span));
            let name_span = Span::new(name_span.start, name_span.start + kept.len());
            let name = clean_name(kept);
            // A run followed by a capitalised organisation word is part of a longer
            // proper name (`China Aging Research Association`), not a person.
            let org_follows = toks.get(j).is_some_and(|t| {
                let w = ctx.at(t.span);
                t.cap
                    && gap_is_space(ctx, toks[j - 1], *t)
                    && lex.not_name(w)
                    && !lex.is_head(w)
                    && crate::extract::dates::month_number(w).is_none()
                    && crate::extract::dates::weekday_number(w).is_none()
                    && !matches!(w, "He" | "She" | "The" | "In" | "On" | "At")
            });
            let pre = if org_follows {
                None
            } else {
                pre_title(lex, ctx, &toks, i)
            };
            let fronted = if pre.is_none() {
                fronted_titles(lex, ctx, sent.span, name_span.start)
            } else {
                Vec::new()
            };
            let (apps, app_end) = appositive(lex, ctx, sent.span, name_span.end);
            let of_tail = if pre.is_some() && apps.is_empty() {
                of_phrase(ctx, &toks, j)
            } else {
                None
            };
            let next_word = toks.get(j).map(|t| ctx.at(t.span));
            let verb_after = next_word.is_some_and(|w| lex.is_subject_verb(w))
                && toks
                    .get(j)
                    .is_some_and(|t| gap_is_space(ctx, run[run.len() - 1], *t));
            let said_before = i > 0
                && matches!(
                    ctx.at(toks[i - 1].span),
                    "said" | "says" | "by" | "with" | "told" | "to" | "and"
                )
                && run.len() >= 2;
            let known = people.resolve(&name).is_some();
            let lower_hit = run.iter().any(|t| {
                (verb_after || said_before) && {
                    let l = lower(ctx.at(t.span));
                    // One search of the body per distinct word.
                    match lower_seen.get(&*l) {
                        Some(&hit) => hit,
                        None => {
                            let hit = written_lower(ctx, &l);
                            lower_seen.insert(l.to_string(), hit);
                            hit
                        }
                    }
                }
            });
            let strong = pre.is_some() || !apps.is_empty() || !fronted.is_empty();
            let weak = (verb_after || said_before) && run.len() >= 2 && !lower_hit;
            // A title shared by a list: `staff reporters Cao Yu and Shen An`.
            let shared = prev_shared.as_ref().and_then(|(end, t, plural)| {
                let gap = ctx.at(Span::new(*end, name_span.start));
                (*plural && matches!(gap.trim(), "and" | "," | ", and")).then(|| t.clone())
            });
            if strong || weak || known || (shared.is_some() && run.len() >= 2) {
                let p = people.mention(&name, name_span);
                let mut first_title = None;
                if let Some((pspan, _)) = &pre {
                    let pt = text::fold_ws(ctx.at(*pspan));
                    let mut titles = split_pre_title(lex, &pt);
                    if let Some(tail) = &of_tail {
                        if titles.len() == 1 {
                            titles[0] = format!("{} {}", titles[0], tail);
                        }
                    }
                    for t in &titles {
                        people.add_title(p, t);
                    }
                    first_title = titles.into_iter().next();
                }
                for t in apps.iter().chain(fronted.iter()) {
                    people.add_title(p, t);
                }
                if first_title.is_none() {
                    first_title = apps.first().cloned().or(shared.clone());
                }
                if let Some(t) = &shared {
                    people.add_title(p, t);
                }
                let start = pre.map_or(name_span.start, |(s, _)| s.start);
                let end = if apps.is_empty() {
                    name_span.end
                } else {
                    app_end
                };
                prev_shared = first_title.as_ref().map(|t| {
                    let last = t.split_whitespace().last().unwrap_or("");
                    (
                        name_span.end,
                        t.clone(),
                        last.ends_with('s') && lex.is_head(last),
                    )
                });
                out.push(Mention {
                    person: p,
                    span: name_span,
                    sent: si,
                    start,
                    end,
                    title: first_title,
                });
            }
            i = j;
        }
    }
    out
}

/// Lower-case words of the body: a capitalised word that is also written in lower
/// case is an ordinary word, not a name.
fn written_lower(ctx: &Ctx<'_>, w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    let finder = memchr::memmem::Finder::new(w.as_bytes());
    ctx.paras.iter().any(|&p| {
        let s = ctx.at(p);
        let b = s.as_bytes();
        finder.find_iter(b).any(|i| {
            let before = s[..i].chars().next_back();
            let after = s[i + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric())
                && !after.is_some_and(|c| c.is_alphanumeric())
        })
    })
}

/// Whitespace, or the parentheses of an acronym inside a title: `Region (HKSAR) Carrie`.
fn gap_is_title_space(ctx: &Ctx<'_>, a: Tok, b: Tok) -> bool {
    let g = ctx.at(Span::new(a.span.end, b.span.start));
    !g.is_empty()
        && g.chars().all(|c| text::is_space(c) || c == '(' || c == ')')
        && g.chars().filter(|c| *c == '(' || *c == ')').count() <= 1
}

fn gap_is_space(ctx: &Ctx<'_>, a: Tok, b: Tok) -> bool {
    let g = ctx.at(Span::new(a.span.end, b.span.start));
    !g.is_empty() && g.chars().all(text::is_space)
}

/// Function words that are also name syllables when written capitalised inside a
/// name: `Shen An`, `Tan Tee How`.
const NAME_SYLLABLES: &[&str] = &[
    "An", "He", "How", "So", "Do", "No", "Long", "Yi", "Lee", "Le", "Ma",
];

fn is_name_tok(lex: &Lex, ctx: &Ctx<'_>, toks: &[Tok], i: usize) -> bool {
    let t = toks[i];
    if !t.cap {
        return false;
    }
    // Long gerunds are words, not names: `Safeguarding`, `Strengthening`.
    let w = ctx.at(t.span);
    if is_gerund(w) {
        return false;
    }
    if !t.cap || (t.acr && t.span.len() > 2 && !ctx.at(t.span).ends_with('.')) {
        return false;
    }
    let w = ctx.at(t.span);
    if w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if matches!(w, "He" | "She") {
        // `He Guoqiang`: a surname when another name word follows.
        return toks.get(i + 1).is_some_and(|n| {
            n.cap && !n.acr && !lex.not_name(ctx.at(n.span)) && gap_is_space(ctx, t, *n)
        });
    }
    // `Hong Kong` is a place; `Kong` alone can be a surname.
    if w == "Kong" && i > 0 && ctx.at(toks[i - 1].span) == "Hong" {
        return false;
    }
    !lex.blocks_name(w)
}

/// Titles set before a name with a comma: `A member of the Central Military
/// Commission and commander of the Air Force, Qiao Qingchen met ...`.
fn fronted_titles(lex: &Lex, ctx: &Ctx<'_>, sent: Span, name_start: usize) -> Vec<String> {
    let before = ctx.at(Span::new(sent.start, name_start));
    let Some(head) = before.strip_suffix(", ") else {
        return Vec::new();
    };
    let clause_start = head.rfind([':', ';', '.']).map_or(0, |i| i + 1);
    let clause = head[clause_start..].trim();
    let first = clause.split_whitespace().next().unwrap_or("");
    if !matches!(first, "A" | "An" | "As")
        || clause.contains(", ")
        || !lex.starts_with_title(clause)
    {
        return Vec::new();
    }
    let clause = clause.strip_prefix("As ").unwrap_or(clause);
    split_titles(lex, clause)
}

/// A long `-ing` word (`Safeguarding`): not a name, though pinyin names end in
/// `-ing` too (`Jinping`, `Chun-ying`), so short and hyphenated words are spared.
fn is_gerund(w: &str) -> bool {
    w.len() >= 9 && w.ends_with("ing") && !w.contains('-')
}

/// A name without its possessive: `Li's` → `Li`.
fn strip_possessive(s: &str) -> &str {
    strip_all(strip_all(s, "'s"), "’s").trim_end_matches(['\'', '’'])
}

/// Strips a possessive and folds whitespace.
fn clean_name(s: &str) -> String {
    text::fold_ws(strip_possessive(s))
}

/// The title written right before a name: the words back to the nearest punctuation
/// or ordinary lower-case word, if they hold a title head.
fn pre_title(lex: &Lex, ctx: &Ctx<'_>, toks: &[Tok], run_start: usize) -> Option<(Span, ())> {
    if run_start == 0 {
        return None;
    }
    let before = toks[run_start - 1];
    let bw = ctx.at(before.span);
    let paren_acr = before.acr && gap_is_title_space(ctx, before, toks[run_start]);
    if CONNECTORS.contains(&&*lower(bw))
        || !(gap_is_space(ctx, before, toks[run_start]) || paren_acr)
    {
        return None;
    }
    // The word before the name closes a title: a head (`Premier`), an acronym
    // (`BAST`), or a country or body (`China`, `Committee`); not an adjective.
    let closes = lex.is_head(bw) || before.acr || lex.places.contains(&*lower(bw));
    if !closes {
        return None;
    }
    let mut k = run_start;
    while k > 0 {
        let t = toks[k - 1];
        if k < run_start && !gap_is_title_space(ctx, t, toks[k]) {
            break;
        }
        let w = ctx.at(t.span);
        let lw = lower(w);
        // Another person's name ends the title: `Argentine President Kirchner and ...`.
        if t.cap
            && !t.acr
            && !lex.not_name(w)
            && !lex.is_head(w)
            && !MODIFIERS.contains(&&*lw)
            && !is_gerund(w)
        {
            break;
        }
        // Lower-case words inside a title (`of the Chinese foreign ministry in the
        // HKSAR`), but not verbs and clause words, which start the sentence part before it.
        let plain_lower = !t.cap
            && !lex.is_subject_verb(w)
            && !matches!(
                &*lw,
                "with"
                    | "by"
                    | "from"
                    | "as"
                    | "that"
                    | "which"
                    | "who"
                    | "while"
                    | "when"
                    | "where"
                    | "said"
                    | "met"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "also"
                    | "both"
                    | "between"
                    | "among"
                    | "including"
                    | "such"
                    | "like"
                    | "after"
                    | "before"
                    | "during"
                    | "than"
                    | "because"
                    | "if"
            )
            && w.chars().all(|c| c.is_alphabetic() || c == '-');
        let ok = t.cap
            || t.acr
            || lex.is_head(w)
            || MODIFIERS.contains(&&*lw)
            || CONNECTORS.contains(&&*lw)
            || plain_lower;
        if !ok || run_start - k >= 24 {
            break;
        }
        k -= 1;
    }
    // Trim leading connectors and sentence-opening words.
    while k < run_start {
        let lw = lower(ctx.at(toks[k].span));
        if CONNECTORS.contains(&&*lw)
            || matches!(&*lw, "a" | "an" | "its" | "his" | "her" | "their" | "also")
        {
            k += 1;
        } else {
            break;
        }
    }
    // The title starts at a capitalised word, a head or a modifier.
    while k < run_start {
        let t = toks[k];
        let lw = lower(ctx.at(t.span));
        if t.cap || t.acr || lex.is_head(&lw) || MODIFIERS.contains(&&*lw) {
            break;
        }
        k += 1;
    }
    if k >= run_start {
        return None;
    }
    // Before its first head a title holds only capitalised words and modifiers
    // (`Chinese Foreign Minister`, `Chinese top advisor`): anything earlier
    // (`China on Saturday at the invitation of`) is the sentence, not the title.
    let first_head = (k..run_start).find(|&x| lex.is_head(ctx.at(toks[x].span)))?;
    let mut k2 = first_head;
    while k2 > k {
        let t = toks[k2 - 1];
        let w = ctx.at(t.span);
        let lw = lower(w);
        let adj = (t.cap || t.acr || MODIFIERS.contains(&&*lw))
            && !CONNECTORS.contains(&&*lw)
            && crate::extract::dates::month_number(w).is_none_or(|_| w.len() > 9)
            && crate::extract::dates::weekday_number(w).is_none()
            && !matches!(w, "On" | "At" | "In" | "The");
        if !adj {
            break;
        }
        k2 -= 1;
    }
    let k = k2;
    let words = &toks[k..run_start];
    Some((
        Span::new(words[0].span.start, words[words.len() - 1].span.end),
        (),
    ))
}

/// Splits `Argentine Vice-President and Senate President` into two titles when
/// both sides hold a head.
fn split_pre_title(lex: &Lex, t: &str) -> Vec<String> {
    if let Some((a, b)) = t.split_once(" and ") {
        let has = |s: &str| s.split_whitespace().any(|w| lex.is_head(w));
        if has(a) && has(b) {
            return vec![a.to_string(), b.to_string()];
        }
    }
    vec![t.to_string()]
}

/// `of the NPC Standing Committee` after a name whose title is a bare head.
fn of_phrase(ctx: &Ctx<'_>, toks: &[Tok], after: usize) -> Option<String> {
    let first = toks.get(after)?;
    if ctx.at(first.span) != "of" {
        return None;
    }
    let mut end = after + 1;
    while end < toks.len() {
        let t = toks[end];
        let w = ctx.at(t.span);
        if !(t.cap || t.acr || CONNECTORS.contains(&w)) || !gap_is_space(ctx, toks[end - 1], t) {
            break;
        }
        end += 1;
    }
    if end <= after + 1 {
        return None;
    }
    let span = Span::new(first.span.start, toks[end - 1].span.end);
    Some(text::fold_ws(ctx.at(span)))
}

/// Titles in an appositive after a name: `, a member of ... and Premier of ...,`.
/// Returns the titles and the end of the appositive.
fn appositive(lex: &Lex, ctx: &Ctx<'_>, sent: Span, name_end: usize) -> (Vec<String>, usize) {
    let rest = ctx.at(Span::new(name_end, sent.end));
    let Some(after) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(",")) else {
        return (Vec::new(), name_end);
    };
    let base = name_end + (rest.len() - after.len());
    // The appositive runs to the next top-level comma, semicolon, dash or the end.
    let mut depth = 0i32;
    let mut end = after.len();
    for (i, c) in after.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            ',' | ';' | '，' | '；' if depth <= 0 => {
                end = i;
                break;
            }
            '.' if depth <= 0 && i + 1 == after.trim_end().len() => {
                end = i;
                break;
            }
            _ => {}
        }
        if after[i..].starts_with(" -- ") {
            end = i;
            break;
        }
    }
    let mut app = after[..end].trim();
    // The appositive ends where a verb of the sentence starts: `..., vice chairman of X attended`.
    let mut off = 0;
    for w in app.split(' ') {
        if off > 0
            && w.chars().next().is_some_and(|c| c.is_lowercase())
            && lex.is_subject_verb(w)
            && !matches!(
                w,
                "is" | "was" | "has" | "had" | "will" | "would" | "also" | "led" | "headed"
            )
        {
            app = app[..off].trim_end();
            end = app.len() + (after.len() - after.trim_start().len());
            break;
        }
        off += w.len() + 1;
    }
    if app.is_empty() || app.len() > 300 || !lex.starts_with_title(app) {
        return (Vec::new(), name_end);
    }
    // A title followed by another person's name is the next list item, not a title
    // of this one: `X, Thailand's Prime Minister Prayut Chan-o-cha, ...`.
    let words: Vec<&str> = app.split_whitespace().collect();
    for w in words.windows(2) {
        let next = w[1].trim_matches(|c: char| !c.is_alphanumeric());
        if lex.is_head(w[0])
            && next.chars().next().is_some_and(|c| c.is_uppercase())
            && !lex.not_name(next)
            && !lex.is_head(next)
            && next.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        {
            return (Vec::new(), name_end);
        }
    }
    if ends_with_titled_name(lex, app) {
        return (Vec::new(), name_end);
    }
    // Not a clause: `X, who ...`, `X, said ...`.
    let first = app.split_whitespace().next().unwrap_or("");
    if matches!(first, "who" | "which" | "said" | "and" | "but") {
        return (Vec::new(), name_end);
    }
    (split_titles(lex, app), base + end)
}

/// True when a phrase ends with a name after a title's last word:
/// `Commissioner of the Chinese foreign ministry in the HKSAR Xie Feng`.
fn ends_with_titled_name(lex: &Lex, app: &str) -> bool {
    let words: Vec<&str> = app.split_whitespace().collect();
    let is_name_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        w.chars().next().is_some_and(|c| c.is_uppercase())
            && w.chars().skip(1).any(|c| c.is_lowercase())
            && !lex.not_name(w)
            && !lex.is_head(w)
    };
    let mut k = words.len();
    while k > 0 && words.len() - k < 3 && is_name_word(words[k - 1]) {
        k -= 1;
    }
    if k == words.len() || k == 0 {
        return false;
    }
    let prev = words[k - 1].trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    lex.is_head(prev)
        || (prev.len() >= 2 && prev.chars().all(|c| c.is_uppercase()))
        || lex.places.contains(&*lower(prev))
}

/// Splits an appositive into titles at ` and ` / `, ` where a new title starts.
pub(crate) fn split_titles(lex: &Lex, app: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut last = 0usize;
    let b = app.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for i in text::outside_parens(app) {
        // Byte comparisons: `i` need not be a character boundary.
        if b[i..].starts_with(b" and ") {
            cuts.push((i, i + 5));
        } else if b[i..].starts_with(b", ") {
            cuts.push((i, i + 2));
        }
    }
    for (cs, ce) in cuts {
        let next = &app[ce..];
        if lex.starts_with_title(next) {
            pieces.push(app[last..cs].to_string());
            last = ce;
        }
    }
    pieces.push(app[last..].to_string());
    pieces
        .into_iter()
        .map(|p| strip_article(p.trim()).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn strip_article(s: &str) -> &str {
    let mut s = s;
    loop {
        let cut = ["a ", "an ", "the ", "also ", "both ", "now "]
            .iter()
            .find(|p| text::starts_with_caseless(s, p))
            .map(|p| p.len());
        match cut {
            Some(n) => s = &s[n..],
            None => return s.trim_end_matches(['.', ',', ';']),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Anchors, Ctx};
    use crate::model::Lang;

    fn run(src: &str) -> Vec<crate::model::Person> {
        let paras = vec![Span::new(0, src.len())];
        let ctx = Ctx::new(src, Lang::En, None, &paras, Anchors::default());
        let mut people = People::new(Lang::En);
        find(&Lex::new(), &ctx, &mut people);
        people.finish()
    }

    #[test]
    fn title_before_name() {
        let p = run("Secretary of Leading Party Members’ Group of BAST Shen Jie chaired the meeting. Shen said.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Shen Jie");
        assert_eq!(
            p[0].titles,
            vec!["Secretary of Leading Party Members’ Group of BAST"]
        );
    }

    #[test]
    fn appositive_titles_split_on_and() {
        let p = run("Wen Jiabao, a member of the Politburo Standing Committee of the CPC and Premier of the State Council, presided over the symposium.");
        assert_eq!(p[0].name, "Wen Jiabao");
        assert_eq!(
            p[0].titles,
            vec![
                "member of the Politburo Standing Committee of the CPC",
                "Premier of the State Council"
            ]
        );
    }

    #[test]
    fn and_inside_an_organisation_does_not_split() {
        let p = run("Zhang Xiaoming, deputy director of the Hong Kong and Macao Affairs Office of the State Council, said.");
        assert_eq!(
            p[0].titles,
            vec!["deputy director of the Hong Kong and Macao Affairs Office of the State Council"]
        );
    }

    #[test]
    fn two_titles_before_a_name() {
        let p = run("Argentine Vice-President and Senate President Scioli said on the 19th.");
        assert_eq!(p[0].name, "Scioli");
        assert_eq!(
            p[0].titles,
            vec!["Argentine Vice-President", "Senate President"]
        );
    }

    #[test]
    fn plain_capitalised_words_are_not_people() {
        let p = run("On the afternoon of October 13, BAST held a discussion meeting in Beijing. China said.");
        assert!(p.is_empty(), "{p:?}");
    }
}
