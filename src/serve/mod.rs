//! `gongjiang serve`: build into memory, serve on loopback, rebuild on every save, reload open pages, show errors over them.

pub mod generation;
mod guard;
pub(crate) mod listen;
pub mod rebuild;
pub(crate) mod server;
pub(crate) mod snapshot;
pub(crate) mod state;
pub(crate) mod status;
pub(crate) mod watch;

use crate::config::Overrides;
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::model::parse_cache::ParseCache;
use crate::model::site::LoadOptions;
use rebuild::Rebuilder;
use state::{Change, Served};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, RwLock};
use std::time::{Duration, Instant};
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
    /// The union whose own site is previewed (its file name); `None` previews the city site.
    pub site: Option<String>,
    /// How long a connection may stay silent: waiting for (the rest of) a request, or, for the
    /// live-reload WebSocket, without answering the pings sent every half of it.
    pub idle: Duration,
}

/// How long connections may stay silent unless told otherwise: longer than any pause a working
/// browser makes, short enough that abandoned connections do not pile up.
pub const IDLE: Duration = Duration::from_secs(30);

/// The server's own state: the built site and the channel that tells open pages about changes.
pub struct App {
    pub state: RwLock<Served>,
    pub events: broadcast::Sender<String>,
    last_change: RwLock<Change>,
    /// How long a live-reload socket may stay silent (see [`Options::idle`]).
    pub idle: Duration,
}

impl App {
    fn new(idle: Duration) -> App {
        App {
            state: RwLock::new(Served::default()),
            events: broadcast::channel(64).0,
            last_change: RwLock::new(Change::Pages),
            idle,
        }
    }

    /// The status pages receive, as JSON (see [`status::Status`] for its fields).
    pub fn status_json(&self) -> String {
        let s = self.state.read().unwrap_or_else(|e| e.into_inner());
        let change = *self.last_change.read().unwrap_or_else(|e| e.into_inner());
        status::Status::of(&s, change).to_json()
    }
}

/// Prints problems to the terminal as `check` does: repeats of one code in one file collapsed.
fn print(sorted: &[Diagnostic]) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for e in diag::collapse(sorted, diag::SHOWN_PER_CODE) {
        let _ = writeln!(err, "{}\n", diag::render_entry_human(&e, false));
    }
    let _ = err.flush();
}

/// Builds once (after `changed` paths changed; `None`: everything) and records the result; prints
/// problems as `check` does. Returns the new site when it succeeded.
pub fn rebuild(
    app: &App,
    rebuilder: &mut Rebuilder,
    changed: Option<&[PathBuf]>,
    change: Change,
) -> Option<Arc<generation::Generation>> {
    let started = Instant::now();
    let mut diags = Diagnostics::new();
    let result = rebuilder.rebuild(changed, &mut diags);
    let sorted = diags.into_sorted();
    print(&sorted);
    let mut replaced = None;
    let built = {
        let mut s = app.state.write().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok(Some(site)) => {
                let site = Arc::new(site);
                replaced = s.replace(site.clone(), sorted);
                *app.last_change.write().unwrap_or_else(|e| e.into_inner()) = change;
                eprintln!("已重新生成（{} 毫秒）", started.elapsed().as_millis());
                Some(site)
            }
            Ok(None) => {
                let errors = sorted.iter().filter(|d| d.is_error()).count();
                s.fail(sorted);
                eprintln!("有 {errors} 处错误，网页保持上一次成功的版本");
                None
            }
            Err(e) => {
                s.fail(vec![Diagnostic::error("serve.io", e.clone())]);
                eprintln!("错误：{e}");
                None
            }
        }
    };
    let _ = app.events.send(app.status_json());
    // Freeing the old site takes a while at thousands of pages: not on the way to the reload.
    if let Some(old) = replaced {
        std::thread::spawn(move || drop(old));
    }
    built
}

/// Starts the check of every page of a new build on a thread of its own, so that the next save
/// never waits for it; setting the returned flag stops it after the page it is on.
fn check_pages(app: &Arc<App>, site: Arc<generation::Generation>) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let (app, flag) = (Arc::clone(app), Arc::clone(&stop));
    std::thread::spawn(move || verify(&app, &site, &flag));
    stop
}

