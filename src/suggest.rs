//! "Did you mean": one ranking of what an editor wrote against what may be written, for field names, closed values, industries, names and links.
//!
//! Both sides are folded first ([`fold`]: full-width letters and digits made half-width,
//! lowercase, `-` and spaces read as `_`). Then a text in Latin letters is compared by edit
//! distance (a slip of the keys) and by prefix or word (`utility` for `utility_model`); a text in
//! Chinese by the characters both share (Dice coefficient), so `专利数` finds `专利` and `大学本科`
//! finds `本科`. Callers choose how close is close enough: field names take [`Closeness::Typo`]
//! or better; closed lists (industries, levels) also show [`Closeness::Related`] values.

use std::cmp::Ordering;

/// How alike a written text is to a candidate, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    /// Equal once folded (`Work-Years` and `work_years`, `姓名` and `姓名`).
    Same,
    /// A slip of the keys, an abbreviation, or most characters shared.
    Typo,
    /// Something shared, enough to list it among the nearest of a closed list.
    Related,
}

/// One candidate found near a written text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<T> {
    pub item: T,
    pub closeness: Closeness,
    /// From 0 (nothing alike) to 1 (equal), for ordering within a closeness.
    pub similarity: f64,
}

impl<T> Found<T> {
    /// Best first: closer, then more alike.
    pub(crate) fn cmp_rank(&self, other: &Found<T>) -> Ordering {
        self.closeness
            .cmp(&other.closeness)
            .then(other.similarity.total_cmp(&self.similarity))
    }
}

/// The comparable form of a text: trimmed, full-width ASCII and the ideographic space made
/// half-width, lowercase, runs of spaces and `-` read as one `_`.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.trim_matches(|c: char| c.is_whitespace()).chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        };
        if c == ' ' || c == '-' || c == '_' {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push('_');
        }
        gap = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// How alike `written` is to `candidate`, both already [`fold`]ed; `None` when nothing is shared.
pub(crate) fn compare(written: &str, candidate: &str) -> Option<(Closeness, f64)> {
    if written.is_empty() || candidate.is_empty() {
        return None;
    }
    if written == candidate {
        return Some((Closeness::Same, 1.0));
    }
    if written.is_ascii() && candidate.is_ascii() {
        latin(written, candidate)
    } else {
        chinese(written, candidate)
    }
}

/// Edit distance, abbreviation and word of a longer key.
fn latin(w: &str, c: &str) -> Option<(Closeness, f64)> {
    let d = strsim::damerau_levenshtein(w, c);
    let longest = w.len().max(c.len());
    let similarity = 1.0 - d as f64 / longest as f64;
    // A slip: at most 3 edits, and at most one in three letters of the candidate.
    if d <= 3 && d * 3 <= c.len().max(3) {
        return Some((Closeness::Typo, similarity));
    }
    // The start of a key (`utility` for `utility_model`, `invent` for `invention`).
    let prefix = w.len() >= 3
        && c.starts_with(w)
        && (2 * w.len() >= c.len() || c.as_bytes().get(w.len()) == Some(&b'_'));
    // One word of a key (`years` for `work_years`).
    let word = w.len() >= 4 && c.split('_').any(|part| part == w);
    if prefix || word {
        return Some((Closeness::Typo, similarity.max(0.5)));
    }
    (similarity >= 0.5).then_some((Closeness::Related, similarity))
}

/// The Dice coefficient over the letters, digits and ideographs both texts share, counted
/// with their repeats: `2 × shared / (len(w) + len(c))`.
fn chinese(w: &str, c: &str) -> Option<(Closeness, f64)> {
    let mut left: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).collect();
    let right: Vec<char> = c.chars().filter(|c| c.is_alphanumeric()).collect();
    let total = left.len() + right.len();
    let mut shared = 0;
    for ch in &right {
        if let Some(i) = left.iter().position(|l| l == ch) {
            left.swap_remove(i);
            shared += 1;
        }
    }
    if shared == 0 {
        return None;
    }
    let dice = 2.0 * shared as f64 / total as f64;
    // Most characters in common: 专利数 and 专利 (0.8), 工作年数 and 工作年限 (0.75), 单位 and 工作单位 (0.67).
    let closeness = if dice >= 0.6 {
        Closeness::Typo
    } else {
        Closeness::Related
    };
    Some((closeness, dice))
}

