"""Tools > Rescue board…: the dialog rescues the board the IDE is connected to (the built-in
simulator, through its power switch) and the session takes the board back."""

from __future__ import annotations

from ide.core.rescue import Cause, RescueReport
from ide.text import Message
from ide.ui.rescue import RescueDialog

MAIN = "import micropython\nmicropython.kbd_intr(-1)\nprint('looping')\nwhile True: pass\n"


def test_the_dialog_rescues_the_connected_simulator_and_gives_the_board_back(qtbot):
    from ide.ui.board.session_controller import SessionController

    controller = SessionController()
    try:
        controller.connect_port("simulator")
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
        session = controller.session
        session.write_file("main.py", MAIN.encode())
        session.write_file("data.txt", b"keep")
        # switched on again: main.py runs, Ctrl-C is off (caught in the boot or not, the
        # rescue must end with main.py disabled and every file there)
        controller.virtual_board.power_cycle()
        dialog = RescueDialog(None, controller)
        qtbot.addWidget(dialog)
        dialog.start()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        report = dialog.report
        assert report.ok and report.cause == Cause.KBD_INTR
        assert report.renamed == [("main.py", "main_disabled.py")]
        assert "main_disabled.py" in dialog.result.text()
        assert dialog.steps.count() >= 3 and dialog.close_button.isEnabled()
        names = sorted(e.name for e in controller.session.listdir("/"))
        assert names == ["data.txt", "main_disabled.py"]
    finally:
        controller.shutdown()


def test_a_board_that_never_answers_offers_the_installer(qtbot):
    def run(progress, ask) -> RescueReport:
        progress(Message("Rescue", "The board did not answer."))
        return RescueReport(ok=False)

    dialog = RescueDialog(None, None, run_rescue=run)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.install_button.isVisibleTo(dialog)
    assert "erase all flash" in dialog.result.text()


def test_an_esp_board_that_never_answers_is_rescued_below_micropython_in_the_same_run(
    qtbot, tmp_path, monkeypatch
):
    """No separate button: when no prompt comes, the next step asks (Yes/No in the dialog),
    goes through the ROM loader, and the report says where the files are, with Open folder."""
    from tests.firmware.test_firmware_esp_files import FILES, VFS_OFFSET, VFS_SIZE, _image, _table
    from tests.helpers.esp_rom_sim import EspRomSim

    opened = []
    with EspRomSim("esp32") as rom:  # only the ROM loader: the port never gives a prompt
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        dialog = RescueDialog(None, None, rom.port)
        qtbot.addWidget(dialog)
        dialog.folder = tmp_path / "saved"
        monkeypatch.setattr("ide.core.rescue.sequence.REPLUG_WAIT_S", 1.0)  # nobody replugs
        monkeypatch.setattr("ide.firmware.esp_files.READ_CHUNK", 16 * 1024)  # 4 pieces
        dialog.start()
        qtbot.waitUntil(lambda: dialog.question_box.isVisibleTo(dialog), timeout=60000)
        assert str(tmp_path / "saved") in dialog.question.text()
        assert not any(tmp_path.iterdir())  # nothing read before the user said yes
        dialog.yes_button.click()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    report = dialog.report
    assert report.fixed and not dialog.install_button.isVisibleTo(dialog)
    for name, data in FILES.items():
        assert (tmp_path / "saved" / name).read_bytes() == data
    text = dialog.result.text()
    assert str(tmp_path / "saved") in text and "main_disabled.py" in text
    steps = [dialog.steps.item(i).text() for i in range(dialog.steps.count())]
    assert any("bootloader" in s for s in steps)
    # how far the read and the write are, each on one line that moves (as the Pico's)
    reading = [s for s in steps if s.startswith("Reading the board's flash")]
    assert reading == ["Reading the board's flash: 64 of 64 KB…"], steps
    assert len([s for s in steps if s.startswith("Writing the changed sectors")]) == 1, steps
    assert dialog.folder_button.isVisibleTo(dialog)
    dialog.open_folder = lambda: opened.append(dialog._folder())
    dialog.folder_button.clicked.disconnect()
    dialog.folder_button.clicked.connect(dialog.open_folder)
    dialog.folder_button.click()
    assert opened == [tmp_path / "saved"]


