//! Published pictures: nothing of an original's metadata reaches the site, body images are resized
//! like profile photos, and SVG files are checked.

use crate::support::{stderr, tree, TestSite};

/// What the originals carry and no published byte may: a fake camera serial, an owner's name,
/// and the signatures of EXIF, XMP and GPS data.
const MARKERS: &[&str] = &[
    "SN-PRIVATE-4711",
    "Zhang San",
    "Exif\0\0",
    "http://ns.adobe.com/xap/1.0/",
    "GPS",
];

/// A big-endian TIFF block with an owner's name, a body serial number and a GPS position.
fn exif() -> Vec<u8> {
    // IFD0 at 8: Artist, ExifIFD pointer, GPS pointer; then the Exif IFD, the GPS IFD, the data.
    let artist = b"Zhang San\0";
    let serial = b"SN-PRIVATE-4711\0";
    let method = b"ASCII\0\0\0GPS";
    let ifd0 = 8u32;
    let exif_ifd = ifd0 + 2 + 3 * 12 + 4;
    let gps_ifd = exif_ifd + 2 + 12 + 4;
    let data = gps_ifd + 2 + 3 * 12 + 4;
    let (artist_at, serial_at) = (data, data + artist.len() as u32);
    let method_at = serial_at + serial.len() as u32;
    let latitude_at = method_at + method.len() as u32;
    let mut t = b"MM\0\x2a".to_vec();
    t.extend(ifd0.to_be_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend(tag.to_be_bytes());
        t.extend(kind.to_be_bytes());
        t.extend(count.to_be_bytes());
        t.extend(value.to_be_bytes());
    };
    t.extend(3u16.to_be_bytes());
    entry(&mut t, 0x013B, 2, artist.len() as u32, artist_at);
    entry(&mut t, 0x8769, 4, 1, exif_ifd);
    entry(&mut t, 0x8825, 4, 1, gps_ifd);
    t.extend(0u32.to_be_bytes());
    t.extend(1u16.to_be_bytes());
    entry(&mut t, 0xA431, 2, serial.len() as u32, serial_at);
    t.extend(0u32.to_be_bytes());
    t.extend(3u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from_be_bytes(*b"N\0\0\0"));
    entry(&mut t, 0x0002, 5, 3, latitude_at);
    entry(&mut t, 0x001B, 7, method.len() as u32, method_at);
    t.extend(0u32.to_be_bytes());
    t.extend_from_slice(artist);
    t.extend_from_slice(serial);
    t.extend_from_slice(method);
    for (n, d) in [(31u32, 1u32), (14, 1), (2, 10)] {
        t.extend(n.to_be_bytes());
        t.extend(d.to_be_bytes());
    }
    t
}

const XMP: &str = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" dc:creator=\"Zhang San\" aux:SerialNumber=\"SN-PRIVATE-4711\" exif:GPSLatitude=\"31,14.2N\"/></rdf:RDF></x:xmpmeta>";

fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend(((body.len() + 2) as u16).to_be_bytes());
    s.extend_from_slice(body);
    s
}

/// A JPEG photo with an EXIF block (GPS, serial, owner), an XMP packet and a comment.
fn private_jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 85)
        .encode_image(&img)
        .unwrap();
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xE1, &[b"Exif\0\0".as_slice(), &exif()].concat()));
    let xmp = [b"http://ns.adobe.com/xap/1.0/\0".as_slice(), XMP.as_bytes()].concat();
    out.extend(segment(0xE1, &xmp));
    out.extend(segment(0xFE, b"owner Zhang San, SN-PRIVATE-4711"));
    out.extend_from_slice(&plain[2..]);
    out
}

fn png_chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut c = (body.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(body);
    let mut h = flate2::Crc::new();
    h.update(kind);
    h.update(body);
    c.extend(h.sum().to_be_bytes());
    c
}

/// A PNG logo with an author in a tEXt chunk, an XMP packet in an iTXt chunk and an eXIf chunk.
fn private_png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, _| {
        image::Rgba([200, 30, 40, (x * 20 % 256) as u8])
    });
    let mut plain = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut plain),
        image::ImageFormat::Png,
    )
    .unwrap();
    let at = 8 + 25; // signature and IHDR
    let mut out = plain[..at].to_vec();
    out.extend(png_chunk(b"tEXt", b"Author\0Zhang San SN-PRIVATE-4711"));
    out.extend(png_chunk(
        b"iTXt",
        &[b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), XMP.as_bytes()].concat(),
    ));
    out.extend(png_chunk(b"eXIf", &exif()));
    out.extend_from_slice(&plain[at..]);
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The minimal site with a profile whose photo and body image, and two static pictures, carry private metadata.
fn site_with_private_pictures() -> TestSite {
    let s = TestSite::fixture("minimal");
    let profile = s
        .read("content/craftsmen/li-na/index.md")
        .replace("photo: photo.png", "photo: photo.jpg")
        .replace(
            "李娜的故事。",
            "李娜的故事。\n\n![李娜在试验台前 *专注*](work.jpg \"试验台\")\n",
        );
    s.write("content/craftsmen/li-na/index.md", profile);
    s.write("content/craftsmen/li-na/photo.jpg", private_jpeg(300, 400));
    s.write("content/craftsmen/li-na/work.jpg", private_jpeg(1000, 600));
    s.write("content/static/img/banner.jpg", private_jpeg(64, 32));
    s.write("content/static/img/badge.png", private_png(16, 16));
    s
}

