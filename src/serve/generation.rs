//! One built state of the previewed site: pages rendered when first asked for, the search index made on first use.

use crate::diag::{Diagnostic, Diagnostics};
use crate::links::{self, OutputPaths};
use crate::load::links::SiteFolders;
use crate::model::site::Site;
use crate::output::{Content, OutputFile};
use crate::render::broken;
use crate::render::{self, feeds, theme::Theme, Prepared};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Where an output path's bytes come from.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Page(usize),
    Feed(usize),
    Generated(usize),
    Copy(usize),
}

/// A file as the server hands it out.
#[derive(Debug, Clone)]
pub enum Got {
    Bytes(Arc<Vec<u8>>),
    /// Read from this file as it is.
    File(PathBuf),
    /// The page's template failed.
    Failed(Box<Diagnostic>),
}

/// A page as rendered, or why it could not be.
type Rendered = Result<Arc<Vec<u8>>, Box<Diagnostic>>;

/// The site, its theme and everything its files are rendered from. Building one costs no page
/// renders and makes no views; a page (or feed) is rendered the first time it is asked for and kept.
pub struct Generation {
    site: Arc<Site>,
    theme: Arc<Theme>,
    prepared: Prepared,
    /// Every output path (about two per profile): hashed with FxHash, which is cheap for short keys.
    index: rustc_hash::FxHashMap<String, Entry>,
    pages: Vec<OnceLock<Rendered>>,
    feeds: Vec<OnceLock<Arc<Vec<u8>>>>,
    search: OnceLock<HashMap<String, Arc<Vec<u8>>>>,
    /// Where copied files may be read from when served.
    folders: SiteFolders,
}

impl Generation {
    /// Prepares a loaded site for rendering. `None`: two files would share a path (in `diags`).
    pub fn new(
        site: Site,
        theme: Arc<Theme>,
        root: &Path,
        memo: Option<&Arc<crate::render::views::ViewMemo>>,
        photos: &crate::photos::Memory,
        diags: &mut Diagnostics,
    ) -> Option<Generation> {
        let site = Arc::new(site);
        let opts = render::RenderOptions {
            root,
            minify: site.config.minify,
            forget_sources: false,
            views: memo,
        };
        let prepared = crate::pipeline::prepare_preview(&site, &theme, &opts, photos, diags)?;
        // After prepare, which makes the image cache.
        let folders = SiteFolders::of(root).with(&root.join(crate::photos::resize::CACHE_DIR));
        let mut index = rustc_hash::FxHashMap::with_capacity_and_hasher(
            prepared.jobs.len() + prepared.generated.len() + prepared.copies.len(),
            Default::default(),
        );
        for (i, j) in prepared.jobs.iter().enumerate() {
            index.insert(j.path.clone(), Entry::Page(i));
        }
        for (i, path) in feeds::FILES.iter().enumerate() {
            index.insert(path.to_string(), Entry::Feed(i));
        }
        for (i, f) in prepared.generated.iter().enumerate() {
            index.insert(f.path.clone(), Entry::Generated(i));
        }
        for (i, f) in prepared.copies.iter().enumerate() {
            index.insert(f.path.clone(), Entry::Copy(i));
        }
        let pages = (0..prepared.jobs.len()).map(|_| OnceLock::new()).collect();
        Some(Generation {
            site,
            theme,
            prepared,
            index,
            pages,
            feeds: feeds::FILES.iter().map(|_| OnceLock::new()).collect(),
            search: OnceLock::new(),
            folders,
        })
    }

    /// The search index's files, made the first time any of them is asked for.
    fn search(&self) -> &HashMap<String, Arc<Vec<u8>>> {
        self.search.get_or_init(|| {
            crate::search::build(&self.site)
                .into_iter()
                .map(|f| (f.path, Arc::new(f.bytes)))
                .collect()
        })
    }

    fn in_search(path: &str) -> bool {
        path.strip_prefix(crate::search::DIR)
            .is_some_and(|rest| rest.starts_with('/') && rest != "/index.html")
    }

    /// Whether the site has a file at `path` (relative to the site root).
    pub fn contains(&self, path: &str) -> bool {
        self.index.contains_key(path) || (Self::in_search(path) && self.search().contains_key(path))
    }