def test_offline_the_firmware_for_a_reinstall_is_a_file_the_user_picks(
    qtbot, tmp_path, monkeypatch
):
    import threading
    import types

    from PySide6.QtWidgets import QFileDialog

    from ide.ui.firmware.common import CATALOG_URL_ENV

    monkeypatch.setenv(CATALOG_URL_ENV, "http://127.0.0.1:9")  # nothing listens: offline
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # and no saved list
    picked = tmp_path / "mine.bin"
    titles = []

    def pick(parent, title, folder, filters):
        titles.append(title)
        return str(picked), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    dialog = RescueDialog(None, None, "/dev/ttyUSB0")
    qtbot.addWidget(dialog)
    chip = types.SimpleNamespace(name="ESP32", has_psram=False, flash_size=4 << 20)
    found = []
    threading.Thread(target=lambda: found.append(dialog.find_firmware(chip)), daemon=True).start()
    qtbot.waitUntil(lambda: bool(found), timeout=30000)
    assert found == [picked] and "ESP32" in titles[0]


def test_online_the_firmware_for_a_reinstall_is_the_catalogues_latest_for_the_chip(qtbot, tmp_path):
    import threading
    import types

    from ide.firmware.catalog import Catalog
    from tests.helpers.firmware_server import FirmwareServer

    server = FirmwareServer().start()
    try:
        cat = Catalog(server.base_url, cache=tmp_path / "cache", timeout=5)
        dialog = RescueDialog(None, None, "/dev/ttyUSB0", catalog=cat)
        qtbot.addWidget(dialog)
        chip = types.SimpleNamespace(name="ESP32-S3", has_psram=False, flash_size=8 << 20)
        found = []
        threading.Thread(
            target=lambda: found.append(dialog.find_firmware(chip)), daemon=True
        ).start()
        qtbot.waitUntil(lambda: bool(found), timeout=30000)
    finally:
        server.close()
    assert found[0].name == "ESP32_GENERIC_S3-20250415-v1.25.0.bin"  # stable, not the preview
    assert any(
        "ESP32_GENERIC_S3-20250415" in dialog.steps.item(i).text()
        for i in range(dialog.steps.count())
    )


def test_escape_at_a_question_answers_no_and_the_dialog_waits_for_the_rescue(qtbot):
    from PySide6.QtCore import Qt

    from ide.core.rescue.under import QUESTION_CTX

    answers = []

    def run(progress, ask) -> RescueReport:
        answers.append(ask(Message(QUESTION_CTX, "Erase and reinstall now?")))
        return RescueReport(ok=False)

    dialog = RescueDialog(None, None, run_rescue=run)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.question_box.isVisible(), timeout=10000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert answers == [False]
    assert dialog.isVisible()  # still there to show what happened


def test_a_pico_that_never_answers_says_what_erase_would_lose_and_offers_the_installer(qtbot):
    from ide.core.rescue.under import UnderResult

    def run(progress, ask) -> RescueReport:
        return RescueReport(ok=False, under=UnderResult(family="pico", nothing_saved_warning=True))

    dialog = RescueDialog(None, None, run_rescue=run)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.install_button.isVisibleTo(dialog)
    assert not dialog.folder_button.isVisibleTo(dialog)
    assert "every file on the board is lost" in dialog.result.text()


