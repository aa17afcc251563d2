"""The Files pane against the simulator, through the real SessionController and ide.board.

Drops are simulated the way Qt delivers them (drag enter, move, drop with a QMimeData of file
URLs or board entries); questions are answered by a scripted Asker.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ide.core.files.plan import Choice, FileItem
from ide.ui.editor.document import DISCARD
from ide.ui.files import FilesPane

# ----------------------------------------------------------------------------- helpers


class Answers:
    """Stands in for the pane's Asker: scripted answers, every question recorded."""

    def __init__(self) -> None:
        self.clashes: list[Choice] = []
        self.clash_asked: list[tuple[str, int]] = []
        self.yes: list[bool] = []
        self.yes_no_asked: list[str] = []
        self.texts: list[str | None] = []
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def clash(self, item: FileItem, left: int, upload: bool) -> Choice:
        self.clash_asked.append((str(item.target), left))
        assert self.clashes, f"unexpected clash question for {item.target}"
        return self.clashes.pop(0)

    def yes_no(self, title: str, text: str) -> bool:
        self.yes_no_asked.append(text)
        assert self.yes, f"unexpected question: {text}"
        return self.yes.pop(0)

    def text(self, title: str, label: str, default: str = "") -> str | None:
        assert self.texts, f"unexpected name question: {label}"
        return self.texts.pop(0)

    def warn(self, title: str, text: str) -> None:
        self.warnings.append(text)

    def info(self, title: str, text: str) -> None:
        self.infos.append(text)


def call(
    qtbot: Any, controller: Any, fn: Callable[[Any], Any], timeout: int = 60_000, busy: bool = True
) -> Any:
    """Run fn(session) through the controller and wait for its result (``busy=False``: the
    pane's busy -> idle refresh does not follow, as for a change made behind its back)."""
    box: dict[str, Any] = {}
    controller.submit(
        fn, lambda r: box.setdefault("r", r), lambda e: box.setdefault("e", e), busy=busy
    )
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    if "e" in box:
        raise box["e"]
    return box["r"]


def drop(widget: QWidget, mime: QMimeData, pos: QPoint) -> None:
    """Deliver a drag enter, a move and a drop at ``pos`` of ``widget``'s viewport."""
    viewport = widget.viewport()  # type: ignore[attr-defined]
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted(), "the drag was not accepted"
    move = QDragMoveEvent(pos, *args)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the drag move was not accepted"
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), *args))


def url_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def board_pos(pane: FilesPane, path: str | None) -> QPoint:
    """A point on the board tree: on ``path``'s row, or in the empty space below the rows."""
    tree = pane.board_tree
    if path is None:
        return QPoint(10, tree.viewport().height() - 5)
    index = pane.board_model.index_for_path(path)
    assert index.isValid(), f"{path} is not in the board tree"
    tree.scrollTo(index)
    return tree.visualRect(index).center()


def wait_done(qtbot: Any, pane: FilesPane, timeout: int = 60_000) -> Any:
    qtbot.waitUntil(
        lambda: pane.transfers.last_summary is not None and pane.transfers.ticket is None,
        timeout=timeout,
    )
    summary, pane.transfers.last_summary = pane.transfers.last_summary, None
    return summary


def wait_in_tree(qtbot: Any, pane: FilesPane, path: str, present: bool = True) -> None:
    qtbot.waitUntil(
        lambda: (pane.board_model.node_for_path(path) is not None) == present, timeout=30_000
    )


def expand(qtbot: Any, pane: FilesPane, path: str) -> None:
    index = pane.board_model.index_for_path(path)
    pane.board_tree.expand(index)
    qtbot.waitUntil(lambda: pane.board_model.node_for_path(path).children is not None)


