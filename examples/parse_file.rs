//! Parses one article file and prints the article as JSON-like debug output.
//!
//! `cargo run --example parse_file -- path/to/article.txt [published]`

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: parse_file FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut meta = policy_news::Meta::new().id(path.clone());
    if let Some(d) = args.next() {
        match d.parse() {
            Ok(d) => meta = meta.published(d),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let article = policy_news::Parser::new().parse_with(&text, &meta);
    println!("{article:#?}");
}
