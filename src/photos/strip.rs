//! Metadata removed from JPEG, PNG, WebP and GIF files without touching their pixels.
//!
//! Each format is walked block by block and only what draws the picture is kept, plus the
//! colour profile (blanked of text by [`icc::scrub`]). Everything else goes: EXIF (GPS position,
//! camera and lens serials, owner), XMP, IPTC/Photoshop, comments, PNG text and time chunks,
//! GIF comment and application blocks other than the loop count, unknown chunks, thumbnails,
//! and anything after the end of the image (phones append second pictures with their own EXIF
//! there). A picture whose EXIF orientation says it must be turned is reported as
//! [`Stripped::Turned`], since dropping the EXIF would turn it on the page: the caller
//! re-encodes it upright.
//!
//! PNG and WebP chunks are read and written with `img-parts`. JPEG is walked here, because
//! `img-parts` keeps every byte after the first scan as it is (later scans' segments, comments
//! and trailing data included); GIF because no maintained crate edits GIF blocks.

use super::icc;
use image::metadata::Orientation;
use img_parts::{png::Png, webp::WebP, Bytes, ImageICC};

/// The picture formats published after stripping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Jpeg,
    Png,
    WebP,
    Gif,
}

impl Format {
    /// The format a file extension names (letter case ignored).
    pub(crate) fn of_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" => Format::Jpeg,
            "png" => Format::Png,
            "webp" => Format::WebP,
            "gif" => Format::Gif,
            _ => return None,
        })
    }

    /// The `image` crate's name for it.
    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::WebP => image::ImageFormat::WebP,
            Format::Gif => image::ImageFormat::Gif,
        }
    }
}

/// A stripped picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stripped {
    /// The file without its metadata, pixels untouched.
    Clean(Vec<u8>),
    /// Its EXIF orientation turns or mirrors it: it must be re-encoded upright.
    Turned,
}

/// Removes every piece of metadata but the colour profile. `Err`: the file is not a readable
/// picture of `format` (corrupt, truncated, or of another format), in the editor's words.
pub(crate) fn strip(format: Format, bytes: &[u8]) -> Result<Stripped, String> {
    match format {
        Format::Jpeg => jpeg(bytes),
        Format::Png => png(bytes),
        Format::WebP => webp(bytes),
        Format::Gif => gif(bytes).map(Stripped::Clean),
    }
}

const BROKEN: &str = "图片文件已损坏、不完整，或者和扩展名不是同一种格式";

/// Whether an EXIF block (TIFF header first) asks for the picture to be turned or mirrored.
fn turned(exif: &[u8]) -> bool {
    Orientation::from_exif_chunk(exif).is_some_and(|o| o != Orientation::NoTransforms)
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2)
        .map(|s| usize::from(u16::from_be_bytes([s[0], s[1]])))
}

const ICC_PREFIX: &[u8] = b"ICC_PROFILE\0";
/// The most profile bytes one APP2 segment holds.
const ICC_CHUNK: usize = 65535 - 2 - ICC_PREFIX.len() - 2;

