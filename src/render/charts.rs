//! Bar charts for the statistics page, drawn as inline SVG at build time: no chart library, no script.
//!
//! Each chart is a list of labelled bars; the SVG carries a `<title>` and a `<desc>` that reads
//! every bar out ("制造业：12 人，40.0%；…"), and templates also get the rows to print as a table.
//! Labels sit above their bar, so long industry names fit a 320 px phone without shrinking.

use crate::render::views::Views;
use crate::schema::levels::{Education, SkillLevel, TitleLevel};
use serde::Serialize;

/// Width of the drawing in SVG units (about one CSS pixel on a phone).
const WIDTH: u32 = 340;
/// Room right of the longest bar for its value.
const VALUE_ROOM: u32 = 124;
const ROW: u32 = 52;

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    /// Of the chart's `known`, one decimal: `40.0%`.
    pub percent_text: String,
    pub url: Option<String>,
}

/// A chart with its text equivalent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// Unique on the page; used for element ids.
    pub id: &'static str,
    pub title: String,
    /// What the bars count: `人`, `项`.
    pub unit: &'static str,
    pub bars: Vec<Bar>,
    /// People the percentages are of.
    pub known: usize,
    /// People in scope who left the field out.
    pub missing: usize,
    /// The SVG element, ready to embed.
    pub svg: String,
}

/// `count / total` as a one-decimal percentage, rounded half up: `78.6%`.
fn percent(count: usize, total: usize) -> String {
    if total == 0 {
        return crate::model::stats::NO_DATA.to_string();
    }
    let tenths = (count as u128 * 2000 + total as u128) / (2 * total as u128);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Builds a chart from `(label, count, url)` rows.
fn chart(
    id: &'static str,
    title: &str,
    unit: &'static str,
    rows: Vec<(String, usize, Option<String>)>,
    known: usize,
    missing: usize,
) -> Chart {
    let bars: Vec<Bar> = rows
        .into_iter()
        .map(|(label, count, url)| Bar {
            percent_text: percent(count, known),
            label,
            count,
            url,
        })
        .collect();
    let svg = svg(id, title, unit, &bars);
    Chart {
        id,
        title: title.to_string(),
        unit,
        bars,
        known,
        missing,
        svg,
    }
}

/// The SVG of a horizontal bar chart, each label above its bar and the value to its right.
fn svg(id: &str, title: &str, unit: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) as u32;
    let desc = bars
        .iter()
        .map(|b| format!("{}：{} {unit}，{}", b.label, b.count, b.percent_text))
        .collect::<Vec<_>>()
        .join("；");
    let mut out = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(title),
        escape(&desc)
    );
    let span = u64::from(WIDTH - VALUE_ROOM);
    for (i, b) in bars.iter().enumerate() {
        let y = ROW * i as u32;
        let w = if b.count == 0 {
            0
        } else {
            ((b.count as u64 * span + max as u64 / 2) / max as u64).max(2)
        };
        out.push_str(&format!(
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{}</text><rect class=\"chart-bar\" x=\"0\" y=\"{}\" width=\"{w}\" height=\"18\" rx=\"2\"></rect><text class=\"chart-value\" x=\"{}\" y=\"{}\">{} {unit} · {}</text>",
            y + 17,
            escape(&b.label),
            y + 25,
            w + 6,
            y + 40,
            b.count,
            b.percent_text
        ));
    }
    out.push_str("</svg>");
    out
}

/// Counts of each label in `order` among `values` (`None` values are the missing ones).
fn distribution(
    id: &'static str,
    title: &str,
    order: &[&'static str],
    values: &[Option<&str>],
) -> Chart {
    let known: Vec<&str> = values.iter().flatten().copied().collect();
    let rows = order
        .iter()
        .map(|label| {
            let n = known.iter().filter(|v| *v == label).count();
            (label.to_string(), n, None)
        })
        .collect();
    chart(
        id,
        title,
        "人",
        rows,
        known.len(),
        values.len() - known.len(),
    )
}

/// The statistics page's charts: by industry, by cohort, education, skill level, title, patents.
pub fn statistics(v: &Views) -> Vec<Chart> {
    let people = v.craftsmen_len();
    let with_industry: usize = v.industries().iter().map(|i| i.count).sum();
    let industry = chart(
        "chart-industry",
        "各行业门类的工匠人数",
        "人",
        v.industries()
            .iter()
            .map(|i| (i.name.clone(), i.count, Some(i.url.clone())))
            .collect(),
        with_industry,
        people - with_industry.min(people),
    );
    let members: usize = v.cohorts().map(|k| k.count).sum();
    let cohort = chart(
        "chart-cohort",
        "各批次名单人数",
        "人",
        v.cohorts()
            .map(|k| (format!("{}年", k.year), k.count, Some(k.url.clone())))
            .collect(),
        members,
        0,
    );
    let facts: Vec<_> = v
        .model()
        .craftsmen
        .iter()
        .map(|c| crate::render::views::facts(c))
        .collect();
    let education = distribution(
        "chart-education",
        "学历",
        &Education::ALL.iter().map(|e| e.label()).collect::<Vec<_>>(),
        &facts.iter().map(|f| f.education).collect::<Vec<_>>(),
    );
    let skill = distribution(
        "chart-skill",
        "职业技能等级",
        &SkillLevel::ALL
            .iter()
            .map(|e| e.label())
            .collect::<Vec<_>>(),
        &facts.iter().map(|f| f.skill_level).collect::<Vec<_>>(),
    );
    let title = distribution(
        "chart-title",
        "专业技术职称",
        &TitleLevel::ALL
            .iter()
            .map(|e| e.label())
            .collect::<Vec<_>>(),
        &facts.iter().map(|f| f.title_level).collect::<Vec<_>>(),
    );
    let patents = patents_chart(&facts);
    vec![industry, cohort, education, skill, title, patents]
}

/// People holding at least one patent of each kind.
fn patents_chart(facts: &[crate::render::views::Facts]) -> Chart {
    let known: Vec<_> = facts.iter().filter_map(|f| f.patents.as_ref()).collect();
    let n = |f: fn(&crate::render::views::PatentsView) -> u32| {
        known.iter().filter(|p| f(p) > 0).count()
    };
    chart(
        "chart-patents",
        "拥有专利的人数（按专利类别）",
        "人",
        vec![
            ("发明专利".into(), n(|p| p.invention), None),
            ("实用新型专利".into(), n(|p| p.utility_model), None),
            ("外观设计专利".into(), n(|p| p.design), None),
        ],
        known.len(),
        facts.len() - known.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(458, 583), "78.6%");
        assert_eq!(percent(1, 8), "12.5%");
        assert_eq!(percent(0, 0), "—");
    }

    #[test]
    fn svg_has_a_text_equivalent_and_escapes_labels() {
        let c = chart(
            "c",
            "标题",
            "人",
            vec![("A<&>".into(), 3, None), ("乙".into(), 0, None)],
            4,
            1,
        );
        assert!(c.svg.starts_with("<svg class=\"chart\""));
        assert!(c
            .svg
            .contains("<desc id=\"c-d\">A&lt;&amp;&gt;：3 人，75.0%；乙：0 人，0.0%</desc>"));
        assert!(
            c.svg.contains("width=\"216\""),
            "the largest bar is full width"
        );
        assert!(c.svg.contains("width=\"0\""), "an empty bar has no width");
        assert!(!c.svg.contains("A<&>"));
    }
}
