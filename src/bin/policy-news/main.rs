//! `policy-news`: parse policy-speech news into JSON lines or flat CSV tables.
//!
//! A thin shell over the library: inputs are read with `policy_news::read`, parsed
//! with `Parser::parse_stream_map` (parallel, in order, bounded memory) and written
//! as they come. See `policy-news parse --help` and the README.
//!
//! Exit codes: 0 every document parsed; 1 some documents failed (each has an error
//! record in the output, and a line on stderr); 2 usage error, or the output could
//! not be written; 130 interrupted.

mod input;
mod output;
mod progress;
mod table;

use clap::{Parser as ClapParser, Subcommand, ValueEnum};
use policy_news::{Date, Lang, Parser};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(ClapParser, Debug)]
#[command(
    name = "policy-news",
    version,
    about = "Turn policy-speech news into structured data",
    after_help = "Exit codes: 0 all documents parsed, 1 some documents failed, \
                  2 usage error or output not writable, 130 interrupted."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse documents; write one line (or table rows) per document, in input order.
    ///
    /// INPUT is a text file (one document, id = the path as given), a .jsonl or
    /// .ndjson file of {"id", "text", "published"?, "lang"?} records, a directory
    /// (its .txt, .jsonl and .ndjson files, recursively, in sorted order), or `-`
    /// for standard input. Standard input and other files named here are read as
    /// JSON lines if they start with `{`, else as one text document. No INPUT reads standard input. Text may be UTF-8, UTF-16 with a
    /// byte-order mark, or GB18030/GBK.
    ///
    /// A document that cannot be read (a missing path, undecodable bytes, a bad
    /// record) gives an error record {"id", "error": {"kind", "message", ...}} in
    /// its place and makes the exit code 1; the other documents are still parsed.
    Parse(ParseArgs),
}

/// Options of `policy-news parse`.
#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Write to FILE instead of standard output. The file appears complete or not
    /// at all: output goes to a temporary file beside it, renamed at the end. A
    /// device or named pipe (`/dev/null`) is written to directly.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Output format: JSON lines, or CSV with a header row.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,

    /// Write one flat table, one row per item, each with the article id. Without
    /// it, JSON lines are whole articles and CSV is the `articles` table.
    #[arg(long, value_enum)]
    table: Option<table::Table>,

    /// Date that anchors years when neither the text nor the record gives one.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<Date>,

    /// Publication date of every document that does not carry its own (all text
    /// files; JSON records without "published").
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<Date>,

    /// Language of every document (en or zh) instead of detecting it; a record's
    /// own "lang" still wins.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,

    /// Worker threads (default: one per CPU).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Documents parsed per chunk; memory is bounded by a few chunks.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..), hide = true)]
    chunk: u32,

    /// No progress bar, no summary, no error lines on stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.message().to_string())
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.message().to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(args) => run_parse(args),
    }
}

/// Exit code for usage errors and fatal output errors.
const EXIT_USAGE: u8 = 2;

fn fatal(msg: std::fmt::Arguments<'_>) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "policy-news: {msg}");
    ExitCode::from(EXIT_USAGE)
}

fn run_parse(args: ParseArgs) -> ExitCode {
    let started = Instant::now();
    if let Some(n) = args.jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
        {
            return fatal(format_args!("cannot start {n} worker threads: {e}"));
        }
    }
    let mut builder = Parser::builder();
    if let Some(d) = args.reference_date {
        builder = builder.reference_date(d.to_string());
    }
    if let Some(l) = args.lang {
        builder = builder.lang(l);
    }
    let parser = match builder.build() {
        Ok(p) => p,
        Err(e) => return fatal(format_args!("{e}")),
    };
    let table = match (args.format, args.table) {
        (_, Some(t)) => Some(t),
        (Format::Csv, None) => Some(table::Table::Articles),
        (Format::Jsonl, None) => None,
    };

    let reads_stdin = args.inputs.is_empty() || args.inputs.iter().any(|p| p.as_os_str() == "-");
    if reads_stdin && !args.quiet && std::io::stdin().is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "policy-news: reading standard input (end with Ctrl-D; see --help for files)"
        );
    }
    let inputs = input::Inputs::new(&args.inputs, args.published);
    let progress = progress::Progress::new(args.quiet, inputs.total_bytes(), inputs.counter());
    let mut sink = match output::Sink::open(args.output.as_deref()) {
        Ok(s) => s,
        Err(e) => return fatal(format_args!("{e}")),
    };

    let format = args.format;
    let render = move |r| table::render(r, format, table);
    let mut stats = progress::Stats::default();
    let mut result = Ok(());
    if format == Format::Csv {
        if let Some(t) = table {
            result = sink.write_all(&table::csv_header(t));
        }
    }
    if result.is_ok() {
        for out in parser.parse_stream_map(inputs, args.chunk as usize, render) {
            stats.documents += 1;
            if let Some(e) = &out.error {
                stats.errors += 1;
                if !args.quiet {
                    progress.clear();
                    let _ = writeln!(std::io::stderr(), "policy-news: {e}");
                }
            }
            if let Err(e) = sink.write_all(&out.bytes) {
                result = Err(e);
                break;
            }
            progress.tick(&stats);
        }
    }
    progress.clear();
    let result = result.and_then(|()| sink.finish());
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            // `policy-news parse … | head`: the reader has what it wanted.
            return ExitCode::SUCCESS;
        }
        Err(e) => return fatal(format_args!("cannot write output: {e}")),
    }
    if !args.quiet {
        progress.summary(&stats, started.elapsed());
    }
    if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
