"""The Install MicroPython wizard, driven with pytest-qt against the simulated ESP ROM loader,
a local micropython.org stand-in and a folder that looks like a Pico's BOOTSEL drive."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from ide.firmware import catalog, uf2
from ide.ui.firmware import (
    PAGE_DETECT,
    PAGE_DONE,
    PAGE_FIRMWARE,
    PAGE_INSTALL,
    PAGE_OPTIONS,
    InstallWizard,
)
from ide.ui.worker import Worker
from tests.helpers.esp_rom_sim import EspRomSim
from tests.helpers.firmware_images import app_offset, build_test_image, make_uf2
from tests.helpers.firmware_server import FirmwareServer


class RecordingController:
    """Stands in for SessionController's port hand-over (release_port / reacquire_port) and
    carries the UI's one worker, as SessionController does (the wizard's jobs run on it)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.port = None
        self.worker = Worker(name="test-ui-worker")

    def release_port(self) -> None:
        self.calls.append(("release", None))

    def reacquire_port(self, port: str | None = None) -> None:
        self.calls.append(("reacquire", port))


@pytest.fixture
def server():
    srv = FirmwareServer().start()
    yield srv
    srv.close()


@pytest.fixture
def sims():
    started: list[EspRomSim] = []

    def start(chip: str, **kwargs) -> EspRomSim:
        sim = EspRomSim(chip, **kwargs).start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.close()


@pytest.fixture
def make_wizard(qtbot, server, tmp_path):
    def settle(wizard: InstallWizard) -> None:  # never leave a worker thread behind
        if wizard.busy():
            wizard.reject()
            qtbot.waitUntil(lambda: not wizard.busy(), timeout=30000)

    def make(controller=None, **kwargs) -> InstallWizard:
        cat = catalog.Catalog(server.base_url, cache=tmp_path / "cache", timeout=5)
        wizard = InstallWizard(controller, catalog=cat, **kwargs)
        qtbot.addWidget(wizard, before_close_func=settle)
        wizard.show()
        return wizard

    return make


def go_next(qtbot, wizard: InstallWizard, expected_page: int) -> None:
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=20000)
    wizard.next()
    assert wizard.currentId() == expected_page


@pytest.mark.timeout(90)
def test_esp32s3_from_the_catalogue_end_to_end(qtbot, make_wizard, sims, server):
    sim = sims("esp32s3")
    controller = RecordingController()
    wizard = make_wizard(controller)
    board = wizard.currentPage()
    board.port_combo.setCurrentText(sim.port)
    go_next(qtbot, wizard, PAGE_DETECT)
    assert controller.calls == [("release", None)]  # released before the port is touched
    detect = wizard.currentPage()
    qtbot.waitUntil(detect.isComplete, timeout=20000)
    assert wizard.state.chip.name == "ESP32-S3"
    assert "ESP32-S3" in detect.status.text()

    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.version_combo.count() > 0, timeout=20000)
    assert page.board_combo.currentData() == "ESP32_GENERIC_S3"
    chosen = page.version_combo.currentData()
    # the chip has PSRAM: the latest stable SPIRAM_OCT build is preselected, not the preview
    assert (chosen.version, chosen.variant) == ("v1.25.0", "SPIRAM_OCT")
    versions = [page.version_combo.itemData(i) for i in range(page.version_combo.count())]
    assert all(v.ext == "bin" for v in versions)

    go_next(qtbot, wizard, PAGE_OPTIONS)
    options = wizard.currentPage()
    assert options.erase_box.isChecked() and options.offset_edit.text() == "0x0"
    assert options.speed_combo.currentData() == 460800

    wizard.next()
    assert wizard.currentId() == PAGE_INSTALL
    install = wizard.currentPage()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=60000)
    assert install.bar.value() == 100
    assert "verified" in install.log.toPlainText()
    image = server.files[chosen.filename]
    assert bytes(sim.flash[: len(image)]) == image
    assert sim.erase_all_count == 1

    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert controller.calls == [("release", None), ("reacquire", sim.port)]


