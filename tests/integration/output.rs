//! The output folder: `build` replaces only what gongjiang made and `check` refuses exactly what
//! `build` refuses; a `.git` inside the output survives; killed builds leave no scratch folders.
#![cfg(unix)]

use crate::support::{snapshot, stderr, tree, TestSite};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const MARKER: &str = ".gongjiang-output";

/// A user's home folder in small: hidden keys, documents, a note.
fn home_like(dir: &Path) {
    std::fs::create_dir_all(dir.join(".ssh")).unwrap();
    std::fs::write(
        dir.join(".ssh/id_ed25519"),
        "-----BEGIN OPENSSH PRIVATE KEY-----\n",
    )
    .unwrap();
    std::fs::set_permissions(dir.join(".ssh/id_ed25519"), perms(0o600)).unwrap();
    std::fs::create_dir_all(dir.join("Documents")).unwrap();
    std::fs::write(dir.join("Documents/简历.docx"), [0x50, 0x4b, 3, 4]).unwrap();
    std::fs::write(dir.join("notes.txt"), "明天交材料\n").unwrap();
}

/// An output folder gongjiang made before, with a page that the new build no longer writes.
fn marked(dir: &Path) {
    std::fs::create_dir_all(dir.join("old-page")).unwrap();
    std::fs::write(dir.join("old-page/index.html"), "<p>旧页面</p>").unwrap();
    std::fs::write(dir.join(MARKER), "").unwrap();
}

/// A git checkout's folder (a gh-pages branch), small but with nested files.
fn git_dir(dir: &Path) {
    std::fs::create_dir_all(dir.join(".git/refs/heads")).unwrap();
    std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    std::fs::write(dir.join(".git/refs/heads/gh-pages"), "0123abcd\n").unwrap();
    std::fs::write(dir.join(".git/config"), "[core]\n\tbare = false\n").unwrap();
}

fn perms(mode: u32) -> std::fs::Permissions {
    std::fs::Permissions::from_mode(mode)
}

