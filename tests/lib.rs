//! Integration tests: one binary (see `Cargo.toml`, `autotests = false`).

mod api;
mod zh_props;
