"""Each Run starts from a clean board (issue 12 item 18): a soft reset from the raw REPL before
the program (main.py does not run, files are kept), the run's globals stay at the prompt after
it, and the setting "Keep the board's state between runs" keeps the old behaviour."""

from __future__ import annotations

import pytest

from ide.board import connect

TIMER = (
    "from machine import Timer\n"
    "t = Timer(-1)\n"
    "t.init(mode=Timer.PERIODIC, period=20, callback=lambda t: print('tick'))\n"
)
SLEEP = "import time\ntime.sleep_ms(300)\nprint('slept')\n"  # timers fire while it sleeps


@pytest.fixture
def board(sim):
    s = connect(sim.port)
    yield s
    s.close()


def output_of(board, code: str, *, fresh: bool) -> str:
    out: list[bytes] = []
    result = board.run(code, out.append, fresh=fresh)
    assert result.traceback is None, result.traceback
    return b"".join(out).decode()


def test_a_timer_of_the_last_run_does_not_fire_in_a_fresh_run(board):
    output_of(board, TIMER, fresh=True)
    text = output_of(board, SLEEP, fresh=True)
    assert text == "slept\r\n"


def test_keeping_the_state_keeps_the_timer_and_the_globals(board):
    output_of(board, TIMER + "kept = 41\n", fresh=True)
    text = output_of(board, SLEEP + "print(kept + 1)\n", fresh=False)
    assert "tick" in text and text.endswith("slept\r\n42\r\n")


def test_a_builtin_shadowed_by_one_run_is_back_in_the_next(board):
    output_of(board, "for str in ('a',): pass\n", fresh=True)
    assert output_of(board, "print(str(1) + 'x')\n", fresh=True) == "1x\r\n"


def test_the_globals_of_a_fresh_run_stay_at_the_prompt_and_files_are_kept(board):
    board.write_file("/main.py", "print('main ran')\n")
    board.write_file("/kept.txt", "still here")
    output_of(board, "answer = 6 * 7\n", fresh=True)
    assert board.eval("answer") == 42
    assert board.read_file("/kept.txt") == b"still here"
    assert "main ran" not in output_of(board, "print('ok')\n", fresh=True)
    # the transfer helpers went with the reset: file transfers still work afterwards
    board.write_file("/kept.txt", "again")
    assert board.read_file("/kept.txt") == b"again"


def test_what_boot_py_prints_reaches_the_console(board):
    seen: list[bytes] = []
    board.subscribe(seen.append)
    board.write_file("/boot.py", "print('booting')\n")
    assert output_of(board, "print('run')\n", fresh=True) == "run\r\n"
    assert b"booting" in b"".join(seen)
