//! Fuzzes the parser with arbitrary bytes, decoded lossily to text.
//!
//! Asserts: no panic; every span in range, on character boundaries and covering its
//! value (the same check as the integration tests, `tests/spans.rs`); the same input
//! parses to the same article twice.
//!
//! The first byte picks how the parser is called, so both language pipelines and the
//! date anchors are exercised on any input: bit 0-1 the language (detected, English,
//! Chinese), bit 2 a caller publication date.

#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_news::{Lang, Meta, Parser};
use std::sync::OnceLock;

#[path = "../../tests/spans.rs"]
mod spans;

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(Parser::new)
}

fuzz_target!(|data: &[u8]| {
    let (mode, rest) = match data.split_first() {
        Some((m, r)) => (*m, r),
        None => (0, data),
    };
    let text = String::from_utf8_lossy(rest);
    let mut meta = Meta::new();
    match mode & 3 {
        1 => meta = meta.lang(Lang::En),
        2 => meta = meta.lang(Lang::Zh),
        _ => {}
    }
    if mode & 4 != 0 {
        meta = meta.published("2021-01-15".parse().unwrap());
    }
    let p = parser();
    let a = p.parse_with(&text, &meta);
    if let Err(e) = spans::check(&text, &a) {
        panic!("bad span: {e}");
    }
    let b = p.parse_with(&text, &meta);
    assert!(a == b, "parsing is not deterministic");
});
