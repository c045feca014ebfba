//! Watching content/ and themes/: file events passed on as they come, editors' temporary files dropped, each batch classified.

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// What a changed path means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ChangeKind {
    /// A temporary file, a folder outside the site, the output: no rebuild.
    Ignored,
    Content,
    Theme,
}

/// Classifies one changed path under `root`.
pub(crate) fn classify(root: &Path, path: &Path) -> ChangeKind {
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
pub(crate) fn classify_batch(root: &Path, paths: &[PathBuf]) -> ChangeKind {
    paths
        .iter()
        .map(|p| classify(root, p))
        .max()
        .unwrap_or(ChangeKind::Ignored)
}

/// Whether every path that matters in a batch is a stylesheet (the page may swap its CSS, not reload).
pub(crate) fn css_only(root: &Path, paths: &[PathBuf]) -> bool {
    let mut relevant = paths
        .iter()
        .filter(|p| classify(root, p) != ChangeKind::Ignored)
        .peekable();
    relevant.peek().is_some()
        && relevant.all(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("css")))
}

/// Whether an event can change what a file holds: writes, creations, removals, renames, and
/// the close after writing; opening or reading (our own rebuild reads every file) cannot.
pub(crate) fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    }
}

/// The folders watched recursively, under the site root.
const WATCHED: [&str; 2] = ["content", "themes"];

/// The file watcher and what it watches; dropping it stops watching.
///
/// The site root itself is watched too (not recursively), so that content/ or themes/ being
/// removed, replaced (a checkout) or moved away and back shows up as an event for the folder's
/// own path; [`Watching::follow`] then watches the folder that stands there now.
pub(crate) struct Watching {
    /// Watches content/ and themes/ recursively.
    watcher: Box<dyn Watcher + Send>,
    /// Watches the root's own entries (kept apart so that polling never reads the root's files).
    _root_watcher: Box<dyn Watcher + Send>,
    root: PathBuf,
}

/// Watches the site's folders (folders, not files: editors save by rename) and sends the changed
/// paths of each file event at once; the rebuild loop waits for quiet, so that a save's handful
/// of events and a burst of many files each end in one rebuild. An empty batch means events were
/// lost. `poll` uses periodic scanning for shares and mounts that send no file events.
///
/// Nothing runs between events: no timer wakes the process while the editor is not saving.
pub(crate) fn watch(root: &Path, poll: bool, tx: Sender<Vec<PathBuf>>) -> Result<Watching, String> {
    let handler = move |res: notify::Result<notify::Event>| {
        let (paths, lost): (Vec<PathBuf>, bool) = match res {
            // The queue overflowed: an empty batch asks for a full read.
            Ok(e) if e.need_rescan() => (Vec::new(), true),
            // Reading files (our own rebuild does) is not a change.
            Ok(e) if is_change(&e.kind) => (e.paths, false),
            Ok(_) => return,
            Err(_) => (Vec::new(), true),
        };
        if paths.is_empty() && !lost {
            return;
        }
        let _ = tx.send(paths);
    };
    let handler = Arc::new(handler);
    let watcher = new_watcher(poll, true, Arc::clone(&handler))?;
    let mut root_watcher = new_watcher(poll, false, handler)?;
    root_watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("无法监视 {}：{e}", root.display()))?;
    let mut w = Watching {
        watcher,
        _root_watcher: root_watcher,
        root: root.to_path_buf(),
    };
    for dir in WATCHED {
        w.rewatch(dir, true)?;
    }
    Ok(w)
}

/// A file-event watcher, or a poller (`poll`) that compares file contents when `contents`.
fn new_watcher<H>(
    poll: bool,
    contents: bool,
    handler: Arc<H>,
) -> Result<Box<dyn Watcher + Send>, String>
where
    H: Fn(notify::Result<notify::Event>) + Send + Sync + 'static,
{
    let handler = move |res: notify::Result<notify::Event>| handler(res);
    let start = |e: notify::Error| format!("无法开始监视文件：{e}");
    Ok(if poll {
        let config = notify::Config::default()
            .with_poll_interval(Duration::from_millis(500))
            .with_compare_contents(contents);
        Box::new(notify::PollWatcher::new(handler, config).map_err(start)?)
    } else {
        Box::new(notify::recommended_watcher(handler).map_err(start)?)
    })
}

impl Watching {
    /// Watches content/ or themes/ again when a batch names the folder itself (removed, replaced,
    /// moved away or back) or events were lost (`lost`); a folder that is gone is watched again
    /// once it is back. Returns whether any folder was watched anew: what it holds must then be
    /// read whole. Errors only when a folder that is there cannot be watched.
    pub(crate) fn follow(&mut self, paths: &[PathBuf], lost: bool) -> Result<bool, String> {
        let mut renewed = false;
        for dir in WATCHED {
            let path = self.root.join(dir);
            if lost || paths.contains(&path) {
                renewed |= self.rewatch(dir, false)?;
            }
        }
        Ok(renewed)
    }

    /// The site root whose folders are watched.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Drops the watch of `root/dir` (any left on a folder moved away) and watches the folder
    /// there now, if any. `first`: watching starts, nothing to drop.
    fn rewatch(&mut self, dir: &str, first: bool) -> Result<bool, String> {
        let path = self.root.join(dir);
        if !first {
            // Already dropped when the folder was removed: nothing to undo then.
            let _ = self.watcher.unwatch(&path);
        }
        if !path.is_dir() {
            return Ok(false);
        }
        self.watcher
            .watch(&path, RecursiveMode::Recursive)
            .map_err(|e| {
                format!(
                    "无法监视 {}：{e}（文件太多时可调大 inotify 上限，或加 --poll）",
                    path.display()
                )
            })?;
        Ok(true)
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
