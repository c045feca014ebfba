//! Tests of the 姓氏笔画 order: hand-worked pairs, the table's layout and the exceptions.

use super::*;

#[test]
fn stroke_order_of_surnames() {
    // 于 (横横竖) before 万 (横折撇) at the second stroke; 李 (横 first) before 张 (折).
    let expected = [
        "丁", "卜", "于", "万", "马", "王", "包", "李", "张", "单", "曾", "解",
    ];
    let mut shuffled = expected;
    shuffled.reverse();
    shuffled.swap(0, 5);
    let order = StrokeOrder::new();
    shuffled.sort_by(|a, b| order.compare(a, b));
    assert_eq!(shuffled, expected);
}

#[test]
fn stroke_order_ties_on_surname_use_the_next_character() {
    let order = StrokeOrder::new();
    let mut names = ["张伟", "王五", "张三", "张丁"];
    names.sort_by(|a, b| order.compare(a, b));
    assert_eq!(names, ["王五", "张丁", "张三", "张伟"]);
    assert_eq!(order.compare("王a", "王a"), Ordering::Equal);
    assert_ne!(order.compare("王a", "王A"), Ordering::Equal);
}

/// Pairs worked out by hand from the mainland (GB 13000.1) stroke counts, where 阝 is 2
/// strokes, 艹 3, 辶 3, 讠 2 and 纟 3; equal counts go by the strokes in writing order
/// (横 竖 撇 点 折). The first of each pair comes first in a 姓氏笔画 list.
const MAINLAND_PAIRS: &[(&str, &str, &str)] = &[
    ("邓", "白", "邓 4 (又 2 + 阝 2) < 白 5"),
    ("陈", "金", "陈 7 < 金 8"),
    ("陆", "金", "陆 7 < 金 8"),
    ("邱", "金", "邱 7 (丘 5 + 阝 2) < 金 8"),
    ("郭", "梁", "郭 10 < 梁 11"),
    ("莫", "梁", "莫 10 (艹 3 + 日 4 + 大 3) < 梁 11"),
    ("黄", "程", "黄 11 < 程 12"),
    ("黄", "曾", "黄 11 < 曾 12"),
    ("范", "周", "范 8, 周 8: 横 before 撇"),
    ("蒋", "雷", "蒋 12 < 雷 13"),
    ("蒋", "傅", "蒋 12, 傅 12: 横 before 撇"),
    ("董", "谢", "董 12, 谢 12: 横 before 点"),
    ("连", "何", "连 7 (车 4 + 辶 3), 何 7: 横 before 撇"),
    ("连", "沈", "连 7, 沈 7: 横 before 点"),
    ("邵", "林", "邵 7 < 林 8"),
    ("郑", "胡", "郑 8 < 胡 9"),
    ("邹", "宋", "邹 7, 宋 7: 撇 before 点"),
    ("邹", "陈", "邹 7, 陈 7: 撇 before 折"),
    ("郝", "钟", "郝 9, 钟 9: 横 before 撇"),
    ("薛", "穆", "薛 16, 穆 16: 横 before 撇"),
    ("萧", "崔", "萧 11, 崔 11: 横 before 竖"),
    ("葛", "程", "葛 12, 程 12: 横 before 撇"),
    ("蔡", "谭", "蔡 14, 谭 14: 横 before 点"),
    ("谢", "蔡", "谢 12 < 蔡 14"),
    ("苏", "吴", "苏 7, 吴 7: 横 before 竖"),
    ("荣", "钟", "荣 9, 钟 9: 横 before 撇"),
    ("邢", "吕", "邢 6, 吕 6: 横 before 竖"),
    ("阮", "李", "阮 6 < 李 7"),
    ("陶", "黄", "陶 10 < 黄 11"),
    ("郎", "段", "郎 8 < 段 9"),
    ("邝", "任", "邝 5 < 任 6"),
    ("迟", "岳", "迟 7 < 岳 8"),
    ("达", "张", "达 6 < 张 7"),
    ("芦", "陈", "芦 7, 陈 7: 横 before 折"),
    ("茅", "罗", "茅 8, 罗 8: 横 before 竖"),
    ("蓝", "路", "蓝 13, 路 13: 横 before 竖"),
    ("王", "邓", "王 4, 邓 4: 横 before 折"),
    ("许", "孙", "许 6, 孙 6: 点 before 折"),
    ("纪", "严", "纪 6 < 严 7"),
];

