"""BoardModel on its own: lazy listing requests, merging refreshes, drops, drag data."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl

from ide.ui.files.board_model import BOARD_MIME, BoardModel
from ide.ui.files.mime import BoardMimeData, entries_from_mime


class Entry(NamedTuple):  # shaped like ide.board.Entry
    name: str
    path: str
    is_dir: bool
    size: int


def _model(qtbot: Any) -> tuple[BoardModel, list[str]]:
    model = BoardModel()
    asked: list[str] = []
    model.fetch_requested.connect(asked.append)
    model.start()
    return model, asked


def test_lazy_listing_and_sizes(qtbot: Any) -> None:
    model, asked = _model(qtbot)
    assert asked == ["/"]
    assert model.rowCount() == 0
    model.set_children(
        "/",
        [
            Entry("main.py", "/main.py", False, 2048),
            Entry("lib", "/lib", True, 0),
            Entry("Zeta.txt", "/Zeta.txt", False, 5),
            Entry("weird", "/weird", False, -1),
        ],
    )
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["lib", "main.py", "weird", "Zeta.txt"]  # folders first, then by name
    assert model.index(1, 1).data() == "2.0 KB"
    assert model.index(2, 1).data() == ""  # size unknown (-1)
    lib = model.index(0, 0)
    assert model.hasChildren(lib) and model.canFetchMore(lib)
    model.fetchMore(lib)
    assert asked == ["/", "/lib"] and not model.canFetchMore(lib)  # asked once
    model.set_children("/lib", [])
    assert not model.hasChildren(lib)
    assert model.loaded_folders() == ["/", "/lib"]


def test_refresh_merges_and_keeps_loaded_folders(qtbot: Any) -> None:
    model, asked = _model(qtbot)
    model.set_children("/", [Entry("a", "/a", True, 0), Entry("b.py", "/b.py", False, 1)])
    model.set_children("/a", [Entry("x.py", "/a/x.py", False, 3)])
    a_node = model.node_for_path("/a")
    removed: list[int] = []
    model.rowsRemoved.connect(lambda parent, first, last: removed.append(first))
    model.set_children(
        "/", [Entry("a", "/a", True, 0), Entry("c.py", "/c.py", False, 7)]
    )  # b.py went, c.py came
    assert model.node_for_path("/a") is a_node and a_node.children  # still loaded
    assert model.node_for_path("/b.py") is None and model.node_for_path("/c.py") is not None
    assert removed == [1]


def test_drop_of_urls_requests_upload_into_folder(qtbot: Any, tmp_path: Path) -> None:
    model, _ = _model(qtbot)
    model.set_children("/", [Entry("lib", "/lib", True, 0), Entry("m.py", "/m.py", False, 1)])
    got: list[tuple[list[Path], str]] = []
    model.upload_requested.connect(lambda paths, folder: got.append((paths, folder)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "f.py"))])
    act = Qt.DropAction.CopyAction
    model.dropMimeData(mime, act, -1, -1, model.index(0, 0))  # onto the folder
    model.dropMimeData(mime, act, -1, -1, model.index(1, 0))  # onto a file: its folder
    model.dropMimeData(mime, act, -1, -1, QModelIndex())  # empty space: the root
    assert [f for _p, f in got] == ["/lib", "/", "/"]
    assert got[0][0] == [tmp_path / "f.py"]
    own = model.mimeData([model.index(1, 0)])  # /m.py
    assert not model.canDropMimeData(own, act, -1, -1, QModelIndex())  # already in /
    assert model.canDropMimeData(own, act, -1, -1, model.index(0, 0))  # into /lib: a move
    moved: list[tuple[list[str], str]] = []
    model.move_requested.connect(lambda paths, folder: moved.append((paths, folder)))
    model.dropMimeData(own, act, -1, -1, model.index(0, 0))
    assert moved == [(["/m.py"], "/lib")]
    model.set_children("/lib", [Entry("sub", "/lib/sub", True, 0)])
    lib_mime = model.mimeData([model.index(0, 0)])
    sub = model.index(0, 0, model.index(0, 0))
    assert not model.canDropMimeData(lib_mime, act, -1, -1, sub)  # not into itself


def test_drag_data_carries_entries_and_stages_urls_on_demand(qtbot: Any, tmp_path: Path) -> None:
    model, _ = _model(qtbot)
    model.set_children("/", [Entry("lib", "/lib", True, 0), Entry("m.py", "/m.py", False, 1)])
    model.set_children("/lib", [Entry("in.py", "/lib/in.py", False, 1)])
    staged: list[list[dict[str, Any]]] = []

    def stage(entries: list[dict[str, Any]]) -> list[Path]:
        staged.append(entries)
        (tmp_path / "m.py").write_text("x")
        return [tmp_path / "m.py"]

    over_us = [True]
    model.mime_factory = lambda entries: BoardMimeData(entries, stage, lambda: over_us[0])
    lib = model.index(0, 0)
    mime = model.mimeData([lib, model.index(0, 0, lib), model.index(1, 0)])
    assert mime.hasFormat(BOARD_MIME) and mime.hasUrls()
    assert [e["path"] for e in entries_from_mime(mime)] == ["/lib", "/m.py"]  # in.py is in lib
    assert staged == []  # nothing downloaded until a drop target asks
    assert mime.urls() == [] and staged == []  # over our own window: no download
    over_us[0] = False
    assert [u.toLocalFile() for u in mime.urls()] == [str(tmp_path / "m.py")]
    mime.urls()
    assert len(staged) == 1


def test_hostile_names_are_shown_marked_and_renamable(qtbot: Any) -> None:
    model, asked = _model(qtbot)
    model.set_children(
        "/",
        [Entry("../../escape.txt", "/x", False, 1), Entry("bad\x1b[2J", "/y", True, 0)],
    )
    shown = sorted(model.index(r, 0).data() for r in range(2))
    assert shown == ["../../escape.txt", "bad\\x1b[2J"]
    for r in range(2):
        idx = model.index(r, 0)
        assert model.node(idx).unsafe is not None
        assert "unsafe" in idx.data(Qt.ItemDataRole.ToolTipRole)
        assert model.flags(idx) & Qt.ItemFlag.ItemIsEditable  # renaming fixes it
    folder = next(model.index(r, 0) for r in range(2) if model.node(model.index(r, 0)).is_dir)
    model.fetchMore(folder)
    assert asked == ["/"]  # an unsafe folder is not listed
