//! `gongjiang check`: every step of build, nothing written.

use super::{report, Outcome};
use crate::cli::{Common, Format};
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::pipeline;

pub fn run(common: &Common) -> Result<Outcome, String> {
    let opts = LoadOptions {
        drafts: common.drafts,
        ..LoadOptions::default()
    };
    let mut diags = Diagnostics::new();
    let built = pipeline::check(&common.root, &opts, &mut diags)?;
    let outcome = report(common, diags);
    if built.is_none() {
        return Ok(Outcome::ContentErrors);
    }
    if outcome == Outcome::Success && common.format == Format::Human {
        eprintln!("检查通过：可以构建。");
    }
    Ok(outcome)
}
