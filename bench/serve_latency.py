#!/usr/bin/env python3
"""Save-to-served latency of `gongjiang serve`: edit one profile, time until the new page is served.

Usage: bench/serve_latency.py SITE_DIR [--runs 15] [--bin target/release/gongjiang] [--profile PATH]

SITE_DIR is a gongjiang site (the demo is the repository root; a generated one comes from
`cargo run --release --example gen_corpus`). The script copies nothing: it edits the profile's
`summary:` line in place and restores the file at the end. Prints each run and the median in ms.
"""
import argparse, glob, http.client, os, statistics, subprocess, sys, time


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    return r.status, r.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "gongjiang"))
    ap.add_argument("--profile", help="profile file relative to the site (default: the first one)")
    a = ap.parse_args()
    site = os.path.abspath(a.site)
    profile = a.profile or sorted(glob.glob(os.path.join(site, "content/craftsmen/*.md")))[0]
    profile = os.path.join(site, profile) if not os.path.isabs(profile) else profile
    slug = os.path.splitext(os.path.basename(profile))[0]
    original = open(profile, encoding="utf-8").read()
    proc = subprocess.Popen([a.bin, "serve", "--port", "0", "--root", site], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in proc.stdout:
            if line.startswith("serving http://"):
                port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
                break
        if port is None:
            sys.exit("serve did not start")
        times = []
        for i in range(a.runs):
            marker = f"测量标记{i}x{time.time_ns()}"
            text = "\n".join(f"summary: {marker}" if l.startswith("summary:") else l for l in original.split("\n"))
            if marker not in text:
                sys.exit("the profile needs a summary: line")
            start = time.perf_counter()
            with open(profile, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                status, body = get(port, f"/craftsmen/{slug}/")
                if marker in body:
                    break
                if time.perf_counter() - start > 60:
                    sys.exit("timed out waiting for the rebuild")
                time.sleep(0.001)
            ms = (time.perf_counter() - start) * 1000
            times.append(ms)
            print(f"run {i + 1}: {ms:.1f} ms", flush=True)
            time.sleep(0.3)
        print(f"median save→served: {statistics.median(times):.1f} ms over {len(times)} runs ({slug})")
    finally:
        with open(profile, "w", encoding="utf-8") as f:
            f.write(original)
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
