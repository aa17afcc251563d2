"""Help > Connection doctor…: the dialog's watch, probe and verdict pages (fake snapshots)."""

from __future__ import annotations

import threading

from ide.core.doctor import Kind, Snapshot, verdicts
from ide.core.doctor.system import UsbDevice
from ide.ui.doctor import DoctorDialog


class Clock:
    """Snapshots the test hands out one by one (the last repeats)."""

    def __init__(self, *snaps: Snapshot) -> None:
        self.snaps = list(snaps)

    def __call__(self) -> Snapshot:
        return self.snaps.pop(0) if len(self.snaps) > 1 else self.snaps[0]


def test_a_new_port_is_probed_and_its_verdict_offers_the_rescue(qtbot, monkeypatch):
    import ide.core.doctor.watch as watch

    monkeypatch.setattr(watch, "SETTLE", 0.0)  # probe the new port at the next tick
    asked: list[str] = []
    done = threading.Event()

    def fake_probe(port: str):
        asked.append(port)
        done.set()
        return verdicts.busy(port)

    dev = UsbDevice("1-2", 0x2E8A, 0x0005, "E6", "Board in FS mode", ("ttyACM0",))
    snaps = Clock(Snapshot(), Snapshot({"1-2": dev}, {"/dev/ttyACM0": (0x2E8A, 5)}))
    dialog = DoctorDialog(snapshot=snaps, probe_port=fake_probe)
    qtbot.addWidget(dialog)
    dialog.start_watch()
    assert dialog.pages.currentIndex() == 0
    qtbot.waitUntil(lambda: dialog.verdict is not None, timeout=10000)
    assert asked == ["/dev/ttyACM0"]
    assert dialog.verdict.kind == Kind.BUSY and dialog.pages.currentIndex() == 2
    assert dialog.action_button.text() == "Rescue the board…"
    assert "/dev/ttyACM0" in dialog.sentence_label.text()


def test_nothing_happens_gives_the_cable_verdict(qtbot):
    dialog = DoctorDialog(snapshot=lambda: Snapshot(), probe_port=lambda p: None)
    qtbot.addWidget(dialog)
    dialog.start_watch()
    dialog.nothing_button.click()
    assert dialog.verdict is not None and dialog.verdict.kind == Kind.NO_DEVICE
    assert not dialog.action_button.isVisibleTo(dialog)
    assert dialog.again_button.isVisibleTo(dialog)


def test_a_command_verdict_shows_the_command_to_copy(qtbot):
    dialog = DoctorDialog(snapshot=lambda: Snapshot(), probe_port=lambda p: None)
    qtbot.addWidget(dialog)
    dialog.show_verdict(verdicts.permission("/dev/ttyUSB0", "dialout", "ann", False))
    assert dialog.command_edit.text() == "sudo usermod -aG dialout ann"
    assert dialog.command_row.isVisibleTo(dialog)
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "sudo usermod -aG dialout ann"


def test_every_kind_has_a_title(qtbot):
    dialog = DoctorDialog(snapshot=lambda: Snapshot(), probe_port=lambda p: None)
    qtbot.addWidget(dialog)
    assert all(dialog.title_for(kind) for kind in Kind)


