"""ide.board port discovery and the plain-words diagnoses (no board needed)."""

from __future__ import annotations

import errno
import os
import random
import types

import pytest
import serial

from ide.board import NotResponding, PermissionDenied, PortBusy, connect, list_ports, opening, ports
from ide.board.errors import Disconnected
from tests.helpers.board_fakes import ScriptedSerial


def _port(device, vid=None, pid=None, serial_number=None, description="n/a", product=None):
    return types.SimpleNamespace(
        device=device,
        vid=vid,
        pid=pid,
        serial_number=serial_number,
        description=description,
        product=product,
    )


def test_list_ports_names_known_boards_and_sorts_them_first(monkeypatch):
    fake = [
        _port("/dev/ttyS0"),
        _port("/dev/ttyUSB3", 0x1A86, 0x7523, None, "USB Serial"),
        _port("/dev/ttyACM0", 0x2E8A, 0x0005, "E66138935F", "Board in FS mode"),
        _port("/dev/ttyACM1", 0x303A, 0x1001, "AA:BB", "USB JTAG/serial debug unit"),
        _port("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001", "CP2102 USB to UART"),
        _port("/dev/ttyUSB1", 0x0403, 0x6015, "X", "FT231X"),
        _port("/dev/ttyACM2", 0x1209, 0xADDA, "s", "MicroPython"),
        _port("/dev/ttyACM9", 0x1234, 0x5678, "z", "Some gadget", product="Gadget"),
    ]
    monkeypatch.setattr(ports._pyserial_ports, "comports", lambda: fake)
    found = {p.device: p for p in list_ports()}
    assert "/dev/ttyS0" not in found  # a built-in UART is noise for a beginner
    assert found["/dev/ttyACM0"].board == "Raspberry Pi Pico (MicroPython)"
    assert found["/dev/ttyUSB3"].board == "ESP32/ESP8266 board (CH340 USB-serial)"
    assert found["/dev/ttyUSB3"].reset_lines
    assert found["/dev/ttyACM1"].board == "ESP32-S3/C3/C6 board (built-in USB)"
    assert not found["/dev/ttyACM1"].reset_lines
    assert "CP210x" in found["/dev/ttyUSB0"].board
    assert "FTDI" in found["/dev/ttyUSB1"].board
    assert found["/dev/ttyACM2"].board == "MicroPython board"
    assert found["/dev/ttyACM9"].board == "Gadget"
    assert found["/dev/ttyACM0"].serial_number == "E66138935F"
    assert found["/dev/ttyACM0"].board_message.context == "PortNames"
    order = [p.device for p in list_ports()]
    # the likely boards by device name, whatever order the OS listed them in (fake is shuffled)
    assert order == [
        "/dev/ttyACM0",
        "/dev/ttyACM1",
        "/dev/ttyACM2",
        "/dev/ttyACM9",
        "/dev/ttyUSB0",
        "/dev/ttyUSB1",
        "/dev/ttyUSB3",
    ]
    assert all(p.likely for p in list_ports())
    everything = [p.device for p in list_ports(include_all=True)]
    assert everything == [*order, "/dev/ttyS0"]  # unlikely ones last, after every likely one


def test_a_replugged_board_is_found_by_its_serial_number_on_its_new_path(monkeypatch):
    """After a replug the OS may give the board another device path, and another board may get
    the old one: the session looks for its USB serial number in a fresh port list."""
    pico = "E6614103E7"
    before = [_port("/dev/ttyACM0", 0x2E8A, 0x0005, pico, "Board in FS mode")]
    after = [
        _port("/dev/ttyS0"),  # a built-in UART, no serial number
        _port("/dev/ttyACM0", 0x303A, 0x1001, "F4:12:FA:00:11:22", "USB JTAG/serial debug unit"),
        _port("/dev/ttyACM1", 0x2E8A, 0x0005, pico, "Board in FS mode"),
    ]
    listed = before
    monkeypatch.setattr(ports._pyserial_ports, "comports", lambda: listed)
    assert opening.find_by_serial_number(pico) == "/dev/ttyACM0"
    listed = []  # unplugged: nothing to find yet
    assert opening.find_by_serial_number(pico) is None
    listed = after  # back, on a new path; another board now sits on the old one
    assert opening.find_by_serial_number(pico) == "/dev/ttyACM1"
    assert opening.find_by_serial_number("F4:12:FA:00:11:22") == "/dev/ttyACM0"


def test_another_boards_serial_number_is_not_taken_for_ours(monkeypatch):
    others = [
        _port("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001", "CP2102 USB to UART"),
        _port("/dev/ttyACM0", 0x2E8A, 0x0005, "E6614103E8", "Board in FS mode"),  # one digit off
        _port("/dev/ttyUSB1", 0x1A86, 0x7523, None, "USB Serial"),  # CH340s have no number
    ]
    monkeypatch.setattr(ports._pyserial_ports, "comports", lambda: others)
    assert opening.find_by_serial_number("E6614103E7") is None


def test_lookup_falls_back_to_vendor():
    assert ports.lookup(0x303A, 0x9999)[0] == "Espressif ESP32 board"
    assert ports.lookup(0x1A86, 0x55D4)[0] == "ESP32 board (CH9102 USB-serial)"
    assert ports.lookup(None, None) is None
    assert ports.lookup(0xDEAD, 0xBEEF) is None