@pytest.mark.timeout(60)
def test_local_file_for_another_chip_is_refused_on_the_firmware_page(
    qtbot, make_wizard, sims, tmp_path
):
    sim = sims("esp32", fill=0x33)
    before = bytes(sim.flash)
    s3_image = tmp_path / "s3.bin"
    s3_image.write_bytes(build_test_image("ESP32-S3", 300 * 1024))
    wizard = make_wizard()
    wizard.currentPage().port_combo.setCurrentText(sim.port)
    go_next(qtbot, wizard, PAGE_DETECT)
    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    page.file_radio.setChecked(True)
    page.path_edit.setText(str(s3_image))
    wizard.next()
    assert wizard.currentId() == PAGE_FIRMWARE  # refused: stays here
    assert "ESP32-S3" in page.problem.text()
    # an ESP32 image with one bit flipped inside the app: refused here too, in words
    damaged = bytearray(build_test_image("ESP32", 300 * 1024))
    damaged[app_offset("ESP32") + 0x4321] ^= 0x02
    damaged_file = tmp_path / "damaged.bin"
    damaged_file.write_bytes(bytes(damaged))
    page.path_edit.setText(str(damaged_file))
    wizard.next()
    assert wizard.currentId() == PAGE_FIRMWARE
    assert "damaged" in page.problem.text() and "checksum" in page.problem.text()
    assert bytes(sim.flash) == before and sim.changes == []


@pytest.mark.timeout(90)
def test_esp8266_from_a_local_file_end_to_end(qtbot, make_wizard, sims, tmp_path):
    sim = sims("esp8266", flash_size=1 << 20)  # an ESP-01: 1 MB
    esp32_image = tmp_path / "esp32.bin"
    esp32_image.write_bytes(build_test_image("ESP32", 300 * 1024))
    image = tmp_path / "ESP8266_GENERIC-FLASH_1M.bin"
    image.write_bytes(build_test_image("ESP8266", 620 * 1024))
    controller = RecordingController()
    wizard = make_wizard(controller)
    wizard.currentPage().port_combo.setCurrentText(sim.port)
    go_next(qtbot, wizard, PAGE_DETECT)
    detect = wizard.currentPage()
    qtbot.waitUntil(detect.isComplete, timeout=20000)
    assert wizard.state.chip.name == "ESP8266" and "ESP8266" in detect.status.text()
    assert wizard.page(PAGE_FIRMWARE)._suggestion() == ("ESP8266_GENERIC", "FLASH_1M")

    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    page.file_radio.setChecked(True)
    page.path_edit.setText(str(esp32_image))
    wizard.next()
    assert wizard.currentId() == PAGE_FIRMWARE  # an ESP32 image: refused, stays here
    assert "ESP32" in page.problem.text() and "ESP8266" in page.problem.text()
    page.path_edit.setText(str(image))
    go_next(qtbot, wizard, PAGE_OPTIONS)
    options = wizard.currentPage()
    assert options.erase_box.isChecked() and options.offset_edit.text() == "0x0"

    wizard.next()
    install = wizard.currentPage()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=60000)
    assert install.bar.value() == 100 and "verified" in install.log.toPlainText()
    data = image.read_bytes()
    # at 0x0, byte for byte, with the detected 1 MB in the header (as --flash-size detect)
    assert bytes(sim.flash[: len(data)]) == data[:3] + bytes([0x20 | data[3] & 0x0F]) + data[4:]
    assert sim.erase_all_count == 1
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert controller.calls == [("release", None), ("reacquire", sim.port)]


