//! Watching content/ and themes/: file events debounced, editors' temporary files dropped, each batch classified.

use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, new_debouncer_opt, DebounceEventResult, NoCache};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// What a changed path means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A temporary file, a folder outside the site, the output: no rebuild.
    Ignored,
    Content,
    Theme,
}

/// Classifies one changed path under `root`.
pub fn classify(root: &Path, path: &Path) -> ChangeKind {
    let Ok(rel) = path.strip_prefix(root) else {
        return ChangeKind::Ignored;
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if crate::load::is_ignored(&name)
        || rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with(".#"))
    {
        return ChangeKind::Ignored;
    }
    match rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
    {
        Some(top) if top == "content" => ChangeKind::Content,
        Some(top) if top == "themes" => ChangeKind::Theme,
        _ => ChangeKind::Ignored,
    }
}

/// The most significant change in a batch (`Ignored` when nothing matters).
pub fn classify_batch(root: &Path, paths: &[PathBuf]) -> ChangeKind {
    paths
        .iter()
        .map(|p| classify(root, p))
        .max()
        .unwrap_or(ChangeKind::Ignored)
}

/// Whether every path that matters in a batch is a stylesheet (the page may swap its CSS, not reload).
pub fn css_only(root: &Path, paths: &[PathBuf]) -> bool {
    let mut relevant = paths
        .iter()
        .filter(|p| classify(root, p) != ChangeKind::Ignored)
        .peekable();
    relevant.peek().is_some()
        && relevant.all(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("css")))
}

/// Whether an event can change what a file holds: writes, creations, removals, renames, and
/// the close after writing; opening or reading (our own rebuild reads every file) cannot.
pub fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    }
}

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watching {
    _inner: Box<dyn std::any::Any + Send>,
}

/// Watches the site's folders (folders, not files: editors save by rename) and sends each debounced batch of paths.
/// `poll` uses periodic scanning for shares and mounts that send no file events.
pub fn watch(
    root: &Path,
    poll: bool,
    tx: Sender<Vec<PathBuf>>,
    dirty: Arc<AtomicBool>,
) -> Result<Watching, String> {
    let watched = root.to_path_buf();
    let handler = move |res: DebounceEventResult| {
        let (paths, lost): (Vec<PathBuf>, bool) = match res {
            // Reading files (our own rebuild does) is not a change.
            Ok(events) => {
                let lost = events.iter().any(|e| e.event.need_rescan());
                let paths = events
                    .into_iter()
                    .filter(|e| is_change(&e.event.kind))
                    .flat_map(|e| e.event.paths)
                    .collect();
                (if lost { Vec::new() } else { paths }, lost)
            }
            // Events were lost (the queue overflowed): an empty batch asks for a full read.
            Err(_) => (Vec::new(), true),
        };
        if paths.is_empty() && !lost {
            return;
        }
        if lost || classify_batch(&watched, &paths) != ChangeKind::Ignored {
            dirty.store(true, Ordering::Relaxed);
        }
        let _ = tx.send(paths);
    };
    // Short: a save is a handful of events within a millisecond or two; the rebuild loop waits for quiet.
    let timeout = Duration::from_millis(4);
    let tick = Some(Duration::from_millis(1));
    let dirs: Vec<PathBuf> = ["content", "themes"]
        .iter()
        .map(|d| root.join(d))
        .filter(|d| d.is_dir())
        .collect();
    if poll {
        let config = notify::Config::default()
            .with_poll_interval(Duration::from_millis(500))
            .with_compare_contents(true);
        let mut d = new_debouncer_opt::<_, notify::PollWatcher, NoCache>(
            timeout, tick, handler, NoCache, config,
        )
        .map_err(|e| format!("无法开始监视文件：{e}"))?;
        for dir in &dirs {
            d.watch(dir, RecursiveMode::Recursive)
                .map_err(|e| format!("无法监视 {}：{e}", dir.display()))?;
        }
        Ok(Watching {
            _inner: Box::new(d),
        })
    } else {
        let mut d =
            new_debouncer(timeout, tick, handler).map_err(|e| format!("无法开始监视文件：{e}"))?;
        for dir in &dirs {
            d.watch(dir, RecursiveMode::Recursive).map_err(|e| {
                format!(
                    "无法监视 {}：{e}（文件太多时可调大 inotify 上限，或加 --poll）",
                    dir.display()
                )
            })?;
        }
        Ok(Watching {
            _inner: Box::new(d),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified() {
        let root = Path::new("/site");
        let c = |p: &str| classify(root, Path::new(p));
        assert_eq!(c("/site/content/craftsmen/a.md"), ChangeKind::Content);
        assert_eq!(
            c("/site/themes/default/templates/base.html"),
            ChangeKind::Theme
        );
        assert_eq!(c("/site/public/index.html"), ChangeKind::Ignored);
        assert_eq!(c("/site/.git/index"), ChangeKind::Ignored);
        assert_eq!(c("/elsewhere/content/a.md"), ChangeKind::Ignored);
        for temp in [
            ".a.md.swp",
            "a.md~",
            "4913",
            ".#a.md",
            "#a.md#",
            "a.md.tmp",
            "~$a.docx",
            ".~lock.a#",
            "a.md___jb_tmp___",
            ".DS_Store",
        ] {
            assert_eq!(
                c(&format!("/site/content/craftsmen/{temp}")),
                ChangeKind::Ignored,
                "{temp}"
            );
        }
    }

    #[test]
    fn reads_are_not_changes_but_writes_are() {
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
        use notify::EventKind;
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Any)));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn stylesheet_only_batches_are_told_apart() {
        let root = Path::new("/site");
        let p = |s: &str| PathBuf::from(s);
        assert!(css_only(
            root,
            &[
                p("/site/themes/default/static/style.css"),
                p("/site/content/static/.style.css.swp")
            ]
        ));
        assert!(!css_only(
            root,
            &[
                p("/site/themes/default/static/style.css"),
                p("/site/content/craftsmen/a.md")
            ]
        ));
        assert!(!css_only(root, &[p("/site/content/.a.swp")]));
    }

    #[test]
    fn a_batch_takes_its_most_significant_change() {
        let root = Path::new("/site");
        let batch = [
            PathBuf::from("/site/content/.a.md.swp"),
            PathBuf::from("/site/themes/default/static/style.css"),
        ];
        assert_eq!(classify_batch(root, &batch), ChangeKind::Theme);
        assert_eq!(classify_batch(root, &batch[..1]), ChangeKind::Ignored);
    }
}
