//! The field tables of docs/content.md, written from the schema; a test fails when the file and the schema disagree.
//!
//! Each table stands between `<!-- schema: NAME -->` and `<!-- /schema -->`; the prose around
//! them is written by hand. `UPDATE_DOCS=1 cargo test --lib schema::docs` writes them anew.

use super::{
    Field, Need, Schema, Type, BRAND, COHORT, CONTACT, NAMES, PAGE, PROFILE, SELECTION, SITE,
    STORY, UNION, UNION_SITE,
};

/// The tables docs/content.md shows, by the name in their markers.
pub(super) const TABLES: &[&str] = &[
    "site",
    "names",
    "contact",
    "profile",
    "profile-stats",
    "cohort",
    "union",
    "union-site",
    "selection",
    "story",
    "brand",
    "page",
];

/// The Markdown table named `name` (one of [`TABLES`]).
pub(super) fn table(name: &str) -> Option<String> {
    let basic = |f: &&Field| f.stat.is_none();
    Some(match name {
        "site" => fields(&SITE, "", false, &|_| true),
        "names" => fields(&NAMES, "names.", false, &|_| true),
        "contact" => fields(&CONTACT, "contact.", false, &|_| true),
        "profile" => fields(&PROFILE, "", false, &basic),
        "profile-stats" => fields(&PROFILE, "", true, &|f| f.stat.is_some()),
        "cohort" => fields(&COHORT, "", false, &|_| true),
        "union" => fields(&UNION, "", false, &|_| true),
        "union-site" => fields(&UNION_SITE, "site.", false, &|_| true),
        "selection" => fields(&SELECTION, "selections[].", false, &|_| true),
        "story" => fields(&STORY, "", false, &|_| true),
        "brand" => fields(&BRAND, "", false, &|_| true),
        "page" => fields(&PAGE, "", false, &|_| true),
        _ => return None,
    })
}

const OPEN: &str = "<!-- schema: ";
const CLOSE: &str = "<!-- /schema -->";

/// `text` with every table between its markers written anew from the schema.
pub(super) fn update(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        let line_end = rest[at..]
            .find('\n')
            .map(|i| at + i + 1)
            .ok_or("marker without a line end")?;
        let name = rest[at + OPEN.len()..line_end]
            .trim()
            .trim_end_matches("-->")
            .trim();
        let body = table(name).ok_or_else(|| format!("no schema table named `{name}`"))?;
        let close = rest[line_end..]
            .find(CLOSE)
            .map(|i| line_end + i)
            .ok_or_else(|| format!("`{name}` has no {CLOSE}"))?;
        out.push_str(&rest[..line_end]);
        out.push_str(&body);
        out.push_str(CLOSE);
        rest = &rest[close + CLOSE.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// One row per field that `keep` keeps.
fn fields(schema: &Schema, prefix: &str, stats: bool, keep: &dyn Fn(&&Field) -> bool) -> String {
    let mut out = String::from("| 键 | 中文名 | 类型 | 必填 | 说明 | 例子 |");
    out.push_str(if stats {
        " 用于哪项统计 |\n"
    } else {
        "\n"
    });
    out.push_str("|---|---|---|---|---|---|");
    out.push_str(if stats { "---|\n" } else { "\n" });
    for f in schema.fields.iter().filter(keep) {
        let cells = [
            format!("`{prefix}{}`", f.key),
            f.label.to_string(),
            type_name(f.ty),
            need(f.need),
            about(f),
            example(f, prefix),
        ];
        let mut row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        if stats {
            row.push(cell(f.stat.unwrap_or("")));
        }
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

/// A table cell: a `|` would end it.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn type_name(ty: Type) -> String {
    match ty {
        Type::Text => "文字".into(),
        Type::Markdown => "Markdown 文字".into(),
        Type::Number { min, max: i64::MAX } => format!("整数，≥ {min}"),
        Type::Number { min, max } => format!("整数 {min}–{max}"),
        Type::Year => "整数（年份）".into(),
        Type::Bool => "真/假".into(),
        Type::Texts => "文字列表".into(),
        Type::Slugs => "网址名列表".into(),
        Type::Date => "日期".into(),
        Type::Choice(_) => "文字（限定的值）".into(),
        Type::Industry => "文字（行业门类）".into(),
        Type::File => "文件名".into(),
        Type::Url => "网址".into(),
        Type::Map(_) => "映射（下一级字段）".into(),
        Type::List { .. } => "列表".into(),
    }
}

fn need(need: Need) -> String {
    match need {
        Need::Required => "**必填**".into(),
        Need::Optional => "选填".into(),
        Need::Default(v) => format!("选填，默认 `{v}`"),
    }
}

fn about(f: &Field) -> String {
    match f.ty {
        Type::Choice(vocab) => {
            let values: Vec<String> = vocab.values().iter().map(|v| format!("`{v}`")).collect();
            format!("{}；可填 {}", f.about, values.join("、"))
        }
        _ => f.about.to_string(),
    }
}

/// `key: example`; a nested key inside its parent (`names: { index: pinyin }`).
fn example(f: &Field, prefix: &str) -> String {
    match f.ty {
        Type::List { .. } => "见下".into(),
        Type::Map(inner) if inner.open && f.example.is_empty() => "见下".into(),
        Type::Map(inner) if std::ptr::eq(inner, &NAMES) || std::ptr::eq(inner, &CONTACT) => {
            "见下".into()
        }
        _ => match prefix.strip_suffix('.') {
            Some(parent) => format!("`{parent}: {{ {}: {} }}`", f.key, f.example_value()),
            None => format!("`{}: {}`", f.key, f.example_value()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_content_md_shows_the_schema_tables() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content.md");
        let text = std::fs::read_to_string(&path).expect("docs/content.md");
        let fresh = update(&text).expect("markers");
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &fresh).expect("write docs/content.md");
            return;
        }
        for name in TABLES {
            assert!(
                text.contains(&format!("{OPEN}{name} -->")),
                "docs/content.md has no table `{name}`"
            );
        }
        assert!(
            text == fresh,
            "docs/content.md's field tables differ from the schema; `UPDATE_DOCS=1 cargo test --lib schema::docs` writes them anew"
        );
    }

    #[test]
    fn markers_are_filled_and_unknown_ones_refused() {
        let text = "前\n<!-- schema: page -->\n旧的表\n<!-- /schema -->\n后\n";
        let out = update(text).unwrap();
        assert!(
            out.starts_with("前\n<!-- schema: page -->\n| 键 |"),
            "{out}"
        );
        assert!(out.contains("| `title` | 标题 |"), "{out}");
        assert!(out.ends_with("<!-- /schema -->\n后\n"), "{out}");
        assert!(!out.contains("旧的表"));
        assert_eq!(update(&out).unwrap(), out);
        assert!(update("<!-- schema: nope -->\n<!-- /schema -->\n").is_err());
        assert!(update("<!-- schema: page -->\n").is_err());
    }
}