@pytest.mark.timeout(60)
def test_cancel_during_install_stops_then_trying_again_works(qtbot, make_wizard, sims, tmp_path):
    sim = sims("esp32")
    image = tmp_path / "esp32.bin"
    image.write_bytes(build_test_image("ESP32", 1536 * 1024))
    controller = RecordingController()
    wizard = make_wizard(controller)
    wizard.currentPage().port_combo.setCurrentText(sim.port)
    go_next(qtbot, wizard, PAGE_DETECT)
    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    page.file_radio.setChecked(True)
    page.path_edit.setText(str(image))
    go_next(qtbot, wizard, PAGE_OPTIONS)
    wizard.next()
    install = wizard.currentPage()
    qtbot.waitUntil(lambda: 0 < install.bar.value() < 100, timeout=30000)  # GUI stays live
    wizard.button(QWizard.WizardButton.CancelButton).click()
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=30000)
    assert wizard.isVisible() and wizard.currentId() == PAGE_INSTALL
    assert "Cancelled" in install.step.text()
    assert not install.isComplete()
    assert controller.calls == [("release", None)]  # still ours: the user may try again

    wizard.back()  # try again, without erasing this time
    assert wizard.currentId() == PAGE_OPTIONS
    wizard.currentPage().erase_box.setChecked(False)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=60000)
    data = image.read_bytes()
    assert bytes(sim.flash[0x1000 : 0x1000 + len(data)]) == data

    cancelled_again = make_wizard(RecordingController())
    cancelled_again.reject()  # Cancel on the first page: nothing to stop, nothing to give back
    assert not cancelled_again.isVisible() and cancelled_again.controller.calls == []
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert controller.calls == [("release", None), ("reacquire", sim.port)]


@pytest.mark.timeout(60)
def test_pico_uf2_from_a_local_file(qtbot, make_wizard, tmp_path, monkeypatch):
    drive = tmp_path / "RPI-RP2"
    drive.mkdir()
    (drive / "INFO_UF2.TXT").write_text(
        "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n"
    )
    monkeypatch.setenv(uf2.DRIVES_ENV, str(drive))
    firmware = tmp_path / "RPI_PICO-20250415-v1.25.0.uf2"
    firmware.write_bytes(make_uf2(b"\x42" * 60000))
    wizard = make_wizard()
    board = wizard.currentPage()
    board.uf2_radio.setChecked(True)
    qtbot.waitUntil(lambda: board.drive_combo.count() == 1, timeout=5000)
    assert "RPI-RP2" in board.drive_combo.currentText()
    go_next(qtbot, wizard, PAGE_DETECT)
    assert "RP2040" in wizard.currentPage().status.text()
    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.version_combo.count() > 0, timeout=20000)
    assert page.board_combo.currentData() == "RPI_PICO"
    assert page.version_combo.currentData().ext == "uf2"
    qtbot.waitUntil(lambda: "from micropython.org" in page.subTitle(), timeout=5000)
    assert "Chosen: MicroPython v1.25.0" in page.subTitle() and "RPI_PICO" in page.subTitle()
    page.file_radio.setChecked(True)
    assert page.subTitle() == "Choose a firmware file on this computer."
    page.path_edit.setText(str(firmware))
    assert page.subTitle() == f"Chosen: the file {firmware.name} on this computer."
    wizard.next()
    assert wizard.currentId() == PAGE_INSTALL  # no ESP options for a Pico
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=30000)
    assert (drive / firmware.name).read_bytes() == firmware.read_bytes()