def test_the_help_menu_opens_the_doctor(qtbot):
    from ide.ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.doctor_action.text() == "&Connection doctor…"

    window.doctor_action.trigger()
    dialog = window.findChild(DoctorDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_the_doctor_leaves_the_simulator_connected_and_does_not_offer_to_check_it(qtbot):
    """The simulator holds no port and is not what the doctor examines: opening the doctor
    while connected to it keeps that session (before, it was closed, and "Check simulator
    instead" then blamed a loose cable)."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from ide.ui.board.session_controller import SessionController
    from ide.ui.doctor import open_doctor

    controller = SessionController()
    window = QWidget()
    qtbot.addWidget(window)
    window.controller = controller  # what open_doctor looks for on the main window
    try:
        controller.connect_port("simulator")
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
        dialog = open_doctor(window)
        assert dialog.port is None
        assert not dialog.check_button.isVisibleTo(dialog)
        assert controller.is_connected() and controller.state == "idle"
        dialog.nothing_button.click()  # the watch's verdict: still connected
        assert dialog.verdict is not None and controller.is_connected()
        dialog.reject()  # (deleted on close: wait for that while its parent still lives)
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    finally:
        controller.shutdown()


def test_closing_the_dialog_while_a_port_is_asked_raises_nothing(qtbot):
    """The probe runs on a thread; the dialog deleted on close before it answers: the answer
    goes nowhere, quietly (it raised "Signal source has been deleted" in that thread)."""
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    asked = threading.Event()
    answer = threading.Event()
    done = threading.Event()
    failures: list[BaseException] = []

    def slow_probe(port: str):
        asked.set()
        answer.wait(10)
        return verdicts.busy(port)

    window = QWidget()
    qtbot.addWidget(window)
    dialog = DoctorDialog(window, snapshot=lambda: Snapshot(), probe_port=slow_probe)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    original = dialog._probe_in_thread

    def watched(port: str) -> None:
        try:
            original(port)
        except BaseException as e:  # noqa: BLE001 - what the thread would raise
            failures.append(e)
        finally:
            done.set()

    dialog._probe_in_thread = watched
    dialog.check_port("/dev/ttyACM0")
    assert asked.wait(10)
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    answer.set()
    assert done.wait(10) and failures == []


def test_checking_a_port_that_is_not_there_says_it_is_unplugged(qtbot, tmp_path):
    """"Check /dev/ttyUSB0 instead" for the port last used, now unplugged: the doctor said it
    "appeared and vanished again" (a loose cable, a board that keeps restarting)."""
    asked: list[str] = []
    there = tmp_path / "ttyUSB1"
    there.write_text("")

    def fake_probe(port: str):
        asked.append(port)
        return verdicts.ok(port)

    gone = str(tmp_path / "ttyUSB0")
    dialog = DoctorDialog(None, None, gone, snapshot=lambda: Snapshot(), probe_port=fake_probe)
    qtbot.addWidget(dialog)
    dialog.start_watch()
    dialog.check_button.click()
    assert asked == []  # nothing to open
    assert dialog.verdict is not None and dialog.verdict.kind == Kind.NO_DEVICE
    assert gone in dialog.sentence_label.text() and "unplugged" in dialog.sentence_label.text()
    assert "vanished" not in dialog.sentence_label.text()
    assert dialog.again_button.isVisibleTo(dialog) and not dialog.action_button.isVisibleTo(dialog)

    dialog.port = str(there)  # a port that is there is asked as before
    dialog.start_watch()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: asked == [str(there)], timeout=10000)
    qtbot.waitUntil(lambda: dialog.verdict is not None, timeout=10000)


def test_what_the_board_sent_is_said_to_be_that(qtbot):
    dialog = DoctorDialog(snapshot=lambda: Snapshot(), probe_port=lambda p: None)
    qtbot.addWidget(dialog)
    dialog.show_verdict(verdicts.not_micropython("/dev/ttyUSB0", "B0 B1 B2"))
    assert dialog.detail_label.text() == "What the board sent:\nB0 B1 B2"
    dialog.show_verdict(verdicts.no_driver(0x1A86, 0x7523, "win32"))
    assert dialog.detail_label.text() == "USB 1A86:7523"  # not from the board: no caption


def test_a_long_verdict_is_never_cut_off(qtbot):
    """The bytes a board sent, several lines of them, were cut at the dialog's first height."""
    dialog = DoctorDialog(snapshot=lambda: Snapshot(), probe_port=lambda p: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_verdict(
        verdicts.not_micropython("/dev/ttyUSB0", " ".join(f"{b:02X}" for b in range(80, 256)))
    )
    qtbot.wait(50)
    for label in (dialog.sentence_label, dialog.todo_label, dialog.detail_label):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
