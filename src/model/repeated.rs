//! The private-value check across files: every `private:` value looked for in the published text of every file, remembered between the preview's rebuilds.
//!
//! One search ([`repeats::Finder`]) runs over each file's folded published text and body. The
//! preview keeps, per file, which values were found, by the identity of the file's
//! [`Published`] (unchanged files share it with the parse cache) and the set of values looked
//! for: saving a profile searches that one file again, unless a private value changed.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{positions_of, Seg};
use crate::model::published::{PrivateValue, Published, PRIVATE};
use crate::privacy::repeats;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// What earlier checks found (the preview keeps one between rebuilds).
#[derive(Default)]
pub(crate) struct RepeatMemo {
    inner: Mutex<Remembered>,
}

#[derive(Default)]
struct Remembered {
    /// The set of values looked for.
    values: u64,
    /// The search for them, once made.
    search: Option<Arc<Search>>,
    /// Per file path: its published text as checked, and the (folded) values found in it.
    found: HashMap<String, (Arc<Published>, Vec<String>)>,
}

/// One search for a set of values: each value once, sorted, and the finder over them.
struct Search {
    values: Vec<String>,
    finder: repeats::Finder,
}

impl Search {
    fn new(owners: &[(&SourceFile, &PrivateValue)]) -> Search {
        let mut values: Vec<String> = owners.iter().map(|(_, v)| v.folded.clone()).collect();
        values.sort_unstable();
        values.dedup();
        let finder = repeats::Finder::new(values.iter().map(String::as_str));
        Search { values, finder }
    }

    /// The values found in a file's published text and body, each once.
    fn find(&self, published: &Published) -> Vec<String> {
        let mut found = self.finder.find(&published.folded);
        if let Some(body) = &published.body {
            let mut folded = String::with_capacity(body.len());
            repeats::fold_into(body, &mut folded);
            found.extend(self.finder.find(&folded));
            found.sort_unstable();
            found.dedup();
        }
        found.into_iter().map(|i| self.values[i].clone()).collect()
    }
}

/// Reports every private value that appears again in the published text of any file (each
/// file's [`Published`], beside its source).
pub(crate) fn check(
    files: &[(&SourceFile, &Arc<Published>)],
    memo: Option<&RepeatMemo>,
    diags: &mut Diagnostics,
) {
    let owners: Vec<(&SourceFile, &PrivateValue)> = files
        .iter()
        .flat_map(|(src, p)| p.private.iter().map(move |v| (*src, v)))
        .collect();
    let values = values_key(&owners);
    let mut remembered = memo
        .map(|m| std::mem::take(&mut *m.inner.lock().unwrap_or_else(|e| e.into_inner())))
        .filter(|r| r.values == values)
        .unwrap_or_default();
    // Made when a file has to be searched, and kept while the values stay the same.
    let search: OnceLock<Arc<Search>> = OnceLock::new();
    if let Some(s) = remembered.search.take() {
        let _ = search.set(s);
    }
    let search = || search.get_or_init(|| Arc::new(Search::new(&owners)));
    let found: Vec<Vec<String>> = files
        .par_iter()
        .map(|(src, published)| match remembered.found.get(&src.path) {
            Some((seen, found)) if Arc::ptr_eq(seen, published) => found.clone(),
            _ if owners.is_empty() => Vec::new(),
            _ => search().find(published),
        })
        .collect();
    let mut by_value: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, v)) in owners.iter().enumerate() {
        by_value.entry(v.folded.as_str()).or_default().push(i);
    }
    for ((src, published), found) in files.iter().zip(&found) {
        // Where this file's `private:` block stands, read at the first repeat found in it.
        let mut block = None;
        for value in found {
            for &i in by_value.get(value.as_str()).into_iter().flatten() {
                let (owner, value) = owners[i];
                let block = *block.get_or_insert_with(|| {
                    published.has_private.then(|| private_block(src)).flatten()
                });
                diags.extend(repeat(src, block, owner, value));
            }
        }
    }
    if let Some(memo) = memo {
        remembered.values = values;
        remembered.search = (!owners.is_empty()).then(|| Arc::clone(search()));
        remembered.found = files
            .iter()
            .zip(found)
            .map(|((src, p), found)| (src.path.clone(), (Arc::clone(p), found)))
            .collect();
        *memo.inner.lock().unwrap_or_else(|e| e.into_inner()) = remembered;
    }
}

