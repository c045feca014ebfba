//! Integration tests: fixture sites under tests/fixtures/, built through the library and the `gongjiang` binary.

mod bad_input;
mod build;
mod incremental;
mod links;
mod matrix;
mod names;
mod output;
mod scaffold;
mod search;
mod serve;
mod stats;
mod support;
mod theme;
