"""`hotaru --port simulator` begins the virtual board before Qt loads (ide.simulator.early)."""

from __future__ import annotations

import time
from dataclasses import dataclass

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


def test_discarded_early_things_are_closed_once_they_are_up() -> None:
    # the UI picked a real board after all: the early board and what was opened on it go
    opened = _Opened()
    early.begin(then=lambda: opened)
    board_future = early._pending
    assert board_future is not None
    early.discard()
    board = board_future.result(timeout=120)
    for _ in range(1000):  # bounded: the done-callback closes it as soon as it is up
        if not board.alive:
            break
        time.sleep(0.01)
    assert not board.alive
    assert opened.closed
    assert early.take(None, None) is None and early.take_session("pico") is None


def test_the_saved_port_and_board_kind_are_read_without_qt(tmp_path, monkeypatch):
    """`hotaru --port simulator` begins the board kind the Board view chose last time (read
    from the settings file before Qt is imported), with the saved port beside it."""
    from ide.__main__ import _saved_choices

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path))
    assert _saved_choices() == ("", "pico")  # a first start: no settings file yet
    ini = tmp_path / "hotaru.ini"
    ini.write_text("[connection]\nlast_port=simulator\n\n[simulator]\nboard=esp32\n")
    assert _saved_choices() == ("simulator", "esp32")
    ini.write_text("[connection]\nlast_port=/dev/ttyACM0\n\n[simulator]\nboard=nonsense\n")
    assert _saved_choices() == ("/dev/ttyACM0", "pico")
    ini.write_bytes(b"\xff\xfe[garbage")
    assert _saved_choices() == ("?", "pico")  # unreadable: nothing begun on a guess


def test_a_first_start_leaves_installing_micropython_to_the_ui(monkeypatch) -> None:
    # npm's progress goes to the console when the UI installs it: the early session must not
    # install it unseen (nor start a board of its own)
    from ide.simulator import node_env

    monkeypatch.setattr(node_env, "module_ready", lambda: False)
    early.begin(then=_open_session)
    assert early.take_session("pico") is None
    assert early.take(None, None) is None  # the early board refused too


@dataclass
class _Port:  # the fields of pyserial's ListPortInfo read before Qt
    device: str
    vid: int | None = None


def test_a_plain_start_begins_the_simulator_only_when_no_usb_serial_device_is_plugged_in(
    tmp_path, monkeypatch
) -> None:
    # a plain `hotaru` picks the simulator when no board is plugged in (the UI's
    # choose_initial_port): only then is it begun before Qt loads; any USB serial device (a
    # board, a bridge) leaves the choice to the UI, as does a settings file that can't be read
    from serial.tools import list_ports

    from ide.__main__ import _saved_choices, _simulator_likely

    def likely() -> bool:  # as ide.__main__.main asks it
        return _simulator_likely(_saved_choices()[0])

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path))
    plugged: list[_Port] = []
    monkeypatch.setattr(list_ports, "comports", lambda *a, **k: list(plugged))
    assert likely()  # a first start, nothing plugged in
    plugged.append(_Port("/dev/ttyS0"))  # a built-in port: no USB vendor id
    assert likely()
    plugged.append(_Port("/dev/ttyACM0", 0x2E8A))  # a Pico
    assert not likely()
    plugged.pop()
    (tmp_path / "hotaru.ini").write_bytes(b"\xff\xfe[garbage")
    assert not likely()
    (tmp_path / "hotaru.ini").write_text("[connection]\nlast_port=simulator\n")
    assert likely()

    def fails(*a: object, **k: object) -> list[_Port]:
        raise OSError("no /sys here")

    monkeypatch.setattr(list_ports, "comports", fails)
    assert not likely()


def test_a_plain_start_with_nothing_plugged_in_begins_the_board_before_qt(
    tmp_path, monkeypatch
) -> None:
    import ide.__main__ as entry
    import ide.app

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path))
    monkeypatch.setattr(entry, "_simulator_likely", lambda _port: True)
    begun: list[object] = []
    monkeypatch.setattr(early, "begin", lambda kind, then=None: begun.append(kind))
    monkeypatch.setattr(ide.app, "run", lambda argv, port=None: 0)
    assert entry.main([]) == 0
    assert begun == ["pico"]
    monkeypatch.setattr(entry, "_simulator_likely", lambda _port: False)
    assert entry.main([]) == 0
    assert entry.main(["--port", "/dev/ttyACM0"]) == 0
    assert begun == ["pico"]  # a board plugged in, or a port given: nothing begun