fn jpeg(b: &[u8]) -> Result<Stripped, String> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return Err(BROKEN.into());
    }
    let mut out = vec![0xFF, 0xD8];
    let mut icc: Vec<(u8, &[u8])> = Vec::new();
    let mut icc_at: Option<usize> = None;
    let mut pos = 2;
    loop {
        if b.get(pos) != Some(&0xFF) {
            return Err(BROKEN.into());
        }
        while b.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *b.get(pos).ok_or(BROKEN)?;
        pos += 1;
        match marker {
            0xD9 => break,
            0xD0..=0xD7 | 0x01 => {
                out.extend([0xFF, marker]);
                continue;
            }
            0x00 | 0xD8 => return Err(BROKEN.into()),
            _ => {}
        }
        let len = be16(b, pos).filter(|&l| l >= 2).ok_or(BROKEN)?;
        let body = b.get(pos + 2..pos + len).ok_or(BROKEN)?;
        pos += len;
        let keep = |out: &mut Vec<u8>, body: &[u8]| {
            out.extend([0xFF, marker]);
            out.extend(((body.len() + 2) as u16).to_be_bytes());
            out.extend_from_slice(body);
        };
        match marker {
            // JFIF: the density stays, an embedded thumbnail goes.
            0xE0 if body.starts_with(b"JFIF\0") && body.len() >= 14 => {
                keep(&mut out, &[&body[..12], &[0, 0]].concat())
            }
            0xE1 if body.starts_with(b"Exif\0\0") && turned(&body[6..]) => {
                return Ok(Stripped::Turned)
            }
            0xE2 if body.starts_with(ICC_PREFIX) && body.len() > ICC_PREFIX.len() + 2 => {
                icc.push((body[ICC_PREFIX.len()], &body[ICC_PREFIX.len() + 2..]));
                icc_at.get_or_insert(out.len());
            }
            // Adobe: how the colour channels are coded, needed to decode CMYK files (12 bytes).
            0xEE if body.starts_with(b"Adobe") => keep(&mut out, &body[..body.len().min(12)]),
            0xDA => {
                keep(&mut out, body);
                let end = scan_end(b, pos);
                out.extend_from_slice(&b[pos..end]);
                pos = end;
            }
            // Frame headers, Huffman and quantisation tables, arithmetic coding conditioning,
            // restart interval, number of lines, hierarchical progression, expansion.
            0xC0..=0xC7 | 0xC9..=0xCF | 0xDB..=0xDF => keep(&mut out, body),
            // Application segments, comments, reserved and extension markers.
            _ => {}
        }
    }
    out.extend([0xFF, 0xD9]);
    if let Some(at) = icc_at {
        icc.sort_by_key(|(seq, _)| *seq);
        let profile: Vec<u8> = icc.iter().flat_map(|(_, d)| d.iter().copied()).collect();
        if let Some(clean) = icc::scrub(&profile) {
            let chunks: Vec<&[u8]> = clean.chunks(ICC_CHUNK).collect();
            let mut segments = Vec::new();
            for (i, c) in chunks.iter().enumerate() {
                segments.extend([0xFF, 0xE2]);
                segments.extend(((c.len() + ICC_PREFIX.len() + 4) as u16).to_be_bytes());
                segments.extend_from_slice(ICC_PREFIX);
                segments.extend([(i + 1) as u8, chunks.len() as u8]);
                segments.extend_from_slice(c);
            }
            out.splice(at..at, segments);
        }
    }
    Ok(Stripped::Clean(out))
}

