"""The suite's own rails in tests/conftest.py: under CI (HOTARU_REQUIRE_ALL=1) a skip fails."""

from __future__ import annotations

from pathlib import Path

import pytest

# tests/conftest.py, from here or from a subfolder of tests/
CONFTEST = next(
    folder / "conftest.py"
    for folder in Path(__file__).resolve().parents
    if (folder / "conftest.py").is_file()
).read_text(encoding="utf-8")

SKIPPING = """
import pytest

def test_runs():
    pass

def test_needs_a_tool():
    pytest.skip("xvfb-run not found")

@pytest.mark.xfail(reason="known")
def test_expected_failure():
    assert False
"""


def _run(pytester: pytest.Pytester) -> pytest.RunResult:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_tool=SKIPPING)
    return pytester.runpytest_inprocess("-p", "no:cacheprovider")


def test_a_skip_is_a_skip_for_a_developer(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HOTARU_REQUIRE_ALL", raising=False)
    result = _run(pytester)
    result.assert_outcomes(passed=1, skipped=1, xfailed=1)


def test_a_skip_fails_under_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTARU_REQUIRE_ALL", "1")
    result = _run(pytester)
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(["*HOTARU_REQUIRE_ALL=1*xvfb-run not found*"])


def test_a_module_level_skip_fails_under_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOTARU_REQUIRE_ALL", "1")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_gone='import pytest\npytest.importorskip("no_such_tool_here")\n')
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*HOTARU_REQUIRE_ALL=1*no_such_tool_here*"])
