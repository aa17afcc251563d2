"""`hotaru --port simulator` begins the virtual board before Qt loads (ide.simulator.early)."""

from __future__ import annotations

import pytest

from ide.simulator import early


@pytest.fixture(autouse=True)
def _nothing_left() -> object:
    yield
    early._discard()


def test_the_early_board_is_taken_once_and_answers() -> None:
    early.begin()
    early.begin()  # a second call starts nothing more
    assert early.take(115200, None) is None  # other settings: the caller starts its own
    board = early.take(None, None)
    assert board is not None and board.alive
    try:
        assert early.take(None, None) is None  # taken: the next caller starts its own
        link = board.connect()
        link.write(b"\r\x03\x02print(6*7)\r")
        out = b""
        for _ in range(100):
            out += link.read(4096, 0.1)
            if b"42" in out:
                break
        assert b"42" in out
    finally:
        board.close()


def test_nothing_begun_means_nothing_to_take() -> None:
    assert early.take(None, None) is None
