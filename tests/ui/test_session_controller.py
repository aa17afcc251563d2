"""SessionController against the real simulator (it starts its own: port "simulator")."""

from __future__ import annotations

import threading

import pytest

from ide.ui.board.session_controller import SessionController
from ide.ui.console.widget import ConsoleWidget
from ide.ui.worker import Worker
from tests.helpers.event_loop_probe import EventLoopProbe

CONNECT_MS = 60000  # the first start may install the simulator's npm package
WAIT_MS = 20000


class Probe:
    """Collects what the controller signals."""

    def __init__(self, controller: SessionController) -> None:
        self.out = bytearray()
        self.states: list[str] = []
        self.errors: list[object] = []
        self.connected: list[tuple[str, str]] = []
        controller.console_bytes.connect(self.out.extend)
        controller.state_changed.connect(self.states.append)
        controller.error.connect(self.errors.append)
        controller.connected.connect(lambda port, desc: self.connected.append((port, desc)))

    def text(self) -> str:
        return self.out.decode("utf-8", "replace")


@pytest.fixture
def ctl(qtbot):
    controller = SessionController()
    probe = Probe(controller)
    controller.connect_port("simulator")
    try:
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
        qtbot.waitUntil(lambda: probe.out.endswith(b">>> "), timeout=WAIT_MS)
    except AssertionError:
        raise AssertionError(f"no simulator: {probe.errors} {probe.text()!r}") from None
    controller.probe = probe
    yield controller
    controller.shutdown()


def wait_for(qtbot, controller, tail: bytes, timeout: int = WAIT_MS) -> None:
    probe = controller.probe
    try:
        qtbot.waitUntil(lambda: tail in probe.out, timeout=timeout)
    except AssertionError:
        raise AssertionError(f"{tail!r} not in {probe.text()!r}") from None


def wait_idle_prompt(qtbot, controller) -> None:
    probe = controller.probe
    try:
        qtbot.waitUntil(
            lambda: controller.state == "idle" and probe.out.endswith(b">>> "), timeout=WAIT_MS
        )
    except AssertionError:
        raise AssertionError(f"{controller.state}: {probe.text()!r}") from None


@pytest.mark.timeout(90)
def test_connect_run_globals_and_paste_mode(ctl, qtbot):
    probe = ctl.probe
    assert probe.states[:2] == ["connecting", "idle"]
    port, description = probe.connected[0]
    assert port == "simulator" and "MicroPython" in description
    assert ctl.version and "MicroPython" in probe.text()  # the banner reached the console

    finished: list[bool] = []
    ctl.program_finished.connect(lambda: finished.append(True))
    ctl.run_program("x = 41\nprint('hi', x + 1)\n")
    assert ctl.state == "running" and ctl.is_running()
    wait_for(qtbot, ctl, b"hi 42\r\n")
    wait_idle_prompt(qtbot, ctl)
    assert finished == [True]

    ctl.send_keys(b"print(x)\r")  # the program's globals at the friendly prompt
    wait_for(qtbot, ctl, b"print(x)\r\n41\r\n>>> ")
    ctl.send_keys(b"\x05def f():\r  return 5\r\rprint(f() * x)\x04")
    wait_for(qtbot, ctl, b"205\r\n>>> ")
    assert probe.errors == []


@pytest.mark.timeout(90)
def test_input_goes_to_the_running_program(ctl, qtbot):
    ctl.run_program("n = input('n? ')\nprint('twice', 2 * int(n))\n")
    wait_for(qtbot, ctl, b"n? ")
    assert ctl.state == "running"
    ctl.send_keys(b"21\r")
    wait_for(qtbot, ctl, b"twice 42")
    wait_idle_prompt(qtbot, ctl)


@pytest.mark.timeout(90)
def test_stop_is_a_real_ctrl_c_and_finally_runs(ctl, qtbot):
    ctl.run_program(
        "try:\n    print('loop')\n    while True:\n        pass\nfinally:\n    print('cleanup')\n"
    )
    wait_for(qtbot, ctl, b"loop\r\n")
    assert ctl.is_running()
    ctl.stop()
    wait_for(qtbot, ctl, b"KeyboardInterrupt")
    wait_idle_prompt(qtbot, ctl)
    text = ctl.probe.text()
    assert "cleanup" in text and text.index("cleanup") < text.index("KeyboardInterrupt")
    assert not ctl.is_running()


