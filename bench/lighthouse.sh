#!/usr/bin/env bash
# Lighthouse on phones: performance, accessibility, best practices and SEO of the demo site's
# home, a profile, a cohort, the statistics and the search page, with Debian's Chromium.
#
#   bench/lighthouse.sh                  # builds the demo site (debug binary) and prints a table
#   bench/lighthouse.sh --site public    # an already built site
#
# Lighthouse's default mobile settings (Moto G Power screen, simulated slow 4G, 4× CPU slowdown).
# The site is served on 127.0.0.1 by tests/browser/server.mjs. Lighthouse comes through npx
# (LIGHTHOUSE, default lighthouse@13.5.0), or LIGHTHOUSE_BIN names an installed lighthouse;
# reports go to the scratch folder as JSON.
#
# Options:
#   --site DIR   the built site (default: build content/ into a scratch folder)
#   --work DIR   scratch folder (default /tmp/gongjiang-lighthouse)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
WORK=/tmp/gongjiang-lighthouse
SITE=""
LIGHTHOUSE="${LIGHTHOUSE:-lighthouse@13.5.0}"
CHROME="${CHROMIUM:-/usr/bin/chromium}"
if [ -n "${LIGHTHOUSE_BIN:-}" ]; then LH=("$LIGHTHOUSE_BIN"); else LH=(npx --yes "$LIGHTHOUSE"); fi
while [ $# -gt 0 ]; do
  case "$1" in
    --site) SITE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$WORK"
if [ -z "$SITE" ]; then
  SITE="$WORK/site"
  BIN="${CARGO_TARGET_DIR:-$REPO/target}/debug/gongjiang"
  [ -x "$BIN" ] || cargo build --quiet --bin gongjiang
  "$BIN" build --output "$SITE" >&2
fi

# Serve the site; the server prints its URL.
node --input-type=module -e "
import { serve } from '$REPO/tests/browser/server.mjs';
const s = await serve('$SITE');
console.log(s.url);
setInterval(() => {}, 1 << 30);
" > "$WORK/url" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$WORK/url" ] && break; sleep 0.1; done
URL=$(head -n 1 "$WORK/url")

echo "| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for page in "home /" "profile /craftsmen/ou-zhijian/" "cohort /cohorts/2018/" "stats /stats/" "search /search/"; do
  set -- $page
  out="$WORK/$1.json"
  CHROME_PATH="$CHROME" "${LH[@]}" "$URL$2" --quiet --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$WORK/$1.log" || {
    echo "| $1 | lighthouse failed: see $WORK/$1.log | | | | | | |"; continue; }
  node -e "
const r = require('$out');
const c = r.categories, a = r.audits;
const s = (k) => Math.round(c[k].score * 100);
console.log('| $1 | ' + [s('performance'), s('accessibility'), s('best-practices'), s('seo'),
  a['largest-contentful-paint'].displayValue, a['cumulative-layout-shift'].displayValue,
  a['total-blocking-time'].displayValue].join(' | ') + ' |');
"
done
