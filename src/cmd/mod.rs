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

/// Prints diagnostics (human to stderr, JSON lines to stdout) and decides the outcome. Repeats
/// of one code in one file are collapsed ([`diag::collapse`]); the counts and the outcome still
/// count every problem.
pub fn report(common: &Common, diags: Diagnostics) -> Outcome {
    let errors = diags.error_count();
    let warnings = diags.warning_count();
    let sorted = diags.into_sorted();
    let entries = diag::collapse(&sorted, diag::SHOWN_PER_CODE);
    match common.format {
        Format::Json => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for e in &entries {
                let _ = writeln!(out, "{}", diag::render_entry_json(e));
            }
            let _ = out.flush();
        }
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut err = std::io::BufWriter::new(std::io::stderr().lock());
            for e in &entries {
                let _ = writeln!(err, "{}\n", diag::render_entry_human(e, color));
            }
            if errors + warnings > 0 {
                let _ = writeln!(err, "{}", diag::summary(errors, warnings));
            }
            if errors == 0 && warnings > 0 && common.deny_warnings {
                let _ = writeln!(
                    err,
                    "用了 --deny-warnings：有警告也算失败，改好警告后再试。"
                );
            }
            let _ = err.flush();
        }
    }
    if errors > 0 || (common.deny_warnings && warnings > 0) {
        Outcome::ContentErrors
    } else {
        Outcome::Success
    }
}
