"""The MicroPython stubs on disk, one folder per board, laid out for jedi. Qt-free.

The micropython-stubs wheels (resources/stubs/, pinned, MIT) cannot be installed side by side:
each board's wheel puts ``machine.pyi``, ``time.pyi`` ... straight into site-packages, so a
second board's wheel would overwrite the first (and CPython tools would see MicroPython's
``time``). They ship inside Hotaru instead and are unpacked on first use into the cache
folder (ide.paths.cache_dir()/stubs/<wheel name>/), no network needed. Each top-level module
``m`` becomes a PEP 561 stub package ``m-stubs/__init__.pyi``: jedi loads ``m-stubs`` before
its own typeshed, so ``import time`` means MicroPython's time, not CPython's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path

from ide import paths
from ide.core.completion.boards import STDLIB_WHEEL, board

# Typing machinery jedi understands from its own typeshed; the stdlib stubs' copies (a reduced
# typeshed) would only make it worse at reading the board stubs themselves.
_KEEP_JEDIS = frozenset(
    {
        "builtins", "typing", "typing_extensions", "types", "abc", "enum", "_typeshed",
        "__future__", "_ast", "_codecs", "_collections_abc", "_decimal", "sre_compile",
        "sre_constants", "sre_parse", "__builtins__", "VERSIONS", "mypy_extensions",
    }
)
# Modules the stubs describe that a program does not import (build/boot helpers, typing aid)
_NOT_USER_MODULES = frozenset({"_boot", "_boot_fat", "inisetup", "flashbdev", "_mpy_shed"})

_lock = threading.Lock()
_module_cache: dict[str, frozenset[str]] = {}


def wheel_path(name: str) -> Path:
    return paths.resources_dir() / "stubs" / name


def _top_entries(zf: zipfile.ZipFile, prefix: str = "") -> dict[str, list[zipfile.ZipInfo]]:
    """Module name -> the .pyi members that make it, for the members under ``prefix``."""
    modules: dict[str, list[zipfile.ZipInfo]] = {}
    for info in zf.infolist():
        name = info.filename
        if not name.startswith(prefix) or not name.endswith(".pyi"):
            continue
        first = name[len(prefix) :].split("/", 1)[0]
        module = first[:-4] if first.endswith(".pyi") else first
        if ".dist-info" in first or module in _KEEP_JEDIS or not module.isidentifier():
            continue
        modules.setdefault(module, []).append(info)
    return modules


def _unpack(zf: zipfile.ZipFile, modules: dict[str, list[zipfile.ZipInfo]], prefix: str,
            target: Path, skip: set[str]) -> None:
    for module, members in modules.items():
        if module in skip:
            continue  # the board's own stub wins over the generic stdlib one
        for info in members:
            rel = info.filename[len(prefix) :]
            if "/" in rel:
                dest = target / f"{module}-stubs" / rel.split("/", 1)[1]
            else:
                dest = target / f"{module}-stubs" / "__init__.pyi"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(info))


def stub_folder(board_key: str) -> Path:
    """The unpacked stub folder for the board (unpacked now if this is its first use)."""
    b = board(board_key)
    root = paths.cache_dir() / "stubs"
    # the wheel names carry the pinned versions: a new pin unpacks into a new folder
    target = root / f"{b.wheel[:-4]}+{STDLIB_WHEEL.split('-')[1]}"
    if (target / ".complete").exists():
        return target
    with _lock:
        if (target / ".complete").exists():
            return target
        root.mkdir(parents=True, exist_ok=True)
        # unpack beside the target and rename, so a crash or a second Hotaru never leaves
        # (or reads) a half-written folder
        tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=root))
        try:
            with zipfile.ZipFile(wheel_path(b.wheel)) as zf:
                board_modules = _top_entries(zf)
                _unpack(zf, board_modules, "", tmp, set())
            with zipfile.ZipFile(wheel_path(STDLIB_WHEEL)) as zf:
                _unpack(zf, _top_entries(zf, "stdlib/"), "stdlib/", tmp, set(board_modules))
                _unpack(zf, _top_entries(zf, ""), "", tmp, {"stdlib", "stubs"})
            (tmp / ".complete").write_text("")
            try:
                os.replace(tmp, target)
            except OSError:
                if not (target / ".complete").exists():  # not another process's finished copy
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def board_modules(board_key: str) -> frozenset[str]:
    """The names a program on this board can import (from its stubs)."""
    key = board(board_key).key
    cached = _module_cache.get(key)
    if cached is not None:
        return cached
    folder = stub_folder(key)
    names = frozenset(
        p.name[: -len("-stubs")]
        for p in folder.iterdir()
        if p.name.endswith("-stubs") and p.name[: -len("-stubs")] not in _NOT_USER_MODULES
    )
    _module_cache[key] = names
    return names


def is_stub_path(path: Path | str) -> bool:
    """True for a file inside the unpacked stubs (opened read-only by go to definition)."""
    try:
        Path(path).resolve().relative_to((paths.cache_dir() / "stubs").resolve())
    except ValueError:
        return False
    return True
