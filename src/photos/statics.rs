//! Files published under their own names: the theme's and content's static files and the files
//! beside profiles and stories, every picture among them cleaned of its metadata first.
//!
//! What becomes of each file, by [`FileKind`]:
//! - a JPEG, PNG or WebP in `static/` or a theme: its metadata removed without re-encoding
//!   ([`strip`]); one that relies on an EXIF orientation is re-encoded upright instead (JPEG at
//!   quality 92, PNG and WebP losslessly), keeping its colour profile;
//! - a JPEG, PNG or WebP beside a profile or story: not published; pages show it through its
//!   resized copies ([`super::resize`]);
//! - a GIF: its metadata removed; an SVG: cleaned or refused ([`svg`]);
//! - a HEIC, AVIF, TIFF… picture: refused, since its metadata cannot be removed;
//! - anything else: copied as it is.
//!
//! A picture that cannot be read is an error located at the file; it is never copied through.

use super::icc;
use super::strip::{self, Format, Stripped};
use super::svg;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::FileStamp;
use crate::model::assets::{self, FileKind};
use crate::model::site::Site;
use crate::output::{Content, OutputFile};
use crate::source::SourceFile;
use image::{DynamicImage, ImageDecoder, ImageEncoder};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const JPEG_QUALITY: u8 = 92;

/// One file to publish: where it goes, where it comes from, and the path shown in messages.
struct Candidate {
    out: OutputFile,
    shown: String,
    /// The source file's size and time, when it is a file.
    stamp: Option<FileStamp>,
}

/// A file as published, or why it cannot be.
type Done = Result<OutputFile, Box<Diagnostic>>;

/// A file to publish under its own name, and the file it comes from as shown to editors
/// (`content/static/x`, `themes/mine/static/x`).
pub struct Copied {
    pub file: OutputFile,
    pub from: String,
}

/// Files cleaned in earlier rebuilds, by source file: the stamp they were cleaned at and the
/// result.
#[derive(Default)]
pub(crate) struct Memo(Mutex<HashMap<PathBuf, (FileStamp, Done)>>);

/// Every theme static file, content static file and published file beside content, cleaned.
/// Theme files come first, so that a content file with the same path replaces its theme's.
///
/// With a `memo`, a file with the same size and time as when it was last cleaned is not read
/// again (the preview, which rebuilds after every save).
pub(crate) fn publish(
    root: &Path,
    theme_files: &[OutputFile],
    site: &Site,
    memo: Option<&Memo>,
    diags: &mut Diagnostics,
) -> Vec<Copied> {
    let theme = theme_files.iter().map(|f| Candidate {
        shown: match &f.content {
            Content::Copy(abs) => abs
                .strip_prefix(root)
                .unwrap_or(abs)
                .to_string_lossy()
                .replace('\\', "/"),
            Content::Bytes(_) => format!("(内置主题)/static/{}", f.path),
        },
        stamp: match &f.content {
            Content::Copy(abs) => FileStamp::of(abs),
            Content::Bytes(_) => None,
        },
        out: f.clone(),
    });
    let content = site
        .static_files
        .iter()
        .chain(&site.assets)
        .filter(|f| assets::published(&f.rel))
        .map(|f| Candidate {
            out: OutputFile {
                path: assets::url_of(&f.rel).trim_start_matches('/').to_string(),
                content: Content::Copy(f.abs.clone()),
            },
            shown: format!("content/{}", f.rel),
            stamp: f.stamp,
        });
    let candidates: Vec<Candidate> = theme.chain(content).collect();
    let done: Vec<(String, Done)> = candidates
        .into_par_iter()
        .map(|c| {
            let from = c.shown.clone();
            (
                from,
                match memo {
                    Some(m) => remembered(c, m),
                    None => clean(c),
                },
            )
        })
        .collect();
    let mut out = Vec::with_capacity(done.len());
    for (from, r) in done {
        match r {
            Ok(file) => out.push(Copied { file, from }),
            Err(d) => diags.push(*d),
        }
    }
    out
}

/// [`clean`], or its result from the memo when the file has not changed since.
fn remembered(c: Candidate, memo: &Memo) -> Done {
    let (Some(stamp), Content::Copy(abs)) = (c.stamp, &c.out.content) else {
        return clean(c);
    };
    let abs = abs.clone();
    let recalled = memo.0.lock().ok().and_then(|m| {
        m.get(&abs)
            .filter(|(at, _)| *at == stamp)
            .map(|(_, d)| d.clone())
    });
    if let Some(done) = recalled {
        return done;
    }
    let done = clean(c);
    if let Ok(mut m) = memo.0.lock() {
        m.insert(abs, (stamp, done.clone()));
    }
    done
}

