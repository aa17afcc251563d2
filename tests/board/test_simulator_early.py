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


def _open_session() -> object:
    # what ide.__main__ passes as ``then``: ide.board's session on the early board
    from ide.__main__ import _open_simulator_session

    return _open_simulator_session()


def test_the_session_opened_beside_the_board_is_taken_once_and_answers() -> None:
    early.begin(then=_open_session)
    session = early.take_session("pico")
    assert session is not None
    try:
        assert early.take_session("pico") is None  # taken: the next caller opens its own
        assert session.connected  # type: ignore[attr-defined]
        assert session.eval("6*7") == 42  # type: ignore[attr-defined]
        assert early.take(None, None) is None  # the session's transport took the board
    finally:
        session.close()  # type: ignore[attr-defined]


class _Opened:
    closed = False

    def close(self) -> None:
        self.closed = True


def test_what_was_opened_for_another_board_kind_is_closed() -> None:
    opened = _Opened()
    early.begin(then=lambda: opened)
    assert early.take_session("esp32") is None
    assert opened.closed


def test_a_failed_opening_gives_nothing_to_take() -> None:
    def fail() -> object:
        raise OSError("no")

    early.begin(then=fail)
    assert early.take_session("pico") is None
