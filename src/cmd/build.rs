//! `gongjiang build`: check everything, render, and swap the new site in atomically.

use super::{report, Outcome};
use crate::cli::{Common, Format};
use gongjiang::config::Overrides;
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::{output, pipeline};
use std::path::PathBuf;
use std::time::Instant;

pub fn run(
    common: &Common,
    output_dir: Option<PathBuf>,
    base_url: Option<String>,
) -> Result<Outcome, String> {
    let started = Instant::now();
    let out = output_dir.unwrap_or_else(|| common.root.join("public"));
    output::check_target(&common.root, &out)?;
    let opts = LoadOptions {
        drafts: common.drafts,
        overrides: Overrides { base_url },
        ..LoadOptions::default()
    };
    let mut diags = Diagnostics::new();
    // Files are written as they are rendered, into a scratch folder swapped in at the end.
    let built = pipeline::build(&common.root, &opts, &out, common.deny_warnings, &mut diags);
    let outcome = report(common, diags);
    let Some(built) = built? else {
        if common.format == Format::Human {
            eprintln!("构建失败：没有写入任何文件，{} 保持原样", out.display());
        }
        return Ok(Outcome::ContentErrors);
    };
    if common.format == Format::Human {
        eprintln!(
            "已生成 {} 个文件（{} 位工匠，{} 个批次，{} 篇故事）到 {}，用时 {} 毫秒",
            built.files,
            built.site.craftsmen.len(),
            built.site.cohorts.len(),
            built.site.stories.len(),
            out.display(),
            started.elapsed().as_millis()
        );
    }
    Ok(outcome)
}