/// Identifies the set of values looked for.
fn values_key(owners: &[(&SourceFile, &PrivateValue)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut values: Vec<&str> = owners.iter().map(|(_, v)| v.folded.as_str()).collect();
    values.sort_unstable();
    values.dedup();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    values.hash(&mut h);
    h.finish()
}

/// Where the `private:` block of `src` stands: from its key to the end of its last value.
fn private_block(src: &SourceFile) -> Option<(usize, usize)> {
    let positions = positions_of(src);
    let path = [Seg::Key(PRIVATE)];
    if !positions.contains(&path) {
        return None;
    }
    let key = positions.key_span(&path)?;
    let value = positions.value_span(&path)?;
    Some((key.0, value.1.max(key.1)))
}

/// The error for `value` (kept private in `owner`) found again in `src`: at its first place in
/// the file outside the `private:` block, or naming the file when it is spelt differently there.
/// `None` when the owner's own published text has it only through an alias (reported there).
fn repeat(
    src: &SourceFile,
    private_block: Option<(usize, usize)>,
    owner: &SourceFile,
    value: &PrivateValue,
) -> Option<Diagnostic> {
    let path: Vec<Seg> = value.path.iter().map(|s| s.as_seg()).collect();
    let line = positions_of(owner)
        .value_span(&path)
        .map(|(s, _)| owner.line_col(s).0);
    let d = Diagnostic::error(
        "privacy.private-repeated",
        format!(
            "`{}` 里的内部资料 `{}` 也出现在公开内容里",
            owner.path, value.key
        ),
    )
    .hint(format!(
        "{}{}把它放在 private: 下，它就不能再出现在网站上：可以公开就从 private: 里删掉它，否则从这里删掉",
        if std::ptr::eq(src, owner) {
            String::new()
        } else {
            format!("{} ", owner.path)
        },
        line.map(|l| format!("第 {l} 行")).unwrap_or_default()
    ));
    let (folded, offsets) = repeats::fold_with_offsets(&src.text);
    let inside = |at: usize| private_block.is_some_and(|(s, e)| at >= s && at < e);
    let place = folded
        .match_indices(value.folded.as_str())
        .map(|(i, m)| (offsets[i], offsets[i + m.len() - 1]))
        .find(|&(s, _)| !inside(s));
    match place {
        Some((s, last)) => {
            let e = last + src.text[last..].chars().next().map_or(1, char::len_utf8);
            Some(d.at(src, s, e))
        }
        None if std::ptr::eq(src, owner) => None,
        None => Some(d.in_file(src.path.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::OwnedSeg;

    #[test]
    fn a_private_value_written_again_elsewhere_is_found_and_located() {
        let a = SourceFile::new(
            "content/craftsmen/a.md",
            "---\nprivate:\n  address: 漕溪北路 88 号\nsummary: 好人\n---\n",
        );
        let b = SourceFile::new(
            "content/stories/b.md",
            "title: 走访\n---\n我们去了漕溪北路88号。\n",
        );
        let mut pa = Published {
            private: vec![PrivateValue {
                folded: "漕溪北路88号".into(),
                key: "private.address".into(),
                path: vec![
                    OwnedSeg::Key("private".into()),
                    OwnedSeg::Key("address".into()),
                ],
            }],
            has_private: true,
            ..Published::default()
        };
        pa.fold("好人");
        let mut pb = Published {
            body: Some(std::sync::Arc::new("我们去了漕溪北路88号。".to_string())),
            ..Published::default()
        };
        pb.fold("走访");
        let mut d = Diagnostics::new();
        check(&[(&a, &Arc::new(pa)), (&b, &Arc::new(pb))], None, &mut d);
        let d = d.into_sorted();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].code, d[0].file.as_str(), d[0].line, d[0].column),
            ("privacy.private-repeated", "content/stories/b.md", 3, 5)
        );
        assert!(d[0].message.contains("private.address"), "{}", d[0].message);
        assert!(d[0].hint.as_deref().unwrap().contains("第 3 行"), "{d:?}");
    }

    fn owner(value: &str) -> Arc<Published> {
        let mut folded = String::new();
        repeats::fold_into(value, &mut folded);
        Arc::new(Published {
            private: vec![PrivateValue {
                folded,
                key: "private.address".into(),
                path: vec![OwnedSeg::Key("private".into())],
            }],
            has_private: true,
            ..Published::default()
        })
    }

    fn page(body: &str) -> Arc<Published> {
        Arc::new(Published {
            body: Some(Arc::new(body.to_string())),
            ..Published::default()
        })
    }

    #[test]
    fn the_memo_gives_what_a_fresh_check_gives_as_files_and_values_change() {
        let a = SourceFile::new("content/craftsmen/a.md", "private: x\n");
        let b = SourceFile::new(
            "content/stories/b.md",
            "title: t\n---\n漕溪北路88号，又见闵行区某某路100弄\n",
        );
        let memo = RepeatMemo::default();
        let run = |pa: &Arc<Published>, pb: &Arc<Published>, memo: Option<&RepeatMemo>| {
            let mut d = Diagnostics::new();
            check(&[(&a, pa), (&b, pb)], memo, &mut d);
            d.into_sorted()
                .into_iter()
                .map(|d| (d.file, d.line))
                .collect::<Vec<_>>()
        };
        let (pa, pb) = (
            owner("漕溪北路88号"),
            page("漕溪北路88号，又见闵行区某某路100弄"),
        );
        let found = vec![("content/stories/b.md".to_string(), 3)];
        assert_eq!(run(&pa, &pb, Some(&memo)), found);
        assert_eq!(run(&pa, &pb, Some(&memo)), found, "remembered");
        // The values changed, the file did not: it is searched again.
        let other = owner("闵行区某某路100弄");
        assert_eq!(run(&other, &pb, Some(&memo)), found);
        let clean = page("别的内容");
        assert_eq!(run(&other, &clean, Some(&memo)), [], "the file changed");
        assert_eq!(run(&pa, &pb, None), found);
    }
}
