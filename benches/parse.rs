//! Criterion benchmarks for the parser.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use policy_news::Parser;

const SEED: &str = include_str!("../fixtures/en/seed_bast_district_branches.txt");

fn bench(c: &mut Criterion) {
    let parser = Parser::new();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("seed", |b| {
        b.iter(|| {
            let a = parser.parse(std::hint::black_box(SEED));
            assert!(!a.events.is_empty());
            a
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
