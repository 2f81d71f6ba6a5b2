//! Cost against length on hostile input: each generator at 10 KB, 100 KB and 1 MB.
//! Throughput (MB/s) that stays flat across sizes means the cost is linear; MB/s
//! that falls by 10x per 10x of input means it is quadratic.
//!
//! `lists_one_line` (a real article body, lists included, repeated on one line) and
//! `quotes_distinct` (n different quoted terms) are only run up to 100 KB: today
//! both are quadratic (see `tests/adversarial.rs::many_lists_in_one_paragraph` and
//! `many_distinct_quoted_terms`), and 1 MB would take minutes.
//!
//! `cargo bench --bench adversarial`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use policy_news::Parser;
use std::hint::black_box;
use std::time::Duration;

const SEED: &str = include_str!("../fixtures/en/seed_bast_district_branches.txt");

fn body_line() -> String {
    let body = SEED.split_once('\n').map_or(SEED, |(_, b)| b);
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn without_lists(s: &str) -> String {
    let mut s = s.to_string();
    for m in [
        "Firstly, ",
        "firstly, ",
        "Secondly, ",
        "Thirdly, ",
        "Lastly, ",
    ] {
        s = s.replace(m, "Also, ");
    }
    s
}

/// `unit` repeated after a headline until the text reaches `bytes`.
fn fill(unit: &str, bytes: usize) -> String {
    let mut s = String::from("Title\n");
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

type Gen = fn(usize) -> String;

fn generators() -> Vec<(&'static str, Gen)> {
    vec![
        ("quotes_open", |n| fill("“", n)),
        ("quotes_unbalanced", |n| fill("“x y z ", n)),
        ("quotes_pairs", |n| fill("“four services” and ", n)),
        ("firstly", |n| fill("Firstly, ", n)),
        ("date_lines", |n| {
            fill("On October 13, 2020.\n2020年10月13日上午\n", n)
        }),
        ("cjk_punct", |n| fill("。，、；：？！“”《》（）【】", n)),
        ("nul", |n| fill("\0", n)),
        ("credits", |n| {
            fill(
                "Zhang Wei attends a meeting. (Xinhua/Li Tao) The meeting was held. ",
                n,
            )
        }),
        ("body_one_line", |n| {
            fill(&(without_lists(&body_line()) + " "), n)
        }),
        ("body_paragraphs", |n| fill(&(body_line() + "\n"), n)),
    ]
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10)
}

fn hostile(c: &mut Criterion) {
    let parser = Parser::new();
    let mut g = c.benchmark_group("hostile");
    for (name, gen) in generators() {
        for (label, bytes) in [("10KB", 10 << 10), ("100KB", 100 << 10), ("1MB", 1 << 20)] {
            let text = gen(bytes);
            let paras = parser.parse(&text).paragraphs.len();
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, label), &text, |b, text| {
                b.iter(|| {
                    let a = parser.parse(black_box(text));
                    assert_eq!(a.paragraphs.len(), paras);
                    a
                })
            });
        }
    }
    // Quadratic today: stop at 100 KB.
    let unit = body_line() + " ";
    for (label, bytes) in [("10KB", 10 << 10), ("30KB", 30 << 10), ("100KB", 100 << 10)] {
        let text = fill(&unit, bytes);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("lists_one_line", label),
            &text,
            |b, text| {
                b.iter(|| {
                    let a = parser.parse(black_box(text));
                    assert!(!a.paragraphs.is_empty());
                    a
                })
            },
        );
    }
    // Quadratic today (`src/extract/quotes.rs` folds terms by linear search): stop
    // at 100 KB.
    for (label, n) in [("10KB", 700), ("30KB", 2_100), ("100KB", 7_000)] {
        let body: Vec<String> = (0..n).map(|i| format!("“term{i}”")).collect();
        let text = format!("Title\n{}", body.join(" "));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("quotes_distinct", label),
            &text,
            |b, text| {
                b.iter(|| {
                    let a = parser.parse(black_box(text));
                    assert_eq!(a.quoted_terms.len(), n);
                    a
                })
            },
        );
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = hostile
}
criterion_main!(benches);