#[test]
fn no_published_file_carries_an_originals_metadata() {
    let s = site_with_private_pictures();
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let public = s.root().join("public");
    let files = tree(&public);
    for (path, bytes) in &files {
        for m in MARKERS {
            assert!(!contains(bytes, m.as_bytes()), "{m:?} published in {path}");
        }
    }
    // The static pictures are still there, same size, readable.
    for (path, size) in [("img/banner.jpg", (64, 32)), ("img/badge.png", (16, 16))] {
        let img = image::open(public.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!((img.width(), img.height()), size, "{path}");
    }
}

#[test]
fn a_body_image_is_resized_like_a_photo_and_its_original_is_not_published() {
    let s = site_with_private_pictures();
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = s.read("public/craftsmen/li-na/index.html");
    let start =
        html.find("<picture><source type=\"image/webp\" srcset=\"/craftsmen/li-na/work-240w.");
    let start = start.unwrap_or_else(|| panic!("no <picture> for the body image:\n{html}"));
    let picture = &html[start..start + html[start..].find("</picture>").unwrap()];
    for want in [
        "work-480w.",
        ".webp 480w",
        ".webp 800w",
        "src=\"/craftsmen/li-na/work-480w.",
        ".jpg 240w",
        ".jpg 800w",
        "width=\"480\" height=\"288\"",
        "alt=\"李娜在试验台前 专注\"",
        "title=\"试验台\"",
        "loading=\"lazy\"",
        "sizes=\"",
    ] {
        assert!(picture.contains(want), "{want} missing in {picture}");
    }
    for (path, _) in tree(&s.root().join("public")) {
        assert!(
            !path.ends_with("li-na/work.jpg") && !path.ends_with("li-na/photo.jpg"),
            "original published: {path}"
        );
    }
    assert!(
        !html.contains("work.jpg\""),
        "the original is referenced:\n{html}"
    );
    // Every resized file the page names exists.
    for url in picture
        .split(['"', ' ', ','])
        .filter(|u| u.starts_with("/craftsmen/li-na/work-"))
    {
        assert!(
            s.root().join("public").join(&url[1..]).is_file(),
            "{url} not written"
        );
    }
}

#[test]
fn a_raw_html_image_in_a_body_is_resized_too() {
    let s = site_with_private_pictures();
    let profile = s.read("content/craftsmen/li-na/index.md").replace(
        "![李娜在试验台前 *专注*](work.jpg \"试验台\")",
        "<img src=\"work.jpg\" alt=\"工作照\">",
    );
    s.write("content/craftsmen/li-na/index.md", profile);
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = s.read("public/craftsmen/li-na/index.html");
    assert!(html.contains("alt=\"工作照\""), "{html}");
    assert!(html.contains("/craftsmen/li-na/work-800w."), "{html}");
    assert!(!html.contains("work.jpg\""), "{html}");
}

#[test]
fn an_unreadable_body_image_is_located_at_its_reference() {
    let s = site_with_private_pictures();
    s.write("content/craftsmen/li-na/work.jpg", b"not a picture");
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "image.unreadable")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(d.file, "content/craftsmen/li-na/index.md");
    let text = s.read("content/craftsmen/li-na/index.md");
    let line = text.lines().position(|l| l.starts_with("![")).unwrap() + 1;
    assert_eq!((d.line, d.column), (line, 1), "{d:?}");
}

#[test]
fn a_corrupt_static_picture_is_an_error_not_a_copy() {
    let s = TestSite::fixture("minimal");
    s.write(
        "content/static/img/broken.png",
        b"\x89PNG\r\n\x1a\nnot really",
    );
    s.write("content/static/img/photo.heic", b"ftypheic....");
    let o = s.run(&["build"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("content/static/img/broken.png"), "{err}");
    assert!(err.contains("content/static/img/photo.heic"), "{err}");
    assert!(!s.root().join("public").exists());
}

#[test]
fn an_svg_with_a_script_is_refused_at_the_script() {
    let s = TestSite::fixture("minimal");
    s.write(
        "content/static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\">\n  <rect width=\"8\" height=\"8\"/>\n  <script>alert(1)</script>\n</svg>\n",
    );
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "svg.unsafe")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        ("content/static/logo.svg", 3, 3)
    );
    assert!(d.message.contains("script"), "{}", d.message);
}

#[test]
fn svg_metadata_and_comments_are_not_published() {
    let s = TestSite::fixture("minimal");
    s.write(
        "content/static/logo.svg",
        "<?xml version=\"1.0\"?>\n<!-- Created by Zhang San, SN-PRIVATE-4711 -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\" sodipodi:docname=\"/home/Zhang San/logo.svg\" viewBox=\"0 0 8 8\"><metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Zhang San</dc:creator></rdf:RDF></metadata><sodipodi:namedview id=\"n\"/><title>徽标</title><rect width=\"8\" height=\"8\" fill=\"#a4262c\"/></svg>\n",
    );
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = s.read("public/logo.svg");
    for gone in [
        "Zhang San",
        "SN-PRIVATE",
        "<metadata",
        "<!--",
        "sodipodi:docname",
        "namedview",
    ] {
        assert!(!svg.contains(gone), "{gone} in {svg}");
    }
    for kept in [
        "<title>徽标</title>",
        "<rect width=\"8\" height=\"8\" fill=\"#a4262c\"/>",
        "viewBox=\"0 0 8 8\"",
    ] {
        assert!(svg.contains(kept), "{kept} missing in {svg}");
    }
}

#[test]
fn a_link_to_an_unpublished_original_is_a_broken_link_with_a_hint() {
    let s = site_with_private_pictures();
    let about = s.read("content/pages/about.md") + "\n[看原图](/craftsmen/li-na/work.jpg)\n";
    s.write("content/pages/about.md", about);
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "link.broken")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(d.file, "content/pages/about.md");
    let hint = d.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("照片原件不会发布"), "{hint}");
}
