"""The virtual board through an independent client: mpremote (exec, fs, soft-reset)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
import serial

from tests.helpers.simulator_helpers import RAM_BLOCK_DEVICE, mpremote


def ok(proc: subprocess.CompletedProcess) -> bytes:
    assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.stdout


def test_exec_prints(sim):
    assert ok(mpremote(sim.port, "resume", "exec", "print(6*7)")) == b"42\r\n"


def test_exec_traceback_fails(sim):
    proc = mpremote(sim.port, "resume", "exec", "1/0")
    assert proc.returncode != 0
    assert b"ZeroDivisionError" in proc.stdout + proc.stderr


def test_fs_mkdir_cp_ls_rm(sim, tmp_path):
    src = tmp_path / "hello.py"
    src.write_text("print('hello')\n")
    ok(mpremote(sim.port, "resume", "fs", "mkdir", "lib"))
    ok(mpremote(sim.port, "resume", "fs", "cp", str(src), ":lib/hello.py"))
    listing = ok(mpremote(sim.port, "resume", "fs", "ls", "lib"))
    assert b"15 hello.py" in listing
    assert ok(mpremote(sim.port, "resume", "exec", "import hello")) == b"hello\r\n"
    ok(mpremote(sim.port, "resume", "fs", "rm", "lib/hello.py"))
    ok(mpremote(sim.port, "resume", "fs", "rmdir", "lib"))
    assert ok(mpremote(sim.port, "resume", "fs", "ls")).strip() == b"ls :"


def test_100kb_binary_round_trip(sim, tmp_path):
    data = os.urandom(100_000)
    (tmp_path / "up.bin").write_bytes(data)
    ok(mpremote(sim.port, "resume", "fs", "cp", str(tmp_path / "up.bin"), ":blob.bin"))
    assert b"100000 blob.bin" in ok(mpremote(sim.port, "resume", "fs", "ls"))
    ok(mpremote(sim.port, "resume", "fs", "cp", ":blob.bin", str(tmp_path / "down.bin")))
    assert (tmp_path / "down.bin").read_bytes() == data


def test_japanese_file_names(sim, tmp_path):
    src = tmp_path / "テスト.py"
    src.write_text("print('こんにちは')\n", encoding="utf-8")
    ok(mpremote(sim.port, "resume", "fs", "mkdir", "日本語"))
    ok(mpremote(sim.port, "resume", "fs", "cp", str(src), ":日本語/テスト.py"))
    listing = ok(mpremote(sim.port, "resume", "fs", "ls", "日本語")).decode()
    assert "テスト.py" in listing
    out = ok(mpremote(sim.port, "resume", "exec", "exec(open('日本語/テスト.py').read())"))
    assert out.decode() == "こんにちは\r\n"


def test_soft_reset_keeps_files(sim):
    ok(mpremote(sim.port, "resume", "exec", "open('keep.txt', 'w').write('kept')\nx = 1"))
    ok(mpremote(sim.port, "resume", "soft-reset"))
    out = ok(
        mpremote(sim.port, "resume", "exec", "print(open('keep.txt').read(), 'x' in globals())")
    )
    assert out == b"kept False\r\n"


def test_module_command_serves_a_port_for_mpremote():
    proc = subprocess.Popen(
        [sys.executable, "-m", "ide.simulator"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = proc.stdout.readline().strip()
        assert port.startswith("/dev/pts/"), proc.stderr.read() if proc.poll() is not None else port
        out = ok(mpremote(port, "resume", "exec", "print(6*7)"))
        assert out == b"42\r\n"
        watcher = serial.Serial(port, timeout=5)
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode == 0
    # the port went away with the process: a client still holding it sees the hang-up
    with watcher, pytest.raises(serial.SerialException):
        watcher.read(1)


def test_module_command_with_baud():
    proc = subprocess.Popen(
        [sys.executable, "-m", "ide.simulator", "--baud", "9600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = proc.stdout.readline().strip()
        assert port.startswith("/dev/pts/"), port
        assert ok(mpremote(port, "resume", "exec", "print(6*7)")) == b"42\r\n"
    finally:
        proc.terminate()
        proc.wait(10)


def test_mount_serves_this_computers_files(sim, tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("from .x import x\n")
    (tmp_path / "pkg" / "x.py").write_text("def x():\n  print('x')\n")
    out = ok(mpremote(sim.port, "mount", str(tmp_path), "exec", "import pkg; pkg.x()"))
    assert out.endswith(b"x\r\n"), out
    # binary data of any buffer type: an array of 50 shorts is 100 bytes
    code = (
        "from array import array\n"
        "h = array('h', (0x4041 for _ in range(50)))\n"
        "with open('/remote/t.bin', 'wb') as f:\n print(f.write(h))\n"
        "b = array('h', [0, 0])\n"
        "with open('/remote/t.bin', 'rb') as f:\n print(f.readinto(b), list(b))\n"
    )
    out = ok(mpremote(sim.port, "mount", str(tmp_path), "exec", code))
    assert out.endswith(b"100\r\n4 [16449, 16449]\r\n"), out
    assert (tmp_path / "t.bin").read_bytes() == b"\x41\x40" * 50


def test_module_command_keeps_files_in_the_given_folder(tmp_path):
    flash = tmp_path / "flash"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ide.simulator", "--flash", str(flash)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = proc.stdout.readline().strip()
        assert port.startswith("/dev/"), proc.stderr.read() if proc.poll() is not None else port
        ok(mpremote(port, "resume", "exec", "with open('kept.txt', 'w') as f: f.write('k')"))
    finally:
        proc.terminate()
        proc.wait(10)
    assert (flash / "kept.txt").read_text() == "k"


# --- what MicroPython's own mpremote tests exercise, in our words: RAM disks, the file
# commands on them, `mount` with names in any language, recursive copies, UTF-8 content

# A RAM disk formatted with the VFS class named VFS; it stays mounted (and the current folder)
# for the `resume` commands that follow.
RAM_DISK_SCRIPT = (
    RAM_BLOCK_DEVICE
    + """
