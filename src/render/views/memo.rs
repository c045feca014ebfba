//! What the preview keeps between rebuilds so that views of unchanged profiles and cohorts are not made again.

use super::make::card;
use super::{CraftsmanCard, Images};
use crate::config::NameOrder;
use crate::model::cohort;
use crate::model::craftsman::Craftsman;
use crate::model::site::Site;
use crate::photos::resize::ImageView;
use crate::schema::levels::Level;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// What the preview keeps between rebuilds so that views of unchanged profiles are not made
/// again: each profile's card (by the identity of the shared parsed profile, its photo and the
/// base path) and each cohort's order (by its members' names).
#[derive(Default)]
pub struct ViewMemo {
    cards: Mutex<HashMap<usize, MemoCard>>,
    orders: Mutex<HashMap<u64, Vec<usize>>>,
}

/// A card with what it was made from.
struct MemoCard {
    from: Arc<Craftsman>,
    base: String,
    image: Option<ImageView>,
    shown: (i32, Level, String),
    card: Arc<CraftsmanCard>,
}

impl ViewMemo {
    /// The card of `c`: the one made before when neither the profile, its photo nor the base path
    /// has changed since.
    pub(super) fn card(
        &self,
        base: &str,
        c: &Arc<Craftsman>,
        images: &Images,
        shown: (i32, Level, String),
    ) -> Arc<CraftsmanCard> {
        let image = c.photo.as_ref().and_then(|p| images.get(p));
        let key = Arc::as_ptr(c) as usize;
        if let Ok(cards) = self.cards.lock() {
            if let Some(m) = cards.get(&key) {
                if Arc::ptr_eq(&m.from, c)
                    && m.base == base
                    && m.image.as_ref() == image
                    && m.shown == shown
                {
                    return Arc::clone(&m.card);
                }
            }
        }
        let made = Arc::new(card(base, c, images, &shown));
        if let Ok(mut cards) = self.cards.lock() {
            cards.insert(
                key,
                MemoCard {
                    from: Arc::clone(c),
                    base: base.to_string(),
                    image: image.cloned(),
                    shown,
                    card: Arc::clone(&made),
                },
            );
        }
        made
    }

    /// Forgets the cards of profiles that are no longer in the site.
    pub(super) fn keep_only(&self, site: &Site) {
        let live: HashSet<usize> = site
            .craftsmen
            .iter()
            .map(|c| Arc::as_ptr(c) as usize)
            .collect();
        if let Ok(mut cards) = self.cards.lock() {
            cards.retain(|k, _| live.contains(k));
        }
    }
}

/// The listing order of a cohort's members ([`cohort::listing_order`]), kept in `memo` by their
/// names and readings: a list whose names are unchanged keeps its order without a new sort.
pub(super) fn listing_order(
    memo: Option<&ViewMemo>,
    members: &[(&str, Option<&str>)],
    by: NameOrder,
) -> Vec<usize> {
    let Some(memo) = memo else {
        return cohort::listing_order(members, by);
    };
    let key = order_key(members, by);
    let known = memo.orders.lock().ok().and_then(|o| o.get(&key).cloned());
    if let Some(order) = known.filter(|o| o.len() == members.len()) {
        return order;
    }
    let order = cohort::listing_order(members, by);
    if let Ok(mut orders) = memo.orders.lock() {
        // Orders of lists that have since changed are not kept for long.
        if orders.len() >= 256 {
            orders.clear();
        }
        orders.insert(key, order.clone());
    }
    order
}

/// What a listing order depends on: the order asked for, and the members' names and readings.
fn order_key(members: &[(&str, Option<&str>)], by: NameOrder) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (by == NameOrder::Stroke).hash(&mut h);
    for (name, reading) in members {
        name.hash(&mut h);
        reading.hash(&mut h);
    }
    h.finish()
}
