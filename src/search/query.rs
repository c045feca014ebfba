//! Answers queries from the index files, step by step as the search page's script does, so
//! that tests can check the script's logic and results, and the benchmark can count the
//! bytes a query downloads.
//!
//! 1. Each query term becomes index terms ([`text::index_terms`]); their shards, then the
//!    spilled postings needed, are read. A phrase that will be checked against the text first
//!    skips its frequent (spilled) bigrams when it has rarer ones ([`plan`]), and reads them,
//!    rarest first, only while the query has many candidates.
//! 2. A term's candidates are the documents holding all its index terms *in one field
//!    group*; the lowest such group is a lower bound of where the term occurs. Documents
//!    must be candidates of every term; filters (industry, cohort, level) use the manifest's
//!    ranges.
//! 3. Candidates are ranked by (tier, id): tier 0 is an exact name match, then 1, 2, 3 for
//!    the weakest field group the terms occur in (name, key facts, body).
//! 4. Terms that need it ([`text::needs_check`]) are confirmed against each candidate's
//!    stored text, in rank order, a batch at a time; a confirmed document is emitted once no
//!    unconfirmed candidate can rank before it. So the first page costs one batch of document
//!    files, and the full list is exact.

use super::docs::GROUPS;
use super::encode::{hash, Reader};
use super::layout::doc_path;
use super::text::{self, Run};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

/// How many document files the script fetches at once (and shows per page).
pub const BATCH: usize = 10;

/// Reads a file of the index by its path relative to `search/`.
pub type Fetch<'a> = dyn Fn(&str) -> Option<Vec<u8>> + 'a;

/// The parts of `index.json` a query needs.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub docs: u32,
    pub s: u32,
    pub ns: u32,
    pub kinds: Vec<String>,
    pub industries: BTreeMap<String, String>,
    /// `(first id, kind, cohort or 0, industry letter or "", level or "")`, ascending; the
    /// level only on a site with unions (`""` elsewhere).
    pub ranges: Vec<(u32, usize, i32, String, String)>,
}

/// Restricts results to one industry, one cohort and/or one level (`市级`, `区级`, `局级`: the
/// level a craftsman's card shows).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub industry: Option<String>,
    pub cohort: Option<i32>,
    pub level: Option<String>,
}

/// One result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub tier: u8,
    pub id: u32,
}

/// A ranked answer.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub hits: Vec<Hit>,
    /// How many candidates there were (after filters).
    pub candidates: usize,
    /// Whether `candidates` is the exact number of results.
    pub exact_count: bool,
}

/// A document file's contents.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct DocData {
    pub u: String,
    pub t: String,
    #[serde(default)]
    pub p: String,
    pub m: String,
    pub b: String,
}

impl DocData {
    fn group(&self, g: usize) -> String {
        match g {
            0 => format!("{}\n{}", self.t, self.p),
            1 => self.m.clone(),
            _ => self.b.clone(),
        }
    }
}

struct Candidate {
    id: u32,
    est: u8,
    /// Per query term, the lowest field group its index terms share.
    groups: Vec<u8>,
    exact_name: bool,
}

/// Where an index term's postings are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// In the shard (empty when the term is not indexed).
    Inline(String),
    /// In a file of their own, with how many documents hold the term.
    Spilled { path: String, docs: u64 },
}

/// The index terms of one query term in the order their postings are read, and how many of
/// them the first round reads. A phrase that is checked against the stored text anyway reads
/// first only its bigrams kept in the shards (the rarer ones), or else its rarest bigram; its
/// other bigrams follow, rarest first, while the query has many candidates ([`Engine::search`]).
/// Any subset keeps the candidates a superset of the matches.
struct Plan {
    entries: Vec<Entry>,
    first: usize,
    lists: Vec<[Vec<u32>; GROUPS]>,
}

fn plan(term: &Run, entries: Vec<Entry>) -> Plan {
    if term.ascii || !text::needs_check(term) {
        let first = entries.len();
        return Plan {
            entries,
            first,
            lists: Vec::new(),
        };
    }
    let (mut inline, mut spilled): (Vec<Entry>, Vec<Entry>) = entries
        .into_iter()
        .partition(|e| matches!(e, Entry::Inline(_)));
    spilled.sort_by_key(|e| match e {
        Entry::Spilled { docs, .. } => *docs,
        Entry::Inline(_) => 0,
    });
    let first = inline.len().max(1);
    inline.extend(spilled);
    Plan {
        entries: inline,
        first,
        lists: Vec::new(),
    }
}

/// Candidates of one term from its postings read so far: id → lowest field group holding all
/// of them.
fn term_candidates(lists: &[[Vec<u32>; GROUPS]]) -> BTreeMap<u32, u8> {
    let mut out: BTreeMap<u32, u8> = BTreeMap::new();
    for g in (0..GROUPS).rev() {
        let Some((first, rest)) = lists.split_first() else {
            break;
        };
        for &id in &first[g] {
            if rest.iter().all(|l| l[g].binary_search(&id).is_ok()) {
                out.insert(id, g as u8);
            }
        }
    }
    out
}

