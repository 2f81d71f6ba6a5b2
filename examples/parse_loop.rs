//! Parses every `.txt` article of a folder `N` times in one loop, after one warm-up
//! pass, and prints the throughput: the loop that `PERFORMANCE.md` measures under a
//! profiler.
//!
//! ```sh
//! cargo build --release --example parse_loop
//! target/release/examples/parse_loop ../shared/corpus/en 12
//! # instructions of one steady pass: (run with 12 passes - run with 2) / 10
//! valgrind --tool=callgrind --toggle-collect='parse_loop::passes' \
//!     target/release/examples/parse_loop ../shared/corpus/en 12
//! ```

use std::path::PathBuf;
use std::time::Instant;

/// `n` passes over the articles; the number of people found, so nothing is skipped.
#[inline(never)]
fn passes(parser: &policy_news::Parser, texts: &[String], n: usize) -> usize {
    let mut people = 0;
    for _ in 0..n {
        for t in texts {
            people += std::hint::black_box(parser.parse(t)).people.len();
        }
    }
    people
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: parse_loop DIR [PASSES]")?);
    let n: usize = args.next().map_or(Ok(10), |s| s.parse())?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let parser = policy_news::Parser::new();
    passes(&parser, &texts, 1);
    let t = Instant::now();
    let people = passes(&parser, &texts, n);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {bytes} bytes, {n} passes in {secs:.3} s: {:.1} MB/s ({people} people)",
        texts.len(),
        (bytes * n) as f64 / secs / 1e6
    );
    Ok(())
}
