#!/usr/bin/env bash
# Install everything the test suite needs, then run it. README's test command; .ci/run calls it.
#   bash tests/run.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/system-deps.sh
VENV=${HOTARU_TEST_VENV:-.venv-test}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
exec "$VENV/bin/python" -m pytest "$@"
