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
        /// Where the site is written (default ROOT/public): a folder gongjiang made, an empty one
        /// or a new one; replaced as a whole (keeping its .git) only when the build succeeds.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override `base_url` from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Run every step of build (content, templates, links, the output folder) without writing anything.
    Check {
        #[command(flatten)]
        common: Common,
        /// The output folder build would write (default ROOT/public): checked by build's rules.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Write a new content file with every field explained: `new craftsman 张伟`, `new story 标题`, `new cohort 2026`.
    New {
        #[command(subcommand)]
        what: NewKind,
        /// The site folder, holding content/.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
    },
    /// Write a new site that builds at once (the default theme is built in).
    Init {
        /// The folder to create (must be empty or not exist).
        dir: PathBuf,
        /// Also write the default theme's files into themes/default/ for editing.
        #[arg(long)]
        theme_copy: bool,
    },
    /// Preview the site: build into memory, serve it, rebuild and reload pages on every save.
    Serve {
        /// The site folder, holding content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Address to listen on; loopback (this computer only) by default. 0.0.0.0 lets every
        /// device on the network see the unpublished preview: only on a trusted network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the preview in the browser.
        #[arg(long)]
        open: bool,
        /// Include withdrawn profiles (`published: false`).
        #[arg(long)]
        drafts: bool,
        /// Scan for changes instead of waiting for file events (network shares, some containers).
        #[arg(long)]
        poll: bool,
        /// Seconds a connection may stay silent before it is closed (tests shorten it).
        #[arg(long, hide = true, default_value_t = gongjiang::serve::IDLE.as_secs(), value_parser = clap::value_parser!(u64).range(1..=3600))]
        idle_timeout: u64,
    },
}

/// What `new` creates.
#[derive(Debug, Subcommand)]
pub enum NewKind {
    /// A craftsman's profile, named by the person's name.
    Craftsman {
        name: String,
        /// The cohort year (default: this year).
        #[arg(long)]
        cohort: Option<i32>,
    },
    /// A skills story.
    Story { title: String },
    /// A cohort file for a year.
    Cohort { year: i32 },
}
