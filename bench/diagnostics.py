#!/usr/bin/env python3
"""Cost of reporting many problems: time and peak memory of `gongjiang check` for 1k–8k problems.

Usage: bench/diagnostics.py [--bin target/release/gongjiang] [--sizes 1000 2000 4000 8000] [--runs 3]

Builds small sites (tests/fixtures/minimal with the default theme) whose about page holds N broken
links, in three shapes: all on one line, one per line, and one 300 kB line (as many links as fit,
whatever N). Runs `check` RUNS times on each and prints a Markdown table: median wall time, peak
resident memory (from the kernel's accounting of each child, `os.wait4`, so no GNU time needed),
bytes written to stderr, and time per 1,000 problems. Reporting is linear when the last column
stays flat as N doubles.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def one_line(n):
    return " ".join(f"[链接{i}](/nope/{i}/)" for i in range(n))


def lines(n):
    return "\n\n".join(f"第 {i} 段：[链接](/nope/{i}/)" for i in range(n))


def line_300kb(_n):
    out, i = [], 0
    size = 0
    while size < 300_000:
        link = f"[链接{i}](/nope/{i}/) "
        out.append(link)
        size += len(link.encode())
        i += 1
    return "".join(out)


def make_site(root, body):
    shutil.copytree(os.path.join(REPO, "tests/fixtures/minimal"), root)
    shutil.copytree(os.path.join(REPO, "themes/default"), os.path.join(root, "themes/default"))
    with open(os.path.join(root, "content/pages/about.md"), "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: 关于\n---\n{body}\n")


def run(binary, root):
    """(seconds, peak RSS in MiB, stderr bytes, problems counted) of one `check`."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen([binary, "check", "--root", root], stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read()
    last = text.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    problems = last[0].split(" ")[0]
    return seconds, usage.ru_maxrss / 1024, len(text), problems


def main():
    ap = argparse.ArgumentParser()
    default_bin = os.path.join(REPO, "target", "release", "gongjiang")
    if not os.path.exists(default_bin):
        default_bin = os.path.join(REPO, "target", "debug", "gongjiang")
    ap.add_argument("--bin", default=default_bin)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"no binary at {a.bin}: run `cargo build --release` (or pass --bin)")
    print(f"binary: {os.path.relpath(a.bin, REPO)}, median of {a.runs} runs\n")
    print("| shape | problems | time (s) | peak memory (MiB) | stderr (bytes) | s per 1k problems |")
    print("|---|---:|---:|---:|---:|---:|")
    shapes = [("one line", one_line, a.sizes), ("one per line", lines, a.sizes), ("300 kB line", line_300kb, [0])]
    with tempfile.TemporaryDirectory() as work:
        for name, make, sizes in shapes:
            for n in sizes:
                root = os.path.join(work, f"{name.replace(' ', '-')}-{n}")
                make_site(root, make(n))
                runs = [run(a.bin, root) for _ in range(a.runs)]
                secs = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                problems = int(runs[0][3]) if runs[0][3].isdigit() else n
                per_k = secs / problems * 1000 if problems else float("nan")
                print(f"| {name} | {problems:,} | {secs:.2f} | {peak:.0f} | {runs[0][2]:,} | {per_k:.3f} |", flush=True)


if __name__ == "__main__":
    main()
