//! `gongjiang check`: every step of build, nothing written.

use super::{report, Outcome};
use crate::cli::{Common, Format};
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::{output, pipeline};
use std::path::PathBuf;

pub fn run(
    common: &Common,
    output_dir: Option<PathBuf>,
    site: Option<String>,
) -> Result<Outcome, String> {
    // The output folder is judged as `build` judges it, before anything else, with the same error.
    let out = output_dir.unwrap_or_else(|| common.root.join("public"));
    output::check_target(&common.root, &out)?;
    let opts = LoadOptions {
        drafts: common.drafts,
        site,
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