/// One file as it is published, or why it cannot be.
fn clean(c: Candidate) -> Done {
    let kind = FileKind::of(&c.out.path);
    let format = match kind {
        FileKind::Other => return Ok(c.out),
        FileKind::Unsupported => return Err(unsupported(&c.shown)),
        FileKind::Svg => None,
        FileKind::Photo | FileKind::Gif => {
            let ext = c.out.path.rsplit('.').next().unwrap_or_default();
            Format::of_extension(ext)
        }
    };
    let bytes =
        read(&c.out.content).map_err(|e| unreadable(&c.shown, &format!("读取失败（{e}）")))?;
    let cleaned = match format {
        None => clean_svg(&c.shown, bytes)?,
        Some(format) => match strip::strip(format, &bytes) {
            Ok(Stripped::Clean(b)) => b,
            Ok(Stripped::Turned) => {
                upright(format, &bytes).map_err(|e| unreadable(&c.shown, &e))?
            }
            Err(e) => return Err(unreadable(&c.shown, &e)),
        },
    };
    Ok(OutputFile {
        path: c.out.path,
        content: Content::Bytes(cleaned),
    })
}

fn read(content: &Content) -> std::io::Result<Vec<u8>> {
    match content {
        Content::Bytes(b) => Ok(b.clone()),
        Content::Copy(p) => std::fs::read(p),
    }
}

fn clean_svg(shown: &str, bytes: Vec<u8>) -> Result<Vec<u8>, Box<Diagnostic>> {
    let text =
        String::from_utf8(bytes).map_err(|_| unreadable(shown, "SVG 文件不是 UTF-8 编码"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    svg::clean(text).map(String::into_bytes).map_err(|r| {
        let src = SourceFile::new(shown, text);
        Box::new(
            Diagnostic::error("svg.unsafe", r.message)
                .at(&src, r.start, r.end)
                .hint(r.hint),
        )
    })
}

/// Decodes a picture, turns it upright and encodes it again in its own format (PNG and WebP
/// losslessly), with its colour profile scrubbed and nothing else.
fn upright(format: Format, bytes: &[u8]) -> Result<Vec<u8>, String> {
    let reader =
        image::ImageReader::with_format(std::io::Cursor::new(bytes), format.image_format());
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let profile = decoder
        .icc_profile()
        .ok()
        .flatten()
        .and_then(|p| icc::scrub(&p));
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    img.apply_orientation(orientation);
    let mut out = Vec::new();
    let with_profile = |e: &mut dyn ImageEncoder| {
        if let Some(p) = profile.clone() {
            let _ = e.set_icc_profile(p);
        }
    };
    let done = match format {
        Format::Jpeg => {
            let mut e = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            with_profile(&mut e);
            DynamicImage::ImageRgb8(img.into_rgb8()).write_with_encoder(e)
        }
        Format::Png => {
            let mut e = image::codecs::png::PngEncoder::new(&mut out);
            with_profile(&mut e);
            img.write_with_encoder(e)
        }
        Format::WebP => {
            let mut e = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
            with_profile(&mut e);
            let img = if img.color().has_alpha() {
                DynamicImage::ImageRgba8(img.into_rgba8())
            } else {
                DynamicImage::ImageRgb8(img.into_rgb8())
            };
            img.write_with_encoder(e)
        }
        Format::Gif => return Err("GIF 没有旋转方向".into()),
    };
    done.map_err(|e| e.to_string())?;
    Ok(out)
}

fn unreadable(shown: &str, why: &str) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error("image.unreadable", format!("图片无法读取，不能发布：{why}"))
            .in_file(shown)
            .hint("用看图或修图软件重新导出一次（JPEG、PNG、WebP 或 GIF），再放回原处"),
    )
}

