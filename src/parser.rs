//! [`Parser`] and [`ParserBuilder`]: compile the rules once, parse many articles.

use crate::clean::Cleaner;
use crate::error::Error;
use crate::extract::{self, Anchors, Ctx};
use crate::model::{Article, Date, Lang};
use crate::text;
use std::sync::Arc;

/// Caller metadata for one document: its id, publication date and language.
///
/// ```
/// use policy_news::{Meta, Parser};
/// let meta = Meta::new().id("a-1").published("2020-11-18".parse().unwrap());
/// let article = Parser::new().parse_with("Li Keqiang chaired a meeting on Wednesday.", &meta);
/// assert_eq!(article.id.as_deref(), Some("a-1"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The caller's name for the document.
    pub id: Option<String>,
    /// The archive's publication date, used as the anchor for years and weekdays.
    pub published: Option<Date>,
    /// The language, when the caller knows it (else detected).
    pub lang: Option<Lang>,
}

impl Meta {
    /// Empty metadata.
    pub fn new() -> Meta {
        Meta::default()
    }
    /// Sets the id.
    pub fn id(mut self, id: impl Into<String>) -> Meta {
        self.id = Some(id.into());
        self
    }
    /// Sets the publication date.
    pub fn published(mut self, date: Date) -> Meta {
        self.published = Some(date);
        self
    }
    /// Sets the language.
    pub fn lang(mut self, lang: Lang) -> Meta {
        self.lang = Some(lang);
        self
    }
}

/// Builds a [`Parser`] with options.
///
/// ```
/// use policy_news::{Lang, Parser};
/// let parser = Parser::builder()
///     .reference_date("2022-01-01")
///     .lang(Lang::En)
///     .build()
///     .unwrap();
/// let a = parser.parse("Title\nOn October 13, the bureau held a meeting.");
/// assert_eq!(a.lang, Lang::En);
/// ```
#[derive(Clone, Debug, Default)]
pub struct ParserBuilder {
    reference: Option<String>,
    lang: Option<Lang>,
}

impl ParserBuilder {
    /// The date that anchors years when neither the text nor the caller's metadata
    /// gives one (`YYYY-MM-DD`).
    pub fn reference_date(mut self, date: impl Into<String>) -> ParserBuilder {
        self.reference = Some(date.into());
        self
    }
    /// Parses every article as this language instead of detecting it.
    pub fn lang(mut self, lang: Lang) -> ParserBuilder {
        self.lang = Some(lang);
        self
    }
    /// Compiles the parser.
    ///
    /// # Errors
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when the reference date is not
    /// a valid `YYYY-MM-DD` date.
    pub fn build(self) -> Result<Parser, Error> {
        let reference = match self.reference {
            Some(s) => Some(s.parse::<Date>()?),
            None => None,
        };
        Ok(Parser {
            inner: Arc::new(Inner {
                reference,
                lang: self.lang,
                rules: shared_rules(),
            }),
        })
    }
}

/// The compiled rules, built once per process and shared by every parser.
pub(crate) struct Rules {
    pub cleaner: Cleaner,
    pub extract: extract::Rules,
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rules { .. }")
    }
}

fn shared_rules() -> Arc<Rules> {
    static RULES: std::sync::OnceLock<Arc<Rules>> = std::sync::OnceLock::new();
    RULES
        .get_or_init(|| {
            Arc::new(Rules {
                cleaner: Cleaner::new(),
                extract: extract::Rules::new(),
            })
        })
        .clone()
}

#[derive(Debug)]
struct Inner {
    reference: Option<Date>,
    lang: Option<Lang>,
    rules: Arc<Rules>,
}

/// Parses policy-speech news articles into [`Article`]s.
///
/// Build once (the rules are compiled then), parse many times; cheap to clone and
/// safe to share across threads. Parsing never fails: what the text does not say is
/// `None` or empty.
///
/// ```
/// use policy_news::Parser;
/// let parser = Parser::new();
/// let text = "Bureau holds meeting\n\nOn the afternoon of October 13, the bureau held a \
///             discussion meeting. Zhang Wei chaired the meeting.";
/// let article = parser.parse(text);
/// assert_eq!(article.title.unwrap().text, "Bureau holds meeting");
/// let event = &article.events[0];
/// assert_eq!(event.date.as_ref().unwrap().value.to_string(), "XXXX-10-13");
/// assert_eq!(event.chairs[0].name, "Zhang Wei");
/// ```
#[derive(Clone, Debug)]
pub struct Parser {
    inner: Arc<Inner>,
}

impl Default for Parser {
    fn default() -> Parser {
        Parser::new()
    }
}

impl Parser {
    /// A parser with default options.
    pub fn new() -> Parser {
        ParserBuilder::default()
            .build()
            .expect("default options are valid")
    }

    /// A builder for options.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// Parses one article. Line 1 (when followed by more text) is taken as the headline.
    pub fn parse(&self, text: &str) -> Article {
        self.parse_with(text, &Meta::default())
    }

    /// Parses one article with the caller's metadata (id, publication date, language).
    pub fn parse_with(&self, src: &str, meta: &Meta) -> Article {
        let rules = &self.inner.rules;
        let layout = rules.cleaner.layout(src);
        let lang = meta
            .lang
            .or(self.inner.lang)
            .unwrap_or_else(|| detect_lang(src, &layout.paragraphs));
        let mut article = Article {
            id: meta.id.clone(),
            lang,
            title: layout.title.map(|t| text::text_at(src, t)),
            paragraphs: layout.paragraphs.clone(),
            boilerplate: layout.boilerplate,
            ..Article::default()
        };
        let ctx = Ctx::new(
            src,
            lang,
            layout.title,
            &layout.paragraphs,
            Anchors {
                meta_published: meta.published,
                reference: self.inner.reference,
                dateline: None,
                text_published: None,
            },
        );
        extract::run(&rules.extract, ctx, &mut article);
        article
    }
}

/// Detects the body language: Chinese when ideographs outnumber a third of the Latin
/// letters, else English.
///
/// ```
/// use policy_news::{detect_lang, Lang, Span};
/// let s = "会议强调，要坚持。";
/// assert_eq!(detect_lang(s, &[Span::new(0, s.len())]), Lang::Zh);
/// ```
pub fn detect_lang(src: &str, paragraphs: &[crate::Span]) -> Lang {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for p in paragraphs {
        let (c, l) = text::script_counts(text::slice(src, *p));
        cjk += c;
        latin += l;
        if cjk + latin > 4000 {
            break;
        }
    }
    if cjk + latin == 0 {
        let (c, l) = text::script_counts(src);
        cjk = c;
        latin = l;
    }
    if cjk * 3 > latin {
        Lang::Zh
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_is_send_sync_clone() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        check::<Parser>();
    }

    #[test]
    fn bad_reference_date_is_a_config_error() {
        let e = Parser::builder()
            .reference_date("yesterday")
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), &crate::ErrorKind::Config);
    }
}
