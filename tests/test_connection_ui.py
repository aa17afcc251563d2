"""Choosing the port at start-up, the port selector and the status indicator."""

from __future__ import annotations

from dataclasses import dataclass

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
    assert selector.count() == 1  # only the simulator until the first scan
    selector.refresh()
    texts = [selector.itemText(i) for i in range(selector.count())]
    assert texts == ["Raspberry Pi Pico (/dev/ttyACM0)", "Simulator (no board)"]
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
    assert selector.count() == 3 and selector.current_port() == PICO.device
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
