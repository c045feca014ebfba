//! Phase timings on stderr when `GONGJIANG_TIMINGS` is set, for finding where a build spends its time.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GONGJIANG_TIMINGS").is_some_and(|v| !v.is_empty()))
}

/// A running clock that prints each phase's milliseconds since the previous mark.
pub(crate) struct Clock {
    last: Instant,
}

impl Clock {
    pub(crate) fn start() -> Clock {
        Clock {
            last: Instant::now(),
        }
    }

    /// Prints `phase: N ms` (when timings are on) and restarts the clock.
    pub(crate) fn mark(&mut self, phase: &str) {
        if enabled() {
            eprintln!(
                "[timing] {phase}: {:.1} ms{}",
                self.last.elapsed().as_secs_f64() * 1000.0,
                memory()
            );
        }
        self.last = Instant::now();
    }
}

/// `, RSS n MB, peak n MB` from /proc (Linux); empty elsewhere.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb / 1024)
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(rss), Some(peak)) => format!(", RSS {rss} MB, peak {peak} MB"),
        _ => String::new(),
    }
}
