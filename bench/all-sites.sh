#!/usr/bin/env bash
# Times the city site alone against the city site and every union site, on one corpus.
#
#   bench/all-sites.sh BIN ROOT [RUNS]
#   bench/all-sites.sh target/release/gongjiang /tmp/u1000 5
#
# BIN is the gongjiang binary, ROOT a site (content/ and themes/), e.g. one written by
#   gen_corpus --profiles 1000 --unions 56 --district 2000 --seed 1 --out /tmp/u1000
# RUNS (default 5) timed rounds of each of
#   gongjiang build --root ROOT --output DIR               (the city site)
#   gongjiang build --root ROOT --all-sites --output DIR   (the city site and every union site
#                                                           with a `site:`)
# paired in the same round, after one untimed build of each to warm the caches. Prints the
# median wall and CPU (user + system) times of both, in seconds, and their ratio.
#
# Every build writes into a new folder of its own under one temporary folder (the union sites
# land wherever --all-sites puts them, next to or inside it); nothing is deleted until the end
# (see bench/run.sh on why). The script only looks at times and exit statuses.
#
# Exits 2 when BIN has no `--all-sites` (the flag does not exist yet in that build), 1 when a
# build fails. Needs GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ] || [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
  sed -n '2,21p' "$0" >&2
  exit 2
fi
GJ=$1
ROOT=$2
RUNS=${3:-5}
case "$RUNS" in
  '' | *[!0-9]* | 0) echo "RUNS must be a positive whole number, not '$RUNS'" >&2; exit 2 ;;
esac
if [ ! -x "$GJ" ]; then
  echo "not an executable: $GJ" >&2
  exit 2
fi
if [ ! -d "$ROOT/content" ]; then
  echo "not a site (no content/ folder): $ROOT" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: apt-get install time" >&2
  exit 2
fi
if ! "$GJ" build --help 2>/dev/null | grep -q -- '--all-sites'; then
  echo "$GJ does not know 'build --all-sites' (not in its 'build --help'): build a gongjiang that has it" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/all-sites.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# time_run OUTFILE cmd… : runs under GNU time, records "wall cpu".
time_run() {
  local out=$1; shift
  local log=$WORK/time.log
  if ! /usr/bin/time -v "$@" >/dev/null 2>"$log"; then
    cat "$log" >&2
    echo "command failed: $*" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time \(seconds\)/ { u = $2 }
    /System time \(seconds\)/ { s = $2 }
    END { printf "%.3f %.2f\n", w, u + s }' "$log" >>"$out"
}

# median FILE COLUMN
median() {
  awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

# Each build gets a folder of its own: --output DIR inside it, the union sites next to DIR.
city() { mkdir -p "$WORK/$1"; time_run "$2" "$GJ" build --root "$ROOT" --output "$WORK/$1/public"; }
all() { mkdir -p "$WORK/$1"; time_run "$2" "$GJ" build --root "$ROOT" --all-sites --output "$WORK/$1/public"; }

echo "== warming up" >&2
city warm-city "$WORK/warm.times"
all warm-all "$WORK/warm.times"
: >"$WORK/city.times"
: >"$WORK/all.times"
for i in $(seq 1 "$RUNS"); do
  echo "== round $i of $RUNS" >&2
  city "city-$i" "$WORK/city.times"
  all "all-$i" "$WORK/all.times"
done

CW=$(median "$WORK/city.times" 1); CC=$(median "$WORK/city.times" 2)
AW=$(median "$WORK/all.times" 1); AC=$(median "$WORK/all.times" 2)
echo "$ROOT, median of $RUNS runs, wall and CPU (user + system) in seconds; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| build | wall | CPU |"
echo "|---|---:|---:|"
echo "| city site (build) | $CW | $CC |"
echo "| all sites (build --all-sites) | $AW | $AC |"
echo "| ratio (all / city) | $(ratio "$AW" "$CW") | $(ratio "$AC" "$CC") |"