#[test]
fn stroke_order_follows_mainland_counts() {
    let order = StrokeOrder::new();
    let wrong: Vec<String> = MAINLAND_PAIRS
        .iter()
        .filter(|(a, b, _)| order.compare(a, b) != Ordering::Less)
        .map(|(a, b, why)| format!("{a} should come before {b} ({why})"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} pairs wrong:\n{}",
        wrong.len(),
        MAINLAND_PAIRS.len(),
        wrong.join("\n")
    );
    // Whole names: the surname decides before the given name.
    assert_eq!(order.compare("邓一", "白丁"), Ordering::Less);
    assert_eq!(order.compare("陈大明", "金一"), Ordering::Less);
}

#[test]
fn counts_are_mainland_counts() {
    let cases = [
        ('邓', 4),
        ('陈', 7),
        ('郭', 10),
        ('莫', 10),
        ('黄', 11),
        ('范', 8),
        ('连', 7),
        ('许', 6),
        ('纪', 6),
        ('丁', 2),
        ('曾', 12),
    ];
    for (c, n) in cases {
        assert_eq!(strokes(c).map(|s| s.count), Some(n), "{c}");
    }
    assert_eq!(strokes('邓').and_then(|s| s.first()), Some(Stroke::Zhe));
    assert_eq!(strokes('范').and_then(|s| s.first()), Some(Stroke::Heng));
    assert_eq!(strokes('周').and_then(|s| s.first()), Some(Stroke::Pie));
    assert_eq!(strokes('许').and_then(|s| s.first()), Some(Stroke::Dian));
    assert_eq!(strokes('小').and_then(|s| s.first()), Some(Stroke::Shu));
    assert_eq!(strokes('a'), None);
}

#[test]
fn the_table_reads_whole_and_covers_the_common_characters() {
    let t = parse(DATA).expect("strokes.bin in the layout of scripts/strokes.py");
    assert_eq!(t.dense.len(), 0x9FFF - 0x3400 + 1);
    assert!(t.orders.len() > 6_900, "{}", t.orders.len());
    assert!(t.sparse.len() > 190, "{}", t.sparse.len());
    assert!(t.orders.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(t.sparse.windows(2).all(|w| w[0].0 < w[1].0));
    // Every character of the URO has a count; a 通用规范汉字表 character of Extension B too.
    assert!(('\u{4E00}'..='\u{9FA5}').all(|c| strokes(c).is_some()));
    assert!(
        strokes('𠅤').is_some(),
        "通用规范汉字表 character in Extension B"
    );
    assert!(
        strokes('𠀀').is_none(),
        "Extension B character outside 通用规范汉字表"
    );
    // Not the layout: nothing is read.
    assert!(parse(b"GJSK\x02").is_none());
    assert!(parse(&DATA[..100]).is_none());
}

#[test]
fn an_exception_wins_over_the_table() {
    // 皙: the stroke-order source counts 12 and was left out; the exception gives all 13.
    let s = strokes('皙').expect("皙 is known");
    assert_eq!((s.count, s.first()), (13, Some(Stroke::Heng)));
    // Among 13-stroke given names it goes by its strokes (横竖撇点 …): before 雷 (横竖折 …),
    // 群 (折 first) and 锦 (撇 first); without the entry it would follow all three.
    let order = StrokeOrder::new();
    assert_eq!(order.compare("王皙", "王群"), Ordering::Less);
    assert_eq!(order.compare("王皙", "王锦"), Ordering::Less);
    assert_eq!(order.compare("王皙", "王熙"), Ordering::Less);
    assert_eq!(order.compare("王雷", "王皙"), Ordering::Greater);
    for (c, digits) in STROKE_EXCEPTIONS {
        assert!(packed(digits).is_some(), "{c}: {digits}");
    }
    assert_eq!(packed("126"), None);
    assert_eq!(packed(""), None);
}

#[test]
fn unknown_characters_come_after_known_ones() {
    let order = StrokeOrder::new();
    // Latin letters after every Han character; 𠀀 (Extension B, not in 通用规范汉字表) too.
    assert_eq!(order.compare("齉", "Anna"), Ordering::Less);
    assert_eq!(order.compare("齉", "𠀀"), Ordering::Less);
    assert_eq!(order.compare("王", "王小"), Ordering::Less);
}
