#!/usr/bin/env bash
# The search benchmark (bench/search/main.rs), built with optimisations:
#   bench/search/run.sh [--profiles 1000,10000,100000] [--site DIR] [--work DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec cargo bench --quiet --bench search -- "$@"
