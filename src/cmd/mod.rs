//! One thin file per command; `report` prints diagnostics the same way for all of them.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;

use crate::cli::{Common, Format};
use gongjiang::diag::{self, Diagnostics};
use std::io::{IsTerminal, Write};

/// How a command ended, mapped to an exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    ContentErrors,
}

/// Prints diagnostics (human to stderr, JSON lines to stdout) and decides the outcome.
pub fn report(common: &Common, diags: Diagnostics) -> Outcome {
    let errors = diags.error_count();
    let warnings = diags.warning_count();
    let sorted = diags.into_sorted();
    match common.format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            for d in &sorted {
                let _ = writeln!(out, "{}", diag::render_json(d));
            }
        }
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut err = std::io::stderr().lock();
            for d in &sorted {
                let _ = writeln!(err, "{}\n", diag::render_human(d, color));
            }
            if errors + warnings > 0 {
                let _ = writeln!(err, "{}", diag::summary(errors, warnings));
            }
        }
    }
    if errors > 0 || (common.deny_warnings && warnings > 0) {
        Outcome::ContentErrors
    } else {
        Outcome::Success
    }
}