    /// The file at `path`, rendering the page if it was not rendered yet.
    pub fn get(&self, path: &str) -> Option<Got> {
        match self.index.get(path) {
            Some(Entry::Page(i)) => Some(match self.page(*i) {
                Ok(b) => Got::Bytes(b),
                Err(d) => Got::Failed(d),
            }),
            Some(Entry::Feed(i)) => {
                Some(Got::Bytes(Arc::clone(self.feeds[*i].get_or_init(|| {
                    Arc::new(self.prepared.feed(feeds::FILES[*i]).unwrap_or_default())
                }))))
            }
            Some(Entry::Generated(i)) => Some(bytes_of(&self.prepared.generated[*i])),
            Some(Entry::Copy(i)) => Some(bytes_of(&self.prepared.copies[*i])),
            None if Self::in_search(path) => self.search().get(path).cloned().map(Got::Bytes),
            None => None,
        }
    }

    /// The file at `path` as the preview serves it: a copied file is read from where its source
    /// resolves now (every link followed), and not at all when that is outside the site's folders
    /// (a link made or changed after the build).
    pub fn serve(&self, path: &str) -> Option<Got> {
        match self.get(path)? {
            Got::File(from) => self.folders.resolve(&from).map(Got::File),
            got => Some(got),
        }
    }

    fn page(&self, i: usize) -> Result<Arc<Vec<u8>>, Box<Diagnostic>> {
        self.pages[i]
            .get_or_init(|| {
                self.prepared
                    .render_page(&self.theme, &self.prepared.jobs[i])
                    .map(Arc::new)
            })
            .clone()
    }

    /// Renders every page again without keeping it, to find template errors that only some pages
    /// meet and links to files the site does not have (checked as `build` checks them, in the HTML
    /// as the template wrote it). Stops early (returning `None`) once `cancel` is set.
    pub fn verify(&self, cancel: &AtomicBool) -> Option<Vec<Diagnostic>> {
        let resolver = self.site.resolver();
        let outputs = OutputPaths::new(self.index.keys().map(String::as_str));
        // The search files are made only if a page links into search/.
        let exists = |target: &str| {
            outputs.has(target) || (Self::in_search(target) && self.search().contains_key(target))
        };
        let mut errors: Vec<Diagnostic> = Vec::new();
        let mut found = broken::Found::default();
        // One page at a time on the calling thread: the thread pool stays free for the next
        // rebuild, which may start while this runs.
        for (i, job) in self.prepared.jobs.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            if let Some(Err(d)) = self.pages[i].get() {
                errors.push((**d).clone());
                continue;
            }
            match self.prepared.render_html(&self.theme, job) {
                Ok(html) => found.add(i, links::broken_on_page(&html, &job.url, &resolver, exists)),
                Err(d) => errors.push(*d),
            }
        }
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        // One template mistake fails many pages the same way: report it once (in linear time).
        let mut seen = std::collections::HashSet::new();
        let mut unique: Vec<Diagnostic> = errors
            .into_iter()
            .filter(|d| seen.insert((d.file.clone(), d.line, d.message.clone())))
            .collect();
        if !found.is_empty() {
            let cx = broken::Context {
                site: &self.site,
                theme: &self.theme,
                jobs: &self.prepared.jobs,
                resolver: &resolver,
                paths: &outputs,
            };
            unique.extend(broken::report(found, &cx));
        }
        Some(crate::diag::Diagnostics::from_iter(unique).into_sorted())
    }

    /// Every file of the site, sorted by path, as a build would write it (copied files as their
    /// source paths). `Err`: the template errors.
    pub fn files(&self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let mut paths: Vec<&String> = self.index.keys().collect();
        let search = self.search();
        paths.extend(search.keys());
        for path in paths {
            match self.get(path) {
                Some(Got::Bytes(b)) => out.push(OutputFile {
                    path: path.clone(),
                    content: Content::Bytes(b.as_ref().clone()),
                }),
                Some(Got::File(p)) => out.push(OutputFile {
                    path: path.clone(),
                    content: Content::Copy(p),
                }),
                Some(Got::Failed(d)) => errors.push(*d),
                None => {}
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }
}

fn bytes_of(f: &OutputFile) -> Got {
    match &f.content {
        Content::Bytes(b) => Got::Bytes(Arc::new(b.clone())),
        Content::Copy(p) => Got::File(p.clone()),
    }
}
