"""Copying the board's files to this computer before an install erases them: the Qt-free copy
(ide.firmware.backup) on the simulated board, and the board page's button."""

from __future__ import annotations

import pytest

from ide.board import connect
from ide.firmware.backup import copy_board_files

FILES = {
    "/main.py": b"print('hello')\n",
    "/lib/tool.py": b"X = 1\n" * 300,
    "/data/logs/day1.bin": bytes(range(256)) * 20,
    "/a:b.txt": b"a name Windows cannot hold",
}


@pytest.fixture
def board(sim):
    s = connect(sim.port)
    try:
        for path, data in FILES.items():
            s.mkdir(path.rsplit("/", 1)[0] or "/", parents=True)
            s.write_file(path, data)
        yield s
    finally:
        s.close()


@pytest.mark.timeout(120)
def test_every_file_is_copied_with_its_folders(board, tmp_path):
    dest = tmp_path / "backup"
    seen: list[str] = []
    backup = copy_board_files(board, dest, on_file=seen.append)
    for path, data in FILES.items():
        if ":" in path:
            continue
        assert (dest / path.lstrip("/")).read_bytes() == data
    assert backup.skipped == ["/a:b.txt"]  # kept off this computer, and said so
    assert sorted(seen) == sorted(p for p in FILES if ":" not in p)
    assert len(backup.copied) == 3 and all(p.is_relative_to(dest) for p in backup.copied)


@pytest.mark.timeout(120)
def test_board_page_copies_the_files_before_the_port_is_released(
    board, qtbot, tmp_path, monkeypatch
):
    from ide.firmware import catalog
    from ide.ui.firmware import InstallWizard, backup_box

    class Controller:
        """The controller's face the wizard uses; submit runs on the real session."""

        port = "/dev/ttyUSB7"

        def __init__(self) -> None:
            self.calls: list[str] = []

        def is_connected(self) -> bool:
            return True

        def submit(self, fn, on_done=None, on_error=None, busy=True) -> None:
            self.calls.append("submit")
            try:
                result = fn(board)
            except Exception as exc:  # noqa: BLE001 - handed on as the controller does
                on_error(exc)
            else:
                on_done(result)

        def release_port(self) -> None:
            self.calls.append("release")

        def reacquire_port(self, port=None) -> None:
            self.calls.append("reacquire")

    monkeypatch.setattr(
        backup_box.QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path)
    )
    controller = Controller()
    cat = catalog.Catalog("http://127.0.0.1:9", cache=tmp_path / "cache", timeout=1)
    wizard = InstallWizard(controller, catalog=cat)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert page.backup is not None and "deletes the files on the board" in page.backup.text.text()
    page.backup.button.click()
    assert controller.calls == ["submit"]  # through the session, not a release
    status = page.backup.status.text()
    assert "Files copied: 3, into" in status and "/a:b.txt" in status
    (folder,) = [p for p in tmp_path.iterdir() if p.name.startswith("board-files-")]
    assert (folder / "lib" / "tool.py").read_bytes() == FILES["/lib/tool.py"]


def test_no_copy_offered_for_the_simulator_or_without_a_connection():
    from ide.ui.board.session_controller import SIMULATOR
    from ide.ui.firmware.backup_box import board_to_back_up

    class Controller:
        def __init__(self, port: str | None, connected: bool) -> None:
            self.port, self._connected = port, connected

        def is_connected(self) -> bool:
            return self._connected

        def submit(self, *args: object) -> None:
            raise AssertionError("not called")

    assert board_to_back_up(Controller("/dev/ttyUSB0", True)) == "/dev/ttyUSB0"
    assert board_to_back_up(Controller(SIMULATOR, True)) is None
    assert board_to_back_up(Controller("/dev/ttyUSB0", False)) is None
    assert board_to_back_up(None) is None
