"""Install MicroPython on ESP32-family boards and the ESP8266 through esptool's Python API.

    info = detect_chip("/dev/ttyUSB0")            # ChipInfo: name, revision, features, ...
    flash("/dev/ttyUSB0", "firmware.bin", progress=..., cancel=..., on_log=...)

esptool is imported lazily (the IDE must start without it). Its output reaches us through
its logger API: one :class:`_EsptoolBridge` (an ``esptool.logger.TemplateLogger``) is
installed once with ``log.set_logger``; each operation swaps the bridge's *target* (a second
``set_logger`` would fail in esptool 5.6). Because that logger is process-wide, operations
are serialised by a lock.

Safety: the image is checked (magic 0xE9, chip id in the extended header or, for the
ESP8266, its load addresses; complete; every image's checksum and appended SHA-256; fits the
detected flash) after the chip is known and BEFORE anything is erased.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ide.firmware.cancel import CancelCheck, Progress, check_cancel
from ide.firmware.errors import Cancelled, FirmwareError, ImageRejected, fw_message
from ide.firmware.esp_image import (
    FLASH_OFFSETS,
    check_image,
    inspect,
    with_esp8266_flash_size,
)
from ide.firmware.esptool_lines import esptool_line
from ide.os_errors import with_details
from ide.text import QT_TRANSLATE_NOOP, Message

ROM_BAUD = 115200  # the loader's own speed; also where a failed speed-up falls back to
DEFAULT_BAUD = 460800

LogCallback = Callable[[Message], None]

_lock = threading.Lock()


class _LogBridge(Protocol):
    """esptool's logger as installed here: it sends lines to the current operation's target."""

    target: _Target | None


class _Closable(Protocol):
    def close(self) -> None: ...


class _EspLoader(Protocol):
    """The part of esptool's (untyped) ESPLoader this module calls."""

    CHIP_NAME: str
    _port: _Closable  # esptool's serial port; closed directly when the loader is done

    def get_chip_description(self) -> str: ...
    def get_chip_revision(self) -> int: ...
    def get_chip_features(self) -> list[str]: ...
    def read_mac(self) -> Sequence[int] | None: ...
    def get_crystal_freq(self) -> float: ...
    def hard_reset(self) -> None: ...
    def change_baud(self, baud: int) -> None: ...
    def read_reg(self, addr: int, timeout: float = ...) -> int: ...


_bridge: _LogBridge | None = None  # the installed _EsptoolBridge (created on first use)


@dataclass(frozen=True)
class ChipInfo:
    """What esptool found on the port."""

    name: str  # "ESP32-S3"
    description: str  # "ESP32-S3 (QFN56) (revision v0.2)"
    revision: str  # "v0.2"
    features: tuple[str, ...]  # ("Wi-Fi", "BT 5 (LE)", "Embedded PSRAM 8MB (AP_3v3)", ...)
    flash_size: int | None  # bytes, None if the flash chip did not say
    mac: str  # "24:6f:28:a1:b2:c3"
    crystal_mhz: int | None = None

    @property
    def flash_offset(self) -> int:
        return flash_offset_for(self.name)

    @property
    def has_psram(self) -> bool:
        return any("PSRAM" in f for f in self.features)

    def summary(self) -> Message:
        size = f"{self.flash_size // (1024 * 1024)} MB" if self.flash_size else "?"
        return fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "{name} {revision}, {flash} flash, MAC {mac}. Features: {features}.",
            ),
            name=self.name,
            # the ESP8266 has no readable revision: its description ("ESP8266EX") instead
            revision=self.revision or f"({self.description})",
            flash=size,
            mac=self.mac,
            features=", ".join(self.features),
        )


def flash_offset_for(chip_name: str) -> int:
    """Where MicroPython's firmware.bin goes on ``chip_name``."""
    if chip_name in FLASH_OFFSETS:
        return FLASH_OFFSETS[chip_name]
    from esptool.targets import CHIP_DEFS  # a chip newer than our table

    for cls in CHIP_DEFS.values():
        if cls.CHIP_NAME == chip_name:
            return int(cls.BOOTLOADER_FLASH_OFFSET)
    return 0


