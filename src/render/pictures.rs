//! Photos in page bodies: each `<img>` of a site photo replaced by a `<picture>` of its resized
//! copies (WebP and JPEG `srcset`s, intrinsic size, lazy loading), its `alt` and `title` kept.

use crate::model::entry::Body;
use crate::model::pictures::BodyPicture;
use crate::photos::resize::{ImageView, Images};
use std::sync::Arc;

/// How wide a body picture is shown: the text column of the default theme, or the screen.
pub const SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

/// The body's HTML with its photos shown through their resized copies. A photo that has none
/// (it could not be read: the build reports it) keeps its tag.
pub fn body_html(body: &Body, images: &Images) -> Arc<str> {
    if body.pictures.is_empty() {
        return body.html.clone();
    }
    let html = &body.html;
    let mut out = String::with_capacity(html.len() + 700 * body.pictures.len());
    let mut last = 0;
    for p in &body.pictures {
        let Some(tag) = html.get(p.range.clone()) else {
            continue;
        };
        out.push_str(&html[last..p.range.start]);
        match images.get(&p.url) {
            Some(view) => push_picture(&mut out, view, p),
            None => out.push_str(tag),
        }
        last = p.range.end;
    }
    out.push_str(&html[last..]);
    out.into()
}

fn push_picture(out: &mut String, v: &ImageView, p: &BodyPicture) {
    let e = escape;
    // The size the editor gave stands; else the intrinsic size, so that nothing jumps as it loads.
    let size = if p.sized {
        String::new()
    } else {
        format!(" width=\"{}\" height=\"{}\"", v.width, v.height)
    };
    out.push_str(&format!(
        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\"><img src=\"{}\" srcset=\"{}\" sizes=\"{SIZES}\"{size}{} loading=\"lazy\" decoding=\"async\"></picture>",
        e(&v.srcset_webp),
        e(&v.src),
        e(&v.srcset),
        p.attrs,
    ));
}

/// Escapes a value for a double-quoted attribute.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_photo_becomes_a_picture_and_the_rest_stays() {
        let html = "<p>a</p><img src=\"w.jpg\" alt=\"工作\" loading=\"lazy\"><p>b</p><img src=\"gone.jpg\" width=\"100\"><img src=\"w.jpg\" width=\"100\">";
        let at = |tag: &str| {
            let s = html.find(tag).unwrap();
            s..s + html[s..].find('>').unwrap() + 1
        };
        let body = Body {
            html: html.into(),
            pictures: vec![
                BodyPicture {
                    range: at("<img src=\"w.jpg\""),
                    url: "/x/w.jpg".into(),
                    attrs: " alt=\"工作\"".into(),
                    at: None,
                    sized: false,
                },
                BodyPicture {
                    range: at("<img src=\"gone.jpg\""),
                    url: "/x/gone.jpg".into(),
                    attrs: " width=\"100\"".into(),
                    at: None,
                    sized: true,
                },
                BodyPicture {
                    range: at("<img src=\"w.jpg\" width"),
                    url: "/x/w.jpg".into(),
                    attrs: " width=\"100\"".into(),
                    at: None,
                    sized: true,
                },
            ],
            ..Body::default()
        };
        let mut images = Images::new();
        images.insert(
            "/x/w.jpg".into(),
            ImageView {
                src: "/x/w-480w.ab.jpg".into(),
                width: 480,
                height: 320,
                srcset: "/x/w-240w.ab.jpg 240w, /x/w-480w.ab.jpg 480w".into(),
                srcset_webp: "/x/w-240w.ab.webp 240w, /x/w-480w.ab.webp 480w".into(),
                large: "/x/w-480w.ab.jpg".into(),
            },
        );
        let out = body_html(&body, &images);
        assert_eq!(
            &*out,
            "<p>a</p><picture><source type=\"image/webp\" srcset=\"/x/w-240w.ab.webp 240w, /x/w-480w.ab.webp 480w\" sizes=\"(min-width: 44rem) 42rem, 100vw\"><img src=\"/x/w-480w.ab.jpg\" srcset=\"/x/w-240w.ab.jpg 240w, /x/w-480w.ab.jpg 480w\" sizes=\"(min-width: 44rem) 42rem, 100vw\" width=\"480\" height=\"320\" alt=\"工作\" loading=\"lazy\" decoding=\"async\"></picture><p>b</p><img src=\"gone.jpg\" width=\"100\"><picture><source type=\"image/webp\" srcset=\"/x/w-240w.ab.webp 240w, /x/w-480w.ab.webp 480w\" sizes=\"(min-width: 44rem) 42rem, 100vw\"><img src=\"/x/w-480w.ab.jpg\" srcset=\"/x/w-240w.ab.jpg 240w, /x/w-480w.ab.jpg 480w\" sizes=\"(min-width: 44rem) 42rem, 100vw\" width=\"100\" loading=\"lazy\" decoding=\"async\"></picture>"
        );
        let plain = Body {
            html: "<p>x</p>".into(),
            ..Body::default()
        };
        assert!(
            Arc::ptr_eq(&body_html(&plain, &images), &plain.html),
            "no copy without photos"
        );
    }
}
