"""Shared test set-up: Qt offscreen, the virtual board fixture, skips that fail under CI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ("pytester",)  # tests/test_conftest_rails.py runs small suites through this file


# --- virtual board (owner: sim) -------------------------------------------------------------
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def _sim_spares():
    from ide.simulator.spare import SpareBoards

    spares = SpareBoards()
    yield spares
    spares.close()


@pytest.fixture
def sim(_sim_spares):
    """A fresh, ready virtual MicroPython board (ide.simulator) for one test; closed after.

    ``sim.port`` is its /dev/pts/N path; ``sim.pin_events("LED")`` what the program did to a pin,
    ``sim.set_pin(14, 0)`` drives an input. (The next test's board starts in the background.)
    """
    board = _sim_spares.take()
    try:
        yield board
    finally:
        board.close()


# --- skips fail under CI (HOTARU_REQUIRE_ALL=1, set by .ci/run) --------------------------------
# A developer without, say, xvfb or Node.js gets a skip; CI has everything installed, so there a
# skip means a tool went missing and the test never ran: report it as a failure instead.


def _require_all() -> bool:
    return os.environ.get("HOTARU_REQUIRE_ALL", "") not in ("", "0")


def _as_failure(report: pytest.TestReport | pytest.CollectReport) -> None:
    if not report.skipped or hasattr(report, "wasxfail"):  # an expected failure is not a skip
        return
    # a skip's longrepr is (file, line, reason)
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped, and HOTARU_REQUIRE_ALL=1 says nothing may skip: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report: pytest.TestReport = yield
    if _require_all():
        _as_failure(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport:
    report: pytest.CollectReport = yield  # a module-level skip or importorskip lands here
    if _require_all():
        _as_failure(report)
    return report
