//! The `gongjiang` command: parse the arguments, run the command, turn the result into an exit code.

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

/// Rendering allocates and frees many small strings from several threads: mimalloc does that
/// faster than the system allocator and keeps less memory around between pages.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            match cli::chinese_error(&e) {
                Some(message) => eprintln!("错误：{message}"),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match &cli.command {
        cli::Command::Build {
            common,
            output,
            base_url,
            site,
            all_sites,
        } => cmd::build::run(
            common,
            output.clone(),
            base_url.clone(),
            cmd::build::Which::of(site.clone(), *all_sites),
        ),
        cli::Command::Check {
            common,
            output,
            site,
        } => cmd::check::run(common, output.clone(), site.clone()),
        cli::Command::New { what, root } => cmd::new::run(root, what),
        cli::Command::Init { dir, theme_copy } => cmd::init::run(dir, *theme_copy),
        cli::Command::Serve {
            root,
            bind,
            port,
            open,
            drafts,
            poll,
            site,
            idle_timeout,
        } => cmd::serve::run(gongjiang::serve::Options {
            root: root.clone(),
            bind: *bind,
            port: *port,
            open: *open,
            drafts: *drafts,
            poll: *poll,
            site: site.clone(),
            idle: std::time::Duration::from_secs(*idle_timeout),
        }),
    };
    match result {
        Ok(cmd::Outcome::Success) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::ContentErrors) => ExitCode::from(1),
        Err(message) => {
            eprintln!("错误：{message}");
            ExitCode::from(2)
        }
    }
}
