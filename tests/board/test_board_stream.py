"""Stream uploads (ide.board.transfer_stream): deflate-compressed chunks where they pay, many
files through one helper call, each verified and committed on its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import serial

from ide.board import Cancelled, RemoteError, connect, transfer_stream, transfer_window

ROOT = Path(__file__).resolve().parents[2]


def real_source(size: int) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((ROOT / "ide").rglob("*.py")))[:size]


@pytest.fixture
def board(sim):
    s = connect(sim.port)
    yield s
    s.close()


def test_source_is_sent_compressed_and_random_bytes_raw() -> None:
    limit = transfer_stream.payload_limit(8192)
    src = real_source(30_000)
    frames = transfer_stream.file_frames("/a.py", src, limit, True, True)
    wire = sum(len(f) for f, _n in frames)
    assert sum(n for _f, n in frames) == len(src)
    assert wire * 2.5 < len(src), wire  # real Python source: more than 2.5x smaller
    rnd = os.urandom(50_000)
    frames = transfer_stream.file_frames("/r.bin", rnd, limit, True, True)
    assert all(f[0] != transfer_stream.ZLIB for f, _n in frames[1:])
    # incompressible: the raw bytes plus 3 bytes a frame (and the file's header), no more
    assert sum(len(f) for f, _n in frames) <= len(rnd) + 3 * len(frames) + 100


def test_the_simulator_has_deflate_and_compressed_uploads_verify(board) -> None:
    src = real_source(40_000)
    rnd = os.urandom(30_000)
    mixed = src[:10_000] + os.urandom(9000) + src[10_000:]  # compressed and raw chunks
    for path, data in (("/a.py", src), ("/r.bin", rnd), ("/m.bin", mixed), ("/e.py", b"")):
        board.write_file(path, data)
        assert board.read_file(path) == data
    assert board.repl.deflate is True  # asked once, at the first upload
    assert not [e.name for e in board.listdir("/") if "hotaru-part" in e.name]


def test_without_deflate_uploads_fall_back(board) -> None:
    board.repl.deflate = False  # as on a board whose firmware lacks deflate
    src = real_source(20_000)
    board.write_file("/a.py", src)
    assert board.read_file("/a.py") == src
    files = [(f"/f{i}.py", real_source(1500 + i)) for i in range(5)]
    board.write_files(files)
    assert [board.read_file(p) for p, _d in files] == [d for _p, d in files]


def test_a_folder_in_one_stream(board) -> None:
    board.mkdir("/lib/sub")
    files = [(f"/lib/m{i:02d}.py", real_source(1500)[i:] + bytes([i])) for i in range(40)]
    files += [("/lib/sub/empty.py", b""), ("/lib/sub/bin.mpy", os.urandom(3000))]
    seen: list[tuple[int, int]] = []
    board.write_files(files, lambda done, total: seen.append((done, total)))
    for path, data in files:
        assert board.read_file(path) == data
    total = sum(len(d) for _p, d in files)
    assert seen[-1] == (total, total) and seen == sorted(seen)


def test_a_failing_file_leaves_the_ones_after_it_old(board) -> None:
    board.write_files([("/a.py", b"old a"), ("/c.py", b"old c")])
    files = [("/a.py", b"new a"), ("/no/such/dir/b.py", b"b"), ("/c.py", b"new c")]
    with pytest.raises(RemoteError):
        board.write_files(files)
    assert board.read_file("/a.py") == b"new a"
    assert board.read_file("/c.py") == b"old c"
    assert not [e.name for e in board.listdir("/") if "hotaru-part" in e.name]
    board.write_file("/c.py", b"works after")  # the session is usable again
    assert board.read_file("/c.py") == b"works after"


def test_cancel_leaves_every_file_old_or_new(board) -> None:
    old = [(f"/c{i}.py", b"old %d" % i) for i in range(6)]
    board.write_files(old)
    # Files large beside the most the host keeps in flight: a cancel once the first file is
    # through stops the stream before the last one starts (what is in flight still lands).
    size = transfer_window.CEILING // 2
    new = [(p, os.urandom(size + i)) for i, (p, _d) in enumerate(old)]

    def progress(done: int, total: int) -> bool:
        return done < size  # cancel once the first file is through

    with pytest.raises(Cancelled):
        board.write_files(new, progress)
    got = [board.read_file(p) for p, _d in old]
    kinds = [
        "new" if g == n else "old" if g == o else "broken"
        for g, (_p, n), (_q, o) in zip(got, new, old, strict=True)
    ]
    assert "broken" not in kinds and kinds[0] == "new" and kinds[-1] == "old", kinds
    assert not [e.name for e in board.listdir("/") if "hotaru-part" in e.name]


def test_output_read_with_the_last_acknowledgement_keeps_the_session_in_step(sim, monkeypatch):
    # A loaded host reads late: the last acknowledgement and the helper's "OK" arrive in one
    # read. They were taken for the helper ending early, and every following operation began
    # with a full resync (Ctrl-C, Ctrl-A: 120 ms, more at 115200).
    from ide.board import keys as keys_module
    from tests.helpers.board_fakes import LaggingSerial

    monkeypatch.setattr(keys_module, "LAZY_EXIT", 30.0)  # the board stays in the raw REPL
    port = LaggingSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: port, auto_reconnect=False)
    try:
        for path, data in (("/r.bin", os.urandom(20000)), ("/a.py", real_source(20000))):
            for deflate in (False, True):  # the one-file helper, then the stream
                s.repl.deflate = deflate
                s.write_file(path, data)
                assert s.repl.mode == "raw", (path, deflate)
                port.written.clear()
                assert s.read_file(path) == data
                assert not [w for w in port.written if b"\x03" in w], (path, deflate)
    finally:
        s.close()