/// Where the entropy-coded data starting at `from` ends: at the first marker other than a
/// stuffed zero or a restart marker (or at the end of the file).
fn scan_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 1 < b.len() {
        if b[i] == 0xFF && !matches!(b[i + 1], 0x00 | 0xD0..=0xD7) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// PNG chunks that draw the picture or say how (transparency, gamma, colour, pixel density,
/// significant bits, background, animation, HDR signalling).
const PNG_KEEP: &[&[u8; 4]] = &[
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs",
    b"bKGD", b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCV", b"cLLI",
];

fn png(b: &[u8]) -> Result<Stripped, String> {
    let mut png = Png::from_bytes(Bytes::copy_from_slice(b)).map_err(|_| BROKEN.to_string())?;
    let kinds: Vec<[u8; 4]> = png.chunks().iter().map(|c| c.kind()).collect();
    if kinds.first() != Some(b"IHDR") || kinds.last() != Some(b"IEND") {
        return Err(BROKEN.into());
    }
    if png.chunks_by_type(*b"eXIf").any(|c| turned(c.contents())) {
        return Ok(Stripped::Turned);
    }
    let profile = png.icc_profile().and_then(|p| icc::scrub(&p));
    png.chunks_mut().retain(|c| PNG_KEEP.contains(&&c.kind()));
    if let Some(p) = profile {
        png.set_icc_profile(Some(Bytes::from(p)));
    }
    Ok(Stripped::Clean(png.encoder().bytes().to_vec()))
}

/// WebP chunks that draw the picture; the colour profile is set again after scrubbing.
const WEBP_KEEP: &[&[u8; 4]] = &[b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF"];
/// The VP8X flags of the EXIF and XMP chunks.
const WEBP_METADATA_FLAGS: u8 = 0b0000_1100;

fn webp(b: &[u8]) -> Result<Stripped, String> {
    let mut webp = WebP::from_bytes(Bytes::copy_from_slice(b)).map_err(|_| BROKEN.to_string())?;
    let image = |id: &[u8; 4]| matches!(id, b"VP8 " | b"VP8L" | b"ANMF");
    if !webp.chunks().iter().any(|c| image(&c.id())) {
        return Err(BROKEN.into());
    }
    let exif = |c: &img_parts::riff::RiffChunk| {
        let data = c.content().data().map(|d| d.to_vec()).unwrap_or_default();
        data.strip_prefix(b"Exif\0\0".as_slice())
            .map(<[u8]>::to_vec)
            .unwrap_or(data)
    };
    if webp.chunks_by_id(*b"EXIF").any(|c| turned(&exif(c))) {
        return Ok(Stripped::Turned);
    }
    let profile = webp.icc_profile().and_then(|p| icc::scrub(&p));
    webp.chunks_mut().retain(|c| WEBP_KEEP.contains(&&c.id()));
    // Setting the profile (or none) also brings the VP8X flags in line with the chunks left.
    webp.set_icc_profile(profile.map(Bytes::from));
    for c in webp.chunks_mut() {
        if c.id() != *b"VP8X" {
            continue;
        }
        if let img_parts::riff::RiffContent::Data(d) = c.content_mut() {
            if let Some(&flags) = d.first() {
                let mut v = d.to_vec();
                v[0] = flags & !WEBP_METADATA_FLAGS;
                *d = Bytes::from(v);
            }
        }
    }
    Ok(Stripped::Clean(webp.encoder().bytes().to_vec()))
}

/// GIF application extensions kept: the loop count of animations.
const GIF_APPS: &[&[u8; 11]] = &[b"NETSCAPE2.0", b"ANIMEXTS1.0"];

fn gif(b: &[u8]) -> Result<Vec<u8>, String> {
    if !(b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a")) || b.len() < 13 {
        return Err(BROKEN.into());
    }
    let table = |flags: u8| {
        if flags & 0x80 != 0 {
            3 << ((flags & 0x07) + 1)
        } else {
            0
        }
    };
    let mut pos = 13 + table(b[10]);
    let mut out = b.get(..pos).ok_or(BROKEN)?.to_vec();
    loop {
        match *b.get(pos).ok_or(BROKEN)? {
            0x3B => break,
            0x2C => {
                let flags = *b.get(pos + 9).ok_or(BROKEN)?;
                let data = pos + 10 + table(flags) + 1;
                let end = sub_blocks_end(b, data)?;
                out.extend_from_slice(&b[pos..end]);
                pos = end;
            }
            0x21 => {
                let label = *b.get(pos + 1).ok_or(BROKEN)?;
                let end = sub_blocks_end(b, pos + 2)?;
                let app = b.get(pos + 3..pos + 14);
                let keep = label == 0xF9
                    || (label == 0xFF
                        && b.get(pos + 2) == Some(&11)
                        && app.is_some_and(|a| GIF_APPS.iter().any(|k| k.as_slice() == a)));
                if keep {
                    out.extend_from_slice(&b[pos..end]);
                }
                pos = end;
            }
            _ => return Err(BROKEN.into()),
        }
    }
    out.push(0x3B);
    Ok(out)
}

/// The end of a run of GIF data sub-blocks starting at `at` (after its zero-length terminator).
fn sub_blocks_end(b: &[u8], mut at: usize) -> Result<usize, String> {
    loop {
        let n = usize::from(*b.get(at).ok_or(BROKEN)?);
        at += 1 + n;
        if n == 0 {
            return Ok(at);
        }
        if at > b.len() {
            return Err(BROKEN.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TIFF block with an owner, a serial and a GPS position (and an orientation when asked).
    pub(crate) fn exif(orientation: Option<u16>) -> Vec<u8> {
        let mut t = b"MM\0\x2a\0\0\0\x08".to_vec();
        let entries: u16 = 3 + u16::from(orientation.is_some());
        t.extend(entries.to_be_bytes());
        let data = 8 + 2 + 12 * u32::from(entries) + 4;
        let artist = b"Zhang San\0";
        let serial = b"SN-PRIVATE-4711\0";
        let gps = b"GPS\0";
        let mut entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            t.extend(tag.to_be_bytes());
            t.extend(kind.to_be_bytes());
            t.extend(count.to_be_bytes());
            t.extend(value);
        };
        if let Some(o) = orientation {
            let [a, b] = o.to_be_bytes();
            entry(0x0112, 3, 1, [a, b, 0, 0]);
        }
        entry(0x013B, 2, artist.len() as u32, data.to_be_bytes());
        let at = data + artist.len() as u32;
        entry(0xA431, 2, serial.len() as u32, at.to_be_bytes());
        entry(0x8298, 2, 4, *gps);
        t.extend([0; 4]);
        t.extend_from_slice(artist);
        t.extend_from_slice(serial);
        t
    }

    const XMP: &[u8] = b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:Description dc:creator=\"Zhang San\" exif:GPSLatitude=\"31,14N\"/></x:xmpmeta>";
    const XMP_JPEG: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

    fn leaks(b: &[u8]) -> Vec<&'static str> {
        [
            "Zhang San",
            "SN-PRIVATE",
            "GPS",
            "Exif",
            "xmpmeta",
            "ns.adobe.com",
        ]
        .into_iter()
        .filter(|m| b.windows(m.len()).any(|w| w == m.as_bytes()))
        .collect()
    }

    fn pixels() -> image::RgbaImage {
        image::RgbaImage::from_fn(12, 8, |x, y| {
            image::Rgba([(x * 20) as u8, (y * 30) as u8, 128, 255 - (x * 10) as u8])
        })
    }

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend(((body.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(body);
        s
    }

    fn jpeg_with(orientation: Option<u16>) -> Vec<u8> {
        let rgb = image::DynamicImage::ImageRgba8(pixels()).into_rgb8();
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
            .encode_image(&rgb)
            .unwrap();
        let mut icc = ICC_PREFIX.to_vec();
        icc.extend([1, 1]);
        icc.extend(icc::sample());
        let mut out = plain[..2].to_vec();
        out.extend(segment(
            0xE1,
            &[b"Exif\0\0".as_slice(), &exif(orientation)].concat(),
        ));
        out.extend(segment(0xE1, &[XMP_JPEG, XMP].concat()));
        out.extend(segment(0xED, b"Photoshop 3.0\08BIM\x04\x04 Zhang San"));
        out.extend(segment(0xE2, &icc));
        out.extend(segment(0xFE, b"SN-PRIVATE-4711"));
        out.extend_from_slice(&plain[2..]);
        // A second picture after the end, as phones append (with its own EXIF).
        out.extend_from_slice(&plain[..2]);
        out.extend(segment(
            0xE1,
            &[b"Exif\0\0".as_slice(), &exif(None)].concat(),
        ));
        out
    }

    fn clean(format: Format, bytes: &[u8]) -> Vec<u8> {
        match strip(format, bytes).unwrap() {
            Stripped::Clean(b) => b,
            Stripped::Turned => panic!("turned"),
        }
    }

    fn decoded(format: Format, bytes: &[u8]) -> (image::RgbaImage, Option<Vec<u8>>) {
        use image::ImageDecoder;
        let mut d =
            image::ImageReader::with_format(std::io::Cursor::new(bytes), format.image_format())
                .into_decoder()
                .unwrap();
        let icc = d.icc_profile().unwrap();
        let img = image::DynamicImage::from_decoder(d).unwrap().into_rgba8();
        (img, icc)
    }

    #[test]
    fn jpeg_keeps_its_scan_and_scrubbed_profile_and_nothing_else() {
        let original = jpeg_with(None);
        let out = clean(Format::Jpeg, &original);
        assert_eq!(leaks(&out), Vec::<&str>::new());
        let (before, _) = decoded(Format::Jpeg, &original);
        let (after, icc) = decoded(Format::Jpeg, &out);
        assert_eq!(before, after, "pixels untouched");
        assert!(icc::is_scrubbed_sample(&icc.unwrap()));
        assert!(out.ends_with(&[0xFF, 0xD9]), "nothing after the end");
        assert_eq!(
            clean(Format::Jpeg, &out),
            out,
            "stripping twice changes nothing"
        );
    }

    #[test]
    fn a_turned_jpeg_is_reported() {
        assert_eq!(
            strip(Format::Jpeg, &jpeg_with(Some(6))),
            Ok(Stripped::Turned)
        );
        assert!(matches!(
            strip(Format::Jpeg, &jpeg_with(Some(1))),
            Ok(Stripped::Clean(_))
        ));
    }

    fn png_chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        img_parts::png::PngChunk::new(*kind, Bytes::copy_from_slice(body))
            .encoder()
            .bytes()
            .to_vec()
    }

    fn png_with(orientation: Option<u16>) -> Vec<u8> {
        let mut plain = Vec::new();
        {
            use image::ImageEncoder;
            let mut e = image::codecs::png::PngEncoder::new(&mut plain);
            e.set_icc_profile(icc::sample()).unwrap();
            e.write_image(pixels().as_raw(), 12, 8, image::ExtendedColorType::Rgba8)
                .unwrap();
        }
        let at = 8 + 25;
        let mut out = plain[..at].to_vec();
        out.extend(png_chunk(b"tEXt", b"Author\0Zhang San"));
        out.extend(png_chunk(
            b"zTXt",
            b"Comment\0\0x\x9c\x0b\x0e\xd0\x0d\x08\x02\0\x05\x9e\x01\x8f",
        ));
        out.extend(png_chunk(
            b"iTXt",
            &[b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), XMP].concat(),
        ));
        out.extend(png_chunk(b"eXIf", &exif(orientation)));
        out.extend(png_chunk(b"tIME", &[7, 0xE9, 5, 1, 12, 0, 0]));
        out.extend_from_slice(&plain[at..]);
        out.extend_from_slice(b"trailing GPS");
        out
    }

    #[test]
    fn png_keeps_its_pixels_and_scrubbed_profile_and_nothing_else() {
        let original = png_with(None);
        let out = clean(Format::Png, &original);
        assert_eq!(leaks(&out), Vec::<&str>::new());
        for chunk in [b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"] {
            assert!(!out.windows(4).any(|w| w == chunk), "{chunk:?} left");
        }
        let (before, _) = decoded(Format::Png, &original);
        let (after, icc) = decoded(Format::Png, &out);
        assert_eq!(before, after);
        assert!(icc::is_scrubbed_sample(&icc.unwrap()));
        assert_eq!(strip(Format::Png, &png_with(Some(8))), Ok(Stripped::Turned));
    }

    fn riff_chunk(id: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut c = id.to_vec();
        c.extend((body.len() as u32).to_le_bytes());
        c.extend_from_slice(body);
        if body.len() % 2 == 1 {
            c.push(0);
        }
        c
    }

    fn webp_with(orientation: Option<u16>) -> Vec<u8> {
        let mut plain = Vec::new();
        image::codecs::webp::WebPEncoder::new_lossless(&mut plain)
            .encode(pixels().as_raw(), 12, 8, image::ExtendedColorType::Rgba8)
            .unwrap();
        // RIFF header, then VP8X (ICC, alpha, EXIF, XMP), ICCP, the image, EXIF, XMP.
        let mut vp8x = vec![0b0011_1100, 0, 0, 0];
        vp8x.extend(&11u32.to_le_bytes()[..3]);
        vp8x.extend(&7u32.to_le_bytes()[..3]);
        let mut body = b"WEBP".to_vec();
        body.extend(riff_chunk(b"VP8X", &vp8x));
        body.extend(riff_chunk(b"ICCP", &icc::sample()));
        body.extend_from_slice(&plain[12..]);
        body.extend(riff_chunk(b"EXIF", &exif(orientation)));
        body.extend(riff_chunk(b"XMP ", XMP));
        let mut out = b"RIFF".to_vec();
        out.extend((body.len() as u32).to_le_bytes());
        out.extend(body);
        out
    }

    #[test]
    fn webp_keeps_its_pixels_and_scrubbed_profile_and_nothing_else() {
        let original = webp_with(None);
        let out = clean(Format::WebP, &original);
        assert_eq!(leaks(&out), Vec::<&str>::new());
        assert!(!out.windows(4).any(|w| w == b"XMP " || w == b"EXIF"));
        let flags = out[20];
        assert_eq!(&out[12..16], b"VP8X");
        assert_eq!(
            flags & 0b0010_1100,
            0b0010_0000,
            "ICC flag on, EXIF and XMP off: {flags:08b}"
        );
        assert_ne!(flags & 0b0001_0000, 0, "alpha flag kept");
        let (before, _) = decoded(Format::WebP, &original);
        let (after, icc) = decoded(Format::WebP, &out);
        assert_eq!(before, after);
        assert!(icc::is_scrubbed_sample(&icc.unwrap()));
        assert_eq!(
            strip(Format::WebP, &webp_with(Some(3))),
            Ok(Stripped::Turned)
        );
    }

    /// A 2×2 two-frame GIF with a comment, an XMP application block, a plain-text block and a loop count.
    fn gif() -> Vec<u8> {
        let mut g = b"GIF89a\x02\0\x02\0\x80\0\0".to_vec();
        g.extend([0xFF, 0, 0, 0, 0, 0xFF]);
        g.extend(b"\x21\xFF\x0bNETSCAPE2.0\x03\x01\0\0\0");
        g.extend(b"\x21\xFE\x0fSN-PRIVATE-4711\0");
        g.extend(b"\x21\xFF\x0bXMP DataXMP\x09Zhang San\0");
        g.extend(b"\x21\x01\x0c\0\0\0\0\x02\0\x02\0\x01\x01\0\0\x03GPS\0");
        for _ in 0..2 {
            g.extend(b"\x21\xF9\x04\x04\x0a\0\0\0");
            g.extend(b"\x2c\0\0\0\0\x02\0\x02\0\0\x02\x02\x44\x01\0");
        }
        g.push(0x3B);
        g.extend(b"Zhang San");
        g
    }

    #[test]
    fn gif_keeps_its_frames_and_loop_and_nothing_else() {
        let out = clean(Format::Gif, &gif());
        assert_eq!(leaks(&out), Vec::<&str>::new());
        assert!(out.windows(11).any(|w| w == b"NETSCAPE2.0"));
        assert_eq!(out.iter().filter(|&&b| b == 0x2c).count(), 2, "both frames");
        assert_eq!(out.last(), Some(&0x3B));
        assert_eq!(clean(Format::Gif, &out), out);
    }

    #[test]
    fn broken_files_are_errors() {
        for f in [Format::Jpeg, Format::Png, Format::WebP, Format::Gif] {
            assert!(strip(f, b"hello").is_err(), "{f:?}");
            assert!(strip(f, b"").is_err(), "{f:?}");
        }
        let j = jpeg_with(None);
        let cut = j.len() - 300;
        assert!(strip(Format::Jpeg, &j[..cut]).is_err(), "a JPEG cut short");
        let p = png_with(None);
        assert!(
            strip(Format::Png, &p[..p.len() - 40]).is_err(),
            "a PNG cut short"
        );
        assert!(
            strip(Format::Png, &jpeg_with(None)).is_err(),
            "a JPEG named .png"
        );
        let g = gif();
        assert!(
            strip(Format::Gif, &g[..g.len() - 20]).is_err(),
            "a GIF cut short"
        );
    }
}
