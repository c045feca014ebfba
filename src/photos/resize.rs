//! Photos: every profile photo, story cover and photo in a body resized into a few widths, as
//! JPEG and WebP, EXIF orientation applied, cached between builds by content hash.
//!
//! A phone never has to download an editor's original camera photo: pages reference the resized
//! files through `srcset`. Resized files live in `ROOT/.gongjiang-cache/images/`, named by the
//! SHA-256 of the original's bytes (and of the settings below), so a rebuild with unchanged photos
//! decodes nothing. The encoders write no metadata, so GPS positions and camera serial numbers in
//! an original's EXIF never reach the site.
//!
//! Lossy WebP comes from libwebp (the `image` crate only writes lossless WebP, which is several
//! times larger than a JPEG for a photo); JPEG is the fallback every browser and WeChat's sharing
//! crawler reads. Resizing uses `image`'s own scalar filter so that the same photo gives the same
//! bytes on every machine.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{positions_of, Seg};
use crate::load::{FileStamp, StaticFile};
use crate::model::site::Site;
use crate::output::{Content, OutputFile};
use crate::source::SourceFile;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, RgbImage};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The widths (CSS pixels × density) every photo is resized to; a smaller original adds its own width instead.
pub(crate) const WIDTHS: &[u32] = &[240, 480, 800];
const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 76.0;
/// Part of every cache key: change it when resizing or encoding changes, so old files are not reused.
const SETTINGS: &str = "gongjiang-images-1;240,480,800;catmullrom;jpeg80;webp76";
/// Where resized files are kept between builds, relative to the site root.
pub(crate) const CACHE_DIR: &str = ".gongjiang-cache/images";

/// What templates get for a photo: URLs with the base path, and the intrinsic size of `src`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageView {
    /// A middle-sized JPEG, for browsers without `srcset`.
    pub src: String,
    pub width: u32,
    pub height: u32,
    /// `…-240w.jpg 240w, …-480w.jpg 480w, …`
    pub srcset: String,
    pub srcset_webp: String,
    /// The largest JPEG (sharing previews, print).
    pub large: String,
}

/// One resized size of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Variant {
    width: u32,
    height: u32,
}

/// A photo referenced by a page, and where the reference is written (for diagnostics).
struct Wanted {
    /// Site URL path of the original (`/craftsmen/x/photo.jpg`).
    url: String,
    abs: PathBuf,
    /// The file's size and time when the content folder was read.
    stamp: Option<FileStamp>,
    src: Arc<SourceFile>,
    at: Where,
}

