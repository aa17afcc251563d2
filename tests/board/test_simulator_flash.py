"""The virtual board keeps its files (a per-user folder), sized and named as littlefs on a board."""

from __future__ import annotations

import os
import time

import pytest

from ide import paths
from ide.simulator import FlashInUse, erase_files, start
from tests.helpers.simulator_helpers import TransportSerial, enter_raw, raw_exec, read_until


def raw(board):
    s = TransportSerial(board.connect())
    enter_raw(s)
    return s


def run(s, code: str) -> bytes:
    out, err = raw_exec(s, code)
    assert err == b"", err
    return out


WRITE_SOME = (
    "import os\nos.mkdir('lib')\n"
    "open('lib/util.py', 'w').write('X = 1\\n')\n"
    "open('main.txt', 'wb').write(bytes(range(256)) * 40)\n"
    "open('データ.txt', 'w').write('こんにちは')\n"
    "open('a:b?.txt', 'w').write('odd')\n"
    "open('con', 'w').write('reserved on Windows')\n"
    "open('dot.', 'w').write('dot')\n"
    "open('left-open.txt', 'w').write('flushed by the soft reset')\n"
)
READ_BACK = (
    "import os\nprint(sorted(os.listdir('/')), os.listdir('lib'))\n"
    "import util\nprint(util.X, open('main.txt','rb').read() == bytes(range(256)) * 40)\n"
    "print(open('データ.txt').read(), open('a:b?.txt').read(), open('con').read(), "
    "open('dot.').read())\n"
)
EXPECTED = (
    "['a:b?.txt', 'con', 'dot.', 'left-open.txt', 'lib', 'main.txt', 'データ.txt'] ['util.py']\r\n"
    "1 True\r\nこんにちは odd reserved on Windows dot\r\n"
).encode()


def test_files_outlive_the_board_and_a_crash(tmp_path):
    flash = tmp_path / "flash"
    with start(flash=flash, pty=False) as board:
        assert board.flash_folder == flash
        s = raw(board)
        run(s, "import sys; sys.path.append('/lib')\n" + WRITE_SOME)
        s.write(b"\x04")  # soft reset: the files left open are closed, their data kept
        read_until(s, b"soft reboot\r\nraw REPL; CTRL-B to exit\r\n>")
    with start(flash=flash, pty=False) as board:  # an IDE restart
        s = raw(board)
        assert run(s, "import sys; sys.path.append('/lib')\n" + READ_BACK) == EXPECTED
        assert run(s, "print(open('left-open.txt').read())") == b"flushed by the soft reset\r\n"
        run(
            s,
            "import os\nwith open('late.txt', 'w') as f: f.write('before the crash')\n"
            "os.remove('main.txt')",
        )
        os.kill(board._proc.pid, 9)  # a crash: what was closed is kept
    with start(flash=flash, pty=False) as board:
        s = raw(board)
        assert run(s, "import os; print(open('late.txt').read(), 'main.txt' in os.listdir())") == (
            b"before the crash False\r\n"
        )
        run(s, "os.rename('lib', 'lib2')\nos.remove('lib2/util.py')\nos.rmdir('lib2')")
    with start(flash=flash, pty=False) as board:
        assert b"lib" not in run(raw(board), "import os; print(os.listdir())")


def test_statvfs_tells_the_truth_and_a_full_flash_says_enospc(sim):
    s = raw(sim)
    out = run(
        s,
        "import os\n"
        "def free(): return os.statvfs('/')[3]\n"
        "st = os.statvfs('/'); print(st[0] * st[2], st[9])\n"
        "f0 = free()\n"
        "open('a.bin', 'wb').write(bytes(100_000))\n"
        "print(f0 - free())\n",
    )
    assert out == b"2097152 255\r\n25\r\n"  # 2 MiB; 100 kB = 25 blocks of 4 KiB
    out = run(
        s,
        "chunk = bytes(4096)\nn = 0\n"
        "try:\n with open('big.bin', 'wb') as f:\n  while True:\n   f.write(chunk)\n   n += 1\n"
        "except OSError as e:\n print(e.errno, free(), n > 400)\n"
        "os.remove('big.bin')\nos.remove('a.bin')\nprint(free() == f0)\n",
    )
    assert out == b"28 0 True\r\nTrue\r\n"


