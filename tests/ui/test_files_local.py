"""The Files pane's "This computer" side (issue 12 item 9): sizes that follow the files, and
New file, New folder, Rename and Delete (to the system's trash) with name checks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QStandardPaths, QStorageInfo
from PySide6.QtWidgets import QStyleOptionViewItem

from ide.ui.files import FilesPane
from ide.ui.files.fmt import format_size
from tests.ui.test_files_pane import Answers


class LocalTabs:
    """Records what the pane asks of EditorTabs for local files."""

    def __init__(self) -> None:
        self.opened: list[Path] = []

    def open_local(self, path: Any) -> None:
        self.opened.append(Path(path))


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


@pytest.fixture
def local(tmp_path: Path) -> Path:
    folder = tmp_path / "local"
    folder.mkdir()
    return folder


@pytest.fixture
def pane(qtbot: Any, local: Path) -> FilesPane:
    pane = FilesPane(None, LocalTabs(), local_root=local)
    pane.ask = Answers()  # type: ignore[assignment]
    qtbot.addWidget(pane)
    pane.resize(420, 700)
    pane.show()
    return pane


def row(qtbot: Any, pane: FilesPane, path: Path) -> Any:
    model = pane.local_model
    qtbot.waitUntil(lambda: model.index(str(path)).isValid(), timeout=10_000)
    return model.index(str(path))


def shown_size(pane: FilesPane, path: Path) -> str:
    """The size column's text for ``path``, as the delegate draws it."""
    index = pane.local_model.index(str(path)).siblingAtColumn(1)
    option = QStyleOptionViewItem()
    pane.local_tree.itemDelegateForColumn(1).initStyleOption(option, index)
    return option.text


def test_a_file_that_grows_is_shown_with_its_new_size(qtbot: Any, pane: FilesPane, local: Path):
    log = local / "log.txt"
    log.write_bytes(b"")
    row(qtbot, pane, log)
    qtbot.waitUntil(lambda: shown_size(pane, log) == format_size(0), timeout=10_000)
    qtbot.waitUntil(lambda: str(log) in pane.local_tree.live_sizes.watcher.files(), timeout=10_000)
    counter = PaintCounter()
    pane.local_tree.viewport().installEventFilter(counter)
    qtbot.waitUntil(lambda: pane.local_tree.viewport().isVisible(), timeout=10_000)
    before = counter.paints
    with open(log, "ab") as f:  # grows in place: the folder itself does not change
        f.write(b"x" * 1_500_000)
    qtbot.waitUntil(lambda: counter.paints > before, timeout=10_000)  # redrawn on the change
    assert shown_size(pane, log) == format_size(1_500_000)


def test_new_file_and_folder_check_the_name_and_never_replace(
    qtbot: Any, pane: FilesPane, local: Path
):
    ask: Answers = pane.ask  # type: ignore[assignment]
    (local / "taken.py").write_text("keep me")
    menu = pane.board_actions.build_local_menu(pane.local_tree.rootIndex())
    texts = [a.text() for a in menu.actions()]
    assert "New file…" in texts and "New folder…" in texts
    ask.texts = ["a/b.py", "taken.py", "  ", "blink.py"]
    assert pane.local_actions.new_file(local) == local / "blink.py"
    assert (local / "blink.py").read_text() == "" and (local / "taken.py").read_text() == "keep me"
    assert pane.editor_tabs.opened == [local / "blink.py"]
    assert len(ask.warnings) == 3
    assert "/" in ask.warnings[0] and "“taken.py” already exists there." == ask.warnings[1]
    ask.texts = ["lib"]
    assert pane.local_actions.new_folder(local) == local / "lib" and (local / "lib").is_dir()
    ask.texts = [None]  # Cancel
    assert pane.local_actions.new_folder(local) is None


def test_rename_follows_open_tabs_and_a_colon_is_fine_off_windows(
    qtbot: Any, pane: FilesPane, local: Path
):
    ask: Answers = pane.ask  # type: ignore[assignment]
    (local / "old.py").write_text("x = 1\n")
    (local / "other.py").write_text("")
    index = row(qtbot, pane, local / "old.py")
    pane.local_tree.setCurrentIndex(index)
    menu = pane.board_actions.build_local_menu(index)
    assert {"Rename", "Delete"} <= {a.text() for a in menu.actions()}
    ask.texts = ["other.py", "new:name.py" if os.name != "nt" else "new name.py"]
    target = pane.local_actions.rename(local / "old.py")
    assert target is not None and target.read_text() == "x = 1\n"
    assert not (local / "old.py").exists() and (local / "other.py").read_text() == ""
    assert ask.warnings == ["“other.py” already exists there."]


def test_delete_moves_to_the_trash_after_asking(
    qtbot: Any, pane: FilesPane, local: Path, tmp_path: Path, monkeypatch: Any
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a trash of the test's own
    ask: Answers = pane.ask  # type: ignore[assignment]
    doomed = local / "doomed.py"
    doomed.write_text("bye")
    folder = local / "old"
    folder.mkdir()
    (folder / "inside.txt").write_text("in")
    ask.yes = [False]
    assert pane.local_actions.delete([doomed]) == [] and doomed.exists()
    ask.yes = [True]
    assert pane.local_actions.delete([doomed, folder, folder / "inside.txt"]) == [doomed, folder]
    assert not doomed.exists() and not folder.exists()
    assert "2" not in ask.yes_no_asked[-1] and "3" in ask.yes_no_asked[-1]
    home_data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    if QStorageInfo(str(local)).rootPath() == QStorageInfo(str(Path.home())).rootPath():
        # same volume as the home folder: the freedesktop trash under XDG_DATA_HOME
        trash = Path(home_data) / "Trash" / "files"
        assert (trash / "doomed.py").read_text() == "bye"
        assert (trash / "old" / "inside.txt").read_text() == "in"
    assert not ask.warnings
