//! Integration tests: one binary (see `Cargo.toml`, `autotests = false`).

mod adversarial;
mod api;
mod fixtures;
mod properties;
mod spans;
mod zh_props;
