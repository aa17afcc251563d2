"""The connection doctor (ide.core.doctor): each diagnosis from fakes a test can build: a fake
sysfs USB tree, fake port lists, a UF2 folder, ptys that answer like the ESP ROM loader or
other firmware, a port held by a child process, and the virtual board itself."""

from __future__ import annotations

import getpass
import grp
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ide.board.errors import PermissionDenied
from ide.core.doctor import (
    Action,
    Kind,
    PlugWatch,
    Snapshot,
    probe,
    system,
    take_snapshot,
    verdicts,
)
from tests.helpers.esp_rom_sim import EspRomSim


def _usb(root: Path, name: str, vid: int, pid: int, tty: str | None = None) -> None:
    dev = root / name
    dev.mkdir(parents=True)
    (dev / "idVendor").write_text(f"{vid:04x}\n")
    (dev / "idProduct").write_text(f"{pid:04x}\n")
    (dev / "bDeviceClass").write_text("00\n")
    (dev / "serial").write_text("0001\n")
    iface = root / name / f"{name}:1.0"
    iface.mkdir()
    if tty:
        (iface / tty).mkdir()


def _hub(root: Path) -> None:
    dev = root / "usb1"
    dev.mkdir(parents=True)
    (dev / "idVendor").write_text("1d6b\n")
    (dev / "idProduct").write_text("0002\n")
    (dev / "bDeviceClass").write_text("09\n")


def _snap(root: Path, ports: dict | None = None, drives: tuple[str, ...] = ()) -> Snapshot:
    return take_snapshot(root, lambda: dict(ports or {}), lambda: list(drives))


def test_usb_tree_lists_devices_with_their_ports_and_skips_hubs(tmp_path):
    _hub(tmp_path)
    _usb(tmp_path, "1-2", 0x1A86, 0x7523, "ttyUSB0")
    _usb(tmp_path, "1-3", 0x10C4, 0xEA60)
    found = system.usb_devices(tmp_path)
    assert set(found) == {"1-2", "1-3"}
    assert found["1-2"].ttys == ("ttyUSB0",) and found["1-3"].ttys == ()
    assert system.usb_devices(tmp_path / "missing") == {}


def test_nothing_new_on_usb_is_a_charge_only_cable(tmp_path):
    _hub(tmp_path)
    _usb(tmp_path, "1-1", 0x046D, 0xC52B)  # a mouse, plugged in before
    watch = PlugWatch(_snap(tmp_path), platform="linux", brltty=lambda: False)
    watch.update(_snap(tmp_path), 5.0)
    assert watch.verdict(5.0) is None  # not clear yet: the user is still plugging
    v = watch.verdict(20.0, gave_up=True)
    assert v is not None and v.kind == Kind.NO_DEVICE and v.action == Action.RETRY
    assert "charge" in str(v.sentence) and "another cable" in str(v.todo)


@pytest.mark.parametrize(
    ("vid", "pid", "chip"),
    [(0x1A86, 0x7523, "CH340"), (0x1A86, 0x55D4, "CH9102"), (0x10C4, 0xEA60, "CP210x")],
)
def test_a_usb_device_without_a_port_names_the_missing_driver(tmp_path, vid, pid, chip):
    watch = PlugWatch(_snap(tmp_path), platform="win32", brltty=lambda: False)
    _usb(tmp_path, "1-2", vid, pid)  # plugged in: a device, no tty
    watch.update(_snap(tmp_path), 1.0)
    assert watch.verdict(2.0) is None  # drivers take a moment to bind
    v = watch.verdict(4.5)
    assert v is not None and v.kind == Kind.NO_DRIVER
    assert chip in str(v.sentence) and chip in str(v.todo) and "driver" in str(v.todo)


def test_a_usb_device_with_its_port_is_probed_not_blamed(tmp_path):
    watch = PlugWatch(_snap(tmp_path), platform="linux", brltty=lambda: True)
    _usb(tmp_path, "1-2", 0x1A86, 0x7523, "ttyUSB0")
    watch.update(_snap(tmp_path, {"/dev/ttyUSB0": (0x1A86, 0x7523)}), 1.0)
    assert watch.verdict(1.2) is None and watch.port_to_probe(1.2) is None  # settling
    assert watch.port_to_probe(2.1) == "/dev/ttyUSB0" and watch.verdict(9.0) is None


