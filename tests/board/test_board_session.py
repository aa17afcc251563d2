"""ide.board against the virtual board (real MicroPython), cross-checked with mpremote."""

from __future__ import annotations

import dataclasses
import os
import random
import threading
import time

import pytest

from ide.board import BoardError, Busy, Cancelled, NotResponding, RemoteError, connect, ports
from ide.board import operations as operations_module

HOSTILE = "'); import os; os.remove('main.py') #"
NAMES = [
    HOSTILE,
    "日本語のファイル.py",
    "中文 文件.txt",
    "quote'\"back\\slash sp ace.txt",
]


def wait_for(predicate, timeout=10.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


class Console:
    """A console subscriber that records everything it is shown."""

    def __init__(self):
        self.data = bytearray()
        self.lock = threading.Lock()

    def __call__(self, data: bytes) -> None:
        with self.lock:
            self.data += data

    def text(self) -> str:
        with self.lock:
            return self.data.decode("utf-8", "replace")


@pytest.fixture
def board(sim):
    s = connect(sim.port)
    yield s
    s.close()


def test_connect_knows_the_board_and_shows_its_banner(board):
    assert board.info.version, board.info
    assert "MicroPython" in str(board.info)
    assert board.info.fast_transfer
    con = Console()
    board.subscribe(con)
    assert "MicroPython" in con.text() and con.text().endswith(">>> ")


def test_exec_eval_and_the_boards_traceback(board):
    assert board.exec("print(1 + 1)") == "2\r\n"
    assert board.eval("[1, 'ä', b'\\x00\\xff', (None, True)]") == [
        1,
        "ä",
        b"\x00\xff",
        (None, True),
    ]
    with pytest.raises(RemoteError) as info:
        board.exec("def f():\n    return 1 / 0\nf()")
    assert info.value.exc_type == "ZeroDivisionError"
    assert "Traceback" in info.value.traceback and "line 2" in info.value.traceback
    assert board.eval("6 * 7") == 42  # still in step after an error


def test_file_operations(board):
    blob = bytes(range(256)) * 40 + b"\r\n\x03\x04\x01\x02\x05"
    board.mkdir("/work/deep/er", parents=True)
    board.mkdir("/work/deep/er", parents=True)  # exists already: fine with parents
    board.write_file("/work/deep/er/blob.bin", blob)
    board.write_file("/work/empty.txt", b"")
    assert board.read_file("/work/deep/er/blob.bin") == blob
    assert board.read_file("/work/empty.txt") == b""
    entries = board.listdir("/work")
    assert [(e.name, e.is_dir) for e in entries] == [("deep", True), ("empty.txt", False)]
    assert entries[1].path == "/work/empty.txt" and entries[1].size == 0
    st = board.stat("/work/deep/er/blob.bin")
    assert (st.name, st.is_dir, st.size) == ("blob.bin", False, len(blob))
    assert board.exists("/work/deep") and not board.exists("/work/nope")
    board.rename("/work/empty.txt", "/work/renamed.txt")
    assert [e.name for e in board.listdir("/work")] == ["deep", "renamed.txt"]
    board.remove("/work/renamed.txt")
    with pytest.raises(RemoteError) as info:
        board.read_file("/work/renamed.txt")
    assert "no file or folder" in str(info.value.message)
    with pytest.raises(RemoteError):
        board.listdir("/nothing/here")
    with pytest.raises(RemoteError) as info:
        board.write_file("/nothing/here.txt", b"data")
    assert info.value.errno == 2
    assert board.eval("1") == 1  # in step after the helper's early error
    total, used, free = board.disk_usage("/")
    assert total > 0 and used + free == total
    board.rmtree("/work")
    assert not board.exists("/work")


def test_hostile_and_international_names_are_data(board):
    board.write_file("/main.py", b"print('survivor')\n")
    for name in NAMES:
        body = ("content of " + name).encode()
        board.write_file("/" + name, body)
        assert board.read_file("/" + name) == body
        assert board.exists("/" + name)
    listed = {e.name for e in board.listdir("/")}
    assert set(NAMES) <= listed
    board.mkdir("/" + NAMES[1] + "フォルダ")
    board.rename("/" + HOSTILE, "/" + NAMES[1] + "フォルダ/" + HOSTILE)
    assert [e.name for e in board.listdir("/" + NAMES[1] + "フォルダ")] == [HOSTILE]
    board.rmtree("/" + NAMES[1] + "フォルダ")
    for name in NAMES[1:]:
        board.remove("/" + name)
    assert board.read_file("/main.py") == b"print('survivor')\n"


def test_names_with_control_characters_list_and_delete(board):
    """The board's stdout turns "\\n" into "\\r\\n": names travel escaped, so a name with a newline,
    a carriage return or a tab is listed as it is and can be renamed and removed by that name."""
    names = ["a\nb.txt", "c\rd\te.txt", "改\n行.py", "日本語のファイル.py", "trail\r"]
    board.mkdir("/ctl")
    board.exec(
        "for i, n in enumerate(" + repr(names) + "):\n"
        "    with open('/ctl/' + n, 'w') as f:\n"
        "        f.write('x' * (i + 1))\n"
    )
    board.mkdir("/ctl/dir\nname")
    entries = board.listdir("/ctl")
    assert sorted((e.name, e.path, e.is_dir, e.size) for e in entries) == sorted(
        [(n, "/ctl/" + n, False, i + 1) for i, n in enumerate(names)]
        + [("dir\nname", "/ctl/dir\nname", True, 0)]
    )
    assert board.listdir("/ctl/dir\nname") == []
    board.rename("/ctl/a\nb.txt", "/ctl/dir\nname/x\ty.txt")
    assert [e.path for e in board.listdir("/ctl/dir\nname")] == ["/ctl/dir\nname/x\ty.txt"]
    for e in board.listdir("/ctl"):
        if not e.is_dir:
            board.remove(e.path)
    board.remove("/ctl/dir\nname/x\ty.txt")
    assert [e.name for e in board.listdir("/ctl")] == ["dir\nname"]
    assert board.exec("import os\nprint(os.listdir('/ctl'))") == "['dir\\nname']\r\n"


def test_what_hotaru_writes_mpremote_reads_and_the_reverse(board, sim):
    from mpremote.transport_serial import SerialTransport

    rng = random.Random(3)
    mine = bytes(rng.randrange(256) for _ in range(5000))
    board.write_file("/日本.bin", mine)
    board.release()
    t = SerialTransport(sim.port, baudrate=115200)
    try:
        t.enter_raw_repl(soft_reset=False)
        assert t.fs_readfile("/日本.bin") == mine
        theirs = bytes(rng.randrange(256) for _ in range(3000))
        t.fs_writefile("/中文.bin", theirs)
        t.exit_raw_repl()
    finally:
        t.close()
    board.reacquire()
    assert board.read_file("/中文.bin") == theirs
    assert board.stat("/中文.bin").size == len(theirs)


def test_console_sees_no_protocol_and_keeps_the_half_typed_line(board):
    con = Console()
    board.subscribe(con, replay=False)
    board.write_console(b"x = 4")
    wait_for(lambda: con.text().endswith("x = 4"), what="echo")
    board.write_file("/c.txt", b"abc\x04\x01")
    assert board.read_file("/c.txt") == b"abc\x04\x01"
    board.listdir("/")
    assert board.eval("1 + 2") == 3
    board.write_console(b"2\r")
    wait_for(lambda: con.text().endswith(">>> "), what="prompt after typing")
    text = con.text()
    assert text.startswith("x = 42\r\n>>> "), repr(text)
    for marker in ("raw REPL", "\x04", "OK", "_hw", "RDY"):
        assert marker not in text
    assert board.eval("x") == 42  # the line the user typed ran, with its first half restored


def test_keystrokes_during_an_operation_arrive_after_it(board):
    con = Console()
    board.subscribe(con, replay=False)
    data = os.urandom(20000)
    t = threading.Thread(target=board.write_file, args=("/big.bin", data))
    t.start()
    wait_for(lambda: board.op_active() or not t.is_alive(), what="transfer start")
    board.write_console(b"y = 5\r")
    t.join(30)
    wait_for(lambda: "y = 5\r\n>>> " in con.text(), what="queued keystrokes")
    assert board.eval("y") == 5
    assert board.read_file("/big.bin") == data


def test_run_streams_output_and_leaves_globals_at_the_prompt(board):
    con = Console()
    board.subscribe(con, replay=False)
    out = bytearray()
    result = board.run("for i in range(3):\n    print('line', i)\nfoo = 7\n", on_output=out.extend)
    assert result.ok and not result.interrupted
    assert out.decode() == "line 0\r\nline 1\r\nline 2\r\n"
    assert con.text().endswith(">>> ")
    assert board.eval("foo") == 7
    result = board.run("print('x', end='')\n1/0\n", on_output=out.extend)
    assert not result.ok and "ZeroDivisionError" in result.traceback
    assert "ZeroDivisionError" in out.decode()


def test_run_takes_typed_input_and_stops_on_interrupt(board):
    con = Console()
    board.subscribe(con, replay=False)
    results = []
    code = "name = input('who? ')\nprint('hi', name)\nwhile True:\n    pass\n"
    t = threading.Thread(target=lambda: results.append(board.run(code)))
    t.start()
    wait_for(lambda: "who? " in con.text(), what="input prompt")
    board.write_console("Ada 世界\r".encode())
    wait_for(lambda: "hi Ada 世界" in con.text(), what="program output")
    assert board.running
    with pytest.raises(Busy):
        board.listdir("/")  # files wait for the user to stop the program: clear error, at once
    board.interrupt()
    t.join(10)
    assert results and results[0].interrupted
    assert con.text().endswith(">>> ")
    assert board.eval("name") == "Ada 世界"


def test_program_that_ignores_ctrl_c(board):
    errors = []

    def go():
        try:
            board.run(
                "import micropython\nmicropython.kbd_intr(-1)\nwhile True:\n    pass\n",
                stop_timeout=0.3,
            )
        except NotResponding as e:
            errors.append(e)

    t = threading.Thread(target=go)
    t.start()
    wait_for(lambda: board.running, what="program start")
    time.sleep(0.2)
    board.interrupt()
    t.join(15)
    assert errors and errors[0].diagnosis == NotResponding.IGNORES_CTRL_C
    assert "hard reset" in str(errors[0].message)


def test_progress_and_cancel_leave_the_old_file(board):
    old = b"old content\n"
    board.write_file("/p.bin", old)
    data = os.urandom(30000)
    seen = []
    board.write_file("/p.bin", data, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(data), len(data)) and seen == sorted(seen)
    board.write_file("/p.bin", old)
    with pytest.raises(Cancelled):
        board.write_file("/p.bin", data, progress=lambda d, t: d < 10000)
    assert board.read_file("/p.bin") == old
    assert [e.name for e in board.listdir("/") if "hotaru" in e.name] == []
    board.write_file("/q.bin", data)
    with pytest.raises(Cancelled):
        board.read_file("/q.bin", progress=lambda d, t: d < 5000)
    assert board.read_file("/q.bin") == data  # the session is still in step


def test_portable_transfer_path(board):
    board.info = dataclasses.replace(board.info, fast_transfer=False)
    data = bytes(range(256)) * 30
    board.write_file("/port.bin", b"old")
    board.write_file("/port.bin", data)
    assert board.read_file("/port.bin") == data
    with pytest.raises(Cancelled):
        board.write_file("/port.bin", b"z" * 9000, progress=lambda d, t: d == 0)
    assert board.read_file("/port.bin") == data
    assert [e.name for e in board.listdir("/") if "hotaru" in e.name] == []


def test_threads_share_one_session(board):
    errors = []

    def worker(k):
        try:
            for i in range(8):
                assert board.eval(f"{k} * 100 + {i}") == k * 100 + i
                board.listdir("/")
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors


def test_soft_reset_clears_the_interpreter(board):
    con = Console()
    board.subscribe(con, replay=False)
    board.exec("zz = 1")
    board.soft_reset()
    wait_for(lambda: con.text().endswith(">>> "), what="prompt after soft reset")
    assert "soft reboot" in con.text()
    assert board.eval("'zz' in globals()") is False


def test_connect_looks_the_port_up_once(sim, monkeypatch):
    calls = []
    real = ports._pyserial_ports.comports
    monkeypatch.setattr(ports._pyserial_ports, "comports", lambda: calls.append(1) or real())
    s = connect(sim.port)
    try:
        assert s.flow_controlled  # a pty (the simulator) does not overrun
        s.hard_reset()
        assert len(calls) == 1  # serial number, flow control and reset lines from one look
    finally:
        s.close()


def test_hard_reset_runs_main_py_on_the_console(board):
    con = Console()
    board.subscribe(con, replay=False)
    board.write_file("/main.py", b"print('hello from main.py')\n")
    board.exec("left_over = 1")
    board.hard_reset()
    wait_for(lambda: "hello from main.py" in con.text(), what="main.py output")
    wait_for(lambda: con.text().endswith(">>> "), what="prompt after reset")
    assert board.eval("'left_over' in globals()") is False
    board.remove("/main.py")


def test_a_loop_typed_at_the_console_makes_file_operations_wait(board):
    con = Console()
    board.subscribe(con, replay=False)
    board.write_console(b"while True:\r")
    wait_for(lambda: con.text().endswith("...     "), what="auto-indented continuation prompt")
    board.listdir("/")  # waiting at "... " is idle: the half-typed block is kept
    board.write_console(b"    n = 1\r\r")
    wait_for(lambda: "n = 1\r\n... \r\n" in con.text(), what="loop start")
    with pytest.raises(Busy) as info:
        board.listdir("/")
    assert "Stop it first" in str(info.value.message)
    board.interrupt()
    assert "KeyboardInterrupt" in con.text() and con.text().endswith(">>> ")
    assert board.eval("n") == 1


def test_replugged_board_is_found_again_by_serial_number(board, sim, monkeypatch):
    from ide.board import opening

    events = []
    back = threading.Event()

    def listener(event, msg):
        events.append((event, str(msg)))
        if event == "reconnected":
            back.set()

    board.add_listener(listener)
    board.serial_number = "E6614103E7"
    looked_for = []

    def find(sn):
        looked_for.append(sn)
        return sim.port

    monkeypatch.setattr(opening, "find_by_serial_number", find)
    board.link.ser.close()  # the cable is pulled: the reader's next read fails
    assert back.wait(15), events
    assert events[0][0] == "disconnected" and "back on" in events[-1][1]
    assert looked_for[0] == "E6614103E7"
    assert board.eval("2 ** 10") == 1024


def test_transfers_leave_the_users_globals_alone(board):
    before = board.eval("sorted(globals())")
    board.write_file("/g.bin", b"1" * 3000)
    assert board.read_file("/g.bin") == b"1" * 3000
    board.listdir("/")
    assert board.eval("sorted(globals())") == before
    # A program that throws the cached helpers away does not break the next transfer
    board.run("import sys\nsys.modules.pop('_hotaru', None)\n", on_output=lambda b: None)
    board.write_file("/g.bin", b"2" * 3000)
    assert board.read_file("/g.bin") == b"2" * 3000


def test_run_starts_from_a_fresh_prompt_even_with_half_a_line_typed(board):
    con = Console()
    board.subscribe(con, replay=False)
    board.write_console(b"junk")
    wait_for(lambda: con.text().endswith("junk"), what="echo")
    assert board.run("print('ran')\n", on_output=con).ok
    assert con.text().endswith("ran\r\n>>> ")
    board.write_console(b"1 + 1\r")
    wait_for(lambda: con.text().endswith("2\r\n>>> "), what="the next line typed")
    assert "junk1" not in con.text()


def test_remove_and_rename_keep_the_users_own_os(board):
    # After a Run the program's globals stay at >>>; file actions must not delete or add any.
    board.exec("import os\nmarker = 1")
    before = board.eval("sorted(globals())")
    board.write_file("/r.txt", b"x")
    board.rename("/r.txt", "/s.txt")
    board.remove("/s.txt")
    assert board.eval("sorted(globals())") == before  # the user's os is still there
    board.exec("del os")
    before = board.eval("sorted(globals())")
    with pytest.raises(BoardError):
        board.remove("/missing.txt")
    with pytest.raises(BoardError):
        board.rename("/missing.txt", "/other.txt")
    assert board.eval("sorted(globals())") == before  # and a failing one leaves no stray os


def test_reset_and_lending_the_port_wait_for_an_operation_only_so_long(board, monkeypatch):
    monkeypatch.setattr(operations_module, "LOCK_WAIT", 0.3)
    results = []
    t = threading.Thread(
        target=lambda: results.append(board.exec("import time\ntime.sleep(2.5)\nprint('done')"))
    )
    t.start()
    wait_for(lambda: board.op_active(), what="the operation to start")
    for action in (board.hard_reset, board.release, board.reacquire):
        with pytest.raises(Busy):
            action()
    t.join(15)
    assert [r.strip() for r in results] == ["done"]
    assert board.connected and board.eval("1 + 1") == 2  # nothing touched the port meanwhile
