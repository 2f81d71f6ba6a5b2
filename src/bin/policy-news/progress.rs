//! The progress line on stderr (only when stderr is a terminal) and the summary.

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Counts of the run.
#[derive(Debug, Default)]
pub struct Stats {
    /// Documents written (articles and errors).
    pub documents: u64,
    /// Documents that failed.
    pub errors: u64,
}

/// A progress line redrawn at most ten times a second.
pub struct Progress {
    enabled: bool,
    total: Option<u64>,
    bytes: Arc<AtomicU64>,
    start: Instant,
    last: Cell<Instant>,
    drawn: Cell<bool>,
}

const MB: f64 = 1_000_000.0;

impl Progress {
    /// A progress line; drawn only when stderr is a terminal and not `quiet`.
    pub fn new(quiet: bool, total: Option<u64>, bytes: Arc<AtomicU64>) -> Progress {
        let now = Instant::now();
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
            total,
            bytes,
            start: now,
            last: Cell::new(now),
            drawn: Cell::new(false),
        }
    }

    /// Redraws the line when it is due.
    pub fn tick(&self, stats: &Stats) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.last.get()) < Duration::from_millis(100) {
            return;
        }
        self.last.set(now);
        let secs = now.duration_since(self.start).as_secs_f64().max(1e-3);
        let bytes = self.bytes.load(Ordering::Relaxed);
        let rate = bytes as f64 / secs;
        let mut line = format!(
            "{} articles, {} errors, {:.1} MB, {:.1} MB/s, {:.0} articles/s",
            stats.documents - stats.errors,
            stats.errors,
            bytes as f64 / MB,
            rate / MB,
            stats.documents as f64 / secs,
        );
        if let Some(total) = self.total.filter(|t| *t > 0) {
            let pct = (bytes as f64 / total as f64 * 100.0).min(100.0);
            line.push_str(&format!(", {pct:.0}%"));
            if rate > 0.0 && bytes < total {
                let eta = ((total - bytes) as f64 / rate) as u64;
                line.push_str(&format!(", ETA {}:{:02}", eta / 60, eta % 60));
            }
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{line}");
        let _ = err.flush();
        self.drawn.set(true);
    }

    /// Erases the line (before another message, and at the end).
    pub fn clear(&self) {
        if self.drawn.replace(false) {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }

    /// The one-line summary.
    pub fn summary(&self, stats: &Stats, elapsed: Duration) {
        let secs = elapsed.as_secs_f64().max(1e-3);
        let mb = self.bytes.load(Ordering::Relaxed) as f64 / MB;
        let _ = writeln!(
            std::io::stderr(),
            "policy-news: {} articles, {} errors, {:.2} s, {:.1} MB, {:.1} MB/s",
            stats.documents - stats.errors,
            stats.errors,
            secs,
            mb,
            mb / secs,
        );
    }
}
