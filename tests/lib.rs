//! Integration tests: one binary (see `Cargo.toml`, `autotests = false`).

mod adversarial;
mod api;
#[cfg(feature = "cli")]
mod cli;
mod fixtures;
mod properties;
mod spans;
mod zh_props;
