"""ide.core.recovery: sessions, atomic copies, sidecars, dead sessions, changes on disk (no Qt)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ide.core.recovery import (
    EntryInfo,
    FileState,
    RecoveryStore,
    Writer,
    atomic_write,
    changed_since,
)


def test_atomic_write_replaces_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write(target, "一".encode())
    atomic_write(target, "二二".encode())
    assert target.read_text(encoding="utf-8") == "二二"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    atomic_write(target, b"old")

    def refuse(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_live_session_is_not_offered_a_dead_one_is(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    live = store.start_session()
    live.write("tab-1", "print('live')\n", EntryInfo(title="live.py"))
    assert store.claim_orphans() == []  # its lock is held: a running Hotaru's

    dead = store.start_session()
    info = EntryInfo(title="ブリンク.py", local_path="/x/ブリンク.py", saved_at=12.5)
    dead.write("tab-1", "点滅\n", info)
    dead.close(clean=False)  # what a crash leaves: files, no lock holder
    orphans = store.claim_orphans(exclude=live)
    assert len(orphans) == 1
    (entry,) = orphans[0].entries
    assert entry.text() == "点滅\n"
    assert entry.info == info
    # claimed: a second Hotaru starting now does not offer it too
    assert RecoveryStore(tmp_path).claim_orphans(exclude=live) == []
    orphans[0].discard(entry)
    orphans[0].finish()
    assert not orphans[0].folder.exists()
    assert RecoveryStore(tmp_path).claim_orphans() == []


def test_a_killed_process_leaves_its_session_to_the_next(tmp_path: Path) -> None:
    """A real process holds the lock and dies by SIGKILL: the OS frees the lock."""
    code = (
        "import os, sys; from ide.core.recovery import RecoveryStore, EntryInfo;"
        f"s = RecoveryStore({str(tmp_path)!r}).start_session();"
        "s.write('tab-1', 'typed\\n', EntryInfo(title='t.py'));"
        "print('ready', flush=True); sys.stdin.read()"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        assert RecoveryStore(tmp_path).claim_orphans() == []  # alive: not offered
        child.kill()
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    (orphan,) = RecoveryStore(tmp_path).claim_orphans()
    assert [e.text() for e in orphan.entries] == ["typed\n"]


def test_clean_close_removes_everything_and_empty_dead_sessions_go(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    session = store.start_session()
    session.write("tab-1", "x", EntryInfo(title="x.py"))
    session.remove("tab-1")
    session.write("tab-2", "y", EntryInfo(title="y.py"))
    assert session.keys() == ["tab-2"]
    session.close(clean=True)
    assert list(tmp_path.iterdir()) == []
    empty = store.start_session()
    empty.close(clean=False)
    assert store.claim_orphans() == []
    assert list(tmp_path.iterdir()) == []


def test_decide_later_keeps_the_entries(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    dead = store.start_session()
    dead.write("tab-1", "a", EntryInfo(title="a.py"))
    dead.write("tab-2", "b", EntryInfo(title="b.py"))
    dead.close(clean=False)
    (orphan,) = store.claim_orphans()
    orphan.discard(orphan.entries[0])
    orphan.finish()  # one left: kept for the next start
    (again,) = store.claim_orphans()
    assert [e.info.title for e in again.entries] == ["b.py"]


def test_a_text_without_its_sidecar_is_still_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    dead = store.start_session()
    dead.write("tab-1", "only the text", EntryInfo(title="t.py"))
    (dead.folder / "tab-1.json").unlink()  # a crash between the two writes
    dead.write("tab-2", "bad sidecar", EntryInfo(title="u.py"))
    (dead.folder / "tab-2.json").write_text("{not json", encoding="utf-8")
    dead.close(clean=False)
    (orphan,) = store.claim_orphans()
    assert sorted((e.info.title, e.text()) for e in orphan.entries) == [
        ("tab-1", "only the text"),
        ("tab-2", "bad sidecar"),
    ]


def test_sidecar_fields(tmp_path: Path) -> None:
    original = tmp_path / "main.py"
    original.write_text("v1\n", encoding="utf-8")
    state = FileState.of_path(original)
    assert state is not None and state.size == 3
    session = RecoveryStore(tmp_path / "r").start_session()
    info = EntryInfo(
        title="main.py (board)", board_path="/main.py", board="Pico (/dev/ttyACM0)",
        saved_at=1.0, original=state,
    )  # fmt: skip
    session.write("tab-7", "v2\n", info)
    data = json.loads((session.folder / "tab-7.json").read_text(encoding="utf-8"))
    assert data["board_path"] == "/main.py" and data["board"] == "Pico (/dev/ttyACM0)"
    assert data["original"] == {"mtime_ns": state.mtime_ns, "size": 3, "sha256": state.sha256}
    assert EntryInfo.from_json(json.dumps(data), "x") == info


def test_changed_since(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("one\n", encoding="utf-8")
    state = FileState.of_path(path)
    assert not changed_since(path, state)
    os.utime(path, ns=(1, 1))  # touched, same bytes
    assert not changed_since(path, state)
    path.write_text("two\n", encoding="utf-8")  # same size, new content
    assert changed_since(path, state)
    path.unlink()
    assert changed_since(path, state)
    assert not changed_since(path, None)
    path.write_text("new\n", encoding="utf-8")
    assert changed_since(path, None)  # appeared where there was no file


def test_entry_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("one\n", encoding="utf-8")
    store = RecoveryStore(tmp_path / "r")
    dead = store.start_session()
    dead.write("t", "mine", EntryInfo(title="a.py", local_path=str(path),
                                      original=FileState.of_path(path)))  # fmt: skip
    dead.write("u", "board", EntryInfo(title="b.py", board_path="/b.py"))
    dead.close(clean=False)
    (orphan,) = store.claim_orphans()
    local, board = sorted(orphan.entries, key=lambda e: e.key)
    assert not local.changed_on_disk() and not board.changed_on_disk()
    path.write_text("theirs\n", encoding="utf-8")
    assert local.changed_on_disk()


def test_writer_keeps_only_the_newest_job_per_key_in_order() -> None:
    gate = threading.Event()
    done: list[str] = []
    writer = Writer()
    writer.submit("block", gate.wait)
    for text in ("a1", "a2", "a3"):
        writer.submit("a", lambda t=text: done.append(t))
    writer.submit("b", lambda: done.append("b"))
    writer.submit("a", lambda: done.append("a4"))  # replaces a3, keeps a's place before b
    gate.set()
    assert writer.wait_idle(timeout=30)
    assert done == ["a4", "b"]
    assert writer.close()
    writer.submit("late", lambda: done.append("late"))  # after close: ignored
    assert done == ["a4", "b"]


def test_writer_reports_errors_and_goes_on() -> None:
    errors: list[tuple[str, str]] = []
    done: list[str] = []
    writer = Writer(on_error=lambda key, exc: errors.append((key, exc.strerror or "")))

    def fail() -> None:
        raise OSError(28, "No space left on device")

    writer.submit("x", fail)
    writer.submit("y", lambda: done.append("y"))
    assert writer.close()
    assert errors == [("x", "No space left on device")] and done == ["y"]
