"""What the operating system shows: USB devices (Linux sysfs), serial ports, UF2 drives, which
programs hold a port, and which group owns it. Every source takes its root as an argument so
tests give a folder instead of /sys or /proc."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SYS_USB = Path("/sys/bus/usb/devices")
PROC = Path("/proc")


@dataclass(frozen=True)
class UsbDevice:
    key: str  # the sysfs name ("1-2.3"): the same device keeps it while plugged in
    vid: int
    pid: int
    serial: str | None
    product: str
    ttys: tuple[str, ...]  # serial ports its interfaces made ("ttyUSB0", "ttyACM0")


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def usb_devices(root: Path = SYS_USB) -> dict[str, UsbDevice]:
    """Linux: every USB device but hubs, from sysfs (``root`` is a folder like it in tests).
    Empty where there is no such folder (Windows, macOS)."""
    found: dict[str, UsbDevice] = {}
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return found
    for dev in entries:
        if ":" in dev.name:  # an interface ("1-2:1.0"), not a device
            continue
        vid, pid = _read(dev / "idVendor"), _read(dev / "idProduct")
        if not vid or not pid or _read(dev / "bDeviceClass") == "09":  # 09: a hub
            continue
        try:
            ids = int(vid, 16), int(pid, 16)
        except ValueError:
            continue
        ttys: set[str] = set()
        # ttys sit under an interface: <if>/ttyUSB0 (usb-serial), <if>/tty/ttyACM0 (cdc-acm)
        for pattern in ("*/ttyUSB*", "*/tty/*", "*/ttyACM*"):
            ttys.update(p.name for p in dev.glob(pattern))
        found[dev.name] = UsbDevice(
            dev.name,
            ids[0],
            ids[1],
            _read(dev / "serial"),
            _read(dev / "product") or "",
            tuple(sorted(ttys)),
        )
    return found


def serial_ports() -> dict[str, tuple[int | None, int | None]]:
    """The serial ports pyserial lists, with their USB ids."""
    from ide.board.ports import list_ports

    try:
        return {p.device: (p.vid, p.pid) for p in list_ports(include_all=False)}
    except Exception:  # noqa: BLE001 - discovery trouble is "no ports", not a crash
        return {}


def uf2_drives() -> list[str]:
    """Mounted Pico BOOTSEL drives (and folders in $HOTARU_UF2_DRIVES)."""
    from ide.firmware.uf2 import find_drives

    return [str(d.path) for d in find_drives()]


def brltty_installed() -> bool:
    from ide.board.opening import brltty_installed as installed

    return installed()


def _proc_holders(port: str, proc: Path) -> list[tuple[int, str]]:
    try:
        target = os.path.realpath(port)
    except OSError:
        target = port
    found: list[tuple[int, str]] = []
    try:
        pids = [p for p in proc.iterdir() if p.name.isdigit()]
    except OSError:
        return found
    for pdir in pids:
        if int(pdir.name) == os.getpid():
            continue
        try:
            fds = list((pdir / "fd").iterdir())
        except OSError:  # another user's process: not ours to see
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in (port, target):
                    name = _read(pdir / "comm") or pdir.name
                    found.append((int(pdir.name), name))
                    break
            except OSError:
                continue
    return found


def _lsof_holders(port: str) -> list[tuple[int, str]]:
    lsof = shutil.which("lsof")
    if not lsof:
        return []
    try:
        out = subprocess.run(  # -F pc: one "p<pid>" and one "c<command>" line per process
            [lsof, "-F", "pc", port], capture_output=True, text=True, timeout=5
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[int, str]] = []
    pid = 0
    for line in out.splitlines():
        if line.startswith("p") and line[1:].isdigit():
            pid = int(line[1:])
        elif line.startswith("c") and pid and pid != os.getpid():
            found.append((pid, line[1:]))
    return found


def _psutil_holders(port: str) -> list[tuple[int, str]]:
    try:
        import psutil
    except ImportError:
        return []
    found: list[tuple[int, str]] = []
    for proc in psutil.process_iter(["pid", "name"]):
        try:
            if proc.pid != os.getpid() and any(f.path == port for f in proc.open_files()):
                found.append((proc.pid, str(proc.info["name"])))
        except (psutil.Error, OSError):
            continue
    return found


def port_holders(port: str, proc: Path = PROC, platform: str = sys.platform) -> list[str]:
    """The programs that have ``port`` open ("screen (pid 1234)"), as far as the OS lets us see:
    Linux reads /proc/*/fd, macOS asks lsof, elsewhere psutil (Windows hides serial handles
    from it, so this is often empty there)."""
    if platform.startswith("linux"):
        pairs = _proc_holders(port, proc)
    elif platform == "darwin":
        pairs = _lsof_holders(port)
    else:
        pairs = _psutil_holders(port)
    return [f"{name} (pid {pid})" for pid, name in pairs]


@dataclass(frozen=True)
class Owner:
    group: str | None  # the port's group; None when unknown (not Linux, no such port)
    user: str
    in_group_file: bool  # the user is listed in the group (takes effect at the next login)


def port_owner(port: str) -> Owner:
    """Linux: which group owns ``port`` and whether this user is (or will be, after a new
    login) in it."""
    import getpass

    user = getpass.getuser()
    if not sys.platform.startswith("linux"):
        return Owner(None, user, False)
    import grp
    import pwd

    try:
        gid = os.stat(port).st_gid
        group = grp.getgrgid(gid).gr_name
    except (OSError, KeyError):
        return Owner(None, user, False)
    try:
        members = grp.getgrnam(group).gr_mem
        primary = pwd.getpwnam(user).pw_gid == gid
    except KeyError:
        members, primary = [], False
    return Owner(group, user, user in members or primary)