class Tabs:
    """Records what the pane asks of EditorTabs."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, str]] = []
        self.renamed: list[tuple[str, str]] = []

    def open_board_file(self, path: str, text: str) -> None:
        self.opened.append((path, text))

    def board_path_renamed(self, old: str, new: str) -> None:
        self.renamed.append((old, new))


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture
def controller(qtbot: Any, sim: Any) -> Iterator[Any]:
    from ide.ui.board.session_controller import SessionController

    c = SessionController()
    with qtbot.waitSignal(c.connected, timeout=60_000):
        c.connect_port(sim.port)
    yield c
    c.shutdown()


@pytest.fixture
def local(tmp_path: Path) -> Path:
    folder = tmp_path / "local"
    folder.mkdir()
    return folder


def make_pane(qtbot: Any, controller: Any, local: Path) -> FilesPane:
    pane = FilesPane(controller, Tabs(), local_root=local)
    pane.ask = Answers()  # type: ignore[assignment]
    qtbot.addWidget(pane)
    pane.resize(420, 760)
    pane.show()
    qtbot.waitUntil(lambda: pane.board_model._root.children is not None, timeout=30_000)
    return pane


@pytest.fixture
def pane(qtbot: Any, controller: Any, local: Path) -> FilesPane:
    return make_pane(qtbot, controller, local)


# ------------------------------------------------------------------------------- tests


@pytest.mark.timeout(180)
def test_drop_file_and_folder_tree_onto_board(qtbot: Any, pane: FilesPane, local: Path) -> None:
    c = pane.controller
    single = local / "hello.py"
    single.write_text("print('hello')\n")
    proj = local / "プロジェクト"
    (proj / "lib" / "deep").mkdir(parents=True)
    (proj / "main.py").write_text("import lib\n")
    (proj / "lib" / "a.py").write_text("A = 1\n" * 50)
    blob = bytes(range(256)) * 20
    (proj / "lib" / "deep" / "blob.bin").write_bytes(blob)
    call(qtbot, c, lambda s: s.mkdir("/dest"))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/dest")

    drop(pane.board_tree, url_mime(single), board_pos(pane, None))  # empty area: the root
    summary = wait_done(qtbot, pane)
    assert summary.copied == 1 and not summary.cancelled
    assert call(qtbot, c, lambda s: s.read_file("/hello.py")) == single.read_bytes()

    drop(pane.board_tree, url_mime(proj), board_pos(pane, "/dest"))  # onto a folder: into it
    summary = wait_done(qtbot, pane)
    assert summary.copied == 3
    base = "/dest/プロジェクト"
    assert call(qtbot, c, lambda s: s.read_file(base + "/lib/deep/blob.bin")) == blob
    assert call(qtbot, c, lambda s: s.read_file(base + "/main.py")) == b"import lib\n"
    assert call(qtbot, c, lambda s: s.read_file(base + "/lib/a.py")) == b"A = 1\n" * 50
    assert "Files uploaded: 3." in pane.transfer_bar.status.text()
    # the tree refreshed by itself after the upload, and shows sizes
    expand(qtbot, pane, "/dest")
    wait_in_tree(qtbot, pane, base)
    row = pane.board_model.index_for_path("/hello.py", 1)
    assert row.data() == "15 bytes"
    # dropping a file onto a file puts it in that file's folder
    other = local / "other.txt"
    other.write_text("x")
    expand(qtbot, pane, base)
    drop(pane.board_tree, url_mime(other), board_pos(pane, base + "/main.py"))
    wait_done(qtbot, pane)
    assert call(qtbot, c, lambda s: s.read_file(base + "/other.txt")) == b"x"
    assert not pane.ask.warnings


@pytest.mark.timeout(120)
def test_drag_board_to_local_folder(qtbot: Any, pane: FilesPane, local: Path) -> None:
    c = pane.controller
    data = os.urandom(3000)

    def setup(s: Any) -> None:
        s.mkdir("/data")
        s.write_file("/data/raw.bin", data)
        s.write_file("/data/notes.txt", "メモ\n".encode())
        s.write_file("/top.py", b"print(1)\n")

    call(qtbot, c, setup)
    pane.refresh()
    wait_in_tree(qtbot, pane, "/top.py")
    target = local / "into"
    target.mkdir()
    mime = pane.board_model.mimeData(
        [pane.board_model.index_for_path("/data"), pane.board_model.index_for_path("/top.py")]
    )
    tree = pane.local_tree
    index = pane.local_model.index(str(target))
    qtbot.waitUntil(lambda: tree.visualRect(pane.local_model.index(str(target))).height() > 0)
    drop(tree, mime, tree.visualRect(index).center())
    summary = wait_done(qtbot, pane)
    assert summary.copied == 3
    assert (target / "data" / "raw.bin").read_bytes() == data
    assert (target / "data" / "notes.txt").read_text(encoding="utf-8") == "メモ\n"
    assert (target / "top.py").read_bytes() == b"print(1)\n"

    # Passing over Hotaru's own widgets (the editor checks urls()) downloads nothing ...
    pane.drop_target_is_ours = lambda: True  # type: ignore[method-assign]
    assert mime.urls() == [] and pane.transfers.last_summary is None
    # ... an OS file manager asks for file URLs at drop time: they are downloaded then.
    pane.drop_target_is_ours = lambda: False  # type: ignore[method-assign]
    urls = mime.urls()
    names = sorted(Path(u.toLocalFile()).name for u in urls)
    assert names == ["data", "top.py"]
    staged = Path(urls[0].toLocalFile()).parent
    assert (staged / "data" / "raw.bin").read_bytes() == data


@pytest.mark.timeout(120)
def test_new_folder_new_file_rename_delete(qtbot: Any, pane: FilesPane) -> None:
    c = pane.controller
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.texts = ["bad/name", "stuff"]
    pane.board_actions.new_folder("/")
    wait_in_tree(qtbot, pane, "/stuff")
    assert ask.warnings, "a name with a slash was refused with a message"
    assert call(qtbot, c, lambda s: s.stat("/stuff").is_dir)

    ask.texts = ["code.py"]
    pane.board_actions.new_file("/stuff")
    expand(qtbot, pane, "/stuff")
    wait_in_tree(qtbot, pane, "/stuff/code.py")
    assert pane.editor_tabs.opened == [("/stuff/code.py", "")]

    # inline rename: Rename opens the name for editing in the tree; Enter commits it
    pane.board_actions.start_rename("/stuff/code.py")
    tree = pane.board_tree
    assert tree.state() == tree.State.EditingState
    editor = tree.findChild(QLineEdit)
    assert editor is not None and editor.text() == "code.py"
    editor.setText("renamed.py")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_in_tree(qtbot, pane, "/stuff/renamed.py")
    wait_in_tree(qtbot, pane, "/stuff/code.py", present=False)
    assert pane.editor_tabs.renamed == [("/stuff/code.py", "/stuff/renamed.py")]
    assert call(qtbot, c, lambda s: s.exists("/stuff/renamed.py"))

    # delete a folder (recursively) after confirming; "no" leaves it alone
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/stuff"))
    ask.yes = [False]
    pane.board_actions.delete_selected()
    assert call(qtbot, c, lambda s: s.exists("/stuff/renamed.py"))
    ask.yes = [True]
    pane.board_actions.delete_selected()
    wait_in_tree(qtbot, pane, "/stuff", present=False)
    assert not call(qtbot, c, lambda s: s.exists("/stuff"))
    assert "everything in it" in ask.yes_no_asked[-1]


@pytest.mark.timeout(120)
def test_clashes_overwrite_skip_and_all(qtbot: Any, pane: FilesPane, local: Path) -> None:
    c = pane.controller
    proj = local / "proj"
    proj.mkdir()
    for n in range(4):
        (proj / f"f{n}.txt").write_text(f"new {n}")
    (proj / "fresh.txt").write_text("fresh")

    def setup(s: Any) -> None:
        s.mkdir("/proj")
        for n in range(4):
            s.write_file(f"/proj/f{n}.txt", f"old content {n}".encode())

    call(qtbot, c, setup)
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.clashes = [Choice.OVERWRITE, Choice.SKIP, Choice.SKIP_ALL]
    pane.transfers.upload_paths([proj], "/")
    summary = wait_done(qtbot, pane)
    assert [left for _t, left in ask.clash_asked] == [3, 2, 1]
    got = call(qtbot, c, lambda s: [s.read_file(f"/proj/f{n}.txt") for n in range(4)])
    assert got == [b"new 0", b"old content 1", b"old content 2", b"old content 3"]
    assert call(qtbot, c, lambda s: s.read_file("/proj/fresh.txt")) == b"fresh"
    assert summary.copied == 2 and summary.skipped == 3

    ask.clash_asked.clear()
    ask.clashes = [Choice.OVERWRITE_ALL]
    pane.transfers.upload_paths([proj], "/")
    summary = wait_done(qtbot, pane)
    assert len(ask.clash_asked) == 1
    got = call(qtbot, c, lambda s: [s.read_file(f"/proj/f{n}.txt") for n in range(4)])
    assert got == [f"new {n}".encode() for n in range(4)]
    assert summary.unchanged == 2  # f0 and fresh.txt were already equal

    ask.clashes = [Choice.CANCEL]
    (proj / "f0.txt").write_text("changed again")
    pane.transfers.upload_paths([proj], "/")
    qtbot.waitUntil(lambda: "cancelled" in pane.transfer_bar.status.text())
    assert call(qtbot, c, lambda s: s.read_file("/proj/f0.txt")) == b"new 0"


@pytest.mark.timeout(120)
def test_folder_upload_skips_unchanged_files(qtbot: Any, pane: FilesPane, local: Path) -> None:
    c = pane.controller
    proj = local / "sync"
    (proj / "sub").mkdir(parents=True)
    for n in range(3):
        (proj / f"a{n}.py").write_text(f"a = {n}\n")
        (proj / "sub" / f"b{n}.py").write_text(f"b = {n}\n")
    pane.transfers.upload_paths([proj], "/")
    assert wait_done(qtbot, pane).copied == 6
    # change half of them: same size for one (hash decides), other sizes for the rest
    (proj / "a0.py").write_text("a = 9\n")
    (proj / "a1.py").write_text("a = 111\n")
    (proj / "sub" / "b2.py").write_text("b = 22222\n")
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.clashes = [Choice.OVERWRITE_ALL]
    pane.transfers.upload_paths([proj], "/")
    summary = wait_done(qtbot, pane)
    assert summary.unchanged == 3 and summary.copied == 3
    assert ask.clash_asked == [("/sync/a0.py", 2)]  # "all" answered for a1.py and sub/b2.py
    assert "Unchanged files skipped: 3." in pane.transfer_bar.status.text()
    got = call(qtbot, c, lambda s: [s.read_file(f"/sync/{n}") for n in ("a0.py", "a1.py")])
    assert got == [b"a = 9\n", b"a = 111\n"]
    assert call(qtbot, c, lambda s: s.read_file("/sync/sub/b2.py")) == b"b = 22222\n"


@pytest.mark.timeout(180)
def test_cancel_in_the_middle_of_a_large_upload_keeps_old_file(
    qtbot: Any, local: Path, tmp_path: Path
) -> None:
    from ide.simulator import start
    from ide.ui.board.session_controller import SessionController

    old = b"# the old version\n" * 20
    big = local / "big.bin"
    big.write_bytes(os.urandom(60_000))  # ~6 s at 115200 baud
    with start(baud=115200) as slow:
        c = SessionController()
        try:
            with qtbot.waitSignal(c.connected, timeout=60_000):
                c.connect_port(slow.port)
            call(qtbot, c, lambda s: s.write_file("/big.bin", old))
            pane = make_pane(qtbot, c, local)
            pane.transfers.upload_paths([big], "/")
            ask: Answers = pane.ask  # type: ignore[assignment]
            ask.clashes = [Choice.OVERWRITE]
            bar = pane.transfer_bar
            qtbot.waitUntil(lambda: bar.bar.value() >= 100, timeout=60_000)  # 10 % done
            assert bar.bar.value() < 900, "the upload ended before Cancel could be tested"
            assert "KB/s" in bar.details.text()
            qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
            summary = wait_done(qtbot, pane)
            assert summary.cancelled and summary.copied == 0
            assert call(qtbot, c, lambda s: s.read_file("/big.bin")) == old
            names = call(qtbot, c, lambda s: sorted(e.name for e in s.listdir("/")))
            assert names == ["big.bin"] or all(not n.startswith(".") for n in names), names
            assert [n for n in names if n != "big.bin" and "big" in n] == []  # no litter
            assert "Cancelled" in bar.status.text()
        finally:
            c.shutdown()


@pytest.mark.timeout(120)
def test_hostile_board_names_never_escape(
    qtbot: Any, pane: FilesPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged or hostile file system reports "../../escape.txt" (a real one can't be made
    on demand, so listdir is wrapped to add it); nothing may be written outside the folder."""
    from ide.board import Entry

    c = pane.controller

    def setup(s: Any) -> None:
        s.mkdir("/evil")
        s.write_file("/evil/fine.txt", b"fine")
        s.write_file("/evil/escape.txt", b"ESCAPED")

    call(qtbot, c, setup)
    session = c.session
    real_listdir = session.listdir

    def listdir(path: str = "/") -> list[Any]:
        entries = list(real_listdir(path))
        if path.rstrip("/") == "/evil":
            entries += [
                Entry("../../escape.txt", "/evil/escape.txt", False, 7),
                Entry("/abs.txt", "/evil/escape.txt", False, 7),
                Entry("back\\slash.txt", "/evil/escape.txt", False, 7),
                Entry("ctl\x01.txt", "/evil/escape.txt", False, 7),
            ]
        return entries

    monkeypatch.setattr(session, "listdir", listdir)
    pane.refresh()
    wait_in_tree(qtbot, pane, "/evil")
    expand(qtbot, pane, "/evil")
    node = pane.board_model.node_for_path("/evil")
    hostile = [n for n in node.children if n.unsafe is not None]
    assert len(hostile) == 4  # shown, marked
    model = pane.board_model
    shown = [model.data(model.createIndex(node.children.index(h), 0, h)) for h in hostile]
    assert "ctl\\x01.txt" in shown and "../../escape.txt" in shown

    dest = tmp_path / "a" / "b" / "dest"
    dest.mkdir(parents=True)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    pane.transfers.download_entries([_entry(pane.board_model.node_for_path("/evil"))], dest)
    summary = wait_done(qtbot, pane)
    after = sorted(str(p) for p in tmp_path.rglob("*"))
    new = sorted(set(after) - set(before))
    assert new == sorted(
        [str(dest / "evil"), str(dest / "evil" / "escape.txt"), str(dest / "evil" / "fine.txt")]
    ), new
    assert not (tmp_path / "a" / "b" / "escape.txt").exists()
    assert len(summary.refused) == 4
    assert pane.ask.warnings and "../../escape.txt" in pane.ask.warnings[-1]


