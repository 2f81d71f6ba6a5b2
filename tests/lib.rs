//! Integration tests: one binary (see `Cargo.toml`, `autotests = false`).

mod api;
#[cfg(feature = "cli")]
mod cli;
mod fixtures;
mod zh_props;