@pytest.mark.timeout(90)
def test_submit_runs_on_the_worker_and_answers_on_the_gui_thread(ctl, qtbot):
    gui = threading.current_thread()
    seen: list[tuple[str, object]] = []

    def job(session):
        seen.append(("job thread", threading.current_thread() is gui))
        session.write_file("/hello.txt", "こんにちは\n".encode())
        return session.read_file("/hello.txt")

    assert isinstance(ctl.worker, Worker)  # the UI's one background worker runs board jobs
    ctl.submit(job, lambda data: seen.append(("done", (data, threading.current_thread() is gui))))
    # submit() returns at once: the job runs on the worker, and its answer can only arrive
    # through the GUI's event loop, which has not run since (so never synchronously, here)
    assert not any(kind == "done" for kind, _ in seen)
    qtbot.waitUntil(lambda: any(k == "done" for k, _ in seen), timeout=WAIT_MS)
    assert seen == [("job thread", False), ("done", ("こんにちは\n".encode(), True))]
    qtbot.waitUntil(lambda: ctl.state == "idle", timeout=WAIT_MS)

    failures: list[BaseException] = []
    ctl.submit(lambda s: s.read_file("/no such file.txt"), None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert "file" in str(failures[0]).lower()
    ctl.submit(lambda s: s.read_file("/no such file.txt"))  # no on_error: a dialog's worth
    qtbot.waitUntil(lambda: bool(ctl.probe.errors), timeout=WAIT_MS)


@pytest.mark.timeout(120)
def test_the_simulator_restarted_under_the_controller_reconnects(ctl, qtbot):
    probe = ctl.probe
    first = ctl.simulator
    first.close()  # the virtual board dies; the session's own reconnection starts a new one
    qtbot.waitUntil(lambda: "disconnected" in probe.states, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ctl.state == "idle", timeout=CONNECT_MS)
    assert len(probe.connected) == 2 and ctl.simulator is not None
    assert ctl.simulator is not first and ctl.simulator.alive
    assert probe.states[-2:] == ["reconnecting", "idle"], probe.states
    ctl.run_program("print('back', 1 + 1)\n")
    wait_for(qtbot, ctl, b"back 2")
    wait_idle_prompt(qtbot, ctl)
    assert probe.errors == []


@pytest.mark.timeout(90)
def test_release_and_reacquire_the_port(ctl, qtbot):
    assert ctl.release_port()
    assert ctl.state == "disconnected"
    ctl.reacquire_port()
    qtbot.waitUntil(lambda: ctl.state == "idle", timeout=CONNECT_MS)
    ctl.run_program("print('again')\n")
    wait_for(qtbot, ctl, b"again")


@pytest.mark.timeout(150)
def test_a_megabyte_of_output_never_stalls_the_event_loop(ctl, qtbot):
    console = ConsoleWidget(max_lines=2000)
    qtbot.addWidget(console)
    console.show()
    ctl.console_bytes.connect(console.feed)
    loop = EventLoopProbe()
    start = len(ctl.probe.out)
    loop.start()
    ctl.run_program("s = 'x' * 99\nfor i in range(10500):\n    print(s)\nprint('done')\n")
    qtbot.waitUntil(
        lambda: ctl.state == "idle" and not console.has_pending_output(), timeout=120000
    )
    loop.stop()
    assert len(ctl.probe.out) - start > 1_000_000
    assert console.toPlainText().endswith("done\n>>> ")
    assert len(loop.gaps) > 20
    print(f"1 MB: {loop.summary()}")
    assert loop.stalls() == [], loop.summary()


@pytest.mark.timeout(90)
def test_soft_reboot_clears_the_globals(ctl, qtbot):
    ctl.send_keys(b"y = 5\r")
    wait_for(qtbot, ctl, b"y = 5\r\n>>> ")
    ctl.soft_reboot()
    wait_for(qtbot, ctl, b"soft reboot")
    wait_idle_prompt(qtbot, ctl)
    ctl.send_keys(b"y\r")
    wait_for(qtbot, ctl, b"NameError")


@pytest.mark.timeout(90)
def test_a_program_deaf_to_ctrl_c_gets_the_hard_reset_offer(ctl, qtbot):
    ignored: list[bool] = []
    ctl.stop_ignored.connect(lambda: ignored.append(True))
    ctl.run_program(
        "import micropython\nmicropython.kbd_intr(-1)\nprint('deaf')\nwhile True:\n    pass\n"
    )
    wait_for(qtbot, ctl, b"deaf")
    ctl.stop()
    qtbot.waitUntil(lambda: bool(ignored), timeout=30000)  # ide.board tries Ctrl-C 3 times
    assert ctl.probe.errors == []
    ctl.hard_reset()  # the simulator's power switch: a fresh virtual board
    qtbot.waitUntil(lambda: len(ctl.probe.connected) == 2, timeout=CONNECT_MS)
    wait_idle_prompt(qtbot, ctl)
    ctl.send_keys(b"print(6 * 7)\r")
    wait_for(qtbot, ctl, b"42\r\n>>> ")


def test_the_boards_own_state_is_re_emitted_and_shown(ctl, qtbot):
    from ide.ui.board.connection import SessionStatus

    seen: list[str] = []
    ctl.board_state.connect(seen.append)
    ctl.submit(lambda s: s.listdir("/"), busy=False)
    qtbot.waitUntil(lambda: seen[-2:] == ["busy", "idle"], timeout=WAIT_MS)
    status = SessionStatus()
    status.set_state("reconnecting")
    assert "reconnecting" in status.state_label.text()


def run_and_wait(qtbot, controller, code: str) -> None:
    finished: list[bool] = []
    controller.program_finished.connect(lambda: finished.append(True))
    controller.run_program(code)
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)
    wait_idle_prompt(qtbot, controller)


