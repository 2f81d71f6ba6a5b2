//! Integration tests: one binary (see `Cargo.toml`, `autotests = false`).

mod adversarial;
mod api;
mod properties;
mod spans;