@pytest.mark.timeout(120)
def test_board_names_with_a_newline_are_shown_and_deleted(qtbot: Any, pane: FilesPane) -> None:
    """A real file named "a<newline>b.txt" on the board: one row, shown with the newline made
    visible and marked, and Delete removes exactly that file."""
    c = pane.controller
    make = (
        "for n in ('a\\nb.txt', '日本語.py'):\n    with open(n, 'w') as f:\n        f.write('x')\n"
    )
    call(qtbot, c, lambda s: s.exec(make))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/a\nb.txt")
    wait_in_tree(qtbot, pane, "/日本語.py")
    model = pane.board_model
    index = model.index_for_path("/a\nb.txt")
    assert index.data() == "a\\x0ab.txt"
    assert model.node(index).unsafe is not None  # can't be downloaded as it is, but is usable
    assert model.index_for_path("/日本語.py").data() == "日本語.py"
    assert model.node(model.index_for_path("/日本語.py")).unsafe is None
    assert model.node_for_path("/a") is None and model.node_for_path("/b.txt") is None
    pane.board_tree.setCurrentIndex(index)
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.yes = [True]
    pane.board_actions.delete_selected()
    wait_in_tree(qtbot, pane, "/a\nb.txt", present=False)
    listed = call(qtbot, c, lambda s: s.exec("import os\nprint(repr(os.listdir()))"))
    assert "'a\\nb.txt'" not in listed and "'日本語.py'" in listed