/// Every candidate at least `within` close to `written`, best first; candidates as good as each
/// other keep their order. An item may come with several texts (a key, its label, its aliases):
/// each text that matches is one entry.
pub(crate) fn rank<'c, T: Copy>(
    written: &str,
    candidates: impl IntoIterator<Item = (T, &'c str)>,
    within: Closeness,
) -> Vec<Found<T>> {
    let w = fold(written);
    let mut found: Vec<Found<T>> = candidates
        .into_iter()
        .filter_map(|(item, text)| {
            let (closeness, similarity) = compare(&w, &fold(text))?;
            (closeness <= within).then_some(Found {
                item,
                closeness,
                similarity,
            })
        })
        .collect();
    found.sort_by(Found::cmp_rank);
    found
}

/// The candidate nearest to `written` when one is a slip of the keys away (or equal once
/// folded): for names and links, where a distant suggestion would mislead. Of candidates as
/// near as each other, the first in text order, whatever order they come in.
pub(crate) fn nearest<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    rank(
        written,
        candidates.into_iter().map(|c| (c, c)),
        Closeness::Typo,
    )
    .into_iter()
    .min_by(|a, b| a.cmp_rank(b).then(a.item.cmp(b.item)))
    .map(|f| f.item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(written: &str, candidates: &[&'static str], within: Closeness) -> Vec<&'static str> {
        rank(written, candidates.iter().map(|c| (*c, *c)), within)
            .into_iter()
            .map(|f| f.item)
            .collect()
    }

    #[test]
    fn folding() {
        assert_eq!(fold(" Work-Years "), "work_years");
        assert_eq!(fold("ｎａｍｅ"), "name");
        assert_eq!(fold("工作　年限"), "工作_年限");
        assert_eq!(fold("utility  model"), "utility_model");
    }

    #[test]
    fn latin_keys() {
        let keys = [
            "name",
            "employer",
            "work_years",
            "utility_model",
            "skills",
            "skill_level",
        ];
        let t = Closeness::Typo;
        assert_eq!(best("nmae", &keys, t), ["name"]);
        assert_eq!(best("employr", &keys, t), ["employer"]);
        assert_eq!(best("work-years", &keys, t), ["work_years"]);
        assert_eq!(best("utility", &keys, t), ["utility_model"]);
        assert_eq!(best("years", &keys, t), ["work_years"]);
        assert_eq!(best("skill", &keys, t), ["skills", "skill_level"]);
        assert!(best("hobby", &keys, t).is_empty());
        assert!(best("ab", &["xy"], Closeness::Related).is_empty());
    }

    #[test]
    fn chinese_labels() {
        let labels = [
            "专利",
            "工作年限",
            "工作单位",
            "本科",
            "大专",
            "高级工",
            "高级技师",
        ];
        let t = Closeness::Typo;
        assert_eq!(best("专利数", &labels, t), ["专利"]);
        assert_eq!(best("工作年数", &labels, t), ["工作年限"]);
        assert_eq!(best("单位", &labels, t), ["工作单位"]);
        assert_eq!(best("大学本科", &labels, t), ["本科"]);
        assert_eq!(best("高级技工", &labels, t), ["高级工", "高级技师"]);
        assert!(best("爱好", &labels, Closeness::Related).is_empty());
        // Sharing a character or two is related, not a slip.
        assert_eq!(
            best("工会", &labels, Closeness::Related),
            ["高级工", "工作年限", "工作单位"]
        );
        assert!(best("工会", &labels, t).is_empty());
    }

    #[test]
    fn ties_keep_the_candidates_order() {
        assert_eq!(
            best("级", &["市级", "区级", "局级"], Closeness::Typo),
            ["市级", "区级", "局级"]
        );
    }

    #[test]
    fn names_and_links() {
        let slugs = ["zhang-wei", "li-na", "/craftsmen/zhang-wei/"];
        assert_eq!(nearest("zhang-wie", slugs), Some("zhang-wei"));
        assert_eq!(
            nearest("/craftsmen/zhang-wie/", slugs),
            Some("/craftsmen/zhang-wei/")
        );
        assert_eq!(nearest("wang-fang", slugs), None);
        assert_eq!(nearest("", slugs), None);
    }
}
