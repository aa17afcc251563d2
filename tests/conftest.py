"""Shared test set-up: Qt offscreen, the virtual board fixture, skips that fail under CI."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ("pytester",)  # test_conftest_rails.py runs small suites through this file


# --- virtual board (owner: sim) -------------------------------------------------------------
import itertools  # noqa: E402

import pytest  # noqa: E402

# Virtual boards started by tests (the GUI's "Simulator", ide.simulator.start()) keep their
# files in memory, never in the user's own simulator folder; tests of the kept files pass
# start(flash=tmp_path / "flash").
os.environ.setdefault("HOTARU_SIM_FLASH", ":memory:")
# Nothing a test does may land in the user's own per-user data (autosave copies, packages).
os.environ.setdefault("HOTARU_DATA_DIR", tempfile.mkdtemp(prefix="hotaru-test-data-"))


@pytest.fixture(scope="session")
def _sim_spares(tmp_path_factory):
    from ide.simulator.spare import SpareBoards

    base = tmp_path_factory.mktemp("sim-flash")
    numbers = itertools.count()
    # each board gets a fresh, empty flash folder of its own (the files really go to disk)
    spares = SpareBoards(flash=lambda: base / str(next(numbers)) / "flash")
    yield spares
    spares.close()


@pytest.fixture
def sim(_sim_spares):
    """A fresh, ready virtual MicroPython board (ide.simulator) for one test; closed after.

    ``sim.port`` is its /dev/pts/N path, ``sim.connect()`` an in-process serial line,
    ``sim.flash_folder`` where its files are kept (a fresh temporary folder);
    ``sim.pin_events("LED")`` what the program did to a pin,
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


# --- markers: sim, ui, slow (registered in pyproject.toml) ------------------------------------
# Applied here from what a test uses, so a new test is marked without anyone remembering to:
#   sim   uses the virtual board: the `sim` fixture, or it starts one itself (table)
#   ui    needs Qt: the qtbot/qapp fixture, or its module imports PySide6 or ide.ui
#   slow  builds a wheel, runs tools in subprocesses or takes seconds without a board (table)
# `pytest -m "not sim and not slow"` is the quick inner loop (README, ARCHITECTURE.md).
# Tables hold file stems (and stem::test names), so they survive tests moving into subfolders.

_STARTS_ITS_OWN_SIMULATOR = {
    "test_console_session",  # the IDE on port "simulator"
    "test_session_controller",  # the controller on port "simulator"
    "test_simulator_board",  # ide.simulator.start() and python -m ide.simulator
    "test_simulator_mpremote",
    "test_editor_board::test_closing_the_window_waits_for_a_board_save",  # real controller
    # arriving with the restructuring branches: connect("simulator"), the IDE on the simulator
    "test_board_transport",
    "test_simulator_transport",
    "test_rescue_dialog",  # the rescue dialog with the controller on port "simulator"
    "test_recovery_kill",
    "test_simulator_boards",  # start(board="pico" / "esp32")
    "test_simulator_ports",  # the same
    "test_explain_ports_simulator",  # the same, through ide.board.connect
    "test_board_view",  # the controller on port "simulator", each simulated board
    "test_packaging::test_wheel_simulator_offline_without_node",  # the installed wheel's board
    "test_simulator_early",  # ide.simulator.early starts the default board
    "test_board_greeting",  # connect("simulator") on a slow (1200 baud) board
}
_SLOW = {
    "test_packaging",  # builds the wheel, installs it into a fresh venv
    "test_firmware_esp",  # real esptool against the ROM-loader simulator, in a subprocess each
    "test_firmware_install",  # the same, headless install steps (arriving with the fw branch)
    "test_recovery_kill",  # two real IDE processes, one killed (arriving with autosave)
    # measured at 1-4 s each without a board (timeouts waited out, large transfers, tools run)
    "test_board_ports::test_boards_that_do_not_answer_are_diagnosed",
    "test_files_board_ops::test_cancelled_upload_leaves_the_old_file",
    "test_files_pane::test_cancel_in_the_middle_of_a_large_upload_keeps_old_file",
    "test_install_wizard::test_cancel_during_install_stops_then_trying_again_works",
    "test_install_wizard::test_esp8266_from_a_local_file_end_to_end",  # esptool, ROM simulator
    "test_install_wizard::test_esp32s3_from_the_catalogue_end_to_end",
    "test_esptool_lines::test_real_esptool_lines_are_all_known_and_translated",
    "test_i18n_catalogue::test_check_notices_new_code_strings_and_stale_qm",
    "test_main_window::test_first_frame_does_not_import_the_panes_or_the_board",
    # the rescue sequence's listening and Ctrl-C bursts at a port that never answers (~2.5 s)
    "test_rescue_pico::test_a_pico_that_never_answers_is_rescued_through_bootsel_in_the_same_run",
}
_QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:PySide6|shiboken6|ide\.ui)\b", re.MULTILINE)
_imports_qt: dict[Path, bool] = {}


def _module_imports_qt(path: Path) -> bool:
    if path not in _imports_qt:
        _imports_qt[path] = bool(_QT_IMPORT.search(path.read_text(encoding="utf-8")))
    return _imports_qt[path]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        stem = item.path.stem
        name = f"{stem}::{getattr(item, 'originalname', item.name)}"
        fixtures = set(getattr(item, "fixturenames", ()))
        if "sim" in fixtures or {stem, name} & _STARTS_ITS_OWN_SIMULATOR:
            item.add_marker(pytest.mark.sim)
        if fixtures & {"qtbot", "qapp"} or _module_imports_qt(item.path):
            item.add_marker(pytest.mark.ui)
        if {stem, name} & _SLOW:
            item.add_marker(pytest.mark.slow)