/// A query engine over one index.
pub struct Engine<'a> {
    fetch: &'a Fetch<'a>,
    pub manifest: Manifest,
    files: RefCell<HashMap<String, Option<String>>>,
    /// Every file read, in order, once each.
    pub fetched: RefCell<Vec<String>>,
}

fn parse_manifest(text: &str) -> Option<Manifest> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let num = |k: &str| v.get(k)?.as_u64().and_then(|n| u32::try_from(n).ok());
    let ranges = v
        .get("ranges")?
        .as_array()?
        .iter()
        .filter_map(|r| {
            Some((
                u32::try_from(r.get(0)?.as_u64()?).ok()?,
                usize::try_from(r.get(1)?.as_u64()?).ok()?,
                i32::try_from(r.get(2)?.as_i64()?).ok()?,
                r.get(3)?.as_str()?.to_string(),
                r.get(4).and_then(|l| l.as_str()).unwrap_or("").to_string(),
            ))
        })
        .collect();
    Some(Manifest {
        docs: num("docs")?,
        s: num("s")?.max(1),
        ns: num("ns")?.max(1),
        kinds: serde_json::from_value(v.get("kinds")?.clone()).ok()?,
        industries: serde_json::from_value(v.get("industries")?.clone()).ok()?,
        ranges,
    })
}

