#!/usr/bin/env bash
# Install everything the test suite needs, check lint, import layers and types, then run the
# tests. README's test command; .ci/run calls it (in a fresh venv, with HOTARU_REQUIRE_ALL=1).
#   bash tests/run.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/system-deps.sh
VENV=${HOTARU_TEST_VENV:-.venv-test}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
# The editor's MicroPython stubs (pinned, hash-checked; a wheel build fetches them in setup.py,
# an editable install does not run that step)
"$VENV/bin/python" -c 'import runpy, sys; sys.argv = ["setup.py"]; g = runpy.run_path("setup.py", run_name="fetch"); g["fetch_stubs"]()'
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# Guard rails before the tests (configured in pyproject.toml); any failure stops the run here.
"$VENV/bin/python" -m ruff check .        # lint, the whole tree (tools/ and bench/ too)
"$VENV/bin/lint-imports" --no-logo        # import layers: no Qt below ide/ui, arrows point down
"$VENV/bin/python" -m mypy                # types of the Qt-free packages ([tool.mypy] files)
exec "$VENV/bin/python" -m pytest "$@"
