//! The content folder as last read, kept between rebuilds: a save re-reads only the paths that changed.

use crate::diag::Diagnostics;
use crate::load::{self, Loaded, Loaded1};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A path's components: the map's order is then the order of a sorted walk.
type Key = Vec<String>;

/// Every file under content/, read and classified.
pub(crate) struct Snapshot {
    content: PathBuf,
    items: BTreeMap<Key, Loaded1>,
}

impl Snapshot {
    /// Reads the whole content folder.
    pub(crate) fn scan(root: &Path) -> Result<Snapshot, String> {
        let content = load::content_dir(root)?;
        let mut s = Snapshot {
            content,
            items: BTreeMap::new(),
        };
        s.read_tree(&s.content.clone())?;
        Ok(s)
    }

    fn key(&self, path: &Path) -> Option<Key> {
        let rel = path.strip_prefix(&self.content).ok()?;
        let key: Key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        (!key.is_empty()).then_some(key)
    }

    /// Reads every file under `dir` (inside content/), replacing what was known there.
    fn read_tree(&mut self, dir: &Path) -> Result<(), String> {
        if let Some(k) = self.key(dir) {
            self.items.retain(|key, _| !key.starts_with(&k));
        } else {
            self.items.clear();
        }
        let paths = load::walk(dir)?;
        let read: Vec<(Key, Loaded1)> = paths
            .par_iter()
            .filter(|p| !load::is_ignored_path(&self.content, p))
            .filter_map(|p| {
                let key = self.key(p)?;
                Some(load::item(&self.content, p).map(|i| (key, i)))
            })
            .collect::<Result<_, String>>()?;
        self.items.extend(read);
        Ok(())
    }

    /// Brings the snapshot up to date with changed paths (absolute; paths outside content/ and
    /// editors' temporary files are skipped). A new folder is read whole; a removed path takes
    /// everything under it along.
    pub(crate) fn update(&mut self, paths: &[PathBuf]) -> Result<(), String> {
        let mut seen: Vec<&PathBuf> = paths.iter().collect();
        seen.sort();
        seen.dedup();
        for path in seen {
            // Under a folder link: not read (the link itself is reported where it stands).
            if load::is_ignored_path(&self.content, path)
                || load::links::through_link(&self.content, path)
            {
                continue;
            }
            let Some(key) = self.key(path) else {
                if path == &self.content {
                    self.read_tree(&self.content.clone())?;
                }
                continue;
            };
            // A link is an item of its own (read or reported), never a folder to read.
            match std::fs::symlink_metadata(path) {
                Ok(m) if m.is_dir() => self.read_tree(path)?,
                Ok(_) => match load::item(&self.content, path) {
                    Ok(item) => {
                        // A file or link where a folder was: what was under it is gone.
                        self.remove_under(&key);
                        self.items.insert(key, item);
                    }
                    // Gone again between the event and the read (a save by rename).
                    Err(_) if !path.exists() => {
                        self.items.remove(&key);
                    }
                    Err(e) => return Err(e),
                },
                Err(_) => self.items.retain(|k, _| !k.starts_with(&key)),
            }
        }
        Ok(())
    }

    /// Forgets everything below `key` (not `key` itself).
    fn remove_under(&mut self, key: &Key) {
        let below: Vec<Key> = self
            .items
            .range(key.clone()..)
            .map(|(k, _)| k)
            .take_while(|k| k.starts_with(key))
            .filter(|k| *k != key)
            .cloned()
            .collect();
        for k in below {
            self.items.remove(&k);
        }
    }

