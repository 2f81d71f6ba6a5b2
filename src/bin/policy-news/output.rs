//! Where the output goes: standard output, or a file that appears complete or not
//! at all (written to a temporary file beside it and renamed at the end; removed
//! on failure, on drop and on SIGINT, SIGTERM or SIGHUP). A path that is not a
//! regular file (`/dev/null`, a named pipe) is written to as it is: renaming a
//! file over it would replace the device or pipe itself. A symbolic link keeps
//! pointing where it did: the file it leads to is the one replaced.

use std::fs::File;
use std::io::{BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

const BUF: usize = 1 << 16;

/// The temporary file of the run, for the signal handler to remove.
static TEMP: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The output of a run.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<StdoutLock<'static>>),
    /// A device or pipe, written to directly.
    Direct(BufWriter<File>),
    /// A temporary file, renamed to `target` by [`Sink::finish`].
    File {
        writer: BufWriter<File>,
        temp: PathBuf,
        target: PathBuf,
        done: bool,
    },
}

impl Sink {
    /// Standard output (`None`) or a new temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> Result<Sink, String> {
        let Some(target) = path else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(
                BUF,
                std::io::stdout().lock(),
            )));
        };
        // What the path leads to, if it exists (links followed).
        if let Ok(meta) = std::fs::metadata(target) {
            if !meta.is_file() {
                let file = File::options()
                    .write(true)
                    .open(target)
                    .map_err(|e| format!("{}: cannot open: {e}", target.display()))?;
                return Ok(Sink::Direct(BufWriter::with_capacity(BUF, file)));
            }
        }
        let is_link = std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink());
        let resolved;
        let target = if is_link {
            resolved = std::fs::canonicalize(target)
                .map_err(|e| format!("{}: cannot follow the link: {e}", target.display()))?;
            resolved.as_path()
        } else {
            target
        };
        let name = target
            .file_name()
            .ok_or_else(|| format!("{}: not a file name", target.display()))?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = dir.join(format!(
            ".{}.{}.part",
            name.to_string_lossy(),
            std::process::id()
        ));
        install_signal_handler();
        let mut slot = TEMP.lock().unwrap_or_else(|e| e.into_inner());
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| format!("{}: cannot create: {e}", temp.display()))?;
        *slot = Some(temp.clone());
        Ok(Sink::File {
            writer: BufWriter::with_capacity(BUF, file),
            temp,
            target: target.to_path_buf(),
            done: false,
        })
    }

    /// Writes bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(bytes),
            Sink::Direct(w) => w.write_all(bytes),
            Sink::File { writer, .. } => writer.write_all(bytes),
        }
    }

    /// Flushes; for a file, syncs it and renames it into place.
    pub fn finish(mut self) -> std::io::Result<()> {
        match &mut self {
            Sink::Stdout(w) => w.flush(),
            Sink::Direct(w) => w.flush(),
            Sink::File {
                writer,
                temp,
                target,
                done,
            } => {
                writer.flush()?;
                writer.get_ref().sync_all()?;
                // Hold the lock so a signal cannot remove the file mid-rename.
                let mut slot = TEMP.lock().unwrap_or_else(|e| e.into_inner());
                std::fs::rename(&*temp, &*target)?;
                *slot = None;
                *done = true;
                Ok(())
            }
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Sink::File { temp, done, .. } = self {
            if !*done {
                let mut slot = TEMP.lock().unwrap_or_else(|e| e.into_inner());
                let _ = std::fs::remove_file(&*temp);
                *slot = None;
            }
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary file and exit 128 + signal.
#[cfg(not(unix))]
fn install_signal_handler() {}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary file and exit 128 + signal.
#[cfg(unix)]
fn install_signal_handler() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let mut slot = TEMP.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(temp) = slot.take() {
                    let _ = std::fs::remove_file(temp);
                }
                let _ = writeln!(std::io::stderr(), "\npolicy-news: interrupted");
                std::process::exit(128 + sig);
            }
        });
    });
}
