//! Every link and image destination as written, with where it stands in the input.

use super::{Link, Spanned};
use pulldown_cmark::{Event, LinkType, Tag};

/// The links and the images of a document, in order.
pub(super) fn collect_links(events: &[Spanned]) -> (Vec<Link>, Vec<Link>) {
    let mut links = Vec::new();
    let mut images = Vec::new();
    for (event, range) in events {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                links.push(Link {
                    url,
                    offset: range.start,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => images.push(Link {
                url: dest_url.to_string(),
                offset: range.start,
            }),
            _ => {}
        }
    }
    (links, images)
}