@pytest.mark.timeout(60)
def test_offline_catalogue_says_so_and_a_wrong_uf2_is_refused(
    qtbot, make_wizard, server, tmp_path, monkeypatch
):
    drive = tmp_path / "RP2350"
    drive.mkdir()
    (drive / "INFO_UF2.TXT").write_text("Model: Raspberry Pi RP2350\nBoard-ID: RP2350\n")
    monkeypatch.setenv(uf2.DRIVES_ENV, str(drive))
    warm = make_wizard()  # first run fills the cache
    warm.currentPage().uf2_radio.setChecked(True)
    go_next(qtbot, warm, PAGE_DETECT)
    go_next(qtbot, warm, PAGE_FIRMWARE)
    qtbot.waitUntil(lambda: warm.currentPage().version_combo.count() > 0, timeout=20000)
    qtbot.waitUntil(lambda: not warm.busy(), timeout=20000)
    warm.reject()

    server.up = False
    wizard = make_wizard()
    wizard.currentPage().uf2_radio.setChecked(True)
    go_next(qtbot, wizard, PAGE_DETECT)
    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: "Offline" in page.catalog_status.text(), timeout=20000)
    assert page.board_combo.currentData() == "RPI_PICO2"
    # the subtitle says what is chosen and from where: no promise of "the latest"
    qtbot.waitUntil(lambda: "saved on" in page.subTitle(), timeout=5000)
    assert "could not be reached" in page.subTitle() and "latest" not in page.subTitle()
    wrong = tmp_path / "pico1.uf2"
    wrong.write_bytes(make_uf2(b"\x01" * 3000))  # an RP2040 file for an RP2350 drive
    page.file_radio.setChecked(True)
    page.path_edit.setText(str(wrong))
    wizard.next()
    assert wizard.currentId() == PAGE_FIRMWARE
    assert "RP2350" in page.problem.text()
    assert not list(Path(drive).glob("*.uf2"))


def test_tools_menu_opens_the_wizard_and_hands_the_port_over(qtbot, tmp_path):
    """Tools > Install MicroPython… in the real main window, with a stand-in controller."""
    from PySide6.QtCore import QSettings

    from ide.ui.editor.tabs import DISCARD
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    controller = RecordingController()
    window = MainWindow(preferences=prefs)
    window.editor_tabs.ask_save_changes = lambda name: DISCARD
    qtbot.addWidget(window)
    window.controller = controller
    texts = [a.text() for a in window.tools_menu.actions()]
    assert "Install MicroPython…" in texts
    window.install_action.trigger()
    wizard = window.findChild(InstallWizard)
    assert wizard is not None and wizard.isVisible() and wizard.controller is controller
    wizard.reject()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert controller.calls == []  # the port was never touched, nothing to give back


def test_the_sessions_port_is_preselected(qtbot, make_wizard):
    controller = RecordingController()
    controller.port = "/dev/ttyUSB7"
    wizard = make_wizard(controller)
    assert wizard.currentPage().selected_port() == "/dev/ttyUSB7"
    controller.port = "simulator"  # the virtual board is no place to install firmware
    other = make_wizard(controller)
    assert other.currentPage().selected_port() != "simulator"


@pytest.mark.timeout(120)
def test_done_gives_the_port_to_the_session_which_finds_micropython(
    qtbot, make_wizard, sims, sim, tmp_path
):
    """The whole story with the real SessionController: release, flash, reacquire; the
    simulated ESP32 then boots its 'application', a real MicroPython (ide.simulator)."""
    from ide.ui.board.session_controller import SessionController

    esp_sim = sims("esp32", app_port=sim.port)
    image = tmp_path / "ESP32_GENERIC.bin"
    image.write_bytes(build_test_image("ESP32", 256 * 1024))
    controller = SessionController()
    connected: list[tuple[str, str]] = []
    controller.connected.connect(lambda port, desc: connected.append((port, desc)))
    try:
        wizard = make_wizard(controller)
        wizard.currentPage().port_combo.setCurrentText(esp_sim.port)
        go_next(qtbot, wizard, PAGE_DETECT)
        go_next(qtbot, wizard, PAGE_FIRMWARE)
        page = wizard.currentPage()
        page.file_radio.setChecked(True)
        page.path_edit.setText(str(image))
        go_next(qtbot, wizard, PAGE_OPTIONS)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=60000)
        assert not connected  # the session kept off the port while the wizard had it
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: bool(connected), timeout=30000)
        port, description = connected[0]
        assert port == esp_sim.port and "MicroPython" in description
        assert esp_sim.app_mode  # the board booted the installed firmware
    finally:
        controller.shutdown()


