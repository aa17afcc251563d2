"""Autosave (ide/ui/editor/autosave.py) and the recovery dialog, with real editor tabs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from ide.core.recovery import EntryInfo, FileState, Orphan, RecoveryStore, Session
from ide.ui.editor.autosave import Autosave, offer_recovery
from ide.ui.editor.recovery_dialog import RecoveryDialog
from ide.ui.editor.tabs import DISCARD, EditorTabs
from ide.ui.settings.preferences import Preferences


@pytest.fixture
def tabs(qtbot, tmp_path: Path) -> EditorTabs:
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    t = EditorTabs(preferences=prefs)
    qtbot.addWidget(t)
    t.errors = []  # type: ignore[attr-defined]
    t.show_error = lambda title, text: t.errors.append(text)  # type: ignore[attr-defined]
    return t


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def autosave(tabs: EditorTabs, store: RecoveryStore):
    saver = Autosave(tabs, store.start_session(), delay_ms=50, flush_ms=3000)
    yield saver
    saver.finish()


def _copy(saver: Autosave, tabs: EditorTabs) -> Path:
    key = saver.key(tabs.current_editor())  # type: ignore[arg-type]
    assert key is not None
    return saver.session.folder / (key + ".txt")


def test_typing_leaves_a_copy_and_saving_removes_it(qtbot, tabs, autosave, tmp_path) -> None:
    script = tmp_path / "点滅.py"
    script.write_text("print(1)\n", encoding="utf-8")
    editor = tabs.open_local(script)
    assert editor is not None
    copy = _copy(autosave, tabs)
    qtbot.keyClicks(editor, "# hi ")  # keyClicks types ASCII only
    editor.insert("こんにちは ")
    qtbot.waitUntil(lambda: copy.exists() and copy.with_suffix(".json").exists())
    assert copy.read_text(encoding="utf-8") == "# hi こんにちは print(1)\n"
    info = json.loads(copy.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["title"] == "点滅.py" and info["local_path"] == str(script.resolve())
    assert info["original"]["sha256"] == FileState.of_path(script).sha256  # type: ignore[union-attr]
    assert info["saved_at"] > 0
    assert tabs.save()
    qtbot.waitUntil(lambda: not copy.exists())
    assert script.read_text(encoding="utf-8") == "# hi こんにちは print(1)\n"


def test_untitled_tab_copy_goes_when_closed_without_saving(qtbot, tabs, autosave) -> None:
    editor = tabs.new_file()
    copy = _copy(autosave, tabs)
    qtbot.keyClicks(editor, "x = 1")
    qtbot.waitUntil(copy.with_suffix(".json").exists)  # the sidecar comes second
    assert json.loads(copy.with_suffix(".json").read_text(encoding="utf-8"))["local_path"] is None
    tabs.ask_save_changes = lambda name: DISCARD
    assert tabs.close_tab(tabs.indexOf(editor))
    qtbot.waitUntil(lambda: not copy.exists())


def test_undo_to_the_saved_text_removes_the_copy(qtbot, tabs, autosave) -> None:
    editor = tabs.new_file("a\n", name="a.py")
    copy = _copy(autosave, tabs)
    editor.insert("b")
    qtbot.waitUntil(copy.with_suffix(".json").exists)  # the sidecar comes second
    editor.undo()
    qtbot.waitUntil(lambda: not copy.exists())


def test_text_typed_without_pause_is_copied_by_the_periodic_flush(qtbot, tabs, store) -> None:
    saver = Autosave(tabs, store.start_session(), delay_ms=3_600_000, flush_ms=50)
    try:
        editor = tabs.new_file()
        qtbot.keyClicks(editor, "still typing")  # the debounce (an hour) never fires
        copy = _copy(saver, tabs)
        qtbot.waitUntil(copy.with_suffix(".json").exists)  # the sidecar comes second
        assert copy.read_text(encoding="utf-8") == "still typing"
    finally:
        saver.finish()


def test_clean_finish_removes_the_session_unsaved_text_stays(qtbot, tabs, store) -> None:
    saver = Autosave(tabs, store.start_session(), delay_ms=3_600_000, flush_ms=3_600_000)
    editor = tabs.new_file()
    editor.insert("unsaved")
    saver.finish()  # quitting with an unsaved tab (not through the window's close prompt)
    (orphan,) = store.claim_orphans()
    assert [e.text() for e in orphan.entries] == ["unsaved"]  # copied at the very end
    orphan.finish()

    editor.setSavePoint()  # the window's close prompt: Discard
    saver = Autosave(tabs, store.start_session())
    saver.finish()
    assert not saver.session.folder.exists()


def test_save_over_a_file_changed_on_disk_asks(qtbot, tabs, autosave, tmp_path) -> None:
    script = tmp_path / "a.py"
    script.write_text("mine\n", encoding="utf-8")
    editor = tabs.open_local(script)
    assert editor is not None
    editor.insert("# ")
    script.write_text("theirs\n", encoding="utf-8")  # another program
    asked: list[str] = []
    answers = iter([False, True])
    autosave.ask_overwrite = lambda path: asked.append(path) or next(answers)  # type: ignore[method-assign]
    assert not tabs.save()
    assert script.read_text(encoding="utf-8") == "theirs\n" and editor.modify()
    assert tabs.save()
    assert script.read_text(encoding="utf-8") == "# mine\n" and not editor.modify()
    assert asked == [str(script.resolve())] * 2
    editor.insert("x")
    assert tabs.save()  # our own save is the new reference: no question
    assert len(asked) == 2


def _dead_session(store: RecoveryStore, tmp_path: Path) -> tuple[Path, Path]:
    """A session as a killed Hotaru leaves it: a local file since changed by someone else,
    a board file, an untitled script."""
    changed = tmp_path / "changed.py"
    changed.write_text("v1\n", encoding="utf-8")
    original = FileState.of_path(changed)
    gone = tmp_path / "gone.py"
    dead: Session = store.start_session()
    pico = "Pico (/dev/ttyACM0)"
    info = EntryInfo(title="changed.py", local_path=str(changed), saved_at=1.0, original=original)
    dead.write("tab-1", "v1 + mine\n", info)
    info = EntryInfo(title="main.py", board_path="/main.py", board=pico, saved_at=2.0)
    dead.write("tab-2", "led.on()\n", info)
    dead.write("tab-3", "scratch\n", EntryInfo(title="untitled.py", saved_at=3.0))
    gone_state = FileState.of_bytes(b"")
    info = EntryInfo(title="gone.py", local_path=str(gone), saved_at=4.0, original=gone_state)
    dead.write("tab-4", "was here\n", info)
    dead.close(clean=False)
    changed.write_text("v2 by another program\n", encoding="utf-8")
    return changed, gone


def test_recovery_dialog_restores_ticked_discards_others(qtbot, tabs, store, tmp_path) -> None:
    changed, gone = _dead_session(store, tmp_path)
    saver = Autosave(tabs, store.start_session(), delay_ms=3_600_000, flush_ms=3_600_000)
    orphans: list[Orphan] = store.claim_orphans(exclude=saver.session)
    dialog = offer_recovery(saver, orphans, tabs)
    assert isinstance(dialog, RecoveryDialog)
    assert [e.info.title for e in dialog.entries] == ["changed.py", "main.py", "untitled.py",
                                                      "gone.py"]  # fmt: skip
    assert dialog.items[0].text(3) != "" and dialog.items[1].text(3) == ""  # changed on disk
    assert "Pico (/dev/ttyACM0)" in dialog.items[1].text(1)
    dialog.tree.setCurrentItem(dialog.items[1])
    assert dialog.preview.toPlainText() == "led.on()\n"
    dialog.set_ticked(dialog.entries[2], False)
    dialog.restore_button.click()

    texts = {tabs.tabText(i): tabs.widget(i).text() for i in range(tabs.count())}  # type: ignore[attr-defined]
    assert texts == {
        "changed.py *": "v1 + mine\n",
        "main.py (board) *": "led.on()\n",
        "gone.py *": "was here\n",
    }
    local = tabs.find_local(changed)
    assert local is not None and local.modify()
    assert not tabs.tabIcon(tabs.indexOf(local)).isNull()  # the tab says so
    assert tabs.document(tabs.find_board("/main.py")).board_path == "/main.py"  # type: ignore[union-attr]
    # Save writes to the original, but asks first: it changed since the copy was made
    asked: list[str] = []
    saver.ask_overwrite = lambda path: asked.append(path) or False  # type: ignore[method-assign]
    tabs.setCurrentWidget(local)
    assert not tabs.save()
    assert asked == [str(changed.resolve())]
    assert changed.read_text(encoding="utf-8") == "v2 by another program\n"
    gone_tab = tabs.find_local(gone)
    assert gone_tab is not None
    tabs.setCurrentWidget(gone_tab)
    assert tabs.save() and gone.read_text(encoding="utf-8") == "was here\n"

    assert saver.writer.wait_idle(timeout=60)
    assert not orphans[0].folder.exists()  # restored (copied anew) or discarded: all handled
    assert len(saver.session.keys()) == 2  # the restored tabs still unsaved have copies
    saver.finish()


def test_decide_later_keeps_them_for_the_next_start(qtbot, tabs, store, tmp_path) -> None:
    _dead_session(store, tmp_path)
    saver = Autosave(tabs, store.start_session())
    dialog = offer_recovery(saver, store.claim_orphans(exclude=saver.session), tabs)
    dialog.later_button.click()  # type: ignore[attr-defined]
    assert saver.writer.wait_idle(timeout=60)
    assert tabs.count() == 0
    saver.finish()
    (orphan,) = store.claim_orphans()
    assert len(orphan.entries) == 4
    orphan.finish()


def test_discard_all(qtbot, tabs, store, tmp_path) -> None:
    _dead_session(store, tmp_path)
    saver = Autosave(tabs, store.start_session())
    dialog = offer_recovery(saver, store.claim_orphans(exclude=saver.session), tabs)
    dialog.discard_button.click()  # type: ignore[attr-defined]
    assert saver.writer.wait_idle(timeout=60)
    assert tabs.count() == 0
    saver.finish()
    assert store.claim_orphans() == []
    assert list(store.root.iterdir()) == []


class _InlineController:
    """controller.submit() run at once with a real board session (the simulator)."""

    def __init__(self, session: Any, port: str) -> None:
        self.session, self.port = session, port

    def submit(self, fn: Any, on_done: Any = None, on_error: Any = None, busy: bool = True) -> None:
        try:
            result = fn(self.session)
        except Exception as exc:  # the UI's error path
            if on_error is not None:
                on_error(exc)
            return
        if on_done is not None:
            on_done(result)


@pytest.mark.timeout(90)
def test_restored_board_tab_asks_if_the_board_file_changed(qtbot, tabs, store, sim) -> None:
    from ide.board import connect

    session = connect(sim.port)
    try:
        tabs.controller = _InlineController(session, sim.port)
        session.write_file("/main.py", b"v1\n")
        session.write_file("/lib.py", b"same\n")
        dead = store.start_session()
        for key, path, original in (
            ("tab-1", "/main.py", b"v1\n"),
            ("tab-2", "/lib.py", b"same\n"),
        ):
            info = EntryInfo(title=path[1:], board_path=path, board=f"sim ({sim.port})",
                             saved_at=1.0, original=FileState.of_bytes(original))  # fmt: skip
            dead.write(key, f"# mine\n{original.decode()}", info)
        dead.close(clean=False)
        session.write_file("/main.py", b"v2 from another computer\n")
        saver = Autosave(tabs, store.start_session(), delay_ms=3_600_000, flush_ms=3_600_000)
        dialog = offer_recovery(saver, store.claim_orphans(exclude=saver.session), tabs)
        dialog.restore_button.click()  # type: ignore[attr-defined]
        asked: list[str] = []
        answers = iter([False, True])
        saver.ask_overwrite = lambda path: asked.append(path) or next(answers)  # type: ignore[method-assign]

        unchanged = tabs.find_board("/lib.py")
        tabs.setCurrentWidget(unchanged)
        tabs.save()  # the board's file is as it was read: saved without a question
        assert session.read_file("/lib.py") == b"# mine\nsame\n" and asked == []
        assert not unchanged.modify()  # type: ignore[union-attr]

        changed = tabs.find_board("/main.py")
        tabs.setCurrentWidget(changed)
        tabs.save()  # answered: keep the board's file
        assert asked == ["/main.py"] and changed.modify()  # type: ignore[union-attr]
        assert session.read_file("/main.py") == b"v2 from another computer\n"
        tabs.save()  # answered: replace it
        assert session.read_file("/main.py") == b"# mine\nv1\n"
        assert asked == ["/main.py", "/main.py"] and not changed.modify()  # type: ignore[union-attr]
        changed.insert("# later\n")  # type: ignore[union-attr]
        tabs.save()  # compared once: later saves go straight through
        assert len(asked) == 2 and session.read_file("/main.py").startswith(b"# later\n")
        saver.finish()
    finally:
        session.close()


def test_a_tab_whose_board_file_was_deleted_is_copied(qtbot, tabs, autosave) -> None:
    """Its board file deleted (the Files pane), a tab holds the only copy of the text even with
    no edit since: a crash then must not lose it."""
    editor = tabs.open_board_file("/keep.py", "precious = 1\n")
    copy = _copy(autosave, tabs)
    qtbot.wait(200)
    assert not copy.exists()  # as read from the board: nothing to copy
    tabs.board_path_deleted("/keep.py")
    qtbot.waitUntil(copy.exists)
    assert copy.read_text(encoding="utf-8") == "precious = 1\n"
    autosave.finish()
    assert copy.exists()  # not a clean exit: offered at the next start
    assert editor in tabs.documents
