"""A board that prints on its own: the ESP32's ROM boot log when the port opens and ESP-IDF log
lines (``E (1234) wifi: ...``) at any moment, also in the middle of exec answers, listings and
file transfers. Every operation stays correct and every line reaches the console."""

from __future__ import annotations

import os
import random
import threading

import pytest
from test_board_state import Recorder

from ide.board import connect
from ide.board.idflog import LogSieve, is_log_line
from tests.helpers.board_fakes import ProcessTransport

ROM_BOOT = (
    b"ets Jun  8 2016 00:22:57\r\n\r\n"
    b"rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
    b"configsip: 0, SPIWP:0xee\r\n"
    b"mode:DIO, clock div:2\r\n"
    b"load:0x3fff0030,len:4540\r\n"
    b"entry 0x4008060c\r\n"
)
# Where a bare (uncoloured) log line can begin in the protocol: after a line end, an upload
# acknowledgement, an end-of-frame byte or the raw prompt (see ide/board/idflog.py).
BOUNDARY = b"\n\x06\x15\x04>"


class LoggingBoard(ProcessTransport):
    """The simulator behind a UART that an ESP-IDF logger shares: the ROM boot log on open,
    then log lines spliced into what the host reads at random (seeded) places."""

    def __init__(self, board, seed: int, rate: float = 0.3) -> None:
        super().__init__(board)
        self.rng = random.Random(seed)
        self.rate = rate
        self.injected: list[bytes] = []
        self.pending = ROM_BOOT
        self.lock = threading.Lock()
        self.enabled = True
        self.written = False

    def _line(self) -> tuple[bytes, bool]:
        k = len(self.injected)
        level = self.rng.choice("EWI")
        tag = self.rng.choice(["wifi", "boot", "cpu_start", "esp_image", "phy_init"])
        text = f"{level} ({1000 + 37 * k}) {tag}: injected line {k}"
        if self.rng.random() < 0.5:
            colour = {"E": "31", "W": "33", "I": "32"}[level]
            return f"\x1b[0;{colour}m{text}\x1b[0m\r\n".encode(), True
        return f"{text}\r\n".encode(), False

    def write(self, data: bytes) -> None:
        self.written = True
        super().write(data)

    def read(self, n: int, timeout: float) -> bytes:
        with self.lock:
            # The ROM log comes while Hotaru's first keys are under way (the open reset the
            # board): the resync, not the idle console, receives it.
            if self.pending and self.written:
                data, self.pending = self.pending, b""
                return data
        data = self.inner.read(n, timeout)
        if not data or not self.enabled or self.rng.random() >= self.rate:
            return data
        line, coloured = self._line()
        at = self.rng.randrange(len(data) + 1)
        if not coloured:
            # A bare line begins where a line may begin: after the next boundary byte.
            ends = [i + 1 for i in range(at - 1, len(data)) if i >= 0 and data[i] in BOUNDARY]
            if not ends:
                return data
            at = ends[0]
        self.injected.append(line)
        return data[:at] + line + data[at:]


def connect_recorded(sim, fake: ProcessTransport) -> tuple:
    """A session on the virtual board through ``fake``, its console recorded from the start."""
    s = connect(sim.port, transport=fake)
    rec = Recorder()
    s.subscribe(rec.console, replay=True)
    return s, rec


@pytest.fixture
def logging_board(sim):
    fake = LoggingBoard(sim, seed=int(os.environ.get("ESPLOG_SEED", "11")))  # sweeps: other seeds
    s, rec = connect_recorded(sim, fake)
    yield s, fake, rec
    s.close()


def _without_logs(fake: LoggingBoard, rec: Recorder) -> str:
    """The console's text with the injected log lines taken out."""
    text = rec.text()
    for line in fake.injected:
        text = text.replace(line.decode(), "")
    return text


def _all_in_console(fake: LoggingBoard, rec: Recorder) -> None:
    text = rec.text()
    missing = [ln for ln in fake.injected if ln.decode().strip() not in text]
    assert not missing, missing


def test_rom_boot_log_at_open_reaches_the_console(logging_board):
    s, fake, rec = logging_board
    rec.wait(lambda: "rst:0x1 (POWERON_RESET)" in rec.text(), "the ROM boot log")
    assert "ets Jun  8 2016" in rec.text()
    assert s.eval("1 + 1") == 2


