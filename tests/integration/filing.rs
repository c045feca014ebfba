//! The footer a mainland site must carry: organiser, contacts, ICP and 公安 filing numbers with their links, the organiser's logo.

use crate::support::TestSite;

/// The minimal fixture with a site.yaml of three lines and then `extra` (from line 4).
fn site_with(extra: &str) -> TestSite {
    let s = TestSite::fixture("minimal");
    let yaml = format!("title: 测试工匠网\nbase_url: https://example.org/\nminify: false\n{extra}");
    s.write("content/site.yaml", yaml);
    s
}

const FOOTER: &str = "organiser: 某某市总工会
contact:
  phone: 021-12345678
  email: office@example.org
  address: 某某市某某路 100 号
icp: 沪ICP备12345678号-1
gongan: 沪公网安备 31010102000001号
logo: emblem.png
";

/// A 2×2 PNG carrying a text chunk with a device name, written as a phone would.
fn png_with_metadata() -> Vec<u8> {
    let mut buf = Vec::new();
    let img = image::RgbaImage::from_pixel(2, 2, image::Rgba([200, 30, 40, 255]));
    image::DynamicImage::ImageRgba8(img)
        .write_to(&mut std::io::Cursor::new(&mut buf), image::ImageFormat::Png)
        .unwrap();
    // A tEXt chunk after IHDR (8 + 25 bytes): keyword "Model", text "Pixel-Serial-XYZ".
    let data = b"Model\0Pixel-Serial-XYZ";
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = b"tEXt".to_vec();
    body.extend_from_slice(data);
    chunk.extend_from_slice(&body);
    chunk.extend_from_slice(&crc32(&body).to_be_bytes());
    buf.splice(33..33, chunk);
    buf
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn the_footer_shows_organiser_contacts_and_linked_filing_numbers_on_every_page() {
    let s = site_with(FOOTER);
    s.write("content/static/emblem.png", png_with_metadata());
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    for page in ["public/index.html", "public/craftsmen/zhang-wei/index.html"] {
        let html = s.read(page);
        let footer = &html[html.find("<footer").expect("a footer")..];
        for want in [
            "主办单位：某某市总工会",
            "<a href=\"tel:02112345678\">021-12345678</a>",
            "<a href=\"mailto:office@example.org\">office@example.org</a>",
            "地址：某某市某某路 100 号",
            "<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">沪ICP备12345678号-1</a>",
            "href=\"https://beian.mps.gov.cn/#/query/webSearch?code=31010102000001\"",
            "沪公网安备 31010102000001号</a>",
            "class=\"beian-icon\"",
            "<img class=\"emblem\" src=\"/emblem.png\"",
        ] {
            assert!(footer.contains(want), "{page}: {want} missing in {footer}");
        }
    }
    // The logo is published without the text chunk naming the device.
    let logo = std::fs::read(s.root().join("public/emblem.png")).unwrap();
    assert!(!logo.windows(6).any(|w| w == b"Serial"), "metadata kept");
}

#[test]
fn a_site_without_these_fields_has_no_filing_block() {
    let s = TestSite::fixture("minimal");
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    assert!(!s.read("public/index.html").contains("class=\"filing\""));
}

#[test]
fn an_organisation_landline_is_public_but_a_mobile_number_is_a_personal_one() {
    let s = site_with(FOOTER);
    s.write("content/static/emblem.png", png_with_metadata());
    let (built, d) = s.check();
    assert!(built, "{d:?}");
    assert!(d.iter().all(|d| !d.code.starts_with("privacy")), "{d:?}");
    let s = site_with(
        &FOOTER
            .replace("021-12345678", "138 1234 5678")
            .replace("logo: emblem.png\n", ""),
    );
    let (_, d) = s.check();
    let found: Vec<_> = d
        .iter()
        .filter(|d| d.code == "privacy.mobile")
        .map(|d| (d.file.as_str(), d.line))
        .collect();
    assert_eq!(found, [("content/site.yaml", 6)], "{d:?}");
    let hint = d
        .iter()
        .find(|d| d.code == "privacy.mobile")
        .and_then(|d| d.hint.as_deref());
    assert!(hint.unwrap_or("").contains("固定电话"), "{hint:?}");
}

#[test]
fn malformed_numbers_and_a_missing_logo_are_errors_at_their_place() {
    let s = site_with(
        "icp: 上海ICP备12345678号\ngongan: \"沪公网安备 3101010200001号\"\ncontact:\n  email: office.example.org\nlogo: /emblem.png\n",
    );
    let (_, d) = s.check();
    let got: Vec<(&str, &str, usize, usize)> = d
        .iter()
        .filter(|d| d.file == "content/site.yaml")
        .map(|d| (d.code, d.file.as_str(), d.line, d.column))
        .collect();
    // Columns in characters, at the wrong part: 上海, the 13 digits, the address, the file.
    assert_eq!(
        got,
        [
            ("site.bad-icp", "content/site.yaml", 4, 6),
            ("site.bad-gongan", "content/site.yaml", 5, 16),
            ("site.bad-email", "content/site.yaml", 7, 10),
            ("asset.missing", "content/site.yaml", 8, 7),
        ],
        "{d:?}"
    );
    let icp = d.iter().find(|d| d.code == "site.bad-icp").unwrap();
    assert!(icp.message.contains("`沪`"), "{}", icp.message);
    assert!(icp.hint.as_deref().unwrap_or("").contains("沪ICP备"));
}