    /// The content as the loader would have read it now.
    pub(crate) fn loaded(&self, diags: &mut Diagnostics) -> Loaded {
        load::assemble(self.items.values(), diags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("content");
        std::fs::create_dir_all(c.join("craftsmen/li-na")).unwrap();
        std::fs::write(c.join("site.yaml"), "title: x\n").unwrap();
        std::fs::write(c.join("craftsmen/a.md"), "---\nname: 甲\n---\n").unwrap();
        std::fs::write(c.join("craftsmen/li-na/index.md"), "---\nname: 李娜\n---\n").unwrap();
        std::fs::write(c.join("craftsmen/li-na/photo.jpg"), "jpg").unwrap();
        std::fs::write(c.join("craftsmen/a.md~"), "backup").unwrap();
        dir
    }

    fn names(l: &Loaded) -> Vec<String> {
        l.files
            .iter()
            .map(|f| f.source.path.clone())
            .chain(l.assets.iter().map(|a| a.rel.clone()))
            .collect()
    }

    /// The snapshot after updates reads the same as a fresh walk.
    fn same_as_fresh(root: &Path, s: &Snapshot) {
        let (mut a, mut b) = (Diagnostics::new(), Diagnostics::new());
        let fresh = load::load(root, &mut a).unwrap();
        let kept = s.loaded(&mut b);
        assert_eq!(names(&fresh), names(&kept));
        let texts =
            |l: &Loaded| -> Vec<String> { l.files.iter().map(|f| f.source.text.clone()).collect() };
        assert_eq!(texts(&fresh), texts(&kept));
        assert_eq!(a.into_sorted(), b.into_sorted());
    }

    #[test]
    fn edits_additions_and_removals_match_a_fresh_read() {
        let dir = site();
        let root = dir.path();
        let c = root.join("content");
        let mut s = Snapshot::scan(root).unwrap();
        same_as_fresh(root, &s);
        std::fs::write(c.join("craftsmen/a.md"), "---\nname: 乙\n---\n").unwrap();
        std::fs::write(c.join("craftsmen/b.md"), "---\nname: 丙\n---\n").unwrap();
        std::fs::write(c.join("craftsmen/a.md~"), "backup 2").unwrap();
        s.update(&[
            c.join("craftsmen/a.md"),
            c.join("craftsmen/b.md"),
            c.join("craftsmen/a.md~"),
        ])
        .unwrap();
        same_as_fresh(root, &s);
        // A folder renamed: the old path is gone, the new one is read whole.
        std::fs::rename(c.join("craftsmen/li-na"), c.join("craftsmen/li-na-2")).unwrap();
        s.update(&[c.join("craftsmen/li-na"), c.join("craftsmen/li-na-2")])
            .unwrap();
        same_as_fresh(root, &s);
        std::fs::remove_file(c.join("craftsmen/b.md")).unwrap();
        std::fs::write(c.join("craftsmen/c.txt"), "?").unwrap();
        s.update(&[c.join("craftsmen/b.md"), c.join("craftsmen/c.txt")])
            .unwrap();
        same_as_fresh(root, &s);
    }

    #[cfg(unix)]
    #[test]
    fn links_made_while_watching_match_a_fresh_read() {
        use std::os::unix::fs::symlink;
        let dir = site();
        let root = dir.path();
        let c = root.join("content");
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        std::fs::create_dir_all(c.join("static")).unwrap();
        let mut s = Snapshot::scan(root).unwrap();
        symlink(outside.path().join("secret"), c.join("static/x")).unwrap();
        symlink("../craftsmen", c.join("static/people")).unwrap();
        symlink("../craftsmen/a.md", c.join("static/logo.jpg")).unwrap();
        // An event for a path through the folder link reads nothing.
        s.update(&[
            c.join("static/x"),
            c.join("static/people"),
            c.join("static/people/a.md"),
            c.join("static/logo.jpg"),
        ])
        .unwrap();
        same_as_fresh(root, &s);
        // A folder replaced by a link: what was under the folder is gone.
        std::fs::rename(c.join("craftsmen/li-na"), root.join("li-na")).unwrap();
        symlink(root.join("li-na"), c.join("craftsmen/li-na")).unwrap();
        s.update(&[c.join("craftsmen/li-na")]).unwrap();
        same_as_fresh(root, &s);
    }
}