class _SilentPort:
    """A port on which nothing ever answers (a board whose USB never comes up)."""

    reset_lines = None
    serial_number = None
    name = "/dev/ttyUSB9"

    def __init__(self) -> None:
        self.closed = False

    def read(self, n: int, timeout: float) -> bytes:
        import time

        time.sleep(min(timeout, 0.05))
        return b""

    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class _LendingSession:
    def __init__(self) -> None:
        self.port = _SilentPort()
        self.calls: list[str] = []

    def lend_transport(self):
        self.calls.append("lend")
        return self.port

    def take_back(self, transport=None) -> None:
        self.calls.append("take_back")

    def reacquire(self, port=None, timeout=10.0) -> None:
        self.calls.append("reacquire")


def test_after_going_under_the_connected_session_opens_the_port_anew(qtbot, tmp_path, monkeypatch):
    """The session lent its open port; the bootloader step closed it, so the session must
    reacquire the port (not take back a closed transport)."""
    import types

    monkeypatch.setattr("ide.core.rescue.sequence.REPLUG_WAIT_S", 1.0)  # nobody replugs
    monkeypatch.setattr("ide.core.rescue.under.family_of", lambda port: "esp")
    session = _LendingSession()
    controller = types.SimpleNamespace(session=session, port="/dev/ttyUSB9", virtual_board=None)
    dialog = RescueDialog(None, controller)
    qtbot.addWidget(dialog)
    dialog.folder = tmp_path / "saved"
    dialog.start()
    qtbot.waitUntil(lambda: dialog.question_box.isVisibleTo(dialog), timeout=30000)
    assert session.port.closed  # given up before the question: esptool needs the port
    # the replug wait is over: "unplug the cable" no longer stands above the question
    assert "Unplug" not in dialog.instruction.text(), dialog.instruction.text()
    dialog.no_button.click()  # the user does not want the chip touched
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    assert dialog.report.under.declined
    assert session.calls == ["lend", "reacquire"]


def _pico_in_the_dialog(qtbot, tmp_path, monkeypatch):
    """A connected Pico whose port never answers; its BOOTSEL device (the PICOBOOT simulator)
    is not there until the test plugs it in. The dialog runs up to the BOOTSEL instruction."""
    import types

    from tests.firmware.test_firmware_picoboot import FILES, PICO
    from tests.helpers.picoboot_sim import PicobootSim, micropython_flash

    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.present = False
    sim.install(monkeypatch)
    monkeypatch.setattr("ide.core.rescue.sequence.REPLUG_WAIT_S", 0.5)  # nobody replugs
    monkeypatch.setattr("ide.core.rescue.under.family_of", lambda port: "pico")  # 2e8a:0005
    session = _LendingSession()
    controller = types.SimpleNamespace(
        session=session,
        port="/dev/ttyACM0",
        virtual_board=None,
        files_changed=types.SimpleNamespace(emit=lambda: session.calls.append("files_changed")),
    )
    dialog = RescueDialog(None, controller)
    qtbot.addWidget(dialog)
    dialog.folder = tmp_path / "saved"
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: "BOOTSEL button" in dialog.instruction.text(), timeout=30000)
    return dialog, sim, session


def test_a_pico_that_never_answers_is_rescued_through_bootsel_in_the_dialog(
    qtbot, tmp_path, monkeypatch
):
    from tests.firmware.test_firmware_picoboot import FILES, PICO, _files, _local

    dialog, sim, session = _pico_in_the_dialog(qtbot, tmp_path, monkeypatch)
    assert dialog.instruction.isVisible() and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.steps.count() and "BOOTSEL mode" in _last_step(dialog))
    assert not (tmp_path / "saved").exists()  # nothing read while it waits
    sim.present = True  # the user plugs it in with BOOTSEL held
    qtbot.waitUntil(lambda: dialog.question_box.isVisible(), timeout=30000)
    assert "main_disabled.py" in dialog.question.text()
    assert "Keep it plugged in" in dialog.instruction.text()
    assert _local(tmp_path / "saved") == FILES  # copied before the question
    dialog.yes_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    report = dialog.report
    assert report.fixed and report.under.family == "pico" and report.under.written_back
    assert "main_disabled.py" in _files(sim.flash[PICO["fs_offset"] :])
    text = dialog.result.text()
    assert str(tmp_path / "saved") in text and "main_disabled.py" in text
    assert dialog.folder_button.isVisible() and not dialog.install_button.isVisible()
    # MicroPython's port opened anew, the Files pane told the board's files changed
    assert session.calls == ["lend", "reacquire", "files_changed"]