/// Renders every page of a new build in the background of the preview (stopping once `stop` is
/// set); a page whose template fails brings back the last good build and the overlay.
fn verify(app: &App, site: &Arc<generation::Generation>, stop: &AtomicBool) {
    let Some(errors) = site.verify(stop) else {
        return;
    };
    let mut s = app.state.write().unwrap_or_else(|e| e.into_inner());
    if errors.is_empty() {
        s.verified(site);
        return;
    }
    print(&errors);
    eprintln!("有 {} 处模板错误，网页保持上一次成功的版本", errors.len());
    s.failed_pages(site, errors);
    drop(s);
    let _ = app.events.send(app.status_json());
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
    crate::load::content_dir(&opts.root)?;
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
    if let Some(warning) = exposure_warning(opts.bind, opts.drafts) {
        eprintln!("{warning}");
    }
    let load = LoadOptions {
        drafts: opts.drafts,
        overrides: Overrides {
            base_url: Some(url.clone()),
        },
        this_year: None,
        today: None,
        cache: Some(Arc::new(ParseCache::default())),
        site: opts.site.clone(),
    };
    // Watch before the first build, so that no save from here on is missed.
    let (tx, rx) = mpsc::channel();
    let app = Arc::new(App::new(opts.idle));
    let watching = watch::watch(&opts.root, opts.poll, tx)?;
    let mut rebuilder = Rebuilder::new(&opts.root, load);
    let first = rebuild(&app, &mut rebuilder, None, Change::Pages);
    println!("预览地址：{url}");
    println!("serving {url}");
    let worker_app = app.clone();
    std::thread::spawn(move || {
        let checking = first.map(|site| check_pages(&worker_app, site));
        rebuild_loop(&worker_app, rebuilder, watching, rx, checking)
    });
    if opts.open {
        open_browser(&url);
    }
    listen::serve(listener, server::router(app), opts.idle).await
}

/// What an editor must know before the preview listens beyond this computer: who can see it,
/// what they see, and where that is acceptable. `None` on loopback.
fn exposure_warning(bind: IpAddr, drafts: bool) -> Option<String> {
    if bind.is_loopback() {
        return None;
    }
    let withdrawn = if drafts {
        "，还有用 --drafts 显示出来的已撤下的工匠资料"
    } else {
        ""
    };
    Some(format!(
        "警告：预览正在 {bind} 上监听，同一网络里的任何设备都能打开它，不需要密码。\n\
         他们能看到的是还没有发布的网站：刚写好、还没审核的工匠资料和故事{withdrawn}，\n\
         以及内容出错时的提示（其中会引用出错的文字）。他们看不到 content/ 里的原始文件、\n\
         私密字段和文件夹列表，只能看到生成的网页和 content/static/ 等原样发布的文件。\n\
         只在可信的办公网络里这样用（不要在咖啡馆、酒店等公共网络里用），看完按 Ctrl-C 关掉；\n\
         不加 --bind 时，预览只有这台电脑自己能打开。"
    ))
}

/// How long the folders must stay quiet after one file was saved before the rebuild starts (an
/// editor's save is a handful of events within a millisecond or two).
const QUIET: std::time::Duration = std::time::Duration::from_millis(5);
/// How long they must stay quiet when several files changed together (a copy, a checkout).
const SEVERAL_QUIET: std::time::Duration = std::time::Duration::from_millis(100);
/// More changed paths than this make a burst.
const BURST: usize = 16;
/// How long a burst must stay quiet.
const BURST_QUIET: std::time::Duration = std::time::Duration::from_millis(400);

/// How long to wait for more changes after these: an editor's save touches one file that matters
/// (its temporary files do not count) and is rebuilt at once; several files changing together
/// are probably the start of more.
fn settle_time(root: &Path, paths: &[PathBuf]) -> std::time::Duration {
    let mut relevant: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| watch::classify(root, p) != ChangeKind::Ignored)
        .collect();
    relevant.sort();
    relevant.dedup();
    match relevant.len() {
        0 | 1 => QUIET,
        n if n <= BURST => SEVERAL_QUIET,
        _ => BURST_QUIET,
    }
}

/// How long the check of every page waits after a rebuild: the open pages reload in that time,
/// and their requests should not share the processor with the check.
const CHECK_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

