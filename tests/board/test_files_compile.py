"""Compile on upload against the simulator (the real MicroPython WebAssembly port, which loads
.mpy files: it reports sys.implementation._mpy = 6.3), without Qt: a lib folder goes up as .mpy
and the board imports it; the board's .py of the same name is handled; errors upload nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ide.board import connect
from ide.core.files import board_ops, mpy_upload
from ide.core.files.compile import BoardMpy, CompileError, board_mpy, for_board
from ide.core.files.plan import CLASH, NEW, UNCHANGED


@pytest.fixture
def session(sim: Any) -> Iterator[Any]:
    s = connect(sim.port)
    try:
        yield s
    finally:
        s.close()


def _project(root: Path) -> Path:
    lib = root / "lib"
    (lib / "pkg").mkdir(parents=True)
    (lib / "sensor.py").write_text("def reading():\n    return 21 + 21\n")
    (lib / "pkg" / "__init__.py").write_text("NAME = 'pkg'\n")
    (lib / "main.py").write_text("print('never compiled')\n")
    (lib / "notes.txt").write_text("not code\n")
    (lib / "broken.py").write_text("x = 1\ndef f(:\n    pass\n")
    return lib


def _upload_all(s: Any, plan: Any) -> Any:
    return board_ops.run_upload(s, plan.folders, plan.items, lambda d, t: None, lambda: False)


def _compiled(s: Any, source: bytes, board_path: str) -> bytes:
    compiling = for_board(s)
    assert compiling.ready
    return compiling.compile(source, board_path)


def _names(s: Any, folder: str) -> set[str]:
    return {e.name for e in s.listdir(folder)}


def test_the_simulator_loads_mpy_files(session: Any) -> None:
    assert board_mpy(session) == BoardMpy(6, 3, None)


def test_a_lib_folder_goes_up_compiled_and_imports(session: Any, tmp_path: Path) -> None:
    lib = _project(tmp_path)
    plan = board_ops.plan_upload(session, [lib], "/", compile_mpy=True)
    assert {str(i.target) for i in plan.items} == {
        "/lib/sensor.mpy",
        "/lib/pkg/__init__.mpy",
        "/lib/main.py",
        "/lib/notes.txt",
    }
    assert [(name, str(why)) for name, why in plan.not_compiled] == [
        (str(lib / "broken.py"), f"{lib / 'broken.py'}, line 2: SyntaxError: invalid syntax")
    ]
    summary = _upload_all(session, plan)
    assert (summary.copied, summary.compiled, summary.failed) == (4, 2, [])
    assert _names(session, "/lib") == {"sensor.mpy", "pkg", "main.py", "notes.txt"}
    assert _names(session, "/lib/pkg") == {"__init__.mpy"}
    assert session.read_file("/lib/sensor.mpy")[:4] == b"M\x06\x00\x1f"
    out = session.exec(
        "import sensor, pkg\nprint(sensor.reading(), pkg.NAME, sensor.__file__, pkg.__file__)"
    )
    assert out.split() == ["42", "pkg", "/lib/sensor.mpy", "/lib/pkg/__init__.mpy"]

    # tracebacks name the board .py and its line, as when the board compiles the source itself
    session.write_file("/lib/oops.mpy", _compiled(session, b"x = 1\ny = x / 0\n", "/lib/oops.py"))
    assert 'File "/lib/oops.py", line 2' in session.exec(
        "try:\n import oops\nexcept Exception as e:\n import sys\n sys.print_exception(e)"
    )

    # nothing changed: the same compiled bytes, so nothing to send again
    again = board_ops.plan_upload(session, [lib], "/", compile_mpy=True)
    assert {str(i.target): i.status for i in again.items}["/lib/sensor.mpy"] == UNCHANGED


def test_setting_off_uploads_the_sources(session: Any, tmp_path: Path) -> None:
    lib = _project(tmp_path)
    plan = board_ops.plan_upload(session, [lib], "/")
    assert plan.compiled == 0 and plan.not_compiled == []
    _upload_all(session, plan)
    assert "sensor.py" in _names(session, "/lib") and "broken.py" in _names(session, "/lib")


def test_a_py_that_would_shadow_the_mpy(session: Any, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "same.py").write_text("WHO = 'new same'\n")
    (lib / "edited.py").write_text("WHO = 'new edited'\n")
    session.mkdir("/lib")
    session.write_file("/lib/same.py", b"WHO = 'new same'\n")  # uploaded before, uncompiled
    session.write_file("/lib/edited.py", b"WHO = 'edited on the board'\n")
    session.write_file("/lib/other.py", b"WHO = 'not in this upload'\n")

    plan = board_ops.plan_upload(session, [lib], "/", compile_mpy=True)
    by_target = {str(i.target): i for i in plan.items}
    assert by_target["/lib/same.mpy"].status == NEW
    assert by_target["/lib/same.mpy"].clash_with is None  # same source: no question
    edited = by_target["/lib/edited.mpy"]
    assert (edited.status, edited.clash_with) == (CLASH, "/lib/edited.py")  # asked about

    # the user skips the edited file: only the other one goes
    _upload_all(session, type(plan)(plan.folders, [by_target["/lib/same.mpy"]]))
    assert _names(session, "/lib") == {"same.mpy", "edited.py", "other.py"}
    assert session.exec("import same\nprint(same.WHO, same.__file__)").split() == [
        "new",
        "same",
        "/lib/same.mpy",
    ]
    # Replace: the .mpy is written, then the board's edited.py goes; other.py is never touched
    _upload_all(session, type(plan)(plan.folders, [edited]))
    assert _names(session, "/lib") == {"same.mpy", "edited.mpy", "other.py"}
    assert "new edited" in session.exec("import edited\nprint(edited.WHO)")


def test_save_compiled(session: Any) -> None:
    session.mkdir("/lib")
    session.write_file("/lib/tab.py", b"V = 'old source'\n")
    saved = mpy_upload.save_compiled(session, b"V = 'compiled'\n", "/lib/tab.py", "tab.py")
    assert (saved.written, saved.note) == ("/lib/tab.mpy", None)
    assert _names(session, "/lib") == {"tab.mpy"}
    assert "compiled" in session.exec("import tab\nprint(tab.V)")
    with pytest.raises(CompileError) as caught:
        mpy_upload.save_compiled(session, b"V = (\n", "/lib/tab.py", "tab.py")
    assert str(caught.value.message).startswith("tab.py, line ")
    assert _names(session, "/lib") == {"tab.mpy"}  # nothing written or removed
    assert session.read_file("/lib/tab.mpy")[:2] == b"M\x06"
