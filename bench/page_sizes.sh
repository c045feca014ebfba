#!/usr/bin/env bash
# Page weight at national scale: the largest HTML pages of a generated site, gzipped.
#
#   bench/page_sizes.sh                      # 10,000 profiles, seed 1, the 15 largest pages
#   bench/page_sizes.sh --profiles 2000 --top 5 --limit 60
#
# Generates the site (examples/gen_corpus.rs, same seed → same bytes), builds it with the release
# binary, gzips every HTML page (level 9, as a web server's static gzip would) and prints the
# largest ones, uncompressed and gzipped, as a Markdown table, with the count of pages per kind of
# path. Exits 1 when a page is over the limit (default 60 KB gzipped), so that it can guard CI.
#
# Options:
#   --profiles N   profiles to generate (default 10000; stories are N/10)
#   --seed S       corpus seed (default 1)
#   --top K        how many of the largest pages to list (default 15)
#   --limit KB     the largest a page may be, gzipped, in KB (default 60)
#   --work DIR     scratch folder (default /tmp/gongjiang-page-sizes); the corpus is kept and reused
#   --bin PATH     the gongjiang binary (default: target/release/gongjiang, built here)
#   --gen PATH     the corpus generator (default: target/release/examples/gen_corpus, built here)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

PROFILES=10000
SEED=1
TOP=15
LIMIT=60
WORK=/tmp/gongjiang-page-sizes
BIN=""
GEN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profiles) PROFILES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --top) TOP="$2"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --bin) BIN="$2"; shift 2 ;;
    --gen) GEN="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ -z "$BIN" ] || [ -z "$GEN" ]; then
  echo "== building (release)" >&2
  cargo build --release --quiet --bin gongjiang --example gen_corpus
fi
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
GEN="${GEN:-$TARGET/release/examples/gen_corpus}"
GJ="${BIN:-$TARGET/release/gongjiang}"

SITE="$WORK/site-$PROFILES-$SEED"
if [ ! -d "$SITE/content" ]; then
  echo "== generating $PROFILES profiles (seed $SEED)" >&2
  rm -rf "$SITE"
  mkdir -p "$WORK"
  "$GEN" --profiles "$PROFILES" --seed "$SEED" --out "$SITE" >&2
fi
# The generated copy of the theme is replaced by this checkout's, so that a theme change is measured.
rm -rf "$SITE/themes/default"
cp -r "$REPO/themes/default" "$SITE/themes/default"

echo "== building" >&2
"$GJ" build --root "$SITE" --output "$WORK/out-$PROFILES-$SEED" >&2

python3 - "$WORK/out-$PROFILES-$SEED" "$TOP" "$LIMIT" <<'EOF'
import gzip, os, re, sys
root, top, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
pages = []
for d, _, files in os.walk(root):
    for f in files:
        if f.endswith(".html"):
            p = os.path.join(d, f)
            raw = open(p, "rb").read()
            pages.append((len(gzip.compress(raw, 9, mtime=0)), len(raw), "/" + os.path.relpath(p, root)))
pages.sort(reverse=True)
kinds = {}
for _, _, p in pages:
    k = re.sub(r"/page/\d+/", "/page/N/", p)
    k = re.sub(r"^/(craftsmen|stories)/(?!page/)[^/]+/index\.html$", r"/\1/X/index.html", k)
    k = re.sub(r"^/(cohorts|industries|brands)/[^/]+/", r"/\1/X/", k)
    kinds[k] = kinds.get(k, 0) + 1
print(f"{len(pages)} HTML pages; the {top} largest:\n")
print("| page | HTML | gzipped |")
print("|---|---:|---:|")
for gz, raw, p in pages[:top]:
    print(f"| `{p}` | {raw / 1024:.1f} KB | {gz / 1024:.1f} KB |")
print("\npages per kind of path: " + ", ".join(f"`{k}` {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])))
over = [p for gz, _, p in pages if gz / 1024 > limit]
if over:
    print(f"\n{len(over)} page(s) over {limit:g} KB gzipped: {' '.join(over[:10])}")
    sys.exit(1)
print(f"\nno HTML page over {limit:g} KB gzipped (largest {pages[0][0] / 1024:.1f} KB)")
EOF