def test_uf2_family_words_in_a_refusal_are_translated(qapp):
    """The family names inside the refusal are Messages too: their words are translated, the
    chip names stay."""
    from ide.firmware.errors import ImageRejected
    from ide.ui.firmware.common import error_text as _error_text
    from ide.ui.settings import language

    pico = uf2.Uf2Drive(Path("."), "RPI-RP2", "Raspberry Pi RP2", "RP2040")
    both = make_uf2(b"\x01" * 300, family=uf2.RP2XXX_DATA) + make_uf2(
        b"\x01" * 300, family=uf2.RP2350_ARM_NS
    )
    with pytest.raises(ImageRejected) as caught:
        uf2.check_uf2(both, pico)
    assert "for RP2xxx (data), RP2350 (Arm, non-secure), but" in str(caught.value)
    try:
        language.install_translators(qapp, "ja")
        text = _error_text(caught.value)
        assert "RP2xxx（データ）、RP2350（Arm、非セキュア）" in text, text
        language.install_translators(qapp, "zh_CN")
        assert "RP2xxx（数据）、RP2350（Arm，非安全）" in _error_text(caught.value)
    finally:
        language.install_translators(qapp, "en")
    assert "RP2xxx (data), RP2350 (Arm, non-secure)" in _error_text(caught.value)


@pytest.mark.timeout(60)
def test_no_catalogue_at_all_asks_for_a_local_file(
    qtbot, make_wizard, server, tmp_path, monkeypatch
):
    drive = tmp_path / "RPI-RP2"
    drive.mkdir()
    (drive / "INFO_UF2.TXT").write_text("Model: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n")
    monkeypatch.setenv(uf2.DRIVES_ENV, str(drive))
    server.up = False  # and nothing saved: a first run offline
    wizard = make_wizard()
    wizard.currentPage().uf2_radio.setChecked(True)
    go_next(qtbot, wizard, PAGE_DETECT)
    go_next(qtbot, wizard, PAGE_FIRMWARE)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.file_radio.isChecked(), timeout=20000)
    assert "choose a firmware file on this computer" in page.subTitle()
    assert "latest" not in page.subTitle()


def test_board_page_says_when_nothing_is_plugged_in(qtbot, make_wizard, monkeypatch):
    from types import SimpleNamespace

    from ide.ui.firmware import board_page

    ports: list[object] = []
    monkeypatch.setattr(board_page, "scan_ports", lambda: list(ports))
    monkeypatch.setattr(board_page.uf2, "find_drives", lambda: [])
    monkeypatch.setattr(board_page, "NEEDS_USB_DRIVERS", True)
    wizard = make_wizard()
    page = wizard.currentPage()
    text = page.notice.text()
    assert "No board was found" in text and "another cable" in text and "only charge" in text
    assert "CH340" in text and "CP210x" in text
    page.uf2_radio.setChecked(True)
    assert "BOOTSEL" in page.notice.text() and "another cable" in page.notice.text()
    page.esp_radio.setChecked(True)
    ports.append(SimpleNamespace(device="/dev/ttyUSB0", board="CP2102"))
    page.refresh_ports_button.click()
    assert page.notice.text() == ""  # a board is there: nothing to explain


def test_erase_says_the_files_on_the_board_are_lost(qtbot, make_wizard):
    wizard = make_wizard()
    options = wizard.page(PAGE_OPTIONS)
    options.initializePage()
    assert options.erase_box.isChecked()
    assert not options.erase_warning.isHidden()
    assert "every file on the board" in options.erase_warning.text()
    options.erase_box.setChecked(False)
    assert options.erase_warning.isHidden()


