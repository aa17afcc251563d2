"""Putting saved files back after an erase (ide.core.rescue.restore): a file that cannot be
written (the fresh filesystem is full) or checked fails alone, the rest still go back, and
nothing raises, so the rescue can always say where the copies are."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Sequence

from ide.core.rescue.restore import restore_files


class FullBoard:
    """A board whose filesystem holds ``room`` bytes (a fault the simulator's RAM disk, much
    larger than any test's files, does not show)."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.files: dict[str, bytes] = {}

    def mkdir(self, path: str, parents: bool = True) -> None:
        pass

    def write_file(self, path: str, data: bytes | str) -> None:
        data = data.encode() if isinstance(data, str) else data
        if sum(map(len, self.files.values())) + len(data) > self.room:
            raise OSError(errno.ENOSPC, "no space")
        self.files[path] = data

    def hashes(self, paths: Sequence[str]) -> dict[str, str | None]:
        return {p: hashlib.sha256(self.files[p]).hexdigest() for p in paths}

    def read_file(self, path: str) -> bytes:
        return self.files[path]


def test_a_file_that_does_not_fit_fails_alone_and_the_others_go_back(tmp_path):
    (tmp_path / "main.py").write_bytes(b"while True: pass\n")
    (tmp_path / "big.bin").write_bytes(b"x" * 1000)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.py").write_bytes(b"A = 1\n")
    board = FullBoard(room=100)
    done = restore_files(
        board, tmp_path, ["/main.py", "/big.bin", "/lib/a.py"], [("main.py", "main_disabled.py")]
    )
    assert done.failed == ["/big.bin"]
    assert done.written == ["/main_disabled.py", "/lib/a.py"]
    assert board.files == {"/main_disabled.py": b"while True: pass\n", "/lib/a.py": b"A = 1\n"}