@pytest.mark.timeout(90)
@pytest.mark.parametrize("keep", [False, True])
def test_each_run_starts_clean_unless_the_setting_keeps_the_state(
    ctl, qtbot, tmp_path, monkeypatch, keep
):
    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path))
    from ide.ui.settings.preferences import Preferences

    Preferences().keep_board_state = keep
    run_and_wait(qtbot, ctl, "first = 1\n")
    run_and_wait(qtbot, ctl, "second = 2\nprint('first' in globals())\n")
    wait_for(qtbot, ctl, b"True\r\n" if keep else b"False\r\n")
    ctl.send_keys(b"second * 21\r")  # the last run's globals are there at the prompt
    wait_for(qtbot, ctl, b"42\r\n>>> ")


@pytest.mark.timeout(120)
def test_erasing_the_simulators_files_asks_then_empties_its_flash_and_reconnects(
    qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from ide.ui.board import erase_simulator

    flash = tmp_path / "flash"
    monkeypatch.setenv("HOTARU_SIM_FLASH", str(flash))  # kept files, in a folder of the test's
    controller = SessionController()
    probe = Probe(controller)
    controller.probe = probe
    window = QMainWindow()
    window.controller = controller
    qtbot.addWidget(window)
    try:
        controller.connect_port("simulator")
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
        wrote: list[object] = []
        controller.submit(lambda s: s.write_file("/keep.py", b"x = 1\n"), wrote.append)
        qtbot.waitUntil(lambda: bool(wrote) and controller.state == "idle", timeout=WAIT_MS)
        assert (flash / "keep.py").exists()

        answers = iter(["cancel", "erase"])
        texts: list[str] = []

        def exec_(box: QMessageBox) -> int:
            texts.append(f"{box.text()} {box.informativeText()}")
            if next(answers) == "erase":
                box.property("erase_button").click()
            else:
                box.button(QMessageBox.StandardButton.Cancel).click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        erase_simulator.ask_and_erase(window)  # cancelled: nothing happens
        assert (flash / "keep.py").exists() and controller.state == "idle"
        assert "will be lost" in texts[0]
        erase_simulator.ask_and_erase(window)
        qtbot.waitUntil(
            lambda: len(probe.connected) == 2 and controller.state == "idle", timeout=CONNECT_MS
        )
        assert not (flash / "keep.py").exists()
        listed: list[object] = []
        controller.submit(lambda s: s.listdir("/"), listed.append)
        qtbot.waitUntil(lambda: bool(listed), timeout=WAIT_MS)
        assert "keep.py" not in [getattr(e, "name", e) for e in listed[0]], listed
        assert probe.errors == []
        assert "erased" in window.statusBar().currentMessage()
    finally:
        controller.shutdown()


def test_the_session_opened_at_start_is_the_one_the_controller_takes(qtbot):
    # `hotaru --port simulator`: ide.__main__ opens the session beside the window; connecting to
    # the simulator takes it (no second board, no second handshake)
    from ide.__main__ import _open_simulator_session
    from ide.simulator import early

    early.begin(then=_open_simulator_session)
    controller = SessionController()
    probe = Probe(controller)
    opened: list[object] = []
    real = early.take_session

    def take(board: str | None = "pico") -> object | None:
        opened.append(real(board))
        return opened[-1]

    early.take_session = take  # type: ignore[assignment]
    try:
        controller.connect_port("simulator")
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
        qtbot.waitUntil(lambda: probe.out.endswith(b">>> "), timeout=WAIT_MS)
        assert opened and opened[0] is not None
        assert controller._session is opened[0]
        assert b"MicroPython" in probe.out  # the banner shown when it opened reaches the console
        assert probe.connected and probe.connected[0][0] == "simulator"
    finally:
        early.take_session = real  # type: ignore[assignment]
        controller.shutdown()
        early._discard()
