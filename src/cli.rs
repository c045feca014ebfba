//! The command line: commands and their arguments (clap derive).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "gongjiang", version, about = "工匠 —— 把工匠资料（Markdown）和批次名单（YAML）生成网站", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text with the source line and a caret (default).
    Human,
    /// One JSON object per line: severity, code, file, line, column, message, hint.
    Json,
}

/// Arguments `build` and `check` share.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The site folder, holding content/ and themes/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include withdrawn profiles (`published: false`).
    #[arg(long)]
    pub drafts: bool,
    /// How problems are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors (exit 1).
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (default ROOT/public).
    Build {
        #[command(flatten)]
        common: Common,
        /// Where the site is written; replaced as a whole only when the build succeeds.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override `base_url` from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Run every step of build (content, templates, links) without writing anything.
    Check {
        #[command(flatten)]
        common: Common,
    },
}