/// Whether folder permissions stop this user (they do not stop root).
fn permissions_are_enforced(scratch: &Path) -> bool {
    let probe = scratch.join("permission-probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, perms(0o555)).unwrap();
    let written = std::fs::write(probe.join("x"), "x").is_ok();
    std::fs::set_permissions(&probe, perms(0o755)).unwrap();
    std::fs::remove_dir_all(&probe).unwrap();
    !written
}

/// The site as a build writes it into a folder that did not exist.
fn fresh_site(s: &TestSite) -> Vec<(String, Vec<u8>)> {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("fresh");
    let o = s.run(&["build", "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    tree(&out)
}

/// Names in `dir` that look like gongjiang's scratch folders.
fn scratch_folders(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".gongjiang-new-") || n.contains(".gongjiang-old-"))
        .collect()
}

/// One target of the matrix: where `--output` points, the folder that must stay byte for byte
/// as it was when the target is refused, and whether it is accepted.
struct Case {
    name: &'static str,
    target: PathBuf,
    watch: PathBuf,
    accepted: bool,
}

/// Runs `check` then `build` on one target and asserts that both say the same.
fn run_case(s: &TestSite, case: &Case, fresh: &[(String, Vec<u8>)]) {
    let target = case.target.to_str().unwrap();
    let before = snapshot(&case.watch);
    let git_before = case
        .target
        .join(".git")
        .is_dir()
        .then(|| snapshot(&case.target.join(".git")));
    let checked = s.run(&["check", "--output", target]);
    assert_eq!(
        snapshot(&case.watch),
        before,
        "{}: check touched something",
        case.name
    );
    let built = s.run(&["build", "--output", target]);
    let code = if case.accepted { 0 } else { 2 };
    assert_eq!(
        checked.status.code(),
        Some(code),
        "{}: check said {}",
        case.name,
        stderr(&checked)
    );
    assert_eq!(
        built.status.code(),
        Some(code),
        "{}: build said {}",
        case.name,
        stderr(&built)
    );
    if case.accepted {
        assert_eq!(tree(&case.target), fresh, "{}: not the new site", case.name);
        if let Some(git) = git_before {
            assert_eq!(snapshot(&case.target.join(".git")), git, "{}", case.name);
        }
    } else {
        assert_eq!(
            stderr(&checked),
            stderr(&built),
            "{}: not the same error",
            case.name
        );
        assert!(stderr(&built).starts_with("错误："), "{}", stderr(&built));
        assert_eq!(
            snapshot(&case.watch),
            before,
            "{}: refused but touched",
            case.name
        );
    }
    let parent = case.target.parent().unwrap();
    if parent.is_dir() {
        // The parent may be the system's temporary folder, shared with other tests' outputs.
        let name = case.target.file_name().unwrap().to_string_lossy();
        let ours = format!(".{name}.gongjiang-");
        let litter: Vec<String> = scratch_folders(parent)
            .into_iter()
            .filter(|n| n.starts_with(&ours))
            .collect();
        assert!(litter.is_empty(), "{}: litter {litter:?}", case.name);
    }
}

#[test]
fn check_and_build_accept_and_refuse_the_same_output_folders() {
    let s = TestSite::fixture("minimal");
    let fresh = fresh_site(&s);
    assert!(
        fresh.iter().any(|(p, _)| p == MARKER),
        "the marker is part of the site"
    );
    let t = tempfile::tempdir().unwrap();
    let case = |name: &'static str, accepted: bool, make: &dyn Fn(&Path)| {
        let watch = t.path().join(name);
        std::fs::create_dir(&watch).unwrap();
        let target = watch.join("public");
        make(&target);
        Case {
            name,
            target,
            watch,
            accepted,
        }
    };
    let mut cases = vec![
        case("missing", true, &|_| {}),
        case("empty", true, &|p| std::fs::create_dir(p).unwrap()),
        case("marked", true, &|p| marked(p)),
        case("marked-with-git", true, &|p| {
            marked(p);
            git_dir(p);
        }),
        case("only-git", true, &|p| git_dir(p)),
        case("home-like", false, &|p| home_like(p)),
        case("symlink-to-folder", false, &|p| {
            let real = p.with_file_name("real");
            marked(&real);
            std::os::unix::fs::symlink(&real, p).unwrap();
        }),
        case("dangling-symlink", false, &|p| {
            std::os::unix::fs::symlink(p.with_file_name("nowhere"), p).unwrap();
        }),
        case("regular-file", false, &|p| {
            std::fs::write(p, "不是文件夹").unwrap()
        }),
        Case {
            name: "site-root",
            target: s.root().to_path_buf(),
            watch: s.root().to_path_buf(),
            accepted: false,
        },
        Case {
            name: "inside-content",
            target: s.root().join("content/out"),
            watch: s.root().to_path_buf(),
            accepted: false,
        },
    ];
    let mut below_a_file = case("parent-is-a-file", false, &|p| {
        std::fs::write(p.with_file_name("site"), "x").unwrap();
    });
    below_a_file.target = below_a_file.watch.join("site/public");
    cases.push(below_a_file);
    let mut read_only = Vec::new();
    if permissions_are_enforced(t.path()) {
        read_only.push(case("read-only-empty", false, &|p| {
            std::fs::create_dir(p).unwrap();
            std::fs::set_permissions(p, perms(0o555)).unwrap();
        }));
        read_only.push(case("read-only-marked", false, &|p| {
            marked(p);
            std::fs::set_permissions(p, perms(0o555)).unwrap();
        }));
        let parent = case("read-only-parent", false, &|_| {});
        std::fs::set_permissions(&parent.watch, perms(0o555)).unwrap();
        read_only.push(parent);
    } else if let Some(dir) = std::env::var_os("GONGJIANG_TEST_READONLY_DIR") {
        // Root writes through folder permissions; a read-only mount stops it.
        let dir = PathBuf::from(dir);
        read_only.push(Case {
            name: "read-only-mount",
            target: dir.clone(),
            watch: dir,
            accepted: false,
        });
    } else {
        println!(
            "read-only case skipped: running as root, which writes into read-only folders; \
             set GONGJIANG_TEST_READONLY_DIR to an empty folder on a read-only mount to test it"
        );
    }
    for c in cases.iter().chain(&read_only) {
        run_case(&s, c, &fresh);
    }
    for c in &read_only {
        if c.watch.starts_with(t.path()) {
            for p in [&c.watch, &c.target] {
                let _ = std::fs::set_permissions(p, perms(0o755));
            }
        }
    }
}

#[test]
fn refusals_say_what_was_found_and_what_to_do() {
    let s = TestSite::fixture("minimal");
    home_like(&s.root().join("zhangsan"));
    marked(&s.root().join("www"));
    std::os::unix::fs::symlink("www", s.root().join("site-link")).unwrap();
    s.write("public.zip", "PK");
    let before = snapshot(s.root());
    let transcripts: [(&str, &str); 4] = [
        (
            "zhangsan",
            "错误：输出文件夹 zhangsan 里有别的文件（.ssh、Documents、notes.txt），却没有 gongjiang 的标记文件 \
             .gongjiang-output，看来不是 gongjiang 生成的。构建会整个替换输出文件夹，为免删掉这些文件，没有做任何改动。\n\
             请换一个输出文件夹（--output），或者把这个文件夹清空（.git 可以留着，构建会保留它）；\
             如果它是别的工具或旧版 gongjiang 生成的网站，确认里面没有要留的文件后删掉它，再构建。\n",
        ),
        (
            "site-link",
            "错误：输出文件夹 site-link 是一个符号链接（指向 www）。构建会整个替换输出文件夹，\
             不替换链接指向的地方，没有做任何改动。\n\
             请用 --output 直接写出真正的文件夹（例如 www），或者删掉这个链接。\n",
        ),
        (
            "public.zip",
            "错误：输出位置 public.zip 是一个文件，不是文件夹。构建会整个替换输出文件夹，为免删掉这个文件，\
             没有做任何改动。\n请换一个输出文件夹（--output），或者先把这个文件移走。\n",
        ),
        (
            ".",
            "错误：输出文件夹 . 包含了站点文件夹本身，构建会覆盖源文件，没有做任何改动。\n\
             请换一个输出文件夹（默认是站点文件夹里的 public/）。\n",
        ),
    ];
    for (out, expected) in transcripts {
        for command in ["build", "check"] {
            let o = s.run(&[command, "--output", out]);
            assert_eq!(o.status.code(), Some(2), "{command} --output {out}");
            assert_eq!(stderr(&o), expected, "{command} --output {out}");
            assert!(o.stdout.is_empty());
        }
    }
    assert_eq!(snapshot(s.root()), before);
}

