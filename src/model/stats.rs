//! Programme statistics computed from profiles: counts, one-decimal percentages and how many were left out.
//!
//! Every figure of the seed report's section 一(二) is computed here, never typed by hand. A
//! profile that leaves a field out is left out of that figure's denominator (`known`), and the
//! figure says how many were left out (`missing`), so a page can print
//! "458 人，占 78.6%（3 人未填写）".
//!
//! Rounding is done on integers (half up, one decimal), so 458/583 is always "78.6%" and never
//! the victim of a binary fraction. `compute` is pure: the same profiles give the same `Stats`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Serialize, Serializer};

use crate::schema::levels::{Award, AwardGrade, AwardKind, Education, SkillLevel, TitleLevel};

/// Shown instead of a number when no profile in scope has the field.
pub(crate) const NO_DATA: &str = "—";

/// A profile's patent counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Patents {
    pub invention: u32,
    pub utility_model: u32,
    pub design: u32,
}

/// The statistics fields of one profile; `None` means the profile leaves the field out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatInput {
    pub frontline: Option<bool>,
    pub work_years: Option<u32>,
    pub education: Option<Education>,
    pub skill_level: Option<SkillLevel>,
    pub title_level: Option<TitleLevel>,
    pub patents: Option<Patents>,
    pub awards: Option<AwardCounts>,
    pub benefit_cny: Option<u64>,
    /// The GB/T 4754-2017 section letter (`C` for 制造业).
    pub industry: Option<char>,
    /// The city cohort's year (`None` for one selected by unions only).
    pub cohort: Option<i32>,
}

/// A "how many of them" figure: a count out of the people who filled in the field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Stable name for templates: `frontline`, `bachelor_or_above`, …
    pub key: &'static str,
    /// Chinese label: `来自生产一线`.
    pub label: &'static str,
    /// People for whom the figure holds.
    pub count: usize,
    /// People with the field filled in: the denominator.
    pub known: usize,
    /// People without the field, left out of the denominator.
    pub missing: usize,
    /// `count / known` in percent, rounded half up to one decimal; `None` when `known` is 0.
    pub percent: Option<f64>,
    /// `78.6%`, or `—` when `known` is 0.
    pub percent_text: String,
}

/// The mean of a numeric field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Average {
    pub label: &'static str,
    /// Rounded half up to one decimal; `None` when `known` is 0.
    pub value: Option<f64>,
    /// `26.1`, or `—`.
    pub text: String,
    pub known: usize,
    pub missing: usize,
}

/// Shanghai science and technology progress awards by grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ShanghaiAwards {
    pub special: usize,
    pub first: usize,
    pub second: usize,
    pub third: usize,
    /// Shanghai awards whose grade could not be read.
    pub ungraded: usize,
}

impl ShanghaiAwards {
    fn add(&mut self, other: &ShanghaiAwards) {
        self.special += other.special;
        self.first += other.first;
        self.second += other.second;
        self.third += other.third;
        self.ungraded += other.ungraded;
    }
}

/// One profile's awards, counted as [`AwardStats`] counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AwardCounts {
    pub national: usize,
    pub shanghai: ShanghaiAwards,
    pub other: usize,
}

impl AwardCounts {
    pub fn of(awards: &[Award]) -> Self {
        let mut counts = AwardCounts::default();
        for award in awards {
            counts.count(award.kind());
        }
        counts
    }

    fn count(&mut self, kind: AwardKind) {
        match kind {
            AwardKind::National => self.national += 1,
            AwardKind::Shanghai(grade) => {
                let sh = &mut self.shanghai;
                match grade {
                    Some(AwardGrade::Special) => sh.special += 1,
                    Some(AwardGrade::First) => sh.first += 1,
                    Some(AwardGrade::Second) => sh.second += 1,
                    Some(AwardGrade::Third) => sh.third += 1,
                    None => sh.ungraded += 1,
                }
            }
            AwardKind::Other => self.other += 1,
        }
    }
}

