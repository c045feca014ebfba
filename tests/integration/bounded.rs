//! Thousands of problems: the report stays bounded in size, and time grows with the number of problems, not its square.

use crate::support::{stderr, stdout, TestSite};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest a run may take: far above what a linear run needs, far below what the old
/// quadratic one took on the larger cases.
const DEADLINE: Duration = Duration::from_secs(60);

/// The minimal site with `body` as the text of the about page.
fn site_with_about(body: &str) -> TestSite {
    let s = TestSite::fixture("minimal");
    s.write(
        "content/pages/about.md",
        format!("---\ntitle: 关于\n---\n{body}\n"),
    );
    s
}

/// `n` broken links on one line.
fn one_line(n: usize) -> String {
    (0..n)
        .map(|i| format!("[链接{i}](/nope/{i}/)"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `n` lines (paragraphs), each with one broken link.
fn lines(n: usize) -> String {
    (0..n)
        .map(|i| format!("第 {i} 段：[链接](/nope/{i}/)"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Runs the binary in `site` and returns its output and wall time; fails the test if it does
/// not finish before the deadline.
fn run_timed(site: &TestSite, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(args)
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the pipes on their own threads, so that a large report cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut b).map(|_| b)
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut b).map(|_| b)
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`gongjiang {}` still running after {DEADLINE:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    let output = Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    };
    (output, elapsed)
}

/// Asserts what a report of `n` broken links in the about page must say, in both formats.
fn assert_bounded_report(site: &TestSite, n: usize) {
    let (o, _) = run_timed(site, &["check"]);
    assert_eq!(o.status.code(), Some(1), "content errors: exit code 1");
    let err = stderr(&o);
    assert!(err.len() < 200_000, "stderr is {} bytes", err.len());
    assert_eq!(err.matches("错误[link.broken]").count(), 20, "{err}");
    let rest = format!(
        "……同一文件里还有 {} 个同类问题（link.broken）",
        group(n - 20)
    );
    assert!(
        err.contains(&rest),
        "{}",
        &err[err.len().saturating_sub(2000)..]
    );
    assert!(
        err.trim_end().ends_with(&format!("{n} 个错误，0 个警告")),
        "every problem is counted"
    );

    let (o, _) = run_timed(site, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.len() < 200_000, "stdout is {} bytes", out.len());
    let objects: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 21);
    let more = &objects[20];
    assert_eq!(more["code"], "link.broken");
    assert_eq!(more["file"], "content/pages/about.md");
    assert_eq!(more["count"], n - 20);
    assert!(objects[..20].iter().all(|o| o.get("count").is_none()));
}

/// `3980` → `3,980`, as the report writes counts.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn four_thousand_broken_links_on_one_line() {
    assert_bounded_report(&site_with_about(&one_line(4000)), 4000);
}

#[test]
fn a_300_kb_line_of_links() {
    let mut n = 0;
    let mut line = String::new();
    while line.len() < 300_000 {
        line.push_str(&format!("[链接{n}](/nope/{n}/) "));
        n += 1;
    }
    assert_bounded_report(&site_with_about(&line), n);
}

#[test]
fn five_thousand_lines_each_with_an_error() {
    assert_bounded_report(&site_with_about(&lines(5000)), 5000);
}

/// The shortest wall time of `check` over five runs: other work on the machine only ever adds
/// to a run's time, so the shortest is the one least disturbed.
fn check_time(site: &TestSite) -> Duration {
    (0..5)
        .map(|_| run_timed(site, &["check"]).1)
        .min()
        .unwrap_or_default()
}

/// Twice the problems may take about twice the time; the old quadratic report took four times.
/// The shortest of five runs and a generous bound, so that a busy machine does not fail it.
#[test]
fn doubling_the_problems_roughly_doubles_the_time() {
    for (shape, make) in [
        ("one line", one_line as fn(usize) -> String),
        ("lines", lines),
    ] {
        let small = check_time(&site_with_about(&make(3000)));
        let large = check_time(&site_with_about(&make(6000)));
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        assert!(
            ratio < 3.5,
            "{shape}: 3,000 problems in {small:?}, 6,000 in {large:?} (×{ratio:.1})"
        );
    }
}
