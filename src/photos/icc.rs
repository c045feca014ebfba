//! ICC colour profiles kept in published pictures, with every text and private tag blanked.
//!
//! A colour profile is the one piece of an image's metadata a browser needs (a wide-gamut phone
//! photo looks dull without it), but a profile also carries free text: its description,
//! copyright, device maker and model names, and any private tag a calibration tool adds (some
//! write the owner's name or computer into them). [`scrub`] keeps the bytes of the tags that
//! define colour and blanks every other tag in place: text tags become empty text of the same
//! type, other tags become zeros. Offsets and sizes stay as they were, so the profile stays
//! valid; its profile ID (an MD5 of the content) is cleared, which the format allows.

use std::ops::Range;

/// Tags that define colour, kept as they are: matrix/TRC and LUT transforms, white and black
/// points, chromatic adaptation, colorants, measurement and viewing conditions, video signal
/// description, and Apple's numeric `vcgt`/`arts`.
const COLOUR_TAGS: &[&[u8; 4]] = &[
    b"A2B0", b"A2B1", b"A2B2", b"A2B3", b"A2M0", b"B2A0", b"B2A1", b"B2A2", b"B2A3", b"B2D0",
    b"B2D1", b"B2D2", b"B2D3", b"D2B0", b"D2B1", b"D2B2", b"D2B3", b"bXYZ", b"bTRC", b"bkpt",
    b"chad", b"chrm", b"cicp", b"clro", b"clrt", b"gXYZ", b"gTRC", b"gamt", b"kTRC", b"lumi",
    b"meas", b"rXYZ", b"rTRC", b"wtpt", b"view", b"pre0", b"pre1", b"pre2", b"tech", b"rig0",
    b"rig2", b"ciis", b"vcgt", b"arts",
];

const HEADER: usize = 128;
/// Where the profile ID (MD5) stands in the header.
const PROFILE_ID: Range<usize> = 84..100;

fn be32(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

/// The profile with every non-colour tag blanked; `None` when it is not a readable ICC profile
/// (the caller then drops it).
pub(crate) fn scrub(profile: &[u8]) -> Option<Vec<u8>> {
    let size = be32(profile, 0)?;
    if size < HEADER + 4 || size > profile.len() || profile.get(36..40)? != b"acsp" {
        return None;
    }
    let mut out = profile[..size].to_vec();
    let count = be32(&out, HEADER)?;
    if count > (size - HEADER - 4) / 12 {
        return None;
    }
    let mut tags: Vec<([u8; 4], Range<usize>)> = Vec::with_capacity(count);
    for i in 0..count {
        let at = HEADER + 4 + 12 * i;
        let sig: [u8; 4] = out.get(at..at + 4)?.try_into().ok()?;
        let start = be32(&out, at + 4)?;
        let end = start.checked_add(be32(&out, at + 8)?)?;
        if start < HEADER + 4 || end > size {
            return None;
        }
        tags.push((sig, start..end));
    }
    let colour = |sig: &[u8; 4]| COLOUR_TAGS.contains(&sig);
    let kept: Vec<&Range<usize>> = tags
        .iter()
        .filter(|(s, _)| colour(s))
        .map(|(_, r)| r)
        .collect();
    for (sig, r) in &tags {
        let shared = kept.iter().any(|k| k.start < r.end && r.start < k.end);
        if !colour(sig) && !shared {
            blank(&mut out[r.clone()]);
        }
    }
    out[PROFILE_ID].fill(0);
    Some(out)
}

/// Empties one tag's data in place: a text type keeps its type and says nothing, anything else becomes zeros.
fn blank(data: &mut [u8]) {
    let kind: [u8; 4] = data
        .get(..4)
        .and_then(|k| k.try_into().ok())
        .unwrap_or_default();
    data.fill(0);
    match &kind {
        // textDescriptionType: an ASCII count of 1 (the closing NUL), no Unicode or ScriptCode text.
        b"desc" if data.len() >= 91 => {
            data[..4].copy_from_slice(b"desc");
            data[8..12].copy_from_slice(&1u32.to_be_bytes());
        }
        // multiLocalizedUnicodeType with no record.
        b"mluc" if data.len() >= 16 => {
            data[..4].copy_from_slice(b"mluc");
            data[12..16].copy_from_slice(&12u32.to_be_bytes());
        }
        // textType: an empty NUL-terminated string.
        b"text" if data.len() >= 9 => data[..4].copy_from_slice(b"text"),
        _ => {}
    }
}

/// A small valid profile with a description naming its owner, a copyright, a private tag and a
/// white point, for the tests of every format that carries one.
#[cfg(test)]
pub(crate) fn sample() -> Vec<u8> {
    fn tag(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut t = kind.to_vec();
        t.extend([0; 4]);
        t.extend_from_slice(body);
        while t.len() % 4 != 0 {
            t.push(0);
        }
        t
    }
    let mut desc = Vec::new();
    let ascii = b"Zhang San's display SN-PRIVATE-4711\0";
    desc.extend((ascii.len() as u32).to_be_bytes());
    desc.extend_from_slice(ascii);
    desc.extend([0; 4 + 4 + 2 + 1 + 67]);
    let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"desc", tag(b"desc", &desc)),
        (b"cprt", tag(b"text", b"Copyright Zhang San\0")),
        (
            b"wtpt",
            tag(b"XYZ ", &[0, 0, 0xF6, 0xD6, 0, 1, 0, 0, 0, 0, 0xD3, 0x2D]),
        ),
        (b"zzzz", tag(b"data", b"\0\0\0\0owner Zhang San")),
    ];
    let mut data = Vec::new();
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let start = HEADER + 4 + 12 * tags.len();
    for (sig, body) in &tags {
        table.extend_from_slice(*sig);
        table.extend(((start + data.len()) as u32).to_be_bytes());
        table.extend((body.len() as u32).to_be_bytes());
        data.extend_from_slice(body);
    }
    let mut p = vec![0u8; HEADER];
    p[4..8].copy_from_slice(b"lcms");
    p[8..12].copy_from_slice(&[2, 0x10, 0, 0]);
    p[12..16].copy_from_slice(b"mntr");
    p[16..20].copy_from_slice(b"RGB ");
    p[20..24].copy_from_slice(b"XYZ ");
    p[36..40].copy_from_slice(b"acsp");
    p[PROFILE_ID].fill(0xAB);
    p.extend(table);
    p.extend(data);
    let len = p.len() as u32;
    p[..4].copy_from_slice(&len.to_be_bytes());
    p
}

