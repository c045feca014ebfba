//! `gongjiang serve` end to end: reloads after an edit, the error overlay data, bursts, traversal, recovery.

use crate::support::TestSite;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running preview server, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &TestSite) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["serve", "--port", "0"])
        .current_dir(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("server ended before printing its address")
            .unwrap();
        if let Some(url) = line.strip_prefix("serving http://") {
            break url.trim_end_matches('/').to_string();
        }
    };
    Server { child, addr }
}

/// (status, body) of a GET with a raw path (sent as it is, so traversal attempts reach the server).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn status(addr: &str) -> serde_json::Value {
    serde_json::from_str(&get(addr, "/__gongjiang/status").1).unwrap()
}

/// Polls the status until `pred` holds (at most 15 s).
fn wait_for(addr: &str, pred: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let s = status(addr);
        if pred(&s) {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out; last status {s}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

const PROFILE: &str = "content/craftsmen/zhang-wei.md";

#[test]
fn an_edit_sends_a_reload_and_the_new_page_is_served() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let (mut ws, _) = tungstenite::connect(format!("ws://{}/__gongjiang/ws", server.addr)).unwrap();
    let first: serde_json::Value =
        serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
    assert_eq!(first["ok"], true);
    let v = first["version"].as_u64().unwrap();
    let (code, page) = get(&server.addr, "/craftsmen/zhang-wei/");
    assert_eq!(code, 200);
    assert!(page.contains("__gongjiang/live.js"));
    site.write(
        PROFILE,
        site.read(PROFILE)
            .replace("三十年只做一件事", "四十年只做一件事"),
    );
    let msg: serde_json::Value =
        serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
    assert_eq!(msg["ok"], true);
    assert_eq!(msg["version"].as_u64().unwrap(), v + 1);
    assert!(get(&server.addr, "/craftsmen/zhang-wei/")
        .1
        .contains("四十年只做一件事"));
}

#[test]
fn a_broken_file_shows_errors_keeps_the_last_good_page_and_clears_when_fixed() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let good = site.read(PROFILE);
    site.write(PROFILE, good.replace("work_years: 30", "work_years: 30年"));
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    let d = &s["diagnostics"][0];
    assert_eq!(d["file"], PROFILE);
    assert_eq!(d["line"], 13);
    assert!(d["message"].as_str().unwrap().contains("work_years"));
    assert!(d["hint"].as_str().unwrap().contains("30"));
    let (code, page) = get(&server.addr, "/craftsmen/zhang-wei/");
    assert_eq!(code, 200, "the last good page is still served");
    assert!(page.contains("三十年只做一件事"));
    site.write(PROFILE, good);
    wait_for(&server.addr, |s| {
        s["ok"] == true && s["diagnostics"].as_array().unwrap().is_empty()
    });
}

#[test]
fn a_broken_template_behaves_the_same() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let t = "themes/default/templates/page.html";
    let good = site.read(t);
    site.write(
        t,
        good.replace("{{ content_page.title }}", "{{ content_page.title }"),
    );
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    assert_eq!(s["diagnostics"][0]["file"], t);
    assert_eq!(get(&server.addr, "/about/").0, 200);
    site.write(t, good);
    wait_for(&server.addr, |s| s["ok"] == true);
}

#[test]
fn a_template_failing_on_one_page_only_is_reported_and_the_last_good_site_kept() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    wait_for(&server.addr, |s| s["ok"] == true);
    // Let the first build's check of every page finish, so that it is the fallback.
    std::thread::sleep(Duration::from_millis(500));
    let t = "themes/default/templates/craftsman.html";
    let good = site.read(t);
    let broken = good.replacen(
        "{% block content %}",
        "{% block content %}{% if craftsman.slug == \"li-na\" %}{{ craftsman.no_such_field.deeper }}{% endif %}",
        1,
    );
    assert_ne!(broken, good, "the template has a content block");
    site.write(t, broken);
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    assert_eq!(s["diagnostics"][0]["file"], t);
    let (code, page) = get(&server.addr, "/craftsmen/li-na/");
    assert_eq!(code, 200, "the last good site answers: {page}");
    site.write(t, good);
    wait_for(&server.addr, |s| s["ok"] == true);
    assert_eq!(get(&server.addr, "/craftsmen/li-na/").0, 200);
}