# ----- esptool's logger -> our callbacks ---------------------------------------------------
class _Target:
    """Where esptool's output goes during one operation."""

    def __init__(self, on_log: LogCallback | None, cancel: CancelCheck) -> None:
        self.on_log = on_log
        self.cancel = cancel
        self.progress: Progress | None = None
        self.first_progress: Callable[[], None] | None = None  # once, when writing starts
        self._partial = ""

    def line(self, text: str) -> None:
        self._partial += text
        while "\n" in self._partial:
            one, self._partial = self._partial.split("\n", 1)
            self._emit(one)

    def flush(self) -> None:
        if self._partial:
            self._emit(self._partial)
            self._partial = ""

    def _emit(self, text: str) -> None:
        text = text.strip()
        if text and self.on_log is not None:
            # esptool's own words, translated where known, as detail under our steps
            self.on_log(esptool_line(text))


def _make_bridge() -> _LogBridge:
    from esptool.logger import TemplateLogger

    class _EsptoolBridge(TemplateLogger):  # type: ignore[misc]  # esptool ships no types
        def __init__(self) -> None:
            self.target: _Target | None = None

        def print(self, *args: Any, **kwargs: Any) -> None:
            if self.target is None:
                return
            sep = kwargs.get("sep", " ")
            end = kwargs.get("end", "\n")
            self.target.line(sep.join(str(a) for a in args) + end)

        def _labelled(self, label: str, message: str) -> None:
            if self.target is not None:
                self.target.flush()  # "Connecting..." ends without a newline
            self.print(f"{label}: {message}")

        def note(self, message: str) -> None:
            self._labelled("Note", message)

        def warning(self, message: str) -> None:
            self._labelled("Warning", message)

        def error(self, message: str) -> None:
            self._labelled("Error", message)

        def stage(self, finish: bool = False) -> None:
            pass

        def progress_bar(
            self,
            cur_iter: int,
            total_iters: int,
            prefix: str = "",
            suffix: str = "",
            bar_length: int = 30,
        ) -> None:
            target = self.target
            if target is None:
                return
            check_cancel(target.cancel)  # raising here stops esptool between blocks
            if target.first_progress is not None:
                announce, target.first_progress = target.first_progress, None
                announce()
            if target.progress is not None:
                target.progress(cur_iter, total_iters)

        def set_verbosity(self, verbosity: str) -> None:
            pass

    return _EsptoolBridge()


def _route_one_time_warnings() -> None:
    """Send esptool's one-time warnings to the installed logger, and re-arm them.

    esptool builds a few ``PrintOnce(log.warn)`` at import time (e.g. ``ResetStrategy``'s
    "Chip was NOT reset..."): ``log.warn`` is looked up then, which binds the console logger
    that writes to stderr, not ours. Each is pointed at the proxy ``log`` (looked up at call
    time: our bridge) and re-armed, so every operation's log shows it once.
    """
    from esptool import cmds, reset
    from esptool.logger import log
    from esptool.util import PrintOnce

    owners: list[object] = [cmds, reset]
    owners += [v for v in vars(reset).values() if isinstance(v, type)]  # class attributes
    for owner in owners:
        for value in list(vars(owner).values()):
            if not isinstance(value, PrintOnce):
                continue
            kind = getattr(value, "_hotaru_kind", None)
            if kind is None:  # first time: remember which logger method it was bound to
                kind = getattr(value.print_callback, "__name__", "warn")
                if kind not in ("warn", "note", "print"):
                    continue  # something else: leave it alone
                value._hotaru_kind = kind
                value.print_callback = lambda text, _kind=kind: getattr(log, _kind)(text)
            value.already_printed = False


@contextmanager
def _esptool_session(on_log: LogCallback | None, cancel: CancelCheck) -> Iterator[_Target]:
    """Route esptool's output to ``on_log`` for the duration; one session at a time."""
    global _bridge
    if not _lock.acquire(timeout=600):
        raise FirmwareError(
            fw_message(QT_TRANSLATE_NOOP("Firmware", "Another install is running."))
        )
    try:
        if _bridge is None:
            from esptool.logger import log

            _bridge = _make_bridge()
            log.set_logger(_bridge)  # once per process; later sessions swap the target
        _route_one_time_warnings()
        target = _Target(on_log, cancel)
        _bridge.target = target
        try:
            yield target
        finally:
            target.flush()
            _bridge.target = None
    finally:
        _lock.release()