/// Counts of awards (not of people) listed on the profiles.
///
/// An award is counted once per profile that lists it: a joint award written on two profiles
/// counts twice, because nothing in a profile says two entries are the same award.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AwardStats {
    pub label: &'static str,
    /// 国家科技进步奖 entries.
    pub national: usize,
    /// 上海市科技进步奖 entries by grade.
    pub shanghai: ShanghaiAwards,
    /// Every other award.
    pub other: usize,
    /// Profiles with an `awards` field (an empty list counts as known: "no awards").
    pub known: usize,
    pub missing: usize,
}

/// Value created for employers, summed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benefit {
    pub label: &'static str,
    pub total_cny: u64,
    /// In Chinese units: `29.6亿元`, `1200万元`, `5000元`; `—` when `known` is 0.
    pub text: String,
    pub known: usize,
    pub missing: usize,
}

/// Industry sections covered by the people in scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub label: &'static str,
    /// Distinct sections.
    pub count: usize,
    /// The section letters, in order.
    pub sections: Vec<char>,
    pub known: usize,
    pub missing: usize,
}

/// The programme's statistics for one scope (the whole site, a cohort or an industry).
///
/// Serialised for templates with `figures` (a list in table order, to loop over) and `by_key`
/// (the same figures by key: `stats.by_key.frontline.percent_text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// People in scope.
    pub people: usize,
    /// The count-and-percentage figures, in the order of the seed's table.
    pub figures: Vec<Figure>,
    pub average_work_years: Average,
    pub awards: AwardStats,
    pub benefit: Benefit,
    pub industries_covered: Coverage,
}

impl Stats {
    /// The figure with this key (`frontline`, `dual_qualified`, …).
    pub fn by_key(&self, key: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.key == key)
    }
}

/// What templates see: the fields of `Stats` plus `by_key`.
#[derive(Serialize)]
struct StatsView<'a> {
    people: usize,
    figures: &'a [Figure],
    by_key: BTreeMap<&'static str, &'a Figure>,
    average_work_years: &'a Average,
    awards: &'a AwardStats,
    benefit: &'a Benefit,
    industries_covered: &'a Coverage,
}

impl Serialize for Stats {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        StatsView {
            people: self.people,
            figures: &self.figures,
            by_key: self.figures.iter().map(|f| (f.key, f)).collect(),
            average_work_years: &self.average_work_years,
            awards: &self.awards,
            benefit: &self.benefit,
            industries_covered: &self.industries_covered,
        }
        .serialize(serializer)
    }
}

/// How one figure is read from a profile: `None` when the profile lacks what it needs.
struct FigureSpec {
    key: &'static str,
    label: &'static str,
    holds: fn(&StatInput) -> Option<bool>,
}

/// The figures, in the order of the seed's table.
const FIGURES: &[FigureSpec] = &[
    FigureSpec {
        key: "frontline",
        label: "来自生产一线",
        holds: |p| p.frontline,
    },
    FigureSpec {
        key: "bachelor_or_above",
        label: "本科及以上学历",
        holds: |p| p.education.map(|e| e.is_bachelor_or_above()),
    },
    FigureSpec {
        key: "advanced_skill",
        label: "有高级技能等级证书",
        holds: |p| p.skill_level.map(|s| s.is_advanced()),
    },
    FigureSpec {
        key: "technician",
        label: "技师、高级技师",
        holds: |p| p.skill_level.map(|s| s.is_technician()),
    },
    FigureSpec {
        key: "senior_title",
        label: "有高级职称",
        holds: |p| p.title_level.map(|t| t.is_senior()),
    },
    FigureSpec {
        key: "dual_qualified",
        label: "“双师型”职工",
        holds: |p| match (p.skill_level, p.title_level) {
            (Some(s), Some(t)) => Some(s.is_technician() && t.has_title()),
            _ => None,
        },
    },
    FigureSpec {
        key: "invention",
        label: "拥有发明专利",
        holds: |p| p.patents.map(|x| x.invention > 0),
    },
    FigureSpec {
        key: "utility_model",
        label: "拥有实用新型专利",
        holds: |p| p.patents.map(|x| x.utility_model > 0),
    },
    FigureSpec {
        key: "design",
        label: "拥有外观设计专利",
        holds: |p| p.patents.map(|x| x.design > 0),
    },
];

