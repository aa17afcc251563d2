"""Watching the computer while the user plugs the board in, and what that shows.

The caller takes a :class:`Snapshot` every few hundred milliseconds and feeds it to
:class:`PlugWatch` with the time; ``verdict()`` says what happened once it is clear. Time is
passed in, never read, so tests replay a plug-in without waiting."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ide.core.doctor import system, verdicts
from ide.core.doctor.verdicts import Verdict

SETTLE = 1.0  # s a new port must stay before it is probed (Linux creates, then udev fixes modes)
NO_PORT_AFTER = 3.0  # s a new USB device may take to get its serial port (driver binding)
FLAP_WINDOW = 5.0  # s: a port gone again within this after appearing "vanished at once"


@dataclass(frozen=True)
class Snapshot:
    usb: dict[str, system.UsbDevice] = field(default_factory=dict)
    ports: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    drives: tuple[str, ...] = ()


def take_snapshot(
    usb_root: Path = system.SYS_USB,
    ports: Callable[[], dict[str, tuple[int | None, int | None]]] = system.serial_ports,
    drives: Callable[[], list[str]] = system.uf2_drives,
) -> Snapshot:
    return Snapshot(system.usb_devices(usb_root), ports(), tuple(drives()))


@dataclass
class _Seen:
    first: float
    gone: float | None = None


class PlugWatch:
    """What changed since ``baseline``: new USB devices, new ports (and ones that vanished),
    new UF2 drives. Unplugging first is fine: a device that goes and comes back counts as new."""

    def __init__(
        self,
        baseline: Snapshot,
        *,
        platform: str = sys.platform,
        brltty: Callable[[], bool] = system.brltty_installed,
    ) -> None:
        self._known_usb = set(baseline.usb)
        self._known_ports = set(baseline.ports)
        self._known_drives = set(baseline.drives)
        self._platform = platform
        self._brltty = brltty
        self.new_usb: dict[str, tuple[float, system.UsbDevice]] = {}
        self.new_ports: dict[str, _Seen] = {}
        self.new_drives: list[str] = []
        self.last: Snapshot = baseline

    def update(self, snap: Snapshot, now: float) -> None:
        # a device unplugged now and plugged in later is new then: forget it when it goes
        self._known_usb &= set(snap.usb)
        self._known_ports &= set(snap.ports)
        self._known_drives &= set(snap.drives)
        for key, dev in snap.usb.items():
            if key not in self._known_usb and key not in self.new_usb:
                self.new_usb[key] = (now, dev)
        for port in snap.ports:
            if port not in self._known_ports:
                seen = self.new_ports.setdefault(port, _Seen(now))
                if seen.gone is not None:  # back again
                    seen.gone = None
        for port, seen in self.new_ports.items():
            if port not in snap.ports and seen.gone is None:
                seen.gone = now
        for drive in snap.drives:
            if drive not in self._known_drives and drive not in self.new_drives:
                self.new_drives.append(drive)
        self.last = snap

    def port_to_probe(self, now: float) -> str | None:
        """A new port that has stayed for SETTLE seconds: ask it what it is."""
        for port, seen in self.new_ports.items():
            if seen.gone is None and now - seen.first >= SETTLE:
                return port
        return None

    def verdict(self, now: float, gave_up: bool = False) -> Verdict | None:
        """What the plug-in showed, or None while it is not clear yet (a port to probe is
        :meth:`port_to_probe`'s business). ``gave_up``: the user says the board is plugged in
        and nothing happened (or the watch timed out)."""
        if self.new_drives:
            return verdicts.bootsel(self.new_drives[0])
        for port, seen in self.new_ports.items():
            if seen.gone is not None and seen.gone - seen.first <= FLAP_WINDOW:
                if self._platform.startswith("linux") and self._brltty():
                    return verdicts.brltty()
                return verdicts.port_flaps(port)
        if any(s.gone is None for s in self.new_ports.values()):
            return None  # a port is there: it gets probed
        for first, dev in self.new_usb.values():
            if dev.ttys or dev.key not in self.last.usb:
                continue
            chip = verdicts.chip_name(dev.vid, dev.pid)
            if chip is not None and now - first >= NO_PORT_AFTER:
                if self._platform.startswith("linux") and self._brltty():
                    return verdicts.brltty()  # Linux has the drivers: brltty claimed it
                return verdicts.no_driver(dev.vid, dev.pid, self._platform)
        if gave_up:
            return verdicts.no_device(self._platform)
        return None