def test_every_operation_stays_correct_among_log_lines(logging_board):
    s, fake, rec = logging_board
    data = random.Random(5).randbytes(100_000)
    for round_ in range(3):
        assert s.exec(f"print({round_} * 7)").strip() == str(round_ * 7)
        s.write_file(f"/blob{round_}.bin", data)
        assert s.read_file(f"/blob{round_}.bin") == data
        names = [e.name for e in s.listdir("/")]
        assert f"blob{round_}.bin" in names
        result = s.run(f"print('ran', {round_})")
        assert result.ok
        # (a coloured log line may land inside the program's output, as on a shared UART)
        rec.wait(lambda r=round_: f"ran {r}" in _without_logs(fake, rec), "the program's output")
        assert s.eval("[1, 2, 3]") == [1, 2, 3]
    assert len(fake.injected) > 10  # the test did inject, also inside the transfers
    fake.enabled = False
    _all_in_console(fake, rec)


def test_sieve_takes_only_whole_log_lines():
    sieve = LogSieve()
    line = b"\x1b[0;31mE (1234) wifi: bad\x1b[0m\r\n"
    keep, lines = sieve.feed(b"OK12" + line[:9])
    assert keep == b"OK12" and lines == []
    keep, lines = sieve.feed(line[9:] + b"34\x04")
    assert keep == b"34\x04" and lines == [line]
    # Bare lines only at a line start; the same text mid-line is data.
    keep, lines = sieve.feed(b"xE (1) boot: no\r\n\nI (2) boot: yes\r\n>")
    assert keep == b"xE (1) boot: no\r\n\n>" and lines == [b"I (2) boot: yes\r\n"]
    # A held start that turns out not to be a log line is given back.
    keep, lines = sieve.feed(b"\nE (12")
    assert keep == b"\n" and sieve.holding
    assert sieve.flush() == b"E (12"
    assert is_log_line(b"W (56) phy_init: x\r\n") and not is_log_line(b"W (x) phy: x\r\n")


class LogAfterCommits(ProcessTransport):
    """ESP-IDF prints a bare line right after the stream helper said a file was committed."""

    LINE = b"W (4321) wifi: after a commit\r\n"

    def __init__(self, board) -> None:
        super().__init__(board)
        self.injected = 0

    def read(self, n: int, timeout: float) -> bytes:
        data = self.inner.read(n, timeout)
        self.injected += data.count(b"\x07")
        return data.replace(b"\x07", b"\x07" + self.LINE)


def test_a_log_line_after_a_stream_uploads_commit_is_the_consoles(sim):
    fake = LogAfterCommits(sim)
    s, rec = connect_recorded(sim, fake)
    try:
        files = [(f"/f{i}.py", f"print({i})\n" * 50) for i in range(4)]
        s.write_files(files)
        assert fake.injected == 4  # (the stream helper: one \x07 per file)
        for path, text in files:
            assert s.read_file(path) == text.encode()
        rec.wait(lambda: "after a commit" in rec.text(), "the log line in the console")
    finally:
        s.close()


class LogInTheErrorFrame(ProcessTransport):
    """ESP-IDF prints a line just as the program ends: between the end of its output and the
    (empty) error frame of the run's answer."""

    LINE = b"\x1b[0;32mI (2517) phy_init: just as it ended\x1b[0m\r\n"

    def __init__(self, board) -> None:
        super().__init__(board)
        self.program = b""  # the run's own code: the \\x04 bytes are counted once it went out
        self.ends = -1  # \\x04 bytes read since (raw-paste's end of data, then end of output)
        self.injected = False

    def write(self, data: bytes) -> None:
        if self.program and self.program in data:
            self.program, self.ends = b"", 0
        super().write(data)

    def read(self, n: int, timeout: float) -> bytes:
        data = self.inner.read(n, timeout)
        if self.ends < 0 or self.injected:
            return data
        for i, b in enumerate(data):
            if b == 4:
                self.ends += 1
                if self.ends == 2:
                    self.injected = True
                    return data[: i + 1] + self.LINE + data[i + 1 :]
        return data


def test_a_log_line_as_a_program_ends_is_no_traceback(sim):
    fake = LogInTheErrorFrame(sim)
    s, rec = connect_recorded(sim, fake)
    try:
        fake.program = b"print('done')"
        result = s.run("print('done')")
        assert fake.injected
        assert result.ok and result.traceback is None, result
        rec.wait(lambda: "just as it ended" in rec.text(), "the log line in the console")
        bad = s.run("1 / 0")  # a real traceback is still one
        assert bad.traceback is not None and "ZeroDivisionError" in bad.traceback
    finally:
        s.close()


def test_a_file_with_log_shaped_lines_reads_back_whole(sim):
    s = connect(sim.port)
    try:
        data = b"header\r\nE (1234) wifi: this line is the file's own\r\nend\r\n" * 50
        s.write_file("/log.txt", data)
        assert s.read_file("/log.txt") == data
    finally:
        s.close()