#[test]
fn a_template_link_to_a_missing_page_shows_the_overlay_and_clears_when_fixed() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    wait_for(&server.addr, |s| s["ok"] == true);
    // Let the first build's check of every page finish, so that it is the fallback.
    std::thread::sleep(Duration::from_millis(500));
    let t = "themes/default/templates/craftsman.html";
    let good = site.read(t);
    let broken = good.replacen(
        "{% block content %}",
        "{% block content %}<a href=\"{{ site.base_path }}awards/\">获奖</a>",
        1,
    );
    assert_ne!(broken, good, "the template has a content block");
    site.write(t, broken);
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    let d = &s["diagnostics"][0];
    assert_eq!(d["code"], "link.broken", "{s}");
    assert_eq!(d["file"], t, "{s}");
    assert!(d["line"].as_u64().unwrap() > 0, "{s}");
    assert!(d["message"].as_str().unwrap().contains("/awards/"), "{s}");
    assert_eq!(get(&server.addr, "/craftsmen/li-na/").0, 200);
    site.write(t, good);
    wait_for(&server.addr, |s| s["ok"] == true);
}

#[test]
fn a_burst_of_changes_gives_one_rebuild_with_the_final_state() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let v = status(&server.addr)["version"].as_u64().unwrap();
    let mut members = String::new();
    let mut files = Vec::new();
    for i in 0..200 {
        files.push((
            format!("content/craftsmen/p{i}.md"),
            format!("---\nname: 工匠{i}\ncohort: 2018\nemployer: 某厂\npost: 钳工\nindustry: 制造业\n---\n"),
        ));
        members += &format!("  - p{i}\n");
    }
    let cohort = site
        .read("content/cohorts/2018.yaml")
        .replace("  - li-na\n", &format!("  - li-na\n{members}"));
    for (p, t) in &files {
        site.write(p, t);
    }
    site.write("content/cohorts/2018.yaml", cohort);
    let s = wait_for(&server.addr, |s| {
        s["version"].as_u64().unwrap() > v && s["ok"] == true
    });
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        status(&server.addr)["version"],
        s["version"],
        "more than one rebuild"
    );
    assert_eq!(s["version"].as_u64().unwrap(), v + 1);
    assert!(get(&server.addr, "/craftsmen/p199/").1.contains("工匠199"));
}

#[test]
fn paths_outside_the_site_are_refused_without_leaking() {
    let site = TestSite::fixture("minimal");
    site.write("secret.txt", "TOP-SECRET");
    let server = start(&site);
    for p in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/craftsmen/..%5c..%5csecret.txt",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/content/site.yaml",
    ] {
        let (code, body) = get(&server.addr, p);
        assert!(code == 400 || code == 404, "{p}: {code}");
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("base_url"),
            "{p} leaked"
        );
    }
    let (code, body) = get(&server.addr, "/no-such-page/");
    assert_eq!(code, 404);
    assert!(body.contains("页面不存在"), "the site's own 404 page");
}

#[test]
fn starts_on_a_broken_site_and_recovers_once_fixed() {
    let site = TestSite::fixture("minimal");
    let good = site.read(PROFILE);
    site.write(PROFILE, good.replace("name: 张伟", "name：张伟"));
    let server = start(&site);
    let s = status(&server.addr);
    assert_eq!(s["ok"], false);
    let (code, page) = get(&server.addr, "/");
    assert_eq!(code, 503);
    assert!(page.contains("__gongjiang/live.js"));
    site.write(PROFILE, good);
    wait_for(&server.addr, |s| s["ok"] == true);
    assert_eq!(get(&server.addr, "/").0, 200);
}

#[test]
fn editor_temp_files_do_not_rebuild() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let v = status(&server.addr)["version"].clone();
    site.write("content/craftsmen/.zhang-wei.md.swp", "x");
    site.write("content/craftsmen/zhang-wei.md~", "x");
    site.write("content/craftsmen/4913", "x");
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(status(&server.addr)["version"], v);
}

#[test]
fn the_build_output_never_carries_the_live_reload_script() {
    let site = TestSite::fixture("minimal");
    let _server = start(&site);
    assert!(
        !site.root().join("public").exists(),
        "serve must not write the build output"
    );
    assert!(site.run(&["build"]).status.success());
    for (path, bytes) in crate::support::tree(&site.root().join("public")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__gongjiang"),
            "{path}"
        );
    }
}
