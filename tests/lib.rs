//! Integration tests: one binary (see `Cargo.toml`, `autotests = false`).

mod api;
mod fixtures;
mod zh_props;
