#!/usr/bin/env bash
# Prints one hash for a whole output tree (paths and bytes): equal hashes, byte-identical sites.
#   bench/treehash.sh public/
set -euo pipefail
cd "$1"
find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
