"""Choosing the port at start-up, the port selector and the status indicator."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ide.ui.board.connection import PortSelector, SessionStatus, choose_initial_port


@dataclass
class Port:  # the fields of ide.board.PortInfo the selector reads
    device: str
    description: str = ""
    board: str | None = None


PICO = Port("/dev/ttyACM0", "Board in FS mode", "Raspberry Pi Pico")
ESP = Port("/dev/ttyUSB0", "CP2102 USB to UART", "ESP32 (CP210x USB bridge)")
MODEM = Port("/dev/ttyS0", "n/a", None)


def test_no_board_plugged_in_starts_on_the_simulator():
    assert choose_initial_port([], None) == "simulator"
    assert choose_initial_port([MODEM], None) == "simulator"
    assert choose_initial_port([], "/dev/ttyUSB0") == "simulator"


def test_exactly_one_known_board_is_chosen():
    assert choose_initial_port([MODEM, PICO], None) == PICO.device
    assert choose_initial_port([PICO], "simulator") == PICO.device


def test_the_remembered_port_wins_when_present():
    assert choose_initial_port([PICO, ESP], ESP.device) == ESP.device
    assert choose_initial_port([PICO, MODEM], MODEM.device) == MODEM.device


def test_several_boards_and_nothing_remembered_lets_the_user_choose():
    assert choose_initial_port([PICO, ESP], None) is None
    assert choose_initial_port([PICO, ESP], "simulator") == "simulator"


def test_selector_lists_boards_then_the_simulator(qtbot):
    ports = [PICO]
    selector = PortSelector(scan=lambda: list(ports))
    qtbot.addWidget(selector)
    assert selector.count() == 2  # the simulator and "Network" until the first scan
    selector.refresh()
    texts = [selector.itemText(i) for i in range(selector.count())]
    assert texts == [
        "Raspberry Pi Pico (/dev/ttyACM0)",
        "Simulator (no board)",
        "Network (WebREPL)…",
    ]
    assert selector.itemData(1) == "simulator"

    chosen: list[str] = []
    selector.port_chosen.connect(chosen.append)
    selector.set_current_port("simulator")  # programmatic: no signal
    assert chosen == [] and selector.current_port() == "simulator"
    selector.activated.emit(0)  # the user picks the Pico
    assert chosen == [PICO.device]

    ports.append(ESP)  # plugged in: appears on rescan, the choice stays
    selector.setCurrentIndex(0)
    selector.refresh()
    assert selector.count() == 4 and selector.current_port() == PICO.device
    ports.clear()  # unplugged: the chosen port stays listed so reconnect can find it again
    selector.refresh()
    selector.set_current_port(PICO.device)
    assert selector.current_port() == PICO.device


def test_status_shows_board_version_and_state(qtbot):
    status = SessionStatus()
    qtbot.addWidget(status)
    status.set_state("idle")
    status.set_board("Raspberry Pi Pico · MicroPython 1.24.1")
    assert status.state_label.text() == "idle"
    assert "1.24.1" in status.board_label.text()
    status.set_state("running")
    assert status.state_label.text() == "running"
    status.set_state("disconnected")
    assert status.board_label.text() == ""


def test_no_board_found_says_what_to_try_and_names_the_usb_driver(qtbot):
    ports = [MODEM]  # a built-in serial port is no board
    selector = PortSelector(scan=lambda: list(ports))
    qtbot.addWidget(selector)
    selector.needs_usb_driver = True  # as on Windows and macOS
    selector.refresh()
    tip = selector.toolTip()
    assert tip.startswith("The board Hotaru talks to\n\nNo board was found.")
    assert "CH340 or CP210x" in tip
    selector.needs_usb_driver = False  # Linux has the drivers built in
    ports.append(ESP)
    selector.refresh()
    assert selector.toolTip() == "The board Hotaru talks to"  # a board: nothing to explain
    ports.remove(ESP)
    selector.refresh()
    assert "No board was found." in selector.toolTip() and "CH340" not in selector.toolTip()


def test_network_item_asks_and_recent_addresses_are_listed(qtbot):
    selector = PortSelector(scan=lambda: [])
    qtbot.addWidget(selector)
    asked: list[bool] = []
    chosen: list[str] = []
    selector.network_requested.connect(lambda: asked.append(True))
    selector.port_chosen.connect(chosen.append)
    selector.activated.emit(selector.count() - 1)  # "Network (WebREPL)…"
    assert asked == [True] and chosen == []
    selector.set_network_addresses(["ws://esp32.local:8266"])
    texts = [selector.itemText(i) for i in range(selector.count())]
    assert texts == ["Simulator (no board)", "esp32.local:8266", "Network (WebREPL)…"]
    selector.activated.emit(1)
    assert chosen == ["ws://esp32.local:8266"]


def test_network_dialog_remembers_addresses_and_the_password_only_when_asked(
    qtbot, tmp_path, monkeypatch
):
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QSettings

    from ide.ui.board import network

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.store = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    memory = MemoryKeyring()
    old = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        dialog = network.NetworkDialog([], None)
        qtbot.addWidget(dialog)
        dialog.address.setEditText("http://x")
        dialog.accept()  # not a WebREPL address: said, dialog stays
        assert dialog.result() == 0 and "WebREPL" in dialog.problem.text()
        dialog.address.setEditText("esp32.local")
        dialog.accept()  # no password
        assert dialog.problem.text() and dialog.result() == 0

        def answer(remember):
            def fake_exec(self):
                self.address.setEditText("192.168.1.7")
                self.password.setText("pw123")
                self.remember.setChecked(remember)
                self.accept()
                return self.result()

            return fake_exec

        monkeypatch.setattr(network.NetworkDialog, "exec", answer(False))
        assert network.ask_network_board(None, store) == ("ws://192.168.1.7:8266", "pw123")
        assert network.recent_addresses(store) == ["ws://192.168.1.7:8266"]
        assert memory.store == {}  # not ticked: not stored
        monkeypatch.setattr(network.NetworkDialog, "exec", answer(True))
        network.ask_network_board(None, store)
        assert network.stored_password("ws://192.168.1.7:8266") == "pw123"
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())  # headless without a keyring: nothing, no error
        assert not network.keyring_available()
        assert network.stored_password("ws://192.168.1.7:8266") is None
        dialog = network.NetworkDialog([], None)
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled()
    finally:
        keyring.set_keyring(old)


def test_a_refused_webrepl_password_is_forgotten(qtbot):
    from ide.board.transports.webrepl import WrongPassword
    from ide.ui.board.session_controller import SessionController

    controller = SessionController()
    url = "ws://192.168.1.7:8266"
    controller.set_password(url, "wrong")
    errors: list[object] = []
    controller.error.connect(errors.append)
    controller._open_failed(controller._generation, url, WrongPassword())
    assert not controller.has_password(url) and errors  # said, and asked again next time
    controller.shutdown()


def test_a_board_chosen_at_start_discards_the_simulator_begun_early(qtbot, tmp_path, monkeypatch):
    # a plain `hotaru` begins the simulator before Qt when no USB serial device is plugged in
    # (ide.__main__); if a board is chosen after all (plugged in meanwhile), it is discarded
    from PySide6.QtCore import QSettings

    from ide.simulator import early
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    discarded: list[bool] = []
    monkeypatch.setattr(early, "discard", lambda: discarded.append(True))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(preferences=Preferences(settings))
    qtbot.addWidget(window)
    panel = window.console_panel
    chosen: list[str] = []
    monkeypatch.setattr(panel.controller, "connect_port", chosen.append)
    try:
        panel.port_selector._scan = lambda: [PICO]
        panel._connect_at_start(None)
        assert chosen == [PICO.device] and discarded == [True]
        panel.port_selector._scan = lambda: []
        panel._connect_at_start(None)
        assert chosen[-1] == "simulator" and discarded == [True]  # taken, not discarded
    finally:
        window.controller.shutdown()


LONG = "Raspberry Pi Pico 2 W with RP2350 · MicroPython 1.26.0-preview.312.g1a2b3c4d5"


def test_connected_message_and_board_fit_the_status_bar(qtbot, tmp_path):
    """At 1366 px (and 1024) the whole "Connected to …" message is readable: it used to repeat
    the board's full description, which the indicator beside it shows too, and was cut."""
    from PySide6.QtCore import QSettings

    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(preferences=prefs)
    qtbot.addWidget(window)
    panel = window.console_panel
    panel.status.set_state("idle")
    window.controller.board_name = "Raspberry Pi Pico 2 W with RP2350"  # (as the opening sets it)
    panel._on_connected("/dev/ttyACM0", LONG)
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message == "Connected to Raspberry Pi Pico 2 W with RP2350."
    status = panel.status
    assert status.board_label.toolTip() == LONG  # the whole description, one hover away
    for width in (1366, 1024):
        window.resize(width, 700)
        window.show()
        qtbot.waitUntil(lambda w=width: bar.width() >= w - 20)
        qtbot.wait(20)
        permanent = [
            w for w in bar.findChildren(QWidget) if w.parentWidget() is bar and w.isVisible()
        ]
        room = min(w.geometry().x() for w in permanent)
        needed = bar.fontMetrics().horizontalAdvance(message)
        assert needed + 12 <= room, (width, needed, room)
        shown = status.board_label.text()
        assert shown.startswith("Raspberry Pi Pico 2 W") and (shown == LONG or "…" in shown)