fn unsupported(shown: &str) -> Box<Diagnostic> {
    let ext = shown
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    Box::new(
        Diagnostic::error(
            "image.unsupported",
            format!("网站不发布 {ext} 格式的图片：无法去掉其中的拍摄信息（位置、设备序列号等）"),
        )
        .in_file(shown)
        .hint("导出为 JPEG、PNG 或 WebP 后放回原处（手机相册一般可以“存储为 JPEG”）"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(path: &str, bytes: &[u8]) -> Candidate {
        Candidate {
            out: OutputFile {
                path: path.into(),
                content: Content::Bytes(bytes.to_vec()),
            },
            shown: format!("content/static/{path}"),
            stamp: None,
        }
    }

    fn turned_jpeg() -> Vec<u8> {
        let img = image::RgbImage::from_fn(40, 20, |x, _| {
            if x < 20 {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([0, 0, 255])
            }
        });
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
            .encode_image(&img)
            .unwrap();
        // APP1 Exif: Orientation 6 and an Artist; APP2 ICC; after SOI.
        let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x02\x01\x12\0\x03\0\0\0\x01\0\x06\0\0".to_vec();
        tiff.extend(b"\x01\x3b\0\x02\0\0\0\x04Zha\0\0\0\0\0");
        let mut out = plain[..2].to_vec();
        for (marker, body) in [
            (0xE1u8, [b"Exif\0\0".as_slice(), &tiff].concat()),
            (
                0xE2,
                [b"ICC_PROFILE\0\x01\x01".as_slice(), &icc::sample()].concat(),
            ),
        ] {
            out.extend([0xFF, marker]);
            out.extend(((body.len() + 2) as u16).to_be_bytes());
            out.extend(body);
        }
        out.extend_from_slice(&plain[2..]);
        out
    }

    #[test]
    fn a_turned_static_jpeg_is_published_upright_with_its_profile() {
        let f = clean(candidate("img/a.jpg", &turned_jpeg())).unwrap();
        let Content::Bytes(b) = f.content else {
            panic!()
        };
        assert!(!b.windows(4).any(|w| w == b"Exif" || w == b"Zha\0"));
        let mut d =
            image::ImageReader::with_format(std::io::Cursor::new(&b), image::ImageFormat::Jpeg)
                .into_decoder()
                .unwrap();
        assert!(icc::is_scrubbed_sample(&d.icc_profile().unwrap().unwrap()));
        let img = DynamicImage::from_decoder(d).unwrap().into_rgb8();
        assert_eq!(img.dimensions(), (20, 40), "turned upright");
        let top = img.get_pixel(10, 2).0;
        assert!(top[0] > 200 && top[2] < 60, "red on top: {top:?}");
    }

    #[test]
    fn a_remembered_picture_is_cleaned_again_once_saved_again() {
        let t = tempfile::tempdir().unwrap();
        let abs = t.path().join("logo.gif");
        let from_file = || Candidate {
            out: OutputFile {
                path: "logo.gif".into(),
                content: Content::Copy(abs.clone()),
            },
            shown: "content/static/logo.gif".into(),
            stamp: FileStamp::of(&abs),
        };
        std::fs::write(&abs, b"GIF89a\x01\0\x01\0\0\0\0\x21\xFE\x01x\0\x3B").unwrap();
        let memo = Memo::default();
        let first = remembered(from_file(), &memo).unwrap();
        assert_eq!(
            first.content,
            Content::Bytes(b"GIF89a\x01\0\x01\0\0\0\0\x3B".to_vec())
        );
        assert_eq!(remembered(from_file(), &memo).unwrap(), first, "recalled");
        std::fs::write(&abs, b"not a GIF").unwrap();
        assert!(
            remembered(from_file(), &memo).is_err(),
            "the new file is read"
        );
    }

    #[test]
    fn unreadable_and_unsupported_pictures_are_errors_at_their_file() {
        for (path, bytes, code) in [
            ("img/x.png", b"GIF89a".as_slice(), "image.unreadable"),
            ("img/x.JPG", b"".as_slice(), "image.unreadable"),
            ("img/x.heic", b"ftypheic".as_slice(), "image.unsupported"),
            ("logo.svg", b"<svg><script/></svg>".as_slice(), "svg.unsafe"),
        ] {
            let d = clean(candidate(path, bytes)).unwrap_err();
            assert_eq!(
                (d.code, d.file.as_str()),
                (code, format!("content/static/{path}").as_str())
            );
        }
        let f = clean(candidate("doc/a.pdf", b"%PDF")).unwrap();
        assert_eq!(
            f.content,
            Content::Bytes(b"%PDF".to_vec()),
            "other files as they are"
        );
    }
}
