//! The promise of `check`: for small sites each broken in one way `build` can fail (and one good
//! site), `check` and `build` exit alike and report the same first problem, and a failed build
//! leaves the output folder as it was.
#![cfg(unix)]

use crate::support::{snapshot, stderr, stdout, TestSite};

/// A small good site written in code: settings, a cohort, two profiles (one in a folder) and a page.
fn good_site() -> TestSite {
    let s = TestSite {
        dir: tempfile::tempdir().unwrap(),
    };
    s.write(
        "content/site.yaml",
        "title: 矩阵测试站\nbase_url: https://example.org/\nminify: false\n",
    );
    s.write(
        "content/cohorts/2020.yaml",
        "year: 2020\ntitle: 2020年度工匠\nmembers:\n  - wang-gang\n  - zhao-min\n",
    );
    s.write(
        "content/craftsmen/wang-gang.md",
        "---\nname: 王刚\ncohort: 2020\nemployer: 上海某某机床厂\npost: 钳工\nindustry: 制造业\nsummary: 一把锉刀三十年。\n---\n王刚的故事。\n",
    );
    s.write(
        "content/craftsmen/zhao-min/index.md",
        "---\nname: 赵敏\ncohort: 2020\nemployer: 上海某某电力公司\npost: 电工\nindustry: D\n---\n赵敏的故事，见[王刚](/craftsmen/wang-gang/)。\n",
    );
    s.write(
        "content/pages/about.md",
        "---\ntitle: 关于\n---\n测试站点。\n",
    );
    s
}

/// A folder that holds someone's files and no output marker.
fn not_an_output(dir: &std::path::Path) {
    std::fs::create_dir_all(dir.join("Documents")).unwrap();
    std::fs::write(dir.join("Documents/笔记.txt"), "明天交材料\n").unwrap();
}

/// A profile template of a site theme `mine` (extending default) with `content` as its content block.
fn theme_template(s: &TestSite, content: &str) {
    s.write("themes/mine/theme.yaml", "extends: default\n");
    s.write(
        "themes/mine/templates/craftsman.html",
        format!("{{% extends \"base.html\" %}}\n{{% block content %}}\n{content}\n{{% endblock content %}}\n"),
    );
    let cfg = s.read("content/site.yaml") + "theme: mine\n";
    s.write("content/site.yaml", cfg);
}

fn replace_in(s: &TestSite, file: &str, from: &str, to: &str) {
    let text = s.read(file);
    assert!(text.contains(from), "{file}: {from}");
    s.write(file, text.replacen(from, to, 1));
}

/// What a broken site must give, from `check` and `build` alike.
enum Expect {
    Builds,
    /// Exit 1, the first diagnostic's code beginning with this.
    Fails(&'static str),
    /// Exit 2, the same message, the output folder untouched.
    Refused,
}

/// One way to break the site.
struct Case {
    name: &'static str,
    breaks: fn(&TestSite),
    /// Build into a folder that holds someone's files (`--output`) instead of `public/`.
    foreign_output: bool,
    expect: Expect,
}

const CASES: &[Case] = &[
    Case {
        name: "good",
        breaks: |_| {},
        foreign_output: false,
        expect: Expect::Builds,
    },
    Case {
        name: "bad YAML",
        breaks: |s| {
            replace_in(
                s,
                "content/craftsmen/wang-gang.md",
                "post: 钳工",
                "post: [钳工",
            )
        },
        foreign_output: false,
        expect: Expect::Fails("yaml."),
    },
    Case {
        name: "template error",
        breaks: |s| theme_template(s, "<h1>{{ craftsman.name }}</h1>{{ no_such_variable }}"),
        foreign_output: false,
        expect: Expect::Fails("template.render"),
    },
    Case {
        name: "template link to a missing page",
        breaks: |s| theme_template(s, "<a href=\"{{ site.base_path }}awards/\">获奖名单</a>"),
        foreign_output: false,
        expect: Expect::Fails("link.broken"),
    },
    Case {
        name: "static file at a page URL",
        breaks: |s| s.write("content/static/about/index.html", "<p>手写的关于页</p>"),
        foreign_output: false,
        expect: Expect::Fails("output.collision"),
    },
    Case {
        name: "static file in search/",
        breaks: |s| s.write("content/static/search/extra.json", "{}"),
        foreign_output: false,
        expect: Expect::Fails("output.reserved"),
    },
    Case {
        name: "mobile number in a summary",
        breaks: |s| {
            replace_in(
                s,
                "content/craftsmen/wang-gang.md",
                "summary: 一把锉刀三十年。",
                "summary: 一把锉刀三十年，电话 13812345678。",
            )
        },
        foreign_output: false,
        expect: Expect::Fails("privacy.mobile"),
    },
    Case {
        name: "unreadable photo",
        breaks: |s| {
            s.write(
                "content/craftsmen/zhao-min/photo.jpg",
                b"not a picture at all",
            );
            replace_in(
                s,
                "content/craftsmen/zhao-min/index.md",
                "post: 电工",
                "post: 电工\nphoto: photo.jpg",
            );
        },
        foreign_output: false,
        expect: Expect::Fails("image.unreadable"),
    },
    Case {
        name: "unusable output folder",
        breaks: |_| {},
        foreign_output: true,
        expect: Expect::Refused,
    },
];

/// The first diagnostic's code in a `--format json` run.
fn first_code(o: &std::process::Output) -> Option<String> {
    let out = stdout(o);
    let line = out.lines().next()?;
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    v["code"].as_str().map(str::to_string)
}

#[test]
fn check_and_build_agree_on_every_way_a_build_can_fail() {
    for case in CASES {
        let s = good_site();
        // A previous good build, which a failed build must leave as it was.
        let first = s.run(&["build"]);
        assert!(first.status.success(), "{}: {}", case.name, stderr(&first));
        (case.breaks)(&s);
        let elsewhere = tempfile::tempdir().unwrap();
        let out = if case.foreign_output {
            let home = elsewhere.path().join("home");
            not_an_output(&home);
            home
        } else {
            s.root().join("public")
        };
        let before = snapshot(&out);
        let run = |command: &str| {
            s.run(&[
                command,
                "--format",
                "json",
                "--output",
                out.to_str().unwrap(),
            ])
        };
        let (checked, built) = (run("check"), run("build"));
        let name = case.name;
        let both = format!(
            "{name}\ncheck: {}{}\nbuild: {}{}",
            stdout(&checked),
            stderr(&checked),
            stdout(&built),
            stderr(&built)
        );
        assert_eq!(checked.status.code(), built.status.code(), "{both}");
        assert_eq!(first_code(&checked), first_code(&built), "{both}");
        match case.expect {
            Expect::Builds => {
                assert_eq!(built.status.code(), Some(0), "{both}");
                assert_eq!(first_code(&built), None, "{both}");
            }
            Expect::Fails(code) => {
                assert_eq!(built.status.code(), Some(1), "{both}");
                let found = first_code(&built).unwrap_or_default();
                assert!(found.starts_with(code), "{both}");
                assert_eq!(snapshot(&out), before, "{both}");
            }
            Expect::Refused => {
                assert_eq!(built.status.code(), Some(2), "{both}");
                let first_line =
                    |o: &std::process::Output| stderr(o).lines().next().map(str::to_string);
                assert_eq!(first_line(&checked), first_line(&built), "{both}");
                assert_eq!(snapshot(&out), before, "{both}");
            }
        }
    }
}