def _say(on_log: LogCallback | None, msg: Message) -> None:
    if on_log is not None:
        on_log(msg)


def _translate_error(exc: BaseException, port: str) -> FirmwareError:
    """A FirmwareError with a beginner's explanation for esptool/pyserial failures."""
    if isinstance(exc, FirmwareError):
        return exc
    detail = str(exc).strip()
    text = detail.lower()
    if "failed to connect" in text or "no serial data received" in text:
        msg = fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "No ESP chip answered on {port}. Hold the BOOT button, press and release "
                "RESET (EN), then release BOOT and try again.",
            ),
            port=port,
        )
    elif "could not open port" in text or "permission denied" in text or isinstance(exc, OSError):
        msg = fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Could not open {port}. Is another program using it, or is the cable unplugged?",
            ),
            port=port,
        )
    elif "requires chip revision" in text:
        msg = fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "This firmware does not run on this chip's revision ({detail}). Nothing was "
                "erased. Choose an older or more general build.",
            ),
            detail=detail.split(". Use")[0],
        )
        return ImageRejected(msg, detail)
    else:
        # esptool's own words are English: on a Details line under the sentence
        msg = with_details(
            fw_message(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "The board stopped answering. Check that it is plugged in with a data "
                    "cable, then try again.",
                )
            ),
            detail,
        )
    return FirmwareError(msg, detail)


def _read_info(esp: _EspLoader) -> ChipInfo:
    from esptool.cmds import attach_flash, detect_flash_size
    from esptool.util import flash_size_bytes

    description = esp.get_chip_description()
    try:
        rev = esp.get_chip_revision()
        revision = f"v{rev // 100}.{rev % 100}"
    except Exception:  # noqa: BLE001 - ESP8266 has no revision scheme
        revision = ""
    features = tuple(esp.get_chip_features())
    mac_bytes = esp.read_mac()
    mac = ":".join(f"{b:02x}" for b in mac_bytes) if mac_bytes else ""
    try:
        crystal = int(esp.get_crystal_freq())
    except Exception:  # noqa: BLE001
        crystal = None
    attach_flash(esp)
    size_name = detect_flash_size(esp)
    flash_size = flash_size_bytes(size_name) if size_name else None
    return ChipInfo(
        name=esp.CHIP_NAME,
        description=description,
        revision=revision,
        features=features,
        flash_size=flash_size,
        mac=mac,
        crystal_mhz=crystal,
    )


def _connect(port: str, target: _Target) -> _EspLoader:
    from esptool.cmds import detect_chip as esptool_detect

    connecting = QT_TRANSLATE_NOOP("Firmware", "Connecting to the board on {port}...")
    _say(target.on_log, fw_message(connecting, port=port))
    check_cancel(target.cancel)
    esp: _EspLoader = esptool_detect(port, baud=ROM_BAUD, connect_attempts=3)
    return esp


def _close(esp: _EspLoader | None, reset: bool) -> None:
    if esp is None:
        return
    try:
        if reset:
            esp.hard_reset()
    except Exception:  # noqa: BLE001 - the port may be gone; closing is what matters
        pass
    try:
        esp._port.close()
    except Exception:  # noqa: BLE001
        pass


def detect_chip(port: str, *, on_log: LogCallback | None = None) -> ChipInfo:
    """Connect to the ROM loader on ``port`` and read chip, revision, features, flash, MAC.

    The board is reset afterwards (it runs whatever it ran before). Raises FirmwareError.
    """
    with _esptool_session(on_log, None) as target:
        esp = None
        try:
            esp = _connect(port, target)
            info = _read_info(esp)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a Message
            _close(esp, reset=False)
            raise _translate_error(exc, port) from exc
        _close(esp, reset=True)
        _say(on_log, info.summary())
        return info