/// Computes the statistics of the people in `inputs`.
pub(crate) fn compute(inputs: &[StatInput]) -> Stats {
    compute_refs(&inputs.iter().collect::<Vec<_>>())
}

/// Computes the statistics of a selection of profiles (a cohort, an industry).
pub(crate) fn compute_refs(inputs: &[&StatInput]) -> Stats {
    let people = inputs.len();
    Stats {
        people,
        figures: FIGURES.iter().map(|spec| figure(spec, inputs)).collect(),
        average_work_years: average_work_years(inputs),
        awards: awards(inputs),
        benefit: benefit(inputs),
        industries_covered: industries(inputs),
    }
}

/// Statistics per cohort year.
pub(crate) fn compute_by_cohort(inputs: &[StatInput]) -> BTreeMap<i32, Stats> {
    compute_grouped(inputs, |p| p.cohort)
}

/// Statistics per industry section; profiles without an industry are in no group.
pub(crate) fn compute_by_industry(inputs: &[StatInput]) -> BTreeMap<char, Stats> {
    compute_grouped(inputs, |p| p.industry)
}

fn compute_grouped<K: Ord>(
    inputs: &[StatInput],
    group: impl Fn(&StatInput) -> Option<K>,
) -> BTreeMap<K, Stats> {
    let mut groups: BTreeMap<K, Vec<&StatInput>> = BTreeMap::new();
    for p in inputs {
        if let Some(k) = group(p) {
            groups.entry(k).or_default().push(p);
        }
    }
    groups
        .into_iter()
        .map(|(k, members)| (k, compute_refs(&members)))
        .collect()
}

fn figure(spec: &FigureSpec, inputs: &[&StatInput]) -> Figure {
    let answers: Vec<bool> = inputs.iter().filter_map(|p| (spec.holds)(p)).collect();
    let known = answers.len();
    let count = answers.iter().filter(|&&b| b).count();
    let tenths = (known > 0).then(|| round_tenths(count as u128 * 100, known as u128));
    Figure {
        key: spec.key,
        label: spec.label,
        count,
        known,
        missing: inputs.len() - known,
        percent: tenths.map(tenths_value),
        percent_text: tenths
            .map_or_else(|| NO_DATA.to_string(), |t| format!("{}%", tenths_text(t))),
    }
}

fn average_work_years(inputs: &[&StatInput]) -> Average {
    let years: Vec<u32> = inputs.iter().filter_map(|p| p.work_years).collect();
    let known = years.len();
    let sum: u128 = years.iter().map(|&y| u128::from(y)).sum();
    let tenths = (known > 0).then(|| round_tenths(sum, known as u128));
    Average {
        label: "平均工作年限",
        value: tenths.map(tenths_value),
        text: tenths.map_or_else(|| NO_DATA.to_string(), tenths_text),
        known,
        missing: inputs.len() - known,
    }
}

fn awards(inputs: &[&StatInput]) -> AwardStats {
    let mut stats = AwardStats {
        label: "获科技进步奖",
        national: 0,
        shanghai: ShanghaiAwards::default(),
        other: 0,
        known: 0,
        missing: 0,
    };
    for p in inputs {
        let Some(counts) = &p.awards else {
            stats.missing += 1;
            continue;
        };
        stats.known += 1;
        stats.national += counts.national;
        stats.shanghai.add(&counts.shanghai);
        stats.other += counts.other;
    }
    stats
}

fn benefit(inputs: &[&StatInput]) -> Benefit {
    let values: Vec<u64> = inputs.iter().filter_map(|p| p.benefit_cny).collect();
    let known = values.len();
    // Saturate rather than wrap: u64 yuan is far beyond any real total.
    let total = values.iter().fold(0u64, |acc, &v| acc.saturating_add(v));
    Benefit {
        label: "为企业创造效益",
        total_cny: total,
        text: if known == 0 {
            NO_DATA.to_string()
        } else {
            yuan_text(total)
        },
        known,
        missing: inputs.len() - known,
    }
}

fn industries(inputs: &[&StatInput]) -> Coverage {
    let known: Vec<char> = inputs.iter().filter_map(|p| p.industry).collect();
    let sections: BTreeSet<char> = known.iter().copied().collect();
    Coverage {
        label: "覆盖国民经济行业门类",
        count: sections.len(),
        sections: sections.into_iter().collect(),
        known: known.len(),
        missing: inputs.len() - known.len(),
    }
}

