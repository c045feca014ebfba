//! The closed vocabularies of a profile: level, education, skill level, professional title, award kinds.
//!
//! Each vocabulary is an enum whose values are the exact Chinese words of the content schema.
//! `parse` accepts only those words (surrounding whitespace, full-width spaces included, is
//! ignored); `closest` offers the nearest allowed words for an editor's typo, so the loader can
//! say "写的是「大学本科」，可选：本科".

use std::fmt;

use serde::{Serialize, Serializer};

/// A closed list of Chinese values, so that loading code can parse and hint generically.
pub(crate) trait Vocabulary: Sized + Copy + 'static {
    /// Every allowed value, in the order the schema lists them.
    const ALL: &'static [Self];

    /// The Chinese word written in content files and shown on pages.
    fn label(&self) -> &'static str;

    /// Reads the exact Chinese word, ignoring surrounding whitespace (tests read every vocabulary
    /// through it).
    #[cfg(test)]
    fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL.iter().copied().find(|v| v.label() == s)
    }

    /// The allowed values nearest to an unknown word, best first; empty when nothing is close.
    fn closest(s: &str) -> Vec<Self> {
        let labels: Vec<&'static str> = Self::ALL.iter().map(Self::label).collect();
        closest_labels(s, &labels)
            .into_iter()
            .filter_map(|label| Self::ALL.iter().copied().find(|v| v.label() == label))
            .collect()
    }

    /// The allowed values joined for a message: `市级、区级、局级`.
    #[cfg(test)]
    fn allowed_text() -> String {
        let labels: Vec<&str> = Self::ALL.iter().map(Self::label).collect();
        labels.join("、")
    }
}

/// The allowed values nearest to `value` ([`crate::suggest`]), all as near as the best; ties
/// keep their order in `allowed`. Nothing when no value shares a character.
pub(crate) fn closest_labels(value: &str, allowed: &[&'static str]) -> Vec<&'static str> {
    let found = crate::suggest::rank(
        value,
        allowed.iter().map(|a| (*a, *a)),
        crate::suggest::Closeness::Related,
    );
    let Some(best) = found.first() else {
        return Vec::new();
    };
    found
        .iter()
        .filter(|f| f.cmp_rank(best).is_eq())
        .map(|f| f.item)
        .collect()
}

/// Defines a vocabulary enum: inherent `ALL`, `parse`, `label`, `closest`, `Display`,
/// `Serialize` (as the label) and the `Vocabulary` trait.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every allowed value, in the order the schema lists them.
            pub const ALL: &[Self] = &[ $( Self::$variant ),+ ];

            /// Reads the exact Chinese word, ignoring surrounding whitespace.
            pub fn parse(s: &str) -> Option<Self> {
                match s.trim() {
                    $( $label => Some(Self::$variant), )+
                    _ => None,
                }
            }

            /// The Chinese word written in content files and shown on pages.
            pub fn label(&self) -> &'static str {
                match self {
                    $( Self::$variant => $label ),+
                }
            }

            /// The allowed values nearest to an unknown word, for a hint.
            pub fn closest(s: &str) -> Vec<Self> {
                <Self as Vocabulary>::closest(s)
            }
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = $name::ALL;

            fn label(&self) -> &'static str {
                $name::label(self)
            }

            #[cfg(test)]
            fn parse(s: &str) -> Option<Self> {
                $name::parse(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.label())
            }
        }
    };
}

vocabulary! {
    /// Who selected the craftsman: the city, a district, or a bureau (industry) union.
    /// Defaults to 市级.
    #[derive(Default)]
    Level {
        /// 市级: selected by the Shanghai Federation of Trade Unions.
        #[default]
        City => "市级",
        /// 区级: selected by a district union.
        District => "区级",
        /// 局级: selected by a bureau or industry union.
        Bureau => "局级",
    }
}

vocabulary! {
    /// What kind of body a union is (区局（产业）工会, or an association that only nominates).
    UnionKind {
        /// 区: a district union (区总工会); its selections are 区级.
        District => "区",
        /// 局: a bureau union (局工会); its selections are 局级.
        Bureau => "局",
        /// 产业: an industry union (产业工会); its selections are 局级.
        Industry => "产业",
        /// 协会: an association or other body that nominates but does not select.
        Association => "协会",
    }
}

impl UnionKind {
    /// The level of the craftsmen a body of this kind selects; `None` for one that only nominates.
    pub fn level(self) -> Option<Level> {
        match self {
            Self::District => Some(Level::District),
            Self::Bureau | Self::Industry => Some(Level::Bureau),
            Self::Association => None,
        }
    }

    /// What the kind is called on a page: 区总工会, 局工会, 产业工会, 协会.
    pub fn shown(self) -> &'static str {
        match self {
            Self::District => "区总工会",
            Self::Bureau => "局工会",
            Self::Industry => "产业工会",
            Self::Association => "协会",
        }
    }
}