impl<'a> Engine<'a> {
    /// Opens an index by reading its manifest.
    pub fn open(fetch: &'a Fetch<'a>) -> Result<Engine<'a>, String> {
        let engine = Engine {
            fetch,
            manifest: Manifest {
                docs: 0,
                s: 1,
                ns: 1,
                kinds: Vec::new(),
                industries: BTreeMap::new(),
                ranges: Vec::new(),
            },
            files: RefCell::default(),
            fetched: RefCell::default(),
        };
        let text = engine.file("index.json").ok_or("no index.json")?;
        let manifest = parse_manifest(&text).ok_or("index.json cannot be read")?;
        Ok(Engine { manifest, ..engine })
    }

    fn file(&self, path: &str) -> Option<String> {
        if let Some(f) = self.files.borrow().get(path) {
            return f.clone();
        }
        let f = (self.fetch)(path).and_then(|b| String::from_utf8(b).ok());
        self.fetched.borrow_mut().push(path.to_string());
        self.files.borrow_mut().insert(path.to_string(), f.clone());
        f
    }

    fn line(&self, path: &str, key: &str) -> Option<String> {
        let text = self.file(path)?;
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('\t').map(str::to_string))
    }

    /// Where an index term's postings are: its shard line, or the file it was spilled to.
    pub fn entry(&self, term: &str) -> Entry {
        let shard = hash(term) % self.manifest.s;
        let Some(data) = self.line(&format!("s/{shard}.txt"), term) else {
            return Entry::Inline(String::new());
        };
        let Some(spilled) = data.strip_prefix(super::layout::SPILLED) else {
            return Entry::Inline(data);
        };
        let (k, docs) = spilled.split_once(':').unwrap_or((spilled, "0"));
        Entry::Spilled {
            path: format!("x/{shard}-{k}.txt"),
            docs: docs.parse().unwrap_or(0),
        }
    }

    /// An index term's documents per field group (empty when the term is not indexed).
    pub fn postings(&self, entry: &Entry) -> [Vec<u32>; GROUPS] {
        let data = match entry {
            Entry::Inline(d) => d.clone(),
            Entry::Spilled { path, .. } => self.file(path).unwrap_or_default(),
        };
        let mut r = Reader::new(&data);
        std::array::from_fn(|_| r.set().unwrap_or_default())
    }

    fn exact_names(&self, key: &str) -> Vec<u32> {
        if key.is_empty() {
            return Vec::new();
        }
        let i = hash(key) % self.manifest.ns;
        self.line(&format!("n/{i}.txt"), key)
            .and_then(|d| Reader::new(&d).set())
            .unwrap_or_default()
    }

    /// A document's file.
    pub fn doc(&self, id: u32) -> Option<DocData> {
        serde_json::from_str(&self.file(&doc_path(id))?).ok()
    }

    /// The range a document id falls in: (kind label, cohort or 0, industry letter, level).
    pub fn labels(&self, id: u32) -> (String, i32, String, String) {
        let r = &self.manifest.ranges;
        let i = r.partition_point(|x| x.0 <= id).saturating_sub(1);
        r.get(i)
            .map_or_else(Default::default, |(_, k, c, ind, level)| {
                let kind = self.manifest.kinds.get(*k).cloned().unwrap_or_default();
                (kind, *c, ind.clone(), level.clone())
            })
    }

    fn passes(&self, id: u32, f: &Filter) -> bool {
        let (_, cohort, industry, level) = self.labels(id);
        f.cohort.is_none_or(|c| c == cohort)
            && f.industry.as_ref().is_none_or(|i| *i == industry)
            && f.level.as_ref().is_none_or(|l| *l == level)
    }

    /// Reads the postings of a plan's entries up to `upto`.
    fn read(&self, plan: &mut Plan, upto: usize) {
        let upto = upto.min(plan.entries.len());
        for e in &plan.entries[plan.lists.len()..upto] {
            plan.lists.push(self.postings(e));
        }
    }

    /// Candidates of every term, filtered and ranked by their lower bound. While there are more
    /// than two batches of them and a phrase has unread bigrams, reads 1, 2, 4 … more of each
    /// such phrase's bigrams (rarest first) and narrows them: bigram postings cost far less than
    /// the document files that would otherwise check the candidates.
    fn candidates(&self, terms: &[Run], names: &[u32], filter: &Filter) -> Vec<Candidate> {
        let mut plans: Vec<Plan> = terms
            .iter()
            .map(|t| {
                plan(
                    t,
                    text::index_terms(t).iter().map(|x| self.entry(x)).collect(),
                )
            })
            .collect();
        let mut wave = 0;
        loop {
            for p in &mut plans {
                let upto = if wave == 0 {
                    p.first
                } else {
                    p.lists.len() + wave
                };
                self.read(p, upto);
            }
            let cands = self.combine(&plans, names, filter);
            if cands.len() <= 2 * BATCH || plans.iter().all(|p| p.lists.len() == p.entries.len()) {
                return cands;
            }
            wave = (wave * 2).max(1);
        }
    }

    fn combine(&self, plans: &[Plan], names: &[u32], filter: &Filter) -> Vec<Candidate> {
        let per_term: Vec<BTreeMap<u32, u8>> =
            plans.iter().map(|p| term_candidates(&p.lists)).collect();
        let mut cands: Vec<Candidate> = per_term[0]
            .keys()
            .filter(|id| per_term.iter().all(|m| m.contains_key(id)))
            .filter(|&&id| self.passes(id, filter))
            .map(|&id| {
                let groups: Vec<u8> = per_term.iter().map(|m| m[&id]).collect();
                let exact_name = names.binary_search(&id).is_ok();
                let weakest = groups.iter().copied().max().unwrap_or(0);
                Candidate {
                    id,
                    est: if exact_name { 0 } else { weakest + 1 },
                    groups,
                    exact_name,
                }
            })
            .collect();
        cands.sort_by_key(|c| (c.est, c.id));
        cands
    }

    /// Answers a query with up to `limit` confirmed hits, in rank order (all of them when there
    /// are at most twice [`BATCH`] candidates).
    pub fn search(&self, q: &str, filter: &Filter, limit: usize) -> Answer {
        let terms = text::query_terms(q);
        if terms.is_empty() {
            return Answer::default();
        }
        let names = self.exact_names(&text::key(q));
        let cands = self.candidates(&terms, &names, filter);
        let check: Vec<bool> = terms.iter().map(text::needs_check).collect();
        let any_check = check.iter().any(|&c| c);
        let mut answer = Answer {
            candidates: cands.len(),
            exact_count: !any_check,
            hits: Vec::new(),
        };
        // A few candidates are all confirmed at once, so that the count is exact.
        let limit = if cands.len() <= 2 * BATCH {
            usize::MAX
        } else {
            limit
        };
        let mut pending: Vec<Hit> = Vec::new();
        let mut next = 0;
        while answer.hits.len() < limit {
            let ready = pending.first().is_some_and(|h| {
                cands
                    .get(next)
                    .is_none_or(|c| (h.tier, h.id) <= (c.est, c.id))
            });
            if ready {
                answer.hits.push(pending.remove(0));
                continue;
            }
            if next == cands.len() {
                break;
            }
            let end = (next + BATCH).min(cands.len());
            for c in &cands[next..end] {
                let tier = if any_check {
                    self.confirm(c, &terms, &check)
                } else {
                    Some(c.est)
                };
                if let Some(tier) = tier {
                    let h = Hit { tier, id: c.id };
                    let at = pending.partition_point(|p| *p < h);
                    pending.insert(at, h);
                }
            }
            next = end;
        }
        if next == cands.len() && pending.is_empty() {
            answer.exact_count = true;
            answer.candidates = answer.hits.len();
        }
        answer
    }

    /// The true tier of a candidate, checked against its stored text; `None` when a term is
    /// not there after all.
    fn confirm(&self, c: &Candidate, terms: &[Run], check: &[bool]) -> Option<u8> {
        let doc = self.doc(c.id)?;
        let mut weakest = 0;
        for (i, term) in terms.iter().enumerate() {
            let g = if check[i] {
                (c.groups[i] as usize..GROUPS).find(|&g| text::contains(&doc.group(g), term))? as u8
            } else {
                c.groups[i]
            };
            weakest = weakest.max(g);
        }
        Some(if c.exact_name { 0 } else { weakest + 1 })
    }
}