def _entry(node: Any) -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(name=node.name, path=node.path, is_dir=node.is_dir, size=node.size)


@pytest.mark.timeout(120)
def test_running_program_asks_first_and_output_stays_clean(
    qtbot: Any, pane: FilesPane, local: Path
) -> None:
    c = pane.controller
    out = bytearray()
    c.console_bytes.connect(lambda b: out.extend(b))
    (local / "up.txt").write_text("during a run")
    c.run_program(
        "import time\nfor i in range(100000):\n    print('tick', i)\n    time.sleep(0.05)\n"
    )
    qtbot.waitUntil(lambda: b"tick 3" in out, timeout=30_000)
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.yes = [False]
    pane.transfers.upload_paths([local / "up.txt"], "/")
    assert len(ask.yes_no_asked) == 1 and c.is_running()
    ask.yes = [True]
    pane.transfers.upload_paths([local / "up.txt"], "/")
    summary = wait_done(qtbot, pane)
    assert summary.copied == 1 and not c.is_running()
    assert call(qtbot, c, lambda s: s.read_file("/up.txt")) == b"during a run"
    text = out.decode("utf-8", "replace")
    assert "raw REPL" not in text and "\x04" not in text and "hotaru" not in text.lower()


@pytest.mark.timeout(120)
def test_tree_refreshes_after_a_run_and_shows_free_space(qtbot: Any, pane: FilesPane) -> None:
    c = pane.controller
    qtbot.waitUntil(lambda: "free of" in pane.board_free.text(), timeout=30_000)
    c.run_program("f = open('made_by_program.txt', 'w')\nf.write('hi')\nf.close()\n")
    wait_in_tree(qtbot, pane, "/made_by_program.txt")


