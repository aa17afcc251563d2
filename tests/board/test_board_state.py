"""The board's state follows the board: output the board prints on its own is console output
and never makes Hotaru wait, and a dead link is noticed at once and recovered from."""

from __future__ import annotations

import threading
import time

import pytest

from ide.board import Disconnected, connect
from ide.board.state import BoardState
from tests.helpers.board_fakes import ProcessTransport

LATE = (
    "from machine import Timer\n"
    "t = Timer(-1)\n"
    "t.init(mode=Timer.ONE_SHOT, period=100, callback=lambda t: print('late'))\n"
)


class Recorder:
    """Console bytes and state changes, each with a way to wait for them."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.states: list[BoardState] = []
        self.cond = threading.Condition()

    def console(self, data: bytes) -> None:
        with self.cond:
            self.data += data
            self.cond.notify_all()

    def state(self, state: BoardState) -> None:
        with self.cond:
            self.states.append(state)
            self.cond.notify_all()

    def wait(self, predicate, what: str, timeout: float = 20.0) -> None:
        """Wait for ``predicate`` (checked on every recorded event and every 10 ms)."""
        end = time.monotonic() + timeout
        with self.cond:
            while not predicate():
                if time.monotonic() > end:
                    raise AssertionError(f"timed out waiting for {what}: {self.states}")
                self.cond.wait(0.01)

    def text(self) -> str:
        return self.data.decode("utf-8", "replace")


@pytest.fixture
def board(sim):
    s = connect(sim.port)
    yield s
    s.close()


def test_late_output_at_the_prompt_is_shown_and_nothing_waits_for_it(board):
    rec = Recorder()
    board.subscribe(rec.console, replay=False)
    result = board.run(LATE)
    assert result.ok
    rec.wait(lambda: "late" in rec.text(), "the Timer's late line")
    assert board.state == BoardState.IDLE
    # Straight away, no Enter or Stop first: the board is idle, whatever it printed.
    board.write_file("/x.txt", b"x")
    assert "x.txt" in [e.name for e in board.listdir("/")]
    assert board.run("print('again')").ok
    assert board.exec("print(6 * 7)").strip() == "42"
    assert rec.text().count("late") == 1


def test_late_output_while_in_the_raw_repl_reaches_the_console(board):
    rec = Recorder()
    board.subscribe(rec.console, replay=False)
    board.exec(LATE.replace("period=100", "period=50"))  # fires while Hotaru holds the REPL
    rec.wait(lambda: "late" in rec.text(), "the Timer's line on the console")
    assert board.eval("1 + 1") == 2


def test_state_changes_are_told_in_order(board):
    rec = Recorder()
    board.on_state(rec.state)
    board.listdir("/")
    rec.wait(lambda: rec.states[-1:] == [BoardState.IDLE], "idle after a listing")
    assert rec.states[:2] == [BoardState.BUSY, BoardState.IDLE]
    rec.states.clear()
    board.run("import time\ntime.sleep(0.2)\n", on_output=lambda b: None)
    rec.wait(lambda: rec.states[-1:] == [BoardState.IDLE], "idle after a run")
    assert BoardState.RUNNING in rec.states
    assert rec.states.index(BoardState.BUSY) < rec.states.index(BoardState.RUNNING)


def test_a_killed_simulator_is_noticed_at_once_and_a_new_one_recovers(sim, _sim_spares):
    s = connect(sim.port, transport=ProcessTransport(sim))
    try:
        rec = Recorder()
        times: dict[BoardState, float] = {}

        def on_state(state: BoardState) -> None:
            times.setdefault(state, time.monotonic())
            rec.state(state)

        s.on_state(on_state)
        assert s.listdir("/") is not None
        killed = time.monotonic()
        sim._proc.kill()
        rec.wait(lambda: BoardState.DISCONNECTED in rec.states, "the disconnected state")
        latency = times[BoardState.DISCONNECTED] - killed
        print(f"dead link noticed after {latency * 1000:.0f} ms")
        rec.wait(lambda: BoardState.RECONNECTING in rec.states, "the reconnecting state")
        t0 = time.monotonic()
        with pytest.raises(Disconnected):
            s.listdir("/")
        with pytest.raises(Disconnected):
            s.run("print(1)")
        # at once: well before any of the session's timeouts (10 s)
        assert time.monotonic() - t0 < s.timeout
        fresh = _sim_spares.take()
        try:
            s.reacquire(fresh.port)
            assert s.state == BoardState.IDLE
            s.write_file("/back.txt", b"back")
            assert s.read_file("/back.txt") == b"back"
        finally:
            s.close()
            fresh.close()
    finally:
        s.close()


def test_esp_log_lines_at_the_prompt_reach_the_console_and_wedge_nothing(sim, monkeypatch):
    """An ESP32 prints ESP-IDF log lines on its own (Wi-Fi, brown-out...) at any moment: at the
    friendly prompt and in the raw REPL between operations. Every line reaches the console and
    every operation, Run included, works at once (rounds 2-4 used to fail with Busy)."""
    import serial

    from ide.board import keys as keys_module
    from tests.helpers.board_fakes import NoisySerial

    fake = NoisySerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: fake, auto_reconnect=False)
    rec = Recorder()
    s.subscribe(rec.console, replay=False)
    try:
        for n in range(6):
            raw_window = n % 2 == 1  # odd rounds: the line comes while Hotaru holds the raw REPL
            monkeypatch.setattr(keys_module, "LAZY_EXIT", 30.0 if raw_window else 0.0)
            s.listdir("/")
            if not raw_window:
                rec.wait(lambda: s.repl.mode == "friendly", "the friendly prompt")
            line = f"E ({1234 + n}) wifi: log line {n}\r\n".encode()
            fake.noise = line
            rec.wait(lambda: not fake.noise, "the line read")
            assert s.state == BoardState.IDLE
            assert s.exec(f"print({n} * 2)").strip() == str(n * 2)
            assert s.run(f"print('run {n}')").ok
            rec.wait(lambda line=line: line.decode().strip() in rec.text(), f"log line {n}")
    finally:
        s.close()


def test_input_prompt_like_the_repl_prompt_is_not_taken_for_idle(board):
    """``input(">>> ")`` entered at the REPL prints the REPL's own prompt; a file operation must
    not send Ctrl-A into that input() (it would return "") but refuse until it is answered."""
    from ide.board import Busy

    rec = Recorder()
    board.subscribe(rec.console, replay=False)
    board.write_console(b'x = input(">>> ")\r')
    rec.wait(lambda: rec.text().endswith('")\r\n>>> '), "input()'s prompt")
    with pytest.raises(Busy):
        board.listdir("/")
    board.write_console(b"hello\r")
    rec.wait(lambda: rec.text().endswith("hello\r\n>>> "), "the REPL's prompt")
    assert board.eval("x") == "hello"
    assert "boot.py" in [e.name for e in board.listdir("/")] or board.eval("1") == 1
