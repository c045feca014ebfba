//! `gongjiang serve`: build into memory, serve on loopback, rebuild on every save, reload open pages, show errors over them.

pub mod server;
pub mod state;
pub mod watch;

use crate::config::Overrides;
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::model::site::{LoadOptions, ParseCache};
use crate::pipeline;
use state::{Change, Served};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, RwLock};
use std::time::Instant;
use tokio::sync::broadcast;
use watch::ChangeKind;

/// How the preview runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
    pub drafts: bool,
    pub poll: bool,
}

/// The server's own state: the built site and the channel that tells open pages about changes.
pub struct App {
    pub state: RwLock<Served>,
    pub events: broadcast::Sender<String>,
    last_change: RwLock<Change>,
    /// Pages of earlier builds, reused when their input is unchanged.
    pages: crate::render::cache::RenderCache,
}

impl App {
    fn new() -> App {
        App {
            state: RwLock::new(Served::default()),
            events: broadcast::channel(64).0,
            last_change: RwLock::new(Change::Pages),
            pages: Default::default(),
        }
    }

    /// The message pages receive: ok, version, whether only stylesheets changed, and the current problems.
    pub fn status_json(&self) -> String {
        let s = self.state.read().unwrap_or_else(|e| e.into_inner());
        let css_only =
            *self.last_change.read().unwrap_or_else(|e| e.into_inner()) == Change::CssOnly;
        serde_json::json!({
            "type": "status",
            "ok": s.ok,
            "ever_built": s.ever_built,
            "version": s.version,
            "css_only": css_only,
            "diagnostics": s.diagnostics,
        })
        .to_string()
    }
}

/// Builds once and records the result; prints problems as `check` does. Returns whether it succeeded.
pub fn rebuild(app: &App, root: &Path, opts: &LoadOptions) -> bool {
    let started = Instant::now();
    let mut diags = Diagnostics::new();
    let result = pipeline::run_cached(root, opts, Some(&app.pages), &mut diags);
    let sorted = diags.into_sorted();
    for d in &sorted {
        eprintln!("{}\n", diag::render_human(d, false));
    }
    let ok = {
        let mut s = app.state.write().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok(Some(built)) => {
                let change = s.replace(built.files, sorted);
                *app.last_change.write().unwrap_or_else(|e| e.into_inner()) = change;
                eprintln!("已重新生成（{} 毫秒）", started.elapsed().as_millis());
                true
            }
            Ok(None) => {
                let errors = sorted.iter().filter(|d| d.is_error()).count();
                s.fail(sorted);
                eprintln!("有 {errors} 处错误，网页保持上一次成功的版本");
                false
            }
            Err(e) => {
                s.fail(vec![Diagnostic::error("serve.io", e.clone())]);
                eprintln!("错误：{e}");
                false
            }
        }
    };
    let _ = app.events.send(app.status_json());
    ok
}

/// Runs the preview until interrupted. Errors are operational (the port is taken, the folder unreadable).
pub fn run(opts: Options) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("无法启动服务：{e}"))?;
    runtime.block_on(serve(opts))
}

async fn serve(mut opts: Options) -> Result<(), String> {
    if !opts.root.join("content").is_dir() {
        return Err(format!(
            "找不到内容文件夹 {}/content（用 --root 指定站点文件夹）",
            opts.root.display()
        ));
    }
    // File events carry absolute paths; classify them against an absolute root.
    opts.root = opts
        .root
        .canonicalize()
        .map_err(|e| format!("无法读取 {}：{e}", opts.root.display()))?;
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("无法在 {addr} 上监听：{e}（端口被占用时可换一个：--port 1112）"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let shown = if opts.bind.is_unspecified() {
        SocketAddr::new([127, 0, 0, 1].into(), local.port())
    } else {
        local
    };
    let url = format!("http://{shown}/");
    if !opts.bind.is_loopback() {
        eprintln!(
            "警告：--bind {} 让同一网络里的其他设备也能打开预览；预览只应在可信的办公网络里使用。",
            opts.bind
        );
    }
    let load = LoadOptions {
        drafts: opts.drafts,
        overrides: Overrides {
            base_url: Some(url.clone()),
        },
        this_year: None,
        cache: Some(Arc::new(ParseCache::default())),
    };
    // Watch before the first build, so that no save from here on is missed.
    let (tx, rx) = mpsc::channel();
    let _watching = watch::watch(&opts.root, opts.poll, tx)?;
    let app = Arc::new(App::new());
    rebuild(&app, &opts.root, &load);
    println!("预览地址：{url}");
    println!("serving {url}");
    let worker_app = app.clone();
    let root = opts.root.clone();
    std::thread::spawn(move || rebuild_loop(&worker_app, &root, &load, rx));
    if opts.open {
        open_browser(&url);
    }
    axum::serve(listener, server::router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("服务出错：{e}"))
}

/// How long the folders must stay quiet before a rebuild starts.
const QUIET: std::time::Duration = std::time::Duration::from_millis(25);
/// More changed paths than this in one batch make a burst.
const BURST: usize = 16;
/// How long a burst must stay quiet.
const BURST_QUIET: std::time::Duration = std::time::Duration::from_millis(400);

/// Waits for changes; a burst (a `git pull`) collapses into one rebuild with the final state.
fn rebuild_loop(app: &App, root: &Path, load: &LoadOptions, rx: mpsc::Receiver<Vec<PathBuf>>) {
    while let Ok(first) = rx.recv() {
        let mut paths = first;
        // A single save settles at once; a burst (many paths) waits for a longer quiet spell so
        // that it ends in one rebuild with the final state.
        while let Ok(more) = rx.recv_timeout(if paths.len() > BURST {
            BURST_QUIET
        } else {
            QUIET
        }) {
            paths.extend(more);
        }
        if watch::classify_batch(root, &paths) == ChangeKind::Ignored {
            continue;
        }
        rebuild(app, root, load);
    }
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        eprintln!("无法自动打开浏览器，请手动访问 {url}");
    }
}
