//! Tests of the filing numbers: the standard shapes, and each mistake at its place.

use super::*;

/// The problem's code and the written text it points at.
fn at<'a>(written: &'a str, p: &Problem) -> (&'static str, &'a str) {
    (p.code, &written[p.at.clone()])
}

#[test]
fn icp_numbers_in_their_standard_shapes() {
    for (written, number) in [
        ("沪ICP备12345678号", "沪ICP备12345678号"),
        ("沪ICP备2021012345号-1", "沪ICP备2021012345号-1"),
        ("京ICP备123456号", "京ICP备123456号"),
        (" 蜀ICP备12345678号-12 ", "蜀ICP备12345678号-12"),
        ("沪ICP备 12345678 号", "沪ICP备12345678号"),
    ] {
        let (icp, problems) = icp(written);
        assert!(problems.is_empty(), "{written}: {problems:?}");
        assert_eq!(icp.map(|i| i.number), Some(number.to_string()), "{written}");
    }
}

#[test]
fn icp_full_width_and_lower_case_are_read_with_a_warning_at_the_character() {
    let written = "沪ＩＣＰ备１２３４５６７８号";
    let (icp, problems) = super::icp(written);
    assert_eq!(icp.unwrap().number, "沪ICP备12345678号");
    assert_eq!(problems.len(), 1);
    assert!(!problems[0].error);
    assert_eq!(at(written, &problems[0]), ("site.filing-width", "Ｉ"));
    assert!(problems[0].hint.contains("沪ICP备12345678号"));
    let written = "沪icp备12345678号";
    let (icp, problems) = super::icp(written);
    assert_eq!(icp.unwrap().number, "沪ICP备12345678号");
    assert_eq!(at(written, &problems[0]), ("site.filing-width", "i"));
    // Mixed: half-width ICP, full-width digits.
    let written = "沪ICP备1234５678号";
    let (icp, problems) = super::icp(written);
    assert_eq!(icp.unwrap().number, "沪ICP备12345678号");
    assert_eq!(at(written, &problems[0]), ("site.filing-width", "５"));
}

#[test]
fn icp_mistakes_are_errors_at_the_place() {
    for (written, points_at, says) in [
        ("上海ICP备12345678号", "上海", "`沪`"),
        ("川ICP备12345678号", "川", "`蜀`"),
        ("港ICP备12345678号", "港", "简称"),
        ("沪ICP12345678号", "ICP1", "`ICP备`"),
        ("沪备12345678号", "备123", "`ICP备`"),
        ("沪ICP证B2-20100001", "ICP证", "经营许可证"),
        ("沪ICP备12345号", "12345", "这里是 5 位"),
        ("沪ICP备12345678901号", "12345678901", "这里是 11 位"),
        ("沪ICP备号", "号", "没有数字"),
        ("沪ICP备12345678", "", "少了 `号`"),
        ("沪ICP备12345678-1", "", "少了 `号`"),
        ("沪ICP备12345678号-", "-", "`-1`"),
        ("沪ICP备12345678号(上海工匠)", "(上海工匠)", "`-1`"),
    ] {
        let (icp, problems) = super::icp(written);
        assert!(icp.is_none(), "{written} was accepted");
        assert_eq!(problems.len(), 1, "{written}: {problems:?}");
        let p = &problems[0];
        assert!(p.error);
        assert_eq!(at(written, p), ("site.bad-icp", points_at), "{written}");
        assert!(p.message.contains(says), "{written}: {}", p.message);
        assert!(p.hint.contains("ICP备"), "{written}: {}", p.hint);
    }
    // Missing 号 points just after the digits.
    let (_, problems) = icp("沪ICP备12345678-1");
    assert_eq!(
        problems[0].at,
        "沪ICP备12345678".len().."沪ICP备12345678".len()
    );
    assert!(problems[0].hint.contains("沪ICP备12345678号"));
}

#[test]
fn gongan_numbers_in_their_standard_shape_link_to_the_query_page() {
    for (written, number) in [
        ("沪公网安备 31010102000001号", "沪公网安备 31010102000001号"),
        ("沪公网安备31010102000001号", "沪公网安备 31010102000001号"),
        ("川公网安备 51010702000123号", "川公网安备 51010702000123号"),
        ("蜀公网安备 51010702000123号", "蜀公网安备 51010702000123号"),
    ] {
        let (g, problems) = gongan(written);
        assert!(problems.is_empty(), "{written}: {problems:?}");
        let g = g.unwrap();
        assert_eq!(g.number, number);
        assert_eq!(
            g.url,
            format!("https://beian.mps.gov.cn/#/query/webSearch?code={}", g.code)
        );
    }
    let written = "沪公网安备　３１０１０１０２０００００１号";
    let (g, problems) = gongan(written);
    assert_eq!(g.unwrap().code, "31010102000001");
    assert_eq!(at(written, &problems[0]), ("site.filing-width", "３"));
}

#[test]
fn gongan_mistakes_are_errors_at_the_place() {
    for (written, points_at, says) in [
        ("上海公网安备 31010102000001号", "上海", "`沪`"),
        ("沪公安备案 31010102000001号", "公安备案", "`公网安备`"),
        (
            "沪公网安备 3101010200001号",
            "3101010200001",
            "这里是 13 位",
        ),
        (
            "沪公网安备 310101020000012号",
            "310101020000012",
            "这里是 15 位",
        ),
        ("沪公网安备 31010102000001", "", "少了 `号`"),
        ("沪公网安备 31010102000001号-1", "号-1", "不应再有"),
        (
            "沪公网安备 11010502000001号",
            "沪公网安备 11010502000001",
            "不是同一个省份",
        ),
    ] {
        let (g, problems) = gongan(written);
        assert!(g.is_none(), "{written} was accepted");
        assert_eq!(problems.len(), 1, "{written}: {problems:?}");
        let p = &problems[0];
        assert_eq!(at(written, p), ("site.bad-gongan", points_at), "{written}");
        assert!(p.message.contains(says), "{written}: {}", p.message);
        assert!(
            p.hint.contains("公网安备") || p.hint.contains("京"),
            "{written}: {}",
            p.hint
        );
    }
    let (_, problems) = gongan("沪公网安备 11010502000001号");
    assert!(problems[0].hint.contains("`京`"), "{}", problems[0].hint);
}