/// Whether `profile` is [`sample`] after [`scrub`]: same size, white point intact, no text left.
#[cfg(test)]
pub(crate) fn is_scrubbed_sample(profile: &[u8]) -> bool {
    let original = sample();
    let wtpt = [0, 0, 0xF6, 0xD6, 0, 1, 0, 0, 0, 0, 0xD3, 0x2D];
    profile.len() == original.len()
        && &profile[36..40] == b"acsp"
        && profile.windows(wtpt.len()).any(|w| w == wtpt)
        && !profile.windows(5).any(|w| w == b"Zhang")
        && !profile.windows(4).any(|w| w == b"SN-P")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_private_tags_are_blanked_and_colour_kept() {
        let p = sample();
        let s = scrub(&p).unwrap();
        assert!(is_scrubbed_sample(&s));
        assert_eq!(
            &s[..PROFILE_ID.start],
            &p[..PROFILE_ID.start],
            "header kept"
        );
        assert!(s[PROFILE_ID].iter().all(|&b| b == 0), "profile ID cleared");
        // The description is still a (now empty) textDescriptionType.
        let at = be32(&s, HEADER + 4 + 4).unwrap();
        assert_eq!(&s[at..at + 4], b"desc");
        assert_eq!(be32(&s, at + 8), Some(1));
        assert_eq!(
            scrub(&s),
            Some(s.clone()),
            "scrubbing twice changes nothing"
        );
    }

    #[test]
    fn anything_but_a_profile_is_dropped() {
        assert_eq!(scrub(b"hello"), None);
        let mut p = sample();
        p[36] = b'x';
        assert_eq!(scrub(&p), None);
        let mut p = sample();
        let n = p.len();
        p.truncate(n - 8);
        assert_eq!(scrub(&p), None, "shorter than its stated size");
        let mut p = sample();
        p[HEADER + 4 + 8..HEADER + 4 + 12].copy_from_slice(&[0, 0, 0xFF, 0xFF]);
        assert_eq!(scrub(&p), None, "a tag beyond the end");
    }
}