/// `num / den` in tenths, rounded half up: `round_tenths(458 * 100, 583)` = 786.
/// `den` must not be 0.
fn round_tenths(num: u128, den: u128) -> u128 {
    // num/den * 10 + 1/2, floored, with everything over 2·den to stay in integers.
    (num * 20 + den) / (2 * den)
}

fn tenths_value(tenths: u128) -> f64 {
    tenths as f64 / 10.0
}

/// `786` → `78.6`; always one decimal.
fn tenths_text(tenths: u128) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `296` → `29.6`, `300` → `30`: one decimal, dropped when it is 0.
fn tenths_text_short(tenths: u128) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        tenths_text(tenths)
    }
}

const WAN: u128 = 10_000;
const YI: u128 = 100_000_000;

/// An amount of yuan in Chinese units, one decimal, half up:
/// below 1万 as yuan (`5000元`), below 1亿 in 万 (`1200万元`, `1234.6万元`), else in 亿
/// (`29.6亿元`). An amount that rounds up to 10000.0万 is written `1亿元`.
pub(crate) fn yuan_text(yuan: u64) -> String {
    let yuan = u128::from(yuan);
    if yuan < WAN {
        return format!("{yuan}元");
    }
    let wan_tenths = round_tenths(yuan, WAN);
    if wan_tenths < 10 * (YI / WAN) {
        return format!("{}万元", tenths_text_short(wan_tenths));
    }
    format!("{}亿元", tenths_text_short(round_tenths(yuan, YI)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn percent_text(count: usize, known: usize) -> String {
        let spec = FigureSpec {
            key: "t",
            label: "t",
            holds: |p| p.frontline,
        };
        let inputs: Vec<StatInput> = (0..known)
            .map(|i| StatInput {
                frontline: Some(i < count),
                ..Default::default()
            })
            .collect();
        figure(&spec, &inputs.iter().collect::<Vec<_>>()).percent_text
    }

    #[test]
    fn percentages_of_the_seed_round_half_up_to_one_decimal() {
        assert_eq!(percent_text(458, 583), "78.6%");
        assert_eq!(percent_text(341, 583), "58.5%");
        assert_eq!(percent_text(359, 583), "61.6%");
        assert_eq!(percent_text(310, 583), "53.2%");
        assert_eq!(percent_text(178, 583), "30.5%");
        // The seed prints 39%; the site prints one decimal.
        assert_eq!(percent_text(229, 583), "39.3%");
    }

    #[test]
    fn percentages_at_exact_halves_and_thirds() {
        assert_eq!(percent_text(1, 8), "12.5%");
        assert_eq!(percent_text(1, 3), "33.3%");
        assert_eq!(percent_text(2, 3), "66.7%");
        assert_eq!(percent_text(1, 1), "100.0%");
        assert_eq!(percent_text(0, 5), "0.0%");
        assert_eq!(percent_text(0, 0), "—");
        // 1/16 = 6.25% → 6.3% (half up), 1/2000 = 0.05% → 0.1%, 1/2001 → 0.0%.
        assert_eq!(percent_text(1, 16), "6.3%");
        assert_eq!(percent_text(1, 2000), "0.1%");
        assert_eq!(percent_text(1, 2001), "0.0%");
    }

    #[test]
    fn round_tenths_is_exact() {
        assert_eq!(round_tenths(458 * 100, 583), 786);
        assert_eq!(round_tenths(183, 7), 261);
        assert_eq!(round_tenths(5, 2), 25);
        assert_eq!(round_tenths(1, 20), 1); // 0.05 → 0.1
    }

    #[test]
    fn yuan_in_chinese_units() {
        assert_eq!(yuan_text(2_960_000_000), "29.6亿元");
        assert_eq!(yuan_text(3_000_000_000), "30亿元");
        assert_eq!(yuan_text(2_965_000_000), "29.7亿元"); // half up
        assert_eq!(yuan_text(2_964_999_999), "29.6亿元");
        assert_eq!(yuan_text(100_000_000), "1亿元");
        assert_eq!(yuan_text(12_000_000), "1200万元");
        assert_eq!(yuan_text(12_345_678), "1234.6万元");
        assert_eq!(yuan_text(99_999_499), "9999.9万元");
        assert_eq!(yuan_text(99_999_500), "1亿元"); // 9999.95万 rounds to 10000.0万
        assert_eq!(yuan_text(10_000), "1万元");
        assert_eq!(yuan_text(15_000), "1.5万元");
        assert_eq!(yuan_text(9_999), "9999元");
        assert_eq!(yuan_text(0), "0元");
        assert_eq!(yuan_text(u64::MAX), "184467440737.1亿元");
    }

    fn award(name: &str, grade: Option<&str>) -> Award {
        Award {
            name: name.to_string(),
            grade: grade.map(str::to_string),
            year: None,
        }
    }

    fn patents(invention: u32, utility_model: u32, design: u32) -> Option<Patents> {
        Some(Patents {
            invention,
            utility_model,
            design,
        })
    }

    /// Eight people, some fields left out. Worked by hand:
    ///
    /// | | front | years | edu | skill | title | patents i/u/d | awards | benefit | ind |
    /// |---|---|---|---|---|---|---|---|---|---|
    /// | A | yes | 30 | 本科 | 高级技师 | 副高级 | 3/5/0 | 国家 | 12亿 | C |
    /// | B | yes | 25 | 大专 | 技师 | 中级 | 0/2/1 | 沪二等 | 8亿 | C |
    /// | C | no | 20 | 硕士 | 无 | 正高级 | 4/0/0 | 沪三等, 五一奖章 | 9.6亿 | I |
    /// | D | yes | 28 | 高中 | 高级工 | 无 | 0/0/0 | [] | – | G |
    /// | E | yes | – | 中专 | 技师 | – | – | – | – | C |
    /// | F | – | 31 | – | 高级技师 | 初级 | 1/1/0 | 沪三等 (in name) | – | E |
    /// | G | no | 22 | 博士 | – | 副高级 | – | – | – | – |
    /// | H | yes | 27 | 本科 | 中级工 | 无 | 0/3/0 | 沪三等 | 0 | C |
    ///
    /// - frontline: known 7 (F missing), yes A B D E H = 5 → 5/7 = 71.43 → 71.4%
    /// - work years: known 7 (E missing), sum 30+25+20+28+31+22+27 = 183, 183/7 = 26.14 → 26.1
    /// - bachelor or above: known 7 (F missing), A C G H = 4 → 4/7 = 57.14 → 57.1%
    /// - advanced skill: known 7 (G missing), A B D E F = 5 → 71.4%
    /// - technician: A B E F = 4 of 7 → 57.1%
    /// - senior title: known 7 (E missing), A C G = 3 → 3/7 = 42.86 → 42.9%
    /// - dual-qualified: known = both present = A B C D F H = 6 (E, G missing);
    ///   technician with a title: A (副高级), B (中级), F (初级) = 3 → 50.0%
    /// - patents: known A B C D F H = 6 (E, G missing);
    ///   invention A C F = 3 → 50.0%; utility model A B F H = 4 → 66.7%; design B = 1 → 16.7%
    /// - awards: known A B C D F H = 6 (D's empty list is known), missing E G = 2;
    ///   national 1 (A); Shanghai second 1 (B), third 3 (C F H); other 1 (C's 五一)
    /// - benefit: known A B C H = 4, missing 4; 12亿 + 8亿 + 9.6亿 + 0 = 29.6亿元
    /// - industries: known 7 (G missing); C I G E → 4 sections
    fn fixture() -> Vec<StatInput> {
        use Education as Ed;
        use SkillLevel as Sk;
        use TitleLevel as Ti;
        vec![
            StatInput {
                frontline: Some(true),
                work_years: Some(30),
                education: Some(Ed::Bachelor),
                skill_level: Some(Sk::SeniorTechnician),
                title_level: Some(Ti::ViceSenior),
                patents: patents(3, 5, 0),
                awards: Some(AwardCounts::of(&[award("国家科技进步奖", Some("二等奖"))])),
                benefit_cny: Some(1_200_000_000),
                industry: Some('C'),
                cohort: Some(2016),
            },
            StatInput {
                frontline: Some(true),
                work_years: Some(25),
                education: Some(Ed::College),
                skill_level: Some(Sk::Technician),
                title_level: Some(Ti::Intermediate),
                patents: patents(0, 2, 1),
                awards: Some(AwardCounts::of(&[award(
                    "上海市科技进步奖",
                    Some("二等奖"),
                )])),
                benefit_cny: Some(800_000_000),
                industry: Some('C'),
                cohort: Some(2016),
            },
            StatInput {
                frontline: Some(false),
                work_years: Some(20),
                education: Some(Ed::Master),
                skill_level: Some(Sk::NoCertificate),
                title_level: Some(Ti::FullSenior),
                patents: patents(4, 0, 0),
                awards: Some(AwardCounts::of(&[
                    award("上海市科技进步奖", Some("三等奖")),
                    award("全国五一劳动奖章", None),
                ])),
                benefit_cny: Some(960_000_000),
                industry: Some('I'),
                cohort: Some(2017),
            },
            StatInput {
                frontline: Some(true),
                work_years: Some(28),
                education: Some(Ed::SeniorHigh),
                skill_level: Some(Sk::Senior),
                title_level: Some(Ti::NoTitle),
                patents: patents(0, 0, 0),
                awards: Some(AwardCounts::of(&[])),
                benefit_cny: None,
                industry: Some('G'),
                cohort: Some(2017),
            },
            StatInput {
                frontline: Some(true),
                education: Some(Ed::Vocational),
                skill_level: Some(Sk::Technician),
                industry: Some('C'),
                cohort: Some(2018),
                ..Default::default()
            },
            StatInput {
                work_years: Some(31),
                skill_level: Some(Sk::SeniorTechnician),
                title_level: Some(Ti::Junior),
                patents: patents(1, 1, 0),
                awards: Some(AwardCounts::of(&[Award::named("上海市科技进步奖三等奖")])),
                industry: Some('E'),
                cohort: Some(2018),
                ..Default::default()
            },
            StatInput {
                frontline: Some(false),
                work_years: Some(22),
                education: Some(Ed::Doctor),
                title_level: Some(Ti::ViceSenior),
                cohort: Some(2019),
                ..Default::default()
            },
            StatInput {
                frontline: Some(true),
                work_years: Some(27),
                education: Some(Ed::Bachelor),
                skill_level: Some(Sk::Intermediate),
                title_level: Some(Ti::NoTitle),
                patents: patents(0, 3, 0),
                awards: Some(AwardCounts::of(&[award(
                    "上海市科学技术进步奖",
                    Some("三等奖"),
                )])),
                benefit_cny: Some(0),
                industry: Some('C'),
                cohort: Some(2019),
            },
        ]
    }

    /// (key, count, known, missing, percent text)
    fn figure_row(f: &Figure) -> (&str, usize, usize, usize, &str) {
        (f.key, f.count, f.known, f.missing, f.percent_text.as_str())
    }

    #[test]
    fn hand_worked_fixture() {
        let stats = compute(&fixture());
        assert_eq!(stats.people, 8);
        let rows: Vec<_> = stats.figures.iter().map(figure_row).collect();
        assert_eq!(
            rows,
            [
                ("frontline", 5, 7, 1, "71.4%"),
                ("bachelor_or_above", 4, 7, 1, "57.1%"),
                ("advanced_skill", 5, 7, 1, "71.4%"),
                ("technician", 4, 7, 1, "57.1%"),
                ("senior_title", 3, 7, 1, "42.9%"),
                ("dual_qualified", 3, 6, 2, "50.0%"),
                ("invention", 3, 6, 2, "50.0%"),
                ("utility_model", 4, 6, 2, "66.7%"),
                ("design", 1, 6, 2, "16.7%"),
            ]
        );
        assert_eq!(stats.by_key("frontline").unwrap().percent, Some(71.4));
        assert_eq!(stats.by_key("frontline").unwrap().label, "来自生产一线");

        let years = &stats.average_work_years;
        assert_eq!((years.value, years.text.as_str()), (Some(26.1), "26.1"));
        assert_eq!((years.known, years.missing), (7, 1));

        let awards = &stats.awards;
        assert_eq!((awards.national, awards.other), (1, 1));
        assert_eq!(
            awards.shanghai,
            ShanghaiAwards {
                special: 0,
                first: 0,
                second: 1,
                third: 3,
                ungraded: 0
            }
        );
        assert_eq!((awards.known, awards.missing), (6, 2));

        let benefit = &stats.benefit;
        assert_eq!(benefit.total_cny, 2_960_000_000);
        assert_eq!(benefit.text, "29.6亿元");
        assert_eq!((benefit.known, benefit.missing), (4, 4));

        let ind = &stats.industries_covered;
        assert_eq!(ind.count, 4);
        assert_eq!(ind.sections, ['C', 'E', 'G', 'I']);
        assert_eq!((ind.known, ind.missing), (7, 1));
    }

    #[test]
    fn no_people_gives_dashes_not_zeroes() {
        let stats = compute(&[]);
        assert_eq!(stats.people, 0);
        assert_eq!(stats.figures.len(), FIGURES.len());
        for f in &stats.figures {
            assert_eq!((f.count, f.known, f.missing), (0, 0, 0));
            assert_eq!((f.percent, f.percent_text.as_str()), (None, "—"));
        }
        assert_eq!(stats.average_work_years.value, None);
        assert_eq!(stats.average_work_years.text, "—");
        assert_eq!(stats.benefit.text, "—");
        assert_eq!(stats.industries_covered.count, 0);
    }

    #[test]
    fn people_without_any_field_are_counted_as_missing_everywhere() {
        let stats = compute(&[StatInput::default(), StatInput::default()]);
        assert_eq!(stats.people, 2);
        assert!(stats.figures.iter().all(|f| f.missing == 2 && f.known == 0));
        assert_eq!(stats.awards.missing, 2);
        assert_eq!(stats.benefit.missing, 2);
        assert_eq!(stats.industries_covered.missing, 2);
    }

    #[test]
    fn scopes_by_cohort_and_industry() {
        let inputs = fixture();
        let by_cohort = compute_by_cohort(&inputs);
        assert_eq!(
            by_cohort.keys().copied().collect::<Vec<_>>(),
            [2016, 2017, 2018, 2019]
        );
        // 2016: A and B, both front line, both technicians with a title.
        let c2016 = &by_cohort[&2016];
        assert_eq!(c2016.people, 2);
        assert_eq!(c2016.by_key("frontline").unwrap().percent_text, "100.0%");
        assert_eq!(c2016.by_key("dual_qualified").unwrap().count, 2);
        assert_eq!(c2016.benefit.text, "20亿元");

        let by_industry = compute_by_industry(&inputs);
        // G has no industry and is in no group.
        let people: usize = by_industry.values().map(|s| s.people).sum();
        assert_eq!(people, 7);
        // C: A B E H; front line all 4; years A B H known = (30+25+27)/3 = 27.3.
        let c = &by_industry[&'C'];
        assert_eq!(c.people, 4);
        assert_eq!(c.average_work_years.text, "27.3");
        assert_eq!(c.average_work_years.missing, 1);
    }

    #[test]
    fn compute_is_deterministic() {
        let inputs = fixture();
        assert_eq!(compute(&inputs), compute(&inputs));
    }

    #[test]
    fn templates_see_a_list_and_a_map_of_figures() {
        let json = serde_json::to_value(compute(&fixture())).unwrap();
        assert_eq!(json["people"], 8);
        assert_eq!(json["figures"][0]["key"], "frontline");
        assert_eq!(json["figures"].as_array().unwrap().len(), 9);
        assert_eq!(json["by_key"]["senior_title"]["percent_text"], "42.9%");
        assert_eq!(json["by_key"]["senior_title"]["percent"], 42.9);
        assert_eq!(json["average_work_years"]["text"], "26.1");
        assert_eq!(json["awards"]["shanghai"]["third"], 3);
        assert_eq!(json["benefit"]["text"], "29.6亿元");
        assert_eq!(json["industries_covered"]["sections"][0], "C");
        let empty = serde_json::to_value(compute(&[])).unwrap();
        assert!(empty["figures"][0]["percent"].is_null());
    }
}