/// Where in its content file a photo is named.
#[derive(Debug, Clone, Copy)]
enum Where {
    /// The value of this front-matter field.
    Field(&'static str),
    /// A Markdown image at this byte offset.
    Offset(usize),
    /// An `<img>` written as HTML in the body.
    Body,
}

/// One photo done: its view and its files, or why it could not be read.
type Done = Result<PhotoDone, Box<Diagnostic>>;

/// The resized copies of each photo, by the original's URL path.
pub(crate) type Images = BTreeMap<String, ImageView>;

/// Resized photos: the views by original URL path, and the files to write.
#[derive(Debug, Default)]
pub struct Photos {
    pub views: Images,
    pub files: Vec<OutputFile>,
}

/// Resizes every profile photo, story cover and body photo of `site` (using and filling the
/// cache under `root`). An unreadable photo is an error located at the `photo:` / `cover:` line
/// or at the image in the body.
///
/// With a `memo`, a photo whose file had the same size and modification time (when the content
/// folder was read) as when it was last done is not read again (the preview rebuilds after every
/// save, and reads again only the files that changed).
pub(crate) fn process(
    root: &Path,
    site: &Site,
    memo: Option<&Memo>,
    diags: &mut Diagnostics,
) -> Photos {
    let files: HashMap<String, &StaticFile> = site
        .static_files
        .iter()
        .chain(&site.assets)
        .map(|f| (crate::model::assets::url_of(&f.rel), f))
        .collect();
    let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
    let mut want = |url: Option<&String>, src: &Arc<SourceFile>, at: Where| {
        let Some(url) = url else { return };
        let Some(file) = files.get(url.as_str()) else {
            return; // an external URL, or a missing file the model already reported
        };
        wanted.entry(url.clone()).or_insert_with(|| Wanted {
            url: url.clone(),
            abs: file.abs.clone(),
            stamp: file.stamp,
            src: src.clone(),
            at,
        });
    };
    for c in &site.craftsmen {
        want(c.photo.as_ref(), &c.at.src, Where::Field("photo"));
    }
    for s in &site.stories {
        want(s.cover.as_ref(), &s.src, Where::Field("cover"));
    }
    let bodies = (site.craftsmen.iter().map(|c| (&c.body, &c.at.src)))
        .chain(site.stories.iter().map(|s| (&s.body, &s.src)))
        .chain(site.brands.iter().map(|b| (&b.body, &b.src)))
        .chain(site.pages.iter().map(|p| (&p.body, &p.src)));
    for (body, src) in bodies {
        for p in &body.pictures {
            want(Some(&p.url), src, p.at.map_or(Where::Body, Where::Offset));
        }
    }
    let cache = root.join(CACHE_DIR);
    let base = site.config.base_path.as_str();
    let done: Vec<Done> = wanted
        .values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|w| {
            let Some(memo) = memo else {
                return one(w, &cache, base);
            };
            let stamp = Stamp::of(w, base);
            if let Some(done) = stamp.as_ref().and_then(|s| memo.recall(s)) {
                return Ok(done);
            }
            let r = one(w, &cache, base);
            if let (Some(stamp), Ok(done)) = (stamp, &r) {
                memo.remember(stamp, done.clone());
            }
            r
        })
        .collect();
    let mut photos = Photos::default();
    for (w, r) in wanted.values().zip(done) {
        match r {
            Ok((view, files)) => {
                photos.views.insert(w.url.clone(), view);
                photos.files.extend(files);
            }
            Err(d) => diags.push(*d),
        }
    }
    photos
}

/// What identifies a photo file's state without reading it: path, size, modification time, and the base path of its URLs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Stamp {
    abs: PathBuf,
    file: FileStamp,
    base: String,
}

impl Stamp {
    fn of(w: &Wanted, base: &str) -> Option<Stamp> {
        Some(Stamp {
            abs: w.abs.clone(),
            file: w.stamp?,
            base: base.to_string(),
        })
    }
}

/// Photos done in earlier rebuilds: one entry per photo file and base path, with the stamp it
/// was done at (a photo saved again replaces its entry, so the memo does not grow with each save).
#[derive(Default)]
pub(crate) struct Memo {
    done: std::sync::Mutex<HashMap<(PathBuf, String), (FileStamp, PhotoDone)>>,
}

/// A photo's view and files.
type PhotoDone = (ImageView, Vec<OutputFile>);

impl Memo {
    fn recall(&self, stamp: &Stamp) -> Option<PhotoDone> {
        let done = self.done.lock().ok()?;
        let (at, d) = done.get(&(stamp.abs.clone(), stamp.base.clone()))?;
        (*at == stamp.file).then(|| d.clone())
    }