def test_two_boards_never_share_a_flash_and_erasing_needs_it_free(tmp_path):
    flash = tmp_path / "flash"
    with start(flash=flash, pty=False) as board:
        run(raw(board), "with open('x.txt', 'w') as f: f.write('x')")
        with pytest.raises(FlashInUse):
            start(flash=flash, pty=False)
        with pytest.raises(FlashInUse):
            erase_files(flash)
    assert os.listdir(flash) == ["x.txt"]
    erase_files(flash)
    assert os.listdir(flash) == []
    with start(flash=flash, pty=False) as board:
        assert run(raw(board), "import os; print(os.listdir())") == b"[]\r\n"


def test_a_dead_board_frees_its_flash(tmp_path):
    flash = tmp_path / "flash"
    board = start(flash=flash, pty=False)
    try:
        link = board.connect()
        os.kill(board._proc.pid, 9)
        with pytest.raises(OSError):
            while True:
                link.read(4096, 30)
        deadline = time.monotonic() + 10
        while True:  # reaped and unlocked without close(): the IDE can start a new board
            try:
                start(flash=flash, pty=False).close()
                break
            except FlashInUse:
                assert time.monotonic() < deadline
                time.sleep(0.05)
    finally:
        board.close()


def test_the_default_flash_is_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("HOTARU_SIM_FLASH", raising=False)
    monkeypatch.setenv("HOTARU_DATA_DIR", str(tmp_path / "data"))
    assert paths.data_dir() == tmp_path / "data"
    with start(pty=False) as board:
        assert board.flash_folder == tmp_path / "data" / "simulator" / "flash"
        run(raw(board), "with open('kept.py', 'w') as f: f.write('1')")
    assert (tmp_path / "data" / "simulator" / "flash" / "kept.py").read_text() == "1"
    monkeypatch.setenv("HOTARU_SIM_FLASH", ":memory:")
    with start(pty=False) as board:
        assert board.flash_folder is None
        assert run(raw(board), "import os; print(os.listdir())") == b"[]\r\n"


def test_names_and_dotdot_as_littlefs(sim):
    s = raw(sim)
    out = run(
        s,
        "import os\n"
        "for n in (255, 256):\n"
        " try:\n  open('a' * n, 'w').close(); print(n, 'ok')\n"
        " except OSError as e:\n  print(n, e.errno)\n"
        "try:\n open('é' * 128, 'w')\nexcept OSError as e:\n print('utf8', e.errno)\n"
        "os.mkdir('d')\n"
        "for i in range(5): open('d/' + str(i) * 250 + 'x' * 5, 'w').close()\n"
        "names = os.listdir('d')\n"
        "print(len(names), len(set(names)), sorted(len(n) for n in names))\n"
        "print(sorted(os.listdir('/..')), sorted(os.listdir('/../..')))\n"
        "os.chdir('/d/../..')\nprint(os.getcwd())\n"
        "for p in ('/../sim/board_runtime.py', '../sim/board_flash.py', '/sim'):\n"
        " try:\n  os.stat(p); print('reachable', p)\n"
        " except OSError as e:\n  print(e.errno)\n"
        "open('/../top.txt', 'w').write('t')\nprint(open('/top.txt').read())\n",
    )
    assert out == (
        b"255 ok\r\n256 36\r\nutf8 36\r\n5 5 [255, 255, 255, 255, 255]\r\n"
        + (b"['" + b"a" * 255 + b"', 'd'] ['" + b"a" * 255 + b"', 'd']\r\n")
        + b"/\r\n2\r\n2\r\n2\r\nt\r\n"
    )
