//! `gongjiang serve` end to end: reloads after an edit, the error overlay data, bursts, traversal, recovery.

use crate::support::{line_of, TestSite};
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
    start_with(site, &[])
}

/// Starts the preview with extra arguments.
fn start_with(site: &TestSite, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["serve", "--port", "0"])
        .args(extra)
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

/// Whether the server closes `s` (end of stream or reset) within `within`.
fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    s.set_read_timeout(Some(within)).unwrap();
    let start = Instant::now();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            // A response (the end of a request) may come first; keep reading.
            Ok(_) if start.elapsed() < within => {}
            Ok(_) => return false,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

/// (status, body) of a GET with a raw path (sent as it is, so traversal attempts reach the server).
fn get(addr: &str, path: &str) -> (u16, String) {
    get_as(addr, path, &format!("Host: {addr}\r\n"))
}

/// [`get`] with the given header lines (each ending in `\r\n`) in place of the usual `Host`.
fn get_as(addr: &str, path: &str, headers: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
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
    let line = line_of(&good, "work_years: 30");
    site.write(PROFILE, good.replace("work_years: 30", "work_years: 30年"));
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    let d = &s["diagnostics"][0];
    assert_eq!(d["file"], PROFILE);
    assert_eq!(d["line"], line);
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
fn thousands_of_problems_reach_the_overlay_counted_not_listed() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let line: String = (0..4000).map(|i| format!("[链{i}](/nope/{i}/) ")).collect();
    site.write(
        "content/pages/about.md",
        format!("---\ntitle: 关于\n---\n{line}\n"),
    );
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    let body = get(&server.addr, "/__gongjiang/status").1;
    assert!(body.len() < 32_000, "{} bytes", body.len());
    assert_eq!(s["errors"], 4000);
    let listed = s["diagnostics"].as_array().unwrap();
    assert_eq!(listed.len(), 21, "20 shown, then the count of the rest");
    assert_eq!(listed[20]["count"], 3980);
    assert!(listed[20]["message"].as_str().unwrap().contains("3,980"));
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

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_site_is_never_served() {
    let site = TestSite::fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-7f3a").unwrap();
    site.write("content/static/notes.txt", "公开的说明");
    let server = start(&site);
    assert_eq!(get(&server.addr, "/notes.txt").0, 200);
    // No answer carries the secret; the links are refused.
    let leaks = |addr: &str, links: &[&str]| {
        for p in ["/x", "/notes.txt", "/__gongjiang/status", "/no-such-page/"] {
            let (code, body) = get(addr, p);
            assert!(!body.contains("TOP-SECRET"), "{p} leaked the file ({code})");
            if links.contains(&p) {
                assert!(code == 403 || code == 404, "{p}: {code}");
            }
        }
    };
    // A link made while the preview runs.
    let v = status(&server.addr)["version"].as_u64().unwrap();
    std::os::unix::fs::symlink(&secret, site.root().join("content/static/x")).unwrap();
    let s = wait_for(&server.addr, |s| {
        s["version"].as_u64().unwrap() > v || s["ok"] == false
    });
    leaks(&server.addr, &["/x"]);
    assert_eq!(s["ok"], false, "the link is a located error: {s}");
    assert_eq!(s["diagnostics"][0]["file"], "content/static/x", "{s}");
    // A file of the last good build replaced by a link after that build.
    let notes = site.root().join("content/static/notes.txt");
    std::fs::remove_file(&notes).unwrap();
    std::os::unix::fs::symlink(&secret, &notes).unwrap();
    wait_for(&server.addr, |s| {
        s["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == "content/static/notes.txt")
    });
    leaks(&server.addr, &["/x", "/notes.txt"]);
}

#[test]
fn content_folder_removed_and_restored_is_watched_again() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let content = site.root().join("content");
    let away = site.root().join("content.away");
    std::fs::rename(&content, &away).unwrap();
    let s = wait_for(&server.addr, |s| s["ok"] == false);
    assert!(
        s["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("content/ 文件夹不见了"),
        "{s}"
    );
    let (code, page) = get(&server.addr, "/craftsmen/zhang-wei/");
    assert_eq!(code, 200, "the last good page is still served");
    assert!(page.contains("三十年只做一件事"));
    // Restored as a new folder (a checkout), then saved again.
    crate::support::copy_tree(&away, &content);
    wait_for(&server.addr, |s| s["ok"] == true);
    site.write(
        PROFILE,
        site.read(PROFILE)
            .replace("三十年只做一件事", "四十年只做一件事"),
    );
    let start = Instant::now();
    while !get(&server.addr, "/craftsmen/zhang-wei/")
        .1
        .contains("四十年只做一件事")
    {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the save after the restore was not rebuilt"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn silent_and_idle_connections_are_closed() {
    let site = TestSite::fixture("minimal");
    let server = start_with(&site, &["--idle-timeout", "1"]);
    let bound = Duration::from_secs(10);
    // Connects and sends nothing.
    let mut silent = TcpStream::connect(&server.addr).unwrap();
    // Sends half a request line.
    let mut half = TcpStream::connect(&server.addr).unwrap();
    half.write_all(b"GET /craftsmen/zha").unwrap();
    // Asks for one page and keeps the connection open.
    let mut kept = TcpStream::connect(&server.addr).unwrap();
    write!(kept, "GET / HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).unwrap();
    assert!(closed_within(&mut silent, bound), "silent connection kept");
    assert!(closed_within(&mut half, bound), "half a request line kept");
    assert!(closed_within(&mut kept, bound), "idle keep-alive kept");
    // The server still answers.
    assert_eq!(get(&server.addr, "/").0, 200);
}

#[test]
fn a_live_reload_socket_that_stops_answering_is_dropped() {
    let site = TestSite::fixture("minimal");
    let server = start_with(&site, &["--idle-timeout", "1"]);
    let connect = || {
        let (mut ws, _) =
            tungstenite::connect(format!("ws://{}/__gongjiang/ws", server.addr)).unwrap();
        ws.read().unwrap();
        ws
    };
    let timeout = |ws: &mut Socket, t: Duration| {
        if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
            s.set_read_timeout(Some(t)).unwrap();
        }
    };
    let (mut ws, mut live) = (connect(), connect());
    // The live page keeps reading, which answers the pings; the other reads nothing.
    timeout(&mut live, Duration::from_millis(100));
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(4) {
        match live.read() {
            Ok(_) => {}
            Err(tungstenite::Error::Io(e)) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => panic!("the live page was dropped: {e}"),
        }
    }
    timeout(&mut ws, Duration::from_secs(10));
    let start = Instant::now();
    let ended = loop {
        match ws.read() {
            // Pings sent while the client was silent, or a status.
            Ok(_) if start.elapsed() < Duration::from_secs(10) => {}
            Ok(_) => break false,
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                break false
            }
            Err(_) => break true,
        }
    };
    assert!(ended, "the server kept a socket that answered no ping");
    // The live page still hears about a save.
    site.write(
        PROFILE,
        site.read(PROFILE)
            .replace("三十年只做一件事", "四十年只做一件事"),
    );
    timeout(&mut live, Duration::from_secs(10));
    let status = loop {
        match live.read().unwrap() {
            tungstenite::Message::Text(t) => break t,
            _ => continue,
        }
    };
    assert!(status.contains("\"ok\":true"), "{status}");
}

#[test]
fn other_sites_cannot_read_the_preview_through_their_own_host_name_or_its_socket() {
    let site = TestSite::fixture("minimal");
    let server = start(&site);
    let addr = &server.addr;
    let (code, body) = get_as(addr, "/", "Host: evil.example:1111\r\n");
    assert_eq!(code, 403, "{body}");
    assert!(!body.contains("测试工匠网"), "{body}");
    let port = addr.rsplit(':').next().unwrap();
    let (code, body) = get_as(addr, "/", &format!("Host: localhost:{port}\r\n"));
    assert_eq!(code, 200, "{body}");
    // The live-reload socket, opened by a page of another site.
    let upgrade = format!(
        "Host: {addr}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    );
    let (code, _) = get_as(
        addr,
        "/__gongjiang/ws",
        &upgrade.replace("Connection: close", ""),
    );
    assert_eq!(code, 403);
    let (code, _) = get_as(
        addr,
        "/__gongjiang/status",
        &format!("Host: {addr}\r\nOrigin: http://{addr}\r\n"),
    );
    assert_eq!(code, 200);
}

type Socket = tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>;

/// Reads statuses from the live-reload socket, as the page's script does, until `pred` holds (at
/// most 15 s); pings are answered by the reads.
fn next_status(ws: &mut Socket, pred: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    }
    let start = Instant::now();
    loop {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no such status in time"
        );
        if let tungstenite::Message::Text(t) = ws.read().unwrap() {
            let s: serde_json::Value = serde_json::from_str(&t).unwrap();
            if pred(&s) {
                return s;
            }
        }
    }
}

/// The warnings listed in a status.
fn warnings_listed(s: &serde_json::Value) -> Vec<serde_json::Value> {
    s["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .cloned()
        .collect()
}

#[test]
fn a_warning_reaches_the_page_with_its_place_stays_under_errors_and_goes_when_fixed() {
    let site = TestSite::fixture("minimal");
    let good = site.read(PROFILE);
    let alias = good.replace("industry: 制造业", "industry: 信息传输和计算机服务业");
    assert_ne!(alias, good, "the profile has an industry");
    let line = 1 + alias
        .lines()
        .position(|l| l.starts_with("industry:"))
        .unwrap();
    site.write(PROFILE, &alias);
    let server = start(&site);
    let (mut ws, _) = tungstenite::connect(format!("ws://{}/__gongjiang/ws", server.addr)).unwrap();

    // A warning does not stop the build: the page is served, and the status names the warning.
    let s = next_status(&mut ws, |_| true);
    assert_eq!(
        (s["ok"].clone(), s["errors"].clone()),
        (true.into(), 0.into())
    );
    assert_eq!(s["warnings"], 1, "{s}");
    let listed = warnings_listed(&s);
    assert_eq!(listed.len(), 1, "{s}");
    let w = &listed[0];
    assert_eq!(w["code"], "industry.alias");
    assert_eq!(w["file"], PROFILE);
    assert_eq!(w["line"], line);
    assert_eq!(w["column"], "industry: ".len() + 1);
    assert!(w["message"].as_str().unwrap().contains("industry"), "{w}");
    assert!(
        w["hint"]
            .as_str()
            .unwrap()
            .contains("信息传输、软件和信息技术服务业"),
        "{w}"
    );
    assert_eq!(s["unlisted_warnings"], 0, "{s}");
    let key = s["warnings_key"].as_str().unwrap().to_string();
    assert!(!key.is_empty());
    assert_eq!(get(&server.addr, "/craftsmen/zhang-wei/").0, 200);

    // Another text of the same file changes, the warning is the same: so is its key.
    let v = s["version"].as_u64().unwrap();
    site.write(
        PROFILE,
        alias.replace("三十年只做一件事", "四十年只做一件事"),
    );
    let s = next_status(&mut ws, |s| s["version"].as_u64() > Some(v));
    assert_eq!(s["warnings"], 1, "{s}");
    assert_eq!(s["warnings_key"], key.as_str());

    // A template failing on one page: the overlay's errors come first, the warning stays listed.
    let t = "themes/default/templates/craftsman.html";
    let template = site.read(t);
    site.write(
        t,
        template.replacen(
            "{% block content %}",
            "{% block content %}{% if craftsman.slug == \"li-na\" %}{{ craftsman.no_such_field.deeper }}{% endif %}",
            1,
        ),
    );
    let s = next_status(&mut ws, |s| s["ok"] == false);
    assert_eq!(s["diagnostics"][0]["severity"], "error", "{s}");
    assert_eq!(s["diagnostics"][0]["file"], t, "{s}");
    assert_eq!(s["warnings"], 1, "{s}");
    assert_eq!(warnings_listed(&s).len(), 1, "{s}");
    site.write(t, template);
    next_status(&mut ws, |s| s["ok"] == true);

    // Fixed: the next rebuild has no warning left.
    site.write(PROFILE, &good);
    let s = next_status(&mut ws, |s| s["ok"] == true && s["warnings"] == 0);
    assert!(warnings_listed(&s).is_empty(), "{s}");
    assert_eq!(s["unlisted_warnings"], 0, "{s}");
    assert_ne!(s["warnings_key"], key.as_str());
    assert_eq!(status(&server.addr)["warnings"], 0);
}
