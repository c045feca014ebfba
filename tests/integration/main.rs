//! Integration tests: fixture sites under tests/fixtures/, built through the library and the `gongjiang` binary.

mod bounded;
mod build;
mod escaping;
mod filing;
mod hints;
mod incremental;
mod layers;
mod links;
mod matrix;
mod mistakes;
mod names;
mod output;
mod paging;
mod pictures;
mod positions;
mod privacy;
mod readers;
mod scaffold;
mod search;
mod serve;
mod stats;
mod support;
mod symlinks;
mod theme;
mod transcripts;
mod unmeant;
