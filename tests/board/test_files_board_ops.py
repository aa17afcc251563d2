"""board_ops (the Files pane's session functions) against the simulator, without Qt."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ide.board import connect
from ide.core.files import board_ops
from ide.core.files.plan import CLASH, NEW, UNCHANGED


@pytest.fixture
def session(sim: Any) -> Iterator[Any]:
    s = connect(sim.port)
    try:
        yield s
    finally:
        s.close()


def test_plan_and_run_upload_with_hash_sync(session: Any, tmp_path: Path) -> None:
    proj = tmp_path / "proj"
    (proj / "lib").mkdir(parents=True)
    (proj / "same.py").write_text("same\n")
    (proj / "changed.py").write_text("new!\n")  # same size as the board's, other bytes
    (proj / "longer.py").write_text("much longer now\n")
    (proj / "lib" / "new.py").write_text("n\n")
    session.mkdir("/proj")
    session.write_file("/proj/same.py", b"same\n")
    session.write_file("/proj/changed.py", b"old!\n")
    session.write_file("/proj/longer.py", b"short\n")

    plan = board_ops.plan_upload(session, [proj], "/")
    status = {str(i.target): i.status for i in plan.items}
    assert status == {
        "/proj/same.py": UNCHANGED,
        "/proj/changed.py": CLASH,
        "/proj/longer.py": CLASH,
        "/proj/lib/new.py": NEW,
    }
    assert plan.folders == ["/proj/lib"]  # /proj exists already
    todo = [i for i in plan.items if i.status != UNCHANGED]
    seen: list[tuple[int, int]] = []
    summary = board_ops.run_upload(
        session, plan.folders, todo, lambda d, t: seen.append((d, t)), lambda: False
    )
    assert summary.copied == 3 and not summary.cancelled
    assert seen[-1][0] == seen[-1][1] == sum(i.size for i in todo)
    assert session.read_file("/proj/changed.py") == b"new!\n"
    assert session.read_file("/proj/lib/new.py") == b"n\n"


def test_plan_upload_blocked_by_a_file_where_a_folder_goes(session: Any, tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "x.py").write_text("x")
    session.write_file("/lib", b"I am a file")
    plan = board_ops.plan_upload(session, [tmp_path / "lib"], "/")
    assert plan.refused and plan.folders == []
    assert [i.status for i in plan.items] == ["blocked"]


def test_download_refuses_hostile_names(session: Any, tmp_path: Path) -> None:
    from ide.board import Entry

    session.mkdir("/d")
    session.write_file("/d/ok.txt", b"ok")
    dest = tmp_path / "x" / "dest"
    dest.mkdir(parents=True)
    entries = [
        Entry("d", "/d", True, 0),
        Entry("../../escape.txt", "/d/ok.txt", False, 2),
        Entry("/etc/passwd", "/d/ok.txt", False, 2),
    ]
    plan = board_ops.plan_download(session, entries, dest)
    assert [r[0] for r in plan.refused] == ["/d/ok.txt", "/d/ok.txt"]  # the paths given
    assert [Path(i.target) for i in plan.items] == [dest / "d" / "ok.txt"]
    board_ops.run_download(session, plan.folders, plan.items, lambda d, t: None, lambda: False)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "x",
        "x/dest",
        "x/dest/d",
        "x/dest/d/ok.txt",
    ]


def test_download_progress_is_overall_and_cancel_stops_between_files(
    session: Any, tmp_path: Path
) -> None:
    from ide.board import Entry

    session.mkdir("/dl")
    session.write_file("/dl/a.bin", os.urandom(3000))
    session.write_file("/dl/b.bin", os.urandom(5000))
    dest = tmp_path / "dest"
    dest.mkdir()
    plan = board_ops.plan_download(session, [Entry("dl", "/dl", True, 0)], dest)
    assert sum(i.size for i in plan.items) == 8000
    seen: list[tuple[int, int]] = []
    summary = board_ops.run_download(
        session, plan.folders, plan.items, lambda d, t: seen.append((d, t)), lambda: False
    )
    assert summary.copied == 2 and summary.bytes == 8000 and not summary.cancelled
    assert seen[0] == (0, 8000) and seen[-1] == (8000, 8000)
    assert {t for _, t in seen} == {8000}
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # never goes back
    assert (3000, 8000) in seen  # the first file done, counted into the second's progress

    (dest / "dl" / "b.bin").write_bytes(b"kept")
    done: list[int] = []
    summary = board_ops.run_download(
        session,
        plan.folders,
        plan.items,
        lambda d, t: done.append(d),
        lambda: bool(done) and done[-1] >= 3000,  # Cancel once the first file is in
    )
    assert summary.cancelled and summary.copied == 1
    assert (dest / "dl" / "b.bin").read_bytes() == b"kept"


@pytest.mark.timeout(120)
def test_cancelled_upload_leaves_the_old_file(tmp_path: Path) -> None:
    from ide.simulator import start

    old = b"old content\n" * 10
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(40_000))
    with start(baud=115200) as board:
        s = connect(board.port)
        try:
            s.write_file("/big.bin", old)
            plan = board_ops.plan_upload(s, [big], "/")
            cancel = threading.Event()

            def progress(done: int, total: int) -> None:
                if done >= 8000:
                    cancel.set()

            summary = board_ops.run_upload(s, plan.folders, plan.items, progress, cancel.is_set)
            assert summary.cancelled and summary.copied == 0
            assert s.read_file("/big.bin") == old
            assert [e.name for e in s.listdir("/")] == ["big.bin"]  # no temporary litter
            s.write_file("/after.txt", b"still works")  # the session is in step afterwards
            assert s.read_file("/after.txt") == b"still works"
        finally:
            s.close()


def test_hashes_and_small_actions(session: Any) -> None:
    import hashlib

    data = os.urandom(3000)
    session.write_file("/h.bin", data)
    got = board_ops.board_hashes(session, ["/h.bin", "/none"])
    assert got == {"/h.bin": hashlib.sha256(data).hexdigest(), "/none": None}
    # a board without hashlib (as probed at connect) is not asked at all
    real_info, real_exec = session.info, session.exec
    execs: list[str] = []
    session.info = dataclasses.replace(real_info, has_hashlib=False)
    session.exec = lambda code, *a, **k: execs.append(code) or real_exec(code, *a, **k)
    try:
        assert board_ops.board_hashes(session, ["/h.bin", "/none"]) == {
            "/h.bin": None,
            "/none": None,
        }
    finally:
        session.info = real_info
        del session.exec
    assert execs == [], "hashes were asked of a board without hashlib"
    assert board_ops.new_folder(session, "/", "pkg") == "/pkg"
    assert board_ops.new_file(session, "/pkg", "a.py") == "/pkg/a.py"
    assert board_ops.rename(session, "/pkg/a.py", "b.py") == "/pkg/b.py"
    board_ops.copy_on_board(session, "/h.bin", "/main.py")
    assert session.read_file("/main.py") == data
    assert board_ops.folder_stats(session, "/pkg") == (1, 0, 0)
    session.mkdir("/pkg/d1/d2/d3", parents=True)
    for folder in ("/pkg/d1", "/pkg/d1/d2", "/pkg/d1/d2/d3"):
        session.write_file(folder + "/f.py", b"")
    shallow = board_ops.walk_board(session, "/pkg", depth=2)
    assert [e.path for e in shallow[1]] == ["/pkg/b.py", "/pkg/d1/f.py", "/pkg/d1/d2/f.py"]
    assert [e.path for e in shallow[0]] == ["/pkg/d1", "/pkg/d1/d2", "/pkg/d1/d2/d3"]
    assert len(board_ops.walk_board(session, "/pkg")[1]) == 4
    board_ops.delete(session, "/pkg", True)
    assert not session.exists("/pkg")
    total, used, free = board_ops.free_space(session)
    assert total > 0 and free <= total


def test_new_and_rename_never_replace_what_is_there(session: Any) -> None:
    session.mkdir("/p")
    session.write_file("/p/keep.py", b"precious")
    session.write_file("/p/other.py", b"other")
    for action in (
        lambda: board_ops.new_file(session, "/p", "keep.py"),
        lambda: board_ops.new_folder(session, "/p", "keep.py"),
        lambda: board_ops.rename(session, "/p/other.py", "keep.py"),
    ):
        with pytest.raises(board_ops.NameTaken) as info:
            action()
        assert "keep.py" in str(info.value.message)
    assert session.read_file("/p/keep.py") == b"precious"
    assert board_ops.rename(session, "/p/other.py", "Other.py") == "/p/Other.py"  # case only