impl Level {
    /// The rank of a level, for the highest of a person's selections: 市级 above 局级 and 区级.
    pub fn rank(self) -> u8 {
        match self {
            Self::City => 2,
            Self::District | Self::Bureau => 1,
        }
    }
}

vocabulary! {
    /// Highest education completed.
    Education {
        JuniorMiddle => "初中",
        SeniorHigh => "高中",
        Vocational => "中专",
        College => "大专",
        Bachelor => "本科",
        Master => "硕士",
        Doctor => "博士",
    }
}

impl Education {
    /// 本科, 硕士 or 博士: the seed's "本科以上学历".
    pub fn is_bachelor_or_above(&self) -> bool {
        matches!(self, Self::Bachelor | Self::Master | Self::Doctor)
    }
}

vocabulary! {
    /// Vocational skill level (职业技能等级).
    SkillLevel {
        NoCertificate => "无",
        Junior => "初级工",
        Intermediate => "中级工",
        Senior => "高级工",
        Technician => "技师",
        SeniorTechnician => "高级技师",
    }
}

impl SkillLevel {
    /// 高级工, 技师 or 高级技师: holds an advanced skill certificate.
    pub fn is_advanced(&self) -> bool {
        matches!(
            self,
            Self::Senior | Self::Technician | Self::SeniorTechnician
        )
    }

    /// 技师 or 高级技师.
    pub fn is_technician(&self) -> bool {
        matches!(self, Self::Technician | Self::SeniorTechnician)
    }
}

vocabulary! {
    /// Professional title level (职称).
    TitleLevel {
        NoTitle => "无",
        Junior => "初级",
        Intermediate => "中级",
        ViceSenior => "副高级",
        FullSenior => "正高级",
    }
}

impl TitleLevel {
    /// 副高级 or 正高级: a senior professional title.
    pub fn is_senior(&self) -> bool {
        matches!(self, Self::ViceSenior | Self::FullSenior)
    }

    /// Any title at all (not 无).
    pub fn has_title(&self) -> bool {
        !matches!(self, Self::NoTitle)
    }
}

vocabulary! {
    /// The grade of a Shanghai science and technology progress award.
    AwardGrade {
        Special => "特等奖",
        First => "一等奖",
        Second => "二等奖",
        Third => "三等奖",
    }
}

impl AwardGrade {
    /// Finds a grade written inside free text: `二等奖`, `二等`, `上海市科技进步奖二等奖`.
    pub fn find_in(s: &str) -> Option<Self> {
        const STEMS: [(&str, AwardGrade); 4] = [
            ("特等", AwardGrade::Special),
            ("一等", AwardGrade::First),
            ("二等", AwardGrade::Second),
            ("三等", AwardGrade::Third),
        ];
        STEMS
            .iter()
            .find(|(stem, _)| s.contains(stem))
            .map(|&(_, grade)| grade)
    }
}

/// Names counted as the national science and technology progress award.
const NATIONAL_AWARDS: [&str; 2] = ["国家科技进步奖", "国家科学技术进步奖"];
/// Names counted as the Shanghai science and technology progress award.
const SHANGHAI_AWARDS: [&str; 2] = ["上海市科技进步奖", "上海市科学技术进步奖"];

/// One award listed on a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Award {
    /// The award's name as written: `上海市科技进步奖`.
    pub name: String,
    /// The grade as written, if given: `二等奖`.
    pub grade: Option<String>,
    /// The year it was awarded, if given.
    pub year: Option<i32>,
}

/// Which statistic an award counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AwardKind {
    /// 国家科技进步奖 / 国家科学技术进步奖.
    National,
    /// 上海市科技进步奖 / 上海市科学技术进步奖, with its grade when one can be read.
    Shanghai(Option<AwardGrade>),
    /// Any other award: shown on the profile, not counted.
    Other,
}

impl Award {
    /// An award written as a plain string: a name with no grade or year.
    pub fn named(name: impl Into<String>) -> Self {
        Award {
            name: name.into(),
            grade: None,
            year: None,
        }
    }