def test_permission_message_names_group_and_membership(tmp_path, monkeypatch):
    import grp
    import pwd

    dev = tmp_path / "ttyUSB0"
    dev.write_text("")
    gid = os.stat(dev).st_gid
    group = grp.getgrgid(gid).gr_name
    user = pwd.getpwuid(os.getuid()).pw_name
    # Not in the group at all
    monkeypatch.setattr(os, "getgroups", lambda: [])
    monkeypatch.setattr(grp, "getgrnam", lambda name: types.SimpleNamespace(gr_mem=[]))
    monkeypatch.setattr(pwd, "getpwnam", lambda name: types.SimpleNamespace(pw_gid=gid + 12345))
    text = str(opening.permission_message(str(dev)))
    assert group in text and user in text and "usermod -aG" in text
    # Added to the group, but this login predates it
    monkeypatch.setattr(grp, "getgrnam", lambda name: types.SimpleNamespace(gr_mem=[user]))
    text = str(opening.permission_message(str(dev)))
    assert group in text and "log out" in text and "usermod" not in text


def test_open_errors_become_clear_board_errors(tmp_path):
    e = opening.open_error(
        "/dev/ttyUSB0", serial.SerialException(errno.EACCES, "Permission denied")
    )
    assert isinstance(e, PermissionDenied)
    e = opening.open_error(
        "/dev/ttyUSB0",
        serial.SerialException("Could not exclusively lock port /dev/ttyUSB0: [Errno 11]"),
    )
    assert isinstance(e, PortBusy) and "another program" in str(e.message)
    with pytest.raises(Disconnected) as info:
        connect(str(tmp_path / "ttyNOPE"))
    assert "does not exist" in str(info.value.message) or "brltty" in str(info.value.message)


def test_port_busy_when_another_program_holds_it():
    master, slave = os.openpty()
    try:
        name = os.ttyname(slave)
        first = opening.open_serial(name)
        try:
            with pytest.raises(PortBusy):
                opening.open_serial(name)
        finally:
            first.close()
    finally:
        os.close(master)
        os.close(slave)


def test_brltty_hint_when_a_bridge_has_no_tty(tmp_path, monkeypatch):
    dev = tmp_path / "1-1"
    dev.mkdir()
    (dev / "idVendor").write_text("1a86\n")
    (dev / "idProduct").write_text("7523\n")
    real = opening.bridges_without_port
    assert real(tmp_path) == [(0x1A86, 0x7523)]
    monkeypatch.setattr(opening, "brltty_installed", lambda: True)
    monkeypatch.setattr(opening, "bridges_without_port", lambda: real(tmp_path))
    hint = opening.brltty_hint()
    assert hint is not None and "brltty" in str(hint)
    assert "brltty" in str(opening.missing_port_message("/dev/ttyUSB0"))
    # With its tty bound, the bridge is fine and the hint goes away
    (dev / "1-1:1.0").mkdir()
    (dev / "1-1:1.0" / "ttyUSB0").mkdir()
    assert real(tmp_path) == []
    assert opening.brltty_hint() is None
    assert "does not exist" in str(opening.missing_port_message("/dev/ttyUSB0"))


# --- boards that do not answer properly (scripted: a real board can't do these on demand) ---


def _diagnose_all(cases):
    """Connect to every scripted port at once (each takes seconds of retries); their errors."""
    import threading

    results = {}

    def go(name, fake):
        try:
            connect("fake://", serial_factory=lambda: fake, auto_reconnect=False)
        except NotResponding as e:
            results[name] = e

    threads = [threading.Thread(target=go, args=item) for item in cases.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_boards_that_do_not_answer_are_diagnosed():
    said = []

    def rom(data):
        if not said:
            said.append(1)
            return (
                b"ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),"
                b"boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n"
            )
        return b""

    rng = random.Random(7)
    noise = bytes(rng.choice([0x80, 0xFE, 0x00, 0x9F, 0xC3, 0x11, 0xF0]) for _ in range(300))
    silent = ScriptedSerial(lambda data: b"")
    found = _diagnose_all(
        {
            "silent": silent,
            "rom": ScriptedSerial(rom),
            "garbage": ScriptedSerial(lambda data: noise[: 20 * len(data)]),
            "chatty": ScriptedSerial(lambda data: b"sensor=42\r\n" * 30),
        }
    )
    assert found["silent"].diagnosis == NotResponding.SILENT
    assert "wrong port" in str(found["silent"].message)
    assert b"\x03" in silent.written and b"\x01" in silent.written
    assert found["rom"].diagnosis == NotResponding.BOOTLOADER
    assert "bootloader" in str(found["rom"].message)
    assert found["garbage"].diagnosis == NotResponding.GARBAGE
    assert found["chatty"].diagnosis == NotResponding.IGNORES_CTRL_C
    assert found["chatty"].hard_reset_may_help


def test_port_info_and_flow_control(monkeypatch):
    fake = [
        _port("/dev/ttyACM0", 0x2E8A, 0x0005, "E66138935F"),
        _port("/dev/ttyACM1", 0x303A, 0x1001),
    ]
    monkeypatch.setattr(ports._pyserial_ports, "comports", lambda: fake)
    pico = opening.port_info("/dev/ttyACM0")
    assert pico is not None and pico.serial_number == "E66138935F" and not pico.reset_lines
    assert opening.has_flow_control("/dev/ttyACM0", pico)
    jtag = opening.port_info("/dev/ttyACM1")
    assert not opening.has_flow_control("/dev/ttyACM1", jtag)  # its USB-serial/JTAG can overrun
    assert opening.port_info("/dev/pts/7") is None
    assert opening.has_flow_control("/dev/pts/7", None)