def test_a_port_that_vanishes_at_once_on_linux_is_brltty(tmp_path):
    watch = PlugWatch(_snap(tmp_path), platform="linux", brltty=lambda: True)
    _usb(tmp_path, "1-2", 0x1A86, 0x7523, "ttyUSB0")
    watch.update(_snap(tmp_path, {"/dev/ttyUSB0": (0x1A86, 0x7523)}), 1.0)
    (tmp_path / "1-2" / "1-2:1.0" / "ttyUSB0").rmdir()  # brltty claims the interface
    watch.update(_snap(tmp_path), 1.4)
    v = watch.verdict(1.5)
    assert v is not None and v.kind == Kind.BRLTTY and v.command == "sudo apt remove brltty"
    # the same without brltty installed: a loose cable or a board that keeps restarting
    watch = PlugWatch(_snap(tmp_path), platform="linux", brltty=lambda: False)
    watch.update(_snap(tmp_path, {"/dev/ttyACM0": (0x2E8A, 5)}), 1.0)
    watch.update(_snap(tmp_path), 1.4)
    v = watch.verdict(1.5)
    assert v is not None and v.kind == Kind.PORT_FLAPS and v.port == "/dev/ttyACM0"


def test_a_uf2_drive_instead_of_a_port_is_bootsel(tmp_path, monkeypatch):
    drive = tmp_path / "RPI-RP2"
    monkeypatch.setenv("HOTARU_UF2_DRIVES", str(drive))
    usb = tmp_path / "usb"
    usb.mkdir()
    watch = PlugWatch(take_snapshot(usb, dict), platform="linux", brltty=lambda: False)
    drive.mkdir()
    (drive / "INFO_UF2.TXT").write_text(
        "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n"
    )
    watch.update(take_snapshot(usb, dict), 1.0)
    v = watch.verdict(1.0)
    assert v is not None and v.kind == Kind.BOOTSEL and v.action == Action.INSTALLER
    assert str(drive) in str(v.sentence)


def test_unplugging_first_then_plugging_in_counts_as_new(tmp_path):
    _usb(tmp_path, "1-2", 0x2E8A, 0x0005, "ttyACM0")
    ports = {"/dev/ttyACM0": (0x2E8A, 5)}
    watch = PlugWatch(_snap(tmp_path, ports), platform="linux", brltty=lambda: False)
    watch.update(_snap(tmp_path / "none"), 1.0)  # unplugged
    watch.update(_snap(tmp_path, ports), 3.0)  # and back
    assert watch.port_to_probe(4.5) == "/dev/ttyACM0"


def test_permission_denied_names_the_group_and_the_command(tmp_path):
    port = tmp_path / "ttyUSB0"
    port.write_text("")
    user = getpass.getuser()
    group = next(g for g in grp.getgrall() if g.gr_gid != os.getgid() and user not in g.gr_mem)
    os.chown(port, -1, group.gr_gid)

    def refuse(p: str):
        raise PermissionDenied("no", detail="[Errno 13] Permission denied")

    v = probe(str(port), opener=refuse, proc=tmp_path / "proc")
    assert v.kind == Kind.PERMISSION and v.action == Action.COPY_COMMAND
    assert v.command == f"sudo usermod -aG {group.gr_name} {user}"
    assert "log out and in again" in str(v.todo)
    # already added, but this login is older: just log out and in
    v2 = verdicts.permission("/dev/ttyUSB0", "dialout", "ann", True)
    assert v2.command is None and "Log out and in again" in str(v2.todo)


def _pty_answering(reply_to_input: bytes | None, greeting: bytes = b""):
    """A pty whose other side sends ``greeting`` and answers every input with the reply."""
    master, slave = os.openpty()
    import tty

    tty.setraw(slave)
    name = os.ttyname(slave)
    os.close(slave)
    stop = threading.Event()

    def serve() -> None:
        import select

        if greeting:
            os.write(master, greeting)
        while not stop.is_set():
            r, _, _ = select.select([master], [], [], 0.05)
            if r:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    continue
                if data and reply_to_input is not None:
                    os.write(master, reply_to_input)

    t = threading.Thread(target=serve, daemon=True)
    t.start()

    def close() -> None:
        stop.set()
        t.join()
        os.close(master)

    return name, close