def _switch_baud(esp: _EspLoader, port: str, baud: int, target: _Target) -> _EspLoader:
    """Raise the line speed; if the board does not answer at ``baud``, fall back."""
    from esptool.cmds import run_stub

    if baud <= ROM_BAUD:
        return esp
    try:
        esp.change_baud(baud)
        esp.read_reg(0x40001000, timeout=1.0)  # does it still answer at the new speed?
        return esp
    except Exception:  # noqa: BLE001 - any failure here means "too fast for this link"
        pass
    _say(
        target.on_log,
        fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The board did not answer at {baud} baud; continuing at {fallback} baud.",
            ),
            baud=baud,
            fallback=ROM_BAUD,
        ),
    )
    _close(esp, reset=False)  # reopening the port resets the chip into its loader
    time.sleep(0.25)  # let the board and the USB-serial adapter settle
    esp = _connect(port, target)
    stub: _EspLoader = run_stub(esp)
    return stub


def flash(
    port: str,
    image_path: str | Path,
    *,
    offset: int | None = None,
    erase: bool = True,
    baud: int = DEFAULT_BAUD,
    progress: Progress | None = None,
    cancel: CancelCheck = None,
    on_log: LogCallback | None = None,
) -> ChipInfo:
    """Write ``image_path`` to the ESP on ``port`` and verify it; returns the ChipInfo.

    ``offset`` None means the chip's usual MicroPython offset (0x1000 for ESP32/ESP32-S2,
    0x0 for ESP32-S3/C3/C6/ESP8266, ...). With ``erase`` the whole flash is erased first.
    ``progress(done, total)`` follows the write (bytes sent; ``(0, 0)`` while the chip
    erases, when there is nothing to count); ``cancel`` (a callable or a
    threading.Event) is checked between steps and between blocks. Raises ImageRejected
    (before anything is erased), Cancelled or FirmwareError.
    """
    from esptool.cmds import attach_flash, run_stub, write_flash

    data = Path(image_path).read_bytes()
    inspect(data)  # not an ESP image at all: refuse before even touching the port
    with _esptool_session(on_log, cancel) as target:
        esp = None
        try:
            esp = _connect(port, target)
            info = _read_info(esp)
            _say(on_log, info.summary())
            where = info.flash_offset if offset is None else offset
            check_image(data, info.name, offset=where, flash_size=info.flash_size)
            if info.name == "ESP8266" and where == 0:
                # its SDK reads the flash size from the header: write the detected one, as
                # micropython.org's --flash-size detect does (esptool's own header rewrite
                # would treat byte 23 of an ESP8266 image as an ESP32 "SHA appended" flag)
                data = with_esp8266_flash_size(data, info.flash_size)
            check_cancel(cancel)
            esp = run_stub(esp)
            esp = _switch_baud(esp, port, baud, target)
            attach_flash(esp)
            check_cancel(cancel)
            if erase:
                # erased inside write_flash, after esptool's own image checks (chip revision)
                _say(
                    on_log, fw_message(QT_TRANSLATE_NOOP("Firmware", "Erasing the whole flash..."))
                )
                if progress is not None:
                    progress(0, 0)  # no figures while the chip erases: "busy"
            writing = fw_message(
                QT_TRANSLATE_NOOP("Firmware", "Writing {size} KB at {offset}..."),
                size=len(data) // 1024,
                offset=f"0x{where:X}",
            )
            target.first_progress = lambda: _say(on_log, writing)
            target.progress = progress
            # compressed write, then esptool compares the flash's MD5 with the image's
            write_flash(esp, [(where, data)], compress=True, erase_all=erase)
            target.progress = None
            _say(on_log, fw_message(QT_TRANSLATE_NOOP("Firmware", "Written and verified.")))
        except Cancelled:
            _close(esp, reset=False)
            raise
        except ImageRejected:
            _close(esp, reset=True)  # untouched: let it run what it ran before
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a Message
            _close(esp, reset=False)
            raise _translate_error(exc, port) from exc
        _say(on_log, fw_message(QT_TRANSLATE_NOOP("Firmware", "Restarting the board...")))
        _close(esp, reset=True)
        return info
