#!/usr/bin/env bash
# mypy on the package as the package `stakegraph` (the repository root is the package, so it is
# checked through a symlink named after it; relative imports resolve as installed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ln -s "$root" "$tmp/stakegraph"
cd "$tmp" && python3 -m mypy --config-file "$root/pyproject.toml" -p stakegraph
