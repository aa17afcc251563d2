"""A session that ends in the middle of an operation (the IDE killed or closed, the cable cut)
leaves the board inside a helper; the next session takes it out before anything else."""

from __future__ import annotations

import os
import threading

import pytest
import serial

from ide.board import BadPath, BoardError, Disconnected, connect
from ide.simulator import start
from tests.helpers.board_fakes import CutSerial

OLD = b"print('the old main.py')\n" * 40


def _litter(s) -> list[str]:
    return [e.name for e in s.listdir("/") if "hotaru" in e.name]


@pytest.mark.timeout(240)
@pytest.mark.parametrize("cut", [9000, 17000, 30000])
def test_a_new_session_takes_the_board_out_of_an_abandoned_upload(cut):
    # A UART-speed board: chunks still in flight reach the board (and its acknowledgements
    # reach the port) after the first session is gone.
    with start(baud=115200) as board:
        wrappers: list[CutSerial] = []

        def factory():
            w = CutSerial(serial.serial_for_url(board.port, baudrate=115200, timeout=0.05))
            wrappers.append(w)
            return w

        first = connect(board.port, serial_factory=factory, auto_reconnect=False)
        first.write_file("/main.py", OLD)
        wrappers[-1].arm(cut)
        with pytest.raises(Disconnected):
            first.write_file("/main.py", os.urandom(40000))
        first.close()
        second = connect(board.port)
        try:
            assert second.read_file("/main.py") == OLD
            assert _litter(second) == []
            assert second.eval("1 + 1") == 2
        finally:
            second.close()


def test_close_during_an_operation_sends_nothing_into_it(sim, monkeypatch):
    from ide.board import session as session_module

    monkeypatch.setattr(session_module, "CLOSE_WAIT", 0.2)
    wrappers: list[CutSerial] = []

    def factory():
        w = CutSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
        wrappers.append(w)
        return w

    s = connect(sim.port, serial_factory=factory, auto_reconnect=False)
    s.write_file("/main.py", OLD)
    stalled = threading.Event()
    resume = threading.Event()
    written_at_close: list[int] = []
    errors: list[BaseException] = []

    def progress(done: int, total: int) -> None:
        if done and not stalled.is_set():
            stalled.set()
            resume.wait(10)  # the operation holds the board while the window closes

    def upload() -> None:
        try:
            # incompressible, and more than the first window: the rest goes after the stall
            s.write_file("/main.py", os.urandom(60000), progress)
        except BaseException as e:  # noqa: BLE001 - recorded for the assertions
            errors.append(e)

    t = threading.Thread(target=upload)
    t.start()
    assert stalled.wait(20)
    real_write = wrappers[-1].write

    def record(data: bytes) -> int:
        written_at_close.append(len(data))
        return real_write(data)

    wrappers[-1].write = record
    s.close()
    resume.set()
    t.join(20)
    assert written_at_close == []  # no Ctrl-B (or anything) into the running upload
    assert len(errors) == 1 and isinstance(errors[0], Disconnected), errors
    again = connect(sim.port)
    try:
        assert again.read_file("/main.py") == OLD
        assert _litter(again) == []
    finally:
        again.close()


def test_nul_in_a_path_is_refused_before_anything_is_sent(sim):
    s = connect(sim.port)
    try:
        s.write_file("/main.py", OLD)
        for call in (
            lambda: s.write_file("/main.py\x00.txt", b"x"),
            lambda: s.read_file("/main.py\x00"),
            lambda: s.remove("/main.py\x00.bak"),
            lambda: s.rename("/main.py", "/x\x00"),
            lambda: s.listdir("/\x00"),
            lambda: s.hashes(["/main.py\x00"]),
        ):
            with pytest.raises(BadPath):
                call()
        assert s.read_file("/main.py") == OLD
    finally:
        s.close()


def test_garbled_answers_are_board_errors(sim, monkeypatch):
    from ide.board import helpers

    s = connect(sim.port)
    try:
        monkeypatch.setattr(helpers, "STAT", "print('<ast.Name object at 0x7f>')\n")
        monkeypatch.setattr(helpers, "DISK", "print('(1, 2')\n")
        for call in (lambda: s.stat("/x"), lambda: s.exists("/x"), lambda: s.disk_usage("/")):
            with pytest.raises(BoardError):
                call()
        assert s.eval("2 + 2") == 4
    finally:
        s.close()


def test_a_new_session_cleans_up_after_a_cut_portable_upload(sim):
    import dataclasses

    wrappers: list[CutSerial] = []

    def factory():
        w = CutSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
        wrappers.append(w)
        return w

    first = connect(sim.port, serial_factory=factory, auto_reconnect=False)
    first.write_file("/p.bin", b"old")
    before = first.eval("sorted(globals())")
    first.info = dataclasses.replace(first.info, fast_transfer=False)
    wrappers[-1].arm(3000)  # after the temporary file was opened, inside the first chunk
    with pytest.raises(Disconnected):
        first.write_file("/p.bin", os.urandom(9000))
    first.close()
    second = connect(sim.port)
    try:
        assert second.eval("sorted(globals())") == before  # no _hf left in the user's globals
        assert second.read_file("/p.bin") == b"old"
        assert _litter(second) == []
    finally:
        second.close()


def test_interrupt_during_an_upload_cancels_it(sim):
    from ide.board import Cancelled

    s = connect(sim.port)
    try:
        s.write_file("/main.py", OLD)
        started = threading.Event()
        errors: list[BaseException] = []

        def progress(done: int, total: int) -> None:
            if done and not started.is_set():
                started.set()
                stopped.wait(10)  # Stop is pressed while the transfer runs

        stopped = threading.Event()

        def upload() -> None:
            try:
                s.write_file("/main.py", os.urandom(60000), progress)
            except BaseException as e:  # noqa: BLE001 - recorded for the assertions
                errors.append(e)

        t = threading.Thread(target=upload)
        t.start()
        assert started.wait(20)
        s.interrupt()
        stopped.set()
        t.join(30)
        assert len(errors) == 1 and isinstance(errors[0], Cancelled), errors
        assert s.read_file("/main.py") == OLD
        assert _litter(s) == []
    finally:
        s.close()


def test_a_line_typed_during_an_upload_does_not_make_the_next_operation_refuse(sim):
    s = connect(sim.port)
    try:
        started = threading.Event()
        go_on = threading.Event()
        results: list[object] = []

        def progress(done: int, total: int) -> None:
            if done and not started.is_set():
                started.set()
                go_on.wait(10)

        t = threading.Thread(target=s.write_file, args=("/big.bin", b"b" * 40000, progress))
        t.start()
        assert started.wait(20)
        s.write_console(b"x = 1\r")  # typed in the console while the transfer runs
        lister = threading.Thread(target=lambda: results.append(s.listdir("/")))
        lister.start()  # a Files refresh queued behind the transfer
        go_on.set()
        t.join(30)
        lister.join(30)
        assert len(results) == 1 and "big.bin" in [e.name for e in results[0]]
        assert s.eval("x") == 1
    finally:
        s.close()
