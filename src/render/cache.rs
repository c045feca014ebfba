//! Pages rendered by an earlier run, reused when their template input is unchanged (the preview keeps one).

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::{Arc, Mutex};

/// A rendered page with the fingerprint of what its template was given.
type Entry = (u64, Arc<Vec<u8>>);

/// Rendered pages by output path, each with the hash of everything its template was given.
#[derive(Default)]
pub struct RenderCache {
    pages: Mutex<HashMap<String, Entry>>,
}

impl std::fmt::Debug for RenderCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.pages.lock().map(|p| p.len()).unwrap_or(0);
        write!(f, "RenderCache({n} pages)")
    }
}

impl RenderCache {
    pub fn get(&self, path: &str, key: u64) -> Option<Vec<u8>> {
        let pages = self.pages.lock().ok()?;
        pages
            .get(path)
            .filter(|(k, _)| *k == key)
            .map(|(_, b)| b.as_ref().clone())
    }

    pub fn put(&self, path: &str, key: u64, bytes: &[u8]) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.insert(path.to_string(), (key, Arc::new(bytes.to_vec())));
        }
    }
}

/// A `Write` that only hashes, so a view can be fingerprinted without building its JSON text.
pub struct HashWriter(pub std::collections::hash_map::DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Fingerprint of serialisable values, seeded with `seed`.
pub fn fingerprint(seed: u64, parts: &[&dyn erased::Ser]) -> u64 {
    let mut w = HashWriter(std::collections::hash_map::DefaultHasher::new());
    w.0.write_u64(seed);
    for p in parts {
        p.write_json(&mut w);
        w.0.write_u8(0xff);
    }
    w.0.finish()
}

/// Object-safe serialisation into a writer.
pub mod erased {
    pub trait Ser {
        fn write_json(&self, w: &mut super::HashWriter);
    }
    impl<T: serde::Serialize> Ser for T {
        fn write_json(&self, w: &mut super::HashWriter) {
            let _ = serde_json::to_writer(w, self);
        }
    }
}