    fn remember(&self, stamp: Stamp, d: PhotoDone) {
        if let Ok(mut done) = self.done.lock() {
            done.insert((stamp.abs, stamp.base), (stamp.file, d));
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.done.lock().map(|d| d.len()).unwrap_or(0)
    }
}

/// Resizes one photo, or takes its sizes from the cache.
fn one(
    w: &Wanted,
    cache: &Path,
    base: &str,
) -> Result<(ImageView, Vec<OutputFile>), Box<Diagnostic>> {
    let bytes = std::fs::read(&w.abs).map_err(|e| unreadable(w, &format!("读取失败（{e}）")))?;
    let key = cache_key(&bytes);
    let (stem, dir) = split_url(&w.url);
    let out_name = |v: &Variant, ext: &str| format!("{dir}{stem}-{}w.{}.{ext}", v.width, &key[..8]);
    let variants = match cached(cache, &key) {
        Some(v) => v
            .into_iter()
            .map(|v| {
                let files = ["jpg", "webp"].map(|ext| OutputFile {
                    path: out_name(&v, ext).trim_start_matches('/').to_string(),
                    content: Content::Copy(cache.join(format!("{key}-{}.{ext}", v.width))),
                });
                (v, files)
            })
            .collect::<Vec<_>>(),
        None => {
            let img = decode(&bytes).map_err(|e| unreadable(w, &e))?;
            let made = resize_all(&img).map_err(|e| unreadable(w, &e))?;
            store(cache, &key, &made)
                .into_iter()
                .map(|(v, [jpg, webp])| {
                    let files = [("jpg", jpg), ("webp", webp)].map(|(ext, content)| OutputFile {
                        path: out_name(&v, ext).trim_start_matches('/').to_string(),
                        content,
                    });
                    (v, files)
                })
                .collect()
        }
    };
    let url =
        |v: &Variant, ext: &str| encoded(&crate::model::urls::with_base(base, &out_name(v, ext)));
    let set = |ext: &str| {
        variants
            .iter()
            .map(|(v, _)| format!("{} {}w", url(v, ext), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (mid, _) = &variants[variants.len().min(2) - 1];
    let (large, _) = &variants[variants.len() - 1];
    let view = ImageView {
        src: url(mid, "jpg"),
        width: mid.width,
        height: mid.height,
        srcset: set("jpg"),
        srcset_webp: set("webp"),
        large: url(large, "jpg"),
    };
    Ok((view, variants.into_iter().flat_map(|(_, f)| f).collect()))
}

/// Characters of a file name that cannot stand as they are in a `srcset` URL (spaces and commas
/// separate its entries) or in an attribute.
const URL_ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'\'')
    .add(b',')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`');

/// A URL path with its unsafe characters (and anything not ASCII) percent-encoded.
fn encoded(url: &str) -> String {
    percent_encoding::utf8_percent_encode(url, URL_ESCAPED).to_string()
}

/// Hex SHA-256 of the settings and the original's bytes.
fn cache_key(bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(SETTINGS.as_bytes());
    h.update([0]);
    h.update(bytes);
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `/craftsmen/x/photo.jpg` → (`photo`, `/craftsmen/x/`).
fn split_url(url: &str) -> (&str, &str) {
    let (dir, file) = match url.rfind('/') {
        Some(i) => (&url[..=i], &url[i + 1..]),
        None => ("/", url),
    };
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    (stem, dir)
}

/// The widths a photo `width` pixels wide is resized to: the standard ones below it, and its own
/// width when it is narrower than the largest.
fn widths_for(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    let largest = WIDTHS[WIDTHS.len() - 1];
    if width <= largest {
        out.push(width.max(1));
    }
    out.dedup();
    out
}

/// Decodes a photo and turns it upright (EXIF orientation); transparency is laid on white.
fn decode(bytes: &[u8]) -> Result<RgbImage, String> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    if reader.format().is_none() {
        return Err("不是 JPEG、PNG 或 WebP 图片".into());
    }
    let mut decoder = reader.into_decoder().map_err(why)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(why)?;
    img.apply_orientation(orientation);
    if !img.color().has_alpha() {
        return Ok(img.into_rgb8());
    }
    let rgba = img.into_rgba8();
    let (w, h) = rgba.dimensions();
    Ok(RgbImage::from_fn(w, h, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over =
            |c: u8| ((u32::from(c) * u32::from(a) + 255 * (255 - u32::from(a)) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    }))
}

/// Why a photo could not be decoded, in the editor's words (the library's own text in brackets).
fn why(e: image::ImageError) -> String {
    use image::ImageError as E;
    let plain = match &e {
        E::Unsupported(_) => "这种图片格式或编码方式不支持",
        E::Limits(_) => "图片太大，超过了处理上限",
        E::Decoding(_) => "图片文件已损坏或不完整",
        _ => "图片无法解码",
    };
    let detail = e
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!("{plain}（{detail}）")
}

/// One resized photo, encoded.
struct Made {
    variant: Variant,
    jpeg: Vec<u8>,
    webp: Vec<u8>,
}

fn resize_all(img: &RgbImage) -> Result<Vec<Made>, String> {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return Err("图片是空的（宽或高为 0）".into());
    }
    widths_for(w)
        .into_iter()
        .map(|tw| {
            let th =
                ((u64::from(h) * u64::from(tw) + u64::from(w) / 2) / u64::from(w)).max(1) as u32;
            let small = if tw == w {
                img.clone()
            } else {
                image::imageops::resize(img, tw, th, FilterType::CatmullRom)
            };
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
                .encode_image(&small)
                .map_err(|e| e.to_string())?;
            let webp = encode_webp(&small)?;
            Ok(Made {
                variant: Variant {
                    width: tw,
                    height: th,
                },
                jpeg,
                webp,
            })
        })
        .collect()
}

/// Lossy WebP through libwebp's one-call encoder.
fn encode_webp(img: &RgbImage) -> Result<Vec<u8>, String> {
    let (w, h) = img.dimensions();
    let (Ok(wi), Ok(hi), Ok(stride)) = (
        i32::try_from(w),
        i32::try_from(h),
        i32::try_from(u64::from(w) * 3),
    ) else {
        return Err("图片太大".into());
    };
    let raw = img.as_raw();
    let mut out: *mut u8 = std::ptr::null_mut();
    // SAFETY: `raw` holds exactly `w * h * 3` bytes laid out with `stride`; libwebp allocates
    // `out` and we free it with WebPFree after copying `size` bytes out of it.
    unsafe {
        let size = libwebp_sys::WebPEncodeRGB(raw.as_ptr(), wi, hi, stride, WEBP_QUALITY, &mut out);
        if out.is_null() || size == 0 {
            if !out.is_null() {
                libwebp_sys::WebPFree(out.cast());
            }
            return Err("WebP 编码失败".into());
        }
        let bytes = std::slice::from_raw_parts(out, size).to_vec();
        libwebp_sys::WebPFree(out.cast());
        Ok(bytes)
    }
}

/// The sizes of a photo already in the cache, when its every file is there.
fn cached(cache: &Path, key: &str) -> Option<Vec<Variant>> {
    let text = std::fs::read_to_string(cache.join(format!("{key}.sizes"))).ok()?;
    let variants: Vec<Variant> = text
        .lines()
        .map(|l| {
            let (w, h) = l.split_once('x')?;
            Some(Variant {
                width: w.trim().parse().ok()?,
                height: h.trim().parse().ok()?,
            })
        })
        .collect::<Option<_>>()?;
    let complete = !variants.is_empty()
        && variants.iter().all(|v| {
            ["jpg", "webp"]
                .iter()
                .all(|ext| cache.join(format!("{key}-{}.{ext}", v.width)).is_file())
        });
    complete.then_some(variants)
}

/// Writes the resized files into the cache; a file that cannot be cached is written from memory.
fn store(cache: &Path, key: &str, made: &[Made]) -> Vec<(Variant, [Content; 2])> {
    let cache_ok = std::fs::create_dir_all(cache).is_ok();
    let out: Vec<(Variant, [Content; 2])> = made
        .iter()
        .map(|m| {
            let keep = |ext: &str, bytes: &[u8]| {
                let path = cache.join(format!("{key}-{}.{ext}", m.variant.width));
                if cache_ok && write_new(&path, bytes).is_ok() {
                    Content::Copy(path)
                } else {
                    Content::Bytes(bytes.to_vec())
                }
            };
            (
                m.variant.clone(),
                [keep("jpg", &m.jpeg), keep("webp", &m.webp)],
            )
        })
        .collect();
    let sizes: String = made
        .iter()
        .map(|m| format!("{}x{}\n", m.variant.width, m.variant.height))
        .collect();
    if cache_ok {
        let _ = write_new(&cache.join(format!("{key}.sizes")), sizes.as_bytes());
    }
    out
}

/// Writes through a temporary file and a rename, so a build running beside this one never reads half a file.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// An error at the value where the photo is named (`photo:` or `cover:`).
fn unreadable(w: &Wanted, why: &str) -> Box<Diagnostic> {
    let d = Diagnostic::error(
        "image.unreadable",
        format!(
            "图片 `{}` 无法读取：{why}",
            w.url.rsplit('/').next().unwrap_or(&w.url)
        ),
    )
    .hint("换成一张 JPEG、PNG 或 WebP 格式的照片（可用手机或电脑重新导出一次）");
    let span = match w.at {
        Where::Field(key) => {
            let field = [Seg::Key(key)];
            let positions = positions_of(&w.src);
            positions
                .value_span(&field)
                .filter(|_| positions.contains(&field))
        }
        Where::Offset(at) => Some((at, at + 1)),
        Where::Body => None,
    };
    Box::new(match span {
        Some((s, e)) => d.at(&w.src, s, e),
        None => d.in_file(w.src.path.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(widths_for(4000), vec![240, 480, 800]);
        assert_eq!(widths_for(800), vec![240, 480, 800]);
        assert_eq!(widths_for(600), vec![240, 480, 600]);
        assert_eq!(widths_for(100), vec![100]);
    }

    #[test]
    fn urls_are_encoded_for_srcset() {
        assert_eq!(encoded("/x/a b,c-240w.jpg"), "/x/a%20b%2Cc-240w.jpg");
        assert_eq!(
            encoded("/工匠/照片.jpg"),
            "/%E5%B7%A5%E5%8C%A0/%E7%85%A7%E7%89%87.jpg"
        );
        assert_eq!(
            encoded("/craftsmen/x/photo-240w.ab.jpg"),
            "/craftsmen/x/photo-240w.ab.jpg"
        );
    }

    #[test]
    fn urls_split_into_folder_and_stem() {
        assert_eq!(
            split_url("/craftsmen/x/photo.jpg"),
            ("photo", "/craftsmen/x/")
        );
        assert_eq!(split_url("/a.b.png"), ("a.b", "/"));
    }

    fn jpeg_with_orientation(w: u32, h: u32, orientation: u16) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([0, 0, 255])
            }
        });
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
            .encode_image(&img)
            .unwrap();
        // An APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) after SOI.
        let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
        tiff.extend_from_slice(&orientation.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let len = (app1.len() + 2) as u16;
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn exif_orientation_is_applied() {
        // Orientation 6: the stored image must be turned 90° clockwise to be upright.
        let img = decode(&jpeg_with_orientation(40, 20, 6)).unwrap();
        assert_eq!(img.dimensions(), (20, 40));
        let top = img.get_pixel(10, 2).0;
        assert!(
            top[0] > 200 && top[2] < 60,
            "left half (red) ends on top: {top:?}"
        );
    }

    #[test]
    fn not_an_image_is_an_error() {
        assert!(decode(b"hello").is_err());
    }

    fn wanted(dir: &Path, bytes: &[u8]) -> Wanted {
        let abs = dir.join("photo.jpg");
        std::fs::write(&abs, bytes).unwrap();
        Wanted {
            url: "/craftsmen/x/photo.jpg".into(),
            stamp: FileStamp::of(&abs),
            abs,
            src: Arc::new(SourceFile::new(
                "content/craftsmen/x/index.md",
                "---\nname: 张伟\nphoto: photo.jpg\n---\n",
            )),
            at: Where::Field("photo"),
        }
    }

    #[test]
    fn a_photo_saved_again_replaces_its_memo_entry() {
        let memo = Memo::default();
        let view = |src: &str| ImageView {
            src: src.into(),
            width: 1,
            height: 1,
            srcset: String::new(),
            srcset_webp: String::new(),
            large: String::new(),
        };
        let stamp = |secs: u64| Stamp {
            abs: "/site/content/craftsmen/x/photo.jpg".into(),
            file: FileStamp {
                len: 10,
                modified: std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs),
            },
            base: "/".into(),
        };
        memo.remember(stamp(1), (view("a"), Vec::new()));
        assert_eq!(memo.recall(&stamp(1)).map(|d| d.0.src), Some("a".into()));
        memo.remember(stamp(2), (view("b"), Vec::new()));
        assert_eq!(memo.len(), 1);
        assert!(
            memo.recall(&stamp(1)).is_none(),
            "an older state is not recalled"
        );
        assert_eq!(memo.recall(&stamp(2)).map(|d| d.0.src), Some("b".into()));
    }

    #[test]
    fn an_unreadable_photo_is_located_at_its_field() {
        let t = tempfile::tempdir().unwrap();
        let d = one(
            &wanted(t.path(), b"not a photo"),
            &t.path().join("cache"),
            "/",
        )
        .unwrap_err();
        let text = crate::diag::render_human(&d, false);
        assert!(text.contains("content/craftsmen/x/index.md:3:8"), "{text}");
        assert!(text.contains("image.unreadable"), "{text}");
    }

    #[test]
    fn a_second_build_takes_the_photo_from_the_cache() {
        let t = tempfile::tempdir().unwrap();
        let cache = t.path().join("cache");
        let w = wanted(t.path(), &jpeg_with_orientation(600, 300, 1));
        let (view, files) = one(&w, &cache, "/sub/").unwrap();
        assert_eq!(files.len(), 6, "three widths, two formats");
        assert_eq!(view.width, 480);
        assert_eq!(view.height, 240);
        assert!(view.src.starts_with("/sub/craftsmen/x/photo-480w."));
        assert!(
            view.srcset_webp.ends_with(".webp 600w"),
            "{}",
            view.srcset_webp
        );
        // Mark a cached file: the second run must copy it rather than resize again.
        let marked = files
            .iter()
            .find_map(|f| match &f.content {
                Content::Copy(p) => Some(p.clone()),
                Content::Bytes(_) => None,
            })
            .unwrap();
        std::fs::write(&marked, b"cached").unwrap();
        let (again, files2) = one(&w, &cache, "/sub/").unwrap();
        assert_eq!(again, view);
        assert!(files2
            .iter()
            .any(|f| f.content == Content::Copy(marked.clone())));
        let paths = |f: &[OutputFile]| f.iter().map(|x| x.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&files), paths(&files2));
    }

    #[test]
    fn resizing_is_deterministic_and_keeps_the_aspect() {
        let img = decode(&jpeg_with_orientation(1000, 500, 1)).unwrap();
        let a = resize_all(&img).unwrap();
        let b = resize_all(&img).unwrap();
        let sizes: Vec<(u32, u32)> = a
            .iter()
            .map(|m| (m.variant.width, m.variant.height))
            .collect();
        assert_eq!(sizes, vec![(240, 120), (480, 240), (800, 400)]);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.jpeg, y.jpeg);
            assert_eq!(x.webp, y.webp);
            assert_eq!(&x.webp[..4], b"RIFF");
            assert_eq!(&x.jpeg[..2], &[0xFF, 0xD8]);
        }
    }
}