def _label_lines(label, width: int) -> list[str]:
    """The lines ``label``'s text is broken into at ``width`` pixels (Qt's own layout)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.RichText:
        doc.setHtml(label.text())
    else:
        doc.setPlainText(label.text())
    doc.setTextWidth(width)
    doc.size()  # lays the document out (the blocks have no lines before)
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def test_the_bootsel_drive_name_is_never_broken_across_lines(qtbot, make_wizard):
    # A word-wrapped label broke "RPI-RP2" at its hyphen at some widths ("RPI-" / "RP2").
    page = make_wizard().currentPage()
    label = page.uf2_help
    for width in range(120, 720, 3):
        lines = _label_lines(label, width)
        assert "RPI-\u2060RP2" in "".join(lines)  # a word joiner: invisible, no break
        assert not any(line.rstrip().endswith("RPI-") for line in lines), (width, lines)


def test_the_wizard_runs_its_jobs_on_the_uis_one_worker_and_cancel_waits_for_them(
    qtbot, make_wizard
):
    import threading

    from ide.ui.firmware import common

    assert not hasattr(common, "Job")  # no thread of its own any more
    controller = RecordingController()
    wizard = make_wizard(controller)
    assert wizard.worker is controller.worker
    seen: list[str] = []
    wizard.start_job(lambda task: threading.current_thread().name, seen.append, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen == ["test-ui-worker"] and not wizard.busy()

    # A board job holds the worker; the wizard's job waits behind it. Cancel keeps the window
    # open until that job has stopped, and a job cancelled before it started never runs.
    gate = threading.Event()
    controller.worker.submit(lambda: gate.wait(30))
    ran: list[bool] = []
    errors: list[BaseException] = []
    wizard.start_job(lambda task: ran.append(True), lambda _r: None, errors.append)
    wizard.reject()
    qtbot.wait(100)
    assert wizard.isVisible() and wizard.busy()
    gate.set()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)
    assert ran == [] and len(errors) == 1 and "Cancelled" in str(errors[0])


def test_a_firmware_file_that_cannot_be_read_is_explained_in_the_users_language(
    qapp, qtbot, make_wizard, tmp_path
):
    """The OS's own words ("No such file or directory", "Is a directory") are English: they
    were shown as the reason inside the Japanese and Chinese sentence."""
    from ide.firmware.errors import FirmwareError
    from ide.firmware.install import InstallPlan, run_install
    from ide.ui.firmware.common import error_text as _error_text
    from ide.ui.settings import language

    try:
        for lang, missing_words, folder_words in (
            ("ja", "見つかりません", "ファイルではなくフォルダー"),
            ("zh_CN", "找不到", "文件夹，不是文件"),
        ):
            language.install_translators(qapp, lang)
            wizard = make_wizard()
            wizard.state.kind = "esp"
            page = wizard.page(PAGE_FIRMWARE)
            page.file_radio.setChecked(True)
            cases = ((tmp_path / "missing.bin", missing_words), (tmp_path, folder_words))
            for path, words in cases:
                page.path_edit.setText(str(path))
                assert not page.validatePage()
                text = page.problem.text()
                first, _, details = text.partition("\n")
                assert words in first and "directory" not in first, text
                assert "directory" in details.lower(), text  # the OS's words, on their own line
            # the install's own read says it the same way
            plan = InstallPlan(kind="esp", port="/dev/null", firmware_path=tmp_path / "gone.bin")
            with pytest.raises(FirmwareError) as caught:
                run_install(plan, catalog=wizard.catalog)
            shown = _error_text(caught.value)
            assert missing_words in shown.partition("\n")[0], shown
    finally:
        language.install_translators(qapp, "en")


@pytest.mark.timeout(90)
def test_a_board_unplugged_while_it_is_written_says_it_will_not_start(
    qtbot, make_wizard, sims, tmp_path
):
    """The cable cut in the middle of the write: the error alone ("Could not open the port")
    left the beginner thinking the board was as before. It is not: it starts nothing until
    MicroPython is installed, and Back is how to do that. A failure before anything was
    erased does not say so."""
    image = tmp_path / "esp32.bin"
    image.write_bytes(build_test_image("ESP32", 1536 * 1024))

    def install_on(sim):
        wizard = make_wizard(RecordingController())
        wizard.currentPage().port_combo.setCurrentText(sim.port)
        go_next(qtbot, wizard, PAGE_DETECT)
        go_next(qtbot, wizard, PAGE_FIRMWARE)
        page = wizard.currentPage()
        page.file_radio.setChecked(True)
        page.path_edit.setText(str(image))
        go_next(qtbot, wizard, PAGE_OPTIONS)
        return wizard

    cut = sims("esp32", throttle=True)  # line speed: the write takes long enough to cut it
    wizard = install_on(cut)
    wizard.next()
    install = wizard.currentPage()
    qtbot.waitUntil(lambda: 0 < install.bar.value() < 100, timeout=30000)
    # the board stops answering half-way (a pulled cable; closing the pty instead would free
    # its number for another process's pty, which esptool's reconnect could then open)
    cut.deaf = True
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=60000)
    text = install.step.text()
    assert "The install failed" in text and "will not start" in text and "Back" in text, text
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()

    gone = sims("esp32")
    early = install_on(gone)
    gone.deaf = True  # it stopped answering before Install: nothing was erased
    early.next()
    page = early.currentPage()
    qtbot.waitUntil(lambda: not early.busy(), timeout=60000)
    assert "The install failed" in page.step.text() and "will not start" not in page.step.text()


def test_a_board_that_cannot_be_checked_is_not_still_being_asked(qtbot, make_wizard, tmp_path):
    """The detect page failed but its subtitle kept saying "Asking the chip on … what it
    is...": the beginner waited for an answer that would never come."""
    wizard = make_wizard()
    gone = str(tmp_path / "ttyUSB7")  # a port that is not there (typed, or unplugged)
    wizard.currentPage().port_combo.setCurrentText(gone)
    go_next(qtbot, wizard, PAGE_DETECT)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.retry_button.isVisibleTo(page), timeout=20000)
    assert "Asking" not in page.subTitle() and gone in page.subTitle(), page.subTitle()
    assert "Could not open" in page.status.text() and not page.isComplete()


