#!/usr/bin/env bash
# The search benchmark (bench/search/main.rs), built with optimisations, over sites made by
# examples/gen_corpus.rs (seed 1; kept under --work and reused) or given with --site:
#   bench/search/run.sh [--profiles 1000,10000,100000] [--site DIR]... [--work DIR]
#                       [--check N | --index-only N]
set -euo pipefail
cd "$(dirname "$0")/../.."
profiles=""
work="${TMPDIR:-/tmp}/gongjiang-search-bench"
sites=()
rest=()
while [ $# -gt 0 ]; do
    case "$1" in
        --profiles) profiles="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --site) sites+=(--site "$2"); shift 2 ;;
        *) rest+=("$1"); shift ;;
    esac
done
if [ -z "$profiles" ] && [ ${#sites[@]} -eq 0 ]; then
    profiles=1000,10000
fi
for n in ${profiles//,/ }; do
    dir="$work/site-$n"
    if [ ! -f "$dir/content/site.yaml" ]; then
        rm -rf "$dir"
        mkdir -p "$work"
        cargo run --quiet --release --example gen_corpus -- --profiles "$n" --seed 1 --out "$dir"
    fi
    sites+=(--site "$dir")
done
exec cargo bench --quiet --bench search -- "${sites[@]}" ${rest[@]+"${rest[@]}"}
