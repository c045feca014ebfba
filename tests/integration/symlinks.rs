//! Symbolic links under content/: followed when they lead to a file of the site, refused with a located error when they lead outside or nowhere.
#![cfg(unix)]

use crate::support::{stderr, TestSite};
use std::os::unix::fs::symlink;

/// A file outside the site, in a folder of its own.
fn secret() -> (tempfile::TempDir, std::path::PathBuf) {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-7f3a").unwrap();
    (outside, secret)
}

#[test]
fn build_and_check_refuse_a_link_that_leads_outside_the_site() {
    let site = TestSite::fixture("minimal");
    let (_outside, secret) = secret();
    symlink(&secret, site.root().join("content/static/x")).unwrap();
    let (built, diags) = site.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "file.link-outside")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(d.file, "content/static/x");
    assert!(d.message.contains("站点以外"), "{}", d.message);
    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(stderr(&check).contains("content/static/x"));
    let build = site.run(&["build"]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(!site.root().join("public").exists());
}

#[test]
fn a_link_to_a_file_of_the_site_is_copied_like_the_file() {
    let site = TestSite::fixture("minimal");
    symlink(
        "../craftsmen/li-na/photo.png",
        site.root().join("content/static/logo.png"),
    )
    .unwrap();
    let build = site.run(&["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert_eq!(
        std::fs::read(site.root().join("public/logo.png")).unwrap(),
        std::fs::read(site.root().join("content/craftsmen/li-na/photo.png")).unwrap()
    );
}

#[test]
fn a_broken_link_is_an_error_and_a_folder_link_a_warning() {
    let site = TestSite::fixture("minimal");
    symlink(
        "no-such-file.png",
        site.root().join("content/static/gone.png"),
    )
    .unwrap();
    symlink("../craftsmen", site.root().join("content/static/people")).unwrap();
    let (built, diags) = site.check();
    assert!(!built);
    let codes: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.file.as_str())).collect();
    assert!(
        codes.contains(&("file.link-broken", "content/static/gone.png")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("file.link-folder", "content/static/people")),
        "{codes:?}"
    );
}
