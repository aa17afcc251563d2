"""The virtual board through an independent client: mpremote (exec, fs, soft-reset)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import serial

from tests.helpers.simulator_helpers import mpremote


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
