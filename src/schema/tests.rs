//! The schema's own promises: every label and alias names one field, examples pass the reader, and `gongjiang new` writes every field.

use super::profile::PRIVATE;
use super::*;
use crate::suggest::fold;

/// Every schema a file or a nested mapping is read with.
const ALL: &[&Schema] = &[
    &PROFILE, &PATENTS, &AWARD, &PRIVATE, &COHORT, &MEMBER, &STORY, &BRAND, &FIGURE, &PAGE, &SITE,
    &NAV, &NAMES, &CONTACT,
];

#[test]
fn every_label_and_alias_names_one_field_of_its_mapping() {
    for schema in ALL {
        // This mapping's fields and those one level down, as `Schema::suggest` sees them.
        let mut seen: Vec<(String, &str)> = Vec::new();
        let below = schema.fields.iter().flat_map(|f| match f.ty {
            Type::Map(inner) => inner.fields.iter().collect(),
            _ => Vec::new(),
        });
        for f in schema.fields.iter().chain(below) {
            let texts = [f.key, f.label]
                .into_iter()
                .chain(f.aliases.iter().map(|a| a.text));
            for text in texts {
                let folded = fold(text);
                if let Some((_, other)) = seen.iter().find(|(t, k)| *t == folded && *k != f.key) {
                    panic!(
                        "{}: `{text}` names both `{other}` and `{}`",
                        schema.what, f.key
                    );
                }
                seen.push((folded, f.key));
            }
        }
    }
}

#[test]
fn every_label_and_alias_is_suggested_as_its_field() {
    for schema in ALL.iter().filter(|s| !s.open) {
        for f in schema.fields {
            for text in [f.label]
                .into_iter()
                .chain(f.aliases.iter().map(|a| a.text))
            {
                let s = schema.suggest(text).unwrap_or_else(|| panic!("{text}"));
                assert_eq!(s.field.key, f.key, "{}: {text}", schema.what);
                assert_eq!(s.closeness, crate::suggest::Closeness::Same, "{text}");
            }
        }
    }
}

#[test]
fn nested_labels_are_found_one_level_down() {
    let s = PROFILE.suggest("发明专利").unwrap();
    assert_eq!(
        (s.field.key, s.parent.map(|p| p.key)),
        ("invention", Some("patents"))
    );
    let s = PROFILE.suggest("手机号").unwrap();
    assert_eq!(
        (s.field.key, s.parent.map(|p| p.key)),
        ("phone", Some("private"))
    );
    // A field of this level first: 专利 is `patents`, not one of its three kinds.
    assert_eq!(PROFILE.suggest("专利").unwrap().field.key, "patents");
    assert_eq!(PROFILE.english("发明"), Some("invention"));
    assert_eq!(PROFILE.english("爱好"), None);
}

#[test]
fn everyday_words_find_the_field_meant() {
    for (schema, written, key) in [
        (&SITE, "标题", "title"),
        (&SITE, "baseURL", "base_url"),
        (&SITE, "languageCode", "language"),
        (&PROFILE, "单位名称", "employer"),
        (&PROFILE, "工作年数", "work_years"),
        (&PROFILE, "Name", "name"),
        (&COHORT, "名单", "members"),
        (&STORY, "发布日期", "date"),
        (&BRAND, "weight", "order"),
    ] {
        let s = schema.suggest(written).map(|s| s.field.key);
        assert_eq!(s, Some(key), "{}: {written}", schema.what);
    }
    assert!(PROFILE.suggest("性别").is_none());
    assert!(PROFILE.suggest("hobby").is_none());
}

#[test]
fn examples_of_choices_are_allowed_values() {
    for schema in ALL {
        for f in schema.fields {
            if let Type::Choice(vocab) = f.ty {
                assert!(vocab.values().contains(&f.example), "{}", f.key);
                if let Need::Default(d) = f.need {
                    assert!(vocab.values().contains(&d), "{}", f.key);
                }
                for (alias, value) in vocab.aliases() {
                    assert!(vocab.values().contains(value), "{alias} → {value}");
                    assert!(!vocab.values().contains(alias), "{alias} is a value");
                }
            }
            assert!(!f.about.is_empty(), "{}: no description", f.key);
            assert!(
                !f.label.contains(['（', '(']),
                "{}: keep the label short",
                f.key
            );
        }
    }
}

#[test]
fn shapes_show_the_required_fields_of_their_kind() {
    assert_eq!(
        PROFILE.shape(),
        "`name: 张伟`、`cohort: 2021`、`employer: 上海某某机械有限公司`、`post: 数控车工`、`industry: 制造业`"
    );
    let cohort = COHORT.shape();
    assert!(
        cohort.contains("`members:` 下面每行一项 `  - zhang-wei`"),
        "{cohort}"
    );
    assert_eq!(
        PATENTS.flow_example(),
        "{ invention: 1, utility_model: 3, design: 0 }"
    );
}

#[test]
fn safe_slugs() {
    for ok in ["zhang-wei", "li2", "a"] {
        assert!(is_safe_slug(ok), "{ok}");
    }
    for bad in [
        "Zhang-wei",
        "zhang wei",
        "..",
        "../x",
        "张伟",
        "-a",
        "a--b",
        "a.b",
        "",
    ] {
        assert!(!is_safe_slug(bad), "{bad}");
    }
}
