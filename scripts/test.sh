#!/usr/bin/env bash
# Install what the tests need and run them all: Debian's chromium (browser tests of the HTML
# export), the package with its `test` extra (pytest, arcadedb-embedded for the real Bolt server,
# hypothesis, playwright driving the system chromium, ruff, mypy), then runs ruff, mypy and
# pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  else
    echo "note: chromium is not installed; browser tests will be skipped" >&2
  fi
fi
python3 -m pip install -q --disable-pip-version-check -e '.[test]'
python3 -m ruff check .
bash scripts/typecheck.sh
exec python3 -m pytest "$@"