@pytest.mark.timeout(120)
def test_open_run_make_main_and_properties(qtbot: Any, pane: FilesPane) -> None:
    c = pane.controller
    out = bytearray()
    c.console_bytes.connect(lambda b: out.extend(b))
    call(qtbot, c, lambda s: s.write_file("/blink.py", b"print('blink ' + str(6 * 7))\n"))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/blink.py")
    pane.board_actions.open_path("/blink.py")
    qtbot.waitUntil(lambda: bool(pane.editor_tabs.opened))
    assert pane.editor_tabs.opened[-1] == ("/blink.py", "print('blink ' + str(6 * 7))\n")
    pane.board_actions.run_path("/blink.py")
    qtbot.waitUntil(lambda: b"blink 42" in out, timeout=30_000)
    qtbot.waitUntil(lambda: not c.is_running(), timeout=30_000)
    pane.board_actions.make_main("/blink.py")
    wait_in_tree(qtbot, pane, "/main.py")
    assert call(qtbot, c, lambda s: s.read_file("/main.py")) == b"print('blink ' + str(6 * 7))\n"
    pane.board_actions.properties("/blink.py")
    qtbot.waitUntil(lambda: bool(pane.ask.infos))
    assert "29 bytes" in pane.ask.infos[-1] and "free" in pane.ask.infos[-1].lower()
    menu = pane.board_actions.build_board_menu([pane.board_model.node_for_path("/blink.py")])
    texts = [a.text() for a in menu.actions() if a.text()]
    for want in [
        "Open in editor",
        "Run",
        "New file…",
        "New folder…",
        "Rename",
        "Delete",
        "Make this the main.py",
        "Refresh",
        "Properties",
    ]:
        assert want in texts, texts


def test_sha_helper_matches_board(qtbot: Any, pane: FilesPane) -> None:
    from ide.core.files.board_ops import board_hashes

    data = os.urandom(5000)
    c = pane.controller
    call(qtbot, c, lambda s: s.write_file("/h.bin", data))
    got = call(qtbot, c, lambda s: board_hashes(s, ["/h.bin", "/missing"]))
    assert got == {"/h.bin": hashlib.sha256(data).hexdigest(), "/missing": None}


