//! Integration tests: fixture sites under tests/fixtures/, built through the library and the `gongjiang` binary.

mod bad_input;
mod build;
mod names;
mod search;
mod stats;
mod support;
mod theme;