def test_a_firmware_turned_down_by_esptools_own_checks_does_not_say_the_board_was_written(
    qtbot, make_wizard
):
    """With "erase all" the page enters the write step and shows "busy" before esptool checks
    the image (chip revision, size) and erases: an image turned down there touched nothing, so
    the page must not add that the board will not start. esptool's erase line, or written
    blocks, are what say the flash was altered."""
    from ide.firmware.errors import ImageRejected
    from ide.firmware.esptool_lines import esptool_line
    from ide.text import Message

    wizard = make_wizard()
    wizard.state.kind = "esp"
    page = wizard.page(PAGE_INSTALL)
    rejected = ImageRejected(Message("Firmware", "This firmware does not run on this chip."))

    page._log(("step", "write"))
    page._progress(0, 0)  # "busy": esptool's checks, then the erase
    page._failed(rejected)
    assert "will not start" not in page.step.text(), page.step.text()
    assert page.subTitle() == "MicroPython was not installed."  # not "keep it plugged in…"
    assert page.title() == "Install stopped"  # not "Installing MicroPython" over the failure

    page.board_touched = False
    page._log(("step", "write"))
    page._progress(0, 0)
    page._log(esptool_line("Erasing flash memory (this may take a while)..."))
    page._failed(RuntimeError("Could not open the port"))
    assert "will not start" in page.step.text(), page.step.text()

    page.board_touched = False
    page._log(("step", "write"))
    page._progress(4096, 1 << 20)  # blocks written
    page._failed(RuntimeError("Could not open the port"))
    assert "will not start" in page.step.text(), page.step.text()
