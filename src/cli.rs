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
        /// Build a union's own site instead (its file name in content/unions/), into --output
        /// (default ROOT/public-UNION).
        #[arg(long, conflicts_with = "all_sites")]
        site: Option<String>,
        /// Build the city site and every union's own site from one load: the city's into
        /// --output, each union's beside it (public-xuhui …); nothing is written unless all succeed.
        #[arg(long)]
        all_sites: bool,
    },
    /// Run every step of build (content, templates, links, the output folder) without writing anything.
    Check {
        #[command(flatten)]
        common: Common,
        /// The output folder build would write (default ROOT/public): checked by build's rules.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Check only this union's own site (every site is checked without it).
        #[arg(long)]
        site: Option<String>,
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
        /// Preview a union's own site (its file name in content/unions/).
        #[arg(long)]
        site: Option<String>,
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

/// A usage error said in Chinese, as the rest of the tool speaks to editors: what was wrong, the
/// values allowed or the closest name, and where to read more. `None` for what clap says best
/// itself (help, version) and for the rare kinds not translated here.
pub fn chinese_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let text = |k: K| match e.get(k)? {
        V::String(s) => Some(s.clone()),
        V::Strings(v) => Some(v.join("、")),
        V::StyledStr(s) => Some(s.to_string()),
        V::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(K::InvalidArg);
    let mut out = match e.kind() {
        ErrorKind::UnknownArgument => format!("这个命令没有参数 `{}`", arg?),
        ErrorKind::InvalidSubcommand => {
            format!("没有 `{}` 这个命令", text(K::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = arg?;
            let value = text(K::InvalidValue)?;
            let why = value_hint(&arg)
                .map(str::to_string)
                .or_else(|| std::error::Error::source(e).map(|s| s.to_string()));
            match why {
                Some(why) => format!("参数 {arg} 不能是 `{value}`：{why}"),
                None => format!("参数 {arg} 不能是 `{value}`"),
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数 {}", arg?),
        ErrorKind::ArgumentConflict => {
            format!("参数 {} 和 {} 不能同时使用", arg?, text(K::PriorArg)?)
        }
        _ => return None,
    };
    if let Some(valid) = text(K::ValidValue) {
        out.push_str(&format!("；可以写：{valid}"));
    }
    if let Some(near) = text(K::SuggestedArg).or_else(|| text(K::SuggestedSubcommand)) {
        out.push_str(&format!("\n  是不是想写 `{near}`？"));
    }
    out.push_str("\n\n各个命令和参数的说明：gongjiang --help，或在命令后面加 --help");
    Some(out)
}

/// What a value of this argument must look like, where the parser's own reason is English.
fn value_hint(arg: &str) -> Option<&'static str> {
    Some(match arg {
        "<YEAR>" | "--cohort <COHORT>" => "年份用阿拉伯数字，如 2026",
        "--port <PORT>" => "端口是 0 到 65535 之间的数字，如 1111",
        "--bind <BIND>" => "写一个 IP 地址：127.0.0.1 只有本机能看，0.0.0.0 局域网里都能看",
        "--idle-timeout <IDLE_TIMEOUT>" => "写秒数，如 30",
        _ => return None,
    })
}
