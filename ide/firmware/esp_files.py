"""Files off an ESP board whose MicroPython never answers: through the ROM loader (esptool),
read the partition table and the filesystem partition ("vfs": littlefs; "ffat": FAT), open it
on this computer, copy the files to a folder, and write back only the sectors that changed
with main.py renamed (never deleted; see sector_order), then read it back and check it.

When that cannot be done in place (a filesystem this computer cannot open, a damaged one, or a
write-back that does not read back right) the error says so (:class:`InPlaceImpossible`), after
the files (or, when even they cannot be read, the raw partition) are already in the folder:
ide.core.rescue then offers to erase, reinstall and put the files back."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ide.firmware.cancel import CancelCheck, check_cancel
from ide.firmware.errors import Cancelled, FirmwareError, fw_message
from ide.firmware.fat_image import FatImage, FatUnreadable, looks_like_fat
from ide.firmware.renames import free_name
from ide.text import QT_TRANSLATE_NOOP, Message

TABLE_OFFSET = 0x8000  # where ESP-IDF keeps the partition table
TABLE_SIZE = 0xC00
ENTRY = struct.Struct("<2sBBII16sI")  # magic AA 50, type, subtype, offset, size, name, flags
BLOCK = 4096  # MicroPython's ESP32 VfsLfs2: block 4096, read/prog/lookahead 32
FILESYSTEMS = {"vfs": "littlefs", "ffat": "fat"}  # MicroPython's names (ports/esp32 flashbdev)
LogCallback = Callable[[Message], None]
# the names to rename (main.py, ...), or a function choosing them from the start-up files' text
# ({"main.py": b"...", "boot.py": b"..."}: whichever of them the board has)
Disable = tuple[str, ...] | Callable[[dict[str, bytes]], tuple[str, ...]]
STARTUP = ("boot.py", "main.py")  # what MicroPython runs at start, in this order
# the partition is read in pieces this size: between two, Escape can stop the read, and the
# dialog's line "Reading the board's flash: 128 of 2048 KB…" moves (a 2 MB partition is
# many seconds even at the install's speed)
READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Partition:
    name: str
    type: int
    subtype: int
    offset: int
    size: int


def parse_table(data: bytes) -> list[Partition]:
    """The entries of an ESP-IDF partition table (until the first non-entry)."""
    found: list[Partition] = []
    for pos in range(0, len(data) - ENTRY.size + 1, ENTRY.size):
        magic, ptype, sub, offset, size, name, _flags = ENTRY.unpack_from(data, pos)
        if magic != b"\xaa\x50":
            break
        found.append(
            Partition(name.rstrip(b"\0").decode("ascii", "replace"), ptype, sub, offset, size)
        )
    return found


@dataclass
class RomRescue:
    copied: list[str] = field(default_factory=list)  # board paths copied to the folder
    renamed: list[tuple[str, str]] = field(default_factory=list)
    disk_version: int = 0  # littlefs only
    kind: str = ""  # "littlefs" or "fat"
    partition: str = ""  # "vfs" / "ffat"
    folder: Path | None = None
    skipped: list[str] = field(default_factory=list)  # names this computer could not hold/read
    raw_image: Path | None = None  # the whole partition, saved when its files could not be read
    written_back: bool = False  # the partition on the board now has the culprit renamed
    chip: str = ""  # "ESP32", "ESP32-S3"... (the ROM loader's answer)
    flash_size: int | None = None


class InPlaceImpossible(FirmwareError):
    """The files are saved (as far as they could be read) but the board cannot be fixed in
    place; ``result`` says what was saved. Erase + reinstall + restore is the way on."""

    def __init__(self, message: Message, detail: str, result: RomRescue) -> None:
        super().__init__(message, detail)
        self.result = result


class _Fs(Protocol):
    def files(self) -> tuple[list[str], list[str]]: ...
    def listdir(self, path: str = "/") -> list[str]: ...
    def read(self, path: str) -> bytes: ...
    def rename(self, was: str, now: str) -> None: ...


class _Lfs:
    """littlefs-python behind the same face as FatImage."""

    def __init__(self, fs: Any) -> None:
        self.fs = fs

    def files(self) -> tuple[list[str], list[str]]:
        out = [
            f"{root.rstrip('/')}/{name}" for root, _d, names in self.fs.walk("/") for name in names
        ]
        return out, []

    def listdir(self, path: str = "/") -> list[str]:
        return list(self.fs.listdir(path))

    def read(self, path: str) -> bytes:
        with self.fs.open(path, "rb") as f:
            return bytes(f.read())

    def rename(self, was: str, now: str) -> None:
        self.fs.rename(was, now)


def _mount(image: bytes, version: int | None = None, metadata_max: int = 0) -> Any:
    import littlefs

    kwargs: dict[str, Any] = {}
    if version is not None:
        kwargs["disk_version"] = version  # write back in the on-disk version that was read
    if metadata_max:
        kwargs["metadata_max"] = metadata_max  # see compacted_rename
    fs = littlefs.LittleFS(
        block_size=BLOCK,
        block_count=len(image) // BLOCK,
        read_size=32,
        prog_size=32,
        lookahead_size=32,
        # as MicroPython's VfsLfs2 configures it on every port (extmod vfs_lfsx, and so
        # rp2_flash.mount): the cache decides how big a file may stay inline in its
        # directory, block_cycles when a metadata pair moves; the board's, not the library's
        block_cycles=100,
        cache_size=min(BLOCK, 4 * 32),
        mount=False,
        **kwargs,
    )
    fs.context.buffer = bytearray(image)
    fs.mount()
    return fs


class _Unreadable(Exception):
    pass


@contextmanager
def open_image(image: bytes, kind: str) -> Iterator[tuple[_Fs, Callable[[], bytes], int]]:
    """(the filesystem, a function giving the image's bytes after the changes, the littlefs
    disk version or 0). Raises _Unreadable when this computer cannot open it."""
    if kind == "fat":
        try:
            with FatImage(image) as fat:
                box: list[bytes] = []
                yield fat, lambda: box[0], 0
                # the image's bytes exist only once FatFs has flushed (unmounted): the caller
                # asks for them after the with block
            box.append(fat.data)
        except FatUnreadable as exc:
            raise _Unreadable(str(exc)) from exc
        return
    try:
        fs = _mount(image)
        version = int(fs.fs_stat().disk_version)
        fs.unmount()
        fs = _mount(image, version)
    except Exception as exc:  # noqa: BLE001 - littlefs raises LittleFSError or worse
        raise _Unreadable(str(exc)) from exc
    lfs_box: list[bytes] = []
    yield _Lfs(fs), lambda: lfs_box[0], version
    fs.unmount()
    lfs_box.append(bytes(fs.context.buffer))


def _safe(path: str) -> bool:
    """A board path that stays inside the destination folder on every OS."""
    parts = path.strip("/").split("/")
    bad = ("\\", "\0", ":")
    return all(p not in ("", ".", "..") and not any(c in p for c in bad) for p in parts)


def rescue_image(
    image: bytes, dest: Path, disable: Disable = ("main.py",), kind: str = "littlefs"
) -> tuple[bytes, RomRescue]:
    """Copy every file of a littlefs or FAT image to ``dest`` and rename ``disable`` in it:
    (the new image, what was done). Pure: no board. Raises _Unreadable."""
    result = RomRescue(kind=kind, folder=dest)
    dest.mkdir(parents=True, exist_ok=True)
    startup: dict[str, bytes] = {}
    with open_image(image, kind) as (fs, new_bytes, version):
        result.disk_version = version
        paths, result.skipped = fs.files()
        for path in paths:
            if not _safe(path):
                result.skipped.append(path)
                continue
            try:
                data = fs.read(path)
            except FatUnreadable:
                result.skipped.append(path)
                continue
            target = dest / path.lstrip("/")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists():  # see rp2_flash.copy_files: a name this disk takes as
                    raise FileExistsError(path)  # another's (letter case); never over it
                target.write_bytes(data)
            except OSError:  # a name this computer refuses (Windows: ?, *, "CON"...), a full disk
                result.skipped.append(path)
                continue
            result.copied.append(path)
            if path.lstrip("/").lower() in STARTUP:
                startup[path.lstrip("/").lower()] = data
        names = set(fs.listdir("/"))
        if kind == "fat":
            # FAT ignores letter case: a "Main.py" is what MicroPython runs as main.py
            actual = {n.lower(): n for n in names}
        else:
            actual = {n: n for n in names}
        lowered = {n.lower() for n in names} if kind == "fat" else names
        for was in disable(startup) if callable(disable) else disable:
            on_board = actual.get(was)
            if on_board is not None:
                now = free_name(lowered, was)
                fs.rename("/" + on_board, "/" + now)
                lowered.add(now)
                result.renamed.append((on_board, now))
    return new_bytes(), result


def sector_order(old: bytes, new: bytes) -> list[int]:
    """The offsets of the 4 kB sectors that differ between ``old`` and ``new``, in the order
    to write them so that a cut between two sector writes leaves a filesystem that mounts
    with every file (under its old or new name). The ROM loader cannot program without
    erasing (esptool's write_flash erases each sector it writes), so only the order is ours:
    sectors blank in ``old`` first (free space: nothing refers to it yet), then the ones
    rp2_flash.plan_writes would erase (free blocks, the stale half of a littlefs metadata
    pair), and last the live blocks that take an appended commit: the write that makes the
    new state visible. For littlefs, compacted_rename makes that last write go to the stale
    half of the pair, so even a cut between a sector's erase and its write loses nothing.
    FAT has no copy-on-write: a rename changes the one sector holding the directory entry
    (and nothing else), so that one sector is all that is written; a cut between its erase
    and its write (milliseconds) is the window left there."""
    from ide.firmware.rp2_flash import plan_writes

    blank = b"\xff" * BLOCK
    planned = [w.offset for w in plan_writes(old, new)]
    free = [s for s in planned if old[s : s + BLOCK] == blank]
    return free + [s for s in planned if s not in free]


def cut_safe(
    old: bytes, new: bytes, kind: str, before: dict[str, bytes], renamed: list[tuple[str, str]]
) -> bool:
    """Writing ``new`` over ``old`` in sector_order, with the cable cut at any moment (a
    sector erased and not yet written, every sector before it written), leaves a filesystem
    that opens with every file, under its old or new name."""
    now_of = {"/" + was: "/" + now for was, now in renamed}
    state = bytearray(old)
    for sector in sector_order(old, new):
        state[sector : sector + BLOCK] = b"\xff" * BLOCK  # the worst moment of this write
        try:
            seen = _files_of(bytes(state), kind)
        except _Unreadable:
            return False
        for path, data in before.items():
            if seen.get(path, seen.get(now_of.get(path, path))) != data:
                return False
        state[sector : sector + BLOCK] = new[sector : sector + BLOCK]
    return True


def compacted_rename(old: bytes, new: bytes, before: dict[str, bytes], result: RomRescue) -> bytes:
    """``new`` (``old`` with result.renamed applied), made cut-safe where littlefs allows.
    littlefs appends a rename as a commit to the live block of the directory's metadata pair;
    the ROM loader must erase that block to write it, and a cut right after the erase leaves
    the pair's stale half: an older directory, files missing. Redone with a small
    metadata_max, the commit does not fit and littlefs compacts the directory into the stale
    half instead (a higher revision): the live block is never touched, and a cut anywhere in
    that one write leaves the old directory. The smallest limit that gives a cut-safe write
    with the right files wins; else ``new`` as it is (still in sector_order)."""
    if cut_safe(old, new, "littlefs", before, result.renamed):
        return new
    for limit in (256, 512, 1024, 2048, 3072):
        try:
            fs = _mount(old, result.disk_version, metadata_max=limit)
            for was, now in result.renamed:
                fs.rename("/" + was, "/" + now)
            fs.unmount()
        except Exception:  # noqa: BLE001, S112 - this limit does not fit the directory
            continue
        candidate = bytes(fs.context.buffer)
        try:
            right = _renamed_as_expected(before, candidate, result)
        except _Unreadable:
            continue
        if right and cut_safe(old, candidate, "littlefs", before, result.renamed):
            return candidate
    return new


def _files_of(image: bytes, kind: str) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    with open_image(image, kind) as (fs, _new, _v):
        paths, _skipped = fs.files()
        for path in paths:
            try:
                out[path] = fs.read(path)
            except FatUnreadable:
                continue  # skipped when copying too: compared the same way before and after
    return out


def _impossible(source: str, why: str, result: RomRescue, **args: object) -> InPlaceImpossible:
    return InPlaceImpossible(fw_message(source, **args), why, result)


def rescue_files(
    port: str,
    dest: Path,
    *,
    on_log: LogCallback | None = None,
    disable: Disable = ("main.py",),
    progress: LogCallback | None = None,
    cancel: CancelCheck = None,
) -> RomRescue:
    """Through the ESP ROM loader on ``port``: copy the board's files to ``dest`` and write the
    filesystem back with ``disable`` renamed, then read it back and check it. Raises
    InPlaceImpossible (the files are in ``dest`` as far as they could be read) or
    FirmwareError (nothing could be read). ``progress`` gets how far the read and the write
    are; ``cancel`` (a callable or Event) stops the read between two pieces (Cancelled, with
    nothing written), never the write."""
    say = progress or (lambda _m: None)
    from esptool.cmds import attach_flash, run_stub, write_flash

    from ide.firmware.esp import (
        DEFAULT_BAUD,
        _close,
        _connect,
        _esptool_session,
        _switch_baud,
        _translate_error,
    )

    with _esptool_session(on_log, None) as target:
        esp: Any = None  # esptool's loader, then its stub (read_flash is not in _EspLoader)
        try:
            esp = _connect(port, target)
            result = RomRescue(folder=dest, chip=esp.CHIP_NAME)
            esp = run_stub(esp)
            # a 2 MB "vfs" is read, written back and read again: at the ROM's 115200 baud
            # that is minutes with no sign of life, long enough for a beginner to unplug
            # the board half-way through the write; the install's speed, with its fallback
            esp = _switch_baud(esp, port, DEFAULT_BAUD, target)
            attach_flash(esp)
            parts = parse_table(esp.read_flash(TABLE_OFFSET, TABLE_SIZE))
            part = next((p for p in parts if p.name in FILESYSTEMS), None)
            if part is None:
                raise _impossible(
                    QT_TRANSLATE_NOOP(
                        "Firmware",
                        'This board has no filesystem partition Hotaru knows (neither "vfs" '
                        'nor "ffat"): its files cannot be read this way.',
                    ),
                    "no vfs/ffat partition",
                    result,
                )
            result.partition = part.name
            image = _read(esp, part.offset, part.size, say, cancel)
            kind = FILESYSTEMS[part.name]
            if kind == "littlefs" and looks_like_fat(image):
                kind = "fat"  # a "vfs" someone formatted with VfsFat: open what is there
            result.kind = kind
            try:
                new, done = rescue_image(image, dest, disable, kind)
            except _Unreadable as exc:
                raw = result.raw_image = _save_raw(dest, part, image)
                raise _impossible(
                    QT_TRANSLATE_NOOP(
                        "Firmware",
                        'The board\'s filesystem ("{name}") cannot be opened: it is damaged or of '
                        "a kind Hotaru does not know. Its raw contents were saved as {file}.",
                    ),
                    str(exc),
                    result,
                    name=part.name,
                    file=raw.name,
                ) from exc
            done.folder, done.chip, done.partition = dest, result.chip, part.name
            if done.skipped:
                # files this computer cannot copy exist only on the board: keep the raw
                # partition too, so an erase offered later cannot be the end of them
                done.raw_image = _save_raw(dest, part, image)
            result = done
            if result.renamed:
                before = _files_of(image, kind)
                if kind == "littlefs":
                    new = compacted_rename(image, new, before, result)
                try:
                    order = sector_order(image, new)
                    for written, sector in enumerate(order, 1):
                        # one sector per write, in the cut-safe order (see sector_order);
                        # esptool checks each one's MD5. Never cancelled: see UnderPlan.cancel
                        chunk = new[sector : sector + BLOCK]
                        write_flash(esp, [(part.offset + sector, chunk)], compress=True)
                        say(
                            fw_message(
                                QT_TRANSLATE_NOOP(
                                    "Firmware",
                                    "Writing the changed sectors back: {done} of {total}…",
                                ),
                                done=written,
                                total=len(order),
                            )
                        )
                    back = esp.read_flash(part.offset, part.size)
                    ok = back[: len(new)] == new and _renamed_as_expected(before, back, result)
                except _Unreadable:
                    ok = False
                except Exception as exc:  # noqa: BLE001 - a write that failed half-way
                    raise _impossible(
                        QT_TRANSLATE_NOOP(
                            "Firmware",
                            "Writing the filesystem back failed ({error}). Your files are safe "
                            "in the folder.",
                        ),
                        str(exc),
                        result,
                        error=str(exc),
                    ) from exc
                if not ok:
                    raise _impossible(
                        QT_TRANSLATE_NOOP(
                            "Firmware",
                            "The filesystem written back does not read back right. Your files "
                            "are safe in the folder.",
                        ),
                        "verify failed",
                        result,
                    )
                result.written_back = True
        except Cancelled:
            _close(esp, reset=True)  # only read: the board may start again as it was
            raise
        except FirmwareError:
            _close(esp, reset=False)
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a Message
            _close(esp, reset=False)
            raise _translate_error(exc, port) from exc
        _close(esp, reset=True)
        return result


def _read(esp: Any, offset: int, size: int, say: LogCallback, cancel: CancelCheck) -> bytes:
    """The partition, READ_CHUNK at a time: ``cancel`` is looked at before each piece."""
    parts = []
    for pos in range(0, size, READ_CHUNK):
        check_cancel(cancel)
        parts.append(esp.read_flash(offset + pos, min(READ_CHUNK, size - pos)))
        say(
            fw_message(
                QT_TRANSLATE_NOOP("Firmware", "Reading the board's flash: {done} of {total} KB…"),
                done=min(pos + READ_CHUNK, size) // 1024,
                total=size // 1024,
            )
        )
    return b"".join(parts)


def _save_raw(dest: Path, part: Partition, image: bytes) -> Path:
    """The whole partition as read, in the folder: nothing is lost, for an expert."""
    dest.mkdir(parents=True, exist_ok=True)
    raw = dest / f"{part.name}-partition-0x{part.offset:X}.bin"
    raw.write_bytes(image)
    return raw


def _renamed_as_expected(before: dict[str, bytes], image: bytes, result: RomRescue) -> bool:
    """The image read back holds every file as before, with only the renames applied."""
    expected = dict(before)
    for was, now in result.renamed:
        expected["/" + now] = expected.pop("/" + was)
    return _files_of(image, result.kind) == expected
