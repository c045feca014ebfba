//! `gongjiang new` and `gongjiang init`: what they write passes `check`, and nothing is ever overwritten.

use crate::support::{stderr, stdout, TestSite};

#[test]
fn new_craftsman_writes_a_commented_profile_that_passes_check() {
    let s = TestSite::fixture("minimal");
    let o = s.run(&["new", "craftsman", "单田芳", "--cohort", "2018"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = s.read("content/craftsmen/shan-tianfang.md");
    for field in [
        "name: 单田芳",
        "cohort: 2018",
        "employer:",
        "post:",
        "industry:",
        "# work_years:",
        "# education:",
        "# private:",
        "必填",
        "选填",
    ] {
        assert!(text.contains(field), "{field} missing");
    }
    let c = s
        .read("content/cohorts/2018.yaml")
        .replace("  - li-na\n", "  - li-na\n  - shan-tianfang\n");
    s.write("content/cohorts/2018.yaml", c);
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("content.placeholder"),
        "placeholders are pointed out"
    );
}

#[test]
fn new_craftsman_never_overwrites() {
    let s = TestSite::fixture("minimal");
    let before = s.read("content/craftsmen/zhang-wei.md");
    let o = s.run(&["new", "craftsman", "张伟", "--cohort", "2018"]);
    assert!(o.status.success());
    assert_eq!(s.read("content/craftsmen/zhang-wei.md"), before);
    assert!(s.root().join("content/craftsmen/zhang-wei-2.md").exists());
}

#[test]
fn new_story_and_cohort() {
    let s = TestSite::fixture("minimal");
    assert!(s.run(&["new", "story", "精益求精的一天"]).status.success());
    assert!(s
        .root()
        .join("content/stories/jing-yi-qiu-jing-de-yi-tian.md")
        .exists());
    assert!(s.run(&["new", "cohort", "2019"]).status.success());
    assert!(s.read("content/cohorts/2019.yaml").contains("year: 2019"));
    let o = s.run(&["new", "cohort", "2019"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an existing cohort file is not overwritten"
    );
    assert_eq!(s.run(&["new", "cohort", "1999"]).status.code(), Some(2));
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn init_writes_a_site_that_builds_with_the_built_in_theme() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("site");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["init"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !dir.join("themes").exists(),
        "the default theme is built in"
    );
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["build", "--deny-warnings", "--root"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("public/craftsmen/zhang-wei/index.html").exists());
    assert!(dir.join("public/style.css").exists());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["init"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "init refuses a folder that is not empty"
    );
}

#[test]
fn init_theme_copy_writes_the_theme_for_editing() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("site");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["init", "--theme-copy"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("themes/default/templates/base.html").exists());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gongjiang"))
        .args(["check", "--root"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}