dev = RAMBlockDev(512, 64)
os.VFS.mkfs(dev)
os.mount(os.VFS(dev), '/ram')
os.chdir('/ram')
"""
)


@pytest.mark.parametrize("vfs", ["VfsFat", "VfsLfs2"])
def test_a_ram_disk_made_by_a_script_serves_the_file_commands(sim, tmp_path, vfs):
    script = tmp_path / "ram_disk.py"
    script.write_text(RAM_DISK_SCRIPT.replace("VFS", vfs))
    hello = tmp_path / "hello.py"
    hello.write_text("print('hello from the RAM disk')\n")
    ok(mpremote(sim.port, "run", str(script)))
    out = ok(
        mpremote(
            sim.port,
            "resume",
            *("touch", ":a.py", "+", "mkdir", ":pkg", "+", "touch", ":pkg/b.py"),
            *("+", "cp", str(hello), ":", "+", "ls", "+", "tree"),
            *("+", "sha256sum", ":a.py", ":hello.py"),
            *("+", "exec", "import os, hello; print(os.getcwd(), sorted(os.listdir('/')))"),
        )
    ).decode()
    # (listing order is the file system's: creation order here, by name on a littlefs board)
    for entry in ("           0 a.py\n", "          33 hello.py\n", "           0 pkg/\n"):
        assert entry in out, out
    assert "tree :\n:/ram\n├── a.py\n├── hello.py\n└── pkg\n    └── b.py\n" in out, out
    assert hashlib.sha256(b"").hexdigest() in out
    assert hashlib.sha256(hello.read_bytes()).hexdigest() in out
    # the RAM disk is where the program runs and imports from; the flash is beside it
    assert out.endswith("hello from the RAM disk\r\n/ram ['ram']\r\n"), out
    out = ok(
        mpremote(
            sim.port,
            "resume",
            *("rm", ":a.py", ":hello.py", ":pkg/b.py", "+", "rmdir", ":pkg", "+", "ls"),
            *("+", "exec", "import os; print(os.statvfs('/ram')[:3])"),
        )
    ).decode()
    assert out.endswith("ls :\n(512, 512, 64)\r\n"), out
    # nothing of it reached the flash
    assert sorted(p.name for p in sim.flash_folder.iterdir()) == []


def test_mount_serves_names_in_any_language(sim, tmp_path):
    (tmp_path / "データ").mkdir()
    (tmp_path / "データ" / "読む.txt").write_text("読めた\n", encoding="utf-8")
    (tmp_path / "mod_u.py").write_text("NAME = 'café'\n", encoding="utf-8")
    code = (
        "import os, mod_u\n"
        "print(sorted(os.listdir()), os.listdir('データ'))\n"
        "print(open('データ/読む.txt').read().strip(), mod_u.NAME, os.stat('データ/読む.txt')[6])\n"
        "os.mkdir('新しい')\n"
        "with open('新しい/書いた.txt', 'w') as f:\n"
        "    f.write('日本語 🎉\\n')\n"
        "os.rename('新しい/書いた.txt', '新しい/済み.txt')\n"
        "print(open('新しい/済み.txt').read().strip())\n"
    )
    out = ok(mpremote(sim.port, "mount", str(tmp_path), "exec", code)).decode()
    assert out.endswith("['mod_u.py', 'データ'] ['読む.txt']\r\n読めた café 10\r\n日本語 🎉\r\n"), (
        out
    )
    written = tmp_path / "新しい" / "済み.txt"
    assert written.read_text(encoding="utf-8") == "日本語 🎉\n"
    assert not (tmp_path / "新しい" / "書いた.txt").exists()


def test_recursive_copies_both_ways_and_recursive_remove(sim, tmp_path):
    src = tmp_path / "pkg"
    (src / "sub").mkdir(parents=True)
    (src / "__init__.py").write_text("from .x import x\nfrom .sub import y\n")
    (src / "x.py").write_text("def x():\n    return 'x'\n")
    (src / "sub" / "__init__.py").write_text("from .y import y\n")
    (src / "sub" / "y.py").write_text("def y():\n    return 'y'\n")
    out = ok(
        mpremote(
            sim.port,
            "resume",
            *("cp", "-r", str(src), ":", "+", "cp", "-r", ":pkg", ":copy"),
            *("+", "exec", "import pkg; print(pkg.x() + pkg.y())", "+", "tree", ":copy"),
        )
    ).decode()
    assert "xy\r\n" in out, out
    assert "├── __init__.py\n├── sub\n│   ├── __init__.py\n│   └── y.py\n└── x.py\n" in out, out
    back = tmp_path / "back"
    ok(mpremote(sim.port, "resume", "cp", "-r", ":copy", str(back)))
    assert sorted(str(p.relative_to(back)) for p in back.rglob("*")) == [
        "__init__.py",
        "sub",
        "sub/__init__.py",
        "sub/y.py",
        "x.py",
    ]
    assert (back / "sub" / "y.py").read_bytes() == (src / "sub" / "y.py").read_bytes()
    ok(mpremote(sim.port, "resume", "rm", "-r", ":pkg", "+", "rm", "-r", ":copy"))
    assert ok(mpremote(sim.port, "resume", "ls")).decode().strip() == "ls :"


def test_quotes_in_names_and_utf8_content_through_the_file_commands(sim, tmp_path):
    text = "Hello 世界\nEmoji: 🎉🐍\nCafé résumé naïve\n"
    local = tmp_path / "unicode.txt"
    local.write_text(text, encoding="utf-8")
    out = ok(
        mpremote(
            sim.port,
            "resume",
            *("touch", ":it's.txt", "+", "ls", "+", "rm", ":it's.txt", "+", "ls"),
            *("+", "cp", str(local), ":", "+", "cat", ":unicode.txt"),
            *("+", "sha256sum", ":unicode.txt", "+", "eval", "'日本語'"),
        )
    ).decode()
    assert "ls :\n           0 it's.txt\nrm :it's.txt\nls :\n" in out, out
    assert text in out.replace("\r\n", "\n"), out
    assert hashlib.sha256(text.encode()).hexdigest() in out
    assert out.endswith("日本語\r\n"), out