def test_escape_while_waiting_for_bootsel_ends_the_rescue_and_offers_the_installer(
    qtbot, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt

    dialog, sim, _session = _pico_in_the_dialog(qtbot, tmp_path, monkeypatch)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the user gives up instead of plugging it in
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    assert dialog.isVisible() and sim.log == []
    assert "No Pico in BOOTSEL mode appeared" in dialog.result.text()
    assert dialog.install_button.isVisible() and not dialog.folder_button.isVisible()


def _last_step(dialog) -> str:
    return dialog.steps.item(dialog.steps.count() - 1).text()


def test_the_main_window_does_not_close_while_a_rescue_runs(qtbot):
    import threading

    from PySide6.QtWidgets import QMainWindow

    go_on = threading.Event()

    def run(progress, ask) -> RescueReport:
        go_on.wait(60)  # the rescue is writing (bounded: a broken test cannot hang forever)
        return RescueReport(ok=True)

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    dialog = RescueDialog(window, None, run_rescue=run)
    dialog.show()
    dialog.start()
    try:
        assert not window.close()  # refused: the rescue thread would die with the app
        assert window.isVisible()
        assert dialog.refusal is not None and dialog.refusal.isVisible()
        assert "Wait until it finishes" in dialog.refusal.text()
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.refusal.isVisible()
    assert window.close()  # once it has finished, the window closes as before


def _fully_shown(label) -> bool:
    """Has ``label`` the height its word-wrapped text needs at its width (nothing cut off)?"""
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def test_a_long_question_and_the_report_are_never_cut_off(qtbot):
    """The question decides whether the chip is touched: the user must be able to read all of
    it. It (and the long report after it) squeezed into the dialog's first height, cut at the
    top and bottom, with Yes/No under it."""
    import threading

    from ide.core.rescue.under import QUESTION_CTX

    long_question = " ".join(["MicroPython does not answer. Hotaru can copy every file."] * 8)
    long_report = " ".join(["main.py was renamed to main_disabled.py, so it does not run."] * 16)
    answered = threading.Event()

    def run(progress, ask) -> RescueReport:
        for n in range(6):
            progress(Message("Rescue", f"step {n}"))
        ask(Message(QUESTION_CTX, long_question))
        answered.set()
        return RescueReport(ok=False, cause=Cause.LOOP)

    dialog = RescueDialog(None, None, run_rescue=run)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.question_box.isVisible(), timeout=10000)
    qtbot.wait(50)  # the layout settles
    assert _fully_shown(dialog.question), (dialog.question.height(), dialog.size())
    assert dialog.yes_button.isVisible() and dialog.no_button.isVisible()
    # ... and in a box that holds it with Yes/No under it (not drawn over its last lines)
    box = dialog.question_box
    assert box.height() >= box.minimumSizeHint().height(), (box.height(), dialog.size())
    assert dialog.question.geometry().bottom() < dialog.yes_button.geometry().top()
    dialog.no_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)

    # the report, in a dialog of its first height (not one the question already grew)
    class LongReport(RescueReport):
        def summary(self) -> list[Message]:
            return [Message("Rescue", long_report)]

    def report_only(progress, ask) -> RescueReport:
        for n in range(6):
            progress(Message("Rescue", f"step {n}"))
        return LongReport(ok=False)

    fresh = RescueDialog(None, None, run_rescue=report_only)
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.start()
    qtbot.waitUntil(lambda: fresh.report is not None, timeout=10000)
    qtbot.wait(50)
    assert _fully_shown(fresh.result), (fresh.result.height(), fresh.size())