def test_a_port_held_by_another_program_names_it(tmp_path):
    name, close = _pty_answering(None)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, sys; f = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY); print('open', "
            "flush=True); sys.stdin.read()",
            name,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "open"
        v = probe(name)
        assert v.kind == Kind.HELD, v
        assert f"pid {child.pid}" in str(v.sentence) and "python" in str(v.sentence)
    finally:
        child.stdin.close()
        child.wait()
        close()


def test_the_esp_rom_loader_is_recognised_even_when_quiet():
    with EspRomSim("esp32") as rom:
        v = probe(rom.port)
    assert v.kind == Kind.BOOTLOADER and "EN/RESET" in str(v.todo) and "BOOT" in str(v.todo)


def test_waiting_for_download_in_the_boot_message_is_the_bootloader():
    # the reset that opening the port causes on many boards prints the boot message
    name, close = _pty_answering(
        b"rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\n"
        b"waiting for download\r\n"
    )
    try:
        assert probe(name).kind == Kind.BOOTLOADER
    finally:
        close()


def test_other_firmware_is_not_micropython():
    name, close = _pty_answering(b"\r\nERROR\r\n")  # an AT-command firmware
    try:
        v = probe(name)
    finally:
        close()
    assert v.kind == Kind.NOT_MICROPYTHON and v.action == Action.INSTALLER
    assert "ERROR" in v.detail and "\\r" not in v.detail  # its words, not Python's repr
    name, close = _pty_answering(bytes(range(128, 256)))  # wrong speed: noise
    try:
        v = probe(name)
    finally:
        close()
    assert v.kind == Kind.NOT_MICROPYTHON
    # the bytes in hex with spaces (a dialog wraps them), not b'\xb0\xb1...' in one line
    assert v.detail.endswith("FD FE FF") and "\\x" not in v.detail, v.detail


def test_what_a_board_sent_in_japanese_or_chinese_reads_as_text():
    """A program printing Japanese or Chinese (UTF-8) read as "······" (each byte taken alone),
    while noise still shows as hex and a stray byte in text as "·"."""
    from ide.core.doctor.probe import shown_bytes

    assert shown_bytes("温度: 23 ℃\r\nこんにちは\r\n".encode()) == "温度: 23 ℃\nこんにちは"
    assert shown_bytes(b"abc\x00def\r\nxyz\xb0") == "abc·def\nxyz·"
    assert shown_bytes(bytes(range(0xB0, 0xB4))) == "B0 B1 B2 B3"
    cut = "温度 23 ℃ 湿度 50 %".encode()[1:]  # (the last 80 bytes may start inside a character)
    assert shown_bytes(cut) == "··度 23 ℃ 湿度 50 %"


def test_micropython_at_its_prompt_is_fine(sim):
    v = probe(sim.port)
    assert v.kind == Kind.OK and v.action == Action.CONNECT


def _start_on_pty(port: str, code: str) -> None:
    fd = os.open(port, os.O_RDWR | os.O_NOCTTY)
    try:
        os.write(fd, b"\x03exec(" + repr(code).encode() + b")\r")
    finally:
        os.close(fd)


def test_micropython_busy_with_a_program_that_ignores_ctrl_c(sim):
    _start_on_pty(
        sim.port,
        "import micropython, time\nmicropython.kbd_intr(-1)\n"
        "while True:\n print('tick')\n time.sleep_ms(20)\n",
    )
    v = probe(sim.port)
    assert v.kind == Kind.BUSY and v.action == Action.RESCUE, v


def test_a_board_that_never_answers_is_offered_the_rescue(sim):
    _start_on_pty(sim.port, "import micropython\nmicropython.kbd_intr(-1)\nwhile True: pass\n")
    v = probe(sim.port)
    assert v.kind == Kind.SILENT and v.action == Action.RESCUE, v


def test_a_program_printing_japanese_without_end_is_busy_micropython(sim):
    """A program that ignores Ctrl-C and prints Japanese: its UTF-8 bytes are text, so the
    board is busy MicroPython (the rescue), not other firmware (each byte was judged alone)."""
    _start_on_pty(
        sim.port,
        "import micropython, time\nmicropython.kbd_intr(-1)\n"
        # (the text as escapes: what is typed stays ASCII; what the board prints is UTF-8)
        "while True:\n print('\\u6e29\\u5ea6\\u306f23\\u5ea6')\n time.sleep_ms(20)\n",
    )
    v = probe(sim.port)
    assert v.kind == Kind.BUSY and v.action == Action.RESCUE, v
    assert "温度は23度" in v.detail