#[test]
fn a_git_checkout_in_the_output_survives_every_build() {
    let s = TestSite::fixture("minimal");
    let public = s.root().join("public");
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    git_dir(&public);
    let git = snapshot(&public.join(".git"));
    assert_eq!(s.run(&["check"]).status.code(), Some(0));
    for round in 0..2 {
        let o = s.run(&["build"]);
        assert!(o.status.success(), "round {round}: {}", stderr(&o));
        assert_eq!(snapshot(&public.join(".git")), git, "round {round}");
        assert_eq!(tree(&public), fresh_site(&s), "round {round}");
        assert!(scratch_folders(s.root()).is_empty(), "round {round}");
    }
    // A build that fails on content leaves everything, .git included, as it was.
    let all = snapshot(&public);
    let broken = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("work_years: 30", "work_years: 三十");
    s.write("content/craftsmen/zhang-wei.md", broken);
    assert_eq!(s.run(&["build"]).status.code(), Some(1));
    assert_eq!(snapshot(&public), all);
}

/// The pid of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn the_next_build_removes_scratch_folders_of_killed_builds_only() {
    let s = TestSite::fixture("minimal");
    let dead = dead_pid();
    // This test's own process is alive and is not the build: its folders are a build running now.
    let live = std::process::id();
    let stale = [
        format!(".public.gongjiang-new-{dead}"),
        format!(".public.gongjiang-old-{dead}"),
    ];
    let kept = [
        format!(".public.gongjiang-new-{live}"),
        format!(".public.gongjiang-old-{live}"),
        format!(".www.gongjiang-new-{dead}"),
        ".public.gongjiang-new-12ab".to_string(),
    ];
    for name in stale.iter().chain(&kept) {
        s.write(&format!("{name}/index.html"), "<p>半成品</p>");
    }
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for name in &stale {
        assert!(!s.root().join(name).exists(), "{name} left");
    }
    for name in &kept {
        assert_eq!(
            s.read(&format!("{name}/index.html")),
            "<p>半成品</p>",
            "{name}"
        );
    }
}

#[test]
fn a_git_folder_caught_in_a_killed_swap_is_put_back() {
    let s = TestSite::fixture("minimal");
    let public = s.root().join("public");
    assert!(s.run(&["build"]).status.success());
    git_dir(&public);
    let git = snapshot(&public.join(".git"));
    // Killed after moving .git into its new tree and before swapping that tree in.
    let scratch = s
        .root()
        .join(format!(".public.gongjiang-new-{}", dead_pid()));
    std::fs::create_dir(&scratch).unwrap();
    std::fs::rename(public.join(".git"), scratch.join(".git")).unwrap();
    assert!(s.run(&["build"]).status.success());
    assert_eq!(snapshot(&public.join(".git")), git);
    assert!(!scratch.exists());
}

#[test]
fn an_output_of_an_older_gongjiang_is_replaced_once_and_then_marked() {
    let s = TestSite::fixture("minimal");
    let public = s.root().join("public");
    assert!(s.run(&["build"]).status.success());
    // Older versions wrote no marker; a gh-pages checkout of such an output has a .git.
    std::fs::remove_file(public.join(MARKER)).unwrap();
    std::fs::write(public.join("stale.html"), "<p>旧</p>").unwrap();
    git_dir(&public);
    let git = snapshot(&public.join(".git"));
    assert_eq!(s.run(&["check"]).status.code(), Some(0));
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(public.join(MARKER).is_file());
    assert!(!public.join("stale.html").exists());
    assert_eq!(snapshot(&public.join(".git")), git);

    // The same folder with something an output never holds is not taken for one.
    std::fs::remove_file(public.join(MARKER)).unwrap();
    std::fs::write(public.join(".bashrc"), "alias ll='ls -l'\n").unwrap();
    let before = snapshot(s.root());
    for command in ["check", "build"] {
        let o = s.run(&[command]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        assert!(stderr(&o).contains(".bashrc"), "{}", stderr(&o));
    }
    assert_eq!(snapshot(s.root()), before);
}