/// Waits for changes; a burst (a `git pull`) collapses into one rebuild with the final state.
/// An empty batch means the watcher lost track of events: everything is read again. So it is
/// when content/ or themes/ itself was removed, replaced or brought back: the folder standing
/// there now is watched, and read whole.
fn rebuild_loop(
    app: &Arc<App>,
    mut rebuilder: Rebuilder,
    mut watching: watch::Watching,
    rx: mpsc::Receiver<Vec<PathBuf>>,
    mut checking: Option<Arc<AtomicBool>>,
) {
    let root = watching.root().to_path_buf();
    let root = root.as_path();
    // Changes that arrived while the last rebuild waited to check its pages.
    let mut waiting: Option<Vec<PathBuf>> = None;
    loop {
        let first = match waiting.take() {
            Some(batch) => batch,
            None => match rx.recv() {
                Ok(batch) => batch,
                Err(_) => return,
            },
        };
        let mut clock = crate::timing::Clock::start();
        let mut rescan = first.is_empty();
        let mut paths = first;
        // A single save settles at once; a burst (many paths) waits for a longer quiet spell so
        // that it ends in one rebuild with the final state.
        while let Ok(more) = rx.recv_timeout(settle_time(root, &paths)) {
            rescan |= more.is_empty();
            paths.extend(more);
        }
        clock.mark("watch: settled");
        match watching.follow(&paths, rescan) {
            Ok(renewed) => rescan |= renewed,
            Err(e) => eprintln!("警告：{e}"),
        }
        if !rescan && watch::classify_batch(root, &paths) == ChangeKind::Ignored {
            continue;
        }
        // Files changed: the check of the site they replace stops.
        if let Some(stop) = checking.take() {
            stop.store(true, Ordering::Relaxed);
        }
        let change = if !rescan && watch::css_only(root, &paths) {
            Change::CssOnly
        } else {
            Change::Pages
        };
        let changed = (!rescan).then_some(paths.as_slice());
        if let Some(site) = rebuild(app, &mut rebuilder, changed, change) {
            match next_change(&rx, root, CHECK_AFTER) {
                // Saved again: the next rebuild replaces this site, unchecked.
                Ok(Some(batch)) => waiting = Some(batch),
                Ok(None) => checking = Some(check_pages(app, site)),
                Err(()) => return,
            }
        }
    }
}

/// The next batch of changes that matters (or asks for a full read) within `within`; editors'
/// temporary files are passed over. `Err`: the watcher is gone.
fn next_change(
    rx: &mpsc::Receiver<Vec<PathBuf>>,
    root: &Path,
    within: std::time::Duration,
) -> Result<Option<Vec<PathBuf>>, ()> {
    let until = std::time::Instant::now() + within;
    loop {
        let left = until.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(batch)
                if batch.is_empty()
                    || watch::classify_batch(root, &batch) != ChangeKind::Ignored =>
            {
                return Ok(Some(batch))
            }
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => return Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(()),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_check_waits_past_temporary_files_but_not_past_a_save() {
        let root = Path::new("/site");
        let short = std::time::Duration::from_millis(20);
        let (tx, rx) = mpsc::channel();
        tx.send(vec![PathBuf::from("/site/content/craftsmen/.a.md.swp")])
            .unwrap();
        assert_eq!(next_change(&rx, root, short), Ok(None));
        let save = vec![PathBuf::from("/site/content/craftsmen/a.md")];
        tx.send(save.clone()).unwrap();
        assert_eq!(next_change(&rx, root, short), Ok(Some(save)));
        tx.send(Vec::new()).unwrap();
        assert_eq!(next_change(&rx, root, short), Ok(Some(Vec::new())));
        drop(tx);
        assert_eq!(next_change(&rx, root, short), Err(()));
    }

    #[test]
    fn one_saved_file_settles_fast_and_many_wait_longer() {
        let root = Path::new("/site");
        let p = |s: &str| PathBuf::from(s);
        let save = [
            p("/site/content/craftsmen/a.md"),
            p("/site/content/craftsmen/.a.md.swp"),
            p("/site/content/craftsmen/a.md"),
        ];
        assert_eq!(settle_time(root, &save), QUIET);
        let two = [
            p("/site/content/craftsmen/a.md"),
            p("/site/content/craftsmen/b.md"),
        ];
        assert_eq!(settle_time(root, &two), SEVERAL_QUIET);
        let many: Vec<PathBuf> = (0..20)
            .map(|i| p(&format!("/site/content/craftsmen/p{i}.md")))
            .collect();
        assert_eq!(settle_time(root, &many), BURST_QUIET);
    }

    #[test]
    fn listening_beyond_this_computer_says_what_is_exposed() {
        let v4 = |s: &str| -> IpAddr { s.parse().unwrap() };
        assert_eq!(exposure_warning(v4("127.0.0.1"), true), None);
        assert_eq!(exposure_warning(v4("::1"), true), None);
        for bind in ["0.0.0.0", "192.168.1.20", "::"] {
            let w = exposure_warning(v4(bind), false).unwrap();
            for says in ["任何设备", "还没有发布", "出错", "可信", "Ctrl-C"] {
                assert!(w.contains(says), "{bind}: {says} in {w}");
            }
            assert!(!w.contains("撤下"));
        }
        assert!(exposure_warning(v4("0.0.0.0"), true)
            .unwrap()
            .contains("已撤下"));
    }
}
