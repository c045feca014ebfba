//! Parsed files kept between the preview's rebuilds, reused while a file and everything it was checked against are unchanged.

use crate::diag::Diagnostics;
use crate::load::ContentFile;
use crate::model::cohort::Cohort;
use crate::model::craftsman::Craftsman;
use crate::model::published::Published;
use crate::model::story::{Brand, Page, Story};
use crate::model::union::Union;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

/// Parsed files from earlier runs, reused while a file's text and everything it was checked against
/// (pictures, base path, year) are unchanged. A reused result is exactly what parsing again would give.
#[derive(Default)]
pub struct ParseCache {
    entries: std::sync::Mutex<CacheMap>,
    /// What the private-value check found in each file.
    pub(super) repeats: crate::model::repeated::RepeatMemo,
}

impl std::fmt::Debug for ParseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.entries.lock().map(|e| e.len()).unwrap_or(0);
        write!(f, "ParseCache({n} files)")
    }
}

#[derive(Clone)]
pub(super) struct CacheEntry {
    /// Hash of what the file was checked against.
    context: u64,
    source: Arc<SourceFile>,
    result: Parse,
}

/// What parsing one file gives: the parsed item (`None` when it has errors), its diagnostics, and
/// what it publishes (for the private-value check).
#[derive(Clone)]
pub(super) struct Parse {
    pub(super) parsed: Option<Parsed>,
    pub(super) diags: Diagnostics,
    pub(super) published: Arc<Published>,
}

/// The files of one run as found in the cache: taken out whole at the start of a run, looked up
/// without locking, and replaced at the end by exactly the files of that run.
type CacheMap = rustc_hash::FxHashMap<String, CacheEntry>;

impl ParseCache {
    /// Takes every entry out (the cache stays empty until [`ParseCache::store`]).
    fn take(&self) -> CacheMap {
        self.entries
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default()
    }

    /// Keeps `entries` for the next run, in place of what was there.
    fn store(&self, entries: CacheMap) {
        if let Ok(mut e) = self.entries.lock() {
            *e = entries;
        }
    }
}

/// Whether the earlier entry still holds for this file: its text (the same shared text, or an
/// equal one) and its context are unchanged.
fn still_holds(entry: &CacheEntry, source: &Arc<SourceFile>, context: u64) -> bool {
    entry.context == context
        && (Arc::ptr_eq(&entry.source, source) || entry.source.text == source.text)
}

/// Parses every file, reusing the cache's results for unchanged ones; the cache then holds
/// exactly these files.
pub(super) fn parse_all(
    files: &[ContentFile],
    cache: Option<&ParseCache>,
    context: u64,
    parse: impl Fn(&ContentFile) -> Parse + Sync,
) -> Vec<Parse> {
    let Some(cache) = cache else {
        return files.par_iter().map(&parse).collect();
    };
    let mut entries = cache.take();
    // Each result, and whether it is new (not from the cache).
    let results: Vec<(Parse, bool)> = files
        .par_iter()
        .map(|file| match entries.get(&file.source.path) {
            Some(e) if still_holds(e, &file.source, context) => (e.result.clone(), false),
            _ => (parse(file), true),
        })
        .collect();
    for (file, (result, _)) in files.iter().zip(&results).filter(|(_, r)| r.1) {
        let entry = CacheEntry {
            context,
            source: Arc::clone(&file.source),
            result: result.clone(),
        };
        entries.insert(file.source.path.clone(), entry);
    }
    forget_others(&mut entries, files);
    cache.store(entries);
    results.into_iter().map(|(r, _)| r).collect()
}

/// Drops the entries of files that are gone. Every file has an entry, so there are none to drop
/// when the counts agree.
fn forget_others(entries: &mut CacheMap, files: &[ContentFile]) {
    if entries.len() != files.len() {
        let paths: HashSet<&str> = files.iter().map(|f| f.source.path.as_str()).collect();
        entries.retain(|p, _| paths.contains(p.as_str()));
    }
}

pub(super) fn hash_of(parts: &[&[u8]]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

#[derive(Clone)]
pub(super) enum Parsed {
    Craftsman(Arc<Craftsman>),
    Cohort(Arc<Cohort>),
    Story(Arc<Story>),
    Brand(Box<Brand>),
    Page(Box<Page>),
    Union(Box<Union>),
}