    /// Classifies the award by its name. A Shanghai award's grade comes from `grade`, or,
    /// when that is missing or unreadable, from the name (`上海市科技进步奖二等奖`).
    pub fn kind(&self) -> AwardKind {
        let name = self.name.trim();
        if NATIONAL_AWARDS.iter().any(|n| name.contains(n)) {
            return AwardKind::National;
        }
        if let Some(award) = SHANGHAI_AWARDS.iter().find(|n| name.contains(*n)) {
            let from_grade = self.grade.as_deref().and_then(AwardGrade::find_in);
            let after_name = name.split_once(award).map_or("", |(_, rest)| rest);
            return AwardKind::Shanghai(from_grade.or_else(|| AwardGrade::find_in(after_name)));
        }
        AwardKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_exact_trimmed_values_only() {
        assert_eq!(Education::parse(" 本科 "), Some(Education::Bachelor));
        assert_eq!(
            Education::parse("\u{3000}硕士\u{3000}"),
            Some(Education::Master)
        );
        assert_eq!(Education::parse("大学本科"), None);
        assert_eq!(
            SkillLevel::parse("高级技师"),
            Some(SkillLevel::SeniorTechnician)
        );
        assert_eq!(TitleLevel::parse("无"), Some(TitleLevel::NoTitle));
        assert_eq!(Level::parse("局级"), Some(Level::Bureau));
        assert_eq!(Level::parse(""), None);
    }

    #[test]
    fn every_label_parses_back() {
        fn round_trip<T: Vocabulary + PartialEq + fmt::Debug>() {
            for v in T::ALL {
                assert_eq!(T::parse(v.label()), Some(*v));
            }
        }
        round_trip::<Level>();
        round_trip::<Education>();
        round_trip::<SkillLevel>();
        round_trip::<TitleLevel>();
        round_trip::<AwardGrade>();
    }

    #[test]
    fn level_defaults_to_city() {
        assert_eq!(Level::default(), Level::City);
        assert_eq!(Level::default().label(), "市级");
    }

    #[test]
    fn predicates_match_the_domain_table() {
        let bachelor: Vec<_> = Education::ALL
            .iter()
            .filter(|e| e.is_bachelor_or_above())
            .map(|e| e.label())
            .collect();
        assert_eq!(bachelor, ["本科", "硕士", "博士"]);

        let advanced: Vec<_> = SkillLevel::ALL
            .iter()
            .filter(|s| s.is_advanced())
            .map(|s| s.label())
            .collect();
        assert_eq!(advanced, ["高级工", "技师", "高级技师"]);

        let technician: Vec<_> = SkillLevel::ALL
            .iter()
            .filter(|s| s.is_technician())
            .map(|s| s.label())
            .collect();
        assert_eq!(technician, ["技师", "高级技师"]);

        let senior: Vec<_> = TitleLevel::ALL
            .iter()
            .filter(|t| t.is_senior())
            .map(|t| t.label())
            .collect();
        assert_eq!(senior, ["副高级", "正高级"]);

        assert!(!TitleLevel::NoTitle.has_title());
        assert!(TitleLevel::Junior.has_title());
    }

    #[test]
    fn serializes_as_the_chinese_label() {
        let json = serde_json::to_string(&(Education::Bachelor, SkillLevel::Technician)).unwrap();
        assert_eq!(json, r#"["本科","技师"]"#);
        assert_eq!(TitleLevel::ViceSenior.to_string(), "副高级");
    }

    #[test]
    fn closest_hints_the_intended_value() {
        assert_eq!(Education::closest("大学本科"), [Education::Bachelor]);
        assert_eq!(SkillLevel::closest("高级技工"), [SkillLevel::Senior]);
        assert_eq!(TitleLevel::closest("副高"), [TitleLevel::ViceSenior]);
        assert_eq!(Level::closest("市级工匠"), [Level::City]);
        assert!(Education::closest("研究生").is_empty());
        assert!(Education::closest("").is_empty());
    }

    #[test]
    fn closest_keeps_ties_in_schema_order() {
        // 级 is shared equally with 市级, 区级 and 局级.
        assert_eq!(
            closest_labels("级", &["市级", "区级", "局级"]),
            ["市级", "区级", "局级"]
        );
    }

    #[test]
    fn allowed_text_lists_values_for_messages() {
        assert_eq!(Level::allowed_text(), "市级、区级、局级");
    }

    fn award(name: &str, grade: Option<&str>) -> Award {
        Award {
            name: name.to_string(),
            grade: grade.map(str::to_string),
            year: Some(2019),
        }
    }

    #[test]
    fn awards_are_classified_by_name() {
        assert_eq!(
            award("国家科技进步奖", Some("二等奖")).kind(),
            AwardKind::National
        );
        assert_eq!(
            award("国家科学技术进步奖", None).kind(),
            AwardKind::National
        );
        assert_eq!(
            award("上海市科技进步奖", Some("二等奖")).kind(),
            AwardKind::Shanghai(Some(AwardGrade::Second))
        );
        assert_eq!(
            award("上海市科学技术进步奖", Some(" 三等奖 ")).kind(),
            AwardKind::Shanghai(Some(AwardGrade::Third))
        );
        assert_eq!(
            award("上海市科技进步奖", Some("特等奖")).kind(),
            AwardKind::Shanghai(Some(AwardGrade::Special))
        );
        assert_eq!(award("全国五一劳动奖章", None).kind(), AwardKind::Other);
    }

    #[test]
    fn shanghai_grade_falls_back_to_the_name() {
        assert_eq!(
            Award::named("上海市科技进步奖一等奖").kind(),
            AwardKind::Shanghai(Some(AwardGrade::First))
        );
        assert_eq!(
            award("上海市科技进步奖", Some("优秀")).kind(),
            AwardKind::Shanghai(None)
        );
        assert_eq!(
            Award::named("上海市科技进步奖").kind(),
            AwardKind::Shanghai(None)
        );
    }
}
