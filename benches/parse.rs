//! Criterion benchmarks for the parser: single articles, the development corpus,
//! the batch API at 1 and at all threads, and length scaling (1 KB .. 1 MB).
//!
//! The corpus is read from `../shared/corpus` when it is there, else from
//! `fixtures/`. Every benchmark checks what it extracted inside the timed loop
//! against counts taken once before it, so a broken parser cannot be timed.
//!
//! `cargo bench --bench parse` (all), `cargo bench --bench parse -- scaling` (one
//! group), `cargo bench --bench parse -- --test` (run each once, as a smoke test).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use policy_news::{Article, Document, Parser};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A short Chinese article written for the fallback when the corpus is absent.
const ZH_FALLBACK: &str = "市科协召开区级科协工作座谈会\n\
    10月13日下午，市科协召开区级科协工作座谈会，围绕区级科协如何融入区域中心建设听取意见建议。\
    市科协党组书记张伟主持会议并讲话，市科协领导班子成员、各区科协主要负责同志参加会议。\n\
    张伟强调，一是要提高政治站位，坚持“四个服务”；二是要加强组织建设；三是要落实《意见》要求。\n\
    会上，东城、西城、平谷等区科协负责同志作交流发言。\n";

/// One article: its name and text.
struct Doc {
    name: String,
    text: String,
}

fn corpus_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).to_path_buf()
}

fn fixtures_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")).to_path_buf()
}

/// The `*.txt` files of `dir/lang`, sorted by name.
fn read_dir(dir: &Path, lang: &str) -> Vec<Doc> {
    let Ok(rd) = std::fs::read_dir(dir.join(lang)) else {
        return Vec::new();
    };
    let mut out: Vec<Doc> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some(Doc {
                name: p.file_name()?.to_string_lossy().into_owned(),
                text,
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The development corpus of one language (shared corpus, else fixtures, else the
/// built-in Chinese sample).
fn corpus(lang: &str) -> Vec<Doc> {
    let docs = read_dir(&corpus_dir(), lang);
    if !docs.is_empty() {
        return docs;
    }
    let docs = read_dir(&fixtures_dir(), lang);
    if !docs.is_empty() || lang != "zh" {
        return docs;
    }
    vec![Doc {
        name: "zh_fallback.txt".into(),
        text: ZH_FALLBACK.into(),
    }]
}

/// The document called `name`, else the one `pick` prefers.
fn choose<'a>(docs: &'a [Doc], name: &str, pick: impl Fn(&Doc) -> usize) -> &'a Doc {
    docs.iter()
        .find(|d| d.name == name)
        .or_else(|| docs.iter().max_by_key(|d| pick(d)))
        .expect("no document to benchmark")
}

/// What an article must still yield inside the timed loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Expect {
    paragraphs: usize,
    people: usize,
    quoted: usize,
    events: usize,
    lists: usize,
}

impl Expect {
    fn of(a: &Article) -> Expect {
        Expect {
            paragraphs: a.paragraphs.len(),
            people: a.people.len(),
            quoted: a.quoted_terms.len(),
            events: a.events.len(),
            lists: a.enumerations.len(),
        }
    }

    /// Asserts that `a` yields at least what was expected.
    #[inline]
    fn check(&self, a: &Article) {
        assert!(a.paragraphs.len() >= self.paragraphs && self.paragraphs > 0);
        assert!(a.people.len() >= self.people);
        assert!(a.quoted_terms.len() >= self.quoted);
        assert!(a.events.len() >= self.events);
        assert!(a.enumerations.len() >= self.lists);
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
}

fn articles(c: &mut Criterion) {
    let parser = Parser::new();
    let en = corpus("en");
    let zh = corpus("zh");
    let cases = [
        (
            "short_en",
            choose(&en, "xinhua_te3_05.txt", |d| usize::MAX - d.text.len()),
        ),
        ("long_en", choose(&en, "pdonline_07.txt", |d| d.text.len())),
        ("zh", choose(&zh, "cpcnews_ldhd_13.txt", |d| d.text.len())),
    ];
    let mut g = c.benchmark_group("article");
    for (id, doc) in cases {
        let expect = Expect::of(&parser.parse(&doc.text));
        assert!(expect.paragraphs > 0, "{}: no paragraphs", doc.name);
        g.throughput(Throughput::Bytes(doc.text.len() as u64));
        g.bench_function(id, |b| {
            b.iter(|| {
                let a = parser.parse(black_box(&doc.text));
                expect.check(&a);
                a
            })
        });
    }
    g.finish();
}

fn whole_corpus(c: &mut Criterion) {
    let parser = Parser::new();
    let mut g = c.benchmark_group("corpus");
    for lang in ["en", "zh"] {
        let docs = corpus(lang);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let expect: Vec<Expect> = docs
            .iter()
            .map(|d| Expect::of(&parser.parse(&d.text)))
            .collect();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(lang, |b| {
            b.iter(|| {
                for (d, e) in docs.iter().zip(&expect) {
                    let a = parser.parse(black_box(&d.text));
                    if e.paragraphs > 0 {
                        e.check(&a);
                    }
                }
            })
        });
    }
    g.finish();
}

fn batch(c: &mut Criterion) {
    let parser = Parser::new();
    let docs: Vec<Document> = corpus("en")
        .into_iter()
        .chain(corpus("zh"))
        .map(|d| Document::new(d.text).with_id(d.name))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let expect: Vec<Expect> = docs
        .iter()
        .map(|d| Expect::of(&parser.parse_document(d)))
        .collect();
    let all = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut threads = vec![1, 2, all];
    threads.sort_unstable();
    threads.dedup();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(bytes as u64));
    for n in threads {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("a rayon pool");
        let id = if n == all {
            format!("{n}_threads_all")
        } else {
            format!("{n}_threads")
        };
        g.bench_function(BenchmarkId::from_parameter(id), |b| {
            b.iter(|| {
                let out = pool.install(|| parser.parse_batch(black_box(&docs)));
                assert_eq!(out.len(), docs.len());
                for (a, e) in out.iter().zip(&expect) {
                    if e.paragraphs > 0 {
                        e.check(a);
                    }
                }
                out
            })
        });
    }
    g.finish();
}

/// `body` repeated (paragraphs kept) under `title` to exactly about `bytes`.
fn scaled(title: &str, body: &str, bytes: usize) -> String {
    let mut s = format!("{title}\n");
    while s.len() < bytes {
        s.push_str(body);
        s.push('\n');
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn scaling(c: &mut Criterion) {
    let parser = Parser::new();
    let en = corpus("en");
    let zh = corpus("zh");
    let sources = [
        ("en", choose(&en, "pdonline_07.txt", |d| d.text.len())),
        ("zh", choose(&zh, "xwlb_11.txt", |d| d.text.len())),
    ];
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for (lang, doc) in sources {
        let (title, body) = doc.text.split_once('\n').unwrap_or(("Title", &doc.text));
        for (label, bytes) in [
            ("1KB", 1 << 10),
            ("10KB", 10 << 10),
            ("100KB", 100 << 10),
            ("1MB", 1 << 20),
        ] {
            let text = scaled(title, body, bytes);
            let expect = Expect::of(&parser.parse(&text));
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(lang, label), &text, |b, text| {
                b.iter(|| {
                    let a = parser.parse(black_box(text));
                    expect.check(&a);
                    a
                })
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = articles, whole_corpus, batch, scaling
}
criterion_main!(benches);