@pytest.mark.timeout(120)
def test_main_window_docks_the_pane_and_a_tab_follows_a_rename(
    qtbot: Any, controller: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ide.ui.window.main_window import MainWindow

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert window.dockWidgetArea(window.files_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    pane = window.files_pane
    pane.ask = Answers()  # type: ignore[assignment]
    call(qtbot, controller, lambda s: s.write_file("/old_name.py", b"x = 1\n"))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/old_name.py")
    tabs = window.editor_tabs
    pane.board_actions.open_path("/old_name.py")
    qtbot.waitUntil(lambda: tabs.find_board("/old_name.py") is not None, timeout=30_000)
    assert tabs.current_text() == "x = 1\n"
    pane.board_model.setData(pane.board_model.index_for_path("/old_name.py"), "new_name.py")
    qtbot.waitUntil(lambda: tabs.find_board("/new_name.py") is not None, timeout=30_000)
    assert tabs.find_board("/old_name.py") is None
    wait_in_tree(qtbot, pane, "/new_name.py")
    # a file the editor saves to the board appears in the tree too
    tabs.new_file("print('saved from the editor')\n")
    assert tabs.save_to_board("/from_editor.py")
    wait_in_tree(qtbot, pane, "/from_editor.py")


@pytest.mark.timeout(120)
def test_run_from_the_pane_names_the_file_and_links_its_traceback(
    qtbot: Any, controller: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run in the board tree's menu ran the file as an anonymous program: no "Run name.py"
    in the console, and its traceback read File "<stdin>" with no link, so a beginner could
    not tell which file failed nor jump to the line."""
    import re

    from ide.ui.window.main_window import MainWindow

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    pane = window.files_pane
    pane.ask = Answers()  # type: ignore[assignment]
    call(qtbot, controller, lambda s: s.write_file("/broken.py", b"print('start')\nx = 1 / 0\n"))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/broken.py")
    window.editor_tabs.ask_save_changes = lambda name: DISCARD  # no modal box at teardown
    window.editor_tabs.current_editor().insert("print('another tab')\n")  # not what runs
    console = window.console
    pane.board_actions.run_path("/broken.py")
    qtbot.waitUntil(lambda: "ZeroDivisionError" in console.toPlainText(), timeout=30_000)
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=30_000)
    text = console.toPlainText()
    assert "Run broken.py" in text
    assert 'File "broken.py", line 2' in text and "<stdin>" not in text
    links = re.findall(r'href="([^"]+)"', console.document().toHtml())
    assert [link.rsplit(":", 1)[-1] for link in links] == ["/broken.py"]
    assert window.editor_tabs.goto_line("/broken.py", 2)  # where the link goes: the board file
    qtbot.waitUntil(lambda: window.editor_tabs.find_board("/broken.py") is not None, timeout=30_000)


def test_a_file_run_from_the_pane_while_a_program_runs_does_not_rename_that_run(
    qtbot: Any, controller: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F5 while the pane read the file to run: the pane's run came second, printed "Run
    other.py" and took the running program's traceback links, though the board ran F5's."""
    from ide.ui.window.main_window import MainWindow

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.editor_tabs.ask_save_changes = lambda name: DISCARD  # no modal box at teardown
    window.editor_tabs.current_editor().setText("while True:\n    pass\n")
    window.console_panel.run()
    qtbot.waitUntil(controller.is_running, timeout=30_000)
    window.console_panel.run_file("print(1)\n", "/other.py")
    assert "Run other.py" not in window.console.toPlainText()
    controller.stop()
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=30_000)


@pytest.mark.timeout(120)
def test_an_empty_board_says_how_files_get_there(
    qtbot: Any, pane: FilesPane, local: Path
) -> None:
    """A new board's tree was a blank box: nothing said files can be dragged there."""
    tree = pane.board_tree
    hint = tree.shown_empty_text()
    assert "Drag files or folders here" in hint
    (local / "a.py").write_text("print(1)\n")
    drop(tree, url_mime(local / "a.py"), board_pos(pane, None))
    wait_done(qtbot, pane)
    wait_in_tree(qtbot, pane, "/a.py")
    assert tree.shown_empty_text() == ""
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/a.py"))
    pane.ask.yes = [True]  # type: ignore[attr-defined]
    pane.board_actions.delete_selected()
    wait_in_tree(qtbot, pane, "/a.py", present=False)
    qtbot.waitUntil(lambda: tree.shown_empty_text() == hint, timeout=30_000)
    # a listing of the board that failed says nothing of what is there: no "no files yet"
    pane.board_model.listing_failed("/")
    assert tree.shown_empty_text() == ""
    pane.refresh()
    qtbot.waitUntil(lambda: tree.shown_empty_text() == hint, timeout=30_000)
    # no board: nothing to drag files onto, so no such hint
    pane.controller.disconnect_port()
    qtbot.waitUntil(lambda: not pane.board_model.connected, timeout=30_000)
    assert tree.shown_empty_text() == ""


@pytest.mark.timeout(120)
def test_a_tab_of_a_deleted_board_file_keeps_its_text_as_unsaved(
    qtbot: Any, controller: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting a board file left its open tab looking saved on the board ("led.py (board)",
    no "*"): closing it then dropped the only copy of the text without a word."""
    from ide.ui.window.main_window import MainWindow

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    pane = window.files_pane
    pane.ask = Answers()  # type: ignore[assignment]
    tabs = window.editor_tabs
    asked: list[str] = []
    tabs.ask_save_changes = lambda name: asked.append(name) or DISCARD
    call(qtbot, controller, lambda s: s.mkdir("/app"))
    call(qtbot, controller, lambda s: s.write_file("/app/led.py", b"led = 1\n"))
    call(qtbot, controller, lambda s: s.write_file("/keep.py", b"keep = 1\n"))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/app")
    for path in ("/app/led.py", "/keep.py"):
        pane.board_actions.open_path(path)
        qtbot.waitUntil(lambda path=path: tabs.find_board(path) is not None, timeout=30_000)
    led, keep = tabs.find_board("/app/led.py"), tabs.find_board("/keep.py")
    assert not tabs.has_changes(led)
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/app"))
    pane.ask.yes = [True]  # type: ignore[attr-defined]
    pane.board_actions.delete_selected()  # the folder, and the file in it
    wait_in_tree(qtbot, pane, "/app", present=False)
    qtbot.waitUntil(lambda: tabs.has_changes(led), timeout=30_000)
    assert tabs.tabText(tabs.indexOf(led)) == "led.py (board) *"
    assert tabs.tabToolTip(tabs.indexOf(led)) == "Deleted from the board: /app/led.py"
    assert not tabs.has_changes(keep)  # another file: untouched
    # closing it asks first
    assert tabs.close_tab(tabs.indexOf(led))
    assert asked == ["led.py"]
    # Save writes the file again and the tab is saved
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/keep.py"))
    pane.ask.yes = [True]  # type: ignore[attr-defined]
    pane.board_actions.delete_selected()
    qtbot.waitUntil(lambda: tabs.has_changes(keep), timeout=30_000)
    assert tabs.save(keep)
    qtbot.waitUntil(lambda: not tabs.has_changes(keep), timeout=30_000)
    assert tabs.tabText(tabs.indexOf(keep)) == "keep.py (board)"
    assert call(qtbot, controller, lambda s: s.read_file("/keep.py")) == b"keep = 1\n"


@pytest.mark.timeout(120)
def test_upload_and_download_buttons(qtbot: Any, pane: FilesPane, local: Path) -> None:
    c = pane.controller
    (local / "button.py").write_text("print('button')\n")
    (local / "back").mkdir()
    call(qtbot, c, lambda s: s.mkdir("/target"))
    pane.refresh()
    wait_in_tree(qtbot, pane, "/target")
    assert not pane.upload_button.isEnabled()  # nothing chosen yet
    lt = pane.local_tree
    qtbot.waitUntil(lambda: pane.local_model.index(str(local / "button.py")).isValid())
    lt.selectionModel().select(
        pane.local_model.index(str(local / "button.py")),
        lt.selectionModel().SelectionFlag.ClearAndSelect | lt.selectionModel().SelectionFlag.Rows,
    )
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/target"))
    assert pane.upload_button.isEnabled()
    qtbot.mouseClick(pane.upload_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, pane)
    assert call(qtbot, c, lambda s: s.read_file("/target/button.py")) == b"print('button')\n"

    # Download: board selection into the local folder selected above
    expand(qtbot, pane, "/target")
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/target/button.py"))
    back = pane.local_model.index(str(local / "back"))
    lt.setCurrentIndex(back)
    assert pane.download_button.isEnabled()
    qtbot.mouseClick(pane.download_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, pane)
    assert (local / "back" / "button.py").read_text() == "print('button')\n"

    # the same again: unchanged, nothing asked; changed locally: asked, "skip" keeps it
    pane.transfers.download_selected()
    assert wait_done(qtbot, pane).unchanged == 1
    (local / "back" / "button.py").write_text("mine, edited here\n")
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.clashes = [Choice.SKIP]
    pane.transfers.download_selected()
    assert wait_done(qtbot, pane).skipped == 1
    assert (local / "back" / "button.py").read_text() == "mine, edited here\n"


@pytest.mark.timeout(120)
def test_drag_from_the_local_tree_onto_the_board_tree(
    qtbot: Any, pane: FilesPane, local: Path
) -> None:
    (local / "drag_me.py").write_text("dragged = True\n")
    qtbot.waitUntil(lambda: pane.local_model.index(str(local / "drag_me.py")).isValid())
    mime = pane.local_model.mimeData([pane.local_model.index(str(local / "drag_me.py"))])
    drop(pane.board_tree, mime, board_pos(pane, None))
    wait_done(qtbot, pane)
    got = call(qtbot, pane.controller, lambda s: s.read_file("/drag_me.py"))
    assert got == b"dragged = True\n"
    wait_in_tree(qtbot, pane, "/drag_me.py")


@pytest.mark.timeout(120)
def test_drag_inside_the_board_tree_moves(qtbot: Any, pane: FilesPane) -> None:
    c = pane.controller

    def setup(s: Any) -> None:
        s.mkdir("/lib")
        s.write_file("/driver.py", b"driver")
        s.write_file("/lib/driver.py", b"in the way")
        s.write_file("/other.py", b"other")

    call(qtbot, c, setup)
    pane.refresh()
    wait_in_tree(qtbot, pane, "/other.py")
    model = pane.board_model
    drop(
        pane.board_tree,
        model.mimeData([model.index_for_path("/other.py")]),
        board_pos(pane, "/lib"),
    )
    wait_in_tree(qtbot, pane, "/other.py", present=False)
    assert call(qtbot, c, lambda s: s.read_file("/lib/other.py")) == b"other"
    assert pane.editor_tabs.renamed == [("/other.py", "/lib/other.py")]
    # a move never replaces: the board's file stays, the user is told
    drop(
        pane.board_tree,
        model.mimeData([model.index_for_path("/driver.py")]),
        board_pos(pane, "/lib"),
    )
    qtbot.waitUntil(lambda: bool(pane.ask.warnings), timeout=30_000)
    assert "already exists" in pane.ask.warnings[-1]
    assert call(qtbot, c, lambda s: s.read_file("/lib/driver.py")) == b"in the way"
    assert call(qtbot, c, lambda s: s.read_file("/driver.py")) == b"driver"


@pytest.mark.timeout(120)
def test_results_after_close_or_shutdown_are_harmless(
    qtbot: Any, controller: Any, local: Path
) -> None:
    import time

    # a result arriving after the pane is gone is dropped, not delivered to a deleted widget
    gone = FilesPane(controller, Tabs(), local_root=local)  # not handed to qtbot: deleted here
    gone.ask = Answers()  # type: ignore[assignment]
    delivered: list[object] = []
    gone.submit(lambda s: time.sleep(0.3), delivered.append)
    import shiboken6

    shiboken6.delete(gone)  # the window closed while the job ran
    done: list[int] = []
    controller.submit(lambda s: 1, done.append)  # queued behind the sleeping job
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert delivered == []

    # the link going away while refreshes are queued: said in the status line, no dialogs
    pane = make_pane(qtbot, controller, local)
    pane.refresh()
    pane.refresh(quiet=False)
    controller.shutdown()
    qtbot.wait(500)
    assert pane.ask.warnings == []  # type: ignore[attr-defined]


@pytest.mark.timeout(120)
def test_one_action_refreshes_the_tree_once(
    qtbot: Any, pane: FilesPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A board action (and a file written by another pane) lists the open folders once."""
    from ide.ui.files import listing as pane_module

    c = pane.controller
    listed: list[str] = []
    real = pane_module.list_folder

    def counting(s: Any, path: str) -> list[Any]:
        listed.append(path)
        return real(s, path)

    def settle() -> None:
        # refreshes are queued from callbacks of earlier jobs: let them all run
        for _ in range(3):
            qtbot.waitUntil(lambda: c.state == "idle", timeout=30_000)
            ran: list[None] = []
            c.submit(lambda s: None, ran.append, busy=False)  # not busy: refreshes nothing
            qtbot.waitUntil(lambda ran=ran: bool(ran), timeout=30_000)
            qtbot.wait(100)

    settle()
    monkeypatch.setattr(pane_module, "list_folder", counting)
    ask: Answers = pane.ask  # type: ignore[assignment]
    ask.texts = ["once.py"]
    pane.board_actions.new_file("/")
    wait_in_tree(qtbot, pane, "/once.py")
    settle()
    assert listed == ["/"], f"one new file should list the board once, listed {listed}"

    # a failing action refreshes once too (the tree shows what is there)
    listed.clear()
    pane.board_tree.setCurrentIndex(pane.board_model.index_for_path("/once.py"))
    gone: list[None] = []  # removed behind the pane's back (not busy: no refresh)
    c.submit(lambda s: s.remove("/once.py"), gone.append, busy=False)
    qtbot.waitUntil(lambda: bool(gone), timeout=30_000)
    ask.yes = [True]
    pane.board_actions.delete_selected()
    qtbot.waitUntil(lambda: bool(ask.warnings), timeout=30_000)
    settle()
    assert listed == ["/"], f"a failed delete should list the board once, listed {listed}"
    wait_in_tree(qtbot, pane, "/once.py", present=False)

    # another pane writing a file and saying so (the console's "save as main.py")
    listed.clear()
    c.submit(lambda s: s.write_file("/main.py", b"pass\n"), lambda _r: c.files_changed.emit())
    wait_in_tree(qtbot, pane, "/main.py")
    settle()
    assert listed == ["/"], f"a file saved by another pane lists the board once, listed {listed}"

    # a refresh asked for during a run waits for its end: one listing then, not two
    listed.clear()
    c.run_program("import time\ntime.sleep(0.5)\n")
    assert c.is_running()
    pane.refresh()
    qtbot.waitUntil(lambda: not c.is_running(), timeout=30_000)
    settle()
    assert listed == ["/"], f"the end of a run lists the board once, listed {listed}"


@pytest.mark.timeout(120)
def test_the_board_name_is_shown_whole_under_a_short_title(qtbot: Any, pane: FilesPane) -> None:
    # It was one elided line, "Board: Hotaru virt…", in all three languages.
    qtbot.waitUntil(lambda: bool(pane.board_name.text()), timeout=30_000)
    name = pane.board_name.text()
    assert "Hotaru virtual board" in name and pane.board_title.text() == "Board"
    assert pane.board_name.toolTip() == name and pane.board_name.wordWrap()
    pane.resize(200, 700)  # a narrow dock: the name wraps onto more lines, nothing is cut
    label = pane.board_name
    qtbot.waitUntil(lambda: label.width() < label.fontMetrics().horizontalAdvance(name))
    # laid out as tall as its wrapped text needs (two lines or more at this width)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.heightForWidth(label.width()) >= 2 * label.fontMetrics().lineSpacing()
    pane.controller.disconnect_port()
    qtbot.waitUntil(lambda: not pane.board_model.connected, timeout=30_000)
    assert pane.board_title.text() == "Board (not connected)" and pane.board_name.isHidden()
