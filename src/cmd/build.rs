//! `gongjiang build`: check everything, render, and swap the new site (or sites) in atomically.

use super::{report, Outcome};
use crate::cli::{Common, Format};
use gongjiang::config::Overrides;
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::{output, pipeline};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Which sites a build makes.
pub enum Which {
    /// The city site.
    City,
    /// One union's own site.
    Union(String),
    /// The city site and every union's own site.
    All,
}

impl Which {
    pub fn of(site: Option<String>, all: bool) -> Which {
        match (site, all) {
            (_, true) => Which::All,
            (Some(slug), false) => Which::Union(slug),
            (None, false) => Which::City,
        }
    }
}

pub fn run(
    common: &Common,
    output_dir: Option<PathBuf>,
    base_url: Option<String>,
    which: Which,
) -> Result<Outcome, String> {
    let started = Instant::now();
    let out = output_dir.unwrap_or_else(|| match &which {
        Which::Union(slug) => common.root.join(format!("public-{slug}")),
        _ => common.root.join("public"),
    });
    output::check_target(&common.root, &out)?;
    let opts = LoadOptions {
        drafts: common.drafts,
        overrides: Overrides { base_url },
        site: match &which {
            Which::Union(slug) => Some(slug.clone()),
            _ => None,
        },
        ..LoadOptions::default()
    };
    let mut diags = Diagnostics::new();
    if let Which::All = which {
        let built =
            pipeline::build_all(&common.root, &opts, &out, common.deny_warnings, &mut diags);
        let outcome = report(common, diags);
        let Some(built) = built? else {
            failed(common, &out);
            return Ok(Outcome::ContentErrors);
        };
        for (folder, w) in &built {
            done(common, &w.site, w.files, folder, started);
        }
        return Ok(outcome);
    }
    // Files are written as they are rendered, into a scratch folder swapped in at the end.
    let built = pipeline::build(&common.root, &opts, &out, common.deny_warnings, &mut diags);
    let outcome = report(common, diags);
    let Some(built) = built? else {
        failed(common, &out);
        return Ok(Outcome::ContentErrors);
    };
    done(common, &built.site, built.files, &out, started);
    Ok(outcome)
}

fn failed(common: &Common, out: &Path) {
    if common.format == Format::Human {
        eprintln!("构建失败：没有写入任何文件，{} 保持原样", out.display());
    }
}

fn done(
    common: &Common,
    site: &gongjiang::model::site::Site,
    files: usize,
    out: &Path,
    started: Instant,
) {
    if common.format == Format::Human {
        eprintln!(
            "已生成 {} 个文件（{} 位工匠，{} 个批次，{} 篇故事）到 {}，用时 {} 毫秒",
            files,
            site.craftsmen.len(),
            site.cohorts.len(),
            site.stories.len(),
            out.display(),
            started.elapsed().as_millis()
        );
    }
}
