//! `policy-news`: parse policy-speech news into JSONL.
//!
//! `policy-news parse INPUT.jsonl` reads records `{"id", "text", "published"?}` and
//! writes one Article per line, in order.

use clap::{Parser as ClapParser, Subcommand};
use policy_news::{Date, Document, Lang, Parser};
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

#[derive(ClapParser, Debug)]
#[command(
    name = "policy-news",
    version,
    about = "Turn policy-speech news into structured data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse a JSONL file of {"id", "text", "published"?, "lang"?} records.
    Parse {
        /// Input JSONL file.
        input: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { input } => run_parse(&input),
    }
}

fn run_parse(input: &std::path::Path) -> ExitCode {
    let parser = Parser::new();
    let file = match std::fs::File::open(input) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("policy-news: {}: {e}", input.display());
            return ExitCode::from(2);
        }
    };
    let mut docs = Vec::new();
    let mut failed = false;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("policy-news: {}:{}: {e}", input.display(), n + 1);
                failed = true;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("policy-news: {}:{}: {e}", input.display(), n + 1);
                failed = true;
                continue;
            }
        };
        let mut d = Document::new(v["text"].as_str().unwrap_or(""));
        d.id = v["id"].as_str().map(str::to_string);
        d.published = v["published"].as_str().and_then(|s| s.parse::<Date>().ok());
        d.lang = v["lang"].as_str().and_then(|s| s.parse::<Lang>().ok());
        docs.push(d);
    }
    let out = parser.parse_batch(&docs);
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    for a in out {
        if serde_json::to_writer(&mut w, &a).is_err() || w.write_all(b"\n").is_err() {
            return ExitCode::SUCCESS;
        }
    }
    let _ = w.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
